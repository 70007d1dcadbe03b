package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"baocao/render/report"
	"baocao/render/viet"
)

// sampleReport has every kind of sheet: two groups of indicators (one with
// a 0 base, a row without change, rows with decimals), commendations,
// delegates and two annexes, the first without a table.
func sampleReport() *report.Report {
	return &report.Report{
		Agency: report.Agency{Parent: "BỘ CÔNG AN", Name: "CÔNG AN THÀNH PHỐ CẦN THƠ", Place: "Cần Thơ"},
		Conference: report.Conference{
			Name:  "Hội nghị tổng kết công tác Công an năm 2021",
			Date:  report.Date{Year: 2022, Month: time.January, Day: 14},
			Chair: "thuan",
			Delegates: []report.Delegate{
				{ID: "son", Name: "Nguyễn Văn Sơn", Rank: "Thượng tướng", Titles: []string{"Ủy viên Ban Thường vụ Đảng ủy Công an Trung ương", "Thứ trưởng Bộ Công an"}, Guest: true},
				{ID: "thuan", Name: "Nguyễn Văn Thuận", Rank: "Thiếu tướng", Titles: []string{"Giám đốc Công an thành phố"}},
				{ID: "dao", Name: "Trần Thị Đào", Titles: []string{"Phó Chủ tịch Ủy ban nhân dân thành phố"}},
				{ID: "dung", Name: "Lê Dũng", Rank: "Đại tá", Titles: []string{"Trưởng phòng Tham mưu"}},
			},
		},
		Statistics: report.Statistics{
			Previous: "Năm 2020",
			Current:  "Năm 2021",
			Groups: []report.Group{
				{Title: "Phạm pháp hình sự", Indicators: []report.Indicator{
					{ID: "toi-pham", Name: "Số vụ phạm pháp hình sự", Unit: "vụ", Previous: 1227, Current: 832},
					{ID: "dieu-tra", Name: "Tỷ lệ điều tra khám phá", Unit: "%", Previous: 85.5, Current: 87.6},
					{ID: "lua-dao", Name: "Số vụ lừa đảo qua mạng được khởi tố", Unit: "vụ", Previous: 0, Current: 15},
				}},
				{Title: "Tai nạn giao thông", Indicators: []report.Indicator{
					{ID: "tngt", Name: "Số vụ tai nạn giao thông", Unit: "vụ", Previous: 120, Current: 120},
					{ID: "thiet-hai", Name: "Thiệt hại tài sản", Unit: "tỷ đồng", Previous: 12.35, Current: 10.2},
				}},
			},
		},
		Commendations: report.Commendations{Awards: []report.Award{
			{Form: "Bằng khen của Thủ tướng Chính phủ", Collectives: 2, Individuals: 5},
			{Form: "Tuyên dương điển hình tiên tiến", Collectives: 0, Individuals: 3},
			{Form: "Giấy khen của Giám đốc Công an thành phố", Collectives: 463, Individuals: 3593},
		}},
		Annexes: []report.Annex{
			{Title: "Một số kết quả nổi bật", Body: "Nội dung."},
			{Title: "Kinh phí khen thưởng các đơn vị năm 2021", Table: &report.Table{
				Columns: []report.Column{
					{Name: "STT"}, {Name: "Đơn vị"},
					{Name: "Số người", Type: "number", Sum: true},
					{Name: "Kinh phí (triệu đồng)", Type: "number", Sum: true},
					{Name: "Xếp hạng", Type: "number"},
				},
				Rows: [][]string{
					{"1", "Phòng Cảnh sát hình sự", "12", "15.5", "2"},
					{"2", "Phòng Cảnh sát giao thông", "30", "7.25", "1"},
					{"3", "Công an quận Ninh Kiều", "", "0.1", ""},
				},
			}},
		},
		BaoCao: &report.Document{
			Number: 15, Code: "BC-CAT",
			Date:  report.Date{Year: 2022, Month: time.January, Day: 15},
			Title: "Tổng kết công tác Công an năm 2021",
		},
	}
}

// annexSheet is the sheet of sampleReport's annex table.
const annexSheet = "Kinh phí khen thưởng các đơn…"

