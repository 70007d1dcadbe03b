// Package userfile reads the files a user names — the YAML input, the
// images and fonts it refers to, the files of a font or template folder —
// as possibly hostile: only regular files are read, never a device, a pipe
// (FIFO) or a socket, whose reading may block or never end; the size is
// checked before a byte is read; and a Folder keeps the reads of the paths
// a document names inside one folder, whatever "..", absolute paths or
// symbolic links they hold.
//
// Every error says in Vietnamese what is wrong and what to do, in the form
// "what — what to do"; callers put before it which file it is.
package userfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"baocao/render/viet"
)

// The problems of a file that cannot be read. os errors are wrapped, so
// that errors.Is(err, fs.ErrNotExist) holds for a missing file.
var (
	// ErrDir is a path that names a folder.
	ErrDir = errors.New("đây là một thư mục, không phải tệp — hãy ghi tên một tệp trong thư mục đó")
	// ErrNotRegular is a device, a pipe (FIFO) or a socket: reading one
	// may wait for ever (a FIFO, /dev/stdin) or never end (/dev/zero).
	ErrNotRegular = errors.New("đây không phải một tệp thông thường (là thiết bị, ống dẫn hoặc socket) — hãy ghi tên một tệp")
	// ErrChanged is a file replaced by something else while it was opened.
	ErrChanged = errors.New("tệp vừa bị thay bằng một tệp khác trong lúc đọc — hãy thử lại")
)

// TooLargeError is a file over the limit of its kind, refused before it is
// read.
type TooLargeError struct {
	Size, Limit int64 // bytes
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("tệp lớn %s, vượt giới hạn %s — hãy kiểm tra đã chọn đúng tệp chưa", MB(e.Size), MB(e.Limit))
}

// MB writes a size of at least a megabyte as Vietnamese do: "20 MB",
// "20,5 MB".
func MB(n int64) string {
	mb := viet.Round(float64(n)/(1<<20), 1)
	return viet.Number(mb, viet.Decimals(mb)) + " MB"
}

// OutsideError is a path a Folder refuses: absolute, or leaving the folder
// by ".." or by a symbolic link.
type OutsideError struct {
	Path, Folder string
	Absolute     bool
}

func (e *OutsideError) Error() string {
	what := fmt.Sprintf("tệp %s nằm ngoài thư mục %s", e.Path, e.Folder)
	if e.Absolute {
		what = "đường dẫn tuyệt đối (tính từ gốc ổ đĩa) không được dùng ở đây"
	}
	return what + " — chỉ đọc được các tệp trong thư mục " + e.Folder + " và các thư mục con của nó: hãy chép tệp vào đó và ghi đường dẫn tính từ thư mục này"
}

// Read reads the regular file at path, of at most limit bytes.
func Read(path string, limit int64) ([]byte, error) {
	return read(anywhere{}, path, limit)
}

// ErrNotDir is a path given as a folder that names something else.
var ErrNotDir = errors.New("đây không phải một thư mục — hãy ghi tên thư mục chứa các tệp")

// ReadDir lists the folder at dir, sorted by name, having looked at what
// the name is first: opening a FIFO to list it would wait for a writer.
func ReadDir(dir string) ([]os.DirEntry, error) {
	st, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &osError{"không tìm thấy thư mục — hãy kiểm tra tên thư mục", err}
	} else if err != nil {
		return nil, describe(err)
	}
	if !st.IsDir() {
		return nil, ErrNotDir
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, describe(err)
	}
	return entries, nil
}

// Folder is a folder every read of which stays inside it: the folder of a
// YAML file, whose paths are someone else's choice.
type Folder struct {
	root *os.Root
}

// OpenFolder opens the folder at dir.
func OpenFolder(dir string) (*Folder, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, describe(err)
	}
	return &Folder{root: root}, nil
}

// Name returns the folder's path, as given to OpenFolder.
func (f *Folder) Name() string { return f.root.Name() }

// Close releases the folder.
func (f *Folder) Close() error { return f.root.Close() }

// Read reads the regular file at name, a path relative to the folder that
// stays inside it, of at most limit bytes. Symbolic links are followed
// while they stay inside the folder too.
func (f *Folder) Read(name string, limit int64) ([]byte, error) {
	if filepath.IsAbs(name) || filepath.VolumeName(name) != "" {
		return nil, &OutsideError{Path: name, Folder: f.root.Name(), Absolute: true}
	}
	data, err := read(f.root, name, limit)
	if err != nil && f.escapes(name) {
		return nil, &OutsideError{Path: name, Folder: f.root.Name()}
	}
	return data, err
}

