package schema

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"baocao/render/load"
)

// committed is the schema file the examples name on their first line.
const committed = "../../docs/baocao.schema.json"

// compile compiles the generated schema with an independent validator.
func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	data, err := JSON()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("baocao.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("baocao.schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return s
}

// instance reads YAML into the values a YAML-aware editor checks against
// the schema: YAML 1.2 scalars, with dates kept as the text they are.
func instance(t *testing.T, src []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	var conv func(n *yaml.Node) any
	conv = func(n *yaml.Node) any {
		switch n.Kind {
		case yaml.DocumentNode:
			return conv(n.Content[0])
		case yaml.MappingNode:
			m := map[string]any{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				m[n.Content[i].Value] = conv(n.Content[i+1])
			}
			return m
		case yaml.SequenceNode:
			s := []any{}
			for _, c := range n.Content {
				s = append(s, conv(c))
			}
			return s
		}
		var v any
		switch n.ShortTag() {
		case "!!int":
			var i int64
			v = &i
		case "!!float":
			var f float64
			v = &f
		case "!!bool":
			var b bool
			v = &b
		case "!!null":
			return nil
		default:
			return n.Value
		}
		if err := n.Decode(v); err != nil {
			t.Fatal(err)
		}
		switch v := v.(type) {
		case *int64:
			return *v
		case *float64:
			return *v
		case *bool:
			return *v
		}
		return nil
	}
	return conv(&doc)
}

func TestCommittedSchemaIsCurrent(t *testing.T) {
	want, err := JSON()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(committed)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date — regenerate it: go run ./cmd/baocao schema > docs/baocao.schema.json", committed)
	}
}

func TestExamplesValidate(t *testing.T) {
	s := compile(t)
	files, err := filepath.Glob("../../examples/*.yaml")
	if err != nil || len(files) < 2 {
		t.Fatalf("examples: %v %v", files, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if first, _, _ := strings.Cut(string(src), "\n"); first != "# yaml-language-server: $schema=../docs/baocao.schema.json" {
				t.Errorf("first line is %q, want the yaml-language-server schema line", first)
			}
			if _, err := load.File(f); err != nil {
				t.Errorf("the loader rejects the example: %v", err)
			}
			if err := s.Validate(instance(t, src)); err != nil {
				t.Errorf("the schema rejects the example: %v", err)
			}
		})
	}
}

// base is a valid file with every section, in testdata beside its photo.
const base = "testdata/base.yaml"

