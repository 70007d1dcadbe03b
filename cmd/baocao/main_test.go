package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

const example = "../../examples/cantho-2021.yaml"

// runCmd runs the command line in-process and returns its status and output.
func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    int
		wantOut string // substring of stdout
		wantErr string // substring of stderr
	}{
		{"serve help", []string{"serve", "-h"}, exitOK, "", "POST /api/v1/render"},
		{"serve on the network without a token", []string{"serve", "--addr", "0.0.0.0:0", "."}, exitUsage, "", "hãy đặt mã truy cập bằng --token"},
		{"serve with a short token", []string{"serve", "--addr", "127.0.0.1:0", "--token", "ngan"}, exitUsage, "", "mã truy cập quá ngắn"},
		{"serve two folders", []string{"serve", ".", ".."}, exitUsage, "", "Cách dùng: baocao serve"},
		{"serve a missing folder", []string{"serve", "--no-browser", "khong-co"}, exitInvalid, "", "không mở được thư mục khong-co"},
		{"unknown command", []string{"vẽ"}, exitUsage, "", "baocao: không có lệnh \"vẽ\" — hãy dùng một trong các lệnh dưới đây\n\n"},
		{"render without files", []string{"render"}, exitUsage, "", "baocao render"},
		{"render with -o only", []string{"render", "-o", t.TempDir()}, exitUsage, "", ""},
		{"validate without files", []string{"validate"}, exitUsage, "", ""},
		{"render help", []string{"render", "-h"}, exitOK, "", "-o"},
		{"validate help", []string{"validate", "-h"}, exitOK, "", ""},
		{"help", []string{"help"}, exitOK, "baocao render", ""},
		{"unknown flag", []string{"render", "-x", example}, exitUsage, "", "-x"},
		{"version", []string{"version"}, exitOK, "baocao ", ""},
		{"validate the example", []string{"validate", example}, exitOK, "hợp lệ", ""},
		{"missing file", []string{"validate", "khong-co.yaml"}, exitInvalid, "", "khong-co.yaml"},
		{"font directory", []string{"validate", example, "--font", "../../fonts"}, exitOK, "hợp lệ", ""},
		{"missing font directory", []string{"validate", "--font", "khong-co", example}, exitInvalid, "", "--font: thư mục phông chữ khong-co: không tìm thấy thư mục — hãy kiểm tra tên thư mục"},
		{"font directory without fonts", []string{"render", "--font", ".", "-o", t.TempDir(), example}, exitInvalid, "", "không có đủ 4 tệp TrueType"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(tt.args...)
			if code != tt.want {
				t.Errorf("run(%q) = %d, want %d\nstderr: %s", tt.args, code, tt.want, errOut)
			}
			if !strings.Contains(out, tt.wantOut) {
				t.Errorf("stdout %q does not contain %q", out, tt.wantOut)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr %q does not contain %q", errOut, tt.wantErr)
			}
		})
	}
}

// renderExample renders the example into a new directory, with the flag
// after the file as users type it, and returns the directory.
func renderExample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	code, out, errOut := runCmd("render", example, "-o", dir)
	if code != exitOK {
		t.Fatalf("render exited %d\nstderr: %s", code, errOut)
	}
	for _, name := range exampleOutputs {
		if !strings.Contains(out, filepath.Join(dir, name)) {
			t.Errorf("stdout %q does not name %s", out, name)
		}
	}
	return dir
}

// exampleOutputs are the files the example gives, sorted: a PDF for each
// of the four kinds and the workbook.
var exampleOutputs = []string{
	"cantho-2021-ban-tin.pdf", "cantho-2021-bao-cao.pdf", "cantho-2021-bien-ban.pdf",
	"cantho-2021-phu-luc.xlsx", "cantho-2021-thong-bao.pdf",
}