// reopen writes the workbook of r and reads it back, as another program
// would see the file.
func reopen(t *testing.T, r *report.Report) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r); err != nil {
		t.Fatalf("Write: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("OpenReader: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f, buf.Bytes()
}

// rowOf finds the row of sheet whose cell in column col reads text.
func rowOf(t *testing.T, f *excelize.File, sheet string, col int, text string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, cells := range rows {
		if len(cells) >= col && cells[col-1] == text {
			return i + 1
		}
	}
	t.Fatalf("%s: no row with %q in column %d", sheet, text, col)
	return 0
}

// value reads a cell as stored (raw) or as formatted.
func value(t *testing.T, f *excelize.File, sheet, cell string, raw bool) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: raw})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// calc is the value excelize computes from the cell's formula.
func calc(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.CalcCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("CalcCellValue %s!%s: %v", sheet, cell, err)
	}
	return v
}

// styleOf returns the style of a cell.
func styleOf(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// num formats a figure as excelize reports a raw number.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func TestIndicatorRows(t *testing.T) {
	r := sampleReport()
	f, _ := reopen(t, r)
	inds := map[string]report.Indicator{}
	for _, g := range r.Statistics.Groups {
		for _, ind := range g.Indicators {
			inds[ind.ID] = ind
		}
	}
	tests := []struct {
		id                  string
		stt                 string
		prev, cur           string // as excelize formats them
		change, percent     string
		valueFmt, changeFmt string
	}{
		{"toi-pham", "1", "1,227", "832", "-395", "-32.2", "#,##0", "+#,##0;-#,##0;0"},
		{"dieu-tra", "2", "85.5", "87.6", "+2.1", "+2.5", "#,##0.0", "+#,##0.0;-#,##0.0;0.0"},
		{"lua-dao", "3", "0", "15", "+15", "-", "#,##0", "+#,##0;-#,##0;0"},
		// excelize ignores the zero section of a number format and shows
		// "+0"; Excel and LibreOffice show "0" (see TestLibreOffice).
		{"tngt", "1", "120", "120", "+0", "+0.0", "#,##0", "+#,##0;-#,##0;0"},
		{"thiet-hai", "2", "12.35", "10.20", "-2.15", "-17.4", "#,##0.00", "+#,##0.00;-#,##0.00;0.00"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			ind := inds[tt.id]
			n := rowOf(t, f, IndicatorSheet, colName, ind.Name)
			cell := func(col int) string { return ref(col, n) }

			if got := value(t, f, IndicatorSheet, cell(colSTT), false); got != tt.stt {
				t.Errorf("STT = %q, want %q", got, tt.stt)
			}
			if got := value(t, f, IndicatorSheet, cell(colUnit), false); got != ind.Unit {
				t.Errorf("ĐVT = %q, want %q", got, ind.Unit)
			}
			wantFormulas := map[int]string{
				colChange:  fmt.Sprintf("ROUND(E%d-D%d,%d)", n, n, viet.Decimals(ind.Previous, ind.Current)),
				colPercent: fmt.Sprintf(`IF(D%[1]d=0,"-",ROUND((E%[1]d-D%[1]d)/D%[1]d*100,1))`, n),
			}
			for col, want := range wantFormulas {
				got, err := f.GetCellFormula(IndicatorSheet, cell(col))
				if err != nil || got != want {
					t.Errorf("formula %s = %q, %v; want %q", cell(col), got, err, want)
				}
			}
			for col, want := range map[int]string{colPrevious: tt.prev, colCurrent: tt.cur, colChange: tt.change, colPercent: tt.percent} {
				if got := value(t, f, IndicatorSheet, cell(col), false); got != want {
					t.Errorf("shown %s = %q, want %q", cell(col), got, want)
				}
			}
			for col, want := range map[int]float64{colPrevious: ind.Previous, colCurrent: ind.Current} {
				if got := value(t, f, IndicatorSheet, cell(col), true); got != num(want) {
					t.Errorf("raw %s = %q, want %v", cell(col), got, want)
				}
			}

			// What excelize computes from the formula must be the model's
			// figure, and the value stored with it.
			wantChange := viet.Round(ind.Change(), viet.Decimals(ind.Previous, ind.Current))
			wantPct := viet.NoPercent
			if p, ok := ind.Percent(); ok {
				wantPct = num(viet.RoundPercent(p))
			}
			for col, want := range map[int]string{colChange: num(wantChange), colPercent: wantPct} {
				if got := calc(t, f, IndicatorSheet, cell(col)); got != want {
					t.Errorf("calculated %s = %q, want %q", cell(col), got, want)
				}
				if got := value(t, f, IndicatorSheet, cell(col), true); got != want {
					t.Errorf("stored %s = %q, want %q", cell(col), got, want)
				}
			}

			for col, want := range map[int]string{colPrevious: tt.valueFmt, colChange: tt.changeFmt, colPercent: percentFormat} {
				st := styleOf(t, f, IndicatorSheet, cell(col))
				if st.CustomNumFmt == nil || *st.CustomNumFmt != want {
					t.Errorf("number format of %s = %v, want %q", cell(col), st.CustomNumFmt, want)
				}
				if len(st.Border) != 4 {
					t.Errorf("%s has %d borders, want 4", cell(col), len(st.Border))
				}
			}
		})
	}
}

