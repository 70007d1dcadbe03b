package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"fmt"
	"image/color"
	"image/jpeg"
	"runtime"
	"strconv"
	"sync"

	"baocao/render/layout"
	"baocao/render/picture"
)

// A JPEG and a plain PNG go into the PDF as they are in the file, written
// from where they lie, and another PNG is converted row by row (see
// convert): no picture is ever held decoded whole, but an interlaced one.

// images are the pictures a document draws, each embedded once however
// often it is drawn.
type images struct {
	list  []*picture.Picture
	index map[*picture.Picture]int
	// rgb is set for PDF/A, whose sRGB output intent gives no meaning to
	// CMYK: a CMYK JPEG is then converted to RGB (see cmykToRGB).
	rgb bool
}

// draw appends to content the operators that draw the image of im on a
// page height mm tall, and records its picture.
func (ims *images) draw(content []byte, im *layout.Image, height float64) []byte {
	n, ok := ims.index[im.Picture]
	if !ok {
		if ims.index == nil {
			ims.index = map[*picture.Picture]int{}
		}
		n = len(ims.list)
		ims.index[im.Picture] = n
		ims.list = append(ims.list, im.Picture)
	}
	const k = 72 / 25.4 // points per mm
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
	m := placement(im.Picture.Orientation, im.X*k, (height-im.Y-im.H)*k, im.W*k, im.H*k)
	return fmt.Appendf(content, "q %s %s %s %s %s %s cm /%s Do Q\n",
		num(m[0]), num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), imageName(n))
}

// placement is the matrix that draws an image, stored with the Exif
// orientation o, upright as a viewer shows it into the box of width w and
// height h points whose lower left corner is (x, y): a PDF has no
// orientation tag, so the turn is the matrix's, and the pixels go into
// the file as they are stored.
func placement(o int, x, y, w, h float64) [6]float64 {
	// The image's unit square, u along its stored rows and v up its stored
	// columns, mapped onto the box.
	switch o {
	case 2: // mirrored left to right
		return [6]float64{-w, 0, 0, h, x + w, y}
	case 3: // turned half round
		return [6]float64{-w, 0, 0, -h, x + w, y + h}
	case 4: // mirrored top to bottom
		return [6]float64{w, 0, 0, -h, x, y + h}
	case 5: // mirrored along the diagonal from the top left
		return [6]float64{0, -h, -w, 0, x + w, y + h}
	case 6: // stored a quarter turn anticlockwise: shown turned clockwise
		return [6]float64{0, -h, w, 0, x, y + h}
	case 7: // mirrored along the other diagonal
		return [6]float64{0, h, w, 0, x, y}
	case 8: // stored a quarter turn clockwise
		return [6]float64{0, h, -w, 0, x + w, y}
	}
	return [6]float64{w, 0, 0, h, x, y}
}

// imageName names image n in the pages' resources.
func imageName(n int) string { return "Im" + strconv.Itoa(n+1) }

// objects returns the resource entries and objects of the images, numbered
// from first. The PNGs to convert are converted on every core at once.
func (ims *images) objects(first int) (entries []byte, objs []object, err error) {
	converted := make([]struct{ colour, alpha []byte }, len(ims.list))
	errs := make([]error, len(ims.list))
	var wg sync.WaitGroup
	cores := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, p := range ims.list {
		cmyk := ims.rgb && p.Format == picture.JPEG && p.Components() == 4
		if !cmyk && (p.Format != picture.PNG || p.Plain()) {
			continue
		}
		wg.Go(func() {
			cores <- struct{}{}
			defer func() { <-cores }()
			c := &converted[i]
			if cmyk {
				c.colour, errs[i] = cmykToRGB(p)
				return
			}
			c.colour, c.alpha, errs[i] = convert(p)
		})
	}
	wg.Wait()
	for n, p := range ims.list {
		if errs[n] != nil {
			return nil, nil, fmt.Errorf("pdf: image %d: %w", n+1, errs[n])
		}
		entries = fmt.Appendf(entries, "/%s %d 0 R\n", imageName(n), first+len(objs))
		objs = append(objs, imageObjects(p, first+len(objs), converted[n].colour, converted[n].alpha)...)
	}
	return entries, objs, nil
}

