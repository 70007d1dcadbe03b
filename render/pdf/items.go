package pdf

import (
	"bytes"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"baocao/render/layout"
)

// drawImage embeds an image and draws it in its box. n numbers the images
// of the document: fpdf keeps one image per name, and two signed copies'
// images must not be taken for one another.
func drawImage(p *fpdf.Fpdf, im *layout.Image, n int) {
	name := "image" + strconv.Itoa(n)
	opt := fpdf.ImageOptions{ImageType: im.Format}
	p.RegisterImageOptionsReader(name, opt, bytes.NewReader(im.Data))
	p.ImageOptions(name, im.X, im.Y, im.W, im.H, false, opt, 0, "")
}

// bookmark adds a page's outline entries. fpdf computes every destination
// from the height of the last page, so a mark on a page of another height
// (portrait before a landscape annex) is moved by the difference. Call it
// after a font is set: fpdf encodes the titles as UTF-16 only then.
func bookmark(p *fpdf.Fpdf, pg *layout.Page, lastHeight float64) {
	for _, m := range pg.Marks {
		p.Bookmark(m.Title, m.Level, m.Y+lastHeight-pg.Height)
	}
}
