package layout

import "baocao/render/document"

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
			minW, _ := e.columnBounds(t)
			if sum(minW) > portrait+tolerance {
				return true
			}
		}
	}
	return false
}
