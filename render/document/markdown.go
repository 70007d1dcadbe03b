package document

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"baocao/render/report"
	"baocao/render/viet"
)

// markdown parses CommonMark with GFM tables, without links, images and
// link reference definitions; it holds no per-document state, so one
// parser serves every concurrent render.
//
// A printed document has nowhere to send a link: its address would vanish
// and only its text print. goldmark's link parser also looks for the end
// of a destination or title from every "](" to the end of its line or
// paragraph, and its reference definitions re-read their paragraph for each
// one, work that grows with the square of the input ("[a](b" repeated
// takes minutes for a 1 MB body). Without them, "[a](b)" is text, which
// checkBody refuses in a report's own bodies, and photos are placed by a
// marker of their own (see photoFuncs).
var markdown = goldmark.New(
	goldmark.WithParser(parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(
			util.Prioritized(parser.NewCodeSpanParser(), 100),
			util.Prioritized(parser.NewAutoLinkParser(), 300),
			util.Prioritized(parser.NewRawHTMLParser(), 400),
			util.Prioritized(boundedEmphasis{parser.NewEmphasisParser()}, 500),
		),
	)),
	goldmark.WithExtensions(extension.Table),
)

// maxEmphasis bounds the runs of * and _ one paragraph, heading or cell
// may use for bold and italic: 100 phrases in bold. goldmark matches each
// closing run against every run open before it, work that grows with the
// square of their number ("*a_b*c_d**" repeated takes minutes for 1 MB).
const maxEmphasis = 200

// boundedEmphasis is goldmark's emphasis parser, stopped after maxEmphasis
// runs in a block: the runs after are text, and the first of them is
// recorded under emphasisOver for checkBody, which refuses it in a
// report's own body.
type boundedEmphasis struct{ parser.InlineParser }

var (
	emphasisCount = parser.NewContextKey() // *emphasisState
	emphasisOver  = parser.NewContextKey() // []int, offsets in the source
)

// emphasisState counts the runs of the block being parsed.
type emphasisState struct {
	block ast.Node
	runs  int
}

// Parse implements parser.InlineParser.
func (p boundedEmphasis) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	s, _ := pc.Get(emphasisCount).(*emphasisState)
	if s == nil || s.block != parent {
		s = &emphasisState{block: parent}
		pc.Set(emphasisCount, s)
	}
	if s.runs == maxEmphasis {
		_, seg := block.Position()
		over, _ := pc.Get(emphasisOver).([]int)
		pc.Set(emphasisOver, append(over, seg.Start))
		s.runs++
	}
	if s.runs > maxEmphasis {
		return nil
	}
	n := p.InlineParser.Parse(parent, block, pc)
	if n != nil {
		s.runs++
	}
	return n
}

// parseBody turns Markdown into body blocks, numbering headings in the
// report hierarchy of nd30.md §4: # Phần I, ## I., ### 1., #### a).
func parseBody(src []byte) []Block { return parseBodyPhotos(src, nil, nil) }

type converter struct {
	src     []byte
	photos  []report.Photo // those the body may place, see photoFuncs
	stats   *report.Statistics
	out     []Block
	counter [5]int // per heading level, 1-based
}

func (c *converter) blocks(parent ast.Node, listDepth int) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			c.heading(n)
		case *ast.List:
			c.list(n, listDepth+1)
		case *extast.Table:
			c.table(n)
		case *ast.ThematicBreak:
			// A rule has no place in an administrative document; a
			// report's own body may not have one (see checkBody).
		case *ast.Paragraph:
			if f := c.figure(n); f != nil {
				c.out = append(c.out, f)
				continue
			}
			if c.stats != nil && c.holds(n, statisticsMark) {
				c.out = append(c.out, statisticsTable(c.stats))
				continue
			}
			c.out = append(c.out, &Paragraph{Runs: c.inline(n)})
		case *ast.TextBlock, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			// Printed as written, never dropped: checkBody refuses HTML
			// in a report's own bodies.
			c.out = append(c.out, &Paragraph{Runs: c.inline(n)})
		default:
			// Block quotes and the like: keep their paragraphs.
			c.blocks(n, listDepth)
		}
	}
}

func (c *converter) heading(h *ast.Heading) {
	level := min(h.Level, 4)
	c.counter[level]++
	for l := level + 1; l < len(c.counter); l++ {
		c.counter[l] = 0
	}
	n := c.counter[level]
	runs := c.inline(h)
	var label string
	switch level {
	case 1:
		label = "Phần " + viet.Roman(n)
	case 2:
		label = viet.Roman(n) + "."
	case 3:
		label = strconv.Itoa(n) + "."
	default:
		label = viet.Letter(n) + ")"
	}
	if level <= 2 {
		// Phần and mục titles are printed in capitals (nd30.md §4).
		for i := range runs {
			runs[i].Text = viet.Upper(runs[i].Text)
		}
	}
	c.out = append(c.out, &Heading{Level: level, Label: label, Runs: runs})
}

