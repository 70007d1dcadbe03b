package face

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
)

// subsetTables are the tables a subset holds, sorted by tag as the table
// directory must be. The hinting programs are kept when the font has them:
// the glyphs' instructions call them.
var subsetTables = [...]struct {
	tag      string
	optional bool
}{
	{"OS/2", false}, {"cmap", false}, {"cvt ", true}, {"fpgm", true}, {"glyf", false}, {"head", false}, {"hhea", false},
	{"hmtx", false}, {"loca", false}, {"maxp", false}, {"name", false}, {"post", false}, {"prep", true},
}

// Composite glyph flags (OpenType glyf table) that say how long a
// component record is and whether another follows.
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// maxComponentDepth bounds the nesting of composite glyphs: fonts nest
// them one or two deep, only a broken or hostile file deeper.
const maxComponentDepth = 16

const (
	headLength = 54 // the head table, whose length never varies
	postLength = 32 // a format 3 post table, the header without glyph names
)

// emptyCmap is the character map of a subset: a Windows Unicode subtable
// (format 4) that maps no character, only the closing segment every format
// 4 subtable ends with. A PDF maps codes to glyphs itself, but sfnt and
// some rasterizers reject a TrueType font without a cmap table.
var emptyCmap = [...]byte{
	0, 0, 0, 1, // version, one subtable
	0, 3, 0, 1, 0, 0, 0, 12, // platform 3 encoding 1, at 12
	0, 4, 0, 24, 0, 0, // format 4, length, language
	0, 2, 0, 2, 0, 0, 0, 0, // one segment, searchRange, entrySelector, rangeShift
	0xFF, 0xFF, 0, 0, 0xFF, 0xFF, // endCode, reserved pad, startCode
	0, 1, 0, 0, // idDelta (0xFFFF + 1 wraps to glyph 0), idRangeOffset
}

// Subset returns a TrueType font with the glyphs gids, glyph 0 (.notdef)
// and the components of the composite glyphs among them, and every other
// glyph empty: what a PDF embeds for a CIDFontType2 font. Glyph numbers
// are kept, so that the text can be written with those of Glyph and an
// identity CIDToGIDMap. The character map maps nothing (see emptyCmap)
// and post keeps no glyph names.
//
// An error reports a glyph number the font does not have, or a table that
// does not hold what the font's header promises.
func (f *Face) Subset(gids []uint16) ([]byte, error) {
	s, err := f.subsetter()
	if err != nil {
		return nil, err
	}
	head, post := f.tables["head"], f.tables["post"]
	if err := s.mark(0, 0); err != nil {
		return nil, err
	}
	for _, g := range gids {
		if int(g) >= f.numGlyphs {
			return nil, fmt.Errorf("phông không có hình chữ số %d, chỉ có %d hình chữ", g, f.numGlyphs)
		}
		if err := s.mark(g, 0); err != nil {
			return nil, err
		}
	}
	// Short offsets count words, so they reach 128 KiB of glyph data;
	// glyphs are aligned as their loca format needs.
	align, locaEntry, glyfLen := 2, 2, s.glyf2
	if glyfLen > 0x1FFFE {
		align, locaEntry, glyfLen = 4, 4, s.glyf4
	}

	// Place the tables, offsets counted from the end of the directory.
	type place struct{ off, len int }
	var places [len(subsetTables)]place
	numTables, end := 0, 0
	for i, t := range subsetTables {
		data, ok := f.tables[t.tag]
		switch {
		case !ok && t.optional:
			places[i].off = -1
			continue
		case !ok:
			return nil, fmt.Errorf("phông thiếu bảng %q", t.tag)
		}
		switch t.tag {
		case "cmap":
			places[i].len = len(emptyCmap)
		case "glyf":
			places[i].len = glyfLen
		case "head":
			places[i].len = headLength
		case "loca":
			places[i].len = locaEntry * (f.numGlyphs + 1)
		case "post":
			places[i].len = postLength
		default:
			places[i].len = len(data)
		}
		places[i].off = end
		end += pad4(places[i].len)
		numTables++
	}
	be := binary.BigEndian
	dirLen := 12 + 16*numTables
	out := make([]byte, dirLen+end)
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(numTables))
	log2 := bits.Len(uint(numTables)) - 1
	searchRange := 16 << log2
	be.PutUint16(out[6:], uint16(searchRange))
	be.PutUint16(out[8:], uint16(log2))
	be.PutUint16(out[10:], uint16(16*numTables-searchRange))

	var glyf, loca, hmtx, newHead []byte
	rec := 12
	for i, t := range subsetTables {
		p := places[i]
		if p.off < 0 {
			continue
		}
		table := out[dirLen+p.off : dirLen+p.off+p.len]
		switch t.tag {
		case "cmap":
			copy(table, emptyCmap[:])
		case "glyf":
			glyf = table
		case "loca":
			loca = table
		case "hmtx":
			copy(table, f.tables[t.tag])
			hmtx = table
		case "head":
			copy(table, head)
			be.PutUint32(table[8:], 0) // checkSumAdjustment, summed as 0
			be.PutUint16(table[50:], uint16(locaEntry/4))
			newHead = table
		case "post":
			copy(table, post)
			be.PutUint32(table, 0x00030000)
		default:
			copy(table, f.tables[t.tag])
		}
		copy(out[rec:], t.tag)
		be.PutUint32(out[rec+8:], uint32(dirLen+p.off))
		be.PutUint32(out[rec+12:], uint32(p.len))
		rec += 16
	}
	s.write(glyf, loca, align, locaEntry)
	s.clearMetrics(hmtx)

	// Tables are padded with zeros to whole words, which the sums include.
	var sum uint32
	for rec := 12; rec < dirLen; rec += 16 {
		off, n := int(be.Uint32(out[rec+8:])), int(be.Uint32(out[rec+12:]))
		c := checksum(out[off : off+pad4(n)])
		be.PutUint32(out[rec+4:], c)
		sum += c
	}
	sum += checksum(out[:dirLen])
	be.PutUint32(newHead[8:], 0xB1B0AFBA-sum)
	return out, nil
}

