package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// outputCases are the corpus cases of the output promise: files at the
// outputs' names that a render must not replace, and text the workbook
// cannot hold — or holds only in a wider column.
func outputCases() []corpusCase {
	render := []string{"render", "-o", "OUT", "FILE"}
	bad := func(name, field, value string) corpusCase {
		return corpusCase{name: name, gen: replaced(field, strings.Replace(field, fieldValue(field), value, 1)), code: exitInvalid}
	}
	return []corpusCase{
		// Files a render must not replace: it stops before writing anything.
		{name: "output-directory-at-workbook", gen: appended(""), args: render, code: exitInvalid,
			setup: older(mkdirAt("input-phu-luc.xlsx")), check: keptOlder},
		{name: "output-read-only-workbook", gen: appended(""), args: render, code: exitInvalid,
			setup: older(chmodAt("input-phu-luc.xlsx", 0o444)), check: keptOlder},
		{name: "output-read-only-and-directory", gen: appended(""), args: render, code: exitInvalid,
			setup: older(chmodAt("input-bao-cao.pdf", 0o444), mkdirAt("input-phu-luc.xlsx")), check: keptOlder},
		{name: "output-link-at-name", gen: appended(""), args: render, code: exitInvalid,
			setup: older(linkAt("input-bao-cao.pdf", "input-ban-tin.pdf")), check: keptOlder},
		{name: "output-long-file-name", gen: longName, args: render, code: exitInvalid, check: checkNoOutput},
		// Only the outputs asked for are looked at.
		{name: "output-read-only-not-asked-for", gen: appended(""), args: []string{"render", "--kind", "phu-luc", "-o", "OUT", "FILE"}, code: exitOK,
			setup: older(chmodAt("input-bao-cao.pdf", 0o444)), check: workbookReplaced},

		// Text no row of the workbook holds, even with its column as wide
		// as the page; text past a cell's 32.767 characters.
		{name: "output-annex-cell-too-long", gen: appended(annexes(annex("Danh sách", []string{"STT", "Nội dung"}, []string{"1", words(400)}))), code: exitInvalid},
		{name: "output-annex-cell-over-32767", gen: appended(annexes(annex("Danh sách", []string{"STT", "Nội dung"}, []string{"1", words(2200)}))), code: exitInvalid},
		{name: "output-column-name-too-long", gen: appended(annexes(annex("Danh sách", []string{"STT", words(400)}, []string{"1", "Phòng PC02"}))), code: exitInvalid},
		bad("output-indicator-name-too-long", "          name: Tội phạm về trật tự xã hội\n", words(400)),
		bad("output-group-title-too-long", "    - title: Tình hình tội phạm\n", words(400)),
		bad("output-unit-too-long", "          unit: đối tượng\n", words(400)),
		bad("output-award-too-long", "    - form: Bằng khen của Bộ trưởng Bộ Công an\n", words(400)),
		bad("output-delegate-name-too-long", "      name: Nguyễn Văn Thuận\n", words(300)),
		{name: "output-delegate-titles-too-many", gen: replaced("        - Phó Trưởng phòng Tham mưu Công an thành phố\n",
			strings.Repeat("        - Ủy viên Ban Chấp hành\n", 29)+"        - Phó Trưởng phòng Tham mưu Công an thành phố\n"), code: exitInvalid},
		{name: "output-annex-title-too-long", gen: appended(annexes(annex(words(400), []string{"STT", "Đơn vị"}, []string{"1", "Phòng PC02"}))), code: exitInvalid},
		bad("output-conference-name-too-long", "  name: Hội nghị tổng kết công tác Công an năm 2021, triển khai nhiệm vụ năm 2022\n", words(400)),
		bad("output-agency-name-too-long", "  name_in_text: Công an thành phố Cần Thơ   # tên cơ quan viết trong câu văn\n", words(400)),
		bad("output-period-too-long", "  current: Năm 2021\n", "Năm 2021 "+words(150)),

		// Parts past the workbook's limits; none when no workbook is made.
		{name: "output-groups-over-limit", gen: withGroups(256), code: exitInvalid},
		{name: "output-groups-over-limit-without-workbook", gen: withGroups(256), args: []string{"validate", "--kind", "bao-cao", "FILE"}, code: exitOK},
		{name: "output-annex-tables-over-limit", gen: appended(annexes(strings.Repeat(annex("Danh sách", []string{"STT", "Đơn vị"}, []string{"1", "Phòng PC02"}), 101))), code: exitInvalid},
		{name: "output-columns-over-limit", gen: appended(annexes(annex("Rộng", slices.Repeat([]string{"Cột"}, 257), slices.Repeat([]string{"1"}, 257)))), code: exitInvalid},

		// Text a sheet holds in a wider column, and sheet names Excel
		// refuses, written right.
		{name: "output-long-texts-widen", gen: longTexts, args: render, code: exitOK, check: checkLongTexts},
		{name: "output-sheet-names", gen: appended(sheetNameAnnexes), args: render, code: exitOK, check: checkSheetNames},
	}
}

