package layout

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/phrase"
	"baocao/render/picture"
	"baocao/render/report"
)

// Distances of the ND30 frame, in mm, read off the decree's model page
// (Mẫu 1.4) and the column widths of its Word files.
const (
	headerPad   = 2.0  // the Quốc hiệu column is this much wider than its widest line
	ruleBelow   = 3.5  // from a baseline to the rule under it, clear of descenders
	ruleWidth   = 0.25 // solid rules, about ¾ pt
	ruleRatio   = 0.4  // agency and trích yếu rules: 1/3–1/2 of the text
	rowGap      = 7.5  // from the lowest header rule to the Số/date baseline
	kindGap     = 18.0 // from the Số/date baseline to the tên loại baseline
	bodyGap     = 5.5  // from the trích yếu rule to the top of the body
	cellPadX    = 1.5
	cellPadY    = 1.0
	paraIndent  = 12.7 // first-line indent, 1.27 cm
	paraAfterPt = 6.0  // space after a paragraph
)

// The độ khẩn and độ mật stamps. The decree's stamps are 20, 30 and 40 mm
// by 8 mm boxes for KHẨN, HỎA TỐC and THƯỢNG KHẨN: their text at 13 pt bold
// plus stampPadX on each side gives those widths.
const (
	stampHeight = 8.0
	stampPadX   = 3.0
	stampGap    = 3.0 // from the Số baseline to the first box, and between boxes
)

// The Quốc hiệu and Tiêu ngữ, as the decree writes them.
const (
	quocHieu = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	tieuNgu  = "Độc lập - Tự do - Hạnh phúc"
)

// engine holds the state of laying out one document.
type engine struct {
	fam       *face.Family
	s         Settings
	pages     []*Page
	y         float64 // top of the free space on the current page
	landscape bool    // orientation of the current section's pages
	// sections holds the index of the first page of the document and of
	// each annex: page numbering restarts there (nd30.md §1).
	sections []int
	level    int // outline level of the last mark, -1 before the first
	// pictures are the body's photos, read before layout starts.
	pictures map[*document.Figure]*picture.Picture
	// floats are photos held back for want of room, in order: the next
	// page starts with them (see placeFloats); textAfter is the height of
	// the text between each photo and the next (see news).
	floats    []*document.Figure
	textAfter map[*document.Figure]float64
	// emit is given each page when done, emitted counts those given, and
	// emitErr is the first error emit returned (see Stream); whole holds
	// the pages back until the end, for a bản tin's "Trang i/n".
	emit    func(*Page) error
	emitted int
	emitErr error
	whole   bool
	// indent is the first-line indent of body paragraphs.
	indent float64
	// tables holds the tables measured so far (tableBounds).
	tables map[*document.Table]*bounds
	// borders are the columns' borders of the table row drawn last, and
	// its page.
	borders struct {
		page  *Page
		rules []*Rule
	}
	// The line breaker's, kept from block to block: the words being
	// broken, wordText reading them for text, and the best breaks found.
	breaking []word
	wordText func(int) string
	text     phrase.Text
	nodes    []node
}

