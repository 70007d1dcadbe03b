// Package legacy recognises Vietnamese text written in the encodings that
// came before Unicode — TCVN3 (the ABC fonts: .VnTime, .VnArial…), VNI (VNI
// fonts: VNI-Times…) and Windows-1258 — and converts it to Unicode.
//
// Such text reaches a YAML file in two ways. Pasted from an old document
// into a UTF-8 editor, each byte of the old encoding shows up as the
// Windows-1252 character with that code: "Công an" typed in .VnTime becomes
// "C«ng an". Saved by an old editor as a whole file, the bytes are not UTF-8
// at all. Sniff and Scan handle the first, SniffFile the second.
//
// Recognition rests on words, not on single characters, so that ordinary
// Unicode text — Vietnamese with its Latin-1 letters (à, é, ô…), English,
// a "©" or a "µm" — is never taken for legacy text: a word counts only if it
// is not a Vietnamese syllable as written and becomes one when decoded, and a
// text needs MinWords distinct such words.
package legacy

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Encoding is a legacy Vietnamese encoding.
type Encoding int

// The encodings recognised. None means Unicode: nothing to convert.
const (
	None Encoding = iota
	TCVN3
	VNI
	Windows1258
)

// encodings lists the legacy encodings in the order ties are broken.
var encodings = [...]Encoding{TCVN3, VNI, Windows1258}

// String names the encoding as Vietnamese users know it.
func (e Encoding) String() string {
	switch e {
	case TCVN3:
		return "TCVN3 (ABC)"
	case VNI:
		return "VNI"
	case Windows1258:
		return "Windows-1258"
	}
	return "Unicode"
}

// decodeView converts text in e, shown as Windows-1252 characters, to
// Unicode NFC.
func (e Encoding) decodeView(s string) string {
	switch e {
	case TCVN3:
		return decodeTCVN3(s)
	case VNI:
		return decodeVNI(s)
	case Windows1258:
		return decode1258(s)
	}
	return s
}

// MinWords is how many distinct words must read as Vietnamese only when
// decoded before a text on its own is taken as legacy: one can be chance
// ("µm" reads "àm" in TCVN3), two in one text are not.
const MinWords = 2

// Match is what Sniff found in a text.
type Match struct {
	Encoding Encoding // None when no word reads as Vietnamese only when decoded
	// Words counts the distinct words that are not Vietnamese as written
	// and are Vietnamese syllables decoded from Encoding.
	Words int
	// At is the byte offset of the first such word, Word the word as written.
	At   int
	Word string
}

// Sniff looks for legacy text pasted into the Unicode text s. It returns the
// encoding in which most words of s read as Vietnamese; a Match with fewer
// than MinWords words is only a hint (see Scan).
func Sniff(s string) Match {
	var ms [len(encodings)]Match
	sniff(s, encodings[:], ms[:])
	best := Match{}
	for _, m := range ms {
		if m.Words > best.Words {
			best = m
		}
	}
	return best
}

// Scan sniffs each of texts, all from one file, and keeps the matches to
// act on: those with MinWords words, and, once one text of the file is
// legacy in an encoding, every other text with a word in that encoding —
// short values such as a name ("Hïng") are then recognised too. Other
// entries are the zero Match.
func Scan(texts []string) []Match {
	ms := make([]Match, len(texts))
	sure := map[Encoding]bool{}
	for i, s := range texts {
		ms[i] = Sniff(s)
		if ms[i].Words >= MinWords {
			sure[ms[i].Encoding] = true
		}
	}
	for i, m := range ms {
		if m.Words < MinWords && !sure[m.Encoding] {
			ms[i] = Match{}
		}
	}
	return ms
}

// Convert converts the legacy text in s, found by Sniff or Scan to be in e,
// to Unicode NFC: each line that holds a word reading as Vietnamese only in
// e. Other lines, ordinary Unicode among them, are left as they are.
func Convert(s string, e Encoding) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		var m [1]Match
		if sniff(l, []Encoding{e}, m[:]); m[0].Words > 0 {
			lines[i] = e.decodeView(l)
		}
	}
	return strings.Join(lines, "\n")
}

