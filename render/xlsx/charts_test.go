package xlsx

import (
	"fmt"
	"math"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"baocao/render/report"
	"baocao/render/xlsx/xlsxtest"
)

// chartXML is the part of a chart's XML the tests look into.
type chartXML struct {
	// Title holds the title's lines: the group, then the unit.
	Title []string `xml:"chart>title>tx>rich>p>r>t"`
	Bar   struct {
		Dir      valXML `xml:"barDir"`
		Grouping valXML `xml:"grouping"`
		GapWidth valXML `xml:"gapWidth"`
		Series   []struct {
			Name   string `xml:"tx>strRef>f"`
			Cat    string `xml:"cat>strRef>f"`
			Values string `xml:"val>numRef>f"`
			Labels struct {
				Pos  valXML `xml:"dLblPos"`
				Show valXML `xml:"showVal"`
			} `xml:"dLbls"`
		} `xml:"ser"`
	} `xml:"chart>plotArea>barChart"`
	ValAx struct {
		Min    *valXML `xml:"scaling>min"`
		Max    *valXML `xml:"scaling>max"`
		Unit   *valXML `xml:"majorUnit"`
		NumFmt struct {
			Code   string `xml:"formatCode,attr"`
			Linked bool   `xml:"sourceLinked,attr"`
		} `xml:"numFmt"`
	} `xml:"chart>plotArea>valAx"`
}

// valXML is an element with a val attribute.
type valXML struct {
	Val string `xml:"val,attr"`
}

// anchorXML is the drawing's anchors: the cells each chart spans.
type anchorXML struct {
	Anchors []struct {
		From cellXML `xml:"from"`
		To   cellXML `xml:"to"`
	} `xml:"twoCellAnchor"`
}

// cellXML is a cell of a drawing anchor, counted from 0, and the offset in
// it, in EMU.
type cellXML struct {
	Col    int `xml:"col"`
	ColOff int `xml:"colOff"`
	Row    int `xml:"row"`
	RowOff int `xml:"rowOff"`
}

// chartReport is sampleReport with a group of one unit between the two,
// a group without indicators, which gets no chart, and a group of many
// large figures in one unit, too many for one chart.
func chartReport() *report.Report {
	r := sampleReport()
	var pop []report.Indicator
	for i := range 11 {
		pop = append(pop, report.Indicator{Name: fmt.Sprintf("Nhân khẩu thường trú phường %d", i+1), Unit: "người",
			Previous: 1_234_567 + float64(i)*1_111, Current: 1_240_000 + float64(i)*999})
	}
	r.Statistics.Groups = slices.Insert(r.Statistics.Groups, 1,
		report.Group{Title: "Trống"},
		report.Group{Title: "Ma túy", Indicators: []report.Indicator{
			{Name: "Số vụ", Unit: "vụ", Previous: 40, Current: 43},
			{Name: "Số đối tượng", Unit: "vụ", Previous: 52, Current: 61},
		}})
	r.Statistics.Groups = append(r.Statistics.Groups, report.Group{Title: "Dân cư", Indicators: pop})
	return r
}

// refRows reads the rows a chart's reference names: "'S'!$D$6:$D$7" or a
// union "('S'!$D$6:$D$6,'S'!$D$8:$D$8)", all of column col.
func refRows(t *testing.T, ref, sheet, col string) []int {
	t.Helper()
	inner := strings.TrimSuffix(strings.TrimPrefix(ref, "("), ")")
	var rows []int
	for part := range strings.SplitSeq(inner, ",") {
		m := regexp.MustCompile(`^(.*)\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$`).FindStringSubmatch(part)
		if m == nil || m[1] != sheetRef(sheet) || m[2] != col || m[4] != col {
			t.Fatalf("reference %q: want ranges of column %s of %s", ref, col, sheet)
		}
		from, _ := strconv.Atoi(m[3])
		to, _ := strconv.Atoi(m[5])
		for r := from; r <= to; r++ {
			rows = append(rows, r)
		}
	}
	return rows
}

