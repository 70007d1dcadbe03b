package web

import (
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"sync"

	"baocao/fonts"
)

// blobBytes bounds the pictures and fonts kept for the previews, and
// svgBytes their pages: the oldest seen go first.
const (
	blobBytes = 128 << 20
	svgBytes  = 64 << 20
)

// blobs keeps the pictures and fonts the previews show, each under the
// hash of its bytes: the SVG pages name them by address, and the browser
// keeps each once, however many previews show it.
type blobs struct {
	mu     sync.Mutex
	max    int
	size   int
	byHash map[string]*list.Element // of *blob
	order  *list.List               // the most recently seen first
}

type blob struct {
	hash, typ string
	data      []byte
	pinned    bool // never let go: the embedded fonts
}

func newBlobs(max int) *blobs {
	return &blobs{max: max, byHash: map[string]*list.Element{}, order: list.New()}
}

// put keeps data, of MIME type typ, and returns its hash.
func (b *blobs) put(data []byte, typ string, pinned bool) string {
	sum := sha256.Sum256(data)
	h := hex.EncodeToString(sum[:16])
	b.mu.Lock()
	defer b.mu.Unlock()
	if e, ok := b.byHash[h]; ok {
		b.order.MoveToFront(e)
		return h
	}
	b.byHash[h] = b.order.PushFront(&blob{hash: h, typ: typ, data: data, pinned: pinned})
	b.size += len(data)
	for e := b.order.Back(); b.size > b.max && e != nil; {
		prev := e.Prev()
		if bl := e.Value.(*blob); !bl.pinned && bl.hash != h {
			b.order.Remove(e)
			delete(b.byHash, bl.hash)
			b.size -= len(bl.data)
		}
		e = prev
	}
	return h
}

func (b *blobs) get(h string) (*blob, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	e, ok := b.byHash[h]
	if !ok {
		return nil, false
	}
	return e.Value.(*blob), true
}

// blob sends a picture, a font or a page of a preview from b. Its address
// names its bytes, so the browser may keep it for good.
func (s *Server) blob(b *blobs) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		bl, ok := b.get(r.PathValue("hash"))
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", bl.typ)
		w.Header().Set("Cache-Control", "private, max-age=31536000, immutable")
		w.Write(bl.data)
	}
}

// fontFaces names a family for the preview's text: its CSS family name
// and the addresses of its four faces, regular, bold, italic and bold
// italic.
type fontFaces struct {
	Family string    `json:"family"`
	Faces  [4]string `json:"faces"`
}

// faces keeps the four files of a family and names them.
func (s *Server) faces(files [4][]byte, pinned bool) fontFaces {
	var f fontFaces
	all := sha256.New()
	for i, data := range files {
		h := s.blobs.put(data, "font/ttf", pinned)
		f.Faces[i] = "/app/blob/" + h
		all.Write([]byte(h))
	}
	f.Family = "f-" + hex.EncodeToString(all.Sum(nil)[:8])
	return f
}

// defaultFaces are the embedded fonts' faces.
func (s *Server) defaultFaces() fontFaces {
	s.embedded.Do(func() {
		serif := fonts.LiberationSerif()
		s.embeddedFaces = s.faces([4][]byte{serif.Regular, serif.Bold, serif.Italic, serif.BoldItalic}, true)
	})
	return s.embeddedFaces
}
