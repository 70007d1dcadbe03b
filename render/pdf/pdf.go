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
	p.SetCreationDate(info.Created)
	p.SetModificationDate(info.Created)
	p.SetCatalogSort(true)
	p.SetTitle(info.Meta.Title, true)
	p.SetAuthor(info.Meta.Author, true)
	p.SetSubject(info.Meta.Subject, true)
	p.SetKeywords(info.Meta.Keywords, true)
	p.SetCreator(info.Creator, true)
	p.SetLang(info.Language)
	fonts := fontNames(fam, pages)
	for i, st := range styles {
		p.AddUTF8FontFromBytes(fonts[i].key, "", fam.Face(st).Data())
	}
	p.SetDrawColor(0, 0, 0)
	p.SetTextColor(0, 0, 0)
	images := 0
	for _, pg := range pages {
		p.AddPageFormat("P", fpdf.SizeType{Wd: pg.Width, Ht: pg.Height})
		for _, it := range pg.Items {
			switch it := it.(type) {
			case *layout.Text:
				p.SetFont(fonts[it.Style].key, "", it.Size)
				p.Text(it.X, it.Y, it.S)
			case *layout.Rule:
				p.SetLineWidth(it.Width)
				p.Line(it.X1, it.Y1, it.X2, it.Y2)
			case *layout.Image:
				drawImage(p, it, images)
				images++
			}
		}
		bookmark(p, pg, pages[len(pages)-1].Height)
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return err
	}
	if err := renameFonts(buf.Bytes(), fonts); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
