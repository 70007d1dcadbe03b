package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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

// TestSignatureField: an empty signature field put on a page is, for an
// independent reader (qpdf), a field of type signature, with its name, on
// that page, over the box asked for, in a file that passes its checks,
// PDF/A included; a field with no page to go on is refused.
func TestSignatureField(t *testing.T) {
	info := sampleInfo
	info.PDFA = true
	var b bytes.Buffer
	pw := NewWriter(&b, face.Default(), info)
	if err := pw.SignatureField("early", 0, 0, 1, 1); err == nil {
		t.Error("a field before any page was taken")
	}
	pages := append(samplePages(), samplePages()...)
	for _, pg := range pages {
		if err := pw.Page(pg); err != nil {
			t.Fatal(err)
		}
	}
	// On the second page, 60 × 25 mm, its top left 100 mm from the left
	// and 200 mm from the top.
	if err := pw.SignatureField("Chữ ký số của lãnh đạo", 100, 200, 60, 25); err != nil {
		t.Fatal(err)
	}
	if err := pw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := pw.SignatureField("late", 0, 0, 1, 1); err == nil {
		t.Error("a field after Close was taken")
	}
	path := qpdfChecked(t, b.Bytes())
	out, err := exec.Command("qpdf", "--json=2", "--json-key=acroform", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Acroform struct {
			Fields []struct {
				FieldType string `json:"fieldtype"`
				FullName  string `json:"fullname"`
				PageNo    int    `json:"pageposfrom1"`
				Object    string `json:"object"`
			} `json:"fields"`
		} `json:"acroform"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	fields := got.Acroform.Fields
	if len(fields) != 1 {
		t.Fatalf("qpdf reads %d fields, want 1:\n%s", len(fields), out)
	}
	f := fields[0]
	if f.FieldType != "/Sig" || f.FullName != "Chữ ký số của lãnh đạo" || f.PageNo != 2 {
		t.Fatalf("field %+v, want a signature field on page 2", f)
	}
	num, _, _ := strings.Cut(f.Object, " ")
	out, err = exec.Command("qpdf", "--json=2", "--json-key=qpdf", "--json-object="+num, path).Output()
	if err != nil {
		t.Fatal(err)
	}
	// The objects follow the file's header in the second element.
	var obj struct {
		Qpdf []json.RawMessage `json:"qpdf"`
	}
	var objs map[string]struct {
		Value struct {
			Rect []float64 `json:"/Rect"`
		} `json:"value"`
	}
	if err := json.Unmarshal(out, &obj); err != nil || len(obj.Qpdf) != 2 || json.Unmarshal(obj.Qpdf[1], &objs) != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	rect := objs["obj:"+f.Object].Value.Rect
	want := []float64{100 * k, (layout.A4Height - 225) * k, 160 * k, (layout.A4Height - 200) * k}
	if len(rect) != 4 {
		t.Fatalf("the field has no box:\n%s", out)
	}
	for i := range want {
		if math.Abs(rect[i]-want[i]) > 0.001 {
			t.Errorf("field's box %v, want %v", rect, want)
		}
	}
}
