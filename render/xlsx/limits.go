package xlsx

import (
	"fmt"
	"math"
	"strings"

	"baocao/render/report"
	"baocao/render/viet"
)

// The limits of a workbook a report's text and size can reach. Excel's
// own — characters in a cell, the height of a row — are reported at the
// text that passes them; the others keep excelize's work within bounds
// (its work per sheet, chart and column grows with the number of those
// already there), far above any real report.
const (
	// maxCellChars is Excel's limit on a cell's text, in UTF-16 units.
	// excelize cuts a longer text short without a word.
	maxCellChars = 32767
	// maxRowHeight is Excel's limit on a row's height, in points.
	maxRowHeight = 409
	// maxGroups bounds the statistics' groups: each has a chart, and the
	// grand total adds the groups' rows in one SUM, which takes at most
	// 255 arguments.
	maxGroups = 255
	// maxAnnexTables bounds the annex tables, each a sheet.
	maxAnnexTables = 100
	// maxColumns bounds the columns of an annex table; Excel's own limit
	// is 16.384, and a landscape page shows a few dozen.
	maxColumns = 256
)

// maxLines is how many lines of text at size pt a row of at most
// maxRowHeight holds.
func maxLines(size float64) int {
	return int((maxRowHeight - rowPadding) / (size * lineFactor))
}

// errorf records a problem with the text at path in the YAML, unless one
// is recorded there already (a text in the headings of several sheets);
// the workbook is then not written.
func (w *workbook) errorf(path, format string, args ...any) {
	if w.reported[path] {
		return
	}
	if w.reported == nil {
		w.reported = map[string]bool{}
	}
	w.reported[path] = true
	w.errs = append(w.errs, &report.Error{Pos: w.r.PosOf(path), Msg: fmt.Sprintf(format, args...)})
}

// checkLimits reports the parts of the report past maxGroups,
// maxAnnexTables and maxColumns.
func (w *workbook) checkLimits() {
	s := &w.r.Statistics
	if n := len(s.Groups); n > maxGroups {
		w.errorf("statistics.groups", "có %s nhóm chỉ tiêu, vượt giới hạn %d nhóm của phụ lục Excel (mỗi nhóm một biểu đồ, và dòng TỔNG CỘNG cộng tối đa %d ô) — hãy gộp bớt nhóm, hoặc tách thành nhiều báo cáo",
			viet.Number(float64(n), 0), maxGroups, maxGroups)
	}
	tables := 0
	for i, a := range w.r.Annexes {
		if a.Table == nil {
			continue
		}
		if tables++; tables == maxAnnexTables+1 {
			w.errorf(fmt.Sprintf("annexes[%d]", i), "đây là bảng phụ lục thứ %d, vượt giới hạn %d bảng của phụ lục Excel (mỗi bảng một trang tính) — hãy gộp bớt bảng, hoặc tách thành nhiều báo cáo",
				tables, maxAnnexTables)
		}
		if n := len(a.Table.Columns); n > maxColumns {
			w.errorf(fmt.Sprintf("annexes[%d].table.columns", i), "bảng có %s cột, vượt giới hạn %d cột một bảng của phụ lục Excel — hãy bớt cột, hoặc tách thành nhiều bảng",
				viet.Number(float64(n), 0), maxColumns)
		}
	}
}

// checkChars reports a text value longer than a cell holds, and whether
// it is. path is the YAML path of the text; other values are not checked.
func (w *workbook) checkChars(path string, value any) bool {
	n := cellChars(value)
	if n > maxCellChars {
		w.errorf(path, "nội dung dài %s ký tự, vượt giới hạn %s ký tự của một ô Excel — hãy rút gọn, hoặc tách thành nhiều ô",
			viet.Number(float64(n), 0), viet.Number(maxCellChars, 0))
	}
	return n <= maxCellChars
}

// cellChars is the length of a text value in UTF-16 units, as Excel
// counts, where it may pass maxCellChars; 0 otherwise.
func cellChars(value any) int {
	s, ok := value.(string)
	if !ok || len(s) <= maxCellChars {
		return 0 // UTF-8 takes no fewer bytes than UTF-16 units
	}
	n := 0
	for _, r := range s {
		n += utf16Len(r)
	}
	return n
}

// utf16Len is the number of UTF-16 units of r.
func utf16Len(r rune) int {
	if r > 0xFFFF {
		return 2
	}
	return 1
}

// checkHeading reports a heading line of sheet that needs more lines than
// a row holds when merged across width.
func (w *workbook) checkHeading(sheet string, l headingLine, width float64) {
	if !w.checkChars(l.at, l.text) {
		return
	}
	if n, most := lineCount(l.text, headingSize, l.bold, width), maxLines(headingSize); n > most {
		w.errorf(l.at, "tiêu đề của trang tính %q trong phụ lục Excel cần %d dòng chữ, quá chiều cao tối đa của một dòng bảng tính (409 điểm, tức %d dòng chữ cỡ %d) — hãy rút gọn",
			sheet, n, most, headingSize)
	}
}

// textSize bounds the lines a column's texts can take: the most
// paragraphs of any, and the greatest width of any, its lines end to end.
type textSize struct {
	paragraphs int
	px         float64
}

// add takes text, whose widest line is px wide, into s.
func (s textSize) add(text string, px float64, bold bool) textSize {
	if n := strings.Count(text, "\n") + 1; n > 1 {
		s.paragraphs = max(s.paragraphs, n)
		px = textPx(strings.ReplaceAll(text, "\n", " "), tableSize, bold)
	}
	s.paragraphs = max(s.paragraphs, 1)
	s.px = max(s.px, px)
	return s
}

// maxLines is at least the lines lineCount gives any text s was given in
// a column width units wide. Wrapped at words, two lines of a paragraph
// together hold more than the column's width; a little is added for the
// kerning between words, measured apart.
func (s textSize) maxLines(width float64) int {
	avail := width*digitPx - paddingPx - slackPx/2 - textPx(" ", tableSize, true)
	if avail <= 0 {
		return math.MaxInt
	}
	return s.paragraphs + int(math.Ceil(2.2*s.px/avail))
}
