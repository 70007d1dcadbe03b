package layout

import (
	"strings"
	"unicode/utf8"

	"baocao/render/document"
	"baocao/render/face"
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

// breakLines fills lines greedily: first up to firstWidth, the rest up to
// width. A word longer than a whole line is cut between characters so that
// nothing runs into the margin.
func (e *engine) breakLines(ws []word, firstWidth, width, size float64) []line {
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
