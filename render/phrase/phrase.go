// Package phrase tells where a line of Vietnamese text may break, and how
// well: after a comma, before a phrase, between two words — or, to be
// avoided, inside a word, a name, a date or a figure.
//
// Vietnamese writes every syllable apart: "công tác" is one word of two
// syllables, and a line that ends on "công" splits it. The words of
// several syllables come from Hồ Ngọc Đức's word list (words.txt, under
// the GNU GPL: see README.md and LICENSE); names, dates and figures are
// recognised by their form ("TỈNH BÀ RỊA - VŨNG TÀU", "ngày 28 tháng 8
// năm 2023", "2022 - 2023").
package phrase

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Break is how well a line breaks between two words, from the best to
// the worst.
type Break uint8

const (
	// Clause is after a comma, semicolon, colon or full stop, or before
	// an opening bracket: where a reader pauses.
	Clause Break = iota
	// Phrase is before a word that opens a phrase — của, và, về, tại,
	// năm…, an administrative unit with its name, a date.
	Phrase
	// Free is between two words that neither joins nor parts.
	Free
	// Dangling is after a word that leads into the next one (của, và,
	// các…): a line should not end on it.
	Dangling
	// Count is between a number and the word that counts it: "năm /
	// 2021", "năm học / 2022 - 2023", "số / 15", "Phần / II" — stacked so
	// in a narrow table header, to be avoided elsewhere.
	Count
	// Name is between capitalised words, which are mostly a name:
	// "Nguyễn Văn / Thuận", "Phó / Giám đốc" — but also a header set in
	// title case ("Giải / Nhất"), so a word weighs more.
	Name
	// Word is inside a word of several syllables: "công / tác".
	Word
	// Place is between an administrative unit and its name, or inside
	// that name: "TỈNH / BÀ RỊA - VŨNG TÀU", "thành phố / Cần Thơ".
	Place
	// Figure is inside a date, a time or a range: "ngày 28 tháng 8 /
	// năm 2023", "08 / giờ 30", "2022 - / 2023".
	Figure
	// Dash is before a dash, which would open a line like an item of a
	// list: "BÀ RỊA / - VŨNG TÀU".
	Dash
)

// String names the break, for tests and messages.
func (b Break) String() string {
	return [...]string{"clause", "phrase", "free", "dangling", "count", "name", "word", "place", "figure", "dash"}[b]
}

// Text holds the words of one block of text — the stretches between its
// spaces — and tells where its lines may break. It reads a word only when
// asked about a break next to it, so that a long paragraph costs only the
// breaks a line breaker considers. The zero value is ready for Reset.
type Text struct {
	word   func(int) string
	words  []token
	buf    []byte // the key of a run of syllables being looked up
	none   token  // what at returns outside the text
	fewest []int  // inWord's, kept from run to run
	lookUp bool   // whether to look words up in the list
}

// token is what a break needs to know of one word.
type token struct {
	read bool
	// syllable is the word as the list is searched, without the
	// punctuation around it; "" when it is not a syllable (a number, a
	// dash, a symbol).
	syllable string
	flags    uint8
	// words has bit l set when the l syllables from this one are a word
	// of the list, once spansRead.
	words     uint8
	spansRead bool
	// after is the break after this word, plus one; 0 until asked.
	after uint8
	// inside tells whether the break after this word is inside a word
	// of the list, once its run of syllables is read.
	inside uint8
}

const (
	numeric uint8 = 1 << iota // starts with a digit: "2021", "05/3/2020", "99,21%"
	roman                     // a Roman numeral: "I", "XV"
	dash                      // a dash on its own: "-", "–", "—"
	capital                   // a capital, then small letters: "Cần", "Giáo"
	upper                     // letters, all capitals: "TỈNH"
	pause                     // ends with , ; : . ! ? or …
	opens                     // starts with an opening bracket or quote
)

