package xlsx

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/render/report"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in     string
		want   float64
		ok     bool
		errors bool
	}{
		{"3965", 3965, true, false},
		{" 87.6 ", 87.6, true, false},
		{"-12", -12, true, false},
		{"+0.5", 0.5, true, false},
		{"", 0, false, false},
		{"   ", 0, false, false},
		{"3.965.000", 0, false, true},
		{"12,5", 0, false, true},
		{"1,250", 0, false, true},
		{"12a", 0, false, true},
		{"1e3", 0, false, true},
		{"NaN", 0, false, true},
		{"Inf", 0, false, true},
		{"0x10", 0, false, true},
		{".5", 0, false, true},
		{"5.", 0, false, true},
		{"--5", 0, false, true},
		{"1" + strings.Repeat("0", 400), 0, false, true},
	}
	for _, tt := range tests {
		v, ok, err := parseNumber(tt.in)
		if v != tt.want || ok != tt.ok || (err != nil) != tt.errors {
			t.Errorf("parseNumber(%q) = %v, %v, %v; want %v, %v, error %v", tt.in, v, ok, err, tt.want, tt.ok, tt.errors)
		}
	}
}

func TestAnnexSheet(t *testing.T) {
	f, _ := reopen(t, sampleReport())
	rows, err := f.GetRows(annexSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"1", "Phòng Cảnh sát hình sự", "12", "15.5", "2"},
		{"2", "Phòng Cảnh sát giao thông", "30", "7.25", "1"},
		{"3", "Công an quận Ninh Kiều", "", "0.1"},
		{"TỔNG CỘNG", "", "42", "22.85"},
	}
	for i, w := range want {
		if got := rows[5+i]; !slices.Equal(got, w) {
			t.Errorf("row %d = %q, want %q", 6+i, got, w)
		}
	}
	for cell, w := range map[string]string{"C9": "ROUND(SUM(C6:C8),0)", "D9": "ROUND(SUM(D6:D8),2)", "E9": ""} {
		if got, _ := f.GetCellFormula(annexSheet, cell); got != w {
			t.Errorf("%s formula = %q, want %q", cell, got, w)
		}
		if w != "" {
			if got := calc(t, f, annexSheet, cell); got != value(t, f, annexSheet, cell, true) {
				t.Errorf("%s calculates to %s, stores %s", cell, got, value(t, f, annexSheet, cell, true))
			}
		}
	}
	// Number cells are numbers with their column's decimals; a short
	// text column (STT) is centred, a long one wraps.
	for cell, w := range map[string]struct {
		numFmt, align string
		wrap, bold    bool
	}{
		"A6": {"", "center", true, false},
		"B6": {"", "left", true, false},
		"C6": {"#,##0", "right", false, false},
		"D7": {"#,##0.00", "right", false, false},
		"E6": {"#,##0", "right", false, false},
		"A9": {"", "center", true, true},
		"D9": {"#,##0.00", "right", false, true},
	} {
		st := styleOf(t, f, annexSheet, cell)
		numFmt := ""
		if st.CustomNumFmt != nil {
			numFmt = *st.CustomNumFmt
		}
		if numFmt != w.numFmt || st.Alignment.Horizontal != w.align || st.Alignment.WrapText != w.wrap || st.Font.Bold != w.bold {
			t.Errorf("%s: format %q, %s, wrap %v, bold %v; want %+v", cell, numFmt, st.Alignment.Horizontal, st.Alignment.WrapText, st.Font.Bold, w)
		}
	}
	if typ, _ := f.GetCellType(annexSheet, "D7"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("D7 has type %v, want a number", typ)
	}
	merged, _ := f.GetMergeCells(annexSheet)
	if !slices.ContainsFunc(merged, func(m excelize.MergeCell) bool { return m.GetStartAxis() == "A9" && m.GetEndAxis() == "B9" }) {
		t.Error("TỔNG CỘNG is not merged across the columns before the first sum")
	}
}