// TestCharts: each chart compares the two periods for the indicators of
// one group counted in one unit — never "vụ" and "%" on one axis — on a
// value axis from zero whose numbers are grouped as the table's, with
// room above the highest column for its label; every indicator is in one
// chart, in the table's order; a unit with more indicators than fit is
// continued in another chart.
func TestCharts(t *testing.T) {
	r := chartReport()
	f, data := reopen(t, r)
	zr := parts(t, data)
	stats, err := f.GetRows(IndicatorSheet)
	if err != nil {
		t.Fatal(err)
	}
	cell := func(row, col int) string {
		if row-1 < len(stats) && col-1 < len(stats[row-1]) {
			return stats[row-1][col-1]
		}
		return ""
	}
	// The indicator rows of the table, in order, with their group.
	type indicatorRow struct {
		row   int
		group string
	}
	var want []indicatorRow
	group := ""
	for i, rec := range stats {
		if len(rec) < 2 || i+1 <= 4 { // the heading and the header row
			continue
		}
		if _, err := strconv.Atoi(rec[0]); err == nil {
			want = append(want, indicatorRow{i + 1, group})
		} else if rec[0] != "" && strings.Trim(rec[0], "IVXLC") == "" {
			group = rec[0] + ". " + rec[1]
		}
	}
	var got []indicatorRow
	for i := 1; ; i++ {
		name := fmt.Sprintf("xl/charts/chart%d.xml", i)
		if _, err := zr.Open(name); err != nil {
			break
		}
		var c chartXML
		decodePart(t, zr, name, &c)
		if c.Bar.Dir.Val != "col" || c.Bar.Grouping.Val != "clustered" || len(c.Bar.Series) != 2 {
			t.Fatalf("chart %d: %s %s of %d series, want clustered columns of previous and current", i, c.Bar.Dir.Val, c.Bar.Grouping.Val, len(c.Bar.Series))
		}
		rows := refRows(t, c.Bar.Series[0].Cat, IndicatorSheet, "B")
		units := map[string]bool{}
		top := 0.0
		for _, row := range rows {
			units[cell(row, colUnit)] = true
			for _, col := range []int{colPrevious, colCurrent} {
				v, _ := strconv.ParseFloat(value(t, f, IndicatorSheet, ref(col, row), true), 64)
				top = max(top, v)
			}
		}
		unit := cell(rows[0], colUnit)
		if len(units) != 1 {
			t.Errorf("chart %d shows the units %v on one axis", i, units)
		}
		if len(c.Title) != 2 || c.Title[1] != "Đơn vị tính: "+unit {
			t.Errorf("chart %d titled %q, want its group, then \"Đơn vị tính: %s\"", i, c.Title, unit)
		}
		for s, col := range []string{"D", "E"} {
			ser := c.Bar.Series[s]
			if w := sheetRef(IndicatorSheet) + "$" + col + "$4"; ser.Name != w {
				t.Errorf("chart %d series %d named by %q, want the header %q", i, s, ser.Name, w)
			}
			if ser.Cat != c.Bar.Series[0].Cat || !slices.Equal(refRows(t, ser.Values, IndicatorSheet, col), rows) {
				t.Errorf("chart %d series %d: categories %q, values %q; want the rows %v", i, s, ser.Cat, ser.Values, rows)
			}
			if ser.Labels.Show.Val != "1" || ser.Labels.Pos.Val != "outEnd" {
				t.Errorf("chart %d series %d: labels shown %q at %q, want each value over its column", i, s, ser.Labels.Show.Val, ser.Labels.Pos.Val)
			}
		}
		ax := c.ValAx
		if ax.Min == nil || ax.Min.Val != "0" {
			t.Errorf("chart %d: the value axis starts at %+v, want 0", i, ax.Min)
		}
		end, step := 0.0, 0.0
		if ax.Max != nil && ax.Unit != nil {
			end, _ = strconv.ParseFloat(ax.Max.Val, 64)
			step, _ = strconv.ParseFloat(ax.Unit.Val, 64)
		}
		if end < top*1.125 || step <= 0 || end/step > 7 || math.Abs(end/step-math.Round(end/step)) > 1e-9 {
			t.Errorf("chart %d: axis to %v by %v for values up to %v; want whole steps, at most 7, past %v", i, end, step, top, top*1.125)
		}
		if !strings.HasPrefix(ax.NumFmt.Code, "#,##0") || ax.NumFmt.Linked {
			t.Errorf("chart %d: axis numbers formatted %q (linked %v), want grouped as the table's, #,##0", i, ax.NumFmt.Code, ax.NumFmt.Linked)
		}
		for _, row := range rows {
			got = append(got, indicatorRow{row, strings.TrimSuffix(c.Title[0], " (tiếp theo)")})
		}
	}
	// Each indicator once, the groups in order; in a group, a unit's
	// chart comes where the unit first does.
	order := map[string]int{}
	for i, w := range want {
		if _, ok := order[w.group]; !ok {
			order[w.group] = i
		}
	}
	byGroup := func(a, b indicatorRow) int { return order[a.group] - order[b.group] }
	byRow := func(a, b indicatorRow) int { return a.row - b.row }
	if !slices.IsSortedFunc(got, byGroup) || !slices.Equal(slices.SortedFunc(slices.Values(got), byRow), want) {
		t.Errorf("the charts show the rows %v, want each indicator once, by group: %v", got, want)
	}
}

