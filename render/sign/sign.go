// Package sign signs finished PDFs as PAdES baseline signatures (ETSI EN
// 319 142-1): B-B, and B-T when a timestamp server is given, with the
// visible appearance Nghị định 30/2020 (Phụ lục I) gives electronic
// documents; and adds the empty signature fields agencies sign with their
// own token software.
//
// It works on the bytes of any ordinary PDF, not only baocao's, by an
// incremental update (ISO 32000-1 §7.5.6): the file's bytes are kept as
// they are and the new objects are appended after them, with a
// cross-reference section of the file's kind (table or stream). A second
// signature is a second update, so the first stays valid.
//
// The fields baocao writes are named
//
//	ChuKyNguoiKy  the signer's signature, between the chức vụ and the name
//	ChuKyCoQuan   the agency's (the seal), over the left third of the signer's
//	ChuKyDinhKem  a separate attachment's, at the top right of its first page
//
// and a signature goes into the field of its name when the file has it.
package sign

import (
	"bytes"
	"context"
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"time"
	"unicode/utf16"
)

// The names of the signature fields baocao writes.
const (
	SignerField     = "ChuKyNguoiKy"
	AgencyField     = "ChuKyCoQuan"
	AttachmentField = "ChuKyDinhKem"
)

// Rect is a field's place: on page Page (0-based), the box X, Y (top
// left), W × H in mm from the page's top-left corner, as layout measures.
type Rect struct {
	Page       int
	X, Y, W, H float64
	// FromRight measures X from the page's right edge to the box's right
	// side, for a place that stays at the right of a landscape page.
	FromRight bool
}

// AttachmentRect is where the signature of a separate attachment is
// shown: its first page's top right, 15 mm from the right edge (the
// decree's right margin), a box 80 mm wide for two lines of 10 pt text
// 8 mm below the top, above where a document's first line stands.
func AttachmentRect() Rect { return Rect{Page: 0, X: 15, Y: 8, W: 80, H: 10, FromRight: true} }

// Field is an empty signature field.
type Field struct {
	Name string
	Rect Rect
}

// Credentials are who signs: a certificate, the issuers to carry with it,
// and the private key — a software key or a token's, through
// crypto.Signer.
type Credentials struct {
	Cert  *x509.Certificate
	Chain []*x509.Certificate
	Key   crypto.Signer
}

// Options say how to sign.
type Options struct {
	// Field is the name of the field to sign. A field of that name in the
	// file is signed; else one is made at Rect.
	Field string
	Rect  *Rect
	Look  Appearance
	// Time is the claimed signing time; zero is now.
	Time time.Time
	// TSA is the URL of an RFC 3161 timestamp server: the signature is
	// then B-T. Client sends the request; nil gives up after 30 s.
	TSA    string
	Client *http.Client
	// Reason and Location are written into the signature dictionary.
	Reason, Location string
}

// The errors a clerk can cause. Their text is Vietnamese: each says what
// is wrong and what to do.
var (
	errEncrypted     = errors.New("tệp PDF được mã hóa (đặt mật khẩu) — hãy gỡ mật khẩu của tệp rồi ký lại")
	errImage         = errors.New("ảnh chữ ký hoặc con dấu không đọc được — hãy dùng tệp PNG hoặc JPEG nguyên vẹn")
	ErrAlreadySigned = errors.New("trường chữ ký này đã được ký")
)

// Sign signs pdf with cred as opt says and returns the signed file.
func Sign(ctx context.Context, pdf []byte, cred *Credentials, opt Options) ([]byte, error) {
	if err := checkCredentials(cred, opt.Time); err != nil {
		return nil, err
	}
	b, err := sign(ctx, pdf, cred, opt)
	return b, explain(err)
}

// explain adds what to do to an error about the file's structure.
func explain(err error) error {
	if errors.Is(err, errSyntax) {
		return fmt.Errorf("%w — hãy kiểm tra đây là tệp PDF nguyên vẹn (mở được bằng trình đọc PDF), hoặc xuất lại tệp PDF", err)
	}
	return err
}

