package figure

import (
	"math"
	"testing"
)

func TestDecimals(t *testing.T) {
	tests := []struct {
		vs   []float64
		want int
	}{
		{nil, 0},
		{[]float64{261}, 0},
		{[]float64{87.6}, 1},
		{[]float64{3.965}, 3}, // not 3,97
		{[]float64{261, 87.6}, 1},
		{[]float64{261, 87.6, 3.14159}, 5},
		{[]float64{1.10}, 1},
		{[]float64{-0.1}, 1},
		{[]float64{0.0001}, 4},
		{[]float64{1200}, 0},
		{[]float64{99999999999.9999}, 4},
		{[]float64{0.1 + 0.2}, 1}, // binary noise past 15 digits
		{[]float64{1e15, 2}, 0},
		{[]float64{math.NaN(), math.Inf(1), 1.5}, 1},
	}
	for _, tt := range tests {
		if got := Decimals(tt.vs...); got != tt.want {
			t.Errorf("Decimals(%v) = %d, want %d", tt.vs, got, tt.want)
		}
	}
}

func TestDigits(t *testing.T) {
	tests := []struct {
		v        float64
		decimals int
		want     int
	}{
		{3965, 0, 4},
		{87.6, 2, 4},
		{0.05, 2, 1},
		{0, 0, 0},
		{-124, 0, 3},
		{999999999999999, 0, 15},
		{999999999999999, 1, 16},
		{99999999999.9999, 4, 15},
	}
	for _, tt := range tests {
		if got := Digits(tt.v, tt.decimals); got != tt.want {
			t.Errorf("Digits(%v, %d) = %d, want %d", tt.v, tt.decimals, got, tt.want)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		prev, cur, want float64
	}{
		{385, 261, -32.2},
		{141, 153, 8.5},
		{10, 0, -100},
		{100, 100, 0},
		// Exactly half a tenth: away from zero, where binary arithmetic
		// falls short (12.249999999999996) or over.
		{40, 44.9, 12.3},
		{20, 22.45, 12.3},
		{8, 8.98, 12.3},
		{3, 3.0735, 2.5},
		{44.9, 40, -10.9}, // -10.913…
		{40, 35.1, -12.3}, // -12.25
		{0.0001, 99999999999.9999, 99999999999999800}, // the loader refuses it: over MaxPercentDigits
		{3, 4, 33.3},
		{3, 5, 66.7},
	}
	for _, tt := range tests {
		got, ok := Percent(tt.prev, tt.cur)
		if !ok || got != tt.want {
			t.Errorf("Percent(%v, %v) = %v, %v; want %v", tt.prev, tt.cur, got, ok, tt.want)
		}
	}
	if got, ok := Percent(math.MaxFloat64, math.MaxFloat64); !ok || got != 0 {
		t.Errorf("Percent of the largest float64 to itself = %v, %v; want 0", got, ok)
	}
	for _, pc := range [][2]float64{{0, 5}, {0, 0}, {math.Inf(1), 1}, {1, math.NaN()}} {
		if got, ok := Percent(pc[0], pc[1]); ok {
			t.Errorf("Percent(%v, %v) = %v, want no percentage", pc[0], pc[1], got)
		}
	}
}

func TestSum(t *testing.T) {
	s := NewSum(1, 10)
	for range 10 {
		s.Add(0.1)
	}
	if v, ok := s.Value(); !ok || v != 1 {
		t.Errorf("ten times 0,1 = %v, %v; want 1 exactly", v, ok)
	}
	// 100.000 rows of 999,99: binary sums drift, this one does not.
	s = NewSum(2, 100_000)
	for range 100_000 {
		s.Add(999.99)
	}
	if v, ok := s.Value(); !ok || v != 99999000 {
		t.Errorf("sum = %v, %v; want 99999000", v, ok)
	}
	tests := []struct {
		decimals int
		vs       []float64
		ok       bool
	}{
		// Whole figures: up to 15 digits.
		{0, []float64{999999999999998, 1}, true},
		{0, []float64{999999999999998, 1, 1}, false},
		// Counts near 2^63 do not wrap around to negative.
		{0, []float64{math.MaxInt64}, false},
		{0, []float64{5e14, 5e14}, false},
		// Negative figures count by their magnitude, whatever order a
		// spreadsheet adds them in.
		{0, []float64{999999999999999, -999999999999999, 1}, false},
		// With decimals: below 2^52 / terms units, here 10.
		{2, []float64{4503599627370.49, 0, 0, 0, 0, 0, 0, 0, 0, 0}, true},
		{2, []float64{4503599627370.5, 0, 0, 0, 0, 0, 0, 0, 0, 0}, false},
		{4, []float64{99999999999.9999}, true},
		{4, []float64{99999999999.9999, 0.0001}, false},
		{0, []float64{math.NaN()}, false},
	}
	for _, tt := range tests {
		s := NewSum(tt.decimals, len(tt.vs))
		for _, v := range tt.vs {
			s.Add(v)
		}
		if _, ok := s.Value(); ok != tt.ok {
			t.Errorf("sum of %v with %d decimals: within bounds %v, want %v", tt.vs, tt.decimals, ok, tt.ok)
		}
	}
}

func TestMaxSum(t *testing.T) {
	tests := []struct {
		decimals, terms int
		want            float64
	}{
		{0, 1, 999999999999999},
		{0, 100_000, 999999999999999},
		{2, 1, 9999999999999.99},
		{2, 100_000, 450359962.73},
		{4, 1000, 450359962.737},
	}
	for _, tt := range tests {
		if got := MaxSum(tt.decimals, tt.terms); got != tt.want {
			t.Errorf("MaxSum(%d, %d) = %v, want %v", tt.decimals, tt.terms, got, tt.want)
		}
		// The largest is in, one unit more is out.
		s := NewSum(tt.decimals, tt.terms)
		if !s.Add(tt.want) || s.Add(math.Pow10(-tt.decimals)) {
			t.Errorf("a sum of %d terms with %d decimals does not stop after %v", tt.terms, tt.decimals, tt.want)
		}
	}
}
