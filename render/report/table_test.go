package report

import (
	"strings"
	"testing"
)

func TestTableValue(t *testing.T) {
	tb := &Table{Rows: [][]string{{"A", "12,5", "1.234.567", "3.965", "", "ba"}, {"B"}}}
	for _, c := range []struct {
		row, col int
		want     float64
		ok       bool
	}{
		{0, 1, 12.5, true},
		{0, 2, 1234567, true},
		{0, 3, 0, false}, // two readings: no value
		{0, 4, 0, false},
		{0, 5, 0, false},
		{0, 0, 0, false},
		{1, 1, 0, false},
		{2, 0, 0, false},
		{-1, 0, 0, false},
	} {
		if v, ok := tb.Value(c.row, c.col); v != c.want || ok != c.ok {
			t.Errorf("Value(%d, %d) = %v, %v; want %v, %v", c.row, c.col, v, ok, c.want, c.ok)
		}
	}
}

// column is a one-column table of cells.
func column(cells ...string) *Table {
	tb := &Table{}
	for _, c := range cells {
		tb.Rows = append(tb.Rows, []string{c})
	}
	return tb
}

func TestTableDecimals(t *testing.T) {
	for _, c := range []struct {
		cells []string
		want  int
	}{
		{[]string{"12", "3"}, 0},
		{[]string{"12", "3,9650", "87,6"}, 3}, // 3,965 keeps its three decimals
		{[]string{"3,965"}, 0},                // two readings: no value
		{[]string{"87,60"}, 1},
		{[]string{""}, 0},
	} {
		if got := column(c.cells...).Decimals(0); got != c.want {
			t.Errorf("Decimals of %q = %d, want %d", c.cells, got, c.want)
		}
	}
}

// TestTableSum: a column adds up exactly, as its decimals read.
func TestTableSum(t *testing.T) {
	sum, dec, ok := column(strings.Split(strings.Repeat("0,1 ", 10), " ")...).Sum(0)
	if sum != 1 || dec != 1 || !ok {
		t.Errorf("ten cells of 0,1 sum to %v (%d decimals, %v), want 1", sum, dec, ok)
	}
	sum, dec, ok = column("1.234,5", "0,25", "-10").Sum(0)
	if sum != 1224.75 || dec != 2 || !ok {
		t.Errorf("sum %v (%d decimals, %v), want 1224,75", sum, dec, ok)
	}
	if _, _, ok := column("999.999.999.999.999", "1").Sum(0); ok {
		t.Error("a total of 16 digits is exact")
	}
}