func sign(ctx context.Context, pdf []byte, cred *Credentials, opt Options) ([]byte, error) {
	f, err := readFile(pdf)
	if err != nil {
		return nil, err
	}
	u := newUpdate(f)
	t := opt.Time
	if t.IsZero() {
		t = time.Now()
	}
	fr, err := u.field(opt.Field, opt.Rect)
	if err != nil {
		return nil, err
	}
	ap, err := opt.Look.form(u, fr.w, fr.h, t)
	if err != nil {
		return nil, err
	}
	reserve := 8192 + len(cred.Cert.Raw)
	for _, c := range cred.Chain {
		reserve += len(c.Raw)
	}
	if opt.TSA != "" {
		reserve += 16384 // a token with the TSA's certificate chain
	}
	sig := dict{
		"Type": name("Sig"), "Filter": name("Adobe.PPKLite"), "SubFilter": name("ETSI.CAdES.detached"),
		"M":         pdfStr(pdfDate(t)),
		"Name":      pdfText(cred.Cert.Subject.CommonName),
		"ByteRange": raw(byteRangePlaceholder),
		"Contents":  raw("<" + string(bytes.Repeat([]byte("0"), 2*reserve)) + ">"),
	}
	if opt.Reason != "" {
		sig["Reason"] = pdfText(opt.Reason)
	}
	if opt.Location != "" {
		sig["Location"] = pdfText(opt.Location)
	}
	sigRef := u.add(sig)
	fr.widget["V"] = sigRef
	fr.widget["AP"] = dict{"N": ap}
	u.set(fr.num, fr.widget)

	out, offsets := u.bytes()
	return sealBytes(ctx, out, offsets[sigRef.num], cred, opt)
}

// tsaClient asks timestamp servers when Options.Client is nil: a server
// that does not answer is given up after a while, not waited for forever.
var tsaClient = &http.Client{Timeout: 30 * time.Second}

// byteRangePlaceholder is wide enough for any three offsets of a file
// under 10 GB; the numbers written over it are padded with spaces.
const byteRangePlaceholder = "[0 0000000000 0000000000 0000000000]"

// sealBytes fills the signature dictionary at off in b: its /ByteRange,
// then the CMS over those ranges into /Contents.
func sealBytes(ctx context.Context, b []byte, off int, cred *Credentials, opt Options) ([]byte, error) {
	obj := b[off:]
	br := bytes.Index(obj, []byte(byteRangePlaceholder))
	ct := bytes.Index(obj, []byte("/Contents <"))
	if br < 0 || ct < 0 {
		return nil, errors.New("sign: placeholders not found") // this package wrote them
	}
	br += off
	start := off + ct + len("/Contents ")
	end := start + bytes.IndexByte(b[start:], '>') + 1
	ranges := fmt.Sprintf("[0 %d %d %d]", start, end, len(b)-end)
	if len(ranges) > len(byteRangePlaceholder) {
		return nil, errors.New("tệp PDF lớn hơn 10 GB, baocao không ký được — hãy tách thành nhiều tệp")
	}
	copy(b[br:], ranges+string(bytes.Repeat([]byte(" "), len(byteRangePlaceholder)-len(ranges))))
	h := sha256.New()
	h.Write(b[:start])
	h.Write(b[end:])
	sd := &signedData{signer: cred.Key, cert: cred.Cert, chain: cred.Chain, contentType: oidData, digest: h.Sum(nil)}
	if opt.TSA != "" {
		client := opt.Client
		if client == nil {
			client = tsaClient
		}
		sd.unsigned = func(sig []byte) ([]attribute, error) {
			tok, err := timestamp(ctx, client, opt.TSA, sig)
			if err != nil {
				return nil, fmt.Errorf("không lấy được dấu thời gian từ %s (%w) — hãy kiểm tra địa chỉ máy chủ dấu thời gian và kết nối mạng, hoặc ký không có --tsa", opt.TSA, err)
			}
			return []attribute{{oidTimeStampToken, [][]byte{tok}}}, nil
		}
	}
	cms, err := sd.build()
	if err != nil {
		if errors.Is(err, errTSA) {
			return nil, err
		}
		return nil, keyError(err)
	}
	if 2*len(cms) > end-start-2 {
		return nil, fmt.Errorf("sign: the signature takes %d bytes, more than the %d reserved", len(cms), (end-start-2)/2)
	}
	copy(b[start+1:], bytes.ToUpper([]byte(hex.EncodeToString(cms))))
	return b, nil
}

// pdfDate writes t as a PDF date (§7.9.4) in Vietnam time.
func pdfDate(t time.Time) string {
	return t.In(vietnam).Format("D:20060102150405+07'00'")
}

