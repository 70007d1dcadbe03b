package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baocao/render/legacy"
)

// pasted is the fixture with an agency name, a delegate's name and a line
// of the body pasted from old documents, in TCVN3 (.VnTime) and VNI.
func pasted(t *testing.T) string {
	return edit(t, readFixture(t),
		"place: Hội trường Công an thành phố", "place: Héi tr\u00adêng C«ng an thµnh phè",
		"name: Nguyễn Văn Thuận", "name: NguyÔn V¨n ThuËn",
		"    ## I. Tình hình\n", "    ## I. Tình hình\n\n    Coâng an thaønh phoá Caàn Thô ñaõ hoaøn thaønh nhieäm vuï.\n",
	)
}

func TestLegacyTextReported(t *testing.T) {
	src := pasted(t)
	es := loadErrors(t, src)
	want := []struct{ pos, fragment string }{
		{at(t, src, "Héi tr"), `"place" có vẻ được dán từ tài liệu cũ mã TCVN3 (ABC): «Héi tr` + "\u00ad" + `êng C«ng an thµnh phè» tức là «Hội trường Công an thành phố» — hãy chuyển sang Unicode`},
		// A name has too few words to be sure alone; the rest of the
		// file is TCVN3, so it is reported too.
		{at(t, src, "NguyÔn"), "«NguyÔn V¨n ThuËn» tức là «Nguyễn Văn Thuận»"},
		{at(t, src, "Coâng"), `"body" có vẻ được dán từ tài liệu cũ mã VNI: «Coâng an thaønh phoá Caàn Thô ñaõ hoaøn…» tức là «Công an thành phố Cần Thơ đã hoàn…» — hãy chuyển sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) hoặc chạy lại với --fix-legacy`},
	}
	if len(es) != len(want) {
		t.Errorf("got %d errors, want %d:\n%v", len(es), len(want), es)
	}
	for _, w := range want {
		if !hasError(es, w.pos, w.fragment) {
			t.Errorf("no error at %s with %q:\n%v", w.pos, w.fragment, es)
		}
	}
}

func TestLegacyTextFixed(t *testing.T) {
	src := pasted(t)
	file := filepath.Join(t.TempDir(), "cu.yaml")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	r, err := Options{FixLegacy: true, Converted: func(c Conversion) { got = append(got, c.String()) }}.File(file)
	if err != nil {
		t.Fatal(err)
	}
	if r.Conference.Place != "Hội trường Công an thành phố" || r.Conference.Delegates[1].Name != "Nguyễn Văn Thuận" {
		t.Errorf("converted place %q, name %q", r.Conference.Place, r.Conference.Delegates[1].Name)
	}
	if !strings.Contains(r.BaoCao.Body, "\nCông an thành phố Cần Thơ đã hoàn thành nhiệm vụ.\n") || !strings.Contains(r.BaoCao.Body, "Tình hình") {
		t.Errorf("body not converted line by line:\n%s", r.BaoCao.Body)
	}
	want := []string{
		file + ":" + at(t, src, "Héi") + ": đã chuyển TCVN3 (ABC) → Unicode: «Héi tr\u00adêng C«ng an thµnh phè» → «Hội trường Công an thành phố»",
		file + ":" + at(t, src, "NguyÔn") + ": đã chuyển TCVN3 (ABC) → Unicode: «NguyÔn V¨n ThuËn» → «Nguyễn Văn Thuận»",
		file + ":" + at(t, src, "Coâng") + ": đã chuyển VNI → Unicode: «Coâng an thaønh phoá Caàn Thô ñaõ hoaøn…» → «Công an thành phố Cần Thơ đã hoàn…»",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("conversions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if after, err := os.ReadFile(file); err != nil || string(after) != src {
		t.Errorf("the file was changed: %v", err)
	}
}

// TestLegacyFile loads whole files saved in a legacy encoding.
func TestLegacyFile(t *testing.T) {
	tests := []struct {
		name string
		data string
		enc  legacy.Encoding
		pos  string
	}{
		{"Windows-1258", "agency:\n  name: C\xd4NG AN\n  place: C\xe2\xccn Th\xf5\nconference:\n  name: H\xf4\xf2i ngh\xeci t\xf4\xd2ng k\xea\xect\n", legacy.Windows1258, "3:10"},
		{"TCVN3", "agency:\n  place: C\xc7n Th\xac\nconference:\n  name: H\xe9i ngh\xde t\xe6ng k\xd5t\n", legacy.TCVN3, "2:10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := loadErrors(t, tt.data)
			if len(es) != 1 || !hasError(es, tt.pos, "tệp được lưu với mã "+tt.enc.String()+", không phải UTF-8") {
				t.Errorf("want one error at %s naming %v, got:\n%v", tt.pos, tt.enc, es)
			}
			var convs []Conversion
			_, err := Options{FixLegacy: true, Converted: func(c Conversion) { convs = append(convs, c) }}.Bytes("t.yaml", []byte(tt.data))
			if len(convs) != 1 || !convs[0].File || convs[0].From != tt.enc || !strings.Contains(convs[0].String(), "đã chuyển cả tệp từ "+tt.enc.String()) {
				t.Errorf("conversions %v", convs)
			}
			// Converted, the file loads, and fails only for what it lacks.
			if err == nil || !strings.Contains(err.Error(), "thiếu khóa") || strings.Contains(err.Error(), "UTF-8") {
				t.Errorf("converted file: %v", err)
			}
		})
	}
}

// TestNotLegacy: the examples and the fixture hold Vietnamese in Unicode
// only; none of it may be taken for legacy text.
func TestNotLegacy(t *testing.T) {
	files, err := filepath.Glob("../../examples/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, f := range append(files, fixture) {
		converted := false
		_, err := Options{FixLegacy: true, Converted: func(c Conversion) { converted = true; t.Errorf("%s", c) }}.File(f)
		if err != nil && strings.Contains(err.Error(), "tài liệu cũ") {
			t.Errorf("%s: %v", f, err)
		}
		if converted {
			t.Errorf("%s: text converted", f)
		}
	}
}
