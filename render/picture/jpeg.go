package picture

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// jpegHeader is what Read keeps of a JPEG's segments.
type jpegHeader struct {
	components int  // 1 grey, 3 YCbCr or RGB, 4 CMYK or YCCK
	adobe      bool // an Adobe APP14 segment: CMYK is stored inverted
	end        int  // the length of the file up to its end-of-image marker
}

// JPEG markers (ITU T.81, table B.1).
const (
	sof0  = 0xC0 // baseline
	sof1  = 0xC1 // extended sequential, Huffman coding
	sof2  = 0xC2 // progressive, Huffman coding
	dht   = 0xC4
	eoi   = 0xD9
	sos   = 0xDA
	dqt   = 0xDB
	dri   = 0xDD
	app0  = 0xE0
	app1  = 0xE1 // Exif
	app14 = 0xEE
	apps  = 0xEF // the last application segment
	com   = 0xFE
)

// readJPEG walks the marker segments of a JPEG file, and the compressed
// data of its scans, up to the end-of-image marker, and reads the frame
// header, the JFIF resolution and the Adobe segment. Like image/jpeg it
// skips stray bytes between segments, and ignores what follows the end:
// phones append video or metadata there, which is not embedded.
//
// Only the codings of image/jpeg and of every PDF reader are accepted:
// 8-bit baseline, extended or progressive Huffman coding of 1, 3 or 4
// components.
func readJPEG(data []byte) (*Picture, error) {
	p := &Picture{Format: JPEG, Orientation: 1, data: data}
	const end = "tệp bị cắt cụt, thiếu dấu kết thúc ảnh (FF D9)"
	sof, scan := false, false
	for i := len(jpegMagic); ; {
		// Outside segments only a marker holds 0xFF: in a scan's compressed
		// data a 0xFF byte is always followed by 0x00.
		j := bytes.IndexByte(data[i:], 0xFF)
		if j < 0 || i+j+1 >= len(data) {
			return nil, damaged(end)
		}
		i += j + 1 // at the byte after 0xFF
		m := data[i]
		switch {
		case m == eoi:
			if !scan {
				return nil, damaged("không có dữ liệu ảnh (đoạn FF DA)")
			}
			p.jpeg.end = i + 1
			return p, nil
		case m == 0x00, m == 0xFF, m == 0x01, 0xD0 <= m && m <= 0xD7:
			// A stuffed zero, a fill byte, TEM or a restart: no segment.
			continue
		case m == sof0, m == sof1, m == sof2, m == dht, m == sos, m == dqt, m == dri, app0 <= m && m <= apps, m == com:
		case m >= 0xC0:
			return nil, fmt.Errorf("ảnh JPEG mã hóa theo cách ít dùng (dấu FF %02X), không đưa vào PDF được — %s", m, Todo)
		default:
			return nil, damaged(fmt.Sprintf("dấu FF %02X không có trong chuẩn JPEG", m))
		}
		if i+3 > len(data) {
			return nil, damaged(end)
		}
		n := int(binary.BigEndian.Uint16(data[i+1:])) // counting its own two bytes
		if n < 2 {
			return nil, damaged(fmt.Sprintf("đoạn FF %02X có độ dài sai (%d)", m, n))
		}
		if i+1+n > len(data) {
			return nil, damaged(end)
		}
		seg := data[i+3 : i+1+n]
		switch m {
		case sof0, sof1, sof2:
			if sof {
				return nil, damaged("có hai đoạn đầu khung ảnh (SOF)")
			}
			sof = true
			if err := p.readSOF(seg); err != nil {
				return nil, err
			}
		case sos:
			if !sof {
				return nil, damaged("dữ liệu ảnh đứng trước đoạn đầu khung ảnh (SOF)")
			}
			scan = true
		case app0:
			if len(seg) >= 12 && string(seg[:5]) == "JFIF\x00" {
				density := float64(binary.BigEndian.Uint16(seg[8:]))
				switch seg[7] {
				case 1: // dots per inch
					p.DPI = density
				case 2: // dots per cm
					p.DPI = density * 2.54
				}
			}
		case app1:
			if p.Orientation == 1 { // the first Exif segment holds the picture's
				p.Orientation = exifOrientation(seg)
			}
		case app14:
			p.jpeg.adobe = len(seg) >= 12 && string(seg[:5]) == "Adobe"
		}
		i += 1 + n
	}
}

// readSOF reads a frame header: precision, size and components.
func (p *Picture) readSOF(seg []byte) error {
	if len(seg) < 6 {
		return damaged("đoạn đầu khung ảnh (SOF) quá ngắn")
	}
	if seg[0] != 8 {
		return fmt.Errorf("ảnh JPEG %d bit một màu, chỉ dùng được ảnh 8 bit — %s", seg[0], Todo)
	}
	h, w, nc := int(binary.BigEndian.Uint16(seg[1:])), int(binary.BigEndian.Uint16(seg[3:])), int(seg[5])
	switch {
	case w == 0 || h == 0:
		return damaged(fmt.Sprintf("kích thước ảnh sai: %d×%d", w, h))
	case nc != 1 && nc != 3 && nc != 4:
		return fmt.Errorf("ảnh JPEG có %d kênh màu, chỉ dùng được ảnh xám, màu RGB hoặc CMYK — %s", nc, Todo)
	case len(seg) < 6+3*nc:
		return damaged("đoạn đầu khung ảnh (SOF) quá ngắn")
	case w > MaxSide || h > MaxSide:
		return tooLarge(w, h)
	}
	p.Width, p.Height, p.jpeg.components = w, h, nc
	return nil
}

// Components returns the colour components of a JPEG: 1 (grey), 3 (RGB,
// stored as YCbCr) or 4 (CMYK).
func (p *Picture) Components() int { return p.jpeg.components }

// Inverted reports whether a CMYK JPEG stores its components inverted, as
// Adobe's programs write them (and mark them with an Adobe segment).
func (p *Picture) Inverted() bool { return p.jpeg.components == 4 && p.jpeg.adobe }

// Data returns the file's bytes up to its end: for a JPEG, up to its
// end-of-image marker.
func (p *Picture) Data() []byte {
	if p.Format == JPEG {
		return p.data[:p.jpeg.end]
	}
	return p.data
}
