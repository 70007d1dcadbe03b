package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"hash"
	"strings"

	"baocao/render/face"
	"baocao/render/layout"
)

// styles are the four faces of a family, each registered as a font.
var styles = [...]face.Style{face.Regular, face.Bold, face.Italic, face.BoldItalic}

// fontName is how one face is known to fpdf and named in the PDF.
//
// fpdf names an embedded TrueType font "utf8" + its lower-cased family key
// (utf8liberationserifB), where PDF readers show the font's real name. So
// each face is registered under a placeholder key exactly as long as the
// real name less the "utf8", and the names are swapped in the finished
// file: the byte offsets, and so the cross-reference table, stay valid.
type fontName struct {
	key  string // the fpdf family, registered with style ""
	name string // the PDF name: subset tag, "+", PostScript name
}

// fontNames names the faces of fam for a document drawing pages. The subset
// tag, six capitals the PDF specification asks of a subset font, comes from
// the text set in the face, so equal documents get equal names.
func fontNames(fam *face.Family, pages []*layout.Page) [len(styles)]fontName {
	var hashes [len(styles)]hash.Hash
	for i := range hashes {
		hashes[i] = sha256.New()
	}
	for _, pg := range pages {
		for _, it := range pg.Items {
			if t, ok := it.(*layout.Text); ok {
				hashes[t.Style].Write([]byte(t.S))
			}
		}
	}
	var names [len(styles)]fontName
	for i, st := range styles {
		ps := fam.Face(st).PostScriptName()
		if ps == "" {
			ps = fmt.Sprintf("Font%d", i)
		}
		hashes[i].Write([]byte(ps))
		sum := hashes[i].Sum(nil)
		tag := make([]byte, 6)
		for j := range tag {
			tag[j] = 'A' + sum[j]%26
		}
		name := string(tag) + "+" + ps
		// The digit keeps the keys of the four faces apart; the rest pads
		// "utf8" + key to the length of the name, at least 8.
		names[i] = fontName{key: fmt.Sprintf("b%d", i) + strings.Repeat("x", len(name)-len("utf8b0")), name: name}
	}
	return names
}

// fontRefs is how often fpdf writes the name of an embedded TrueType font:
// in the Type0 font, the CIDFontType2 font and the font descriptor.
const fontRefs = 3

// renameFonts swaps the placeholder names fpdf wrote for the real ones, in
// place. It fails if fpdf wrote them other than expected, rather than
// produce a file with some fonts misnamed.
func renameFonts(doc []byte, names [len(styles)]fontName) error {
	for _, n := range names {
		old := []byte("/utf8" + n.key)
		if len(old) != len(n.name)+1 {
			return fmt.Errorf("pdf: font name %q does not fit its placeholder", n.name)
		}
		found := 0
		for i := 0; ; {
			j := bytes.Index(doc[i:], old)
			if j < 0 {
				break
			}
			at := i + j
			// A whole PDF name only: a delimiter must follow.
			if end := at + len(old); end < len(doc) && !isDelimiter(doc[end]) {
				i = end
				continue
			}
			copy(doc[at+1:], n.name)
			found++
			i = at + len(old)
		}
		if found != fontRefs {
			return fmt.Errorf("pdf: font %s named %d times, want %d", n.name, found, fontRefs)
		}
	}
	return nil
}

// isDelimiter reports whether b ends a PDF name (whitespace or delimiter).
func isDelimiter(b byte) bool {
	return strings.IndexByte(" \t\r\n\f\x00()<>[]{}/%", b) >= 0
}
