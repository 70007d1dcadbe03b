package layout

import (
	"baocao/render/document"
	"baocao/render/face"
)

// cellLayout is one cell broken into lines.
type cellLayout struct {
	lines []line
	align align
}

// table lays out a table across the text width. Columns get their natural
// width when everything fits, else at least their longest word; rows move
// whole to the next page, where the header row is repeated.
func (e *engine) table(t *document.Table) {
	size := e.s.Sizes.Table
	ncol := len(t.Header)
	for _, r := range t.Rows {
		ncol = max(ncol, len(r))
	}
	if ncol == 0 {
		return
	}
	header := make([]document.Cell, ncol)
	for i, c := range t.Header {
		header[i] = document.Cell{Runs: boldRuns(c.Runs)}
	}
	widths := e.columnWidths(header, t.Rows, ncol, size)
	aligns := make([]align, ncol)
	for i := range aligns {
		if i < len(t.Align) {
			aligns[i] = [...]align{alignLeft, alignCenter, alignRight}[t.Align[i]]
		}
	}
	headerCells := e.rowCells(header, widths, size, func(int) align { return alignCenter })
	headerH := rowHeight(headerCells, size)

	rows := make([][]cellLayout, len(t.Rows))
	heights := make([]float64, len(t.Rows))
	for i, row := range t.Rows {
		rows[i] = e.rowCells(row, widths, size, func(i int) align { return aligns[i] })
		heights[i] = rowHeight(rows[i], size)
	}
	// Start on a new page unless the header and two rows fit: a header
	// with a lone group row under it at the foot of a page says nothing.
	start := headerH
	for _, h := range heights[:min(2, len(heights))] {
		start += h
	}
	e.y += cellPadY // keep clear of the paragraph above
	if !e.fits(start) {
		e.newPage()
	}
	e.drawRow(headerCells, widths, headerH, size, true)
	for i, cells := range rows {
		if !e.fits(heights[i]) {
			e.newPage()
			e.drawRow(headerCells, widths, headerH, size, true)
		}
		e.drawRow(cells, widths, heights[i], size, false)
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

// columnWidths shares the text width between columns: each gets its
// natural width if all fit, else its longest word plus a share of what is
// left in proportion to how much it would like to grow. The header counts
// only with its longest words: a header wraps before the data does.
func (e *engine) columnWidths(header []document.Cell, rows [][]document.Cell, ncol int, size float64) []float64 {
	minW := make([]float64, ncol)
	natW := make([]float64, ncol)
	for ri, row := range append([][]document.Cell{header}, rows...) {
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
	total := e.width()
	sum := func(v []float64) (s float64) {
		for _, x := range v {
			s += x
		}
		return s
	}
	out := make([]float64, ncol)
	switch sn, sm := sum(natW), sum(minW); {
	case sn <= total:
		for i := range out {
			out[i] = natW[i] + (total-sn)*natW[i]/sn
		}
	case sm <= total:
		grow := sn - sm
		for i := range out {
			out[i] = minW[i] + (total-sm)*(natW[i]-minW[i])/grow
		}
	default:
		// Even the longest words do not fit: shrink, and let words be cut.
		for i := range out {
			out[i] = minW[i] * total / sm
		}
	}
	return out
}

func (e *engine) rowCells(row []document.Cell, widths []float64, size float64, alignOf func(int) align) []cellLayout {
	cells := make([]cellLayout, len(widths))
	for i := range widths {
		var runs []document.Run
		if i < len(row) {
			runs = row[i].Runs
		}
		w := widths[i] - 2*cellPadX
		cells[i] = cellLayout{lines: e.breakLines(e.words(runs, size), w, w, size), align: alignOf(i)}
	}
	return cells
}

func rowHeight(cells []cellLayout, size float64) float64 {
	n := 1
	for _, c := range cells {
		n = max(n, len(c.lines))
	}
	return float64(n)*lineHeight(size) + 2*cellPadY
}

// drawRow draws a row's text and borders at the cursor; top draws the rule
// above it too (the first row on a page).
func (e *engine) drawRow(cells []cellLayout, widths []float64, h, size float64, top bool) {
	pg := e.page()
	x0, y := e.left(), e.y
	x := x0
	rule := func(x1, y1, x2, y2 float64) {
		pg.Items = append(pg.Items, &Rule{X1: x1, Y1: y1, X2: x2, Y2: y2, Width: 0.2, Role: RoleTableRule})
	}
	for i, c := range cells {
		// Cells are centred vertically in their row, as offices set tables.
		top := y + (h-float64(len(c.lines))*lineHeight(size))/2
		for j, l := range c.lines {
			base := top + e.ascent(size) + float64(j)*lineHeight(size)
			e.place(pg, l, x+cellPadX, base, widths[i]-2*cellPadX, size, c.align, j == len(c.lines)-1, RoleTable)
		}
		rule(x, y, x, y+h)
		x += widths[i]
	}
	rule(x, y, x, y+h)
	if top {
		rule(x0, y, x, y)
	}
	rule(x0, y+h, x, y+h)
	e.y += h
}
