package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"baocao/render/picture"
)

// FuzzImage embeds any picture the loader accepts, as a PDF reader would
// read it back: the image objects are made without an error, and a
// converted PNG's streams, inflated and their PNG predictors undone, hold
// exactly the rows picture.Rows gives.
func FuzzImage(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("..", "picture", "testdata", "*.*g"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := picture.Check(data)
		if err != nil || p.Width*p.Height > 1<<16 {
			return
		}
		if p.Format == picture.JPEG || p.Plain() {
			if objs := imageObjects(p, 1, nil, nil); len(objs) != 1 {
				t.Fatalf("%d objects for a picture embedded as it is", len(objs))
			}
			return
		}
		colour, alpha, err := convert(p)
		if err != nil {
			t.Fatalf("convert: %v", err)
		}
		if (alpha == nil) != p.Opaque() {
			t.Fatalf("alpha %v for a picture opaque %v", alpha != nil, p.Opaque())
		}
		var wantColour, wantAlpha []byte
		if err := p.Rows(func(c, a []byte) error {
			wantColour = append(wantColour, c...)
			wantAlpha = append(wantAlpha, a...)
			return nil
		}); err != nil {
			t.Fatalf("Rows: %v", err)
		}
		if got := unpredict(t, colour, p.Width*p.Channels(), p.Channels()); !bytes.Equal(got, wantColour) {
			t.Fatal("the colour stream does not read back as the picture's rows")
		}
		if alpha != nil {
			if got := unpredict(t, alpha, p.Width, 1); !bytes.Equal(got, wantAlpha) {
				t.Fatal("the soft mask does not read back as the picture's alpha")
			}
		}
		if objs := imageObjects(p, 1, colour, alpha); len(objs) != 1+len(alpha[:min(len(alpha), 1)]) {
			t.Fatalf("%d objects", len(objs))
		}
	})
}

// unpredict reads a zlib stream of rows of width bytes, each with a PNG
// filter byte, as a PDF reader does with /Predictor 15, bpp bytes a pixel.
func unpredict(t *testing.T, stream []byte, width, bpp int) []byte {
	t.Helper()
	zr, err := zlib.NewReader(bytes.NewReader(stream))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil || len(raw)%(1+width) != 0 {
		t.Fatalf("%d bytes, %v: not rows of %d", len(raw), err, width)
	}
	var out []byte
	prev := make([]byte, width)
	for row := range slices.Chunk(raw, 1+width) {
		f, cur := row[0], bytes.Clone(row[1:])
		for i := range cur {
			var a, c byte
			if i >= bpp {
				a, c = cur[i-bpp], prev[i-bpp]
			}
			b := prev[i]
			switch f {
			case 1:
				cur[i] += a
			case 2:
				cur[i] += b
			case 3:
				cur[i] += byte((int(a) + int(b)) / 2)
			case 4:
				cur[i] += picture.Paeth(a, b, c)
			case 0:
			default:
				t.Fatalf("filter %d", f)
			}
		}
		out = append(out, cur...)
		prev = cur
	}
	return out
}
