package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"baocao/render"
	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/layout"
	"baocao/render/load"
	"baocao/render/xlsx"
	"baocao/render/xlsx/xlsxtest"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/bad from the command's output")

// corpus is the directory of bad inputs, from the module's root.
const corpus = "testdata/bad"

// corpusCase is one bad input and what the command must answer.
type corpusCase struct {
	name string
	// input names the corpus file when it is not <name>.yaml: one input
	// run in two ways.
	input string
	// gen writes the input into dir and returns its path, for inputs too
	// large to commit; nil means corpus/<input>.yaml.
	gen func(t *testing.T, dir string) string
	// templates is a directory given with --templates, whose templates
	// are the bad input: the file is then the example.
	templates string
	// args is the command line, FILE standing for the input and OUT for
	// an output directory; nil means "validate FILE", with --templates
	// when templates is set.
	args []string
	code int
	// check, if set, checks more than the status and stderr.
	check func(t *testing.T, file, out string)
	// setup, if set, prepares the output directory out before the run.
	setup func(t *testing.T, out string)
}

// corpusCases lists the cases: every input in the corpus — validated,
// expected to fail, unless an entry below says otherwise — and the inputs
// generated here. Interrupts and a disk that fills are tested on the built
// command and on render.WriteAll (TestInterruptMidRender,
// render.TestWriteAllFailures): run in-process, they cannot be caused.
func corpusCases(t *testing.T) []corpusCase {
	special := map[string]corpusCase{
		"bom":              {code: exitOK},
		"nfd":              {code: exitOK, check: checkNFC},
		"long-word-cell":   {args: []string{"render", "-o", "OUT", "FILE"}, code: exitOK, check: checkNoOverflow},
		"figure-notations": {args: []string{"render", "-o", "OUT", "FILE"}, code: exitOK, check: checkNotations},
	}
	files, err := filepath.Glob(filepath.Join(corpus, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []corpusCase
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		c, ok := special[name]
		if !ok {
			c.code = exitInvalid
		}
		c.name = name
		cases = append(cases, c)
	}
	// A directory of templates/ is a case of bad templates, named by it.
	dirs, err := filepath.Glob(filepath.Join(corpus, "templates", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		cases = append(cases, corpusCase{name: filepath.Base(d), templates: d, code: exitInvalid,
			gen: func(*testing.T, string) string { return "examples/cantho-2021.yaml" }})
	}
	fix := []string{"validate", "--fix-legacy", "FILE"}
	return append(append(cases,
		corpusCase{name: "tcvn3-pasted-fixed", input: "tcvn3-pasted", args: fix, code: exitOK},
		corpusCase{name: "vni-pasted-fixed", input: "vni-pasted", args: fix, code: exitOK},
		corpusCase{name: "windows-1258-fixed", input: "windows-1258", args: fix, code: exitOK},
		corpusCase{name: "delegates-10000", gen: withDelegates(10000), args: []string{"render", "-o", "OUT", "FILE"}, code: exitOK, check: checkRendered},
		corpusCase{name: "file-20mb", gen: padded(20 << 20), code: exitInvalid},
		corpusCase{name: "nesting-10000", gen: appended("x: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n"), code: exitInvalid},
		corpusCase{name: "list-over-limit", gen: replaced("    - \"Lưu: VT, PV01\"\n", strings.Repeat("    - Công an các quận, huyện\n", 100_000)+"    - \"Lưu: VT, PV01\"\n"), code: exitInvalid},
		corpusCase{name: "value-over-limit", gen: replaced("  body: |\n", "  body: |\n"+strings.Repeat("    Công an thành phố hoàn thành xuất sắc nhiệm vụ.\n\n", 20_000)), code: exitInvalid},
		corpusCase{name: "rows-over-limit", gen: appended(annexRows(2, 60_000)), code: exitInvalid},
		corpusCase{name: "image-100mb", gen: withImage(100 << 20), code: exitInvalid},
		corpusCase{name: "output-under-a-file", gen: appended(""), args: []string{"render", "-o", "OUT/tep/con", "FILE"}, code: exitInvalid, check: checkNothingWritten},
	), append(outputCases(), assetCases()...)...)
}

// TestCorpus runs every bad input through the command and compares its
// stderr with the golden file corpus/<name>.golden; -update rewrites them.
func TestCorpus(t *testing.T) {
	t.Chdir("../..") // so that messages name testdata/bad/… as a user at the root would see
	cases := corpusCases(t)
	if len(cases) < 40 {
		t.Errorf("the corpus has %d cases, want at least 40", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			input := c.input
			if input == "" {
				input = c.name
			}
			file := filepath.Join(corpus, input+".yaml")
			if c.gen != nil {
				file = c.gen(t, dir)
			}
			out := filepath.Join(dir, "out")
			if c.setup != nil {
				c.setup(t, out)
			}
			var flags []string // those validate and render share
			if c.templates != "" {
				flags = []string{"--templates", c.templates}
			}
			args := c.args
			if args == nil {
				args = append(append([]string{"validate"}, flags...), "FILE")
			}
			args = slices.Clone(args)
			for i, a := range args {
				a = strings.ReplaceAll(a, "FILE", file)
				if strings.HasPrefix(a, "OUT/tep") { // a path under a regular file
					if err := os.MkdirAll(out, 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(filepath.Join(out, "tep"), nil, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				args[i] = strings.ReplaceAll(strings.ReplaceAll(a, "OUT", out), "DIR", dir)
			}
			code, _, stderr := runCmd(args...)
			if code != c.code {
				t.Errorf("%q exited %d, want %d\nstderr: %.3000s", args, code, c.code, stderr)
			}
			got := []byte(strings.ReplaceAll(stderr, dir, "$TMP"))
			golden := filepath.Join(corpus, c.name+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v — run go test ./cmd/baocao -run Corpus -update, then read the golden file", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("stderr differs from %s\ngot:\n%s\nwant:\n%s", golden, got, want)
			}
			if c.check != nil {
				c.check(t, file, out)
			}
			if c.code == exitInvalid && c.args == nil {
				checkMessages(t, c.name, file, got)
				checkRenderAgrees(t, file, dir, flags, got)
			}
		})
	}
}

// wholeFile names the cases whose problem concerns the whole file, so
// that their message names the file without a line.
var wholeFile = map[string]bool{"file-20mb": true, "asset-fifo-yaml": true}

// message is one line of an error: the file, its line and column unless
// the problem concerns the whole file, and what is wrong.
var message = regexp.MustCompile(`^(\S.*?)(:\d+:\d+)?: (.+)$`)

// checkMessages checks that every message of a failed input names where
// it is, says in Vietnamese what to do, and that the summary closes them.
func checkMessages(t *testing.T, name, file string, stderr []byte) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(string(stderr), "\n"), "\n")
	if len(lines) < 2 {
		t.Fatalf("stderr %q: want at least one message and the summary", stderr)
	}
	for _, l := range lines[:len(lines)-1] {
		m := message.FindStringSubmatch(l)
		switch {
		case m == nil:
			t.Errorf("message %q is not file:line:col: text", l)
			continue
		case m[2] == "" && !wholeFile[name]:
			t.Errorf("message %q has no line and column", l)
		}
		if !strings.Contains(m[3], " — ") || !vietnamese.MatchString(m[3]) {
			t.Errorf("message %q does not say in Vietnamese what to do (… — …)", l)
		}
	}
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "baocao: ") || !strings.HasSuffix(last, "chưa ghi tệp nào") {
		t.Errorf("last line %q is not the summary", last)
	}
}

// vietnamese matches a letter only Vietnamese writes.
var vietnamese = regexp.MustCompile(`[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]`)

// checkRenderAgrees renders with flags an input that failed validation
// with them: the render must fail with the same messages and write
// nothing.
func checkRenderAgrees(t *testing.T, file, dir string, flags []string, validated []byte) {
	t.Helper()
	out := filepath.Join(dir, "render")
	code, stdout, stderr := runCmd(append(append([]string{"render", "-o", out}, flags...), file)...)
	if code != exitInvalid {
		t.Errorf("render exited %d, want %d", code, exitInvalid)
	}
	if got := strings.ReplaceAll(stderr, dir, "$TMP"); got != string(validated) {
		t.Errorf("render and validate disagree\nrender:\n%s\nvalidate:\n%s", got, validated)
	}
	if stdout != "" {
		t.Errorf("render printed %q", stdout)
	}
	if names := dirNames(t, out); len(names) > 0 {
		t.Errorf("render wrote %q", names)
	}
}

// baseExample is the source of the generated inputs: the Cần Thơ example,
// copied into dir with its images beside it — copied, since a YAML file may
// read only inside its folder.
func baseExample(t *testing.T, dir string) string {
	t.Helper()
	src, err := os.ReadFile("examples/cantho-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "images"), os.DirFS("examples/images")); err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// write writes src as dir/input.yaml and returns its path.
func write(t *testing.T, dir, src string) string {
	t.Helper()
	file := filepath.Join(dir, "input.yaml")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// appended generates the example followed by more.
func appended(more string) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string { return write(t, dir, baseExample(t, dir)+more) }
}

// replaced generates the example with its first old replaced by new.
func replaced(old, new string) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		src := baseExample(t, dir)
		if !strings.Contains(src, old) {
			t.Fatalf("the example has no %q", old)
		}
		return write(t, dir, strings.Replace(src, old, new, 1))
	}
}

// padded generates the example grown to size bytes by comment lines.
func padded(size int) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		src := baseExample(t, dir)
		line := "# " + strings.Repeat("ghi chú ", 9) + "\n"
		return write(t, dir, src+strings.Repeat(line, (size-len(src))/len(line)+1))
	}
}

