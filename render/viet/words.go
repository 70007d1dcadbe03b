package viet

import (
	"math"
	"strconv"
	"strings"
)

// digitWords are the digits as they are read alone.
var digitWords = [10]string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}

// Words reads a figure aloud, the way a message that must tell two
// readings of one figure apart says it: 3965 → "ba nghìn chín trăm sáu
// mươi lăm", 3.965 → "ba phẩy chín sáu năm" (decimals digit by digit, as
// they are read out), -12 → "âm mười hai", 1005 → "một nghìn không trăm
// linh năm".
func Words(v float64) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	w := integerWords(whole)
	if frac != "" {
		w += " phẩy"
		for _, d := range frac {
			w += " " + digitWords[d-'0']
		}
	}
	if v < 0 {
		w = "âm " + w
	}
	return w
}

// integerWords reads the digits of a whole number: groups of three before
// "triệu" and "nghìn", and everything above the last nine digits as a
// number of "tỷ" ("một nghìn tỷ").
func integerWords(digits string) string {
	digits = strings.TrimLeft(digits, "0")
	if digits == "" {
		return digitWords[0]
	}
	var parts []string
	if n := len(digits); n > 9 {
		parts = append(parts, integerWords(digits[:n-9])+" tỷ")
		digits = digits[n-9:]
	}
	digits = strings.Repeat("0", 9-len(digits)) + digits
	for i, scale := range []string{" triệu", " nghìn", ""} {
		g := digits[3*i : 3*i+3]
		if g == "000" {
			continue
		}
		parts = append(parts, groupWords(g, len(parts) > 0)+scale)
	}
	return strings.Join(parts, " ")
}

// groupWords reads three digits. After a higher group (full) a group is
// read whole, its hundreds even when 0: 1.005 is "một nghìn không trăm
// linh năm".
func groupWords(g string, full bool) string {
	h, t, u := g[0]-'0', g[1]-'0', g[2]-'0'
	var w []string
	if h > 0 || full {
		w = append(w, digitWords[h], "trăm")
	}
	switch {
	case t == 0 && u == 0:
		return strings.Join(w, " ")
	case t == 0:
		if len(w) > 0 {
			w = append(w, "linh")
		}
		return strings.Join(append(w, digitWords[u]), " ")
	case t == 1:
		w = append(w, "mười")
	default:
		w = append(w, digitWords[t], "mươi")
	}
	switch {
	case u == 0:
	case u == 1 && t > 1:
		w = append(w, "mốt")
	case u == 5:
		w = append(w, "lăm")
	default:
		w = append(w, digitWords[u])
	}
	return strings.Join(w, " ")
}
