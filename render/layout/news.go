package layout

import (
	"fmt"

	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/report"
)

// Sizes and distances of a bản tin, which follows press custom rather
// than Nghị định 30.
const (
	mastheadSize = 11.0 // pt: the publisher and the dateline
	headlineSize = 18.0 // pt
	headlineGap  = 6.0  // mm from the masthead rule to the headline
	figureGap    = 2.0  // mm above a photo and between it and its caption
	// figureShare is the most of the text height a photo may take, so that
	// a tall picture leaves room for its caption and some text.
	figureShare = 0.5
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
// bold, the body with its photos, and the author's line at the end, set
// right. Pages are numbered as a document's are.
func (e *engine) news(d *document.Document) []*Page {
	f := &d.Frame
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
	e.blocks(d.Body, float64(len(byline))*lineHeight(e.s.Sizes.Body), 1)
	for _, runs := range byline {
		e.flow(runs, e.s.Sizes.Body, e.flowShape(0, alignRight), RoleByline, 1, 0)
		e.y -= paraAfterPt * face.PtToMM // one block, no space between its lines
	}
	e.pageNumbers()
	return e.pages
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
func readFigures(body []document.Block) (map[*document.Figure]picture, error) {
	pics := map[*document.Figure]picture{}
	var errs report.Errors
	for _, b := range body {
		f, ok := b.(*document.Figure)
		if !ok {
			continue
		}
		p, err := readPicture(f.Image)
		if err != nil {
			errs = append(errs, &report.Error{Msg: fmt.Sprintf("ảnh thứ %d của bản tin không đọc được — hãy dùng tệp PNG hoặc JPEG nguyên vẹn (%v)", len(pics)+len(errs)+1, err)})
			continue
		}
		pics[f] = p
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return pics, nil
}

// figure sets a photo centred across the text width — as wide as the text
// unless that would make it taller than figureShare of the text height —
// with its caption in italics, centred, below it. Photo and caption stay
// on one page.
func (e *engine) figure(f *document.Figure) {
	p := e.pictures[f]
	size := e.s.Sizes.Table // a size below the body, as captions are set
	scale := min(e.width()/float64(p.w), (e.bottom()-e.s.Margins.Top)*figureShare/float64(p.h))
	w, h := float64(p.w)*scale, float64(p.h)*scale
	caption := italicRuns(f.Caption)
	lines := len(e.breakLines(e.words(caption, size), e.flowShape(0, alignCenter), size))
	if !e.fits(figureGap + h + figureGap + float64(lines)*lineHeight(size)) {
		e.newPage()
	}
	e.page().Items = append(e.page().Items, &Image{X: e.left() + (e.width()-w)/2, Y: e.y + figureGap, W: w, H: h, Data: p.data, Format: p.format, Role: RolePhoto})
	e.y += figureGap + h + figureGap
	if lines > 0 {
		e.flow(caption, size, e.flowShape(0, alignCenter), RoleCaption, lines, 0)
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
