package pdf

import (
	"codeberg.org/go-pdf/fpdf"

	"baocao/render/face"
	"baocao/render/layout"
)

// drawer draws the items of a page in order, with as few operators as
// give the same page: writing and compressing a page costs in proportion to
// them. Texts that continue one another on a line are drawn together (see
// textRun), and the font and line width are set only when they change.
type drawer struct {
	p      *fpdf.Fpdf
	fam    *face.Family
	fonts  [len(styles)]fontName
	data   [len(styles)][]byte // the faces' TrueType bytes, see fontData
	run    textRun
	open   bool // run holds texts not drawn yet
	images int  // images drawn so far, which names the next one
	// font is the face and size set last, line the line width: fpdf
	// writes a change into the page each time it is asked for one,
	// changed or not.
	font struct {
		set   bool
		style face.Style
		size  float64
	}
	lineSet bool
	line    float64
}

func (d *drawer) item(it layout.Item) {
	if t, ok := it.(*layout.Text); ok {
		if !d.open || !d.run.join(t, d.fam) {
			d.flushText()
			d.run.start(t, d.fam)
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
		drawImage(d.p, it, d.images)
		d.images++
	}
}

// flushText draws the texts gathered so far.
func (d *drawer) flushText() {
	if !d.open {
		return
	}
	d.open = false
	r := &d.run
	if fn := &d.fonts[r.style]; !fn.used {
		// Registered on first use: fpdf parses and embeds every font
		// registered, used or not.
		d.p.AddUTF8FontFromBytes(fn.key, "", d.data[r.style])
		fn.used = true
	}
	if f := &d.font; !f.set || f.style != r.style || f.size != r.size {
		d.p.SetFont(d.fonts[r.style].key, "", r.size)
		f.set, f.style, f.size = true, r.style, r.size
	}
	r.draw(d.p, d.fam)
}
