package main

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"baocao/fonts"
	"baocao/render/picture"
	"baocao/render/picture/picturetest"
	"baocao/render/userfile/userfiletest"
)

// assetCases are the corpus cases of the files a report names and of the
// folders the command line names — images, fonts, templates — made here
// when they are FIFOs, links, large, or made from the embedded fonts. DIR
// in their arguments stands for the case's temporary folder.
func assetCases() []corpusCase {
	render := []string{"render", "-o", "OUT", "FILE"}
	fontDirArgs := []string{"validate", "--font", "DIR/phong", "FILE"}
	templateArgs := []string{"validate", "--templates", "DIR/mau", "FILE"}
	return []corpusCase{
		// A FIFO, or a link to one or to a device, named as a file waits or
		// reads for ever once opened: each is refused before it is.
		{name: "asset-fifo-image", gen: signedWith(file{"seal_image", "con-dau.png", fifo}), code: exitInvalid},
		{name: "asset-fifo-font", gen: withFont(fifo), code: exitInvalid},
		{name: "asset-fifo-yaml", gen: func(t *testing.T, dir string) string {
			path := filepath.Join(dir, "input.yaml")
			fifo(t, path)
			return path
		}, code: exitInvalid},
		{name: "asset-symlink-fifo", gen: signedWith(file{"seal_image", "con-dau.png", linkTo("that.png", fifo)}), code: exitInvalid},
		{name: "asset-symlink-device", gen: signedWith(file{"seal_image", "con-dau.png", linkTo("/dev/zero", nil)}), code: exitInvalid},
		{name: "asset-symlink-out", gen: signedWith(file{"seal_image", "con-dau.png", linkTo("../ngoai.png", copyOf("examples/images/cantho-2021-hoi-nghi.png"))}), code: exitInvalid},
		// Fonts the loader used to pass and the PDF writer then failed on,
		// without a position, after validate had said the file was valid.
		{name: "asset-font-truncated", gen: withFont(fontFile(func(f []byte) { copy(f[4000:], make([]byte, len(f)-4000)) })), code: exitInvalid},
		{name: "asset-font-broken-glyph", gen: withFont(fontFile(locaPastGlyf)), code: exitInvalid},
		{name: "asset-font-no-names", gen: withFont(fontFile(noFamilyName)), code: exitInvalid},
		// Pictures within the size of a file that are too much to convert.
		{name: "asset-png-interlaced-bomb", gen: signedWith(file{"seal_image", "con-dau.png", pngFile(5000, 5000, true)}), code: exitInvalid},
		{name: "asset-png-pixels-over", gen: signedWith(
			file{"signature_image", "ky.png", pngFile(picture.MaxSide, picture.MaxSide, false)},
			file{"seal_image", "dau.png", pngFile(picture.MaxSide, picture.MaxSide, false)}), code: exitInvalid},
		{name: "asset-images-over-100mb", gen: photosOf(6, bigPNG(19<<20)), code: exitInvalid},
		// The JPEG that made the old resolution reader panic renders.
		{name: "asset-jpeg-restart-zero", gen: signedWith(file{"seal_image", "con-dau.jpg", copyOf("testdata/bad/assets/restart-0.jpg")}), args: render, code: exitOK, check: checkRendered},
		// Folders named on the command line: a FIFO and a 300 MB file
		// among a family's fonts are passed over without being read;
		// alone, they are named with what is wrong with them.
		{name: "asset-font-dir-odd-files", gen: fontDir(true), args: fontDirArgs, code: exitOK},
		{name: "asset-font-dir-only-odd-files", gen: fontDir(false), args: fontDirArgs, code: exitInvalid},
		{name: "asset-font-dir-fifo", gen: appendedWith("phong", fifo), args: fontDirArgs, code: exitInvalid},
		{name: "asset-template-dir-fifo", gen: appendedWith("mau", fifo), args: templateArgs, code: exitInvalid},
		{name: "asset-template-fifo", gen: templates(fifo), args: templateArgs, code: exitInvalid},
		{name: "asset-template-too-large", gen: templates(sparse(2 << 20)), args: templateArgs, code: exitInvalid},
		// A character the font lacks in a template's text, at its place.
		{name: "asset-template-glyph", input: "bom", args: []string{"validate", "--templates", "testdata/bad/asset-mau-ky-tu", "FILE"}, code: exitInvalid},
		{name: "asset-template-glyph-render", input: "bom", args: []string{"render", "-o", "OUT", "--templates", "testdata/bad/asset-mau-ky-tu", "FILE"}, code: exitInvalid, check: checkNothing},
	}
}

// file is a file a generated input names under key, made at its path by
// make.
type file struct {
	key, name string
	make      func(*testing.T, string)
}

// signedWith generates the example whose báo cáo is signed with the images
// files.
func signedWith(files ...file) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		src := baseExample(t, dir)
		var lines string
		for _, f := range files {
			f.make(t, filepath.Join(dir, f.name))
			lines += "    " + f.key + ": " + f.name + "\n"
		}
		const signer = "  signer:\n    title: GIÁM ĐỐC\n"
		if !strings.Contains(src, signer) {
			t.Fatalf("the example has no %q", signer)
		}
		return write(t, dir, strings.Replace(src, signer, signer+lines, 1))
	}
}

