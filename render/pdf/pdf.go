// Package pdf draws laid-out pages with fpdf, embedding the fonts.
//
// It makes no layout decisions: every position comes from package layout.
// Text must already be NFC, since fpdf does no shaping.
package pdf

import (
	"bytes"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

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
}

// Write draws pages into a PDF on w.
func Write(w io.Writer, pages []*layout.Page, fam *face.Family, info Info) error {
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: layout.A4Width, Ht: layout.A4Height}})
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(0, 0, 0)
	p.SetCellMargin(0) // justified lines are cells: see textRun.draw
	p.SetCreationDate(info.Created)
	p.SetModificationDate(info.Created)
	p.SetCatalogSort(true)
	p.SetTitle(info.Meta.Title, true)
	p.SetAuthor(info.Meta.Author, true)
	p.SetSubject(info.Meta.Subject, true)
	p.SetKeywords(info.Meta.Keywords, true)
	p.SetCreator(info.Creator, true)
	p.SetLang(info.Language)
	// The subset tags, which need all the text, are made while it is drawn.
	d := drawer{p: p, fam: fam, fonts: fontKeys(fam), data: fontData(fam, pages)}
	tags := make(chan [len(styles)]string, 1)
	go func(names [len(styles)]fontName) { tags <- subsetTags(names, pages) }(d.fonts)
	p.SetDrawColor(0, 0, 0)
	p.SetTextColor(0, 0, 0)
	for _, pg := range pages {
		p.AddPageFormat("P", fpdf.SizeType{Wd: pg.Width, Ht: pg.Height})
		for _, it := range pg.Items {
			d.item(it)
		}
		d.flushText()
		bookmark(p, pg, pages[len(pages)-1].Height)
	}
	var buf bytes.Buffer
	err := p.Output(&buf)
	t := <-tags
	if err != nil {
		return err
	}
	for i := range d.fonts {
		d.fonts[i].name = t[i] + "+" + d.fonts[i].ps
	}
	if err := renameFonts(buf.Bytes(), d.fonts); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}
