package face

import (
	"encoding/binary"
	"math"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"baocao/fonts"
)

// TestMetrics: the descriptor metrics are sfnt's reading of the same
// tables, in thousandths of an em.
func TestMetrics(t *testing.T) {
	s := fonts.LiberationSerif()
	// OS/2 version 1 has no sCapHeight.
	os2v1 := patchFont(s.Regular, func(tag string, rec, data []byte) {
		if tag == "OS/2" {
			binary.BigEndian.PutUint16(data[binary.BigEndian.Uint32(rec[8:]):], 1)
		}
	})
	tests := []struct {
		name        string
		data        []byte
		weight      int
		italic      bool
		capIsAscent bool
	}{
		{"regular", s.Regular, 400, false, false},
		{"bold", s.Bold, 700, false, false},
		{"italic", s.Italic, 400, true, false},
		{"bold italic", s.BoldItalic, 700, true, false},
		{"OS/2 version 1", os2v1, 400, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := parse(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			got := f.Metrics()
			ppem := fixed.Int26_6(f.font.UnitsPerEm()) * 64
			em := func(v fixed.Int26_6) int { return int(math.Round(float64(v) / 64 * 1000 / f.upem)) }
			var buf sfnt.Buffer
			m, err := f.font.Metrics(&buf, ppem, font.HintingNone)
			if err != nil {
				t.Fatal(err)
			}
			b, err := f.font.Bounds(&buf, ppem, font.HintingNone)
			if err != nil {
				t.Fatal(err)
			}
			adv, err := f.font.GlyphAdvance(&buf, 0, ppem, font.HintingNone)
			if err != nil {
				t.Fatal(err)
			}
			post := f.font.PostTable()
			// sfnt's y axis points down.
			want := Metrics{
				Ascent:       em(m.Ascent),
				Descent:      -em(m.Descent),
				CapHeight:    em(m.CapHeight),
				BBox:         [4]int{em(b.Min.X), -em(b.Max.Y), em(b.Max.X), -em(b.Min.Y)},
				ItalicAngle:  post.ItalicAngle,
				Weight:       tt.weight,
				FixedPitch:   post.IsFixedPitch,
				MissingWidth: em(adv),
			}
			if tt.capIsAscent {
				want.CapHeight = want.Ascent
			}
			if got != want {
				t.Errorf("got %+v\nwant %+v", got, want)
			}
			if (got.ItalicAngle < 0) != tt.italic || got.Descent >= 0 || got.BBox[0] >= got.BBox[2] {
				t.Errorf("implausible %+v", got)
			}
		})
	}
}
