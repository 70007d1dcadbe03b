package layout

import (
	"slices"
	"strings"

	"baocao/render/document"
	"baocao/render/face"
)

// splitMin is the fewest lines of a paragraph or a table row left on
// either side of a page break inside it: no orphan at a page's foot, no
// widow at its head. A block of fewer than twice as many moves whole.
const splitMin = 2

// cellLayout is one cell broken into lines.
type cellLayout struct {
	lines []line
	align align
	// inset keeps a right-aligned cell's lines this far from its right
	// edge: clear of the end mark hanging there in the last row.
	inset float64
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

// grid is a table broken into lines: its columns' widths, its header row
// and its first rows; the others are broken when laid out (row).
type grid struct {
	widths []float64
	header []cellLayout
	rows   [][]cellLayout
	number int // the column of row numbers, -1 for none
	aligns []align
	// hangCol is the column of the end mark hanging after the last row's
	// figure, -1 for none, and hang its width (endMarkHang).
	hangCol int
	hang    float64
}

// grid breaks the header and the first n rows of t into lines of its
// columns' widths (sizeColumns). A column of figures left to the default
// alignment stands flush right, but for the row numbers.
func (e *engine) grid(t *document.Table, n int) grid {
	size := e.s.Sizes.Table
	b := e.tableBounds(t)
	ncol := b.ncol
	minW := b.minW
	// A header keeps its ranges and dates whole ("Năm học / 2021 - 2022")
	// where the table has room.
	whole := slices.Clone(minW)
	for c, ws := range b.sample[0] {
		for _, u := range e.units(ws) {
			whole[c] = max(whole[c], u.width+2*cellPadX)
		}
	}
	if sum(whole) <= e.width()+tolerance {
		minW = whole
	}
	g := grid{widths: e.sizeColumns(b, minW, e.width()), number: -1}
	g.aligns = make([]align, ncol)
	for i := range g.aligns {
		if i < len(t.Align) {
			g.aligns[i] = [...]align{alignLeft, alignCenter, alignRight}[t.Align[i]]
		}
		switch {
		case isRowNumber(t, i):
			if g.number < 0 {
				g.number = i
			}
		case b.figures[i] && g.aligns[i] == alignLeft:
			g.aligns[i] = alignRight // figures line up on their last digit
		}
	}
	g.header = e.rowCells(b.sample[0], g.widths, size, func(int) align { return alignCenter })
	g.hangCol, g.hang = endMarkHang(b, g.aligns)
	g.rows = make([][]cellLayout, min(n, len(t.Rows)))
	for i := range g.rows {
		g.rows[i] = e.row(g, t, i)
	}
	return g
}

// row breaks row i of t into lines of g's columns.
func (e *engine) row(g grid, t *document.Table, i int) []cellLayout {
	cells := e.rowCells(e.rowWords(t.Rows[i]), g.widths, e.s.Sizes.Table, func(c int) align { return g.aligns[c] })
	if g.hangCol >= 0 && i < len(t.Rows)-1 {
		cells[g.hangCol].inset = g.hang
	}
	return cells
}

// endMarkHang finds the end mark a space after the last figure of a
// table's last row, in a right-aligned column (document.endBody), and
// returns its column and its width with the space: the column's other
// figures end that far from the edge, so that the last one still lines
// up under them with the mark after it. col is -1 when there is none.
func endMarkHang(b *bounds, aligns []align) (col int, hang float64) {
	for c, ws := range b.last {
		if n := len(ws); b.rows > 1 && n >= 2 && aligns[c] == alignRight && ws[n-1].text() == endMark {
			return c, ws[n-2].space + ws[n-1].width
		}
	}
	return -1, 0
}

// isRowNumber reports whether column i of t numbers its rows: its header
// is STT or TT, as offices head it.
func isRowNumber(t *document.Table, i int) bool {
	if i >= len(t.Header) {
		return false
	}
	switch strings.TrimSpace(text(t.Header[i].Runs)) {
	case "STT", "TT":
		return true
	}
	return false
}

// startRows is how many rows must fit under the header where a table
// starts: a header with a lone group row under it at the foot of a page
// says nothing.
const startRows = 2

// start is the height a table needs to start at the foot of a page: its
// header and first rows, and the space above it.
func (g grid) start(size float64) float64 {
	h := cellPadY + rowHeight(rowLines(g.header), size)
	for _, r := range g.rows[:min(startRows, len(g.rows))] {
		h += rowHeight(rowLines(r), size)
	}
	return h
}

// rowHeight is the height of a row part of n lines.
func rowHeight(n int, size float64) float64 { return float64(n)*lineHeight(size) + 2*cellPadY }

// tableStart is the height t needs to start at the foot of a page.
func (e *engine) tableStart(t *document.Table) float64 {
	if _, ncol := tableHeader(t); ncol == 0 {
		return 0
	}
	return e.grid(t, startRows).start(e.s.Sizes.Table)
}

// table lays out a table across the text width. A row that does not fit
// the rest of the page moves to the next one, or, when it is tall, splits
// between lines of its cells; the header row is repeated at the top of
// every page.
func (e *engine) table(t *document.Table) {
	size := e.s.Sizes.Table
	if _, ncol := tableHeader(t); ncol == 0 {
		return
	}
	g := e.grid(t, startRows)
	widths, headerCells := g.widths, g.header
	headerLines := rowLines(headerCells)
	lh := lineHeight(size)
	height := func(lines int) float64 { return rowHeight(lines, size) }
	if !e.fits(g.start(size)) {
		e.newPage()
	} else {
		e.y += cellPadY // keep clear of the paragraph above
	}
	// fresh is the cursor under a header at the top of a page: a row that
	// does not fit there fits nowhere and must split.
	fresh := -1.0
	drawHeader := func() {
		atTop := e.y == e.s.Margins.Top
		e.drawRow(headerCells, widths, 0, headerLines, size, true, false, -1)
		if atTop {
			fresh = e.y
		}
	}
	drawHeader()
	for i := range t.Rows {
		e.release()
		var cells []cellLayout
		if i < len(g.rows) {
			cells, g.rows[i] = g.rows[i], nil
		} else {
			cells = e.row(g, t, i)
		}
		n := rowLines(cells)
		for from := 0; from < n; {
			rest := n - from
			if e.y+height(rest) <= e.bottom()+tolerance {
				e.drawRow(cells, widths, from, n, size, false, from > 0, g.number)
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
				e.drawRow(cells, widths, from, from+k, size, false, true, g.number)
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
// row set them from the top, so that the lines read on across the break,
// and each part after the first repeats the row's number, in column
// number (-1 for none): a reader on the new page needs to know which row
// goes on. Nothing else repeats: a figure printed twice reads as two.
// The columns' borders of a row right under the one before on its page
// lengthen that row's: a table's borders are a few long rules, not
// thousands of short ones.
func (e *engine) drawRow(cells []cellLayout, widths []float64, from, to int, size float64, first, split bool, number int) {
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
		start, end := min(from, len(c.lines)), min(to, len(c.lines))
		if i == number && from > 0 {
			start, end = 0, min(to-from, len(c.lines))
		}
		lines := c.lines[start:end]
		top := y + cellPadY
		if !split {
			top = y + (h-float64(len(lines))*lh)/2
		}
		for j, l := range lines {
			base := top + e.ascent(size) + float64(j)*lh
			last := start+j == len(c.lines)-1
			e.place(pg, l, x+cellPadX, base, widths[i]-2*cellPadX-c.inset, size, c.align, last, RoleTable)
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
