package face

import "encoding/binary"

// charMap is the subtable of a font's character map that sfnt reads, read
// in place when it has one of the two formats fonts use for Unicode:
// 4 (segments of the Basic Multilingual Plane) or 12 (groups over all
// planes). Reading it directly fills the rune tables of a face in
// microseconds, where asking sfnt rune by rune took most of parsing.
type charMap struct {
	data   []byte // from the subtable to the end of the cmap table
	format uint16
	n      int // segments (format 4) or groups (format 12)
}

// newCharMap finds in a cmap table the subtable sfnt chooses, so that the
// two agree on every rune. ok is false when that subtable has another
// format or is not well formed (segments out of order or past the end of
// the table); the caller then asks sfnt.
func newCharMap(cmap []byte) (m charMap, ok bool) {
	be := binary.BigEndian
	if len(cmap) < 4 {
		return charMap{}, false
	}
	// As sfnt does: the widest encoding wins, the first of equal width.
	best, bestWidth := 0, 0
	for i := range int(be.Uint16(cmap[2:])) {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return charMap{}, false
		}
		pid, psid := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:])
		width := encodingWidth(pid, psid)
		if width <= bestWidth {
			continue
		}
		off := uint64(be.Uint32(cmap[rec+4:]))
		if off+4 > uint64(len(cmap)) {
			return charMap{}, false
		}
		switch be.Uint16(cmap[off:]) {
		case 0:
			if pid != 1 || psid != 0 {
				continue // sfnt reads format 0 only as Mac Roman
			}
		case 4, 6, 12:
		default:
			continue
		}
		best, bestWidth = int(off), width
	}
	if bestWidth == 0 {
		return charMap{}, false
	}
	m = charMap{data: cmap[best:], format: be.Uint16(cmap[best:])}
	switch m.format {
	case 4:
		if len(m.data) < 14 || be.Uint16(m.data[6:])%2 != 0 {
			return charMap{}, false
		}
		m.n = int(be.Uint16(m.data[6:]) / 2)
		if 16+8*m.n > len(m.data) {
			return charMap{}, false
		}
	case 12:
		if len(m.data) < 16 || uint64(be.Uint32(m.data[12:])) > uint64(len(m.data)-16)/12 {
			return charMap{}, false
		}
		m.n = int(be.Uint32(m.data[12:]))
	default:
		return charMap{}, false
	}
	// Binary search and the in-order fill need sorted, disjoint segments.
	var prev uint32
	for i := range m.n {
		sp := m.span(i)
		if sp.start > sp.end || i > 0 && sp.start <= prev {
			return charMap{}, false
		}
		prev = sp.end
	}
	return m, true
}

// encodingWidth is sfnt's ranking of cmap encodings: the bytes a character
// code takes, 0 for encodings sfnt does not read.
func encodingWidth(pid, psid uint16) int {
	switch {
	case pid == 0 && psid == 3, pid == 3 && (psid == 0 || psid == 1):
		return 2
	case pid == 0 && psid == 4, pid == 3 && psid == 10:
		return 4
	case pid == 1 && psid == 0:
		return 1
	}
	return 0
}

// span is a run of codes of a character map: a format 4 segment or a
// format 12 group.
type span struct {
	start, end uint32
	delta      uint32 // added to the code, or to the glyph array's entry
	array      int    // where the glyph of start is in a format 4 glyph array, -1 for none
	mask       uint32 // format 4 glyph numbers wrap at 16 bits
}

// span returns segment or group i.
func (m *charMap) span(i int) span {
	be := binary.BigEndian
	if m.format == 12 {
		g := m.data[16+12*i:]
		start := be.Uint32(g)
		return span{start: start, end: be.Uint32(g[4:]), delta: be.Uint32(g[8:]) - start, array: -1, mask: 0xFFFFFFFF}
	}
	sp := span{
		start: uint32(be.Uint16(m.data[16+2*m.n+2*i:])),
		end:   uint32(be.Uint16(m.data[14+2*i:])),
		delta: uint32(be.Uint16(m.data[16+4*m.n+2*i:])),
		array: -1,
		mask:  0xFFFF,
	}
	// idRangeOffset counts from its own place in the table.
	at := 16 + 6*m.n + 2*i
	if ro := int(be.Uint16(m.data[at:])); ro != 0 {
		sp.array = at + ro
	}
	return sp
}

// glyph returns the glyph of code c of the span, unchecked against the
// number of glyphs; 0 when a glyph array entry lies past the table. A
// nonzero array entry is offset by delta as the specification says and
// fpdf does (sfnt leaves it as it is, which matters for no font seen).
func (m *charMap) glyph(sp *span, c uint32) uint32 {
	if sp.array < 0 {
		return (c + sp.delta) & sp.mask
	}
	at := sp.array + 2*int(c-sp.start)
	if at+2 > len(m.data) {
		return 0
	}
	g := uint32(binary.BigEndian.Uint16(m.data[at:]))
	if g == 0 {
		return 0
	}
	return (g + sp.delta) & sp.mask
}

// lookup returns the glyph of rune r, 0 when the map has none.
func (m *charMap) lookup(r rune) uint32 {
	c := uint32(r)
	for lo, hi := 0, m.n; lo < hi; {
		h := int(uint(lo+hi) >> 1)
		switch sp := m.span(h); {
		case c < sp.start:
			hi = h
		case c > sp.end:
			lo = h + 1
		default:
			return m.glyph(&sp, c)
		}
	}
	return 0
}

// fill sets glyphs[r] for every rune r below len(glyphs) the map has,
// keeping glyph numbers below numGlyphs only.
func (m *charMap) fill(glyphs []uint16, numGlyphs int) {
	limit := uint32(len(glyphs))
	for i := range m.n {
		sp := m.span(i)
		for c := sp.start; c <= sp.end && c < limit; c++ {
			if g := m.glyph(&sp, c); g < uint32(numGlyphs) {
				glyphs[c] = uint16(g)
			}
		}
		if sp.end >= limit {
			break
		}
	}
}
