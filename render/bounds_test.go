package render_test

import (
	"context"
	"strings"
	"testing"

	"baocao/render"
	"baocao/render/load"
)

// atBounds is a report whose figures are at the bounds the loader keeps
// (package figure): 15 digits, 4 decimals, totals of 15 digits and, with
// decimals, next to figure.MaxSum of their rows, a percentage of 9 digits,
// and percentages exactly half a tenth, which binary arithmetic rounds the
// wrong way. The figures are
// written in plain digits, which every version of the loader reads alike.
// No statistics table: its narrow columns wrap 15-digit figures, which
// pdftotext then cannot give back whole; the text's comparisons print the
// same figures.
func atBounds() string {
	var rows strings.Builder
	for i := range 1000 {
		rows.WriteString("        - [\"" + strings.Repeat("x", i%3+1) + "\", \"450359.9627\", \"999999999999\"]\n")
	}
	return `agency:
  name: CÔNG AN THÀNH PHỐ CẦN THƠ
  place: Cần Thơ
conference:
  name: Hội nghị tổng kết
  date: 14/01/2022
  place: Hội trường
  chair: thuan
  delegates:
    - id: thuan
      name: Nguyễn Văn Thuận
statistics:
  previous: Năm 2020
  current: Năm 2021
  groups:
    - title: Kinh phí
      indicators:
        - {id: a, name: Kinh phí A, unit: đồng, previous: 499999999999999, current: 500000000000000}
        - {id: b, name: Kinh phí B, unit: đồng, previous: 500000000000000, current: 499999999999999}
    - title: Diện tích
      indicators:
        - {id: i, name: Diện tích I, unit: ha, previous: 49999999.99, current: 50000000}
        - {id: j, name: Diện tích J, unit: ha, previous: 50000000, current: 49999999.99}
    - title: Hệ số
      indicators:
        - {id: c, name: Hệ số C, unit: lần, previous: 99999999999.9999, current: 0.0001}
        - {id: d, name: Hệ số D, unit: điểm, previous: 0.0001, current: 99.9999}
    - title: Làm tròn
      indicators:
        - {id: e, name: Số vụ E, unit: vụ, previous: 40, current: 44.9}
        - {id: f, name: Số người F, unit: người, previous: 40, current: 35.1}
        - {id: g, name: Số lượt G, unit: lượt, previous: 8, current: 8.98}
        - {id: h, name: Số đợt H, unit: đợt, previous: 3, current: 3.0735}
commendations:
  awards:
    - {form: Bằng khen, collectives: 1, individuals: 999999999999998}
    - {form: Giấy khen, collectives: 2, individuals: 1}
bao_cao:
  number: 1
  code: BC-CAT
  date: 15/01/2022
  title: Số liệu ở giới hạn
  signer:
    title: GIÁM ĐỐC
    name: Nguyễn Văn Thuận
  recipients:
    - "Lưu: VT."
  body: |
    # Số liệu

    A {{ value "a" }}, {{ change "a" }}; B {{ change "b" }}; I {{ value "i" }}, {{ change "i" }};
    J {{ change "j" }}; C {{ value "c" }}, {{ change "c" }}; D {{ change "d" }}; E {{ change "e" }};
    F {{ change "f" }}; G {{ change "g" }}; H {{ change "h" }}. Khen thưởng {{ commended }}.
annexes:
  - title: Giới hạn
    table:
      columns:
        - name: Đơn vị
        - {name: Kinh phí, type: number, sum: true}
        - {name: Số lượt, type: number, sum: true}
      rows:
` + rows.String()
}

// TestFiguresAtBounds: at the bounds, every figure — and every difference,
// percentage and total derived from them — is exact, and the same in the
// PDF, in the workbook as stored, and in the workbook as LibreOffice
// computes its formulas.
func TestFiguresAtBounds(t *testing.T) {
	r, err := load.Bytes("gioi-han.yaml", []byte(atBounds()))
	if err != nil {
		t.Fatal(err)
	}
	outs, err := render.Outputs(r, "gioi-han", render.Options{Version: "test", Only: []string{"bao-cao", render.WorkbookSlug}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := render.WriteAll(context.Background(), dir, outs); err != nil {
		t.Fatal(err)
	}
	checkWorkbookMatchesPDF(t, r, dir, "gioi-han", true)
	// The figures themselves, worked out by hand.
	if pdf := pdfText(t, dir); pdf != "" {
		for _, want := range []string{
			"A 500.000.000.000.000 đồng, tăng 1 đồng, tương ứng 0,0% so với",
			"B giảm 1 đồng, tương ứng 0,0% so với",
			"I 50.000.000,00 ha, tăng 0,01 ha, tương ứng 0,0% so với",
			"C 0,0001 lần, giảm 99.999.999.999,9998 lần, tương ứng 100,0% so với",
			"D tăng 99,9998 điểm, tương ứng 99.999.800,0% so với",
			"E tăng 4,9 vụ, tương ứng 12,3% so với",
			"F giảm 4,9 người, tương ứng 12,3% so với",
			"G tăng 0,98 lượt, tương ứng 12,3% so với",
			"H tăng 0,0735 đợt, tương ứng 2,5% so với",
			"3 tập thể, 999.999.999.999.999 cá nhân",
			" TỔNG CỘNG 450.359.962,7000 999.999.999.999.000 ",
		} {
			if !strings.Contains(pdf, want) {
				t.Errorf("the PDF does not print %q", want)
			}
		}
	}
	checkLibreOffice(t, dir, "gioi-han", true)
}
