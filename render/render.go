// Package render is baocao's library entry point: from a loaded report to
// the files a secretariat issues — one PDF per document kind the report has
// data for, and the statistics workbook.
//
// The stages live in subpackages, each replaceable: load (YAML → report),
// document (report + template → document), layout (document → pages), pdf
// (pages → PDF) and xlsx (report → workbook); viet formats Vietnamese text
// and numbers for all of them.
package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"
	"time"

	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/layout"
	"baocao/render/pdf"
	"baocao/render/report"
	"baocao/render/xlsx"
)

// Options tune a render. The zero value uses the embedded fonts.
type Options struct {
	// Version is written into the PDF's Creator field.
	Version string
	// Family is the font family. It overrides the report's own font;
	// when both are nil the embedded Liberation Serif is used.
	Family *face.Family
	// Kinds are the document kinds with their templates; nil means
	// document.Kinds().
	Kinds []document.Kind
	// Only, when not empty, limits the outputs to these slugs: kinds'
	// ("bao-cao") and WorkbookSlug. A slug the report has no data for is
	// then an error.
	Only []string
	// PDFA makes every PDF PDF/A-2b, for archiving (see pdf.Info).
	PDFA bool
	// laid, when set, is given each document's pages as they are laid
	// out (see Preview).
	laid func(slug string, pages []*layout.Page, fam *face.Family)
	// Signing readies the PDFs for digital signatures: the signature and
	// seal images are not drawn on the page, they are the signatures'
	// appearances, and each PDF with a signature block says where its
	// signatures go (Output.Signature).
	Signing bool
	// Check lays the documents out, to find every problem a render would,
	// but does not draw them: the PDF outputs returned cannot be written.
	// Validate sets it.
	Check bool
}

// oneAtATime is the length of a report's Markdown texts beyond which its
// documents are made one after another (see OutputsContext): a few pages
// of text take a few MB, and a report under it loses nothing by making
// them at once.
const oneAtATime = 512 << 10

// WorkbookSlug names the statistics workbook among the outputs, as a
// kind's slug names its PDF.
const WorkbookSlug = "phu-luc"

// pick reports whether the output slug is to be written: whether r has
// data for it and it is among opt.Only, if that is set. A slug asked for
// by Only that r has no data for (key is its YAML key) is an error.
func (o Options) pick(r *report.Report, slug, key string, has bool) (bool, error) {
	if len(o.Only) == 0 {
		return has, nil
	}
	if !slices.Contains(o.Only, slug) {
		return false, nil
	}
	if !has {
		return false, report.Errors{{Pos: r.PosOf(""), Msg: fmt.Sprintf(
			"tệp không có mục %s nên không tạo được %s — hãy thêm mục %s (mẫu: baocao new %s) hoặc bỏ %s khỏi --kind", key, slug, key, slug, slug)}}
	}
	return true, nil
}

// Output is one file a report produces, written on demand.
type Output struct {
	// Name is the file name: "<base>-bao-cao.pdf", "<base>-phu-luc.xlsx".
	Name  string
	Write func(io.Writer) error
	made  bool // Write copies bytes already made (see Generate)
	// Signature, with Options.Signing, is where the PDF's signatures go;
	// nil for a document without a signature block (a bản tin) and the
	// workbook.
	Signature *Signature
}

// Signature is where a PDF's digital signatures go (package sign signs
// them), and the report's images that show them.
type Signature struct {
	layout.SignatureBoxes
	// SignerImage and Seal are the report's images as laid out, not drawn
	// on the page; nil when the report has none.
	SignerImage, Seal *layout.Image
}

// Outputs lists the files r produces, named after base (the input file's
// name without its extension). Documents are built and laid out here, so
// every input error surfaces before a single file is written.
func Outputs(r *report.Report, base string, opt Options) ([]Output, error) {
	return OutputsContext(context.Background(), r, base, opt)
}

// OutputsContext is Outputs that returns as soon as ctx is done, with an
// error wrapping ErrInterrupted and ctx's cause: the templates stop at
// their next step, and a layout, which does not watch ctx, is left to end
// in the background, into memory.
func OutputsContext(ctx context.Context, r *report.Report, base string, opt Options) ([]Output, error) {
	fam, err := opt.family(r)
	if err != nil {
		return nil, err
	}
	kinds := opt.Kinds
	if kinds == nil {
		kinds = document.Kinds()
	}
	var picked []document.Kind
	var pickErr error
	for _, k := range kinds {
		ok, err := opt.pick(r, k.Slug, k.Path, k.Data(r) != nil)
		if err != nil {
			pickErr = err
			picked = nil
			break
		}
		if ok {
			picked = append(picked, k)
		}
	}
	// The characters are checked, and the documents built and laid out,
	// each on its own goroutine: they only read the report and the family.
	// The errors are those of the first step to fail, as if they ran in turn.
	var wg sync.WaitGroup
	var glyphErr error
	wg.Go(func() { glyphErr = checkGlyphs(r, picked, fam) })
	outs := make([]Output, len(picked))
	errs := make([]error, len(picked))
	// A report of long texts has its documents made one at a time: each
	// holds its parsed bodies and pages, 100–250 MB for a 1 MB body of
	// small blocks, and four at once would pass the 500 MB its limits
	// promise (docs/BENCHMARKS.md).
	slots := make(chan struct{}, len(picked))
	if r.NarrativeBytes() > oneAtATime {
		slots = make(chan struct{}, 1)
	}
	for i, k := range picked {
		wg.Go(func() {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				errs[i] = ctx.Err()
				return
			}
			defer func() { <-slots }()
			outs[i], errs[i] = kindOutput(ctx, r, k, fam, base, opt)
		})
	}
	// The workbook is measured here, so that a text it cannot hold is
	// reported before anything is written, and by Validate.
	book, bookErr := opt.pick(r, WorkbookSlug, "statistics", xlsx.HasData(r))
	if book {
		wg.Go(func() { bookErr = xlsx.Check(r) })
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-ctx.Done():
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("%w: %w", ErrInterrupted, context.Cause(ctx))
	}
	for _, err := range append(append([]error{glyphErr, pickErr}, errs...), bookErr) {
		if err != nil {
			return nil, err
		}
	}
	if book {
		outs = append(outs, Output{
			Name:  base + "-" + WorkbookSlug + ".xlsx",
			Write: func(w io.Writer) error { return xlsx.Write(w, r) },
		})
	}
	return outs, nil
}