// Reset makes t the words 0…n-1, word(i) returning the i-th. t keeps word
// until the next Reset. With lookUp false t does not look words up in the
// list and never tells Word: names, dates and phrases cost nothing to
// find, words of several syllables a lookup for every word of the text.
func (t *Text) Reset(n int, word func(int) string, lookUp bool) {
	t.word, t.lookUp = word, lookUp
	if cap(t.words) < n {
		t.words = make([]token, n)
	}
	t.words = t.words[:n]
	clear(t.words)
}

// at returns word i, reading it the first time; outside the text it is
// the zero token, which joins nothing.
func (t *Text) at(i int) *token {
	if i < 0 || i >= len(t.words) {
		t.none = token{read: true, spansRead: true}
		return &t.none
	}
	w := &t.words[i]
	if !w.read {
		*w = read(t.word(i))
	}
	return w
}

// read classifies a word.
func read(s string) token {
	w := token{read: true}
	if s == "-" || s == "–" || s == "—" {
		w.flags = dash
		return w
	}
	core := s
	for core != "" {
		r, n := utf8.DecodeRuneInString(core)
		if !opening(r) {
			break
		}
		core = core[n:]
		w.flags |= opens
	}
	// The end mark "./." closes a document's last word: "học viên./.".
	if c, ok := strings.CutSuffix(core, "./."); ok {
		core, w.flags = c, w.flags|pause
	}
	for core != "" {
		r, n := utf8.DecodeLastRuneInString(core)
		if stop(r) {
			w.flags |= pause
		} else if !closing(r) {
			break
		}
		core = core[:len(core)-n]
	}
	if core == "" {
		return w
	}
	if c := core[0]; '0' <= c && c <= '9' {
		w.flags |= numeric
		return w
	}
	hasUpper, hasLower, letters, romanOnly := false, false, true, true
	for _, r := range core {
		switch {
		case 'a' <= r && r <= 'z':
			hasLower = true
		case 'A' <= r && r <= 'Z':
			hasUpper = true
		case r < utf8.RuneSelf:
			letters = letters && r == '-'
		case unicode.IsUpper(r):
			hasUpper = true
		case unicode.IsLower(r):
			hasLower = true
		default:
			letters = false
		}
		romanOnly = romanOnly && (r == 'I' || r == 'V' || r == 'X' || r == 'L' || r == 'C')
	}
	if romanOnly {
		w.flags |= roman
	}
	if first, _ := utf8.DecodeRuneInString(core); hasUpper && !hasLower {
		w.flags |= upper
	} else if hasUpper && unicode.IsUpper(first) {
		w.flags |= capital
	}
	switch {
	case !letters:
	case hasUpper:
		w.syllable = key(core)
	default:
		w.syllable = lowerKey(core)
	}
	return w
}

// opening, closing and stop are the punctuation around a word: brackets
// and quotes that open, those that close, and the marks a reader pauses at.
func opening(r rune) bool {
	switch r {
	case '(', '[', '{', '"', '\'', '“', '‘', '«':
		return true
	}
	return false
}

func closing(r rune) bool {
	switch r {
	case ')', ']', '}', '"', '\'', '”', '’', '»':
		return true
	}
	return false
}

func stop(r rune) bool {
	switch r {
	case ',', ';', ':', '.', '!', '?', '…':
		return true
	}
	return false
}

func (w *token) is(f uint8) bool { return w.flags&f != 0 }

// nameLike is a word that may be part of a name: capitalised, in
// capitals, a number ("phường 5") or a dash ("Bà Rịa - Vũng Tàu").
func (w *token) nameLike() bool {
	return w.is(capital|upper|numeric|dash) && !w.is(opens) && !leads(w.syllable)
}

// Break returns how well a line breaks between words i and i+1.
func (t *Text) Break(i int) Break {
	a := t.at(i)
	if a.after == 0 {
		a.after = uint8(t.classify(i)) + 1
	}
	return Break(a.after - 1)
}

