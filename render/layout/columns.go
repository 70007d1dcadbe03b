package layout

import (
	"slices"
	"strings"

	"baocao/render/document"
	"baocao/render/phrase"
)

// endMark closes a document's text; in a table it follows the last figure
// a space apart (document.endBody).
const endMark = "./."

// isFigure reports whether a word is a figure as the documents print
// them: digits with the Vietnamese thousands dots and decimal comma, a
// sign, a percent sign.
func isFigure(s string) bool {
	s = strings.TrimPrefix(strings.TrimSuffix(s, "%"), "±")
	s = strings.TrimLeft(s, "+-")
	digits := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r != '.' && r != ',':
			return false
		}
	}
	return digits
}

// bounds is what sizing a table's columns needs of all its rows, measured
// a row at a time (tableBounds): a table of 100.000 rows is never held as
// words, each row being broken into words again when it is laid out.
type bounds struct {
	ncol, rows int // columns; rows under the header
	// minW is each column's narrowest width — its longest word, or, for a
	// column of figures, its longest cell, as figures never wrap — and
	// natW its natural width, the longest cell on one line, padding
	// included; figures says which columns hold figures.
	minW, natW []float64
	figures    []bool
	// sample is the header's words, then those of every step-th row (see
	// sampleRows), which sizeColumns weighs; last is the last row's.
	sample [][][]word
	step   int
	last   [][]word
}

// tableBounds measures t's columns, its header's words in bold and each
// row's in turn. A column is of figures when every filled cell of its
// body is one figure, or a dash for none, and one at least is a figure. A
// table is measured once, though checkTables, tooWide and table need it.
func (e *engine) tableBounds(t *document.Table) *bounds {
	if b, ok := e.tables[t]; ok {
		return b
	}
	header, ncol := tableHeader(t)
	b := &bounds{ncol: ncol, rows: len(t.Rows), step: max(1, (len(t.Rows)+sampleRows-1)/sampleRows)}
	word, nat, natBody := make([]float64, ncol), make([]float64, ncol), make([]float64, ncol)
	figure, other := make([]bool, ncol), make([]bool, ncol)
	for ri := -1; ri < len(t.Rows); ri++ {
		row := header
		if ri >= 0 {
			row = t.Rows[ri]
		}
		ws := e.rowWords(row)
		for i, cell := range ws {
			n := natural(cell)
			nat[i] = max(nat[i], n)
			for _, w := range cell {
				word[i] = max(word[i], w.width)
			}
			if ri < 0 {
				continue
			}
			natBody[i] = max(natBody[i], n)
			if len(cell) > 1 && cell[len(cell)-1].text() == endMark {
				cell = cell[:len(cell)-1]
			}
			switch {
			case len(cell) == 0:
			case len(cell) == 1 && isFigure(cell[0].text()):
				figure[i] = true
			case len(cell) == 1 && cell[0].text() == "-":
			default:
				other[i] = true
			}
		}
		if ri < 0 || ri%b.step == 0 {
			b.sample = append(b.sample, ws)
		}
		if ri == len(t.Rows)-1 {
			b.last = ws
		}
	}
	b.minW, b.natW, b.figures = make([]float64, ncol), make([]float64, ncol), make([]bool, ncol)
	for i := range ncol {
		b.figures[i] = figure[i] && !other[i]
		b.minW[i] = word[i] + 2*cellPadX
		if b.figures[i] {
			b.minW[i] = max(b.minW[i], natBody[i]+2*cellPadX)
		}
		b.natW[i] = max(nat[i]+2*cellPadX, b.minW[i])
	}
	if e.tables == nil {
		e.tables = map[*document.Table]*bounds{}
	}
	e.tables[t] = b
	return b
}

// rowWords returns the words of a row's cells, at the table's size.
func (e *engine) rowWords(row []document.Cell) [][]word {
	ws := make([][]word, len(row))
	for i, c := range row {
		ws[i] = e.words(c.Runs, e.s.Sizes.Table)
	}
	return ws
}

// natural is the width of words on one line.
func natural(ws []word) float64 {
	w := 0.0
	for j, x := range ws {
		w += x.width
		if j < len(ws)-1 {
			w += x.space
		}
	}
	return w
}

// legibleWidth is the narrowest a column of words is made, padding
// included, when a table's longest words do not fit its page: about five
// characters a line, cut between characters.
const legibleWidth = 15.0 // mm

// squeeze shares total between columns whose longest words do not fit it
// (minW): a column of figures keeps its width, as a figure is never cut;
// the others shrink to one common cap, never below legibleWidth, so that
// only the longest words — a URL, a code — are cut between characters
// and a column of short words keeps them whole. A table even its
// narrowest does not fit is refused before layout (checkTables); this
// shrinks every column alike.
func squeeze(minW []float64, figures []bool, total float64) []float64 {
	out := make([]float64, len(minW))
	capped := func(c float64) (s float64) {
		for i := range out {
			out[i] = minW[i]
			if !figures[i] {
				out[i] = min(minW[i], max(c, legibleWidth))
			}
			s += out[i]
		}
		return s
	}
	lo, hi := 0.0, slices.Max(minW)
	for range 60 {
		if c := (lo + hi) / 2; capped(c) > total {
			hi = c
		} else {
			lo = c
		}
	}
	s := capped(lo)
	for i := range out {
		out[i] *= total / s
	}
	return out
}

