package xlsx

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitizeSheetName(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Chỉ tiêu", "Chỉ tiêu"},
		{"Tăng/giảm: [2021] *?", "Tăng-giảm- (2021)"},
		{`A\B`, "A-B"},
		{"'Đơn vị'", "’Đơn vị’"},
		{"  nhiều   khoảng\ttrắng\n", "nhiều khoảng trắng"},
		// 31 characters exactly stay whole.
		{strings.Repeat("a", 31), strings.Repeat("a", 31)},
		// Longer: cut at a word, marked with "…".
		{"Danh sách tập thể được khen thưởng năm 2021", "Danh sách tập thể được khen…"},
		// One long word: cut inside it.
		{strings.Repeat("ư", 40), strings.Repeat("ư", 30) + "…"},
		// Decomposed input comes out NFC: "ệ" as e + U+0323 + U+0302.
		{"Hi\u0065\u0323\u0302u", "Hiệu"},
		{"*?", ""},
	}
	for _, tt := range tests {
		got := sanitizeSheetName(tt.in)
		if got != tt.want {
			t.Errorf("sanitizeSheetName(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > maxSheetName || strings.ContainsAny(got, `[]:*?/\'`) {
			t.Errorf("sanitizeSheetName(%q) = %q (%d characters) is not a valid sheet name", tt.in, got, n)
		}
	}
}

func TestSheetNames(t *testing.T) {
	long := "Danh sách tập thể được khen thưởng năm 2021"
	tests := []struct {
		takes [][2]string // want, fallback
		names []string
	}{
		{[][2]string{{"Chỉ tiêu", ""}, {"chỉ TIÊU", ""}, {"Chỉ tiêu", ""}}, []string{"Chỉ tiêu", "chỉ TIÊU (2)", "Chỉ tiêu (3)"}},
		{[][2]string{{"History", ""}}, []string{"History (2)"}},
		{[][2]string{{"??", "Phụ lục II"}, {"", "Phụ lục II"}}, []string{"Phụ lục II", "Phụ lục II (2)"}},
		{[][2]string{{long, ""}, {long, ""}}, []string{"Danh sách tập thể được khen…", "Danh sách tập thể được khen (2)"}},
		// A title that reads as a numbered name takes the number first.
		{[][2]string{{"Kinh phí (2)", ""}, {"Kinh phí", ""}, {"Kinh phí", ""}, {"kinh phí", ""}}, []string{"Kinh phí (2)", "Kinh phí", "Kinh phí (3)", "kinh phí (4)"}},
	}
	for _, tt := range tests {
		var n sheetNames
		for i, take := range tt.takes {
			got := n.take(take[0], take[1])
			if got != tt.names[i] {
				t.Errorf("take(%q) #%d = %q, want %q", take[0], i+1, got, tt.names[i])
			}
			if utf8.RuneCountInString(got) > maxSheetName {
				t.Errorf("%q is longer than %d characters", got, maxSheetName)
			}
		}
	}
}