// kindOutput builds, lays out and draws the document of kind k and returns
// its PDF; for the preview and signing it is drawn when written, and for
// Validate not at all.
func kindOutput(ctx context.Context, r *report.Report, k document.Kind, fam *face.Family, base string, opt Options) (Output, error) {
	doc, err := document.BuildContext(ctx, r, k)
	if err != nil {
		return Output{}, err
	}
	info := pdf.Info{
		Meta:     doc.Meta,
		Creator:  "baocao " + opt.Version,
		Created:  created(k.Data(r).Date),
		Language: "vi-VN",
		PDFA:     opt.PDFA,
	}
	name := base + "-" + k.Slug + ".pdf"
	// The preview and signing take the document's pages whole: the one
	// draws them, the other finds where the signatures go and takes their
	// images off the pages.
	if opt.laid != nil || opt.Signing {
		pages, err := layout.Layout(doc, fam, Settings(r))
		if err != nil {
			return Output{}, placed(err, r.PosOf(k.Path))
		}
		if opt.laid != nil {
			opt.laid(k.Slug, pages, fam)
		}
		var sig *Signature
		if opt.Signing {
			sig = signature(pages, fam, Settings(r))
		}
		return Output{Name: name, Write: func(w io.Writer) error { return pdf.Write(w, pages, fam, info) }, Signature: sig}, nil
	}
	// The PDF is drawn as the pages are laid out, each page written (into
	// memory, compressed) and let go as soon as it is done, so that a long
	// document is never held whole; a problem layout finds is still
	// reported before any file is written.
	var buf bytes.Buffer
	emit := func(*layout.Page) error { return nil }
	pw := pdf.NewWriter(&buf, fam, info)
	if !opt.Check {
		emit = pw.Page
	}
	if err := layout.Stream(doc, fam, Settings(r), emit); err != nil {
		return Output{}, placed(err, r.PosOf(k.Path))
	}
	if opt.Check {
		return Output{Name: name, Write: func(io.Writer) error {
			return errors.New("render: a PDF laid out with Options.Check is not drawn")
		}}, nil
	}
	if err := pw.Close(); err != nil {
		return Output{}, err
	}
	return Output{Name: name, made: true, Write: func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	}}, nil
}

// placed gives the problems of err that have no place — layout's, about a
// document made of the report and a template — the place of the document
// in the file, pos.
func placed(err error, pos report.Pos) error {
	var es report.Errors
	if !errors.As(err, &es) {
		return err
	}
	for _, e := range es {
		if e.Pos == (report.Pos{}) {
			e.Pos = pos
		}
	}
	return es
}

// signature finds where the signatures of pages go, and takes the
// signature and seal images off the pages; nil when the pages have no
// signature block.
func signature(pages []*layout.Page, fam *face.Family, s layout.Settings) *Signature {
	b, ok := layout.FindSignatureBoxes(pages, fam, s)
	if !ok {
		return nil
	}
	sig := &Signature{SignatureBoxes: b}
	for _, pg := range pages {
		pg.Items = slices.DeleteFunc(pg.Items, func(it layout.Item) bool {
			im, ok := it.(*layout.Image)
			switch {
			case ok && im.Role == layout.RoleSignImage:
				sig.SignerImage = im
			case ok && im.Role == layout.RoleSeal:
				sig.Seal = im
			default:
				return false
			}
			return true
		})
	}
	return sig
}

// Validate runs every stage short of writing, so that it finds exactly the
// problems a render would.
func Validate(r *report.Report, opt Options) error {
	opt.Check = true
	_, err := Outputs(r, "", opt)
	return err
}

// Settings are the layout settings of r: the decree's defaults with the
// size profile and the margins the report sets.
func Settings(r *report.Report) layout.Settings {
	s := layout.DefaultSettings()
	if r.Format.Profile == "model" {
		s.Sizes = layout.ModelSizes()
	}
	m := &s.Margins
	for _, f := range []struct {
		dst *float64
		v   float64
	}{{&m.Top, r.Format.MarginTop}, {&m.Bottom, r.Format.MarginBottom}, {&m.Left, r.Format.MarginLeft}, {&m.Right, r.Format.MarginRight}} {
		if f.v != 0 {
			*f.dst = f.v
		}
	}
	return s
}

// created dates the PDF by the document's own date, so that the same input
// always gives the same bytes.
func created(d report.Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}
