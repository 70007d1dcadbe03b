package render_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"baocao/render"
	"baocao/render/load"
)

// largeRow is row i of the large annex: a number, a unit's name, two
// summed number columns (one with decimals) and a note, as
// render/xlsx's BenchmarkLargeAnnex has them.
func largeRow(i int) []string {
	return []string{
		strconv.Itoa(i + 1),
		fmt.Sprintf("Công an phường %d, quận Ninh Kiều", i%97+1),
		strconv.Itoa(i % 1000),
		fmt.Sprintf("%d.%02d", i%5000, i%100),
		"Hoàn thành",
	}
}

// largeYAML is an input file with the example's header, a short báo cáo
// and one annex whose table has rows rows of largeRow, written one row a
// line as a table exported from a spreadsheet is.
func largeYAML(rows int) string {
	var b strings.Builder
	b.WriteString(`agency:
  parent: BỘ CÔNG AN
  name: CÔNG AN THÀNH PHỐ CẦN THƠ
  name_in_text: Công an thành phố Cần Thơ
  place: Cần Thơ
conference:
  name: Hội nghị tổng kết công tác Công an năm 2021, triển khai nhiệm vụ năm 2022
  date: 2022-01-14
  time: "08:00"
  place: Hội trường Công an thành phố Cần Thơ
  chair: thuan
  delegates:
    - id: thuan
      rank: Thiếu tướng
      name: Nguyễn Văn Thuận
      titles: [Giám đốc Công an thành phố]
bao_cao:
  number: 15
  code: BC-CAT
  date: 15/01/2022
  title: Tổng kết công tác Công an năm 2021, phương hướng, nhiệm vụ năm 2022
  signer: {title: GIÁM ĐỐC, rank: Thiếu tướng, name: Nguyễn Văn Thuận}
  recipients: [Bộ Công an (để báo cáo), "Lưu: VT, PV01"]
  body: |
    Kết quả tổng rà soát của các đơn vị ở Phụ lục I.
annexes:
  - title: Kết quả tổng rà soát
    table:
      columns:
        - name: STT
        - name: Đơn vị
        - {name: Số hộ, type: number, sum: true}
        - {name: Kinh phí (triệu đồng), type: number, sum: true}
        - name: Kết quả
      rows:
`)
	for i := range rows {
		c := largeRow(i)
		fmt.Fprintf(&b, "        - [%s, %q, %s, %s, %s]\n", c[0], c[1], c[2], c[3], c[4])
	}
	return b.String()
}

// TestLargeYAML: the input file of the large annex loads with every row as
// written and gives its workbook. With BAOCAO_LARGE=FILE:ROWS set it writes
// that file, for BENCHMARKS.md's whole-process run of the 100.000-row annex.
func TestLargeYAML(t *testing.T) {
	file, rows := generated(t, "BAOCAO_LARGE", 2000, largeYAML)
	r, err := load.File(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Annexes) != 1 || r.Annexes[0].Table == nil || len(r.Annexes[0].Table.Rows) != rows {
		t.Fatalf("the file does not load as one annex of %d rows", rows)
	}
	for i, row := range r.Annexes[0].Table.Rows {
		if want := largeRow(i); !slices.Equal(row, want) {
			t.Fatalf("row %d is %q, want %q", i+1, row, want)
		}
	}
	outs, err := render.Outputs(r, "large", render.Options{Only: []string{render.WorkbookSlug}})
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 1 {
		t.Fatalf("got %d outputs, want the workbook", len(outs))
	}
	if err := outs[0].Write(io.Discard); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkLoadLarge: reading and validating the input file of a
// 100.000-row annex, some 9 MB.
func BenchmarkLoadLarge(b *testing.B) {
	file := filepath.Join(b.TempDir(), "large.yaml")
	if err := os.WriteFile(file, []byte(largeYAML(100_000)), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load.File(file); err != nil {
			b.Fatal(err)
		}
	}
}
