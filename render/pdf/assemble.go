package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
)

// assemble returns the PDF fpdf wrote as doc, completed: its header
// declaring version 1.4 at least (see header), the streams fpdf left
// uncompressed (the pages: see Write) compressed, and fonts added —
// entries for the /Font dictionary of its resources (object 2, which every
// page uses) and the objects they refer to, numbered after fpdf's from the
// number add is given. fpdf's other objects are kept byte for byte, and the
// cross-reference table is written anew. It fails, rather than write a
// broken file, if fpdf's file is not laid out as expected.
func assemble(doc []byte, add func(first int) (entries []byte, objs [][]byte, err error)) ([]byte, error) {
	x, err := parseXref(doc)
	if err != nil {
		return nil, err
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
			return nil, fmt.Errorf("pdf: object %d of fpdf's file is not where its cross-reference says", n)
		}
	}
	res := doc[x.offsets[2]:ends[2]]
	at := bytes.Index(res, []byte("/Font <<\n"))
	if !bytes.HasPrefix(res, []byte("2 0 obj\n")) || at < 0 {
		return nil, errors.New("pdf: fpdf's resources, object 2, have no font dictionary")
	}
	at += len("/Font <<\n")

	first := len(x.offsets)
	entries, objs, err := add(first)
	if err != nil {
		return nil, err
	}
	head, err := header(doc[:x.offsets[order[0]]])
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(doc)+len(entries)+len(objs)*64)
	out = append(out, head...)
	offsets := make([]int, first, first+len(objs))
	for _, n := range order {
		offsets[n] = len(out)
		obj := doc[x.offsets[n]:ends[n]]
		if n == 2 {
			out = append(out, obj[:at]...)
			out = append(out, entries...)
			out = append(out, obj[at:]...)
			continue
		}
		out = appendObject(out, obj)
	}
	for i, obj := range objs {
		offsets = append(offsets, len(out))
		out = strconv.AppendInt(out, int64(first+i), 10)
		out = append(out, " 0 obj\n"...)
		out = append(out, obj...)
		out = append(out, "\nendobj\n"...)
	}
	start := len(out)
	out = fmt.Appendf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		out = fmt.Appendf(out, "%010d 00000 n \n", off)
	}
	out = append(out, "trailer\n<<\n"...)
	out = fmt.Appendf(out, "/Size %d\n", len(offsets))
	out = append(out, x.trailer...)
	out = fmt.Appendf(out, ">>\nstartxref\n%d\n%%%%EOF\n", start)
	return out, nil
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
