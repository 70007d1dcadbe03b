// Package xlsx writes the annex workbook (phụ lục) of a report: the
// statistics, a chart of each indicator group, the commendations, the
// delegates and every further annex table, one sheet each, ready to print
// and agreeing with the PDF figure for figure.
//
// Every derived figure — a difference, a percentage, a total — is a live
// formula that also stores its computed value, so programs that read a
// workbook without calculating it (excelize, pandas, a LibreOffice export
// without recalculation) see the same figures as Excel. excelize keeps a
// formula and a numeric cached value together only through its stream
// writer; its cell setters either drop the formula or store the value as
// text. The table sheets are therefore written with a StreamWriter, which
// also keeps a 100.000-row annex in little memory, and every sheet setting
// the stream writer copies from the worksheet is made before it starts.
//
// Headings follow nd30.md §5 and number the annexes as the PDF does
// (document.buildAnnexes): the report's further annexes are Phụ lục I, II …
// in their order, and their sheets carry the same label, title and
// "(Kèm theo …)" line. The statistics (a table in the body of the PDF),
// their charts, the commendations and the delegates are not annexes of the
// PDF, so their sheets open with their title alone, unnumbered ("SỐ LIỆU
// THỐNG KÊ …", "DANH SÁCH ĐẠI BIỂU …"): a number there would clash with
// the PDF's Phụ lục I.
package xlsx

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"baocao/render/report"
	"baocao/render/viet"
)

// Sheet names of the fixed sheets, in the order they appear; the further
// annexes follow, named after their titles.
const (
	IndicatorSheet    = "Chỉ tiêu"
	ChartSheet        = "Biểu đồ"
	CommendationSheet = "Khen thưởng"
	DelegateSheet     = "Đại biểu"
)

// Fonts: the decree's Times New Roman; the annex heading at 14 pt as in
// Phụ lục I of Nghị định 30, tables one size smaller so that wide tables
// fit across a landscape page.
const (
	fontName    = "Times New Roman"
	headingSize = 14
	tableSize   = 12
	footerSize  = 10
)

// Page margins in mm used when the report leaves them unset: the PDF's
// defaults (README, "Choices"), so that both print alike.
const (
	defaultMarginTop    = 20
	defaultMarginBottom = 20
	defaultMarginLeft   = 30
	defaultMarginRight  = 15
	// headerMargin is the distance of the footer from the bottom edge.
	headerMargin = 10
)

// totalLabel labels a row of totals (nd30.md §5).
const totalLabel = "TỔNG CỘNG"

// HasData reports whether r has figures for a workbook: statistics,
// commendations or an annex table. The delegates' sheet comes with them;
// on its own, a list of names is no statistics annex. Build fails on a
// report that has none.
func HasData(r *report.Report) bool {
	if r == nil {
		return false
	}
	for _, a := range r.Annexes {
		if a.Table != nil {
			return true
		}
	}
	return len(r.Statistics.Groups) > 0 || len(r.Commendations.Awards) > 0
}

// Build lays out the annex workbook of r. The caller owns the file and
// must Close it. A text or part of r the workbook cannot hold (see Check)
// is a report.Errors, each at the place in the YAML to fix.
func Build(r *report.Report) (*excelize.File, error) {
	w, err := build(r, false)
	if err != nil {
		return nil, err
	}
	return w.f, nil
}

// Check finds, without writing anything, every problem that would stop
// Build: each text of r that a cell or a row cannot hold — Excel's
// 32.767 characters in a cell, its 409 points of a row's height, even
// with the column widened to the page — and each part past the
// workbook's limits (maxGroups, maxAnnexTables, maxColumns). They are a
// report.Errors, each at its place in the YAML.
func Check(r *report.Report) error {
	w, err := build(r, true)
	if err != nil {
		return err
	}
	return w.f.Close()
}

// build builds the workbook of r, or only measures it when checkOnly is
// set; on failure its file is closed.
func build(r *report.Report, checkOnly bool) (*workbook, error) {
	if r == nil {
		return nil, errors.New("xlsx: không có báo cáo để lập phụ lục (nil report)")
	}
	if !HasData(r) {
		return nil, errors.New("xlsx: báo cáo không có số liệu, khen thưởng hay bảng phụ lục nào để lập phụ lục Excel")
	}
	w := &workbook{f: excelize.NewFile(), r: r, styles: map[styleKey]int{}, checkOnly: checkOnly}
	err := w.build()
	switch {
	case err != nil:
		_ = w.f.Close()
		return nil, fmt.Errorf("xlsx: không lập được phụ lục: %w", err)
	case len(w.errs) > 0:
		_ = w.f.Close()
		return nil, w.errs
	}
	return w, nil
}

