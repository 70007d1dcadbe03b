package render_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"baocao/fonts"
	"baocao/render"
	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/load"
	"baocao/render/report"
)

// smallReport is a short report with every kind of value a document
// prints; %s stands for extra lines under format:.
const smallReport = `agency:
  parent: BỘ CÔNG AN
  name: CÔNG AN THÀNH PHỐ CẦN THƠ
  place: Cần Thơ
format:
  margin_left: 30%s
conference:
  name: Hội nghị tổng kết công tác Công an năm 2021
  date: 15/01/2022
  place: "Hội trường Công an thành phố"
  chair: thuan
  delegates:
    - id: thuan
      name: Nguyễn Văn Thuận
      rank: Thiếu tướng
      titles: [Giám đốc Công an thành phố]
statistics:
  previous: Năm 2020
  current: Năm 2021
  groups:
    - title: Tình hình tội phạm
      indicators:
        - id: toi-pham
          name: Số vụ phạm tội về trật tự xã hội
          unit: vụ
          previous: 420
          current: 378
bao_cao:
  number: 15
  code: BC-CAT
  date: 15/01/2022
  title: Tổng kết công tác Công an năm 2021
  body: |
    Công an thành phố Cần Thơ báo cáo kết quả công tác năm 2021 như sau:

    Tội phạm về trật tự xã hội giảm, đạt chỉ tiêu đề ra.

    ## Phương hướng
    Tiếp tục thực hiện đồng bộ các giải pháp; ưu tiên phòng ngừa.
  signer:
    authority: KT.
    head: GIÁM ĐỐC
    title: PHÓ GIÁM ĐỐC
    rank: Đại tá
    name: Trần Văn Hùng
  recipients:
    - Bộ Công an;
    - "Lưu: VT, PV01."
`

// at returns "line:col" of the first c in src, columns counted in
// characters as the loader counts them.
func at(src string, c rune) string {
	i := strings.IndexRune(src, c)
	line := strings.Count(src[:i], "\n") + 1
	col := utf8.RuneCountInString(src[strings.LastIndexByte(src[:i], '\n')+1:i]) + 1
	return fmt.Sprintf("%d:%d", line, col)
}

// TestMissingGlyphsAtTheirPlace: each character the font lacks is reported
// once per value, where it is written in the YAML, before anything is laid
// out.
func TestMissingGlyphsAtTheirPlace(t *testing.T) {
	base := fmt.Sprintf(smallReport, "")
	for _, tt := range []struct {
		name  string
		edits []string // old, new pairs
		want  []string // "line:col of this character|part of the message"
	}{
		{"agency name and 3rd body line",
			[]string{"name: CÔNG AN THÀNH", "name: CÔNG AN ☎ THÀNH", "Tội phạm về trật tự", "Tội phạm ✓ về trật tự"},
			[]string{`☎|ký tự "☎" (U+260E) không có trong phông chữ Liberation Serif`, `✓|ký tự "✓" (U+2713)`}},
		{"quoted value, twice in one value",
			[]string{`"Hội trường Công`, `"Hội ☎ trường ☎ Công`},
			[]string{`☎|--font`}},
		{"further lines named",
			[]string{"như sau:", "như sau: ✓", "giảm, đạt", "giảm ✓, đạt", "ưu tiên", "ưu ✓ tiên"},
			[]string{"✓|(ký tự này còn có ở dòng 36, 39)"}},
		{"list item and ids not printed",
			[]string{"- Bộ Công an;", "- Bộ Công an ✉;", "id: toi-pham", "id: toi-☎", "    - id: thuan", "    - id: ☎", "chair: thuan", "chair: ☎"},
			[]string{"✉|U+2709"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := base
			for i := 0; i < len(tt.edits); i += 2 {
				if !strings.Contains(src, tt.edits[i]) {
					t.Fatalf("no %q", tt.edits[i])
				}
				src = strings.Replace(src, tt.edits[i], tt.edits[i+1], 1)
			}
			r, err := load.Bytes("t.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			err = render.Validate(r, render.Options{})
			var es report.Errors
			if !errors.As(err, &es) {
				t.Fatalf("want report.Errors, got %v", err)
			}
			if len(es) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(es), len(tt.want), err)
			}
			for i, w := range tt.want {
				c, msg, _ := strings.Cut(w, "|")
				r, _ := utf8.DecodeRuneInString(c)
				if got, want := fmt.Sprintf("%s:%d:%d", es[i].Pos.File, es[i].Pos.Line, es[i].Pos.Column), "t.yaml:"+at(src, r); got != want {
					t.Errorf("error %d at %s, want %s: %s", i, got, want, es[i].Msg)
				}
				if !strings.Contains(es[i].Msg, msg) {
					t.Errorf("error %d: %q lacks %q", i, es[i].Msg, msg)
				}
			}
		})
	}
}

