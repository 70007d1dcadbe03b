package load

import (
	"reflect"
	"regexp"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"

	"baocao/render/report"
)

// The two ways dates are written: ISO, as YAML tools produce, and
// day/month/year, as Vietnamese documents print them.
var (
	isoDate = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	dmyDate = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)
)

const dateTodo = "hãy viết ngày/tháng/năm, ví dụ 15/01/2022 (hoặc 2022-01-15)"

func (d *decoder) date(n *yaml.Node, v reflect.Value, path string) bool {
	if n.Kind != yaml.ScalarNode {
		d.wrongType(n, path, "một ngày", dateTodo)
		return false
	}
	s := text(n)
	var y, m, day int
	if g := isoDate.FindStringSubmatch(s); g != nil {
		y, m, day = atoi(g[1]), atoi(g[2]), atoi(g[3])
	} else if g := dmyDate.FindStringSubmatch(s); g != nil {
		day, m, y = atoi(g[1]), atoi(g[2]), atoi(g[3])
	} else {
		d.wrongType(n, path, "một ngày", dateTodo)
		return false
	}
	switch {
	case y < 1:
		d.errorf(d.at(n), "%s là %s, không có năm %d — %s", label(path), s, y, dateTodo)
		return false
	case m < 1 || m > 12:
		d.errorf(d.at(n), "%s là %s, không có tháng %d — %s", label(path), s, m, dateTodo)
		return false
	}
	if last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day(); day < 1 || day > last {
		d.errorf(d.at(n), "%s là %s, ngày này không có: tháng %d năm %d chỉ có %d ngày — hãy kiểm tra lại ngày", label(path), s, m, y, last)
		return false
	}
	v.Set(reflect.ValueOf(report.Date{Year: y, Month: time.Month(m), Day: day}))
	return true
}

// atoi converts digits already matched by a date pattern, which are short
// enough never to fail.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
