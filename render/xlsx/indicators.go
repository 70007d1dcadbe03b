package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"baocao/render/report"
	"baocao/render/viet"
)

// Columns of the statistics table (nd30.md §5), numbered from 1 as
// excelize counts them.
const (
	colSTT = iota + 1
	colName
	colUnit
	colPrevious
	colCurrent
	colChange
	colPercent
	numCols = colPercent
)

// statRow is one planned row of the statistics table.
type statRow struct {
	row   int    // sheet row
	stt   string // "I", "1"; "" on the grand total
	label string // group title, indicator name or totalLabel
	unit  string
	bold  bool
	// figures tells whether the row has values: every indicator, and a
	// total where one makes sense (see report.Group.Total).
	figures   bool
	prev, cur float64 // for totals, the rounded sums
	decimals  int
	// sumOf lists the rows a total adds up; nil on an indicator row.
	sumOf []int
	// group and ind locate the row's texts in the report: the group's
	// index, and the indicator's in it or -1 on the group's row; group is
	// -1 on the grand total.
	group, ind int
}

// at is the YAML path of the text in column col (from 1) of sr, or "" for
// a text the program writes.
func (sr statRow) at(col int) string {
	if sr.group < 0 {
		return ""
	}
	g := fmt.Sprintf("statistics.groups[%d]", sr.group)
	switch {
	case col == colName && sr.ind < 0:
		return g + ".title"
	case col == colName:
		return fmt.Sprintf("%s.indicators[%d].name", g, sr.ind)
	case col == colUnit:
		return fmt.Sprintf("%s.indicators[%d].unit", g, max(sr.ind, 0))
	}
	return ""
}

// statGroup is one group's indicator rows, for its charts.
type statGroup struct {
	title string // "I. Tình hình tội phạm"
	rows  []statRow
}

// indicatorSheet is what the chart sheet needs to know of the written
// statistics table.
type indicatorSheet struct {
	name      string
	headerRow int
	groups    []statGroup
}

// planStatistics lays the statistics out from sheet row first: each group
// row (I, II … in bold) followed by its indicators (1, 2 …, numbered again
// in each group). A group row carries the group's totals when they make
// sense, and a TỔNG CỘNG row closes the table when the totals of all
// groups can be added up too.
func planStatistics(s *report.Statistics, first int) ([]statRow, []statGroup) {
	var rows []statRow
	var groups []statGroup
	var groupRows []int
	row := first
	for gi, g := range s.Groups {
		roman := viet.Roman(gi + 1)
		gr := statRow{row: row, stt: roman, label: g.Title, bold: true, group: gi, ind: -1}
		total, ok := g.Total()
		if ok {
			gr.unit, gr.figures = total.Unit, true
			gr.prev, gr.cur, gr.decimals = total.Previous, total.Current, total.Decimals
			for i := range g.Indicators {
				gr.sumOf = append(gr.sumOf, row+1+i)
			}
			groupRows = append(groupRows, row)
		}
		rows = append(rows, gr)
		row++
		sg := statGroup{title: roman + ". " + g.Title}
		for ii, ind := range g.Indicators {
			sg.rows = append(sg.rows, statRow{
				row: row, stt: strconv.Itoa(ii + 1), label: ind.Name, unit: ind.Unit, figures: true, group: gi, ind: ii,
				prev: ind.Previous, cur: ind.Current, decimals: viet.Decimals(ind.Previous, ind.Current),
			})
			row++
		}
		rows = append(rows, sg.rows...)
		if len(sg.rows) > 0 {
			groups = append(groups, sg)
		}
	}
	// A grand total adds the group totals; with one group it would repeat
	// the group's row.
	if total, ok := s.Total(); ok {
		rows = append(rows, statRow{row: row, label: totalLabel, unit: total.Unit, bold: true, figures: true, sumOf: groupRows, group: -1,
			prev: total.Previous, cur: total.Current, decimals: total.Decimals})
	}
	return rows, groups
}