// SniffFile looks at data, a file that is not valid UTF-8, for text in a
// legacy encoding saved as it is. Like Sniff, a Match with fewer than
// MinWords words is only a hint. The Match's At is an offset in data, and
// its Word is shown as View shows it.
func SniffFile(data []byte) Match {
	if !legacyBytes(data) {
		return Match{}
	}
	v := View(data)
	m := Sniff(v)
	m.At = utf8.RuneCountInString(v[:m.At]) // one character per byte
	return m
}

// legacyBytes reports whether data could be a text file in a legacy
// encoding: one without NUL bytes (UTF-16 has them) and whose bytes beyond
// ASCII do not mostly form UTF-8 sequences — that is UTF-8 with a few
// damaged bytes, which converting would garble.
func legacyBytes(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return false
	}
	valid, invalid := 0, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case size > 1:
			valid++
		}
		i += size
	}
	return invalid > valid
}

// ConvertFile converts data, a whole file in e, to UTF-8 NFC.
func ConvertFile(data []byte, e Encoding) []byte {
	if e == Windows1258 {
		// Decoding the bytes directly keeps the bytes Windows-1252 leaves
		// undefined that Windows-1258 defines.
		s, _ := charmap.Windows1258.NewDecoder().Bytes(data) // a charmap decoder does not fail
		return norm.NFC.Bytes(s)
	}
	return []byte(e.decodeView(View(data)))
}

// View shows data, text in a legacy encoding, the way it looks pasted into
// Unicode text: each byte as the Windows-1252 character with its code.
func View(data []byte) string {
	var b strings.Builder
	b.Grow(len(data))
	for _, c := range data {
		b.WriteRune(charmap.Windows1252.DecodeByte(c))
	}
	return b.String()
}

// sniff counts, into ms[i] for each encoding es[i], the words of s that read
// as Vietnamese only in that encoding, on the lines of s that could be a
// legacy text: those whose every character has a Windows-1252 code. Lines
// with other characters are Unicode text. Every value of a file is sniffed,
// so a word that is Vietnamese as written, as most are, is told apart once
// for all the encodings.
func sniff(s string, es []Encoding, ms []Match) {
	type word struct {
		e Encoding
		w string // lowercase
	}
	var seen map[word]bool
	off := 0
	for line := range strings.SplitAfterSeq(s, "\n") {
		if eligible(line) {
			eachWord(line, func(at int, w string) {
				if syllable(w) {
					return
				}
				for i, e := range es {
					if !syllable(e.decodeView(w)) {
						continue
					}
					k := word{e, strings.ToLower(w)}
					if seen[k] {
						continue
					}
					if seen == nil {
						seen = map[word]bool{}
					}
					seen[k] = true
					if ms[i].Words == 0 {
						ms[i].At, ms[i].Word = off+at, w
					}
					ms[i].Words++
				}
			})
		}
		off += len(line)
	}
	for i, e := range es {
		if ms[i].Words > 0 {
			ms[i].Encoding = e
		}
	}
}

// eligible reports whether line could be legacy text: it has a character
// beyond ASCII and all its characters have a Windows-1252 code.
func eligible(line string) bool {
	beyond := false
	for _, r := range line {
		if r < utf8.RuneSelf {
			continue
		}
		if _, ok := charmap.Windows1252.EncodeRune(r); !ok {
			return false
		}
		beyond = true
	}
	return beyond
}

// eachWord calls fn with each word of s and its byte offset. A word is a
// run of letters and of the symbols TCVN3 uses for letters ("«" is ô).
func eachWord(s string, fn func(at int, w string)) {
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || tcvn3Letter(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			fn(start, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		fn(start, s[start:])
	}
}

// decode1258 re-encodes text shown as Windows-1252 and decodes it as
// Windows-1258, whose tone marks are combining characters, composed here.
func decode1258(s string) string {
	var b strings.Builder
	for _, r := range s {
		c, ok := charmap.Windows1252.EncodeRune(r)
		if !ok {
			b.WriteRune(r)
			continue
		}
		b.WriteRune(charmap.Windows1258.DecodeByte(c))
	}
	return norm.NFC.String(b.String())
}
