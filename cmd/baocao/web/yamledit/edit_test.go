package yamledit

import (
	"slices"
	"strings"
	"testing"
)

// schema is a Schema for the tests: the key order of a few mappings, and
// the keys whose values are typed.
type schema struct {
	order map[string][]string
	typed []string
}

func (s schema) Keys(path string) []string {
	if k, ok := s.order[path]; ok {
		return k
	}
	// Lists' items share an order, written with "[]".
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		if path[i] == '[' {
			b.WriteString("[]")
			i = strings.IndexByte(path[i:], ']') + i
			continue
		}
		b.WriteByte(path[i])
	}
	return s.order[b.String()]
}

func (s schema) Typed(path string) bool {
	return slices.Contains(s.typed, path[strings.LastIndexAny(path, ".]")+1:])
}

var testSchema = schema{
	order: map[string][]string{
		"":                                 {"agency", "format", "conference", "statistics", "bao_cao"},
		"format":                           {"margin_top", "margin_bottom", "font"},
		"bao_cao":                          {"number", "code", "date", "title", "signer", "recipients"},
		"bao_cao.signer":                   {"authority", "head", "title", "rank", "name"},
		"s":                                {"authority", "head", "title", "rank", "name"},
		"conference.delegates[]":           {"id", "name", "rank", "titles", "guest"},
		"statistics.indicators[]":          {"id", "name", "unit", "previous", "current"},
		"annexes[].table":                  {"columns", "rows"},
		"conference":                       {"name", "date", "delegates"},
		"statistics":                       {"previous", "current", "indicators"},
		"statistics.groups[]":              {"title", "indicators"},
		"statistics.groups[].indicators[]": {"id", "name", "unit", "previous", "current"},
	},
	typed: []string{"number", "previous", "current", "margin_top", "date", "guest", "a"},
}