// fieldRef is the widget of the field being signed: its object number,
// its dictionary (to be written back) and its size in pt.
type fieldRef struct {
	num    int
	widget dict
	w, h   float64
}

// field finds the signature field named fieldName, or makes it at rect,
// and prepares the catalog, AcroForm and page for it.
func (u *update) field(fieldName string, rect *Rect) (*fieldRef, error) {
	f := u.f
	rootRef := f.trailer["Root"].(ref)
	root, err := f.dictAt(rootRef)
	if err != nil {
		return nil, err
	}
	root = clone(root)
	var form dict
	formRef, formIsRef := root["AcroForm"].(ref)
	if root["AcroForm"] != nil {
		if form, err = f.dictAt(root["AcroForm"]); err != nil {
			return nil, err
		}
	}
	form = clone(form)
	if form == nil {
		form = dict{}
	}
	fieldsV, err := f.resolve(form["Fields"])
	if err != nil {
		return nil, err
	}
	fields, _ := fieldsV.(array)
	fields = append(array(nil), fields...)
	form["SigFlags"] = num(3) // signatures exist; append only

	fr, err := u.findField(fields, fieldName)
	if err != nil {
		return nil, err
	}
	if fr == nil {
		if rect == nil {
			return nil, fmt.Errorf("tệp không có trường chữ ký %q — hãy chỉ chỗ ký (ví dụ --rect 1,115,200,80,30) hoặc chọn trường có sẵn", fieldName)
		}
		if fr, err = u.newField(fieldName, *rect); err != nil {
			return nil, err
		}
		fields = append(fields, ref{fr.num, 0})
	}
	form["Fields"] = fields
	if formIsRef {
		u.set(formRef.num, form)
	} else {
		root["AcroForm"] = form
		u.set(rootRef.num, root)
	}
	return fr, nil
}

// maxFields bounds the walk of a form's fields.
const maxFields = 100000

// findField returns the field named fieldName among fields (and their
// kids, by their full names), nil if there is none.
func (u *update) findField(fields array, fieldName string) (*fieldRef, error) {
	type item struct {
		v      any
		prefix string
	}
	queue := make([]item, 0, len(fields))
	for _, v := range fields {
		queue = append(queue, item{v, ""})
	}
	seen := map[ref]bool{}
	for n := 0; len(queue) > 0 && n < maxFields; n++ {
		it := queue[0]
		queue = queue[1:]
		r, ok := it.v.(ref)
		if !ok || seen[r] {
			continue
		}
		seen[r] = true
		d, err := u.f.dictAt(r)
		if err != nil {
			return nil, err
		}
		full := it.prefix
		if t, ok := d["T"].(pdfStr); ok {
			if full != "" {
				full += "."
			}
			full += textOf(t)
		}
		if kids, ok := d["Kids"].(array); ok && full != fieldName {
			for _, k := range kids {
				queue = append(queue, item{k, full})
			}
			continue
		}
		if full != fieldName {
			continue
		}
		if d["FT"] != name("Sig") {
			return nil, fmt.Errorf("trường %q không phải trường chữ ký — hãy chọn trường chữ ký khác", fieldName)
		}
		if d["V"] != nil && d["V"] != keyword("null") {
			return nil, fmt.Errorf("%w: %q — hãy chọn trường khác (--field) hoặc ký vào tệp chưa ký", ErrAlreadySigned, fieldName)
		}
		if _, ok := d["Kids"]; ok {
			return nil, fmt.Errorf("trường chữ ký %q có nhiều hình hiển thị, baocao chưa ký được — hãy ký bằng phần mềm khác hoặc chọn trường khác", fieldName)
		}
		rect, _ := d["Rect"].(array)
		var c [4]float64
		for i := range c {
			if i < len(rect) {
				c[i], _ = floatOf(rect[i])
			}
		}
		return &fieldRef{num: r.num, widget: clone(d), w: abs64(c[2] - c[0]), h: abs64(c[3] - c[1])}, nil
	}
	return nil, nil
}

