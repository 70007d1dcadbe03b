package render_test

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"baocao/fonts"
	"baocao/render"
	"baocao/render/face"
	"baocao/render/load"
	"baocao/render/picture"
	"baocao/render/picture/picturetest"
)

// heavy are the inputs at the limits on the files a report names, by
// name: each makes, in a folder, a report whose images or fonts are as
// large as the limits allow — or, scaled down by scale (1 for the real
// size), as large as a test may make them.
var heavy = map[string]func(t testing.TB, dir string, scale int) string{
	// Two PNGs of 10.000 × 10.000 pixels, 16 bits a sample with alpha, as
	// signature and seal: the limit of pixels (200 million, with the
	// example's photo of 960 × 540), each converted row by row. Their
	// files are small: the pixels compress.
	"png-pixels": func(t testing.TB, dir string, scale int) string {
		side := picture.MaxSide / scale
		writePNG(t, filepath.Join(dir, "ky.png"), side, side, false)
		writePNG(t, filepath.Join(dir, "dau.png"), side, side-52/scale, false)
		return signed(t, dir, "ky.png", "dau.png")
	},
	// Two interlaced PNGs of 4.000 × 4.000, 16 bits with alpha: the
	// limit of an interlaced picture, gathered whole to be converted.
	"png-interlaced": func(t testing.TB, dir string, scale int) string {
		side := 4000 / scale
		writePNG(t, filepath.Join(dir, "ky.png"), side, side, true)
		writePNG(t, filepath.Join(dir, "dau.png"), side, side, true)
		return signed(t, dir, "ky.png", "dau.png")
	},
	// A bản tin of 20 photos of some 5 MB: the limit of the images of a
	// report (100 MB, with the example's photo).
	"photos": func(t testing.TB, dir string, scale int) string {
		return withPhotos(t, dir, writeJPEGs(t, dir, 20, (maxImages-1<<20)/scale))
	},
	// The four fonts of a family, each at the limit of a font file
	// (32 MB).
	"fonts": func(t testing.TB, dir string, scale int) string {
		return withFonts(t, dir, face.MaxFileBytes/scale)
	},
	// The four documents' bodies, each of some 900 KB (under the 1 MB a
	// value may hold) of paragraphs of two words, one in bold: goldmark's
	// tree of many small blocks, then their pages, are the most memory a
	// body is known to take.
	"bodies": func(t testing.TB, dir string, scale int) string {
		return withBodies(t, dir, 900<<10/scale)
	},
	// All at once: the four fonts of 32 MB, the two PNGs of 100 million
	// pixels and 18 photos, up to the limit of the images.
	"all": func(t testing.TB, dir string, scale int) string {
		side := picture.MaxSide / scale
		writePNG(t, filepath.Join(dir, "ky.png"), side, side, false)
		writePNG(t, filepath.Join(dir, "dau.png"), side, side-52/scale, false)
		pngs := fileSize(t, filepath.Join(dir, "ky.png")) + fileSize(t, filepath.Join(dir, "dau.png"))
		signed(t, dir, "ky.png", "dau.png")
		withPhotos(t, dir, writeJPEGs(t, dir, 18, (maxImages-1<<20)/scale-pngs))
		return withFonts(t, dir, face.MaxFileBytes/scale)
	},
}

