package picture

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// nrgba returns the pixels of img as 8-bit red, green, blue and alpha,
// unpremultiplied, read from the types image/png decodes to: 16-bit
// samples keep their high byte.
func nrgba(t testing.TB, img image.Image) []byte {
	t.Helper()
	b := img.Bounds()
	out := make([]byte, 0, 4*b.Dx()*b.Dy())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			var c color.NRGBA
			switch v := img.At(x, y).(type) {
			case color.Gray:
				c = color.NRGBA{v.Y, v.Y, v.Y, 255}
			case color.Gray16:
				c = color.NRGBA{byte(v.Y >> 8), byte(v.Y >> 8), byte(v.Y >> 8), 255}
			case color.RGBA: // opaque
				c = color.NRGBA{v.R, v.G, v.B, 255}
			case color.RGBA64: // opaque
				c = color.NRGBA{byte(v.R >> 8), byte(v.G >> 8), byte(v.B >> 8), 255}
			case color.NRGBA:
				c = v
			case color.NRGBA64:
				c = color.NRGBA{byte(v.R >> 8), byte(v.G >> 8), byte(v.B >> 8), byte(v.A >> 8)}
			default:
				t.Fatalf("image/png decoded a %T", v)
			}
			out = append(out, c.R, c.G, c.B, c.A)
		}
	}
	return out
}

// rowsNRGBA returns what Rows gives as 8-bit red, green, blue and alpha.
func rowsNRGBA(p *Picture) ([]byte, error) {
	var out []byte
	ch := p.Channels()
	err := p.Rows(func(colour, alpha []byte) error {
		for x := range p.Width {
			c := colour[x*ch : x*ch+ch]
			a := byte(255)
			if alpha != nil {
				a = alpha[x]
			}
			if ch == 1 {
				out = append(out, c[0], c[0], c[0], a)
			} else {
				out = append(out, c[0], c[1], c[2], a)
			}
		}
		return nil
	})
	return out, err
}

// agree checks that Check accepts data exactly when image/png decodes it,
// and that Rows then gives the pixels image/png gives; it reports whether
// they did.
func agree(t testing.TB, data []byte) bool {
	t.Helper()
	img, derr := png.Decode(bytes.NewReader(data))
	p, err := Check(data)
	if (err == nil) != (derr == nil) {
		if err != nil && ourLimit(err.Error()) {
			return false
		}
		t.Fatalf("Check says %v, image/png says %v", err, derr)
	}
	if err != nil {
		return false
	}
	if p.Opaque() && !opaque(img) {
		t.Fatalf("Opaque, but image/png decodes a %T", img)
	}
	got, err := rowsNRGBA(p)
	if err != nil {
		t.Fatalf("Rows: %v", err)
	}
	if want := nrgba(t, img); !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Fatalf("pixel %d differs: got %v, image/png %v (%d and %d bytes)", i/4, got[i/4*4:min(len(got), i/4*4+4)], want[i/4*4:min(len(want), i/4*4+4)], len(got), len(want))
	}
	return true
}

// agreeBoth checks that a valid PNG and the same interlaced are read as
// image/png reads them.
func agreeBoth(t *testing.T, data []byte) {
	t.Helper()
	if !agree(t, data) {
		t.Fatal("image/png does not read the picture")
	}
	in := interlace(t, data)
	if !bytes.Equal(in, data) && !agree(t, in) {
		t.Fatal("image/png does not read the picture interlaced")
	}
}

// opaque reports whether image/png decoded img to a type without alpha.
func opaque(img image.Image) bool {
	switch img := img.(type) {
	case *image.Gray, *image.Gray16, *image.RGBA, *image.RGBA64:
		return true
	case *image.Paletted:
		for _, c := range img.Palette {
			if _, ok := c.(color.NRGBA); ok {
				return false
			}
		}
		return true
	}
	return false
}

// TestRowsPngSuite reads the PngSuite's pictures — every colour type and
// depth, with and without transparency — and the same interlaced.
func TestRowsPngSuite(t *testing.T) {
	files, err := filepath.Glob("testdata/*.png")
	if err != nil || len(files) < 40 {
		t.Fatalf("%d pictures, %v", len(files), err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			agreeBoth(t, readTestdata(t, filepath.Base(f)))
		})
	}
}

// TestRowsGenerated reads pictures of random pixels of every colour type
// and depth, at sizes that leave passes of the interlacing empty or
// partial, with a transparent colour or not, interlaced or not.
func TestRowsGenerated(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for colour, allowed := range depths {
		for depth := 1; depth <= 16; depth *= 2 {
			if allowed&depth == 0 {
				continue
			}
			for _, size := range [][2]int{{1, 1}, {2, 3}, {3, 2}, {5, 7}, {9, 9}, {17, 4}} {
				for _, trns := range []bool{false, true} {
					if trns && colour != grey && colour != rgb && colour != paletted {
						continue
					}
					name := fmt.Sprintf("type %d, %d bits, %d×%d, tRNS %v", colour, depth, size[0], size[1], trns)
					t.Run(name, func(t *testing.T) {
						agreeBoth(t, randomPNG(rng, size[0], size[1], depth, colour, trns))
					})
				}
			}
		}
	}
}

