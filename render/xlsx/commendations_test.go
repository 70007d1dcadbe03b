package xlsx

import (
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestCommendationSheet(t *testing.T) {
	r := sampleReport()
	f, _ := reopen(t, r)
	rows, err := f.GetRows(CommendationSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range r.Commendations.Awards {
		want := []string{strconv.Itoa(i + 1), a.Form, strconv.Itoa(a.Collectives), strconv.Itoa(a.Individuals)}
		if got := rows[4+i]; !slices.Equal(got, want) {
			t.Errorf("row %d = %q, want %q", 5+i, got, want)
		}
	}
	n := rowOf(t, f, CommendationSheet, 1, totalLabel)
	if n != 5+len(r.Commendations.Awards) {
		t.Errorf("TỔNG CỘNG on row %d, want right under the awards", n)
	}
	collectives, individuals := r.Commendations.Totals()
	for col, want := range map[string]int{"C": collectives, "D": individuals} {
		cell := col + strconv.Itoa(n)
		if got, _ := f.GetCellFormula(CommendationSheet, cell); got != "SUM("+col+"5:"+col+"7)" {
			t.Errorf("%s formula = %q", cell, got)
		}
		if got := calc(t, f, CommendationSheet, cell); got != strconv.Itoa(want) {
			t.Errorf("%s calculates to %s, report totals %d", cell, got, want)
		}
		if got := value(t, f, CommendationSheet, cell, true); got != strconv.Itoa(want) {
			t.Errorf("%s stores %s, report totals %d", cell, got, want)
		}
		if st := styleOf(t, f, CommendationSheet, cell); !st.Font.Bold || *st.CustomNumFmt != "#,##0" {
			t.Errorf("%s is not a bold count", cell)
		}
	}
	merged, _ := f.GetMergeCells(CommendationSheet)
	if !slices.ContainsFunc(merged, func(m excelize.MergeCell) bool { return m.GetStartAxis() == "A8" && m.GetEndAxis() == "B8" }) {
		t.Error("TỔNG CỘNG is not merged across STT and the form")
	}
}