// outputs renders a loaded report into memory: file name → bytes.
func outputs(t *testing.T, r *report.Report, opt render.Options) map[string][]byte {
	t.Helper()
	outs, err := render.Outputs(r, "t", opt)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, o := range outs {
		var b bytes.Buffer
		if err := o.Write(&b); err != nil {
			t.Fatal(err)
		}
		files[o.Name] = b.Bytes()
	}
	return files
}

// TestNFDRendersAsNFC: a file saved decomposed (as some editors on macOS
// do) gives byte for byte the PDFs of the same text precomposed.
func TestNFDRendersAsNFC(t *testing.T) {
	nfc := fmt.Sprintf(smallReport, "")
	nfd := norm.NFD.String(nfc)
	if nfd == nfc || !norm.NFC.IsNormalString(nfc) {
		t.Fatal("the sample is not precomposed Vietnamese")
	}
	var files [2]map[string][]byte
	for i, src := range []string{nfc, nfd} {
		r, err := load.Bytes("t.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		files[i] = outputs(t, r, render.Options{Version: "test"})
	}
	if len(files[0]) == 0 || len(files[0]) != len(files[1]) {
		t.Fatalf("%d files from NFC, %d from NFD", len(files[0]), len(files[1]))
	}
	pdfs := 0
	for name, b := range files[0] {
		if filepath.Ext(name) != ".pdf" {
			continue
		}
		pdfs++
		if !bytes.Equal(b, files[1][name]) {
			t.Errorf("%s differs between NFC and NFD input", name)
		}
	}
	if pdfs == 0 {
		t.Error("no PDF to compare")
	}
}

// writeFonts writes the embedded family into dir under the given names,
// in the order regular, bold, italic, bold italic; "" skips a style.
func writeFonts(t *testing.T, dir string, names ...string) {
	t.Helper()
	s := fonts.LiberationSerif()
	for i, data := range [][]byte{s.Regular, s.Bold, s.Italic, s.BoldItalic} {
		if names[i] == "" {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, names[i]), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFontDir(t *testing.T) {
	tests := []struct {
		name  string
		fonts []string          // as for writeFonts
		extra map[string]string // further files
		want  string            // part of the error; "" for success
	}{
		// The names say nothing: styles come from the fonts themselves.
		{"four files", []string{"d.ttf", "c.TTF", "b.ttf", "a.ttf"}, map[string]string{"doc-truoc.txt": "x"}, ""},
		{"an otf beside them", []string{"r.ttf", "b.ttf", "i.ttf", "bi.ttf"}, map[string]string{"x.otf": "OTTO\x00\x00\x00\x00\x00\x00\x00\x00"}, ""},
		{"bold italic missing", []string{"r.ttf", "b.ttf", "i.ttf", ""}, nil, "phông Liberation Serif thiếu chữ đậm nghiêng (Bold Italic)"},
		{"otf instead", []string{"r.ttf", "b.ttf", "i.ttf", ""}, map[string]string{"bi.otf": "OTTO\x00\x00\x00\x00\x00\x00\x00\x00"}, "bi.otf: đây là phông OpenType dạng CFF"},
		{"ttc only", []string{"", "", "", ""}, map[string]string{"times.ttc": "ttcf\x00\x01\x00\x00\x00\x00\x00\x00"}, "times.ttc: đây là bộ sưu tập phông"},
		{"empty", []string{"", "", "", ""}, nil, "không có đủ 4 tệp TrueType"},
		{"two bold files", []string{"r.ttf", "b.ttf", "i.ttf", "bi.ttf"}, nil, "hai tệp cùng kiểu chữ đậm (Bold)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFonts(t, dir, tt.fonts...)
			for name, data := range tt.extra {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tt.name == "two bold files" {
				writeFonts(t, dir, "", "b2.ttf", "", "")
			}
			fam, err := render.FontDir(dir)
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("got %v, want an error with %q", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if fam.Name != "Liberation Serif" {
				t.Errorf("family %q", fam.Name)
			}
			for st, ps := range map[face.Style]string{face.Regular: "LiberationSerif", face.Bold: "LiberationSerif-Bold", face.Italic: "LiberationSerif-Italic", face.BoldItalic: "LiberationSerif-BoldItalic"} {
				if got := fam.Face(st).PostScriptName(); got != ps {
					t.Errorf("style %q is %s", st, got)
				}
			}
		})
	}
	if _, err := render.FontDir(filepath.Join(t.TempDir(), "khong-co")); err == nil || !strings.Contains(err.Error(), "không tìm thấy thư mục") {
		t.Errorf("missing directory: %v", err)
	}
}

// TestReportFont: the report's own font is used, and the option overrides
// it. The italic face set for every style shows which family is in use.
func TestReportFont(t *testing.T) {
	dir := t.TempDir()
	writeFonts(t, dir, "", "", "i.ttf", "")
	src := fmt.Sprintf(smallReport, "\n  font:\n    regular: i.ttf\n    bold: i.ttf\n    italic: i.ttf\n    bold_italic: i.ttf")
	path := filepath.Join(dir, "t.yaml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := load.File(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		opt         render.Options
		italicOnly  bool
		description string
	}{
		{render.Options{}, true, "the report's font"},
		{render.Options{Family: face.Default()}, false, "the option's family"},
	} {
		pdf := outputs(t, r, c.opt)["t-bao-cao.pdf"]
		regular := bytes.Contains(pdf, []byte("+LiberationSerif\n")) || bytes.Contains(pdf, []byte("+LiberationSerif "))
		if got := !regular && bytes.Contains(pdf, []byte("+LiberationSerif-Italic")); got != c.italicOnly {
			t.Errorf("with %s: only italic embedded = %v, want %v", c.description, got, c.italicOnly)
		}
	}
}

// TestTemplateGlyphs: a character the font lacks in the text of a template
// is reported at its line and column in the template file, once, however
// often the template writes it; one in the frame's definition, which is
// never printed, is not.
func TestTemplateGlyphs(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "t.yaml")
	if err := os.WriteFile(path, []byte(fmt.Sprintf(smallReport, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := load.File(path)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := "{{ define \"frame\" }}mau-1.4{{/* 陳 */}}{{ end }}" +
		"{{ narrative .BaoCao.Body \"bao_cao.body\" }}\n\n" +
		"Kính gửi ★ các đơn vị.\n{{ if true }}Chú ý: 陳 và ★.{{ end }}\n"
	tdir := filepath.Join(dir, "mau")
	if err := os.Mkdir(tdir, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(tdir, "bao-cao.md.tmpl")
	if err := os.WriteFile(file, []byte(tmpl), 0o644); err != nil {
		t.Fatal(err)
	}
	kinds, err := document.WithTemplates(document.Kinds(), tdir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = render.Outputs(r, "t", render.Options{Kinds: kinds, Only: []string{"bao-cao"}})
	var es report.Errors
	if !errors.As(err, &es) {
		t.Fatalf("got %v, want report.Errors", err)
	}
	var got []string
	for _, e := range es {
		got = append(got, fmt.Sprintf("%s %s", e.Pos, strings.SplitN(e.Msg, " không có", 2)[0]))
	}
	want := []string{
		file + ":3:10 ký tự \"★\" (U+2605)",
		file + ":4:21 ký tự \"陳\" (U+9673)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// A character only a function writes has no place in a file: it is
	// reported at the document's section of the YAML file.
	if err := os.WriteFile(file, []byte(`{{ narrative .BaoCao.Body "bao_cao.body" }} {{ printf "%c" 9733 }}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if kinds, err = document.WithTemplates(document.Kinds(), tdir); err != nil {
		t.Fatal(err)
	}
	_, err = render.Outputs(r, "t", render.Options{Kinds: kinds, Only: []string{"bao-cao"}})
	if !errors.As(err, &es) || len(es) != 1 || es[0].Pos != r.PosOf("bao_cao") || !strings.Contains(es[0].Msg, "★") {
		t.Errorf("a character a function writes: got %v, want it at %v", err, r.PosOf("bao_cao"))
	}
}