// TestChartsSplit: a unit's indicators too many for their labels to fit
// over their columns are shared out between charts of nearly equal size,
// the later ones titled "(tiếp theo)"; few indicators take half the width.
func TestChartsSplit(t *testing.T) {
	r := chartReport()
	_, groups := planStatistics(&r.Statistics, 5)
	plans := planCharts(groups, 1000)
	var pop []chartPlan
	for _, p := range plans {
		if strings.Contains(p.title, "Dân cư") {
			pop = append(pop, p)
		} else if !p.half {
			t.Errorf("%s (%s): %d indicators on the whole width, want half", p.title, p.unit, len(p.rows))
		}
	}
	if len(pop) < 2 {
		t.Fatalf("11 indicators of 7 digits in %d chart", len(pop))
	}
	for i, p := range pop {
		if (i > 0) != strings.HasSuffix(p.title, " (tiếp theo)") || p.half {
			t.Errorf("chart %d of the group: %q, half %v", i+1, p.title, p.half)
		}
		if d := len(p.rows) - len(pop[0].rows); d < -1 || d > 1 {
			t.Errorf("charts of %d and %d indicators, want nearly equal", len(pop[0].rows), len(p.rows))
		}
		if n := len(p.rows); n > fitCategories(p.rows, 1000) {
			t.Errorf("chart %d: %d indicators, %d fit", i+1, n, fitCategories(p.rows, 1000))
		}
	}
}

