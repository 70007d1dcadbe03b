package render_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"baocao/render"
	"baocao/render/load"
	"baocao/render/report"
)

// exampleOutputs loads an example and returns its outputs.
func exampleOutputs(t *testing.T, name string) (*report.Report, []render.Output) {
	t.Helper()
	r, err := load.File(filepath.Join("..", "examples", name+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	outs, err := render.Outputs(r, name, render.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return r, outs
}

// renderExample renders an example into a temporary directory.
func renderExample(t *testing.T, name string) (*report.Report, string) {
	t.Helper()
	r, outs := exampleOutputs(t, name)
	dir := t.TempDir()
	if err := render.WriteAll(context.Background(), dir, outs); err != nil {
		t.Fatal(err)
	}
	return r, dir
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

// TestPDFStructure: qpdf, an independent reader, finds no syntax or
// stream error in any PDF of any example — the cross-reference table
// assemble rewrites, the stream lengths, the compressed streams — and
// reads each as PDF 1.4 or later, as electronic administrative documents
// are expected.
func TestPDFStructure(t *testing.T) {
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf not found: install qpdf to run this check")
	}
	for _, name := range examples(t) {
		_, dir := renderExample(t, name)
		pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
		if len(pdfs) == 0 {
			t.Errorf("%s: no PDF", name)
		}
		for _, p := range pdfs {
			out, err := exec.Command("qpdf", "--check", p).CombinedOutput()
			if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors found") {
				t.Errorf("qpdf --check %s: %v\n%s", filepath.Base(p), err, out)
			}
			if v := pdfVersion.FindSubmatch(out); v == nil || len(v[1]) == 1 && v[1][0] < '4' {
				t.Errorf("qpdf --check %s: the file is not PDF 1.4 or later\n%s", filepath.Base(p), out)
			}
		}
	}
}

// pdfVersion finds the minor version in qpdf --check's report.
var pdfVersion = regexp.MustCompile(`(?m)^PDF Version: 1\.([0-9]+)$`)

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
	if err := render.WriteAll(context.Background(), dir, outs); err == nil {
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

// TestSameBytes: every output of every example is the same bytes however
// often it is made, one after another or several at once: the PDFs and
// the workbook alike — excelize orders the parts of streamed sheets and
// the image types of [Content_Types].xml by map iteration.
func TestSameBytes(t *testing.T) {
	const n = 6
	for _, name := range examples(t) {
		_, outs := exampleOutputs(t, name)
		for _, o := range outs {
			made := make([][]byte, 2*n)
			errs := make([]error, 2*n)
			write := func(i int) {
				var buf bytes.Buffer
				errs[i] = o.Write(&buf)
				made[i] = buf.Bytes()
			}
			for i := range n {
				write(i)
			}
			var wg sync.WaitGroup
			for i := n; i < 2*n; i++ {
				wg.Go(func() { write(i) })
			}
			wg.Wait()
			for i := range made {
				if errs[i] != nil {
					t.Fatalf("%s: %v", o.Name, errs[i])
				}
				if !bytes.Equal(made[i], made[0]) {
					t.Errorf("%s: made %d times, copy %d differs from the first", o.Name, len(made), i)
					break
				}
			}
		}
	}
}
