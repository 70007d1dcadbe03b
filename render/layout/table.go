package layout

import (
	"slices"

	"baocao/render/document"
	"baocao/render/face"
)

// splitMin is the fewest lines of a row left on either side of a page
// break inside it: a row of fewer than twice as many moves whole.
const splitMin = 2

// cellLayout is one cell broken into lines.
type cellLayout struct {
	lines []line
	align align
}

// tableHeader returns the header row in bold, as wide as the widest row.
func tableHeader(t *document.Table) (header []document.Cell, ncol int) {
	ncol = len(t.Header)
	for _, r := range t.Rows {
		ncol = max(ncol, len(r))
	}
	header = make([]document.Cell, ncol)
	for i, c := range t.Header {
		header[i] = document.Cell{Runs: boldRuns(c.Runs)}
	}
	return header, ncol
}

// table lays out a table across the text width. Columns get their natural
// width when everything fits, else at least their longest word. A row that
// does not fit the rest of the page moves to the next one, or, when it is
// tall, splits between lines of its cells; the header row is repeated at
// the top of every page.
func (e *engine) table(t *document.Table) {
	size := e.s.Sizes.Table
	header, ncol := tableHeader(t)
	if ncol == 0 {
		return
	}
	minW, natW := e.columnBounds(t)
	widths := shareWidths(minW, natW, e.width())
	aligns := make([]align, ncol)
	for i := range aligns {
		if i < len(t.Align) {
			aligns[i] = [...]align{alignLeft, alignCenter, alignRight}[t.Align[i]]
		}
	}
	headerCells := e.rowCells(e.rowWords(header, size), widths, size, func(int) align { return alignCenter })
	headerLines := rowLines(headerCells)

	// A row is measured and broken into lines when it is laid out, and
	// let go once drawn: a table of 100.000 rows is never held as lines.
	// The first two are broken first, to know whether the table starts here.
	row := func(i int) []cellLayout {
		return e.rowCells(e.rowWords(t.Rows[i], size), widths, size, func(i int) align { return aligns[i] })
	}
	first := make([][]cellLayout, min(2, len(t.Rows)))
	for i := range first {
		first[i] = row(i)
	}
	lh := lineHeight(size)
	height := func(lines int) float64 { return float64(lines)*lh + 2*cellPadY }
	// Start on a new page unless the header and two rows fit: a header
	// with a lone group row under it at the foot of a page says nothing.
	start := height(headerLines)
	for _, r := range first {
		start += height(rowLines(r))
	}
	e.y += cellPadY // keep clear of the paragraph above
	if !e.fits(start) {
		e.newPage()
	}
	// fresh is the cursor under a header at the top of a page: a row that
	// does not fit there fits nowhere and must split.
	fresh := -1.0
	drawHeader := func() {
		atTop := e.y == e.s.Margins.Top
		e.drawRow(headerCells, widths, 0, headerLines, size, true, false)
		if atTop {
			fresh = e.y
		}
	}
	drawHeader()
	for i := range t.Rows {
		e.release()
		var cells []cellLayout
		if i < len(first) {
			cells, first[i] = first[i], nil
		} else {
			cells = row(i)
		}
		n := rowLines(cells)
		for from := 0; from < n; {
			rest := n - from
			if e.y+height(rest) <= e.bottom()+tolerance {
				e.drawRow(cells, widths, from, n, size, false, from > 0)
				break
			}
			fit := int((e.bottom() - e.y - 2*cellPadY + tolerance) / lh)
			k := min(fit, rest-splitMin) // leave the next page a few lines too
			if e.y == fresh {
				// No page has more room: split here, at least one line
				// at a time, so that even a giant row ends.
				k = max(k, 1)
			}
			if k >= splitMin || e.y == fresh {
				e.drawRow(cells, widths, from, from+k, size, false, true)
				from += k
			}
			e.newPage()
			drawHeader()
		}
	}
	e.y += paraAfterPt * face.PtToMM
}

func boldRuns(runs []document.Run) []document.Run {
	out := make([]document.Run, len(runs))
	for i, r := range runs {
		out[i] = document.Run{Text: r.Text, Bold: true, Italic: r.Italic}
	}
	return out
}

// rowWords returns the words of each cell of a row.
func (e *engine) rowWords(row []document.Cell, size float64) [][]word {
	ws := make([][]word, len(row))
	for i, c := range row {
		ws[i] = e.words(c.Runs, size)
	}
	return ws
}

// bounds are a table's columns' narrowest and natural widths.
type bounds struct{ minW, natW []float64 }

