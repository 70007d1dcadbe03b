package document

import (
	"fmt"
	"strings"
	"text/template"

	"baocao/render/report"
	"baocao/render/viet"
)

// narrativeNames lists the functions a report's Markdown body may call, for
// error messages.
var narrativeNames = []string{"value", "change", "percent", "statistics_table", "commended", "delegate"}

// narrativeFuncs are the functions a report's own Markdown may call. Each
// reads the statistics, so a figure in the text is the figure in the table
// and in the workbook.
func narrativeFuncs(r *report.Report) template.FuncMap {
	s := &r.Statistics
	indicator := func(id string) (report.Indicator, error) {
		if ind, ok := s.Indicator(id); ok {
			return ind, nil
		}
		return report.Indicator{}, fmt.Errorf("không có chỉ tiêu có id %q trong statistics — kiểm tra lại id", id)
	}
	return template.FuncMap{
		// value: "261 vụ".
		"value": func(id string) (string, error) {
			ind, err := indicator(id)
			if err != nil {
				return "", err
			}
			return withUnit(viet.Number(ind.Current, viet.Decimals(ind.Previous, ind.Current)), ind.Unit), nil
		},
		// change: "giảm 124 vụ, tương ứng 32,2% so với năm 2020".
		"change": func(id string) (string, error) {
			ind, err := indicator(id)
			if err != nil {
				return "", err
			}
			return viet.Change(ind.Previous, ind.Current, viet.Decimals(ind.Previous, ind.Current), ind.Unit, viet.LowerFirst(s.Previous)), nil
		},
		// percent: the size of the change, "32,2%"; "-" without a base.
		"percent": func(id string) (string, error) {
			ind, err := indicator(id)
			if err != nil {
				return "", err
			}
			return percentMark(ind, true), nil
		},
		"statistics_table": func() string { return statisticsTable(s) },
		// commended: "527 tập thể, 3.965 cá nhân".
		"commended": func() string {
			c, i := r.Commendations.Totals()
			return viet.Number(float64(c), 0) + " tập thể, " + viet.Number(float64(i), 0) + " cá nhân"
		},
		// delegate: rank, name and titles, as a press account names a guest.
		"delegate": func(id string) (string, error) {
			for _, d := range r.Conference.Delegates {
				if d.ID == id {
					return strings.Join(append([]string{strings.TrimSpace(d.Rank + " " + d.Name)}, d.Titles...), ", "), nil
				}
			}
			return "", fmt.Errorf("không có đại biểu có id %q trong conference.delegates — kiểm tra lại id", id)
		},
	}
}

// withUnit writes a figure with its unit: "261 vụ", but "87,6%" with no
// space before "%" (nd30.md §7).
func withUnit(figure, unit string) string {
	if unit == "%" {
		return figure + unit
	}
	return figure + " " + unit
}

// percentMark formats an indicator's percentage; abs drops the sign for
// running text, where the verb (tăng/giảm) carries it.
func percentMark(ind report.Indicator, abs bool) string {
	p, ok := ind.Percent()
	if !ok {
		return viet.NoPercent
	}
	if abs {
		return viet.Percent(max(p, -p)) + "%"
	}
	return viet.Signed(p, 1) // as the workbook shows it: "+8,5", "-32,2"
}

// statisticsTable writes the statistics as a GFM table with the columns of
// nd30.md §5: STT, Chỉ tiêu, ĐVT, both periods, Tăng/giảm, Tỷ lệ.
func statisticsTable(s *report.Statistics) string {
	var b strings.Builder
	row := func(cells ...string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	row("STT", "Chỉ tiêu", "ĐVT", escape(s.Previous), escape(s.Current), "Tăng/giảm (±)", "Tỷ lệ (%)")
	row(":-:", ":--", ":-:", "--:", "--:", "--:", "--:")
	for gi, g := range s.Groups {
		row("**"+viet.Roman(gi+1)+"**", "**"+escape(g.Title)+"**", "", "", "", "", "")
		for ii, ind := range g.Indicators {
			dec := viet.Decimals(ind.Previous, ind.Current)
			row(fmt.Sprint(ii+1), escape(ind.Name), escape(ind.Unit),
				viet.Number(ind.Previous, dec), viet.Number(ind.Current, dec),
				viet.Signed(ind.Change(), dec), percentMark(ind, false))
		}
	}
	b.WriteString("\n")
	return b.String()
}

// escape keeps user text literal inside generated Markdown.
var escaper = strings.NewReplacer(`\`, `\\`, `|`, `\|`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`, `<`, `\<`)

func escape(s string) string { return escaper.Replace(s) }
