package render_test

import (
	"math"
	"math/big"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/render/document"
	"baocao/render/figure"
	"baocao/render/report"
	"baocao/render/viet"
	"baocao/render/xlsx"
	"baocao/render/xlsx/xlsxtest"
)

// examples lists the names of the example files, examples/*.yaml.
func examples(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "examples", "*.yaml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = strings.TrimSuffix(filepath.Base(p), ".yaml")
	}
	return names
}

// workbook opens the workbook rendered for an example.
func workbook(t *testing.T, dir, name string) (*excelize.File, string) {
	t.Helper()
	path := filepath.Join(dir, name+"-phu-luc.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f, path
}

// pdfText is the text of every PDF rendered in dir, its white space
// collapsed to single spaces; "" when pdftotext is missing.
func pdfText(t *testing.T, dir string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not found (install poppler-utils): the PDF side is not compared")
		return ""
	}
	pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	var all []string
	for _, p := range pdfs {
		out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", p, err)
		}
		all = append(all, strings.Fields(string(out))...)
	}
	return " " + strings.Join(all, " ") + " "
}

// sheet is one sheet's cells, raw: as excelize computes them from the
// formulas (CalcCellValue), or with stored, as the file stores them.
// excelize's formula engine is not exact at 15 digits (its ROUND and SUM
// lose the last digit), so the figures at the bounds are read stored, and
// LibreOffice checks that the formulas compute them.
type sheet struct {
	f      *excelize.File
	name   string
	rows   [][]string
	stored bool
}

func readSheet(t *testing.T, f *excelize.File, name string, stored bool) *sheet {
	t.Helper()
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return &sheet{f: f, name: name, rows: rows, stored: stored}
}

// row finds the sheet row (from 1) whose cell in column col (from 1) is
// text, or 0.
func (s *sheet) row(col int, text string) int {
	for i, cells := range s.rows {
		if len(cells) >= col && cells[col-1] == text {
			return i + 1
		}
	}
	return 0
}

// calc is the value of a cell computed by excelize, or stored.
func (s *sheet) calc(t *testing.T, col, row int) string {
	t.Helper()
	if s.stored {
		if row <= len(s.rows) && col <= len(s.rows[row-1]) {
			return s.rows[row-1][col-1]
		}
		return ""
	}
	cell, _ := excelize.CoordinatesToCellName(col, row)
	v, err := s.f.CalcCellValue(s.name, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s!%s: %v", s.name, cell, err)
	}
	return v
}

// number is calc for a cell that must hold a number.
func (s *sheet) number(t *testing.T, col, row int) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s.calc(t, col, row), 64)
	if err != nil {
		t.Fatalf("%s row %d column %d: %v", s.name, row, col, err)
	}
	return v
}

// inOrder reports whether the words appear in text one after the other,
// each as whole words, with anything between them: a table row as
// pdftotext gives it, where a wrapped cell may split the figures.
func inOrder(text string, words []string) bool {
	for _, w := range words {
		i := strings.Index(text, " "+w+" ")
		if i < 0 {
			return false
		}
		text = text[i+len(w)+1:]
	}
	return true
}

// changePhrase finds the comparisons the PDF text prints: "giảm 124 vụ,
// tương ứng 32,2% so với", "tăng 15 vụ so với".
var changePhrase = regexp.MustCompile(`(tăng|giảm) (\d[\d.]*(?:,\d+)?) ([^,()]+?)(?:, tương ứng (\d[\d.]*,\d)%)? so với`)

// commendedPhrase finds the commendation totals the PDF text prints.
var commendedPhrase = regexp.MustCompile(`(\d[\d.]*) tập thể, (\d[\d.]*) cá nhân`)

// TestWorkbookMatchesPDF walks every example: each figure of the workbook,
// as excelize computes it from the formulas, is the report's, and each
// figure the PDFs print — table rows, comparisons in the text, totals —
// is the workbook's.
func TestWorkbookMatchesPDF(t *testing.T) {
	for _, name := range examples(t) {
		t.Run(name, func(t *testing.T) {
			r, dir := renderExample(t, name)
			checkWorkbookMatchesPDF(t, r, dir, name, false)
		})
	}
}

