// Package xlsx writes the statistics annex (phụ lục thống kê) of a report
// as an Excel workbook: the same table as the annex of the PDF, with the
// differences and percentages as live formulas.
//
// Every formula cell also stores its computed value, so programs that read
// a workbook without calculating it (excelize, pandas, a LibreOffice export
// without recalculation) see the same figures as Excel. excelize keeps a
// formula and a numeric cached value together only through its stream
// writer; its cell setters either drop the formula or store the value as
// text. The sheet is therefore written with a StreamWriter, and every
// sheet setting the stream writer copies from the worksheet is made before
// it starts.
package xlsx

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"baocao/render/report"
	"baocao/render/viet"
)

// sheetName is the name of the workbook's one sheet, shown on its tab.
const sheetName = "Chỉ tiêu"

// Table columns, numbered from 1 as excelize counts them.
const (
	colSTT = iota + 1
	colName
	colUnit
	colPrevious
	colCurrent
	colChange
	colPercent
	numCols = colPercent
)

// Fonts: the decree's Times New Roman; the annex heading at 14 pt as in
// Phụ lục I of Nghị định 30, the table one size smaller so that seven
// columns fit across a landscape page.
const (
	fontName    = "Times New Roman"
	headingSize = 14
	tableSize   = 12
)

// Page margins in mm used when the report leaves them unset: those of the
// decree's own model files.
const (
	defaultMarginTop    = 25
	defaultMarginBottom = 20
	defaultMarginLeft   = 35
	defaultMarginRight  = 20
	// headerMargin is the distance of the page number from the top edge.
	headerMargin = 10
)

// Build lays out the statistics annex of r as a workbook with one sheet,
// "Chỉ tiêu". The caller owns the file and must Close it.
func Build(r *report.Report) (*excelize.File, error) {
	if r == nil {
		return nil, errors.New("xlsx: không có báo cáo để lập phụ lục (nil report)")
	}
	f := excelize.NewFile()
	if err := build(f, r); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("xlsx: không lập được phụ lục thống kê: %w", err)
	}
	return f, nil
}

// Write builds the workbook of r and writes it to w as an .xlsx file.
func Write(w io.Writer, r *report.Report) error {
	f, err := Build(r)
	if err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("xlsx: không ghi được tệp Excel: %w", err)
	}
	return nil
}

// headingLine is one line of the annex heading above the table, merged
// across the table's width.
type headingLine struct {
	text         string
	bold, italic bool
}

// tableRow is one row under the table header: a group (Roman STT, bold
// title) or an indicator of the group above it.
type tableRow struct {
	stt      string
	title    string            // group rows only
	ind      *report.Indicator // nil on group rows
	decimals int               // of the row's values, from viet.Decimals
}

