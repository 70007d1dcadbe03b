package yamledit

import (
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// Doc is a YAML text read for a form: its values, and which value each
// place in the text belongs to. It is safe for concurrent use.
type Doc struct {
	d       *doc
	indexed sync.Once
	spans   []span
}

// span is where the text of the value at path runs; key marks the text of
// a key, which belongs to its mapping.
type span struct {
	path     string
	from, to int
	key      bool
	block    bool // a block of text (| or >), whose lines count from the next
}

// Read reads src, a YAML mapping.
func Read(src string) (*Doc, error) {
	d, err := parse(src)
	if err != nil {
		return nil, err
	}
	return &Doc{d: d}, nil
}

// Source is the text.
func (x *Doc) Source() string { return x.d.src }

// index records the spans of n, at path, and of what it holds.
func (x *Doc) index(n *yaml.Node, path string, flow bool, indent int) {
	from := x.d.start(n)
	if to, err := x.d.end(n, flow, indent); err == nil {
		x.spans = append(x.spans, span{path: path, from: from, to: to, block: n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0})
	}
	flow = flow || n.Style&yaml.FlowStyle != 0
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if to, err := x.d.end(k, flow, n.Column-1); err == nil {
				x.spans = append(x.spans, span{path: path, from: x.d.start(k), to: to, key: true})
			}
			x.index(n.Content[i+1], join(path, k.Value), flow, n.Column-1)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			x.index(c, path+"["+strconv.Itoa(i)+"]", flow, n.Column-1)
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Values returns the values of the text as JSON does: a mapping as an
// object, a list as an array, every other value as its text, an empty one
// as "".
func (x *Doc) Values() any {
	if root := x.d.root(); root != nil {
		return values(root)
	}
	return map[string]any{}
}

func values(n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = values(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := make([]any, len(n.Content))
		for i, c := range n.Content {
			l[i] = values(c)
		}
		return l
	case yaml.AliasNode:
		return "*" + n.Value
	}
	if n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

// PathAt returns the path of the innermost value whose text holds line
// and column (1-based, the column in characters), and for a block of text
// (a body), the line within it, from 1. A place in a key, or between the
// entries of a mapping, is the mapping's. ok is false for a place outside
// every value.
func (x *Doc) PathAt(line, col int) (path string, inner int, ok bool) {
	x.indexed.Do(func() {
		if root := x.d.root(); root != nil {
			x.index(root, "", false, 0)
		}
	})
	at := x.d.off(line, col)
	best := -1
	for i, s := range x.spans {
		// A value that ends where the place is still holds it: a message
		// may point just after the text.
		if s.from <= at && at <= s.to && (best < 0 || s.to-s.from <= x.spans[best].to-x.spans[best].from) {
			best = i
		}
	}
	if best < 0 {
		return "", 0, false
	}
	s := x.spans[best]
	if s.block {
		inner = x.d.lineOf(at) - x.d.lineOf(s.from)
	}
	return s.path, inner, true
}

// lineOf is the line holding offset i, from 1.
func (d *doc) lineOf(i int) int { return strings.Count(d.src[:i], "\n") + 1 }
