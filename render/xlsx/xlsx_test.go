package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"baocao/render/report"
	"baocao/render/viet"
)

// sampleReport is a small report with two groups, an indicator whose
// previous value is 0, a row without change and rows with decimals.
func sampleReport() *report.Report {
	return &report.Report{
		Agency: report.Agency{Parent: "BỘ CÔNG AN", Name: "CÔNG AN THÀNH PHỐ CẦN THƠ", Place: "Cần Thơ"},
		Conference: report.Conference{
			Name: "Hội nghị tổng kết công tác Công an năm 2021",
			Date: report.Date{Year: 2022, Month: time.January, Day: 14},
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
		BaoCao: &report.Document{
			Number: 15, Code: "BC-CAT",
			Date:  report.Date{Year: 2022, Month: time.January, Day: 15},
			Title: "Tổng kết công tác Công an năm 2021",
		},
	}
}

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

// rowOf finds the sheet row whose Chỉ tiêu cell reads name.
func rowOf(t *testing.T, f *excelize.File, name string) int {
	t.Helper()
	rows, err := f.GetRows(sheetName)
	if err != nil {
		t.Fatal(err)
	}
	for i, cells := range rows {
		if len(cells) > 1 && cells[1] == name {
			return i + 1
		}
	}
	t.Fatalf("no row for %q", name)
	return 0
}

func value(t *testing.T, f *excelize.File, cell string, raw bool) string {
	t.Helper()
	v, err := f.GetCellValue(sheetName, cell, excelize.Options{RawCellValue: raw})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

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
			n := rowOf(t, f, ind.Name)
			cell := func(col int) string { return ref(col, n) }

			if got := value(t, f, cell(colSTT), false); got != tt.stt {
				t.Errorf("STT = %q, want %q", got, tt.stt)
			}
			if got := value(t, f, cell(colUnit), false); got != ind.Unit {
				t.Errorf("ĐVT = %q, want %q", got, ind.Unit)
			}
			wantFormulas := map[int]string{
				colChange:  fmt.Sprintf("ROUND(E%d-D%d,%d)", n, n, viet.Decimals(ind.Previous, ind.Current)),
				colPercent: fmt.Sprintf(`IF(D%[1]d=0,"-",ROUND((E%[1]d-D%[1]d)/D%[1]d*100,1))`, n),
			}
			for col, want := range wantFormulas {
				got, err := f.GetCellFormula(sheetName, cell(col))
				if err != nil || got != want {
					t.Errorf("formula %s = %q, %v; want %q", cell(col), got, err, want)
				}
			}
			for col, want := range map[int]string{colPrevious: tt.prev, colCurrent: tt.cur, colChange: tt.change, colPercent: tt.percent} {
				if got := value(t, f, cell(col), false); got != want {
					t.Errorf("shown %s = %q, want %q", cell(col), got, want)
				}
			}
			for col, want := range map[int]float64{colPrevious: ind.Previous, colCurrent: ind.Current} {
				if got := value(t, f, cell(col), true); got != strconv.FormatFloat(want, 'f', -1, 64) {
					t.Errorf("raw %s = %q, want %v", cell(col), got, want)
				}
			}

			// What excelize computes from the formula must be the model's figure.
			calc := func(col int) string {
				v, err := f.CalcCellValue(sheetName, cell(col), excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatalf("CalcCellValue %s: %v", cell(col), err)
				}
				return v
			}
			wantChange := viet.Round(ind.Change(), viet.Decimals(ind.Previous, ind.Current))
			if got, err := strconv.ParseFloat(calc(colChange), 64); err != nil || math.Abs(got-wantChange) > 1e-9 {
				t.Errorf("calculated change = %v, %v; want %v", got, err, wantChange)
			}
			wantPct := viet.NoPercent
			if p, ok := ind.Percent(); ok {
				wantPct = strconv.FormatFloat(viet.RoundPercent(p), 'f', -1, 64)
			}
			if got := calc(colPercent); got != wantPct {
				t.Errorf("calculated percent = %q, want %q", got, wantPct)
			}

			for col, want := range map[int]string{colPrevious: tt.valueFmt, colChange: tt.changeFmt, colPercent: "+0.0;-0.0;0.0"} {
				id, err := f.GetCellStyle(sheetName, cell(col))
				if err != nil {
					t.Fatal(err)
				}
				st, err := f.GetStyle(id)
				if err != nil {
					t.Fatal(err)
				}
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
		n := rowOf(t, f, title)
		if got := value(t, f, ref(colSTT, n), false); got != want {
			t.Errorf("STT of %q = %q, want %q", title, got, want)
		}
		for _, col := range []int{colSTT, colName} {
			id, _ := f.GetCellStyle(sheetName, ref(col, n))
			st, err := f.GetStyle(id)
			if err != nil || st.Font == nil || !st.Font.Bold {
				t.Errorf("%s of group %q is not bold", ref(col, n), title)
			}
		}
		if next := value(t, f, ref(colSTT, n+1), false); next != "1" {
			t.Errorf("first indicator of group %q numbered %q, want 1", title, next)
		}
	}
}

// sheetXML is the part of a worksheet's XML the cached values live in.
type sheetXML struct {
	Dimension struct {
		Ref string `xml:"ref,attr"`
	} `xml:"dimension"`
	Cols []struct {
		Min int `xml:"min,attr"`
	} `xml:"cols>col"`
	Cells []struct {
		R string  `xml:"r,attr"`
		T string  `xml:"t,attr"`
		F *string `xml:"f"`
		V *string `xml:"v"`
	} `xml:"sheetData>row>c"`
}

func TestCachedValuesInXML(t *testing.T) {
	r := sampleReport()
	_, data := reopen(t, r)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	var ws sheetXML
	if err := xml.NewDecoder(rc).Decode(&ws); err != nil {
		t.Fatal(err)
	}

	formulas := 0
	for _, c := range ws.Cells {
		if c.F == nil {
			continue
		}
		formulas++
		if c.V == nil || *c.V == "" {
			t.Errorf("%s: formula %q without cached value", c.R, *c.F)
			continue
		}
		// A number cached as text (t="str") would show as text in a
		// program that does not recalculate.
		_, numErr := strconv.ParseFloat(*c.V, 64)
		if wantT := map[bool]string{true: "", false: "str"}[numErr == nil]; c.T != wantT {
			t.Errorf("%s: cached %q has type %q, want %q", c.R, *c.V, c.T, wantT)
		}
	}
	if want := 2 * 5; formulas != want {
		t.Errorf("%d formula cells, want %d", formulas, want)
	}
	if ws.Dimension.Ref != "A1:G12" {
		t.Errorf("dimension = %q, want A1:G12", ws.Dimension.Ref)
	}
	for i, c := range ws.Cols {
		if c.Min != i+1 {
			t.Errorf("column widths out of order: <col min=%d> at position %d", c.Min, i)
		}
	}
}

func TestLayout(t *testing.T) {
	withoutBaoCao := sampleReport()
	withoutBaoCao.BaoCao = nil
	tests := []struct {
		name      string
		r         *report.Report
		heading   []string
		headerRow int
		created   string
	}{
		{
			name: "với báo cáo",
			r:    sampleReport(),
			heading: []string{
				"Phụ lục",
				"SỐ LIỆU THỐNG KÊ NĂM 2021 SO VỚI NĂM 2020",
				"(Kèm theo Báo cáo số 15/BC-CAT ngày 15 tháng 01 năm 2022 của CÔNG AN THÀNH PHỐ CẦN THƠ)",
			},
			headerRow: 5,
			created:   "2022-01-15T00:00:00Z",
		},
		{
			name:      "không có báo cáo",
			r:         withoutBaoCao,
			heading:   []string{"Phụ lục", "SỐ LIỆU THỐNG KÊ NĂM 2021 SO VỚI NĂM 2020"},
			headerRow: 4,
			created:   "2022-01-14T00:00:00Z",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := reopen(t, tt.r)
			if got := f.GetSheetList(); len(got) != 1 || got[0] != "Chỉ tiêu" {
				t.Fatalf("sheets = %q, want [Chỉ tiêu]", got)
			}

			merged, err := f.GetMergeCells(sheetName)
			if err != nil {
				t.Fatal(err)
			}
			if len(merged) != len(tt.heading) {
				t.Errorf("%d merged ranges, want %d", len(merged), len(tt.heading))
			}
			for i, m := range merged {
				if want := fmt.Sprintf("A%d:G%d", i+1, i+1); m.GetStartAxis()+":"+m.GetEndAxis() != want {
					t.Errorf("merge %d = %s:%s, want %s", i, m.GetStartAxis(), m.GetEndAxis(), want)
				}
			}
			for i, want := range tt.heading {
				if got := value(t, f, ref(colSTT, i+1), false); got != want {
					t.Errorf("heading line %d = %q, want %q", i+1, got, want)
				}
			}
			id, _ := f.GetCellStyle(sheetName, "A3")
			if st, err := f.GetStyle(id); err != nil || st.Font == nil || st.Font.Italic != (len(tt.heading) == 3) {
				t.Errorf("A3 italic = %v, want %v", st.Font != nil && st.Font.Italic, len(tt.heading) == 3)
			}

			header := []string{"STT", "Chỉ tiêu", "ĐVT", "Năm 2020", "Năm 2021", "Tăng/giảm (±)", "Tỷ lệ (%)"}
			for c, want := range header {
				cell := ref(c+1, tt.headerRow)
				if got := value(t, f, cell, false); got != want {
					t.Errorf("header %s = %q, want %q", cell, got, want)
				}
				id, _ := f.GetCellStyle(sheetName, cell)
				st, err := f.GetStyle(id)
				if err != nil || !st.Font.Bold || !st.Alignment.WrapText || st.Alignment.Horizontal != "center" ||
					len(st.Fill.Color) == 0 || len(st.Border) != 4 {
					t.Errorf("header %s style = %+v, want bold, wrapped, centred, filled, bordered", cell, st)
				}
			}

			panes, err := f.GetPanes(sheetName)
			if err != nil {
				t.Fatal(err)
			}
			if below := fmt.Sprintf("A%d", tt.headerRow+1); !panes.Freeze || panes.YSplit != tt.headerRow || panes.XSplit != 0 || panes.TopLeftCell != below {
				t.Errorf("panes = %+v, want frozen below row %d", panes, tt.headerRow)
			}

			lastRow := tt.headerRow + 7
			names := map[string]string{}
			for _, d := range f.GetDefinedName() {
				if d.Scope != sheetName {
					t.Errorf("defined name %s has scope %q, want the sheet", d.Name, d.Scope)
				}
				names[d.Name] = d.RefersTo
			}
			for name, want := range map[string]string{
				"_xlnm.Print_Titles": fmt.Sprintf("'Chỉ tiêu'!$%d:$%d", tt.headerRow, tt.headerRow),
				"_xlnm.Print_Area":   fmt.Sprintf("'Chỉ tiêu'!$A$1:$G$%d", lastRow),
			} {
				if names[name] != want {
					t.Errorf("%s = %q, want %q", name, names[name], want)
				}
			}

			layout, err := f.GetPageLayout(sheetName)
			if err != nil {
				t.Fatal(err)
			}
			if *layout.Size != 9 || *layout.Orientation != "landscape" || *layout.FitToWidth != 1 || *layout.FitToHeight != 0 {
				t.Errorf("page layout: size %d, %s, fit %d×%d; want A4 (9), landscape, 1×0",
					*layout.Size, *layout.Orientation, *layout.FitToWidth, *layout.FitToHeight)
			}
			props, err := f.GetSheetProps(sheetName)
			if err != nil || props.FitToPage == nil || !*props.FitToPage {
				t.Errorf("fit to page not set: %v", err)
			}
			hf, err := f.GetHeaderFooter(sheetName)
			if err != nil || !hf.DifferentFirst || hf.FirstHeader != "" || !strings.Contains(hf.OddHeader, "&P") {
				t.Errorf("header/footer = %+v, %v; want page numbers from page 2", hf, err)
			}

			doc, err := f.GetDocProps()
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != tt.heading[1] || doc.Creator != "CÔNG AN THÀNH PHỐ CẦN THƠ" || doc.Language != "vi-VN" || doc.Created != tt.created {
				t.Errorf("document properties = %+v", doc)
			}

			rows, err := f.GetRows(sheetName)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != lastRow {
				t.Errorf("%d rows, want %d", len(rows), lastRow)
			}
			for i, cells := range rows {
				for j, s := range cells {
					if !norm.NFC.IsNormalString(s) {
						t.Errorf("%s is not NFC: %q", ref(j+1, i+1), s)
					}
				}
			}
		})
	}
}

