package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"mime/multipart"
	"net/http"
	"path"
	"slices"
	"strings"
	"time"

	"baocao/render"
)

// The API answers agency systems: a POST of a YAML file, with the
// pictures and fonts it names, gives the outputs (render) or the problems
// (validate). It keeps nothing between requests and reads no file of the
// server: the paths in the YAML name the files sent with it.
//
// The body is either the YAML alone (Content-Type application/yaml or
// text/yaml), or multipart/form-data whose part "file" is the YAML — its
// file name names the outputs — and each other part is a file the YAML
// names, the part's name being the path as the YAML writes it
// ("anh/chu-ky.png").

// apiInput is a request's YAML and the files sent with it.
type apiInput struct {
	name  string
	yaml  []byte
	files memFS
}

// readInput reads the request's files, within the size limit.
func (s *Server) readInput(w http.ResponseWriter, r *http.Request) (*apiInput, bool) {
	body := http.MaxBytesReader(w, r.Body, s.cfg.MaxRequest)
	in := &apiInput{name: "hoi-nghi.yaml", files: memFS{}}
	ct, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var err error
	switch ct {
	case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml":
		in.yaml, err = io.ReadAll(body)
	case "multipart/form-data":
		err = in.readParts(body, params["boundary"])
	default:
		fail(w, http.StatusUnsupportedMediaType, "hãy gửi tệp YAML (Content-Type: application/yaml), hoặc multipart/form-data có phần \"file\" là tệp YAML và các ảnh, phông chữ tệp đó dùng")
		return nil, false
	}
	var big *http.MaxBytesError
	switch {
	case errors.As(err, &big):
		fail(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("yêu cầu lớn hơn giới hạn %d MB — hãy gửi ảnh nhỏ hơn", s.cfg.MaxRequest>>20))
		return nil, false
	case err != nil:
		fail(w, http.StatusBadRequest, "không đọc được yêu cầu ("+err.Error()+")")
		return nil, false
	case in.yaml == nil:
		fail(w, http.StatusBadRequest, "yêu cầu không có tệp YAML — hãy gửi nó trong phần tên \"file\"")
		return nil, false
	}
	return in, true
}

// readParts reads a multipart body: the YAML and the files it names.
func (in *apiInput) readParts(body io.Reader, boundary string) error {
	if boundary == "" {
		return errors.New("thiếu boundary của multipart")
	}
	mr := multipart.NewReader(body, boundary)
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return err
		}
		if p.FormName() == "file" {
			in.yaml = data
			if n := path.Base(strings.ReplaceAll(p.FileName(), `\`, "/")); validName(n) {
				in.name = n
			}
			continue
		}
		name := path.Clean(strings.ReplaceAll(p.FormName(), `\`, "/"))
		if !fs.ValidPath(name) || name == "." {
			return fmt.Errorf("phần %q không phải đường dẫn tệp dùng được", p.FormName())
		}
		in.files[name] = data
	}
}

// apiRender answers with the outputs: the document of ?kind=SLUG, or a
// zip of those of ?kind=SLUG,SLUG or, without it, of all.
func (s *Server) apiRender(w http.ResponseWriter, r *http.Request) {
	in, ok := s.readInput(w, r)
	if !ok {
		return
	}
	var slugs []string
	if k := r.URL.Query().Get("kind"); k != "" {
		slugs = strings.Split(k, ",")
		for _, sl := range slugs {
			if !slices.Contains(s.slugs(), sl) {
				fail(w, http.StatusBadRequest, fmt.Sprintf("không có loại văn bản %q — hãy dùng một trong: %s", sl, strings.Join(s.slugs(), ", ")))
				return
			}
		}
	}
	s.sendOutputs(w, r, in.name, in.yaml, in.files, slugs)
}

// apiValidate answers whether the file is valid, with its problems.
func (s *Server) apiValidate(w http.ResponseWriter, r *http.Request) {
	in, ok := s.readInput(w, r)
	if !ok {
		return
	}
	var msgs []message
	if err := s.run(r.Context(), func() {
		_, msgs = s.outputs(in.name, in.yaml, in.files, nil)
	}); err != nil {
		s.failRun(w, err)
		return
	}
	if msgs != nil {
		invalid(w, in.name, msgs)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"valid": true, "message": in.name + ": hợp lệ"})
}

// slugs are the values ?kind takes.
func (s *Server) slugs() []string {
	var out []string
	for _, k := range s.kinds {
		out = append(out, k.Slug)
	}
	return append(out, render.WorkbookSlug)
}

// memFS holds the files sent with a request, by path.
type memFS map[string][]byte

// Open opens a file of the request, read-only.
func (m memFS) Open(name string) (fs.File, error) {
	data, ok := m[name]
	if !ok || !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &memFile{Reader: bytes.NewReader(data), name: path.Base(name), size: int64(len(data))}, nil
}

type memFile struct {
	*bytes.Reader
	name string
	size int64
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f, nil }
func (f *memFile) Close() error               { return nil }
func (f *memFile) Name() string               { return f.name }
func (f *memFile) Size() int64                { return f.size }
func (f *memFile) Mode() fs.FileMode          { return 0o444 }
func (f *memFile) ModTime() time.Time         { return time.Time{} }
func (f *memFile) IsDir() bool                { return false }
func (f *memFile) Sys() any                   { return nil }
