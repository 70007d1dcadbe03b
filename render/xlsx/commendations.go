package xlsx

import (
	"fmt"
	"strconv"
)

// commendations writes the commendations sheet: the collectives and the
// individuals commended, by form of award, and a TỔNG CỘNG row of SUM
// formulas whose values are the report's Commendations.Totals — the
// figures the PDF's text prints ("527 tập thể, 3.965 cá nhân"). The PDF has
// no annex for them, so the heading has no number.
func (w *workbook) commendations() error {
	c := &w.r.Commendations
	title := "Tổng hợp khen thưởng"
	if s := w.r.Statistics.Current; s != "" {
		title += " " + s
	}
	t := &table{
		name:    w.names.take(CommendationSheet, CommendationSheet),
		heading: w.heading("", title, "statistics.current"),
		columns: []column{
			{"STT", 5, 8}, {"Hình thức khen thưởng", 30, 70}, {"Tập thể", 10, 16}, {"Cá nhân", 10, 16},
		},
		filtered: len(c.Awards),
		fill:     1,
		at: func(r, col int) string {
			if r >= 0 && r < len(c.Awards) && col == 1 {
				return fmt.Sprintf("commendations.awards[%d].form", r)
			}
			return ""
		},
	}
	count, _ := numberFormats(0)
	var st [2][4]int // plain rows, then the total row
	for b, bold := range []bool{false, true} {
		for col, k := range []styleKey{{align: "center"}, {align: "left", wrap: true}, {align: "right", numFmt: count}, {align: "right", numFmt: count}} {
			k.bold = bold
			id, err := w.style(k)
			if err != nil {
				return err
			}
			st[b][col] = id
		}
	}
	t.body = func(first int, emit func([]cell) error) error {
		for i, a := range c.Awards {
			stt := strconv.Itoa(i + 1)
			if err := emit([]cell{
				{text: stt, value: stt, style: st[0][0]},
				{text: a.Form, value: a.Form, style: st[0][1]},
				{text: shownNumber(float64(a.Collectives), 0, false), value: a.Collectives, style: st[0][2]},
				{text: shownNumber(float64(a.Individuals), 0, false), value: a.Individuals, style: st[0][3]},
			}); err != nil {
				return err
			}
		}
		collectives, individuals := c.Totals()
		last := first + len(c.Awards) - 1
		sum := func(col int) string { return fmt.Sprintf("SUM(%s:%s)", ref(col, first), ref(col, last)) }
		return emit([]cell{
			{text: totalLabel, value: totalLabel, style: st[1][0], span: 2, bold: true},
			{},
			{text: shownNumber(float64(collectives), 0, false), value: collectives, formula: sum(3), style: st[1][2], bold: true},
			{text: shownNumber(float64(individuals), 0, false), value: individuals, formula: sum(4), style: st[1][3], bold: true},
		})
	}
	return w.writeTable(t)
}
