package xlsx

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// cell is one cell of a table sheet.
type cell struct {
	// text is the cell as a reader sees it, measured for the column's width
	// and the row's height.
	text string
	// value is what the cell holds: a string or a number; nil leaves it
	// empty (but styled). With a formula it is the formula's computed
	// value, stored so that programs which do not calculate see it.
	value   any
	formula string
	style   int
	// span is how many columns the cell covers, merged; 0 means 1.
	span int
	// bold tells the measurer which face the text is set in.
	bold bool
}

// column is one column of a table sheet.
type column struct {
	header string
	// min and max bound the column's width, in Excel's unit; between them
	// it fits its longest text, and longer text wraps.
	min, max float64
}

// table is a sheet holding the annex heading and one table: a header row,
// the body, and maybe a total row. It is written with a StreamWriter, so
// that a sheet of any length takes little memory and formulas carry their
// values.
type table struct {
	name    string
	heading []headingLine
	columns []column
	// body emits the rows under the header in order; first is the sheet
	// row of the first one. It runs twice — to measure the text, then to
	// write it — and must emit the same rows both times.
	body func(first int, emit func([]cell) error) error
	// filtered is how many rows of the body the autofilter covers: all but
	// a trailing total, which must stay last when the data is sorted.
	filtered int
	// fill is the column, counted from 0, that widens so that the table
	// spans the printed page, or -1: a table narrower than the page would
	// print as a strip down its middle.
	fill int
	// at is the YAML path, for a message, of the text in the cell of body
	// row r (from 0) and column c, or of column c's heading when r is -1;
	// "" for a text the program writes.
	at func(r, c int) string
}

// headerRow is the sheet row of the table's header: below the heading and
// one blank row.
func (t *table) headerRow() int { return len(t.heading) + 2 }

