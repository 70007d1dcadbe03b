package load

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"reflect"

	"go.yaml.in/yaml/v3"

	"baocao/render/face"
	"baocao/render/picture"
	"baocao/render/report"
	"baocao/render/userfile"
	"baocao/render/viet"
)

// Limits on the files a report refers to. They are far above any real
// signature, seal, photo or font file and only stop a wrong path — a
// video, a disk image — or a hostile file from taking the memory and the
// time of a render (docs/BENCHMARKS.md measures each at its limit). A
// picture's size is bounded by picture.MaxSide.
const (
	maxImageBytes = 20 << 20 // 20 MB; a scanned seal is well under 1 MB, a phone's photo some 5 MB
	maxFontBytes  = face.MaxFileBytes
	// maxImagesBytes bounds the images of a report together, each counted
	// as often as it is named: each use is embedded in a PDF.
	maxImagesBytes = 100 << 20 // 20 photos of 5 MB
	// maxPNGPixels bounds the pixels of a report's PNGs together: each is
	// inflated to be checked, and one with transparency, 16-bit or
	// interlaced converted, in proportion to its pixels, not to its bytes.
	maxPNGPixels = 200_000_000 // two of 10.000 × 10.000
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
	data, msg := d.assets.read(d.dir, name, kind)
	if msg != "" {
		d.errorf(d.at(n), "%s (tệp %q): %s", label(path), name, msg)
		return false
	}
	v.Set(reflect.ValueOf(report.Asset{Path: name, Data: data}))
	return true
}

// assets reads the files a report names. A YAML file may come from anyone,
// so it may name only files inside its own folder and its subfolders — or,
// when root is set, inside root; or, when files is set, only files in it,
// by paths relative to its top.
type assets struct {
	root   string // the folder reads stay in; "" for the YAML file's
	files  fs.FS  // where reads are made instead, when set (Options.Files)
	folder *userfile.Folder
	prefix string // the YAML file's folder, relative to folder
	err    error  // why the folder could not be opened
	// images and pixels count the bytes of the images and the pixels of
	// the PNGs read so far, against maxImagesBytes and maxPNGPixels, until
	// they are over one of them.
	images, pixels int64
	over           bool
}

// read reads the file at name, relative to dir, the YAML file's folder,
// and checks that it is a usable font or image; msg explains what is wrong
// and what to do.
func (a *assets) read(dir, name, kind string) (data []byte, msg string) {
	var limit int64
	switch kind {
	case "font":
		limit = maxFontBytes
	case "image":
		limit = maxImageBytes
	default:
		return nil, fmt.Sprintf("lỗi chương trình: loại tệp %q không được hỗ trợ — hãy báo cho người phát triển", kind)
	}
	data, err := a.readFile(dir, name, limit)
	var outside *userfile.OutsideError
	switch {
	case errors.As(err, &outside):
		what := "tệp nằm ngoài thư mục chứa tệp YAML"
		if outside.Absolute {
			what = "đường dẫn tuyệt đối (tính từ gốc ổ đĩa) không được dùng"
		}
		todo := "hãy chép tệp vào thư mục " + outside.Folder + " (hoặc một thư mục con) và ghi đường dẫn tính từ thư mục đó"
		if kind == "font" {
			todo += ", hoặc chỉ ra thư mục phông chữ bằng tùy chọn --font"
		}
		return nil, fmt.Sprintf("%s: một tệp YAML chỉ được dùng các tệp trong thư mục của nó, để tệp nhận từ người khác không đọc được tệp nào khác trên máy — %s", what, todo)
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Sprintf("không tìm thấy tệp %s — hãy kiểm tra tên tệp; đường dẫn tính từ thư mục chứa tệp YAML", filepath.Join(dir, name))
	case err != nil:
		return nil, err.Error()
	}
	if kind == "font" {
		if err := face.Check(data); err != nil {
			return nil, err.Error()
		}
		return data, ""
	}
	p, err := picture.Check(data)
	if err != nil {
		return nil, err.Error()
	}
	// Once over a limit, the images that follow are not counted: one
	// message says it.
	if a.over {
		return data, ""
	}
	a.images += int64(len(data))
	if p.Format == picture.PNG {
		a.pixels += int64(p.Width) * int64(p.Height)
	}
	a.over = a.images > maxImagesBytes || a.pixels > maxPNGPixels
	if a.images > maxImagesBytes {
		return nil, fmt.Sprintf("các ảnh của tệp đến ảnh này đã lên %s, vượt giới hạn %s cho mọi ảnh của một tệp (mỗi lần dùng một ảnh tính một lần) — hãy thu nhỏ ảnh, ví dụ lưu ảnh chụp dạng JPEG với cạnh dài khoảng 2.000 điểm ảnh, hoặc bớt ảnh",
			userfile.MB(a.images), userfile.MB(maxImagesBytes))
	}
	if a.pixels > maxPNGPixels {
		return nil, fmt.Sprintf("các ảnh PNG của tệp đến ảnh này có tổng cộng %s triệu điểm ảnh, vượt giới hạn %s triệu — hãy thu nhỏ ảnh, hoặc lưu ảnh chụp dạng JPEG",
			viet.Number(float64(a.pixels)/1e6, 1), viet.Number(maxPNGPixels/1e6, 0))
	}
	return data, ""
}

// readFile reads the file at name, relative to dir, the YAML file's
// folder, of at most limit bytes, from where reads stay.
func (a *assets) readFile(dir, name string, limit int64) ([]byte, error) {
	if a.files != nil {
		p := path.Clean(filepath.ToSlash(name))
		if filepath.IsAbs(name) || !fs.ValidPath(p) {
			return nil, &userfile.OutsideError{Path: name, Folder: "chứa tệp YAML", Absolute: filepath.IsAbs(name) || path.IsAbs(p)}
		}
		return userfile.ReadFS(a.files, p, limit)
	}
	if a.folder == nil && a.err == nil {
		a.open(dir)
	}
	if a.err != nil {
		return nil, a.err
	}
	rel := name
	if !filepath.IsAbs(name) {
		rel = filepath.Join(a.prefix, name)
	}
	return a.folder.Read(rel, limit)
}

// open opens the folder reads stay in.
func (a *assets) open(dir string) {
	root := a.root
	if root == "" {
		root = dir
	}
	rel, err := filepath.Rel(root, dir)
	if err != nil || !filepath.IsLocal(rel) {
		a.err = fmt.Errorf("tệp YAML nằm ngoài thư mục %s nên không được dùng tệp nào — hãy chép tệp YAML vào thư mục đó", root)
		return
	}
	f, err := userfile.OpenFolder(root)
	if err != nil {
		a.err = fmt.Errorf("thư mục %s: %w", root, err)
		return
	}
	a.folder, a.prefix = f, rel
}

// close releases the folder, once the report is loaded.
func (a *assets) close() {
	if a.folder != nil {
		a.folder.Close()
	}
}