// checkWorkbookMatchesPDF checks the workbook and the PDFs rendered for r
// into dir, as name, against each other and against the report; stored
// reads the workbook's figures as stored rather than computed by excelize.
func checkWorkbookMatchesPDF(t *testing.T, r *report.Report, dir, name string, stored bool) {
	t.Helper()
	f, _ := workbook(t, dir, name)
	pdf := pdfText(t, dir)
	checkStatistics(t, readSheet(t, f, xlsx.IndicatorSheet, stored), r, pdf)
	if len(r.Commendations.Awards) > 0 {
		checkCommendations(t, readSheet(t, f, xlsx.CommendationSheet, stored), r, pdf)
	}
	checkAnnexes(t, f, r, pdf, stored)
}

// statFigures are an indicator's figures in the workbook, computed.
type statFigures struct {
	ind                     report.Indicator
	decimals                int
	prev, cur, change       float64
	percent                 string // "-" without a base
	shownChange, shownRatio string // as the PDF prints them, unsigned
}

func checkStatistics(t *testing.T, s *sheet, r *report.Report, pdf string) {
	var all []statFigures
	for _, g := range r.Statistics.Groups {
		for _, ind := range g.Indicators {
			n := s.row(2, ind.Name)
			if n == 0 {
				t.Errorf("%s: no row in the workbook", ind.ID)
				continue
			}
			dec := viet.Decimals(ind.Previous, ind.Current)
			fig := statFigures{ind: ind, decimals: dec, prev: s.number(t, 4, n), cur: s.number(t, 5, n), change: s.number(t, 6, n), percent: s.calc(t, 7, n)}
			if fig.prev != ind.Previous || fig.cur != ind.Current {
				t.Errorf("%s: workbook values %v, %v; report %v, %v", ind.ID, fig.prev, fig.cur, ind.Previous, ind.Current)
			}
			if want := viet.Round(ind.Change(), dec); fig.change != want {
				t.Errorf("%s: workbook change %v, report %v", ind.ID, fig.change, want)
			}
			shownPct := viet.NoPercent
			if p, ok := ind.Percent(); ok {
				got, err := strconv.ParseFloat(fig.percent, 64)
				if want := viet.RoundPercent(p); err != nil || got != want {
					t.Errorf("%s: workbook percent %q, report %v", ind.ID, fig.percent, want)
				}
				shownPct = viet.Signed(got, 1)
				fig.shownRatio = viet.Percent(math.Abs(got))
			} else if fig.percent != viet.NoPercent {
				t.Errorf("%s: workbook percent %q without a base, want %q", ind.ID, fig.percent, viet.NoPercent)
			}
			fig.shownChange = viet.Number(math.Abs(fig.change), dec)
			all = append(all, fig)
			// The PDF's statistics table prints the same four figures side
			// by side (the name may wrap around them).
			row := " " + strings.Join([]string{viet.Number(fig.prev, dec), viet.Number(fig.cur, dec), viet.Signed(fig.change, dec), shownPct}, " ") + " "
			if strings.Contains(pdf, "Tăng/giảm") && !strings.Contains(pdf, row) {
				t.Errorf("%s: the PDF does not print the row %q", ind.ID, row)
			}
		}
	}
	checkTotals(t, s, r)
	// Every comparison the text prints is an indicator's, as the workbook
	// computes it: the difference and, when printed, the percentage.
	for _, m := range changePhrase.FindAllStringSubmatch(pdf, -1) {
		found := false
		for _, fig := range all {
			found = found || fig.ind.Unit == m[3] && fig.shownChange == m[2] && (m[4] == "" || fig.shownRatio == m[4]) &&
				(m[1] == "tăng") == (fig.change > 0)
		}
		if !found {
			t.Errorf("the PDF prints %q, which no row of the workbook gives", m[0])
		}
	}
}

