// Package picture reads the PNG and JPEG files a report prints —
// signatures, seals, photos — as untrusted bytes. Read checks a file's
// structure and reads its size and resolution; Check also checks a PNG's
// pixel data, as a viewer would decode it; Rows gives a PNG's pixels row by
// row, in memory bounded by a row (an interlaced picture's by the limit on
// its size), to whoever converts them — the PDF writer.
//
// A JPEG is never decoded: PDF readers decode it themselves (DCTDecode),
// so only its markers are checked, and its pixels go into the PDF as they
// are in the file.
//
// The errors say, in Vietnamese, what is wrong with the file and what to
// do about it.
package picture

import (
	"bytes"
	"errors"
	"fmt"
)

// Format is a picture's file format.
type Format string

// The formats a PDF embeds.
const (
	PNG  Format = "PNG"
	JPEG Format = "JPEG"
)

// MaxSide bounds the width and the height of a picture, in pixels: 85 cm
// at 300 dpi.
const MaxSide = 10000

// MaxInterlacedPixels bounds the pixels of an interlaced PNG, whose rows
// come out of the file in seven passes over the whole picture: Rows holds
// it whole, at up to four bytes a pixel.
const MaxInterlacedPixels = 16_000_000

// Todo is how to turn any picture into one that can be printed.
const Todo = "hãy mở ảnh bằng một phần mềm xem ảnh và lưu lại (Save as) dạng PNG hoặc JPEG"

// Picture is a PNG or JPEG file read and checked.
type Picture struct {
	Format        Format
	Width, Height int     // pixels
	DPI           float64 // from the file; 0 when it does not say
	// Orientation is how a viewer turns or mirrors the stored pixels to
	// show them, as Exif numbers it: 1 as stored (every PNG), 2 to 8 as a
	// JPEG's Exif segment says (see Shown).
	Orientation int

	data []byte
	png  pngHeader
	jpeg jpegHeader
}

// Read checks the structure of data, a PNG or JPEG file, and reads its
// header. It does not look at a PNG's pixel data: see Check.
func Read(data []byte) (*Picture, error) {
	switch {
	case bytes.HasPrefix(data, []byte(pngMagic)):
		return readPNG(data)
	case bytes.HasPrefix(data, []byte(jpegMagic)):
		return readJPEG(data)
	}
	if other := otherFormat(data); other != "" {
		return nil, fmt.Errorf("đây là tệp %s, chỉ dùng được ảnh PNG hoặc JPEG — %s", other, Todo)
	}
	return nil, errors.New("tệp không phải là ảnh PNG hoặc JPEG — " + Todo)
}

// Check is Read, and for a PNG the check that its pixel data is whole, as
// a viewer decodes it: each chunk's checksum holds for data corrupt from
// the start (a faulty program's output), which a PDF reader would show as
// a broken picture. It inflates the data without keeping it.
func Check(data []byte) (*Picture, error) {
	p, err := Read(data)
	if err != nil || p.Format != PNG {
		return p, err
	}
	if err := p.scan(nil); err != nil {
		return nil, err
	}
	return p, nil
}

// Size returns the picture's printed size in mm, as it is shown (see
// Shown), or false when the file
// gives no resolution.
func (p *Picture) Size() (w, h float64, ok bool) {
	if p.DPI <= 0 {
		return 0, 0, false
	}
	w, h = float64(p.Width)/p.DPI*25.4, float64(p.Height)/p.DPI*25.4
	if p.Orientation >= 5 {
		return h, w, true
	}
	return w, h, true
}

// damaged is the error of a file whose structure is broken: why says how.
func damaged(why string) error {
	return fmt.Errorf("ảnh bị hỏng, không đọc được — %s (%s)", Todo, why)
}

// tooLarge is the error of a picture over MaxSide.
func tooLarge(w, h int) error {
	return fmt.Errorf("ảnh có kích thước %d×%d điểm ảnh, vượt giới hạn %d×%d — hãy thu nhỏ ảnh", w, h, MaxSide, MaxSide)
}

// cut is the damage of a file that ends too early.
const cut = "tệp bị cắt cụt, thiếu phần cuối của ảnh"

// The signatures PNG and JPEG files begin with.
const (
	pngMagic  = "\x89PNG\r\n\x1a\n"
	jpegMagic = "\xff\xd8"
)

// otherFormat names the common file formats a user might pick instead of
// PNG or JPEG, recognised by their first bytes.
func otherFormat(data []byte) string {
	has := func(at int, magic string) bool {
		return len(data) >= at+len(magic) && string(data[at:at+len(magic)]) == magic
	}
	switch {
	case has(0, "GIF8"):
		return "ảnh GIF"
	case has(0, "RIFF") && has(8, "WEBP"):
		return "ảnh WebP"
	case has(4, "ftypavif"):
		return "ảnh AVIF"
	case has(4, "ftyphei"), has(4, "ftyphev"), has(4, "ftypmif1"), has(4, "ftypmsf1"):
		return "ảnh HEIC (ảnh chụp từ iPhone)"
	case has(0, "BM"):
		return "ảnh BMP"
	case has(0, "II*\x00"), has(0, "MM\x00*"):
		return "ảnh TIFF"
	case has(0, "%PDF"):
		return "PDF"
	case has(0, "<svg"), has(0, "<?xml"):
		return "ảnh SVG"
	}
	return ""
}
