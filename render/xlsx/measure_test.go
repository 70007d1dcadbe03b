package xlsx

import (
	"strings"
	"testing"
)

func TestLineCount(t *testing.T) {
	word := "Số vụ"
	one := widthFor(textPx(word, tableSize, false))
	tests := []struct {
		name  string
		text  string
		width float64
		want  int
	}{
		{"vừa một dòng", word, one, 1},
		{"rỗng", "", one, 1},
		{"xuống dòng tay", word + "\n" + word, one, 2},
		{"hai lần chữ: hai dòng", word + " " + word, one, 2},
		{"đủ rộng cho cả hai", word + " " + word, 2 * one, 1},
		{"từ dài hơn cột bị cắt", strings.Repeat("M", 60), widthFor(textPx(strings.Repeat("M", 20), tableSize, false)), 3},
		{"chữ đậm rộng hơn", strings.Repeat("m", 30), widthFor(textPx(strings.Repeat("m", 30), tableSize, false)), 1},
	}
	for _, tt := range tests {
		if got := lineCount(tt.text, tableSize, false, tt.width); got != tt.want {
			t.Errorf("%s: lineCount = %d, want %d", tt.name, got, tt.want)
		}
	}
	// Bold type is wider: the same text in the same width needs more lines.
	s := strings.Repeat("m", 30)
	if w := widthFor(textPx(s, tableSize, false)); lineCount(s, tableSize, true, w) < 2 {
		t.Error("bold text measured as wide as regular")
	}
}

func TestShownNumber(t *testing.T) {
	tests := []struct {
		v        float64
		decimals int
		signed   bool
		want     string
	}{
		{1227, 0, false, "1,227"},
		{118452.5, 1, false, "118,452.5"},
		{-395, 0, true, "+395"}, // a sign, as wide as "-"
		{0.5, 2, false, "0.50"},
		{1234567, 0, false, "1,234,567"},
		{100, 0, false, "100"},
	}
	for _, tt := range tests {
		if got := shownNumber(tt.v, tt.decimals, tt.signed); got != tt.want {
			t.Errorf("shownNumber(%v, %d, %v) = %q, want %q", tt.v, tt.decimals, tt.signed, got, tt.want)
		}
	}
}
