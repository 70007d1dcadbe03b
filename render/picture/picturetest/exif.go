package picturetest

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"testing"
)

// ExifJPEG is a w × h JPEG, its left half black and its right half white,
// whose Exif header gives orientation o; o = 0 writes no Exif header. A
// grey one decodes to grey pixels, a colour one to YCbCr.
func ExifJPEG(t testing.TB, w, h, o int, order string, grey bool) []byte {
	t.Helper()
	var img draw.Image = image.NewRGBA(image.Rect(0, 0, w, h))
	if grey {
		img = image.NewGray(img.Bounds())
	}
	for y := range h {
		for x := range w {
			c := color.Black
			if x >= w/2 {
				c = color.White
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 100}); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if o == 0 {
		return data
	}
	// A TIFF header and one IFD of one entry: tag 274, SHORT, 1 value.
	u16 := func(v int) []byte {
		if order == "II" {
			return []byte{byte(v), byte(v >> 8)}
		}
		return []byte{byte(v >> 8), byte(v)}
	}
	u32 := func(v int) []byte {
		if order == "II" {
			return []byte{byte(v), byte(v >> 8), byte(v >> 16), byte(v >> 24)}
		}
		return []byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}
	}
	tiff := append([]byte(order), u16(42)...)
	tiff = append(tiff, u32(8)...)
	tiff = append(tiff, u16(1)...)
	tiff = append(tiff, u16(274)...)
	tiff = append(tiff, u16(3)...)
	tiff = append(tiff, u32(1)...)
	tiff = append(tiff, u16(o)...)
	tiff = append(tiff, 0, 0)
	tiff = append(tiff, u32(0)...)
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := append([]byte{0xFF, 0xE1, byte((len(seg) + 2) >> 8), byte(len(seg) + 2)}, seg...)
	return append(append(append([]byte{}, data[:2]...), app1...), data[2:]...)
}
