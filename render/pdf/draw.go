package pdf

import (
	"bytes"

	"codeberg.org/go-pdf/fpdf"

	"baocao/render/face"
	"baocao/render/layout"
)

// drawer draws the items of a page in order, with as few operators as
// give the same page: writing and compressing a page costs in proportion to
// them. Texts that continue one another on a line are drawn together (see
// textRun), and the font and line width are set only when they change.
// fpdf draws the rules; the text, in fonts fpdf does not know (see
// fonts.go), and the images (see image.go) are written into the page as
// they stand.
type drawer struct {
	p      *fpdf.Fpdf
	fonts  [len(styles)]fontUse
	height float64 // the page's, in mm
	run    textRun
	open   bool   // run holds texts not drawn yet
	text   []byte // text objects not yet written into the page
	images images // the pictures drawn
	// font is the face and size set last on the page.
	font struct {
		set   bool
		style face.Style
		size  float64
	}
	// line is the line width set last: fpdf writes a change into the page
	// each time it is asked for one, changed or not.
	lineSet bool
	line    float64
}

// page starts drawing a page pageHeight mm tall: its content starts with
// no font set.
func (d *drawer) page(height float64) {
	d.height = height
	d.font.set = false
}

func (d *drawer) item(it layout.Item) {
	if t, ok := it.(*layout.Text); ok {
		u := &d.fonts[t.Style]
		if !d.open || !d.run.join(t, u) {
			d.endRun()
			d.run.start(t, u)
			d.open = true
		}
		return
	}
	d.flushText()
	switch it := it.(type) {
	case *layout.Rule:
		if !d.lineSet || d.line != it.Width {
			d.p.SetLineWidth(it.Width)
			d.lineSet, d.line = true, it.Width
		}
		d.p.Line(it.X1, it.Y1, it.X2, it.Y2)
	case *layout.Image:
		d.text = d.images.draw(d.text, it, d.height)
	}
}

// endRun adds the run gathered so far to the page's pending text.
func (d *drawer) endRun() {
	if !d.open {
		return
	}
	d.open = false
	r := &d.run
	f := &d.font
	set := !f.set || f.style != r.style || f.size != r.size
	f.set, f.style, f.size = true, r.style, r.size
	d.text = r.draw(d.text, d.height, set)
}

// flushText writes the pending text into the page, before a rule or an
// image is drawn over it, or at the page's end.
func (d *drawer) flushText() {
	d.endRun()
	if len(d.text) == 0 {
		return
	}
	d.p.RawWriteBuf(bytes.NewReader(bytes.TrimSuffix(d.text, []byte("\n"))))
	d.text = d.text[:0]
}
