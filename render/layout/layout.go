package layout

import (
	"fmt"
	"strconv"

	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/report"
)

// Distances of the ND30 frame, in mm, read off the decree's model page
// (Mẫu 1.4) and the column widths of its Word files.
const (
	headerPad        = 2.0  // the Quốc hiệu column is this much wider than its widest line
	closingLeftWidth = 60.0 // Nơi nhận column; the rest is the signature column
	ruleBelow        = 3.5  // from a baseline to the rule under it, clear of descenders
	ruleWidth        = 0.25 // solid rules, about ¾ pt
	ruleRatio        = 0.4  // agency and trích yếu rules: 1/3–1/2 of the text
	rowGap           = 7.5  // from the lowest header rule to the Số/date baseline
	kindGap          = 15.0 // from the Số/date baseline to the tên loại baseline
	bodyGap          = 4.0  // from the trích yếu rule to the top of the body
	closingGap       = 4.0  // extra space between the body and the closing block
	signatureSpace   = 25.0 // from the position line to the signer's name
	cellPadX         = 1.5
	cellPadY         = 1.0
	paraIndent       = 12.7 // first-line indent, 1.27 cm
	paraAfterPt      = 6.0  // space after a paragraph
)

// The Quốc hiệu and Tiêu ngữ, as the decree writes them.
const (
	quocHieu = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	tieuNgu  = "Độc lập - Tự do - Hạnh phúc"
)

// engine holds the state of laying out one document.
type engine struct {
	fam   *face.Family
	s     Settings
	pages []*Page
	y     float64 // top of the free space on the current page
}

// Layout places d on pages. It fails, before placing anything, when the
// font lacks a character of the document: fpdf would drop it silently.
func Layout(d *document.Document, fam *face.Family, s Settings) ([]*Page, error) {
	if err := checkGlyphs(d, fam); err != nil {
		return nil, err
	}
	e := &engine{fam: fam, s: s}
	e.newPage()
	e.header(&d.Frame)
	closingH := e.closingHeight(&d.Frame)
	for i, b := range d.Body {
		switch b := b.(type) {
		case *document.Heading:
			e.heading(b)
		case *document.Paragraph:
			// The closing block never stands alone on a page: the last
			// lines of the body go with it (nd30.md §2).
			tail := 0.0
			if i == len(d.Body)-1 {
				tail = closingGap + closingH
			}
			e.paragraph(b, tail)
		case *document.Table:
			e.table(b)
		}
	}
	e.closing(&d.Frame, closingH)
	e.pageNumbers()
	return e.pages, nil
}

func (e *engine) page() *Page { return e.pages[len(e.pages)-1] }

func (e *engine) newPage() {
	e.pages = append(e.pages, &Page{Width: A4Width, Height: A4Height})
	e.y = e.s.Margins.Top
}

func (e *engine) left() float64   { return e.s.Margins.Left }
func (e *engine) width() float64  { return A4Width - e.s.Margins.Left - e.s.Margins.Right }
func (e *engine) bottom() float64 { return A4Height - e.s.Margins.Bottom }

// fits reports whether h mm fit below the cursor; on a fresh page
// everything fits, so an oversized item cannot loop forever.
func (e *engine) fits(h float64) bool {
	return e.y+h <= e.bottom() || e.y == e.s.Margins.Top
}

func (e *engine) ascent(size float64) float64 { return e.fam.Face(face.Regular).Ascent(size) }

// box sets runs as lines inside [x, x+width] from top y without page breaks,
// for the frame. It returns the baselines and the widest line's width.
func (e *engine) box(pg *Page, runs []document.Run, size, x, width, y float64, a align, role Role) (baselines []float64, widest float64) {
	return e.hangingBox(pg, runs, size, x, width, 0, y, a, role)
}

// hangingBox is box with the lines after the first indented by hang.
func (e *engine) hangingBox(pg *Page, runs []document.Run, size, x, width, hang, y float64, a align, role Role) (baselines []float64, widest float64) {
	ws := e.words(runs, size)
	lines := e.breakLines(ws, width, width-hang, size)
	if a == alignCenter && len(lines) > 1 {
		lines = e.balance(ws, lines, width, size)
	}
	for i, l := range lines {
		base := y + e.ascent(size) + float64(i)*lineHeight(size)
		lx, lw := x, width
		if i > 0 {
			lx, lw = x+hang, width-hang
		}
		e.place(pg, l, lx, base, lw, size, a, i == len(lines)-1, role)
		baselines = append(baselines, base)
		widest = max(widest, l.width)
	}
	return baselines, widest
}

