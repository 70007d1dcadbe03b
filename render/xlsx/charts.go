package xlsx

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The chart sheet is a grid of chartCols equal columns as wide as the
// page together. A chart spans all of them, or half when it has few
// indicators, and chartRows rows of rowPx; the charts follow one another
// in lines, chartGapRows apart, as many lines to a printed A4 landscape
// page as fit.
const (
	chartCols    = 12
	chartRows    = 13
	chartGapRows = 1
	rowPx        = 20 // the height of the rows under the charts: Excel's default
	// labelSize is the size of the axes' and the columns' labels, in pt.
	labelSize = 10
	// clusterGap is the space between two indicators' pairs of columns,
	// in hundredths of a column (Excel's gap width; its default is 150).
	clusterGap = 60
	// minSlotPx is the least width of an indicator's place along the
	// axis: its name wraps inside it.
	minSlotPx = 110
	// labelPadPx keeps a column's label clear of its neighbour's.
	labelPadPx = 8
	// plotMarginPx is what a chart's width spends besides the value axis's
	// labels and the plot: its frame and paddings, estimated generously.
	plotMarginPx = 60
)

// chartPlan is one chart: the indicators of one group counted in one unit,
// compared between the two periods.
type chartPlan struct {
	title string // "I. Tình hình tội phạm", "… (tiếp theo)" when a group's unit fills several
	unit  string
	rows  []statRow
	half  bool // half the sheet's width
}

// planCharts plans the charts of the statistics: one for each unit of each
// group, so that a column of "lượt" never stands on the axis of one of "%"
// — split into several when the indicators are too many for each column's
// label to fit over it. A chart of few indicators takes half the width.
func planCharts(groups []statGroup, widthPx float64) []chartPlan {
	var out []chartPlan
	for _, g := range groups {
		var units []string
		byUnit := map[string][]statRow{}
		for _, r := range g.rows {
			if _, ok := byUnit[r.unit]; !ok {
				units = append(units, r.unit)
			}
			byUnit[r.unit] = append(byUnit[r.unit], r)
		}
		for _, u := range units {
			rows := byUnit[u]
			half, full := fitCategories(rows, widthPx/2), fitCategories(rows, widthPx)
			if len(rows) <= half {
				out = append(out, chartPlan{title: g.title, unit: u, rows: rows, half: true})
				continue
			}
			// As many charts as needed, of nearly equal size.
			n := (len(rows) + full - 1) / full
			for i := range n {
				title := g.title
				if i > 0 {
					title += " (tiếp theo)"
				}
				part := rows[i*len(rows)/n : (i+1)*len(rows)/n]
				out = append(out, chartPlan{title: title, unit: u, rows: part})
			}
		}
	}
	return out
}

// fitCategories is how many indicators of rows a chart widthPx wide can
// show with each column's label no wider than the column, and each name
// at least minSlotPx to wrap in: at least one.
func fitCategories(rows []statRow, widthPx float64) int {
	label, top := 0.0, 0.0
	for _, r := range rows {
		for _, v := range []float64{r.prev, r.cur} {
			label = max(label, textPx(shownNumber(v, r.decimals, false), labelSize, false))
			top = max(top, v)
		}
	}
	end, _, decimals := valueAxis(top)
	axis := textPx(shownNumber(end, decimals, false), labelSize, false)
	plot := widthPx - axis - plotMarginPx
	slot := max(minSlotPx, (label+labelPadPx)*(2+clusterGap/100.0))
	return max(1, int(plot/slot))
}