// withDelegates generates the example with n more delegates.
func withDelegates(n int) func(*testing.T, string) string {
	var b strings.Builder
	for i := range n {
		n := strconv.Itoa(i + 1)
		b.WriteString("    - id: dai-bieu-" + n + "\n      name: Nguyễn Văn Đại Biểu " + n + "\n      titles: [Cán bộ Phòng Tham mưu]\n")
	}
	return replaced("  delegates:\n", "  delegates:\n"+b.String())
}

// annexRows returns annexes: n annexes of rows rows each.
func annexRows(n, rows int) string {
	var b strings.Builder
	b.WriteString("annexes:\n")
	for range n {
		b.WriteString("  - title: Danh sách đơn vị\n    table:\n      columns: [{name: STT}, {name: Đơn vị}]\n      rows:\n")
		b.WriteString(strings.Repeat("        - [\"1\", Phòng Tham mưu]\n", rows))
	}
	return b.String()
}

// withImage generates the example signed with a seal image of size bytes:
// a sparse file, which takes no disk space.
func withImage(size int64) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		f, err := os.Create(filepath.Join(dir, "con-dau.png"))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		f.Close()
		src := baseExample(t, dir)
		const signer = "  signer:\n    title: GIÁM ĐỐC\n"
		if !strings.Contains(src, signer) {
			t.Fatalf("the example has no %q", signer)
		}
		return write(t, dir, strings.Replace(src, signer, signer+"    seal_image: con-dau.png\n", 1))
	}
}

