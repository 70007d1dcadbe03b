package pdf

import (
	"math"
	"strconv"

	"baocao/render/face"
	"baocao/render/layout"
)

// k is points per millimetre, the PDF's unit per layout's.
const k = 72.0 / 25.4

// eps is the distance below which two positions, in mm, are taken as one.
const eps = 1e-6

// textRun gathers the texts layout placed on one baseline in one face and
// size, left to right, to draw them with one TJ operator instead of one per
// word: writing and compressing the page costs in proportion to the
// operators. Each text after the first is moved to where layout put it by
// a shift in the array — on a justified line, after the space glyph that
// ends the word before, so that extracted text keeps its spaces.
type textRun struct {
	x, y  float64
	style face.Style
	size  float64
	em    float64 // the font size in mm
	pen   float64 // where the glyphs so far end, in thousandths of an em from x
	array []byte  // the TJ array's contents
}

// start begins the run with t, drawn in u.
func (r *textRun) start(t *layout.Text, u *fontUse) {
	r.x, r.y, r.style, r.size = t.X, t.Y, t.Style, t.Size
	r.em = t.Size * face.PtToMM
	r.pen = 0
	r.array = r.array[:0]
	r.add(t, u)
}

// join adds t to the run if it continues it on the same baseline in the
// same face and size, and reports whether it did.
func (r *textRun) join(t *layout.Text, u *fontUse) bool {
	if t.Y != r.y || t.Style != r.style || t.Size != r.size || t.X < r.x+r.pen*r.em/1000-eps {
		return false
	}
	r.add(t, u)
	return true
}

func (r *textRun) add(t *layout.Text, u *fontUse) {
	// The shift is rounded to the thousandth of a thousandth of an em
	// written, and the pen follows the rounded value, so that errors do
	// not add up along the line.
	shift := math.Round(((t.X-r.x)*1000/r.em-r.pen)*1000) / 1000
	if shift != 0 {
		r.array = strconv.AppendFloat(r.array, -shift, 'f', -1, 64)
		r.pen += shift
	}
	r.array = append(r.array, '<')
	var w int
	r.array, w = u.encode(r.array, t.S)
	r.array = append(r.array, '>')
	r.pen += float64(w)
}

// draw appends the run's text object to dst, on a page pageHeight mm
// tall, setting the font first when setFont is true.
func (r *textRun) draw(dst []byte, pageHeight float64, setFont bool) []byte {
	dst = append(dst, "BT "...)
	if setFont {
		dst = append(dst, '/')
		dst = append(dst, resourceName(r.style)...)
		dst = append(dst, ' ')
		dst = strconv.AppendFloat(dst, r.size, 'f', -1, 64)
		dst = append(dst, " Tf "...)
	}
	dst = appendCoord(dst, r.x*k)
	dst = append(dst, ' ')
	dst = appendCoord(dst, (pageHeight-r.y)*k)
	dst = append(dst, " Td ["...)
	dst = append(dst, r.array...)
	return append(dst, "] TJ ET\n"...)
}

// appendCoord appends a position in points to a thousandth, a third of a
// micrometre.
func appendCoord(dst []byte, v float64) []byte {
	return strconv.AppendFloat(dst, math.Round(v*1000)/1000, 'f', -1, 64)
}
