package pdf

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/layout"
)

// TestRulesDrawn: the rules of a table running over pages and of the
// stamps' boxes are drawn as laid out, each a line of its width, the line
// width set only when it changes.
func TestRulesDrawn(t *testing.T) {
	cell := func(s string) document.Cell { return document.Cell{Runs: []document.Run{{Text: s}}} }
	table := &document.Table{Header: []document.Cell{cell("STT"), cell("Chỉ tiêu"), cell("Số vụ")}}
	for i := range 60 {
		table.Rows = append(table.Rows, []document.Cell{cell(fmt.Sprint(i + 1)), cell("Số vụ phạm tội về trật tự xã hội"), cell("1.234")})
	}
	d := &document.Document{
		Frame: document.Frame{Agency: "CÔNG AN THÀNH PHỐ CẦN THƠ", Number: "Số: 15/BC-CAT", KindName: "BÁO CÁO", Title: "Tổng kết công tác",
			Urgency: "KHẨN", Secrecy: "MẬT", Signature: document.Signature{Position: "GIÁM ĐỐC", Name: "Nguyễn Văn Thuận"}},
		Body: []document.Block{table},
	}
	fam := face.Default()
	pages, err := layout.Layout(d, fam, layout.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 2 {
		t.Fatalf("%d pages, want the table over two at least", len(pages))
	}
	got := drawn(t, write(t, pages, sampleInfo), fam, layout.A4Height)
	// Positions are written to 0.01 pt.
	const tol = 0.01 / k
	for pi, pg := range pages {
		var laid []layout.Rule
		var laidLength, drawnLength float64
		for _, it := range pg.Items {
			if r, ok := it.(*layout.Rule); ok {
				laid = append(laid, *r)
				laidLength += math.Hypot(r.X2-r.X1, r.Y2-r.Y1)
			}
		}
		segs := got[pi].segments
		for _, s := range segs {
			drawnLength += math.Hypot(s.x2-s.x1, s.y2-s.y1)
		}
		if len(segs) != len(laid) {
			t.Errorf("page %d: %d lines drawn for %d rules", pi+1, len(segs), len(laid))
		}
		widths := map[float64]bool{}
		for _, r := range laid {
			widths[r.Width] = true
		}
		// fpdf sets the width at the top of each page, then each change.
		if got[pi].widths > len(widths)+2 {
			t.Errorf("page %d: line width set %d times for %d widths", pi+1, got[pi].widths, len(widths))
		}
		if math.Abs(drawnLength-laidLength) > tol*float64(len(segs)+len(laid)) {
			t.Errorf("page %d: lines %.2f mm long in all, rules %.2f mm", pi+1, drawnLength, laidLength)
		}
		for _, r := range laid {
			if !slices.ContainsFunc(segs, func(s segment) bool { return covers(s, r, tol) }) {
				t.Errorf("page %d: rule %+v not drawn", pi+1, r)
			}
		}
	}
}

// covers reports whether the segment s, drawn with r's width, contains r.
func covers(s segment, r layout.Rule, tol float64) bool {
	if math.Abs(s.width-r.Width) > tol {
		return false
	}
	on := func(x, y float64) bool {
		// The distance from (x, y) to the segment.
		dx, dy := s.x2-s.x1, s.y2-s.y1
		u := ((x-s.x1)*dx + (y-s.y1)*dy) / (dx*dx + dy*dy)
		u = max(0, min(1, u))
		return math.Hypot(s.x1+u*dx-x, s.y1+u*dy-y) <= tol
	}
	return on(r.X1, r.Y1) && on(r.X2, r.Y2)
}