// escapes reports whether name leaves the folder: by ".." or, once
// symbolic links are resolved, as the system sees it. A path that
// os.Root refuses for another reason (a missing file) does not.
func (f *Folder) escapes(name string) bool {
	if !filepath.IsLocal(name) {
		return true
	}
	base, err := filepath.EvalSymlinks(f.root.Name())
	if err != nil {
		return false
	}
	target, err := filepath.EvalSymlinks(filepath.Join(f.root.Name(), name))
	if err != nil {
		// A link out of the folder to a file that does not exist: os.Root
		// refuses any absolute link target, which is outside.
		link, lerr := f.root.Readlink(name)
		return lerr == nil && filepath.IsAbs(link)
	}
	rel, err := filepath.Rel(base, target)
	return err != nil || !filepath.IsLocal(rel)
}

// fileSystem is where files are read from: anywhere, or inside an os.Root.
type fileSystem interface {
	Stat(name string) (fs.FileInfo, error)
	OpenFile(name string, flag int, perm fs.FileMode) (*os.File, error)
}

// anywhere reads any path the user may read.
type anywhere struct{}

func (anywhere) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }
func (anywhere) OpenFile(name string, flag int, perm fs.FileMode) (*os.File, error) {
	return os.OpenFile(name, flag, perm)
}

// read reads name from fsys: it looks at what the name is before opening
// it, since opening a FIFO waits for a writer; opens it without waiting
// all the same (nonBlock), in case it was replaced in between, and checks
// that what it opened is what it looked at; and reads no more than limit
// bytes, even from a file that grows meanwhile.
func read(fsys fileSystem, name string, limit int64) ([]byte, error) {
	return checkedRead(
		func() (fs.FileInfo, error) { return fsys.Stat(name) },
		func() (fs.File, error) { return fsys.OpenFile(name, os.O_RDONLY|nonBlock, 0) },
		os.SameFile, limit)
}

// ReadFS reads the regular file at name in fsys, of at most limit bytes,
// as Read does: for a folder given as an fs.FS — a server's os.Root, or
// the files sent with a request. An fs.FS opens without the non-blocking
// flag, so it relies on the look before opening alone.
func ReadFS(fsys fs.FS, name string, limit int64) ([]byte, error) {
	return checkedRead(
		func() (fs.FileInfo, error) { return fs.Stat(fsys, name) },
		func() (fs.File, error) { return fsys.Open(name) },
		nil, limit)
}

// checkedRead is read's way with a file: stat it, check it is a regular
// file within limit, open it, check again what was opened — the same file
// when same can tell — and read at most limit bytes of it.
func checkedRead(stat func() (fs.FileInfo, error), open func() (fs.File, error), same func(a, b fs.FileInfo) bool, limit int64) ([]byte, error) {
	st, err := stat()
	if err != nil {
		return nil, describe(err)
	}
	if err := regular(st, limit); err != nil {
		return nil, err
	}
	f, err := open()
	if err != nil {
		return nil, describe(err)
	}
	defer f.Close()
	opened, err := f.Stat()
	if err != nil {
		return nil, describe(err)
	}
	if same != nil && !same(st, opened) {
		return nil, ErrChanged
	}
	if err := regular(opened, limit); err != nil {
		return nil, err
	}
	return readAtMost(f, opened.Size(), limit)
}

// readAtMost reads r, a file of size bytes when opened, to its end, and
// fails once it has read more than limit: a file may grow meanwhile.
func readAtMost(r io.Reader, size, limit int64) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(int(min(size, limit)) + bytes.MinRead)
	if _, err := b.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
		return nil, describe(err)
	}
	if int64(b.Len()) > limit {
		return nil, &TooLargeError{Size: int64(b.Len()), Limit: limit}
	}
	return b.Bytes(), nil
}

// regular checks that st is a regular file of at most limit bytes.
func regular(st fs.FileInfo, limit int64) error {
	switch {
	case st.IsDir():
		return ErrDir
	case !st.Mode().IsRegular():
		return ErrNotRegular
	case st.Size() > limit:
		return &TooLargeError{Size: st.Size(), Limit: limit}
	}
	return nil
}

// describe turns an error of package os into one that says what to do,
// keeping it for errors.Is.
func describe(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &osError{"không tìm thấy tệp — hãy kiểm tra tên tệp và thư mục", err}
	case errors.Is(err, fs.ErrPermission):
		return &osError{"không có quyền đọc tệp — hãy kiểm tra quyền truy cập của tệp", err}
	}
	return &osError{fmt.Sprintf("không đọc được tệp (%v) — hãy kiểm tra tệp và quyền truy cập", err), err}
}

// osError is an error of package os told in Vietnamese.
type osError struct {
	msg string
	err error
}

func (e *osError) Error() string { return e.msg }
func (e *osError) Unwrap() error { return e.err }
