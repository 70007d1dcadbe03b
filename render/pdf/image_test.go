package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"baocao/render/layout"
	"baocao/render/picture"
	"baocao/render/picture/picturetest"
)

// pictures are PNGs and JPEGs of every kind the embedding handles, by
// name: the plain PNGs that go in as they are, those converted row by row
// (transparent, 16-bit, interlaced), and JPEGs in each colour space.
func pictures(t *testing.T) map[string][]byte {
	t.Helper()
	suite := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("..", "picture", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	enc := func(img image.Image) []byte {
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	encJPEG := func(img image.Image) []byte {
		var b bytes.Buffer
		if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 100}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	// 24 × 16 pixels of flat colours in blocks of 4, and alpha varying by
	// column of blocks.
	rgba := image.NewNRGBA64(image.Rect(0, 0, 24, 16))
	for y := range 16 {
		for x := range 24 {
			bx, by := x/4, y/4
			rgba.SetNRGBA64(x, y, color.NRGBA64{R: uint16(bx * 0x2A00), G: uint16(by * 0x5000), B: uint16((bx + by) * 0x1800), A: uint16(0xFFFF - bx*0x2000)})
		}
	}
	opaque := image.NewRGBA(rgba.Bounds())
	for y := range 16 {
		for x := range 24 {
			c := rgba.NRGBA64At(x, y)
			opaque.Set(x, y, color.RGBA{byte(c.R >> 8), byte(c.G >> 8), byte(c.B >> 8), 255})
		}
	}
	grey := image.NewGray(opaque.Bounds())
	for y := range 16 {
		for x := range 24 {
			grey.Set(x, y, opaque.At(x, y))
		}
	}
	pal := image.NewPaletted(opaque.Bounds(), color.Palette{color.RGBA{200, 0, 0, 255}, color.RGBA{0, 150, 0, 255}, color.RGBA{0, 0, 255, 255}, color.White})
	for y := range 16 {
		for x := range 24 {
			pal.SetColorIndex(x, y, uint8((x/4+y/4)%4))
		}
	}
	nrgba8 := image.NewNRGBA(rgba.Bounds())
	for y := range 16 {
		for x := range 24 {
			nrgba8.Set(x, y, rgba.At(x, y))
		}
	}
	return map[string][]byte{
		"png rgb":                   enc(opaque),
		"png grey":                  enc(grey),
		"png palette":               enc(pal),
		"png grey 1 bit":            suite("basn0g01.png"),
		"png grey 2 bits":           suite("basn0g02.png"),
		"png palette 4 bits":        suite("basn3p04.png"),
		"png rgba":                  enc(nrgba8),
		"png rgba 16 bits":          enc(rgba),
		"png grey 16 bits":          suite("basn0g16.png"),
		"png grey and alpha":        suite("basn4a08.png"),
		"png palette with tRNS":     suite("ftbbn3p08.png"),
		"png grey with tRNS":        suite("ftbbn0g04.png"),
		"png rgb with tRNS":         suite("ftbrn2c08.png"),
		"png interlaced palette":    suite("interlaced-basn3p04.png"),
		"png interlaced rgba 16":    suite("interlaced-basn6a16.png"),
		"png interlaced grey 1 bit": suite("interlaced-basn0g01.png"),
		"jpeg rgb":                  encJPEG(opaque),
		"jpeg grey":                 encJPEG(grey),
		"jpeg cmyk":                 suite("cmyk-adobe.jpeg"),
	}
}

// TestImagesRendered draws every kind of picture alone on a page, one
// millimetre a pixel, renders the PDF with poppler at 10 pixels a
// millimetre and compares the middle of each pixel with the picture as
// image/png or image/jpeg decodes it, laid on white paper; in a PDF/A
// too, where a CMYK JPEG is converted to RGB.
func TestImagesRendered(t *testing.T) {
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Skip("pdftoppm not installed (poppler-utils)")
	}
	pdfa := sampleInfo
	pdfa.PDFA = true
	for name, data := range pictures(t) {
		for _, info := range []Info{sampleInfo, pdfa} {
			if info.PDFA {
				name += ", PDF/A"
			}
			t.Run(name, func(t *testing.T) { imageRendered(t, bin, data, info) })
		}
	}
}

// imageRendered is TestImagesRendered for a picture and a file's Info.
func imageRendered(t *testing.T, bin string, data []byte, info Info) {
	p, err := picture.Check(data)
	if err != nil {
		t.Fatal(err)
	}
	w, h := float64(p.Width), float64(p.Height)
	page := &layout.Page{Width: w, Height: h, Items: []layout.Item{&layout.Image{W: w, H: h, Picture: p}}}
	doc := write(t, []*layout.Page{page}, info)
	checkXref(t, doc)
	if info.PDFA && bytes.Contains(doc, []byte("/DeviceCMYK")) {
		t.Error("a PDF/A with an sRGB output intent draws in CMYK")
	}
	shown := rasterize(t, bin, doc, 254)
	want, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	// The largest difference allowed at a pixel and on average:
	// poppler decodes JPEGs otherwise than image/jpeg (chroma at
	// the edges of colours) and converts CMYK otherwise — but a
	// wrong colour space or CMYK not inverted is some 100 off.
	most, mean := 2, 1.0
	if p.Format == picture.JPEG {
		most, mean = 32, 6
		// Converted to RGB for a PDF/A, CMYK is as image/jpeg
		// shows it; as it is, as poppler does.
		if p.Components() == 4 && !info.PDFA {
			most, mean = 128, 20
		}
	}
	worst, sum := 0, 0
	for y := range p.Height {
		for x := range p.Width {
			got := color.NRGBAModel.Convert(shown.At(10*x+5, 10*y+5)).(color.NRGBA)
			exp := onWhite(want.At(x, y))
			for i, d := range []int{int(got.R) - int(exp.R), int(got.G) - int(exp.G), int(got.B) - int(exp.B)} {
				d = max(d, -d)
				worst, sum = max(worst, d), sum+d
				if d > most {
					t.Fatalf("pixel %d,%d: channel %d is %v, want %v", x, y, i, got, exp)
				}
			}
		}
	}
	if avg := float64(sum) / float64(3*p.Width*p.Height); avg > mean {
		t.Errorf("on average a channel is %.1f off, want at most %v", avg, mean)
	}
	t.Logf("largest difference %d, on average %.2f", worst, float64(sum)/float64(3*p.Width*p.Height))
}

// onWhite is c laid on white paper.
func onWhite(c color.Color) color.NRGBA {
	r, g, b, a := c.RGBA() // premultiplied, 16 bits
	over := func(v uint32) uint8 { return uint8((v + 0xFFFF - a) >> 8) }
	return color.NRGBA{over(r), over(g), over(b), 255}
}

// rasterize renders the one-page PDF doc with poppler's pdftoppm (bin) at
// dpi pixels an inch.
func rasterize(t *testing.T, bin string, doc []byte, dpi int) image.Image {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "a.pdf")
	if err := os.WriteFile(in, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "-r", strconv.Itoa(dpi), "-png", "-singlefile", in, filepath.Join(dir, "a")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "a.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	shown, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return shown
}

// TestImageOrientation: a photo stored sideways, with the Exif orientation
// a phone writes, is drawn as a viewer shows it. The test picture is
// stored with its left half black; drawn in the box of its shown size, its
// black half must be where each orientation puts it, in both byte orders,
// grey and in colour.
func TestImageOrientation(t *testing.T) {
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Skip("pdftoppm not installed (poppler-utils)")
	}
	black := map[int]string{0: "left", 1: "left", 2: "right", 3: "right", 4: "left", 5: "top", 6: "top", 7: "bottom", 8: "bottom"}
	for o := range 9 {
		for _, order := range []string{"MM", "II"} {
			for _, grey := range []bool{true, false} {
				name := fmt.Sprintf("orientation %d, %s, grey %v", o, order, grey)
				p, err := picture.Check(picturetest.ExifJPEG(t, 40, 20, o, order, grey))
				if err != nil {
					t.Fatal(err)
				}
				pw, ph := p.Shown()
				w, h := float64(pw), float64(ph)
				page := &layout.Page{Width: w, Height: h, Items: []layout.Item{&layout.Image{W: w, H: h, Picture: p}}}
				shown := rasterize(t, bin, write(t, []*layout.Page{page}, sampleInfo), 254)
				b := shown.Bounds()
				sw, sh := b.Dx(), b.Dy()
				if (sh > sw) != (o >= 5) {
					t.Errorf("%s: rendered %d × %d pixels", name, sw, sh)
					continue
				}
				dark := func(x, y int) bool { return color.GrayModel.Convert(shown.At(x, y)).(color.Gray).Y < 64 }
				// A point well inside the black half, and one well inside the white.
				at := map[string][2][2]int{
					"left": {{sw / 8, sh / 2}, {sw * 7 / 8, sh / 2}}, "right": {{sw * 7 / 8, sh / 2}, {sw / 8, sh / 2}},
					"top": {{sw / 2, sh / 8}, {sw / 2, sh * 7 / 8}}, "bottom": {{sw / 2, sh * 7 / 8}, {sw / 2, sh / 8}},
				}[black[o]]
				if !dark(at[0][0], at[0][1]) || dark(at[1][0], at[1][1]) {
					t.Errorf("%s: the black half is not on the %s", name, black[o])
				}
			}
		}
	}
}
