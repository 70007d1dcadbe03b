package picture

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
)

// pngHeader is what Read keeps of a PNG's chunks.
type pngHeader struct {
	depth      int // bits per sample
	colour     int // colour type: 0 grey, 2 RGB, 3 palette, 4 grey and alpha, 6 RGBA
	interlaced bool
	palette    []byte   // PLTE: red, green, blue for each entry
	trns       []byte   // tRNS: transparency, for colour types 0, 2 and 3
	idat       [][]byte // the bodies of the first run of IDAT chunks: the zlib stream
}

// Colour types.
const (
	grey      = 0
	rgb       = 2
	paletted  = 3
	greyAlpha = 4
	rgbAlpha  = 6
)

// samples is the number of samples a pixel has, by colour type; 0 for the
// types that do not exist.
var samples = [...]int{grey: 1, rgb: 3, paletted: 1, greyAlpha: 2, rgbAlpha: 4}

// depths lists the bit depths each colour type allows, as bits.
var depths = [...]int{grey: 1 | 2 | 4 | 8 | 16, rgb: 8 | 16, paletted: 1 | 2 | 4 | 8, greyAlpha: 8 | 16, rgbAlpha: 8 | 16}

// readPNG walks the chunks of a PNG file up to IEND, checking each one's
// checksum and their order as image/png does, and reads the header, the
// palette, the transparency, the resolution and where the image data is.
// What follows IEND is ignored, as decoders do; so are the IDAT chunks
// after the first run of them, as image/png does.
func readPNG(data []byte) (*Picture, error) {
	p := &Picture{Format: PNG, Orientation: 1, data: data}
	h := &p.png
	// Stages, as image/png counts them: which of the chunks that must come
	// in order was seen last.
	const (
		start = iota
		seenIHDR
		seenPLTE
		seenTRNS
		seenIDAT
	)
	stage, inRun := start, false
	for i := len(pngMagic); ; {
		if i+8 > len(data) {
			return nil, damaged(cut)
		}
		n := binary.BigEndian.Uint32(data[i:])
		if n > 0x7FFFFFFF {
			return nil, damaged(fmt.Sprintf("khối có độ dài sai (%d)", n))
		}
		if int64(n) > int64(len(data)-i-12) {
			return nil, damaged(cut)
		}
		end := i + 8 + int(n)
		typ, body := string(data[i+4:i+8]), data[i+8:end]
		if crc32.ChecksumIEEE(data[i+4:end]) != binary.BigEndian.Uint32(data[end:]) {
			return nil, damaged(fmt.Sprintf("sai mã kiểm tra (CRC) của khối %q: dữ liệu ảnh đã bị thay đổi", typ))
		}
		if stage == start && typ != "IHDR" {
			return nil, damaged("tệp không bắt đầu bằng khối IHDR")
		}
		order := true
		switch typ {
		case "IHDR":
			order = stage == start
			stage = seenIHDR
			if err := p.readIHDR(body); order && err != nil {
				return nil, err
			}
		case "PLTE":
			order = stage == seenIHDR
			stage = seenPLTE
			if err := h.readPLTE(body); order && err != nil {
				return nil, err
			}
		case "tRNS":
			switch h.colour {
			case paletted:
				order = stage == seenPLTE
			case rgb, rgbAlpha:
				order = stage == seenIHDR || stage == seenPLTE
			default:
				order = stage == seenIHDR
			}
			stage = seenTRNS
			if err := h.readTRNS(body); order && err != nil {
				return nil, err
			}
		case "IDAT":
			order = stage >= seenIHDR && !(stage == seenIHDR && h.colour == paletted)
			if stage < seenIDAT || inRun {
				h.idat = append(h.idat, body)
			}
			stage = seenIDAT
		case "IEND":
			if stage != seenIDAT {
				return nil, damaged("không có dữ liệu điểm ảnh (khối IDAT)")
			}
			if n != 0 {
				return nil, damaged("khối IEND có độ dài sai")
			}
			return p, nil
		case "pHYs":
			if n >= 9 && body[8] == 1 { // unit 1: per metre
				p.DPI = float64(binary.BigEndian.Uint32(body)) * 0.0254
			}
		}
		if !order {
			return nil, damaged(fmt.Sprintf("khối %q không đúng chỗ", typ))
		}
		inRun = typ == "IDAT"
		i = end + 4
	}
}

