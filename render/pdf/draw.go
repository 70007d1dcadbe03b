package pdf

import (
	"baocao/render/face"
	"baocao/render/layout"
)

// drawer draws the items of a page in order into its content stream, with
// as few operators as give the same page: writing and compressing a page
// costs in proportion to them. Texts that continue one another on a line
// are drawn together (see textRun), and the font and line width are set
// only when they change.
type drawer struct {
	fonts   [len(styles)]fontUse
	height  float64 // the page's, in mm
	run     textRun
	open    bool   // run holds texts not drawn yet
	content []byte // the page's content stream so far
	images  images // the pictures drawn
	// font is the face and size set last on the page.
	font struct {
		set   bool
		style face.Style
		size  float64
	}
	// line is the line width set last on the page.
	lineSet bool
	line    float64
}

// page starts drawing a page pageHeight mm tall: a content stream starts
// in the default graphics state, no font or line width set.
func (d *drawer) page(height float64) {
	d.height = height
	d.content = d.content[:0]
	d.font.set = false
	d.lineSet = false
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
	d.endRun()
	switch it := it.(type) {
	case *layout.Rule:
		c := d.content
		if !d.lineSet || d.line != it.Width {
			c = appendCoord(c, it.Width*k)
			c = append(c, " w\n"...)
			d.lineSet, d.line = true, it.Width
		}
		c = appendCoord(c, it.X1*k)
		c = append(c, ' ')
		c = appendCoord(c, (d.height-it.Y1)*k)
		c = append(c, " m "...)
		c = appendCoord(c, it.X2*k)
		c = append(c, ' ')
		c = appendCoord(c, (d.height-it.Y2)*k)
		d.content = append(c, " l S\n"...)
	case *layout.Image:
		d.content = d.images.draw(d.content, it, d.height)
	}
}

// endRun draws the run gathered so far, before a rule or an image is
// drawn over it, or at the page's end.
func (d *drawer) endRun() {
	if !d.open {
		return
	}
	d.open = false
	r := &d.run
	f := &d.font
	set := !f.set || f.style != r.style || f.size != r.size
	f.set, f.style, f.size = true, r.style, r.size
	d.content = r.draw(d.content, d.height, set)
}
