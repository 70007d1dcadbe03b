package report

import (
	"errors"
	"strconv"
	"strings"
)

// ErrNotNumber is returned by ParseNumber for a cell that is not a number
// as the format writes numbers.
var ErrNotNumber = errors.New("không phải là số — viết số liền, không phân cách hàng nghìn, dấu chấm trước phần thập phân (ví dụ 3965 hoặc 87.6)")

// ParseNumber reads a number cell of an annex table. Numbers are written as
// in the rest of the YAML file: digits without thousands separators, a point
// before the decimals, maybe a sign ("3965", "87.6", "-12"). A comma is
// refused rather than guessed at, since "1,250" means 1250 to some readers
// and 1,25 to others; so are exponents, NaN and infinities, which no office
// table holds. An empty cell has no value: ok is false, err nil.
func ParseNumber(s string) (v float64, ok bool, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false, nil
	}
	digits := strings.TrimLeft(s, "+-")
	whole, frac, dot := strings.Cut(digits, ".")
	valid := len(s)-len(digits) <= 1 && whole != "" && (!dot || frac != "")
	for _, part := range []string{whole, frac} {
		for _, d := range part {
			valid = valid && d >= '0' && d <= '9'
		}
	}
	if valid {
		v, err = strconv.ParseFloat(s, 64)
	}
	if !valid || err != nil {
		return 0, false, ErrNotNumber
	}
	return v, true, nil
}

// Value returns the number in a number column's cell of a table the loader
// has accepted; ok is false for an empty or missing cell.
func (t *Table) Value(row, col int) (v float64, ok bool) {
	if row < 0 || row >= len(t.Rows) || col < 0 || col >= len(t.Rows[row]) {
		return 0, false
	}
	v, ok, _ = ParseNumber(t.Rows[row][col])
	return v, ok
}
