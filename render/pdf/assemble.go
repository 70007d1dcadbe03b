package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"sync"
)

// additions are what assemble adds to fpdf's file: entries for the /Font
// and /XObject dictionaries of its resources, and the objects they refer
// to.
type additions struct {
	fonts, xobjects []byte
	objs            []object
}

// object is the body of an object, in parts written one after another: an
// image's data is written from where it lies, never copied.
type object [][]byte

// assemble writes to w the PDF fpdf wrote as doc, completed: its header
// declaring version 1.4 at least (see header), the streams fpdf left uncompressed (the pages: see Write) compressed, and the
// additions — entries for the /Font and /XObject dictionaries of its
// resources (object 2, which every page uses) and the objects they refer
// to, numbered after fpdf's from the number add is given. fpdf's other
// objects are kept byte for byte, and the cross-reference table is written
// anew. It fails, before writing anything, if fpdf's file is not laid out
// as expected.
func assemble(w io.Writer, doc []byte, add func(first int) (additions, error)) error {
	x, err := parseXref(doc)
	if err != nil {
		return err
	}
	// fpdf's objects in the order of the file: each runs to the next.
	order := make([]int, 0, len(x.offsets))
	for n := 1; n < len(x.offsets); n++ {
		order = append(order, n)
	}
	slices.SortFunc(order, func(a, b int) int { return x.offsets[a] - x.offsets[b] })
	ends := make([]int, len(x.offsets))
	for i, n := range order {
		ends[n] = x.start
		if i+1 < len(order) {
			ends[n] = x.offsets[order[i+1]]
		}
		if x.offsets[n] <= 0 || x.offsets[n] >= ends[n] {
			return fmt.Errorf("pdf: object %d of fpdf's file is not where its cross-reference says", n)
		}
	}
	res := doc[x.offsets[2]:ends[2]]
	fonts := bytes.Index(res, []byte("/Font <<\n"))
	xobjects := bytes.Index(res, []byte("/XObject <<\n"))
	if !bytes.HasPrefix(res, []byte("2 0 obj\n")) || fonts < 0 || xobjects < fonts {
		return errors.New("pdf: fpdf's resources, object 2, have no font and XObject dictionaries")
	}
	fonts += len("/Font <<\n")
	xobjects += len("/XObject <<\n")

	first := len(x.offsets)
	a, err := add(first)
	if err != nil {
		return err
	}
	head, err := header(doc[:x.offsets[order[0]]])
	if err != nil {
		return err
	}
	// A file made in memory is given its size first, the pages counted
	// before compression: grown as it fills, it would at times take twice
	// the images it holds.
	if g, ok := w.(interface{ Grow(int) }); ok {
		size := len(doc) + 20*len(a.objs)
		for _, obj := range a.objs {
			for _, part := range obj {
				size += len(part) + 32
			}
		}
		g.Grow(size)
	}
	out := &countingWriter{w: w}
	out.Write(head)
	offsets := make([]int64, first, first+len(a.objs))
	var buf []byte
	for _, n := range order {
		offsets[n] = out.n
		obj := doc[x.offsets[n]:ends[n]]
		if n == 2 {
			out.Write(obj[:fonts])
			out.Write(a.fonts)
			out.Write(obj[fonts:xobjects])
			out.Write(a.xobjects)
			out.Write(obj[xobjects:])
			continue
		}
		buf = appendObject(buf[:0], obj)
		out.Write(buf)
	}
	for i, obj := range a.objs {
		offsets = append(offsets, out.n)
		out.Write(strconv.AppendInt(buf[:0], int64(first+i), 10))
		out.Write([]byte(" 0 obj\n"))
		for _, part := range obj {
			out.Write(part)
		}
		out.Write([]byte("\nendobj\n"))
	}
	start := out.n
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	out.Write([]byte("trailer\n<<\n"))
	fmt.Fprintf(out, "/Size %d\n", len(offsets))
	out.Write(x.trailer)
	fmt.Fprintf(out, ">>\nstartxref\n%d\n%%%%EOF\n", start)
	return out.err
}

// countingWriter counts the bytes written, for the cross-reference table,
// and keeps the first error, after which it writes nothing.
type countingWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

// minVersion is the oldest PDF version a document declares: electronic
// administrative documents are expected as PDF 1.4 or later. fpdf declares
// 1.3 unless it writes something later versions define; baocao's files use
// nothing PDF 1.4 lacks (nor does 1.4 forbid anything 1.3 allows), so
// declaring it is true of them.
const minVersion = '4'

