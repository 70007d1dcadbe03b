package document

import (
	"fmt"
	"maps"
	"strings"
	"text/template"

	"baocao/render/report"
	"baocao/render/viet"
)

// narrativeNames lists the functions a report's Markdown body may call, for
// error messages; a test keeps it equal to what narrativeFuncs and
// photoFuncs define.
var narrativeNames = []string{
	"value", "change", "percent", "statistics_table", "commended", "delegate",
	"number", "compare", "long_date", "short_date", "clock", "upper", "lower_first", "join", "roman", "letter", "add", "escape",
	"chair", "guests", "person", "position",
	"photo", "other_photos",
}

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
	funcs := template.FuncMap{
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
					return person(d), nil
				}
			}
			return "", fmt.Errorf("không có đại biểu có id %q trong conference.delegates — kiểm tra lại id", id)
		},
	}
	maps.Copy(funcs, writingFuncs(&r.Conference))
	return funcs
}

// writingFuncs write numbers, dates, comparisons, case and lists the
// Vietnamese way (package viet), and name the conference's people.
func writingFuncs(c *report.Conference) template.FuncMap {
	return template.FuncMap{
		// number: 3965 → "3.965", 87.6 → "87,6".
		"number": func(v any) (string, error) {
			x, err := toFloat(v)
			return viet.Number(x, viet.Decimals(x)), err
		},
		// compare: compare 385 261 "vụ" "năm 2020" → "giảm 124 vụ,
		// tương ứng 32,2% so với năm 2020".
		"compare": func(prev, cur any, unit, label string) (string, error) {
			p, err := toFloat(prev)
			if err != nil {
				return "", err
			}
			c, err := toFloat(cur)
			return viet.Change(p, c, viet.Decimals(p, c), unit, label), err
		},
		"long_date":   viet.LongDate,  // "ngày 05 tháng 3 năm 2020"
		"short_date":  viet.ShortDate, // "05/3/2020"
		"clock":       clock,          // "08:00" → "08 giờ 00"
		"upper":       viet.Upper,
		"lower_first": viet.LowerFirst,
		"join":        viet.Join, // "a, b và c"
		"roman":       viet.Roman,
		"letter":      viet.Letter,
		"add":         func(a, b int) int { return a + b },
		// escape keeps text from the report literal inside Markdown the
		// template writes, such as a table cell.
		"escape": escape,
		"chair": func() report.Delegate {
			d, _ := c.ChairDelegate()
			return d
		},
		"guests": func() []report.Delegate {
			var out []report.Delegate
			for _, d := range c.Delegates {
				if d.Guest {
					out = append(out, d)
				}
			}
			return out
		},
		"person":   person,
		"position": position,
	}
}

// toFloat accepts the numbers a template may hold: the model's ints and
// float64s, and untyped constants written in the template.
func toFloat(v any) (float64, error) {
	switch x := v.(type) {
	case int:
		return float64(x), nil
	case float64:
		return x, nil
	}
	return 0, fmt.Errorf("cần một số, nhận được %v (%T)", v, v)
}

// clock writes a time of day the way a biên bản does: "08:00" → "08 giờ
// 00", "14:30" → "14 giờ 30".
func clock(s string) (string, error) {
	h, m, ok := report.ParseClock(s)
	if !ok {
		return "", fmt.Errorf("giờ %q không đúng dạng giờ:phút — hãy viết ví dụ \"08:00\" hoặc \"14:30\"", s)
	}
	return fmt.Sprintf("%02d giờ %02d", h, m), nil
}

// person names a delegate as a press account or a biên bản does: rank,
// name and titles, "Thượng tướng Nguyễn Văn Sơn, Thứ trưởng Bộ Công an".
func person(d report.Delegate) string {
	return strings.Join(append([]string{strings.TrimSpace(d.Rank + " " + d.Name)}, d.Titles...), ", ")
}

// position is a delegate's last title, the office they hold: "Giám đốc
// Công an thành phố". Empty when the delegate has no title.
func position(d report.Delegate) string {
	if len(d.Titles) == 0 {
		return ""
	}
	return d.Titles[len(d.Titles)-1]
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
