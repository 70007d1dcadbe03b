package xlsx

import (
	"archive/zip"
	"bytes"
	"cmp"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"sort"
	"sync"

	"github.com/xuri/excelize/v2"
)

// The parts of a workbook are compressed at flate's fastest level, by
// writers kept for reuse: at archive/zip's default level, compressing was
// two fifths of writing a short report's workbook, for a file a tenth
// smaller.

// compressors keeps flate writers for reuse: a new one allocates over a
// megabyte.
var compressors = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed) // the level is valid
	return w
}}

// sortContentTypes puts the default content types of f, which excelize
// adds for images in the order of a map's iteration, in the order of
// their extensions, so that [Content_Types].xml is the same for the same
// workbook.
func sortContentTypes(f *excelize.File) {
	if f.ContentTypes == nil {
		return // excelize writes its template as it is
	}
	d := f.ContentTypes.Defaults
	sort.SliceStable(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
}

// orderedZip is the zip writer excelize writes a workbook with. excelize
// creates the parts of streamed sheets in the order of a map's
// iteration; orderedZip compresses each part as it comes, and writes them
// all when closed in the order of their names — [Content_Types].xml
// first, as Office writes it — so that the same workbook is the same bytes.
type orderedZip struct {
	w     io.Writer
	parts []*zipPart
	open  *zipPart // being written
}

// zipPart is one compressed part.
type zipPart struct {
	name       string
	compressed bytes.Buffer
	fw         *flate.Writer
	crc        uint32
	size       uint64
}

func (p *zipPart) Write(b []byte) (int, error) {
	p.crc = crc32.Update(p.crc, crc32.IEEETable, b)
	p.size += uint64(len(b))
	return p.fw.Write(b)
}

// newZipWriter is the zip writer excelize writes the workbook with.
func newZipWriter(w io.Writer) excelize.ZipWriter { return &orderedZip{w: w} }

// Create starts the part name; the part before it is complete.
func (z *orderedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	p := &zipPart{name: name, fw: compressors.Get().(*flate.Writer)}
	p.fw.Reset(&p.compressed)
	z.parts = append(z.parts, p)
	z.open = p
	return p, nil
}

// finish completes the part being written.
func (z *orderedZip) finish() error {
	p := z.open
	if p == nil {
		return nil
	}
	z.open = nil
	err := p.fw.Close()
	compressors.Put(p.fw)
	p.fw = nil
	return err
}

// AddFS is not used by excelize to write a workbook.
func (z *orderedZip) AddFS(fs.FS) error {
	return errors.New("xlsx: orderedZip does not add file systems")
}

// Close writes the parts, in order, and the zip's directory.
func (z *orderedZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	// "[Content_Types].xml" sorts first: '[' comes before '_' and the
	// lower-case letters the other parts begin with.
	slices.SortFunc(z.parts, func(a, b *zipPart) int { return cmp.Compare(a.name, b.name) })
	zw := zip.NewWriter(z.w)
	for _, p := range z.parts {
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name:               p.name,
			Method:             zip.Deflate,
			CRC32:              p.crc,
			CompressedSize64:   uint64(p.compressed.Len()),
			UncompressedSize64: p.size,
		})
		if err != nil {
			return err
		}
		if _, err := w.Write(p.compressed.Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}
