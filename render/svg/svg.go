// Package svg draws laid-out pages as SVG, for a preview of the PDF that a
// browser shows at once: the same items at the same positions, the text in
// the same fonts, which the page showing the SVG declares (@font-face)
// under the family name it is given.
//
// Like package pdf it makes no layout decisions. Coordinates are in
// millimetres, the unit of package layout, with the origin at the top
// left of the page, as in SVG.
package svg

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"baocao/render/face"
	"baocao/render/layout"
)

// Options say where a page's resources are.
type Options struct {
	// Family is the CSS font family the text is set in. The page showing
	// the SVG declares its four faces with @font-face: weight 400 or 700,
	// style normal or italic.
	Family string
	// ImageHref returns the address an image's bytes are served at.
	ImageHref func(*layout.Image) string
}

// Page returns p drawn as one SVG document. Its text keeps every space
// (xml:space) and should be shown without kerning or ligatures, which
// layout does not apply when it measures.
func Page(p *layout.Page, o Options) []byte {
	b := make([]byte, 0, 16<<10)
	b = append(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `...)
	b = num(b, p.Width)
	b = append(b, ' ')
	b = num(b, p.Height)
	b = append(b, `" width="`...)
	b = num(b, p.Width)
	b = append(b, `mm" height="`...)
	b = num(b, p.Height)
	b = append(b, `mm" font-family="`...)
	b = text(b, o.Family)
	b = append(b, `" xml:space="preserve"><rect width="100%" height="100%" fill="#fff"/>`...)
	items := p.Items
	for len(items) > 0 {
		var n int
		b, n = item(b, items, o)
		items = items[n:]
	}
	return append(b, "</svg>"...)
}

// item appends the first of items and returns how many it drew: texts on
// one baseline in one face and size go into one text element, one span
// each, as package pdf draws them in one run.
func item(b []byte, items []layout.Item, o Options) ([]byte, int) {
	switch it := items[0].(type) {
	case *layout.Rule:
		b = attrs(append(b, "<line"...), "x1 y1 x2 y2 stroke-width", it.X1, it.Y1, it.X2, it.Y2, it.Width)
		return append(b, ` stroke="#000"/>`...), 1
	case *layout.Image:
		b = attrs(append(b, "<image"...), "x y width height", it.X, it.Y, it.W, it.H)
		b = append(b, ` preserveAspectRatio="none" href="`...)
		if o.ImageHref != nil {
			b = text(b, o.ImageHref(it))
		}
		return append(b, `"/>`...), 1
	case *layout.Text:
		n := 1
		for n < len(items) {
			next, ok := items[n].(*layout.Text)
			if !ok || next.Y != it.Y || next.Style != it.Style || next.Size != it.Size {
				break
			}
			n++
		}
		b = append(b, `<text y="`...)
		b = num(b, it.Y)
		b = append(b, `" font-size="`...)
		b = num(b, it.Size*face.PtToMM)
		if it.Style == face.Bold || it.Style == face.BoldItalic {
			b = append(b, `" font-weight="700`...)
		}
		if it.Style == face.Italic || it.Style == face.BoldItalic {
			b = append(b, `" font-style="italic`...)
		}
		b = append(b, `">`...)
		for _, t := range items[:n] {
			b = append(b, `<tspan x="`...)
			b = num(b, t.(*layout.Text).X)
			b = append(b, `">`...)
			b = text(b, t.(*layout.Text).S)
			b = append(b, `</tspan>`...)
		}
		return append(b, `</text>`...), n
	}
	return b, 1
}

// attrs appends the attributes of the space-separated names with the
// values vs, in order.
func attrs(b []byte, names string, vs ...float64) []byte {
	for i, name := range strings.Fields(names) {
		b = append(b, ' ')
		b = append(b, name...)
		b = append(b, `="`...)
		b = num(b, vs[i])
		b = append(b, '"')
	}
	return b
}

// num appends v rounded to a thousandth of a millimetre, without the
// zeros that end its decimals. It counts in integers: a page has
// thousands of numbers, and strconv's shortest float formatting is
// several times slower.
func num(b []byte, v float64) []byte {
	n := int64(math.Round(v * 1000))
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/1000, 10)
	if f := n % 1000; f != 0 {
		d := [4]byte{'.', byte('0' + f/100), byte('0' + f/10%10), byte('0' + f%10)}
		end := 4
		for d[end-1] == '0' {
			end--
		}
		b = append(b, d[:end]...)
	}
	return b
}

// text appends s escaped for XML text and attribute values, leaving out the
// characters XML 1.0 cannot hold.
func text(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '"':
			b = append(b, "&quot;"...)
		case r == utf8.RuneError && size == 1, !xmlChar(r):
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
}

// xmlChar reports whether XML 1.0 allows r in a document.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= utf8.MaxRune
}
