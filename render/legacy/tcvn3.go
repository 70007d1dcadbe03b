package legacy

import (
	"strings"
	"unicode"
)

// tcvn3 maps the codes 0xA0–0xFF of TCVN 5712:1993 to Unicode, as GNU
// libiconv's tcvn.h does. TCVN3 (VN3, the ABC fonts) uses 0xA0 (no-break
// space), 0xA1–0xA7 (Ă Â Ê Ô Ơ Ư Đ) and 67 lowercase letters; the capitals
// with tone marks come from VN2, its superset, so that text typed with VN2
// converts too. The combining marks VN2 places at 0xB0–0xB4 are left out
// (zero): in pasted text "°", "±", "²", "³" and "´" are far more often
// themselves. The codes below 0x80 are ASCII.
var tcvn3 = [96]rune{
	0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, // 0xA0
	0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0, // 0xA8
	0, 0, 0, 0, 0, 0x00E0, 0x1EA3, 0x00E3, // 0xB0
	0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4, // 0xB8
	0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, // 0xC0
	0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD, // 0xC8
	0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, // 0xD0
	0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2, // 0xD8
	0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, // 0xE0
	0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9, // 0xE8
	0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, // 0xF0
	0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0, // 0xF8
}

// tcvn3Rune returns what the character with code r (0xA0–0xFF, as pasted
// text shows it) is in TCVN3.
func tcvn3Rune(r rune) (rune, bool) {
	if r < 0xA0 || r > 0xFF || tcvn3[r-0xA0] == 0 {
		return r, false
	}
	return tcvn3[r-0xA0], true
}

// tcvn3Letter reports whether r stands for a letter in TCVN3 text.
func tcvn3Letter(r rune) bool {
	u, ok := tcvn3Rune(r)
	return ok && unicode.IsLetter(u)
}

// decodeTCVN3 converts TCVN3 text shown as Windows-1252 characters. TCVN3
// has no capitals with tone marks: capitals were typed by switching to a
// capitals font (.VnTimeH), which draws the lowercase codes as capitals. So
// a word with two or more ASCII letters, all capitals ("C«NG"), is made all
// capitals; one capital alone ("Tù") is the start of a word typed in
// lowercase.
func decodeTCVN3(s string) string {
	var b strings.Builder
	last := 0
	eachWord(s, func(at int, w string) {
		b.WriteString(s[last:at])
		last = at + len(w)
		upper, ascii := true, 0
		d := strings.Map(func(r rune) rune {
			if r < 0x80 && unicode.IsLetter(r) {
				ascii++
				upper = upper && unicode.IsUpper(r)
			}
			u, _ := tcvn3Rune(r)
			return u
		}, w)
		if ascii >= 2 && upper {
			d = strings.ToUpper(d)
		}
		b.WriteString(d)
	})
	b.WriteString(s[last:])
	return b.String()
}
