// Package face reads a TrueType font family: advance widths for line
// breaking, glyph coverage for reporting characters a font lacks, and what
// the PDF writer needs to embed the fonts itself — glyph numbers, the
// metrics of a font descriptor and subsets holding only the glyphs a
// document uses.
//
// Layout is thus computed, and tested, without a PDF writer, and a missing
// glyph is reported instead of silently dropped.
package face

import (
	"encoding/binary"
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

// String names the style by its letters: "", "B", "I", "BI".
func (s Style) String() string { return [...]string{"", "B", "I", "BI"}[s] }

// tableLimit bounds the runes whose glyphs are tabled up front: it covers
// Latin, the combining marks, Latin Extended Additional (all precomposed
// Vietnamese) and general punctuation. Rarer runes are looked up on demand.
const tableLimit = 0x2200

// Face is one parsed font. It is safe for concurrent use.
type Face struct {
	font        *sfnt.Font
	tables      map[string][]byte // tag → table, from the table directory
	cmap        charMap           // read in place when cmapOK; else sfnt is asked
	cmapOK      bool
	numGlyphs   int
	hmtx        []byte
	numHMetrics int    // advances in hmtx; the last one holds for the glyphs after it
	ps          string // PostScript name, as PDF font dictionaries name the font
	upem        float64
	ascent      float64 // the ascender, in em
	metrics     Metrics
	glyphs      []uint16 // glyph per rune below tableLimit, 0 when absent
	advances    []int32  // advance per glyph in 1/1000 em
	bufs        sync.Pool
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
	fc := &Face{font: f, tables: tables(data), numGlyphs: f.NumGlyphs(), upem: float64(f.UnitsPerEm())}
	fc.bufs.New = func() any { return new(sfnt.Buffer) }
	fc.hmtx = fc.tables["hmtx"]
	if hhea := fc.tables["hhea"]; len(hhea) >= 36 {
		fc.numHMetrics = int(binary.BigEndian.Uint16(hhea[34:]))
	}
	var buf sfnt.Buffer
	fc.ps = postScriptName(f, &buf)
	// Layout asks for the ascent of every line it sets.
	fc.ascent = 0.9
	if m, err := f.Metrics(&buf, fixed.Int26_6(fc.upem*64), font.HintingNone); err == nil {
		fc.ascent = float64(m.Ascent) / 64 / fc.upem
	}
	fc.metrics = fc.readMetrics()
	fc.glyphs = make([]uint16, tableLimit)
	if fc.cmap, fc.cmapOK = newCharMap(fc.tables["cmap"]); fc.cmapOK {
		fc.cmap.fill(fc.glyphs, fc.numGlyphs)
	} else {
		for r := range rune(tableLimit) {
			fc.glyphs[r] = fc.sfntGlyph(&buf, r)
		}
	}
	fc.advances = make([]int32, fc.numGlyphs)
	for g := range fc.advances {
		fc.advances[g] = int32(fc.thousandths(fc.advanceUnits(g)))
	}
	return fc, nil
}

// Glyph returns the number of the glyph the font draws r with, 0 (the
// .notdef glyph) when it has none: the code a PDF with the Identity-H
// encoding and an identity CIDToGIDMap writes for r.
func (f *Face) Glyph(r rune) uint16 {
	if r >= 0 && r < tableLimit {
		return f.glyphs[r]
	}
	if f.cmapOK {
		if g := f.cmap.lookup(r); g < uint32(f.numGlyphs) {
			return uint16(g)
		}
		return 0
	}
	buf := f.bufs.Get().(*sfnt.Buffer)
	defer f.bufs.Put(buf)
	return f.sfntGlyph(buf, r)
}

// sfntGlyph asks sfnt for the glyph of r, for fonts whose character map
// charMap does not read.
func (f *Face) sfntGlyph(buf *sfnt.Buffer, r rune) uint16 {
	g, err := f.font.GlyphIndex(buf, r)
	if err != nil || int(g) >= f.numGlyphs {
		return 0
	}
	return uint16(g)
}

// advanceUnits returns the advance of glyph g in font units, 0 when hmtx
// is too short to hold it.
func (f *Face) advanceUnits(g int) int {
	i := min(g, f.numHMetrics-1)
	if i < 0 || 4*i+2 > len(f.hmtx) {
		return 0
	}
	return int(binary.BigEndian.Uint16(f.hmtx[4*i:]))
}

// thousandths converts font units to thousandths of an em, rounded to
// whole ones as the PDF's width arrays hold them (render/pdf): layout
// measures with the widths the PDF declares, so that measured and drawn
// lines agree exactly.
func (f *Face) thousandths(units int) int {
	return int(math.Round(float64(units) * 1000 / f.upem))
}

// Face returns the face of the given style.
func (fam *Family) Face(s Style) *Face { return fam.faces[s] }

// PostScriptName returns the name the font gives itself for PostScript
// and PDF, such as "LiberationSerif-Bold"; "" if it has none usable.
func (f *Face) PostScriptName() string { return f.ps }

// Has reports whether the font has a glyph for r.
func (f *Face) Has(r rune) bool { return f.Glyph(r) != 0 }

// Advance returns the advance width of r in thousandths of an em, the unit
// of PDF glyph widths; 0 when the font has no glyph for r.
func (f *Face) Advance(r rune) int {
	g := f.Glyph(r)
	if g == 0 {
		return 0
	}
	return int(f.advances[g])
}

// Width returns the advance width of s at size pt, in millimetres. Runes
// the font lacks count as zero; callers check coverage with Missing first.
func (f *Face) Width(s string, size float64) float64 {
	units := 0
	for _, r := range s {
		units += f.Advance(r)
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
