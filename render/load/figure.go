package load

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"baocao/render/figure"
	"baocao/render/report"
	"baocao/render/viet"
)

// Every figure is read from the text written, whatever YAML makes of it:
// YAML reads 3.965 as three point nine six five and 010 as eight (an
// octal number), where a clerk means neither. Package figure reads it, and
// the messages here say what is wrong with it.

// int decodes a whole number: a document number, a count.
func (d *decoder) int(n *yaml.Node, v reflect.Value, path string, r report.Field) bool {
	if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!bool" {
		d.wrongType(n, path, "một số nguyên", "hãy viết số nguyên, ví dụ 15")
		return false
	}
	x, err := figure.ParseInt(n.Value)
	if err != nil {
		d.errorf(d.at(n), "%s", figureProblem(label(path), err, true))
		return false
	}
	if v.OverflowInt(x) { // only where int has 32 bits
		d.errorf(d.at(n), "%s quá lớn: %s — hãy kiểm tra lại số này", label(path), n.Value)
		return false
	}
	if !d.atLeast(n, path, r, float64(x)) {
		return false
	}
	v.SetInt(x)
	return true
}

// float decodes a figure: an indicator's value, a margin.
func (d *decoder) float(n *yaml.Node, v reflect.Value, path string, r report.Field) bool {
	if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!bool" {
		d.wrongType(n, path, "một số", numberTodo)
		return false
	}
	x, err := figure.Parse(n.Value)
	if err != nil {
		d.errorf(d.at(n), "%s", figureProblem(label(path), err, false))
		return false
	}
	if !d.atLeast(n, path, r, x) {
		return false
	}
	v.SetFloat(x)
	return true
}

// atLeast checks the min tag.
func (d *decoder) atLeast(n *yaml.Node, path string, r report.Field, x float64) bool {
	if !r.HasMin || x >= r.Min {
		return true
	}
	value := strings.TrimSpace(n.Value)
	m := strconv.FormatFloat(r.Min, 'f', -1, 64)
	if r.Min == 0 {
		d.errorf(d.at(n), "%s phải là số không âm, đang là %s — hãy sửa thành số ≥ 0", label(path), value)
	} else {
		d.errorf(d.at(n), "%s phải là số từ %s trở lên, đang là %s — hãy sửa thành số ≥ %s", label(path), m, value, m)
	}
	return false
}

// numberTodo says how to write a figure.
const numberTodo = "hãy viết số như Excel tiếng Việt hiển thị, ví dụ 261, 1.234.567 hoặc 87,6 (dấu chấm tách hàng nghìn, dấu phẩy trước phần thập phân)"

// figureProblem says what is wrong with a figure refused by package
// figure, and how to write it, as "what is wrong — what to do". subject
// names the figure ("previous", a cell of a column); whole says a whole
// number is needed.
func figureProblem(subject string, err error, whole bool) string {
	var e *figure.Error
	if !errors.As(err, &e) {
		return fmt.Sprintf("%s không đọc được (%v) — hãy báo cho người phát triển", subject, err)
	}
	todo := numberTodo
	if whole {
		todo = "hãy viết số nguyên, ví dụ 15 hoặc 1250"
	}
	is := subject + " là " + e.Text
	switch e.Problem {
	case figure.Empty:
		return fmt.Sprintf("%s đang để trống — hãy điền một số (0 nếu không có)", subject)
	case figure.Ambiguous:
		return ambiguous(is, e, whole)
	case figure.Exponent:
		return is + ", viết dạng lũy thừa (chữ e) — hãy viết đủ các chữ số, ví dụ 1000 chứ không phải 1e3"
	case figure.Radix:
		digits := strings.TrimPrefix(e.Text, "-")
		if n, err := strconv.ParseInt(digits, 0, 64); err == nil {
			if digits != e.Text {
				n = -n
			}
			return fmt.Sprintf("%s, cách viết số của máy tính theo hệ cơ số %d, tức là %d — hãy viết số thập phân thông thường: %d", is, radix[digits[1]|0x20], n, n)
		}
		return is + ", cách viết số của máy tính theo hệ cơ số 16, 8 hoặc 2 — hãy viết số thập phân thông thường, ví dụ 31"
	case figure.Underscore:
		return fmt.Sprintf(`%s, có dấu gạch dưới "_" — hãy bỏ dấu "_": %s`, is, strings.ReplaceAll(e.Text, "_", ""))
	case figure.Plus:
		return fmt.Sprintf(`%s, có dấu "+" ở đầu — số không ghi dấu "+": hãy viết %s`, is, strings.TrimPrefix(e.Text, "+"))
	case figure.PercentSign:
		return fmt.Sprintf(`%s, có dấu "%%" — dấu %% thuộc về đơn vị (unit) hoặc tên cột, ở đây chỉ ghi số: %s`, is, strings.TrimSpace(strings.TrimSuffix(e.Text, "%")))
	case figure.LeadingMark:
		return is + ", thiếu chữ số trước dấu thập phân — hãy viết thêm số 0 ở đầu, ví dụ 0,5 chứ không phải ,5"
	case figure.TrailingMark:
		return fmt.Sprintf(`%s, có dấu %q ở cuối mà không có chữ số nào theo sau — nếu là số nguyên, hãy viết %s`, is, e.Text[len(e.Text)-1:], e.Text[:len(e.Text)-1])
	case figure.TooManyDecimals:
		return fmt.Sprintf("%s, có %d chữ số thập phân, nhiều hơn %d chữ số baocao nhận — hãy làm tròn còn nhiều nhất %d chữ số sau dấu phẩy, hoặc đổi sang đơn vị nhỏ hơn (ví dụ đồng thay cho triệu đồng)",
			is, e.Count, figure.MaxDecimals, figure.MaxDecimals)
	case figure.TooManyDigits:
		todo := "hãy kiểm tra lại số này"
		if !whole {
			todo += "; nếu đúng, hãy đổi sang đơn vị lớn hơn (ví dụ tỷ đồng thay cho đồng)"
		}
		return fmt.Sprintf("%s, có %d chữ số, quá %d chữ số mà Excel giữ được — %s", is, e.Count, figure.MaxDigits, todo)
	case figure.NotWhole:
		return fmt.Sprintf("%s phải là số nguyên, đang là %s — %s", subject, e.Text, todo)
	}
	want := "một số"
	if whole {
		want = "một số nguyên"
	}
	return fmt.Sprintf("%s phải là %s, đang là %q — %s", subject, want, e.Text, todo)
}