// Write builds the workbook of r and writes it to w as an .xlsx file.
func Write(w io.Writer, r *report.Report) error {
	f, err := Build(r)
	if err != nil {
		return err
	}
	sortContentTypes(f)
	_, err = f.SetZipWriter(newZipWriter).WriteTo(w)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("xlsx: không ghi được tệp Excel: %w", err)
	}
	return nil
}

// workbook is one workbook being built.
type workbook struct {
	f      *excelize.File
	r      *report.Report
	names  sheetNames
	sheets int // sheets added so far
	styles map[styleKey]int
	header int // the style of column headings
	// checkOnly makes build measure the sheets without writing them.
	checkOnly bool
	// errs are the texts and parts the workbook cannot hold; reported
	// are their YAML paths.
	errs     report.Errors
	reported map[string]bool
}

// build adds every sheet r has data for, or measures them. Problems with
// the report's text are gathered in w.errs: each sheet is then measured,
// and none is written.
func (w *workbook) build() error {
	if w.checkLimits(); len(w.errs) > 0 && !w.checkOnly {
		return nil
	}
	if err := w.f.SetDefaultFont(fontName); err != nil {
		return err
	}
	if err := w.setDocProps(); err != nil {
		return err
	}
	var err error
	if w.header, err = w.headerStyle(); err != nil {
		return err
	}
	if len(w.r.Statistics.Groups) > 0 {
		ind, err := w.indicators()
		if err != nil {
			return err
		}
		if err := w.charts(ind); err != nil {
			return err
		}
	}
	if len(w.r.Commendations.Awards) > 0 {
		if err := w.commendations(); err != nil {
			return err
		}
	}
	if len(w.r.Conference.Delegates) > 0 {
		if err := w.delegates(); err != nil {
			return err
		}
	}
	return w.annexes()
}

// newSheet adds a sheet named name after the ones already there; the
// first takes the place of the new file's empty "Sheet1".
func (w *workbook) newSheet(name string) error {
	w.sheets++
	if w.sheets == 1 {
		return w.f.SetSheetName(w.f.GetSheetName(0), name)
	}
	_, err := w.f.NewSheet(name)
	return err
}

// headingLine is one line of an annex heading, merged across the sheet.
type headingLine struct {
	text         string
	bold, italic bool
	at           string // the YAML path of its text, for a message
}

// annexLabel is the label the PDF gives the report's i-th further annex
// (from 0): Phụ lục I, II … in the order of report.Annexes.
func annexLabel(i int) string {
	return "Phụ lục " + viet.Roman(i+1)
}

// heading returns the heading of a sheet (nd30.md §5): the annex label
// when it has one, the title in capitals and, when the report it belongs
// to is given, the "(Kèm theo Báo cáo số …)" line.
// at is the YAML path of the text the title is made of, for a message.
func (w *workbook) heading(label, title, at string) []headingLine {
	var lines []headingLine
	if label != "" {
		lines = append(lines, headingLine{text: label, bold: true})
	}
	lines = append(lines, headingLine{text: viet.Upper(title), bold: true, at: at})
	if l := w.attachedTo(); l != "" {
		lines = append(lines, headingLine{text: l, italic: true, at: w.attachedAt()})
	}
	return lines
}

// attachedAt is the YAML path of the longest text in the attachedTo line:
// the report's ký hiệu or the agency's name.
func (w *workbook) attachedAt() string {
	a := &w.r.Agency
	at, longest := "bao_cao.code", len(w.r.BaoCao.Code)
	if a.NameInText != "" && len(a.NameInText) > longest {
		at = "agency.name_in_text"
	} else if a.NameInText == "" && len(a.Name) > longest {
		at = "agency.name"
	}
	return at
}

// longerPeriod is the YAML path of the longer of the statistics' two period
// names, which the headings of their sheets are made of.
func (w *workbook) longerPeriod() string {
	if s := &w.r.Statistics; len(s.Previous) > len(s.Current) {
		return "statistics.previous"
	}
	return "statistics.current"
}

