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
	ps   string // the PostScript name
	name string // the PDF name: subset tag, "+", PostScript name
	used bool   // some text is set in the face: it is registered
}

// tagLen is the length of a subset tag, six capitals the PDF specification
// asks of a subset font.
const tagLen = 6

// fontKeys names the faces of fam for fpdf; their PDF names wait for the
// subset tags.
func fontKeys(fam *face.Family) [len(styles)]fontName {
	var names [len(styles)]fontName
	for i, st := range styles {
		ps := fam.Face(st).PostScriptName()
		if ps == "" {
			ps = fmt.Sprintf("Font%d", i)
		}
		// The digit keeps the keys of the four faces apart; the rest pads
		// "utf8" + key to the length of the name, at least 8.
		n := tagLen + len("+") + len(ps)
		names[i].key = fmt.Sprintf("b%d", i) + strings.Repeat("x", n-len("utf8b0"))
		names[i].ps = ps
	}
	return names
}

// subsetTags returns the subset tag of each face, made from the text set
// in it and its name, so that equal documents get equal names.
func subsetTags(names [len(styles)]fontName, pages []*layout.Page) [len(styles)]string {
	var hashes [len(styles)]hash.Hash
	for i := range hashes {
		hashes[i] = sha256.New()
	}
	var buf []byte // reused: a conversion per text would allocate
	for _, pg := range pages {
		for _, it := range pg.Items {
			if t, ok := it.(*layout.Text); ok {
				buf = append(buf[:0], t.S...)
				hashes[t.Style].Write(buf)
			}
		}
	}
	var tags [len(styles)]string
	for i := range hashes {
		hashes[i].Write([]byte(names[i].ps))
		sum := hashes[i].Sum(nil)
		tag := make([]byte, tagLen)
		for j := range tag {
			tag[j] = 'A' + sum[j]%26
		}
		tags[i] = string(tag)
	}
	return tags
}

// fontRefs is how often fpdf writes the name of an embedded TrueType font:
// in the Type0 font, the CIDFontType2 font and the font descriptor.
const fontRefs = 3

// renameFonts swaps the placeholder names fpdf wrote for the real ones, in
// place. It fails if fpdf wrote them other than expected, rather than
// produce a file with some fonts misnamed.
func renameFonts(doc []byte, names [len(styles)]fontName) error {
	for _, n := range names {
		if !n.used {
			continue
		}
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
