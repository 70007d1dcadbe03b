package load

import (
	"fmt"
	"reflect"
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
        - ["Phòng A", "3.965"]
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
		{`"‸3.965"]`, `ô ở cột "Số vụ" là 3.965, đọc được hai cách`},
		{`["Phòng B"]`, "dòng 2 có 1 ô nhưng bảng có 2 cột"},
		{`"‸1e3"]`, `ô ở cột "Số vụ" là 1e3, viết dạng lũy thừa`},
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
	src := readFixture(t) + strings.Replace(annexSection, "        - [\"Phòng A\"", strings.Repeat("        - [\"X\", \"1,5 vụ\"]\n", 30)+"        - [\"Phòng A\"", 1)
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

// TestAnnexCellPositions: the rows and cells of a table, kept out of
// Positions, are found by PosOf where they are written — inside the quotes
// of a quoted cell, each cell of a row written as a block on its own line.
func TestAnnexCellPositions(t *testing.T) {
	src := readFixture(t) + `annexes:
  - title: Số liệu các đơn vị
    table:
      columns:
        - name: Đơn vị
        - {name: Số vụ, type: number}
      rows:
        - [Phòng A, "3965"]
        - - "Phòng B"
          - 12
`
	r, err := Bytes("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]string{{"Phòng A", "3965"}, {"Phòng B", "12"}}; !reflect.DeepEqual(r.Annexes[0].Table.Rows, want) {
		t.Errorf("rows %q, want %q", r.Annexes[0].Table.Rows, want)
	}
	for _, tt := range []struct{ path, at string }{
		{"annexes[0].table.rows", "‸- [Phòng A"},
		{"annexes[0].table.rows[0]", "‸[Phòng A"},
		{"annexes[0].table.rows[0][0]", "[‸Phòng A"},
		{"annexes[0].table.rows[0][1]", `"‸3965"`},
		{"annexes[0].table.rows[1]", "- ‸- \"Phòng B"},
		{"annexes[0].table.rows[1][0]", `"‸Phòng B"`},
		{"annexes[0].table.rows[1][1]", "- ‸12"},
	} {
		if p, want := r.PosOf(tt.path), at(t, src, tt.at); p.File != "t.yaml" || fmt.Sprintf("%d:%d", p.Line, p.Column) != want {
			t.Errorf("PosOf(%s) = %v, want t.yaml:%s", tt.path, p, want)
		}
	}
}

// TestAnnexRowErrors: a row or cell that is not text is reported at its
// place, as any list item is.
func TestAnnexRowErrors(t *testing.T) {
	head := readFixture(t) + `annexes:
  - title: Số liệu các đơn vị
    table:
      columns: [{name: Đơn vị}, {name: Ghi chú}]
      rows:
        - [Phòng A, "x"]
`
	tests := []struct{ row, at, want string }{
		{`        - [Phòng B, ~]`, "Phòng B, ‸~", `mục thứ 2 của "rows[1]" đang để trống`},
		{`        - [Phòng B, {a: b}]`, "Phòng B, ‸{a: b}", `mục thứ 2 của "rows[1]" phải là một đoạn chữ, đang là một nhóm khóa`},
		{`        - [Phòng B, [a]]`, "Phòng B, ‸[a]", `mục thứ 2 của "rows[1]" phải là một đoạn chữ, đang là một danh sách`},
		{`        - Phòng B`, "- ‸Phòng B", `mục thứ 2 của "rows" phải là một danh sách, đang là chữ "Phòng B"`},
		{`        -`, "        -‸\n", `mục thứ 2 của "rows" đang để trống`},
	}
	for _, tt := range tests {
		t.Run(tt.row, func(t *testing.T) {
			src := head + tt.row + "\n"
			if es, pos := loadErrors(t, src), at(t, src, tt.at); !hasError(es, pos, tt.want) {
				t.Errorf("missing error at %s containing %q; got\n%v", pos, tt.want, es)
			}
		})
	}
}
