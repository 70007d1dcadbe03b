package viet

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"baocao/render/report"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		v        float64
		decimals int
		want     string
	}{
		{3965, 0, "3.965"},
		{1234567.5, 1, "1.234.567,5"},
		{-124, 0, "-124"},
		{0.5, 2, "0,50"},
		{0, 0, "0"},
		{0, 2, "0,00"},
		{math.Copysign(0, -1), 0, "0"},
		{123, 0, "123"},
		{1234, 0, "1.234"},
		{1000000, 0, "1.000.000"},
		{-1000000, 0, "-1.000.000"},
		{1e15, 0, "1.000.000.000.000.000"},
		{12.3456, 3, "12,346"},
		{7, -1, "7"},
		// Half away from zero, not half to even.
		{0.5, 0, "1"},
		{1.5, 0, "2"},
		{2.5, 0, "3"},
		{-0.5, 0, "-1"},
		{-2.5, 0, "-3"},
		{0.125, 2, "0,13"},
		// Halves judged on the written decimal, although the binary value
		// lies just below the half.
		{0.05, 1, "0,1"},
		{0.15, 1, "0,2"},
		{0.35, 1, "0,4"},
		{1.45, 1, "1,5"},
		{-0.05, 1, "-0,1"},
		{0.045, 2, "0,05"},
		{1.005, 2, "1,01"},
		{2.675, 2, "2,68"},
		{8.345, 2, "8,35"},
		// Just below the half.
		{0.049, 1, "0,0"},
		{0.0449, 2, "0,04"},
		// Carries through the integer part and into a new group.
		{999.5, 0, "1.000"},
		{999.95, 1, "1.000,0"},
		{9999.995, 2, "10.000,00"},
		{-99.96, 1, "-100,0"},
		// A negative value that rounds to zero has no sign.
		{-0.04, 1, "0,0"},
		{-0.004, 2, "0,00"},
		{-0.4, 0, "0"},
		// Arithmetic noise does not show.
		{0.1 + 0.2, 1, "0,3"},
		{0.1 + 0.2, 2, "0,30"},
		// Not finite: printed, never a panic.
		{math.NaN(), 0, "NaN"},
		{math.Inf(1), 0, "∞"},
		{math.Inf(-1), 1, "-∞"},
	}
	for _, tt := range tests {
		if got := Number(tt.v, tt.decimals); got != tt.want {
			t.Errorf("Number(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.want)
		}
	}
}

