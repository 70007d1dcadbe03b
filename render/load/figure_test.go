package load

import (
	"strings"
	"testing"

	"baocao/render/figure"
	"baocao/render/report"
)

// TestFigureValues: every figure is read from what the clerk wrote, in the
// Vietnamese notation, quoted or not — never as YAML reads it (3.965 as
// three point nine six five, 010 as eight).
func TestFigureValues(t *testing.T) {
	base := readFixture(t)
	tests := []struct {
		old, new string
		got      func(r *report.Report) float64
		want     float64
	}{
		{"previous: 420", "previous: 3.965,5", previous, 3965.5},
		{"previous: 420", `previous: "3.965,5"`, previous, 3965.5},
		{"previous: 420", `previous: '1.234.567'`, previous, 1234567},
		{"previous: 420", "previous: 1.234.567", previous, 1234567},
		{"previous: 420", "previous: 12,5", previous, 12.5},
		{"previous: 420", "previous: 0,965", previous, 0.965},
		{"previous: 420", "previous: 3,9650", previous, 3.965},
		{"previous: 420", "previous: 87.6", previous, 87.6},
		{"previous: 420", "previous: 3 965", previous, 3965},
		{"previous: 420", "previous: \"3\u00a0965\"", previous, 3965},
		{"previous: 420", "previous: 1,234,567", previous, 1234567},
		{"previous: 420", "previous: 010", previous, 10},
		{"previous: 420", "previous: 99.999.999.999,9999", previous, 99999999999.9999},
		{"number: 15", "number: 010", docNumber, 10},
		{"number: 15", "number: 05", docNumber, 5},
		{"number: 15", `number: "15"`, docNumber, 15},
		{"individuals: 40", "individuals: 1.234.567", individuals, 1234567},
		{"individuals: 40", "individuals: 3 965", individuals, 3965},
		{"individuals: 40", "individuals: 999.999.999.999.999", individuals, 999999999999999},
		{"margin_top: 25", "margin_top: 22,5", marginTop, 22.5},
	}
	for _, tt := range tests {
		t.Run(tt.new, func(t *testing.T) {
			r, err := Bytes("t.yaml", []byte(edit(t, base, tt.old, tt.new)))
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.got(r); got != tt.want {
				t.Errorf("read %v, want %v", got, tt.want)
			}
		})
	}
}

func previous(r *report.Report) float64    { return r.Statistics.Groups[0].Indicators[0].Previous }
func docNumber(r *report.Report) float64   { return float64(r.BaoCao.Number) }
func individuals(r *report.Report) float64 { return float64(r.Commendations.Awards[0].Individuals) }
func marginTop(r *report.Report) float64   { return r.Format.MarginTop }

