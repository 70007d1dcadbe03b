package face

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"baocao/fonts"
)

// subsetText is the heading of every document, with Vietnamese letters
// built of several marks, and digits.
const subsetText = "Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập - Tự do - Hạnh phúc ẳẵặđ ƯỚC 0123456789"

// glyphsOf returns the glyphs of the distinct runes of s.
func glyphsOf(f *Face, s string) []uint16 {
	var gids []uint16
	for _, r := range s {
		if g := f.Glyph(r); !slices.Contains(gids, g) {
			gids = append(gids, g)
		}
	}
	return gids
}

// components returns the glyphs a composite glyph of f is made of, nil for
// a simple one: read here apart from Subset, as the test's own account.
func components(t *testing.T, f *Face, g uint16) []uint16 {
	t.Helper()
	be := binary.BigEndian
	loca, glyf := f.tables["loca"], f.tables["glyf"]
	if be.Uint16(f.tables["head"][50:]) != 1 {
		t.Fatal("the embedded fonts have long loca offsets")
	}
	data := glyf[be.Uint32(loca[4*int(g):]):be.Uint32(loca[4*int(g)+4:])]
	if len(data) == 0 || int16(be.Uint16(data)) >= 0 {
		return nil
	}
	var out []uint16
	for p := 10; ; {
		flags := be.Uint16(data[p:])
		out = append(out, be.Uint16(data[p+2:]))
		p += 6
		if flags&argsAreWords != 0 {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			return out
		}
	}
}

// outline returns the segments of glyph g at 1000 pixels an em.
func outline(t *testing.T, f *sfnt.Font, g uint16) sfnt.Segments {
	t.Helper()
	segs, err := f.LoadGlyph(nil, sfnt.GlyphIndex(g), fixed.I(1000), nil)
	if err != nil {
		t.Fatalf("glyph %d: %v", g, err)
	}
	return slices.Clone(segs)
}

func advanceOf(t *testing.T, f *sfnt.Font, g uint16) fixed.Int26_6 {
	t.Helper()
	adv, err := f.GlyphAdvance(nil, sfnt.GlyphIndex(g), fixed.I(1000), 0)
	if err != nil {
		t.Fatalf("glyph %d: %v", g, err)
	}
	return adv
}

// TestSubset: a subset draws the glyphs asked for, and the components of
// composite ones, exactly as the font does, under the same numbers, and
// nothing else.
func TestSubset(t *testing.T) {
	for _, tt := range []struct {
		name  string
		style Style
	}{{"regular", Regular}, {"bold", Bold}, {"italic", Italic}, {"bold italic", BoldItalic}} {
		t.Run(tt.name, func(t *testing.T) {
			f := Default().Face(tt.style)
			gids := glyphsOf(f, subsetText)
			out, err := f.Subset(gids)
			if err != nil {
				t.Fatal(err)
			}
			sub, err := sfnt.Parse(out)
			if err != nil {
				t.Fatalf("subset does not parse: %v", err)
			}
			if sub.NumGlyphs() != f.numGlyphs {
				t.Errorf("%d glyphs, want %d", sub.NumGlyphs(), f.numGlyphs)
			}
			files := fonts.LiberationSerif()
			whole := len([...][]byte{files.Regular, files.Bold, files.Italic, files.BoldItalic}[tt.style])
			if len(out) > whole/8 {
				t.Errorf("subset is %d bytes of %d", len(out), whole)
			}
			t.Logf("%d glyphs asked: %d bytes of %d", len(gids), len(out), whole)

			kept := slices.Clone(gids)
			composites, added := 0, 0
			for _, g := range gids {
				cs := components(t, f, g)
				composites += min(len(cs), 1)
				for _, c := range cs {
					if !slices.Contains(kept, c) {
						kept = append(kept, c)
						added++
					}
				}
			}
			// Liberation builds most accented letters from components not
			// otherwise in the text, so those are covered.
			if composites == 0 || added == 0 {
				t.Fatalf("%d composites adding %d components: the text tests none", composites, added)
			}
			for _, g := range kept {
				want := outline(t, f.font, g)
				if len(want) == 0 && g != f.Glyph(' ') {
					t.Errorf("glyph %d has no outline in the font", g)
				}
				if got := outline(t, sub, g); !slices.Equal(got, want) {
					t.Errorf("glyph %d: outline of %d segments, want %d", g, len(got), len(want))
				}
				if got, want := advanceOf(t, sub, g), advanceOf(t, f.font, g); got != want {
					t.Errorf("glyph %d: advance %v, want %v", g, got, want)
				}
			}
			// Glyphs neither asked for nor part of one are empty.
			for _, g := range []uint16{f.Glyph('Z'), f.Glyph('q'), f.Glyph('Ж'), uint16(f.numGlyphs - 1)} {
				if slices.Contains(kept, g) {
					t.Fatalf("glyph %d is kept", g)
				}
				if len(outline(t, f.font, g)) == 0 {
					t.Fatalf("glyph %d is empty in the font too", g)
				}
				if n := len(outline(t, sub, g)); n != 0 {
					t.Errorf("glyph %d not asked for has %d segments", g, n)
				}
			}
			if !slices.Equal(outline(t, sub, 0), outline(t, f.font, 0)) {
				t.Error(".notdef differs")
			}
			checkDirectory(t, out)
		})
	}
}

