package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"sync"
	"unicode/utf16"

	"baocao/render/face"
)

// Each face used is embedded as a CIDFontType2 font whose CIDs are the
// glyph IDs of the face (/CIDToGIDMap /Identity, /Encoding /Identity-H),
// cut down to the glyphs drawn by face.Subset, which keeps their IDs: no
// mapping to build or to get wrong between the text and the font.

// styles are the four faces of a family, each a font resource.
var styles = [...]face.Style{face.Regular, face.Bold, face.Italic, face.BoldItalic}

// resourceName names the font of a style in the pages' resources.
func resourceName(s face.Style) string { return "F" + strconv.Itoa(int(s)+1) }

// fontUse records what a document draws in one face: for each glyph ID,
// the character first drawn with it, for the ToUnicode map and the widths.
type fontUse struct {
	face  *face.Face
	chars []rune // by glyph ID; 0 where the glyph is not drawn
	used  bool
}

// encode appends s to dst as the hexadecimal glyph IDs the text operators
// take, noting the glyphs used, and returns the width of s in thousandths
// of an em. Characters the face lacks have been reported by layout; any
// left (a line break) are not drawn.
func (u *fontUse) encode(dst []byte, s string) ([]byte, int) {
	u.used = true
	width := 0
	for _, r := range s {
		g := u.face.Glyph(r)
		if g == 0 {
			continue
		}
		if int(g) >= len(u.chars) {
			u.chars = append(u.chars, make([]rune, int(g)+1-len(u.chars))...)
		}
		if u.chars[g] == 0 {
			u.chars[g] = r
		}
		width += u.face.Advance(r)
		dst = append(dst, hexDigits[g>>12], hexDigits[g>>8&15], hexDigits[g>>4&15], hexDigits[g&15])
	}
	return dst, width
}

const hexDigits = "0123456789ABCDEF"

// glyphs returns the glyph IDs drawn, in order.
func (u *fontUse) glyphs() []uint16 {
	var gids []uint16
	for g, r := range u.chars {
		if r != 0 {
			gids = append(gids, uint16(g))
		}
	}
	return gids
}

// embedding is what a PDF embeds of a face cut to some glyphs, all but
// the numbers of its objects.
type embedding struct {
	name    string // the subset tag, "+", the PostScript name
	widths  []byte // the CID font's /W array
	program []byte // the font program's stream object
	cmap    []byte // the ToUnicode map's stream object
}

// embed cuts f to the glyphs gids, in order, chars giving the character
// of each glyph by ID.
func embed(f *face.Face, gids []uint16, chars []rune) (*embedding, error) {
	program, err := f.Subset(gids)
	if err != nil {
		return nil, fmt.Errorf("pdf: font %s: %w", f.PostScriptName(), err)
	}
	var w bytes.Buffer
	w.WriteString("[")
	for i := 0; i < len(gids); {
		// Consecutive glyph IDs share one list of widths.
		j := i + 1
		for j < len(gids) && gids[j] == gids[j-1]+1 {
			j++
		}
		fmt.Fprintf(&w, "%d [", gids[i])
		for k, g := range gids[i:j] {
			if k > 0 {
				w.WriteByte(' ')
			}
			w.WriteString(strconv.Itoa(f.Advance(chars[g])))
		}
		w.WriteString("]")
		i = j
	}
	w.WriteString("]")
	return &embedding{
		name:    subsetTag(f.PostScriptName(), gids) + "+" + f.PostScriptName(),
		widths:  w.Bytes(),
		program: stream(fmt.Sprintf("/Length1 %d", len(program)), program),
		cmap:    stream("", toUnicode(gids, chars)),
	}, nil
}

// embedding returns what the document embeds of the face: the cut of
// the embedded family's face shared by documents (see sharedCut) when it
// has every glyph drawn and the document draws more than a quarter of
// them, else the face cut to the glyphs drawn. A face used for a few words
// — the italic of a date line — costs little to cut and compress, where
// the shared cut would add some twenty kilobytes to the file.
func (u *fontUse) embedding() (*embedding, error) {
	gids := u.glyphs()
	if c := sharedCutOf(u.face); c != nil && 4*len(gids) > c.glyphs && c.has(gids) {
		return c.embedding, nil
	}
	return embed(u.face, gids, u.chars)
}