// TestFigureErrors: a figure that can be read two ways, or that is written
// as programs write numbers, is refused at its place with both readings or
// the way to write it.
func TestFigureErrors(t *testing.T) {
	base := readFixture(t)
	tests := []struct {
		old, new, at, want string
	}{
		{"previous: 420", "previous: 3.965", "‸3.965",
			`"previous" là 3.965, đọc được hai cách: ba nghìn chín trăm sáu mươi lăm (dấu chấm tách hàng nghìn) hoặc ba phẩy chín sáu năm (dấu chấm là dấu thập phân, kiểu Excel tiếng Anh) — baocao không đoán: nếu là ba nghìn chín trăm sáu mươi lăm, hãy viết 3965; nếu là ba phẩy chín sáu năm, hãy viết 3,9650`},
		{"previous: 420", "previous: 3,965", "‸3,965",
			`"previous" là 3,965, đọc được hai cách: ba nghìn chín trăm sáu mươi lăm (dấu phẩy tách hàng nghìn, kiểu Excel tiếng Anh) hoặc ba phẩy chín sáu năm (dấu phẩy thập phân) — baocao không đoán: nếu là ba nghìn chín trăm sáu mươi lăm, hãy viết 3965; nếu là ba phẩy chín sáu năm, hãy viết 3,9650`},
		{"previous: 420", `previous: "3.960"`, `‸"3.960"`,
			`nếu là ba nghìn chín trăm sáu mươi, hãy viết 3960; nếu là ba phẩy chín sáu, hãy viết 3,96`},
		{"individuals: 40", "individuals: 1.000", "‸1.000",
			`"individuals" là 1.000, đọc được hai cách: một nghìn (dấu chấm tách hàng nghìn) hoặc một (dấu chấm là dấu thập phân, kiểu Excel tiếng Anh) — baocao không đoán: nếu là một nghìn, hãy viết 1000; nếu là một, hãy viết 1`},
		{"individuals: 40", "individuals: 1,500", "‸1,500",
			`"individuals" là 1,500, đọc được hai cách: một nghìn năm trăm (dấu phẩy tách hàng nghìn, kiểu Excel tiếng Anh) hoặc một phẩy năm (dấu phẩy thập phân), nhưng ở đây cần số nguyên — nếu là một nghìn năm trăm, hãy viết 1500`},
		{"number: 15", "number: 0x10", "‸0x10", `"number" là 0x10, cách viết số của máy tính theo hệ cơ số 16, tức là 16 — hãy viết số thập phân thông thường: 16`},
		{"number: 15", "number: 0o17", "‸0o17", `"number" là 0o17, cách viết số của máy tính theo hệ cơ số 8, tức là 15 — hãy viết số thập phân thông thường: 15`},
		{"number: 15", "number: 0b1111", "‸0b1111", `theo hệ cơ số 2, tức là 15`},
		{"number: 15", "number: 0xZZ", "‸0xZZ", `theo hệ cơ số 16, 8 hoặc 2`},
		{"number: 15", "number: 1_5", "‸1_5", `"number" là 1_5, có dấu gạch dưới "_" — hãy bỏ dấu "_": 15`},
		{"number: 15", "number: 1e3", "‸1e3", `"number" là 1e3, viết dạng lũy thừa (chữ e) — hãy viết đủ các chữ số`},
		{"number: 15", "number: +15", "‸+15", `"number" là +15, có dấu "+" ở đầu — số không ghi dấu "+": hãy viết 15`},
		{"number: 15", "number: 15,0", "‸15,0", `"number" phải là số nguyên, đang là 15,0 — hãy viết số nguyên`},
		{"number: 15", "number: true", "number: ‸true", `"number" phải là một số nguyên, đang là giá trị true`},
		{"number: 15", `number: ""`, `‸""`, `"number" đang để trống — hãy điền một số`},
		{"current: 378", "current: 1e300", "‸1e300", `"current" là 1e300, viết dạng lũy thừa`},
		{"current: 378", "current: .5", "‸.5", `"current" là .5, thiếu chữ số trước dấu thập phân — hãy viết thêm số 0 ở đầu, ví dụ 0,5`},
		{"current: 378", "current: 5.", "‸5.", `"current" là 5., có dấu "." ở cuối mà không có chữ số nào theo sau — nếu là số nguyên, hãy viết 5`},
		{"current: 378", "current: 87,6%", "‸87,6%", `"current" là 87,6%, có dấu "%" — dấu % thuộc về đơn vị (unit) hoặc tên cột, ở đây chỉ ghi số: 87,6`},
		{"current: 378", "current: -5", "‸-5", `"current" phải là số không âm, đang là -5`},
		{"current: 378", "current: 0,000001", "‸0,000001", `"current" là 0,000001, có 6 chữ số thập phân, nhiều hơn 4 chữ số baocao nhận — hãy làm tròn`},
		{"current: 378", "current: 9007199254740993", "‸9007199254740993",
			`"current" là 9007199254740993, có 16 chữ số, quá 15 chữ số mà Excel giữ được — hãy kiểm tra lại số này; nếu đúng, hãy đổi sang đơn vị lớn hơn (ví dụ tỷ đồng thay cho đồng)`},
		{"current: 378", "current: 1.23.456", "‸1.23.456", `"current" phải là một số, đang là "1.23.456" — hãy viết số như Excel tiếng Việt hiển thị`},
		{"current: 378", "current: [1, 2]", "‸[1, 2]", `"current" phải là một số, đang là một danh sách`},
	}
	for _, tt := range tests {
		t.Run(tt.new, func(t *testing.T) {
			src := edit(t, base, tt.old, tt.new)
			es := loadErrors(t, src)
			if pos := at(t, src, tt.at); !hasError(es, pos, tt.want) || len(es) != 1 {
				t.Errorf("want one error at %s containing %q; got\n%v", pos, tt.want, es)
			}
		})
	}
}