// checkTotals: where the workbook totals a group or the table, the total
// is the sum of the report's values.
func checkTotals(t *testing.T, s *sheet, r *report.Report) {
	var prevAll, curAll []float64
	for _, g := range r.Statistics.Groups {
		n := s.row(2, g.Title)
		if n == 0 || len(s.rows[n-1]) < 4 || s.rows[n-1][3] == "" {
			continue
		}
		var prev, cur []float64
		for _, ind := range g.Indicators {
			prev, cur = append(prev, ind.Previous), append(cur, ind.Current)
		}
		if got, want := s.number(t, 4, n), exactSum(prev...); got != want {
			t.Errorf("group %q: previous total %v, report sums %v", g.Title, got, want)
		}
		if got, want := s.number(t, 5, n), exactSum(cur...); got != want {
			t.Errorf("group %q: current total %v, report sums %v", g.Title, got, want)
		}
		prevAll, curAll = append(prevAll, prev...), append(curAll, cur...)
	}
	if n := s.row(1, "TỔNG CỘNG"); n > 0 {
		if got, want := s.number(t, 4, n), exactSum(prevAll...); got != want {
			t.Errorf("TỔNG CỘNG previous %v, report sums %v", got, want)
		}
		if got, want := s.number(t, 5, n), exactSum(curAll...); got != want {
			t.Errorf("TỔNG CỘNG current %v, report sums %v", got, want)
		}
	}
}

func checkCommendations(t *testing.T, s *sheet, r *report.Report, pdf string) {
	n := s.row(1, "TỔNG CỘNG")
	if n == 0 {
		t.Fatal("no TỔNG CỘNG row of commendations")
	}
	c, i := r.Commendations.Totals()
	collectives, individuals := s.number(t, 3, n), s.number(t, 4, n)
	if collectives != float64(c) || individuals != float64(i) {
		t.Errorf("workbook totals %v, %v; report %d, %d", collectives, individuals, c, i)
	}
	want := viet.Number(collectives, 0) + " tập thể, " + viet.Number(individuals, 0) + " cá nhân"
	for _, m := range commendedPhrase.FindAllString(pdf, -1) {
		if m != want {
			t.Errorf("the PDF prints %q, the workbook totals %q", m, want)
		}
	}
}

// checkAnnexes: each annex sheet carries the PDF's heading for the same
// annex, and its figures and totals are the ones the PDF prints.
func checkAnnexes(t *testing.T, f *excelize.File, r *report.Report, pdf string, stored bool) {
	if r.BaoCao == nil {
		return
	}
	k, _ := document.KindBySlug(document.Kinds(), "bao-cao")
	doc, err := document.Build(r, k)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range r.Annexes {
		if a.Table == nil {
			continue
		}
		printed := doc.Annexes[i]
		var s *sheet
		for _, name := range f.GetSheetList() {
			if c := readSheet(t, f, name, stored); len(c.rows) > 2 && c.rows[0][0] == printed.Label && c.rows[1][0] == printed.Title {
				s = c
			}
		}
		if s == nil {
			t.Errorf("no sheet headed %q, %q as the PDF's annex", printed.Label, printed.Title)
			continue
		}
		if s.rows[2][0] != printed.Ref {
			t.Errorf("%s: %q, the PDF has %q", printed.Label, s.rows[2][0], printed.Ref)
		}
		header := 5 // after the three heading lines and a blank row
		decimals := make([]int, len(a.Table.Columns))
		for _, row := range a.Table.Rows {
			for c, col := range a.Table.Columns {
				if col.IsNumber() && strings.TrimSpace(row[c]) != "" {
					decimals[c] = max(decimals[c], writtenDecimals(row[c]))
				}
			}
		}
		// Every number cell, row by row, is the report's and is printed by
		// the PDF in the same order.
		var figures []string
		sums := make([][]float64, len(a.Table.Columns))
		for ri, row := range a.Table.Rows {
			for c, col := range a.Table.Columns {
				if !col.IsNumber() || strings.TrimSpace(row[c]) == "" {
					continue
				}
				want, _ := a.Table.Value(ri, c)
				got := s.number(t, c+1, header+1+ri)
				if got != want {
					t.Errorf("%s row %d column %q: workbook %v, report %q", s.name, ri+1, col.Name, got, row[c])
				}
				sums[c] = append(sums[c], want)
				figures = append(figures, viet.Number(got, decimals[c]))
			}
		}
		total := header + 1 + len(a.Table.Rows)
		var totals []string
		for c, col := range a.Table.Columns {
			if col.Sum {
				got := s.number(t, c+1, total)
				if want := exactSum(sums[c]...); got != want {
					t.Errorf("%s TỔNG CỘNG of %q: workbook %v, report sums %v", s.name, col.Name, got, want)
				}
				totals = append(totals, viet.Number(got, decimals[c]))
			}
		}
		if pdf == "" {
			continue
		}
		if !inOrder(pdf, strings.Fields(printed.Label+" "+printed.Title)) {
			t.Errorf("the PDF does not print the annex %q", printed.Label)
			continue
		}
		if !inOrder(pdf, figures) {
			t.Errorf("%s: the PDF does not print the figures %q in order", printed.Label, figures)
		}
		if totals != nil && !inOrder(pdf, append([]string{"TỔNG", "CỘNG"}, totals...)) {
			t.Errorf("%s: the PDF does not print the totals %q", printed.Label, totals)
		}
	}
}

