package xlsx

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"baocao/render/viet"
)

// maxSheetName is Excel's limit on the length of a sheet name.
const maxSheetName = 31

// sheetNameFixer replaces the characters Excel forbids in a sheet name
// ([ ] : * ? / \) with the nearest allowed ones, and the apostrophe with
// its typographic form: Excel accepts an inner apostrophe, but excelize
// writes the sheet's filter range without quoting it.
var sheetNameFixer = strings.NewReplacer(
	"[", "(", "]", ")", ":", "-", "/", "-", `\`, "-", "*", "", "?", "", "'", "’",
)

// sanitizeSheetName turns text into a name Excel accepts for a sheet: the
// forbidden characters replaced, white space collapsed, and at most 31
// characters, cut at a word boundary with "…" when it is longer. It returns
// "" when nothing printable is left.
func sanitizeSheetName(text string) string {
	s := strings.Join(strings.Fields(sheetNameFixer.Replace(viet.NFC(text))), " ")
	if utf8.RuneCountInString(s) <= maxSheetName {
		return s
	}
	runes := []rune(s)[:maxSheetName-1]
	cut := string(runes)
	// Cut at the last space if that keeps most of the name.
	if i := strings.LastIndexByte(cut, ' '); i >= len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " -,.;") + "…"
}

// sheetNames hands out the workbook's sheet names: valid (see
// sanitizeSheetName) and unique as Excel compares them, ignoring case.
// "History" is reserved by Excel and is treated as taken.
type sheetNames struct {
	used map[string]bool
	// next is the number to try first for a base name, so that many
	// annexes of one title take linear time.
	next map[string]int
}

// take returns a free name made from want, or from fallback when want has
// nothing usable; a taken name gets a number, "Phụ lục (2)".
func (n *sheetNames) take(want, fallback string) string {
	if n.used == nil {
		n.used = map[string]bool{"history": true}
		n.next = map[string]int{}
	}
	base := sanitizeSheetName(want)
	if base == "" {
		base = sanitizeSheetName(fallback)
	}
	name := base
	key := strings.ToLower(base)
	for i := max(n.next[key], 2); n.used[strings.ToLower(name)]; i++ {
		suffix := " (" + strconv.Itoa(i) + ")"
		runes := []rune(base)
		if keep := maxSheetName - utf8.RuneCountInString(suffix); len(runes) > keep {
			runes = runes[:keep]
		}
		name = strings.TrimRight(string(runes), " ") + suffix
		n.next[key] = i + 1
	}
	n.used[strings.ToLower(name)] = true
	return name
}
