package load

import (
	"strings"
	"testing"
)

// annexSection is an annex table to append to the fixture.
const annexSection = `annexes:
  - title: Số liệu các đơn vị
    table:
      columns:
        - name: Đơn vị
          sum: true
        - name: Số vụ
          type: number
          sum: true
      rows:
        - ["Phòng A", "3.965,5"]
        - ["Phòng B"]
        - ["Phòng C", "1e3"]
        - ["Phòng D", "12"]
        - ["Phòng E", ""]
`

// TestAnnexTableErrors: each malformed cell, row and sum is reported at its
// place; well-formed numbers and empty cells are accepted.
func TestAnnexTableErrors(t *testing.T) {
	src := readFixture(t) + annexSection
	es := loadErrors(t, src)
	for _, w := range [][2]string{
		{"sum: ‸true\n        - name: Số vụ", `cột "Đơn vị" là cột chữ nên không cộng được`},
		{`"‸3.965,5"]`, `ô "3.965,5" ở cột "Số vụ" không phải là số`},
		{`["Phòng B"]`, "dòng 2 có 1 ô nhưng bảng có 2 cột"},
		{`"‸1e3"]`, `ô "1e3" ở cột "Số vụ" không phải là số`},
	} {
		if pos := at(t, src, w[0]); !hasError(es, pos, w[1]) {
			t.Errorf("missing error at %s containing %q; got\n%v", pos, w[1], es)
		}
	}
	if len(es) != 4 {
		t.Errorf("got %d errors, want 4:\n%v", len(es), es)
	}
}

// TestAnnexTableErrorsBounded: a table pasted wrongly gives at most 20
// messages and a last one saying there are more.
func TestAnnexTableErrorsBounded(t *testing.T) {
	src := readFixture(t) + strings.Replace(annexSection, "        - [\"Phòng A\"", strings.Repeat("        - [\"X\", \"1,5\"]\n", 30)+"        - [\"Phòng A\"", 1)
	es := loadErrors(t, src)
	more := 0
	for _, e := range es {
		if strings.Contains(e.Msg, "còn lỗi khác") {
			more++
		}
	}
	if len(es) != 21 || more != 1 {
		t.Errorf("got %d errors, %d saying there are more; want 20 and one:\n%v", len(es), more, es)
	}
}

// TestAnnexesNeedReport: annexes print with a báo cáo; without one they
// would be silently dropped.
func TestAnnexesNeedReport(t *testing.T) {
	base := readFixture(t)
	src := base[:strings.Index(base, "bao_cao:")] + "annexes:\n  - title: Ghi chú\n    body: Nội dung.\n"
	es := loadErrors(t, src)
	if pos := at(t, src, "annexes:\n  ‸- title"); !hasError(es, pos, "có annexes nhưng không có bao_cao") {
		t.Errorf("missing error at %s; got\n%v", pos, es)
	}
}