// randomPNG makes a PNG of random samples, every row unfiltered. With
// trns, a transparent colour that some pixels have (the first pixel's), or
// a palette with transparent entries, some beyond the palette's.
func randomPNG(rng *rand.Rand, w, h, depth, colour int, trns bool) []byte {
	bits := samples[colour] * depth
	rowLen := (w*bits + 7) / 8
	rows := make([]byte, 0, h*(1+rowLen))
	for range h {
		rows = append(rows, 0)
		for range rowLen {
			rows = append(rows, byte(rng.IntN(256)))
		}
	}
	if trns {
		// Copy the first pixel into others, so the transparent colour is met.
		for y := range h {
			for x := 0; x < w; x += 2 {
				copyBits(rows[y*(1+rowLen)+1:], x, rows[1:], 0, bits)
			}
		}
	}
	var extra [][]byte
	if colour == paletted {
		n := max(1, (1<<depth)*2/3) // some indices past the palette
		pal := make([]byte, 3*n)
		for i := range pal {
			pal[i] = byte(rng.IntN(256))
		}
		extra = append(extra, chunk("PLTE", pal))
	}
	if trns {
		var t []byte
		switch colour {
		case paletted:
			t = make([]byte, 1<<depth/2)
			for i := range t {
				t[i] = byte(rng.IntN(256))
			}
		default:
			for c := range samples[colour] {
				v := bitsAt(rows[1:], c*depth, depth)
				t = append(t, byte(v>>8), byte(v))
			}
		}
		extra = append(extra, chunk("tRNS", t))
	}
	return rawPNG(w, h, depth, colour, 0, rows, extra...)
}

// bitsAt returns the n bits of row from bit i, big-endian.
func bitsAt(row []byte, i, n int) int {
	v := 0
	for b := i; b < i+n; b++ {
		v = v<<1 | int(row[b/8]>>(7-b%8)&1)
	}
	return v
}

// copyBits copies the pixel of bits bits at x in src to x in dst.
func copyBits(dst []byte, dx int, src []byte, sx, bits int) {
	for b := range bits {
		from, to := sx*bits+b, dx*bits+b
		bit := src[from/8] >> (7 - from%8) & 1
		dst[to/8] = dst[to/8]&^(1<<(7-to%8)) | bit<<(7-to%8)
	}
}

// interlace returns the PNG data, not interlaced, re-encoded interlaced:
// its unfiltered rows, as scan gives them, laid out in the seven passes,
// each row unfiltered. An interlaced PNG is returned as it is.
func interlace(t testing.TB, data []byte) []byte {
	t.Helper()
	p, err := Read(data)
	if err != nil || p.png.interlaced {
		return data
	}
	bits := samples[p.png.colour] * p.png.depth
	rowLen := (p.Width*bits + 7) / 8
	full := make([]byte, 0, p.Height*rowLen)
	if err := p.scan(func(_, _ int, row []byte) error {
		full = append(full, row...)
		return nil
	}); err != nil {
		return data
	}
	var rows []byte
	for _, a := range adam7 {
		w, h := a.width(p.Width), a.height(p.Height)
		if w == 0 || h == 0 {
			continue
		}
		n := (w*bits + 7) / 8
		for y := range h {
			row := make([]byte, n)
			src := full[(a.y+y*a.dy)*rowLen:]
			for i := range w {
				copyBits(row, i, src, a.x+i*a.dx, bits)
			}
			rows = append(rows, 0)
			rows = append(rows, row...)
		}
	}
	var extra [][]byte
	for _, typ := range []string{"PLTE", "tRNS"} {
		if at := bytes.Index(data, []byte(typ)); at >= 4 && at < bytes.Index(data, []byte("IDAT")) {
			n := int(data[at-4])<<24 | int(data[at-3])<<16 | int(data[at-2])<<8 | int(data[at-1])
			extra = append(extra, chunk(typ, data[at+4:at+4+n]))
		}
	}
	return rawPNG(p.Width, p.Height, p.png.depth, p.png.colour, 1, rows, extra...)
}

var update = flag.Bool("update", false, "rewrite the interlaced test pictures")

// interlacedFiles are test pictures kept interlaced in testdata, for the
// tests of packages that embed pictures: made from PngSuite's by
// interlace.
var interlacedFiles = []string{"basn0g01.png", "basn0g16.png", "basn2c16.png", "basn3p04.png", "basn4a08.png", "basn6a16.png", "ftbbn3p08.png"}

// TestInterlacedFiles checks the interlaced test pictures are what
// interlace makes of PngSuite's (-update writes them), and read as
// image/png reads them.
func TestInterlacedFiles(t *testing.T) {
	for _, name := range interlacedFiles {
		want := interlace(t, readTestdata(t, name))
		path := filepath.Join("testdata", "interlaced-"+name)
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got := readTestdata(t, filepath.Base(path))
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not what interlace makes: run go test ./render/picture -run InterlacedFiles -update", path)
		}
		if p, err := Read(got); err != nil || !p.png.interlaced || !agree(t, got) {
			t.Errorf("%s is not read as an interlaced picture: %v", path, err)
		}
	}
}