// newField makes a signature field and its widget, one object, at rect,
// and adds the widget to its page's annotations.
func (u *update) newField(fieldName string, r Rect) (*fieldRef, error) {
	pages, err := u.f.pages()
	if err != nil {
		return nil, err
	}
	if r.Page < 0 || r.Page >= len(pages) {
		return nil, fmt.Errorf("tệp chỉ có %d trang, không có trang %d để đặt chữ ký — hãy chọn trang khác", len(pages), r.Page+1)
	}
	if r.W <= 0 || r.H <= 0 {
		return nil, errors.New("chỗ ký phải có chiều rộng và chiều cao lớn hơn 0 — hãy sửa --rect")
	}
	pr := pages[r.Page]
	page, err := u.f.dictAt(pr)
	if err != nil {
		return nil, err
	}
	page = clone(page)
	box, err := u.f.mediaBox(page)
	if err != nil {
		return nil, err
	}
	w, h := r.W*ptPerMM, r.H*ptPerMM
	x1 := box[0] + r.X*ptPerMM
	if r.FromRight {
		x1 = box[2] - r.X*ptPerMM - w
	}
	y2 := box[3] - r.Y*ptPerMM
	n := u.reserve(1)
	widget := dict{
		"Type": name("Annot"), "Subtype": name("Widget"), "FT": name("Sig"),
		"T": pdfText(fieldName), "F": num(132), // print, locked
		"Rect": array{realNum(x1), realNum(y2 - h), realNum(x1 + w), realNum(y2)},
		"P":    pr,
	}
	annotsV, err := u.f.resolve(page["Annots"])
	if err != nil {
		return nil, err
	}
	annots, _ := annotsV.(array)
	page["Annots"] = append(append(array(nil), annots...), ref{n, 0})
	u.set(pr.num, page)
	return &fieldRef{num: n, widget: widget, w: w, h: h}, nil
}

// AddFields adds empty signature fields to pdf, for signing later with
// baocao or an agency's own token software.
func AddFields(pdf []byte, fields []Field) ([]byte, error) {
	b, err := addFields(pdf, fields)
	return b, explain(err)
}

func addFields(pdf []byte, fields []Field) ([]byte, error) {
	f, err := readFile(pdf)
	if err != nil {
		return nil, err
	}
	u := newUpdate(f)
	for _, fd := range fields {
		fr, err := u.field(fd.Name, &fd.Rect)
		if err != nil {
			return nil, err
		}
		// An empty appearance: the field shows nothing until signed.
		fr.widget["AP"] = dict{"N": u.add(stream{dict: dict{
			"Type": name("XObject"), "Subtype": name("Form"),
			"BBox": array{num(0), num(0), realNum(fr.w), realNum(fr.h)},
		}})}
		u.set(fr.num, fr.widget)
		// Later fields see this one's page and form as updated.
		for n, o := range u.objs {
			f.cache[n] = o
		}
	}
	out, _ := u.bytes()
	return out, nil
}

// mediaBox returns the page's media box, inherited from its parents if
// need be (§7.7.3.4).
func (f *file) mediaBox(page dict) ([4]float64, error) {
	d := page
	for range maxDepth {
		if mb, err := f.resolve(d["MediaBox"]); err == nil {
			if a, ok := mb.(array); ok && len(a) == 4 {
				var box [4]float64
				for i := range box {
					v, ok := floatOf(a[i])
					if !ok {
						return box, fmt.Errorf("%w: /MediaBox sai", errSyntax)
					}
					box[i] = v
				}
				return box, nil
			}
		}
		parent, ok := d["Parent"].(ref)
		if !ok {
			break
		}
		p, err := f.dictAt(parent)
		if err != nil {
			return [4]float64{}, err
		}
		d = p
	}
	return [4]float64{0, 0, 595.28, 841.89}, nil // A4, when the file does not say
}

func clone(d dict) dict {
	if d == nil {
		return nil
	}
	c := make(dict, len(d))
	for k, v := range d {
		c[k] = v
	}
	return c
}

func abs64(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// textOf decodes a PDF text string: UTF-16BE with its mark, else taken
// as Latin-1 (PDFDocEncoding differs only in rare symbols).
func textOf(s pdfStr) string {
	if len(s) >= 2 && s[0] == 0xfe && s[1] == 0xff {
		var us []uint16
		for i := 2; i+1 < len(s); i += 2 {
			us = append(us, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return string(utf16.Decode(us))
	}
	rs := make([]rune, len(s))
	for i, c := range s {
		rs[i] = rune(c)
	}
	return string(rs)
}
