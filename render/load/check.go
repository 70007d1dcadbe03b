package load

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"baocao/render/figure"
	"baocao/render/report"
	"baocao/render/viet"
)

// check applies the rules that relate several values, after decoding. Values
// already reported as missing are not checked again.
func check(d *decoder, r *report.Report) {
	checkChair(d, &r.Conference)
	checkUnique(d, "đại biểu", delegateIDs(&r.Conference))
	checkUnique(d, "chỉ tiêu", indicatorIDs(&r.Statistics))
	checkMargins(d, &r.Format)
	if r.BaoCao != nil {
		checkRecipients(d, "bao_cao.recipients", r.BaoCao.Recipients)
	}
	checkKinds(d, r)
	checkCodes(d, r)
	checkFigures(d, r)
	checkAnnexes(d, r)
}

// maxTableErrors bounds the problems reported for one annex table: a table
// pasted with the wrong separator would otherwise bury the first line in
// thousands of messages.
const maxTableErrors = 20

// checkAnnexes requires annexes to belong to a báo cáo and each table to be
// well formed: as many cells as columns in every row, numbers where a
// column holds numbers, sums only of number columns.
func checkAnnexes(d *decoder, r *report.Report) {
	if len(r.Annexes) > 0 && r.BaoCao == nil {
		d.errorf(d.pos["annexes"], "có annexes nhưng không có bao_cao — phụ lục được in kèm báo cáo: hãy thêm mục bao_cao hoặc bỏ annexes")
	}
	for i, a := range r.Annexes {
		if a.Table == nil {
			continue
		}
		path := fmt.Sprintf("annexes[%d].table", i)
		n := 0
		fail := func(at string, format string, args ...any) {
			if n++; n <= maxTableErrors {
				d.errorf(r.PosOf(at), format, args...) // a row or a cell: see decoder.table
			} else if n == maxTableErrors+1 {
				d.errorf(d.pos[path], "bảng của phụ lục %d còn lỗi khác — sửa các lỗi trên rồi kiểm tra lại", i+1)
			}
		}
		cols := a.Table.Columns
		for c, col := range cols {
			if col.Sum && !col.IsNumber() {
				fail(fmt.Sprintf("%s.columns[%d].sum", path, c), "cột %q là cột chữ nên không cộng được — bỏ sum: true hoặc ghi type: number", col.Name)
			}
		}
		for ri, row := range a.Table.Rows {
			if len(row) != len(cols) {
				hint := ""
				if len(row) > len(cols) {
					// YAML splits [Phòng A, 87,6] at every comma.
					hint = `; ô có dấu phẩy, như số 87,6, phải đặt trong ngoặc kép: "87,6"`
				}
				fail(fmt.Sprintf("%s.rows[%d]", path, ri), "dòng %d có %d ô nhưng bảng có %d cột — mỗi dòng phải đủ %d ô, ô trống ghi \"\"%s", ri+1, len(row), len(cols), len(cols), hint)
			}
		}
		for c, col := range cols {
			if col.IsNumber() {
				checkColumn(a.Table, c, func(ri int, format string, args ...any) {
					fail(fmt.Sprintf("%s.rows[%d][%d]", path, ri, c), format, args...)
				})
			}
		}
	}
}

// checkColumn reads the cells of number column c of t, in the rows of the
// right length, and keeps them within the bounds of package figure: each
// figure shown with the column's decimals and, for a column with a total,
// the sum as the workbook's SUM adds them from the top. fail reports a
// problem at a row.
func checkColumn(t *report.Table, c int, fail func(row int, format string, args ...any)) {
	col := t.Columns[c]
	// Each cell is read once: a table may have 100.000 rows.
	values := make([]float64, len(t.Rows))
	dec := 0
	for ri, row := range t.Rows {
		values[ri] = math.NaN() // empty, or reported
		if len(row) != len(t.Columns) || strings.TrimSpace(row[c]) == "" {
			continue
		}
		v, err := figure.Parse(row[c])
		if err != nil {
			fail(ri, "%s", figureProblem(fmt.Sprintf("ô ở cột %q", col.Name), err, false))
			continue
		}
		values[ri], dec = v, max(dec, figure.Decimals(v))
	}
	sum := figure.NewSum(dec, len(t.Rows))
	for ri, v := range values {
		if math.IsNaN(v) {
			continue
		}
		if n := figure.Digits(v, dec); n > figure.MaxDigits {
			fail(ri, "ô ở cột %q là %s, in cùng %d chữ số thập phân như các ô khác của cột thành %s, %d chữ số, quá %d chữ số mà Excel giữ được — hãy bớt chữ số thập phân ở cột này, hoặc đổi sang đơn vị lớn hơn",
				col.Name, written(v), dec, viet.Number(v, dec), n, figure.MaxDigits)
			return
		}
		if col.Sum && !sum.Add(v) {
			fail(ri, "cộng đến ô này, dòng TỔNG CỘNG của cột %q đã quá %s — hãy kiểm tra lại các số của cột, đổi sang đơn vị lớn hơn, hoặc bỏ \"sum: true\" ở cột này",
				col.Name, sumBound(dec, len(t.Rows)))
			return
		}
	}
}