// checkNFC checks that text written decomposed (NFD) is loaded composed.
func checkNFC(t *testing.T, file, _ string) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if norm.NFC.IsNormal(data) {
		t.Fatal("the input is already NFC: the case tests nothing")
	}
	r, err := load.File(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{r.Agency.Name, r.Conference.Name, r.Conference.Delegates[1].Name, r.BaoCao.Body} {
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("%q is not NFC", s)
		}
	}
	if want := "Hội nghị tổng kết công tác Công an năm 2021"; r.Conference.Name != want {
		t.Errorf("conference name %q, want %q", r.Conference.Name, want)
	}
}

// checkNoOverflow lays out the báo cáo and checks that no text crosses the
// page's side margins and that the 300-letter word is printed whole,
// broken over lines.
func checkNoOverflow(t *testing.T, file, _ string) {
	r, err := load.File(file)
	if err != nil {
		t.Fatal(err)
	}
	k, ok := document.KindBySlug(document.Kinds(), "bao-cao")
	if !ok {
		t.Fatal("no bao-cao kind")
	}
	doc, err := document.Build(r, k)
	if err != nil {
		t.Fatal(err)
	}
	s := render.Settings(r)
	pages, err := layout.Layout(doc, face.Default(), s)
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for i, pg := range pages {
		for _, it := range pg.Items {
			tx, ok := it.(*layout.Text)
			if !ok {
				continue
			}
			all.WriteString(tx.S)
			if tx.X < s.Margins.Left-0.01 || tx.X+tx.Width > pg.Width-s.Margins.Right+0.01 {
				t.Errorf("page %d: %q from %.1f to %.1f mm crosses the margins of a page %.1f mm wide", i+1, tx.S, tx.X, tx.X+tx.Width, pg.Width)
			}
		}
	}
	if word := strings.Repeat("Côngan", 50); !strings.Contains(strings.NewReplacer(" ", "", "-", "").Replace(all.String()), word) {
		t.Error("the 300-letter word is not printed whole")
	}
}

