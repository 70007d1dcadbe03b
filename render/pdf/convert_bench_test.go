package pdf

import (
	"bytes"
	"testing"

	"baocao/render/picture"
	"baocao/render/picture/picturetest"
)

// BenchmarkConvert converts a PNG of 2.000 × 2.000 pixels of each kind
// that is converted: 16 bits with alpha, 8 bits with alpha, interlaced.
func BenchmarkConvert(b *testing.B) {
	for _, c := range []struct {
		name       string
		depth      int
		interlaced bool
	}{{"rgba16", 16, false}, {"rgba8", 8, false}, {"rgba8-interlaced", 8, true}} {
		b.Run(c.name, func(b *testing.B) {
			var data bytes.Buffer
			h := picturetest.Header{Width: 2000, Height: 2000, Depth: c.depth, Colour: 6, Interlaced: c.interlaced}
			err := picturetest.Write(&data, h, func(_, y int, row []byte) {
				for i := range row[1:] {
					row[1+i] = byte(i*7 + y*3)
				}
			})
			if err != nil {
				b.Fatal(err)
			}
			p, err := picture.Check(data.Bytes())
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(p.Width * p.Height))
			for b.Loop() {
				if _, _, err := convert(p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