// BenchmarkHeavy loads and renders each heavy input at its real size, all
// outputs, written nowhere. Peak memory is measured on the command
// (docs/BENCHMARKS.md): here it is the time, and the memory allocated.
func BenchmarkHeavy(b *testing.B) {
	for _, name := range slices.Sorted(maps.Keys(heavy)) {
		b.Run(name, func(b *testing.B) {
			file := heavy[name](b, b.TempDir(), 1)
			b.ReportAllocs()
			for b.Loop() {
				r, err := load.File(file)
				if err != nil {
					b.Fatal(err)
				}
				outs, err := render.Outputs(r, "heavy", render.Options{})
				if err != nil {
					b.Fatal(err)
				}
				for _, o := range outs {
					if err := o.Write(io.Discard); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// TestHeavy renders each heavy input at a tenth of its size — a hundredth
// of the pixels — in full. With BAOCAO_HEAVY=DIR:CASE set it writes that
// case at its real size into DIR instead, for BENCHMARKS.md's
// whole-process runs (peak memory and time at each limit).
func TestHeavy(t *testing.T) {
	if v := os.Getenv("BAOCAO_HEAVY"); v != "" {
		dir, name, _ := strings.Cut(v, ":")
		gen, ok := heavy[name]
		if !ok {
			t.Fatalf("BAOCAO_HEAVY=%q: no case %q", v, name)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", gen(t, dir, 1))
		return
	}
	for name, gen := range heavy {
		t.Run(name, func(t *testing.T) {
			file := gen(t, t.TempDir(), 10)
			r, err := load.File(file)
			if err != nil {
				t.Fatal(err)
			}
			outs, err := render.Outputs(r, "heavy", render.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range outs {
				if err := o.Write(io.Discard); err != nil {
					t.Fatalf("%s: %v", o.Name, err)
				}
			}
		})
	}
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// example returns the Cần Thơ example's source, or that of input.yaml in
// dir when a case has begun one, with its images copied beside it.
func example(t testing.TB, dir string) string {
	t.Helper()
	if src, err := os.ReadFile(filepath.Join(dir, "input.yaml")); err == nil {
		return string(src)
	}
	if err := os.CopyFS(filepath.Join(dir, "images"), os.DirFS("../examples/images")); err != nil {
		t.Fatal(err)
	}
	return readFile(t, "../examples/cantho-2021.yaml")
}

// edited writes the example with its first old replaced by new as
// dir/input.yaml and returns the path.
func edited(t testing.TB, dir, src, old, new string) string {
	t.Helper()
	if !strings.Contains(src, old) {
		t.Fatalf("the example has no %q", old)
	}
	file := filepath.Join(dir, "input.yaml")
	if err := os.WriteFile(file, []byte(strings.Replace(src, old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// signed is the example whose báo cáo is signed with the images sig and
// seal.
func signed(t testing.TB, dir, sig, seal string) string {
	const signer = "  signer:\n    title: GIÁM ĐỐC\n"
	return edited(t, dir, example(t, dir), signer, signer+"    signature_image: "+sig+"\n    seal_image: "+seal+"\n")
}

// withPhotos is the example whose bản tin has the photos names.
func withPhotos(t testing.TB, dir string, names []string) string {
	var b strings.Builder
	for i, n := range names {
		b.WriteString("    - image: " + n + "\n      caption: Ảnh " + strconv.Itoa(i+1) + " của hội nghị.\n")
	}
	return edited(t, dir, example(t, dir), "  photos:\n", "  photos:\n"+b.String())
}

// withBodies is the example whose every body is replaced by size bytes of
// paragraphs of two words, one in bold.
func withBodies(t testing.TB, dir string, size int) string {
	src := example(t, dir)
	var out []string
	lines := strings.Split(src, "\n")
	for i := 0; i < len(lines); i++ {
		out = append(out, lines[i])
		indent, ok := strings.CutSuffix(lines[i], "body: |")
		if !ok || strings.TrimSpace(indent) != "" {
			continue
		}
		// Skip the block, then write the new one.
		for i+1 < len(lines) && (strings.TrimSpace(lines[i+1]) == "" || len(lines[i+1])-len(strings.TrimLeft(lines[i+1], " ")) > len(indent)) {
			i++
		}
		const line = "**a** b"
		for n := 0; n < size; n += len(line) + 2 {
			out = append(out, indent+"  "+line, "")
		}
	}
	file := filepath.Join(dir, "input.yaml")
	if err := os.WriteFile(file, []byte(strings.Join(out, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// withFonts is the example set in the four faces of the embedded family,
// each grown to size bytes.
func withFonts(t testing.TB, dir string, size int) string {
	s := fonts.LiberationSerif()
	var lines []string
	for i, data := range [][]byte{s.Regular, s.Bold, s.Italic, s.BoldItalic} {
		name := "phong-" + strconv.Itoa(i) + ".ttf"
		if err := os.WriteFile(filepath.Join(dir, name), grownFont(data, size), 0o644); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, name)
	}
	font := "format:\n  font:\n    regular: " + lines[0] + "\n    bold: " + lines[1] + "\n    italic: " + lines[2] + "\n    bold_italic: " + lines[3] + "\n"
	return edited(t, dir, example(t, dir), "agency:\n", font+"agency:\n")
}

// grownFont returns the TrueType font data grown to size bytes by a table
// of zeros that no reader looks at.
func grownFont(data []byte, size int) []byte {
	be := binary.BigEndian
	n := int(be.Uint16(data[4:]))
	dir := 12 + 16*n
	out := make([]byte, 0, size)
	out = append(out, data[:12]...)
	be.PutUint16(out[4:], uint16(n+1))
	// Every table moves 16 bytes down for the new record.
	for i := range n {
		rec := bytes.Clone(data[12+16*i : 28+16*i])
		be.PutUint32(rec[8:], be.Uint32(rec[8:])+16)
		out = append(out, rec...)
	}
	padStart := len(data) + 16
	padStart += (4 - padStart%4) % 4
	rec := append([]byte("zzzz"), make([]byte, 12)...)
	be.PutUint32(rec[8:], uint32(padStart))
	be.PutUint32(rec[12:], uint32(size-padStart))
	out = append(out, rec...)
	out = append(out, data[dir:]...)
	out = append(out, make([]byte, size-len(out))...)
	return out
}

// writePNG writes a w×h PNG of 16-bit samples with alpha — interlaced, or
// not — whose pixels change across a row and from row to row, each row
// filtered as a PNG encoder would: it compresses some hundredfold.
func writePNG(t testing.TB, path string, w, h int, interlaced bool) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = picturetest.Write(f, picturetest.Header{Width: w, Height: h, Depth: 16, Colour: 6, Interlaced: interlaced}, func(_, y int, b []byte) {
		// Filter Sub: a residual that is the same along the row and
		// changes with y.
		b[0] = 1
		for x := 1; x < len(b); x += 8 {
			p := b[x:]
			p[0], p[1] = byte(y>>4), byte(x)
			p[2], p[3] = 3, byte(y)
			p[4], p[5] = 1, 7
			p[6], p[7] = byte(128+y>>7), 0
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}

// maxImages is the limit of the images of a report, as README gives it.
const maxImages = 100 << 20

func fileSize(t testing.TB, path string) int {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return int(st.Size())
}

// writeJPEGs writes n JPEGs of random pixels, anh-1.jpg…, of no more
// than total bytes together, and returns their names.
func writeJPEGs(t testing.TB, dir string, n, total int) []string {
	t.Helper()
	var names []string
	for i := range n {
		name := "anh-" + strconv.Itoa(i+1) + ".jpg"
		writeJPEG(t, filepath.Join(dir, name), total/n*96/100, uint64(i))
		names = append(names, name)
	}
	return names
}

// writeJPEG writes a JPEG of random pixels of about size bytes, give or
// take a tenth.
func writeJPEG(t testing.TB, path string, size int, seed uint64) {
	t.Helper()
	// Noise at quality 90 takes some 0,9 bytes a pixel.
	side := int(float64(size) / 0.9)
	w := 1
	for w*w*3/4 < side {
		w++
	}
	img := image.NewRGBA(image.Rect(0, 0, w, w*3/4))
	rng := rand.New(rand.NewPCG(seed, 1))
	for i := range img.Pix {
		img.Pix[i] = byte(rng.IntN(256))
	}
	for y := range img.Rect.Dy() {
		img.SetRGBA(0, y, color.RGBA{A: 255})
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := jpeg.Encode(f, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
}
