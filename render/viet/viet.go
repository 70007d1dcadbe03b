// Package viet is the one place where numbers, dates and case changes are
// turned into Vietnamese text, so the PDF documents and the statistics
// workbook print every figure the same way.
//
// Conventions (Nghị định 30/2020/NĐ-CP, Phụ lục I, and common practice):
//
//   - Numbers use a decimal comma and a thousands dot ("3.965",
//     "1.234.567,5"), with the decimals they were written with; a
//     percentage has one decimal and no space before "%" ("32,2%"), and is
//     computed exactly on the decimals (package figure). Years are never
//     grouped ("2021"). Rounding is half away from zero, judged on the
//     decimal a value reads as, so 0,05 rounds to 0,1 and 2,675 to 2,68.
//   - In a date only days below 10 and the months 1 and 2 get a leading
//     zero: "ngày 05 tháng 01 năm 2022", "ngày 29 tháng 6 năm 2019",
//     short form "05/3/2020". A document number below 10 gets a leading
//     zero too ("Số: 05/BC-…").
//   - A comparison reads "giảm 124 vụ, tương ứng 32,2% so với năm 2020";
//     with no change "tương đương năm 2020"; with a previous value of 0 the
//     percentage is left out.
//   - Parts and sections are numbered in Roman numerals, points with the
//     letters of the Vietnamese alphabet (a, b, c, d, đ, e, g, …).
//
// All functions are pure and safe for concurrent use; every returned string
// is NFC.
package viet

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"baocao/render/figure"
	"baocao/render/report"
)

// NFC returns s in Unicode normalization form C, the form Vietnamese text
// is stored and compared in (TCVN 6909:2001 uses precomposed letters).
func NFC(s string) string {
	return norm.NFC.String(s)
}

// Upper returns s in Vietnamese upper case, e.g. "Tổng kết công tác" →
// "TỔNG KẾT CÔNG TÁC", "đ" → "Đ". Input in any normalization form is
// accepted; the result is NFC.
func Upper(s string) string {
	// A Caser keeps state between calls, so each call gets its own.
	return NFC(cases.Upper(language.Vietnamese).String(NFC(s)))
}

// LowerFirst lower-cases the first character of s, so a label written to
// start a sentence ("Năm 2020") can stand inside one ("năm 2020"). A first
// word in capitals is an abbreviation ("UBND tỉnh") and is left alone.
func LowerFirst(s string) string {
	s = NFC(s)
	first, size := utf8.DecodeRuneInString(s)
	if first == utf8.RuneError {
		return s // empty, or not UTF-8: nothing to lower
	}
	if next, _ := utf8.DecodeRuneInString(s[size:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(first)) + s[size:]
}

// Join lists items the Vietnamese way: "a", "a và b", "a, b và c".
func Join(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return NFC(items[0])
	}
	last := len(items) - 1
	return NFC(strings.Join(items[:last], ", ") + " và " + items[last])
}

// Decimals returns how many decimals are needed to show every value in vs
// as it was written: 261 → 0, 87.6 → 1, 3.965 → 3 (never 3,97). A table
// row uses one count for all its cells. See figure.Decimals.
func Decimals(vs ...float64) int { return figure.Decimals(vs...) }

// Number formats v with a thousands dot and a decimal comma, rounded half
// away from zero to exactly decimals digits after the comma:
// Number(1234567.5, 1) = "1.234.567,5", Number(0.5, 2) = "0,50". A value
// that rounds to zero has no minus sign. A negative decimals counts as 0.
func Number(v float64, decimals int) string {
	decimals = max(decimals, 0)
	r := round(v, decimals)
	switch {
	case math.IsNaN(r):
		return "NaN"
	case math.IsInf(r, 1):
		return "∞"
	case math.IsInf(r, -1):
		return "-∞"
	}
	// r has at most decimals digits after the point, so printing it with
	// exactly as many gives its digits; the dots and the comma go in
	// here. (x/text, which knows the symbols too, costs twenty times as
	// much, and long tables print thousands of numbers.)
	digits := strconv.FormatFloat(math.Abs(r), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(digits, ".")
	b := make([]byte, 0, len(digits)+len(whole)/3+1)
	if r < 0 {
		b = append(b, '-')
	}
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b = append(b, '.')
		}
		b = append(b, whole[i])
	}
	if frac != "" {
		b = append(b, ',')
		b = append(b, frac...)
	}
	return string(b)
}

// Signed is Number with an explicit "+" on values that print above zero,
// for the Tăng/giảm (±) column: "+12", "-124", "0".
func Signed(v float64, decimals int) string {
	s := Number(v, decimals)
	if round(v, max(decimals, 0)) > 0 {
		return "+" + s
	}
	return s
}

// Round returns v rounded to decimals digits half away from zero: the
// value Number prints, so a workbook cell can hold exactly the printed
// figure.
func Round(v float64, decimals int) float64 { return round(v, max(decimals, 0)) }

// NoPercent is printed in place of a percentage that has no base (the
// previous value is 0), in the PDF and the workbook alike.
const NoPercent = "-"

// RoundPercent returns p rounded to one decimal half away from zero: the
// value Percent prints, so a workbook cell can hold exactly the printed
// figure. RoundPercent(-32.2049) = -32.2.
func RoundPercent(p float64) float64 {
	return round(p, 1)
}

// Percent formats a percentage with one decimal and a decimal comma,
// without the "%" sign: Percent(-32.2049) = "-32,2", Percent(100) = "100,0".
func Percent(p float64) string {
	return Number(p, 1)
}

