package layout

import "baocao/render/face"

// Box is a rectangle in mm from the page's top-left corner.
type Box struct{ X, Y, W, H float64 }

// SignatureBoxes are the places of the two digital signatures of a
// document (Nghị định 30, Phụ lục I, chữ ký số), on page Page (0-based):
// the signer's in the space between the chức vụ and the name, the width of
// the signature column; the agency's from the top-left corner of the seal
// — over the left third of the signer's signature, at real size — to the
// column's right edge and two 10 pt lines below the name, where its
// appearance writes the agency and the signing time.
type SignatureBoxes struct {
	Page           int
	Signer, Agency Box
}

// agencyLines is the height kept under the name for the agency's two
// lines of 10 pt text.
var agencyLines = 2*lineHeight(10) + imagePad

// FindSignatureBoxes returns the signature boxes of pages laid out with
// fam and s, or false when they have no signer's name. Of several names
// (a biên bản's THƯ KÝ and CHỦ TỌA) the last, the chair's, is taken. A
// signature or seal image laid out on the page gives its box; else the
// boxes are those the images would take.
func FindSignatureBoxes(pages []*Page, fam *face.Family, s Settings) (SignatureBoxes, bool) {
	for p := len(pages) - 1; p >= 0; p-- {
		pg := pages[p]
		var name, pos *Text
		var sigImg, seal *Image
		for _, it := range pg.Items {
			switch it := it.(type) {
			case *Text:
				if it.Role == RoleSigner {
					name = it
				}
			case *Image:
				switch it.Role {
				case RoleSignImage:
					sigImg = it
				case RoleSeal:
					seal = it
				}
			}
		}
		if name == nil {
			continue
		}
		cx := name.X + name.Width/2
		// The chức vụ is the lowest position line above the name, in its column.
		for _, it := range pg.Items {
			if t, ok := it.(*Text); ok && t.Role == RolePosition && t.Y < name.Y && t.X <= cx && cx <= t.X+t.Width && (pos == nil || t.Y > pos.Y) {
				pos = t
			}
		}
		size := name.Size
		asc, lh := fam.Face(face.Regular).Ascent(size), lineHeight(size)
		top := name.Y - asc - signatureSpace + lh + imagePad
		if pos != nil {
			top = pos.Y - asc + lh + imagePad
		}
		bottom := name.Y - asc - imagePad
		half := min(pg.Width-s.Margins.Right-cx, cx-s.Margins.Left-closingLeftWidth)
		half = max(half, nominalSignature/2)
		b := SignatureBoxes{Page: p, Signer: Box{X: cx - half, Y: top, W: 2 * half, H: bottom - top}}

		sx, sw := cx-nominalSignature/2, nominalSignature
		if sigImg != nil {
			sx, sw = sigImg.X, sigImg.W
		}
		sb := Box{X: max(cx-half, sx+sw*sealOverlap-sealDiameter), Y: (top+bottom)/2 - sealDiameter/2, W: sealDiameter, H: sealDiameter}
		if seal != nil {
			sb = Box{X: seal.X, Y: seal.Y, W: seal.W, H: seal.H}
		}
		// The agency's lines go under both the seal and the name.
		b.Agency = Box{X: sb.X, Y: sb.Y, W: cx + half - sb.X, H: max(sb.H, name.Y-asc+lh-sb.Y) + agencyLines}
		return b, true
	}
	return SignatureBoxes{}, false
}
