package layout

import (
	"baocao/render/document"
	"baocao/render/face"
)

// minutesBlock lays out the closing of a biên bản (Nghị định 30, Mẫu 1.9)
// from y = 0: two signing blocks side by side, THƯ KÝ in the Nơi nhận
// column on the left and CHỦ TỌA in the signature column on the right, each
// with the space for the signature and the name; then Nơi nhận under them,
// flush left. The left column widens, up to half the text width, when the
// secretary's name would not fit it on one line.
func (e *engine) minutesBlock(f *document.Frame) closingBlock {
	sz := e.s.Sizes
	pg := &Page{}
	asc, lh := e.ascent(sz.Signature), lineHeight(sz.Signature)
	lw := closingLeftWidth
	for _, s := range []string{f.Secretary.Authority, f.Secretary.Position, f.Secretary.Name} {
		lw = max(lw, e.fam.Face(face.Bold).Width(s, sz.Signature)+2*headerPad)
	}
	lw = min(lw, e.width()/2)
	bottom := 0.0
	for _, c := range []struct {
		sig  document.Signature
		x, w float64
	}{
		{f.Secretary, e.left(), lw},
		{f.Signature, e.left() + lw, e.width() - lw},
	} {
		y, last := 0.0, asc-lh
		for _, s := range signatureLines(c.sig) {
			bl, _ := e.box(pg, plain(s.text, true, false), sz.Signature, c.x, c.w, y, alignCenter, s.role)
			last = bl[len(bl)-1]
			y = last - asc + lh
		}
		if c.sig.Name != "" {
			bl, _ := e.box(pg, plain(c.sig.Name, true, false), sz.Signature, c.x, c.w, last+signatureSpace-asc, alignCenter, RoleSigner)
			last = bl[len(bl)-1]
		}
		bottom = max(bottom, last-asc+lh)
	}
	if len(f.Recipients) > 0 {
		y := bottom + paraAfterPt*face.PtToMM
		e.box(pg, plain("Nơi nhận:", true, true), sz.NoiNhanLabel, e.left(), closingLeftWidth, y, alignLeft, RoleNoiNhan)
		// The list's first baseline is a label line below the label's.
		bottom = e.recipientList(pg, f.Recipients, y+e.ascent(sz.NoiNhanLabel)+lineHeight(sz.NoiNhanLabel)-e.ascent(sz.NoiNhan))
	}
	return closingBlock{items: pg.Items, height: bottom}
}

// recipientList sets the Nơi nhận lines from top y in the left column,
// continuation lines hanging clear of the "- ", and returns the bottom of
// the last line.
func (e *engine) recipientList(pg *Page, recipients []string, y float64) float64 {
	size := e.s.Sizes.NoiNhan
	for _, r := range recipients {
		bl, _ := e.hangingBox(pg, plain(r, false, false), size, e.left(), closingLeftWidth, e.hang(), y, alignLeft, RoleRecipient)
		y += float64(len(bl)) * lineHeight(size)
	}
	return y
}
