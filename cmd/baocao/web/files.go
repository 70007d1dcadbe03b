package web

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"

	"baocao/render/schema"
)

// maxFile is the largest conference file the app opens: the loader's
// limit.
const maxFile = 10 << 20

// validName reports whether name can be a conference file of the folder:
// a plain name, not hidden, ending in .yaml or .yml. Nothing in a
// subfolder, nothing outside.
func validName(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	if name == "" || len(name) > 255 || strings.HasPrefix(name, ".") || strings.ContainsAny(name, `/\:*?"<>|`) ||
		(ext != ".yaml" && ext != ".yml") {
		return false
	}
	return !strings.ContainsFunc(name, unicode.IsControl)
}

const badName = "tên tệp không dùng được — hãy đặt tên kết thúc bằng .yaml, không có dấu / \\ : * ? \" < > |, không bắt đầu bằng dấu chấm"

// fileInfo is a conference file as the app lists it.
type fileInfo struct {
	Name     string    `json:"name"`
	Size     int64     `json:"size"`
	Modified time.Time `json:"modified"`
}

// maxListed bounds the files listed: a folder such as a home folder,
// where a double-click may start the app, can hold many.
const maxListed = 2000

// listFiles lists the folder's conference files, and the pictures and
// fonts in it and its subfolders that a file may name.
func (s *Server) listFiles(w http.ResponseWriter, r *http.Request) {
	var files []fileInfo
	var assets []string
	err := fs.WalkDir(s.root.FS(), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil // a folder that cannot be read is left out
		}
		depth := strings.Count(p, "/")
		if e.IsDir() {
			if p != "." && (depth > 0 || strings.HasPrefix(e.Name(), ".")) {
				return fs.SkipDir
			}
			return nil
		}
		if len(files)+len(assets) >= maxListed {
			return fs.SkipAll
		}
		if !e.Type().IsRegular() {
			return nil
		}
		switch ext := strings.ToLower(path.Ext(p)); {
		case depth == 0 && validName(p):
			if info, err := e.Info(); err == nil {
				files = append(files, fileInfo{Name: p, Size: info.Size(), Modified: info.ModTime()})
			}
		case slices.Contains([]string{".png", ".jpg", ".jpeg", ".ttf"}, ext):
			assets = append(assets, p)
		}
		return nil
	})
	if err != nil {
		fail(w, http.StatusInternalServerError, "không đọc được thư mục ("+err.Error()+")")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"dir": s.cfg.Dir, "files": files, "assets": assets})
}

// version names the content of a file, so that a save can tell whether
// the file changed since it was opened.
func version(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:12])
}

// readFile reads a conference file of the folder.
func (s *Server) readFile(name string) ([]byte, error) {
	f, err := s.root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("không phải tệp thông thường")
	}
	if st.Size() > maxFile {
		return nil, errors.New("tệp lớn hơn 10 MB")
	}
	return io.ReadAll(io.LimitReader(f, maxFile+1))
}

// openFile sends a conference file's text and version.
func (s *Server) openFile(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	if !validName(name) {
		fail(w, http.StatusBadRequest, badName)
		return
	}
	data, err := s.readFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		fail(w, http.StatusNotFound, "không có tệp "+name+" trong thư mục — hãy chọn lại trong danh sách")
		return
	} else if err != nil {
		fail(w, http.StatusBadRequest, "không mở được tệp "+name+" ("+err.Error()+")")
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"name": name, "source": string(data), "version": version(data)})
}

// save writes a conference file, all or nothing, unless it changed on
// disk since it was opened (its version then differs) and the user has
// not chosen to replace it.
func (s *Server) save(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name    string `json:"name"`
		Source  string `json:"source"`
		Version string `json:"version"`
		Force   bool   `json:"force"`
	}
	if !readRequest(w, r, &req, &req.Name) {
		return
	}
	old, err := s.readFile(req.Name)
	switch {
	case err == nil && version(old) != req.Version && !req.Force:
		writeJSON(w, http.StatusConflict, map[string]any{"conflict": true,
			"message": "tệp " + req.Name + " đã được sửa ở nơi khác sau khi mở — hãy chọn ghi đè, hoặc mở lại tệp để xem bản mới"})
		return
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		fail(w, http.StatusBadRequest, "không đọc được tệp "+req.Name+" ("+err.Error()+")")
		return
	}
	data := []byte(req.Source)
	if err := WriteFile(s.root, req.Name, data, true); err != nil {
		fail(w, http.StatusInternalServerError, "không ghi được tệp "+req.Name+" — hãy kiểm tra thư mục được phép ghi và còn chỗ trống ("+err.Error()+")")
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"version": version(data)})
}

// WriteFile writes data to the file name in root, all or nothing: into a
// hidden temporary file beside it first, synced, then renamed into place
// when replace is set, else linked to its name, which fails, wrapping
// fs.ErrExist, when the file exists. A file replaced keeps its
// permissions.
func WriteFile(root *os.Root, name string, data []byte, replace bool) (err error) {
	mode := os.FileMode(0o644)
	if st, err := root.Stat(name); err == nil {
		mode = st.Mode().Perm()
	}
	tmp := path.Join(path.Dir(name), "."+path.Base(name)+"."+rand.Text()[:10]+".tmp")
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil || !replace {
			root.Remove(tmp)
		}
	}()
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if replace {
		return root.Rename(tmp, name)
	}
	return root.Link(tmp, name)
}

// newFile writes a new conference file from a kind's starter, and the
// schema beside it for editors when there is none; an existing file is
// never replaced.
func (s *Server) newFile(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name string `json:"name"`
		Kind string `json:"kind"`
	}
	if !readJSON(w, r, &req) {
		return
	}
	if !strings.Contains(req.Name, ".") {
		req.Name += ".yaml"
	}
	if !validName(req.Name) {
		fail(w, http.StatusBadRequest, badName)
		return
	}
	text, err := s.cfg.Starter(req.Kind)
	if err != nil {
		fail(w, http.StatusBadRequest, "không có mẫu cho loại văn bản "+req.Kind)
		return
	}
	if err := WriteFile(s.root, req.Name, text, false); errors.Is(err, fs.ErrExist) {
		fail(w, http.StatusConflict, "tệp "+req.Name+" đã có — hãy đặt tên khác, hoặc mở tệp đó trong danh sách")
		return
	} else if err != nil {
		fail(w, http.StatusInternalServerError, "không ghi được tệp "+req.Name+" ("+err.Error()+")")
		return
	}
	// Only the editors' help is missing when the schema cannot be
	// written: the file itself is there.
	if sch, err := schema.JSON(); err == nil && s.cfg.SchemaFile != "" {
		WriteFile(s.root, s.cfg.SchemaFile, sch, false)
	}
	writeJSON(w, http.StatusOK, map[string]string{"name": req.Name})
}
