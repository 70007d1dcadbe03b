// Package pdf draws laid-out pages into a PDF: rules, outline and metadata
// with fpdf, the text in fonts it embeds itself (see fonts.go) and the
// images, which it embeds itself too (see image.go).
//
// It makes no layout decisions: every position comes from package layout.
// Text must already be NFC: no shaping is done, each character is drawn
// with the glyph the font maps it to.
package pdf

import (
	"bytes"
	"fmt"
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
	// fpdf makes a new compressor, over a megabyte, for each page; assemble
	// compresses the pages with one kept for reuse.
	p.SetCompression(false)
	p.SetMargins(0, 0, 0)
	p.SetCreationDate(info.Created)
	p.SetModificationDate(info.Created)
	p.SetCatalogSort(true)
	p.SetTitle(info.Meta.Title, true)
	p.SetAuthor(info.Meta.Author, true)
	p.SetSubject(info.Meta.Subject, true)
	p.SetKeywords(info.Meta.Keywords, true)
	p.SetCreator(info.Creator, true)
	p.SetProducer(info.Creator+" (codeberg.org/go-pdf/fpdf)", true)
	p.SetLang(info.Language)
	p.SetDrawColor(0, 0, 0)
	var d drawer
	d.p = p
	for i, st := range styles {
		d.fonts[i].face = fam.Face(st)
	}
	for _, pg := range pages {
		p.AddPageFormat("P", fpdf.SizeType{Wd: pg.Width, Ht: pg.Height})
		d.page(pg.Height)
		for _, it := range pg.Items {
			d.item(it)
		}
		d.flushText()
		bookmark(p, pg, pages[len(pages)-1].Height)
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return err
	}
	return assemble(w, buf.Bytes(), d.additions)
}

// additions returns the resource entries and objects of the fonts the
// document uses and of the images it draws, numbered from first.
func (d *drawer) additions(first int) (additions, error) {
	var a additions
	for i := range d.fonts {
		u := &d.fonts[i]
		if !u.used {
			continue
		}
		e, err := u.embedding()
		if err != nil {
			return a, err
		}
		a.fonts = fmt.Appendf(a.fonts, "/%s %d 0 R\n", resourceName(styles[i]), first+len(a.objs))
		for _, o := range e.objects(u.face, first+len(a.objs)) {
			a.objs = append(a.objs, object{o})
		}
	}
	entries, objs, err := d.images.objects(first + len(a.objs))
	a.xobjects, a.objs = entries, append(a.objs, objs...)
	return a, err
}