// annexes is the annexes key with items: the example has none.
func annexes(items ...string) string { return "annexes:\n" + strings.Join(items, "") }

// words is n times a word and a space, trimmed: text that wraps, 15
// characters for each n.
func words(n int) string { return strings.TrimSpace(strings.Repeat("Công an phường ", n)) }

// fieldValue is the value in a line "key: value  # comment".
func fieldValue(line string) string {
	_, v, _ := strings.Cut(line, ": ")
	v, _, _ = strings.Cut(v, "  #")
	return strings.TrimSpace(v)
}

// annex is an item of annexes: a table with the named text columns and
// one row.
func annex(title string, columns, row []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  - title: %q\n    table:\n      columns:\n", title)
	for _, c := range columns {
		fmt.Fprintf(&b, "        - name: %q\n", c)
	}
	b.WriteString("      rows:\n        - [")
	for i, c := range row {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", c)
	}
	b.WriteString("]\n")
	return b.String()
}

// withGroups generates the example with n groups of statistics in all.
func withGroups(n int) func(*testing.T, string) string {
	var b strings.Builder
	for i := 3; i < n; i++ { // the example has three
		fmt.Fprintf(&b, "    - title: Nhóm %d\n      indicators:\n        - {id: nhom-%d, name: Chỉ tiêu %d, unit: vụ, previous: 1, current: 2}\n", i+1, i+1, i+1)
	}
	return replaced("\n# -----------------------------------------------------------------------------\n# KHEN THƯỞNG", "\n"+b.String()+"\n# -----------------------------------------------------------------------------\n# KHEN THƯỞNG")
}

// longName writes the example under a name whose outputs' hidden
// temporary files would pass the 255 bytes a file system allows a name.
func longName(t *testing.T, dir string) string {
	file := write(t, dir, baseExample(t, dir))
	long := filepath.Join(dir, strings.Repeat("báo-cáo-", 23)+"2021.yaml")
	if err := os.Rename(file, long); err != nil {
		t.Fatal(err)
	}
	return long
}

// inputOutputs are the files the example renders to as input.yaml.
var inputOutputs = []string{"input-ban-tin.pdf", "input-bao-cao.pdf", "input-bien-ban.pdf", "input-phu-luc.xlsx", "input-thong-bao.pdf"}

