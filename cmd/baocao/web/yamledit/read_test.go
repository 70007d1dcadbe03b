package yamledit

import (
	"encoding/json"
	"strings"
	"testing"
)

const readSrc = `# ghi chú
agency:
  name: CÔNG AN   # in đậm
  place:
conference:
  delegates:
    - id: a
      titles: [Giám đốc, "Bí thư"]
    - id: b
bao_cao:
  body: |
    # Phần

    Đoạn {{ value "x" }}.
  number: 15
`

func TestRead(t *testing.T) {
	x, err := Read(readSrc)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(x.Values())
	want := `{"agency":{"name":"CÔNG AN","place":""},"bao_cao":{"body":"# Phần\n\nĐoạn {{ value \"x\" }}.\n","number":"15"},"conference":{"delegates":[{"id":"a","titles":["Giám đốc","Bí thư"]},{"id":"b"}]}}`
	if string(got) != want {
		t.Errorf("values:\n%s\nwant:\n%s", got, want)
	}
	tests := []struct {
		at    string // the text at the place, ‸ marking it
		path  string
		inner int
	}{
		{"name: C‸ÔNG", "agency.name", 0},
		{"CÔNG AN‸   #", "agency.name", 0},
		{"na‸me: CÔNG", "agency", 0},
		{"place:‸", "agency.place", 0},
		{"- id: ‸a", "conference.delegates[0].id", 0},
		{"[Giám đốc, \"B‸í", "conference.delegates[0].titles[1]", 0},
		{"‸id: b", "conference.delegates[1]", 0},
		{"Đoạn {{ ‸value", "bao_cao.body", 3},
		{"    ‸# Phần", "bao_cao.body", 1},
		{"number: 1‸5", "bao_cao.number", 0},
	}
	for _, tt := range tests {
		line, col := place(t, readSrc, tt.at)
		path, inner, ok := x.PathAt(line, col)
		if !ok || path != tt.path || inner != tt.inner {
			t.Errorf("%q (%d:%d): path %q, line %d, %v; want %q, line %d", tt.at, line, col, path, inner, ok, tt.path, tt.inner)
		}
	}
	if path, _, ok := x.PathAt(1, 3); ok {
		t.Errorf("the comment on line 1 is in %q", path)
	}
}

// place is the line and column, counted in characters, of ‸ in needle
// found in src.
func place(t *testing.T, src, needle string) (line, col int) {
	t.Helper()
	before, after, _ := strings.Cut(needle, "‸")
	i := strings.Index(src, before+after)
	if i < 0 {
		t.Fatalf("no %q", before+after)
	}
	i += len(before)
	line = strings.Count(src[:i], "\n") + 1
	col = len([]rune(src[strings.LastIndexByte(src[:i], '\n')+1:i])) + 1
	return line, col
}
