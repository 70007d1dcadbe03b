package face

import (
	"bytes"
	"encoding/binary"
	"math"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"baocao/fonts"
)

// sfntLookup is how the face found glyphs and widths before it read the
// character map itself: sfnt's glyph for r, and its advance in thousandths
// of an em (0 when the font has no glyph).
func sfntLookup(t *testing.T, f *sfnt.Font, r rune) (uint16, int) {
	t.Helper()
	var buf sfnt.Buffer
	gi, err := f.GlyphIndex(&buf, r)
	if err != nil || gi == 0 || int(gi) >= f.NumGlyphs() {
		return 0, 0
	}
	upem := float64(f.UnitsPerEm())
	adv, err := f.GlyphAdvance(&buf, gi, fixed.Int26_6(upem*64), font.HintingNone)
	if err != nil {
		t.Fatalf("advance of %U: %v", r, err)
	}
	return uint16(gi), int(math.Round(float64(adv) / 64 * 1000 / upem))
}

// withCmap returns a copy of a font whose cmap table is replaced by cmap,
// appended at the end of the file.
func withCmap(data, cmap []byte) []byte {
	out := bytes.Clone(data)
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	at := len(out)
	out = append(out, cmap...)
	return patchFont(out, func(tag string, rec, _ []byte) {
		if tag == "cmap" {
			binary.BigEndian.PutUint32(rec[8:], uint32(at))
			binary.BigEndian.PutUint32(rec[12:], uint32(len(cmap)))
		}
	})
}

// format12 builds a cmap table with the font's own format 4 subtable for
// Windows Unicode BMP and a format 12 subtable for Windows UCS-4, which
// sfnt prefers: the font's glyphs for the runes below tableLimit, grouped
// where consecutive, and three emoji given glyphs 100 to 102.
func format12(t *testing.T, f *Face) []byte {
	be := binary.BigEndian
	type group struct{ start, end, glyph uint32 }
	var groups []group
	for r := range rune(tableLimit) {
		g, _ := sfntLookup(t, f.font, r)
		if g == 0 {
			continue
		}
		if n := len(groups); n > 0 && groups[n-1].end+1 == uint32(r) && groups[n-1].glyph+uint32(r)-groups[n-1].start == uint32(g) {
			groups[n-1].end++
			continue
		}
		groups = append(groups, group{uint32(r), uint32(r), uint32(g)})
	}
	groups = append(groups, group{0x1F600, 0x1F602, 100})

	// The font's own subtable for platform 3 encoding 1.
	old := f.tables["cmap"]
	var bmp []byte
	for i := range int(be.Uint16(old[2:])) {
		if rec := old[4+8*i:]; be.Uint16(rec) == 3 && be.Uint16(rec[2:]) == 1 {
			sub := old[be.Uint32(rec[4:]):]
			bmp = sub[:be.Uint16(sub[2:])]
		}
	}
	if bmp == nil {
		t.Fatal("no Windows Unicode subtable")
	}
	cmap := []byte{0, 0, 0, 2, 0, 3, 0, 1, 0, 0, 0, 20, 0, 3, 0, 10}
	cmap = be.AppendUint32(cmap, uint32(20+len(bmp)))
	cmap = append(cmap, bmp...)
	cmap = be.AppendUint16(cmap, 12)
	cmap = be.AppendUint16(cmap, 0)
	cmap = be.AppendUint32(cmap, uint32(16+12*len(groups)))
	cmap = be.AppendUint32(cmap, 0)
	cmap = be.AppendUint32(cmap, uint32(len(groups)))
	for _, g := range groups {
		cmap = be.AppendUint32(cmap, g.start)
		cmap = be.AppendUint32(cmap, g.end)
		cmap = be.AppendUint32(cmap, g.glyph)
	}
	return cmap
}

