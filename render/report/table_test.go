package report

import (
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in     string
		want   float64
		ok     bool
		errors bool
	}{
		{"3965", 3965, true, false},
		{" 87.6 ", 87.6, true, false},
		{"-12", -12, true, false},
		{"+0.5", 0.5, true, false},
		{"", 0, false, false},
		{"   ", 0, false, false},
		{"3.965.000", 0, false, true},
		{"12,5", 0, false, true},
		{"1,250", 0, false, true},
		{"12a", 0, false, true},
		{"1e3", 0, false, true},
		{"NaN", 0, false, true},
		{"Inf", 0, false, true},
		{"0x10", 0, false, true},
		{".5", 0, false, true},
		{"5.", 0, false, true},
		{"--5", 0, false, true},
		{"1" + strings.Repeat("0", 400), 0, false, true},
	}
	for _, tt := range tests {
		v, ok, err := ParseNumber(tt.in)
		if v != tt.want || ok != tt.ok || (err != nil) != tt.errors {
			t.Errorf("ParseNumber(%q) = %v, %v, %v; want %v, %v, error %v", tt.in, v, ok, err, tt.want, tt.ok, tt.errors)
		}
	}
}

func TestTableValue(t *testing.T) {
	tb := &Table{Rows: [][]string{{"A", "12.5"}, {"B"}}}
	for _, c := range []struct {
		row, col int
		want     float64
		ok       bool
	}{{0, 1, 12.5, true}, {0, 0, 0, false}, {1, 1, 0, false}, {2, 0, 0, false}, {-1, 0, 0, false}} {
		if v, ok := tb.Value(c.row, c.col); v != c.want || ok != c.ok {
			t.Errorf("Value(%d, %d) = %v, %v; want %v, %v", c.row, c.col, v, ok, c.want, c.ok)
		}
	}
}