// radix is the base a number written 0x, 0o or 0b is in.
var radix = map[byte]int{'x': 16, 'o': 8, 'b': 2}

// ambiguous says both readings of a figure with one mark followed by three
// digits, and how to write each so it has one.
func ambiguous(is string, e *figure.Error, whole bool) string {
	mark := e.Text[strings.IndexAny(e.Text, ".,")]
	groupNote, decimalNote := "dấu chấm tách hàng nghìn", "dấu chấm là dấu thập phân, kiểu Excel tiếng Anh"
	if mark == ',' {
		groupNote, decimalNote = "dấu phẩy tách hàng nghìn, kiểu Excel tiếng Anh", "dấu phẩy thập phân"
	}
	grouped, decimal := viet.Words(e.Grouped), viet.Words(e.Decimal)
	groupedTodo := fmt.Sprintf("nếu là %s, hãy viết %s", grouped, strconv.FormatFloat(e.Grouped, 'f', -1, 64))
	decimalTodo := fmt.Sprintf("nếu là %s, hãy viết %s", decimal, unambiguous(e.Decimal))
	if whole && e.Decimal != float64(int64(e.Decimal)) {
		return fmt.Sprintf("%s, đọc được hai cách: %s (%s) hoặc %s (%s), nhưng ở đây cần số nguyên — %s",
			is, grouped, groupNote, decimal, decimalNote, groupedTodo)
	}
	return fmt.Sprintf("%s, đọc được hai cách: %s (%s) hoặc %s (%s) — baocao không đoán: %s; %s",
		is, grouped, groupNote, decimal, decimalNote, groupedTodo, decimalTodo)
}

// unambiguous writes v with a decimal comma so that it has one reading: a
// comma followed by three digits is also how English writes thousands, so
// a fourth decimal, a zero, is added ("3,9650").
func unambiguous(v float64) string {
	dec := viet.Decimals(v)
	s := viet.Number(v, dec)
	if dec == 3 {
		s += "0"
	}
	return s
}

// checkFigures keeps every figure derived from the statistics and the
// commendations — a row's figures shown with its decimals, the
// percentages, the totals of the workbook and of the text — within
// figure.MaxDigits digits, where each is exact and the same in the PDF
// and the workbook.
func checkFigures(d *decoder, r *report.Report) {
	s := &r.Statistics
	groupsOK := true
	for gi, g := range s.Groups {
		path := fmt.Sprintf("statistics.groups[%d]", gi)
		for ii, ind := range g.Indicators {
			checkIndicator(d, fmt.Sprintf("%s.indicators[%d]", path, ii), ind)
		}
		if t, ok := g.Total(); ok {
			ok = checkTotal(d, t, []int{gi}, len(g.Indicators), s, fmt.Sprintf("của nhóm %q (dòng của nhóm trong bảng Excel)", g.Title), d.pos[path+".title"])
			groupsOK = groupsOK && ok
		}
	}
	if t, ok := s.Total(); ok && groupsOK {
		all := make([]int, len(s.Groups))
		for i := range all {
			all[i] = i
		}
		checkTotal(d, t, all, len(all), s, "của cả bảng số liệu (dòng TỔNG CỘNG trong bảng Excel)", d.pos["statistics.groups"])
	}
	for _, c := range []struct {
		key, what string
		count     func(report.Award) int
	}{
		{"collectives", "tập thể", func(a report.Award) int { return a.Collectives }},
		{"individuals", "cá nhân", func(a report.Award) int { return a.Individuals }},
	} {
		sum := figure.NewSum(0, len(r.Commendations.Awards))
		for i, a := range r.Commendations.Awards {
			if !sum.Add(float64(c.count(a))) {
				d.errorf(d.pos[fmt.Sprintf("commendations.awards[%d].%s", i, c.key)], "cộng đến số này, tổng số %s được khen thưởng (dòng TỔNG CỘNG) đã quá %s — hãy kiểm tra lại các số %q",
					c.what, sumBound(0, 0), c.key)
				break
			}
		}
	}
}