func TestApply(t *testing.T) {
	tests := []struct {
		name string
		src  string
		ops  []Op
		want string // "" when the ops are refused
	}{
		{"number keeps the comment's column", "a: 1          # minh họa\nb: x\n",
			[]Op{{Op: "set", Path: "a", Value: "3965"}}, "a: 3965       # minh họa\nb: x\n"},
		{"a longer value pushes the comment", "a: 1  # c\n",
			[]Op{{Op: "set", Path: "a", Value: "123456"}}, "a: 123456  # c\n"},
		{"vietnamese number as typed", "a: 1\n",
			[]Op{{Op: "set", Path: "a", Value: "3.965,5"}}, "a: 3.965,5\n"},
		{"number-looking text is quoted", "code: BC\n",
			[]Op{{Op: "set", Path: "code", Value: "15"}}, "code: \"15\"\n"},
		{"null typed as a number is quoted", "a: 1\n",
			[]Op{{Op: "set", Path: "a", Value: "null"}}, "a: \"null\"\n"},
		{"colon in text", "r:\n  - Bộ Công an\n  - VT\n",
			[]Op{{Op: "set", Path: "r[1]", Value: "Lưu: VT, PV01"}}, "r:\n  - Bộ Công an\n  - \"Lưu: VT, PV01\"\n"},
		{"quoted stays quoted", "time: \"08:00\"   # giờ\n",
			[]Op{{Op: "set", Path: "time", Value: "14:30"}}, "time: \"14:30\"   # giờ\n"},
		{"single quotes stay", "x: 'a''b'\n",
			[]Op{{Op: "set", Path: "x", Value: "it's"}}, "x: 'it''s'\n"},
		{"emptied, comment kept", "a: 12   # c\nb: 1\n",
			[]Op{{Op: "set", Path: "a", Value: ""}}, "a:      # c\nb: 1\n"},
		{"empty value filled", "a:\nb: 2\n",
			[]Op{{Op: "set", Path: "a", Value: "x"}}, "a: x\nb: 2\n"},
		{"empty item filled", "l:\n  -\n  - b\n",
			[]Op{{Op: "set", Path: "l[0]", Value: "a"}}, "l:\n  - a\n  - b\n"},
		{"one line becomes a block, its comment on the header", "s:\n  body: ngắn  # nội dung\n  x: 1\n",
			[]Op{{Op: "set", Path: "s.body", Value: "# Phần\n\nĐoạn một.\n"}}, "s:\n  body: | # nội dung\n    # Phần\n\n    Đoạn một.\n  x: 1\n"},
		{"block keeps its indentation and header comment", "body: |   # c\n      một\n\n      hai\nx: 1\n",
			[]Op{{Op: "set", Path: "body", Value: "một\nba\n"}}, "body: | # c\n      một\n      ba\nx: 1\n"},
		{"block without final newline", "body: |\n  a\n  b\nx: 1\n",
			[]Op{{Op: "set", Path: "body", Value: "a\nc"}}, "body: |-\n  a\n  c\nx: 1\n"},
		{"block whose first line starts with a space", "body: x\n",
			[]Op{{Op: "set", Path: "body", Value: "  thụt\nb\n"}}, "body: |2\n    thụt\n  b\n"},
		{"block becomes one line", "body: |\n  a\n  b\n\nx: 1\n",
			[]Op{{Op: "set", Path: "body", Value: "một dòng"}}, "body: một dòng\n\nx: 1\n"},
		{"several lines in a flow mapping", "s: {a: 1, b: x}\n",
			[]Op{{Op: "set", Path: "s.b", Value: "1\n2"}}, "s: {a: 1, b: \"1\\n2\"}\n"},
		{"comma in a flow mapping", "s: {title: A, name: B}\n",
			[]Op{{Op: "set", Path: "s.name", Value: "C, D"}}, "s: {title: A, name: \"C, D\"}\n"},
		{"cell of a flow row", "rows:\n  - [1, Hà Nội, 3]\n",
			[]Op{{Op: "set", Path: "rows[0][1]", Value: "Cần Thơ"}, {Op: "set", Path: "rows[0][2]", Value: ""}}, "rows:\n  - [1, Cần Thơ, \"\"]\n"},
		{"key added in order", "s:\n  title: A\n  name: B\n",
			[]Op{{Op: "set", Path: "s.rank", Value: "Đại tá"}}, "s:\n  title: A\n  rank: Đại tá\n  name: B\n"},
		{"key added first", "s:\n  # người ký\n  title: A\n",
			[]Op{{Op: "set", Path: "s.authority", Value: "KT."}}, "s:\n  # người ký\n  authority: KT.\n  title: A\n"},
		{"key added after a block value", "s:\n  title: |\n    a\n    b\n\n  name: B\n",
			[]Op{{Op: "set", Path: "s.rank", Value: "R"}}, "s:\n  title: |\n    a\n    b\n  rank: R\n\n  name: B\n"},
		{"key added to a flow mapping", "s: {title: A, name: B}\n",
			[]Op{{Op: "set", Path: "s.rank", Value: "R"}}, "s: {title: A, rank: R, name: B}\n"},
		{"key added first to a flow mapping", "s: {title: A}\n",
			[]Op{{Op: "set", Path: "s.head", Value: "H"}}, "s: {head: H, title: A}\n"},
		{"section filled", "format:   # lề\nconference: x\n",
			[]Op{{Op: "set", Path: "format.margin_top", Value: "25"}}, "format:   # lề\n  margin_top: 25\nconference: x\n"},
		{"empty flow section filled", "format: {}\nconference: x\n",
			[]Op{{Op: "set", Path: "format.margin_top", Value: "25"}}, "format:\n  margin_top: 25\nconference: x\n"},
		{"missing section made", "# tệp\nagency: x\nconference: y\n",
			[]Op{{Op: "set", Path: "bao_cao.signer.name", Value: "Nguyễn Văn A"}}, "# tệp\nagency: x\nconference: y\nbao_cao:\n  signer:\n    name: Nguyễn Văn A\n"},
		{"missing section between others", "agency: x\nconference: y\n",
			[]Op{{Op: "set", Path: "format.margin_top", Value: "20"}}, "agency: x\nformat:\n  margin_top: 20\nconference: y\n"},
		{"empty file", "# chỉ có ghi chú",
			[]Op{{Op: "set", Path: "agency.name", Value: "A"}}, "# chỉ có ghi chú\nagency:\n  name: A\n"},
		{"item added by its index", "r:\n  - a\n",
			[]Op{{Op: "set", Path: "r[1]", Value: "b"}}, "r:\n  - a\n  - b\n"},
		{"rows appended, blank-separated like the others",
			"conference:\n  delegates:\n    - id: a\n      name: A\n\n    - id: b\n      name: B\n\n# sau\nx: 1\n",
			[]Op{{Op: "append", Path: "conference.delegates", Items: []any{
				map[string]any{"name": "C", "id": "c", "titles": []any{"Giám đốc", "Bí thư"}}}}},
			"conference:\n  delegates:\n    - id: a\n      name: A\n\n    - id: b\n      name: B\n\n    - id: c\n      name: C\n      titles:\n        - Giám đốc\n        - Bí thư\n\n# sau\nx: 1\n"},
		{"flow rows appended as flow", "statistics:\n  indicators:\n    - {id: a, name: A, unit: vụ, previous: 1, current: 2}\n",
			[]Op{{Op: "append", Path: "statistics.indicators", Items: []any{
				map[string]any{"current": "1.250", "previous": "12,5", "name": "Số vụ: cháy", "id": "b", "unit": "vụ"}}}},
			"statistics:\n  indicators:\n    - {id: a, name: A, unit: vụ, previous: 1, current: 2}\n    - {id: b, name: \"Số vụ: cháy\", unit: vụ, previous: \"12,5\", current: 1.250}\n"},
		{"table rows appended", "annexes:\n  - table:\n      rows:\n        - [a, \"1\"]\n",
			[]Op{{Op: "append", Path: "annexes[0].table.rows", Items: []any{[]any{"b", "2"}, []any{"", "x, y"}}}},
			"annexes:\n  - table:\n      rows:\n        - [a, \"1\"]\n        - [b, \"2\"]\n        - [\"\", \"x, y\"]\n"},
		{"list made", "conference:\n  name: x\n",
			[]Op{{Op: "append", Path: "conference.delegates", Items: []any{map[string]any{"id": "a"}}}},
			"conference:\n  name: x\n  delegates:\n    - id: a\n"},
		{"empty list filled", "r: []\nx: 1\n",
			[]Op{{Op: "append", Path: "r", Items: []any{"a", "b"}}}, "r:\n  - a\n  - b\nx: 1\n"},
		{"flow list appended", "r: [a, b]\n",
			[]Op{{Op: "append", Path: "r", Items: []any{"c: d"}}}, "r: [a, b, \"c: d\"]\n"},
		{"item removed with its blank line", "l:\n  - id: a\n\n  - id: b\n    name: B\n\n  - id: c\nx: 1\n",
			[]Op{{Op: "delete", Path: "l[1]"}}, "l:\n  - id: a\n\n  - id: c\nx: 1\n"},
		{"last item removed", "l:\n  - a\nx: 1\n",
			[]Op{{Op: "delete", Path: "l[0]"}}, "l:\nx: 1\n"},
		{"key removed with its value", "a: 1\nb:\n  c: |\n    x\n    y\n  d: 2\ne: 3\n",
			[]Op{{Op: "delete", Path: "b.c"}}, "a: 1\nb:\n  d: 2\ne: 3\n"},
		{"first key of an item removed", "l:\n  - id: a\n    name: A\n",
			[]Op{{Op: "delete", Path: "l[0].id"}}, "l:\n  - name: A\n"},
		{"flow item removed", "r: [a, b, c]\n",
			[]Op{{Op: "delete", Path: "r[1]"}, {Op: "delete", Path: "r[1]"}}, "r: [a]\n"},
		{"item moved up", "r:\n  - a\n  - b  # hai\n  - c\n",
			[]Op{{Op: "move", Path: "r[1]", To: 0}}, "r:\n  - b  # hai\n  - a\n  - c\n"},
		{"item moved to the end", "r:\n  - a\n  - b\n  - c",
			[]Op{{Op: "move", Path: "r[0]", To: 2}}, "r:\n  - b\n  - c\n  - a"},
		{"several edits in turn", "a: 1\nr:\n  - x\n",
			[]Op{{Op: "set", Path: "a", Value: "2"}, {Op: "append", Path: "r", Items: []any{"y"}}, {Op: "set", Path: "r[1]", Value: "z"}, {Op: "set", Path: "a", Value: "3"}},
			"a: 3\nr:\n  - x\n  - z\n"},
		{"a mapping is not a cell", "s:\n  a: 1\n", []Op{{Op: "set", Path: "s", Value: "x"}}, ""},
		{"a list grows by one at a time", "r:\n  - a\n", []Op{{Op: "set", Path: "r[2]", Value: "x"}}, ""},
		{"through a value", "s: x\n", []Op{{Op: "set", Path: "s.a", Value: "x"}}, ""},
		{"anchored value", "a: &x 1\n", []Op{{Op: "set", Path: "a", Value: "2"}}, ""},
		{"missing item removed", "r: [a]\n", []Op{{Op: "delete", Path: "r[3]"}}, ""},
		{"unknown op", "a: 1\n", []Op{{Op: "rename", Path: "a"}}, ""},
		{"not a mapping", "- a\n", []Op{{Op: "set", Path: "a", Value: "x"}}, ""},
		{"bad path", "a: 1\n", []Op{{Op: "set", Path: "a..b", Value: "x"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Apply(tt.src, tt.ops, testSchema)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("made, want refused:\n%s", got)
				}
				if !strings.Contains(err.Error(), " — hãy sửa ở chế độ xem YAML") && !strings.Contains(err.Error(), "tệp") {
					t.Errorf("message %q does not say what to do", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