// attachedTo is the "(Kèm theo Báo cáo số 15/BC-CAT ngày 15 tháng 01 năm
// 2022 của CÔNG AN THÀNH PHỐ CẦN THƠ)" line, or "" without a report. The
// agency name stays as written (in capitals): turning it into sentence
// case needs to know which words are proper names.
func (w *workbook) attachedTo() string {
	d := w.r.BaoCao
	if d == nil {
		return ""
	}
	return "(Kèm theo Báo cáo số " + viet.DocNumber(d.Number) + "/" + d.Code + " " +
		viet.LongDate(d.Date) + " của " + w.r.Agency.InText() + ")"
}

// setDocProps records the workbook's title, subject, author, language and
// date. The date is the report's own, not the time of writing, so the same
// report always gives the same contents.
func (w *workbook) setDocProps() error {
	r := w.r
	date := r.Conference.Date
	title := "Phụ lục: " + r.Conference.Name
	if d := r.BaoCao; d != nil {
		date = d.Date
		title = "Phụ lục kèm theo Báo cáo số " + viet.DocNumber(d.Number) + "/" + d.Code + ": " + d.Title
	}
	var created string
	if !date.IsZero() {
		created = fmt.Sprintf("%04d-%02d-%02dT00:00:00Z", date.Year, date.Month, date.Day)
	}
	return w.f.SetDocProps(&excelize.DocProperties{
		Title:       title,
		Subject:     r.Conference.Name,
		Creator:     r.Agency.Name,
		Description: w.attachedTo(),
		Category:    "Phụ lục",
		Language:    "vi-VN",
		Created:     created,
		Modified:    created,
	})
}

// setPrinting sets up the printed sheet: A4 landscape, one page wide and as
// many tall as needed, the rows up to titleRow repeated on every page
// (none when titleRow is 0), the agency and "Trang x/y" in the footer, and
// the print area. It must run before a stream writer starts on the sheet,
// which copies these settings from the worksheet.
func (w *workbook) setPrinting(sheet string, titleRow, lastCol, lastRow int) error {
	fitToPage := true
	if err := w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fitToPage}); err != nil {
		return err
	}
	a4, landscape, wide, tall := 9, "landscape", 1, 0
	if err := w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size:        &a4,
		Orientation: &landscape,
		FitToWidth:  &wide,
		FitToHeight: &tall,
	}); err != nil {
		return err
	}
	m := &w.r.Format
	inches := func(mm, fallback float64) *float64 {
		if mm == 0 {
			mm = fallback
		}
		v := mm / 25.4
		return &v
	}
	centred := true
	if err := w.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
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
	if err := w.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: footer(w.r.Agency.Name)}); err != nil {
		return err
	}
	if titleRow > 0 {
		if err := w.f.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Titles",
			RefersTo: fmt.Sprintf("%s$%d:$%d", sheetRef(sheet), titleRow, titleRow),
			Scope:    sheet,
		}); err != nil {
			return err
		}
	}
	return w.f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Area",
		RefersTo: absRange(sheet, 1, 1, lastCol, lastRow),
		Scope:    sheet,
	})
}

// pageWidth is the width between the margins of a landscape A4 page, in
// Excel's column unit (digitPx pixels at 96 dpi), less a little for the
// difference between the column widths Excel and LibreOffice draw.
func (w *workbook) pageWidth() float64 {
	m := &w.r.Format
	mm := 297 - cmp.Or(m.MarginLeft, defaultMarginLeft) - cmp.Or(m.MarginRight, defaultMarginRight)
	return math.Floor(mm/25.4*96/digitPx*0.98*10) / 10
}

// maxFooter is Excel's limit on the length of a header or footer.
const maxFooter = 255

// footer is the page footer: the agency on the left, "Trang 2/5" on the
// right. "&" introduces a code in a footer, so the agency's own is
// doubled; a name too long for Excel's limit is shortened.
func footer(agency string) string {
	font := `&"` + fontName + `,Regular"&` + fmt.Sprint(footerSize)
	right := "&R" + font + "Trang &P/&N"
	name := strings.ReplaceAll(agency, "&", "&&")
	if room := maxFooter - utf8.RuneCountInString("&L"+font+right); utf8.RuneCountInString(name) > room {
		name = strings.TrimRight(string([]rune(name)[:room-1]), "&") + "…"
	}
	return "&L" + font + name + right
}
