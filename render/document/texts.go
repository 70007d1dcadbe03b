package document

import (
	"maps"
	"slices"
	"strings"
	tparse "text/template/parse"
	"unicode/utf8"

	"baocao/render/report"
)

// Texts calls fn with the text the kind's template writes itself — what
// stands between its actions, outside {{ define "frame" }} — line by line,
// each piece with where it is in the template file, so that a character
// the font lacks is reported there. The report's values and what the
// functions write are not in it. A template that does not parse calls fn
// with nothing: Build reports the mistake.
func (k Kind) Texts(fn func(at report.Pos, s string)) {
	trees := map[string]*tparse.Tree{}
	t := tparse.New(k.Template)
	t.Mode = tparse.SkipFuncCheck
	if _, err := t.Parse(k.src, "", "", trees); err != nil {
		return
	}
	var walk func(n tparse.Node)
	walk = func(n tparse.Node) {
		switch n := n.(type) {
		case *tparse.ListNode:
			if n == nil {
				return
			}
			for _, c := range n.Nodes {
				walk(c)
			}
		case *tparse.TextNode:
			off := int(n.Pos)
			for line := range strings.Lines(string(n.Text)) {
				fn(k.posAt(off), strings.TrimSuffix(line, "\n"))
				off += len(line)
			}
		case *tparse.IfNode:
			walk(n.List)
			walk(n.ElseList)
		case *tparse.RangeNode:
			walk(n.List)
			walk(n.ElseList)
		case *tparse.WithNode:
			walk(n.List)
			walk(n.ElseList)
		}
	}
	// In the order of the file, so that a character is first met where it
	// first stands.
	roots := slices.SortedFunc(maps.Values(trees), func(a, b *tparse.Tree) int { return int(a.Root.Pos) - int(b.Root.Pos) })
	for _, tree := range roots {
		if tree.Name != frameTemplate {
			walk(tree.Root)
		}
	}
}

// posAt returns the line and column of the byte at off in the kind's
// template, columns counting characters.
func (k Kind) posAt(off int) report.Pos {
	src := k.src[:off]
	start := strings.LastIndexByte(src, '\n') + 1
	return report.Pos{File: k.Template, Line: strings.Count(src, "\n") + 1, Column: utf8.RuneCountInString(src[start:]) + 1}
}
