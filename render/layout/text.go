package layout

import (
	"math"
	"strings"
	"unicode/utf8"

	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/phrase"
)

// lineSpacing is single spacing for Times New Roman and Liberation Serif:
// ascender, descender and line gap add up to 1.15 em.
const lineSpacing = 1.15

// lineHeight returns the distance between baselines at size pt, in mm.
func lineHeight(size float64) float64 { return size * lineSpacing * face.PtToMM }

// piece is a stretch of one word in one style.
type piece struct {
	text  string
	style face.Style
	width float64
	// src is the text of the run, in which text starts at byte at: a line
	// sets pieces and the spaces between them as one stretch of it,
	// without building the string anew. It is "" for the parts of a cut
	// word.
	src string
	at  int
}

// word is what a line may not break inside: the text between two spaces,
// possibly in several styles ("**Hà Nội**,").
type word struct {
	pieces []piece
	width  float64
	space  float64 // width of the space that follows it
}

// line is the words of one output line.
type line struct {
	words []word
	width float64 // natural width: words and the spaces between them
}

type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
	alignJustify
)

// words splits styled runs into words measured at size pt.
func (e *engine) words(runs []document.Run, size float64) []word {
	// Every word's pieces share one array, sized for the most pieces the
	// runs can have: a paragraph costs two allocations, not one a word.
	n := 0
	for _, r := range runs {
		n += strings.Count(r.Text, " ") + 1
	}
	out := make([]word, 0, n)
	pieces := make([]piece, 0, n)
	var cur word
	first := 0 // index in pieces of the current word's first
	flush := func(space float64) {
		if len(pieces) > first {
			cur.pieces, cur.space = pieces[first:len(pieces):len(pieces)], space
			out = append(out, cur)
		}
		cur, first = word{}, len(pieces)
	}
	for _, r := range runs {
		st := face.StyleOf(r.Bold, r.Italic)
		f := e.fam.Face(st)
		space := f.Width(" ", size)
		for i, rest := 0, r.Text; ; i++ {
			part, after, more := strings.Cut(rest, " ")
			if i > 0 {
				flush(space)
			}
			if part != "" {
				w := f.Width(part, size)
				pieces = append(pieces, piece{text: part, style: st, width: w, src: r.Text, at: len(r.Text) - len(rest)})
				cur.width += w
			}
			if !more {
				break
			}
			rest = after
		}
	}
	flush(0)
	return out
}

// tolerance absorbs floating-point error when a measure was computed as
// exactly a word's width (a table column as wide as its widest number).
const tolerance = 1e-6 // mm

// shape is how a block of text is broken into lines: the width of its
// first line and of the others, and how they are set. All the lines end on
// one right edge: a first-line indent makes the first line narrower, a
// hanging indent the others.
type shape struct {
	first, rest float64 // mm
	align       align
	// clear is how far a centred line should keep from both edges, in
	// mm: a title that runs nearly from margin to margin reads as a
	// justified line, and is better set as two balanced ones.
	clear float64
	// body marks the paragraphs of the body: long texts, where a break
	// inside a word of several syllables is left where Word would make
	// it — avoiding it would loosen one line in ten and look every word
	// up — while names, dates and figures are still kept whole.
	body bool
}

// line returns the offset from the block's left edge and the width of
// line i.
func (s shape) line(i int) (dx, width float64) {
	if i == 0 {
		return max(0, s.rest-s.first), s.first
	}
	return max(0, s.first-s.rest), s.rest
}

// titleClear is shape.clear for the centred titles across the text width:
// tên loại, trích yếu, Phần headings, annex titles and captions.
const titleClear = 5.0 // mm

