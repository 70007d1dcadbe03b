package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"slices"
	"testing"

	"baocao/fonts"
	"baocao/render/face"
	"baocao/render/layout"
)

// objectPattern matches an indirect object's body.
var objectPattern = regexp.MustCompile(`(?s)\n\d+ 0 obj\n(.*?)\nendobj`)

// fontParts returns, sorted, what doc embeds of its fonts: the descriptors,
// CID fonts and widths, the font programs, glyph maps and ToUnicode maps,
// streams decompressed. Page contents and the resources naming the fonts
// are left out.
func fontParts(t *testing.T, doc []byte) []string {
	t.Helper()
	var parts []string
	for _, m := range objectPattern.FindAllSubmatch(doc, -1) {
		obj := m[1]
		dict, stream, ok := bytes.Cut(obj, []byte("stream\n"))
		if !ok {
			if bytes.Contains(obj, []byte("/FontDescriptor")) || bytes.Contains(obj, []byte("/CIDFontType2")) {
				parts = append(parts, string(obj))
			}
			continue
		}
		data := bytes.TrimSuffix(stream, []byte("\nendstream"))
		if bytes.Contains(dict, []byte("/FlateDecode")) {
			zr, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if data, err = io.ReadAll(zr); err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Contains(data, []byte(" Tf ")) { // not a page
			parts = append(parts, string(dict)+string(data))
		}
	}
	slices.Sort(parts)
	return parts
}

// TestCutFacesEmbedSame: a document in the embedded family, set from its
// faces cut once per process, embeds exactly what it embeds set from the
// whole faces — the same font programs, widths and ToUnicode maps — and
// text beyond the cut faces is set from the whole face.
func TestCutFacesEmbedSame(t *testing.T) {
	s := fonts.LiberationSerif()
	whole, err := face.Load(s.Family, s.Regular, s.Bold, s.Italic, s.BoldItalic)
	if err != nil {
		t.Fatal(err)
	}
	for _, extra := range []string{"", " α ✓"} {
		pages := samplePages()
		for i := range styles {
			pages[0].Items[i].(*layout.Text).S += " “Đảng ủy” – ưu tiên ở Ũ, ĩ… ‰ ₫ №" + extra
		}
		data := fontData(face.Default(), pages)
		for i, st := range styles {
			cut := len(data[i]) < len(whole.Face(st).Data())
			if cut != (extra == "") {
				t.Errorf("text %q: face %d cut %v", extra, i, cut)
			}
		}
		got := fontParts(t, write(t, pages, sampleInfo))
		var b bytes.Buffer
		if err := Write(&b, pages, whole, sampleInfo); err != nil {
			t.Fatal(err)
		}
		want := fontParts(t, b.Bytes())
		if len(got) != len(want) || len(got) < 4*4 {
			t.Fatalf("text %q: %d font objects, %d from the whole faces", extra, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("text %q: font object differs:\n%.200q\nfrom the whole faces:\n%.200q", extra, got[i], want[i])
			}
		}
	}
	// The cut faces hold a small part of the whole.
	for i, st := range styles {
		if c, w := len(embeddedCuts[i].data()), len(whole.Face(st).Data()); c*3 > w {
			t.Errorf("face %d cut to %d of %d bytes", i, c, w)
		}
	}
}
