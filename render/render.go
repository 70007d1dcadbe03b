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
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	// Family is the font family; nil means the embedded Liberation Serif.
	Family *face.Family
}

func (o Options) family() *face.Family {
	if o.Family != nil {
		return o.Family
	}
	return face.Default()
}

// Output is one file a report produces, written on demand.
type Output struct {
	// Name is the file name: "<base>-bao-cao.pdf", "<base>-phu-luc.xlsx".
	Name  string
	Write func(io.Writer) error
}

// Outputs lists the files r produces, named after base (the input file's
// name without its extension). Documents are built and laid out here, so
// every input error surfaces before a single file is written.
func Outputs(r *report.Report, base string, opt Options) ([]Output, error) {
	var outs []Output
	for _, k := range document.Kinds() {
		if k.Data(r) == nil {
			continue
		}
		doc, err := document.Build(r, k)
		if err != nil {
			return nil, err
		}
		pages, err := layout.Layout(doc, opt.family(), Settings(r))
		if err != nil {
			return nil, err
		}
		info := pdf.Info{
			Meta:     doc.Meta,
			Creator:  "baocao " + opt.Version,
			Created:  created(k.Data(r).Date),
			Language: "vi-VN",
		}
		fam := opt.family()
		outs = append(outs, Output{
			Name:  base + "-" + k.Slug + ".pdf",
			Write: func(w io.Writer) error { return pdf.Write(w, pages, fam, info) },
		})
	}
	if len(r.Statistics.Groups) > 0 {
		outs = append(outs, Output{
			Name:  base + "-phu-luc.xlsx",
			Write: func(w io.Writer) error { return xlsx.Write(w, r) },
		})
	}
	return outs, nil
}

// Validate runs every stage short of writing, so that it finds exactly the
// problems a render would.
func Validate(r *report.Report, opt Options) error {
	_, err := Outputs(r, "", opt)
	return err
}

// Settings are the layout settings of r: the decree's defaults with the
// margins the report sets.
func Settings(r *report.Report) layout.Settings {
	s := layout.DefaultSettings()
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

// WriteAll writes the outputs into dir all or nothing: each goes to a
// temporary file in dir first, and only when every one is complete are they
// renamed into place. On failure the temporary files are removed and files
// already at the target names are left as they were.
func WriteAll(dir string, outs []Output) (err error) {
	tmps := make([]string, 0, len(outs))
	defer func() {
		if err != nil {
			for _, t := range tmps {
				os.Remove(t)
			}
		}
	}()
	for _, o := range outs {
		t, err := writeTemp(dir, o)
		if err != nil {
			return err
		}
		tmps = append(tmps, t)
	}
	for i, o := range outs {
		if err := os.Rename(tmps[i], filepath.Join(dir, o.Name)); err != nil {
			return err
		}
	}
	return nil
}

func writeTemp(dir string, o Output) (name string, err error) {
	f, err := os.CreateTemp(dir, "."+o.Name+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("không tạo được tệp trong thư mục %s — kiểm tra thư mục tồn tại và được phép ghi (%w)", dir, err)
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(f.Name())
		}
	}()
	if err := o.Write(f); err != nil {
		return "", fmt.Errorf("ghi %s thất bại: %w", o.Name, err)
	}
	if err := f.Chmod(0o644); err != nil {
		return "", err
	}
	// Sync before the rename, so a crash cannot leave a renamed but empty file.
	return f.Name(), f.Sync()
}
