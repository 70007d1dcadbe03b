package layout

import (
	"baocao/render/document"
	"baocao/render/face"
)

// Stream places d on pages as Layout does, and gives each page to emit, in
// order, as soon as nothing later can change it — at the start of each
// block of the body and of each table row, every page but the current one
// — so that a document is never held whole: a writer may write each page
// and forget it. A bản tin, whose pages say "Trang i/n", is given once
// complete. The characters of d are checked meanwhile, as Layout does, and
// a missing one is the error returned, though pages may have been given
// before it was found; the first error emit returns ends the pages given
// and is returned.
func Stream(d *document.Document, fam *face.Family, s Settings, emit func(*Page) error) error {
	// The characters are checked while the document is laid out, and a
	// missing one is reported before any other problem: layout only reads
	// the document, and measures a missing character as nothing.
	glyphs := make(chan error, 1)
	go func() { glyphs <- checkGlyphs(d, fam) }()
	err := layout(d, fam, s, emit)
	if gerr := <-glyphs; gerr != nil {
		return gerr
	}
	return err
}

// release gives emit the pages before the current one, numbered, and
// lets them go.
func (e *engine) release() {
	if e.whole {
		return
	}
	for e.emitted < len(e.pages)-1 {
		e.give()
	}
}

// finish gives emit the pages left and returns the first error emit
// returned.
func (e *engine) finish() error {
	for e.emitted < len(e.pages) {
		e.give()
	}
	return e.emitErr
}

// give numbers the first page not yet given, unless it is a bản tin's,
// which are numbered already, and gives it to emit.
func (e *engine) give() {
	i := e.emitted
	if !e.whole {
		e.number(i)
	}
	if e.emitErr == nil {
		e.emitErr = e.emit(e.pages[i])
	}
	e.pages[i] = nil
	e.emitted++
}