// checkDirectory checks the table directory of a subset: its search
// fields, the tables and their order, lengths, alignment and checksums,
// and the checksum of the whole file.
func checkDirectory(t *testing.T, font []byte) {
	t.Helper()
	be := binary.BigEndian
	n := int(be.Uint16(font[4:]))
	sr := 16 << (bits.Len(uint(n)) - 1)
	if got, want := [3]uint16{be.Uint16(font[6:]), be.Uint16(font[8:]), be.Uint16(font[10:])},
		[3]uint16{uint16(sr), uint16(bits.Len(uint(n)) - 1), uint16(16*n - sr)}; got != want {
		t.Errorf("searchRange, entrySelector, rangeShift = %v, want %v", got, want)
	}
	var tags []string
	for i := range n {
		rec := font[12+16*i:]
		tag, off, length := string(rec[:4]), be.Uint32(rec[8:]), be.Uint32(rec[12:])
		tags = append(tags, tag)
		if off%4 != 0 || int(off+length) > len(font) {
			t.Errorf("%q at %d, %d bytes, in %d", tag, off, length, len(font))
			continue
		}
		data := bytes.Clone(font[off : off+length])
		if tag == "head" {
			binary.BigEndian.PutUint32(data[8:], 0)
		}
		var sum uint32
		for i := 0; i < len(data); i += 4 {
			var w [4]byte
			copy(w[:], data[i:])
			sum += be.Uint32(w[:])
		}
		if got := be.Uint32(rec[4:]); got != sum {
			t.Errorf("%q: checksum %#x, want %#x", tag, got, sum)
		}
		switch tag {
		case "post":
			if length != 32 || be.Uint32(data) != 0x00030000 {
				t.Errorf("post: %d bytes, version %#x", length, be.Uint32(data))
			}
		case "head":
			if be.Uint16(data[50:]) != 0 {
				t.Error("a small subset has long loca offsets")
			}
		}
	}
	want := "OS/2 cmap cvt  fpgm glyf head hhea hmtx loca maxp name post prep"
	if got := strings.Join(tags, " "); got != want {
		t.Errorf("tables %s, want %s", got, want)
	}
	if len(font)%4 != 0 {
		t.Fatalf("%d bytes, not whole words", len(font))
	}
	var sum uint32
	for i := 0; i < len(font); i += 4 {
		sum += be.Uint32(font[i:])
	}
	if sum != 0xB1B0AFBA {
		t.Errorf("file sums to %#x", sum)
	}
}

