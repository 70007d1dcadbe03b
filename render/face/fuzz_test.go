package face

import (
	"testing"

	"baocao/fonts"
)

// fontSeeds are fonts to fuzz from: small cuts of the four embedded faces
// — Subset keeps every table, the glyphs of a few letters only. A whole
// face, 400 KB, would make each run too slow to find anything.
func fontSeeds(f *testing.F) [][]byte {
	s := fonts.LiberationSerif()
	var seeds [][]byte
	for i, data := range [][]byte{s.Regular, s.Bold, s.Italic, s.BoldItalic} {
		fc, err := parse(data)
		if err != nil {
			f.Fatal(err)
		}
		var gids []uint16
		for _, r := range "Aă ệ,ố1"[:i+3] {
			gids = append(gids, fc.Glyph(r))
		}
		cut, err := fc.Subset(gids)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, cut)
	}
	return seeds
}

// FuzzFont reads any bytes as a font file: Check never panics, and a font
// it accepts opens, is measured, names itself, and cuts into subsets that
// Check accepts in turn — what the loader, layout and the PDF writer do
// with the fonts a report names, and what FontDir does with a folder's.
func FuzzFont(f *testing.F) {
	for _, s := range fontSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if Check(data) != nil {
			return
		}
		if _, _, err := Names(data); err != nil {
			t.Fatalf("Names: %v", err)
		}
		fc, err := parse(data) // what Load does with each face
		if err != nil {
			t.Fatalf("parse: %v", err)
		}
		var gids []uint16
		for _, r := range "AĂăẮắệ ,.0123456789–“”€陳\U0001F600" {
			if g := fc.Glyph(r); g != 0 {
				gids = append(gids, g)
			}
			fc.Advance(r)
		}
		fc.Width("Công an thành phố Cần Thơ", 14)
		fc.Missing("Công an 陳")
		fc.Metrics()
		fc.Ascent(14)
		for _, cut := range [][]uint16{gids, nil, {uint16(fc.numGlyphs - 1)}} {
			sub, err := fc.Subset(cut)
			if err != nil {
				t.Fatalf("Subset(%v): %v", cut, err)
			}
			if err := Check(sub); err != nil {
				t.Fatalf("the subset of %v fails Check: %v", cut, err)
			}
		}
	})
}

// FuzzCharMap reads any bytes as a cmap table: the map is read without a
// panic, and a rune's glyph is the same looked up and filled in.
func FuzzCharMap(f *testing.F) {
	for _, s := range fontSeeds(f) {
		f.Add(tables(s)["cmap"])
	}
	f.Fuzz(func(t *testing.T, cmap []byte) {
		m, ok := newCharMap(cmap)
		if !ok {
			return
		}
		glyphs := make([]uint16, 0x300)
		m.fill(glyphs, 0x10000)
		for r := range rune(len(glyphs)) {
			if g := m.lookup(r); g < 0x10000 && uint16(g) != glyphs[r] {
				t.Fatalf("rune %U: lookup %d, fill %d", r, g, glyphs[r])
			}
		}
		m.lookup(0x1F600)
		m.lookup(-1)
	})
}
