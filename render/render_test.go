package render_test

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/render"
	"baocao/render/load"
	"baocao/render/report"
	"baocao/render/viet"
)

// renderExample renders an example into a temporary directory.
func renderExample(t *testing.T, name string) (*report.Report, string) {
	t.Helper()
	r, err := load.File(filepath.Join("..", "examples", name+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	outs, err := render.Outputs(r, name, render.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := render.WriteAll(dir, outs); err != nil {
		t.Fatal(err)
	}
	return r, dir
}

// TestWorkbookEqualsReport: each figure the workbook computes from its
// formulas is the report's own figure, and the PDF prints the same one.
func TestWorkbookEqualsReport(t *testing.T) {
	r, dir := renderExample(t, "cantho-2021")
	f, err := excelize.OpenFile(filepath.Join(dir, "cantho-2021-phu-luc.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var pdfText string
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", "-layout", filepath.Join(dir, "cantho-2021-bao-cao.pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		pdfText = strings.Join(strings.Fields(string(out)), " ")
	} else {
		t.Log("pdftotext not found (install poppler-utils): the PDF side is not compared")
	}
	seen := 0
	for _, g := range r.Statistics.Groups {
		for _, ind := range g.Indicators {
			n := 0
			for i, cells := range rows {
				if len(cells) > 1 && cells[1] == ind.Name {
					n = i + 1
				}
			}
			if n == 0 {
				t.Errorf("%s: no row in the workbook", ind.ID)
				continue
			}
			seen++
			calc := func(col string) string {
				v, err := f.CalcCellValue(sheet, col+strconv.Itoa(n), excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatalf("%s%d: %v", col, n, err)
				}
				return v
			}
			num := func(col string) float64 {
				v, err := strconv.ParseFloat(calc(col), 64)
				if err != nil {
					t.Fatalf("%s%d: %v", col, n, err)
				}
				return v
			}
			dec := viet.Decimals(ind.Previous, ind.Current)
			if num("D") != ind.Previous || num("E") != ind.Current {
				t.Errorf("%s: workbook values %v, %v; report %v, %v", ind.ID, num("D"), num("E"), ind.Previous, ind.Current)
			}
			if got, want := num("F"), viet.Round(ind.Change(), dec); got != want {
				t.Errorf("%s: workbook change %v, report %v", ind.ID, got, want)
			}
			pct := viet.NoPercent
			if p, ok := ind.Percent(); ok {
				if got, want := num("G"), viet.RoundPercent(p); got != want {
					t.Errorf("%s: workbook percent %v, report %v", ind.ID, got, want)
				}
				pct = viet.Signed(p, 1)
			} else if got := calc("G"); got != viet.NoPercent {
				t.Errorf("%s: workbook percent %q without a base, want %q", ind.ID, got, viet.NoPercent)
			}
			// The PDF's table row prints the same four figures side by side.
			row := strings.Join([]string{viet.Number(num("D"), dec), viet.Number(num("E"), dec), viet.Signed(num("F"), dec), pct}, " ")
			if pdfText != "" && !strings.Contains(pdfText, row) {
				t.Errorf("%s: the PDF does not print the row %q", ind.ID, row)
			}
		}
	}
	if seen == 0 {
		t.Fatal("no indicator compared")
	}
}

// TestPDFFontsEmbedded: pdffonts lists only embedded fonts.
func TestPDFFontsEmbedded(t *testing.T) {
	if _, err := exec.LookPath("pdffonts"); err != nil {
		t.Skip("pdffonts not found: install poppler-utils to run this check")
	}
	_, dir := renderExample(t, "cantho-2021")
	out, err := exec.Command("pdffonts", filepath.Join(dir, "cantho-2021-bao-cao.pdf")).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
	if len(lines) != 4 {
		t.Errorf("%d fonts, want the 4 styles of one family:\n%s", len(lines), out)
	}
	embedded := regexp.MustCompile(`\s+yes\s+(yes|no)\s+yes\s+\d+\s+\d+$`)
	for _, l := range lines {
		if !embedded.MatchString(l) || !strings.Contains(strings.ToLower(l), "liberationserif") {
			t.Errorf("font not embedded with a Unicode map: %s", l)
		}
	}
}

// TestWriteAllKeepsOldFiles: when one output fails, nothing new appears and
// the file already there is unchanged.
func TestWriteAllKeepsOldFiles(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "a.pdf")
	if err := os.WriteFile(old, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	failing := func(w interface{ Write([]byte) (int, error) }) error {
		w.Write([]byte("partial"))
		return os.ErrDeadlineExceeded
	}
	outs := []render.Output{
		{Name: "a.pdf", Write: func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }},
		{Name: "a.xlsx", Write: func(w io.Writer) error { return failing(w) }},
	}
	if err := render.WriteAll(dir, outs); err == nil {
		t.Fatal("WriteAll succeeded with a failing output")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only the old a.pdf", names)
	}
	if b, _ := os.ReadFile(old); string(b) != "old" {
		t.Errorf("old file now holds %q", b)
	}
}

// TestLibreOfficeReadsSameFigures: LibreOffice, converting the workbook to
// CSV as another reader would, sees the figures the PDF prints.
func TestLibreOfficeReadsSameFigures(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("soffice not found: install libreoffice-calc-nogui to run this check")
	}
	if testing.Short() {
		t.Skip("LibreOffice takes a second or two; skipped with -short")
	}
	r, dir := renderExample(t, "cantho-2021")
	cmd := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, filepath.Join(dir, "cantho-2021-phu-luc.xlsx"))
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "cantho-2021-phu-luc.csv"))
	if err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string][]string{}
	for _, cells := range records {
		if len(cells) >= 7 {
			rows[cells[1]] = cells
		}
	}
	for _, g := range r.Statistics.Groups {
		for _, ind := range g.Indicators {
			cells, ok := rows[ind.Name]
			if !ok {
				t.Errorf("%s: LibreOffice shows no row", ind.ID)
				continue
			}
			// The CSV holds the figures as shown in the C locale
			// ("86,540", "+34"): compare them as numbers.
			dec := viet.Decimals(ind.Previous, ind.Current)
			want := []float64{ind.Previous, ind.Current, viet.Round(ind.Change(), dec)}
			if p, ok := ind.Percent(); ok {
				want = append(want, viet.RoundPercent(p))
			}
			for i, w := range want {
				s := strings.NewReplacer(",", "", "+", "").Replace(cells[3+i])
				got, err := strconv.ParseFloat(s, 64)
				if err != nil || got != w {
					t.Errorf("%s column %d: LibreOffice shows %q, the report has %v", ind.ID, 4+i, cells[3+i], w)
				}
			}
		}
	}
}