func TestColumnWidths(t *testing.T) {
	long := strings.Repeat("Số vụ việc có dấu hiệu tội phạm ", 6)
	tests := []struct {
		name     string
		indName  string
		min, max float64
	}{
		{"tên ngắn", "Số vụ", 24, 24},
		{"tên vừa", "Số vụ lừa đảo chiếm đoạt tài sản qua mạng được khởi tố", 40, 59},
		{"tên dài bị giới hạn", long, 60, 60},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sampleReport()
			r.Statistics.Groups = r.Statistics.Groups[1:]
			r.Statistics.Groups[0].Title = "Nhóm"
			r.Statistics.Groups[0].Indicators[0].Name = tt.indName
			f, _ := reopen(t, r)
			w, err := f.GetColWidth(sheetName, "B")
			if err != nil {
				t.Fatal(err)
			}
			if w < tt.min || w > tt.max {
				t.Errorf("Chỉ tiêu width = %v, want within [%v, %v]", w, tt.min, tt.max)
			}
			id, _ := f.GetCellStyle(sheetName, ref(colName, rowOf(t, f, tt.indName)))
			if st, err := f.GetStyle(id); err != nil || !st.Alignment.WrapText {
				t.Errorf("Chỉ tiêu cell does not wrap")
			}
		})
	}
}

