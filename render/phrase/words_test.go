package phrase

import (
	"bytes"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
)

var update = flag.Bool("update", false, "rewrite words.txt from testdata/Viet74K.txt")

// derive makes words.txt from Hồ Ngọc Đức's list: its entries of two to
// four syllables made only of letters (not the sayings with commas), each
// syllable as key makes it, sorted and without repeats, a line for each
// first syllable.
func derive(list string) string {
	var out []string
	for line := range strings.Lines(list) {
		syllables := strings.Fields(line)
		if len(syllables) < 2 || len(syllables) > maxSyllables {
			continue
		}
		ok := true
		for i, s := range syllables {
			for _, r := range s {
				ok = ok && (unicode.IsLetter(r) || r == '-')
			}
			syllables[i] = key(s)
		}
		if ok {
			out = append(out, strings.Join(syllables, " "))
		}
	}
	slices.Sort(out)
	var b strings.Builder
	first := ""
	for _, w := range slices.Compact(out) {
		f, rest, _ := strings.Cut(w, " ")
		if f == first {
			b.WriteString("|" + rest)
			continue
		}
		if first != "" {
			b.WriteString("\n")
		}
		first = f
		b.WriteString(w)
	}
	return b.String() + "\n"
}

// lookup reports whether key, syllables as key makes them joined by
// spaces, is a word of the list, and whether a longer word starts with
// it: what spans asks, with the whole word.
func lookup(key []byte) (word, longer bool) {
	first, rest := key, []byte(nil)
	if n := bytes.IndexByte(key, ' '); n >= 0 {
		first, rest = key[:n], key[n+1:]
	}
	line, ok := index()[string(first)]
	if !ok || len(first) == len(key) {
		return false, ok
	}
	return lookupIn(line, rest)
}

// TestWordList: words.txt is what derive makes of the list as published;
// go test -update rewrites it.
func TestWordList(t *testing.T) {
	list, err := os.ReadFile("testdata/Viet74K.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := derive(string(list))
	if *update {
		if err := os.WriteFile("words.txt", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if words != want {
		t.Fatal("words.txt is not derived from testdata/Viet74K.txt: run go test ./render/phrase -run WordList -update")
	}
}

// TestLookup finds words of the list whatever the case and the place of
// the tone mark, and tells whether a longer word goes on.
func TestLookup(t *testing.T) {
	for _, c := range []struct {
		syllables    string
		word, longer bool
	}{
		{"công tác", true, true}, // công tác phí
		{"CÔNG TÁC", true, true},
		{"phương hướng", true, false},
		{"ủy ban", true, true}, // the list writes "uỷ ban"; ủy ban nhân dân
		{"uỷ ban", true, true},
		{"hòa bình", true, true}, // hoà bình chủ nghĩa
		{"ỦY BAN NHÂN DÂN", true, false},
		{"thành phố", true, false},
		{"Cần Thơ", true, false},
		{"năm học", true, false},
		{"công an", true, true}, // công an viên
		{"tác công", false, false},
		{"ủy", false, true}, // one syllable is never a word of the list
		{"zzz", false, false},
	} {
		var k []byte
		for i, s := range strings.Fields(c.syllables) {
			if i > 0 {
				k = append(k, ' ')
			}
			k = append(k, key(s)...)
		}
		if word, longer := lookup(k); word != c.word || longer != c.longer {
			t.Errorf("%q: word %v, longer %v; want %v, %v", c.syllables, word, longer, c.word, c.longer)
		}
	}
}

// TestKey puts the tone mark of a final oa, oe, uy on its second vowel
// and leaves every other syllable as it is, in lower case.
func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"hòa": "hoà", "hoà": "hoà", "HÒA": "hoà", "ủy": "uỷ", "Ủy": "uỷ", "khỏe": "khoẻ",
		"thủy": "thuỷ", "quý": "quý", "hoàng": "hoàng", "của": "của", "công": "công", "QUỐC": "quốc",
		"huỳnh": "huỳnh", "tỏa": "toả", "lý": "lý", "Đà": "đà",
	} {
		if got := key(in); got != want {
			t.Errorf("key(%q) = %q, want %q", in, got, want)
		}
	}
}
