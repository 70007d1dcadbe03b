package render_test

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"baocao/render"
	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/layout"
	"baocao/render/load"
	"baocao/render/phrase"
)

// block is a short block of a page: its lines, each a list of words.
type block struct {
	role  layout.Role
	lines [][]string
	// cell is set for a table cell, with its width inside the padding and
	// the style and size of its text.
	cell  bool
	width float64
	style face.Style
	size  float64
}

// blocks returns the short blocks of a page — the frame's names and
// titles, the annex headings, the headings, the Nơi nhận items, the table
// cells — each with its lines in order, as read.
func blocks(pg *layout.Page) []*block {
	// A table's cells are the boxes between its rules.
	var xs, ys []float64
	for _, it := range pg.Items {
		if r, ok := it.(*layout.Rule); ok && r.Role == layout.RoleTableRule {
			if r.X1 == r.X2 {
				xs = append(xs, r.X1)
			} else {
				ys = append(ys, r.Y1)
			}
		}
	}
	slices.Sort(xs)
	slices.Sort(ys)
	xs, ys = slices.Compact(xs), slices.Compact(ys)
	byKey := map[string]*block{}
	var out []*block
	lastY := map[string]float64{}
	item, heading := "", 0
	var prev *layout.Text
	prevKey := ""
	for _, it := range pg.Items {
		t, ok := it.(*layout.Text)
		if !ok {
			continue
		}
		// The texts of one line follow one another on its baseline.
		same := prev != nil && t.Y == prev.Y && t.Role == prev.Role && t.X >= prev.X+prev.Width-0.01 && t.X <= prev.X+prev.Width+8
		prev = t
		k := string(t.Role)
		var cell bool
		var width float64
		switch t.Role {
		case layout.RoleParent, layout.RoleAgency, layout.RoleKind, layout.RoleTitle,
			layout.RoleAnnexLabel, layout.RoleAnnexTitle, layout.RoleAnnexRef:
		case layout.RoleHeading:
			// A heading is lines a line apart; the next one is further.
			if !same && t.Y-lastY[k+string(rune('0'+heading))] > 7 {
				heading++
			}
			k += string(rune('0' + heading))
		case layout.RoleRecipient:
			if !same && strings.HasPrefix(t.S, "- ") {
				item = t.S
			}
			k += item
		case layout.RoleTable:
			c, _ := slices.BinarySearch(xs, t.X)
			r, _ := slices.BinarySearch(ys, t.Y)
			k += string(rune('A'+c)) + string(rune('0'+r))
			cell, width = true, xs[c]-xs[c-1]-2*1.5
		default:
			continue
		}
		b := byKey[k]
		if b == nil {
			b = &block{role: t.Role, cell: cell, width: width, style: t.Style, size: t.Size}
			byKey[k] = b
			out = append(out, b)
		}
		if same && k == prevKey {
			b.lines[len(b.lines)-1] = append(b.lines[len(b.lines)-1], strings.Fields(t.S)...)
		} else {
			b.lines = append(b.lines, strings.Fields(t.S))
		}
		lastY[k], prevKey = t.Y, k
	}
	return out
}

// listed are words of several syllables that the examples set in short
// blocks, and that a line must not split.
var listed = []string{
	"công tác", "phương hướng", "nhiệm vụ", "năm học", "thành phố", "ủy ban", "nhân dân", "giáo dục",
	"đào tạo", "công an", "tổng kết", "triển khai", "hội nghị", "giao thông", "xử lý", "phát hiện",
	"tài sản", "dịch bệnh", "công nghệ", "nhân viên", "phổ thông", "học sinh", "trung học", "quốc gia",
	"bằng khen", "bộ trưởng", "cán bộ", "thị xã", "bà rịa", "vũng tàu", "cần thơ", "vĩnh long",
	"kết quả", "tập thể", "đề nghị", "giám đốc", "chính phủ", "báo cáo", "trật tự", "an toàn",
	"khuyến khích", "địa phương", "ban hành", "giải pháp",
}

// splits tells a line that ends inside a date, a year and its word ("năm
// học / 2023 - 2024", not "trường học / hạnh phúc"), or a unit and its
// name.
var splits = regexp.MustCompile(`(?i)(^|\s)(ngày|tháng|năm|năm học|số|tỉnh|phố|huyện)$|\d -$`)

// bad reports whether a line break between the words of end and of next
// is one to avoid, and what it splits: a word of the list, a name, a
// place, a date, a figure, or a line opening on a dash.
func bad(end, next []string) string {
	pair := strings.ToLower(end[len(end)-1] + " " + next[0])
	if slices.Contains(listed, strings.Trim(pair, ",;:.()")) {
		return "a word of the list"
	}
	if splits.MatchString(strings.Join(end, " ")) || strings.HasPrefix(next[0], "-") || strings.HasPrefix(next[0], "–") {
		return "a date, a figure or a place"
	}
	ws := append(slices.Clone(end), next...)
	var tx phrase.Text
	tx.Reset(len(ws), func(i int) string { return ws[i] }, true)
	if b := tx.Break(len(end) - 1); b >= phrase.Count {
		return "a " + b.String()
	}
	return ""
}

// avoidable reports whether the words of a cell's lines could be set in
// as many lines of width, each no wider, with no bad break: every way of
// breaking them is tried.
func avoidable(lines [][]string, width float64, f *face.Face, size float64) bool {
	var ws []string
	for _, l := range lines {
		ws = append(ws, l...)
	}
	fits := func(from, to int) bool { return f.Width(strings.Join(ws[from:to], " "), size) <= width+1e-6 }
	tried := map[[2]int]bool{} // a start and a number of lines already tried
	var try func(from, left int) bool
	try = func(from, left int) bool {
		if left == 1 {
			return fits(from, len(ws))
		}
		if tried[[2]int{from, left}] {
			return false
		}
		tried[[2]int{from, left}] = true
		for to := from + 1; to < len(ws) && fits(from, to); to++ {
			if bad(ws[from:to], ws[to:min(to+3, len(ws))]) == "" && try(to, left-1) {
				return true
			}
		}
		return false
	}
	return try(0, len(lines))
}

// TestBreaksInExamples: in the three examples, every document, no line of
// a short block — agency names, tên loại, trích yếu, annex headings,
// headings, Nơi nhận items, table cells — ends inside a word of the list,
// a name, a place or a date, between a number and its word, or before a
// dash, unless, in a table cell as narrow as its column makes it, every
// way of setting its words in as many lines would.
func TestBreaksInExamples(t *testing.T) {
	fam := face.Default()
	for _, name := range []string{"cantho-2021", "vinhlong-gddt-2023", "dai-hoc-300"} {
		r, err := load.File(filepath.Join("..", "examples", name+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range document.Kinds() {
			if k.Data(r) == nil {
				continue
			}
			d, err := document.Build(r, k)
			if err != nil {
				t.Fatal(err)
			}
			pages, err := layout.Layout(d, fam, render.Settings(r))
			if err != nil {
				t.Fatal(err)
			}
			for pi, pg := range pages {
				for _, b := range blocks(pg) {
					for i := range len(b.lines) - 1 {
						what := bad(b.lines[i], b.lines[i+1])
						if what == "" || b.cell && !avoidable(b.lines, b.width, fam.Face(b.style), b.size) {
							continue
						}
						t.Errorf("%s %s page %d, %s: %q / %q splits %s", name, k.Slug, pi+1, b.role,
							strings.Join(b.lines[i], " "), strings.Join(b.lines[i+1], " "), what)
					}
				}
			}
		}
	}
}
