// Package web is baocao's local web app and its API: a form generated from
// the model beside a live preview of the documents, for the secretariat
// staff who fill in a conference's file; and a stateless endpoint that
// turns a YAML file (and its pictures) into the documents, for agency
// systems.
//
// The app works on the conference files of one folder, and every path it
// opens is confined to that folder (os.Root). Every request but /healthz
// carries the token given at start, as a cookie set when the browser
// opens the address printed, or as "Authorization: Bearer". Writes from
// other origins are refused, and on a loopback address only loopback host
// names are answered, so that no web page the clerk visits can reach it.
package web

import (
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"baocao/cmd/baocao/web/yamledit"
	"baocao/render/document"
)

//go:embed static
var static embed.FS

// Config is how a Server works.
type Config struct {
	// Dir is the folder of conference files the app works on; "" serves
	// the API alone.
	Dir string
	// Token is required on every request but /healthz.
	Token string
	// Loopback says the server listens on a loopback address only: a
	// request naming another host is refused, which stops a web page from
	// reaching the server through a name that resolves to 127.0.0.1.
	Loopback bool
	// Version is written into the PDFs.
	Version string
	// Jobs is how many renders run at once; as many more requests may
	// wait for one, the others are refused at once as busy.
	Jobs int
	// Timeout bounds the time a request may take.
	Timeout time.Duration
	// MaxRequest bounds the size of a request to the API, in bytes.
	MaxRequest int64
	// Starter returns the text of the starter file of a document kind,
	// for the app's new files.
	Starter func(slug string) ([]byte, error)
	// SchemaFile is the name the starters give the JSON Schema, which a
	// new file gets beside it.
	SchemaFile string
}

// maxAppRequest bounds the size of a request of the app: a file of the
// loader's largest, 10 MB, as JSON.
const maxAppRequest = 16 << 20

// Server serves the app and the API.
type Server struct {
	cfg   Config
	root  *os.Root // Dir
	model *model
	kinds []document.Kind
	// admit holds a place for each request at work or waiting; jobs one
	// for each at work.
	admit, jobs chan struct{}
	blobs       *blobs // pictures and fonts of the previews
	svgs        *blobs // their pages
	cookie      string
	// last is the text read last, which the next change is made on.
	last struct {
		sync.Mutex
		doc *yamledit.Doc
	}
	// embeddedFaces are the embedded fonts, kept among the blobs once.
	embedded      sync.Once
	embeddedFaces fontFaces
}

// New returns a server for cfg. It opens cfg.Dir, which must exist.
func New(cfg Config) (*Server, error) {
	if cfg.Token == "" {
		return nil, errors.New("thiếu mã truy cập (token)")
	}
	s := &Server{
		cfg:   cfg,
		model: newModel(),
		kinds: document.Kinds(),
		admit: make(chan struct{}, 2*cfg.Jobs),
		jobs:  make(chan struct{}, cfg.Jobs),
		blobs: newBlobs(blobBytes),
		svgs:  newBlobs(svgBytes),
	}
	sum := sha256.Sum256([]byte(cfg.Token))
	// Named after the token, so that two servers on one host name, on
	// other ports, do not take each other's cookie.
	s.cookie = "baocao-" + hex.EncodeToString(sum[:6])
	if cfg.Dir != "" {
		if abs, err := filepath.Abs(cfg.Dir); err == nil {
			s.cfg.Dir = abs
		}
		root, err := os.OpenRoot(cfg.Dir)
		if err != nil {
			return nil, fmt.Errorf("không mở được thư mục %s — hãy kiểm tra thư mục tồn tại (%w)", cfg.Dir, err)
		}
		s.root = root
	}
	return s, nil
}

