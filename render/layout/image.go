package layout

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io"
)

// picture is a signature, seal or photo read and checked, ready for the PDF.
type picture struct {
	data   []byte
	format string  // "PNG" or "JPEG"
	w, h   int     // pixels
	dpi    float64 // from the file; 0 when it does not say
}

// size returns the picture's printed size in mm, or false when the file
// gives no resolution.
func (p picture) size() (w, h float64, ok bool) {
	if p.dpi <= 0 {
		return 0, 0, false
	}
	return float64(p.w) / p.dpi * 25.4, float64(p.h) / p.dpi * 25.4, true
}

// fit scales the picture, keeping its aspect ratio, to fill a box of
// maxW × maxH mm, never beyond its real size when the file states one.
func (p picture) fit(maxW, maxH float64) (w, h float64) {
	scale := min(maxW/float64(p.w), maxH/float64(p.h))
	if rw, _, ok := p.size(); ok {
		scale = min(scale, rw/float64(p.w))
	}
	return float64(p.w) * scale, float64(p.h) * scale
}

// errImage is returned for data that is not a whole PNG or JPEG image.
var errImage = errors.New("not a PNG or JPEG image")

// readPicture reads the size and resolution of a PNG or JPEG, and
// re-encodes the PNGs fpdf cannot embed (interlaced, or 16 bits per
// channel) as plain 8-bit ones. Other PNGs are not decoded, only their
// pixel data inflated (see checkPixels); a JPEG goes into the PDF as it
// is, its structure checked by the loader.
func readPicture(data []byte) (picture, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") || cfg.Width == 0 || cfg.Height == 0 {
		return picture{}, errImage
	}
	p := picture{data: data, w: cfg.Width, h: cfg.Height}
	if format == "jpeg" {
		p.format, p.dpi = "JPEG", jpegDPI(data)
		if o := jpegOrientation(data); o > 1 {
			return upright(p, o)
		}
		return p, nil
	}
	p.format, p.dpi = "PNG", pngDPI(data)
	// IHDR holds the bit depth at byte 24 and the interlace method at 28.
	if data[24] != 16 && data[28] == 0 {
		return p, checkPixels(data, cfg.Width, cfg.Height)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return picture{}, errImage
	}
	b := img.Bounds()
	rgba := image.NewNRGBA(b)
	draw.Draw(rgba, b, img, b.Min, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, rgba); err != nil {
		return picture{}, err
	}
	p.data = buf.Bytes()
	return p, nil
}

// checkPixels inflates the image data of a PNG of 8 bits or less, not
// interlaced, and checks it is as long as its w × h pixels need: the
// loader checks each chunk's checksum, which a stream corrupt from the
// start (a faulty program's output) passes, and fpdf would embed it as a
// broken picture without an error. It costs a fifth of decoding.
func checkPixels(data []byte, w, h int) error {
	// Samples per pixel by colour type: grey, -, RGB, palette, grey and
	// alpha, -, RGBA.
	samples := [...]int{1, 0, 3, 1, 2, 0, 4}
	depth, colour := int(data[24]), int(data[25])
	if colour >= len(samples) || samples[colour] == 0 {
		return errImage
	}
	row := 1 + (w*samples[colour]*depth+7)/8 // a filter byte, then the samples
	var parts []io.Reader
	for i := 8; i+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		if n > len(data)-i-12 {
			return errImage
		}
		if string(data[i+4:i+8]) == "IDAT" {
			parts = append(parts, bytes.NewReader(data[i+8:i+8+n]))
		}
		i += 12 + n
	}
	zr, err := zlib.NewReader(io.MultiReader(parts...))
	if err != nil {
		return errImage
	}
	n, err := io.Copy(io.Discard, zr)
	if err != nil || n != int64(row)*int64(h) {
		return errImage
	}
	return nil
}

// pngDPI reads the resolution of a PNG's pHYs chunk, in dots per inch.
func pngDPI(data []byte) float64 {
	for i := 8; i+8 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		body := data[i+8:]
		if typ == "IDAT" || n > len(body) {
			return 0 // pHYs comes before the image data
		}
		if typ == "pHYs" && n >= 9 && body[8] == 1 { // unit 1: per metre
			return float64(binary.BigEndian.Uint32(body)) * 0.0254
		}
		i += 12 + n
	}
	return 0
}

// jpegSegments calls fn with each header segment of a JPEG, its marker
// and its content, until fn returns false or the image data starts.
func jpegSegments(data []byte, fn func(marker byte, seg []byte) bool) {
	for i := 2; i+4 <= len(data) && data[i] == 0xFF; {
		marker := data[i+1]
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if marker == 0xDA || n < 2 || i+2+n > len(data) { // start of scan: no more headers
			return
		}
		if !fn(marker, data[i+4:i+2+n]) {
			return
		}
		i += 2 + n
	}
}