// The costs the line breaker weighs, in one arbitrary unit. A line's cost
// grows with the square of its empty space, so that, the lines of a block
// being counted together, even lines cost less than a full one and a short
// one; a break costs by how well the words part there (package phrase).
const (
	// costLine is every line of a title (shape.clear): fewer lines are
	// better, but a title may take one more to break well or keep clear
	// of the margins.
	costLine = 20.0
	// costMoreLines is every line of the other blocks: a cell, a list
	// item, a heading, an agency's name take the fewest lines that hold
	// them, however well more would break.
	costMoreLines = 1000.0
	costSpace     = 100.0 // × (empty / width)² of a centred line, or a ragged line but the last
	costStretch   = 150.0 // × (stretch / natural spaces)² of a justified line but the last
	costCrowded   = 150.0 // a centred line touching both edges; less as it keeps clear of them
	// maxStretch is the most a justified line's spaces are stretched, as
	// a multiple of their natural width, where the breaker has a choice.
	maxStretch = 1.0
)

// breakCost is the cost of a line break of class b in a block of shape s.
// In a title, a cell or a list item, few lines show where they break: a
// comma costs nothing, a break inside a word or a date more than any
// spacing does. In a justified paragraph or heading only what splits a
// word, a name or a figure counts, weighed against the stretch of the line
// it shortens: each is avoided where a line with its spaces at most
// doubled (maxStretch) allows it, and the costs only rank them where
// none does.
func (s shape) breakCost(b phrase.Break) float64 {
	if s.align == alignJustify {
		switch b {
		case phrase.Name, phrase.Word:
			return 150
		case phrase.Count, phrase.Place:
			return 250
		case phrase.Figure:
			return 400
		case phrase.Dash:
			return 600
		}
		return 0
	}
	switch b {
	case phrase.Clause:
		return 0
	case phrase.Phrase:
		return 8
	case phrase.Free:
		return 20
	case phrase.Dangling:
		return 50
	case phrase.Count:
		return 120
	case phrase.Name:
		return 130
	case phrase.Word:
		return 150
	case phrase.Place:
		return 300
	case phrase.Figure:
		return 600
	}
	return 900 // a line opening on a dash
}

// lineCost is the cost of a line of natural width w, with gaps spaces of
// natural total width spaces, in a measure m; last is the block's last
// line.
func (s shape) lineCost(w, spaces float64, gaps int, m float64, last bool) float64 {
	empty := max(0, m-w)
	c := costMoreLines
	switch s.align {
	case alignCenter:
		if s.clear > 0 {
			c = costLine
		}
		c += costSpace * (empty / m) * (empty / m)
		if edge := empty / 2; edge < s.clear {
			c += costCrowded * (1 - edge/s.clear)
		}
	case alignJustify:
		if last {
			break
		}
		stretch := 3 * maxStretch // one word alone on a line that is not the last
		if gaps > 0 {
			stretch = empty / spaces
		}
		c += costStretch * stretch * stretch
	default:
		if !last {
			c += costSpace * (empty / m) * (empty / m)
		}
	}
	return c
}

// loose reports whether a line with that much empty space is too loose to
// consider when a fuller one fits.
func (s shape) loose(empty, spaces float64) bool {
	if s.align == alignJustify {
		return empty > maxStretch*spaces
	}
	// Titles, cells, list items are short: every break is worth weighing.
	// A cell sized for the shortest table is often just wider than its
	// longest line, and the only good break leaves one line half empty.
	return false
}

// node is the best way found to break a block's words before one of them.
type node struct {
	cost float64
	from int // the first word of the last line, -1 before the first
}

