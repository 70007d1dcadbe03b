package layout

import (
	"fmt"
	"math"

	"baocao/render/document"
	"baocao/render/report"
)

// annex lays out one annex on pages of its own (nd30.md §5): no national
// header, the heading block — "Phụ lục I", the title, "(Kèm theo …)" and a
// short rule — then the content. Its pages are landscape when one of its
// tables does not fit a portrait page even at its narrowest.
func (e *engine) annex(a *document.Annex) {
	e.section(e.tooWide(a.Body))
	pg, size := e.page(), e.s.Sizes.Kind
	e.mark(pg, 0, a.Label+". "+a.Title, e.y)
	bl, _ := e.titleBox(pg, plain(a.Label, true, false), size, e.y, RoleAnnexLabel)
	y := bl[len(bl)-1] - e.ascent(size) + lineHeight(size)
	bl, wide := e.titleBox(pg, plain(a.Title, true, false), size, y, RoleAnnexTitle)
	y = bl[len(bl)-1] - e.ascent(size) + lineHeight(size)
	bl, _ = e.titleBox(pg, plain(a.Ref, false, true), size, y, RoleAnnexRef)
	rule := bl[len(bl)-1] + ruleBelow
	e.centredRule(pg, e.left()+e.width()/2, rule, wide*ruleRatio, RoleAnnexRef)
	e.y = rule + bodyGap
	e.blocks(a.Body, 0, 1)
}

// tooWide reports whether a table of body needs more than the portrait
// text width with every column at its longest word.
func (e *engine) tooWide(body []document.Block) bool {
	portrait := A4Width - e.s.Margins.Left - e.s.Margins.Right
	for _, b := range body {
		if t, ok := b.(*document.Table); ok {
			if sum(e.tableBounds(t).minW) > portrait+tolerance {
				return true
			}
		}
	}
	return false
}

// checkTables refuses, before anything is placed, a table that even at
// its narrowest (narrowest) does not fit its page — the body's portrait,
// an annex's landscape: its figures would be cut, or its words a
// character a line.
func (e *engine) checkTables(d *document.Document) error {
	var errs report.Errors
	check := func(body []document.Block, where string, width float64, advice string) {
		n := 0
		for _, b := range body {
			t, ok := b.(*document.Table)
			if !ok {
				continue
			}
			n++
			b := e.tableBounds(t)
			ncol := b.ncol
			need := narrowest(b.minW, b.figures)
			if need <= width+tolerance {
				continue
			}
			fit := max(1, int(width/(need/float64(ncol))))
			errs = append(errs, &report.Error{Msg: fmt.Sprintf(
				"bảng thứ %d của %s có %d cột, hẹp nhất (mỗi số trọn trên một dòng) cũng cần %.0f mm mà trang chỉ rộng %.0f mm — hãy bớt cột hoặc tách thành nhiều bảng, mỗi bảng khoảng %d cột%s",
				n, where, ncol, math.Ceil(need), math.Floor(width), fit, advice)})
		}
	}
	portrait := A4Width - e.s.Margins.Left - e.s.Margins.Right
	check(d.Body, "phần nội dung", portrait, ", hoặc đưa bảng vào phụ lục, in trên trang ngang")
	for _, a := range d.Annexes {
		check(a.Body, a.Label, A4Height-e.s.Margins.Left-e.s.Margins.Right, "")
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}
