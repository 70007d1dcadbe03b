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
	var out []word
	var cur word
	open := false
	flush := func(space float64) {
		if open {
			cur.space = space
			out = append(out, cur)
		}
		cur, open = word{}, false
	}
	for _, r := range runs {
		st := face.StyleOf(r.Bold, r.Italic)
		f := e.fam.Face(st)
		for i, part := range strings.Split(r.Text, " ") {
			if i > 0 {
				flush(f.Width(" ", size))
			}
			if part == "" {
				continue
			}
			w := f.Width(part, size)
			cur.pieces = append(cur.pieces, piece{text: part, style: st, width: w})
			cur.width += w
			open = true
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
	var lines []line
	var cur line
	limit := firstWidth
	for _, w := range ws {
		gap := 0.0
		if n := len(cur.words); n > 0 {
			gap = cur.words[n-1].space
		}
		if len(cur.words) > 0 && cur.width+gap+w.width > limit+tolerance {
			lines = append(lines, cur)
			cur, gap, limit = line{}, 0, width
		}
		if len(cur.words) == 0 && w.width > limit+tolerance {
			for _, part := range e.cut(w, limit, width, size) {
				if len(cur.words) > 0 {
					lines = append(lines, cur)
					cur, limit = line{}, width
				}
				cur.words = append(cur.words, part)
				cur.width = part.width
			}
			continue
		}
		cur.words = append(cur.words, w)
		cur.width += gap + w.width
	}
	if len(cur.words) > 0 {
		lines = append(lines, cur)
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
// width wide, on baseline y.
func (e *engine) place(pg *Page, l line, x, y, width, size float64, a align, last bool, role Role) {
	gap := func(i int) float64 { return l.words[i].space }
	switch a {
	case alignCenter:
		x += (width - l.width) / 2
	case alignRight:
		x += width - l.width
	case alignJustify:
		if !last && len(l.words) > 1 {
			extra := (width - l.width) / float64(len(l.words)-1)
			gap = func(i int) float64 { return l.words[i].space + extra }
		}
	}
	for i, w := range l.words {
		for j, p := range w.pieces {
			s := p.text
			if j == len(w.pieces)-1 && i < len(l.words)-1 {
				// A real space keeps copy, paste and search working, though
				// the gap itself is set by position.
				s += " "
			}
			pg.Items = append(pg.Items, &Text{X: x, Y: y, Style: p.style, Size: size, S: s, Role: role, Width: p.width})
			x += p.width
		}
		if i < len(l.words)-1 {
			x += gap(i)
		}
	}
}

// plain returns runs of one style for a single string.
func plain(s string, bold, italic bool) []document.Run {
	return []document.Run{{Text: s, Bold: bold, Italic: italic}}
}