// TestFigureBounds: a figure derived from others — a row's figure shown
// with the row's decimals, a percentage, a total — beyond the digits a
// workbook keeps is refused at the figure that takes it there.
func TestFigureBounds(t *testing.T) {
	base := readFixture(t)
	// A second indicator in vụ gives the first group a total row.
	twoInGroup := []string{"          current: 378\n", "          current: 378\n        - id: toi-pham-2\n          name: Số vụ ma túy\n          unit: vụ\n          previous: 10\n          current: 12\n"}
	tests := []struct {
		name  string
		edits []string
		at    string
		want  string
	}{
		{"row decimals", []string{"previous: 420", "previous: 999.999.999.999.999", "current: 378", "current: 0,5"},
			"‸999.999.999.999.999", `"previous" là 999.999.999.999.999, in cùng 1 chữ số thập phân như "current" (0,5) thành 999.999.999.999.999,0, 16 chữ số, quá 15 chữ số mà Excel giữ được — hãy bớt chữ số thập phân của "current"`},
		{"percentage", []string{"previous: 420", "previous: 0,0001", "current: 378", "current: 99.999.999.999"},
			"‸0,0001", `tỷ lệ tăng/giảm của chỉ tiêu "Số vụ phạm tội về trật tự xã hội" so với kỳ trước vượt 99.999.999,9% (kỳ này gấp hơn một triệu lần kỳ trước): "previous" (0,0001) quá nhỏ so với "current" (99.999.999.999) — hãy kiểm tra lại hai số này`},
		{"percentage just over", []string{"previous: 420", "previous: 1", "current: 378", "current: 1.000.001"},
			"          previous: ‸1\n", `tỷ lệ tăng/giảm của chỉ tiêu "Số vụ phạm tội về trật tự xã hội" so với kỳ trước vượt 99.999.999,9%`},
		{"group total", append(twoInGroup, "previous: 420", "previous: 999.999.999.999.990"),
			"previous: ‸10", `cộng đến số này, tổng "previous" của nhóm "Tình hình tội phạm" (dòng của nhóm trong bảng Excel) đã quá 999.999.999.999.999, số lớn nhất có 15 chữ số mà Excel giữ được`},
		{"group total percentage", append(twoInGroup, "previous: 420", "previous: 0", "current: 378", "current: 999999", "previous: 10", "previous: 0,0001", "current: 12", "current: 0,0001"),
			"title: ‸Tình hình", `tỷ lệ tăng/giảm của nhóm "Tình hình tội phạm" (dòng của nhóm trong bảng Excel) vượt 99.999.999,9%: tổng "previous" (0,0001) quá nhỏ so với tổng "current" (999.999,0001) — hãy kiểm tra lại các số "previous"`},
		{"group total with decimals", append(twoInGroup, "previous: 420", "previous: 9.999.999.999.999,99", "previous: 10", "previous: 0,01"),
			"previous: ‸0,01", `cộng đến số này, tổng "previous" của nhóm "Tình hình tội phạm" (dòng của nhóm trong bảng Excel) đã quá 9.999.999.999.999,99, số lớn nhất có 15 chữ số mà Excel giữ được`},
		{"commendations", []string{"      individuals: 40\n", "      individuals: 999.999.999.999.999\n    - form: Giấy khen\n      individuals: 1\n"},
			"individuals: ‸1\n", `cộng đến số này, tổng số cá nhân được khen thưởng (dòng TỔNG CỘNG) đã quá 999.999.999.999.999, số lớn nhất có 15 chữ số mà Excel giữ được — hãy kiểm tra lại các số "individuals"`},
		{"counts near 2^63", []string{"      individuals: 40\n", "      individuals: 922337203685477\n    - form: Giấy khen\n      individuals: 922337203685477\n"},
			"Giấy khen\n      individuals: ‸922337203685477\n", `tổng số cá nhân được khen thưởng`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := edit(t, base, tt.edits...)
			es := loadErrors(t, src)
			if pos := at(t, src, tt.at); !hasError(es, pos, tt.want) || len(es) != 1 {
				t.Errorf("want one error at %s containing %q; got\n%v", pos, tt.want, es)
			}
		})
	}
}

// TestFigureBoundsAccepted: figures at the bounds are accepted.
func TestFigureBoundsAccepted(t *testing.T) {
	base := readFixture(t)
	for _, edits := range [][]string{
		{"previous: 420", "previous: 999.999.999.999.999", "current: 378", "current: 0"},
		{"previous: 420", "previous: 99.999.999.999,9999", "current: 378", "current: 0,0001"},
		{"previous: 420", "previous: 1", "current: 378", "current: 1.000.000"}, // 99.999.900,0%
		{"      individuals: 40\n", "      individuals: 999.999.999.999.998\n    - form: Giấy khen\n      individuals: 1\n"},
	} {
		if _, err := Bytes("t.yaml", []byte(edit(t, base, edits...))); err != nil {
			t.Errorf("%q: %v", edits, err)
		}
	}
}