// imageObjects returns the image XObject of p, numbered num, and the soft
// mask that holds its transparency, if it has one, numbered num+1. A PNG
// that is not Plain comes converted: colour and alpha (see convert); so
// does a JPEG converted to RGB (see cmykToRGB).
func imageObjects(p *picture.Picture, num int, colour, alpha []byte) []object {
	head := fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d", p.Width, p.Height)
	switch {
	case p.Format == picture.JPEG && colour != nil:
		return []object{streamObject(fmt.Sprintf("%s /ColorSpace /DeviceRGB /BitsPerComponent 8 %s", head, flate(3, 8, p.Width)), colour)}
	case p.Format == picture.JPEG:
		cs := [...]string{1: "/DeviceGray", 3: "/DeviceRGB", 4: "/DeviceCMYK"}[p.Components()]
		if p.Inverted() {
			cs += " /Decode [1 0 1 0 1 0 1 0]"
		}
		return []object{streamObject(fmt.Sprintf("%s /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode", head, cs), p.Data())}
	case p.Plain():
		s := p.Stream()
		cs := "/DeviceRGB"
		switch {
		case s.Palette != nil:
			cs = fmt.Sprintf("[/Indexed /DeviceRGB %d <%s>]", len(s.Palette)/3-1, hex.EncodeToString(s.Palette))
		case s.Colors == 1:
			cs = "/DeviceGray"
		}
		return []object{streamObject(fmt.Sprintf("%s /ColorSpace %s /BitsPerComponent %d %s", head, cs, s.Depth, flate(s.Colors, s.Depth, p.Width)), s.Parts...)}
	}
	cs := "/DeviceRGB"
	if p.Channels() == 1 {
		cs = "/DeviceGray"
	}
	dict := fmt.Sprintf("%s /ColorSpace %s /BitsPerComponent 8 %s", head, cs, flate(p.Channels(), 8, p.Width))
	if alpha == nil {
		return []object{streamObject(dict, colour)}
	}
	mask := fmt.Sprintf("%s /ColorSpace /DeviceGray /BitsPerComponent 8 %s", head, flate(1, 8, p.Width))
	return []object{
		streamObject(fmt.Sprintf("%s /SMask %d 0 R", dict, num+1), colour),
		streamObject(mask, alpha),
	}
}

// flate is the filter of a zlib stream of rows each with a PNG filter
// byte, as PNG writes them: PDF's PNG predictors (PDF 32000-1, 7.4.4.4).
func flate(colors, depth, columns int) string {
	return fmt.Sprintf("/Filter /FlateDecode /DecodeParms <</Predictor 15 /Colors %d /BitsPerComponent %d /Columns %d>>", colors, depth, columns)
}

// streamObject returns a stream object: the dictionary's entries and the
// stream's data, in parts.
func streamObject(dict string, data ...[]byte) object {
	n := 0
	for _, d := range data {
		n += len(d)
	}
	o := object{fmt.Appendf(nil, "<<%s /Length %d>>\nstream\n", dict, n)}
	o = append(o, data...)
	return append(o, []byte("\nendstream"))
}

