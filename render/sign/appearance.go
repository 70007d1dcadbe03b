package sign

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // seal and signature images may be JPEGs
	_ "image/png"  // and PNGs
	"strings"
	"time"
	"unicode/utf16"

	"baocao/render/face"
	"baocao/render/layout"
	"baocao/render/pdf"
)

// Look is what a signature shows on its page (Nghị định 30, Phụ lục I).
type Look int

const (
	// LookSigner shows the signer's signature image (blue, transparent
	// PNG) centred in the field.
	LookSigner Look = iota
	// LookAgency shows the seal image (red, real size) at the field's top
	// left and, at its bottom left, the agency's name and the signing
	// time in 10 pt upright.
	LookAgency
	// LookAttachment, for a separate attachment file, shows no image:
	// the number and ký hiệu of the document and the signing time, in
	// 10 pt upright, set right in the field (at the top right of the
	// first page: AttachmentRect).
	LookAttachment
	// LookNone shows nothing: the signature of an annex in the same file.
	LookNone
)

// Appearance is what a signature shows.
type Appearance struct {
	Look Look
	// Image is the signature (LookSigner) or the seal (LookAgency), PNG
	// or JPEG.
	Image []byte
	// ImageW and ImageH are the image's printed size in mm; zero fits a
	// signature to the field, and gives a seal the size the closing block
	// prints it at (layout.SealSize): its real size, or 36 mm across.
	ImageW, ImageH float64
	// Agency is the agency's name (LookAgency).
	Agency string
	// Reference is the number and ký hiệu, "05/BC-CAT" (LookAttachment).
	Reference string
	// Face sets the text; nil is the embedded Liberation Serif.
	Face *face.Face
}

// textSize is the size of the text of the agency and attachment looks.
const textSize = 10.0

const ptPerMM = 72 / 25.4

// vietnam is the time zone the signing time is written in.
var vietnam = time.FixedZone("+07:00", 7*3600)

// SigningTime writes t as the decree asks: ISO 8601 in Vietnam's time zone.
func SigningTime(t time.Time) string { return t.In(vietnam).Format("2006-01-02T15:04:05-07:00") }

// lines are the text lines of the look, top to bottom.
func (a Appearance) lines(t time.Time) []string {
	switch a.Look {
	case LookAgency:
		return []string{a.Agency, SigningTime(t)}
	case LookAttachment:
		return []string{a.Reference, SigningTime(t)}
	}
	return nil
}

// form builds the appearance stream, w × h pt, of a signed at t: a form
// XObject, with the objects it needs added to u.
func (a Appearance) form(u *update, w, h float64, t time.Time) (ref, error) {
	var content bytes.Buffer
	xobjects, fonts := dict{}, dict{}
	if a.Image != nil && (a.Look == LookSigner || a.Look == LookAgency) {
		im, iw, ih, err := imageObject(u, a.Image)
		if err != nil {
			return ref{}, err
		}
		var dw, dh, x, y float64
		if a.Look == LookSigner {
			// Fit, centred, never beyond the size asked for.
			scale := min(w/iw, h/ih)
			if a.ImageW > 0 {
				scale = min(scale, a.ImageW*ptPerMM/iw)
			}
			dw, dh = iw*scale, ih*scale
			x, y = (w-dw)/2, (h-dh)/2
		} else {
			mw, mh := a.ImageW, a.ImageH
			if mw <= 0 || mh <= 0 {
				if mw, mh, err = layout.SealSize(a.Image); err != nil {
					return ref{}, errImage
				}
			}
			dw, dh = mw*ptPerMM, mh*ptPerMM
			x, y = 0, h-dh
		}
		xobjects["Im1"] = im
		fmt.Fprintf(&content, "q %.2f 0 0 %.2f %.2f %.2f cm /Im1 Do Q\n", dw, dh, x, y)
	}
	if lines := a.lines(t); lines != nil {
		f := a.Face
		if f == nil {
			f = face.Default().Face(face.Regular)
		}
		tf := pdf.NewTextFont(f)
		lh := textSize * 1.15
		for i, l := range lines {
			hex, width := tf.Show(l)
			tw := float64(width) * textSize / 1000
			x := 0.0
			if a.Look == LookAttachment {
				x = w - tw
			}
			y := h - float64(i+1)*lh + textSize*0.2
			if a.Look == LookAgency {
				y = float64(len(lines)-i-1)*lh + textSize*0.25
			}
			fmt.Fprintf(&content, "BT /F1 %.1f Tf 0 g %.2f %.2f Td <%s> Tj ET\n", textSize, x, y, hex)
		}
		objs, err := tf.Objects(u.next)
		if err != nil {
			return ref{}, err
		}
		first := u.reserve(len(objs))
		for i, o := range objs {
			u.set(first+i, raw(o))
		}
		fonts["F1"] = ref{first, 0}
	}
	res := dict{}
	if len(xobjects) > 0 {
		res["XObject"] = xobjects
	}
	if len(fonts) > 0 {
		res["Font"] = fonts
	}
	return u.add(stream{dict: dict{
		"Type": name("XObject"), "Subtype": name("Form"),
		"BBox":      array{num(0), num(0), realNum(w), realNum(h)},
		"Resources": res,
	}, data: content.Bytes()}), nil
}

// maxPixels bounds a signature or seal image.
const maxPixels = 10000 * 10000

// imageObject adds a PNG or JPEG as an RGB image with its transparency
// as a soft mask, and returns it with its size in pixels.
func imageObject(u *update, data []byte) (ref, float64, float64, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxPixels {
		return ref{}, 0, 0, errImage
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return ref{}, 0, 0, errImage
	}
	b := img.Bounds()
	rgb := make([]byte, 0, 3*b.Dx()*b.Dy())
	alpha := make([]byte, 0, b.Dx()*b.Dy())
	opaque := true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			rgb = append(rgb, c.R, c.G, c.B)
			alpha = append(alpha, c.A)
			opaque = opaque && c.A == 255
		}
	}
	d := dict{
		"Type": name("XObject"), "Subtype": name("Image"),
		"Width": num(b.Dx()), "Height": num(b.Dy()),
		"ColorSpace": name("DeviceRGB"), "BitsPerComponent": num(8),
		"Filter": name("FlateDecode"),
	}
	if !opaque {
		d["SMask"] = u.add(stream{dict: dict{
			"Type": name("XObject"), "Subtype": name("Image"),
			"Width": num(b.Dx()), "Height": num(b.Dy()),
			"ColorSpace": name("DeviceGray"), "BitsPerComponent": num(8),
			"Filter": name("FlateDecode"),
		}, data: deflate(alpha)})
	}
	return u.add(stream{dict: d, data: deflate(rgb)}), float64(b.Dx()), float64(b.Dy()), nil
}

func deflate(b []byte) []byte {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(b) // a bytes.Buffer does not fail
	zw.Close()
	return z.Bytes()
}

// pdfText encodes s as a PDF text string: UTF-16BE with its byte-order
// mark when it is not ASCII.
func pdfText(s string) pdfStr {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 }) {
		return pdfStr(s)
	}
	out := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return out
}
