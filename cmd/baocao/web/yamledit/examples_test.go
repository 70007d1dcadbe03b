package yamledit

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// files are the hand-written YAML files of the project: the examples and
// the starters.
func files(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, pattern := range []string{"../../../../examples/*.yaml", "../../starters/*.yaml"} {
		names, err := filepath.Glob(pattern)
		if err != nil || len(names) == 0 {
			t.Fatalf("no files %s", pattern)
		}
		for _, n := range names {
			b, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			out[filepath.Base(filepath.Dir(n))+"/"+filepath.Base(n)] = string(b)
		}
	}
	return out
}

// scalars lists the path and tag of every scalar value in src.
func scalars(t *testing.T, src string) (paths, tags []string) {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(src), &n); err != nil {
		t.Fatal(err)
	}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], strings.TrimPrefix(path+"."+n.Content[i].Value, "."))
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, path+"["+strconv.Itoa(i)+"]")
			}
		case yaml.ScalarNode:
			paths, tags = append(paths, path), append(tags, n.Tag)
		}
	}
	if len(n.Content) > 0 {
		walk(n.Content[0], "")
	}
	return paths, tags
}

// typedAt is a Schema that takes a value as typed when the file has it
// read as other than text.
type typedAt map[string]bool

func (typedAt) Keys(string) []string     { return nil }
func (s typedAt) Typed(path string) bool { return s[path] }

// TestSameValue: writing every value of the files as it is changes no
// byte, however it was written.
func TestSameValue(t *testing.T) {
	for name, src := range files(t) {
		paths, tags := scalars(t, src)
		typed := typedAt{}
		for i, p := range paths {
			typed[p] = tags[i] != "!!str" && tags[i] != "!!null"
		}
		d, _ := parse(src)
		for _, p := range paths {
			steps, _ := parsePath(p)
			chain := d.walk(steps)
			value := chain[len(chain)-1].node.Value
			got, err := Apply(src, []Op{{Op: "set", Path: p, Value: value}}, typed)
			if err != nil {
				t.Errorf("%s: %s: %v", name, p, err)
				continue
			}
			if got != src {
				t.Errorf("%s: %s = %q changed the text:\n%s", name, p, value, firstDiff(src, got))
			}
		}
	}
}

// TestEveryValue writes awkward texts in place of every value of the
// files — of a long table, its first rows — : each edit is made (Apply
// checks that the file reads back with just that value changed) and
// keeps every comment line. Every value gets the first two texts, and
// one of the others in turn.
func TestEveryValue(t *testing.T) {
	later := regexp.MustCompile(`rows\[([2-9]\d|\d{3,})\]`)
	values := []string{"", "dòng một\n\ndòng hai\n", "x", "Lưu: VT, PV01", "a # b", "một dòng\n", "  thụt lề", "it's", `"ngoặc"`, "{x}", "- a", "3.965,5", "null", "#1", "a\tb", "[1, 2]"}
	for name, src := range files(t) {
		paths, _ := scalars(t, src)
		comments := commentLines(src)
		for i, p := range paths {
			if later.MatchString(p) {
				continue
			}
			for _, v := range []string{values[0], values[1], values[2+i%(len(values)-2)]} {
				got, err := Apply(src, []Op{{Op: "set", Path: p, Value: v}}, testSchema)
				if err != nil {
					t.Errorf("%s: %s = %q: %v", name, p, v, err)
					continue
				}
				if c := commentLines(got); !contains(c, comments) {
					t.Errorf("%s: %s = %q lost comments:\n%s", name, p, v, firstDiff(src, got))
				}
			}
		}
	}
}

// commentLines are the lines of src that hold only a comment, outside
// block texts (where "#" starts a heading).
func commentLines(src string) []string {
	var out []string
	for _, l := range strings.Split(src, "\n") {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "#") && len(l)-len(strings.TrimLeft(l, " ")) <= 2 {
			out = append(out, t)
		}
	}
	return out
}

// contains reports whether sub is a subsequence of all.
func contains(all, sub []string) bool {
	i := 0
	for _, s := range all {
		if i < len(sub) && s == sub[i] {
			i++
		}
	}
	return i == len(sub)
}

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return "line " + strconv.Itoa(i+1) + ":\n- " + la[i] + "\n+ " + lb[i]
		}
	}
	return "lengths differ"
}

// BenchmarkSet sets one figure of the example, as the form does on every
// change.
func BenchmarkSet(b *testing.B) {
	src, err := os.ReadFile("../../../../examples/cantho-2021.yaml")
	if err != nil {
		b.Fatal(err)
	}
	ops := []Op{{Op: "set", Path: "statistics.groups[0].indicators[0].current", Value: "300"}}
	for b.Loop() {
		if _, err := Apply(string(src), ops, testSchema); err != nil {
			b.Fatal(err)
		}
	}
}
