package document

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"strconv"
	"strings"
	"sync"
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
	// A template may call value or delegate for every row of a long
	// table: each is found by id in a map made at the first call, not by
	// a walk through every indicator or delegate.
	indicators := sync.OnceValue(func() map[string]report.Indicator {
		m := make(map[string]report.Indicator)
		for _, g := range s.Groups {
			for _, ind := range g.Indicators {
				if _, ok := m[ind.ID]; !ok { // the first, as Statistics.Indicator
					m[ind.ID] = ind
				}
			}
		}
		return m
	})
	indicator := func(id string) (report.Indicator, error) {
		if ind, ok := indicators()[id]; ok {
			return ind, nil
		}
		return report.Indicator{}, fmt.Errorf("không có chỉ tiêu có id %q trong statistics — kiểm tra lại id", id)
	}
	delegates := sync.OnceValue(func() map[string]report.Delegate {
		m := make(map[string]report.Delegate)
		for _, d := range r.Conference.Delegates {
			if _, ok := m[d.ID]; !ok {
				m[d.ID] = d
			}
		}
		return m
	})
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
		// statistics_table and commended print nothing sensible without
		// their data, and a document must not go out with an empty table
		// or "0 tập thể, 0 cá nhân" where the clerk expects figures.
		"statistics_table": func() (markup, error) {
			if len(s.Groups) == 0 {
				return "", errors.New("chưa có số liệu để lập bảng: tệp không có mục statistics — hãy thêm statistics (nhóm chỉ tiêu, số liệu hai kỳ) hoặc bỏ {{ statistics_table }}")
			}
			return markup("\n\n" + statisticsMark + "\n\n"), nil
		},
		// commended: "527 tập thể, 3.965 cá nhân".
		"commended": func() (string, error) {
			c, i := r.Commendations.Totals()
			if c == 0 && i == 0 {
				return "", errors.New("chưa có số tập thể, cá nhân được khen thưởng: commendations không có hình thức khen nào có số tập thể hay cá nhân — hãy điền commendations.awards (collectives, individuals) hoặc bỏ {{ commended }}")
			}
			return viet.Number(float64(c), 0) + " tập thể, " + viet.Number(float64(i), 0) + " cá nhân", nil
		},
		// delegate: rank, name and titles, as a press account names a guest.
		"delegate": func(id string) (string, error) {
			if d, ok := delegates()[id]; ok {
				return person(d), nil
			}
			return "", fmt.Errorf("không có đại biểu có id %q trong conference.delegates — kiểm tra lại id", id)
		},
	}
	maps.Copy(funcs, writingFuncs(&r.Conference))
	return funcs
}

// writingFuncs write numbers, dates, comparisons, case and lists the
// Vietnamese way (package viet), and name the conference's people. Where
// a call has nothing to write — an empty list, a date not given, a number
// with no Roman or letter form — it is an error, not an empty string.
func writingFuncs(c *report.Conference) template.FuncMap {
	// The guests are listed once, however often a template asks.
	guests := sync.OnceValue(func() []report.Delegate {
		var out []report.Delegate
		for _, d := range c.Delegates {
			if d.Guest {
				out = append(out, d)
			}
		}
		return out
	})
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
		"long_date":   dated(viet.LongDate),  // "ngày 05 tháng 3 năm 2020"
		"short_date":  dated(viet.ShortDate), // "05/3/2020"
		"clock":       clock,                 // "08:00" → "08 giờ 00"
		"upper":       viet.Upper,
		"lower_first": viet.LowerFirst,
		// join: "a, b và c".
		"join": func(items []string) (string, error) {
			if len(items) == 0 {
				return "", errors.New("danh sách trống, không có gì để nối — hãy đặt lệnh trong {{ with … }}{{ join . }}{{ end }} để bỏ qua danh sách trống")
			}
			return viet.Join(items), nil
		},
		"roman": func(n int) (string, error) {
			if n < 1 || n > viet.MaxRoman {
				return "", fmt.Errorf("số La Mã chỉ viết được cho các số từ 1 đến %s, không cho %d — hãy kiểm tra số đưa vào roman", viet.Number(viet.MaxRoman, 0), n)
			}
			return viet.Roman(n), nil
		},
		"letter": func(n int) (string, error) {
			if n < 1 {
				return "", fmt.Errorf("chữ cái đánh số điểm bắt đầu từ 1 (a), không có chữ cho %d — hãy kiểm tra số đưa vào letter", n)
			}
			return viet.Letter(n), nil
		},
		"add": func(a, b int) (int, error) {
			if s := a + b; (s > a) == (b > 0) {
				return s, nil
			}
			return 0, fmt.Errorf("tổng %d + %d vượt quá số lớn nhất tính được — hãy kiểm tra các số đưa vào add", a, b)
		},
		// escape keeps text from the report literal inside Markdown the
		// template writes, such as a table cell.
		"escape": func(v any) (markup, error) {
			switch s := v.(type) {
			case string:
				return markup(escape(s)), nil
			case markup: // what escape made, escaped again: printed as written
				return markup(escape(string(s))), nil
			}
			return "", fmt.Errorf("escape cần một chuỗi chữ, nhận được %v (%T)", v, v)
		},
		"chair": func() (report.Delegate, error) {
			if d, ok := c.ChairDelegate(); ok {
				return d, nil
			}
			return report.Delegate{}, fmt.Errorf("không có đại biểu có id %q (conference.chair) trong conference.delegates — hãy kiểm tra lại id người chủ trì", c.Chair)
		},
		"guests":   guests,
		"person":   person,
		"position": position,
	}
}

