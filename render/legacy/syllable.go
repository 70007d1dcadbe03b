package legacy

import (
	"strings"

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
// a character that is not a Vietnamese letter, or two tone marks.
func spell(w string) (letters, tone string, ok bool) {
	var b strings.Builder
	var prev rune
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		switch m := string(r); {
		case m == grave || m == acute || m == tilde || m == hook || m == dotBelow:
			if tone != "" {
				return "", "", false
			}
			tone = m
		case m == circumflex || m == breve || r == '\u031B': // horn
			if prev == 0 {
				return "", "", false
			}
			shaped := []rune(norm.NFC.String(string(prev) + m))
			if len(shaped) != 1 {
				return "", "", false
			}
			prev = shaped[0]
		case r == 'đ' || (r >= 'a' && r <= 'z' && !strings.ContainsRune("fjwz", r)):
			if prev != 0 {
				b.WriteRune(prev)
			}
			prev = r
		default:
			return "", "", false
		}
	}
	if prev != 0 {
		b.WriteRune(prev)
	}
	letters = b.String()
	return letters, tone, letters != ""
}
