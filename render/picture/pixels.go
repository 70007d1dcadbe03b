package picture

import (
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"slices"
)

// Channels returns the colour samples of a pixel Rows gives: 1 (grey) or
// 3 (red, green, blue).
func (p *Picture) Channels() int {
	if c := p.png.colour; c == grey || c == greyAlpha {
		return 1
	}
	return 3
}

// Opaque reports whether a PNG has neither an alpha channel nor a
// transparent colour: Rows then gives no alpha.
func (p *Picture) Opaque() bool {
	c := p.png.colour
	return c != greyAlpha && c != rgbAlpha && p.png.trns == nil
}

// Rows calls fn with each row of a PNG from the top, as 8 bits a sample:
// colour holds Channels() samples a pixel, and alpha one a pixel, or is nil
// when the picture is Opaque. Sixteen-bit samples keep their high byte,
// smaller ones are scaled up, palette entries looked up — as image/png
// decodes them. The slices are reused from one row to the next. An
// interlaced picture is gathered whole first (see MaxInterlacedPixels).
func (p *Picture) Rows(fn func(colour, alpha []byte) error) error {
	if p.Format != PNG {
		return errors.New("picture: Rows of a JPEG")
	}
	w, ch, opaque := p.Width, p.Channels(), p.Opaque()
	colour := make([]byte, w*ch)
	var alpha []byte
	if !opaque {
		alpha = make([]byte, w)
	}
	if !p.png.interlaced {
		return p.scan(func(_, _ int, row []byte) error {
			p.convert(row, w, colour, alpha)
			return fn(colour, alpha)
		})
	}
	// The passes fill every pixel of the picture: gather them, then give
	// the rows in order.
	allColour := make([]byte, w*p.Height*ch)
	var allAlpha []byte
	if !opaque {
		allAlpha = make([]byte, w*p.Height)
	}
	err := p.scan(func(pass, y int, row []byte) error {
		a := adam7[pass]
		n := a.width(w)
		p.convert(row, n, colour, alpha)
		line := (a.y + y*a.dy) * w
		for i := range n {
			x := line + a.x + i*a.dx
			copy(allColour[x*ch:x*ch+ch], colour[i*ch:])
			if alpha != nil {
				allAlpha[x] = alpha[i]
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for y := range p.Height {
		var a []byte
		if allAlpha != nil {
			a = allAlpha[y*w : (y+1)*w]
		}
		if err := fn(allColour[y*w*ch:(y+1)*w*ch], a); err != nil {
			return err
		}
	}
	return nil
}

// pass is one pass of the PNG's interlacing: the pixels from x, y every
// dx, dy.
type pass struct{ x, y, dx, dy int }

// adam7 are the seven passes of an interlaced PNG.
var adam7 = [...]pass{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}

// width and height return the pixels of the pass in a row and a column
// of a picture size pixels across.
func (a pass) width(size int) int  { return max(0, (size-a.x+a.dx-1)/a.dx) }
func (a pass) height(size int) int { return max(0, (size-a.y+a.dy-1)/a.dy) }

// scan inflates a PNG's pixel data and calls fn, when not nil, with each
// row of each pass unfiltered: the pass's number (0 when not interlaced)
// and the row's in it. Without fn only the rows' filter bytes are looked
// at. The data must be exactly as long as the picture needs, and its
// checksum right, as image/png requires.
func (p *Picture) scan(fn func(pass, y int, row []byte) error) error {
	h := &p.png
	src := &chunkReader{parts: slices.Clone(h.idat)}
	zr, err := zlib.NewReader(src)
	if err == zlib.ErrHeader || err == zlib.ErrDictionary {
		return damaged("dữ liệu điểm ảnh không phải dạng nén zlib")
	} else if err != nil {
		return pixelError(err)
	}
	bits := samples[h.colour] * h.depth
	bpp := max(1, bits/8) // the bytes a filter looks back
	rowBytes := func(width int) int { return (width*bits + 7) / 8 }
	cur, prev := make([]byte, 1+rowBytes(p.Width)), make([]byte, 1+rowBytes(p.Width))
	passes := []pass{{0, 0, 1, 1}}
	if h.interlaced {
		passes = adam7[:]
	}
	for pi, a := range passes {
		w, ht := a.width(p.Width), a.height(p.Height)
		if w == 0 || ht == 0 {
			continue // an empty pass has no rows, not even their filter bytes
		}
		n := 1 + rowBytes(w)
		clear(prev[:n])
		for y := range ht {
			if _, err := io.ReadFull(zr, cur[:n]); err != nil {
				return pixelError(err)
			}
			f := cur[0]
			if f > 4 {
				return damaged(fmt.Sprintf("dòng điểm ảnh có kiểu lọc sai (%d)", f))
			}
			if fn != nil {
				unfilter(f, cur[1:n], prev[1:n], bpp)
				if err := fn(pi, y, cur[1:n]); err != nil {
					return err
				}
			}
			cur, prev = prev, cur
		}
	}
	// Reading on to the end checks the stream's checksum. Bytes after the
	// stream, in the IDAT chunks, are ignored as image/png ignores them.
	switch n, err := io.ReadFull(zr, cur[:1]); {
	case n > 0:
		return damaged("thừa dữ liệu điểm ảnh")
	case err != io.EOF:
		return pixelError(err)
	}
	return nil
}

// pixelError explains a failure to inflate the pixel data.
func pixelError(err error) error {
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		return damaged("thiếu dữ liệu điểm ảnh")
	}
	return damaged(fmt.Sprintf("dữ liệu điểm ảnh bị hỏng; chi tiết kỹ thuật: %v", err))
}

// unfilter undoes the filter f of a row, given the row above it, prev
// (zeros for the first), and the bytes of a pixel, bpp (PNG section 9).
func unfilter(f byte, cur, prev []byte, bpp int) {
	switch f {
	case 1: // Sub
		for i := bpp; i < len(cur); i++ {
			cur[i] += cur[i-bpp]
		}
	case 2: // Up
		for i := range cur {
			cur[i] += prev[i]
		}
	case 3: // Average
		for i := range bpp {
			cur[i] += prev[i] / 2
		}
		for i := bpp; i < len(cur); i++ {
			cur[i] += byte((int(cur[i-bpp]) + int(prev[i])) / 2)
		}
	case 4: // Paeth
		for i := range bpp {
			cur[i] += prev[i]
		}
		for i := bpp; i < len(cur); i++ {
			cur[i] += Paeth(cur[i-bpp], prev[i], prev[i-bpp])
		}
	}
}

// Paeth is the predictor of PNG's Paeth filter: of the byte to the left
// (a), above (b) and above left (c), the one nearest a + b - c.
func Paeth(a, b, c byte) byte {
	pa, pb := int(b)-int(c), int(a)-int(c)
	pc := abs(pa + pb)
	pa, pb = abs(pa), abs(pb)
	if pa <= pb && pa <= pc {
		return a
	}
	if pb <= pc {
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// convert turns the first n pixels of an unfiltered row into 8-bit
// samples: colour, Channels() a pixel, and alpha, when not nil.
func (p *Picture) convert(row []byte, n int, colour, alpha []byte) {
	h := &p.png
	// Samples of 8 and 16 bits without a transparent colour, the common
	// pictures and the large ones, are copied without looking at each
	// sample's depth: the high byte of each, one pixel after another.
	if (h.depth == 8 || h.depth == 16) && h.colour != paletted && h.trns == nil {
		step, ch := h.depth/8, p.Channels()
		px := samples[h.colour] * step // bytes a pixel
		for i := range n {
			src := row[i*px:]
			for c := range ch {
				colour[i*ch+c] = src[c*step]
			}
			if alpha != nil {
				alpha[i] = src[ch*step]
			}
		}
		return
	}
	// Below 8 bits, a palette, or a transparent colour: sample by sample.
	switch h.colour {
	case grey:
		for i := range n {
			v, full := sample(row, i, h.depth)
			colour[i] = v
			if alpha != nil {
				alpha[i] = opacity(full == greyKey(h))
			}
		}
	case rgb:
		for i := range n {
			r, fr := sample(row, 3*i, h.depth)
			g, fg := sample(row, 3*i+1, h.depth)
			b, fb := sample(row, 3*i+2, h.depth)
			colour[3*i], colour[3*i+1], colour[3*i+2] = r, g, b
			if alpha != nil {
				alpha[i] = opacity(fr == key(h, 0) && fg == key(h, 1) && fb == key(h, 2))
			}
		}
	case paletted:
		for i := range n {
			_, idx := sample(row, i, h.depth)
			c := colour[3*i : 3*i+3]
			if 3*idx+3 <= len(h.palette) {
				copy(c, h.palette[3*idx:])
			} else {
				c[0], c[1], c[2] = 0, 0, 0 // as image/png: black
			}
			if alpha != nil {
				alpha[i] = 255
				if idx < len(h.trns) {
					alpha[i] = h.trns[idx]
				}
			}
		}
	}
}

// sample returns sample i of a row of samples depth bits each: as 8 bits
// (the high byte of 16, smaller depths scaled up) and as it is.
func sample(row []byte, i, depth int) (v byte, full int) {
	switch depth {
	case 8:
		return row[i], int(row[i])
	case 16:
		return row[2*i], int(row[2*i])<<8 | int(row[2*i+1])
	}
	per := 8 / depth // samples a byte
	mask := 1<<depth - 1
	full = int(row[i/per]) >> (8 - depth*(i%per+1)) & mask
	return byte(full * 255 / mask), full
}

// greyKey is the grey value tRNS makes transparent, compared as image/png
// compares it: the low byte for depths up to 8.
func greyKey(h *pngHeader) int { return key(h, 0) }

// key returns sample c of the colour tRNS makes transparent, as image/png
// compares it: the low byte of each for depths up to 8, -1 without tRNS.
func key(h *pngHeader, c int) int {
	if len(h.trns) < 2*c+2 {
		return -1
	}
	k := int(h.trns[2*c])<<8 | int(h.trns[2*c+1])
	if h.depth <= 8 {
		k &= 0xFF
	}
	return k
}

// opacity is the alpha of a pixel that is transparent or not.
func opacity(transparent bool) byte {
	if transparent {
		return 0
	}
	return 255
}

// chunkReader reads the bodies of IDAT chunks as one stream. Being an
// io.ByteReader, zlib reads it without a buffer of its own.
type chunkReader struct {
	parts [][]byte // what is left to read; the list is the reader's own
}

func (r *chunkReader) Read(b []byte) (int, error) {
	for len(r.parts) > 0 && len(r.parts[0]) == 0 {
		r.parts = r.parts[1:]
	}
	if len(r.parts) == 0 {
		return 0, io.EOF
	}
	n := copy(b, r.parts[0])
	r.parts[0] = r.parts[0][n:]
	return n, nil
}

func (r *chunkReader) ReadByte() (byte, error) {
	for len(r.parts) > 0 && len(r.parts[0]) == 0 {
		r.parts = r.parts[1:]
	}
	if len(r.parts) == 0 {
		return 0, io.EOF
	}
	b := r.parts[0][0]
	r.parts[0] = r.parts[0][1:]
	return b, nil
}
