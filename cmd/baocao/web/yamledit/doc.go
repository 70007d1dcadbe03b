package yamledit

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// doc is a YAML text with its node tree, where every node's place is
// known by line and column.
type doc struct {
	src   string
	node  *yaml.Node // the document node
	lines []int      // where each line starts, in bytes
}

// parse reads src, which must hold one YAML document whose root, if any,
// is a mapping.
func parse(src string) (*doc, error) {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(src), &n); err != nil {
		return nil, fmt.Errorf("tệp YAML viết sai cú pháp (%v)", err)
	}
	if n.Kind == 0 {
		n = yaml.Node{Kind: yaml.DocumentNode}
	}
	if len(n.Content) > 0 && n.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("tệp phải gồm các mục dạng \"khóa: giá trị\"")
	}
	d := &doc{src: src, node: &n, lines: []int{0}}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			d.lines = append(d.lines, i+1)
		}
	}
	return d, nil
}

// root is the document's root mapping, or nil when it holds nothing.
func (d *doc) root() *yaml.Node {
	if len(d.node.Content) == 0 {
		return nil
	}
	return d.node.Content[0]
}

// off is the byte offset of line and column, both 1-based, the column
// counted in characters as yaml.v3 counts them.
func (d *doc) off(line, col int) int {
	if line < 1 || line > len(d.lines) {
		return len(d.src)
	}
	i := d.lines[line-1]
	for c := 1; c < col && i < len(d.src) && d.src[i] != '\n'; c++ {
		_, size := utf8.DecodeRuneInString(d.src[i:])
		i += size
	}
	return i
}

func (d *doc) start(n *yaml.Node) int { return d.off(n.Line, n.Column) }

// lineStart and lineEnd bound the line holding offset i, without its
// line break.
func (d *doc) lineStart(i int) int { return strings.LastIndexByte(d.src[:i], '\n') + 1 }

func (d *doc) lineEnd(i int) int {
	if j := strings.IndexByte(d.src[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(d.src)
}

// nextLine is the start of the line after the one holding i, or the end
// of the text.
func (d *doc) nextLine(i int) int {
	e := d.lineEnd(i)
	if e < len(d.src) {
		return e + 1
	}
	return e
}

// blank reports whether the line starting at i holds only spaces.
func (d *doc) blank(i int) bool {
	return i < len(d.src) && strings.TrimSpace(d.src[i:d.lineEnd(i)]) == ""
}

// end is where the text of n ends: the last character of its last value,
// the closing bracket of a flow collection. flow says n stands inside a
// flow collection; indent is the indentation of the collection holding n,
// below which a block scalar's lines cannot go.
func (d *doc) end(n *yaml.Node, flow bool, indent int) (int, error) {
	switch n.Kind {
	case yaml.ScalarNode, yaml.AliasNode:
		return d.scalarEnd(n, flow, indent)
	}
	if n.Style&yaml.FlowStyle == 0 {
		if len(n.Content) == 0 {
			return 0, errors.New("nhóm rỗng không có dấu ngoặc")
		}
		return d.end(n.Content[len(n.Content)-1], false, n.Column-1)
	}
	// A flow collection ends at the bracket after its last entry.
	i := d.start(n) + 1
	if len(n.Content) > 0 {
		e, err := d.end(n.Content[len(n.Content)-1], true, 0)
		if err != nil {
			return 0, err
		}
		i = e
	}
	for i < len(d.src) {
		switch c := d.src[i]; c {
		case ']', '}':
			return i + 1, nil
		case '#':
			i = d.lineEnd(i)
		case ' ', '\t', '\r', '\n', ',':
			i++
		default:
			return 0, fmt.Errorf("không thấy dấu đóng ngoặc ở dòng %d", n.Line)
		}
	}
	return 0, fmt.Errorf("không thấy dấu đóng ngoặc ở dòng %d", n.Line)
}

// scalarEnd is where the text of scalar n ends.
func (d *doc) scalarEnd(n *yaml.Node, flow bool, indent int) (int, error) {
	s := d.start(n)
	src := d.src
	switch {
	case n.Kind == yaml.AliasNode:
		return s + 1 + len(n.Value), nil
	case n.Anchor != "" || n.Style&yaml.TaggedStyle != 0:
		return 0, fmt.Errorf("giá trị ở dòng %d có neo (&) hoặc thẻ (!)", n.Line)
	case n.Style&yaml.DoubleQuotedStyle != 0:
		for i := s + 1; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case '"':
				return i + 1, nil
			}
		}
	case n.Style&yaml.SingleQuotedStyle != 0:
		for i := s + 1; i < len(src); i++ {
			if src[i] == '\'' {
				if i+1 < len(src) && src[i+1] == '\'' {
					i++
					continue
				}
				return i + 1, nil
			}
		}
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		end := d.lineEnd(s)
		for i := d.nextLine(s); i < len(src); i = d.nextLine(i) {
			line := src[i:d.lineEnd(i)]
			if strings.TrimSpace(line) == "" {
				continue
			}
			if leading(line) <= indent {
				break
			}
			end = d.lineEnd(i)
		}
		return end, nil
	case n.Value == "" && n.Tag == "!!null":
		return s, nil
	default:
		return d.plainEnd(n, flow)
	}
	return 0, fmt.Errorf("dấu ngoặc kép mở ở dòng %d không được đóng", n.Line)
}

