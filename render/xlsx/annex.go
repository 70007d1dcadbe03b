package xlsx

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"baocao/render/report"
	"baocao/render/viet"
)

// maxTableErrors bounds the problems reported for one annex table: a
// wrong column in a long table would otherwise give one per row.
const maxTableErrors = 20

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
	sum          float64
	longest      int // characters in its longest text cell
	style, total int // of its cells and of its TỔNG CỘNG cell
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
	cols, err := w.checkTable(a.Table, fmt.Sprintf("annexes[%d].table", i), label)
	if err != nil {
		return err
	}
	t := &table{
		name:     w.names.take(a.Title, label),
		heading:  w.heading(label, a.Title),
		filtered: len(a.Table.Rows),
		fill:     -1,
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
		for _, row := range rows {
			cells := make([]cell, len(cols))
			for c, col := range cols {
				cells[c] = cell{text: row[c], value: row[c], style: col.style}
				if !col.IsNumber() {
					continue
				}
				// checkTable has read every number already.
				if v, ok, _ := parseNumber(row[c]); ok {
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
				v := viet.Round(col.sum, col.decimals)
				cells[c].text, cells[c].value = shownNumber(v, col.decimals, false), v
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

// checkTable checks an annex table the loader may have let through — a
// row with the wrong number of cells, text in a number column, a sum of a
// text column — and returns its columns with their decimals, sums and
// styles. Problems are *report.Error values at the cell to fix.
func (w *workbook) checkTable(tb *report.Table, path, label string) ([]annexColumn, error) {
	var errs report.Errors
	fail := func(at, msg string, args ...any) {
		if len(errs) < maxTableErrors {
			errs = append(errs, &report.Error{Pos: w.r.PosOf(at), Msg: label + ": " + fmt.Sprintf(msg, args...)})
		}
	}
	if len(tb.Columns) == 0 {
		fail(path+".columns", "bảng không có cột nào — khai báo các cột trong columns")
	}
	cols := make([]annexColumn, len(tb.Columns))
	for c, col := range tb.Columns {
		cols[c].Column = col
		if col.Sum && !col.IsNumber() {
			fail(fmt.Sprintf("%s.columns[%d].sum", path, c), "cột “%s” là cột chữ nên không cộng được — bỏ sum: true hoặc ghi type: number", col.Name)
		}
	}
	for r, row := range tb.Rows {
		if len(row) != len(cols) {
			fail(fmt.Sprintf("%s.rows[%d]", path, r), "dòng %d có %d ô, bảng có %d cột — mỗi dòng phải đủ số ô, ô trống ghi \"\"", r+1, len(row), len(cols))
			continue
		}
		for c := range cols {
			col := &cols[c]
			if !col.IsNumber() {
				col.longest = max(col.longest, utf8.RuneCountInString(row[c]))
				continue
			}
			v, ok, err := parseNumber(row[c])
			if err != nil {
				fail(fmt.Sprintf("%s.rows[%d][%d]", path, r, c), "dòng %d, cột “%s”: %v", r+1, col.Name, err)
				continue
			}
			if ok {
				col.sum += v
				col.decimals = max(col.decimals, viet.Decimals(v))
			}
		}
	}
	if len(errs) == maxTableErrors {
		errs = append(errs, &report.Error{Pos: w.r.PosOf(path), Msg: label + ": còn lỗi khác trong bảng — sửa các lỗi trên rồi kiểm tra lại"})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	for c := range cols {
		col := &cols[c]
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

// parseNumber reads a number cell of an annex table. Numbers are written
// as in the rest of the YAML file: digits without thousands separators, a
// point before the decimals, maybe a sign ("3965", "87.6", "-12"). A comma
// is refused rather than guessed at, since "1,250" means 1250 to some
// readers and 1,25 to others. An empty cell has no value (ok is false).
func parseNumber(s string) (v float64, ok bool, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false, nil
	}
	digits := strings.TrimLeft(s, "+-")
	whole, frac, dot := strings.Cut(digits, ".")
	valid := len(s)-len(digits) <= 1 && whole != "" && (!dot || frac != "")
	for _, part := range []string{whole, frac} {
		for _, d := range part {
			valid = valid && d >= '0' && d <= '9'
		}
	}
	if valid {
		v, err = strconv.ParseFloat(s, 64)
	}
	if !valid || err != nil {
		return 0, false, fmt.Errorf("“%s” không phải là số — viết số liền, không phân cách hàng nghìn, dấu chấm trước phần thập phân (ví dụ 3965 hoặc 87.6)", s)
	}
	return v, true, nil
}