// TestChartLayout: the charts stand in lines on the chart sheet, each over
// exactly its columns — the whole width, or half — and chartRows rows, in
// from their edges, none over another; a lone half-width chart in the
// middle; a page break before each page's first line, and no line cut.
func TestChartLayout(t *testing.T) {
	r := chartReport()
	f, data := reopen(t, r)
	zr := parts(t, data)
	var d anchorXML
	decodePart(t, zr, "xl/drawings/drawing1.xml", &d)
	var ws worksheetXML
	decodePart(t, zr, sheetPart(t, f, ChartSheet), &ws)
	const emu = 9525 // to a pixel
	lines := map[int][][2]int{}
	var starts []int
	for i, a := range d.Anchors {
		cols := a.To.Col - a.From.Col + 1
		if (cols != chartCols && cols != chartCols/2) || a.To.Row-a.From.Row != chartRows-1 {
			t.Errorf("chart %d spans %d columns and %d rows, want %d or %d by %d", i+1, cols, a.To.Row-a.From.Row+1, chartCols, chartCols/2, chartRows)
		}
		if a.From.ColOff != chartGapX/2*emu || a.From.RowOff != chartGapY*emu || a.To.ColOff == 0 || a.To.RowOff != (rowPx-chartGapY)*emu {
			t.Errorf("chart %d: offsets %+v → %+v, want in from its cells' edges", i+1, a.From, a.To)
		}
		for _, o := range lines[a.From.Row] {
			if a.From.Col <= o[1] && o[0] <= a.To.Col {
				t.Errorf("chart %d over another, in columns %v", i+1, o)
			}
		}
		if len(lines[a.From.Row]) == 0 {
			starts = append(starts, a.From.Row)
		}
		lines[a.From.Row] = append(lines[a.From.Row], [2]int{a.From.Col, a.To.Col})
	}
	for row, l := range lines {
		if len(l) == 1 && l[0][1]-l[0][0]+1 == chartCols/2 && l[0][0] != chartCols/4 {
			t.Errorf("the half-width chart alone on row %d starts at column %d, want %d", row, l[0][0], chartCols/4)
		}
	}
	if len(ws.RowBreaks) == 0 {
		t.Fatalf("%d lines of charts on one page", len(starts))
	}
	for _, b := range ws.RowBreaks {
		// A break after row b.ID (counted from 1) stands right above a line.
		if !slices.Contains(starts, b.ID) {
			t.Errorf("page break after row %d, lines of charts start at rows %v", b.ID, starts)
		}
	}
}

// TestLibreOfficeCharts: as LibreOffice draws the charts, no label lies
// over another — the values over the columns, the indicators' names, the
// axes' numbers, the titles — and the value axis's numbers are grouped.
func TestLibreOfficeCharts(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext không có trên PATH — cài poppler-utils để chạy kiểm tra này")
	}
	out := xlsxtest.Convert(t, writeFile(t, chartReport()), "pdf", false)
	html, err := exec.Command("pdftotext", "-bbox", filepath.Join(out, "phu-luc.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	word := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	charts := false
	seen := 0
	for i, page := range strings.Split(string(html), "<page ")[1:] {
		if strings.Contains(page, ">BIỂU</word>") {
			charts = true
		} else if strings.Contains(page, ">KHEN</word>") {
			break
		}
		if !charts {
			continue
		}
		type box struct {
			x0, y0, x1, y1 float64
			s              string
		}
		var boxes []box
		for _, m := range word.FindAllStringSubmatch(page, -1) {
			var b box
			for j, p := range []*float64{&b.x0, &b.y0, &b.x1, &b.y1} {
				*p, _ = strconv.ParseFloat(m[j+1], 64)
			}
			b.s = m[5]
			boxes = append(boxes, b)
			// A number of five digits or more is grouped: 140,000.
			if regexp.MustCompile(`^\d{5,}$`).MatchString(b.s) {
				t.Errorf("page %d: the number %s is not grouped", i+1, b.s)
			}
		}
		seen++
		// A word's box is its font's, taller than its letters: the boxes of
		// two lines one above the other overlap a little. Words drawn over
		// one another overlap across, and by much of their height.
		const tolerance = 0.3 // pt
		for a := range boxes {
			for b := a + 1; b < len(boxes); b++ {
				p, q := boxes[a], boxes[b]
				tall := 0.4 * min(p.y1-p.y0, q.y1-q.y0)
				if min(p.x1, q.x1)-max(p.x0, q.x0) > tolerance && min(p.y1, q.y1)-max(p.y0, q.y0) > tall {
					t.Errorf("page %d: %q and %q overlap", i+1, p.s, q.s)
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("no page of charts")
	}
}