// readIHDR reads the header chunk.
func (p *Picture) readIHDR(b []byte) error {
	if len(b) != 13 {
		return damaged("khối IHDR có độ dài sai")
	}
	h := &p.png
	w, ht := int32(binary.BigEndian.Uint32(b)), int32(binary.BigEndian.Uint32(b[4:]))
	h.depth, h.colour = int(b[8]), int(b[9])
	switch {
	case w <= 0 || ht <= 0:
		return damaged(fmt.Sprintf("kích thước ảnh sai: %d×%d", w, ht))
	case h.colour >= len(depths) || depths[h.colour]&h.depth == 0 || h.depth&(h.depth-1) != 0:
		return damaged(fmt.Sprintf("kiểu màu %d với %d bit không có trong chuẩn PNG", h.colour, h.depth))
	case b[10] != 0 || b[11] != 0 || b[12] > 1:
		return damaged("phương pháp nén, lọc hoặc xen kẽ không có trong chuẩn PNG")
	case w > MaxSide || ht > MaxSide:
		return tooLarge(int(w), int(ht))
	}
	p.Width, p.Height, h.interlaced = int(w), int(ht), b[12] == 1
	if h.interlaced && p.Width*p.Height > MaxInterlacedPixels {
		return fmt.Errorf("ảnh PNG xen kẽ (interlaced) %d×%d điểm ảnh, vượt giới hạn %d triệu điểm ảnh của loại ảnh này — hãy lưu lại ảnh với ô “Interlaced” (xen kẽ) bỏ chọn, hoặc thu nhỏ ảnh",
			p.Width, p.Height, MaxInterlacedPixels/1_000_000)
	}
	return nil
}

// readPLTE reads the palette, which a true colour picture may have and
// ignores.
func (h *pngHeader) readPLTE(b []byte) error {
	n := len(b) / 3
	switch {
	case h.colour != paletted && h.colour != rgb && h.colour != rgbAlpha:
		return damaged("khối PLTE không hợp với kiểu màu")
	case len(b)%3 != 0 || n == 0 || n > 256 || n > 1<<h.depth:
		return damaged("bảng màu (PLTE) có độ dài sai")
	}
	if h.colour == paletted {
		h.palette = b
	}
	return nil
}

// readTRNS reads the transparency chunk.
func (h *pngHeader) readTRNS(b []byte) error {
	ok := false
	switch h.colour {
	case grey:
		ok = len(b) == 2
	case rgb:
		ok = len(b) == 6
	case paletted:
		ok = len(b) <= 256
	default:
		return damaged("khối tRNS không hợp với kiểu màu")
	}
	if !ok {
		return damaged("khối tRNS có độ dài sai")
	}
	h.trns = b
	return nil
}

// Plain reports whether the pixel data of a PNG can go into a PDF as it
// is in the file: PDF's FlateDecode with PNG predictors reads PNG's own
// stream, for a picture that is not interlaced, has no transparency and
// no more than 8 bits a sample. Other PNGs are converted through Rows.
func (p *Picture) Plain() bool {
	h := &p.png
	return p.Format == PNG && !h.interlaced && h.depth <= 8 && h.trns == nil && (h.colour == grey || h.colour == rgb || h.colour == paletted)
}

// Stream describes the pixel data of a Plain PNG as it is in the file.
type Stream struct {
	Depth  int // bits a sample
	Colors int // samples a pixel: 1 or 3
	// Palette holds the red, green and blue of each of the 2^Depth
	// entries of an indexed picture — those the file's palette lacks are
	// black, as image/png shows them — or nil.
	Palette []byte
	// Parts are the zlib stream, in the pieces the file holds it in.
	Parts [][]byte
}

// Stream returns the pixel data of a Plain PNG.
func (p *Picture) Stream() Stream {
	h := &p.png
	s := Stream{Depth: h.depth, Colors: samples[h.colour], Parts: h.idat}
	if h.colour == paletted {
		s.Palette = make([]byte, 3<<h.depth)
		copy(s.Palette, h.palette)
	}
	return s
}
