package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// fpdfFile is a file as fpdf writes it for Write: uncompressed pages with a
// rule and an image, an outline, metadata and no font.
func fpdfFile(t *testing.T) []byte {
	t.Helper()
	png, _ := encoded(t, false)
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(false)
	p.SetTitle("Báo cáo", true)
	for range 3 {
		p.AddPage()
		p.Line(10, 10, 100, 10)
		p.RawWriteStr("BT /F1 12 Tf 10 10 Td [<0001>] TJ ET")
	}
	p.RegisterImageOptionsReader("im", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(png))
	p.ImageOptions("im", 10, 20, 30, 30, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	p.Bookmark(utf16Text("Phần I"), 0, 10)
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// objects returns the bodies of doc's objects by number, found through its
// cross-reference table.
func objects(t *testing.T, doc []byte) map[int][]byte {
	t.Helper()
	x, err := parseXref(doc)
	if err != nil {
		t.Fatal(err)
	}
	objs := map[int][]byte{}
	for n, off := range x.offsets[1:] {
		head := fmt.Sprintf("%d 0 obj\n", n+1)
		if !bytes.HasPrefix(doc[off:], []byte(head)) {
			t.Fatalf("object %d is not at %d", n+1, off)
		}
		body, _, ok := bytes.Cut(doc[off+len(head):], []byte("endobj"))
		if !ok {
			t.Fatalf("object %d has no end", n+1)
		}
		objs[n+1] = body
	}
	return objs
}

// TestAssemble: the fonts' resource entries land in fpdf's resource
// dictionary and their objects after fpdf's, numbered as add was told; the
// pages are compressed and every other object is kept byte for byte; the
// cross-reference table and trailer point at the right places.
func TestAssemble(t *testing.T) {
	doc := fpdfFile(t)
	before := objects(t, doc)
	var first int
	entry, xentry := []byte("/F1 0 0 R\n"), []byte("/Im1 0 0 R\n")
	var b bytes.Buffer
	err := assemble(&b, doc, func(n int) (additions, error) {
		first = n
		entry, xentry = fmt.Appendf(nil, "/F1 %d 0 R\n", n), fmt.Appendf(nil, "/Im1 %d 0 R\n", n+1)
		return additions{fonts: entry, xobjects: xentry, objs: []object{
			{fmt.Appendf(nil, "<</Type /Font /Next %d 0 R>>", n+1)},
			{[]byte("<</Length 6>>\nstream\n"), []byte("abc"), []byte("def"), []byte("\nendstream")},
		}}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	out := b.Bytes()
	if first != len(before)+1 {
		t.Errorf("new objects numbered from %d, want %d", first, len(before)+1)
	}
	checkXref(t, out)
	// fpdf's two header lines, the version raised.
	lines := bytes.SplitAfterN(doc, []byte("\n"), 3)
	if want := "%PDF-1.4\n" + string(lines[1]); string(lines[0]) != "%PDF-1.3\n" || !bytes.HasPrefix(out, []byte(want)) {
		t.Errorf("file begins %.20q, want fpdf's %.20q declaring version 1.4", out, doc)
	}
	after := objects(t, out)
	if len(after) != len(before)+2 {
		t.Fatalf("%d objects, want %d", len(after), len(before)+2)
	}
	pages := 0
	for n, body := range before {
		want := body
		switch {
		case n == 2:
			want = bytes.Replace(body, []byte("/Font <<\n"), append([]byte("/Font <<\n"), entry...), 1)
			want = bytes.Replace(want, []byte("/XObject <<\n"), append([]byte("/XObject <<\n"), xentry...), 1)
		case bytes.HasPrefix(body, []byte("<</Length ")):
			pages++
			_, data, _ := bytes.Cut(body, []byte("stream\n"))
			m := streamPattern.FindSubmatch(after[n])
			if m == nil {
				t.Errorf("object %d not compressed: %.40q", n, after[n])
				continue
			}
			zr, err := zlib.NewReader(bytes.NewReader(m[1]))
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(zr)
			if want := bytes.TrimSuffix(data, []byte("\nendstream\n")); err != nil || !bytes.Equal(got, want) {
				t.Errorf("object %d decompresses to %q, want %q (%v)", n, got, want, err)
			}
			continue
		}
		if !bytes.Equal(after[n], want) {
			t.Errorf("object %d changed:\n%s\nwant\n%s", n, after[n], want)
		}
	}
	if pages != 3 {
		t.Errorf("%d uncompressed streams, want the 3 pages", pages)
	}
	if !bytes.Contains(after[first], fmt.Appendf(nil, "/Next %d 0 R", first+1)) || !bytes.Contains(after[first+1], []byte("stream\nabcdef\nendstream")) {
		t.Errorf("new objects %q, %q", after[first], after[first+1])
	}
	trailer := regexp.MustCompile(`trailer\n<<\n/Size (\d+)\n/Root (\d+) 0 R\n/Info (\d+) 0 R\n>>\nstartxref\n\d+\n%%EOF\n$`).FindSubmatch(out)
	if trailer == nil {
		t.Fatalf("trailer:\n%s", out[bytes.LastIndex(out, []byte("trailer")):])
	}
	size, _ := strconv.Atoi(string(trailer[1]))
	root, _ := strconv.Atoi(string(trailer[2]))
	if size != len(after)+1 || !bytes.Contains(after[root], []byte("/Type /Catalog")) {
		t.Errorf("trailer /Size %d /Root %d, want %d and the catalog", size, root, len(after)+1)
	}
}

// TestHeader: a file declares PDF 1.4 or the later version fpdf gave it.
func TestHeader(t *testing.T) {
	for in, want := range map[string]string{
		"%PDF-1.3\n%\xb5\xb6\n": "%PDF-1.4\n%\xb5\xb6\n",
		"%PDF-1.4\n":            "%PDF-1.4\n",
		"%PDF-1.5\n%\xe2\n":     "%PDF-1.5\n%\xe2\n",
		"%PDF-1.0\n":            "%PDF-1.4\n",
	} {
		if got, err := header([]byte(in)); err != nil || string(got) != want {
			t.Errorf("header(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "%PDF-1.", "%PDF-1.10\n", "%PDF-2.0\n", "%PDF-1.a\n", "1 0 obj\n"} {
		if got, err := header([]byte(in)); err == nil {
			t.Errorf("header(%q) = %q, want an error", in, got)
		}
	}
}

// TestAssembleRefuses: a file not laid out as fpdf lays it out is an
// error, never a panic or a broken file.
func TestAssembleRefuses(t *testing.T) {
	doc := fpdfFile(t)
	add := func(int) (additions, error) { return additions{}, nil }
	cases := map[string][]byte{
		"no fonts dictionary":   bytes.Replace(doc, []byte("/Font <<\n"), []byte("/Fnt <<\n"), 1),
		"no XObject dictionary": bytes.Replace(doc, []byte("/XObject <<\n"), []byte("/XObj <<\n"), 1),
		"startxref off":         regexp.MustCompile(`startxref\n\d+`).ReplaceAll(bytes.Clone(doc), []byte("startxref\n7")),
		"empty":                 nil,
		"no version":            append([]byte("%PDF-x.4"), doc[len("%PDF-1.3"):]...),
	}
	for cut := 0; cut < len(doc); cut += len(doc) / 97 {
		cases[fmt.Sprint("cut at ", cut)] = doc[:cut]
	}
	for name, in := range cases {
		var b bytes.Buffer
		if err := assemble(&b, in, add); err == nil || b.Len() > 0 {
			t.Errorf("%s: error %v after writing %d bytes", name, err, b.Len())
		}
	}
}