// breakLines breaks words into lines of shape s, choosing all the breaks
// of the block together, as Knuth and Plass do: the lines' cost (shape.
// lineCost) and the breaks' (breakCost), summed over the block, are the
// least of all the ways the words fit. A word longer than a line is cut
// between characters so that nothing runs into the margin.
func (e *engine) breakLines(ws []word, s shape, size float64) []line {
	if len(ws) == 0 {
		return nil
	}
	for _, w := range ws {
		if w.width > min(s.first, s.rest)+tolerance {
			return e.fill(ws, s.first, s.rest, size)
		}
	}
	n := len(ws)
	if l, ok := s.oneLine(ws); ok {
		return []line{l}
	}
	e.breaking = ws
	if e.wordText == nil {
		e.wordText = func(i int) string { return e.breaking[i].text() }
	}
	e.text.Reset(n, e.wordText, !s.body)
	best := e.nodes[:0]
	for range n + 1 {
		best = append(best, node{cost: math.Inf(1), from: -1})
	}
	e.nodes = best
	best[0].cost = 0
	for j := range n {
		if math.IsInf(best[j].cost, 1) {
			continue
		}
		_, m := s.line(min(j, 1))
		// The longest line from word j that fits, then shorter ones,
		// until they are too loose.
		w, spaces, k := ws[j].width, 0.0, j+1
		for k < n && w+ws[k-1].space+ws[k].width <= m+tolerance {
			spaces += ws[k-1].space
			w += ws[k-1].space + ws[k].width
			k++
		}
		for longest := k; k > j; k-- {
			if k < longest && s.loose(m-w, spaces) {
				break
			}
			// A break costs nothing or more: it is read only when the
			// line could win without it.
			c := best[j].cost + s.lineCost(w, spaces, k-j-1, m, k == n)
			if k < n && c < best[k].cost {
				c += s.breakCost(e.text.Break(k - 1))
			}
			if c < best[k].cost {
				best[k] = node{cost: c, from: j}
			}
			if k > j+1 {
				w -= ws[k-1].width + ws[k-2].space
				spaces -= ws[k-2].space
			}
		}
	}
	// The breaks, from the last; then the lines, from the first.
	var ends []int
	for k := n; k > 0; k = best[k].from {
		ends = append(ends, k)
	}
	lines := make([]line, 0, len(ends))
	start := 0
	for i := len(ends) - 1; i >= 0; i-- {
		end := ends[i]
		l := line{words: ws[start:end:end]}
		for k := start; k < end; k++ {
			l.width += ws[k].width
			if k > start {
				l.width += ws[k-1].space
			}
		}
		lines = append(lines, l)
		start = end
	}
	return lines
}

// oneLine returns ws as one line when they fit the first and it is the
// best break — most blocks, table cells and frame lines, are one line.
func (s shape) oneLine(ws []word) (line, bool) {
	l := line{words: ws}
	for i, w := range ws {
		l.width += w.width
		if i > 0 {
			l.width += ws[i-1].space
		}
	}
	fits := l.width <= s.first+tolerance
	if s.align == alignCenter && s.clear > 0 {
		fits = fits && (s.first-l.width)/2 >= s.clear
	}
	return l, fits
}

// text is the word's text, its pieces joined.
func (w word) text() string {
	if len(w.pieces) == 1 {
		return w.pieces[0].text
	}
	var b strings.Builder
	for _, p := range w.pieces {
		b.WriteString(p.text)
	}
	return b.String()
}

// fill fills lines greedily: first up to firstWidth, the rest up to
// width, cutting a word longer than a whole line between characters.
func (e *engine) fill(ws []word, firstWidth, width, size float64) []line {
	// The lines' words are stretches of one array: breaking a paragraph
	// costs two allocations, not one a line.
	buf := make([]word, 0, len(ws))
	var lines []line
	start, lineWidth, limit := 0, 0.0, firstWidth
	emit := func() {
		lines = append(lines, line{words: buf[start:len(buf):len(buf)], width: lineWidth})
		start, lineWidth, limit = len(buf), 0, width
	}
	for _, w := range ws {
		gap := 0.0
		if len(buf) > start {
			gap = buf[len(buf)-1].space
		}
		if len(buf) > start && lineWidth+gap+w.width > limit+tolerance {
			emit()
			gap = 0
		}
		if len(buf) == start && w.width > limit+tolerance {
			for _, part := range e.cut(w, limit, width, size) {
				if len(buf) > start {
					emit()
				}
				buf = append(buf, part)
				lineWidth = part.width
			}
			continue
		}
		buf = append(buf, w)
		lineWidth += gap + w.width
	}
	if len(buf) > start {
		emit()
	}
	return lines
}