// dated is a date function that refuses a date not given, which would
// print as "ngày 00 tháng 0 năm 0".
func dated(write func(report.Date) string) func(report.Date) (string, error) {
	return func(d report.Date) (string, error) {
		if d.IsZero() {
			return "", errors.New("ngày này không có trong tệp — hãy điền ngày vào tệp YAML, hoặc đặt lệnh trong {{ if not .Date.IsZero }}…{{ end }}")
		}
		return write(d), nil
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

// statisticsTable is the statistics as a table with the columns of
// nd30.md §5: STT, Chỉ tiêu, ĐVT, both periods, Tăng/giảm, Tỷ lệ. It is
// built here, not written as Markdown for goldmark to parse: a table of
// 30.000 indicators made a tree of 100 MB.
func statisticsTable(s *report.Statistics) *Table {
	cell := func(text string, bold bool) Cell {
		if text == "" {
			return Cell{}
		}
		return Cell{Runs: []Run{{Text: text, Bold: bold}}}
	}
	row := func(bold bool, texts ...string) []Cell {
		cells := make([]Cell, len(texts))
		for i, t := range texts {
			cells[i] = cell(t, bold && t != "")
		}
		return cells
	}
	t := &Table{
		Header: row(false, "STT", "Chỉ tiêu", "ĐVT", s.Previous, s.Current, "Tăng/giảm (±)", "Tỷ lệ (%)"),
		Align:  []Align{AlignCenter, AlignLeft, AlignCenter, AlignRight, AlignRight, AlignRight, AlignRight},
	}
	for gi, g := range s.Groups {
		t.Rows = append(t.Rows, row(true, viet.Roman(gi+1), g.Title, "", "", "", "", ""))
		for ii, ind := range g.Indicators {
			dec := viet.Decimals(ind.Previous, ind.Current)
			t.Rows = append(t.Rows, row(false, strconv.Itoa(ii+1), ind.Name, ind.Unit,
				viet.Number(ind.Previous, dec), viet.Number(ind.Current, dec),
				viet.Signed(ind.Change(), dec), percentMark(ind, false)))
		}
	}
	return t
}

// escaper backslashes the characters Markdown may read as marks, inside a
// line or at its start: emphasis, code, links, HTML and entities, table
// cells, headings, quotes, strikethrough. CommonMark lets any ASCII
// punctuation be escaped, so each prints as itself wherever it falls.
var escaper = strings.NewReplacer(`\`, `\\`, `|`, `\|`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`, `<`, `\<`,
	`>`, `\>`, `&`, `\&`, `#`, `\#`, `~`, `\~`)

// listStart is a value that would open a list item or an underline at the
// start of a line: "-", "+", "=", or digits then "." or ")".
var listStart = regexp.MustCompile(`^(?:[-+=]|[0-9]{1,9}[.)])`)

// escape keeps user text literal inside generated Markdown: "Đặng *Văn*
// Khoa" prints with its asterisks, not with "Văn" in italics.
func escape(s string) string {
	s = escaper.Replace(s)
	if m := listStart.FindStringIndex(s); m != nil {
		s = s[:m[1]-1] + `\` + s[m[1]-1:]
	}
	return s
}

// markup is text a function writes as Markdown on purpose — a table, a
// body, a photo's mark, text already escaped — which an action prints as
// it is. Any other text an action prints is the report's, escaped so
// that it prints as written (see literal).
type markup string

// literalFunc names literal among a template's functions: instrument
// ends every action that prints with it.
const literalFunc = "literal"

// literal is the value an action prints: a string from the report, or a
// value that prints as one, escaped; Markdown as it is.
func literal(v any) any {
	switch x := v.(type) {
	case markup:
		return x
	case string:
		return markup(escape(x))
	case fmt.Stringer:
		return markup(escape(x.String()))
	}
	return v
}