// TestLibreOfficeReadsSameFigures walks every example: LibreOffice,
// computing every formula itself, sees on every sheet the figures excelize
// computes and the file stores.
func TestLibreOfficeReadsSameFigures(t *testing.T) {
	for _, name := range examples(t) {
		t.Run(name, func(t *testing.T) {
			_, dir := renderExample(t, name)
			checkLibreOffice(t, dir, name, false)
		})
	}
}

// checkLibreOffice checks the workbook rendered into dir as name: what
// LibreOffice computes is what the file stores and, unless stored,
// excelize computes.
func checkLibreOffice(t *testing.T, dir, name string, stored bool) {
	t.Helper()
	f, path := workbook(t, dir, name)
	lo := xlsxtest.Sheets(t, path, true)
	for _, sheetName := range f.GetSheetList() {
		s := readSheet(t, f, sheetName, stored)
		got, ok := lo[sheetName]
		if !ok {
			t.Errorf("LibreOffice shows no sheet %q", sheetName)
			continue
		}
		for ri, cells := range s.rows {
			for ci, value := range cells {
				shown := ""
				if ri < len(got) && ci < len(got[ri]) {
					shown = got[ri][ci]
				}
				cell, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
				if !sameValue(shown, value) {
					t.Errorf("%s!%s: LibreOffice %q, the file stores %q", sheetName, cell, shown, value)
				}
				if formula, _ := f.GetCellFormula(sheetName, cell); formula != "" && !stored && !sameValue(shown, s.calc(t, ci+1, ri+1)) {
					t.Errorf("%s!%s: LibreOffice computes %q, excelize %q", sheetName, cell, shown, s.calc(t, ci+1, ri+1))
				}
			}
		}
	}
}

// sameValue compares two renderings of a cell: numbers as numbers,
// exactly — every figure has at most 15 digits, which both keep — and
// text as text.
func sameValue(a, b string) bool {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	if errA == nil && errB == nil {
		return x == y
	}
	return a == b
}

// exactSum adds figures as the decimals they read as, without binary
// rounding: the total the workbook and the PDF must show.
func exactSum(vs ...float64) float64 {
	sum := new(big.Rat)
	for _, v := range vs {
		r, _ := new(big.Rat).SetString(strconv.FormatFloat(v, 'f', -1, 64))
		sum.Add(sum, r)
	}
	f, _ := sum.Float64()
	return f
}

// writtenDecimals counts the decimals of a cell as written: the digits
// after its decimal mark, trailing zeros aside.
func writtenDecimals(cell string) int {
	v, err := figure.Parse(cell)
	if err != nil {
		return 0
	}
	_, frac, _ := strings.Cut(strconv.FormatFloat(v, 'f', -1, 64), ".")
	return len(frac)
}