// TestSchemaRejectsWhatLoaderRejects makes each kind of mistake the
// loader's struct tags catch — an unknown key, a wrong type, a missing or
// empty required value, a value outside an enum, a number below its
// minimum — and requires both the loader and the schema to refuse it.
func TestSchemaRejectsWhatLoaderRejects(t *testing.T) {
	s := compile(t)
	src, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		old, new string
		loader   string // a fragment of the loader's message
	}{
		{"unknown top-level key", "format:\n", "formatt: 1\nformat:\n", `khóa "formatt" không có`},
		{"unknown nested key", "  lead: Mở đầu.\n", "  leed: Mở đầu.\n", `khóa "leed" không có`},
		{"unknown key in a list item", "    - unit: Phòng Tham mưu\n", "    - unit: Phòng Tham mưu\n      owner: x\n", `khóa "owner" không có`},
		{"text for a number", "previous: 385", `previous: "ba trăm"`, "phải là một số"},
		{"negative number written as text", "previous: 385", `previous: "-385"`, "không âm"},
		{"integer with decimals", "number: 15", "number: 15.5", "phải là số nguyên"},
		{"integer with a decimal comma", "number: 15", "number: 15,5", "phải là số nguyên"},
		{"integer written as text with decimals", "number: 15", `number: "15,5"`, "phải là số nguyên"},
		{"figure with words", "collectives: 2", "collectives: 2 tập thể", "phải là một số nguyên"},
		{"text given a list", "code: BC-CAT", "code: [BC, CAT]", "phải là một đoạn chữ"},
		{"list given a text", "titles:\n        - Thứ trưởng Bộ Công an\n", "titles: Thứ trưởng Bộ Công an\n", "phải là một danh sách"},
		{"group given a text", "format:\n  margin_top: 20\n  profile: decree\n", "format: A4\n", "phải là một nhóm khóa"},
		{"flag given a word", "guest: true", "guest: có", "true hoặc false"},
		{"date in another form", "date: 2022-01-14", "date: 14.01.2022", "phải là một ngày"},
		{"date given a number", "deadline: 28/02/2022", "deadline: 2022", "phải là một ngày"},
		{"table row given a text", `- [Phòng A, "12"]`, `- Phòng A`, "phải là một danh sách"},
		{"missing required key", "  place: Cần Thơ\n", "", `thiếu khóa "place"`},
		{"missing required key of a kind", "  secretary: han\n", "", `thiếu khóa "secretary"`},
		{"missing required photo file", "    - image: photo.png\n      caption", "    - caption", `thiếu khóa "image"`},
		{"required text empty", "name: Trần Thị Hân", `name: ""`, "đang để trống"},
		{"required text blank", "name: Trần Thị Hân", `name: "   "`, "chỉ có dấu cách"},
		{"required text of invisible characters", "name: Trần Thị Hân", `name: "\u200B\u00AD"`, "chỉ có dấu cách"},
		{"required value null", "title: Kết luận hội nghị", "title:", "đang để trống"},
		{"required list empty", "  recipients:\n    - \"Lưu: VT\"\nbien_ban:", "  recipients: []\nbien_ban:", "đang để trống"},
		{"required group null", "agency:\n  parent: BỘ CÔNG AN\n  name: CÔNG AN THÀNH PHỐ CẦN THƠ\n  name_in_text: Công an thành phố Cần Thơ\n  place: Cần Thơ\n", "agency:\n", "đang để trống"},
		{"enum", "profile: decree", "profile: đẹp", "chỉ nhận một trong"},
		{"enum near a value", "urgency: KHẨN", "urgency: KHAN", "chỉ nhận một trong"},
		{"enum of a signer", "authority: KT.", "authority: KT", "chỉ nhận một trong"},
		{"enum of a column", "type: number", "type: số", "chỉ nhận một trong"},
		{"below minimum 1", "number: 15", "number: 0", "từ 1 trở lên"},
		{"negative figure", "previous: 385", "previous: -1", "không âm"},
		{"negative count", "collectives: 2", "collectives: -2", "không âm"},
	}
	if _, err := load.Bytes(base, src); err != nil {
		t.Fatalf("the loader rejects the base file: %v", err)
	}
	if err := s.Validate(instance(t, src)); err != nil {
		t.Fatalf("the schema rejects the base file: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if strings.Count(string(src), tt.old) != 1 {
				t.Fatalf("%q is not once in the base file", tt.old)
			}
			bad := []byte(strings.Replace(string(src), tt.old, tt.new, 1))
			_, err := load.Bytes(base, bad)
			if err == nil || !strings.Contains(err.Error(), tt.loader) {
				t.Errorf("loader: got %v, want an error containing %q", err, tt.loader)
			}
			if err := s.Validate(instance(t, bad)); err == nil {
				t.Errorf("the schema accepts what the loader rejects")
			}
		})
	}
}

// TestSchemaAcceptsFiguresAsText: a figure written the Vietnamese way, or
// quoted as it is pasted from Excel, is a figure to the loader and to the
// schema alike, in every kind of number field.
func TestSchemaAcceptsFiguresAsText(t *testing.T) {
	s := compile(t)
	src, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ old, new string }{
		{"previous: 385", "previous: 3.965,5"},
		{"previous: 385", `previous: "3.965,5"`},
		{"previous: 385", "previous: 1.234.567"},
		{"previous: 385", "previous: 12,5"},
		{"previous: 385", "previous: 0,965"},
		{"previous: 385", "previous: 3 965"},
		{"previous: 385", `previous: "3\u00a0965,5"`},
		{"previous: 385", `previous: "1\u202f234"`},
		{"previous: 385", `previous: " 385 "`},
		{"previous: 385", "previous: 1,234.5"},
		{"previous: 385", `previous: "87.6"`},
		{"previous: 385", "previous: 010"},
		{"number: 15", `number: "15"`},
		{"number: 15", "number: 010"},
		{"number: 15", `number: "05"`},
		{"collectives: 2", "collectives: 1.234.567"},
		{"collectives: 2", `collectives: "3 965"`},
		{"margin_top: 20", "margin_top: 22,5"},
		{"margin_top: 20", `margin_top: "20"`},
	}
	for _, tt := range tests {
		t.Run(tt.new, func(t *testing.T) {
			if strings.Count(string(src), tt.old) != 1 {
				t.Fatalf("%q is not once in the base file", tt.old)
			}
			good := []byte(strings.Replace(string(src), tt.old, tt.new, 1))
			if _, err := load.Bytes(base, good); err != nil {
				t.Errorf("loader: %v", err)
			}
			if err := s.Validate(instance(t, good)); err != nil {
				t.Errorf("the schema rejects what the loader accepts: %v", err)
			}
		})
	}
}