// photosOf generates the example whose bản tin has n photos, all the one
// image make makes: each use counts.
func photosOf(n int, make func(*testing.T, string)) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		src := baseExample(t, dir)
		make(t, filepath.Join(dir, "anh.png"))
		var b strings.Builder
		for i := range n {
			b.WriteString("    - image: anh.png\n      caption: Ảnh " + strconv.Itoa(i+1) + ".\n")
		}
		const photos = "  photos:\n"
		if !strings.Contains(src, photos) {
			t.Fatalf("the example has no %q", photos)
		}
		return write(t, dir, strings.Replace(src, photos, photos+b.String(), 1))
	}
}

// withFont generates the example set in the embedded family, but for its
// regular face, which make makes.
func withFont(make func(*testing.T, string)) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		src := baseExample(t, dir)
		s := fonts.LiberationSerif()
		for name, data := range map[string][]byte{"b.ttf": s.Bold, "i.ttf": s.Italic, "bi.ttf": s.BoldItalic} {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		make(t, filepath.Join(dir, "r.ttf"))
		font := "format:\n  font:\n    regular: r.ttf\n    bold: b.ttf\n    italic: i.ttf\n    bold_italic: bi.ttf\n"
		return write(t, dir, strings.Replace(src, "agency:\n", font+"agency:\n", 1))
	}
}

// fontFile returns a maker of the embedded regular face as edit changes it.
func fontFile(edit func([]byte)) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		data := bytes.Clone(fonts.LiberationSerif().Regular)
		edit(data)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// table returns the table tag of the TrueType font data, in place.
func table(data []byte, tag string) []byte {
	be := binary.BigEndian
	for i := range int(be.Uint16(data[4:])) {
		rec := data[12+16*i:]
		if string(rec[:4]) == tag {
			off := be.Uint32(rec[8:])
			return data[off : off+be.Uint32(rec[12:])]
		}
	}
	return nil
}

// locaPastGlyf makes the last glyph of the font end past its glyph data.
func locaPastGlyf(data []byte) {
	loca := table(data, "loca") // Liberation's is long: 4 bytes an entry
	end := loca[len(loca)-4:]
	binary.BigEndian.PutUint32(end, binary.BigEndian.Uint32(end)+1000)
}

// noFamilyName takes the family's name out of the font's names.
func noFamilyName(data []byte) {
	be := binary.BigEndian
	name := table(data, "name")
	for i := range int(be.Uint16(name[2:])) {
		if rec := name[6+12*i:]; be.Uint16(rec[6:]) == 1 {
			be.PutUint16(rec[6:], 99)
		}
	}
}

// pngFile returns a maker of a grey PNG of w × h pixels, all white: a few
// kilobytes however large.
func pngFile(w, h int, interlaced bool) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		err = picturetest.Write(f, picturetest.Header{Width: w, Height: h, Depth: 8, Colour: 0, Interlaced: interlaced}, func(_, _ int, row []byte) {
			for i := range row[1:] {
				row[1+i] = 255
			}
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// bigPNG returns a maker of a small valid PNG grown to size bytes by a
// chunk of text.
func bigPNG(size int) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		var b bytes.Buffer
		err := picturetest.Write(&b, picturetest.Header{Width: 40, Height: 40, Depth: 8, Colour: 0, Extra: [][]byte{
			picturetest.Chunk("zTXt", make([]byte, size)),
		}}, func(_, y int, row []byte) { row[1] = byte(y) })
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// fontDir generates the example, beside a folder phong holding a FIFO and
// a 300 MB file named as fonts, and when whole is set the embedded
// family's four files.
func fontDir(whole bool) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		src := baseExample(t, dir)
		fd := filepath.Join(dir, "phong")
		if err := os.Mkdir(fd, 0o755); err != nil {
			t.Fatal(err)
		}
		fifo(t, filepath.Join(fd, "ong-dan.ttf"))
		sparse(300<<20)(t, filepath.Join(fd, "lon.ttf"))
		if whole {
			s := fonts.LiberationSerif()
			for name, data := range map[string][]byte{"r.ttf": s.Regular, "b.ttf": s.Bold, "i.ttf": s.Italic, "bi.ttf": s.BoldItalic} {
				if err := os.WriteFile(filepath.Join(fd, name), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		return write(t, dir, src)
	}
}

// templates generates the example, beside a folder mau whose báo cáo
// template make makes.
func templates(make func(*testing.T, string)) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		src := baseExample(t, dir)
		if err := os.Mkdir(filepath.Join(dir, "mau"), 0o755); err != nil {
			t.Fatal(err)
		}
		make(t, filepath.Join(dir, "mau", "bao-cao.md.tmpl"))
		return write(t, dir, src)
	}
}

// appendedWith generates the example, beside a file name make makes.
func appendedWith(name string, make func(*testing.T, string)) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		src := baseExample(t, dir)
		make(t, filepath.Join(dir, name))
		return write(t, dir, src)
	}
}

// fifo makes a FIFO at path.
func fifo(t *testing.T, path string) { userfiletest.Mkfifo(t, path) }

// sparse returns a maker of a file of size bytes that takes no disk space.
func sparse(size int64) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
	}
}

// copyOf returns a maker of a copy of the file from.
func copyOf(from string) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// linkTo returns a maker of a symbolic link to target, which make, when
// not nil, makes first, target being relative to the link's folder.
func linkTo(target string, make func(*testing.T, string)) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		if make != nil {
			make(t, filepath.Join(filepath.Dir(path), target))
		}
		if err := os.Symlink(target, path); err != nil {
			t.Fatal(err)
		}
	}
}

// checkNothing checks that a failed render wrote nothing.
func checkNothing(t *testing.T, _, out string) {
	if names := dirNames(t, out); len(names) > 0 {
		t.Errorf("render wrote %q", names)
	}
}
