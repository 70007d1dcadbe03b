package face

import "encoding/binary"

// Metrics are what a PDF font descriptor says of a font (PDF 32000-1,
// 9.8): lengths in thousandths of an em, the unit of PDF glyph space,
// rounded. A field whose table is absent or too short is zero.
type Metrics struct {
	// Ascent and Descent are the hhea ascender and descender, the extent
	// of the font above and below the baseline; Descent is negative.
	Ascent, Descent int
	// CapHeight is the height of flat capitals (OS/2 sCapHeight), the
	// ascent for OS/2 tables older than version 2, which lack it.
	CapHeight int
	// BBox is the box enclosing every glyph: xMin, yMin, xMax, yMax
	// from head.
	BBox [4]int
	// ItalicAngle is the slant of upright strokes in degrees
	// counter-clockwise from vertical, negative for italics (post).
	ItalicAngle float64
	// Weight is the OS/2 usWeightClass: 400 regular, 700 bold.
	Weight int
	// FixedPitch reports that every glyph has the same width (post).
	FixedPitch bool
	// MissingWidth is the advance of glyph 0, drawn for a code the font
	// has no glyph for.
	MissingWidth int
}

// Metrics returns the metrics of the face, read once when it was parsed.
func (f *Face) Metrics() Metrics { return f.metrics }

func (f *Face) readMetrics() Metrics {
	be := binary.BigEndian
	// s16 reads a signed length of table at off in thousandths of an em.
	s16 := func(table []byte, off int) int {
		if off+2 > len(table) {
			return 0
		}
		return f.thousandths(int(int16(be.Uint16(table[off:]))))
	}
	var m Metrics
	hhea, os2, head, post := f.tables["hhea"], f.tables["OS/2"], f.tables["head"], f.tables["post"]
	m.Ascent, m.Descent = s16(hhea, 4), s16(hhea, 6)
	m.CapHeight = m.Ascent
	if len(os2) >= 6 {
		m.Weight = int(be.Uint16(os2[4:]))
		if be.Uint16(os2) >= 2 && len(os2) >= 90 {
			m.CapHeight = s16(os2, 88)
		}
	}
	for i := range m.BBox {
		m.BBox[i] = s16(head, 36+2*i)
	}
	if len(post) >= 16 {
		m.ItalicAngle = float64(int32(be.Uint32(post[4:]))) / 0x10000
		m.FixedPitch = be.Uint32(post[12:]) != 0
	}
	m.MissingWidth = f.thousandths(f.advanceUnits(0))
	return m
}
