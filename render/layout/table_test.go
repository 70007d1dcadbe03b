package layout

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"testing"

	"baocao/render/document"
	"baocao/render/face"
)

// TestTableBordersJoined: the columns' borders of a table's rows, one
// under the other on a page, are one rule per column from the top of the
// table part to its foot; each row still has its own rule below.
func TestTableBordersJoined(t *testing.T) {
	const rows = 120
	pages := mustLayout(t, sampleDoc(2, rows))
	ncol := 3
	parts, horizontal := 0, 0
	for i, pg := range pages {
		var vert []*Rule
		top, foot := math.Inf(1), math.Inf(-1)
		for _, r := range rules(pg, RoleTableRule) {
			if r.X1 == r.X2 {
				vert = append(vert, r)
				continue
			}
			horizontal++
			top, foot = min(top, r.Y1), max(foot, r.Y1)
		}
		if len(vert) == 0 {
			continue
		}
		parts++
		if len(vert) != ncol+1 {
			t.Errorf("page %d: %d vertical borders, want one per column edge, %d", i+1, len(vert), ncol+1)
		}
		for _, r := range vert {
			if math.Abs(r.Y1-top) > eps || math.Abs(r.Y2-foot) > eps {
				t.Errorf("page %d: border at x %.1f runs %.1f–%.1f, want the table's %.1f–%.1f", i+1, r.X1, r.Y1, r.Y2, top, foot)
			}
		}
	}
	if parts < 2 {
		t.Fatalf("table on %d pages; the test needs one that crosses a page", parts)
	}
	// Each row and each page's header has a rule below; each header one
	// above.
	if want := rows + 2*parts; horizontal != want {
		t.Errorf("%d horizontal rules, want %d", horizontal, want)
	}
}

// textTable is a table of the given header whose rows are the given
// cells, aligned left: as Markdown sets a table without alignments.
func textTable(header []string, rows [][]string) *document.Table {
	tab := &document.Table{}
	for _, h := range header {
		tab.Header = append(tab.Header, document.Cell{Runs: []document.Run{{Text: h}}})
	}
	for _, r := range rows {
		var row []document.Cell
		for _, c := range r {
			row = append(row, document.Cell{Runs: []document.Run{{Text: c}}})
		}
		tab.Rows = append(tab.Rows, row)
	}
	return tab
}

// TestColumnsByContent: the width goes where it saves lines. 300 school
// names of about 110 mm and a Ghi chú empty but for three long remarks:
// the names stay on one line and the remarks wrap. A header "Năm học
// 2021 - 2022" over figures keeps its range whole.
func TestColumnsByContent(t *testing.T) {
	const n = 300
	var rows [][]string
	for i := range n {
		note := ""
		if i%100 == 7 {
			note = strings.Repeat("Trường được công nhận đạt chuẩn quốc gia mức độ 2, ", 4)
		}
		rows = append(rows, []string{fmt.Sprint(i + 1), fmt.Sprintf("Trường Trung học cơ sở và Trung học phổ thông Nguyễn Văn %d", i), note})
	}
	d := sampleDoc(0, 0)
	d.Body = []document.Block{textTable([]string{"STT", "Tên trường", "Ghi chú"}, rows)}
	whole := 0
	for _, pg := range mustLayout(t, d) {
		for _, x := range texts(pg, RoleTable) {
			if strings.HasPrefix(x.S, "Trường Trung học") && strings.Contains(x.S, "Nguyễn Văn") {
				whole++
			}
		}
	}
	if whole != n {
		t.Errorf("%d names of %d on one line: the width went to the remarks", whole, n)
	}

	d.Body = []document.Block{textTable([]string{"STT", "Chỉ tiêu", "Năm học 2021 - 2022", "Năm học 2022 - 2023", "Tăng/giảm (±)"}, [][]string{
		{"1", "Số trường mầm non, phổ thông", "412", "408", "-4"},
		{"2", "Số trẻ em, học sinh", "236.540", "239.812", "+3.272"},
	})}
	for _, x := range texts(mustLayout(t, d)[0], RoleTable) {
		if strings.Contains(x.S, "202") && !strings.Contains(x.S, " - ") {
			t.Errorf("header line %q parts a school year", x.S)
		}
	}
}

