package xlsx

import (
	"math"
	"strconv"
	"strings"

	"baocao/render/face"
)

// Excel has no auto-fit in the file format: a column's width is stored in
// characters of the widest digit of the workbook's default font, and a row
// with wrapped text keeps whatever height the file gives it. Both are
// computed here from the text, measured in Liberation Serif, which is
// metric-compatible with the Times New Roman the workbook asks for (and is
// what LibreOffice substitutes for it).
const (
	// digitPx is the width of a digit of Times New Roman 11 pt, the
	// default font, at 96 dpi: the unit of column widths.
	digitPx = 7
	// paddingPx is the margin Excel keeps inside a column, both sides
	// together.
	paddingPx = 5
	// slackPx keeps measured text clear of the border: renderers differ by
	// a pixel or two in kerning and hinting.
	slackPx = 12
	// lineFactor is a line's height as a multiple of the font size, and
	// rowPadding the space above and below a row's text, in points.
	lineFactor = 1.3
	rowPadding = 3
)

// textPx is the width of the widest line of s at size pt, in pixels.
func textPx(s string, size float64, bold bool) float64 {
	fc := face.Default().Face(face.StyleOf(bold, false))
	var w float64
	for line := range strings.SplitSeq(s, "\n") {
		w = max(w, fc.Width(line, size))
	}
	return w / 25.4 * 96
}

// widthFor returns the column width, in Excel's unit, that shows a text
// textPx pixels wide on one line.
func widthFor(px float64) float64 {
	return (px + paddingPx + slackPx) / digitPx
}

// lineCount returns how many lines s takes when wrapped at word
// boundaries in a column (or merged range) width units wide. A word longer
// than the line is broken, as Excel does. Half the slack is kept: text a
// column was sized for stays on one line, and a line that only nearly
// fits counts as two, which costs a taller row rather than a clipped one.
func lineCount(s string, size float64, bold bool, width float64) int {
	avail := width*digitPx - paddingPx - slackPx/2
	if avail <= 0 {
		return 1
	}
	fc := face.Default().Face(face.StyleOf(bold, false))
	px := func(t string) float64 { return fc.Width(t, size) / 25.4 * 96 }
	space := px(" ")
	n := 0
	for para := range strings.SplitSeq(s, "\n") {
		n++
		var line float64
		for i, word := range strings.Fields(para) {
			w := px(word)
			switch {
			case i == 0:
				line = w
			case line+space+w <= avail:
				line += space + w
				continue
			default:
				n++
				line = w
			}
			// A word wider than the line fills whole lines by itself.
			if extra := math.Ceil(line/avail-1e-9) - 1; extra > 0 {
				n += int(extra)
				line -= extra * avail
			}
		}
	}
	return max(n, 1)
}

// rowHeight is the height in points of a row whose tallest cell has the
// given number of lines at size pt.
func rowHeight(lines int, size float64) float64 {
	return math.Round((float64(lines)*size*lineFactor+rowPadding)*4) / 4
}

// shownNumber is a number as a spreadsheet shows it with the format
// numberFormat(decimals) gives — "1,234,567.50" or "1.234.567,50" by locale,
// the same width either way — made without x/text, which would cost more
// than the rest of a 100.000-row sheet. It is only measured.
func shownNumber(v float64, decimals int, signed bool) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 || signed {
		b.WriteByte('+') // as wide as "-"
	}
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}
