// Package pdf writes laid-out pages as a PDF, a page at a time: each page
// is written to the output as soon as it is drawn, and what pages share —
// the fonts, cut to the glyphs drawn (see fonts.go), the images (see
// image.go), the outline and the metadata — after the last one.
//
// It makes no layout decisions: every position comes from package layout.
// Text must already be NFC: no shaping is done, each character is drawn
// with the glyph the font maps it to.
package pdf

import (
	"io"
	"time"

	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/layout"
)

// Info is what the PDF says about itself.
type Info struct {
	Meta     document.Meta
	Creator  string    // "baocao v…"
	Created  time.Time // fixed by the caller so equal input gives equal bytes
	Language string    // "vi-VN"
	// PDFA makes the file PDF/A-2b (ISO 19005-2, level B), for archiving:
	// an sRGB output intent and XMP metadata matching the document
	// information are added (see pdfa.go).
	PDFA bool
}

// Write draws pages into a PDF on w.
func Write(w io.Writer, pages []*layout.Page, fam *face.Family, info Info) error {
	pw := NewWriter(w, fam, info)
	for _, pg := range pages {
		if err := pw.Page(pg); err != nil {
			return err
		}
	}
	return pw.Close()
}
