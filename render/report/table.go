package report

import "baocao/render/figure"

// Value returns the number in a number column's cell, read as
// figure.Parse reads it ("3965", "1.234.567", "87,6"); ok is false for
// an empty or missing cell, and for one the loader refuses.
func (t *Table) Value(row, col int) (v float64, ok bool) {
	if row < 0 || row >= len(t.Rows) || col < 0 || col >= len(t.Rows[row]) {
		return 0, false
	}
	v, err := figure.Parse(t.Rows[row][col])
	return v, err == nil
}

// Decimals returns how many decimals number column col is shown with: as
// many as its cell written with the most, so that its figures line up on
// the decimal comma.
func (t *Table) Decimals(col int) int {
	n := 0
	for r := range t.Rows {
		if v, ok := t.Value(r, col); ok {
			n = max(n, figure.Decimals(v))
		}
	}
	return n
}

// Sum returns the total of number column col for its TỔNG CỘNG row, its
// cells added exactly, and the decimals it is shown with (Decimals). ok
// is false when a partial total has more than figure.MaxDigits digits,
// which the loader refuses.
func (t *Table) Sum(col int) (total float64, decimals int, ok bool) {
	decimals = t.Decimals(col)
	s := figure.NewSum(decimals, len(t.Rows))
	for r := range t.Rows {
		if v, ok := t.Value(r, col); ok {
			s.Add(v)
		}
	}
	total, ok = s.Value()
	return total, decimals, ok
}