// columnBounds measures each column of t: its narrowest width, the longest
// word, and its natural width, the longest cell on one line. The header,
// in bold, counts only with its longest words: a header wraps before the
// data does. A table is measured once, though both tooWide and table need
// its bounds; its words are not kept, which for a long table would be
// most of the memory a render takes.
func (e *engine) columnBounds(t *document.Table) (minW, natW []float64) {
	if b, ok := e.tables[t]; ok {
		return b.minW, b.natW
	}
	header, ncol := tableHeader(t)
	size := e.s.Sizes.Table
	minW = make([]float64, ncol)
	natW = make([]float64, ncol)
	for ri, row := range append([][]document.Cell{header}, t.Rows...) {
		for i, c := range row {
			ws := e.words(c.Runs, size)
			nat := 0.0
			for j, w := range ws {
				minW[i] = max(minW[i], w.width+2*cellPadX)
				nat += w.width
				if j < len(ws)-1 {
					nat += w.space
				}
			}
			if ri == 0 {
				nat = 0
			}
			natW[i] = max(natW[i], nat+2*cellPadX, minW[i])
		}
	}
	if e.tables == nil {
		e.tables = map[*document.Table]bounds{}
	}
	e.tables[t] = bounds{minW, natW}
	return minW, natW
}

// shareWidths shares total between columns: each gets its natural width if
// all fit. Else every column gets its natural width up to one common cap,
// and at least its longest word: short columns (numbers, names) stay on
// one line, and the long ones share what is left evenly, so that one
// column of long remarks does not squeeze the others to a word a line.
func shareWidths(minW, natW []float64, total float64) []float64 {
	out := make([]float64, len(minW))
	switch sn, sm := sum(natW), sum(minW); {
	case sn <= total:
		for i := range out {
			out[i] = natW[i] + (total-sn)*natW[i]/sn
		}
	case sm <= total:
		capped := func(c float64) (s float64) {
			for i := range out {
				out[i] = max(minW[i], min(natW[i], c))
				s += out[i]
			}
			return s
		}
		// The total grows with the cap: find the cap that fills the width.
		lo, hi := 0.0, slices.Max(natW)
		for range 60 {
			if c := (lo + hi) / 2; capped(c) > total {
				hi = c
			} else {
				lo = c
			}
		}
		capped(lo)
		// Hand the rounding remainder to the widest column.
		i := slices.Index(out, slices.Max(out))
		out[i] += total - sum(out)
	default:
		// Even the longest words do not fit: shrink, and let words be cut.
		for i := range out {
			out[i] = minW[i] * total / sm
		}
	}
	return out
}

func sum(v []float64) (s float64) {
	for _, x := range v {
		s += x
	}
	return s
}

// rowCells breaks the words of a row's cells into lines of the columns'
// widths.
func (e *engine) rowCells(row [][]word, widths []float64, size float64, alignOf func(int) align) []cellLayout {
	cells := make([]cellLayout, len(widths))
	for i := range widths {
		var ws []word
		if i < len(row) {
			ws = row[i]
		}
		w := widths[i] - 2*cellPadX
		a := alignOf(i)
		cells[i] = cellLayout{lines: e.breakLines(ws, shape{first: w, rest: w, align: a}, size), align: a}
	}
	return cells
}

// rowLines is the number of lines of a row: its tallest cell's.
func rowLines(cells []cellLayout) int {
	n := 1
	for _, c := range cells {
		n = max(n, len(c.lines))
	}
	return n
}

// drawRow draws lines [from, to) of a row's cells and the row's borders at
// the cursor; first draws the rule above it too (the header). A whole row
// centres its cells vertically, as offices set tables; the parts of a split
// row set them from the top, so that the lines read on across the break.
// The columns' borders of a row right under the one before on its page
// lengthen that row's: a table's borders are a few long rules, not
// thousands of short ones.
func (e *engine) drawRow(cells []cellLayout, widths []float64, from, to int, size float64, first, split bool) {
	pg := e.page()
	lh := lineHeight(size)
	h := float64(to-from)*lh + 2*cellPadY
	x0, y := e.left(), e.y
	x := x0
	rules := make([]Rule, 0, len(cells)+3) // one allocation for the row's rules
	rule := func(x1, y1, x2, y2 float64) *Rule {
		rules = append(rules, Rule{X1: x1, Y1: y1, X2: x2, Y2: y2, Width: 0.2, Role: RoleTableRule})
		pg.Items = append(pg.Items, &rules[len(rules)-1])
		return &rules[len(rules)-1]
	}
	b := &e.borders
	extend := b.page == pg && len(b.rules) == len(cells)+1 && b.rules[0].Y2 == y && b.rules[0].X1 == x0
	if !extend {
		b.page, b.rules = pg, b.rules[:0]
	}
	border := func(x float64) {
		if !extend {
			b.rules = append(b.rules, rule(x, y, x, y+h))
		}
	}
	for i, c := range cells {
		lines := c.lines[min(from, len(c.lines)):min(to, len(c.lines))]
		top := y + cellPadY
		if !split {
			top = y + (h-float64(len(lines))*lh)/2
		}
		for j, l := range lines {
			base := top + e.ascent(size) + float64(j)*lh
			last := from+j == len(c.lines)-1
			e.place(pg, l, x+cellPadX, base, widths[i]-2*cellPadX, size, c.align, last, RoleTable)
		}
		border(x)
		x += widths[i]
	}
	border(x)
	if extend {
		for _, r := range b.rules {
			r.Y2 = y + h
		}
	}
	if first {
		rule(x0, y, x, y)
	}
	rule(x0, y+h, x, y+h)
	e.y += h
}