// narrowest is the least width a table takes (squeeze): its figure
// columns whole, the others at their longest word up to legibleWidth.
func narrowest(minW []float64, figures []bool) float64 {
	w := 0.0
	for i, m := range minW {
		if !figures[i] {
			m = min(m, legibleWidth)
		}
		w += m
	}
	return w
}

// sizing is the state of sizeColumns: the cells measured, the widths so
// far, and each row's lines.
type sizing struct {
	cells  [][]sizedCell // [row][column], the header's first
	weight []float64     // what a line of each row counts for
	widths []float64
	lines  [][]int // [row][column] at widths
	// top and second are each row's most lines and the most of its other
	// columns than one holding top; topCount how many columns hold top.
	top, second, topCount []int
}

// sizedCell is a cell's units and their natural width.
type sizedCell struct {
	units []unit
	nat   float64
}

// unit is words a cell's line breaks inside only when it must: a word of
// several syllables, a place's name, a date, a range (phrase.Word and
// worse), as the breaker keeps them. width is theirs on one line.
type unit struct {
	ws    []word
	width float64
}

// units groups the words of a cell into units.
func (e *engine) units(ws []word) []unit {
	if len(ws) == 0 {
		return nil
	}
	e.breaking = ws
	if e.wordText == nil {
		e.wordText = func(i int) string { return e.breaking[i].text() }
	}
	e.text.Reset(len(ws), e.wordText, true)
	out := make([]unit, 0, len(ws))
	from := 0
	for k := range ws {
		if k == len(ws)-1 || e.text.Break(k) < phrase.Word {
			out = append(out, unit{ws: ws[from : k+1], width: natural(ws[from : k+1])})
			from = k + 1
		}
	}
	return out
}

// sampleRows is the most rows sizeColumns measures: a longer table is
// measured on evenly spread rows, each standing for those around it.
const sampleRows = 120

// columnStep is the smallest widening sizeColumns weighs, in mm.
const columnStep = 1.0

// sizeColumns shares total between a table's columns so that the table
// is as short as it can be. Every column starts at its narrowest (minW);
// the width left goes, a step at a time, to the column where it saves the
// most lines of the table per mm — a column of long names before a
// mostly empty Ghi chú, a header that would take four lines before a
// column already on one. The header counts once for every page the table
// may take, as it is repeated there. What no line needs goes to the
// columns short of their natural width, in proportion.
func (e *engine) sizeColumns(b *bounds, minW []float64, total float64) []float64 {
	ncol, natW := len(minW), b.natW
	if sum(minW) > total+tolerance {
		return squeeze(minW, b.figures, total)
	}
	s := e.newSizing(b, minW)
	// Where the table has room, no cell breaks inside a word of several
	// syllables, a name of a place, a date (its units): "trường hợp",
	// "triệu đồng" stay whole in a narrow ĐVT column.
	whole := slices.Clone(minW)
	for _, row := range s.cells {
		for c, cell := range row {
			for _, u := range cell.units {
				whole[c] = max(whole[c], u.width+2*cellPadX)
			}
		}
	}
	if sum(whole) <= total+tolerance {
		for c, w := range whole {
			s.set(c, w)
		}
	}
	slack := total - sum(s.widths)
	for slack > tolerance {
		bestC, bestD, bestRatio := -1, 0.0, 0.0
		for c := range ncol {
			room := min(slack, natW[c]-s.widths[c])
			for d := columnStep; room > tolerance; d *= 2 {
				d = min(d, room)
				if r := s.gain(c, s.widths[c]+d) / d; r > bestRatio+tolerance {
					bestC, bestD, bestRatio = c, d, r
				}
				if d == room {
					break
				}
			}
		}
		// The header shortens only when all its tallest cells do: weigh
		// widening them together by a line.
		head, d := s.headerLine(natW)
		if d > tolerance && d <= slack {
			if r := s.gainAll(head) / d; r > bestRatio+tolerance {
				for c, w := range head {
					s.set(c, w)
				}
				slack -= d
				continue
			}
		}
		if bestC < 0 {
			break
		}
		// The steps double: take only as much of the best as its gain
		// needs, for the others.
		w0, g := s.widths[bestC], s.gain(bestC, s.widths[bestC]+bestD)
		lo, hi := 0.0, bestD
		for range 30 {
			if mid := (lo + hi) / 2; s.gain(bestC, w0+mid) >= g {
				hi = mid
			} else {
				lo = mid
			}
		}
		bestD = hi
		s.set(bestC, w0+bestD)
		slack -= bestD
	}
	out := s.widths
	short, all := 0.0, sum(out)
	for c := range out {
		short += max(0, natW[c]-out[c])
	}
	for c := range out {
		if short > tolerance {
			out[c] += slack * max(0, natW[c]-out[c]) / short
		} else {
			out[c] += slack * out[c] / all
		}
	}
	// Hand the rounding remainder to the widest column.
	i, wide := 0, 0.0
	for c, w := range out {
		if w > wide {
			i, wide = c, w
		}
	}
	out[i] += total - sum(out)
	return out
}

