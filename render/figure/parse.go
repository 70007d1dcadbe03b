// Package figure reads the figures a clerk types — indicator values, annex
// cells, counts, document numbers — and does the arithmetic on them that
// must come out the same in the PDF and in the workbook.
//
// Clerks write numbers the Vietnamese way, as Excel set to Vietnamese shows
// them: a dot groups thousands and a comma marks the decimals ("1.234.567",
// "87,6"). Figures pasted from an English Excel use the other marks
// ("1,234,567", "87.6"). A figure is accepted when it has exactly one
// reading under the two conventions; a figure with two ("3.965", "3,965":
// three thousand nine hundred and sixty-five, or three point nine six
// five) is refused with both readings, never guessed at.
//
// Every figure is bounded: at most MaxDigits digits and MaxDecimals
// decimals. Within those bounds a float64 holds the figure exactly — its
// shortest decimal form is the figure as written — and so does a
// spreadsheet, which keeps 15 significant digits. Figures derived from
// figures have bounds too (MaxSum, MaxPercentDigits), within which this
// package computes them exactly and a spreadsheet recomputing the
// workbook's formulas finds the same.
package figure

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Bounds of a figure. No real figure of an office report reaches them.
const (
	// MaxDigits is how many digits a figure — or a total, or a difference
	// of two figures — may have, counting its decimals: Excel keeps 15
	// significant digits, and float64 holds every decimal of 15 digits
	// exactly.
	MaxDigits = 15
	// MaxDecimals is how many decimals a figure may have, trailing zeros
	// not counted: enough for a rate such as 0,0125, and one more than a
	// figure needs to be written unambiguously ("3,9650").
	MaxDecimals = 4
	// MaxPercentDigits is how many digits a percentage may have, with its
	// one decimal: a spreadsheet computes (current − previous) / previous
	// × 100 in binary and rounds it as the 15 significant digits it shows
	// read, which decide a percentage that is exactly half a tenth the
	// way the PDF does only while the binary error stays far below the
	// 15th digit. 99.999.999,9% is a change of a million-fold.
	MaxPercentDigits = 9
)

// Problem is what is wrong with a figure that is refused.
type Problem int

// The problems of a figure.
const (
	NotNumber       Problem = iota // not a figure at all: "ba mươi", "1.23.4"
	Empty                          // nothing written
	Ambiguous                      // two readings: "3.965", "3,965", "1.000"
	Exponent                       // "1e3", "2,5E+2"
	Radix                          // "0x1F", "0o17", "0b101"
	Underscore                     // "1_000"
	Plus                           // "+5"
	PercentSign                    // "87,6%"
	LeadingMark                    // ".5", ",5"
	TrailingMark                   // "5.", "5,"
	TooManyDecimals                // more than MaxDecimals
	TooManyDigits                  // more than MaxDigits
	NotWhole                       // decimals where a whole number is needed: "12,5"
)

// Error is a figure that is refused, with what a message needs to say
// what is wrong and how to write it.
type Error struct {
	Problem Problem
	Text    string // the figure as written, without surrounding space
	// Grouped and Decimal are the two readings of an Ambiguous figure:
	// its mark grouping thousands ("3.965" = 3965), and its mark before
	// the decimals ("3.965" = 3,965).
	Grouped, Decimal float64
	// Count is how many digits (TooManyDigits) or decimals
	// (TooManyDecimals) the figure has.
	Count int
}

// Error names the problem; messages for users are written by the loader,
// which knows where the figure is and what it stands for.
func (e *Error) Error() string {
	return strconv.Quote(e.Text) + ": " + [...]string{
		NotNumber: "không phải là số", Empty: "để trống", Ambiguous: "đọc được hai cách",
		Exponent: "viết dạng lũy thừa", Radix: "viết theo cơ số khác 10", Underscore: "có dấu _",
		Plus: "có dấu +", PercentSign: "có dấu %", LeadingMark: "thiếu chữ số trước dấu thập phân",
		TrailingMark: "có dấu ở cuối", TooManyDecimals: "quá nhiều chữ số thập phân",
		TooManyDigits: "quá nhiều chữ số", NotWhole: "không phải số nguyên",
	}[e.Problem]
}

