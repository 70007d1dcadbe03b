package layout

import (
	"fmt"
	"math"
	"slices"

	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/picture"
	"baocao/render/report"
)

// Sizes and distances of a bản tin, which follows press custom rather
// than Nghị định 30: it is set as the agency's news page is, blocks of
// text without first-line indents under a headline, photos with their
// captions, the author's line at the end and the pages numbered at the
// foot.
const (
	mastheadSize = 11.0 // pt: the publisher, the dateline and the page numbers
	headlineSize = 18.0 // pt
	headlineGap  = 6.0  // mm from the masthead rule to the headline
	figureGap    = 2.0  // mm above a photo and between it and its caption
	// figureShare is the most of the text height a photo may take, so that
	// a tall picture leaves room for its caption and some text.
	figureShare = 0.5
	// minPhotoDPI is the least resolution a photo is printed at: larger,
	// its pixels show. A small picture is printed smaller than the text
	// width rather than blown up.
	minPhotoDPI = 150
	// minShrink is the least share of its size a photo shrinks to, to fit
	// the rest of a page that no text can fill.
	minShrink = 0.5
)

// Roles of a bản tin's items.
const (
	RoleMasthead Role = "masthead" // the publisher, the dateline and the rule under them
	RoleHeadline Role = "headline"
	RolePhoto    Role = "photo"
	RoleCaption  Role = "caption"
	RoleByline   Role = "byline" // the author and the source
)

// news lays out a bản tin: a masthead with the publishing agency and the
// dateline over a rule across the text width, the headline large and
// bold, the body — its lead first — in paragraphs without first-line
// indent, with its photos, and the author's line at the end, set right
// and kept with the last lines.
func (e *engine) news(d *document.Document) {
	f := &d.Frame
	e.indent = 0
	e.section(false)
	pg := e.page()
	date := e.fam.Face(face.Italic).Width(f.PlaceDate, mastheadSize)
	bl, _ := e.box(pg, plain(f.Agency, true, false), mastheadSize, e.left(), e.width()-date-headerPad, e.y, alignLeft, RoleMasthead)
	e.box(pg, plain(f.PlaceDate, false, true), mastheadSize, e.left(), e.width(), e.y, alignRight, RoleMasthead)
	rule := bl[len(bl)-1] + ruleBelow
	pg.Items = append(pg.Items, &Rule{X1: e.left(), Y1: rule, X2: e.left() + e.width(), Y2: rule, Width: ruleWidth, Role: RoleMasthead})
	e.y = rule + headlineGap
	first, top := e.flow(plain(f.Title, true, false), headlineSize, e.flowShape(0, alignLeft), RoleHeadline, 2, 0)
	e.mark(first, 0, f.Title, top)
	byline := bylineRuns(f)
	e.textAfter = e.measureTextAfter(d.Body)
	e.blocks(d.Body, float64(len(byline))*lineHeight(e.s.Sizes.Body), 1)
	// Photos still held back close the account, before its author.
	for len(e.floats) > 0 {
		e.newPage()
	}
	for _, runs := range byline {
		e.flow(runs, e.s.Sizes.Body, e.flowShape(0, alignRight), RoleByline, 1, 0)
		e.y -= paraAfterPt * face.PtToMM // one block, no space between its lines
	}
	e.footNumbers()
}

// footNumbers numbers a bản tin's pages as a printed news page is, not as
// an administrative document: "Trang 1/2" centred in the bottom margin of
// every page, the first included. A single page has no number.
func (e *engine) footNumbers() {
	n := len(e.pages)
	if n < 2 {
		return
	}
	y := e.bottom() + (e.s.Margins.Bottom-lineHeight(mastheadSize))/2
	for i, pg := range e.pages {
		e.box(pg, plain(fmt.Sprintf("Trang %d/%d", i+1, n), false, false), mastheadSize, e.left(), e.width(), y, alignCenter, RolePageNumber)
	}
}

// bylineRuns are the lines that close a bản tin: the author in bold, then
// the source in italics.
func bylineRuns(f *document.Frame) [][]document.Run {
	var out [][]document.Run
	if f.Author != "" {
		out = append(out, plain(f.Author, true, false))
	}
	if f.Source != "" {
		out = append(out, plain("Nguồn: "+f.Source, false, true))
	}
	return out
}