// charts writes the chart sheet of the statistics (see planCharts). The
// charts read the statistics sheet's cells, so they follow any change
// made there. Nothing on this sheet is a formula, so it is written with
// the ordinary cell setters.
func (w *workbook) charts(ind *indicatorSheet) error {
	if len(ind.groups) == 0 {
		return nil
	}
	s := &w.r.Statistics
	name := w.names.take(ChartSheet, ChartSheet)
	colWidth := math.Floor(w.pageWidth()/chartCols*10) / 10
	// The width of a column as the narrowest program draws it.
	colPx := colWidth * digitPx
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
	headingPt := 0.0
	for i, l := range heading {
		row := i + 1
		style, err := w.headingStyle(l)
		if err != nil {
			return err
		}
		h := rowHeight(lineCount(l.text, headingSize, l.bold, chartCols*colWidth), headingSize)
		headingPt += h
		for _, err := range []error{
			w.f.SetCellValue(name, ref(1, row), l.text),
			w.f.MergeCell(name, ref(1, row), ref(chartCols, row)),
			w.f.SetCellStyle(name, ref(1, row), ref(chartCols, row), style),
			w.f.SetRowHeight(name, row, h),
		} {
			if err != nil {
				return err
			}
		}
	}
	// Rows of charts to a page: the first page also holds the heading
	// and the empty row under it.
	rowStep := chartRows + chartGapRows
	perPage := func(usedPx float64) int {
		return max(1, int((w.pageHeightPx()-usedPx+chartGapRows*rowPx)/float64(rowStep*rowPx)))
	}
	onPage := perPage(headingPt*96/72 + rowPx)
	top, onThis := len(heading)+2, 0
	for _, line := range chartLines(planCharts(ind.groups, chartCols*colPx)) {
		if onThis == onPage {
			if err := w.f.InsertPageBreak(name, ref(1, top)); err != nil {
				return err
			}
			onPage, onThis = perPage(0), 0
		}
		// A chart is drawn over the rows it is anchored to, at their
		// height, whatever size the file gives it: their height is set, as
		// programs' defaults differ, before excelize anchors the charts.
		for r := top; r < top+rowStep; r++ {
			if err := w.f.SetRowHeight(name, r, rowPx*72/96.0); err != nil {
				return err
			}
		}
		// One chart of half the width stands in the middle of its line.
		col := 0
		if len(line) == 1 && line[0].half {
			col = chartCols / 4
		}
		for _, p := range line {
			span := chartCols
			if p.half {
				span = chartCols / 2
			}
			c := w.chart(ind, p)
			c.Dimension, c.Format.OffsetX, c.Format.OffsetY = chartBox(span, colWidth)
			if err := w.f.AddChart(name, ref(col+1, top), c); err != nil {
				return err
			}
			col += span
		}
		top += rowStep
		onThis++
	}
	return w.setPrinting(name, 0, chartCols, top-chartGapRows-1)
}

// Space around a chart inside its cells, in pixels: between two side by
// side and under one, where a page may end.
const (
	chartGapX = 16
	chartGapY = 3
)

// chartBox returns the size and the offsets in its first cell of a chart
// spanning span columns colWidth wide and chartRows rows: chartGapX/2 in
// from its first column's left edge and as far from its last column's
// right edge, chartGapY below its first row's top and above its last
// row's foot. excelize finds the cell a chart ends in by its own pixel
// sizes of columns and rows (8 px a character, 4/3,4 px a point), larger
// than any program's; the size is given in those, so that the chart ends
// where it should in the cells a program draws.
func chartBox(span int, colWidth float64) (d excelize.ChartDimension, x, y int) {
	colX := math.Floor(colWidth*8 + 0.5)
	rowX := math.Ceil(rowPx * 72 / 96.0 * 4 / 3.4)
	// The last column's share, measured as the narrowest program draws it.
	last := colWidth*digitPx - chartGapX/2
	w := float64(span-1)*colX + last - chartGapX/2
	h := float64(chartRows-1)*rowX + rowPx - 2*chartGapY
	return excelize.ChartDimension{Width: uint(w), Height: uint(h)}, chartGapX / 2, chartGapY
}

// chartLines groups the charts into the lines of the sheet: a whole-width
// chart alone, two of half the width side by side.
func chartLines(plans []chartPlan) [][]chartPlan {
	var lines [][]chartPlan
	for _, p := range plans {
		if n := len(lines); n > 0 && p.half && len(lines[n-1]) == 1 && lines[n-1][0].half {
			lines[n-1] = append(lines[n-1], p)
			continue
		}
		lines = append(lines, []chartPlan{p})
	}
	return lines
}

// pageHeightPx is the height of a printed page between its margins, in
// the sheet's pixels, with the same allowance as pageWidth for a
// program's rounding.
func (w *workbook) pageHeightPx() float64 {
	m := &w.r.Format
	mm := 210 - cmp.Or(m.MarginTop, defaultMarginTop) - cmp.Or(m.MarginBottom, defaultMarginBottom)
	return mm / 25.4 * 96 * 0.98
}