// Parse reads a figure: digits, maybe grouped in thousands by dots,
// commas or spaces (also the no-break spaces spreadsheets use), maybe
// decimals after a comma or a dot, maybe a minus sign. Leading zeros are
// ignored ("010" is 10), and so are Spaces around it. A figure with two
// readings, or none, or beyond the bounds, gives an *Error.
func Parse(s string) (float64, error) {
	r, _, err := read(s)
	if err != nil {
		return 0, err
	}
	return r.value(), nil
}

// ParseInt reads a whole number as Parse reads a figure, with no decimal
// mark: "12", "1.234.567", "010" (10). "12,0" is refused: a whole number
// has no decimals to write.
func ParseInt(s string) (int64, error) {
	r, text, err := read(s)
	if err != nil {
		return 0, err
	}
	if r.decimal {
		return 0, &Error{Problem: NotWhole, Text: text}
	}
	n := int64(r.m) // at most MaxDigits digits
	if r.neg {
		n = -n
	}
	return n, nil
}

// reading is a figure read one way: ±m × 10^-decimals.
type reading struct {
	neg bool
	// m is the digits, without leading zeros or trailing zeros of the
	// decimals; only the first 19 count, enough for any figure within the
	// bounds.
	m        uint64
	digits   int  // how many digits m has, the whole part's all counted
	decimals int  // how many of them are decimals
	decimal  bool // a decimal mark was written, even with no decimals after it ("12,0")
}

// bounded refuses a reading beyond MaxDecimals and MaxDigits.
func (r reading) bounded(text string) error {
	switch {
	case r.decimals > MaxDecimals:
		return &Error{Problem: TooManyDecimals, Text: text, Count: r.decimals}
	case r.digits > MaxDigits:
		return &Error{Problem: TooManyDigits, Text: text, Count: r.digits}
	}
	return nil
}

// value is the float64 nearest to the reading, which within the bounds is
// the reading exactly: m is exact below 2^53, so is 10^decimals, and the
// division is correctly rounded.
func (r reading) value() float64 {
	v := float64(r.m) / math.Pow10(r.decimals)
	if r.neg && v != 0 {
		v = -v
	}
	return v
}

// same reports whether two readings are the same number.
func (r reading) same(o reading) bool {
	return r.m == o.m && r.decimals == o.decimals && r.digits == o.digits
}

// mark is a character written between digits.
type mark byte

const (
	dot   mark = '.'
	comma mark = ','
	space mark = ' ' // any of Spaces
)

// Spaces are the spaces that may group thousands: the ordinary one, and
// the no-break and thin spaces spreadsheets and word processors put there.
// They, tabs and line breaks may also stand around a figure.
const Spaces = " \u00a0\u202f\u2009"

// read reads s under both conventions and keeps the one reading it has,
// within the bounds; text is s without the space around it.
func read(s string) (r reading, text string, err error) {
	text = s
	if n := len(s); n == 0 || s[0] <= ' ' || s[0] >= utf8.RuneSelf || s[n-1] <= ' ' || s[n-1] >= utf8.RuneSelf {
		text = strings.Trim(s, "\t\n\f\r"+Spaces)
	}
	if strings.Trim(text, "0123456789") == "" && text != "" {
		// Digits alone, the most common figure: read as they are.
		r.add(strings.TrimLeft(text, "0"))
		return r, text, r.bounded(text)
	}
	fail := func(p Problem) (reading, string, error) { return reading{}, text, &Error{Problem: p, Text: text} }
	body, neg, plus := text, false, false
	switch {
	case text == "":
		return fail(Empty)
	case text[0] == '+':
		body, plus = text[1:], true // a figure that would be one without it
	case text[0] == '-':
		body, neg = text[1:], true
	case strings.HasPrefix(text, "−"): // U+2212, the minus sign of typeset text
		body, neg = text[len("−"):], true
	}
	if p, ok := notation(body); ok {
		return fail(p)
	}
	var t tokens
	switch {
	case !t.split(body):
		return fail(NotNumber)
	case plus:
		return fail(Plus)
	}
	vn, okVN := t.convention(comma, dot)
	if t.n == 1 {
		// Digits alone read the same in both conventions.
		vn.neg = neg
		return vn, text, vn.bounded(text)
	}
	en, okEN := t.convention(dot, comma)
	switch {
	case okVN && okEN && !vn.same(en):
		grouped, dec := vn, en
		if vn.decimal {
			grouped, dec = en, vn
		}
		grouped.neg, dec.neg = neg, neg
		return reading{}, text, &Error{Problem: Ambiguous, Text: text, Grouped: grouped.value(), Decimal: dec.value()}
	case okVN:
		r = vn
	case okEN:
		r = en
	default:
		return fail(NotNumber)
	}
	r.neg = neg
	return r, text, r.bounded(text)
}