// TestSubsetLongLoca: glyph data past 128 KiB needs long loca offsets,
// and glyphs still come out whole.
func TestSubsetLongLoca(t *testing.T) {
	f := Default().Face(Regular)
	all := make([]uint16, f.numGlyphs)
	for g := range all {
		all[g] = uint16(g)
	}
	out, err := f.Subset(all)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := sfnt.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if binary.BigEndian.Uint16(tables(out)["head"][50:]) != 1 {
		t.Error("the whole font written with short loca offsets")
	}
	for _, r := range "AỚẵ€" {
		if g := f.Glyph(r); !slices.Equal(outline(t, sub, g), outline(t, f.font, g)) {
			t.Errorf("%c differs", r)
		}
	}
}

// TestSubsetErrors: a glyph the font lacks, and tables that do not hold
// what they promise, are errors.
func TestSubsetErrors(t *testing.T) {
	be := binary.BigEndian
	base := Default().Face(Regular)
	composite := base.Glyph('ộ')
	if len(components(t, base, composite)) == 0 {
		t.Fatal("ộ is not a composite")
	}
	// cut returns the font with glyph g's data ending after n bytes.
	cut := func(g uint16, n uint32) func(map[string][]byte) {
		return func(tables map[string][]byte) {
			loca := bytes.Clone(tables["loca"])
			be.PutUint32(loca[4*int(g)+4:], be.Uint32(loca[4*int(g):])+n)
			tables["loca"] = loca
		}
	}
	tests := []struct {
		name string
		gids []uint16
		fix  func(map[string][]byte)
		msg  string
	}{
		{"glyph out of range", []uint16{3, uint16(base.numGlyphs)}, nil, "không có hình chữ số"},
		{"glyf truncated", []uint16{composite}, func(m map[string][]byte) { m["glyf"] = m["glyf"][:1000] }, "bảng loca"},
		{"loca truncated", nil, func(m map[string][]byte) { m["loca"] = m["loca"][:100] }, "bảng loca"},
		{"head truncated", nil, func(m map[string][]byte) { m["head"] = m["head"][:50] }, "bảng head"},
		{"post truncated", nil, func(m map[string][]byte) { m["post"] = m["post"][:16] }, "bảng post"},
		{"table missing", nil, func(m map[string][]byte) { delete(m, "name") }, `thiếu bảng "name"`},
		{"glyph header cut", []uint16{composite}, cut(composite, 6), "bảng glyf"},
		{"component cut", []uint16{composite}, cut(composite, 14), "bảng glyf"},
		{"component out of range", []uint16{composite}, func(m map[string][]byte) {
			glyf := bytes.Clone(m["glyf"])
			be.PutUint16(glyf[be.Uint32(m["loca"][4*int(composite):])+12:], 0xFFFF)
			m["glyf"] = glyf
		}, "bảng glyf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := parse(fonts.LiberationSerif().Regular)
			if err != nil {
				t.Fatal(err)
			}
			if tt.fix != nil {
				tt.fix(f.tables)
			}
			out, err := f.Subset(tt.gids)
			if err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("got %d bytes, %v; want an error with %q", len(out), err, tt.msg)
			}
		})
	}
}

// TestSubsetSelfReference: a composite naming itself among its components
// is kept once, not followed forever.
func TestSubsetSelfReference(t *testing.T) {
	be := binary.BigEndian
	base := Default().Face(Regular)
	g := base.Glyph('ộ')
	f, err := parse(fonts.LiberationSerif().Regular)
	if err != nil {
		t.Fatal(err)
	}
	glyf := bytes.Clone(f.tables["glyf"])
	be.PutUint16(glyf[be.Uint32(f.tables["loca"][4*int(g):])+12:], g)
	f.tables["glyf"] = glyf
	if _, err := f.Subset([]uint16{g}); err != nil {
		t.Error(err)
	}
}

// BenchmarkSubset cuts the subset of a page of Vietnamese text, about 150
// glyphs, as the PDF writer does for every face of every document.
func BenchmarkSubset(b *testing.B) {
	f := Default().Face(Regular)
	gids := glyphsOf(f, "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"+
		"AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYÀÁẢÃẠẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆ0123456789.,;:!?%()-–/\"'“”")
	var out []byte
	for b.Loop() {
		var err error
		if out, err = f.Subset(gids); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(gids)), "glyphs")
	b.ReportMetric(float64(len(out)), "bytes")
}
