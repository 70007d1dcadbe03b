package web

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"baocao/render"
	"baocao/render/load"
)

// made is the outputs of a file, ready to send: one file, or all of them
// in a zip.
type made struct {
	name, typ string
	data      []byte
}

// outputs loads data, the file name whose pictures and fonts are read
// from files, and lists the outputs of the slugs asked for (all the file
// has data for when none is), checked as a render checks them; or the
// problems of the input.
func (s *Server) outputs(name string, data []byte, files fs.FS, slugs []string) ([]render.Output, []message) {
	r, err := load.Options{Files: files}.Bytes(name, data)
	if err != nil {
		return nil, messages(err, name, nil)
	}
	outs, err := render.Outputs(r, strings.TrimSuffix(name, path.Ext(name)), render.Options{Version: s.cfg.Version, Only: slugs})
	if err != nil {
		return nil, messages(err, name, nil)
	}
	return outs, nil
}

// makeOutputs makes the outputs of the slugs asked for: one file when one
// is, a zip otherwise. On a problem in the input it returns its messages.
func (s *Server) makeOutputs(name string, data []byte, files fs.FS, slugs []string) (*made, []message, error) {
	outs, msgs := s.outputs(name, data, files, slugs)
	if msgs != nil {
		return nil, msgs, nil
	}
	outs = render.Generate(outs)
	if len(slugs) == 1 && len(outs) == 1 {
		var b bytes.Buffer
		if err := outs[0].Write(&b); err != nil {
			return nil, nil, err
		}
		return &made{name: outs[0].Name, typ: contentType(outs[0].Name), data: b.Bytes()}, nil, nil
	}
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, o := range outs {
		f, err := z.Create(o.Name)
		if err == nil {
			err = o.Write(f)
		}
		if err != nil {
			return nil, nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, nil, err
	}
	return &made{name: strings.TrimSuffix(name, path.Ext(name)) + ".zip", typ: "application/zip", data: b.Bytes()}, nil, nil
}

// contentType is the MIME type of an output, by its name.
func contentType(name string) string {
	if strings.HasSuffix(name, ".xlsx") {
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	return "application/pdf"
}

// send sends m as a file to download.
func (m *made) send(w http.ResponseWriter) {
	w.Header().Set("Content-Type", m.typ)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": m.name}))
	w.Header().Set("Cache-Control", "no-store")
	w.Write(m.data)
}

// download sends the outputs of the file being edited, as it is in the
// form, saved or not: one document, or all in a zip.
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name   string `json:"name"`
		Source string `json:"source"`
		Kind   string `json:"kind"` // a slug, or "" for all
	}
	if !readRequest(w, r, &req, &req.Name) {
		return
	}
	var slugs []string
	if req.Kind != "" {
		slugs = []string{req.Kind}
	}
	s.sendOutputs(w, r, req.Name, []byte(req.Source), s.root.FS(), slugs)
}

// sendOutputs makes the outputs and sends them, or the input's problems.
func (s *Server) sendOutputs(w http.ResponseWriter, r *http.Request, name string, data []byte, files fs.FS, slugs []string) {
	var m *made
	var msgs []message
	var err error
	if rerr := s.run(r.Context(), func() { m, msgs, err = s.makeOutputs(name, data, files, slugs) }); rerr != nil {
		s.failRun(w, rerr)
		return
	}
	switch {
	case err != nil:
		fail(w, http.StatusInternalServerError, "không tạo được văn bản ("+err.Error()+") — đây là lỗi của chương trình, hãy báo cho người phát triển kèm tệp YAML")
	case msgs != nil:
		invalid(w, name, msgs)
	default:
		m.send(w)
	}
}

// invalid answers that the file name has the problems msgs.
func invalid(w http.ResponseWriter, name string, msgs []message) {
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
		"message": name + " có lỗi, chưa tạo văn bản nào — hãy sửa các lỗi dưới đây",
		"errors":  msgs,
	})
}