// checkChair requires the chair to name a delegate by id.
func checkChair(d *decoder, c *report.Conference) {
	checkDelegate(d, c, "conference.chair", c.Chair)
}

// checkDelegate requires the value at path, when given, to be the id of a
// delegate.
func checkDelegate(d *decoder, c *report.Conference, path, value string) {
	if value == "" || len(c.Delegates) == 0 {
		return
	}
	ids := make([]string, 0, len(c.Delegates))
	for _, dl := range c.Delegates {
		if dl.ID == value {
			return
		}
		if dl.ID != "" {
			ids = append(ids, dl.ID)
		}
	}
	d.errorf(d.pos[path], "%s là %q nhưng không có đại biểu nào có id này — hãy dùng id của một người trong delegates: %s",
		label(path), value, strings.Join(ids, ", "))
}

// id is an identifier with the path it was written at.
type id struct{ value, path string }

func delegateIDs(c *report.Conference) []id {
	var ids []id
	for i, dl := range c.Delegates {
		ids = append(ids, id{dl.ID, fmt.Sprintf("conference.delegates[%d].id", i)})
	}
	return ids
}

func indicatorIDs(s *report.Statistics) []id {
	var ids []id
	for g, grp := range s.Groups {
		for i, ind := range grp.Indicators {
			ids = append(ids, id{ind.ID, fmt.Sprintf("statistics.groups[%d].indicators[%d].id", g, i)})
		}
	}
	return ids
}

// checkUnique reports every id written a second time; what names the kind
// of thing identified.
func checkUnique(d *decoder, what string, ids []id) {
	first := map[string]string{}
	for _, x := range ids {
		if x.value == "" {
			continue
		}
		if p, dup := first[x.value]; dup {
			d.errorf(d.pos[x.path], "id %q bị trùng với %s ở dòng %d — mỗi %s cần một id riêng", x.value, what, d.pos[p].Line, what)
			continue
		}
		first[x.value] = x.path
	}
}

// checkMargins keeps margins that are set within Nghị định 30's ranges.
func checkMargins(d *decoder, f *report.Format) {
	for _, m := range []struct {
		key     string
		value   float64
		low, hi float64
	}{
		{"margin_top", f.MarginTop, 20, 25},
		{"margin_bottom", f.MarginBottom, 20, 25},
		{"margin_left", f.MarginLeft, 30, 35},
		{"margin_right", f.MarginRight, 15, 20},
	} {
		if m.value == 0 || (m.value >= m.low && m.value <= m.hi) {
			continue
		}
		d.errorf(d.pos["format."+m.key], "%q là %g mm, ngoài khoảng Nghị định 30 cho phép (%g–%g mm) — hãy sửa thành số từ %g đến %g, hoặc xóa dòng này để dùng lề mặc định",
			m.key, m.value, m.low, m.hi, m.low, m.hi)
	}
}

// checkRecipients requires the archive line last, as Nghị định 30 lays out
// the "Nơi nhận" block. An empty list is already reported as missing.
func checkRecipients(d *decoder, path string, rs []string) {
	if len(rs) == 0 {
		return
	}
	last := rs[len(rs)-1]
	if last == "" || hasPrefixFold(last, "Lưu") { // "" was reported when decoding
		return
	}
	d.errorf(d.pos[fmt.Sprintf("%s[%d]", path, len(rs)-1)],
		"dòng cuối của \"recipients\" là %q, nhưng theo Nghị định 30 dòng cuối của Nơi nhận phải là nơi lưu văn bản — hãy thêm dòng \"- Lưu: VT, <đơn vị soạn thảo>.\" vào cuối danh sách",
		last)
}

// hasPrefixFold is strings.HasPrefix ignoring case, so "LƯU" counts.
func hasPrefixFold(s, prefix string) bool {
	n := utf8.RuneCountInString(prefix)
	r := []rune(s)
	return len(r) >= n && strings.EqualFold(string(r[:n]), prefix)
}