// build fills the new workbook f with the annex of r.
func build(f *excelize.File, r *report.Report) error {
	s := &r.Statistics
	title := annexTitle(s)
	heading := headingLines(r, title)
	rows := tableRows(s)
	headers := headerLabels(s)
	widths := columnWidths(headers, rows)
	// One blank row separates the heading from the table.
	headerRow := len(heading) + 2
	lastRow := headerRow + len(rows)

	if err := f.SetDefaultFont(fontName); err != nil {
		return err
	}
	if err := f.SetSheetName(f.GetSheetName(0), sheetName); err != nil {
		return err
	}
	if err := setDocProps(f, r, title); err != nil {
		return err
	}
	if err := setPrinting(f, &r.Format, headerRow, lastRow); err != nil {
		return err
	}
	// The stream writer copies the used range from the worksheet rather
	// than tracking it; readers such as openpyxl trust it.
	if err := f.SetSheetDimension(sheetName, "A1:"+ref(numCols, lastRow)); err != nil {
		return err
	}

	st, err := newStyles(f)
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheetName)
	if err != nil {
		return err
	}
	// Each width set goes before the earlier ones in the file, and Excel
	// wants the columns in ascending order: set them from the last.
	for c := numCols; c >= 1; c-- {
		if err := sw.SetColWidth(c, c, widths[c-1]); err != nil {
			return err
		}
	}
	below := ref(colSTT, headerRow+1)
	if err := sw.SetPanes(&excelize.Panes{
		Freeze:      true,
		YSplit:      headerRow,
		TopLeftCell: below,
		ActivePane:  "bottomLeft",
		Selection:   []excelize.Selection{{SQRef: below, ActiveCell: below, Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	var total float64
	for _, w := range widths {
		total += w
	}
	for i, l := range heading {
		if err := writeHeadingLine(f, sw, i+1, l, total); err != nil {
			return err
		}
	}
	if err := writeHeader(sw, st, headerRow, headers); err != nil {
		return err
	}
	for i, row := range rows {
		if err := writeRow(f, sw, st, headerRow+1+i, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// annexTitle is the title of the annex, in capitals as the decree wants:
// "SỐ LIỆU THỐNG KÊ NĂM 2021 SO VỚI NĂM 2020".
func annexTitle(s *report.Statistics) string {
	return viet.Upper("Số liệu thống kê " + s.Current + " so với " + s.Previous)
}

// headingLines returns the annex heading: "Phụ lục", the title, and, when
// the report it belongs to is given, the "(Kèm theo Báo cáo số …)" line.
func headingLines(r *report.Report, title string) []headingLine {
	lines := []headingLine{
		{text: "Phụ lục", bold: true},
		{text: title, bold: true},
	}
	if d := r.BaoCao; d != nil {
		// The agency name stays as written (in capitals): turning it into
		// sentence case needs to know which words are proper names.
		lines = append(lines, headingLine{
			text: "(Kèm theo Báo cáo số " + viet.DocNumber(d.Number) + "/" + d.Code + " " +
				viet.LongDate(d.Date) + " của " + r.Agency.Name + ")",
			italic: true,
		})
	}
	return lines
}

// headerLabels returns the column headings of the table.
func headerLabels(s *report.Statistics) [numCols]string {
	return [numCols]string{"STT", "Chỉ tiêu", "ĐVT", s.Previous, s.Current, "Tăng/giảm (±)", "Tỷ lệ (%)"}
}

// tableRows flattens the groups into table rows; indicators are numbered
// from 1 again in each group.
func tableRows(s *report.Statistics) []tableRow {
	var rows []tableRow
	for gi, g := range s.Groups {
		rows = append(rows, tableRow{stt: viet.Roman(gi + 1), title: g.Title})
		for ii := range g.Indicators {
			ind := &g.Indicators[ii]
			rows = append(rows, tableRow{
				stt:      strconv.Itoa(ii + 1),
				ind:      ind,
				decimals: viet.Decimals(ind.Previous, ind.Current),
			})
		}
	}
	return rows
}

// columnWidths sizes each column to its longest text, within limits that
// keep the table readable on one landscape page; longer text wraps.
func columnWidths(headers [numCols]string, rows []tableRow) [numCols]float64 {
	limits := [numCols]struct{ min, max float64 }{
		{5, 8}, {24, 60}, {6, 14}, {10, 18}, {10, 18}, {10, 18}, {9, 16},
	}
	var widths [numCols]float64
	for c := range widths {
		widths[c] = textWidth(headers[c], tableSize, true)
	}
	grow := func(col int, text string, bold bool) {
		widths[col-1] = max(widths[col-1], textWidth(text, tableSize, bold))
	}
	for _, row := range rows {
		grow(colSTT, row.stt, row.ind == nil)
		if row.ind == nil {
			grow(colName, row.title, true)
			continue
		}
		ind := row.ind
		grow(colName, ind.Name, false)
		grow(colUnit, ind.Unit, false)
		grow(colPrevious, viet.Number(ind.Previous, row.decimals), false)
		grow(colCurrent, viet.Number(ind.Current, row.decimals), false)
		grow(colChange, viet.Signed(ind.Change(), row.decimals), false)
		if p, ok := ind.Percent(); ok {
			grow(colPercent, "+"+viet.Percent(p), false)
		}
	}
	for c := range widths {
		// Two characters of padding keep text off the borders.
		widths[c] = math.Round(min(max(widths[c]+2, limits[c].min), limits[c].max)*10) / 10
	}
	return widths
}

// textWidth estimates the width of text in Excel's column unit, the width
// of a digit in the 11 pt default font. In Times New Roman a lower-case
// letter with its diacritics is about as wide as a digit, a capital wider,
// a space half as wide; bold type is wider still.
func textWidth(text string, size float64, bold bool) float64 {
	var w float64
	for _, c := range text {
		switch {
		case unicode.IsSpace(c):
			w += 0.5
		case unicode.IsUpper(c):
			w += 1.35
		default:
			w++
		}
	}
	if bold {
		w *= 1.1
	}
	return w * size / 11
}

// ref names the cell at col, row.
func ref(col, row int) string {
	return colLetter(col) + strconv.Itoa(row)
}

// colLetter names column col; the table has fewer than 27 columns, so a
// column is one letter.
func colLetter(col int) string {
	return string(rune('A' - 1 + col))
}

// writeHeadingLine writes one heading line merged across the table. Excel
// does not grow merged rows to fit wrapped text, so the row height is
// estimated from the text's length.
func writeHeadingLine(f *excelize.File, sw *excelize.StreamWriter, row int, l headingLine, tableWidth float64) error {
	style, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Family: fontName, Size: headingSize, Bold: l.bold, Italic: l.italic},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	if err != nil {
		return err
	}
	lines := math.Ceil(textWidth(l.text, headingSize, l.bold) / tableWidth)
	height := max(lines, 1) * headingSize * 1.4
	if err := sw.SetRow(ref(colSTT, row), []any{excelize.Cell{StyleID: style, Value: l.text}},
		excelize.RowOpts{Height: height}); err != nil {
		return err
	}
	return sw.MergeCell(ref(colSTT, row), ref(numCols, row))
}

// writeHeader writes the table's column headings.
func writeHeader(sw *excelize.StreamWriter, st styles, row int, headers [numCols]string) error {
	cells := make([]any, numCols)
	for c, h := range headers {
		cells[c] = excelize.Cell{StyleID: st.header, Value: h}
	}
	return sw.SetRow(ref(colSTT, row), cells)
}

// writeRow writes a group or indicator row at the given sheet row.
func writeRow(f *excelize.File, sw *excelize.StreamWriter, st styles, row int, tr tableRow) error {
	if tr.ind == nil {
		cells := []any{
			excelize.Cell{StyleID: st.groupSTT, Value: tr.stt},
			excelize.Cell{StyleID: st.groupName, Value: tr.title},
		}
		for range numCols - len(cells) {
			cells = append(cells, excelize.Cell{StyleID: st.groupRest})
		}
		return sw.SetRow(ref(colSTT, row), cells)
	}
	value, change, err := numberStyles(f, tr.decimals)
	if err != nil {
		return err
	}
	ind := tr.ind
	prev, cur := ref(colPrevious, row), ref(colCurrent, row)
	var percent any = viet.NoPercent
	if p, ok := ind.Percent(); ok {
		percent = viet.RoundPercent(p)
	}
	return sw.SetRow(ref(colSTT, row), []any{
		excelize.Cell{StyleID: st.stt, Value: tr.stt},
		excelize.Cell{StyleID: st.name, Value: ind.Name},
		excelize.Cell{StyleID: st.unit, Value: ind.Unit},
		excelize.Cell{StyleID: value, Value: ind.Previous},
		excelize.Cell{StyleID: value, Value: ind.Current},
		// Rounded to the row's decimals, so that the stored value is the
		// printed one (87,6 − 85,5 is 2,1, not 2,0999999999999943).
		excelize.Cell{StyleID: change, Formula: fmt.Sprintf("ROUND(%s-%s,%d)", cur, prev, tr.decimals), Value: viet.Round(ind.Change(), tr.decimals)},
		excelize.Cell{
			StyleID: st.percent,
			Formula: fmt.Sprintf(`IF(%[1]s=0,"%[3]s",ROUND((%[2]s-%[1]s)/%[1]s*100,1))`, prev, cur, viet.NoPercent),
			Value:   percent,
		},
	})
}

// styles holds the workbook's fixed cell styles.
type styles struct {
	header                         int
	groupSTT, groupName, groupRest int
	stt, name, unit, percent       int
}

// cellStyle is the style of a table cell: thin borders on all four sides,
// vertically centred, in the table font.
func cellStyle(bold bool, horizontal string, wrap bool) *excelize.Style {
	return &excelize.Style{
		Font: &excelize.Font{Family: fontName, Size: tableSize, Bold: bold},
		Border: []excelize.Border{
			{Type: "left", Color: "000000", Style: 1},
			{Type: "right", Color: "000000", Style: 1},
			{Type: "top", Color: "000000", Style: 1},
			{Type: "bottom", Color: "000000", Style: 1},
		},
		Alignment: &excelize.Alignment{Horizontal: horizontal, Vertical: "center", WrapText: wrap},
	}
}

// newStyles registers the fixed styles in f.
func newStyles(f *excelize.File) (styles, error) {
	header := cellStyle(true, "center", true)
	header.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}
	percentFmt := "+0.0;-0.0;0.0"
	percent := cellStyle(false, "right", false)
	percent.CustomNumFmt = &percentFmt

	var st styles
	for _, s := range []struct {
		id    *int
		style *excelize.Style
	}{
		{&st.header, header},
		{&st.groupSTT, cellStyle(true, "center", false)},
		{&st.groupName, cellStyle(true, "left", true)},
		{&st.groupRest, cellStyle(true, "right", false)},
		{&st.stt, cellStyle(false, "center", false)},
		{&st.name, cellStyle(false, "left", true)},
		{&st.unit, cellStyle(false, "center", true)},
		{&st.percent, percent},
	} {
		id, err := f.NewStyle(s.style)
		if err != nil {
			return styles{}, err
		}
		*s.id = id
	}
	return st, nil
}

// numberStyles returns the styles of an indicator row's values and of its
// change, both showing the given number of decimals. f.NewStyle returns
// the existing style when an identical one is registered, so rows with
// equal decimals share styles.
func numberStyles(f *excelize.File, decimals int) (value, change int, err error) {
	valueFmt, changeFmt := numberFormats(decimals)
	valueStyle := cellStyle(false, "right", false)
	valueStyle.CustomNumFmt = &valueFmt
	if value, err = f.NewStyle(valueStyle); err != nil {
		return 0, 0, err
	}
	changeStyle := cellStyle(false, "right", false)
	changeStyle.CustomNumFmt = &changeFmt
	if change, err = f.NewStyle(changeStyle); err != nil {
		return 0, 0, err
	}
	return value, change, nil
}

// numberFormats returns the Excel number formats for values with the given
// decimals and for their signed change: "#,##0.0" and
// "+#,##0.0;-#,##0.0;0.0". Excel formats use "," for grouping and "." for
// decimals; the viewer's locale decides what is shown.
func numberFormats(decimals int) (value, change string) {
	frac := ""
	if decimals > 0 {
		frac = "." + strings.Repeat("0", decimals)
	}
	value = "#,##0" + frac
	return value, "+" + value + ";-" + value + ";0" + frac
}

// setDocProps records the workbook's title, author, language and date.
// The date is the report's own, not the time of writing, so the same
// report always gives the same file.
func setDocProps(f *excelize.File, r *report.Report, title string) error {
	date := r.Conference.Date
	if r.BaoCao != nil {
		date = r.BaoCao.Date
	}
	var created string
	if !date.IsZero() {
		created = fmt.Sprintf("%04d-%02d-%02dT00:00:00Z", date.Year, date.Month, date.Day)
	}
	return f.SetDocProps(&excelize.DocProperties{
		Title:    title,
		Subject:  r.Conference.Name,
		Creator:  r.Agency.Name,
		Category: "Phụ lục thống kê",
		Language: "vi-VN",
		Created:  created,
		Modified: created,
	})
}

// setPrinting sets up the printed annex: A4 landscape, one page wide, the
// header row repeated on every page, page numbers centred at the top from
// page 2 as the decree wants. It must run before the stream writer starts,
// which copies these settings from the worksheet.
func setPrinting(f *excelize.File, m *report.Format, headerRow, lastRow int) error {
	fitToPage := true
	if err := f.SetSheetProps(sheetName, &excelize.SheetPropsOptions{FitToPage: &fitToPage}); err != nil {
		return err
	}
	a4, landscape, wide, tall := 9, "landscape", 1, 0
	if err := f.SetPageLayout(sheetName, &excelize.PageLayoutOptions{
		Size:        &a4,
		Orientation: &landscape,
		FitToWidth:  &wide,
		FitToHeight: &tall,
	}); err != nil {
		return err
	}
	inches := func(mm, fallback float64) *float64 {
		if mm == 0 {
			mm = fallback
		}
		v := mm / 25.4
		return &v
	}
	centred := true
	if err := f.SetPageMargins(sheetName, &excelize.PageLayoutMarginsOptions{
		Top:          inches(m.MarginTop, defaultMarginTop),
		Bottom:       inches(m.MarginBottom, defaultMarginBottom),
		Left:         inches(m.MarginLeft, defaultMarginLeft),
		Right:        inches(m.MarginRight, defaultMarginRight),
		Header:       inches(headerMargin, headerMargin),
		Footer:       inches(headerMargin, headerMargin),
		Horizontally: &centred,
	}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheetName, &excelize.HeaderFooterOptions{
		DifferentFirst: true,
		OddHeader:      `&C&"` + fontName + `,Regular"&13&P`,
	}); err != nil {
		return err
	}
	sheet := "'" + strings.ReplaceAll(sheetName, "'", "''") + "'!"
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("%s$%d:$%d", sheet, headerRow, headerRow),
		Scope:    sheetName,
	}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Area",
		RefersTo: fmt.Sprintf("%s$A$1:$%s$%d", sheet, colLetter(numCols), lastRow),
		Scope:    sheetName,
	})
}
