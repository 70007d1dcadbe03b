package web

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"baocao/cmd/baocao/web/yamledit"
	"baocao/render"
	"baocao/render/load"
)

func TestLabels(t *testing.T) {
	tests := []struct{ doc, label, help string }{
		{"Số văn bản (ví dụ: 15)", "Số văn bản", "ví dụ: 15"},
		{"Lề trên, mm (20–25)", "Lề trên, mm", "20–25"},
		{"Khổ giấy, lề và cỡ chữ (không bắt buộc)", "Khổ giấy, lề và cỡ chữ", "không bắt buộc"},
		{"Mã (id) của đại biểu chủ trì, trong danh sách delegates", "Mã (id) của đại biểu chủ trì, trong danh sách delegates", ""},
		{"Tít (tiêu đề) bản tin", "Tít (tiêu đề) bản tin", ""},
		{"Giờ kết thúc, dạng giờ:phút (ví dụ: \"11:30\")", "Giờ kết thúc, dạng giờ:phút", "ví dụ: \"11:30\""},
		{"Bộ cỡ chữ: decree (theo ví dụ) hoặc model", "Bộ cỡ chữ", "decree (theo ví dụ) hoặc model"},
		{"Nơi nhận, mỗi dòng một nơi; dòng cuối là Lưu: VT, …", "Nơi nhận, mỗi dòng một nơi", "dòng cuối là Lưu: VT, …"},
		{"Tên cơ quan ban hành như viết trong câu văn (ví dụ: Công an thành phố Cần Thơ); bỏ trống thì dùng name", "Tên cơ quan ban hành như viết trong câu văn", "(ví dụ: Công an thành phố Cần Thơ); bỏ trống thì dùng name"},
		{"Hội nghị", "Hội nghị", ""},
	}
	for _, tt := range tests {
		if label, help := labelOf(tt.doc); label != tt.label || help != tt.help {
			t.Errorf("labelOf(%q) = %q, %q; want %q, %q", tt.doc, label, help, tt.label, tt.help)
		}
	}
}

// TestModel: the form's fields are the model's, each drawn by the kind of
// its value, and yamledit writes values where the model orders them.
func TestModel(t *testing.T) {
	m := newModel()
	kinds := map[string]string{
		"agency.name":                                kindText,
		"format":                                     kindGroup,
		"format.margin_top":                          kindNumber,
		"format.profile":                             kindEnum,
		"format.font.regular":                        kindFile,
		"conference.date":                            kindDate,
		"conference.delegates":                       kindTable,
		"conference.delegates[3].titles":             kindStrings,
		"conference.delegates[0].guest":              kindBool,
		"statistics.groups":                          kindList,
		"statistics.groups[1].indicators":            kindTable,
		"statistics.groups[1].indicators[0].current": kindNumber,
		"bao_cao":                                    kindGroup,
		"bao_cao.number":                             kindInteger,
		"bao_cao.body":                               kindMarkdown,
		"bao_cao.recipients":                         kindStrings,
		"annexes":                                    kindList,
		"annexes[0].table.rows":                      kindRows,
		"annexes[0].table.rows[2][1]":                kindRows,
		"ban_tin.photos":                             kindTable,
		"thong_bao.tasks[0].deadline":                kindDate,
	}
	for path, kind := range kinds {
		if f := m.at(path); f == nil || f.Kind != kind {
			t.Errorf("%s: %+v, want kind %s", path, f, kind)
		}
	}
	if f := m.at("bao_cao"); !f.Optional || m.at("agency").Optional {
		t.Error("bao_cao may be left out, agency not")
	}
	if f := m.at("annexes[0].table.rows"); f.Columns != "columns" {
		t.Errorf("rows name their columns by %q", f.Columns)
	}
	if m.at("khong_co") != nil || m.at("agency.khong_co") != nil {
		t.Error("a key the model lacks has a field")
	}
	if got := strings.Join(m.Keys("bao_cao.signer"), ","); got != "authority,head,title,rank,name,signature_image,seal_image" {
		t.Errorf("signer keys %s", got)
	}
	if got := strings.Join(m.Keys("statistics.groups[2].indicators[0]"), ","); got != "id,name,unit,previous,current" {
		t.Errorf("indicator keys %s", got)
	}
	for path, typed := range map[string]bool{"bao_cao.number": true, "conference.date": true, "statistics.groups[0].indicators[0].previous": true,
		"conference.delegates[0].guest": true, "bao_cao.code": false, "conference.time": false, "annexes[0].table.rows[0][1]": false} {
		if m.Typed(path) != typed {
			t.Errorf("Typed(%s) = %v", path, !typed)
		}
	}
	// Every field has a label, and the JSON the app reads.
	var walk func(fs []*field)
	walk = func(fs []*field) {
		for _, f := range fs {
			if f.Label == "" {
				t.Errorf("%s has no label", f.Key)
			}
			walk(f.Fields)
		}
	}
	walk(m.root)
	if _, err := json.Marshal(m.root); err != nil {
		t.Fatal(err)
	}
}

// quotedKey is the key a message names first: `"date" là …`.
var quotedKey = regexp.MustCompile(`^"([a-z_]+)" `)

// unknownKey is the start of the loader's message for a key the model
// lacks.
var unknownKey = regexp.MustCompile(`^khóa "[^"]*" không có `)

// TestMessagesAtFields: every problem of the bad inputs that has a line
// in the file is placed at a value of the form — but those of the whole
// file ("tệp …") and of keys the model lacks, which the form does not
// show — and one that names a key is placed at that key's value.
func TestMessagesAtFields(t *testing.T) {
	files, err := filepath.Glob("../../../testdata/bad/*.yaml")
	if err != nil || len(files) < 20 {
		t.Fatalf("%d bad inputs", len(files))
	}
	placed := 0
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		x, err := yamledit.Read(string(src))
		if err != nil {
			continue // not YAML: the form is not shown
		}
		r, err := load.Options{Files: os.DirFS(filepath.Dir(file))}.Bytes("f.yaml", src)
		if err == nil {
			err = render.Validate(r, render.Options{})
		}
		for _, m := range messages(err, "f.yaml", x) {
			if m.Line == 0 {
				continue
			}
			if m.Path == "" && !unknownKey.MatchString(m.Message) && !strings.HasPrefix(m.Message, "tệp ") {
				t.Errorf("%s: %s: not placed", filepath.Base(file), m.Text)
				continue
			}
			placed++
			if k := quotedKey.FindStringSubmatch(m.Message); k != nil && !strings.HasSuffix(m.Path, k[1]) {
				t.Errorf("%s: %s: placed at %q", filepath.Base(file), m.Text, m.Path)
			}
		}
	}
	if placed < 20 {
		t.Errorf("only %d messages placed", placed)
	}
}
