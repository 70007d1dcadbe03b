package phrase

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// words are the words of two to four syllables of Hồ Ngọc Đức's word
// list, with each syllable as key makes it (see README.md, and
// TestWordList, which derives them from testdata/Viet74K.txt). A line
// holds the words that start with one syllable: the syllable, a space,
// then the rest of each word, in byte order, separated by "|" — "công
// an|an viên|…|tác|tác phí|…".
//
//go:embed words.txt
var words string

// maxSyllables is the most syllables of a word in words.
const maxSyllables = 4

// index maps each first syllable to the rest of its line, the first time
// a word is looked up: five thousand lines to find, not sixty thousand
// words to store.
var index = sync.OnceValue(func() map[string]string {
	ix := make(map[string]string, strings.Count(words, "\n"))
	for line := range strings.Lines(words) {
		first, rest, _ := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
		ix[first] = rest
	}
	return ix
})

// lookupIn reports whether rest, the syllables after the first, ends a
// word of line, the words that start with that syllable, and whether a
// longer word starts with them.
func lookupIn(line string, rest []byte) (word, longer bool) {
	// The first entry not below rest, by bisecting the line's bytes.
	lo, hi := 0, len(line)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		from := strings.LastIndexByte(line[:m], '|') + 1
		e := entryAt(line, from)
		if compare(e, rest) < 0 {
			lo = from + len(e) + 1
		} else {
			hi = from
		}
	}
	// The words that start with rest and a space sort right after rest
	// itself: a space is below every letter.
	e := entryAt(line, lo)
	if compare(e, rest) == 0 {
		word = true
		e = entryAt(line, lo+len(e)+1)
	}
	longer = len(e) > len(rest) && e[len(rest)] == ' ' && compare(e[:len(rest)], rest) == 0
	return word, longer
}

// entryAt returns the entry of a line of words that starts at byte from,
// or "" past its end.
func entryAt(line string, from int) string {
	if from >= len(line) {
		return ""
	}
	if n := strings.IndexByte(line[from:], '|'); n >= 0 {
		return line[from : from+n]
	}
	return line[from:]
}

// compare is strings.Compare(s, string(b)), without making the string.
func compare(s string, b []byte) int {
	for i := 0; i < len(s) && i < len(b); i++ {
		if s[i] != b[i] {
			if s[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(s) < len(b):
		return -1
	case len(s) > len(b):
		return 1
	}
	return 0
}

// tones lists each vowel followed by itself with the five tone marks, in
// the order huyền, sắc, hỏi, ngã, nặng.
var tones = [...]string{"aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị", "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ"}

// toneOf splits a lower-case vowel into the vowel without its tone mark
// and the tone (1–5), or returns r and 0.
func toneOf(r rune) (base rune, tone int) {
	if r < 0xC0 {
		return r, 0
	}
	for _, t := range tones {
		for i, c := range []rune(t) {
			if c == r && i > 0 {
				b, _ := utf8.DecodeRuneInString(t)
				return b, i
			}
		}
	}
	return r, 0
}

// withTone returns the vowel base carrying tone.
func withTone(base rune, tone int) rune {
	for _, t := range tones {
		if b, _ := utf8.DecodeRuneInString(t); b == base {
			for i, c := range []rune(t) {
				if i == tone {
					return c
				}
			}
		}
	}
	return base
}

// key returns a syllable as the list is searched: in lower case, and with
// the tone mark of a final "oa", "oe" or "uy" on its second vowel. Both
// placements are correct Vietnamese ("hòa" and "hoà", "ủy" and "uỷ"); the
// list uses the second and documents the first, so that each is found.
func key(syllable string) string {
	return lowerKey(strings.ToLower(syllable))
}

// lowerKey is key for a syllable in lower case.
func lowerKey(s string) string {
	second, n := utf8.DecodeLastRuneInString(s)
	first, m := utf8.DecodeLastRuneInString(s[:len(s)-n])
	if second != 'a' && second != 'e' && second != 'y' || !strings.ContainsRune("òóỏõọùúủũụ", first) {
		return s
	}
	base, tone := toneOf(first)
	if base == 'u' && (second != 'y' || strings.HasSuffix(s[:len(s)-n-m], "q")) ||
		base == 'o' && second == 'y' {
		return s // "của", "quý": the tone is on the main vowel already
	}
	return s[:len(s)-n-m] + string(base) + string(withTone(second, tone))
}
