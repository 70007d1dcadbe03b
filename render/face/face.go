// Package face measures text in a TrueType font family: advance widths for
// line breaking and glyph coverage for reporting characters a font lacks.
//
// fpdf itself draws the glyphs; this package exists so that layout can be
// computed, and tested, without a PDF writer, and so that a missing glyph is
// reported instead of silently dropped.
package face

import (
	"fmt"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"baocao/fonts"
)

// Style selects one face of a family.
type Style int

// The four styles of a family, in the order fonts are embedded.
const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
)

// StyleOf returns the style for the given emphasis.
func StyleOf(bold, italic bool) Style {
	switch {
	case bold && italic:
		return BoldItalic
	case bold:
		return Bold
	case italic:
		return Italic
	}
	return Regular
}

// String names the style the way fpdf spells it ("", "B", "I", "BI").
func (s Style) String() string { return [...]string{"", "B", "I", "BI"}[s] }

// tableLimit bounds the runes whose widths are computed up front: it covers
// Latin, the combining marks, Latin Extended Additional (all precomposed
// Vietnamese) and general punctuation. Rarer runes are looked up on demand.
const tableLimit = 0x2200

// Face is one parsed font. It is safe for concurrent use.
type Face struct {
	data   []byte
	font   *sfnt.Font
	ps     string // PostScript name, as PDF font dictionaries name the font
	upem   float64
	ascent float64 // the ascender, in em
	widths []int16 // advance per rune below tableLimit in 1/1000 em, -1 when absent
	bufs   sync.Pool
}

// Family is the four styles of one typeface.
type Family struct {
	Name  string
	faces [4]*Face
}

// Load parses the four TrueType files of a family.
func Load(name string, regular, bold, italic, boldItalic []byte) (*Family, error) {
	fam := &Family{Name: name}
	for i, data := range [][]byte{regular, bold, italic, boldItalic} {
		f, err := parse(data)
		if err != nil {
			return nil, fmt.Errorf("font %s %s: %w", name, Style(i), err)
		}
		fam.faces[i] = f
	}
	return fam, nil
}

// Default returns the embedded Liberation Serif family, parsed once per
// process: parsing costs far more than laying out a short report.
var Default = sync.OnceValue(func() *Family {
	s := fonts.LiberationSerif()
	fam, err := Load(s.Family, s.Regular, s.Bold, s.Italic, s.BoldItalic)
	if err != nil {
		panic("face: embedded font does not parse: " + err.Error())
	}
	return fam
})

func parse(data []byte) (*Face, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	fc := &Face{data: data, font: f, upem: float64(f.UnitsPerEm())}
	fc.bufs.New = func() any { return new(sfnt.Buffer) }
	fc.widths = make([]int16, tableLimit)
	var buf sfnt.Buffer
	fc.ps = postScriptName(f, &buf)
	// Layout asks for the ascent of every line it sets.
	fc.ascent = 0.9
	if m, err := f.Metrics(&buf, fixed.Int26_6(fc.upem*64), font.HintingNone); err == nil {
		fc.ascent = float64(m.Ascent) / 64 / fc.upem
	}
	for r := range rune(tableLimit) {
		fc.widths[r] = fc.lookup(&buf, r)
	}
	return fc, nil
}

// lookup returns the advance of r in thousandths of an em, rounded as fpdf
// rounds the widths it writes into the PDF, so that measured and drawn
// lines agree exactly; -1 when the font has no glyph for r.
func (f *Face) lookup(buf *sfnt.Buffer, r rune) int16 {
	gi, err := f.font.GlyphIndex(buf, r)
	if err != nil || gi == 0 {
		return -1
	}
	adv, err := f.font.GlyphAdvance(buf, gi, fixed.Int26_6(f.upem*64), font.HintingNone)
	if err != nil {
		return -1
	}
	return int16(math.Round(float64(adv) / 64 * 1000 / f.upem))
}

func (f *Face) advance(r rune) int16 {
	if r >= 0 && r < tableLimit {
		return f.widths[r]
	}
	buf := f.bufs.Get().(*sfnt.Buffer)
	defer f.bufs.Put(buf)
	return f.lookup(buf, r)
}

// Face returns the face of the given style.
func (fam *Family) Face(s Style) *Face { return fam.faces[s] }

// Data returns the TrueType bytes of the face, for embedding in a PDF.
func (f *Face) Data() []byte { return f.data }

// PostScriptName returns the name the font gives itself for PostScript
// and PDF, such as "LiberationSerif-Bold"; "" if it has none usable.
func (f *Face) PostScriptName() string { return f.ps }

// Has reports whether the font has a glyph for r.
func (f *Face) Has(r rune) bool { return f.advance(r) >= 0 }

// Width returns the advance width of s at size pt, in millimetres. Runes
// the font lacks count as zero; callers check coverage with Missing first.
func (f *Face) Width(s string, size float64) float64 {
	units := 0
	for _, r := range s {
		if a := f.advance(r); a > 0 {
			units += int(a)
		}
	}
	return float64(units) / 1000 * size * PtToMM
}

// Missing returns the distinct runes of s the font has no glyph for, in
// order of first appearance. Line breaks and tabs are not drawn and never
// count as missing.
func (f *Face) Missing(s string) []rune {
	var out []rune
	for _, r := range s {
		if r == '\n' || r == '\t' || f.Has(r) {
			continue
		}
		dup := false
		for _, m := range out {
			dup = dup || m == r
		}
		if !dup {
			out = append(out, r)
		}
	}
	return out
}

// Ascent returns the height of the font's ascender above the baseline at
// size pt, in millimetres.
func (f *Face) Ascent(size float64) float64 { return f.ascent * size * PtToMM }

// PtToMM converts typographic points to millimetres.
const PtToMM = 25.4 / 72