func TestEmptyStatistics(t *testing.T) {
	r := sampleReport()
	r.Statistics.Groups = nil
	f, _ := reopen(t, r)
	areas := map[string]string{}
	for _, d := range f.GetDefinedName() {
		areas[d.Name] = d.RefersTo
	}
	if got, want := areas["_xlnm.Print_Area"], "'Chỉ tiêu'!$A$1:$G$5"; got != want {
		t.Errorf("print area = %q, want %q (heading and header only)", got, want)
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

// TestLibreOffice checks the file as a program that does not calculate it
// sees it: LibreOffice's CSV export shows the cached values as formatted.
func TestLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) không có trên PATH; bỏ qua kiểm tra xuất CSV")
	}
	if testing.Short() {
		t.Skip("bỏ qua LibreOffice trong chế độ -short")
	}
	r := sampleReport()
	dir := t.TempDir()
	xlsxPath := filepath.Join(dir, "phu-luc.xlsx")
	var buf bytes.Buffer
	if err := Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(xlsxPath, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// 44,34,76: comma-separated, double quotes, UTF-8. A private profile
	// keeps a running LibreOffice from taking the conversion.
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir, xlsxPath)
	// The CSV shows numbers as the locale formats them; fix it to English.
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8", "LANG=C.UTF-8")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "phu-luc.csv"))
	if err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string][]string{}
	for _, rec := range records {
		if len(rec) == numCols {
			byName[rec[colName-1]] = rec
		}
	}
	// The CSV shows each figure as formatted: grouped with ",", signed,
	// and rounded to the row's decimals.
	shown := func(s string) (float64, error) {
		return strconv.ParseFloat(strings.NewReplacer(",", "", "+", "").Replace(s), 64)
	}
	for _, g := range r.Statistics.Groups {
		for _, ind := range g.Indicators {
			rec, ok := byName[ind.Name]
			if !ok {
				t.Errorf("%s: no CSV row", ind.Name)
				continue
			}
			d := viet.Decimals(ind.Previous, ind.Current)
			scale := math.Pow(10, float64(d))
			for col, want := range map[int]float64{colPrevious: ind.Previous, colCurrent: ind.Current, colChange: ind.Change()} {
				got, err := shown(rec[col-1])
				if err != nil || math.Abs(got-math.Round(want*scale)/scale) > 1e-9 {
					t.Errorf("%s column %d = %q, want %v", ind.Name, col, rec[col-1], want)
				}
			}
			p, ok := ind.Percent()
			if ind.Change() == 0 && (rec[colChange-1] != "0" || rec[colPercent-1] != "0.0") {
				t.Errorf("%s: no change shown as %q, %q; want 0, 0.0", ind.Name, rec[colChange-1], rec[colPercent-1])
			}
			if !ok {
				if rec[colPercent-1] != viet.NoPercent {
					t.Errorf("%s Tỷ lệ = %q, want %q", ind.Name, rec[colPercent-1], viet.NoPercent)
				}
				continue
			}
			if got, err := shown(rec[colPercent-1]); err != nil || got != viet.RoundPercent(p) {
				t.Errorf("%s Tỷ lệ = %q, want %v", ind.Name, rec[colPercent-1], viet.RoundPercent(p))
			}
		}
	}
}
