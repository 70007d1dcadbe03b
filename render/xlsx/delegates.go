package xlsx

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"baocao/render/report"
)

// delegates writes the list of delegates in Vietnamese alphabetical order
// (see sortDelegates), with rank, titles (one to a line) and a note on
// who chaired and who came from a higher level. The PDF has no such annex,
// so the heading has no number.
func (w *workbook) delegates() error {
	conf := &w.r.Conference
	order := sortDelegates(conf.Delegates)
	fields := [5]string{"", ".name", ".rank", ".titles", ""}
	t := &table{
		name:    w.names.take(DelegateSheet, DelegateSheet),
		heading: w.heading("", "Danh sách đại biểu dự "+conf.Name, "conference.name"),
		columns: []column{
			{"STT", 5, 8}, {"Họ và tên", 20, 32}, {"Cấp bậc", 10, 18}, {"Chức vụ", 30, 70}, {"Ghi chú", 10, 24},
		},
		filtered: len(order),
		fill:     3,
		at: func(r, c int) string {
			if r < 0 || fields[c] == "" {
				return ""
			}
			return fmt.Sprintf("conference.delegates[%d]%s", order[r], fields[c])
		},
	}
	var st [5]int
	for col, k := range []styleKey{{align: "center"}, {align: "left", wrap: true}, {align: "left", wrap: true}, {align: "left", wrap: true}, {align: "left", wrap: true}} {
		id, err := w.style(k)
		if err != nil {
			return err
		}
		st[col] = id
	}
	t.body = func(_ int, emit func([]cell) error) error {
		for i, di := range order {
			d := &conf.Delegates[di]
			note := ""
			switch {
			case d.ID == conf.Chair:
				note = "Chủ trì hội nghị"
			case d.Guest:
				note = "Đại biểu cấp trên"
			}
			texts := [5]string{strconv.Itoa(i + 1), d.Name, d.Rank, strings.Join(d.Titles, "\n"), note}
			cells := make([]cell, len(texts))
			for c, s := range texts {
				cells[c] = cell{text: s, value: s, style: st[c]}
			}
			if err := emit(cells); err != nil {
				return err
			}
		}
		return nil
	}
	return w.writeTable(t)
}

// sortDelegates returns the order of the delegates in a Vietnamese
// roster, as their indexes in ds:
// by given name (the last word of the full name), then family name (the
// first word), then the middle names, each compared by Vietnamese
// collation — a, ă, â … d, đ, e … o, ô, ơ … with the tones after the
// letters — not by byte order, which puts "Đức" after "Yến". Delegates
// with the same name keep their order in the file.
func sortDelegates(ds []report.Delegate) []int {
	// A Collator keeps buffers between calls: one per sort.
	c := collate.New(language.Vietnamese)
	key := func(name string) []string {
		f := strings.Fields(name)
		if len(f) < 2 {
			return f
		}
		return append([]string{f[len(f)-1], f[0]}, f[1:len(f)-1]...)
	}
	order := make([]int, len(ds))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ka, kb := key(ds[a].Name), key(ds[b].Name)
		for i := range min(len(ka), len(kb)) {
			if r := c.CompareString(ka[i], kb[i]); r != 0 {
				return r
			}
		}
		return len(ka) - len(kb)
	})
	return order
}