// TestAnnexTotalRow: the total row exists only with a sum column and rows,
// and its label spans the columns before the first sum.
func TestAnnexTotalRow(t *testing.T) {
	tests := []struct {
		name    string
		columns []report.Column
		rows    [][]string
		total   []string // the row under the data, nil for none
	}{
		{"không cột nào cộng", []report.Column{{Name: "Tên"}, {Name: "Số", Type: "number"}}, [][]string{{"a", "1"}}, nil},
		{"không có dòng", []report.Column{{Name: "Tên"}, {Name: "Số", Type: "number", Sum: true}}, nil, nil},
		{"cột đầu là cột cộng", []report.Column{{Name: "Số", Type: "number", Sum: true}, {Name: "Tên"}}, [][]string{{"1.5", "a"}, {"2", "b"}}, []string{"3.5"}},
		{"nhãn một cột", []report.Column{{Name: "Tên"}, {Name: "Số", Type: "number", Sum: true}}, [][]string{{"a", "1"}, {"b", "2"}}, []string{totalLabel, "3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sampleReport()
			r.Annexes = []report.Annex{{Title: "Bảng", Table: &report.Table{Columns: tt.columns, Rows: tt.rows}}}
			f, _ := reopen(t, r)
			rows, err := f.GetRows("Bảng", excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			below := 5 + len(tt.rows) // header on row 5
			var got []string
			if len(rows) > below {
				got = rows[below]
			}
			if !slices.Equal(got, tt.total) {
				t.Errorf("row under the data = %q, want %q", got, tt.total)
			}
		})
	}
}

func TestAnnexErrors(t *testing.T) {
	at := func(line int) report.Pos { return report.Pos{File: "hn.yaml", Line: line, Column: 9} }
	tests := []struct {
		name  string
		table report.Table
		want  []string // the messages, in order, with their positions
	}{
		{
			name: "chữ trong cột số",
			table: report.Table{
				Columns: []report.Column{{Name: "Đơn vị"}, {Name: "Số tiền", Type: "number"}},
				Rows:    [][]string{{"A", "12"}, {"B", "12,5"}, {"C", "mười"}},
			},
			want: []string{
				"hn.yaml:11:9: Phụ lục I: dòng 2, cột “Số tiền”: “12,5” không phải là số",
				"hn.yaml:12:9: Phụ lục I: dòng 3, cột “Số tiền”: “mười” không phải là số",
			},
		},
		{
			name: "sai số ô, cộng cột chữ",
			table: report.Table{
				Columns: []report.Column{{Name: "Đơn vị", Sum: true}, {Name: "Số", Type: "number"}},
				Rows:    [][]string{{"A"}},
			},
			want: []string{
				"hn.yaml:5:9: Phụ lục I: cột “Đơn vị” là cột chữ nên không cộng được",
				"hn.yaml:20:9: Phụ lục I: dòng 1 có 1 ô, bảng có 2 cột",
			},
		},
		{
			name:  "không có cột",
			table: report.Table{Rows: [][]string{}},
			want:  []string{"hn.yaml:4:9: Phụ lục I: bảng không có cột nào"},
		},
		{
			name: "nhiều lỗi: dừng ở 20",
			table: report.Table{
				Columns: []report.Column{{Name: "Số", Type: "number"}},
				Rows:    slices.Repeat([][]string{{"x"}}, 30),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sampleReport()
			r.Annexes = []report.Annex{{Title: "Bảng", Table: &tt.table}}
			r.Positions = map[string]report.Pos{
				"annexes[0].table":                at(3),
				"annexes[0].table.columns":        at(4),
				"annexes[0].table.columns[0].sum": at(5),
				"annexes[0].table.rows[0]":        at(20),
				"annexes[0].table.rows[1][1]":     at(11),
				"annexes[0].table.rows[2][1]":     at(12),
			}
			err := Write(failingWriter{}, r)
			var es report.Errors
			if !errors.As(err, &es) {
				t.Fatalf("Write: %v, want report.Errors", err)
			}
			if tt.want == nil {
				if len(es) != maxTableErrors+1 {
					t.Errorf("%d errors, want %d and a last one saying there are more", len(es), maxTableErrors+1)
				}
				return
			}
			if len(es) != len(tt.want) {
				t.Fatalf("errors:\n%v\nwant %d", err, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(es[i].Error(), w) {
					t.Errorf("error %d = %q, want it to start %q", i, es[i].Error(), w)
				}
			}
		})
	}
}

// TestWideTableWrapsHeadings: a table too wide with headings on one line
// wraps them at their words instead, and still fills the page.
func TestWideTableWrapsHeadings(t *testing.T) {
	r := sampleReport()
	tb := &report.Table{Columns: []report.Column{{Name: "Đơn vị"}}, Rows: [][]string{{"Huyện Côn Đảo"}}}
	for range 12 {
		tb.Columns = append(tb.Columns, report.Column{Name: "Học sinh trung học cơ sở", Type: "number"})
		tb.Rows[0] = append(tb.Rows[0], "5")
	}
	r.Annexes = []report.Annex{{Title: "Rộng", Table: tb}}
	f, data := reopen(t, r)
	var total float64
	for c := range tb.Columns {
		w, err := f.GetColWidth("Rộng", colLetters(c+1))
		if err != nil {
			t.Fatal(err)
		}
		total += w
	}
	if page := (&workbook{r: r}).pageWidth(); math.Abs(total-page) > 0.2 {
		t.Errorf("table %v wide, page %v", total, page)
	}
	var ws worksheetXML
	decodePart(t, parts(t, data), sheetPart(t, f, "Rộng"), &ws)
	for _, row := range ws.Rows {
		if row.R == 5 && row.Ht <= rowHeight(1, tableSize) {
			t.Errorf("header row %v high: the headings do not wrap", row.Ht)
		}
	}
}