// chart is the clustered column chart of p: the group's title and the
// unit over the plot; the value axis from zero, its numbers grouped as
// the table's; each column's value above it. Its size and place are
// chartBox's.
func (w *workbook) chart(ind *indicatorSheet, p chartPlan) *excelize.Chart {
	s := &w.r.Statistics
	font := func(size float64, bold, italic bool) *excelize.Font {
		return &excelize.Font{Family: fontName, Size: size, Bold: bold, Italic: italic, Color: "000000"}
	}
	// excelize sets each run of a title as a line of its own.
	title := []excelize.RichTextRun{{Text: p.title, Font: font(12, true, false)}}
	if p.unit != "" {
		title = append(title, excelize.RichTextRun{Text: "Đơn vị tính: " + p.unit, Font: font(11, false, true)})
	}
	top := 0.0
	for _, r := range p.rows {
		top = max(top, r.prev, r.cur)
	}
	axisMax, step, decimals := valueAxis(top)
	axisFormat, _ := numberFormats(decimals)
	series := func(col int) excelize.ChartSeries {
		return excelize.ChartSeries{
			Name:              fmt.Sprintf("%s$%s$%d", sheetRef(ind.name), colLetters(col), ind.headerRow),
			Categories:        cells(ind.name, colName, p.rows),
			Values:            cells(ind.name, col, p.rows),
			DataLabel:         excelize.ChartDataLabel{Font: *font(labelSize, false, false)},
			DataLabelPosition: excelize.ChartDataLabelsPositionOutsideEnd,
		}
	}
	zero := 0.0
	gap := uint(clusterGap)
	return &excelize.Chart{
		Type:   excelize.Col,
		Series: []excelize.ChartSeries{series(colPrevious), series(colCurrent)},
		Title:  excelize.ChartTitle{Paragraph: title},
		XAxis:  excelize.ChartAxis{Font: *font(labelSize, false, false)},
		YAxis: excelize.ChartAxis{Font: *font(labelSize, false, false), MajorGridLines: true,
			Minimum: &zero, Maximum: &axisMax, MajorUnit: step, NumFmt: excelize.ChartNumFmt{CustomNumFmt: axisFormat}},
		Legend:   excelize.ChartLegend{Position: "bottom", Font: font(11, false, false)},
		PlotArea: excelize.ChartPlotArea{ShowVal: true},
		GapWidth: &gap,
		Format: excelize.GraphicOptions{
			AltText: "Biểu đồ " + p.title + " (" + cmp.Or(p.unit, "không có đơn vị") + "): " + s.Previous + " và " + s.Current,
		},
	}
}

// valueAxis returns the scale of a value axis from zero for values up to
// top: its end, its step — 1, 2, 2,5 or 5 times a power of ten, six steps
// at most — and the decimals its numbers need. The axis ends at least an
// eighth above top, so that the label over the highest column stays
// inside the plot, clear of the title; every program draws this scale.
func valueAxis(top float64) (end, step float64, decimals int) {
	if top <= 0 {
		return 1, 1, 0
	}
	room := top * 1.125
	mag := math.Pow(10, math.Floor(math.Log10(room/6)))
	step = 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*mag >= room/6 {
			step = m * mag
			break
		}
	}
	// The decimals of the step as written shortest: 0,25 has two.
	if _, frac, ok := strings.Cut(strconv.FormatFloat(step, 'f', -1, 64), "."); ok {
		decimals = len(frac)
	}
	end = math.Ceil(room/step-1e-9) * step
	unit := math.Pow(10, float64(decimals))
	return math.Round(end*unit) / unit, step, decimals
}

// cells refers to column col of rows of sheet, for a chart: one range of
// consecutive rows, else a union of them, "('Chỉ tiêu'!$D$6:$D$7,'Chỉ
// tiêu'!$D$9)", which Excel and LibreOffice read alike.
func cells(sheet string, col int, rows []statRow) string {
	var parts []string
	for i := 0; i < len(rows); {
		j := i + 1
		for j < len(rows) && rows[j].row == rows[j-1].row+1 {
			j++
		}
		parts = append(parts, absRange(sheet, col, rows[i].row, col, rows[j-1].row))
		i = j
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "(" + strings.Join(parts, ",") + ")"
}
