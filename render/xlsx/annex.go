package xlsx

import (
	"fmt"
	"unicode/utf8"

	"baocao/render/report"
)

// annexes writes one sheet for each of the report's further annexes that
// has a table; an annex of text alone has no place in a workbook.
func (w *workbook) annexes() error {
	for i := range w.r.Annexes {
		if w.r.Annexes[i].Table == nil {
			continue
		}
		if err := w.annex(i); err != nil {
			return err
		}
	}
	return nil
}

// annexColumn is what the annex sheet needs to know of one column before
// writing it.
type annexColumn struct {
	report.Column
	decimals     int
	sum          float64 // for a column with a total
	longest      int     // characters in its longest text cell
	style, total int     // of its cells and of its TỔNG CỘNG cell
}

// shortText is the length up to which a text column is centred: a column
// of numbers in order (STT) or of codes reads better centred.
const shortText = 4

// annex writes the table of the report's i-th further annex: the typed
// columns as the YAML defines them, number cells as numbers, and a
// TỔNG CỘNG row of SUM formulas under the columns marked sum.
func (w *workbook) annex(i int) error {
	a := &w.r.Annexes[i]
	label := annexLabel(i)
	cols, err := w.annexColumns(a.Table)
	if err != nil {
		return err
	}
	path := fmt.Sprintf("annexes[%d]", i)
	t := &table{
		name:     w.names.take(a.Title, label),
		heading:  w.heading(label, a.Title, path+".title"),
		filtered: len(a.Table.Rows),
		fill:     -1,
		at: func(r, c int) string {
			switch {
			case r < 0:
				return fmt.Sprintf("%s.table.columns[%d].name", path, c)
			case r < len(a.Table.Rows):
				return fmt.Sprintf("%s.table.rows[%d][%d]", path, r, c)
			}
			return "" // the TỔNG CỘNG row
		},
	}
	// The label of the total row spans the columns before the first sum.
	labelSpan := -1
	for c, col := range cols {
		limits := column{header: col.Name, min: 8, max: 50}
		if col.IsNumber() {
			limits.max = 20
		}
		t.columns = append(t.columns, limits)
		if col.Sum && labelSpan < 0 {
			labelSpan = c
		}
		// The text column with the longest text takes up the page's width.
		if !col.IsNumber() && (t.fill < 0 || col.longest > cols[t.fill].longest) {
			t.fill = c
		}
	}
	rows := a.Table.Rows
	t.body = func(first int, emit func([]cell) error) error {
		for ri, row := range rows {
			cells := make([]cell, len(cols))
			for c, col := range cols {
				cells[c] = cell{text: row[c], value: row[c], style: col.style}
				if !col.IsNumber() {
					continue
				}
				if v, ok := a.Table.Value(ri, c); ok {
					cells[c].text, cells[c].value = shownNumber(v, col.decimals, false), v
				} else {
					cells[c].value = nil
				}
			}
			if err := emit(cells); err != nil {
				return err
			}
		}
		if labelSpan < 0 || len(rows) == 0 {
			return nil
		}
		last := first + len(rows) - 1
		cells := make([]cell, len(cols))
		for c, col := range cols {
			cells[c] = cell{style: col.total, bold: true}
			if col.Sum {
				cells[c].text, cells[c].value = shownNumber(col.sum, col.decimals, false), col.sum
				cells[c].formula = fmt.Sprintf("ROUND(SUM(%s:%s),%d)", ref(c+1, first), ref(c+1, last), col.decimals)
			}
		}
		if labelSpan > 0 {
			cells[0] = cell{text: totalLabel, value: totalLabel, span: labelSpan, style: cols[0].total, bold: true}
		}
		return emit(cells)
	}
	return w.writeTable(t)
}

// annexColumns measures the columns of an annex table the loader has
// checked — decimals, sums, longest text — and gives each its styles.
func (w *workbook) annexColumns(tb *report.Table) ([]annexColumn, error) {
	cols := make([]annexColumn, len(tb.Columns))
	for c, col := range tb.Columns {
		cols[c].Column = col
	}
	for _, row := range tb.Rows {
		for c := range cols {
			if !cols[c].IsNumber() && c < len(row) {
				cols[c].longest = max(cols[c].longest, utf8.RuneCountInString(row[c]))
			}
		}
	}
	for c := range cols {
		col := &cols[c]
		switch {
		case col.Sum && col.IsNumber():
			col.sum, col.decimals, _ = tb.Sum(c) // exact: the loader keeps it within bounds
		case col.IsNumber():
			col.decimals = tb.Decimals(c)
		}
		k := styleKey{align: "left", wrap: true}
		if col.longest <= shortText {
			k.align = "center"
		}
		if col.IsNumber() {
			k = styleKey{align: "right"}
			k.numFmt, _ = numberFormats(col.decimals)
		}
		var err error
		if col.style, err = w.style(k); err != nil {
			return nil, err
		}
		k.bold = true
		if c == 0 {
			k.align = "center" // under TỔNG CỘNG
		}
		if col.total, err = w.style(k); err != nil {
			return nil, err
		}
	}
	return cols, nil
}
