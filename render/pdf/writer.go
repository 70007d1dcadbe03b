package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"strconv"
	"sync"
	"time"
	"unicode/utf16"

	"baocao/render/face"
	"baocao/render/layout"
)

// Writer writes a PDF a page at a time. Each page is drawn and written,
// compressed, as soon as it is given, so that what it holds does not grow
// with the document: the glyphs drawn in each face, the pictures drawn, an
// object number and an offset a page and the outline's entries. The fonts
// cut to the glyphs drawn, the images, the outline, the page tree and the
// document's information follow the last page, then the cross-reference
// table.
//
// Objects 1 and 2 are the page tree and the resources all pages share,
// written last but named by every page; the others are numbered in the
// order they are made.
type Writer struct {
	out    countingWriter
	info   Info
	d      drawer
	offset []int64 // of each object by number; entry 0 unused
	pages  []int   // the page objects' numbers
	marks  []mark  // outline entries, in order
	// last is the page given last, whose dictionary is written when the
	// next page is given or the file closed.
	last   *pending
	z      *zlib.Writer
	zbuf   bytes.Buffer // a page's compressed content
	closed bool
}

// mark is an outline entry: its title, level, page object and height in
// points from the page's foot.
type mark struct {
	title string
	level int
	page  int
	y     float64
}

// pending is a page whose dictionary is not written yet.
type pending struct {
	num           int // its object's; its content's is num+1
	width, height float64
}

// NewWriter starts a PDF on w, in the faces of fam, described by info;
// nothing is written before the first page.
func NewWriter(w io.Writer, fam *face.Family, info Info) *Writer {
	pw := &Writer{info: info, offset: make([]int64, 3)}
	pw.out = countingWriter{w: w, sum: sha256.New()}
	pw.d.images.rgb = info.PDFA
	for i, st := range styles {
		pw.d.fonts[i].face = fam.Face(st)
	}
	return pw
}

// header begins the file: version 1.4 (electronic administrative documents
// are expected as PDF 1.4 or later, and nothing written here needs a later
// one), then a comment of bytes above 127 that marks the file as binary
// for programs that guess.
const header = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"

// Page draws pg and writes its content; its dictionary, a few bytes, is
// written when the next page is given or the file closed.
func (pw *Writer) Page(pg *layout.Page) error {
	if pw.closed {
		return fmt.Errorf("pdf: page after Close")
	}
	if pw.out.n == 0 {
		pw.out.WriteString(header)
	}
	d := &pw.d
	d.page(pg.Height)
	for _, it := range pg.Items {
		d.item(it)
	}
	d.endRun()
	pw.endPage()
	num := pw.next()
	pw.pages = append(pw.pages, num)
	pw.last = &pending{num: num, width: pg.Width, height: pg.Height}
	for _, m := range pg.Marks {
		pw.marks = append(pw.marks, mark{m.Title, m.Level, num, (pg.Height - m.Y) * k})
	}

	if pw.z == nil {
		pw.z = zwriters.Get().(*zlib.Writer)
	}
	pw.zbuf.Reset()
	pw.z.Reset(&pw.zbuf)
	pw.z.Write(d.content) // a bytes.Buffer does not fail
	pw.z.Close()
	pw.begin()
	fmt.Fprintf(&pw.out, "<</Filter /FlateDecode /Length %d>>\nstream\n", pw.zbuf.Len())
	pw.out.Write(pw.zbuf.Bytes())
	pw.out.WriteString("\nendstream")
	pw.end()
	return pw.out.err
}

