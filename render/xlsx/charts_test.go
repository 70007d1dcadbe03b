package xlsx

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"baocao/render/report"
)

// chartXML is the part of a chart's XML the test looks into.
type chartXML struct {
	Title []string `xml:"chart>title>tx>rich>p>r>t"`
	Bar   struct {
		Dir struct {
			Val string `xml:"val,attr"`
		} `xml:"barDir"`
		Grouping struct {
			Val string `xml:"val,attr"`
		} `xml:"grouping"`
		Series []struct {
			Name   string `xml:"tx>strRef>f"`
			Cat    string `xml:"cat>strRef>f"`
			Values string `xml:"val>numRef>f"`
		} `xml:"ser"`
	} `xml:"chart>plotArea>barChart"`
	CatTitle []string `xml:"chart>plotArea>catAx>title>tx>rich>p>r>t"`
	ValTitle []string `xml:"chart>plotArea>valAx>title>tx>rich>p>r>t"`
}

// anchorXML is the drawing's anchors: the cells each chart spans.
type anchorXML struct {
	Anchors []struct {
		From cellXML `xml:"from"`
		To   cellXML `xml:"to"`
	} `xml:"twoCellAnchor"`
}

// cellXML is a cell of a drawing anchor, counted from 0.
type cellXML struct {
	Col int `xml:"col"`
	Row int `xml:"row"`
}

func TestCharts(t *testing.T) {
	r := sampleReport()
	// A third group, of one unit, between two charted ones; a group
	// without indicators gets no chart.
	r.Statistics.Groups = slices.Insert(r.Statistics.Groups, 1,
		report.Group{Title: "Trống"},
		report.Group{Title: "Ma túy", Indicators: []report.Indicator{
			{Name: "Số vụ", Unit: "vụ", Previous: 40, Current: 43},
			{Name: "Số đối tượng", Unit: "vụ", Previous: 52, Current: 61},
		}})
	f, data := reopen(t, r)
	zr := parts(t, data)
	q := "'" + IndicatorSheet + "'!"
	tests := []struct {
		title, unit string
		rows        string // the indicator rows of the group
	}{
		{"I. Phạm pháp hình sự", "Số lượng (theo ĐVT)", "6:$%s$8"},
		{"III. Ma túy", "Số lượng (vụ)", "11:$%s$12"},
		{"IV. Tai nạn giao thông", "Số lượng (theo ĐVT)", "14:$%s$15"},
	}
	var charts []string
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			charts = append(charts, zf.Name)
		}
	}
	if len(charts) != len(tests) {
		t.Fatalf("chart parts %q, want %d", charts, len(tests))
	}
	for i, tt := range tests {
		var c chartXML
		decodePart(t, zr, fmt.Sprintf("xl/charts/chart%d.xml", i+1), &c)
		if strings.Join(c.Title, "") != tt.title {
			t.Errorf("chart %d title %q, want %q", i+1, c.Title, tt.title)
		}
		if c.Bar.Dir.Val != "col" || c.Bar.Grouping.Val != "clustered" {
			t.Errorf("chart %d: %s %s, want clustered columns", i+1, c.Bar.Dir.Val, c.Bar.Grouping.Val)
		}
		if strings.Join(c.CatTitle, "") != "Chỉ tiêu" || strings.Join(c.ValTitle, "") != tt.unit {
			t.Errorf("chart %d axis titles %q, %q; want Chỉ tiêu, %q", i+1, c.CatTitle, c.ValTitle, tt.unit)
		}
		if len(c.Bar.Series) != 2 {
			t.Fatalf("chart %d has %d series, want previous and current", i+1, len(c.Bar.Series))
		}
		for s, col := range []string{"D", "E"} {
			ser := c.Bar.Series[s]
			if want := q + "$" + col + "$4"; ser.Name != want {
				t.Errorf("chart %d series %d named by %q, want the header %q", i+1, s, ser.Name, want)
			}
			if want := q + "$B$" + fmt.Sprintf(tt.rows, "B"); ser.Cat != want {
				t.Errorf("chart %d categories %q, want %q", i+1, ser.Cat, want)
			}
			if want := q + "$" + col + "$" + fmt.Sprintf(tt.rows, col); ser.Values != want {
				t.Errorf("chart %d values %q, want %q", i+1, ser.Values, want)
			}
		}
	}

	// The charts sit on the chart sheet, one to a page, inside its print
	// area.
	if _, err := zr.Open("xl/worksheets/_rels/sheet2.xml.rels"); err != nil || f.GetSheetList()[1] != ChartSheet {
		t.Fatalf("the chart sheet has no drawing: %v", err)
	}
	var d anchorXML
	decodePart(t, zr, "xl/drawings/drawing1.xml", &d)
	var ws worksheetXML
	decodePart(t, zr, sheetPart(t, f, ChartSheet), &ws)
	if len(d.Anchors) != len(tests) || len(ws.RowBreaks) != len(tests)-1 {
		t.Fatalf("%d charts and %d page breaks, want %d and %d", len(d.Anchors), len(ws.RowBreaks), len(tests), len(tests)-1)
	}
	for i, a := range d.Anchors {
		if a.From.Col != 0 || a.To.Col > chartCols-1 || a.To.Row-a.From.Row > chartRows {
			t.Errorf("chart %d spans columns %d–%d, rows %d–%d: outside its %d×%d cells", i+1, a.From.Col, a.To.Col, a.From.Row, a.To.Row, chartCols, chartRows)
		}
		// A page break (after row ID) stands right above each later chart.
		if i > 0 && ws.RowBreaks[i-1].ID != a.From.Row {
			t.Errorf("chart %d starts on row %d, page break after row %d", i+1, a.From.Row+1, ws.RowBreaks[i-1].ID)
		}
	}
}
