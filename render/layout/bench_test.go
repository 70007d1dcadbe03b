package layout

import (
	"fmt"
	"strings"
	"testing"

	"baocao/render/document"
	"baocao/render/face"
)

// BenchmarkTable lays out a report of one long table, a row in fifty tall
// enough to split over pages, and the closing block: its ns/row stays the
// same from 300 rows to 3.000, as row splitting, repeated headers and
// keeping the last lines with the closing block cost the same per row.
func BenchmarkTable(b *testing.B) {
	for _, n := range []int{300, 3000} {
		b.Run(fmt.Sprint(n, "rows"), func(b *testing.B) {
			d := sampleDoc(1, 0)
			tab := d.Body[len(d.Body)-2].(*document.Table)
			tall := strings.Repeat("và các đơn vị trực thuộc ", 60)
			for i := range n {
				name := "Số vụ tai nạn giao thông trên địa bàn thành phố"
				if i%50 == 49 {
					name += " " + tall
				}
				tab.Rows = append(tab.Rows, []document.Cell{
					{Runs: []document.Run{{Text: fmt.Sprint(i + 1)}}},
					{Runs: []document.Run{{Text: name}}},
					{Runs: []document.Run{{Text: "1.234"}}},
				})
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Layout(d, face.Default(), DefaultSettings()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/row")
		})
	}
}