// Close writes what follows the pages and the cross-reference table. It
// does not close the underlying writer.
func (pw *Writer) Close() error {
	if pw.closed {
		return fmt.Errorf("pdf: Close called twice")
	}
	if len(pw.pages) == 0 {
		// A PDF has a page at least; layout always makes one.
		return fmt.Errorf("pdf: no page")
	}
	pw.closed = true
	pw.endPage()
	if pw.z != nil {
		zwriters.Put(pw.z)
		pw.z = nil
	}
	fonts, xobjects, err := pw.shared()
	if err != nil {
		return err
	}
	pw.object(2, func(b []byte) []byte {
		b = append(b, "<</ProcSet [/PDF /Text /ImageB /ImageC /ImageI] /Font <<"...)
		b = append(b, fonts...)
		b = append(b, ">> /XObject <<"...)
		b = append(b, xobjects...)
		return append(b, ">>>>"...)
	})
	pw.object(1, func(b []byte) []byte {
		b = append(b, "<</Type /Pages /Kids ["...)
		b = appendRefs(b, pw.pages)
		return fmt.Appendf(b, "] /Count %d>>", len(pw.pages))
	})
	outlines := pw.outline()
	info := pw.begin()
	pw.out.Write(pw.infoDict(nil))
	pw.end()
	var catalog []byte
	if pw.info.PDFA {
		catalog = pw.archival(catalog)
	}
	root := pw.begin()
	pw.out.WriteString("<</Type /Catalog /Pages 1 0 R")
	if pw.info.Language != "" {
		fmt.Fprintf(&pw.out, " /Lang %s", literal(nil, []byte(pw.info.Language)))
	}
	if outlines > 0 {
		fmt.Fprintf(&pw.out, " /Outlines %d 0 R /PageMode /UseOutlines", outlines)
	}
	pw.out.Write(catalog)
	pw.out.WriteString(">>")
	pw.end()

	// The file's identifier is a digest of all written before it, so that
	// equal documents have equal ones and different documents different.
	id := hex.EncodeToString(pw.out.sum.Sum(nil)[:16])
	start := pw.out.n
	fmt.Fprintf(&pw.out, "xref\n0 %d\n0000000000 65535 f \n", len(pw.offset))
	var b []byte
	for _, off := range pw.offset[1:] {
		b = fmt.Appendf(b[:0], "%010d 00000 n \n", off)
		pw.out.Write(b)
	}
	fmt.Fprintf(&pw.out, "trailer\n<</Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>]>>\nstartxref\n%d\n%%%%EOF\n",
		len(pw.offset), root, info, id, id, start)
	return pw.out.err
}

// endPage writes the dictionary of the page given last, if not written.
func (pw *Writer) endPage() {
	p := pw.last
	if p == nil {
		return
	}
	pw.last = nil
	pw.object(p.num, func(b []byte) []byte {
		b = fmt.Appendf(b, "<</Type /Page /Parent 1 0 R /MediaBox [0 0 %.2f %.2f] /Resources 2 0 R /Contents %d 0 R",
			p.width*k, p.height*k, p.num+1)
		return append(b, ">>"...)
	})
}

// appendRefs appends references to the objects nums, spaced.
func appendRefs(b []byte, nums []int) []byte {
	for i, n := range nums {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, " 0 R"...)
	}
	return b
}

// shared writes the fonts and images the pages drew and returns their
// entries for the resources' /Font and /XObject dictionaries.
func (pw *Writer) shared() (fonts, xobjects []byte, err error) {
	var objs []object
	first := len(pw.offset)
	for i := range pw.d.fonts {
		u := &pw.d.fonts[i]
		if !u.used {
			continue
		}
		e, err := u.embedding()
		if err != nil {
			return nil, nil, err
		}
		fonts = fmt.Appendf(fonts, "/%s %d 0 R ", resourceName(styles[i]), first+len(objs))
		for _, o := range e.objects(u.face, first+len(objs)) {
			objs = append(objs, object{o})
		}
	}
	xobjects, imgs, err := pw.d.images.objects(first + len(objs))
	if err != nil {
		return nil, nil, err
	}
	objs = append(objs, imgs...)
	// A file made in memory is given the room the fonts and images take
	// first: grown as it fills, it would at times hold the images twice.
	if g, ok := pw.out.w.(interface{ Grow(int) }); ok {
		size := 0
		for _, o := range objs {
			for _, part := range o {
				size += len(part) + 32
			}
		}
		g.Grow(size)
	}
	for _, o := range objs {
		pw.begin()
		for _, part := range o {
			pw.out.Write(part)
		}
		pw.end()
	}
	return fonts, xobjects, nil
}

