package yamledit

import (
	"strings"
	"testing"
)

// FuzzApply makes an edit on any text, at any path: it never panics, and
// what it makes reads back as asked (Apply checks it) or is refused.
//
//	go test -fuzz FuzzApply ./cmd/baocao/web/yamledit
func FuzzApply(f *testing.F) {
	for _, s := range []string{readSrc, "a: 1\n", "r: [a, b]\n", "s: {x: 1}\n", "b: |\n  x\n  y\n", "l:\n  - a\n  -\n", "k: 'q''q'\n", "k: \"a\\\"b\"\n"} {
		for _, p := range []string{"a", "r[1]", "s.x", "b", "l[1]", "k", "agency.name", "conference.delegates[0].titles[2]", "bao_cao.body"} {
			f.Add(s, "set", p, "giá trị: mới\n")
			f.Add(s, "delete", p, "")
			f.Add(s, "append", p, "x")
		}
	}
	f.Fuzz(func(t *testing.T, src, op, path, value string) {
		ops := []Op{{Op: op, Path: path, Value: value, Items: []any{value, map[string]any{"k": value}}, To: len(value) % 3}}
		out, err := Apply(src, ops, testSchema)
		if err != nil {
			return
		}
		if _, err := Read(out); err != nil {
			t.Fatalf("made text that does not read: %v\n%s", err, out)
		}
		if op == "set" && !strings.Contains(out, strings.TrimSpace(strings.SplitN(value, "\n", 2)[0])) && !strings.ContainsAny(value, "\\\"'\t\r\x00") && value != "" {
			t.Logf("value %q not found as written in:\n%s", value, out)
		}
	})
}
