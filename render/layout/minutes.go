package layout

import (
	"baocao/render/document"
	"baocao/render/face"
)

// The signing table of Mẫu 1.9, from the decree's Word file: columns of
// 3402, 426 and 5528 twips from the left margin. THƯ KÝ is centred in the
// first, CHỦ TỌA in the third; the second keeps them apart.
const (
	minutesLeftWidth   = 60.0  // THƯ KÝ, as wide as the Nơi nhận column of Mẫu 1.4
	minutesGap         = 7.5   // between the two columns
	minutesChairCentre = 116.3 // mm from the left margin to the middle of CHỦ TỌA's column
)

// minutesBlock lays out the closing of a biên bản (Nghị định 30, Mẫu 1.9)
// from y = 0: two signing blocks side by side, THƯ KÝ on the left and CHỦ
// TỌA on the right, each with the space for the signature and the name;
// then Nơi nhận under them, flush left. The model sets the table right
// under the last paragraph, with no more space than between paragraphs.
//
// The columns are centred where the model's are, measured from the left
// margin (the model's table runs into a 20 mm right margin: the chair's
// column here ends at the margin, as wide on both sides of its centre). A
// line wider than its column widens it: the secretary's rightwards, its
// text flush with the margin, up to half the text width; the chair's
// leftwards, as far as the gap allows.
func (e *engine) minutesBlock(f *document.Frame) closingBlock {
	sz := e.s.Sizes
	pg := &Page{}
	asc, lh := e.ascent(sz.Signature), lineHeight(sz.Signature)
	widest := func(sig document.Signature) float64 {
		w := 0.0
		for _, s := range []string{sig.Authority, sig.Position, sig.Name} {
			w = max(w, e.fam.Face(face.Bold).Width(s, sz.Signature))
		}
		return w
	}
	lw := min(max(minutesLeftWidth, widest(f.Secretary)), e.width()/2)
	// The chair's column: centred on the model's centre, between the
	// left column's gap and the right margin, unless its text needs more.
	centre, right := e.left()+minutesChairCentre, e.left()+e.width()
	rx := max(e.left()+lw+minutesGap, 2*centre-right)
	rw := 2 * (centre - rx)
	if rw < widest(f.Signature) {
		rx = max(e.left()+lw+minutesGap, right-widest(f.Signature))
		rw = right - rx
	}
	bottom := 0.0
	for _, c := range []struct {
		sig  document.Signature
		x, w float64
	}{
		{f.Secretary, e.left(), lw},
		{f.Signature, rx, rw},
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
		// Nơi nhận follows the names after a paragraph's space, as in the
		// model's cell.
		bottom = e.noiNhan(pg, f.Recipients, bottom+paraAfterPt*face.PtToMM+e.ascent(sz.NoiNhanLabel))
	}
	return closingBlock{items: pg.Items, height: bottom}
}
