package legacy

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// known are texts as old documents typed them — the national motto, agency
// names — with their Unicode form.
var known = []struct {
	legacy string
	enc    Encoding
	want   string
}{
	{"C«ng an thµnh phè CÇn Th¬", TCVN3, "Công an thành phố Cần Thơ"},
	{"Céng hoµ x· héi chñ nghÜa ViÖt Nam", TCVN3, "Cộng hoà xã hội chủ nghĩa Việt Nam"},
	{"§éc lËp - Tù do - H¹nh phóc", TCVN3, "Độc lập - Tự do - Hạnh phúc"},
	{"Héi nghÞ tæng kÕt c«ng t¸c n¨m 2021", TCVN3, "Hội nghị tổng kết công tác năm 2021"},
	{"®\u00adîc khen th\u00adëng", TCVN3, "được khen thưởng"}, // ư is the soft hyphen
	{"C«NG AN THµNH PHè CÇN TH¥", TCVN3, "CÔNG AN THÀNH PHỐ CẦN THƠ"},
	{"Coâng an thaønh phoá Caàn Thô", VNI, "Công an thành phố Cần Thơ"},
	{"Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", VNI, "Cộng hòa xã hội chủ nghĩa Việt Nam"},
	{"Ñoäc laäp - Töï do - Haïnh phuùc", VNI, "Độc lập - Tự do - Hạnh phúc"},
	{"Hoäi nghò toång keát coâng taùc naêm 2021", VNI, "Hội nghị tổng kết công tác năm 2021"},
	{"COÂNG AN THAØNH PHOÁ CAÀN THÔ", VNI, "CÔNG AN THÀNH PHỐ CẦN THƠ"},
	{"ñöôïc khen thöôûng, tyû leä", VNI, "được khen thưởng, tỷ lệ"},
	// A Windows-1258 file once opened as Windows-1252: tone marks are
	// separate characters (Ì grave, ì acute).
	{"Công an thaÌnh phôì Câ\u00ccn", Windows1258, "Công an thành phố Cần"},
}

func TestKnownText(t *testing.T) {
	for _, tt := range known {
		m := Sniff(tt.legacy)
		if m.Encoding != tt.enc || m.Words < MinWords {
			t.Errorf("Sniff(%q) = %v with %d words, want %v with at least %d", tt.legacy, m.Encoding, m.Words, tt.enc, MinWords)
		}
		if m.Word == "" || !strings.HasPrefix(tt.legacy[m.At:], m.Word) {
			t.Errorf("Sniff(%q): word %q is not at offset %d", tt.legacy, m.Word, m.At)
		}
		if got := Convert(tt.legacy, tt.enc); got != tt.want {
			t.Errorf("Convert(%q, %v) = %q, want %q", tt.legacy, tt.enc, got, tt.want)
		}
	}
}

// vietnamese returns every lowercase Vietnamese letter that is not ASCII:
// the twelve vowels with each of the five tone marks, the six vowels with a
// shape (ă â ê ô ơ ư) bare, and đ.
func vietnamese() map[rune]bool {
	set := map[rune]bool{'đ': true}
	for _, v := range []string{"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"} {
		for _, tone := range []string{"", grave, acute, tilde, hook, dotBelow} {
			if r := []rune(norm.NFC.String(v + tone)); len(r) == 1 && r[0] >= utf8.RuneSelf {
				set[r[0]] = true
			}
		}
	}
	return set
}

// TestTCVN3Repertoire checks the table against what TCVN 5712 says VN3
// holds: all 67 lowercase letters, each once, and the capitals Ă Â Ê Ô Ơ Ư
// Đ at 0xA1–0xA7.
func TestTCVN3Repertoire(t *testing.T) {
	want := vietnamese()
	if len(want) != 67 {
		t.Fatalf("test set has %d letters, want 67", len(want))
	}
	seen := map[rune]int{}
	for i, r := range tcvn3 {
		if prev, dup := seen[r]; dup && r != 0 {
			t.Errorf("%c at both %#x and %#x", r, prev, 0xA0+i)
		}
		seen[r] = 0xA0 + i
	}
	for r := range want {
		if _, ok := seen[r]; !ok {
			t.Errorf("%c (U+%04X) missing from the table", r, r)
		}
	}
	if got := string(tcvn3[1:8]); got != "ĂÂÊÔƠƯĐ" {
		t.Errorf("0xA1–0xA7 = %q, want ĂÂÊÔƠƯĐ", got)
	}
}