// TestFigureColumns: a column of figures left to the default alignment
// stands flush right, each figure on one line, whatever the pressure on
// the other columns; a column of row numbers stays where it was set.
func TestFigureColumns(t *testing.T) {
	header := []string{"STT", "Đơn vị"}
	for i := range 8 {
		header = append(header, fmt.Sprintf("Chỉ tiêu %d", i+1))
	}
	var rows [][]string
	for i := range 6 {
		row := []string{fmt.Sprint(i + 1), "Phòng Giáo dục và Đào tạo các huyện, thị xã"}
		for j := range 8 {
			row = append(row, []string{"123.456", "+12,5%", "-", "", "±3", "98,90"}[(i+j)%6])
		}
		rows = append(rows, row)
	}
	d := sampleDoc(0, 0)
	d.Body = []document.Block{textTable(header, rows)}
	figures := 0
	for _, pg := range mustLayout(t, d) {
		var xs []float64
		for _, r := range rules(pg, RoleTableRule) {
			if r.X1 == r.X2 {
				xs = append(xs, r.X1)
			}
		}
		if len(xs) == 0 {
			continue
		}
		slices.Sort(xs)
		xs = slices.Compact(xs)
		if len(xs) != len(header)+1 {
			t.Fatalf("%d column borders, want %d", len(xs), len(header)+1)
		}
		for _, x := range texts(pg, RoleTable) {
			if x.Style != face.Regular || strings.Trim(x.S, "0123456789.,+-±%") != "" || x.S == "-" || x.X < xs[2] {
				continue
			}
			figures++
			c := sort.SearchFloat64s(xs, x.X) - 1
			if right := xs[c+1] - cellPadX; math.Abs(x.X+x.Width-right) > eps {
				t.Errorf("%q ends at %.2f, want flush right at %.2f", x.S, x.X+x.Width, right)
			}
		}
		for _, x := range texts(pg, RoleTable) {
			if x.X < xs[1] && x.S != "STT" && math.Abs(x.X-(xs[0]+cellPadX)) > eps {
				t.Errorf("row number %q at %.2f, want flush left at %.2f", x.S, x.X, xs[0]+cellPadX)
			}
		}
	}
	if figures != 6*8*4/6 {
		t.Errorf("%d figures printed whole, want %d", figures, 6*8*4/6)
	}
}

// TestSplitRowKeepsNumber: each part of a row split over pages starts
// with the row's STT, level with its first line there; its figure is
// printed once, in the first part.
func TestSplitRowKeepsNumber(t *testing.T) {
	for _, paras := range []int{0, 5, 11} {
		d := sampleDoc(paras, 0)
		d.Body = append(d.Body, tallTable(30, 2, 150))
		parts, figures := 0, 0
		for pi, pg := range mustLayout(t, d) {
			var first, number *Text
			for _, x := range texts(pg, RoleTable) {
				switch {
				case strings.HasPrefix(x.S, "dòng") && first == nil:
					first = x
				case x.S == "3":
					number = x
				case x.S == "1.234":
					figures++
				}
			}
			if first == nil {
				continue
			}
			parts++
			if number == nil || math.Abs(number.Y-first.Y) > eps {
				t.Errorf("%d paragraphs, page %d: the tall row goes on from %q without its number beside it", paras, pi+1, first.S)
			}
		}
		if parts < 3 {
			t.Fatalf("%d paragraphs: the tall row takes %d pages, want several", paras, parts)
		}
		if figures != 30 {
			t.Errorf("%d paragraphs: %d figures printed, want one a row, 30", paras, figures)
		}
	}
}