// objects returns the objects of e, a cut of f, numbered from first: the
// Type0 font the resources name, its CID font, the descriptor, the font
// program and the ToUnicode map.
func (e *embedding) objects(f *face.Face, first int) [][]byte {
	m := f.Metrics()
	ref := func(i int) string { return strconv.Itoa(first+i) + " 0 R" }
	flags := 4 // symbolic: the glyphs are reached by ID, not by a standard encoding
	if m.FixedPitch {
		flags |= 1
	}
	if m.ItalicAngle != 0 {
		flags |= 64
	}
	// The stem width is not in a TrueType font; this is the usual estimate
	// from the weight class.
	stemV := 50 + int(math.Pow(float64(m.Weight)/65, 2))
	return [][]byte{
		fmt.Appendf(nil, "<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%s] /ToUnicode %s>>",
			e.name, ref(1), ref(4)),
		fmt.Appendf(nil, "<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %s /CIDToGIDMap /Identity /DW %d /W %s>>",
			e.name, ref(2), m.MissingWidth, e.widths),
		fmt.Appendf(nil, "<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV %d /MissingWidth %d /FontFile2 %s>>",
			e.name, flags, m.BBox[0], m.BBox[1], m.BBox[2], m.BBox[3], strconv.FormatFloat(m.ItalicAngle, 'f', -1, 64),
			m.Ascent, m.Descent, m.CapHeight, stemV, m.MissingWidth, ref(3)),
		e.program,
		e.cmap,
	}
}

// vietnamese are the characters Vietnamese documents are written in:
// ASCII, the letters of the alphabet with their tones, and the
// punctuation of typeset text. Ạ to ỹ (U+1EA0–U+1EF9) are added to them.
const vietnamese = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~" +
	"ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư" +
	"\u00a0–—‘’“”…•°§№«»×±·"

// sharedCut is a face of the embedded family cut to the characters of
// vietnamese, made once per process. A document whose text in the face
// has no other glyph embeds it, so that cutting and compressing the font
// — most of the cost of a short PDF — is done once and not per document;
// each PDF carries, in return, some kilobytes of glyphs it does not draw.
type sharedCut struct {
	*embedding
	keeps  []uint64 // bit g: glyph g is in the cut
	glyphs int      // how many
}

// has reports whether the cut has every glyph of gids.
func (c *sharedCut) has(gids []uint16) bool {
	for _, g := range gids {
		if int(g>>6) >= len(c.keeps) || c.keeps[g>>6]&(1<<(g&63)) == 0 {
			return false
		}
	}
	return true
}

// sharedCuts are the shared cuts of the four embedded faces, made when
// first asked for; nil if the cut fails, which the tests rule out.
var sharedCuts = func() (cuts [len(styles)]func() *sharedCut) {
	for i, st := range styles {
		cuts[i] = sync.OnceValue(func() *sharedCut {
			f := face.Default().Face(st)
			var u fontUse
			u.face = f
			u.encode(nil, vietnamese)
			for r := rune(0x1EA0); r <= 0x1EF9; r++ {
				u.encode(nil, string(r))
			}
			gids := u.glyphs()
			e, err := embed(f, gids, u.chars)
			if err != nil {
				return nil
			}
			c := &sharedCut{embedding: e, keeps: make([]uint64, len(u.chars)/64+1), glyphs: len(gids)}
			for _, g := range gids {
				c.keeps[g>>6] |= 1 << (g & 63)
			}
			return c
		})
	}
	return cuts
}()

// sharedCutOf returns the shared cut of f if f is a face of the embedded
// family, else nil: a family the user gives may be used once.
func sharedCutOf(f *face.Face) *sharedCut {
	for i, st := range styles {
		if face.Default().Face(st) == f {
			return sharedCuts[i]()
		}
	}
	return nil
}

// subsetTag returns the six capitals the PDF specification puts before the
// name of a subset font, made from the glyphs kept so that equal documents
// get equal names and different subsets different ones.
func subsetTag(ps string, gids []uint16) string {
	h := sha256.New()
	h.Write([]byte(ps))
	for _, g := range gids {
		h.Write(binary.BigEndian.AppendUint16(nil, g))
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// toUnicode returns the CMap that maps each glyph drawn back to its
// character, so that text can be searched, copied and read aloud.
func toUnicode(gids []uint16, chars []rune) []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	// A CMap section holds at most 100 entries.
	for i := 0; i < len(gids); i += 100 {
		part := gids[i:min(i+100, len(gids))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(part))
		for _, g := range part {
			fmt.Fprintf(&b, "<%04X> <", g)
			for _, u := range utf16.AppendRune(nil, chars[g]) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.Bytes()
}