// newSizing measures the sample of a table's rows (b.sample) with every
// column at its narrowest, each row standing for the step around it.
func (e *engine) newSizing(b *bounds, minW []float64) *sizing {
	ncol := b.ncol
	s := &sizing{widths: append([]float64(nil), minW...)}
	for _, cells := range b.sample {
		row := make([]sizedCell, ncol)
		for c, ws := range cells {
			row[c] = sizedCell{nat: natural(ws)}
			if row[c].nat > minW[c]-2*cellPadX+tolerance {
				row[c].units = e.units(ws) // a cell that may take several lines
			}
		}
		s.cells = append(s.cells, row)
		s.weight = append(s.weight, float64(b.step))
	}
	// The header is printed on every page the table takes, about one for
	// every 25 rows; on a table of a page, a line of its header counts for
	// half a row's: a unit (triệu đồng) or a name wrapped reads worse
	// than a header stacked ("Năm / 2020").
	s.weight[0] = max(0.5, float64(b.rows)/25)
	s.lines = make([][]int, len(s.cells))
	s.top = make([]int, len(s.cells))
	s.second = make([]int, len(s.cells))
	s.topCount = make([]int, len(s.cells))
	for r, row := range s.cells {
		s.lines[r] = make([]int, ncol)
		for c := range row {
			s.lines[r][c] = row[c].count(s.widths[c])
		}
		s.rank(r)
	}
	return s
}

// rank finds row r's most lines and its second most.
func (s *sizing) rank(r int) {
	top, second, n := 0, 0, 0
	for _, l := range s.lines[r] {
		switch {
		case l > top:
			top, second, n = l, top, 1
		case l == top:
			n++
		case l > second:
			second = l
		}
	}
	s.top[r], s.second[r], s.topCount[r] = top, second, n
}

// gain is what setting column c to width w saves: the table's lines,
// weighed by row. A cell's lines saved in a row no shorter count for
// nothing: of columns alike, the first would get the width and the
// others none, and the table would look ragged.
func (s *sizing) gain(c int, w float64) float64 {
	g := 0.0
	for r, row := range s.cells {
		old := s.lines[r][c]
		if old == 1 {
			continue
		}
		n := row[c].count(w)
		if n == old {
			continue
		}
		others := s.top[r]
		if old == s.top[r] && s.topCount[r] == 1 {
			others = s.second[r]
		}
		g += s.weight[r] * float64(s.top[r]-max(others, n))
	}
	return g
}

// headerLine returns the widths that take a line off the header, and how
// much wider they make the table.
func (s *sizing) headerLine(natW []float64) (widths []float64, d float64) {
	t := s.top[0] - 1
	if t < 1 {
		return nil, 0
	}
	widths = slices.Clone(s.widths)
	for c, cell := range s.cells[0] {
		if s.lines[0][c] <= t {
			continue
		}
		lo, hi := s.widths[c], max(s.widths[c], natW[c])
		for range 30 {
			if mid := (lo + hi) / 2; cell.count(mid) <= t {
				hi = mid
			} else {
				lo = mid
			}
		}
		widths[c] = hi
		d += hi - s.widths[c]
	}
	return widths, d
}

// gainAll is gain for setting every column's width at once.
func (s *sizing) gainAll(widths []float64) float64 {
	g := 0.0
	for r, row := range s.cells {
		top := 0
		for c, cell := range row {
			n := s.lines[r][c]
			if widths[c] != s.widths[c] && n > 1 {
				n = cell.count(widths[c])
			}
			top = max(top, n)
		}
		g += s.weight[r] * float64(s.top[r]-top)
	}
	return g
}

// set sets column c to width w.
func (s *sizing) set(c int, w float64) {
	s.widths[c] = w
	for r, row := range s.cells {
		if n := row[c].count(w); n != s.lines[r][c] {
			s.lines[r][c] = n
			s.rank(r)
		}
	}
}

// count is how many lines the cell takes in a column of width w, padding
// included, filled greedily with its units, a unit wider than the column
// with its words: the breaker takes as few.
func (c sizedCell) count(w float64) int {
	w -= 2 * cellPadX
	if c.nat <= w+tolerance {
		return 1
	}
	n, line := 0, w // as if a full line came before the first
	add := func(width, space float64) {
		if line+space+width <= w+tolerance {
			line += space + width
			return
		}
		n++
		line = width
	}
	space := 0.0
	for _, u := range c.units {
		if u.width <= w+tolerance {
			add(u.width, space)
		} else {
			for i, x := range u.ws {
				if i > 0 {
					space = u.ws[i-1].space
				}
				add(x.width, space)
			}
		}
		space = u.ws[len(u.ws)-1].space
	}
	return max(n, 1)
}
