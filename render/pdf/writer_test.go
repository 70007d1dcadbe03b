package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"baocao/render/face"
	"baocao/render/layout"
)

// TestPagesStreamed: each page's content is in the output as soon as Page
// returns, before the next is given, and its dictionary once the next is
// given; the file closed after the last is the one Write makes of all the
// pages at once, which a reader reads whole.
func TestPagesStreamed(t *testing.T) {
	pages := append(samplePages(), samplePages()...)
	pages = append(pages, linePages("Phụ lục I. SỐ LIỆU")...)
	var b bytes.Buffer
	pw := NewWriter(&b, face.Default(), sampleInfo)
	written := func(obj int) bool { return bytes.Contains(b.Bytes(), fmt.Appendf(nil, "\n%d 0 obj\n", obj)) }
	for i, pg := range pages {
		if err := pw.Page(pg); err != nil {
			t.Fatal(err)
		}
		// Page i is object 3+2i, its content the next.
		if !written(4+2*i) || i > 0 && !written(3+2*(i-1)) {
			t.Errorf("page %d: its content or the dictionary of the page before not written by Page", i+1)
		}
		if written(5 + 2*i) {
			t.Errorf("page %d: an object after it written", i+1)
		}
	}
	if err := pw.Close(); err != nil {
		t.Fatal(err)
	}
	if whole := write(t, pages, sampleInfo); !bytes.Equal(b.Bytes(), whole) {
		t.Error("the pages given one at a time make another file than Write")
	}
	checkXref(t, b.Bytes())
	if err := pw.Page(pages[0]); err == nil {
		t.Error("a page after Close was taken")
	}
	if err := NewWriter(&b, face.Default(), sampleInfo).Close(); err == nil {
		t.Error("a file of no page was closed without an error")
	}
	qpdfChecked(t, b.Bytes())
}

// qpdfChecked writes doc to a file, has qpdf check it, and returns the
// file's name; the test is skipped if qpdf is not installed.
func qpdfChecked(t *testing.T, doc []byte) string {
	t.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf not found")
	}
	path := filepath.Join(t.TempDir(), "checked.pdf")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	return path
}

// TestOutlineTree: entries nest under the nearest entry before them of a
// lower level, a level skipped included, siblings chain both ways, and
// each entry with children counts them, shown closed.
func TestOutlineTree(t *testing.T) {
	pg := &layout.Page{Width: layout.A4Width, Height: layout.A4Height,
		Items: []layout.Item{&layout.Text{X: 30, Y: 40, Size: 14, S: "Phần I"}},
		Marks: []layout.Mark{{Level: 0, Title: "A"}, {Level: 1, Title: "A1"}, {Level: 2, Title: "A1a"}, {Level: 1, Title: "A2"},
			{Level: 0, Title: "B"}, {Level: 2, Title: "B-skip"}, {Level: 0, Title: "C"}},
	}
	doc := write(t, []*layout.Page{pg}, sampleInfo)
	objs := map[string]string{}
	num := map[string]int{}
	for n := 1; ; n++ {
		head := fmt.Appendf(nil, "\n%d 0 obj\n", n)
		at := bytes.Index(doc, head)
		if at < 0 {
			break
		}
		body, _, _ := bytes.Cut(doc[at+len(head):], []byte("\nendobj"))
		if title, err := pdfString(body, "Title"); err == nil {
			objs[title], num[title] = string(body), n
		}
	}
	ref := func(key, title string) string { return fmt.Sprintf("/%s %d 0 R", key, num[title]) }
	for title, want := range map[string][]string{
		"A":      {ref("First", "A1"), ref("Last", "A2"), ref("Next", "B"), "/Count -2"},
		"A1":     {ref("Parent", "A"), ref("First", "A1a"), ref("Next", "A2"), "/Count -1"},
		"A1a":    {ref("Parent", "A1")},
		"A2":     {ref("Parent", "A"), ref("Prev", "A1")},
		"B":      {ref("Prev", "A"), ref("Next", "C"), ref("First", "B-skip"), "/Count -1"},
		"B-skip": {ref("Parent", "B")},
		"C":      {ref("Prev", "B")},
	} {
		for _, w := range want {
			if !bytes.Contains([]byte(objs[title]), []byte(w)) {
				t.Errorf("%s: %q has no %s", title, objs[title], w)
			}
		}
	}
	if !bytes.Contains(doc, fmt.Appendf(nil, "/Type /Outlines /First %d 0 R /Last %d 0 R /Count 3>>", num["A"], num["C"])) {
		t.Error("the outline's root does not hold A to C")
	}
}
