package picture

import (
	"bytes"
	"path/filepath"
	"testing"
)

// FuzzCheck reads any bytes as a picture: Read and Check never panic, a
// picture they accept has a size within the limits, and a small PNG is
// accepted exactly when image/png decodes it, its rows being the pixels
// image/png gives (agree). Seeded with every test picture, the same
// interlaced, and the JPEG that made the old resolution reader panic.
func FuzzCheck(f *testing.F) {
	files, err := filepath.Glob("testdata/*.*g")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data := readTestdata(f, filepath.Base(name))
		f.Add(data)
		f.Add(interlace(f, data))
	}
	f.Add(zeroSegment(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Read(data)
		if err != nil {
			return
		}
		if p.Width < 1 || p.Height < 1 || p.Width > MaxSide || p.Height > MaxSide {
			t.Fatalf("accepted a picture of %d×%d", p.Width, p.Height)
		}
		if d := p.Data(); len(d) == 0 || !bytes.HasPrefix(data, d) {
			t.Fatalf("Data is %d bytes that do not begin the file", len(d))
		}
		if p.Format == PNG && p.Width*p.Height <= 1<<16 {
			agree(t, data)
		} else {
			Check(data)
		}
	})
}