// balance re-breaks centred text into lines of even length, as a typesetter
// would ("CÔNG AN THÀNH PHỐ / CẦN THƠ" rather than a lone last word): the
// narrowest measure that needs no more lines than the full width.
func (e *engine) balance(ws []word, lines []line, width, size float64) []line {
	lo, hi := width/float64(len(lines)), width
	for range 20 {
		mid := (lo + hi) / 2
		if len(e.breakLines(ws, mid, mid, size)) > len(lines) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return e.breakLines(ws, hi, hi, size)
}

// header lays out the two-column header of page 1 (nd30.md §2), the tên
// loại and the trích yếu, and leaves the cursor at the top of the body.
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

	// Tên loại and trích yếu, centred on the text width, with a short rule.
	base += kindGap
	bl, _ = e.box(pg, plain(f.KindName, true, false), sz.Kind, lx, e.width(), base-e.ascent(sz.Kind), alignCenter, RoleKind)
	y = bl[0] - e.ascent(sz.Kind) + lineHeight(sz.Kind)
	bl, wide = e.box(pg, plain(f.Title, true, false), sz.Kind, lx, e.width(), y, alignCenter, RoleTitle)
	titleRule := bl[len(bl)-1] + ruleBelow
	e.centredRule(pg, lx+e.width()/2, titleRule, wide*ruleRatio, RoleTitle)
	e.y = titleRule + bodyGap
}

func (e *engine) centredRule(pg *Page, cx, y, length float64, role Role) {
	pg.Items = append(pg.Items, &Rule{X1: cx - length/2, Y1: y, X2: cx + length/2, Y2: y, Width: ruleWidth, Role: role})
}

// flow sets runs as a paragraph of the body, breaking pages. keep is how
// many lines must fit with the first (a heading keeps a line of what
// follows); tail is the height that must follow the paragraph on its last
// page, for which its last two lines move to a new page if need be.
func (e *engine) flow(runs []document.Run, size, indent float64, a align, role Role, keep int, tail float64) {
	lines := e.breakLines(e.words(runs, size), e.width()-indent, e.width(), size)
	lh := lineHeight(size)
	if !e.fits(float64(min(keep, len(lines))) * lh) {
		e.newPage()
	}
	for i, l := range lines {
		need := lh
		if tail > 0 && i == max(0, len(lines)-2) {
			need = float64(len(lines)-i)*lh + paraAfterPt*face.PtToMM + tail
		}
		if !e.fits(need) {
			e.newPage()
		}
		x, w := e.left(), e.width()
		if i == 0 {
			x, w = x+indent, w-indent
		}
		e.place(e.page(), l, x, e.y+e.ascent(size), w, size, a, i == len(lines)-1, role)
		e.y += lh
	}
	e.y += paraAfterPt * face.PtToMM
}

func (e *engine) paragraph(p *document.Paragraph, tail float64) {
	runs := p.Runs
	if p.Marker != "" {
		runs = append(plain(p.Marker+" ", false, false), runs...)
	}
	e.flow(runs, e.s.Sizes.Body, paraIndent, alignJustify, RoleBody, 2, tail)
}

// heading sets the report hierarchy of nd30.md §4: "Phần I" and its title
// centred on two lines; "I.", "1." in bold and "a)" plain, as paragraphs.
func (e *engine) heading(h *document.Heading) {
	size := e.s.Sizes.Body
	switch h.Level {
	case 1:
		// Keep "Phần I", its title and a line of the body together, set
		// off from what precedes by a blank line's worth of space.
		if !e.fits(5 * lineHeight(size)) {
			e.newPage()
		} else if len(e.page().Items) > 0 {
			e.y += paraAfterPt * face.PtToMM
		}
		e.flow(plain(h.Label, true, false), size, 0, alignCenter, RoleHeading, 1, 0)
		e.y -= paraAfterPt * face.PtToMM
		e.flow(boldRuns(h.Runs), size, 0, alignCenter, RoleHeading, 2, 0)
	default:
		runs := append(plain(h.Label+" ", h.Level <= 3, false), h.Runs...)
		if h.Level <= 3 {
			runs = boldRuns(runs)
		}
		// A heading keeps two lines of what follows on its page.
		n := len(e.breakLines(e.words(runs, size), e.width()-paraIndent, e.width(), size))
		if !e.fits(float64(n+2)*lineHeight(size) + paraAfterPt*face.PtToMM) {
			e.newPage()
		}
		e.flow(runs, size, paraIndent, alignJustify, RoleHeading, n, 0)
	}
}