func TestRenderExample(t *testing.T) {
	dir := renderExample(t)
	for _, name := range exampleOutputs {
		magic := "%PDF-"
		if strings.HasSuffix(name, ".xlsx") {
			magic = "PK"
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("output missing: %v", err)
			continue
		}
		if !bytes.HasPrefix(data, []byte(magic)) {
			t.Errorf("%s starts with %q, want %q", name, data[:min(len(data), 8)], magic)
		}
	}
	if got, want := dirNames(t, dir), exampleOutputs; !slices.Equal(got, want) {
		t.Errorf("output directory holds %q, want exactly %q (no temporary files)", got, want)
	}
}

// dirNames lists dir, sorted.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// minimal is a small valid input; the invalid inputs are edits of it.
const minimal = `agency:
  parent: BỘ CÔNG AN
  name: CÔNG AN THÀNH PHỐ CẦN THƠ
  place: Cần Thơ
conference:
  name: Hội nghị tổng kết công tác Công an năm 2021
  date: 2022-01-14
  place: Hội trường Công an thành phố
  chair: thuan
  delegates:
    - id: thuan
      name: Nguyễn Văn Thuận
statistics:
  previous: Năm 2020
  current: Năm 2021
  groups:
    - title: Tình hình tội phạm
      indicators:
        - id: toi-pham
          name: Tội phạm về trật tự xã hội
          unit: vụ
          previous: 385
          current: 261
commendations:
  awards:
    - form: Giấy khen của Giám đốc
      collectives: 3
      individuals: 5
bao_cao:
  number: 5
  code: BC-CAT
  date: 05/03/2020
  title: Tổng kết công tác năm 2021
  signer:
    title: GIÁM ĐỐC
    name: Nguyễn Văn Thuận
  recipients:
    - Như trên
    - "Lưu: VT"
  body: |
    Mở đầu.

    Tội phạm về trật tự xã hội {{ change "toi-pham" }}.
`

// problem locates one expected error: the line holding line, at the
// character where col starts.
type problem struct{ line, col string }

// posOf returns "line:col" of p in src, 1-based, columns in characters.
func posOf(t *testing.T, src string, p problem) string {
	t.Helper()
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, p.line) {
			at := strings.Index(l, p.col)
			if at < 0 {
				t.Fatalf("%q not in line %q", p.col, l)
			}
			return fmt.Sprintf("%d:%d", i+1, utf8.RuneCountInString(l[:at])+1)
		}
	}
	t.Fatalf("no line holds %q", p.line)
	return ""
}

func TestInvalidInput(t *testing.T) {
	tests := []struct {
		name     string
		replace  []string // old, new pairs applied to minimal
		problems []problem
	}{
		{"unknown key and negative count",
			[]string{"  place: Cần Thơ\n", "  place: Cần Thơ\n  colour: đỏ\n", "collectives: 3", "collectives: -3"},
			[]problem{{"colour: đỏ", "colour"}, {"collectives: -3", "-3"}}},
		{"unknown indicator in the body",
			[]string{`{{ change "toi-pham" }}`, `{{ change "sai" }}`},
			[]problem{{`{{ change "sai" }}`, `change "sai"`}}},
		{"unknown function in the body",
			[]string{"Mở đầu.", `Mở đầu {{ vaule "toi-pham" }}.`},
			[]problem{{"vaule", "Mở đầu"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.NewReplacer(tt.replace...).Replace(minimal)
			if src == minimal {
				t.Fatal("replacement did not apply")
			}
			file := filepath.Join(t.TempDir(), "bad.yaml")
			if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}

			code, _, errOut := runCmd("validate", file)
			if code != exitInvalid {
				t.Errorf("validate exited %d, want %d\nstderr: %s", code, exitInvalid, errOut)
			}
			for _, p := range tt.problems {
				if want := file + ":" + posOf(t, src, p) + ":"; !strings.Contains(errOut, want) {
					t.Errorf("stderr does not point at %s:\n%s", want, errOut)
				}
			}

			// A failed render leaves an older output as it was and adds nothing.
			out := t.TempDir()
			old := filepath.Join(out, "bad-bao-cao.pdf")
			oldData := []byte("bản cũ, không được ghi đè")
			if err := os.WriteFile(old, oldData, 0o644); err != nil {
				t.Fatal(err)
			}
			code, stdout, errOut := runCmd("render", file, "-o", out)
			if code != exitInvalid {
				t.Errorf("render exited %d, want %d\nstderr: %s", code, exitInvalid, errOut)
			}
			if stdout != "" {
				t.Errorf("render of invalid input printed %q", stdout)
			}
			if got, err := os.ReadFile(old); err != nil || !bytes.Equal(got, oldData) {
				t.Errorf("older output changed: %q, %v", got, err)
			}
			if got := dirNames(t, out); !slices.Equal(got, []string{"bad-bao-cao.pdf"}) {
				t.Errorf("output directory holds %q, want only the older file", got)
			}
		})
	}
}