// checkIndicator keeps an indicator's figures, shown with the decimals of
// its row, and its percentage within the bounds.
func checkIndicator(d *decoder, path string, ind report.Indicator) {
	dec := viet.Decimals(ind.Previous, ind.Current)
	for _, f := range []struct {
		key, other string
		v, w       float64
	}{{"previous", "current", ind.Previous, ind.Current}, {"current", "previous", ind.Current, ind.Previous}} {
		if n := figure.Digits(f.v, dec); n > figure.MaxDigits {
			d.errorf(d.pos[path+"."+f.key], "%q là %s, in cùng %d chữ số thập phân như %q (%s) thành %s, %d chữ số, quá %d chữ số mà Excel giữ được — hãy bớt chữ số thập phân của %q, hoặc đổi sang đơn vị lớn hơn",
				f.key, written(f.v), dec, f.other, written(f.w), viet.Number(f.v, dec), n, figure.MaxDigits, f.other)
			return
		}
	}
	if p, ok := ind.Percent(); ok && figure.Digits(p, 1) > figure.MaxPercentDigits {
		d.errorf(d.pos[path+".previous"], "tỷ lệ tăng/giảm của chỉ tiêu %q so với kỳ trước vượt %s%% (kỳ này gấp hơn một triệu lần kỳ trước): \"previous\" (%s) quá nhỏ so với \"current\" (%s) — hãy kiểm tra lại hai số này",
			ind.Name, maxPercent(), written(ind.Previous), written(ind.Current))
	}
}

// checkTotal keeps a row of totals t of the indicators of groups, whose
// formula adds terms cells, within the bounds: the sums, checked as the
// workbook adds them from the top, and the percentage. of names the row
// for a message, at the place of its percentage. It reports whether the
// row is within them.
func checkTotal(d *decoder, t report.Total, groups []int, terms int, s *report.Statistics, of string, at report.Pos) bool {
	for _, f := range []struct {
		key   string
		value func(report.Indicator) float64
	}{
		{"previous", func(i report.Indicator) float64 { return i.Previous }},
		{"current", func(i report.Indicator) float64 { return i.Current }},
	} {
		sum := figure.NewSum(t.Decimals, terms)
		for _, gi := range groups {
			for ii, ind := range s.Groups[gi].Indicators {
				if !sum.Add(f.value(ind)) {
					d.errorf(d.pos[fmt.Sprintf("statistics.groups[%d].indicators[%d].%s", gi, ii, f.key)], "cộng đến số này, tổng %q %s đã quá %s — hãy kiểm tra lại các số, hoặc đổi sang đơn vị lớn hơn (ví dụ tỷ đồng thay cho đồng)",
						f.key, of, sumBound(t.Decimals, terms))
					return false
				}
			}
		}
	}
	if p, ok := figure.Percent(t.Previous, t.Current); ok && figure.Digits(p, 1) > figure.MaxPercentDigits {
		d.errorf(at, "tỷ lệ tăng/giảm %s vượt %s%%: tổng \"previous\" (%s) quá nhỏ so với tổng \"current\" (%s) — hãy kiểm tra lại các số \"previous\"",
			of, maxPercent(), viet.Number(t.Previous, t.Decimals), viet.Number(t.Current, t.Decimals))
		return false
	}
	return true
}

// sumBound names the largest total of terms figures shown with decimals
// decimals, and why it is the largest.
func sumBound(decimals, terms int) string {
	largest := viet.Number(figure.MaxSum(decimals, terms), decimals)
	if decimals == 0 || largest == viet.Number(figure.MaxSum(decimals, 1), decimals) {
		return largest + ", số lớn nhất có 15 chữ số mà Excel giữ được"
	}
	return fmt.Sprintf("%s, số lớn nhất mà Excel cộng %s số có %d chữ số thập phân vẫn đúng đến chữ số cuối", largest, viet.Number(float64(terms), 0), decimals)
}

// maxPercent is the largest percentage, as printed.
func maxPercent() string {
	return viet.Number(math.Pow10(figure.MaxPercentDigits-1)-0.1, 1)
}

// written writes a figure as the clerk wrote it, the Vietnamese way.
func written(v float64) string { return viet.Number(v, viet.Decimals(v)) }
