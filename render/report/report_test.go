package report

import "testing"

// TestPosOf: a value's position comes from Positions, a table's row or cell
// from the table's Places, and anything unknown names only the file.
func TestPosOf(t *testing.T) {
	r := &Report{
		Positions: map[string]Pos{"annexes": {File: "f.yaml", Line: 3, Column: 1}},
		Annexes: []Annex{
			{Title: "Ghi chú"},
			{Table: &Table{Rows: [][]string{{"a", "b"}}, Places: []RowPlaces{
				{Row: Place{Line: 9, Column: 11}, Cells: []Place{{Line: 9, Column: 12}, {Line: 9, Column: 16}}},
			}}},
		},
	}
	for _, tt := range []struct {
		path string
		want Pos
	}{
		{"annexes", Pos{File: "f.yaml", Line: 3, Column: 1}},
		{"annexes[1].table.rows[0]", Pos{File: "f.yaml", Line: 9, Column: 11}},
		{"annexes[1].table.rows[0][1]", Pos{File: "f.yaml", Line: 9, Column: 16}},
		{"annexes[1].table.rows[0][2]", Pos{File: "f.yaml"}},
		{"annexes[1].table.rows[1]", Pos{File: "f.yaml"}},
		{"annexes[1].table.rows[0][1]x", Pos{File: "f.yaml"}},
		{"annexes[1].table.rows[-1]", Pos{File: "f.yaml"}},
		{"annexes[0].table.rows[0]", Pos{File: "f.yaml"}},
		{"annexes[2].table.rows[0]", Pos{File: "f.yaml"}},
		{"bao_cao.body", Pos{File: "f.yaml"}},
	} {
		if got := r.PosOf(tt.path); got != tt.want {
			t.Errorf("PosOf(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
	if got := (&Report{}).PosOf("annexes"); got != (Pos{}) {
		t.Errorf("PosOf in a report not loaded from a file = %v, want none", got)
	}
}
