package xlsx

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// styleKey describes a table cell's style: every table cell has thin
// borders all round and is centred vertically, in the table font.
type styleKey struct {
	bold  bool
	align string // horizontal: "left", "center" or "right"
	wrap  bool
	// numFmt is an Excel number format; "" shows the value as it is.
	numFmt string
}

// style returns the id of the style k describes, registering it the first
// time. Rows look their styles up here, once per sheet or row kind, not per
// cell: excelize compares a new style against every registered one.
func (w *workbook) style(k styleKey) (int, error) {
	if id, ok := w.styles[k]; ok {
		return id, nil
	}
	id, err := w.f.NewStyle(cellStyle(k))
	if err != nil {
		return 0, err
	}
	w.styles[k] = id
	return id, nil
}

// cellStyle is the excelize style k describes.
func cellStyle(k styleKey) *excelize.Style {
	s := &excelize.Style{
		Font: &excelize.Font{Family: fontName, Size: tableSize, Bold: k.bold},
		Border: []excelize.Border{
			{Type: "left", Color: "000000", Style: 1},
			{Type: "right", Color: "000000", Style: 1},
			{Type: "top", Color: "000000", Style: 1},
			{Type: "bottom", Color: "000000", Style: 1},
		},
		Alignment: &excelize.Alignment{Horizontal: k.align, Vertical: "center", WrapText: k.wrap},
	}
	if k.numFmt != "" {
		s.CustomNumFmt = &k.numFmt
	}
	return s
}

// headerStyle registers the style of the column headings: bold, centred,
// wrapped and shaded.
func (w *workbook) headerStyle() (int, error) {
	s := cellStyle(styleKey{bold: true, align: "center", wrap: true})
	s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}
	return w.f.NewStyle(s)
}

// headingStyle is the style of one line of an annex heading: centred, in
// the heading size, wrapped when longer than the table is wide.
func (w *workbook) headingStyle(l headingLine) (int, error) {
	return w.f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Family: fontName, Size: headingSize, Bold: l.bold, Italic: l.italic},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
}

// numberFormats returns the Excel number formats for values with the given
// decimals and for their signed change: "#,##0.0" and
// "+#,##0.0;-#,##0.0;0.0". Excel formats use "," for grouping and "." for
// decimals; the viewer's locale decides what is shown (nd30.md §7).
func numberFormats(decimals int) (value, change string) {
	frac := ""
	if decimals > 0 {
		frac = "." + strings.Repeat("0", decimals)
	}
	value = "#,##0" + frac
	return value, "+" + value + ";-" + value + ";0" + frac
}

// percentFormat shows a percentage with one decimal and its sign, as the
// PDF prints it.
const percentFormat = "+0.0;-0.0;0.0"
