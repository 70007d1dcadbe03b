package load

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// errNotRegular is the error of opening, through Options.Files, a name
// that is not a regular file. It is found before opening, since opening a
// FIFO blocks until something writes to it.
var errNotRegular = errors.New("not a regular file")

// assetFile returns how to open the file an asset names, and its path as
// messages show it; msg says why the name cannot be used. Through
// Options.Files the name must stay inside it; otherwise a relative name is
// taken from the YAML file's folder.
func (d *decoder) assetFile(name string) (open func() (fs.File, error), full, msg string) {
	if d.files == nil {
		full = name
		if !filepath.IsAbs(full) {
			full = filepath.Join(d.dir, name)
		}
		return func() (fs.File, error) { return os.Open(full) }, full, ""
	}
	// Written with the system's separators, as the command line takes them.
	p := path.Clean(filepath.ToSlash(name))
	if !fs.ValidPath(p) || filepath.IsAbs(name) {
		return nil, name, "tệp phải nằm trong thư mục chứa tệp YAML (không dùng đường dẫn tuyệt đối hay \"..\") — hãy chép tệp vào thư mục đó và chỉ ghi tên tệp, ví dụ: anh/chu-ky.png"
	}
	return func() (fs.File, error) {
		st, err := fs.Stat(d.files, p)
		if err != nil {
			return nil, err
		}
		if !st.Mode().IsRegular() && !st.IsDir() {
			return nil, errNotRegular
		}
		return d.files.Open(p)
	}, name, ""
}