// clearMetrics zeroes in hmtx the metrics of the glyphs not kept — a PDF
// reader takes the widths from the PDF, and zeros compress to nothing —
// except the last full record, whose advance the glyphs after it share.
func (s *subsetter) clearMetrics(hmtx []byte) {
	long := s.f.numHMetrics
	for g := range s.f.numGlyphs {
		if s.marked(uint16(g)) || g == long-1 {
			continue
		}
		at, n := 4*g, 4
		if g >= long {
			at, n = 4*long+2*(g-long), 2
		}
		if at+n > len(hmtx) {
			return
		}
		clear(hmtx[at : at+n])
	}
}

// subsetter returns a subsetter of f with no glyph marked, having checked
// the lengths of the tables it reads.
func (f *Face) subsetter() (*subsetter, error) {
	s := &subsetter{f: f, glyf: f.tables["glyf"], loca: f.tables["loca"]}
	if len(f.tables["head"]) < headLength {
		return nil, corrupt("head")
	}
	if len(f.tables["post"]) < postLength {
		return nil, corrupt("post")
	}
	s.longLoca = binary.BigEndian.Uint16(f.tables["head"][50:]) != 0
	if s.locaEntry()*(f.numGlyphs+1) > len(s.loca) {
		return nil, corrupt("loca")
	}
	s.marks = make([]uint64, (f.numGlyphs+63)/64)
	return s, nil
}

// subsetter marks the glyphs a subset keeps and writes them.
type subsetter struct {
	f          *Face
	glyf, loca []byte
	longLoca   bool     // the font's loca format, not the subset's
	marks      []uint64 // one bit per glyph kept
	// The length of the subset's glyf table with glyphs padded to 2 and
	// to 4 bytes, for either loca format.
	glyf2, glyf4 int
}

// locaEntry returns the size of an entry of the font's loca table.
func (s *subsetter) locaEntry() int {
	if s.longLoca {
		return 4
	}
	return 2
}

