package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"fmt"
	"strconv"

	"baocao/render/layout"
	"baocao/render/picture"
)

// The images are embedded here, not by fpdf, which holds each one whole in
// memory several times over and decodes a PNG with transparency whole: a
// 10000 × 10000 picture took gigabytes. Here a JPEG and a plain PNG go
// into the PDF as they are in the file, written from where they lie, and
// another PNG is converted row by row (see convert).

// images are the pictures a document draws, each embedded once however
// often it is drawn.
type images struct {
	list  []*picture.Picture
	index map[*picture.Picture]int
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
	return fmt.Appendf(content, "q %s 0 0 %s %s %s cm /%s Do Q\n",
		num(im.W*k), num(im.H*k), num(im.X*k), num((height-im.Y-im.H)*k), imageName(n))
}

// imageName names image n in the pages' resources. fpdf names its own
// images I1, I2…: it draws none.
func imageName(n int) string { return "Im" + strconv.Itoa(n+1) }

// objects returns the resource entries and objects of the images, numbered
// from first.
func (ims *images) objects(first int) (entries []byte, objs []object, err error) {
	for n, p := range ims.list {
		entries = fmt.Appendf(entries, "/%s %d 0 R\n", imageName(n), first+len(objs))
		o, err := imageObjects(p, first+len(objs))
		if err != nil {
			return nil, nil, fmt.Errorf("pdf: image %d: %w", n+1, err)
		}
		objs = append(objs, o...)
	}
	return entries, objs, nil
}

// imageObjects returns the image XObject of p, numbered num, and the soft
// mask that holds its transparency, if it has one, numbered num+1.
func imageObjects(p *picture.Picture, num int) ([]object, error) {
	head := fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d", p.Width, p.Height)
	switch {
	case p.Format == picture.JPEG:
		cs := [...]string{1: "/DeviceGray", 3: "/DeviceRGB", 4: "/DeviceCMYK"}[p.Components()]
		if p.Inverted() {
			cs += " /Decode [1 0 1 0 1 0 1 0]"
		}
		return []object{streamObject(fmt.Sprintf("%s /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode", head, cs), p.Data())}, nil
	case p.Plain():
		s := p.Stream()
		cs := "/DeviceRGB"
		switch {
		case s.Palette != nil:
			cs = fmt.Sprintf("[/Indexed /DeviceRGB %d <%s>]", len(s.Palette)/3-1, hex.EncodeToString(s.Palette))
		case s.Colors == 1:
			cs = "/DeviceGray"
		}
		return []object{streamObject(fmt.Sprintf("%s /ColorSpace %s /BitsPerComponent %d %s", head, cs, s.Depth, flate(s.Colors, s.Depth, p.Width)), s.Parts...)}, nil
	}
	colour, alpha, err := convert(p)
	if err != nil {
		return nil, err
	}
	cs := "/DeviceRGB"
	if p.Channels() == 1 {
		cs = "/DeviceGray"
	}
	dict := fmt.Sprintf("%s /ColorSpace %s /BitsPerComponent 8 %s", head, cs, flate(p.Channels(), 8, p.Width))
	if alpha == nil {
		return []object{streamObject(dict, colour)}, nil
	}
	mask := fmt.Sprintf("%s /ColorSpace /DeviceGray /BitsPerComponent 8 %s", head, flate(1, 8, p.Width))
	return []object{
		streamObject(fmt.Sprintf("%s /SMask %d 0 R", dict, num+1), colour),
		streamObject(mask, alpha),
	}, nil
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
	cz := zlib.NewWriter(&cbuf)
	var az *zlib.Writer
	if !p.Opaque() {
		az = zlib.NewWriter(&abuf)
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

// filter filters rows of 8-bit samples as PNG does.
type filter struct {
	bpp        int    // bytes a pixel
	prev       []byte // the row above, unfiltered; zeros for the first
	out, trial []byte // the filter byte and the filtered row
}

func newFilter(width, bpp int) *filter {
	return &filter{bpp: bpp, prev: make([]byte, width), out: make([]byte, 1+width), trial: make([]byte, 1+width)}
}

// row returns cur filtered — its filter byte, then the bytes — by the
// filter whose bytes, as signed differences, sum smallest (the heuristic
// of libpng). The result is valid until the next call.
func (f *filter) row(cur []byte) []byte {
	best := -1
	for typ := byte(0); typ <= 4; typ++ {
		f.trial[0] = typ
		sum := 0
		for i, x := range cur {
			var a, c byte
			if i >= f.bpp {
				a, c = cur[i-f.bpp], f.prev[i-f.bpp]
			}
			b := f.prev[i]
			var pred byte
			switch typ {
			case 1:
				pred = a
			case 2:
				pred = b
			case 3:
				pred = byte((int(a) + int(b)) / 2)
			case 4:
				pred = picture.Paeth(a, b, c)
			}
			d := x - pred
			f.trial[1+i] = d
			sum += abs8(d)
		}
		if best < 0 || sum < best {
			best = sum
			f.out, f.trial = f.trial, f.out
		}
	}
	copy(f.prev, cur)
	return f.out
}

// abs8 is the size of a byte read as a signed difference.
func abs8(d byte) int {
	if d >= 128 {
		return 256 - int(d)
	}
	return int(d)
}