// Year formats a year, never grouped: "2021", not "2.021".
func Year(y int) string {
	return strconv.Itoa(y)
}

// LongDate formats d as the decree writes it after the place name:
// "ngày 05 tháng 01 năm 2022", "ngày 29 tháng 6 năm 2019".
func LongDate(d report.Date) string {
	return "ngày " + pad(d.Day) + " tháng " + month(d) + " năm " + Year(d.Year)
}

// ShortDate formats d in the short form used in running text, with the
// same padding as LongDate: "05/3/2020", "15/01/2022".
func ShortDate(d report.Date) string {
	return pad(d.Day) + "/" + month(d) + "/" + Year(d.Year)
}

// DocNumber formats the number of a document, with a leading zero below
// 10: 5 → "05", 15 → "15".
func DocNumber(n int) string {
	return pad(n)
}

// pad writes n with a leading zero below 10, the decree's rule for days
// and document numbers.
func pad(n int) string {
	if n >= 0 && n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// month writes the month of d; only January and February are padded.
func month(d report.Date) string {
	if d.Month == 1 || d.Month == 2 {
		return pad(int(d.Month))
	}
	return strconv.Itoa(int(d.Month))
}

// Change phrases the change from prev to cur for running text:
//
//	"giảm 124 vụ, tương ứng 32,2% so với năm 2020"
//	"tăng 12 người, tương ứng 8,5% so với năm 2020"
//	"tương đương năm 2020"      (the change prints as 0)
//	"tăng 7 vụ so với năm 2020" (prev is 0: no percentage exists)
//
// The change is printed with decimals decimals, the percentage with one;
// both as absolute values, since "tăng"/"giảm" carries the sign. An empty
// unit is left out and "%" follows the figure without a space. prevLabel
// is used as given (see LowerFirst).
func Change(prev, cur float64, decimals int, unit, prevLabel string) string {
	delta := cur - prev
	// Judge "no change" on the printed figure, so the phrase never says
	// "tăng 0 vụ".
	if round(delta, max(decimals, 0)) == 0 {
		return NFC("tương đương " + prevLabel)
	}
	verb := "tăng "
	if delta < 0 {
		verb = "giảm "
	}
	amount := Number(math.Abs(delta), decimals)
	switch unit {
	case "":
	case "%":
		amount += unit // no space before "%"
	default:
		amount += " " + unit
	}
	p, ok := figure.Percent(prev, cur)
	if !ok {
		return NFC(verb + amount + " so với " + prevLabel)
	}
	return NFC(verb + amount + ", tương ứng " + Percent(math.Abs(p)) + "% so với " + prevLabel)
}

// MaxRoman is the largest number Roman numerals write in their usual
// form, "MMMCMXCIX".
const MaxRoman = 3999

// Roman writes n in Roman numerals, for parts and sections: 4 → "IV",
// 14 → "XIV". Values above MaxRoman continue with one more "M" for each
// thousand, so the string is n/1000 bytes long; n <= 0 has no Roman form
// and gives "".
func Roman(n int) string {
	numerals := []struct {
		value  int
		symbol string
	}{
		{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"},
		{100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"},
		{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"},
	}
	var b strings.Builder
	for _, r := range numerals {
		for n >= r.value {
			b.WriteString(r.symbol)
			n -= r.value
		}
	}
	return b.String()
}

// pointLetters are the letters that number points ("điểm") in
// Vietnamese documents. Phụ lục I of Nghị định 30 orders points "theo thứ
// tự bảng chữ cái tiếng Việt", and the decree itself, like Vietnamese law
// texts, runs a) b) c) d) đ) e) g) h) i) k) …: the Vietnamese alphabet
// without the vowels carrying diacritics (ă â ê ô ơ ư), which would be
// confused with a, e, o, u. The letters f, j, w and z are not part of it.
const pointLetters = "abcdđeghiklmnopqrstuvxy"

// Letter returns the letter of the n-th point: 1 → "a", 5 → "đ",
// 6 → "e", 7 → "g", 23 → "y". No rule covers more than 23 points; past
// "y" the letters continue as two-letter names, "aa", "ab", …, the way
// spreadsheet columns do. n <= 0 gives "".
func Letter(n int) string {
	letters := []rune(pointLetters)
	base := len(letters)
	var out []rune
	for n > 0 {
		n--
		out = append(out, letters[n%base])
		n /= base
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return string(out)
}

// round rounds v to decimals digits after the point, half away from zero.
// Halves are judged on the shortest decimal that reads back as v — the
// number as the user wrote it or a computation produced it — not on the
// binary value: 2.675 is stored as 2.67499999…, yet is written "2.675" and
// must print as 2,68. A result of zero is +0, so no "-0" is printed.
func round(v float64, decimals int) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	if v == 0 {
		return 0 // also turns -0 into +0
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) <= decimals {
		return v
	}
	digits := []byte(whole + frac[:decimals])
	if frac[decimals] >= '5' {
		i := len(digits) - 1
		for ; i >= 0 && digits[i] == '9'; i-- {
			digits[i] = '0'
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		} else {
			digits[i]++
		}
	}
	// The digits form a well-formed decimal, so parsing cannot fail; it
	// gives the double nearest to the rounded decimal.
	r, _ := strconv.ParseFloat(string(digits)+"e-"+strconv.Itoa(decimals), 64)
	if r == 0 {
		return 0
	}
	return math.Copysign(r, v)
}
