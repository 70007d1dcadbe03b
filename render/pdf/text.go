package pdf

import (
	"math"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"baocao/render/face"
	"baocao/render/layout"
)

// k is fpdf's scale factor for millimetres: points per mm, computed as
// fpdf computes it, so that font sizes in mm agree with its own to the bit.
const k = 72.0 / 25.4

// eps is the distance below which two positions, in mm, are taken as one.
const eps = 1e-6

// textRun gathers the texts layout placed one after another on a line in
// one face and size, to draw them with one operator instead of one per
// word: drawing and compressing the page costs in proportion to the
// operators. The texts join when each starts where the one before ends, or
// after its trailing space and the same extra gap at every space, as on a
// justified line.
type textRun struct {
	x, y   float64
	style  face.Style
	size   float64
	s      strings.Builder
	end    float64 // where the last text's glyphs end, before a trailing space
	spaced bool    // the last text ends with a space
	inner  bool    // a text has a space inside, which a TJ array would widen too
	gaps   int     // spaces between texts so far
	extra  float64 // the gap at each of them beyond the width of a space
}

// start begins the run with t.
func (r *textRun) start(t *layout.Text, fam *face.Family) {
	r.x, r.y, r.style, r.size = t.X, t.Y, t.Style, t.Size
	r.s.Reset()
	r.gaps, r.extra, r.inner = 0, 0, false
	r.add(t, fam)
}

func (r *textRun) add(t *layout.Text, fam *face.Family) {
	r.s.WriteString(t.S)
	glyphs := strings.TrimSuffix(t.S, " ")
	r.spaced = len(glyphs) < len(t.S)
	r.inner = r.inner || strings.Contains(glyphs, " ")
	r.end = t.X + fam.Face(t.Style).Width(glyphs, t.Size)
}

// join adds t to the run if it continues it, and reports whether it did.
func (r *textRun) join(t *layout.Text, fam *face.Family) bool {
	if t.Y != r.y || t.Style != r.style || t.Size != r.size || r.inner || strings.Contains(strings.TrimSuffix(t.S, " "), " ") {
		return false
	}
	if !r.spaced {
		if math.Abs(t.X-r.end) > eps {
			return false
		}
		r.add(t, fam)
		return true
	}
	extra := t.X - r.end - fam.Face(r.style).Width(" ", r.size)
	if extra < -eps || r.gaps > 0 && math.Abs(extra-r.extra) > eps {
		return false
	}
	if r.gaps == 0 {
		r.extra = extra
	}
	r.gaps++
	r.add(t, fam)
	return true
}

// draw draws the run, the font already set. Spaces at their natural width
// need no more than fpdf's Text. Wider ones are set the way fpdf justifies
// a cell in a Unicode font: one TJ array of the words, each space a real
// space glyph (so that extracted text has its spaces) followed by the
// extra shift. fpdf takes that shift from the cell's width rounded up to
// a thousandth of an em; the width given here makes the rounding land on
// the nearest thousandth, so that no word moves by more than half a
// thousandth of an em (0.0025 mm at 14 pt, below the 0.01 pt fpdf writes
// positions in).
func (r *textRun) draw(p *fpdf.Fpdf, fam *face.Family) {
	s := r.s.String()
	if r.gaps == 0 || math.Abs(r.extra) <= eps {
		p.Text(r.x, r.y, s)
		return
	}
	fs := r.size / k // the font size in mm, as fpdf keeps it
	spaces := strings.Count(s, " ")
	units := math.Round((fam.Face(r.style).Width(s, r.size) + float64(spaces)*r.extra) * 1000 / fs)
	// CellFormat puts the baseline 0.3 em below the cell's middle; a cell
	// of no height then has its top 0.3 em above the baseline.
	p.SetXY(r.x, r.y-0.3*fs)
	p.CellFormat((units-0.5)*fs/1000, 0, s, "", 0, "J", false, 0, "")
}
