package xlsx

import (
	"archive/zip"
	"compress/flate"
	"io"
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

// pooledFlate is a flate writer that goes back to compressors when
// closed.
type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	compressors.Put(p.Writer)
	return err
}

// newZipWriter is the zip writer excelize writes the workbook with.
func newZipWriter(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw := compressors.Get().(*flate.Writer)
		fw.Reset(out)
		return pooledFlate{fw}, nil
	})
	return zw
}