// header returns the file's header, the part before its first object,
// with its "%PDF-1.n" line raised to minVersion when n is lower.
func header(head []byte) ([]byte, error) {
	const prefix = "%PDF-1."
	n := len(prefix)
	if len(head) < n+2 || string(head[:n]) != prefix || head[n] < '0' || head[n] > '9' || head[n+1] != '\n' {
		return nil, fmt.Errorf("pdf: fpdf's file begins %.12q, not with its version", head)
	}
	if head[n] < minVersion {
		head = slices.Clone(head)
		head[n] = minVersion
	}
	return head, nil
}

// appendObject appends obj, an object as fpdf writes it, to out; a stream
// fpdf left uncompressed — its dictionary no more than its length — is
// compressed on the way.
func appendObject(out, obj []byte) []byte {
	head, rest, ok := bytes.Cut(obj, []byte("\n<</Length "))
	if !ok || bytes.IndexByte(head, '\n') >= 0 {
		return append(out, obj...)
	}
	num, data, ok := bytes.Cut(rest, []byte(">>\nstream\n"))
	n, err := strconv.Atoi(string(num))
	if !ok || err != nil || n < 0 || n > len(data) || string(data[n:]) != "\nendstream\nendobj\n" {
		return append(out, obj...)
	}
	out = append(out, head...)
	out = append(out, '\n')
	out = append(out, stream("", data[:n])...)
	return append(out, "\nendobj\n"...)
}

// xref is what assemble reads of the end of fpdf's file.
type xref struct {
	start   int    // where the table begins
	offsets []int  // of each object by number; entry 0 unused
	trailer []byte // the trailer's entries other than /Size
}

// parseXref reads the cross-reference table and trailer fpdf ends its
// file with: one section from object 0, then the trailer with /Size first.
func parseXref(doc []byte) (xref, error) {
	var x xref
	tail := bytes.LastIndex(doc, []byte("\nstartxref\n"))
	if tail < 0 || !bytes.HasSuffix(doc, []byte("\n%%EOF\n")) {
		return x, errors.New("pdf: no startxref in fpdf's file")
	}
	num, _, _ := bytes.Cut(doc[tail+len("\nstartxref\n"):], []byte("\n"))
	start, err := strconv.Atoi(string(num))
	if err != nil || start < 0 || start >= tail {
		return x, fmt.Errorf("pdf: startxref %q in fpdf's file", num)
	}
	x.start = start
	s := doc[start:tail]
	var n int
	if _, err := fmt.Sscanf(string(s[:min(len(s), 32)]), "xref\n0 %d\n", &n); err != nil || n < 3 {
		return x, errors.New("pdf: fpdf's cross-reference table is not one section from 0")
	}
	head := len(fmt.Sprintf("xref\n0 %d\n", n))
	const entry = 20 // "0000012345 00000 n \n"
	if len(s) < head+n*entry {
		return x, errors.New("pdf: fpdf's cross-reference table is cut short")
	}
	x.offsets = make([]int, n)
	for i := 1; i < n; i++ {
		e := s[head+i*entry : head+(i+1)*entry]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || e[17] != 'n' {
			return x, fmt.Errorf("pdf: cross-reference entry %d is %q", i, e)
		}
		x.offsets[i] = off
	}
	trailer := s[head+n*entry:]
	size := fmt.Sprintf("trailer\n<<\n/Size %d\n", n)
	if !bytes.HasPrefix(trailer, []byte(size)) || !bytes.HasSuffix(trailer, []byte("\n>>")) {
		return x, errors.New("pdf: fpdf's trailer is not as expected")
	}
	x.trailer = trailer[len(size) : len(trailer)-len(">>")]
	return x, nil
}

// zwriters keeps zlib writers for reuse: a new one allocates over a
// megabyte, more than compressing a page costs.
var zwriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // the level is valid
	return w
}}

// stream returns a stream object's body: data compressed, its dictionary
// with the entries given in dict.
func stream(dict string, data []byte) []byte {
	var z bytes.Buffer
	z.Grow(len(data)/2 + 64)
	zw := zwriters.Get().(*zlib.Writer)
	zw.Reset(&z)
	zw.Write(data) // a bytes.Buffer does not fail
	zw.Close()
	zwriters.Put(zw)
	if dict != "" {
		dict += " "
	}
	out := fmt.Appendf(make([]byte, 0, z.Len()+80), "<<%s/Filter /FlateDecode /Length %d>>\nstream\n", dict, z.Len())
	out = append(out, z.Bytes()...)
	return append(out, "\nendstream"...)
}
