package load

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"

	"go.yaml.in/yaml/v3"

	"baocao/render/face"
	"baocao/render/report"
)

// Limits on the files a report refers to. They are far above any real
// signature, seal or font file and only stop a wrong path — a video, a disk
// image — from being read into memory.
const (
	maxImageBytes = 20 << 20 // 20 MB; a scanned seal is well under 1 MB
	maxFontBytes  = 50 << 20 // 50 MB; the largest common .ttf files are ~25 MB
	maxImageSide  = 10000    // pixels; 85 cm at 300 dpi
)

// asset reads the file named by the scalar n into v, an Asset; kind, from
// the field's asset tag, says what the file must be.
func (d *decoder) asset(n *yaml.Node, v reflect.Value, path, kind string) bool {
	if n.Kind != yaml.ScalarNode {
		d.wrongType(n, path, "tên một tệp", "hãy viết tên tệp ngay sau dấu hai chấm, ví dụ: chu-ky.png")
		return false
	}
	name := text(n)
	if name == "" {
		return true
	}
	full := name
	if !filepath.IsAbs(full) {
		full = filepath.Join(d.dir, name)
	}
	data, msg := readAsset(full, kind)
	if msg != "" {
		d.errorf(d.at(n), "%s (tệp %q): %s", label(path), name, msg)
		return false
	}
	v.Set(reflect.ValueOf(report.Asset{Path: name, Data: data}))
	return true
}

// readAsset reads the file at path and checks that it is a usable font or
// image; msg explains what is wrong and what to do.
func readAsset(path, kind string) (data []byte, msg string) {
	var limit int64
	switch kind {
	case "font":
		limit = maxFontBytes
	case "image":
		limit = maxImageBytes
	default:
		return nil, fmt.Sprintf("lỗi chương trình: loại tệp %q không được hỗ trợ — hãy báo cho người phát triển", kind)
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Sprintf("không tìm thấy tệp %s — hãy kiểm tra tên tệp; đường dẫn tính từ thư mục chứa tệp YAML", path)
	} else if err != nil {
		return nil, fmt.Sprintf("không đọc được tệp — hãy kiểm tra quyền truy cập (%v)", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Sprintf("không đọc được tệp — hãy kiểm tra quyền truy cập (%v)", err)
	}
	if st.IsDir() {
		return nil, "đây là một thư mục, không phải tệp — hãy ghi tên tệp nằm trong thư mục đó"
	}
	// A device or a pipe (/dev/stdin, a FIFO) could block reading forever.
	if !st.Mode().IsRegular() {
		return nil, "đây không phải một tệp thông thường (là thiết bị hoặc ống dẫn) — hãy ghi tên một tệp"
	}
	tooBig := fmt.Sprintf("tệp quá lớn (hơn %d MB) — hãy kiểm tra đã chọn đúng tệp chưa", limit>>20)
	if st.Size() > limit {
		return nil, tooBig
	}
	// The limit holds even if the file grows after Stat.
	data, err = io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Sprintf("không đọc được tệp — hãy kiểm tra quyền truy cập (%v)", err)
	}
	if int64(len(data)) > limit {
		return nil, tooBig
	}
	if kind == "font" {
		if err := face.Check(data); err != nil {
			return nil, err.Error()
		}
		return data, ""
	}
	return data, checkImage(data)
}

// imageTodo is how to turn any picture into one the PDF can embed.
const imageTodo = "hãy mở ảnh bằng một phần mềm xem ảnh và lưu lại (Save as) dạng PNG hoặc JPEG"

// checkImage explains why data is not a PNG or JPEG image that can be
// embedded in the PDF, or returns "". The format is told by its signature
// rather than by image.DecodeConfig, whose formats are whatever the program
// happens to have registered.
func checkImage(data []byte) string {
	isPNG := bytes.HasPrefix(data, []byte(pngMagic))
	var decode func(io.Reader) (image.Config, error)
	var decodeAll func(io.Reader) (image.Image, error)
	switch {
	case isPNG:
		decode, decodeAll = png.DecodeConfig, png.Decode
	case bytes.HasPrefix(data, []byte(jpegMagic)):
		decode, decodeAll = jpeg.DecodeConfig, jpeg.Decode
	default:
		if other := imageFormat(data); other != "" {
			return fmt.Sprintf("đây là tệp %s, chỉ dùng được ảnh PNG hoặc JPEG — %s", other, imageTodo)
		}
		return "tệp không phải là ảnh PNG hoặc JPEG — " + imageTodo
	}
	cfg, err := decode(bytes.NewReader(data))
	if err != nil {
		return fmt.Sprintf("ảnh bị hỏng, không đọc được — %s (%v)", imageTodo, err)
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > maxImageSide || cfg.Height > maxImageSide {
		return fmt.Sprintf("ảnh có kích thước %d×%d điểm ảnh, vượt giới hạn %d×%d — hãy thu nhỏ ảnh", cfg.Width, cfg.Height, maxImageSide, maxImageSide)
	}
	// A whole decode, once the size is known to be sane, finds damage past
	// the header here, at the file's line, rather than when laying out.
	if _, err := decodeAll(bytes.NewReader(data)); err != nil {
		return fmt.Sprintf("ảnh bị hỏng, không đọc được — %s (%v)", imageTodo, err)
	}
	// Interlaced and 16-bit PNGs, which fpdf cannot embed as they are,
	// are re-encoded by layout; nothing to refuse here.
	return ""
}

// The signatures PNG and JPEG files begin with.
const (
	pngMagic  = "\x89PNG\r\n\x1a\n"
	jpegMagic = "\xff\xd8"
)

// imageFormat names the common file formats a user might pick instead of
// PNG or JPEG, recognised by their first bytes.
func imageFormat(data []byte) string {
	has := func(at int, magic string) bool {
		return len(data) >= at+len(magic) && string(data[at:at+len(magic)]) == magic
	}
	switch {
	case has(0, "GIF8"):
		return "ảnh GIF"
	case has(0, "RIFF") && has(8, "WEBP"):
		return "ảnh WebP"
	case has(4, "ftypavif"):
		return "ảnh AVIF"
	case has(4, "ftyphei"), has(4, "ftyphev"), has(4, "ftypmif1"), has(4, "ftypmsf1"):
		return "ảnh HEIC (ảnh chụp từ iPhone)"
	case has(0, "BM"):
		return "ảnh BMP"
	case has(0, "II*\x00"), has(0, "MM\x00*"):
		return "ảnh TIFF"
	case has(0, "%PDF"):
		return "PDF"
	case has(0, "<svg"), has(0, "<?xml"):
		return "ảnh SVG"
	}
	return ""
}