// older fills the output directory with an older version of every output,
// then changes it as edits say.
func older(edits ...func(t *testing.T, out string)) func(t *testing.T, out string) {
	return func(t *testing.T, out string) {
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, n := range inputOutputs {
			if err := os.WriteFile(filepath.Join(out, n), []byte("bản cũ của "+n), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for _, e := range edits {
			e(t, out)
		}
	}
}

// mkdirAt puts a directory, with a file in it, in place of output name.
func mkdirAt(name string) func(t *testing.T, out string) {
	return func(t *testing.T, out string) {
		p := filepath.Join(out, name)
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(p, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(p, "ghi-chu.txt"), []byte("của đồng nghiệp"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// chmodAt marks output name with mode.
func chmodAt(name string, mode os.FileMode) func(t *testing.T, out string) {
	return func(t *testing.T, out string) {
		if err := os.Chmod(filepath.Join(out, name), mode); err != nil {
			t.Fatal(err)
		}
	}
}

// linkAt puts a symbolic link to target in place of output name.
func linkAt(name, target string) func(t *testing.T, out string) {
	return func(t *testing.T, out string) {
		p := filepath.Join(out, name)
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
}

// keptOlder checks that the output directory is as older and its edits
// left it: every file's bytes, mode, directory and link, and nothing else,
// hidden or not.
func keptOlder(t *testing.T, _, out string) {
	got := dirNames(t, out)
	if !slices.Equal(got, inputOutputs) {
		t.Errorf("output directory holds %q, want only %q", got, inputOutputs)
	}
	for _, n := range inputOutputs {
		p := filepath.Join(out, n)
		info, err := os.Lstat(p)
		switch {
		case err != nil:
			t.Error(err)
		case info.IsDir():
			if names := dirNames(t, p); !slices.Equal(names, []string{"ghi-chu.txt"}) {
				t.Errorf("directory %s holds %q", n, names)
			}
		case info.Mode()&os.ModeSymlink != 0:
			if target, err := os.Readlink(p); err != nil || target != "input-ban-tin.pdf" {
				t.Errorf("link %s points to %q, %v", n, target, err)
			}
		default:
			if data, err := os.ReadFile(p); err != nil || string(data) != "bản cũ của "+n {
				t.Errorf("%s holds %.30q, %v", n, data, err)
			}
		}
	}
}

// workbookReplaced checks that only the workbook was written, and the
// read-only PDF left as it was.
func workbookReplaced(t *testing.T, _, out string) {
	for _, n := range inputOutputs {
		data, err := os.ReadFile(filepath.Join(out, n))
		if err != nil {
			t.Fatal(err)
		}
		if old := string(data) == "bản cũ của "+n; old == (n == "input-phu-luc.xlsx") {
			t.Errorf("%s: older version kept = %v", n, old)
		}
	}
}

// checkNoOutput checks that a failed render left the output directory
// empty, if it made it.
func checkNoOutput(t *testing.T, _, out string) {
	if _, err := os.Stat(out); err == nil {
		if names := dirNames(t, out); len(names) > 0 {
			t.Errorf("output directory holds %q", names)
		}
	}
}

// longTexts generates the example with texts a column holds only widened:
// a unit, a delegate's name, the name of a number column.
func longTexts(t *testing.T, dir string) string {
	src := baseExample(t, dir)
	for old, new := range map[string]string{
		"          unit: đối tượng\n":     "          unit: " + words(30) + "\n",
		"      name: Trần Thị Ngọc Hân\n": "      name: " + words(60) + "\n",
	} {
		if !strings.Contains(src, old) {
			t.Fatalf("the example has no %q", old)
		}
		src = strings.Replace(src, old, new, 1)
	}
	src += annexes(strings.Replace(annex("Kinh phí", []string{"Đơn vị", words(40)}, []string{"Phòng PC02", "15.5"}),
		`- name: "`+words(40)+`"`, `- {name: "`+words(40)+`", type: number}`, 1))
	return write(t, dir, src)
}

// workbook opens the workbook a render wrote into out.
func workbook(t *testing.T, out string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(filepath.Join(out, "input-phu-luc.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// checkLongTexts checks that the workbook holds each long text whole and
// that no row is taller than Excel allows.
func checkLongTexts(t *testing.T, _, out string) {
	f := workbook(t, out)
	want := map[string]bool{words(30): false, words(60): false, words(40): false}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, cells := range rows {
			for _, c := range cells {
				if _, ok := want[c]; ok {
					want[c] = true
				}
			}
			if h, err := f.GetRowHeight(sheet, i+1); err != nil || h > 409 {
				t.Errorf("%s: row %d is %v points high, %v", sheet, i+1, h, err)
			}
		}
	}
	for text, found := range want {
		if !found {
			t.Errorf("no cell holds %.30q… whole", text)
		}
	}
}

// sheetNameAnnexes are annexes titled as Excel does not name a sheet:
// forbidden characters, too long, twice, reserved, nothing left.
var sheetNameAnnexes = annexes(
	annex("Đơn vị [cấp xã]: khen/thưởng*?", []string{"STT"}, []string{"1"}),
	annex("Danh sách các đơn vị được khen thưởng trong năm 2021", []string{"STT"}, []string{"1"}),
	annex("Kinh phí", []string{"STT"}, []string{"1"}),
	annex("KINH PHÍ", []string{"STT"}, []string{"1"}),
	annex("History", []string{"STT"}, []string{"1"}),
	annex("*?*", []string{"STT"}, []string{"1"}),
	annex("'Trích' yếu'", []string{"STT"}, []string{"1"}))

// checkSheetNames checks the sheets the annexes of sheetNameAnnexes got.
func checkSheetNames(t *testing.T, _, out string) {
	want := []string{"Chỉ tiêu", "Biểu đồ", "Khen thưởng", "Đại biểu",
		"Đơn vị (cấp xã)- khen-thưởng", "Danh sách các đơn vị được…", "Kinh phí", "KINH PHÍ (2)", "History (2)", "Phụ lục VI", "’Trích’ yếu’"}
	if got := workbook(t, out).GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
}