// TestGlyphMatchesSfnt: the glyphs and widths read from the tables are
// those sfnt finds, for every rune of the table and some past it, in the
// embedded faces, in a font whose map sfnt reads in format 12, and in one
// whose only map (format 6) is left to sfnt.
func TestGlyphMatchesSfnt(t *testing.T) {
	s := fonts.LiberationSerif()
	regular := Default().Face(Regular)
	// Relabelled to Unicode 2.0 BMP (0, 5), which sfnt does not read, the
	// Unicode subtables leave the Macintosh one in format 6.
	macOnly := patchFont(s.Regular, func(tag string, rec, data []byte) {
		if tag != "cmap" {
			return
		}
		cmap := binary.BigEndian.Uint32(rec[8:])
		for i := range uint32(binary.BigEndian.Uint16(data[cmap+2:])) {
			if r := data[cmap+4+8*i:]; binary.BigEndian.Uint16(r) != 1 {
				binary.BigEndian.PutUint16(r, 0)
				binary.BigEndian.PutUint16(r[2:], 5)
			}
		}
	})
	tests := []struct {
		name   string
		data   []byte
		format uint16 // read by the face; 0 when left to sfnt
	}{
		{"regular", s.Regular, 4},
		{"bold", s.Bold, 4},
		{"italic", s.Italic, 4},
		{"bold italic", s.BoldItalic, 4},
		{"format 12", withCmap(s.Regular, format12(t, regular)), 12},
		{"format 6", macOnly, 0},
	}
	extra := []rune{-1, 0x2200, 0x2211, 0x2260, 0x25CA, 0xFB01, 0xFB02, 0xFFFD, 0xFFFF, 0x1F600, 0x1F601, 0x1F602, 0x1F603, 0x10FFFF}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := parse(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			format := uint16(0)
			if f.cmapOK {
				format = f.cmap.format
			}
			if format != tt.format {
				t.Fatalf("character map read in format %d, want %d", format, tt.format)
			}
			found := 0
			for r := range rune(tableLimit) + rune(len(extra)) {
				if r >= tableLimit {
					r = extra[r-tableLimit]
				}
				g, w := sfntLookup(t, f.font, r)
				if got := f.Glyph(r); got != g {
					t.Errorf("Glyph(%U) = %d, sfnt %d", r, got, g)
				}
				if got := f.Advance(r); got != w {
					t.Errorf("width of %U = %d, sfnt %d", r, got, w)
				}
				if f.Has(r) != (g != 0) {
					t.Errorf("Has(%U) = %v with glyph %d", r, f.Has(r), g)
				}
				if g != 0 {
					found++
				}
			}
			if found < 200 {
				t.Errorf("only %d runes have glyphs", found)
			}
		})
	}
}

// format4 builds a cmap table of one Windows Unicode subtable in format 4
// with the segments {start, end, idDelta, idRangeOffset} and glyph array.
func format4(segs [][4]uint16, array ...uint16) []byte {
	be := binary.BigEndian
	n := len(segs)
	cmap := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
	cmap = be.AppendUint16(cmap, 4)
	cmap = be.AppendUint16(cmap, uint16(16+8*n+2*len(array)))
	cmap = append(cmap, 0, 0)
	cmap = be.AppendUint16(cmap, uint16(2*n))
	cmap = append(cmap, 0, 0, 0, 0, 0, 0) // search fields, unread
	for _, field := range []int{1, -1, 0, 2, 3} {
		if field < 0 {
			cmap = append(cmap, 0, 0) // reserved pad
			continue
		}
		for _, s := range segs {
			cmap = be.AppendUint16(cmap, s[field])
		}
	}
	for _, g := range array {
		cmap = be.AppendUint16(cmap, g)
	}
	return cmap
}

// TestCharMap reads format 4 segments by delta and by glyph array, and
// leaves to sfnt a subtable it cannot read rather than misread it.
func TestCharMap(t *testing.T) {
	closing := [4]uint16{0xFFFF, 0xFFFF, 1, 0}
	// 'A'–'D' from the glyph array, offset by 5 but for the 0 of 'B'; the
	// array has no entry for 'D'. 'a'–'c' by delta: 3, 4, 5. idRangeOffset
	// counts from itself: 3 words to the end of the offsets, then the array.
	good := format4([][4]uint16{{'A', 'D', 5, 6}, {'a', 'c', 0x10000 + 3 - 'a', 0}, closing}, 10, 0, 12)
	m, ok := newCharMap(good)
	if !ok {
		t.Fatal("well-formed map rejected")
	}
	for r, want := range map[rune]uint32{'A': 15, 'B': 0, 'C': 17, 'D': 0, 'E': 0, '@': 0, 'a': 3, 'c': 5, 'd': 0, 0xFFFF: 0, 0x10000: 0} {
		if got := m.lookup(r); got != want {
			t.Errorf("%q → %d, want %d", r, got, want)
		}
	}
	glyphs := make([]uint16, 'b')
	m.fill(glyphs, 16)
	if glyphs['A'] != 15 || glyphs['C'] != 0 || glyphs['a'] != 3 || glyphs['B'] != 0 {
		t.Errorf("filled A %d, C %d (past 16 glyphs), a %d, B %d", glyphs['A'], glyphs['C'], glyphs['a'], glyphs['B'])
	}

	be := binary.BigEndian
	fix := func(f func(sub []byte)) []byte {
		cmap := bytes.Clone(good)
		f(cmap[12:])
		return cmap
	}
	tests := []struct {
		name string
		cmap []byte
	}{
		{"empty", nil},
		{"records cut", []byte{0, 0, 0, 2, 0, 3, 0, 1, 0, 0, 0, 12}},
		{"subtable past the end", []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 1, 0}},
		{"no Unicode subtable", []byte{0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 12, 0, 4}},
		{"odd segment count", fix(func(sub []byte) { sub[7] = 5 })},
		{"segments past the end", fix(func(sub []byte) { sub[7] = 12 })},
		{"segments out of order", fix(func(sub []byte) { be.PutUint16(sub[24:], 'B') })},
		{"segment ending before it starts", fix(func(sub []byte) { be.PutUint16(sub[14:], '@') })},
		{"format 6", fix(func(sub []byte) { sub[1] = 6 })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, ok := newCharMap(tt.cmap); ok {
				t.Error("accepted")
			}
		})
	}
}