func TestSigned(t *testing.T) {
	tests := []struct {
		v        float64
		decimals int
		want     string
	}{
		{12, 0, "+12"},
		{-124, 0, "-124"},
		{0, 0, "0"},
		{1500, 0, "+1.500"},
		{2.5, 1, "+2,5"},
		{0.005, 2, "+0,01"},
		{0.004, 2, "0,00"},
		{-0.004, 2, "0,00"},
		{0.4, 0, "0"},
		{-0.5, 0, "-1"},
	}
	for _, tt := range tests {
		if got := Signed(tt.v, tt.decimals); got != tt.want {
			t.Errorf("Signed(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.want)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		p    float64
		want string
	}{
		{-32.2049, "-32,2"},
		{100, "100,0"},
		{124.0 / 385 * 100, "32,2"},
		{87.6, "87,6"},
		{14.93, "14,9"},
		{32.25, "32,3"},
		{-32.25, "-32,3"},
		{0.05, "0,1"},
		{-0.04, "0,0"},
		{0, "0,0"},
		{1234.56, "1.234,6"},
	}
	for _, tt := range tests {
		if got := Percent(tt.p); got != tt.want {
			t.Errorf("Percent(%v) = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestRoundPercent(t *testing.T) {
	tests := []struct {
		p, want float64
	}{
		{-32.2049, -32.2},
		{100, 100},
		{8.45, 8.5},
		{2.25, 2.3},
		{-2.25, -2.3},
		{0.05, 0.1},
		{-0.04, 0},
		{33.333333, 33.3},
	}
	for _, tt := range tests {
		got := RoundPercent(tt.p)
		if got != tt.want || math.Signbit(got) != math.Signbit(tt.want) {
			t.Errorf("RoundPercent(%v) = %v, want %v", tt.p, got, tt.want)
		}
	}
}

// The workbook stores RoundPercent and the PDF prints Percent: reading the
// printed figure back must give the stored value.
func TestRoundPercentMatchesPercent(t *testing.T) {
	for _, p := range []float64{-32.2049, 8.45, 0.05, -0.04, 12.35, 1234.56, 124.0 / 385 * 100, 99.95} {
		printed := strings.ReplaceAll(Percent(p), ".", "")
		back, err := strconv.ParseFloat(strings.Replace(printed, ",", ".", 1), 64)
		if err != nil {
			t.Fatalf("Percent(%v) = %q: %v", p, Percent(p), err)
		}
		if got := RoundPercent(p); got != back {
			t.Errorf("RoundPercent(%v) = %v, Percent prints %q", p, got, Percent(p))
		}
	}
}

// TestDecimals: a figure is printed with the decimals it was written
// with (package figure tests the counting).
func TestDecimals(t *testing.T) {
	for v, want := range map[float64]string{3.965: "3,965", 87.6: "87,6", 0.0125: "0,0125", 261: "261"} {
		if got := Number(v, Decimals(v)); got != want {
			t.Errorf("%v prints %q, want %q", v, got, want)
		}
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{0, "không"},
		{1, "một"},
		{5, "năm"},
		{10, "mười"},
		{11, "mười một"},
		{15, "mười lăm"},
		{21, "hai mươi mốt"},
		{25, "hai mươi lăm"},
		{40, "bốn mươi"},
		{105, "một trăm linh năm"},
		{110, "một trăm mười"},
		{1000, "một nghìn"},
		{1005, "một nghìn không trăm linh năm"},
		{1500, "một nghìn năm trăm"},
		{3965, "ba nghìn chín trăm sáu mươi lăm"},
		{12340, "mười hai nghìn ba trăm bốn mươi"},
		{999999, "chín trăm chín mươi chín nghìn chín trăm chín mươi chín"},
		{1000050, "một triệu không trăm năm mươi"},
		{1000000000, "một tỷ"},
		{1000005000, "một tỷ không trăm linh năm nghìn"},
		{1234000000000, "một nghìn hai trăm ba mươi bốn tỷ"},
		{3.965, "ba phẩy chín sáu năm"},
		{0.05, "không phẩy không năm"},
		{1.5, "một phẩy năm"},
		{-12, "âm mười hai"},
		{-12.34, "âm mười hai phẩy ba bốn"},
	}
	for _, tt := range tests {
		if got := Words(tt.v); got != tt.want {
			t.Errorf("Words(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestYear(t *testing.T) {
	tests := []struct {
		y    int
		want string
	}{
		{2021, "2021"},
		{2000, "2000"},
		{1999, "1999"},
		{999, "999"},
		{10000, "10000"},
	}
	for _, tt := range tests {
		if got := Year(tt.y); got != tt.want {
			t.Errorf("Year(%d) = %q, want %q", tt.y, got, tt.want)
		}
	}
}

func date(y int, m time.Month, d int) report.Date {
	return report.Date{Year: y, Month: m, Day: d}
}

func TestLongDate(t *testing.T) {
	tests := []struct {
		d    report.Date
		want string
	}{
		{date(2022, 1, 5), "ngày 05 tháng 01 năm 2022"},
		{date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"},
		{date(2020, 3, 5), "ngày 05 tháng 3 năm 2020"},
		{date(2022, 1, 15), "ngày 15 tháng 01 năm 2022"},
		{date(2022, 2, 15), "ngày 15 tháng 02 năm 2022"},
		{date(2021, 12, 10), "ngày 10 tháng 12 năm 2021"},
		{date(2024, 2, 29), "ngày 29 tháng 02 năm 2024"},
		{date(2021, 12, 31), "ngày 31 tháng 12 năm 2021"},
		{date(2021, 10, 1), "ngày 01 tháng 10 năm 2021"},
	}
	for _, tt := range tests {
		if got := LongDate(tt.d); got != tt.want {
			t.Errorf("LongDate(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestShortDate(t *testing.T) {
	tests := []struct {
		d    report.Date
		want string
	}{
		{date(2020, 3, 5), "05/3/2020"},
		{date(2022, 1, 15), "15/01/2022"},
		{date(2019, 6, 29), "29/6/2019"},
		{date(2024, 2, 1), "01/02/2024"},
		{date(2021, 12, 31), "31/12/2021"},
		{date(2020, 10, 10), "10/10/2020"},
		{date(2021, 11, 9), "09/11/2021"},
	}
	for _, tt := range tests {
		if got := ShortDate(tt.d); got != tt.want {
			t.Errorf("ShortDate(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

// Only January and February are padded (nd30.md §3).
func TestDateMonthPadding(t *testing.T) {
	months := []string{"01", "02", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}
	for i, m := range months {
		d := date(2021, time.Month(i+1), 20)
		if got, want := LongDate(d), "ngày 20 tháng "+m+" năm 2021"; got != want {
			t.Errorf("LongDate(%v) = %q, want %q", d, got, want)
		}
		if got, want := ShortDate(d), "20/"+m+"/2021"; got != want {
			t.Errorf("ShortDate(%v) = %q, want %q", d, got, want)
		}
	}
}

// Days below 10 are padded, whatever the month.
func TestDateDayPadding(t *testing.T) {
	tests := []struct {
		day  int
		want string
	}{
		{1, "01"}, {2, "02"}, {5, "05"}, {9, "09"},
		{10, "10"}, {11, "11"}, {19, "19"}, {20, "20"},
		{29, "29"}, {30, "30"}, {31, "31"},
	}
	for _, tt := range tests {
		for _, m := range []time.Month{1, 7} {
			d := date(2021, m, tt.day)
			want := "ngày " + tt.want + " tháng "
			if got := LongDate(d); !strings.HasPrefix(got, want) {
				t.Errorf("LongDate(%v) = %q, want prefix %q", d, got, want)
			}
			if got := ShortDate(d); !strings.HasPrefix(got, tt.want+"/") {
				t.Errorf("ShortDate(%v) = %q, want prefix %q", d, got, tt.want+"/")
			}
		}
	}
}

func TestDocNumber(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{1, "01"}, {5, "05"}, {9, "09"}, {10, "10"}, {15, "15"}, {100, "100"}, {1234, "1234"},
	}
	for _, tt := range tests {
		if got := DocNumber(tt.n); got != tt.want {
			t.Errorf("DocNumber(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestChange(t *testing.T) {
	tests := []struct {
		prev, cur float64
		decimals  int
		unit      string
		label     string
		want      string
	}{
		{385, 261, 0, "vụ", "năm 2020", "giảm 124 vụ, tương ứng 32,2% so với năm 2020"},
		{141, 153, 0, "người", "năm 2020", "tăng 12 người, tương ứng 8,5% so với năm 2020"},
		{100, 100, 0, "vụ", "năm 2020", "tương đương năm 2020"},
		{0, 0, 0, "vụ", "năm 2020", "tương đương năm 2020"},
		{0, 7, 0, "vụ", "năm 2020", "tăng 7 vụ so với năm 2020"},
		{10, 0, 0, "vụ", "năm 2020", "giảm 10 vụ, tương ứng 100,0% so với năm 2020"},
		{1000, 2500, 0, "vụ", "năm 2020", "tăng 1.500 vụ, tương ứng 150,0% so với năm 2020"},
		{94, 80, 0, "vụ", "cùng kỳ", "giảm 14 vụ, tương ứng 14,9% so với cùng kỳ"},
		{80.5, 87.6, 1, "%", "năm 2020", "tăng 7,1%, tương ứng 8,8% so với năm 2020"},
		{385, 261, 0, "", "năm 2020", "giảm 124, tương ứng 32,2% so với năm 2020"},
		// The change prints as 0: no "tăng 0 vụ".
		{100, 100.4, 0, "vụ", "năm 2020", "tương đương năm 2020"},
		{100, 100.4, 1, "vụ", "năm 2020", "tăng 0,4 vụ, tương ứng 0,4% so với năm 2020"},
		// 12,25% exactly: binary arithmetic gives 12,2499… and 12,2%.
		{40, 44.9, 1, "vụ", "năm 2020", "tăng 4,9 vụ, tương ứng 12,3% so với năm 2020"},
		{40, 35.1, 1, "vụ", "năm 2020", "giảm 4,9 vụ, tương ứng 12,3% so với năm 2020"},
		{3, 3.965, 3, "tỷ đồng", "năm 2020", "tăng 0,965 tỷ đồng, tương ứng 32,2% so với năm 2020"},
		// Inputs in NFD come out NFC.
		{141, 153, 0, norm.NFD.String("người"), norm.NFD.String("năm 2020"), "tăng 12 người, tương ứng 8,5% so với năm 2020"},
	}
	for _, tt := range tests {
		if got := Change(tt.prev, tt.cur, tt.decimals, tt.unit, tt.label); got != tt.want {
			t.Errorf("Change(%v, %v, %d, %q, %q) = %q, want %q", tt.prev, tt.cur, tt.decimals, tt.unit, tt.label, got, tt.want)
		}
	}
}

func TestNFC(t *testing.T) {
	nfd := "To\u0302\u0309ng ke\u0302\u0301t"
	if got, want := NFC(nfd), "Tổng kết"; got != want {
		t.Errorf("NFC(%q) = %q, want %q", nfd, got, want)
	}
}

func TestUpper(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Tổng kết công tác", "TỔNG KẾT CÔNG TÁC"},
		{"đ", "Đ"},
		{"Độc lập - Tự do - Hạnh phúc", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"},
		{"công an thành phố cần thơ", "CÔNG AN THÀNH PHỐ CẦN THƠ"},
		{"ă â ê ô ơ ư ỹ ự ặ ẫ", "Ă Â Ê Ô Ơ Ư Ỹ Ự Ặ Ẫ"},
		{norm.NFD.String("Tổng kết"), "TỔNG KẾT"},
		{"", ""},
	}
	for _, tt := range tests {
		got := Upper(tt.in)
		if got != tt.want {
			t.Errorf("Upper(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if !norm.NFC.IsNormalString(got) {
			t.Errorf("Upper(%q) = %q is not NFC", tt.in, got)
		}
	}
}

func TestLowerFirst(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Năm 2020", "năm 2020"},
		{"năm 2020", "năm 2020"},
		{"Đợt 1", "đợt 1"},
		{"Ấn phẩm", "ấn phẩm"},
		{norm.NFD.String("Ấn phẩm"), "ấn phẩm"},
		{"Quý I năm 2021", "quý I năm 2021"},
		{"UBND tỉnh", "UBND tỉnh"},
		{"A", "a"},
		{"2020", "2020"},
		{"", ""},
		{"\xff", "\xff"},
	}
	for _, tt := range tests {
		if got := LowerFirst(tt.in); got != tt.want {
			t.Errorf("LowerFirst(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestJoin(t *testing.T) {
	tests := []struct {
		items []string
		want  string
	}{
		{nil, ""},
		{[]string{"a"}, "a"},
		{[]string{"a", "b"}, "a và b"},
		{[]string{"a", "b", "c"}, "a, b và c"},
		{[]string{"tội phạm", "tai nạn", "cháy", "nổ"}, "tội phạm, tai nạn, cháy và nổ"},
	}
	for _, tt := range tests {
		if got := Join(tt.items); got != tt.want {
			t.Errorf("Join(%q) = %q, want %q", tt.items, got, tt.want)
		}
	}
}

func TestRoman(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{1, "I"}, {2, "II"}, {3, "III"}, {4, "IV"}, {5, "V"}, {6, "VI"},
		{9, "IX"}, {10, "X"}, {14, "XIV"}, {19, "XIX"}, {40, "XL"},
		{49, "XLIX"}, {90, "XC"}, {400, "CD"}, {900, "CM"},
		{1994, "MCMXCIV"}, {2021, "MMXXI"}, {3999, "MMMCMXCIX"},
		{4000, "MMMM"}, {0, ""}, {-1, ""},
	}
	for _, tt := range tests {
		if got := Roman(tt.n); got != tt.want {
			t.Errorf("Roman(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// Phụ lục I of the decree numbers its own points a) b) c) d) đ) e) g):
// "đ" follows "d", and "g" follows "e" (no "ê", no "f").
func TestLetter(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{1, "a"}, {2, "b"}, {3, "c"}, {4, "d"}, {5, "đ"}, {6, "e"},
		{7, "g"}, {8, "h"}, {9, "i"}, {10, "k"}, {11, "l"}, {22, "x"},
		{23, "y"}, {24, "aa"}, {25, "ab"}, {46, "ay"}, {47, "ba"},
		{552, "yy"}, {553, "aaa"}, {0, ""}, {-3, ""},
	}
	for _, tt := range tests {
		if got := Letter(tt.n); got != tt.want {
			t.Errorf("Letter(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
