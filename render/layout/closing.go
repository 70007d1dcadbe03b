package layout

import (
	"fmt"

	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/picture"
	"baocao/render/report"
)

// Distances of the closing block, in mm (nd30.md §2).
const (
	closingLeftWidth = 60.0 // Nơi nhận column; the rest is the signature column
	closingGap       = 7.5  // extra space between the body and the closing block, as in Mẫu 1.4
	signatureSpace   = 25.0 // from the position line's baseline to the signer's name
	imagePad         = 1.5  // between the signature image and the lines around it
	// sealDiameter is the printed size of a seal image whose file does not
	// give a believable one: agencies' round seals are 35–42 mm across, and
	// 36 mm is the common one. A resolution implying a seal outside
	// sealMin–sealMax is an editor's default, not the scan's, and ignored.
	sealDiameter     = 36.0
	sealMin, sealMax = 25.0, 50.0
	// nominalSignature is the width taken for a hand signature when a seal
	// image comes without a signature image.
	nominalSignature = 40.0
	// sealOverlap is the part of the signature the seal covers, on its
	// left (nd30.md §2: about a third).
	sealOverlap = 1.0 / 3
)

// closingBlock is the closing block laid out from y = 0, placed on its page
// once the body is laid out.
type closingBlock struct {
	items  []Item
	height float64
	gap    float64 // the space above it, below the body's last paragraph
}

// sigLine is one bold line above the space for the signature.
type sigLine struct {
	text string
	role Role
}

// signatureLines are the authority line, when someone signs for the head,
// and the position.
func signatureLines(sig document.Signature) []sigLine {
	var out []sigLine
	for _, l := range []sigLine{{sig.Authority, RoleAuthority}, {sig.Position, RolePosition}} {
		if l.text != "" {
			out = append(out, l)
		}
	}
	return out
}

// closingBlock lays out Nơi nhận and the signature block side by side, the
// Nơi nhận label level with the first line of the signature block, with
// the signature and seal images of a digitally signed copy in the space
// for the signature.
func (e *engine) closingBlock(f *document.Frame) (closingBlock, error) {
	sz := e.s.Sizes
	pg := &Page{}
	lx, lw := e.left(), closingLeftWidth
	rx, rw := lx+lw, e.width()-closingLeftWidth
	asc, lh := e.ascent(sz.Signature), lineHeight(sz.Signature)
	y, last := 0.0, asc-lh
	for _, s := range signatureLines(f.Signature) {
		bl, _ := e.box(pg, plain(s.text, true, false), sz.Signature, rx, rw, y, alignCenter, s.role)
		last = bl[len(bl)-1]
		y = last - asc + lh
	}
	name := last + signatureSpace
	bl, _ := e.box(pg, plain(f.Signature.Name, true, false), sz.Signature, rx, rw, name-asc, alignCenter, RoleSigner)
	top, bottom := 0.0, bl[len(bl)-1]-asc+lh
	place := func(im *Image) {
		pg.Items = append(pg.Items, im)
		top, bottom = min(top, im.Y), max(bottom, im.Y+im.H)
	}

	// The space between the last line above and the name.
	spaceTop, spaceBottom := y+imagePad, name-asc-imagePad
	sx, sw := rx+(rw-nominalSignature)/2, nominalSignature
	if f.SignatureImage != nil {
		p, err := picture.Read(f.SignatureImage)
		if err != nil {
			return closingBlock{}, imageError("chữ ký", "signature_image", err)
		}
		w, h := fit(p, rw, spaceBottom-spaceTop)
		sx, sw = rx+(rw-w)/2, w
		place(&Image{X: sx, Y: spaceTop + (spaceBottom-spaceTop-h)/2, W: w, H: h, Picture: p, Role: RoleSignImage})
	}
	if f.Seal != nil {
		p, err := picture.Read(f.Seal)
		if err != nil {
			return closingBlock{}, imageError("con dấu", "seal_image", err)
		}
		w, h := sealSize(p)
		x := max(rx, sx+sw*sealOverlap-w)
		place(&Image{X: x, Y: (spaceTop+spaceBottom)/2 - h/2, W: w, H: h, Picture: p, Role: RoleSeal})
	}

	// "Nơi nhận:" shares the baseline of the block's first line.
	bottom = max(bottom, e.noiNhan(pg, f.Recipients, asc))

	// A seal may reach above the first line: the block then starts lower.
	for _, it := range pg.Items {
		shift(it, -top)
	}
	return closingBlock{items: pg.Items, height: bottom - top, gap: closingGap}, nil
}

// noiNhan sets the "Nơi nhận:" label, flush left, on baseline base and the
// recipients under it, and returns the bottom of the list. The list's
// first line box starts where the label's ends, as Word stacks lines of
// two sizes: in the decree's models the first recipient stands 12,9 pt
// below the label, not a 12 pt line's 13,8.
func (e *engine) noiNhan(pg *Page, recipients []string, base float64) float64 {
	sz := e.s.Sizes
	top := base - e.ascent(sz.NoiNhanLabel)
	e.box(pg, plain("Nơi nhận:", true, true), sz.NoiNhanLabel, e.left(), closingLeftWidth, top, alignLeft, RoleNoiNhan)
	y := top + lineHeight(sz.NoiNhanLabel)
	for _, r := range recipients {
		// Continuation lines hang clear of the "- ".
		bl, _ := e.hangingBox(pg, plain(r, false, false), sz.NoiNhan, e.left(), closingLeftWidth, e.hang(), y, alignLeft, RoleRecipient)
		y += float64(len(bl)) * lineHeight(sz.NoiNhan)
	}
	return y
}

// sealSize is the printed size of a seal image: its real size, when its
// file gives a believable one, else sealDiameter across.
func sealSize(p *picture.Picture) (w, h float64) {
	w, h, ok := p.Size()
	if !ok || max(w, h) < sealMin || max(w, h) > sealMax {
		pw, ph := p.Shown()
		scale := sealDiameter / float64(max(pw, ph))
		w, h = float64(pw)*scale, float64(ph)*scale
	}
	return w, h
}

// SealSize is the size in mm a seal image is printed at, as the closing
// block prints it: for a seal shown by a digital signature.
func SealSize(data []byte) (w, h float64, err error) {
	p, err := picture.Read(data)
	if err != nil {
		return 0, 0, err
	}
	w, h = sealSize(p)
	return w, h, nil
}

// imageError explains an unreadable signature or seal image. The loader
// has checked the images of a report it loaded: this is for a document
// made otherwise, whose images have no place in a file.
func imageError(what, key string, err error) error {
	return report.Errors{{Msg: fmt.Sprintf("%s (ảnh %s): %v", key, what, err)}}
}

func (e *engine) hang() float64 { return e.fam.Face(face.Regular).Width("- ", e.s.Sizes.NoiNhan) }

// closing places the closing block after the body, on one page: when it
// does not fit it moves to a new page, where the body's last lines have
// already gone (flow's tail).
func (e *engine) closing(c closingBlock) {
	if !e.fits(c.gap + c.height) {
		e.newPage()
	} else {
		e.y += c.gap
	}
	pg := e.page()
	for _, it := range c.items {
		shift(it, e.y)
		pg.Items = append(pg.Items, it)
	}
	e.y += c.height
}

// shift moves an item down by dy mm.
func shift(it Item, dy float64) {
	switch it := it.(type) {
	case *Text:
		it.Y += dy
	case *Rule:
		it.Y1 += dy
		it.Y2 += dy
	case *Image:
		it.Y += dy
	}
}
