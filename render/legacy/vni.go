package legacy

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// VNI Windows (the VNI fonts) writes a letter with marks as the base letter
// followed by one character that draws the marks over it: "aù" is á, "aá"
// is ấ. The mark characters and the few single-character letters are
// Latin-1 letters, capitals for capital letters.

// Combining marks, as NFC composes them.
const (
	grave      = "\u0300"
	acute      = "\u0301"
	circumflex = "\u0302"
	tilde      = "\u0303"
	breve      = "\u0306"
	hook       = "\u0309"
	horn       = "\u031B"
	dotBelow   = "\u0323"
)

// vniTones are the mark characters that put a tone mark alone on any vowel.
var vniTones = map[rune]string{
	'ù': acute, 'ø': grave, 'û': hook, 'õ': tilde, 'ï': dotBelow,
	'Ù': acute, 'Ø': grave, 'Û': hook, 'Õ': tilde, 'Ï': dotBelow,
}

// vniCircumflex are the mark characters that put a circumflex, with or
// without a tone mark, on a, e or o.
var vniCircumflex = map[rune]string{
	'â': "", 'á': acute, 'à': grave, 'å': hook, 'ã': tilde, 'ä': dotBelow,
	'Â': "", 'Á': acute, 'À': grave, 'Å': hook, 'Ã': tilde, 'Ä': dotBelow,
}

// vniBreve are the mark characters that put a breve, with or without a
// tone mark, on a.
var vniBreve = map[rune]string{
	'ê': "", 'é': acute, 'è': grave, 'ú': hook, 'ü': tilde, 'ë': dotBelow,
	'Ê': "", 'É': acute, 'È': grave, 'Ú': hook, 'Ü': tilde, 'Ë': dotBelow,
}

// vniBases are the letters that take a mark character: what they are
// alone, and whether a circumflex or breve can go on them. VNI writes ơ as
// "ô" and ư as "ö".
var vniBases = map[rune]struct {
	letter            string
	circumflex, breve bool
}{
	'a': {"a", true, true}, 'e': {"e", true, false}, 'o': {"o", true, false},
	'A': {"A", true, true}, 'E': {"E", true, false}, 'O': {"O", true, false},
	'u': {"u", false, false}, 'y': {"y", false, false}, 'ô': {"ơ", false, false}, 'ö': {"ư", false, false},
	'U': {"U", false, false}, 'Y': {"Y", false, false}, 'Ô': {"Ơ", false, false}, 'Ö': {"Ư", false, false},
}

// vniSingles are the letters VNI writes as one character: đ, the base
// letters ơ and ư, and i and ỵ with their tone marks.
var vniSingles = map[rune]rune{
	'ñ': 'đ', 'ô': 'ơ', 'ö': 'ư', 'í': 'í', 'ì': 'ì', 'æ': 'ỉ', 'ó': 'ĩ', 'ò': 'ị', 'î': 'ỵ',
	'Ñ': 'Đ', 'Ô': 'Ơ', 'Ö': 'Ư', 'Í': 'Í', 'Ì': 'Ì', 'Æ': 'Ỉ', 'Ó': 'Ĩ', 'Ò': 'Ị', 'Î': 'Ỵ',
}

// decodeVNI converts VNI text shown as Windows-1252 characters.
func decodeVNI(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if base, ok := vniBases[r]; ok && i+1 < len(rs) {
			if marks, ok := vniMarks(rs[i+1], base.circumflex, base.breve); ok {
				b.WriteString(norm.NFC.String(base.letter + marks))
				i++
				continue
			}
		}
		if u, ok := vniSingles[r]; ok {
			r = u
		}
		b.WriteRune(r)
	}
	return b.String()
}

// vniMarks returns the combining marks the mark character m stands for
// after a base letter that can take a circumflex or a breve as given.
func vniMarks(m rune, circ, brev bool) (string, bool) {
	if t, ok := vniTones[m]; ok {
		return t, true
	}
	if t, ok := vniCircumflex[m]; ok && circ {
		return circumflex + t, true
	}
	if t, ok := vniBreve[m]; ok && brev {
		return breve + t, true
	}
	return "", false
}
