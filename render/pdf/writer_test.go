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

// TestPagesStreamed: each page is in the output as soon as Page returns,
// before the next is given, and the file closed after the last is the one
// Write makes of all the pages at once, which a reader reads whole.
func TestPagesStreamed(t *testing.T) {
	pages := append(samplePages(), samplePages()...)
	pages = append(pages, linePages("Phụ lục I. SỐ LIỆU")...)
	var b bytes.Buffer
	pw := NewWriter(&b, face.Default(), sampleInfo)
	for i, pg := range pages {
		before := b.Len()
		if err := pw.Page(pg); err != nil {
			t.Fatal(err)
		}
		// Page i is object 3+2i, its content the next.
		for _, obj := range []int{3 + 2*i, 4 + 2*i} {
			if at := bytes.Index(b.Bytes(), fmt.Appendf(nil, "\n%d 0 obj\n", obj)); at < before-1 {
				t.Errorf("page %d: object %d not written by Page (at %d, output was %d bytes before)", i+1, obj, at, before)
			}
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
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf not found")
	}
	path := filepath.Join(t.TempDir(), "streamed.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
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
