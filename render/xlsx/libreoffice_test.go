package xlsx

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"baocao/render/report"
	"baocao/render/viet"
	"baocao/render/xlsx/xlsxtest"
)

// writeFile writes the workbook of r into a temporary directory.
func writeFile(t *testing.T, r *report.Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "phu-luc.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestLibreOffice: LibreOffice, computing every formula itself, gets the
// report's figures on every sheet.
func TestLibreOffice(t *testing.T) {
	r := sampleReport()
	sheets := xlsxtest.Sheets(t, writeFile(t, r), true)
	byLabel := func(sheet string, col int) map[string][]string {
		rows := map[string][]string{}
		for _, rec := range sheets[sheet] {
			if len(rec) > col {
				rows[rec[col]] = rec
			}
		}
		return rows
	}
	stats := byLabel(IndicatorSheet, colName-1)
	for _, g := range r.Statistics.Groups {
		for _, ind := range g.Indicators {
			rec, ok := stats[ind.Name]
			if !ok {
				t.Errorf("%s: no row", ind.Name)
				continue
			}
			dec := viet.Decimals(ind.Previous, ind.Current)
			want := []string{num(ind.Previous), num(ind.Current), num(viet.Round(ind.Change(), dec)), viet.NoPercent}
			if p, ok := ind.Percent(); ok {
				want[3] = num(viet.RoundPercent(p))
			}
			if got := rec[colPrevious-1 : colPercent]; strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("%s: LibreOffice computes %q, the report has %q", ind.Name, got, want)
			}
		}
	}
	c, i := r.Commendations.Totals()
	if got, want := byLabel(CommendationSheet, 0)[totalLabel], []string{totalLabel, "", strconv.Itoa(c), strconv.Itoa(i)}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("commendation totals %q, want %q", got, want)
	}
	if got, want := byLabel(annexSheet, 0)[totalLabel], []string{totalLabel, "", "42", "22.85", ""}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("annex totals %q, want %q", got, want)
	}
}

// TestLibreOfficePrint: printed by LibreOffice, every page is A4
// landscape; each page of a table carries the header row and every column
// of it; the charts are drawn.
func TestLibreOfficePrint(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s không có trên PATH — cài poppler-utils để chạy kiểm tra này", tool)
		}
	}
	r := largeReport(150)
	out := xlsxtest.Convert(t, writeFile(t, r), "pdf", false)
	pdf := filepath.Join(out, "phu-luc.pdf")

	info, err := exec.Command("pdfinfo", "-f", "1", "-l", "1000", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	sizes := regexp.MustCompile(`Page +\d+ size: +([\d.]+) x ([\d.]+) pts`).FindAllStringSubmatch(string(info), -1)
	for i, s := range sizes {
		w, _ := strconv.ParseFloat(s[1], 64)
		h, _ := strconv.ParseFloat(s[2], 64)
		if abs(w-841.9) > 1 || abs(h-595.3) > 1 {
			t.Errorf("page %d is %v × %v pt, want A4 landscape", i+1, w, h)
		}
	}
	text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimRight(string(text), "\f"), "\f")
	if len(pages) != len(sizes) {
		t.Fatalf("%d pages of text, %d pages", len(pages), len(sizes))
	}
	// Each sheet starts on a page with its title; the pages up to the next
	// title are its own.
	type sheet struct {
		title  string
		header []string // first and last column headings; nil on charts
		charts []string // chart titles, on the sheet's pages
		pages  int
	}
	sheets := []*sheet{
		{title: "SỐ LIỆU THỐNG KÊ", header: []string{"STT", "Tỷ lệ (%)"}},
		{title: "BIỂU ĐỒ SỐ LIỆU", charts: []string{"I. Phạm pháp hình sự", "II. Tai nạn giao thông"}},
		{title: "TỔNG HỢP KHEN THƯỞNG", header: []string{"STT", "Cá nhân"}},
		{title: "DANH SÁCH ĐẠI BIỂU", header: []string{"STT", "Ghi chú"}},
		{title: "KẾT QUẢ TỔNG RÀ SOÁT", header: []string{"STT", "Kết quả"}},
	}
	var cur *sheet
	next := 0
	for p, page := range pages {
		if next < len(sheets) && strings.Contains(page, sheets[next].title) {
			cur = sheets[next]
			next++
		}
		if cur == nil {
			t.Fatalf("page %d comes before the first sheet's title", p+1)
		}
		if !strings.Contains(page, "CÔNG AN THÀNH PHỐ CẦN THƠ") || !regexp.MustCompile(`Trang \d+/\d+`).MatchString(page) {
			t.Errorf("page %d has no footer", p+1)
		}
		if cur.header != nil {
			for _, h := range cur.header {
				if !strings.Contains(page, h) {
					t.Errorf("page %d of %s lacks the heading %q: the header row is not repeated or a column was cut", cur.pages+1, cur.title, h)
				}
			}
		} else {
			cur.charts = slices.DeleteFunc(cur.charts, func(c string) bool { return strings.Contains(page, c) })
			if !strings.Contains(page, "Năm 2020") || !strings.Contains(page, "Năm 2021") {
				t.Errorf("chart page %d has no legend", cur.pages+1)
			}
		}
		cur.pages++
	}
	if next != len(sheets) {
		t.Fatalf("found the titles of %d sheets, want %d", next, len(sheets))
	}
	for _, s := range sheets {
		if len(s.charts) > 0 {
			t.Errorf("%s: no chart titled %q", s.title, s.charts)
		}
		want := 1
		if s.title == "KẾT QUẢ TỔNG RÀ SOÁT" {
			want = 2 // 150 rows do not fit one page
		}
		if s.pages < want {
			t.Errorf("%s: %d pages, want at least %d", s.title, s.pages, want)
		}
	}
}

func abs(v float64) float64 { return max(v, -v) }
