package picture

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baocao/render/picture/picturetest"
)

// gradient encodes a w×h RGBA PNG of varied pixels, so that its image
// data is more than a few bytes.
func gradient(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	return encodePNG(t, img)
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeJPEG(t testing.TB, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewRGBA(image.Rect(0, 0, w, h)), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// chunk returns a PNG chunk with a correct checksum.
var chunk = picturetest.Chunk

// withChunk replaces the first chunk of type typ in the PNG data by one
// with body and a correct checksum, or removes it when body is nil.
func withChunk(t testing.TB, data []byte, typ string, body []byte) []byte {
	t.Helper()
	at := bytes.Index(data, []byte(typ)) - 4
	if at < 8 {
		t.Fatalf("no %s chunk", typ)
	}
	end := at + 12 + int(binary.BigEndian.Uint32(data[at:]))
	out := bytes.Clone(data[:at])
	if body != nil {
		out = append(out, chunk(typ, body)...)
	}
	return append(out, data[end:]...)
}

// rawPNG builds a PNG from its header fields and unfiltered rows (each
// given a filter byte of 0), with extra chunks before the image data.
func rawPNG(w, h, depth, colour int, interlace byte, rows []byte, extra ...[]byte) []byte {
	out := []byte(pngMagic)
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ihdr = append(ihdr, byte(depth), byte(colour), 0, 0, interlace)
	out = append(out, chunk("IHDR", ihdr)...)
	for _, e := range extra {
		out = append(out, e...)
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(rows)
	zw.Close()
	out = append(out, chunk("IDAT", z.Bytes())...)
	return append(out, chunk("IEND", nil)...)
}

// flipped returns data with the byte at i changed.
func flipped(data []byte, i int) []byte {
	out := bytes.Clone(data)
	out[i] ^= 0x10
	return out
}

// interlaced marks a PNG as Adam7-interlaced, with a valid header checksum.
// For a 1×1 image the pixel data of both layouts is the same, so the result
// is a whole, valid interlaced PNG.
func interlaced(data []byte) []byte {
	out := bytes.Clone(data)
	out[28] = 1
	binary.BigEndian.PutUint32(out[29:], crc32.ChecksumIEEE(out[12:29]))
	return out
}

// zeroSegment is a JPEG with a restart marker before its first segment
// whose two bytes after it read as a length of 0: the layout's resolution
// reader sliced [i+4 : i+2] on it and panicked. image/jpeg skips the stray
// bytes, and so do viewers.
func zeroSegment(t testing.TB) []byte {
	t.Helper()
	j := encodeJPEG(t, 4, 3)
	return append([]byte{0xFF, 0xD8, 0xFF, 0xD0, 0x00, 0x00}, j[2:]...)
}

// TestCheck checks damaged and valid files, and that image/png and
// image/jpeg agree on them: what is refused does not decode and what is
// accepted does, so no readable image is turned away.
func TestCheck(t *testing.T) {
	pngData := gradient(t, 64, 48)
	idat := bytes.Index(pngData, []byte("IDAT"))
	jpegData := encodeJPEG(t, 4, 3)
	gray16 := encodePNG(t, image.NewGray16(image.Rect(0, 0, 5, 4)))
	var gifData bytes.Buffer
	if err := gif.Encode(&gifData, image.NewPaletted(image.Rect(0, 0, 2, 2), []color.Color{color.Black, color.White}), nil); err != nil {
		t.Fatal(err)
	}
	zlibRows := func(rows []byte) []byte {
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		zw.Write(rows)
		zw.Close()
		return z.Bytes()
	}
	row := []byte{0, 1, 2, 3} // a 3×1 grey picture's row: filter 0 and 3 samples
	tests := []struct {
		name string
		data []byte
		want string // part of the message; "" when accepted
	}{
		{name: "png", data: pngData},
		{name: "interlaced png", data: interlaced(encodePNG(t, image.NewGray(image.Rect(0, 0, 1, 1))))},
		{name: "16-bit png", data: gray16},
		{name: "png with bytes after IEND", data: append(bytes.Clone(pngData), "\x00\x00 rác"...)},
		{name: "png with a byte flipped in IDAT", data: flipped(pngData, idat+40), want: `sai mã kiểm tra (CRC) của khối "IDAT"`},
		{name: "png with its checksum flipped", data: flipped(pngData, len(pngData)-13), want: `khối "IDAT"`},
		{name: "png cut in half", data: pngData[:len(pngData)/2], want: "tệp bị cắt cụt"},
		{name: "png cut in a chunk header", data: pngData[:idat], want: "tệp bị cắt cụt"},
		{name: "png without IEND", data: pngData[:len(pngData)-12], want: "tệp bị cắt cụt"},
		{name: "png without IDAT", data: withChunk(t, pngData, "IDAT", nil), want: "không có dữ liệu điểm ảnh"},
		{name: "png whose IDAT is not zlib", data: withChunk(t, pngData, "IDAT", []byte("không phải zlib")), want: "dữ liệu điểm ảnh không phải dạng nén zlib"},
		{name: "png with a broken header", data: withChunk(t, pngData, "IHDR", []byte("\x00\x00\x00\x40\x00\x00\x00\x30\x03\x06\x00\x00\x00")), want: "kiểu màu 6 với 3 bit"},
		{name: "png with too few pixels", data: withChunk(t, pngData, "IDAT", zlibRows(make([]byte, 100))), want: "thiếu dữ liệu điểm ảnh"},
		{name: "png with too many pixels", data: rawPNG(3, 1, 8, 0, 0, append(bytes.Clone(row), 0)), want: "thừa dữ liệu điểm ảnh"},
		// image/png reads ahead of the stream and does not see them.
		{name: "png with bytes after its zlib stream", data: withChunk(t, rawPNG(3, 1, 8, 0, 0, row), "IDAT", append(zlibRows(row), 0))},
		{name: "png with a bad filter", data: rawPNG(3, 1, 8, 0, 0, []byte{5, 1, 2, 3}), want: "kiểu lọc sai (5)"},
		{name: "png with a bad zlib checksum", data: withChunk(t, rawPNG(3, 1, 8, 0, 0, row), "IDAT", flipped(zlibRows(row), len(zlibRows(row))-1)), want: "dữ liệu điểm ảnh bị hỏng"},
		{name: "png palette without PLTE", data: rawPNG(3, 1, 8, 3, 0, row), want: `khối "IDAT" không đúng chỗ`},
		{name: "png palette", data: rawPNG(3, 1, 8, 3, 0, row, chunk("PLTE", make([]byte, 12)))},
		{name: "png palette index past the palette", data: rawPNG(3, 1, 8, 3, 0, row, chunk("PLTE", make([]byte, 3)))},
		{name: "png with tRNS on RGBA", data: rawPNG(1, 1, 8, 6, 0, make([]byte, 5), chunk("tRNS", make([]byte, 6))), want: "tRNS không hợp"},
		{name: "png 10001 wide", data: rawPNG(10001, 1, 8, 0, 0, nil), want: "10001×1 điểm ảnh, vượt giới hạn 10000×10000"},
		{name: "interlaced png of 5000×5000", data: rawPNG(5000, 5000, 8, 0, 1, nil), want: "vượt giới hạn 16 triệu điểm ảnh"},
		{name: "jpeg", data: jpegData},
		{name: "progressive jpeg", data: readTestdata(t, "progressive.jpeg")},
		{name: "jpeg with restart markers", data: readTestdata(t, "restart.jpeg")},
		{name: "jpeg with a zero length after a restart marker", data: zeroSegment(t)},
		{name: "jpeg with data after EOI", data: append(bytes.Clone(jpegData), "ftypmp42 video"...)},
		{name: "jpeg padded with zeros", data: append(bytes.Clone(jpegData), make([]byte, 64)...)},
		{name: "jpeg cut before EOI", data: jpegData[:len(jpegData)-2], want: "thiếu dấu kết thúc ảnh (FF D9)"},
		{name: "jpeg cut in half", data: jpegData[:len(jpegData)/2], want: "thiếu dấu kết thúc ảnh"},
		{name: "progressive jpeg cut between scans", data: readTestdata(t, "progressive.jpeg")[:1500], want: "thiếu dấu kết thúc ảnh"},
		{name: "jpeg cut in a header", data: jpegData[:30], want: "thiếu dấu kết thúc ảnh"},
		{name: "jpeg with a segment of length 0", data: append(bytes.Clone(jpegData[:2]), append([]byte{0xFF, 0xE1, 0, 0}, jpegData[2:]...)...), want: "đoạn FF E1 có độ dài sai (0)"},
		{name: "jpeg, arithmetic coding", data: bytes.Replace(jpegData, []byte{0xFF, 0xC0}, []byte{0xFF, 0xC9}, 1), want: "mã hóa theo cách ít dùng (dấu FF C9)"},
		{name: "jpeg of 12 bits", data: bytes.Replace(jpegData, []byte{0xFF, 0xC0, 0, 17, 8}, []byte{0xFF, 0xC0, 0, 17, 12}, 1), want: "ảnh JPEG 12 bit"},
		{name: "gif", data: gifData.Bytes(), want: "đây là tệp ảnh GIF"},
		{name: "text", data: []byte("chữ ký"), want: "không phải là ảnh PNG hoặc JPEG"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Check(tt.data)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if tt.want == "" && err != nil {
				t.Fatalf("refused: %s", got)
			}
			if tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("message %q lacks %q", got, tt.want)
			}
			if _, _, derr := image.Decode(bytes.NewReader(tt.data)); (derr == nil) != (err == nil) && !ourLimit(got) {
				t.Errorf("the decoder says %v", derr)
			}
		})
	}
}

// ourLimit reports whether a message is a limit of baocao's, which a
// decoder does not have, or a coding image/jpeg does not read.
func ourLimit(msg string) bool {
	for _, s := range []string{"vượt giới hạn", "mã hóa theo cách ít dùng", "12 bit", "chỉ dùng được ảnh PNG hoặc JPEG"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// TestRead reads the size, resolution and kind of each picture.
func TestRead(t *testing.T) {
	phys := func(ppm uint32, unit byte) []byte {
		b := binary.BigEndian.AppendUint32(nil, ppm)
		b = binary.BigEndian.AppendUint32(b, ppm)
		return chunk("pHYs", append(b, unit))
	}
	jfif := func(units byte, density uint16) []byte {
		j := encodeJPEG(t, 4, 3)
		app0 := []byte{0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, units, byte(density >> 8), byte(density), byte(density >> 8), byte(density), 0, 0}
		return append(append([]byte{0xFF, 0xD8}, app0...), j[2:]...)
	}
	cmyk := readTestdata(t, "cmyk-adobe.jpeg")
	at := bytes.Index(cmyk, []byte("\xFF\xEEAdobe")[:2])
	plainCMYK := append(bytes.Clone(cmyk[:at]), cmyk[at+2+int(binary.BigEndian.Uint16(cmyk[at+2:])):]...)
	tests := []struct {
		name     string
		data     []byte
		format   Format
		w, h     int
		dpi      float64
		comps    int
		inverted bool
		plain    bool
	}{
		{name: "png", data: gradient(t, 5, 3), format: PNG, w: 5, h: 3},
		{name: "png at 300 dpi", data: rawPNG(2, 1, 8, 0, 0, []byte{0, 1, 2}, phys(11811, 1)), format: PNG, w: 2, h: 1, dpi: 299.9994, plain: true},
		{name: "png with an aspect ratio only", data: rawPNG(2, 1, 8, 0, 0, []byte{0, 1, 2}, phys(11811, 0)), format: PNG, w: 2, h: 1, plain: true},
		{name: "jpeg", data: encodeJPEG(t, 4, 3), format: JPEG, w: 4, h: 3, comps: 3},
		{name: "jpeg at 200 dpi", data: jfif(1, 200), format: JPEG, w: 4, h: 3, dpi: 200, comps: 3},
		{name: "jpeg at 100 dots per cm", data: jfif(2, 100), format: JPEG, w: 4, h: 3, dpi: 254, comps: 3},
		{name: "grey jpeg", data: func() []byte {
			var b bytes.Buffer
			jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 3, 3)), nil)
			return b.Bytes()
		}(), format: JPEG, w: 3, h: 3, comps: 1},
		{name: "adobe cmyk jpeg", data: cmyk, format: JPEG, w: 150, h: 103, dpi: 72, comps: 4, inverted: true},
		{name: "cmyk jpeg", data: plainCMYK, format: JPEG, w: 150, h: 103, dpi: 72, comps: 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Read(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if p.Format != tt.format || p.Width != tt.w || p.Height != tt.h || fmt.Sprintf("%.3f", p.DPI) != fmt.Sprintf("%.3f", tt.dpi) {
				t.Errorf("got %s %d×%d at %g dpi, want %s %d×%d at %g", p.Format, p.Width, p.Height, p.DPI, tt.format, tt.w, tt.h, tt.dpi)
			}
			if p.Components() != tt.comps || p.Inverted() != tt.inverted || p.Plain() != tt.plain {
				t.Errorf("components %d, inverted %v, plain %v", p.Components(), p.Inverted(), p.Plain())
			}
		})
	}
	// A JPEG ends at its end-of-image marker: what a phone appends is not
	// part of it.
	j := encodeJPEG(t, 4, 3)
	p, err := Read(append(bytes.Clone(j), "ftypmp42 video"...))
	if err != nil || !bytes.Equal(p.Data(), j) {
		t.Errorf("data of a JPEG with a tail: %d bytes, %v; want the %d of the JPEG", len(p.Data()), err, len(j))
	}
}
