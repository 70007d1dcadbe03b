// Package picturetest writes PNG files for tests: of any size, streamed
// row by row, each row as a test makes it — valid or not.
package picturetest

import (
	"bufio"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"io"
)

// Chunk returns a PNG chunk: its length, type, body and checksum.
func Chunk(typ string, body []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	out = append(out, typ...)
	out = append(out, body...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[4:]))
}

// Adam7 are the passes of an interlaced PNG: the pixels from x, y every
// dx, dy.
var Adam7 = [...][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}

// Header describes a PNG.
type Header struct {
	Width, Height int
	Depth, Colour int // bits a sample, colour type
	Interlaced    bool
	// Extra are chunks written between the header and the image data:
	// PLTE, tRNS, pHYs.
	Extra [][]byte
}

// samples is the number of samples of a pixel by colour type.
var samples = [...]int{0: 1, 2: 3, 3: 1, 4: 2, 6: 4}

// Write writes the PNG h describes to out. row makes each row of each
// pass — pass 0 when not interlaced — as it is stored: its filter byte
// and its bytes, buf being as long as they are.
func Write(out io.Writer, h Header, row func(pass, y int, buf []byte)) error {
	bw := bufio.NewWriter(out)
	bw.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, uint32(h.Width)), uint32(h.Height))
	il := byte(0)
	passes := [][4]int{{0, 0, 1, 1}}
	if h.Interlaced {
		il, passes = 1, Adam7[:]
	}
	bw.Write(Chunk("IHDR", append(ihdr, byte(h.Depth), byte(h.Colour), 0, 0, il)))
	for _, c := range h.Extra {
		bw.Write(c)
	}
	idat := &idatWriter{w: bw}
	zw, _ := zlib.NewWriterLevel(idat, zlib.BestSpeed) // the level is valid
	bits := samples[h.Colour] * h.Depth
	for pass, a := range passes {
		w, ht := (h.Width-a[0]+a[2]-1)/a[2], (h.Height-a[1]+a[3]-1)/a[3]
		if w <= 0 || ht <= 0 {
			continue
		}
		buf := make([]byte, 1+(w*bits+7)/8)
		for y := range ht {
			row(pass, y, buf)
			zw.Write(buf)
		}
	}
	zw.Close()
	idat.flush()
	bw.Write(Chunk("IEND", nil))
	return bw.Flush()
}

// idatWriter writes what it is given as IDAT chunks of up to a megabyte.
type idatWriter struct {
	w   *bufio.Writer
	buf []byte
}

func (i *idatWriter) Write(p []byte) (int, error) {
	i.buf = append(i.buf, p...)
	if len(i.buf) >= 1<<20 {
		i.flush()
	}
	return len(p), nil
}

func (i *idatWriter) flush() {
	if len(i.buf) > 0 {
		i.w.Write(Chunk("IDAT", i.buf))
		i.buf = i.buf[:0]
	}
}
