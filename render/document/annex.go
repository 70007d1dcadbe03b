package document

import (
	"fmt"
	"strings"
	"text/template"
	"unicode"
	"unicode/utf8"

	"baocao/render/report"
	"baocao/render/viet"
)

// buildAnnexes makes the annexes of the report's document d of kind k:
// Phụ lục I, II, … in the order of r.Annexes (nd30.md §5). They belong to
// the báo cáo; the other kinds are issued without them. Their bodies are
// executed with the functions funcs, within b.
func buildAnnexes(b *budget, r *report.Report, k Kind, d *report.Document, funcs template.FuncMap) ([]Annex, error) {
	if k.Slug != "bao-cao" || len(r.Annexes) == 0 {
		return nil, nil
	}
	ref := fmt.Sprintf("(Kèm theo %s số %s/%s %s của %s)",
		sentenceCase(k.Name), viet.DocNumber(d.Number), d.Code, viet.LongDate(d.Date), r.Agency.InText())
	var out []Annex
	for i, a := range r.Annexes {
		path := fmt.Sprintf("annexes[%d]", i)
		var blocks []Block
		if strings.TrimSpace(a.Body) != "" {
			md, err := narrative(b, r, a.Body, path+".body", funcs)
			if err != nil {
				return nil, err
			}
			blocks = parseBodyPhotos([]byte(md), nil, &r.Statistics)
		}
		if a.Table != nil {
			blocks = append(blocks, annexTable(a.Table))
		}
		endBody(&blocks)
		out = append(out, Annex{
			Label: "Phụ lục " + viet.Roman(i+1),
			Title: viet.Upper(a.Title),
			Ref:   ref,
			Body:  blocks,
		})
	}
	return out, nil
}

// sentenceCase writes a tên loại as it stands inside a sentence: "BÁO CÁO"
// → "Báo cáo".
func sentenceCase(s string) string {
	s = strings.ToLower(s)
	first, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(first)) + s[n:]
}

// annexTable converts an annex table: number cells are formatted the
// Vietnamese way and right-aligned, an STT column is centred, and the
// columns marked sum get a TỔNG CỘNG row, in bold like the header.
func annexTable(t *report.Table) *Table {
	ncol := len(t.Columns)
	tab := &Table{Align: make([]Align, ncol)}
	for i, c := range t.Columns {
		tab.Header = append(tab.Header, Cell{Runs: []Run{{Text: c.Name}}})
		switch {
		case c.IsNumber():
			tab.Align[i] = AlignRight
		case c.Name == "STT":
			// Row numbers are centred, as in the statistics table.
			tab.Align[i] = AlignCenter
		}
	}
	// One count of decimals serves a whole column, so that its figures
	// line up on the decimal comma. The loader has checked every cell.
	decimals := make([]int, ncol)
	for ci, c := range t.Columns {
		if c.IsNumber() {
			decimals[ci] = t.Decimals(ci)
		}
	}
	for ri, row := range t.Rows {
		cells := make([]Cell, ncol)
		for ci, cell := range row {
			text := cell
			if t.Columns[ci].IsNumber() {
				if v, ok := t.Value(ri, ci); ok {
					text = viet.Number(v, decimals[ci])
				}
			}
			cells[ci] = Cell{Runs: []Run{{Text: text}}}
		}
		tab.Rows = append(tab.Rows, cells)
	}
	// The label stands in the last column before the first total, next to
	// the figures it names (after STT and the name, as offices write it).
	total := make([]Cell, ncol)
	label := -1
	hasSum := false
	for ci, c := range t.Columns {
		switch {
		case c.Sum && c.IsNumber():
			hasSum = true
			sum, dec, _ := t.Sum(ci) // exact: the loader keeps it within bounds
			total[ci] = Cell{Runs: []Run{{Text: viet.Number(sum, dec), Bold: true}}}
		case !hasSum:
			label = ci
		}
	}
	if hasSum {
		if label >= 0 {
			total[label] = Cell{Runs: []Run{{Text: "TỔNG CỘNG", Bold: true}}}
		}
		tab.Rows = append(tab.Rows, total)
	}
	return tab
}
