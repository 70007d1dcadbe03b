package xlsx

import (
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
	list := sortDelegates(conf.Delegates)
	t := &table{
		name:    w.names.take(DelegateSheet, DelegateSheet),
		heading: w.heading("", "Danh sách đại biểu dự "+conf.Name),
		columns: []column{
			{"STT", 5, 8}, {"Họ và tên", 20, 32}, {"Cấp bậc", 10, 18}, {"Chức vụ", 30, 70}, {"Ghi chú", 10, 24},
		},
		filtered: len(list),
		fill:     3,
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
		for i, d := range list {
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

// sortDelegates returns the delegates in the order of a Vietnamese roster:
// by given name (the last word of the full name), then family name (the
// first word), then the middle names, each compared by Vietnamese
// collation — a, ă, â … d, đ, e … o, ô, ơ … with the tones after the
// letters — not by byte order, which puts "Đức" after "Yến". Delegates
// with the same name keep their order in the file.
func sortDelegates(ds []report.Delegate) []report.Delegate {
	// A Collator keeps buffers between calls: one per sort.
	c := collate.New(language.Vietnamese)
	key := func(name string) []string {
		f := strings.Fields(name)
		if len(f) < 2 {
			return f
		}
		return append([]string{f[len(f)-1], f[0]}, f[1:len(f)-1]...)
	}
	out := slices.Clone(ds)
	slices.SortStableFunc(out, func(a, b report.Delegate) int {
		ka, kb := key(a.Name), key(b.Name)
		for i := range min(len(ka), len(kb)) {
			if r := c.CompareString(ka[i], kb[i]); r != 0 {
				return r
			}
		}
		return len(ka) - len(kb)
	})
	return out
}
