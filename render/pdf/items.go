package pdf

import (
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"

	"baocao/render/layout"
)

// bookmark adds a page's outline entries. fpdf computes every destination
// from the height of the last page, so a mark on a page of another height
// (portrait before a landscape annex) is moved by the difference. Titles
// are given as UTF-16 with a byte order mark, as the PDF's text strings
// take Vietnamese: fpdf converts them itself only while a font of its own
// is set, and this package sets none.
func bookmark(p *fpdf.Fpdf, pg *layout.Page, lastHeight float64) {
	for _, m := range pg.Marks {
		p.Bookmark(utf16Text(m.Title), m.Level, m.Y+lastHeight-pg.Height)
	}
}

// utf16Text returns s as a PDF text string in UTF-16BE with a byte order
// mark.
func utf16Text(s string) string {
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}