// checkRendered checks that a render wrote every output.
func checkRendered(t *testing.T, _, out string) {
	got := dirNames(t, out)
	for _, want := range []string{"input-bao-cao.pdf", "input-bien-ban.pdf", "input-phu-luc.xlsx"} {
		if !slices.Contains(got, want) {
			t.Errorf("%s not written: %q", want, got)
		}
	}
}

// checkNothingWritten checks that a failed render wrote nothing.
func checkNothingWritten(t *testing.T, _, out string) {
	if got := dirNames(t, out); !slices.Equal(got, []string{"tep"}) {
		t.Errorf("output directory holds %q", got)
	}
}

// checkNotations checks that figures written in each notation the loader
// accepts are printed as the clerk meant them, with the decimals written:
// in the PDF, as pdftotext reads it back, and in the workbook, as
// LibreOffice computes it.
func checkNotations(t *testing.T, _, out string) {
	pdf := strings.Join(strings.Fields(pdfText(t, filepath.Join(out, "figure-notations-bao-cao.pdf"))), " ")
	for _, want := range []string{
		"Số: 10/BC-CAT", // 010 is ten, not octal eight
		"Kinh phí bảo đảm tăng 46,75 triệu đồng, tương ứng 1,2% so với năm 2020",
		"hệ số hoàn thành tăng 0,235 lần, tương ứng 24,4% so với năm 2020",
		"số vụ phá án tăng 4,9 vụ, tương ứng 12,3% so với năm 2020",
		"tăng 1.233.333.323 lượt, tương ứng 99.900,1% so với năm 2020",
		"1.234 tập thể, 1.234.567 cá nhân",
		"3.965,50 4.012,25 +46,75 +1,2", // its unit, triệu đồng, may wrap around them
		"Hệ số hoàn thành lần 0,965 1,200 +0,235 +24,4",
		"Số vụ phá án vụ 40,0 44,9 +4,9 +12,3",
		"Phòng Tham mưu 1.234.567,5 0,0125",
		"Phòng Cảnh sát hình sự 87,6 12,5000",
		"Phòng An ninh mạng 3.965,0 87,6500",
		"TỔNG CỘNG 1.238.620,1",
	} {
		if !strings.Contains(pdf, want) {
			t.Errorf("the PDF does not print %q:\n%s", want, pdf)
		}
	}
	sheets := xlsxtest.Sheets(t, filepath.Join(out, "figure-notations-phu-luc.xlsx"), true)
	for _, want := range []struct {
		sheet string
		row   []string // a label, then the cells after it
	}{
		{xlsx.IndicatorSheet, []string{"Kinh phí bảo đảm", "triệu đồng", "3965.5", "4012.25", "46.75", "1.2"}},
		{xlsx.IndicatorSheet, []string{"Hệ số hoàn thành", "lần", "0.965", "1.2", "0.235", "24.4"}},
		{xlsx.IndicatorSheet, []string{"Số vụ phá án", "vụ", "40", "44.9", "4.9", "12.3"}},
		{xlsx.IndicatorSheet, []string{"Lượt phương tiện được kiểm tra", "lượt", "1234567", "1234567890", "1233333323", "99900.1"}},
		{xlsx.CommendationSheet, []string{"Giấy khen của Giám đốc", "1234", "1234567"}},
		{"Kinh phí các đơn vị", []string{"Phòng Tham mưu", "1234567.5", "0.0125"}},
		{"Kinh phí các đơn vị", []string{"Phòng Cảnh sát hình sự", "87.6", "12.5"}},
		{"Kinh phí các đơn vị", []string{"Phòng An ninh mạng", "3965", "87.65"}},
		{"Kinh phí các đơn vị", []string{"TỔNG CỘNG", "", "1238620.1", ""}},
	} {
		found := false
		for _, row := range sheets[want.sheet] {
			if i := slices.Index(row, want.row[0]); i >= 0 && len(row) >= i+len(want.row) {
				found = found || slices.Equal(row[i:i+len(want.row)], want.row)
			}
		}
		if !found {
			t.Errorf("sheet %q has no row %q:\n%q", want.sheet, want.row, sheets[want.sheet])
		}
	}
}