func (c *converter) list(l *ast.List, depth int) {
	marker := "-"
	if depth > 1 {
		marker = "+"
	}
	num := l.Start
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		m := marker
		if l.IsOrdered() {
			m = strconv.Itoa(num) + "."
			num++
		}
		first := true
		for b := item.FirstChild(); b != nil; b = b.NextSibling() {
			if sub, ok := b.(*ast.List); ok {
				c.list(sub, depth+1)
				continue
			}
			p := &Paragraph{Runs: c.inline(b)}
			if first {
				p.Marker = m
				first = false
			}
			c.out = append(c.out, p)
		}
	}
}

func (c *converter) table(t *extast.Table) {
	tab := &Table{}
	for _, a := range t.Alignments {
		switch a {
		case extast.AlignCenter:
			tab.Align = append(tab.Align, AlignCenter)
		case extast.AlignRight:
			tab.Align = append(tab.Align, AlignRight)
		default:
			tab.Align = append(tab.Align, AlignLeft)
		}
	}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []Cell
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, Cell{Runs: c.inline(cell)})
		}
		if _, ok := row.(*extast.TableHeader); ok {
			tab.Header = cells
		} else {
			tab.Rows = append(tab.Rows, cells)
		}
	}
	c.out = append(c.out, tab)
}

// holds reports whether paragraph p holds nothing but mark.
func (c *converter) holds(p *ast.Paragraph, mark string) bool {
	t, ok := p.FirstChild().(*ast.Text)
	return ok && p.ChildCount() == 1 && string(t.Segment.Value(c.src)) == mark
}

// inline flattens the inline content of a block into styled runs. Soft line
// breaks become spaces: the layout, not the source, decides where lines end;
// so do tabs, since a line of the document has no tab stops.
func (c *converter) inline(n ast.Node) []Run {
	var runs []Run
	// The text of the last run is built here and set once it ends: adding
	// piece by piece to a string copies it each time, and a paragraph of
	// 1 MB may have hundreds of thousands of pieces.
	var text strings.Builder
	end := func() {
		if k := len(runs) - 1; k >= 0 {
			runs[k].Text = strings.ReplaceAll(text.String(), "\t", " ")
		}
		text.Reset()
	}
	add := func(s string, bold, italic bool) {
		if s == "" {
			return
		}
		if k := len(runs) - 1; k < 0 || runs[k].Bold != bold || runs[k].Italic != italic {
			end()
			runs = append(runs, Run{Bold: bold, Italic: italic})
		}
		text.WriteString(s)
	}
	var walk func(n ast.Node, bold, italic bool)
	walk = func(n ast.Node, bold, italic bool) {
		switch n := n.(type) {
		case *ast.Text:
			v := n.Segment.Value(c.src)
			if n.IsRaw() {
				// Code span text: literal, its line endings are spaces.
				v = bytes.ReplaceAll(v, []byte("\n"), []byte(" "))
			} else {
				// The tree keeps the source as typed; "\|" and "&amp;" must
				// print as a renderer would, since escape relies on it.
				v = unescape(v)
			}
			add(string(v), bold, italic)
			if n.SoftLineBreak() || n.HardLineBreak() {
				add(" ", bold, italic)
			}
			return
		case *ast.AutoLink:
			// An autolink has no children; its text is its label.
			add(string(n.Label(c.src)), bold, italic)
			return
		case *ast.String:
			add(string(n.Value), bold, italic)
			return
		case *ast.Emphasis:
			bold = bold || n.Level >= 2
			italic = italic || n.Level == 1
		case *ast.RawHTML:
			// Printed as written (checkBody refuses it in a report's own
			// bodies).
			for i := range n.Segments.Len() {
				seg := n.Segments.At(i)
				add(strings.ReplaceAll(string(seg.Value(c.src)), "\n", " "), bold, italic)
			}
			return
		}
		if n.Type() == ast.TypeBlock && n.ChildCount() == 0 {
			// Code blocks keep their text in lines, not in children.
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				add(strings.TrimRight(string(seg.Value(c.src)), "\n")+" ", bold, italic)
			}
			return
		}
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			walk(ch, bold, italic)
		}
	}
	walk(n, false, false)
	end()
	if k := len(runs) - 1; k >= 0 {
		runs[k].Text = strings.TrimRight(runs[k].Text, " ")
	}
	return runs
}

// unescape decodes Markdown text as typed, as a renderer does, in one
// pass: a backslash-escaped punctuation mark is itself, an entity or a
// numeric reference its character — so that "\\&amp;", which escape
// makes of "&amp;", prints "&amp;".
func unescape(v []byte) []byte {
	resolve := func(b []byte) []byte { return util.ResolveEntityNames(util.ResolveNumericReferences(b)) }
	var out []byte
	start := 0
	for i := 0; i+1 < len(v); i++ {
		if v[i] == '\\' && util.IsPunct(v[i+1]) {
			out = append(append(out, resolve(v[start:i])...), v[i+1])
			i++
			start = i + 1
		}
	}
	return append(out, resolve(v[start:])...)
}