// TestCodeErrors: a ký hiệu written with the number, with "Số", or
// otherwise than Nghị định 30 writes one is refused with what to write.
func TestCodeErrors(t *testing.T) {
	base := readFixture(t)
	tests := []struct{ code, want string }{
		{"05/BC-X", `"code" là "05/BC-X", có cả số văn bản, mà số văn bản ghi ở "number" và được in sẵn trước ký hiệu — hãy viết code: BC-X (văn bản sẽ in "Số: 15/BC-X")`},
		{`"Số: 15/BC-CAT"`, `"code" là "Số: 15/BC-CAT", có chữ "Số", mà "Số:" và số văn bản (ghi ở "number") được in sẵn trước ký hiệu — hãy viết code: BC-CAT (văn bản sẽ in "Số: 15/BC-CAT")`},
		{"số 15/BC-CAT", `có chữ "Số"`},
		{"/BC-CAT", `bắt đầu bằng dấu "/", mà dấu "/" sau số văn bản được in sẵn — hãy viết code: BC-CAT`},
		{"BC - CAT", `có dấu cách, mà ký hiệu viết liền — hãy viết code: BC-CAT`},
		{"bc-cat", `có chữ thường, mà ký hiệu viết bằng chữ in hoa — hãy viết code: BC-CAT`},
		{"BC/CAT", `có ký tự '/', mà ký hiệu chỉ gồm chữ in hoa, chữ số và dấu gạch ngang "-" — hãy viết code: BC-CAT`},
		{"BC-CAT.", `có ký tự '.'`},
		{"BCCAT", `chưa đúng dạng <tên loại>-<cơ quan> của Nghị định 30, các phần nối bằng một dấu gạch ngang "-" — hãy viết chữ viết tắt tên loại, dấu "-" rồi chữ viết tắt tên cơ quan, ví dụ code: BC-UBND (văn bản sẽ in "Số: 15/BC-UBND")`},
		{"BC--CAT", `chưa đúng dạng`},
		{"BC-", `chưa đúng dạng`},
		{"TB-CAT", `bắt đầu bằng TB, mà theo Nghị định 30 ký hiệu của báo cáo bắt đầu bằng BC — hãy viết code: BC-CAT`},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			src := edit(t, base, "code: BC-CAT", "code: "+tt.code)
			es := loadErrors(t, src)
			needle := "code: ‸" + tt.code
			if strings.HasPrefix(tt.code, `"`) {
				needle = `code: "‸` + tt.code[1:]
			}
			if pos := at(t, src, needle); !hasError(es, pos, tt.want) || len(es) != 1 {
				t.Errorf("want one error at %s containing %q; got\n%v", pos, tt.want, es)
			}
		})
	}
	for _, code := range []string{"BC-CAT", "BC-SGDĐT", "BC-CAT-PV01", "BC-UBND"} {
		if _, err := Bytes("t.yaml", []byte(edit(t, base, "code: BC-CAT", "code: "+code))); err != nil {
			t.Errorf("%s: %v", code, err)
		}
	}
}