// notation recognises the ways of writing numbers that programs know and
// offices do not, so that the message can name them.
func notation(body string) (Problem, bool) {
	n := len(body)
	switch {
	case n > 2 && body[0] == '0' && strings.IndexByte("xob", body[1]|0x20) >= 0:
		return Radix, true
	case strings.IndexByte(body, '_') >= 0:
		return Underscore, true
	case n > 1 && body[n-1] == '%':
		return PercentSign, true
	case n > 1 && (body[0] == '.' || body[0] == ',') && isDigit(body[1]) && new(tokens).split(body[1:]):
		return LeadingMark, true
	case n > 1 && (body[n-1] == '.' || body[n-1] == ',') && new(tokens).split(body[:n-1]):
		return TrailingMark, true
	}
	if i := strings.IndexAny(body, "eE"); i > 0 && isDigit(body[0]) {
		var t tokens
		e := strings.TrimLeft(body[i+1:], "+-")
		if t.split(body[:i]) && e != "" && strings.Trim(e, "0123456789") == "" {
			return Exponent, true
		}
	}
	return 0, false
}

// maxRuns bounds the runs of digits a figure may have: 15 digits make at
// most six groups and the decimals.
const maxRuns = 16

// tokens are the runs of digits of a figure and the single marks between
// them, kept in arrays so that reading a figure allocates nothing.
type tokens struct {
	runs  [maxRuns]string
	marks [maxRuns - 1]mark
	n     int // runs; n-1 marks
}

// split cuts body into runs of digits and the marks between them; it
// reports false for anything else, two marks in a row, or too many runs.
func (t *tokens) split(body string) bool {
	start := 0
	for i := 0; i < len(body); {
		c, size := utf8.DecodeRuneInString(body[i:])
		var m mark
		switch {
		case c >= '0' && c <= '9':
			i += size
			continue
		case c == '.':
			m = dot
		case c == ',':
			m = comma
		case strings.ContainsRune(Spaces, c):
			m = space
		default:
			return false
		}
		if i == start || t.n == maxRuns-1 {
			return false // a mark first, or after another
		}
		t.runs[t.n], t.marks[t.n] = body[start:i], m
		t.n++
		i += size
		start = i
	}
	if start == len(body) {
		return false // empty, or a mark last
	}
	t.runs[t.n] = body[start:]
	t.n++
	return true
}

// convention reads the runs and marks with decimal as the decimal mark and
// group, or a space, grouping thousands; it reports false when they cannot
// be read so.
func (t *tokens) convention(decimal, group mark) (reading, bool) {
	var r reading
	runs, marks := t.runs[:t.n], t.marks[:t.n-1]
	frac := ""
	if n := len(marks); n > 0 && marks[n-1] == decimal {
		r.decimal, frac = true, strings.TrimRight(runs[n], "0")
		runs, marks = runs[:n], marks[:n-1]
	}
	first := strings.TrimLeft(runs[0], "0")
	if len(marks) > 0 {
		// Grouped: one kind of mark, a first group of one to three digits
		// that is not zero, then groups of three.
		if first == "" || len(first) > 3 {
			return reading{}, false
		}
		for i, m := range marks {
			if m != marks[0] || (m != group && m != space) || len(runs[i+1]) != 3 {
				return reading{}, false
			}
		}
	}
	r.add(first)
	for _, run := range runs[1:] {
		r.add(run)
	}
	r.add(frac)
	r.decimals = len(frac)
	return r, true
}

// add appends digits to the reading.
func (r *reading) add(digits string) {
	for i := range len(digits) {
		if r.digits < 19 {
			r.m = r.m*10 + uint64(digits[i]-'0')
		}
		r.digits++
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