// readFigures reads and checks the photos of a body before anything is
// placed, so that a damaged image is an error and not a gap in the PDF.
func readFigures(body []document.Block) (map[*document.Figure]*picture.Picture, error) {
	pics := map[*document.Figure]*picture.Picture{}
	var errs report.Errors
	for _, b := range body {
		f, ok := b.(*document.Figure)
		if !ok {
			continue
		}
		p, err := picture.Read(f.Image)
		if err != nil {
			errs = append(errs, &report.Error{Msg: fmt.Sprintf("ảnh thứ %d của bản tin: %v", len(pics)+len(errs)+1, err)})
			continue
		}
		pics[f] = p
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return pics, nil
}

// figure sets a photo centred across the text width, at photoSize, with
// its caption in italics, centred, below it; tail is the height that must
// follow on the same page. Photo and caption stay on one page, and a photo
// leaves no page half blank: where it does not fit, the text that follows
// it fills the page and the photo heads the next (placeFloats) — or, when
// that text is too short to fill it, the photo shrinks to the room left,
// to no less than minShrink of its size.
func (e *engine) figure(f *document.Figure, tail float64) {
	w, h, lines := e.figureSize(f)
	around := e.figureAround(lines) + tail
	room := e.bottom() - e.y - around
	switch {
	case len(e.floats) > 0:
		// Behind a photo held back, photos wait too: they keep their order.
	case e.fits(h + around):
		e.placeFigure(f, w, h, lines)
		return
	case e.textAfter[f] < e.bottom()-e.y && room >= h*minShrink:
		e.placeFigure(f, w*room/h, room, lines)
		return
	}
	e.floats = append(e.floats, f)
}

// measureTextAfter returns, for each photo of body, the height of the
// paragraphs between it and the next photo or the end: the text that may
// fill a page in its stead. Headings and tables count as filling any.
func (e *engine) measureTextAfter(body []document.Block) map[*document.Figure]float64 {
	out := map[*document.Figure]float64{}
	size, acc := e.s.Sizes.Body, 0.0
	first := slices.IndexFunc(body, func(b document.Block) bool { _, ok := b.(*document.Figure); return ok })
	for i := len(body) - 1; i >= max(first, 0); i-- {
		switch b := body[i].(type) {
		case *document.Figure:
			out[b], acc = acc, 0
		case *document.Paragraph:
			n := len(e.breakLines(e.words(b.Runs, size), e.bodyShape(), size))
			acc += float64(n)*lineHeight(size) + paraAfterPt*face.PtToMM
		default:
			acc = math.Inf(1)
		}
	}
	return out
}

// placeFloats sets the photos held back at the top of a new page, as many
// as fit; a fresh page takes at least one.
func (e *engine) placeFloats() {
	for len(e.floats) > 0 {
		f := e.floats[0]
		w, h, lines := e.figureSize(f)
		if !e.fits(h + e.figureAround(lines)) {
			return
		}
		e.floats = e.floats[1:]
		e.placeFigure(f, w, h, lines)
	}
}

// figureSize returns the size of a photo (see photoSize) and how many
// lines its caption takes.
func (e *engine) figureSize(f *document.Figure) (w, h float64, lines int) {
	w, h = e.photoSize(e.pictures[f])
	size := e.s.Sizes.Table // a size below the body, as captions are set
	return w, h, len(e.breakLines(e.words(italicRuns(f.Caption), size), e.flowShape(0, alignCenter), size))
}

// figureAround is the height a photo takes besides the picture: the gaps
// around it, its caption of lines lines and the space after it.
func (e *engine) figureAround(lines int) float64 {
	return 2*figureGap + float64(lines)*lineHeight(e.s.Sizes.Table) + paraAfterPt*face.PtToMM
}

// photoSize is the printed size of a photo, upright as the picture is
// shown: as wide as the text, unless that makes it taller than
// figureShare of the text height or prints it below minPhotoDPI.
func (e *engine) photoSize(p *picture.Picture) (w, h float64) {
	pw, ph := p.Shown()
	scale := min(e.width()/float64(pw), (e.bottom()-e.s.Margins.Top)*figureShare/float64(ph), 25.4/minPhotoDPI)
	return float64(pw) * scale, float64(ph) * scale
}

// placeFigure sets a photo w × h mm and its caption of lines lines at the
// cursor.
func (e *engine) placeFigure(f *document.Figure, w, h float64, lines int) {
	p := e.pictures[f]
	e.page().Items = append(e.page().Items, &Image{X: e.left() + (e.width()-w)/2, Y: e.y + figureGap, W: w, H: h, Picture: p, Role: RolePhoto})
	e.y += figureGap + h + figureGap
	if lines > 0 {
		e.flow(italicRuns(f.Caption), e.s.Sizes.Table, e.flowShape(0, alignCenter), RoleCaption, lines, 0)
	} else {
		e.y += paraAfterPt * face.PtToMM
	}
}

// italicRuns returns runs set in italics.
func italicRuns(runs []document.Run) []document.Run {
	out := make([]document.Run, len(runs))
	for i, r := range runs {
		out[i] = document.Run{Text: r.Text, Bold: r.Bold, Italic: true}
	}
	return out
}