// plainEnd is where the plain scalar n ends: after the text whose folded
// lines read as its value.
func (d *doc) plainEnd(n *yaml.Node, flow bool) (int, error) {
	s := d.start(n)
	e := plainLine(d.src[s:d.lineEnd(s)], flow)
	end := s + e
	got := d.src[s:end]
	newlines := 0
	for i := d.nextLine(s); got != n.Value && i < len(d.src) && len(got) < len(n.Value); i = d.nextLine(i) {
		line := strings.TrimLeft(d.src[i:d.lineEnd(i)], " \t")
		if strings.TrimSpace(line) == "" {
			newlines++
			continue
		}
		if line[0] == '#' {
			break
		}
		e := plainLine(line, flow)
		sep := " "
		if newlines > 0 {
			sep = strings.Repeat("\n", newlines)
		}
		newlines = 0
		got += sep + line[:e]
		end = d.lineEnd(i) - (len(line) - e)
	}
	if got != n.Value {
		return 0, fmt.Errorf("không xác định được chỗ kết thúc của giá trị ở dòng %d", n.Line)
	}
	return end, nil
}

// plainLine is the length of the plain scalar's text on line: up to a
// comment, or in a flow collection a comma or bracket, without the spaces
// before them.
func plainLine(line string, flow bool) int {
	e := len(line)
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c == '#' && i > 0 && (line[i-1] == ' ' || line[i-1] == '\t') ||
			flow && strings.IndexByte(",[]{}", c) >= 0 ||
			c == ':' && (i+1 == len(line) || line[i+1] == ' ' || flow && strings.IndexByte(",[]{}", line[i+1]) >= 0) {
			e = i
			break
		}
	}
	return len(strings.TrimRight(line[:e], " \t"))
}

func leading(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// loc is where a step of a path leads in the text.
type loc struct {
	node   *yaml.Node // the value, nil when the file does not have it
	parent *yaml.Node // the collection holding it
	key    *yaml.Node // its key, in a mapping
	// i is the node's place in parent's Content: a mapping's value is at
	// i, its key at i-1.
	i    int
	flow bool // parent or a collection above it is a flow collection
}

// indent is the indentation of the block collection holding l's node.
func (l loc) indent() int { return l.parent.Column - 1 }

// walk follows steps from the root and returns where each leads, as far
// as the file has them: the last loc's node is nil when its step is
// missing, and the walk stops early at a value that is not a collection.
func (d *doc) walk(steps []step) []loc {
	root := d.root()
	if root == nil {
		return nil
	}
	var out []loc
	cur, flow := root, false
	for _, st := range steps {
		l := loc{parent: cur, flow: flow || cur.Style&yaml.FlowStyle != 0, i: -1}
		switch {
		case st.key != "" && cur.Kind == yaml.MappingNode:
			for i := 0; i+1 < len(cur.Content); i += 2 {
				if cur.Content[i].Value == st.key {
					l.key, l.node, l.i = cur.Content[i], cur.Content[i+1], i+1
				}
			}
		case st.key == "" && cur.Kind == yaml.SequenceNode:
			if st.index < len(cur.Content) {
				l.node, l.i = cur.Content[st.index], st.index
			}
		default:
			return out
		}
		out = append(out, l)
		if l.node == nil || l.node.Kind != yaml.MappingNode && l.node.Kind != yaml.SequenceNode {
			return out
		}
		cur, flow = l.node, l.flow
	}
	return out
}