// TestNoFalsePositives runs recognition over the project's Vietnamese
// texts, written in Unicode, and over Western European text: nothing may be
// taken for a legacy encoding, even by the lenient file-wide rule of Scan.
// (The README is left out: it quotes legacy text on purpose.)
func TestNoFalsePositives(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../examples/*.yaml", "../../cmd/baocao/starters/*.yaml", "../../docs/*.md", "../../templates/*.tmpl"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 5 {
		t.Fatalf("found only %q", files)
	}
	texts := map[string][]string{"western": {
		"Copyright © 2021 Company® — all rights reserved",
		"Là où il y a une volonté, il y a un chemin; café crème à côté",
		"Müller, Ñandú, São Paulo, Perú, José García, Zürich, Ærøskøbing",
		"5 µm, 10 µm, 25 °C ± 2, ½ cup, § 3",
		"Cà Mau, Bà Rịa, phê duyệt",
	}}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[f] = strings.Split(string(data), "\n")
	}
	for name, lines := range texts {
		for i, m := range Scan(lines) {
			if m.Encoding != None {
				t.Errorf("%s:%d: %q taken for %v (word %q)", name, i+1, lines[i], m.Encoding, m.Word)
			}
		}
	}
}

func TestScan(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		want  []Encoding
	}{
		{"one text sure, a short name follows", []string{"C«ng an thµnh phè", "Hïng", "Nguyễn Hùng"}, []Encoding{TCVN3, TCVN3, None}},
		{"a short name alone", []string{"Hïng", "Công an"}, []Encoding{None, None}},
		{"one chance word", []string{"5 µm", "10 µm"}, []Encoding{None, None}},
		{"two encodings", []string{"Coâng an thaønh phoá", "C«ng an thµnh phè"}, []Encoding{VNI, TCVN3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Scan(tt.texts)
			for i, m := range ms {
				if m.Encoding != tt.want[i] {
					t.Errorf("Scan: %q is %v, want %v", tt.texts[i], m.Encoding, tt.want[i])
				}
			}
		})
	}
}

func TestConvertKeepsUnicodeLines(t *testing.T) {
	in := "Công an (đã là Unicode)\nC«ng an thµnh phè\nEnglish line"
	want := "Công an (đã là Unicode)\nCông an thành phố\nEnglish line"
	if got := Convert(in, TCVN3); got != want {
		t.Errorf("Convert = %q, want %q", got, want)
	}
}

func TestFile(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		enc  Encoding // None: not sure enough
		want string
	}{
		{"Windows-1258, tone marks combining",
			[]byte("name: C\xf4ng an tha\xccnh ph\xf4\xec C\xe2\xccn Th\xf5\nplace: Vi\xea\xf2t Nam\n"),
			Windows1258, "name: Công an thành phố Cần Thơ\nplace: Việt Nam\n"},
		{"TCVN3 saved as it is",
			[]byte("name: C\xabng an th\xb5nh ph\xe8 C\xc7n Th\xac\n"),
			TCVN3, "name: Công an thành phố Cần Thơ\n"},
		{"VNI saved as it is",
			[]byte("name: Co\xe2ng an tha\xf8nh pho\xe1 Ca\xe0n Th\xf4\n"),
			VNI, "name: Công an thành phố Cần Thơ\n"},
		{"Windows-1252 French", []byte("ville: Orl\xe9ans, caf\xe9 cr\xe8me\n"), None, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := SniffFile(tt.data)
			if tt.enc == None {
				if m.Words >= MinWords {
					t.Errorf("SniffFile = %v with %d words, want fewer than %d", m.Encoding, m.Words, MinWords)
				}
				return
			}
			if m.Encoding != tt.enc || m.Words < MinWords {
				t.Errorf("SniffFile = %v with %d words, want %v", m.Encoding, m.Words, tt.enc)
			}
			if got := ConvertFile(tt.data, tt.enc); !bytes.Equal(got, []byte(tt.want)) {
				t.Errorf("ConvertFile = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSyllable(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"công", true}, {"Nghiêng", true}, {"thưởng", true}, {"gì", true}, {"quyết", true},
		{"được", true}, {"khuya", true}, {"ĐƯỜNG", true}, {"ậy", true}, {"xoong", true},
		{"cat", false},    // a final stop needs sắc or nặng
		{"côngg", false},  // no such final
		{"tiên", true},    // iê with a final
		{"tiê", false},    // iê needs a final
		{"aim", false},    // ai takes no final
		{"fan", false},    // f is not Vietnamese
		{"ắấ", false},     // two tone marks
		{"c«ng", false},   // not a letter
		{"thaình", false}, // a toned vowel inside a cluster that has none
	}
	for _, tt := range tests {
		if got := syllable(tt.word); got != tt.want {
			t.Errorf("syllable(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// TestFileNotLegacy: files that are not UTF-8 for other reasons are not
// taken for legacy ones, however Vietnamese-looking their bytes.
func TestFileNotLegacy(t *testing.T) {
	utf8Text := "name: Công an thành phố Cần Thơ, Thượng tướng Nguyễn Văn Sơn\n"
	for name, data := range map[string][]byte{
		"UTF-8 with one damaged byte": []byte(utf8Text + "place: C\xff\n"),
		"UTF-16":                      utf16LE(utf8Text + "place: Hội trường Công an thành phố, tổng kết công tác năm 2021\n"),
	} {
		if m := SniffFile(data); m.Encoding != None {
			t.Errorf("%s: taken for %v (word %q)", name, m.Encoding, m.Word)
		}
	}
}

// utf16LE encodes s as UTF-16, little-endian, with a byte-order mark.
func utf16LE(s string) []byte {
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune("\uFEFF" + s))[1:] {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}
