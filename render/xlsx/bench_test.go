package xlsx

import (
	"fmt"
	"io"
	"math"
	"runtime"
	"strconv"
	"testing"

	"baocao/render/figure"
	"baocao/render/report"
)

// largeReport has one annex table of n rows: a number, a unit's name, two
// summed number columns (one with decimals) and a note.
func largeReport(n int) *report.Report {
	r := sampleReport()
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = []string{
			strconv.Itoa(i + 1),
			fmt.Sprintf("Công an phường %d, quận Ninh Kiều", i%97+1),
			strconv.Itoa(i % 1000),
			fmt.Sprintf("%d.%02d", i%5000, i%100),
			"Hoàn thành",
		}
	}
	r.Annexes = []report.Annex{{Title: "Kết quả tổng rà soát", Table: &report.Table{
		Columns: []report.Column{
			{Name: "STT"}, {Name: "Đơn vị"},
			{Name: "Số hộ", Type: "number", Sum: true},
			{Name: "Kinh phí (triệu đồng)", Type: "number", Sum: true},
			{Name: "Kết quả"},
		},
		Rows: rows,
	}}}
	return r
}

// BenchmarkLargeAnnex writes a workbook whose annex has 100.000 rows. The
// MB-sys metric is the memory the Go runtime took from the system over the
// whole run, an upper bound of the peak.
func BenchmarkLargeAnnex(b *testing.B) {
	r := largeReport(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Sys)/(1<<20), "MB-sys")
}

// TestLargeAnnex: a long annex comes out whole, its total right.
func TestLargeAnnex(t *testing.T) {
	const n = 5000
	r := largeReport(n)
	f, _ := reopen(t, r)
	const sheet = "Kết quả tổng rà soát"
	first, last := 6, 5+n
	if got := value(t, f, sheet, ref(1, last), false); got != strconv.Itoa(n) {
		t.Errorf("last row numbered %q, want %d", got, n)
	}
	var households, money float64
	for _, row := range r.Annexes[0].Table.Rows {
		h, _ := figure.Parse(row[2])
		m, _ := figure.Parse(row[3])
		households += h
		money += m
	}
	for _, tt := range []struct {
		col, decimals int
		want          string
	}{{3, 0, num(households)}, {4, 2, num(math.Round(money*100) / 100)}} {
		cell := ref(tt.col, last+1)
		want := fmt.Sprintf("ROUND(SUM(%s:%s),%d)", ref(tt.col, first), ref(tt.col, last), tt.decimals)
		if got, _ := f.GetCellFormula(sheet, cell); got != want {
			t.Errorf("%s formula %q, want %q", cell, got, want)
		}
		if got := value(t, f, sheet, cell, true); got != tt.want {
			t.Errorf("%s stores %s, want %s", cell, got, tt.want)
		}
	}
}

// BenchmarkAtLimits writes workbooks at the limits of limits.go, where
// excelize's work grows faster than the input: maxGroups groups (a chart
// each), maxAnnexTables annex tables (a sheet each), an annex table of
// maxColumns columns.
func BenchmarkAtLimits(b *testing.B) {
	for _, bb := range []struct {
		name string
		edit func(r *report.Report)
	}{
		{"groups", func(r *report.Report) {
			g := r.Statistics.Groups[0]
			r.Statistics.Groups = nil
			for range maxGroups {
				r.Statistics.Groups = append(r.Statistics.Groups, g)
			}
		}},
		{"tables", func(r *report.Report) {
			a := r.Annexes[1]
			r.Annexes = nil
			for range maxAnnexTables {
				r.Annexes = append(r.Annexes, a)
			}
		}},
		{"columns", func(r *report.Report) {
			tb := &report.Table{Rows: make([][]string, 20)}
			for c := range maxColumns {
				tb.Columns = append(tb.Columns, report.Column{Name: fmt.Sprint("Cột ", c+1), Type: "number", Sum: true})
				for i := range tb.Rows {
					tb.Rows[i] = append(tb.Rows[i], strconv.Itoa(i*c))
				}
			}
			r.Annexes = []report.Annex{{Title: "Rộng", Table: tb}}
		}},
	} {
		b.Run(bb.name, func(b *testing.B) {
			r := sampleReport()
			bb.edit(r)
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
