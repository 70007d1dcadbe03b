package load

import (
	"fmt"
	"strings"
	"unicode"
)

// Characters a clerk cannot see, sorted into those the loader drops and
// those it refuses (docs/FORMAT.md, "Ký tự không nhìn thấy").
//
// Dropped: hints that change nothing in Vietnamese text set by baocao,
// which neither hyphenates nor joins scripts — the soft hyphen (printed
// mid-line as a hyphen if kept), zero-width space, zero-width joiner and
// non-joiner, word joiner and a byte-order mark inside the text. Word and
// web pages leave them in pasted text.
//
// Refused, at their place: the other format characters (bidi controls,
// which make an editor show the text in another order than the PDF prints
// it; tags; invisible operators) and the line breaks that are not a
// newline (U+2028, U+2029, U+0085, a carriage return alone), which the
// YAML parser takes for the end of a line where the editor shows none;
// and U+FFFC, the mark of an object Word dropped, which package document
// keeps for the photos it places.
var dropped = strings.NewReplacer(
	"\u00AD", "", "\u200B", "", "\u200C", "", "\u200D", "", "\u2060", "", "\uFEFF", "")

// droppedRune reports whether r is one of the characters text drops.
func droppedRune(r rune) bool {
	switch r {
	case 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
		return true
	}
	return false
}

// oddRune explains why checkText refuses r, or returns "" for a rune the
// text of a file may hold. next is the rune after r (0 at the end).
func oddRune(r, next rune) string {
	switch {
	case r == '\r' && next != '\n':
		return "tệp có ký tự về đầu dòng (CR, U+000D) đứng một mình, không đi với ký tự xuống dòng, thường do tệp lưu theo kiểu máy Mac cũ hoặc dán từ nơi khác — hãy lưu lại tệp với kiểu xuống dòng LF hoặc CRLF (Windows), hoặc xóa ký tự này"
	case r == 0x85 || r == 0x2028 || r == 0x2029:
		return fmt.Sprintf("tệp có ký tự xuống dòng lạ (U+%04X, %s), mà trình soạn thảo có thể không hiện thành dòng mới — hãy xóa ký tự này và xuống dòng bằng phím Enter", r, lineBreakName[r])
	case unicode.In(r, unicode.Bidi_Control):
		return fmt.Sprintf("tệp có ký tự điều khiển hướng chữ không nhìn thấy (U+%04X), làm trình soạn thảo hiện chữ theo thứ tự khác với thứ tự được in — hãy xóa ký tự này hoặc gõ lại đoạn chữ", r)
	case r == 0xFFFC:
		return "tệp có ký tự thay thế đối tượng (U+FFFC), chỗ một hình hay đối tượng của Word đã bị bỏ đi khi sao chép, không in được — hãy xóa ký tự này; ảnh của bản tin đặt bằng {{ photo 1 }}"
	case unicode.Is(unicode.Cf, r) && !droppedRune(r):
		return fmt.Sprintf("tệp có ký tự định dạng không nhìn thấy (U+%04X), không in được — hãy xóa ký tự này hoặc gõ lại đoạn chữ", r)
	}
	return ""
}

var lineBreakName = map[rune]string{0x85: "NEL", 0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR"}

// invisible says what the value s, which prints as nothing, holds: "dấu
// cách" or the first character that is not a plain space, by its code.
func invisible(s string) string {
	for _, r := range s {
		if r != ' ' && r != '\n' {
			return fmt.Sprintf("dấu cách hoặc ký tự không nhìn thấy (U+%04X)", r)
		}
	}
	return "dấu cách"
}