// indicators writes the statistics sheet.
func (w *workbook) indicators() (*indicatorSheet, error) {
	s := &w.r.Statistics
	t := &table{
		name:    w.names.take(IndicatorSheet, IndicatorSheet),
		heading: w.heading("", "Số liệu thống kê "+s.Current+" so với "+s.Previous, w.longerPeriod()),
		columns: []column{
			{"STT", 5, 8}, {"Chỉ tiêu", 24, 60}, {"ĐVT", 6, 14}, {s.Previous, 10, 18}, {s.Current, 10, 18},
			{"Tăng/giảm (±)", 10, 18}, {"Tỷ lệ (%)", 9, 16},
		},
		fill: colName - 1,
	}
	rows, groups := planStatistics(s, t.headerRow()+1)
	t.at = func(r, c int) string {
		switch {
		case r >= 0:
			return rows[r].at(c + 1)
		case c+1 == colPrevious:
			return "statistics.previous"
		case c+1 == colCurrent:
			return "statistics.current"
		}
		return ""
	}
	t.filtered = len(rows)
	if n := len(rows); n > 0 && rows[n-1].stt == "" {
		t.filtered-- // the grand total stays below the filtered rows
	}
	t.body = func(_ int, emit func([]cell) error) error {
		for _, sr := range rows {
			cells, err := w.statCells(sr)
			if err != nil {
				return err
			}
			if err := emit(cells); err != nil {
				return err
			}
		}
		return nil
	}
	if err := w.writeTable(t); err != nil {
		return nil, err
	}
	return &indicatorSheet{name: t.name, headerRow: t.headerRow(), groups: groups}, nil
}

// statCells returns the cells of one row of the statistics table. The
// change is rounded to the row's decimals, so that the stored value is the
// printed one (87,6 − 85,5 is 2,1, not 2,0999999999999943); the
// percentage is rounded to one decimal as the PDF prints it, and where the
// previous value is 0 it is the PDF's mark instead of #DIV/0!.
func (w *workbook) statCells(sr statRow) ([]cell, error) {
	var ids [numCols]int
	keys := [numCols]styleKey{
		{align: "center"}, {align: "left", wrap: true}, {align: "center", wrap: true},
		{align: "right"}, {align: "right"}, {align: "right"}, {align: "right"},
	}
	if sr.figures {
		value, change := numberFormats(sr.decimals)
		keys[colPrevious-1].numFmt, keys[colCurrent-1].numFmt = value, value
		keys[colChange-1].numFmt, keys[colPercent-1].numFmt = change, percentFormat
	}
	for c := range keys {
		keys[c].bold = sr.bold
		id, err := w.style(keys[c])
		if err != nil {
			return nil, err
		}
		ids[c] = id
	}
	cells := make([]cell, numCols)
	for c := range cells {
		cells[c] = cell{style: ids[c], bold: sr.bold}
	}
	set := func(col int, text string, value any, formula string) {
		cells[col-1].text, cells[col-1].value, cells[col-1].formula = text, value, formula
	}
	if sr.stt == "" {
		// TỔNG CỘNG spans the STT and Chỉ tiêu columns, centred.
		set(colSTT, sr.label, sr.label, "")
		cells[colSTT-1].span = 2
	} else {
		set(colSTT, sr.stt, sr.stt, "")
		set(colName, sr.label, sr.label, "")
	}
	set(colUnit, sr.unit, sr.unit, "")
	if !sr.figures {
		return cells, nil
	}
	at := func(col int) string { return ref(col, sr.row) }
	var prevF, curF string
	if sr.sumOf != nil {
		prevF = fmt.Sprintf("ROUND(SUM(%s),%d)", sumArgs(colPrevious, sr.sumOf), sr.decimals)
		curF = fmt.Sprintf("ROUND(SUM(%s),%d)", sumArgs(colCurrent, sr.sumOf), sr.decimals)
	}
	set(colPrevious, shownNumber(sr.prev, sr.decimals, false), sr.prev, prevF)
	set(colCurrent, shownNumber(sr.cur, sr.decimals, false), sr.cur, curF)
	ind := report.Indicator{Previous: sr.prev, Current: sr.cur}
	change := viet.Round(ind.Change(), sr.decimals)
	set(colChange, shownNumber(change, sr.decimals, true),
		change, fmt.Sprintf("ROUND(%s-%s,%d)", at(colCurrent), at(colPrevious), sr.decimals))
	var percent any = viet.NoPercent
	shown := viet.NoPercent
	if p, ok := ind.Percent(); ok {
		percent, shown = viet.RoundPercent(p), shownNumber(viet.RoundPercent(p), 1, true)
	}
	set(colPercent, shown, percent,
		fmt.Sprintf(`IF(%[1]s=0,"%[3]s",ROUND((%[2]s-%[1]s)/%[1]s*100,1))`, at(colPrevious), at(colCurrent), viet.NoPercent))
	return cells, nil
}

// sumArgs lists the cells of column col in rows for SUM: a range when the
// rows are consecutive (D7:D10), else one by one (D6,D11).
func sumArgs(col int, rows []int) string {
	if n := len(rows); rows[n-1]-rows[0] == n-1 {
		return ref(col, rows[0]) + ":" + ref(col, rows[n-1])
	}
	refs := make([]string, len(rows))
	for i, r := range rows {
		refs[i] = ref(col, r)
	}
	return strings.Join(refs, ",")
}
