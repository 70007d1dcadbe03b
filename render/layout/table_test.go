package layout

import (
	"math"
	"testing"
)

// TestTableBordersJoined: the columns' borders of a table's rows, one
// under the other on a page, are one rule per column from the top of the
// table part to its foot; each row still has its own rule below.
func TestTableBordersJoined(t *testing.T) {
	const rows = 120
	pages := mustLayout(t, sampleDoc(2, rows))
	ncol := 3
	parts, horizontal := 0, 0
	for i, pg := range pages {
		var vert []*Rule
		top, foot := math.Inf(1), math.Inf(-1)
		for _, r := range rules(pg, RoleTableRule) {
			if r.X1 == r.X2 {
				vert = append(vert, r)
				continue
			}
			horizontal++
			top, foot = min(top, r.Y1), max(foot, r.Y1)
		}
		if len(vert) == 0 {
			continue
		}
		parts++
		if len(vert) != ncol+1 {
			t.Errorf("page %d: %d vertical borders, want one per column edge, %d", i+1, len(vert), ncol+1)
		}
		for _, r := range vert {
			if math.Abs(r.Y1-top) > eps || math.Abs(r.Y2-foot) > eps {
				t.Errorf("page %d: border at x %.1f runs %.1f–%.1f, want the table's %.1f–%.1f", i+1, r.X1, r.Y1, r.Y2, top, foot)
			}
		}
	}
	if parts < 2 {
		t.Fatalf("table on %d pages; the test needs one that crosses a page", parts)
	}
	// Each row and each page's header has a rule below; each header one
	// above.
	if want := rows + 2*parts; horizontal != want {
		t.Errorf("%d horizontal rules, want %d", horizontal, want)
	}
}
