package legacy

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A Vietnamese syllable is an initial consonant (possibly none), a vowel
// cluster and a final consonant (possibly none), with at most one tone
// mark. The lists follow the standard description of Vietnamese spelling;
// they are what separates words decoded right from chance letters.
var (
	onsets = []string{"ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch",
		"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""}
	codas = []string{"ch", "ng", "nh", "c", "m", "n", "p", "t", ""}
)

// nucleus says what may follow a vowel cluster.
type nucleus int

const (
	anyCoda  nucleus = iota + 1 // "a", "an"
	noCoda                      // ends in a semivowel: "ai", "ao"
	needCoda                    // "iê" only in "iên", "iêt"…
)

var nuclei = map[string]nucleus{
	"a": anyCoda, "e": anyCoda, "ê": anyCoda, "i": anyCoda, "o": anyCoda, "ô": anyCoda,
	"ơ": anyCoda, "u": anyCoda, "ư": anyCoda, "y": anyCoda,
	"oa": anyCoda, "oe": anyCoda, "uê": anyCoda, "uy": anyCoda, "oo": anyCoda, "uơ": anyCoda,
	"ă": needCoda, "â": needCoda, "oă": needCoda, "uâ": needCoda,
	"iê": needCoda, "yê": needCoda, "uô": needCoda, "ươ": needCoda, "uyê": needCoda,
	"ai": noCoda, "ao": noCoda, "au": noCoda, "ay": noCoda, "âu": noCoda, "ây": noCoda,
	"eo": noCoda, "êu": noCoda, "ia": noCoda, "iu": noCoda, "oi": noCoda, "ôi": noCoda,
	"ơi": noCoda, "ua": noCoda, "ui": noCoda, "ưa": noCoda, "ưi": noCoda, "ưu": noCoda,
	"iêu": noCoda, "yêu": noCoda, "oai": noCoda, "oay": noCoda, "oeo": noCoda, "uây": noCoda,
	"uôi": noCoda, "ươi": noCoda, "ươu": noCoda, "uya": noCoda, "uyu": noCoda,
}

// syllable reports whether w is one Vietnamese syllable, ignoring case.
func syllable(w string) bool {
	letters, tone, ok := spell(w)
	if !ok {
		return false
	}
	for _, on := range onsets {
		if !strings.HasPrefix(letters, on) {
			continue
		}
		for _, co := range codas {
			rest := letters[len(on):]
			if !strings.HasSuffix(rest, co) || len(rest) == len(co) {
				continue
			}
			n := nuclei[rest[:len(rest)-len(co)]]
			// A final stop (c, ch, p, t) takes only the sắc or nặng tone.
			stop := co == "c" || co == "ch" || co == "p" || co == "t"
			if n == 0 || (n == noCoda && co != "") || (n == needCoda && co == "") ||
				(stop && tone != acute && tone != dotBelow) {
				continue
			}
			return true
		}
	}
	return false
}

// spell splits w into its lowercase letters, with their vowel shapes (â, ă,
// ơ…) but not their tone, and its tone mark, if any. ok is false if w has
// a character that is not a Vietnamese letter, or two tone marks. Every
// word of a file is spelt, so each character is lowered and decomposed
// (NFD) in a buffer on the stack rather than the word in new strings.
func spell(w string) (letters, tone string, ok bool) {
	var b strings.Builder
	b.Grow(len(w))
	var prev rune
	var buf [utf8.UTFMax]byte
	for _, c := range w {
		d := utf8.AppendRune(buf[:0], unicode.ToLower(c))
		if dec := norm.NFD.Properties(d).Decomposition(); dec != nil {
			d = dec
		}
		for _, r := range string(d) {
			if t, ok := tones[r]; ok {
				if tone != "" {
					return "", "", false
				}
				tone = t
				continue
			}
			if strings.ContainsRune(circumflex+breve+horn, r) {
				if prev = shapes[[2]rune{prev, r}]; prev == 0 {
					return "", "", false
				}
				continue
			}
			if r != 'đ' && (r < 'a' || r > 'z' || strings.ContainsRune("fjwz", r)) {
				return "", "", false
			}
			if prev != 0 {
				b.WriteRune(prev)
			}
			prev = r
		}
	}
	if prev != 0 {
		b.WriteRune(prev)
	}
	letters = b.String()
	return letters, tone, letters != ""
}

// tones are the tone marks, by their combining character.
var tones = map[rune]string{'\u0300': grave, '\u0301': acute, '\u0303': tilde, '\u0309': hook, '\u0323': dotBelow}

// shapes are the vowels with a shape — circumflex (U+0302), breve (U+0306)
// or horn (U+031B) — by the bare vowel and the mark.
var shapes = map[[2]rune]rune{
	{'a', '\u0302'}: 'â', {'e', '\u0302'}: 'ê', {'o', '\u0302'}: 'ô',
	{'a', '\u0306'}: 'ă', {'o', '\u031B'}: 'ơ', {'u', '\u031B'}: 'ư',
}
