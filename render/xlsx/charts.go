package xlsx

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"
)

// The chart sheet is a grid of chartCols equal columns as wide as the
// page together; each chart fills their width and chartRows default rows
// (20 px), one chart to a printed A4 landscape page.
const (
	chartCols     = 12
	chartRows     = 24
	chartGapRows  = 2
	chartHeightPx = chartRows * 20
)

// charts writes the chart sheet of the statistics: for each group a
// clustered column chart of the previous against the current values of
// its indicators. The charts read the statistics sheet's cells, so they
// follow any change made there. Nothing on this sheet is a formula, so it
// is written with the ordinary cell setters.
func (w *workbook) charts(ind *indicatorSheet) error {
	if len(ind.groups) == 0 {
		return nil
	}
	s := &w.r.Statistics
	name := w.names.take(ChartSheet, ChartSheet)
	colWidth := math.Floor(w.pageWidth()/chartCols*10) / 10
	// A few pixels short of the columns, so that the chart ends inside the
	// print area whatever a program's rounding of column widths.
	widthPx := uint(chartCols*colWidth*digitPx) - 10
	heading := w.heading("", "Biểu đồ số liệu thống kê "+s.Current+" so với "+s.Previous, w.longerPeriod())
	for _, l := range heading {
		w.checkHeading(name, l, chartCols*colWidth)
	}
	if w.checkOnly || len(w.errs) > 0 {
		return nil
	}
	if err := w.newSheet(name); err != nil {
		return err
	}
	if err := w.f.SetColWidth(name, colLetters(1), colLetters(chartCols), colWidth); err != nil {
		return err
	}
	for i, l := range heading {
		row := i + 1
		style, err := w.headingStyle(l)
		if err != nil {
			return err
		}
		n := lineCount(l.text, headingSize, l.bold, chartCols*colWidth)
		for _, err := range []error{
			w.f.SetCellValue(name, ref(1, row), l.text),
			w.f.MergeCell(name, ref(1, row), ref(chartCols, row)),
			w.f.SetCellStyle(name, ref(1, row), ref(chartCols, row), style),
			w.f.SetRowHeight(name, row, rowHeight(n, headingSize)),
		} {
			if err != nil {
				return err
			}
		}
	}
	top := len(heading) + 2
	for i, g := range ind.groups {
		if i > 0 {
			if err := w.f.InsertPageBreak(name, ref(1, top)); err != nil {
				return err
			}
		}
		if err := w.f.AddChart(name, ref(1, top), groupChart(ind, g, s.Previous, s.Current, widthPx)); err != nil {
			return err
		}
		top += chartRows + chartGapRows
	}
	return w.setPrinting(name, 0, chartCols, top-chartGapRows-1)
}

// groupChart is the chart of one group's indicators.
func groupChart(ind *indicatorSheet, g statGroup, previous, current string, widthPx uint) *excelize.Chart {
	font := func(size float64, bold bool) excelize.Font {
		return excelize.Font{Family: fontName, Size: size, Bold: bold, Color: "000000"}
	}
	title := func(text string, size float64, bold bool) excelize.ChartTitle {
		f := font(size, bold)
		return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: text, Font: &f}}}
	}
	// Indicators of mixed units share the axis; each keeps its unit in
	// the table.
	unit := "Số lượng (theo ĐVT)"
	if g.unit != "" {
		unit = "Số lượng (" + g.unit + ")"
	}
	column := func(col int) string { return absRange(ind.name, col, g.first, col, g.last) }
	series := func(col int) excelize.ChartSeries {
		return excelize.ChartSeries{
			Name:       fmt.Sprintf("%s$%s$%d", sheetRef(ind.name), colLetters(col), ind.headerRow),
			Categories: column(colName),
			Values:     column(col),
		}
	}
	legend := font(11, false)
	return &excelize.Chart{
		Type:      excelize.Col,
		Series:    []excelize.ChartSeries{series(colPrevious), series(colCurrent)},
		Title:     title(g.title, headingSize, true),
		XAxis:     excelize.ChartAxis{Title: title("Chỉ tiêu", 11, true), Font: font(10, false)},
		YAxis:     excelize.ChartAxis{Title: title(unit, 11, true), Font: font(10, false), MajorGridLines: true},
		Legend:    excelize.ChartLegend{Position: "bottom", Font: &legend},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		Dimension: excelize.ChartDimension{Width: widthPx, Height: chartHeightPx},
		Format: excelize.GraphicOptions{
			AltText: "Biểu đồ " + g.title + ": " + previous + " và " + current,
		},
	}
}