// jpegDPI reads the resolution of a JPEG's JFIF header, in dots per inch.
func jpegDPI(data []byte) float64 {
	dpi := 0.0
	jpegSegments(data, func(marker byte, seg []byte) bool {
		if marker != 0xE0 || len(seg) < 12 || string(seg[:5]) != "JFIF\x00" {
			return true
		}
		density := float64(binary.BigEndian.Uint16(seg[8:]))
		switch seg[7] {
		case 1:
			dpi = density
		case 2: // dots per cm
			dpi = density * 2.54
		}
		return false
	})
	return dpi
}

// jpegOrientation reads the orientation a camera records in a JPEG's Exif
// header, 1 to 8 (TIFF tag 274); 1, upright as stored, when there is none.
// A phone held upright stores its photo sideways with orientation 6:
// viewers turn it, a PDF does not.
func jpegOrientation(data []byte) int {
	o := 1
	jpegSegments(data, func(marker byte, seg []byte) bool {
		if marker != 0xE1 || len(seg) < 14 || string(seg[:6]) != "Exif\x00\x00" {
			return true
		}
		tiff := seg[6:]
		var order binary.ByteOrder
		switch string(tiff[:4]) {
		case "II*\x00":
			order = binary.LittleEndian
		case "MM\x00*":
			order = binary.BigEndian
		default:
			return false
		}
		ifd := int64(order.Uint32(tiff[4:]))
		if ifd+2 > int64(len(tiff)) {
			return false
		}
		n := int64(order.Uint16(tiff[ifd:]))
		for i := range n {
			at := ifd + 2 + 12*i
			if at+12 > int64(len(tiff)) {
				break
			}
			// Tag 274, of type SHORT (3), one value.
			if order.Uint16(tiff[at:]) == 274 && order.Uint16(tiff[at+2:]) == 3 && order.Uint32(tiff[at+4:]) == 1 {
				if v := int(order.Uint16(tiff[at+8:])); v >= 1 && v <= 8 {
					o = v
				}
				break
			}
		}
		return false
	})
	return o
}

// upright turns or mirrors a JPEG's pixels as its Exif orientation o says
// a viewer shows them, and encodes it again: a PDF has no orientation
// tag, and a photo printed sideways has the wrong aspect as well.
func upright(p picture, o int) (picture, error) {
	img, err := jpeg.Decode(bytes.NewReader(p.data))
	if err != nil {
		return picture{}, errImage
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	// from is where the pixel shown at (x, y) is stored.
	from := func(x, y int) (int, int) {
		switch o {
		case 2:
			return w - 1 - x, y
		case 3:
			return w - 1 - x, h - 1 - y
		case 4:
			return x, h - 1 - y
		case 5:
			return y, x
		case 6:
			return y, h - 1 - x
		case 7:
			return w - 1 - y, h - 1 - x
		case 8:
			return w - 1 - y, x
		}
		return x, y
	}
	var out image.Image
	switch src := img.(type) {
	case *image.YCbCr:
		// Turned, 4:2:0 (a camera's) and 4:4:4 stay as they are; other
		// subsamplings are turned to 4:4:4.
		ratio := src.SubsampleRatio
		if ratio != image.YCbCrSubsampleRatio420 {
			ratio = image.YCbCrSubsampleRatio444
		}
		d := image.NewYCbCr(image.Rect(0, 0, dw, dh), ratio)
		for y := range dh {
			for x := range dw {
				sx, sy := from(x, y)
				sx, sy = sx+b.Min.X, sy+b.Min.Y
				sc, dc := src.COffset(sx, sy), d.COffset(x, y)
				d.Y[d.YOffset(x, y)] = src.Y[src.YOffset(sx, sy)]
				d.Cb[dc], d.Cr[dc] = src.Cb[sc], src.Cr[sc]
			}
		}
		out = d
	case *image.Gray:
		d := image.NewGray(image.Rect(0, 0, dw, dh))
		for y := range dh {
			for x := range dw {
				sx, sy := from(x, y)
				d.Pix[y*d.Stride+x] = src.Pix[src.PixOffset(sx+b.Min.X, sy+b.Min.Y)]
			}
		}
		out = d
	default: // CMYK: rare enough to go pixel by pixel
		d := image.NewNRGBA(image.Rect(0, 0, dw, dh))
		for y := range dh {
			for x := range dw {
				sx, sy := from(x, y)
				d.Set(x, y, src.At(sx+b.Min.X, sy+b.Min.Y))
			}
		}
		out = d
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, out, &jpeg.Options{Quality: uprightQuality}); err != nil {
		return picture{}, err
	}
	p.data, p.w, p.h = buf.Bytes(), dw, dh
	return p, nil
}

// uprightQuality is the JPEG quality a turned photo is encoded at: its
// loss does not show in print.
const uprightQuality = 95