// outline writes the outline's entries and returns the number of its
// root, or 0 if the document has no entry. An entry's parent is the
// nearest entry before it of a lower level; every entry is shown closed.
func (pw *Writer) outline() int {
	if len(pw.marks) == 0 {
		return 0
	}
	type node struct{ parent, prev, next, first, last, kids int }
	nodes := make([]node, len(pw.marks)+1)
	root := len(pw.marks) // the last node
	for i := range nodes {
		nodes[i] = node{parent: root, prev: -1, next: -1, first: -1, last: -1}
	}
	var open []int // the entries an entry may be a child of, levels rising
	for i, m := range pw.marks {
		for len(open) > 0 && pw.marks[open[len(open)-1]].level >= m.level {
			open = open[:len(open)-1]
		}
		p := root
		if len(open) > 0 {
			p = open[len(open)-1]
		}
		nodes[i].parent = p
		if l := nodes[p].last; l >= 0 {
			nodes[l].next, nodes[i].prev = i, l
		} else {
			nodes[p].first = i
		}
		nodes[p].last = i
		nodes[p].kids++
		open = append(open, i)
	}
	first := len(pw.offset)
	ref := func(b []byte, key string, i int) []byte {
		if i < 0 {
			return b
		}
		return fmt.Appendf(b, " /%s %d 0 R", key, first+i)
	}
	for i, m := range pw.marks {
		n := nodes[i]
		pw.object(pw.next(), func(b []byte) []byte {
			b = append(b, "<</Title "...)
			b = textString(b, m.title)
			b = ref(b, "Parent", n.parent)
			b = ref(b, "Prev", n.prev)
			b = ref(b, "Next", n.next)
			b = ref(b, "First", n.first)
			b = ref(b, "Last", n.last)
			if n.kids > 0 {
				b = fmt.Appendf(b, " /Count -%d", n.kids)
			}
			return fmt.Appendf(b, " /Dest [%d 0 R /XYZ 0 %.2f null]>>", m.page, m.y)
		})
	}
	n := nodes[root]
	pw.object(pw.next(), func(b []byte) []byte {
		return fmt.Appendf(b, "<</Type /Outlines /First %d 0 R /Last %d 0 R /Count %d>>", first+n.first, first+n.last, n.kids)
	})
	return first + root
}

// infoDict appends the document information dictionary to b.
func (pw *Writer) infoDict(b []byte) []byte {
	in := pw.info
	b = append(b, "<<"...)
	for _, e := range []struct{ key, value string }{
		{"Title", in.Meta.Title}, {"Author", in.Meta.Author}, {"Subject", in.Meta.Subject},
		{"Keywords", in.Meta.Keywords}, {"Creator", in.Creator}, {"Producer", in.Creator},
	} {
		if e.value != "" {
			b = append(b, '/')
			b = append(b, e.key...)
			b = append(b, ' ')
			b = textString(b, e.value)
			b = append(b, ' ')
		}
	}
	date := literal(nil, []byte(pdfDate(in.Created)))
	return fmt.Appendf(b, "/CreationDate %s /ModDate %s>>", date, date)
}

// pdfDate formats t as a PDF date (PDF 32000-1, 7.9.4), with its offset
// from UTC.
func pdfDate(t time.Time) string {
	s := t.Format("D:20060102150405")
	_, off := t.Zone()
	if off == 0 {
		return s + "Z"
	}
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%s%c%02d'%02d'", s, sign, off/3600, off/60%60)
}

// next returns the number of a new object.
func (pw *Writer) next() int {
	pw.offset = append(pw.offset, 0)
	return len(pw.offset) - 1
}

// begin starts a new object and returns its number.
func (pw *Writer) begin() int {
	n := pw.next()
	pw.start(n)
	return n
}

// start starts object n, numbered before.
func (pw *Writer) start(n int) {
	pw.offset[n] = pw.out.n
	var b [24]byte
	pw.out.Write(append(strconv.AppendInt(b[:0], int64(n), 10), " 0 obj\n"...))
}

// end ends the object begun last.
func (pw *Writer) end() { pw.out.WriteString("\nendobj\n") }

// object writes object n, its body appended by body.
func (pw *Writer) object(n int, body func([]byte) []byte) {
	pw.start(n)
	pw.out.Write(body(nil))
	pw.end()
}

// object is the body of an object, in parts written one after another: an
// image's data is written from where it lies, never copied.
type object [][]byte

// countingWriter counts the bytes written, for the cross-reference table,
// and digests them, for the file's identifier; it keeps the first error,
// after which it writes nothing.
type countingWriter struct {
	w   io.Writer
	n   int64
	sum hash.Hash
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.sum.Write(p[:n])
	c.n += int64(n)
	c.err = err
	return n, err
}

func (c *countingWriter) WriteString(s string) (int, error) { return c.Write([]byte(s)) }

// textString appends s to b as a PDF text string: a literal string in
// UTF-16BE with a byte order mark, which every reader takes Vietnamese in.
func textString(b []byte, s string) []byte {
	u := []byte{0xFE, 0xFF}
	for _, c := range utf16.Encode([]rune(s)) {
		u = append(u, byte(c>>8), byte(c))
	}
	return literal(b, u)
}

// literal appends s to b as a literal string, its parentheses, backslashes
// and carriage returns escaped (a bare one would be read as a line end).
func literal(b, s []byte) []byte {
	b = append(b, '(')
	for _, c := range s {
		switch c {
		case '(', ')', '\\':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	return append(b, ')')
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
