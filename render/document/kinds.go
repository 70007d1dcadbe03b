package document

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"text/template"

	"baocao/render/report"
	"baocao/render/userfile"
	"baocao/render/viet"
	"baocao/templates"
)

// Kind is a document kind: what it is called, where its data is in the
// report and which template writes its body.
type Kind struct {
	Slug string // in file names: "bao-cao"
	Name string // tên loại as printed: "BÁO CÁO"
	// Path is the report key holding the kind's data ("bao_cao").
	Path string
	// Template is the file the kind's template was read from, as errors
	// name it: "templates/bao-cao.md.tmpl", or the file that replaced it.
	Template string

	src  string
	data func(*report.Report) *report.Document
	// photos are the pictures the kind's body may place; nil for the
	// kinds that have none.
	photos func(*report.Report) []report.Photo
	// frame adds the kind's own fields to the frame; nil when none.
	frame func(*report.Report, *Frame)
}

// Data returns the ND30 fields of the kind's document in r — number,
// code, date, title, signer, recipients — or nil when r has no data for
// the kind. For a biên bản the signer is the chair; a bản tin has only a
// title (its headline) and a date.
func (k Kind) Data(r *report.Report) *report.Document { return k.data(r) }

// templateExt ends the name of every template file: "<slug>.md.tmpl".
const templateExt = ".md.tmpl"

// Kinds lists the document kinds baocao can write, in output order, with
// their embedded templates.
func Kinds() []Kind {
	kinds := []Kind{
		{Slug: "bao-cao", Name: "BÁO CÁO", Path: "bao_cao", data: func(r *report.Report) *report.Document { return r.BaoCao }},
		{Slug: "thong-bao", Name: "THÔNG BÁO", Path: "thong_bao", data: thongBaoData},
		{Slug: "bien-ban", Name: "BIÊN BẢN", Path: "bien_ban", data: bienBanData, frame: bienBanFrame},
		{Slug: "ban-tin", Name: "BẢN TIN", Path: "ban_tin", data: banTinData, photos: banTinPhotos, frame: banTinFrame},
	}
	for i := range kinds {
		k := &kinds[i]
		k.Template = "templates/" + k.Slug + templateExt
		// The embedded files are checked by the package's tests; a missing
		// one surfaces as an empty template's error in Build.
		src, _ := templates.FS.ReadFile(k.Slug + templateExt)
		k.src = string(src)
	}
	return kinds
}

// maxTemplateBytes bounds a template file: the embedded ones are under
// 10 KB.
const maxTemplateBytes = 1 << 20

// WithTemplates returns kinds with their templates replaced by the files
// named "<slug>.md.tmpl" in dir, where dir has one; the other kinds keep
// theirs. A template file in dir that names no kind is an error, so that a
// misspelt file name is not silently ignored.
func WithTemplates(kinds []Kind, dir string) ([]Kind, error) {
	entries, err := userfile.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("thư mục mẫu văn bản %s: %w", dir, err)
	}
	out := slices.Clone(kinds)
	var slugs []string
	for _, k := range kinds {
		slugs = append(slugs, k.Slug+templateExt)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, templateExt) {
			continue
		}
		i := slices.IndexFunc(out, func(k Kind) bool { return k.Slug+templateExt == name })
		path := filepath.Join(dir, name)
		if i < 0 {
			return nil, report.Errors{{Pos: report.Pos{File: path},
				Msg: fmt.Sprintf("tên tệp mẫu không ứng với loại văn bản nào — hãy đặt tên là một trong: %s", strings.Join(slugs, ", "))}}
		}
		src, err := userfile.Read(path, maxTemplateBytes)
		if err != nil {
			return nil, report.Errors{{Pos: report.Pos{File: path}, Msg: err.Error()}}
		}
		out[i].Template, out[i].src = path, string(src)
	}
	return out, nil
}

// KindBySlug finds the kind named slug in kinds.
func KindBySlug(kinds []Kind, slug string) (Kind, bool) {
	i := slices.IndexFunc(kinds, func(k Kind) bool { return k.Slug == slug })
	if i < 0 {
		return Kind{}, false
	}
	return kinds[i], true
}

// Form is the page model a document follows. A kind's template chooses it
// with {{ define "frame" }}…{{ end }}; without one it is FormText.
type Form string