// convert turns a PNG that cannot go into the PDF as it is — interlaced,
// 16 bits a sample, or transparent — into zlib streams of 8-bit rows:
// colour, and alpha for the soft mask, or nil. The rows come one at a
// time (picture.Rows), each filtered as PNG encoders do, with the filter
// that leaves the smallest differences, so that the streams compress about
// as well as the file did.
func convert(p *picture.Picture) (colour, alpha []byte, err error) {
	var cbuf, abuf bytes.Buffer
	// At the fastest level: compressing takes longer than anything else
	// here, and the streams come out about as small as the file's.
	cz, _ := zlib.NewWriterLevel(&cbuf, zlib.BestSpeed) // the level is valid
	var az *zlib.Writer
	if !p.Opaque() {
		az, _ = zlib.NewWriterLevel(&abuf, zlib.BestSpeed)
	}
	cf, af := newFilter(p.Width*p.Channels(), p.Channels()), newFilter(p.Width, 1)
	err = p.Rows(func(c, a []byte) error {
		cz.Write(cf.row(c)) // a bytes.Buffer does not fail
		if az != nil {
			az.Write(af.row(a))
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	cz.Close()
	if az == nil {
		return cbuf.Bytes(), nil, nil
	}
	az.Close()
	return cbuf.Bytes(), abuf.Bytes(), nil
}

// cmykToRGB decodes a CMYK JPEG and returns its pixels as a zlib stream of
// filtered 8-bit RGB rows, as convert does. The picture is decoded whole,
// which the loader's bounds on a picture's size allow; CMYK is turned into
// RGB by the naive formula (no profile says what the CMYK meant), which
// is how most viewers show such a picture.
func cmykToRGB(p *picture.Picture) ([]byte, error) {
	img, err := jpeg.Decode(bytes.NewReader(p.Data()))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	z, _ := zlib.NewWriterLevel(&buf, zlib.BestSpeed) // the level is valid
	b := img.Bounds()
	f := newFilter(3*b.Dx(), 3)
	row := make([]byte, 3*b.Dx())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			i := 3 * (x - b.Min.X)
			row[i], row[i+1], row[i+2] = c.R, c.G, c.B
		}
		z.Write(f.row(row)) // a bytes.Buffer does not fail
	}
	z.Close()
	return buf.Bytes(), nil
}

// filter filters rows of 8-bit samples as PNG does.
type filter struct {
	bpp  int    // bytes a pixel
	prev []byte // the row above, unfiltered; zeros for the first
	out  []byte // the filter byte and the filtered row
}

func newFilter(width, bpp int) *filter {
	return &filter{bpp: bpp, prev: make([]byte, width), out: make([]byte, 1+width)}
}

// row returns cur filtered — its filter byte, then the bytes — by the
// filter whose bytes, as signed differences, sum smallest (the heuristic
// of libpng), summed over every seventh byte, which picks the same filter
// at a seventh of the cost. The result is valid until the next call.
func (f *filter) row(cur []byte) []byte {
	var sums [5]int
	prev, bpp := f.prev, f.bpp
	for i := bpp; i < len(cur); i += 7 {
		x, a, b, c := cur[i], cur[i-bpp], prev[i], prev[i-bpp]
		sums[0] += abs8(x)
		sums[1] += abs8(x - a)
		sums[2] += abs8(x - b)
		sums[3] += abs8(x - byte((int(a)+int(b))/2))
		sums[4] += abs8(x - picture.Paeth(a, b, c))
	}
	best := 0
	for typ, sum := range sums {
		if sum < sums[best] {
			best = typ
		}
	}
	out := f.out[1:]
	f.out[0] = byte(best)
	for i, x := range cur {
		var a, c byte
		if i >= bpp {
			a, c = cur[i-bpp], prev[i-bpp]
		}
		b := prev[i]
		switch best {
		case 0:
			out[i] = x
		case 1:
			out[i] = x - a
		case 2:
			out[i] = x - b
		case 3:
			out[i] = x - byte((int(a)+int(b))/2)
		case 4:
			out[i] = x - picture.Paeth(a, b, c)
		}
	}
	copy(prev, cur)
	return f.out
}

// abs8 is the size of a byte read as a signed difference.
func abs8(d byte) int {
	if d >= 128 {
		return 256 - int(d)
	}
	return int(d)
}