// Close releases the folder.
func (s *Server) Close() error {
	if s.root != nil {
		return s.root.Close()
	}
	return nil
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })
	mux.HandleFunc("POST /api/v1/render", s.admitted(s.apiRender))
	mux.HandleFunc("POST /api/v1/validate", s.admitted(s.apiValidate))
	if s.root != nil {
		sub, _ := fs.Sub(static, "static")
		files := http.FileServerFS(sub)
		mux.Handle("GET /static/", http.StripPrefix("/static/", files))
		mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
			http.ServeFileFS(w, r, sub, "index.html")
		})
		mux.HandleFunc("GET /app/model", s.appModel)
		mux.HandleFunc("GET /app/files", s.listFiles)
		mux.HandleFunc("GET /app/file", s.openFile)
		mux.HandleFunc("GET /app/blob/{hash}", s.blob(s.blobs))
		mux.HandleFunc("GET /app/page/{hash}", s.blob(s.svgs))
		mux.HandleFunc("POST /app/update", s.admitted(s.update))
		mux.HandleFunc("POST /app/save", s.save)
		mux.HandleFunc("POST /app/new", s.newFile)
		mux.HandleFunc("POST /app/download", s.admitted(s.download))
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fail(w, http.StatusNotFound, "không có trang "+r.URL.Path+" — hãy mở địa chỉ baocao in ra khi khởi động")
	})
	cross := http.NewCrossOriginProtection()
	cross.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fail(w, http.StatusForbidden, "từ chối yêu cầu ghi gửi từ một trang web khác — chỉ trang của baocao được ghi")
	}))
	return s.secure(cross.Handler(mux))
}

// secure checks the host and the token of every request, and sets the
// headers that keep the app's pages to themselves.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		if s.cfg.Loopback && !loopbackHost(r.Host) {
			fail(w, http.StatusMisdirectedRequest, "địa chỉ "+r.Host+" không phải của máy này — hãy mở đúng địa chỉ baocao in ra khi khởi động")
			return
		}
		if r.URL.Path == "/healthz" {
			next.ServeHTTP(w, r)
			return
		}
		if t := r.URL.Query().Get("t"); t != "" && r.Method == http.MethodGet && r.URL.Path == "/" && s.token(t) {
			// The address opened in the browser: the token goes into a
			// cookie, and out of the address bar and history.
			http.SetCookie(w, &http.Cookie{Name: s.cookie, Value: t, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return
		}
		if !s.authorized(r) {
			h.Set("WWW-Authenticate", `Bearer realm="baocao"`)
			fail(w, http.StatusUnauthorized, "cần mã truy cập — hãy mở đường dẫn đầy đủ (có ?t=…) mà baocao in ra khi khởi động, hoặc gửi tiêu đề Authorization: Bearer <mã>")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// admitted runs h, a handler that renders, within the server's limits
// (see enter).
func (s *Server) admitted(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r, done, ok := s.enter(w, r)
		if !ok {
			return
		}
		defer done()
		h(w, r)
	}
}

// authorized reports whether r carries the token.
func (s *Server) authorized(r *http.Request) bool {
	if t, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return s.token(t)
	}
	c, err := r.Cookie(s.cookie)
	return err == nil && s.token(c.Value)
}

func (s *Server) token(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.cfg.Token)) == 1
}

// loopbackHost reports whether the Host header names this machine.
func loopbackHost(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// problem is an error as the app and the API send it.
type problem struct {
	Message string `json:"message"`
}

// fail answers with status and a message for the user.
func fail(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, problem{Message: msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	// The pages' SVG is written as it is, not with its < and > escaped.
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// readRequest reads a request about a file of the folder into req, name
// being where it names the file.
func readRequest(w http.ResponseWriter, r *http.Request, req any, name *string) bool {
	if !readJSON(w, r, req) {
		return false
	}
	if !validName(*name) {
		fail(w, http.StatusBadRequest, badName)
		return false
	}
	return true
}

// readJSON reads the JSON body of r into v, at most limit bytes.
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		fail(w, http.StatusUnsupportedMediaType, "yêu cầu phải gửi dạng JSON")
		return false
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxAppRequest))
	if err := dec.Decode(v); err != nil {
		var big *http.MaxBytesError
		if errors.As(err, &big) {
			fail(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("yêu cầu lớn hơn %d MB — tệp YAML không được quá 10 MB", maxAppRequest>>20))
		} else {
			fail(w, http.StatusBadRequest, "yêu cầu không đọc được ("+err.Error()+")")
		}
		return false
	}
	return true
}