func TestUnwritableOutput(t *testing.T) {
	tests := []struct {
		name string
		dir  func(t *testing.T) string
	}{
		{"under a regular file", func(t *testing.T) string {
			file := filepath.Join(t.TempDir(), "tep")
			if err := os.WriteFile(file, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			return filepath.Join(file, "sub")
		}},
		{"read-only directory", func(t *testing.T) string {
			if os.Geteuid() == 0 {
				t.Skip("root can write to a read-only directory")
			}
			dir := t.TempDir()
			if err := os.Chmod(dir, 0o500); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(dir, 0o700) })
			return dir
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tt.dir(t)
			code, stdout, errOut := runCmd("render", example, "-o", dir)
			if code != exitInvalid {
				t.Errorf("render exited %d, want %d", code, exitInvalid)
			}
			if !strings.Contains(errOut, dir) {
				t.Errorf("stderr %q does not name the directory %s", errOut, dir)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing written", stdout)
			}
		})
	}
}

// poppler returns the path of a poppler-utils tool, or skips the test.
func poppler(t *testing.T, tool string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		t.Skipf("%s not found: install poppler-utils to check the rendered PDF", tool)
	}
	return path
}

// pdfText extracts the layout text of pdf, optionally of pages first..last.
func pdfText(t *testing.T, pdf string, pages ...string) string {
	t.Helper()
	args := append(append([]string{"-layout", "-enc", "UTF-8"}, pages...), pdf, "-")
	out, err := exec.Command(poppler(t, "pdftotext"), args...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestRenderedPDF(t *testing.T) {
	poppler(t, "pdftotext")
	poppler(t, "pdffonts")
	pdf := filepath.Join(renderExample(t), "cantho-2021-bao-cao.pdf")

	t.Run("text", func(t *testing.T) {
		// Lines are joined and page numbers dropped, since wrapping and page
		// breaks fall where the layout puts them.
		var words []string
		for _, line := range strings.Split(pdfText(t, pdf), "\n") {
			line = strings.Trim(line, " \f")
			if strings.Trim(line, "0123456789") == "" {
				continue
			}
			words = append(words, strings.Fields(line)...)
		}
		text := strings.Join(words, " ")
		for _, want := range []string{
			"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
			"Độc lập - Tự do - Hạnh phúc",
			"BỘ CÔNG AN",
			"CÔNG AN THÀNH PHỐ CẦN THƠ",
			"Số: 15/BC-CAT",
			"Cần Thơ, ngày 15 tháng 01 năm 2022",
			"BÁO CÁO",
			"Tổng kết công tác Công an năm 2021, phương hướng, nhiệm vụ năm 2022",
			"Phần I KẾT QUẢ CÔNG TÁC NĂM 2021",
			"I. ĐẶC ĐIỂM TÌNH HÌNH",
			"giảm 124 vụ, tương ứng 32,2% so với năm 2020",
			"527 tập thể, 3.965 cá nhân",
			"Thượng tướng Nguyễn Văn Sơn",
			"Phạm Văn Hiểu",
			"Thiếu tướng Nguyễn Văn Thuận",
			"lần thứ 77",
			"1 Tội phạm về trật tự xã hội vụ 385 261 -124 -32,2",
			"của Công an thành phố Cần Thơ./.",
			"Nơi nhận:",
			"- Lưu: VT, PV01.",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("PDF text lacks %q", want)
			}
		}
	})

	t.Run("fonts embedded", func(t *testing.T) {
		out, err := exec.Command(poppler(t, "pdffonts"), pdf).Output()
		if err != nil {
			t.Fatalf("pdffonts: %v", err)
		}
		lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
		if len(lines) < 3 {
			t.Fatalf("pdffonts lists no font:\n%s", out)
		}
		// Columns are fixed-width under the header; "emb" is one of them.
		col := strings.Index(lines[0], "emb")
		if col < 0 {
			t.Fatalf("pdffonts header has no emb column: %q", lines[0])
		}
		for _, l := range lines[2:] {
			if len(l) < col+3 || l[col:col+3] != "yes" {
				t.Errorf("font not embedded: %q", l)
			}
		}
	})

	t.Run("page numbers", func(t *testing.T) {
		first := strings.Fields(pdfText(t, pdf, "-f", "1", "-l", "1"))
		if len(first) == 0 || strings.Trim(first[0], "0123456789") == "" {
			t.Errorf("page 1 starts with %q, want no page number", first[:min(len(first), 1)])
		}
		second := strings.Fields(pdfText(t, pdf, "-f", "2", "-l", "2"))
		if len(second) == 0 || second[0] != "2" {
			t.Errorf("page 2 starts with %q, want the page number 2", second[:min(len(second), 1)])
		}
	})
}

// TestRenderPDFA: render --pdfa writes each PDF as PDF/A-2b — metadata
// claiming it and the sRGB output intent (render/pdf's tests check them
// through) — and a render without it writes none.
func TestRenderPDFA(t *testing.T) {
	for _, pdfa := range []bool{true, false} {
		dir := t.TempDir()
		args := []string{"render", "--kind", "bao-cao,ban-tin", example, "-o", dir}
		if pdfa {
			args = append(args, "--pdfa")
		}
		if code, _, errOut := runCmd(args...); code != exitOK {
			t.Fatalf("%q exited %d\nstderr: %s", args, code, errOut)
		}
		for _, name := range []string{"cantho-2021-bao-cao.pdf", "cantho-2021-ban-tin.pdf"} {
			doc, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range []string{"<pdfaid:part>2</pdfaid:part>", "/OutputIntents [<</Type /OutputIntent /S /GTS_PDFA1"} {
				if bytes.Contains(doc, []byte(s)) != pdfa {
					t.Errorf("--pdfa %v: %s has %s: %v", pdfa, name, s, !pdfa)
				}
			}
		}
	}
}

// TestWaitToClose: a double-clicked program that failed says how to close
// its window and waits for Enter, or ends at once with no input.
func TestWaitToClose(t *testing.T) {
	for _, in := range []string{"\n", ""} {
		var out strings.Builder
		waitToClose(strings.NewReader(in), &out)
		if !strings.Contains(out.String(), "Nhấn Enter") {
			t.Errorf("input %q: printed %q", in, out.String())
		}
	}
}

// TestDoubleClickDir: started in the home folder, as a Mac's Finder
// starts it, the app opens on the program's own folder; anywhere else, or
// built by go run in the temporary folder, on the current one.
func TestDoubleClickDir(t *testing.T) {
	home, unzipped, tmp := t.TempDir(), t.TempDir(), t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("TMPDIR", tmp)
	exe := filepath.Join(unzipped, "baocao")
	t.Chdir(home)
	if got := pickDoubleClickDir(exe); len(got) != 1 || got[0] != unzipped {
		t.Errorf("from the home folder: %q, want the program's folder %s", got, unzipped)
	}
	if got := pickDoubleClickDir(filepath.Join(tmp, "go-build1", "exe", "baocao")); got != nil {
		t.Errorf("a go run build: %q, want the current folder", got)
	}
	t.Chdir(unzipped)
	if got := pickDoubleClickDir(filepath.Join(home, "baocao")); got != nil {
		t.Errorf("from another folder: %q, want the current folder", got)
	}
}