// cut splits an overlong word into parts that each fit a line.
func (e *engine) cut(w word, first, width, size float64) []word {
	var parts []word
	var cur word
	limit := first
	for _, p := range w.pieces {
		f := e.fam.Face(p.style)
		for p.text != "" {
			_, n := utf8.DecodeRuneInString(p.text)
			ch := p.text[:n]
			cw := f.Width(ch, size)
			if cur.width+cw > limit+tolerance && cur.width > 0 {
				parts = append(parts, cur)
				cur, limit = word{}, width
			}
			if k := len(cur.pieces) - 1; k >= 0 && cur.pieces[k].style == p.style {
				cur.pieces[k].text += ch
				cur.pieces[k].width += cw
			} else {
				cur.pieces = append(cur.pieces, piece{text: ch, style: p.style, width: cw})
			}
			cur.width += cw
			p.text = p.text[n:]
		}
	}
	cur.space = w.space
	return append(parts, cur)
}

// place emits the texts of one line whose left edge is x and whose box is
// width wide, on baseline y. On a justified line each piece of a word is a
// text of its own, at its place; on a line at its natural spacing the
// pieces of one style that follow one another are one text, spaces
// included: fewer texts are drawn, and kept, for the same line.
func (e *engine) place(pg *Page, l line, x, y, width, size float64, a align, last bool, role Role) {
	gap := func(i int) float64 { return l.words[i].space }
	natural := true
	switch a {
	case alignCenter:
		x += (width - l.width) / 2
	case alignRight:
		x += width - l.width
	case alignJustify:
		if !last && len(l.words) > 1 {
			extra := (width - l.width) / float64(len(l.words)-1)
			gap = func(i int) float64 { return l.words[i].space + extra }
			natural = false
		}
	}
	n := 1 // a line at its natural spacing is mostly one text
	if !natural {
		n = 0
		for _, w := range l.words {
			n += len(w.pieces)
		}
	}
	texts := make([]Text, 0, n)             // mostly one allocation for the line's texts
	var run stretch                         // where the last text stands in its run's text
	joins := false                          // the next piece may extend the last text
	var spaces [face.BoldItalic + 1]float64 // the width of a space in each style, once needed
	for i, w := range l.words {
		for j, p := range w.pieces {
			// A real space after a word keeps copy, paste and search
			// working, though on a justified line the gap itself is set by
			// position.
			s, st := p.withSpace(j == len(w.pieces)-1 && i < len(l.words)-1)
			if k := len(texts) - 1; joins && texts[k].Style == p.style {
				t := &texts[k]
				t.S, run = run.extend(t.S, s, st)
				t.Width = x + p.width - t.X
			} else {
				texts = append(texts, Text{X: x, Y: y, Style: p.style, Size: size, S: s, Role: role, Width: p.width})
				run = st
			}
			x += p.width
			// A following piece of the same style lands where a text
			// would put it: right after this one in the word, or after a
			// space of that style's width.
			if natural && spaces[p.style] == 0 {
				spaces[p.style] = e.fam.Face(p.style).Width(" ", size)
			}
			joins = natural && (j < len(w.pieces)-1 || w.space == spaces[p.style])
		}
		if i < len(l.words)-1 {
			x += gap(i)
		}
	}
	for i := range texts {
		pg.Items = append(pg.Items, &texts[i])
	}
}

// stretch is where a string stands in a run's text: src[from:to]; src is
// "" for a string that is not one stretch of a run's.
type stretch struct {
	src      string
	from, to int
}

// withSpace returns the piece's text, followed by a space if spaced, and
// where it stands in its run's text.
func (p piece) withSpace(spaced bool) (string, stretch) {
	end := p.at + len(p.text)
	switch {
	case p.src == "":
		if spaced {
			return p.text + " ", stretch{}
		}
		return p.text, stretch{}
	case spaced && (end == len(p.src) || p.src[end] != ' '):
		return p.text + " ", stretch{} // the space is another run's
	case spaced:
		end++
	}
	return p.src[p.at:end], stretch{p.src, p.at, end}
}

// extend appends s, standing at next, to the text t standing at r: a
// longer stretch of the same run's text when s follows t there, else a
// new string.
func (r stretch) extend(t, s string, next stretch) (string, stretch) {
	if r.src != "" && next.src == r.src && next.from == r.to {
		r.to = next.to
		return r.src[r.from:r.to], r
	}
	return t + s, stretch{}
}

// plain returns runs of one style for a single string.
func plain(s string, bold, italic bool) []document.Run {
	return []document.Run{{Text: s, Bold: bold, Italic: italic}}
}