// TestAnnexFigures: annex cells are read as the other figures are, and
// their columns and totals kept within the bounds.
func TestAnnexFigures(t *testing.T) {
	head := readFixture(t) + `annexes:
  - title: Số liệu các đơn vị
    table:
      columns:
        - name: Đơn vị
        - {name: Kinh phí, type: number, sum: true}
        - {name: Tỷ lệ, type: number}
      rows:
`
	accepted := "        - [Phòng A, \"1.234.567,5\", \"87,6\"]\n        - [Phòng B, 12, 87.6]\n        - [Phòng C, \"3 965\", \"\"]\n"
	r, err := Bytes("t.yaml", []byte(head+accepted))
	if err != nil {
		t.Fatal(err)
	}
	if sum, dec, ok := r.Annexes[0].Table.Sum(1); sum != 1238544.5 || dec != 1 || !ok {
		t.Errorf("total %v (%d decimals), want 1.238.544,5", sum, dec)
	}
	tests := []struct{ rows, at, want string }{
		{"        - [Phòng A, \"3.965\", \"1\"]\n", `"‸3.965"`, `ô ở cột "Kinh phí" là 3.965, đọc được hai cách: ba nghìn chín trăm sáu mươi lăm`},
		{"        - [Phòng A, \"1\", \"3,965\"]\n", `"‸3,965"`, `ô ở cột "Tỷ lệ" là 3,965, đọc được hai cách`},
		{"        - [Phòng A, \"+1\", \"1\"]\n", `"‸+1"`, `ô ở cột "Kinh phí" là +1, có dấu "+" ở đầu`},
		{"        - [Phòng A, \"1\", \"87,6%\"]\n", `"‸87,6%"`, `ô ở cột "Tỷ lệ" là 87,6%, có dấu "%"`},
		{"        - [Phòng A, \"999.999.999.999.999\", \"1\"]\n        - [Phòng B, \"0,5\", \"1\"]\n", `"‸999.999.999.999.999"`,
			`ô ở cột "Kinh phí" là 999.999.999.999.999, in cùng 1 chữ số thập phân như các ô khác của cột thành 999.999.999.999.999,0, 16 chữ số, quá 15 chữ số mà Excel giữ được`},
		{"        - [Phòng A, \"999.999.999.999.999\", \"1\"]\n        - [Phòng B, \"1\", \"1\"]\n", `Phòng B, "‸1"`,
			`cộng đến ô này, dòng TỔNG CỘNG của cột "Kinh phí" đã quá 999.999.999.999.999, số lớn nhất có 15 chữ số mà Excel giữ được — hãy kiểm tra lại các số của cột, đổi sang đơn vị lớn hơn, hoặc bỏ "sum: true" ở cột này`},
	}
	for _, tt := range tests {
		t.Run(strings.TrimSpace(tt.rows), func(t *testing.T) {
			src := head + tt.rows
			es := loadErrors(t, src)
			if pos := at(t, src, tt.at); !hasError(es, pos, tt.want) || len(es) != 1 {
				t.Errorf("want one error at %s containing %q; got\n%v", pos, tt.want, es)
			}
		})
	}
	// A total with decimals stays where a spreadsheet adding its ten
	// rows in binary lands on it: below 2^52 / 10 units.
	zeros := strings.Repeat("        - [Phòng C, \"0\", \"1\"]\n", 8)
	if _, err := Bytes("t.yaml", []byte(head+"        - [Phòng A, \"4.503.599.627.370,49\", \"1\"]\n        - [Phòng B, \"0\", \"1\"]\n"+zeros)); err != nil {
		t.Error(err)
	}
	src := head + "        - [Phòng A, \"4.503.599.627.370,49\", \"1\"]\n        - [Phòng B, \"0,01\", \"1\"]\n" + zeros
	if es, pos := loadErrors(t, src), at(t, src, `"‸0,01"`); !hasError(es, pos, `cộng đến ô này, dòng TỔNG CỘNG của cột "Kinh phí" đã quá 4.503.599.627.370,49, số lớn nhất mà Excel cộng 10 số có 2 chữ số thập phân vẫn đúng đến chữ số cuối`) {
		t.Errorf("want an error at %s; got\n%v", pos, es)
	}
	// Without a total, a column of large figures is fine.
	if _, err := Bytes("t.yaml", []byte(head+"        - [Phòng A, \"1\", \"999.999.999.999.999\"]\n        - [Phòng B, \"1\", \"999.999.999.999.999\"]\n")); err != nil {
		t.Error(err)
	}
}

// FuzzFigureProblem: whatever is written where a figure belongs, the
// message says what is wrong and what to do, and never fails itself.
func FuzzFigureProblem(f *testing.F) {
	for _, s := range []string{"3.965", "-3,965", "1.000", "0x1F", "−0x1F", "+5", "5.", ".5", "87,6%", "1_0", "1e3", "", "ba", "12,5", "0,000001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if _, err := figure.Parse(s); err != nil {
			if msg := figureProblem(`"x"`, err, false); !strings.Contains(msg, " — ") {
				t.Errorf("%q: %q", s, msg)
			}
		}
		if _, err := figure.ParseInt(s); err != nil {
			if msg := figureProblem(`"x"`, err, true); !strings.Contains(msg, " — ") {
				t.Errorf("%q: %q", s, msg)
			}
		}
	})
}