// sigLine is one bold line above the space for the signature.
type sigLine struct {
	text string
	role Role
}

// signatureLines are the authority line, when someone signs for the head,
// and the position.
func signatureLines(f *document.Frame) []sigLine {
	var out []sigLine
	for _, l := range []sigLine{{f.Signature.Authority, RoleAuthority}, {f.Signature.Position, RolePosition}} {
		if l.text != "" {
			out = append(out, l)
		}
	}
	return out
}

// closingHeight measures the closing block: the taller of its columns.
func (e *engine) closingHeight(f *document.Frame) float64 {
	sz := e.s.Sizes
	right := float64(len(signatureLines(f)))*lineHeight(sz.Signature) + signatureSpace + lineHeight(sz.Signature)
	left := lineHeight(sz.NoiNhanLabel)
	for _, r := range f.Recipients {
		left += float64(len(e.recipientLines(r))) * lineHeight(sz.NoiNhan)
	}
	return max(left, right)
}

// recipientLines breaks one Nơi nhận line: continuation lines hang under
// the text, clear of the "- ".
func (e *engine) recipientLines(r string) []line {
	sz := e.s.Sizes.NoiNhan
	return e.breakLines(e.words(plain(r, false, false), sz), closingLeftWidth, closingLeftWidth-e.hang(), sz)
}

func (e *engine) hang() float64 { return e.fam.Face(face.Regular).Width("- ", e.s.Sizes.NoiNhan) }

// closing lays out Nơi nhận and the signature block side by side, the
// Nơi nhận label level with the authority line, on one page.
func (e *engine) closing(f *document.Frame, height float64) {
	sz := e.s.Sizes
	lx, lw := e.left(), closingLeftWidth
	rx, rw := lx+lw, e.width()-closingLeftWidth
	if !e.fits(closingGap + height) {
		e.newPage()
	} else {
		e.y += closingGap
	}
	pg := e.page()
	lh := lineHeight(sz.Signature)
	y := e.y
	last := y + e.ascent(sz.Signature) - lh
	for _, s := range signatureLines(f) {
		bl, _ := e.box(pg, plain(s.text, true, false), sz.Signature, rx, rw, y, alignCenter, s.role)
		last = bl[len(bl)-1]
		y = last - e.ascent(sz.Signature) + lh
	}
	e.box(pg, plain(f.Signature.Name, true, false), sz.Signature, rx, rw, last+signatureSpace-e.ascent(sz.Signature), alignCenter, RoleSigner)

	// "Nơi nhận:" shares the baseline of the block's first line.
	first := e.y + e.ascent(sz.Signature)
	e.box(pg, plain("Nơi nhận:", true, true), sz.NoiNhanLabel, lx, lw, first-e.ascent(sz.NoiNhanLabel), alignLeft, RoleNoiNhan)
	y = first + lineHeight(sz.NoiNhanLabel) - e.ascent(sz.NoiNhan)
	for _, r := range f.Recipients {
		bl, _ := e.hangingBox(pg, plain(r, false, false), sz.NoiNhan, lx, lw, e.hang(), y, alignLeft, RoleRecipient)
		y += float64(len(bl)) * lineHeight(sz.NoiNhan)
	}
	e.y += height
}

// pageNumbers numbers every page but the first, centred in the top margin.
func (e *engine) pageNumbers() {
	size := e.s.Sizes.PageNumber
	for i, pg := range e.pages[1:] {
		y := e.s.Margins.Top/2 - lineHeight(size)/2
		e.box(pg, plain(strconv.Itoa(i+2), false, false), size, e.left(), e.width(), y, alignCenter, RolePageNumber)
	}
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
				"ký tự %q (U+%04X) không có trong phông %s, ở đoạn %q — hãy thay ký tự này hoặc dùng phông có nó (character missing from the font)",
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
	for _, s := range []string{f.Agency, f.KindName, f.Title, f.Signature.Authority, f.Signature.Position} {
		fn(s, face.Bold)
	}
	fn(f.PlaceDate, face.Italic)
	for _, r := range f.Recipients {
		fn(r, face.Regular)
	}
	runs := func(rs []document.Run, bold bool) {
		for _, r := range rs {
			fn(r.Text, face.StyleOf(r.Bold || bold, r.Italic))
		}
	}
	for _, b := range d.Body {
		switch b := b.(type) {
		case *document.Heading:
			runs(b.Runs, b.Level <= 3)
		case *document.Paragraph:
			runs(b.Runs, false)
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