// classify is Break, worked out.
func (t *Text) classify(i int) Break {
	a, b := t.at(i), t.at(i+1)
	switch {
	case b.is(dash):
		return Dash
	case a.is(pause) || b.is(opens):
		return Clause
	case t.figure(i):
		return Figure
	case t.place(i):
		return Place
	case t.lookUp && t.inWord(i):
		return Word
	case t.name(i):
		return Name
	case t.count(i):
		return Count
	case leads(a.syllable):
		return Dangling
	case opensPhrase(b.syllable) || t.unitStarts(i+1) || b.syllable == "ngày" && t.at(i+2).is(numeric):
		return Phrase
	}
	return Free
}

// figure reports whether words i and i+1 belong to one date, time or
// range.
func (t *Text) figure(i int) bool {
	a, b := t.at(i), t.at(i+1)
	switch {
	case a.is(dash):
		return t.at(i-1).is(numeric) && b.is(numeric)
	case b.is(numeric):
		// "ngày 28 tháng 8 năm 2023": the day, month and year of a date.
		month := t.at(i-1).is(numeric) && t.at(i-2).syllable == "tháng"
		day := t.at(i-1).is(numeric) && t.at(i-2).syllable == "ngày"
		after := t.at(i + 2).syllable
		switch a.syllable {
		case "ngày":
			return after == "tháng"
		case "tháng":
			return after == "năm" || day
		case "năm":
			return month
		}
		return false
	case a.is(numeric):
		// "ngày 28 tháng 8 năm 2023", "08 giờ 30".
		before := t.at(i - 1).syllable
		return (b.syllable == "tháng" || b.syllable == "năm") && (before == "ngày" || before == "tháng") ||
			b.syllable == "giờ" || b.syllable == "phút"
	}
	return false
}

// count reports whether word i+1 is a number that word i counts.
func (t *Text) count(i int) bool {
	a, b := t.at(i), t.at(i+1)
	switch {
	case b.is(numeric):
		return counts(a.syllable)
	case b.is(roman):
		return numbers(a.syllable)
	}
	return false
}

// name reports whether words i and i+1 are capitalised words of one
// name: "Nguyễn Văn Thuận", "Bà Rịa - Vũng Tàu".
func (t *Text) name(i int) bool {
	a, b := t.at(i), t.at(i+1)
	return b.nameLike() && (a.is(capital) && b.is(capital) || a.is(dash) && b.is(capital|upper) && t.at(i-1).is(capital|upper))
}

// place reports whether words i and i+1 are an administrative unit and
// its name, or in that name: "THÀNH PHỐ CẦN THƠ", "tỉnh Vĩnh Long".
func (t *Text) place(i int) bool {
	if !t.at(i + 1).nameLike() {
		return false
	}
	// The name after a unit: up to five words in capitals, where case
	// does not tell where it ends ("TỈNH BÀ RỊA - VŨNG TÀU").
	for j := i; j >= max(0, i-5); j-- {
		if t.unitEnds(j) {
			return true
		}
		if !t.at(j).nameLike() || t.at(j).is(pause) {
			return false
		}
	}
	return false
}

// unitEnds reports whether an administrative unit ends at word j and a
// name follows it.
func (t *Text) unitEnds(j int) bool {
	s := t.at(j).syllable
	unit := false
	switch s {
	case "tỉnh", "huyện", "quận", "phường", "xã":
		unit = true
	case "phố", "trấn":
		prev := t.at(j - 1).syllable
		unit = s == "phố" && prev == "thành" || s == "trấn" && prev == "thị"
	}
	return unit && t.at(j+1).nameLike()
}

// unitStarts reports whether an administrative unit followed by a name
// starts at word j.
func (t *Text) unitStarts(j int) bool {
	switch t.at(j).syllable {
	case "tỉnh", "huyện", "quận", "phường", "xã":
		return t.unitEnds(j)
	case "thành", "thị":
		return t.unitEnds(j + 1)
	}
	return false
}