// The page models.
const (
	// FormText is Nghị định 30, Mẫu 1.4, "văn bản có tên loại": the place
	// and date under the Tiêu ngữ, one signature on the right and Nơi nhận
	// on the left.
	FormText Form = "mau-1.4"
	// FormMinutes is Mẫu 1.9, the biên bản: no date line, and two
	// signatures — THƯ KÝ on the left, CHỦ TỌA on the right — with Nơi
	// nhận under them.
	FormMinutes Form = "mau-1.9"
	// FormNews is a press account: no ND30 header; a headline, the body
	// with its photos and the author's line.
	FormNews Form = "ban-tin"
)

var forms = []Form{FormText, FormMinutes, FormNews}

// frameTemplate names the template that chooses the page model.
const frameTemplate = "frame"

// formOf executes the "frame" definition of t, parsed from src with the
// marks m, if it has one, within b; its errors are positioned by at.
func formOf(b *budget, t *template.Template, m marks, src string, data any, at func(line, col int) report.Pos) (Form, error) {
	ft := t.Lookup(frameTemplate)
	if ft == nil {
		return FormText, nil
	}
	out, err := b.run(ft, m, src, data, at)
	if err != nil {
		return "", err
	}
	f := Form(strings.TrimSpace(out))
	if !slices.Contains(forms, f) {
		if r := []rune(f); len(r) > 40 {
			f = Form(string(r[:40]) + "…")
		}
		return "", report.Errors{{Pos: at(lineCol(src, ft.Tree.Root.Position())),
			Msg: fmt.Sprintf("{{ define %q }} chọn khung %q, không có khung này — hãy dùng một trong: %s", frameTemplate, f, formNames())}}
	}
	return f, nil
}

// formNames lists the page models for a message.
func formNames() string {
	names := make([]string, len(forms))
	for i, f := range forms {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// thongBaoData is the ND30 part of the thông báo kết luận.
func thongBaoData(r *report.Report) *report.Document {
	t := r.ThongBao
	if t == nil {
		return nil
	}
	return &report.Document{Number: t.Number, Code: t.Code, Date: t.Date, Title: t.Title,
		Body: t.Body, Signer: t.Signer, Recipients: t.Recipients}
}

// bienBanData is the ND30 part of the biên bản. It is dated by the day the
// meeting ended and signed, on the right, by the chair.
func bienBanData(r *report.Report) *report.Document {
	b := r.BienBan
	if b == nil {
		return nil
	}
	d := &report.Document{Number: b.Number, Code: b.Code, Date: b.EndDate, Title: b.Title,
		Body: b.Body, Recipients: b.Recipients}
	if d.Date.IsZero() {
		d.Date = r.Conference.Date
	}
	if d.Title == "" {
		d.Title = r.Conference.Name
	}
	chair, _ := r.Conference.ChairDelegate()
	d.Signer = delegateSigner(chair, "Chủ tọa")
	return d
}

// banTinData is what a bản tin shares with the documents: a title and a
// date.
func banTinData(r *report.Report) *report.Document {
	b := r.BanTin
	if b == nil {
		return nil
	}
	d := &report.Document{Date: b.Date, Title: b.Headline, Body: b.Body}
	if d.Date.IsZero() {
		d.Date = r.Conference.Date
	}
	return d
}

func banTinPhotos(r *report.Report) []report.Photo {
	if r.BanTin == nil {
		return nil
	}
	return r.BanTin.Photos
}

// delegateSigner signs a biên bản as role ("Thư ký", "Chủ tọa"): a rank
// is part of the name line, as for any signer (nd30.md §2).
func delegateSigner(d report.Delegate, role string) report.Signer {
	return report.Signer{Title: role, Rank: d.Rank, Name: d.Name}
}

// bienBanFrame adds the secretary's signature, left of the chair's.
func bienBanFrame(r *report.Report, f *Frame) {
	for _, d := range r.Conference.Delegates {
		if d.ID == r.BienBan.Secretary {
			f.Secretary = signature(delegateSigner(d, "Thư ký"))
		}
	}
}

// banTinFrame adds the author's line.
func banTinFrame(r *report.Report, f *Frame) {
	f.Author, f.Source = r.BanTin.Author, r.BanTin.Source
}

// finishFrame adapts the frame Build made from d to the page model.
func finishFrame(doc *Document, d *report.Document, r *report.Report) {
	f := &doc.Frame
	switch doc.Form {
	case FormMinutes:
		// Mẫu 1.9 has no place and date line.
		f.PlaceDate = ""
	case FormNews:
		// A press account has no number, tên loại, signature or Nơi nhận;
		// its dateline has the short date.
		f.Number, f.KindName, f.Recipients = "", "", nil
		f.Signature, f.Secretary = Signature{}, Signature{}
		f.PlaceDate = r.Agency.Place + ", " + viet.ShortDate(d.Date)
	}
}