func TestGroupRows(t *testing.T) {
	r := sampleReport()
	f, _ := reopen(t, r)
	for i, want := range []string{"I", "II"} {
		title := r.Statistics.Groups[i].Title
		n := rowOf(t, f, IndicatorSheet, colName, title)
		if got := value(t, f, IndicatorSheet, ref(colSTT, n), false); got != want {
			t.Errorf("STT of %q = %q, want %q", title, got, want)
		}
		for _, col := range []int{colSTT, colName} {
			if st := styleOf(t, f, IndicatorSheet, ref(col, n)); st.Font == nil || !st.Font.Bold {
				t.Errorf("%s of group %q is not bold", ref(col, n), title)
			}
		}
		if next := value(t, f, IndicatorSheet, ref(colSTT, n+1), false); next != "1" {
			t.Errorf("first indicator of group %q numbered %q, want 1", title, next)
		}
		// Units differ within both groups: no totals.
		for col := colUnit; col <= colPercent; col++ {
			if got := value(t, f, IndicatorSheet, ref(col, n), true); got != "" {
				t.Errorf("group %q has %q in %s, want nothing (mixed units)", title, got, ref(col, n))
			}
		}
	}
}

// TestTotals: a group gets its totals on its own row when its indicators
// share a unit other than %, and the table a TỔNG CỘNG row when all do.
func TestTotals(t *testing.T) {
	ind := func(unit string, prev, cur float64) report.Indicator {
		return report.Indicator{Name: fmt.Sprintf("%s %v→%v", unit, prev, cur), Unit: unit, Previous: prev, Current: cur}
	}
	type total struct {
		label           string // group title or TỔNG CỘNG
		prev, cur       string
		change, percent string
		sumPrev         string // the formula of the previous column
	}
	tests := []struct {
		name   string
		groups []report.Group
		want   []total
	}{
		{
			name: "cùng đơn vị",
			groups: []report.Group{
				{Title: "A", Indicators: []report.Indicator{ind("vụ", 10, 12), ind("vụ", 5, 3)}},
				{Title: "B", Indicators: []report.Indicator{ind("vụ", 1.25, 2), ind("vụ", 0.5, 0.05)}},
			},
			want: []total{
				{"A", "15", "15", "0", "0", "ROUND(SUM(D6:D7),0)"},
				{"B", "1.75", "2.05", "0.3", "17.1", "ROUND(SUM(D9:D10),2)"},
				{totalLabel, "16.75", "17.05", "0.3", "1.8", "ROUND(SUM(D5,D8),2)"},
			},
		},
		{
			name: "một nhóm lệch đơn vị: không có tổng cộng",
			groups: []report.Group{
				{Title: "A", Indicators: []report.Indicator{ind("người", 0, 4), ind("người", 0, 6)}},
				{Title: "B", Indicators: []report.Indicator{ind("người", 1, 2), ind("vụ", 3, 4)}},
			},
			want: []total{{"A", "0", "10", "10", "-", "ROUND(SUM(D6:D7),0)"}},
		},
		{
			name: "tỷ lệ và chỉ tiêu đơn lẻ không cộng",
			groups: []report.Group{
				{Title: "A", Indicators: []report.Indicator{ind("%", 10, 20), ind("%", 30, 40)}},
				{Title: "B", Indicators: []report.Indicator{ind("vụ", 1, 2)}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sampleReport()
			r.Statistics.Groups = tt.groups
			f, _ := reopen(t, r)
			formulas := 0
			rows, err := f.GetRows(IndicatorSheet)
			if err != nil {
				t.Fatal(err)
			}
			for i := range rows {
				if fm, _ := f.GetCellFormula(IndicatorSheet, ref(colPrevious, i+1)); fm != "" {
					formulas++
				}
			}
			if formulas != len(tt.want) {
				t.Errorf("%d total rows, want %d", formulas, len(tt.want))
			}
			for _, w := range tt.want {
				col := colName
				if w.label == totalLabel {
					col = colSTT
				}
				n := rowOf(t, f, IndicatorSheet, col, w.label)
				if got, _ := f.GetCellFormula(IndicatorSheet, ref(colPrevious, n)); got != w.sumPrev {
					t.Errorf("%s: formula %q, want %q", w.label, got, w.sumPrev)
				}
				for c, want := range map[int]string{colPrevious: w.prev, colCurrent: w.cur, colChange: w.change, colPercent: w.percent} {
					if got := calc(t, f, IndicatorSheet, ref(c, n)); got != want {
						t.Errorf("%s: calculated %s = %q, want %q", w.label, ref(c, n), got, want)
					}
					if got := value(t, f, IndicatorSheet, ref(c, n), true); got != want {
						t.Errorf("%s: stored %s = %q, want %q", w.label, ref(c, n), got, want)
					}
					if st := styleOf(t, f, IndicatorSheet, ref(c, n)); !st.Font.Bold {
						t.Errorf("%s: %s is not bold", w.label, ref(c, n))
					}
				}
				if w.label == totalLabel {
					merged, _ := f.GetMergeCells(IndicatorSheet)
					found := false
					for _, m := range merged {
						found = found || m.GetStartAxis() == ref(colSTT, n) && m.GetEndAxis() == ref(colName, n)
					}
					if !found {
						t.Errorf("TỔNG CỘNG not merged across STT and Chỉ tiêu")
					}
				}
			}
		})
	}
}

// worksheetXML is the part of a worksheet's XML the tests look into.
type worksheetXML struct {
	Dimension struct {
		Ref string `xml:"ref,attr"`
	} `xml:"dimension"`
	Cols []struct {
		Min int `xml:"min,attr"`
	} `xml:"cols>col"`
	Rows []struct {
		R     int     `xml:"r,attr"`
		Ht    float64 `xml:"ht,attr"`
		Cells []struct {
			R string  `xml:"r,attr"`
			T string  `xml:"t,attr"`
			F *string `xml:"f"`
			V *string `xml:"v"`
		} `xml:"c"`
	} `xml:"sheetData>row"`
	AutoFilter *struct {
		Ref string `xml:"ref,attr"`
	} `xml:"autoFilter"`
	RowBreaks []struct {
		ID int `xml:"id,attr"`
	} `xml:"rowBreaks>brk"`
}

// parts opens the zip of a workbook.
func parts(t *testing.T, data []byte) *zip.Reader {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return zr
}

// decodePart decodes one XML part of the workbook into v.
func decodePart(t *testing.T, zr *zip.Reader, name string, v any) {
	t.Helper()
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// sheetPart returns the zip path of a sheet's XML.
func sheetPart(t *testing.T, f *excelize.File, sheet string) string {
	t.Helper()
	for i, name := range f.GetSheetList() {
		if name == sheet {
			return fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
		}
	}
	t.Fatalf("no sheet %q", sheet)
	return ""
}

// TestCachedValuesInXML: every formula in the file carries its value, as
// a number where it is one.
func TestCachedValuesInXML(t *testing.T) {
	f, data := reopen(t, sampleReport())
	zr := parts(t, data)
	formulas := map[string]int{}
	for _, sheet := range f.GetSheetList() {
		var ws worksheetXML
		decodePart(t, zr, sheetPart(t, f, sheet), &ws)
		for _, row := range ws.Rows {
			for _, c := range row.Cells {
				if c.F == nil {
					continue
				}
				formulas[sheet]++
				if c.V == nil || *c.V == "" {
					t.Errorf("%s!%s: formula %q without cached value", sheet, c.R, *c.F)
					continue
				}
				// A number cached as text (t="str") would show as text in
				// a program that does not recalculate.
				_, numErr := strconv.ParseFloat(*c.V, 64)
				if wantT := map[bool]string{true: "", false: "str"}[numErr == nil]; c.T != wantT {
					t.Errorf("%s!%s: cached %q has type %q, want %q", sheet, c.R, *c.V, c.T, wantT)
				}
			}
		}
		for i, c := range ws.Cols {
			if c.Min != i+1 {
				t.Errorf("%s: column widths out of order: <col min=%d> at position %d", sheet, c.Min, i)
			}
		}
	}
	want := map[string]int{IndicatorSheet: 2 * 5, CommendationSheet: 2, annexSheet: 2}
	for sheet, n := range want {
		if formulas[sheet] != n {
			t.Errorf("%s: %d formula cells, want %d", sheet, formulas[sheet], n)
		}
	}
	var ws worksheetXML
	decodePart(t, zr, sheetPart(t, f, IndicatorSheet), &ws)
	if ws.Dimension.Ref != "A1:G11" {
		t.Errorf("dimension = %q, want A1:G11", ws.Dimension.Ref)
	}
}

func TestSheets(t *testing.T) {
	onlyDelegates := sampleReport()
	onlyDelegates.Statistics.Groups = nil
	onlyDelegates.Commendations.Awards = nil
	onlyDelegates.Annexes = nil
	emptyGroups := sampleReport()
	emptyGroups.Statistics.Groups = []report.Group{{Title: "Chưa có số liệu"}}
	clash := sampleReport()
	clash.Annexes[0].Table = &report.Table{Columns: []report.Column{{Name: "A"}}, Rows: [][]string{{"x"}}}
	clash.Annexes[0].Title = "Chỉ tiêu"
	tests := []struct {
		name string
		r    *report.Report
		want []string
	}{
		{"đủ", sampleReport(), []string{IndicatorSheet, ChartSheet, CommendationSheet, DelegateSheet, annexSheet}},
		// A group without indicators has nothing to chart.
		{"nhóm rỗng", emptyGroups, []string{IndicatorSheet, CommendationSheet, DelegateSheet, annexSheet}},
		{"trùng tên", clash, []string{IndicatorSheet, ChartSheet, CommendationSheet, DelegateSheet, "Chỉ tiêu (2)", annexSheet}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := reopen(t, tt.r)
			if got := f.GetSheetList(); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("sheets = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestHeadings: every sheet opens with its heading (nd30.md §5) merged
// across the sheet, and annexes carry the PDF's labels.
func TestHeadings(t *testing.T) {
	const attached = "(Kèm theo Báo cáo số 15/BC-CAT ngày 15 tháng 01 năm 2022 của CÔNG AN THÀNH PHỐ CẦN THƠ)"
	tests := []struct {
		sheet   string
		heading []string
		cols    string // last column of the merged heading
	}{
		{IndicatorSheet, []string{"SỐ LIỆU THỐNG KÊ NĂM 2021 SO VỚI NĂM 2020", attached}, "G"},
		{ChartSheet, []string{"BIỂU ĐỒ SỐ LIỆU THỐNG KÊ NĂM 2021 SO VỚI NĂM 2020", attached}, "L"},
		{CommendationSheet, []string{"TỔNG HỢP KHEN THƯỞNG NĂM 2021", attached}, "D"},
		{DelegateSheet, []string{"DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ TỔNG KẾT CÔNG TÁC CÔNG AN NĂM 2021", attached}, "E"},
		// The first annex has no table and no sheet, but keeps its number.
		{annexSheet, []string{"Phụ lục II", "KINH PHÍ KHEN THƯỞNG CÁC ĐƠN VỊ NĂM 2021", attached}, "E"},
	}
	f, _ := reopen(t, sampleReport())
	for _, tt := range tests {
		t.Run(tt.sheet, func(t *testing.T) {
			merged, err := f.GetMergeCells(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			ranges := map[string]bool{}
			for _, m := range merged {
				ranges[m.GetStartAxis()+":"+m.GetEndAxis()] = true
			}
			for i, want := range tt.heading {
				row := i + 1
				if got := value(t, f, tt.sheet, ref(1, row), false); got != want {
					t.Errorf("heading line %d = %q, want %q", row, got, want)
				}
				if r := fmt.Sprintf("A%d:%s%d", row, tt.cols, row); !ranges[r] {
					t.Errorf("heading line %d not merged as %s (merges %v)", row, r, ranges)
				}
				st := styleOf(t, f, tt.sheet, ref(1, row))
				italic := strings.HasPrefix(want, "(Kèm theo")
				if st.Font.Bold == italic || st.Font.Italic != italic || st.Font.Size != headingSize ||
					st.Alignment.Horizontal != "center" || !st.Alignment.WrapText {
					t.Errorf("heading line %d style: bold %v italic %v size %v %+v", row, st.Font.Bold, st.Font.Italic, st.Font.Size, st.Alignment)
				}
			}
			// One blank row follows the heading.
			if got := value(t, f, tt.sheet, ref(1, len(tt.heading)+1), false); got != "" {
				t.Errorf("row after the heading holds %q", got)
			}
		})
	}

	r := sampleReport()
	r.BaoCao = nil
	f, _ = reopen(t, r)
	if got := value(t, f, IndicatorSheet, "A2", false); got != "" {
		t.Errorf("without a report the heading still has %q", got)
	}
	if got := value(t, f, IndicatorSheet, "A3", false); got != "STT" {
		t.Errorf("without a report the header is not on row 3: %q", got)
	}
}

// TestHeaderRows: the column headings of each table sheet.
func TestHeaderRows(t *testing.T) {
	f, _ := reopen(t, sampleReport())
	tests := []struct {
		sheet  string
		row    int
		header []string
	}{
		{IndicatorSheet, 4, []string{"STT", "Chỉ tiêu", "ĐVT", "Năm 2020", "Năm 2021", "Tăng/giảm (±)", "Tỷ lệ (%)"}},
		{CommendationSheet, 4, []string{"STT", "Hình thức khen thưởng", "Tập thể", "Cá nhân"}},
		{DelegateSheet, 4, []string{"STT", "Họ và tên", "Cấp bậc", "Chức vụ", "Ghi chú"}},
		{annexSheet, 5, []string{"STT", "Đơn vị", "Số người", "Kinh phí (triệu đồng)", "Xếp hạng"}},
	}
	for _, tt := range tests {
		for c, want := range tt.header {
			cell := ref(c+1, tt.row)
			if got := value(t, f, tt.sheet, cell, false); got != want {
				t.Errorf("%s!%s = %q, want %q", tt.sheet, cell, got, want)
			}
			st := styleOf(t, f, tt.sheet, cell)
			if !st.Font.Bold || !st.Alignment.WrapText || st.Alignment.Horizontal != "center" || len(st.Fill.Color) == 0 || len(st.Border) != 4 {
				t.Errorf("%s!%s style = %+v, want bold, wrapped, centred, filled, bordered", tt.sheet, cell, st)
			}
		}
	}
}

// TestPrinting: every sheet prints on A4 landscape, one page wide, with the
// margins, the footer and the print area; table sheets repeat their header
// row, freeze it and filter their data.
func TestPrinting(t *testing.T) {
	r := sampleReport()
	r.Format.MarginLeft, r.Format.MarginRight = 35, 20
	f, data := reopen(t, r)
	zr := parts(t, data)
	tests := []struct {
		sheet     string
		headerRow int    // 0 on the chart sheet
		area      string // print area, up to the last row
		filter    string // autofilter: header and data rows, not the total
	}{
		{IndicatorSheet, 4, "$A$1:$G$11", "A4:G11"},
		{ChartSheet, 0, "$A$1:$L$30", ""},
		{CommendationSheet, 4, "$A$1:$D$8", "A4:D7"},
		{DelegateSheet, 4, "$A$1:$E$8", "A4:E8"},
		{annexSheet, 5, "$A$1:$E$9", "A5:E8"},
	}
	names := map[string]map[string]string{}
	for _, d := range f.GetDefinedName() {
		if names[d.Scope] == nil {
			names[d.Scope] = map[string]string{}
		}
		names[d.Scope][d.Name] = d.RefersTo
	}
	for _, tt := range tests {
		t.Run(tt.sheet, func(t *testing.T) {
			quoted := "'" + tt.sheet + "'!"
			if got, want := names[tt.sheet]["_xlnm.Print_Area"], quoted+tt.area; got != want {
				t.Errorf("print area = %q, want %q", got, want)
			}
			titles := ""
			if tt.headerRow > 0 {
				titles = fmt.Sprintf("%s$%d:$%d", quoted, tt.headerRow, tt.headerRow)
			}
			if got := names[tt.sheet]["_xlnm.Print_Titles"]; got != titles {
				t.Errorf("print titles = %q, want %q", got, titles)
			}

			layout, err := f.GetPageLayout(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if *layout.Size != 9 || *layout.Orientation != "landscape" || *layout.FitToWidth != 1 || *layout.FitToHeight != 0 {
				t.Errorf("page layout: size %d, %s, fit %d×%d; want A4 (9), landscape, 1×0",
					*layout.Size, *layout.Orientation, *layout.FitToWidth, *layout.FitToHeight)
			}
			if props, err := f.GetSheetProps(tt.sheet); err != nil || props.FitToPage == nil || !*props.FitToPage {
				t.Errorf("fit to page not set: %v", err)
			}
			m, err := f.GetPageMargins(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			for name, got := range map[string]struct{ got, mm float64 }{
				"left": {*m.Left, 35}, "right": {*m.Right, 20}, "top": {*m.Top, defaultMarginTop}, "bottom": {*m.Bottom, defaultMarginBottom},
			} {
				if math.Abs(got.got*25.4-got.mm) > 1e-9 {
					t.Errorf("%s margin = %v in, want %v mm", name, got.got, got.mm)
				}
			}
			hf, err := f.GetHeaderFooter(tt.sheet)
			if err != nil || !strings.Contains(hf.OddFooter, "CÔNG AN THÀNH PHỐ CẦN THƠ") || !strings.Contains(hf.OddFooter, "Trang &P/&N") {
				t.Errorf("footer = %q, %v; want the agency and Trang &P/&N", hf.OddFooter, err)
			}

			panes, err := f.GetPanes(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if tt.headerRow > 0 {
				if below := fmt.Sprintf("A%d", tt.headerRow+1); !panes.Freeze || panes.YSplit != tt.headerRow || panes.XSplit != 0 || panes.TopLeftCell != below {
					t.Errorf("panes = %+v, want frozen below row %d", panes, tt.headerRow)
				}
			}
			var ws worksheetXML
			decodePart(t, zr, sheetPart(t, f, tt.sheet), &ws)
			var filter string
			if ws.AutoFilter != nil {
				// excelize writes the range absolute ($A$4:$G$11).
				filter = strings.ReplaceAll(ws.AutoFilter.Ref, "$", "")
			}
			if filter != tt.filter {
				t.Errorf("autofilter = %q, want %q", filter, tt.filter)
			}
		})
	}
}

func TestFooter(t *testing.T) {
	tests := []struct {
		agency string
		want   string // what the left section shows
	}{
		{"CÔNG AN THÀNH PHỐ CẦN THƠ", "CÔNG AN THÀNH PHỐ CẦN THƠ"},
		{"SỞ A & B", "SỞ A && B"},
		// Too long for Excel: shortened, and never cut inside "&&".
		{strings.Repeat("Ủ&", 150), "…"},
	}
	for _, tt := range tests {
		got := footer(tt.agency)
		if n := len([]rune(got)); n > maxFooter {
			t.Errorf("footer of %d characters, Excel allows %d", n, maxFooter)
		}
		left, right, _ := strings.Cut(strings.TrimPrefix(got, `&L&"Times New Roman,Regular"&10`), "&R")
		if !strings.HasSuffix(left, tt.want) || strings.Count(left, "&")%2 != 0 || !strings.HasSuffix(right, "Trang &P/&N") {
			t.Errorf("footer(%.20q) = %q", tt.agency, got)
		}
	}
}

func TestDocProps(t *testing.T) {
	withoutBaoCao := sampleReport()
	withoutBaoCao.BaoCao = nil
	tests := []struct {
		r              *report.Report
		title, created string
	}{
		{sampleReport(), "Phụ lục kèm theo Báo cáo số 15/BC-CAT: Tổng kết công tác Công an năm 2021", "2022-01-15T00:00:00Z"},
		{withoutBaoCao, "Phụ lục: Hội nghị tổng kết công tác Công an năm 2021", "2022-01-14T00:00:00Z"},
	}
	for _, tt := range tests {
		f, _ := reopen(t, tt.r)
		doc, err := f.GetDocProps()
		if err != nil {
			t.Fatal(err)
		}
		if doc.Title != tt.title || doc.Subject != "Hội nghị tổng kết công tác Công an năm 2021" ||
			doc.Creator != "CÔNG AN THÀNH PHỐ CẦN THƠ" || doc.Language != "vi-VN" || doc.Created != tt.created {
			t.Errorf("document properties = %+v", doc)
		}
	}
}

// TestColumnWidths: columns fit their text, a long name wraps in a taller
// row, and the filling column makes the table as wide as the page.
func TestColumnWidths(t *testing.T) {
	long := strings.Repeat("Số vụ việc có dấu hiệu tội phạm ", 6)
	tests := []struct {
		name    string
		indName string
		wraps   bool
	}{
		{"tên ngắn", "Số vụ", false},
		{"tên dài xuống dòng", long, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sampleReport()
			r.Statistics.Groups[1].Indicators[0].Name = tt.indName
			f, data := reopen(t, r)
			w := &workbook{r: r}
			var total float64
			for col := 1; col <= numCols; col++ {
				width, err := f.GetColWidth(IndicatorSheet, colLetters(col))
				if err != nil {
					t.Fatal(err)
				}
				total += width
			}
			if math.Abs(total-w.pageWidth()) > 0.2 {
				t.Errorf("table %v wide, page %v", total, w.pageWidth())
			}
			// Every number and unit fits its column on one line.
			rows, _ := f.GetRows(IndicatorSheet)
			for i, cells := range rows[3:] {
				for c := colUnit; c <= colPercent && c <= len(cells); c++ {
					width, _ := f.GetColWidth(IndicatorSheet, colLetters(c))
					if need := widthFor(textPx(cells[c-1], tableSize, i == 0)); need > width {
						t.Errorf("%s needs %v, column is %v", ref(c, i+4), need, width)
					}
				}
			}
			n := rowOf(t, f, IndicatorSheet, colName, tt.indName)
			if st := styleOf(t, f, IndicatorSheet, ref(colName, n)); !st.Alignment.WrapText {
				t.Errorf("Chỉ tiêu cell does not wrap")
			}
			var ws worksheetXML
			decodePart(t, parts(t, data), sheetPart(t, f, IndicatorSheet), &ws)
			one := rowHeight(1, tableSize)
			for _, row := range ws.Rows {
				if row.R == n && (row.Ht > one) != tt.wraps {
					t.Errorf("row height %v, one line is %v; want wrapping %v", row.Ht, one, tt.wraps)
				}
			}
		})
	}
}

func TestNFC(t *testing.T) {
	f, _ := reopen(t, sampleReport())
	for _, sheet := range f.GetSheetList() {
		if !norm.NFC.IsNormalString(sheet) {
			t.Errorf("sheet name %q is not NFC", sheet)
		}
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, cells := range rows {
			for j, s := range cells {
				if !norm.NFC.IsNormalString(s) {
					t.Errorf("%s!%s is not NFC: %q", sheet, ref(j+1, i+1), s)
				}
			}
		}
	}
}

func TestHasData(t *testing.T) {
	empty := sampleReport()
	empty.Statistics.Groups, empty.Commendations.Awards, empty.Conference.Delegates = nil, nil, nil
	textAnnex := sampleReport()
	textAnnex.Statistics.Groups, textAnnex.Commendations.Awards, textAnnex.Conference.Delegates = nil, nil, nil
	textAnnex.Annexes = textAnnex.Annexes[:1]
	onlyDelegates := sampleReport()
	onlyDelegates.Statistics.Groups, onlyDelegates.Commendations.Awards, onlyDelegates.Annexes = nil, nil, nil
	for _, tt := range []struct {
		name string
		r    *report.Report
		want bool
	}{
		{"đủ", sampleReport(), true},
		{"chỉ bảng phụ lục", empty, true},
		{"chỉ phụ lục chữ", textAnnex, false},
		{"chỉ đại biểu", onlyDelegates, false},
		{"nil", nil, false},
	} {
		if got := HasData(tt.r); got != tt.want {
			t.Errorf("%s: HasData = %v, want %v", tt.name, got, tt.want)
		}
	}
	if err := Write(io.Discard, textAnnex); err == nil {
		t.Error("Write succeeded with nothing to write")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("đĩa đầy") }

func TestErrors(t *testing.T) {
	if _, err := Build(nil); err == nil {
		t.Error("Build(nil) succeeded")
	}
	if err := Write(failingWriter{}, sampleReport()); err == nil || !strings.Contains(err.Error(), "đĩa đầy") {
		t.Errorf("Write to a failing writer: %v, want the writer's error", err)
	}
}

// TestConcurrent: reports render at the same time without sharing state
// (run with -race), each to the same contents.
func TestConcurrent(t *testing.T) {
	const n = 4
	outs := make([][]byte, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			var buf bytes.Buffer
			errs[i] = Write(&buf, sampleReport())
			outs[i] = buf.Bytes()
		})
	}
	wg.Wait()
	contents := make([]string, n)
	for i := range n {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		f, err := excelize.OpenReader(bytes.NewReader(outs[i]))
		if err != nil {
			t.Fatal(err)
		}
		for _, sheet := range f.GetSheetList() {
			rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			contents[i] += fmt.Sprintf("%s: %q\n", sheet, rows)
		}
		_ = f.Close()
		if contents[i] != contents[0] {
			t.Errorf("workbook %d differs from workbook 0:\n%s\n%s", i, contents[i], contents[0])
		}
	}
}
