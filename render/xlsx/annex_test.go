package xlsx

import (
	"math"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/render/report"
)

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
