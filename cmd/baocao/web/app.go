package web

import (
	"errors"
	"net/http"
	"slices"

	"baocao/cmd/baocao/web/yamledit"
	"baocao/render"
	"baocao/render/face"
	"baocao/render/layout"
	"baocao/render/load"
	"baocao/render/picture"
	"baocao/render/report"
	"baocao/render/svg"
	"baocao/render/xlsx"
)

// kindInfo is a document the app previews and offers to download.
type kindInfo struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
	Path string `json:"path"` // the key holding its data
}

// appModel sends the form's fields and the kinds of document.
func (s *Server) appModel(w http.ResponseWriter, r *http.Request) {
	var kinds []kindInfo
	for _, k := range s.kinds {
		kinds = append(kinds, kindInfo{Slug: k.Slug, Name: k.Name, Path: k.Path})
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"fields":   s.model.root,
		"kinds":    kinds,
		"workbook": kindInfo{Slug: render.WorkbookSlug, Name: "PHỤ LỤC (Excel)", Path: "statistics"},
	})
}

// message is a problem of the file, as the command line prints it (Text)
// and placed in the form: Path is the value it belongs to, Inner the line
// within a body.
type message struct {
	Text    string `json:"text"`
	Message string `json:"message"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Path    string `json:"path,omitempty"`
	Inner   int    `json:"inner,omitempty"`
}

// messages lists the problems in err, each placed in the form when it is
// in the file name, which x reads.
func messages(err error, name string, x *yamledit.Doc) []message {
	var es report.Errors
	if !errors.As(err, &es) {
		if err == nil {
			return nil
		}
		return []message{{Text: err.Error(), Message: err.Error()}}
	}
	es = slices.Clone(es)
	es.Sort()
	out := make([]message, len(es))
	for i, e := range es {
		m := message{Text: e.Error(), Message: e.Msg, Line: e.Pos.Line, Column: e.Pos.Column}
		if e.Pos.File == name && e.Pos.Line > 0 && x != nil {
			m.Path, m.Inner, _ = x.PathAt(e.Pos.Line, e.Pos.Column)
		}
		out[i] = m
	}
	return out
}

// page is one page of a preview: its size and its SVG, which is sent only
// when the browser lacks the page and shows it; the browser fetches any
// other it scrolls to by its hash (GET /app/page/HASH).
type page struct {
	Hash string  `json:"hash"`
	W    float64 `json:"w"`
	H    float64 `json:"h"`
	SVG  string  `json:"svg,omitempty"`
}

// preview is the app's answer to a change: the file as changed, its
// values and problems, and the pages of one document.
type preview struct {
	// Source is the file's text after the edits asked for.
	Source string `json:"source"`
	// EditError says why the edits could not be made; Source is then the
	// text as it was.
	EditError string `json:"editError,omitempty"`
	// Values are the file's values, when asked for.
	Values any       `json:"values,omitempty"`
	Errors []message `json:"errors"`
	// Kinds are the documents the file has data for; Workbook says it has
	// data for the workbook.
	Kinds    []string `json:"kinds"`
	Workbook bool     `json:"workbook"`
	// Kind is the document shown; Pages are nil when it could not be laid
	// out.
	Kind  string     `json:"kind"`
	Pages []page     `json:"pages"`
	Font  *fontFaces `json:"font,omitempty"`
}

// updateRequest is a change in the app: edits of the file's text, and
// which pages of which document the browser shows and has.
type updateRequest struct {
	Name   string        `json:"name"`
	Source string        `json:"source"`
	Ops    []yamledit.Op `json:"ops"`
	Kind   string        `json:"kind"`
	// Have are the hashes of the pages the browser has; View the first
	// and last page it shows (from 0), whose SVG is sent if it lacks it.
	Have []string `json:"have"`
	View [2]int   `json:"view"`
	// Values asks for the file's values, which the form is drawn from:
	// after an edit that adds or removes values, not after one that sets
	// them.
	Values bool `json:"values"`
}

// update makes the edits asked for on the file's text, and answers with
// the text, its problems placed in the form and the pages of the document
// shown. The file on disk is not written: save does that.
func (s *Server) update(w http.ResponseWriter, r *http.Request) {
	var req updateRequest
	if !readRequest(w, r, &req, &req.Name) {
		return
	}
	var p preview
	if err := s.run(r.Context(), func() { p = s.preview(req) }); err != nil {
		s.failRun(w, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// read reads src, or takes it as read last time: the browser sends back
// the text the last answer gave it.
func (s *Server) read(src string) (*yamledit.Doc, error) {
	s.last.Lock()
	defer s.last.Unlock()
	if s.last.doc != nil && s.last.doc.Source() == src {
		return s.last.doc, nil
	}
	x, err := yamledit.Read(src)
	if err == nil {
		s.last.doc = x
	}
	return x, err
}

// keep keeps x as the text read last.
func (s *Server) keep(x *yamledit.Doc) {
	s.last.Lock()
	s.last.doc = x
	s.last.Unlock()
}

// preview makes the edits of req and previews its document.
func (s *Server) preview(req updateRequest) preview {
	p := preview{Source: req.Source}
	x, err := s.read(req.Source)
	if err == nil && len(req.Ops) > 0 {
		if edited, err := yamledit.Edit(x, req.Ops, s.model); err != nil {
			p.EditError = err.Error()
		} else {
			x, p.Source = edited, edited.Source()
			s.keep(x)
		}
	}
	if x != nil && (req.Values || len(req.Ops) == 0) {
		p.Values = x.Values()
	}
	r, err := load.Options{Files: s.root.FS()}.Bytes(req.Name, []byte(p.Source))
	if r == nil {
		p.Errors = messages(err, req.Name, x)
		if x != nil {
			p.Kinds, p.Workbook = s.kindsIn(x.Values())
		}
		p.Kind = pick(p.Kinds, req.Kind)
		return p
	}
	for _, k := range s.kinds {
		if k.Data(r) != nil {
			p.Kinds = append(p.Kinds, k.Slug)
		}
	}
	p.Workbook = xlsx.HasData(r)
	p.Kind = pick(p.Kinds, req.Kind)
	pages, fam, err := render.Preview(r, p.Kind, render.Options{Version: s.cfg.Version})
	p.Errors = messages(err, req.Name, x)
	if pages == nil {
		return p
	}
	f := s.defaultFaces()
	if fam != face.Default() {
		if font := r.Format.Font; font != nil {
			f = s.faces([4][]byte{font.Regular.Data, font.Bold.Data, font.Italic.Data, font.BoldItalic.Data}, false)
		}
	}
	p.Font = &f
	p.Pages = s.pages(pages, f.Family, req.Have, req.View)
	return p
}

// pages draws the pages in SVG and keeps them for the browser to fetch;
// it sends those it lacks and shows, the pages of view and one on each
// side.
func (s *Server) pages(pages []*layout.Page, family string, have []string, view [2]int) []page {
	opt := svg.Options{Family: family, ImageHref: func(im *layout.Image) string {
		typ := "image/png"
		if im.Picture.Format == picture.JPEG {
			typ = "image/jpeg"
		}
		return "/app/blob/" + s.blobs.put(im.Picture.Data(), typ, false)
	}}
	out := make([]page, len(pages))
	for i, pg := range pages {
		b := svg.Page(pg, opt)
		out[i] = page{Hash: s.svgs.put(b, "image/svg+xml", false), W: pg.Width, H: pg.Height}
		if i >= view[0]-1 && i <= view[1]+1 && !slices.Contains(have, out[i].Hash) {
			out[i].SVG = string(b)
		}
	}
	return out
}

// kindsIn are the documents, and whether the workbook, a file that does
// not load has sections for, read from its values.
func (s *Server) kindsIn(values any) (kinds []string, workbook bool) {
	m, _ := values.(map[string]any)
	for _, k := range s.kinds {
		if v, ok := m[k.Path]; ok && v != "" {
			kinds = append(kinds, k.Slug)
		}
	}
	_, workbook = m["statistics"]
	return kinds, workbook
}

// pick is kind if it is among kinds, else the first of them.
func pick(kinds []string, kind string) string {
	if slices.Contains(kinds, kind) || len(kinds) == 0 {
		return kind
	}
	return kinds[0]
}
