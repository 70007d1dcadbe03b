package load

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baocao/fonts"
	"baocao/render/report"
	"baocao/render/userfile/userfiletest"
)

func encodePNG(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeJPEG(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewRGBA(image.Rect(0, 0, 4, 3)), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeGIF(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gif.Encode(&b, image.NewPaletted(image.Rect(0, 0, 2, 2), []color.Color{color.Black, color.White}), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestAssets loads a report whose font and signature image name files
// next to it; each case changes one of the two values.
func TestAssets(t *testing.T) {
	serif := fonts.LiberationSerif()
	png1 := encodePNG(t, 3, 2)
	interlacedPNG, err := os.ReadFile("../picture/testdata/interlaced-basn0g01.png")
	if err != nil {
		t.Fatal(err)
	}
	valid := map[string][]byte{
		"f/r.ttf": serif.Regular, "f/b.ttf": serif.Bold, "f/i.ttf": serif.Italic, "f/bi.ttf": serif.BoldItalic,
		"ky.png": png1,
	}
	tests := []struct {
		name  string
		key   string // "regular" or "signature_image"
		value string
		files map[string][]byte // added to the valid ones
		dir   string            // a directory to create
		big   string            // a sparse file of 21 MB to create
		fifo  string            // a FIFO to create
		links map[string]string // symbolic links to create: name → target
		want  string            // part of the error; "" when the load succeeds
		data  []byte            // the bytes loaded, when it succeeds
	}{
		{name: "png", key: "signature_image", value: "ky.png", data: png1},
		{name: "jpeg in a folder", key: "signature_image", value: "anh/ky.jpg", files: map[string][]byte{"anh/ky.jpg": encodeJPEG(t)}, data: encodeJPEG(t)},
		{name: "ttf", key: "regular", value: "f/r.ttf", data: serif.Regular},
		{name: "ttf named .otf", key: "regular", value: "f/r.otf", files: map[string][]byte{"f/r.otf": serif.Regular}, data: serif.Regular},
		{name: "missing image", key: "signature_image", value: "khong-co.png", want: "không tìm thấy tệp"},
		{name: "missing font", key: "regular", value: "f/x.ttf", want: "không tìm thấy tệp"},
		{name: "directory", key: "signature_image", value: "anh", dir: "anh", want: "là một thư mục"},
		{name: "huge image file", key: "signature_image", value: "to.png", big: "to.png", want: "tệp lớn 21 MB, vượt giới hạn 20 MB"},
		{name: "fifo", key: "signature_image", value: "fifo.png", fifo: "fifo.png", want: "không phải một tệp thông thường"},
		{name: "link to a fifo", key: "signature_image", value: "lien-ket.png", fifo: "ky-that.png", links: map[string]string{"lien-ket.png": "ky-that.png"}, want: "không phải một tệp thông thường"},
		{name: "fifo as a font", key: "regular", value: "f/x.ttf", fifo: "f/x.ttf", want: "không phải một tệp thông thường"},
		{name: "link inside the folder", key: "signature_image", value: "lien-ket.png", links: map[string]string{"lien-ket.png": "ky.png"}, data: png1},
		{name: "link to a device", key: "signature_image", value: "lien-ket.png", links: map[string]string{"lien-ket.png": "/dev/zero"}, want: "tệp nằm ngoài thư mục chứa tệp YAML"},
		{name: "device", key: "signature_image", value: "/dev/zero", want: "đường dẫn tuyệt đối"},
		{name: "absolute path", key: "regular", value: "ABS/f/r.ttf", want: "đường dẫn tuyệt đối (tính từ gốc ổ đĩa) không được dùng: một tệp YAML chỉ được dùng các tệp trong thư mục của nó"},
		{name: "dot-dot", key: "signature_image", value: "../ky.png", want: "tệp nằm ngoài thư mục chứa tệp YAML"},
		{name: "link out of the folder", key: "signature_image", value: "lien-ket.png", links: map[string]string{"lien-ket.png": "../ngoai.png"}, want: "tệp nằm ngoài thư mục chứa tệp YAML"},
		{name: "font out of the folder", key: "regular", value: "../r.ttf", want: "hoặc chỉ ra thư mục phông chữ bằng tùy chọn --font"},
		{name: "gif", key: "signature_image", value: "ky.gif", files: map[string][]byte{"ky.gif": encodeGIF(t)}, want: "tệp ảnh GIF, chỉ dùng được ảnh PNG hoặc JPEG"},
		{name: "webp", key: "signature_image", value: "ky.webp", files: map[string][]byte{"ky.webp": []byte("RIFF\x10\x00\x00\x00WEBPVP8 ")}, want: "ảnh WebP"},
		{name: "heic", key: "signature_image", value: "ky.heic", files: map[string][]byte{"ky.heic": []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00")}, want: "ảnh HEIC"},
		{name: "text", key: "signature_image", value: "ky.png", files: map[string][]byte{"ky.png": []byte("chữ ký")}, want: "không phải là ảnh PNG hoặc JPEG"},
		{name: "truncated png", key: "signature_image", value: "ky.png", files: map[string][]byte{"ky.png": png1[:20]}, want: "ảnh bị hỏng"},
		{name: "too many pixels", key: "signature_image", value: "dai.png", files: map[string][]byte{"dai.png": encodePNG(t, 10001, 1)}, want: "10001×1 điểm ảnh"},
		// The PDF writer converts an interlaced PNG.
		{name: "interlaced png", key: "signature_image", value: "ky.png", files: map[string][]byte{"ky.png": interlacedPNG}, data: interlacedPNG},
		{name: "otf", key: "regular", value: "f/r.otf", files: map[string][]byte{"f/r.otf": []byte("OTTO\x00\x0a\x00\x80\x00\x03\x00\x20")}, want: "OpenType dạng CFF (tệp .otf)"},
		{name: "ttc", key: "regular", value: "times.ttc", files: map[string][]byte{"times.ttc": []byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x04")}, want: "tệp .ttc"},
		{name: "font that is an image", key: "regular", value: "ky.png", want: "không phải là phông chữ TrueType"},
		{name: "broken ttf", key: "regular", value: "f/x.ttf", files: map[string][]byte{"f/x.ttf": serif.Regular[:400]}, want: "phông bị hỏng"},
		{name: "font as a list", key: "regular", value: "[a.ttf]", want: `"regular" phải là tên một tệp, đang là một danh sách`},
		{name: "required font empty", key: "regular", value: `""`, want: `"regular" đang để trống`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			top := t.TempDir()
			dir := filepath.Join(top, "hoi-nghi")
			// Beside the folder, outside it.
			writeFile(t, filepath.Join(top, "ngoai.png"), png1)
			writeFile(t, filepath.Join(top, "ky.png"), png1)
			writeFile(t, filepath.Join(top, "r.ttf"), serif.Regular)
			for name, data := range valid {
				writeFile(t, filepath.Join(dir, name), data)
			}
			for name, data := range tt.files {
				writeFile(t, filepath.Join(dir, name), data)
			}
			if tt.dir != "" {
				if err := os.Mkdir(filepath.Join(dir, tt.dir), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			if tt.big != "" {
				writeFile(t, filepath.Join(dir, tt.big), nil)
				if err := os.Truncate(filepath.Join(dir, tt.big), 21<<20); err != nil {
					t.Fatal(err)
				}
			}
			if tt.fifo != "" {
				userfiletest.Mkfifo(t, filepath.Join(dir, tt.fifo))
			}
			for link, target := range tt.links {
				if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
					t.Fatal(err)
				}
			}
			tt.value = strings.Replace(tt.value, "ABS", dir, 1)
			values := map[string]string{"regular": "f/r.ttf", "signature_image": "ky.png"}
			values[tt.key] = tt.value
			src := edit(t, readFixture(t),
				"format:\n", "format:\n  font:\n    regular: "+values["regular"]+"\n    bold: f/b.ttf\n    italic: f/i.ttf\n    bold_italic: f/bi.ttf\n",
				"    name: Trần Văn Hùng\n", "    name: Trần Văn Hùng\n    signature_image: "+values["signature_image"]+"\n")
			path := filepath.Join(dir, "bao-cao.yaml")
			writeFile(t, path, []byte(src))
			r, err := File(path)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				got := r.BaoCao.Signer.Signature
				if tt.key == "regular" {
					got = r.Format.Font.Regular
				}
				if got.Path != tt.value || !bytes.Equal(got.Data, tt.data) {
					t.Errorf("got asset %q with %d bytes, want %q with %d", got.Path, len(got.Data), tt.value, len(tt.data))
				}
				if b := r.Format.Font.BoldItalic; b.Path != "f/bi.ttf" || !bytes.Equal(b.Data, serif.BoldItalic) {
					t.Errorf("bold_italic = %q with %d bytes", b.Path, len(b.Data))
				}
				return
			}
			var es report.Errors
			if !errors.As(err, &es) || len(es) != 1 {
				t.Fatalf("want one error, got %v", es)
			}
			if where := at(t, src, tt.key+": ‸"+tt.value); es[0].Pos.File != path || fmt.Sprintf("%d:%d", es[0].Pos.Line, es[0].Pos.Column) != where {
				t.Errorf("error at %v, want %s:%s", es[0].Pos, path, where)
			}
			if !strings.Contains(es[0].Msg, tt.want) {
				t.Errorf("message %q lacks %q", es[0].Msg, tt.want)
			}
		})
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRoot confines reads to a folder given in the options, as a server
// does with its own: a YAML file in a subfolder may name files elsewhere in
// it, and nothing outside it, the YAML file included.
func TestRoot(t *testing.T) {
	top := t.TempDir()
	root := filepath.Join(top, "goc")
	png1 := encodePNG(t, 3, 2)
	writeFile(t, filepath.Join(root, "anh", "ky.png"), png1)
	writeFile(t, filepath.Join(top, "ngoai.png"), png1)
	signed := func(image string) string {
		return edit(t, readFixture(t), "    name: Trần Văn Hùng\n", "    name: Trần Văn Hùng\n    signature_image: "+image+"\n")
	}
	writeFile(t, filepath.Join(root, "hoi-nghi", "a.yaml"), []byte(signed("../anh/ky.png")))
	writeFile(t, filepath.Join(root, "hoi-nghi", "b.yaml"), []byte(signed("../../ngoai.png")))
	writeFile(t, filepath.Join(top, "c.yaml"), []byte(signed("goc/anh/ky.png")))
	opt := Options{Root: root}
	r, err := opt.File(filepath.Join(root, "hoi-nghi", "a.yaml"))
	if err != nil {
		t.Fatalf("a file elsewhere in the root: %v", err)
	}
	if !bytes.Equal(r.BaoCao.Signer.Signature.Data, png1) {
		t.Error("the image was not read")
	}
	for _, c := range []struct{ file, want string }{
		{filepath.Join(root, "hoi-nghi", "b.yaml"), "tệp nằm ngoài thư mục chứa tệp YAML"},
		{filepath.Join(top, "c.yaml"), "nằm ngoài thư mục " + root},
	} {
		if _, err := opt.File(c.file); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error with %q", c.file, err, c.want)
		}
	}
	// Loaded from bytes, as if it were outside the root.
	if _, err := opt.Bytes(filepath.Join(top, "c.yaml"), []byte(signed("goc/anh/ky.png"))); err == nil || !strings.Contains(err.Error(), "tệp YAML nằm ngoài thư mục") {
		t.Errorf("bytes named outside the root: %v", err)
	}
}
