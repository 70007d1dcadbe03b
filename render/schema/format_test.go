package schema

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"baocao/render/load"
	"baocao/render/report"
)

// guide is the clerk's guide to the format, whose examples must stay valid.
const guide = "../../docs/FORMAT.md"

// yamlBlock finds the ```yaml blocks of a Markdown text.
var yamlBlock = regexp.MustCompile("(?ms)^```yaml\n(.*?)^```$")

// TestFormatExamples loads every YAML block of docs/FORMAT.md, with the
// loader and with the schema: the complete example as it is, and each
// fragment set into it — a section at the top level, a key of the báo cáo
// (signer, recipients) under bao_cao — so that a key misspelt, a value the
// loader refuses or a section in the wrong place fails here, at its line.
// The fonts and pictures the fragments name are made in a temporary folder.
func TestFormatExamples(t *testing.T) {
	src, err := os.ReadFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	s := compile(t)
	var top []string
	for _, f := range report.Fields(reflect.TypeFor[report.Report]()) {
		top = append(top, f.Key)
	}
	type block struct {
		line int
		node *yaml.Node // the block's mapping
	}
	var blocks []block
	full := -1
	for _, m := range yamlBlock.FindAllSubmatchIndex(src, -1) {
		b := block{line: strings.Count(string(src[:m[2]]), "\n") + 1}
		var doc yaml.Node
		if err := yaml.Unmarshal(src[m[2]:m[3]], &doc); err != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
			t.Errorf("FORMAT.md:%d: the block is not a YAML mapping (%v)", b.line, err)
			continue
		}
		b.node = doc.Content[0]
		blocks = append(blocks, b)
		if value(b.node, "agency") != nil && value(b.node, "conference") != nil {
			if full >= 0 {
				t.Fatalf("FORMAT.md:%d and %d: two complete examples; the test sets fragments into one", blocks[full].line, b.line)
			}
			full = len(blocks) - 1
		}
	}
	if full < 0 || len(blocks) < 10 {
		t.Fatalf("FORMAT.md has %d YAML blocks, complete example %v; want many, and one complete", len(blocks), full >= 0)
	}

	dir := t.TempDir()
	copyFile(t, "../../fonts/LiberationSerif-Regular.ttf", filepath.Join(dir, "fonts/times.ttf"))
	copyFile(t, "../../fonts/LiberationSerif-Bold.ttf", filepath.Join(dir, "fonts/timesbd.ttf"))
	copyFile(t, "../../fonts/LiberationSerif-Italic.ttf", filepath.Join(dir, "fonts/timesi.ttf"))
	copyFile(t, "../../fonts/LiberationSerif-BoldItalic.ttf", filepath.Join(dir, "fonts/timesbi.ttf"))
	copyFile(t, "../../examples/images/cantho-2021-hoi-nghi.png", filepath.Join(dir, "anh/chu-ky.png"))
	copyFile(t, "../../examples/images/gddt-2023-hoi-nghi.png", filepath.Join(dir, "anh/con-dau.png"))

	for i, b := range blocks {
		doc := clone(blocks[full].node)
		if i != full {
			for i := 0; i+1 < len(b.node.Content); i += 2 {
				k, v := b.node.Content[i], b.node.Content[i+1]
				into := doc
				if !slices.Contains(top, k.Value) {
					into = value(doc, "bao_cao")
				}
				merge(into, k, v)
			}
		}
		out, err := yaml.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(dir, "x.yaml")
		if err := os.WriteFile(name, out, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := load.File(name); err != nil {
			t.Errorf("FORMAT.md:%d: the block, set into the complete example, does not load:\n%v\n%s", b.line, err, out)
		}
		if err := s.Validate(instance(t, out)); err != nil {
			t.Errorf("FORMAT.md:%d: the block, set into the complete example, is refused by the schema:\n%v", b.line, err)
		}
	}
}

// value returns the value of key in mapping m, or nil.
func value(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// merge sets key to v in mapping m: mappings are merged key by key, any
// other value replaces the one there.
func merge(m, key, v *yaml.Node) {
	old := value(m, key.Value)
	switch {
	case old == nil:
		m.Content = append(m.Content, clone(key), clone(v))
	case old.Kind == yaml.MappingNode && v.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(v.Content); i += 2 {
			merge(old, v.Content[i], v.Content[i+1])
		}
	default:
		*old = *clone(v)
	}
}

func clone(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = nil
	for _, k := range n.Content {
		c.Content = append(c.Content, clone(k))
	}
	return &c
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