// Layout places d on pages: the document, then each annex on pages of its
// own. It fails, before placing anything, when the font lacks a character
// of the document (fpdf would drop it silently) or an image is unreadable.
func Layout(d *document.Document, fam *face.Family, s Settings) ([]*Page, error) {
	var pages []*Page
	err := Stream(d, fam, s, func(pg *Page) error {
		pages = append(pages, pg)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return pages, nil
}

// layout places d on pages, handing them to e.emit (see Stream).
func layout(d *document.Document, fam *face.Family, s Settings, emit func(*Page) error) error {
	pictures, err := readFigures(d.Body)
	if err != nil {
		return err
	}
	e := &engine{fam: fam, s: s, level: -1, pictures: pictures, indent: paraIndent, emit: emit}
	if err := e.checkTables(d); err != nil {
		return err
	}
	var closing closingBlock
	switch d.Form {
	case document.FormNews:
		e.whole = true
		e.news(d)
		return e.finish()
	case document.FormMinutes:
		closing = e.minutesBlock(&d.Frame)
	default:
		if closing, err = e.closingBlock(&d.Frame); err != nil {
			return err
		}
	}
	e.section(false)
	e.header(&d.Frame)
	e.kinhGui(d.Frame.KinhGui)
	// The closing block never stands alone on a page: the last lines of
	// the body go with it (nd30.md §2).
	e.blocks(d.Body, closing.gap+closing.height, 0)
	e.closing(closing)
	for i := range d.Annexes {
		e.annex(&d.Annexes[i])
	}
	return e.finish()
}

// blocks lays out body blocks. tail is the height that must follow the last
// paragraph on its page; headings are marked in the outline from level
// outline down.
func (e *engine) blocks(body []document.Block, tail float64, outline int) {
	for i, b := range body {
		e.release()
		t := 0.0
		if i == len(body)-1 {
			t = tail
		}
		switch b := b.(type) {
		case *document.Heading:
			e.heading(b, outline, e.lead(body[i+1:], tail))
		case *document.Paragraph:
			e.paragraph(b, t)
		case *document.Table:
			e.table(b)
		case *document.Figure:
			e.figure(b, t)
		}
	}
}

func (e *engine) page() *Page { return e.pages[len(e.pages)-1] }

// section starts the document or an annex on a new page.
func (e *engine) section(landscape bool) {
	e.landscape = landscape
	e.newPage()
	e.sections = append(e.sections, len(e.pages)-1)
}

func (e *engine) newPage() {
	w, h := e.pageSize()
	// A page mostly holds about as many items as the one before: room for
	// them up front saves growing the list a dozen times a page.
	n := 64
	if len(e.pages) > 0 {
		n = max(n, len(e.page().Items))
	}
	e.pages = append(e.pages, &Page{Width: w, Height: h, Items: make([]Item, 0, n)})
	e.y = e.s.Margins.Top
	e.placeFloats()
}

// pageSize is the size of the current section's pages: A4, turned for a
// landscape annex.
func (e *engine) pageSize() (w, h float64) {
	if e.landscape {
		return A4Height, A4Width
	}
	return A4Width, A4Height
}

func (e *engine) left() float64 { return e.s.Margins.Left }

func (e *engine) width() float64 {
	w, _ := e.pageSize()
	return w - e.s.Margins.Left - e.s.Margins.Right
}

func (e *engine) bottom() float64 {
	_, h := e.pageSize()
	return h - e.s.Margins.Bottom
}

// fits reports whether h mm fit below the cursor; on a fresh page
// everything fits, so an oversized item cannot loop forever.
func (e *engine) fits(h float64) bool {
	return e.y+h <= e.bottom() || e.y == e.s.Margins.Top
}

func (e *engine) ascent(size float64) float64 { return e.fam.Face(face.Regular).Ascent(size) }

// mark adds an outline entry on pg at y. Its level is kept at most one
// below the previous mark's, as a PDF outline nests: a body whose first
// heading is "I." puts it at the top.
func (e *engine) mark(pg *Page, level int, title string, y float64) {
	level = max(0, min(level, e.level+1))
	e.level = level
	pg.Marks = append(pg.Marks, Mark{Level: level, Title: title, Y: y})
}

// box sets runs as lines inside [x, x+width] from top y without page breaks,
// for the frame. It returns the baselines and the widest line's width.
func (e *engine) box(pg *Page, runs []document.Run, size, x, width, y float64, a align, role Role) (baselines []float64, widest float64) {
	return e.shapedBox(pg, runs, size, x, y, shape{first: width, rest: width, align: a}, role)
}

// titleBox is box for a centred title across the text width, which keeps
// clear of the margins.
func (e *engine) titleBox(pg *Page, runs []document.Run, size, y float64, role Role) (baselines []float64, widest float64) {
	return e.shapedBox(pg, runs, size, e.left(), y, shape{first: e.width(), rest: e.width(), align: alignCenter, clear: titleClear}, role)
}

// hangingBox is box with the lines after the first indented by hang.
func (e *engine) hangingBox(pg *Page, runs []document.Run, size, x, width, hang, y float64, a align, role Role) (baselines []float64, widest float64) {
	return e.shapedBox(pg, runs, size, x, y, shape{first: width, rest: width - hang, align: a}, role)
}

// shapedBox sets runs as lines of shape s, the block's left edge at x.
func (e *engine) shapedBox(pg *Page, runs []document.Run, size, x, y float64, s shape, role Role) (baselines []float64, widest float64) {
	lines := e.breakLines(e.words(runs, size), s, size)
	for i, l := range lines {
		base := y + e.ascent(size) + float64(i)*lineHeight(size)
		dx, w := s.line(i)
		e.place(pg, l, x+dx, base, w, size, s.align, i == len(lines)-1, role)
		baselines = append(baselines, base)
		widest = max(widest, l.width)
	}
	return baselines, widest
}

// header lays out the two-column header of page 1 (nd30.md §2), the stamps,
// the tên loại and the trích yếu, and leaves the cursor at the top of the
// body.
func (e *engine) header(f *document.Frame) {
	pg, sz, top := e.page(), e.s.Sizes, e.s.Margins.Top
	// The Quốc hiệu column is as wide as its widest line, so that the
	// Quốc hiệu never wraps; the agency column takes the rest and its name
	// wraps there when it must.
	rw := headerPad
	for _, t := range []struct {
		s    string
		st   face.Style
		size float64
	}{{quocHieu, face.Bold, sz.QuocHieu}, {tieuNgu, face.Bold, sz.TieuNgu}, {f.PlaceDate, face.Italic, sz.Date}} {
		rw = max(rw, e.fam.Face(t.st).Width(t.s, t.size)+headerPad)
	}
	rw = min(rw, e.width()/2+headerPad*10)
	lx, lw := e.left(), e.width()-rw
	rx := lx + lw

	// Left: cơ quan chủ quản, then the issuer in bold, with a short rule.
	y := top
	if f.Parent != "" {
		bl, _ := e.box(pg, plain(f.Parent, false, false), sz.Agency, lx, lw, y, alignCenter, RoleParent)
		y += float64(len(bl)) * lineHeight(sz.Agency)
	}
	bl, wide := e.box(pg, plain(f.Agency, true, false), sz.Agency, lx, lw, y, alignCenter, RoleAgency)
	agencyRule := bl[len(bl)-1] + ruleBelow
	e.centredRule(pg, lx+lw/2, agencyRule, wide*ruleRatio, RoleAgency)

	// Right: Quốc hiệu, then Tiêu ngữ with a rule exactly as long as it.
	bl, _ = e.box(pg, plain(quocHieu, true, false), sz.QuocHieu, rx, rw, top, alignCenter, RoleQuocHieu)
	bl, wide = e.box(pg, plain(tieuNgu, true, false), sz.TieuNgu, rx, rw, bl[0]-e.ascent(sz.TieuNgu)+lineHeight(sz.QuocHieu), alignCenter, RoleTieuNgu)
	mottoRule := bl[0] + ruleBelow
	e.centredRule(pg, rx+rw/2, mottoRule, wide, RoleTieuNgu)

	// Số and the place and date share one baseline.
	base := max(agencyRule, mottoRule) + rowGap
	e.box(pg, plain(f.Number, false, false), sz.Number, lx, lw, base-e.ascent(sz.Number), alignCenter, RoleNumber)
	if f.PlaceDate != "" {
		e.box(pg, plain(f.PlaceDate, false, true), sz.Date, rx, rw, base-e.ascent(sz.Date), alignCenter, RoleDate)
	}

	// The stamps go under the Số, where offices stamp them (the decree's
	// layout puts độ mật and độ khẩn in the left column below Số, ký hiệu),
	// độ mật first; the tên loại moves down to clear them.
	kind := base + kindGap
	y = base + stampGap
	for _, st := range []struct {
		text string
		role Role
	}{{f.Secrecy, RoleSecrecy}, {f.Urgency, RoleUrgency}} {
		if st.text != "" {
			y = e.stamp(pg, st.text, lx+lw/2, y, st.role) + stampGap
			kind = max(kind, y+e.ascent(sz.Kind))
		}
	}

	// Tên loại and trích yếu, centred on the text width, with a short rule.
	bl, _ = e.titleBox(pg, plain(f.KindName, true, false), sz.Kind, kind-e.ascent(sz.Kind), RoleKind)
	y = bl[0] - e.ascent(sz.Kind) + lineHeight(sz.Kind)
	bl, wide = e.titleBox(pg, plain(f.Title, true, false), sz.Kind, y, RoleTitle)
	titleRule := bl[len(bl)-1] + ruleBelow
	e.centredRule(pg, lx+e.width()/2, titleRule, wide*ruleRatio, RoleTitle)
	e.y = titleRule + bodyGap
}

// stamp draws text in bold in a single-line box centred on cx, its top at
// y, and returns the box's bottom.
func (e *engine) stamp(pg *Page, text string, cx, y float64, role Role) float64 {
	size := e.s.Sizes.Stamp
	w := e.fam.Face(face.Bold).Width(text, size) + 2*stampPadX
	x0, x1, y1 := cx-w/2, cx+w/2, y+stampHeight
	// Centre the capitals, whose height is about two thirds of the em.
	base := y + stampHeight/2 + size*face.PtToMM/3
	e.box(pg, plain(text, true, false), size, x0, w, base-e.ascent(size), alignCenter, role)
	for _, r := range [][4]float64{{x0, y, x1, y}, {x1, y, x1, y1}, {x1, y1, x0, y1}, {x0, y1, x0, y}} {
		pg.Items = append(pg.Items, &Rule{X1: r[0], Y1: r[1], X2: r[2], Y2: r[3], Width: ruleWidth, Role: role})
	}
	return y1
}

// kinhGui sets the addressees between the trích yếu and the body, as a
// block centred on the text width (nd30.md §2): one on the label's line,
// several one per line with their dashes under the label's colon.
func (e *engine) kinhGui(items []string) {
	if len(items) == 0 {
		return
	}
	const label = "Kính gửi"
	size, pg := e.s.Sizes.Body, e.page()
	e.y += paraAfterPt * face.PtToMM
	if len(items) == 1 {
		bl, _ := e.box(pg, plain(label+": "+items[0], false, false), size, e.left(), e.width(), e.y, alignCenter, RoleKinhGui)
		e.y += float64(len(bl))*lineHeight(size) + paraAfterPt*face.PtToMM
		return
	}
	f := e.fam.Face(face.Regular)
	colon := f.Width(label, size)
	hang := f.Width("- ", size)
	block := f.Width(label+":", size)
	for _, it := range items {
		block = max(block, colon+f.Width(it, size))
	}
	block = min(block, e.width())
	x := e.left() + (e.width()-block)/2
	e.box(pg, plain(label+":", false, false), size, x, block, e.y, alignLeft, RoleKinhGui)
	e.y += lineHeight(size)
	for _, it := range items {
		bl, _ := e.hangingBox(pg, plain(it, false, false), size, x+colon, block-colon, hang, e.y, alignLeft, RoleKinhGui)
		e.y += float64(len(bl)) * lineHeight(size)
	}
	e.y += paraAfterPt * face.PtToMM
}

func (e *engine) centredRule(pg *Page, cx, y, length float64, role Role) {
	pg.Items = append(pg.Items, &Rule{X1: cx - length/2, Y1: y, X2: cx + length/2, Y2: y, Width: ruleWidth, Role: role})
}

// flow sets runs as lines of shape s across the text width, breaking
// pages between lines. A break leaves at least two lines of the block on
// each side, and at least keep before it (a heading keeps all its lines
// together): no orphan at a page's foot, no widow at its head. tail is
// the height that must follow the block on its last page, for which its
// last two lines move to a new page if need be. It returns the page of
// the first line and the top of that line.
func (e *engine) flow(runs []document.Run, size float64, s shape, role Role, keep int, tail float64) (first *Page, top float64) {
	lines := e.breakLines(e.words(runs, size), s, size)
	lh := lineHeight(size)
	after := paraAfterPt * face.PtToMM
	following := 0.0
	if tail > 0 {
		following = after + tail
	}
	first, top = e.page(), e.y
	for i := 0; i < len(lines); {
		rest := len(lines) - i
		room := e.bottom() - e.y + tolerance
		k := rest // the lines set on this page
		if float64(rest)*lh+following > room {
			k = min(int(room/lh), rest-splitMin)
			least := splitMin
			if i == 0 {
				least = max(least, keep)
			}
			if k < least {
				k = 0
			}
			if k == 0 && e.y == e.s.Margins.Top {
				// No page has more room: set what fits, at least a line.
				k = max(1, min(rest, int(room/lh)))
			}
		}
		if i == 0 && k > 0 {
			first, top = e.page(), e.y
		}
		for _, l := range lines[i : i+k] {
			dx, w := s.line(i)
			e.place(e.page(), l, e.left()+dx, e.y+e.ascent(size), w, size, s.align, i == len(lines)-1, role)
			e.y += lh
			i++
		}
		if i < len(lines) {
			e.newPage()
		}
	}
	e.y += after
	return first, top
}

// flowShape is the shape of a block across the text width, its first
// line indented; centred, it keeps clear of the margins.
func (e *engine) flowShape(indent float64, a align) shape {
	s := shape{first: e.width() - indent, rest: e.width(), align: a}
	if a == alignCenter {
		s.clear = titleClear
	}
	return s
}

// paragraph sets a paragraph of the body: justified, its first line
// indented.
func (e *engine) paragraph(p *document.Paragraph, tail float64) {
	e.flow(paragraphRuns(p), e.s.Sizes.Body, e.bodyShape(), RoleBody, splitMin, tail)
}

// paragraphRuns are the runs of a paragraph as set, its list marker first.
func paragraphRuns(p *document.Paragraph) []document.Run {
	if p.Marker == "" {
		return p.Runs
	}
	return append(plain(p.Marker+" ", false, false), p.Runs...)
}

// bodyShape is the shape of a body paragraph: justified, its first line
// indented, broken as a body is (see shape.body).
func (e *engine) bodyShape() shape {
	s := e.flowShape(e.indent, alignJustify)
	s.body = true
	return s
}

// heading sets the report hierarchy of nd30.md §4: "Phần I" and its title
// centred on two lines; "I.", "1." in bold and "a)" plain, as paragraphs.
// It moves to a new page unless lead mm of what follows fit under it.
// Each heading is marked in the outline at outline + its level - 1.
func (e *engine) heading(h *document.Heading, outline int, lead float64) {
	size := e.s.Sizes.Body
	title := h.Label + " " + text(h.Runs)
	runs, s := e.headingText(h)
	height := e.headingHeight(h)
	var pg *Page
	var top float64
	switch h.Level {
	case 1:
		// "Phần I" is set off from what precedes by a blank line's worth
		// of space.
		space := 0.0
		if len(e.page().Items) > 0 {
			space = paraAfterPt * face.PtToMM
		}
		if !e.fits(space + height + lead) {
			e.newPage()
		} else {
			e.y += space
		}
		pg, top = e.flow(plain(h.Label, true, false), size, s, RoleHeading, 1, 0)
		e.y -= paraAfterPt * face.PtToMM
		e.flow(runs, size, s, RoleHeading, math.MaxInt, 0)
		title = h.Label + ". " + text(h.Runs)
	default:
		if !e.fits(height + lead) {
			e.newPage()
		}
		pg, top = e.flow(runs, size, s, RoleHeading, math.MaxInt, 0)
	}
	e.mark(pg, outline+h.Level-1, title, top)
}

// headingText returns the runs of a heading's title as set, and their
// shape: the title of "Phần I" centred, the others as paragraphs, their
// label first, bold down to "1.".
func (e *engine) headingText(h *document.Heading) ([]document.Run, shape) {
	if h.Level == 1 {
		return boldRuns(h.Runs), e.flowShape(0, alignCenter)
	}
	runs := append(plain(h.Label+" ", h.Level <= 3, false), h.Runs...)
	if h.Level <= 3 {
		runs = boldRuns(runs)
	}
	return runs, e.flowShape(paraIndent, alignJustify)
}

// headingHeight is the height a heading takes, the space after it
// included: "Phần I" takes a line more, its label's.
func (e *engine) headingHeight(h *document.Heading) float64 {
	size := e.s.Sizes.Body
	runs, s := e.headingText(h)
	n := len(e.breakLines(e.words(runs, size), s, size))
	if h.Level == 1 {
		n++
	}
	return float64(n)*lineHeight(size) + paraAfterPt*face.PtToMM
}

// lead is the height of what must follow a heading on its page, body
// being what comes after it and tail what must follow body: the headings
// that follow it at once, as a run, and the first lines of the block
// after them — the lines a paragraph may leave alone at a page's foot, all
// of a short last one and the tail, or a table's header and first rows.
func (e *engine) lead(body []document.Block, tail float64) float64 {
	h := 0.0
	for i, b := range body {
		switch b := b.(type) {
		case *document.Heading:
			if b.Level == 1 {
				h += paraAfterPt * face.PtToMM
			}
			h += e.headingHeight(b)
		case *document.Paragraph:
			size := e.s.Sizes.Body
			n := len(e.breakLines(e.words(paragraphRuns(b), size), e.bodyShape(), size))
			if n >= 2*splitMin {
				return h + splitMin*lineHeight(size) // a longer paragraph may break after these
			}
			if i == len(body)-1 && tail > 0 {
				h += paraAfterPt*face.PtToMM + tail
			}
			return h + float64(n)*lineHeight(size)
		case *document.Table:
			return h + e.tableStart(b)
		default:
			return h // a photo floats to where it fits
		}
	}
	return h
}

// text is the plain text of runs.
func text(runs []document.Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// number numbers page i of the document or of an annex, counted from the
// section's first, centred in the top margin; the first page of each
// carries no number (nd30.md §1).
func (e *engine) number(i int) {
	start := 0
	for _, s := range e.sections {
		if s <= i {
			start = s
		}
	}
	if i == start {
		return
	}
	pg := e.pages[i]
	size := e.s.Sizes.PageNumber
	y := e.s.Margins.Top/2 - lineHeight(size)/2
	w := pg.Width - e.s.Margins.Left - e.s.Margins.Right
	e.box(pg, plain(strconv.Itoa(i-start+1), false, false), size, e.left(), w, y, alignCenter, RolePageNumber)
}

// checkGlyphs reports every character of the document that its face lacks.
func checkGlyphs(d *document.Document, fam *face.Family) error {
	var errs report.Errors
	seen := map[rune]bool{}
	check := func(s string, st face.Style) {
		for _, r := range fam.Face(st).Missing(s) {
			if seen[r] {
				continue
			}
			seen[r] = true
			errs = append(errs, &report.Error{Msg: fmt.Sprintf(
				"ký tự %q (U+%04X) không có trong phông %s, ở đoạn %q — hãy thay ký tự này hoặc dùng phông có nó",
				string(r), r, fam.Name, context(s, r))})
		}
	}
	eachText(d, check)
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// context returns up to 30 characters of s around the first r.
func context(s string, r rune) string {
	rs := []rune(s)
	for i, c := range rs {
		if c == r {
			return string(rs[max(0, i-15):min(len(rs), i+15)])
		}
	}
	return s
}

// eachText calls fn with every string the document prints and its style.
func eachText(d *document.Document, fn func(string, face.Style)) {
	f := &d.Frame
	for _, s := range []string{f.Parent, f.Number, f.Signature.Name} {
		fn(s, face.Regular)
	}
	for _, s := range []string{f.Agency, f.KindName, f.Title, f.Signature.Authority, f.Signature.Position,
		f.Secretary.Authority, f.Secretary.Position, f.Secretary.Name, f.Author} {
		fn(s, face.Bold)
	}
	fn(f.PlaceDate, face.Italic)
	fn(f.Source, face.Italic)
	for _, r := range slices.Concat(f.Recipients, f.KinhGui) {
		fn(r, face.Regular)
	}
	fn(f.Urgency, face.Bold)
	fn(f.Secrecy, face.Bold)
	eachBlockText(d.Body, fn)
	for _, a := range d.Annexes {
		fn(a.Label, face.Bold)
		fn(a.Title, face.Bold)
		fn(a.Ref, face.Italic)
		eachBlockText(a.Body, fn)
	}
}

// eachBlockText calls fn with every string of body blocks and its style.
func eachBlockText(body []document.Block, fn func(string, face.Style)) {
	runs := func(rs []document.Run, bold bool) {
		for _, r := range rs {
			fn(r.Text, face.StyleOf(r.Bold || bold, r.Italic))
		}
	}
	for _, b := range body {
		switch b := b.(type) {
		case *document.Heading:
			runs(b.Runs, b.Level <= 3)
		case *document.Paragraph:
			runs(b.Runs, false)
		case *document.Figure:
			for _, r := range b.Caption {
				fn(r.Text, face.StyleOf(r.Bold, true))
			}
		case *document.Table:
			for _, c := range b.Header {
				runs(c.Runs, true)
			}
			for _, row := range b.Rows {
				for _, c := range row {
					runs(c.Runs, false)
				}
			}
		}
	}
}