// inWord reports whether words i and i+1 are syllables of one word.
// Runs of syllables may be read as words in more than one way ("công an
// thành phố" holds "an thành", a word of the list too; "số học sinh" holds
// "số học" and "học sinh"): the run of syllables around the break, from
// punctuation or a number to the next, is split into the fewest words of
// the list and single syllables, and of two such splits the one with the
// longer words at the end — Vietnamese puts the head of a phrase first, so
// the last words are read whole ("số / học sinh").
func (t *Text) inWord(i int) bool {
	if !t.joins(i) {
		return false
	}
	if w := t.at(i); w.inside != unknown {
		return w.inside == inside
	}
	from, to := i, i+1
	for t.joins(from - 1) {
		from--
	}
	for t.joins(to) {
		to++
	}
	// fewest[k] is the fewest words that make syllables from…from+k-1.
	n := to - from + 1
	if cap(t.fewest) <= n {
		t.fewest = make([]int, n+1)
	}
	fewest := t.fewest[:n+1]
	for k := range fewest {
		fewest[k] = k
	}
	for k := range n {
		fewest[k+1] = min(fewest[k+1], fewest[k]+1)
		for l, spans := 2, t.spans(from+k); l <= maxSyllables; l++ {
			if spans&(1<<l) != 0 && k+l <= n {
				fewest[k+l] = min(fewest[k+l], fewest[k]+1)
			}
		}
	}
	// The split, from the end: at each step the longest word that ends
	// there and keeps the split among the fewest.
	for end := n; end > 0; {
		l := 1
		for m := min(maxSyllables, end); m >= 2; m-- {
			if t.spans(from+end-m)&(1<<m) != 0 && fewest[end-m]+1 == fewest[end] {
				l = m
				break
			}
		}
		for j := from + end - l; j < from+end-1; j++ {
			t.at(j).inside = inside
		}
		t.at(from + end - 1).inside = between
		end -= l
	}
	return t.at(i).inside == inside
}

// Whether the break after a word is inside a word of the list.
const (
	unknown uint8 = iota
	between
	inside
)

// joins reports whether words j and j+1 are two syllables that may be
// parts of one word: no punctuation or number between them.
func (t *Text) joins(j int) bool {
	a, b := t.at(j), t.at(j+1)
	return a.syllable != "" && b.syllable != "" && !a.is(pause) && !b.is(opens)
}

// spans returns the words of the list that start at word j: bit l is
// set when the l syllables from j, two to maxSyllables, are one.
func (t *Text) spans(j int) uint8 {
	w := t.at(j)
	if !w.spansRead {
		w.spansRead = true
		line := index()[w.syllable] // the words that start with it
		t.buf = t.buf[:0]
		for l := 2; l <= maxSyllables && line != "" && t.joins(j+l-2); l++ {
			if l > 2 {
				t.buf = append(t.buf, ' ')
			}
			t.buf = append(t.buf, t.at(j+l-1).syllable...)
			word, longer := lookupIn(line, t.buf)
			if word {
				w.words |= 1 << l
			}
			if !longer {
				break
			}
		}
	}
	return w.words
}

// leads reports whether a line should not end on the syllable: it leads
// into what follows.
func leads(s string) bool {
	switch s {
	case "của", "và", "các", "những", "về", "tại", "với", "cho", "để", "theo", "từ", "đến",
		"trong", "thuộc", "nhằm", "hoặc", "do", "là":
		return true
	}
	return false
}

// opensPhrase reports whether a line may well start on the syllable: it
// opens a phrase.
func opensPhrase(s string) bool {
	return leads(s) && s != "các" && s != "những" || s == "năm"
}

// counts reports whether the syllable goes with the number after it:
// "năm 2021", "tháng 8", "số 15", "năm học 2022 - 2023".
func counts(s string) bool {
	switch s {
	case "ngày", "tháng", "năm", "quý", "học", "số", "khoá", "lần", "lớp", "đoạn",
		"điều", "khoản", "mục", "phần", "chương", "lục", "kỳ", "tuần", "đợt", "giờ", "phút", "lúc":
		return true
	}
	return false
}

// numbers reports whether the syllable goes with the Roman numeral after
// it: "Phần II", "Phụ lục I", "khóa XV", "quý I".
func numbers(s string) bool {
	switch s {
	case "phần", "lục", "khoá", "quý", "chương", "mục", "kỳ":
		return true
	}
	return false
}