// glyph returns the data of glyph g, checked to lie within glyf.
func (s *subsetter) glyph(g uint16) ([]byte, error) {
	var start, end int
	if s.longLoca {
		start, end = int(binary.BigEndian.Uint32(s.loca[4*int(g):])), int(binary.BigEndian.Uint32(s.loca[4*int(g)+4:]))
	} else {
		start, end = 2*int(binary.BigEndian.Uint16(s.loca[2*int(g):])), 2*int(binary.BigEndian.Uint16(s.loca[2*int(g)+2:]))
	}
	if start > end || end > len(s.glyf) {
		return nil, corrupt("loca")
	}
	return s.glyf[start:end], nil
}

func (s *subsetter) marked(g uint16) bool { return s.marks[g/64]&(1<<(g%64)) != 0 }

// mark keeps glyph g and, when it is a composite at the given depth of
// nesting, its components.
func (s *subsetter) mark(g uint16, depth int) error {
	if s.marked(g) {
		return nil // also ends a composite that contains itself
	}
	s.marks[g/64] |= 1 << (g % 64)
	data, err := s.glyph(g)
	if err != nil || len(data) == 0 {
		return err
	}
	s.glyf2 += (len(data) + 1) &^ 1
	s.glyf4 += pad4(len(data))
	if len(data) < 10 {
		return corrupt("glyf")
	}
	if int16(binary.BigEndian.Uint16(data)) >= 0 {
		return nil // a simple glyph: its contours
	}
	if depth == maxComponentDepth {
		return fmt.Errorf("phông bị hỏng: hình chữ ghép lồng nhau quá %d tầng", maxComponentDepth)
	}
	for p := 10; ; {
		if p+4 > len(data) {
			return corrupt("glyf")
		}
		flags, c := binary.BigEndian.Uint16(data[p:]), binary.BigEndian.Uint16(data[p+2:])
		if int(c) >= s.f.numGlyphs {
			return corrupt("glyf")
		}
		if err := s.mark(c, depth+1); err != nil {
			return err
		}
		p += 4 + 2 // flags, glyph and two byte arguments
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
		if p > len(data) {
			return corrupt("glyf")
		}
		if flags&moreComponents == 0 {
			// Instructions may follow; they are copied with the glyph.
			return nil
		}
	}
}

// write writes the kept glyphs into glyf, each padded to align bytes, and
// their offsets into loca in entries of locaEntry bytes.
func (s *subsetter) write(glyf, loca []byte, align, locaEntry int) {
	pos := 0
	for g := range s.f.numGlyphs + 1 {
		if locaEntry == 2 {
			binary.BigEndian.PutUint16(loca[2*g:], uint16(pos/2))
		} else {
			binary.BigEndian.PutUint32(loca[4*g:], uint32(pos))
		}
		if g < s.f.numGlyphs && s.marked(uint16(g)) {
			data, _ := s.glyph(uint16(g))
			copy(glyf[pos:], data)
			pos += (len(data) + align - 1) &^ (align - 1)
		}
	}
}

// checksum is the TrueType table checksum: the sum of the big-endian words
// of data, whose length is a multiple of 4.
func checksum(data []byte) uint32 {
	// Eight words at a time, read in pairs whose halves are summed apart
	// so that no carry crosses from one into the other.
	be := binary.BigEndian
	var hi, lo uint64
	for ; len(data) >= 32; data = data[32:] {
		w0, w1, w2, w3 := be.Uint64(data), be.Uint64(data[8:]), be.Uint64(data[16:]), be.Uint64(data[24:])
		hi += w0>>32 + w1>>32 + w2>>32 + w3>>32
		lo += w0&0xFFFFFFFF + w1&0xFFFFFFFF + w2&0xFFFFFFFF + w3&0xFFFFFFFF
	}
	for ; len(data) >= 4; data = data[4:] {
		lo += uint64(be.Uint32(data))
	}
	return uint32(hi + lo)
}

func pad4(n int) int { return (n + 3) &^ 3 }

// corrupt reports a table that does not hold what the font says it does.
func corrupt(table string) error {
	return errors.New("phông bị hỏng: bảng " + table + " không đọc được")
}