// TestWideTables: a table whose longest words do not fit cuts only the
// longest — a URL — between characters, keeping short words and figures
// whole inside the margins; one that even so does not fit — sixty columns
// of figures — is refused, saying how many columns a table may have.
func TestWideTables(t *testing.T) {
	url := "https://csdl.moet.gov.vn/bao-cao/" + strings.Repeat("thong-ke-so-lieu-truong-hoc-", 8) + "2023.xlsx"
	d := sampleDoc(0, 0)
	d.Body = []document.Block{textTable([]string{"STT", "Đơn vị", "Nguồn số liệu", "Số học sinh"}, [][]string{
		{"1", "Trường Tiểu học Nguyễn Trãi", url, "1.234.567"},
		{"2", "Trường Tiểu học Lê Lợi", "Sở Giáo dục và Đào tạo", "98.765"},
	})}
	s := DefaultSettings()
	var all strings.Builder
	words := map[string]bool{}
	for _, pg := range mustLayout(t, d) {
		for _, x := range texts(pg, RoleTable) {
			if x.X < s.Margins.Left-eps || x.X+x.Width > A4Width-s.Margins.Right+eps {
				t.Errorf("%q from %.1f to %.1f mm crosses the margins", x.S, x.X, x.X+x.Width)
			}
			all.WriteString(x.S)
			for _, w := range strings.Fields(x.S) {
				words[w] = true
			}
		}
	}
	if !strings.Contains(all.String(), url) {
		t.Errorf("the URL is not printed in order, piece after piece")
	}
	for _, w := range []string{"Nguyễn", "Trãi", "Giáo", "1.234.567", "98.765"} {
		if !words[w] {
			t.Errorf("%q is not printed whole", w)
		}
	}

	var header []string
	row := []string{}
	for i := range 60 {
		header = append(header, fmt.Sprintf("Cột %d", i+1))
		row = append(row, "12.345")
	}
	d = annexDoc()
	d.Annexes[1].Body = []document.Block{textTable(header, [][]string{row})}
	_, err := Layout(d, face.Default(), s)
	if err == nil || !strings.Contains(err.Error(), "Phụ lục II có 60 cột") || !strings.Contains(err.Error(), " — hãy ") {
		t.Errorf("a table of 60 figure columns: %v, want it refused with advice", err)
	}
}

// TestEndMarkHangs: the end mark after a table's last figure stands right
// of it, and that figure still lines up on its last digit with the
// figures above it.
func TestEndMarkHangs(t *testing.T) {
	d := sampleDoc(0, 0)
	d.Body = []document.Block{textTable([]string{"Môn thi", "Tổng số giải"}, [][]string{
		{"Toán", "6"}, {"Vật lý", "14"}, {"Tổng", "35 ./."},
	})}
	ends := map[string]float64{}
	for _, x := range texts(mustLayout(t, d)[0], RoleTable) {
		ends[x.S] = x.X + x.Width
		if x.S == "35 ./." {
			ends["35"] = x.X + face.Default().Face(x.Style).Width("35", x.Size)
		}
	}
	for _, s := range []string{"6", "14"} {
		if math.Abs(ends[s]-ends["35"]) > eps {
			t.Errorf("%q ends at %.2f, the last figure at %.2f: not lined up", s, ends[s], ends["35"])
		}
	}
	if ends["35 ./."] <= ends["35"] {
		t.Errorf("the end mark is not after the last figure")
	}
}

// TestNarrowCellKeepsWords: a cell just wider than its longest line
// breaks where a word ends, though that leaves its first line half empty:
// "Trường / chuyên biệt", not "Trường chuyên / biệt".
func TestNarrowCellKeepsWords(t *testing.T) {
	e := &engine{fam: face.Default(), s: DefaultSettings(), level: -1}
	ws := e.words(plain("Trường chuyên biệt", false, false), 12)
	for _, d := range []float64{0, 1, 3} {
		w := natural(ws[:2]) + d
		ls := e.breakLines(ws, shape{first: w, rest: w, align: alignLeft}, 12)
		if len(ls) != 2 || len(ls[0].words) != 1 {
			t.Errorf("width %.1f mm: %d lines, the first of %d words; want Trường / chuyên biệt", w, len(ls), len(ls[0].words))
		}
	}
}
