package figure

import (
	"errors"
	"math"
	"testing"
)

// TestParse reads every notation a clerk may write: accepted ones with
// their value, refused ones with their problem.
func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		// Digits alone.
		{"3965", 3965},
		{"0", 0},
		{"010", 10}, // leading zeros are the clerk's, not octal
		{"007", 7},
		{"-0", 0},
		{"-12", -12},
		{"−12", -12}, // U+2212
		{"999999999999999", 999999999999999},
		// Vietnamese: dots group thousands, a comma before the decimals.
		{"1.234.567", 1234567},
		{"3.965,5", 3965.5},
		{"12,5", 12.5},
		{"0,965", 0.965},
		{"00,965", 0.965},
		{"3,9650", 3.965}, // a fourth decimal makes the comma a decimal mark
		{"3,96", 3.96},
		{"1.234,567", 1234.567},
		{"1.000.000,25", 1000000.25},
		{"12,0", 12},
		{"-1.234,5", -1234.5},
		{"0,0001", 0.0001},
		{"99.999.999.999,9999", 99999999999.9999},
		// English, as pasted from an Excel set so: one reading too.
		{"87.6", 87.6},
		{"0.965", 0.965},
		{"3.9650", 3.965},
		{"1,234,567", 1234567},
		{"1,234.5", 1234.5},
		{"1,000,000.25", 1000000.25},
		// Spaces group thousands in either convention.
		{"3 965", 3965},
		{"1 234 567", 1234567},
		{"3\u00a0965,5", 3965.5},
		{"1\u202f234.5", 1234.5},
		{"1 234.567", 1234.567}, // with spaces grouping, the dot can only be decimal
		{"1 234,567", 1234.567},
		// Space around is no part of it.
		{"  261 ", 261},
		{"\u00a0261\u00a0", 261},
		// Leading zeros are dropped before the groups are read.
		{"0.500", 0.5},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil || got != tt.want || math.Signbit(got) != math.Signbit(tt.want) {
			t.Errorf("Parse(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseRefused(t *testing.T) {
	tests := []struct {
		in   string
		want Problem
	}{
		{"", Empty},
		{"   ", Empty},
		{"ba mươi", NotNumber},
		{"1.23.456", NotNumber},
		{"1.234.56", NotNumber},
		{"1,234.567,8", NotNumber},
		{"1.234,567.8", NotNumber},
		{"12 34", NotNumber},
		{"1..5", NotNumber},
		{"1 ,5", NotNumber},
		{"- 5", NotNumber},
		{"--5", NotNumber},
		{"-", NotNumber},
		{".", NotNumber},
		{".inf", NotNumber},
		{".nan", NotNumber},
		{"NaN", NotNumber},
		{"∞", NotNumber},
		{"١٢", NotNumber},
		{"12 vụ", NotNumber},
		{"5–7", NotNumber},
		{"–5", NotNumber}, // an en dash is not a minus
		{"true", NotNumber},
		{"3.965", Ambiguous},
		{"3,965", Ambiguous},
		{"1.000", Ambiguous},
		{"1,000", Ambiguous},
		{"-3.965", Ambiguous},
		{"999.999", Ambiguous},
		{"010.500", Ambiguous}, // leading zeros dropped: 10.500
		{"1e3", Exponent},
		{"1E3", Exponent},
		{"1e300", Exponent},
		{"1.5e+2", Exponent},
		{"2,5E-3", Exponent},
		{"-1e3", Exponent},
		{"0x1F", Radix},
		{"0X1f", Radix},
		{"0o17", Radix},
		{"0b101", Radix},
		{"1_000", Underscore},
		{"+5", Plus},
		{"+3,5", Plus},
		{"+abc", NotNumber},
		{"++5", NotNumber},
		{"+0x1F", Radix},
		{"ab5.", NotNumber},
		{".5ab", NotNumber},
		{"87,6%", PercentSign},
		{".5", LeadingMark},
		{",5", LeadingMark},
		{"-.5", LeadingMark},
		{"5.", TrailingMark},
		{"5,", TrailingMark},
		{"0,00001", TooManyDecimals},
		{"0,000001", TooManyDecimals},
		{"1,23456", TooManyDecimals},
		{"9007199254740993", TooManyDigits}, // 2^53 + 1
		{"1.000.000.000.000.000", TooManyDigits},
		{"100.000.000.000,0001", TooManyDigits},
		{"99999999999999999999999", TooManyDigits},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		var e *Error
		if !errors.As(err, &e) || e.Problem != tt.want {
			t.Errorf("Parse(%q): %v, want problem %d", tt.in, err, tt.want)
		}
	}
}

// TestParseReadings: an ambiguous figure carries both readings.
func TestParseReadings(t *testing.T) {
	tests := []struct {
		in               string
		grouped, decimal float64
	}{
		{"3.965", 3965, 3.965},
		{"3,965", 3965, 3.965},
		{"1.000", 1000, 1},
		{"1,500", 1500, 1.5},
		{"-12.340", -12340, -12.34},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		var e *Error
		if !errors.As(err, &e) || e.Problem != Ambiguous || e.Grouped != tt.grouped || e.Decimal != tt.decimal {
			t.Errorf("Parse(%q): %+v, want readings %v and %v", tt.in, err, tt.grouped, tt.decimal)
		}
	}
}

func TestParseInt(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"15", 15},
		{"010", 10},
		{"05", 5},
		{"1.234.567", 1234567},
		{"1,234,567", 1234567},
		{"3 965", 3965},
		{"-7", -7},
		{"999.999.999.999.999", 999999999999999},
	}
	for _, tt := range tests {
		if got, err := ParseInt(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseInt(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	refused := []struct {
		in   string
		want Problem
	}{
		{"12,5", NotWhole},
		{"87.6", NotWhole},
		{"12,0", NotWhole},
		{"1.000", Ambiguous},
		{"1.500", Ambiguous},
		{"1,000", Ambiguous},
		{"0x10", Radix},
		{"0o17", Radix},
		{"1_000", Underscore},
		{"1e3", Exponent},
		{"+5", Plus},
		{"9223372036854775807", TooManyDigits},
		{"99999999999999999999999", TooManyDigits},
	}
	for _, tt := range refused {
		_, err := ParseInt(tt.in)
		var e *Error
		if !errors.As(err, &e) || e.Problem != tt.want {
			t.Errorf("ParseInt(%q): %v, want problem %d", tt.in, err, tt.want)
		}
	}
}

// TestParseKeepsDecimals: within the bounds, a figure's shortest decimal
// form is the figure as written, so it is printed with the decimals
// written (trailing zeros aside) and nothing is lost.
func TestParseKeepsDecimals(t *testing.T) {
	tests := []struct {
		in       string
		decimals int
	}{
		{"999999999999999", 0},
		{"99.999.999.999,9999", 4},
		{"0,0001", 4},
		{"123.456.789.012,345", 3},
		{"3,9650", 3},
		{"87,60", 1},
		{"1,1", 1},
	}
	for _, tt := range tests {
		v, err := Parse(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := Decimals(v); got != tt.decimals {
			t.Errorf("Decimals(Parse(%q)) = %d, want %d", tt.in, got, tt.decimals)
		}
	}
}

// FuzzParse: any text either reads as a figure within the bounds, whose
// shortest form has its decimals, or is refused with a problem — never a
// value that is not finite.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"3965", "3.965", "3,965", "1.234.567,89", "1,234.5", "3 965", "0x1F", "1e3", "+5", "-0,5", "010"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q): %v is not an *Error", s, err)
			}
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || Decimals(v) > MaxDecimals || Digits(v, Decimals(v)) > MaxDigits {
			t.Errorf("Parse(%q) = %v, outside the bounds", s, v)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	for _, s := range []string{"3965", "1.234.567,5", "99999999.9999"} {
		b.Run(s, func(b *testing.B) {
			for b.Loop() {
				if _, err := Parse(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
