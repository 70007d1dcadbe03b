package load

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
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
	open, full, msg := d.assetFile(name)
	var data []byte
	if msg == "" {
		data, msg = readAsset(open, full, kind)
	}
	if msg != "" {
		d.errorf(d.at(n), "%s (tệp %q): %s", label(path), name, msg)
		return false
	}
	v.Set(reflect.ValueOf(report.Asset{Path: name, Data: data}))
	return true
}

// readAsset reads the file at path, opened by open, and checks that it is
// a usable font or image; msg explains what is wrong and what to do.
func readAsset(open func() (fs.File, error), path, kind string) (data []byte, msg string) {
	var limit int64
	switch kind {
	case "font":
		limit = maxFontBytes
	case "image":
		limit = maxImageBytes
	default:
		return nil, fmt.Sprintf("lỗi chương trình: loại tệp %q không được hỗ trợ — hãy báo cho người phát triển", kind)
	}
	f, err := open()
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Sprintf("không tìm thấy tệp %s — hãy kiểm tra tên tệp; đường dẫn tính từ thư mục chứa tệp YAML", path)
	} else if errors.Is(err, errNotRegular) {
		return nil, notRegular
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
		return nil, notRegular
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

// notRegular explains why a device or a pipe cannot be read as a file.
const notRegular = "đây không phải một tệp thông thường (là thiết bị hoặc ống dẫn) — hãy ghi tên một tệp"

// imageTodo is how to turn any picture into one the PDF can embed.
const imageTodo = "hãy mở ảnh bằng một phần mềm xem ảnh và lưu lại (Save as) dạng PNG hoặc JPEG"

// checkImage explains why data is not a PNG or JPEG image that can be
// embedded in the PDF, or returns "". The format is told by its signature
// rather than by image.DecodeConfig, whose formats are whatever the program
// happens to have registered.
//
// The file's structure is checked, not its pixels: a full decode costs
// milliseconds per photo, while truncation and flipped bits, the damage
// files really suffer, break a PNG's checksums or a JPEG's end marker.
// A PNG's image data corrupt under right checksums is found by layout,
// which inflates it before anything is written; a JPEG whose markers are
// whole goes into the PDF as it is, as a viewer would show it.
func checkImage(data []byte) string {
	var check func([]byte) string
	var decode func(io.Reader) (image.Config, error)
	switch {
	case bytes.HasPrefix(data, []byte(pngMagic)):
		check, decode = checkPNG, png.DecodeConfig
	case bytes.HasPrefix(data, []byte(jpegMagic)):
		check, decode = checkJPEG, jpeg.DecodeConfig
	default:
		if other := imageFormat(data); other != "" {
			return fmt.Sprintf("đây là tệp %s, chỉ dùng được ảnh PNG hoặc JPEG — %s", other, imageTodo)
		}
		return "tệp không phải là ảnh PNG hoặc JPEG — " + imageTodo
	}
	// The structure first: it names truncation, the commonest damage, in
	// words rather than as a decoder's error.
	if why := check(data); why != "" {
		return fmt.Sprintf("ảnh bị hỏng, không đọc được — %s (%s)", imageTodo, why)
	}
	cfg, err := decode(bytes.NewReader(data))
	if err != nil {
		return fmt.Sprintf("ảnh bị hỏng, không đọc được — %s (%v)", imageTodo, err)
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > maxImageSide || cfg.Height > maxImageSide {
		return fmt.Sprintf("ảnh có kích thước %d×%d điểm ảnh, vượt giới hạn %d×%d — hãy thu nhỏ ảnh", cfg.Width, cfg.Height, maxImageSide, maxImageSide)
	}
	// Interlaced and 16-bit PNGs, which fpdf cannot embed as they are,
	// are re-encoded by layout; nothing to refuse here.
	return ""
}

// imageCut is the damage of a file that ends too early.
const imageCut = "tệp bị cắt cụt, thiếu phần cuối của ảnh"

// checkPNG walks the chunks of a PNG file up to IEND and explains what is
// wrong with them, or returns "". The header's contents are left to
// png.DecodeConfig, what follows IEND is ignored, as decoders do.
func checkPNG(data []byte) string {
	idat := false
	var zhead [2]byte // the first bytes of the image data: a zlib header
	nz := 0
	for i := len(pngMagic); ; {
		if i+8 > len(data) {
			return imageCut
		}
		n := int64(binary.BigEndian.Uint32(data[i:]))
		if n > int64(len(data)-i-12) {
			return imageCut
		}
		end := i + 8 + int(n)
		typ, body := data[i+4:i+8], data[i+8:end]
		if crc32.ChecksumIEEE(data[i+4:end]) != binary.BigEndian.Uint32(data[end:]) {
			return fmt.Sprintf("sai mã kiểm tra (CRC) của khối %q: dữ liệu ảnh đã bị thay đổi", typ)
		}
		switch string(typ) {
		case "IDAT":
			idat = true
			nz += copy(zhead[nz:], body)
		case "IEND":
			if !idat {
				return "không có dữ liệu điểm ảnh (khối IDAT)"
			}
			if nz < 2 || !zlibHeader(zhead) {
				return "dữ liệu điểm ảnh không phải dạng nén zlib"
			}
			return ""
		}
		i = end + 4
	}
}

// zlibHeader reports whether h begins a zlib stream that image/png can
// read: deflate with a window of at most 32 KB, a correct check value and
// no preset dictionary (RFC 1950, section 2.2).
func zlibHeader(h [2]byte) bool {
	return h[0]&0x0F == 8 && h[0]>>4 <= 7 && binary.BigEndian.Uint16(h[:])%31 == 0 && h[1]&0x20 == 0
}

// checkJPEG walks the marker segments of a JPEG file, and the compressed
// data of its scans, up to the end-of-image marker, and explains what is
// wrong, or returns "". Like image/jpeg it skips stray bytes between
// segments and ignores what follows the end: phones append video or
// metadata there.
func checkJPEG(data []byte) string {
	const cut = "tệp bị cắt cụt, thiếu dấu kết thúc ảnh (FF D9)"
	for i := len(jpegMagic); ; {
		// Outside segments only a marker holds 0xFF: in a scan's compressed
		// data a 0xFF byte is always followed by 0x00.
		j := bytes.IndexByte(data[i:], 0xFF)
		if j < 0 || i+j+1 >= len(data) {
			return cut
		}
		i += j + 1 // at the byte after 0xFF
		switch m := data[i]; {
		case m == 0xD9: // end of image
			return ""
		case m == 0x00, m == 0xFF, m == 0x01, 0xD0 <= m && m <= 0xD7:
			// A stuffed zero, a fill byte, TEM or a restart: no segment.
			continue
		}
		if i+3 > len(data) {
			return cut
		}
		n := int(binary.BigEndian.Uint16(data[i+1:])) // counting its own two bytes
		if n < 2 {
			return fmt.Sprintf("đoạn FF %02X có độ dài sai (%d)", data[i], n)
		}
		if i+1+n > len(data) {
			return cut
		}
		i += 1 + n
	}
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