// layout measures the table: the width of each column, which together
// make at least pageWidth, and the number of body rows. A column is as
// wide as its longest cell and its heading; when that makes the table
// wider than the page, headings wrap at their words instead, so that a
// wide table is scaled down no more than its data needs.
//
// It also keeps the table within what a sheet can hold, and reports at
// its place in the YAML each text that it cannot hold: a cell of more
// than maxCellChars characters, a row taller than maxRowHeight. A column
// whose text needs taller rows is widened, up to the page's width, until
// every row fits; a heading line too tall for the table widens its last
// column to the page's width.
func (w *workbook) layout(t *table) (widths []float64, rows int, err error) {
	pageWidth := w.pageWidth()
	body := make([]float64, len(t.columns))
	texts := make([]textSize, len(t.columns)) // the longest of each column
	for c, col := range t.columns {
		if w.checkChars(t.at(-1, c), col.header) {
			texts[c] = texts[c].add(col.header, textPx(col.header, tableSize, true), true)
		}
	}
	err = t.body(t.headerRow()+1, func(cells []cell) error {
		for c, cl := range cells {
			if w.checkChars(t.at(rows, c), cl.value) && cl.span <= 1 && c < len(body) {
				px := textPx(cl.text, tableSize, cl.bold)
				body[c] = max(body[c], px)
				texts[c] = texts[c].add(cl.text, px, cl.bold)
			}
		}
		rows++
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	fit := func(header func(string) float64) (widths []float64, total float64) {
		widths = make([]float64, len(t.columns))
		for c, col := range t.columns {
			widths[c] = ceil1(min(max(widthFor(max(body[c], header(col.header))), col.min), col.max))
			total += widths[c]
		}
		return widths, total
	}
	widths, total := fit(func(h string) float64 { return textPx(h, tableSize, true) })
	if total > pageWidth {
		widths, total = fit(func(h string) float64 {
			var w float64
			for _, word := range strings.Fields(h) {
				w = max(w, textPx(word, tableSize, true))
			}
			return w
		})
	}
	for c := range widths {
		// Only a column whose longest texts could fill a row is measured
		// line by line: the rest fit whatever their words.
		if texts[c].maxLines(widths[c]) <= maxLines(tableSize) {
			continue
		}
		need, err := w.widen(t, c, widths[c], max(pageWidth, t.columns[c].max))
		if err != nil {
			return nil, 0, err
		}
		total += need - widths[c]
		widths[c] = need
	}
	if t.fill >= 0 {
		widths[t.fill] = math.Floor((widths[t.fill]+max(pageWidth-total, 0))*10) / 10
	}
	// The headings are measured across the widths' sum, as writeTable
	// merges them: the same figure, to the last bit.
	total = sum(widths)
	last := len(widths) - 1
	for _, l := range t.heading {
		if lineCount(l.text, headingSize, l.bold, total) > maxLines(headingSize) && total < pageWidth {
			widths[last] += math.Floor((pageWidth-total)*10) / 10
			total = sum(widths)
		}
		w.checkHeading(t.name, l, total)
	}
	return widths, rows, nil
}

// widen returns the width, from width up to most, at which every cell of
// column c fits a row of at most maxRowHeight; each cell that does not
// fit even at most is reported.
func (w *workbook) widen(t *table, c int, width, most float64) (float64, error) {
	limit := maxLines(tableSize)
	need := width
	row := -1
	fit := func(cl cell) {
		if cellChars(cl.value) > maxCellChars || lineCount(cl.text, tableSize, cl.bold, need) <= limit {
			return // reported by layout, or fits
		}
		if n := lineCount(cl.text, tableSize, cl.bold, most); n > limit {
			w.errorf(t.at(row, c), "nội dung cần %d dòng chữ trong một ô của phụ lục Excel, quá chiều cao tối đa của một dòng bảng tính (409 điểm, tức %d dòng chữ cỡ %d) kể cả khi nới cột rộng bằng trang giấy — hãy rút gọn, hoặc tách thành nhiều dòng của bảng", n, limit, tableSize)
			return
		}
		// In tenths, as widths are stored: need fails, most fits.
		lo, hi := int(math.Round(need*10)), int(math.Round(most*10))
		for hi-lo > 1 {
			mid := (lo + hi) / 2
			if lineCount(cl.text, tableSize, cl.bold, float64(mid)/10) <= limit {
				hi = mid
			} else {
				lo = mid
			}
		}
		need = float64(hi) / 10
	}
	fit(cell{text: t.columns[c].header, value: t.columns[c].header, bold: true})
	err := t.body(t.headerRow()+1, func(cells []cell) error {
		row++
		if c < len(cells) && cells[c].span <= 1 {
			fit(cells[c])
		}
		return nil
	})
	return need, err
}

// writeTable adds t to the workbook as a new sheet; when the workbook is
// only checked, it measures t.
func (w *workbook) writeTable(t *table) error {
	widths, rows, err := w.layout(t)
	if err != nil || w.checkOnly || len(w.errs) > 0 {
		return err
	}
	if err := w.newSheet(t.name); err != nil {
		return err
	}
	ncols := len(t.columns)
	headerRow := t.headerRow()
	lastRow := headerRow + rows
	// The filter goes first: excelize's AutoFilter replaces the sheet
	// properties that fitting to the page sets.
	if err := w.f.AutoFilter(t.name, ref(1, headerRow)+":"+ref(ncols, headerRow+t.filtered), nil); err != nil {
		return err
	}
	if err := w.setPrinting(t.name, headerRow, ncols, lastRow); err != nil {
		return err
	}
	// The stream writer copies the used range from the worksheet rather
	// than tracking it; readers such as openpyxl trust it.
	if err := w.f.SetSheetDimension(t.name, "A1:"+ref(ncols, lastRow)); err != nil {
		return err
	}
	sw, err := w.f.NewStreamWriter(t.name)
	if err != nil {
		return err
	}
	// Each width set goes before the earlier ones in the file, and Excel
	// wants the columns in ascending order: set them from the last.
	for c := ncols; c >= 1; c-- {
		if err := sw.SetColWidth(c, c, widths[c-1]); err != nil {
			return err
		}
	}
	below := ref(1, headerRow+1)
	if err := sw.SetPanes(&excelize.Panes{
		Freeze:      true,
		YSplit:      headerRow,
		TopLeftCell: below,
		ActivePane:  "bottomLeft",
		Selection:   []excelize.Selection{{SQRef: below, ActiveCell: below, Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	if err := w.writeHeading(sw, t.heading, ncols, sum(widths)); err != nil {
		return err
	}
	header := make([]cell, ncols)
	for c, col := range t.columns {
		header[c] = cell{text: col.header, value: col.header, style: w.header, bold: true}
	}
	if err := writeRow(sw, headerRow, header, widths); err != nil {
		return err
	}
	row := headerRow
	if err := t.body(headerRow+1, func(cells []cell) error {
		row++
		return writeRow(sw, row, cells, widths)
	}); err != nil {
		return err
	}
	return sw.Flush()
}

// writeRow writes cells at the given sheet row, as tall as its tallest
// cell, merging the cells that span columns.
func writeRow(sw *excelize.StreamWriter, row int, cells []cell, widths []float64) error {
	values := make([]any, 0, len(widths))
	lines := 1
	// A cell spanning columns stands for them all: the cells it covers
	// are skipped.
	for c := 0; c < len(cells); c += max(cells[c].span, 1) {
		cl := cells[c]
		span := max(cl.span, 1)
		var width float64
		for _, wd := range widths[c:min(c+span, len(widths))] {
			width += wd
		}
		lines = max(lines, lineCount(cl.text, tableSize, cl.bold, width))
		values = append(values, excelize.Cell{StyleID: cl.style, Formula: cl.formula, Value: cl.value})
		// The cells a merge covers keep the style, so that the borders of
		// the merged range are drawn all round.
		for range span - 1 {
			values = append(values, excelize.Cell{StyleID: cl.style})
		}
		if span > 1 {
			if err := sw.MergeCell(ref(c+1, row), ref(c+span, row)); err != nil {
				return err
			}
		}
	}
	return sw.SetRow(ref(1, row), values, excelize.RowOpts{Height: rowHeight(lines, tableSize)})
}

// writeHeading writes the annex heading, each line merged across the
// table. Excel does not grow a merged row to fit wrapped text, so the
// height comes from the text's measured length.
func (w *workbook) writeHeading(sw *excelize.StreamWriter, lines []headingLine, ncols int, width float64) error {
	for i, l := range lines {
		style, err := w.headingStyle(l)
		if err != nil {
			return err
		}
		n := lineCount(l.text, headingSize, l.bold, width)
		if err := sw.SetRow(ref(1, i+1), []any{excelize.Cell{StyleID: style, Value: l.text}},
			excelize.RowOpts{Height: rowHeight(n, headingSize)}); err != nil {
			return err
		}
		if err := sw.MergeCell(ref(1, i+1), ref(ncols, i+1)); err != nil {
			return err
		}
	}
	return nil
}

// ref names the cell at col, row (both from 1).
func ref(col, row int) string {
	return colLetters(col) + strconv.Itoa(row)
}

// colLetters names column col: A … Z, AA ….
func colLetters(col int) string {
	var b []byte
	for ; col > 0; col = (col - 1) / 26 {
		b = append([]byte{byte('A' + (col-1)%26)}, b...)
	}
	return string(b)
}

// absRange is an absolute reference to a range of sheet, as charts and
// defined names need it: 'Chỉ tiêu'!$B$7:$B$10.
func absRange(sheet string, col1, row1, col2, row2 int) string {
	return fmt.Sprintf("%s$%s$%d:$%s$%d", sheetRef(sheet), colLetters(col1), row1, colLetters(col2), row2)
}

// sheetRef is sheet quoted for use in a reference: 'Chỉ tiêu'!.
func sheetRef(sheet string) string {
	return "'" + quoteReplacer.Replace(sheet) + "'!"
}

var quoteReplacer = strings.NewReplacer("'", "''")

// sum is the width of columns of widths together.
func sum(widths []float64) float64 {
	var total float64
	for _, wd := range widths {
		total += wd
	}
	return total
}

// ceil1 rounds a width up to a tenth, so that the file holds short
// numbers and the text still fits.
func ceil1(v float64) float64 { return math.Ceil(v*10) / 10 }
