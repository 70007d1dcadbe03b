package sign

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"

	"baocao/render/document"
	"baocao/render/face"
	"baocao/render/layout"
	"baocao/render/load"
	"baocao/render/pdf"
)

// tool returns the path of an independent verifier, or skips the test.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (.ci/run installs it)", name)
	}
	return p
}

// report renders the Cần Thơ example's báo cáo as baocao does, and the
// places of its signatures.
var report = sync.OnceValues(func() ([]byte, layout.SignatureBoxes) {
	r, err := load.Options{}.File("../../examples/cantho-2021.yaml")
	if err != nil {
		panic(err)
	}
	doc, err := document.Build(r, document.Kinds()[0])
	if err != nil {
		panic(err)
	}
	fam := face.Default()
	s := layout.DefaultSettings()
	pages, err := layout.Layout(doc, fam, s)
	if err != nil {
		panic(err)
	}
	var b bytes.Buffer
	if err := pdf.Write(&b, pages, fam, pdf.Info{Meta: doc.Meta, Created: time.Date(2021, 12, 20, 0, 0, 0, 0, time.UTC)}); err != nil {
		panic(err)
	}
	boxes, ok := layout.FindSignatureBoxes(pages, fam, s)
	if !ok {
		panic("no signature boxes")
	}
	return b.Bytes(), boxes
})

func rect(page int, b layout.Box) *Rect { return &Rect{Page: page, X: b.X, Y: b.Y, W: b.W, H: b.H} }

// picture draws a test image: a blue stroke on transparency (a
// signature) or a red ring (a seal).
func picture(seal bool) []byte {
	w, h := 300, 120
	if seal {
		w, h = 200, 200
	}
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			if seal {
				dx, dy := float64(x-100), float64(y-100)
				if d := dx*dx + dy*dy; d < 98*98 && d > 85*85 || d < 30*30 {
					img.Set(x, y, color.NRGBA{R: 220, A: 255})
				}
			} else if abs(y-60-int(40*sinApprox(float64(x)/25))) < 4 {
				img.Set(x, y, color.NRGBA{B: 200, G: 40, A: 255})
			}
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// sinApprox is a wave, enough to look like a stroke.
func sinApprox(x float64) float64 {
	x -= float64(int(x/6.283)) * 6.283
	if x > 3.1416 {
		return -sinApprox(x - 3.1416)
	}
	return 4 * x * (3.1416 - x) / (3.1416 * 3.1416)
}

// signed is the test report signed by the signer, then by the agency.
func signTwice(t *testing.T, p *pki, tsa string) (orig, once, twice []byte) {
	t.Helper()
	orig, boxes := report()
	at := time.Now()
	once, err := Sign(context.Background(), orig, p.signer, Options{
		Field: SignerField, Rect: rect(boxes.Page, boxes.Signer), Time: at, TSA: tsa,
		Look: Appearance{Look: LookSigner, Image: picture(false)},
	})
	if err != nil {
		t.Fatal(err)
	}
	twice, err = Sign(context.Background(), once, p.agency, Options{
		Field: AgencyField, Rect: rect(boxes.Page, boxes.Agency), Time: at, TSA: tsa,
		Look: Appearance{Look: LookAgency, Image: picture(true), Agency: "Công an thành phố Cần Thơ"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return orig, once, twice
}

func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// pdfsig runs poppler's verifier and returns its report.
func pdfsig(t *testing.T, file string) string {
	t.Helper()
	out, _ := exec.Command(tool(t, "pdfsig"), "-nocert", file).CombinedOutput()
	return string(out)
}

var byteRange = regexp.MustCompile(`/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]`)

// signatures returns, for each signature of b, the bytes it signs and its
// CMS, read by the /ByteRange alone.
func signatures(t *testing.T, b []byte) (signedBytes, cms [][]byte) {
	t.Helper()
	for _, m := range byteRange.FindAllSubmatch(b, -1) {
		var r [4]int
		for i := range r {
			r[i], _ = strconv.Atoi(string(m[i+1]))
		}
		signedBytes = append(signedBytes, append(append([]byte(nil), b[r[0]:r[0]+r[1]]...), b[r[2]:r[2]+r[3]]...))
		h := strings.TrimRight(string(b[r[1]+1:r[2]-1]), "0")
		if len(h)%2 == 1 {
			h += "0"
		}
		d, err := hex.DecodeString(h)
		if err != nil {
			t.Fatal(err)
		}
		// The hex is zero-padded: keep the DER's own length.
		var v asn1.RawValue
		if _, err := asn1.Unmarshal(d, &v); err == nil {
			d = v.FullBytes
		}
		cms = append(cms, d)
	}
	return signedBytes, cms
}

// opensslVerify verifies a detached CMS over data against the test CA.
func opensslVerify(t *testing.T, p *pki, data, cms []byte) error {
	t.Helper()
	dir := t.TempDir()
	df, sf := filepath.Join(dir, "data"), filepath.Join(dir, "sig.der")
	os.WriteFile(df, data, 0o644)
	os.WriteFile(sf, cms, 0o644)
	out, err := exec.Command(tool(t, "openssl"), "cms", "-verify", "-binary", "-inform", "DER", "-in", sf,
		"-content", df, "-CAfile", p.caFile, "-purpose", "any", "-out", os.DevNull).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%v: %s", err, out)
	}
	return nil
}

func opensslPrint(t *testing.T, cms []byte) string {
	t.Helper()
	sf := writeTemp(t, "sig.der", cms)
	out, err := exec.Command(tool(t, "openssl"), "cms", "-cmsout", "-print", "-inform", "DER", "-in", sf).CombinedOutput()
	if err != nil {
		t.Fatalf("openssl cms -print: %v: %s", err, out)
	}
	return string(out)
}

func qpdfCheck(t *testing.T, file string) {
	t.Helper()
	out, err := exec.Command(tool(t, "qpdf"), "--check", file).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check %s: %v\n%s", filepath.Base(file), err, out)
	}
}

// TestTwoSignaturesVerified signs the báo cáo as the signer and then as
// the agency, and has poppler, OpenSSL and qpdf check the result.
func TestTwoSignaturesVerified(t *testing.T) {
	p := newPKI(t)
	orig, once, twice := signTwice(t, p, "")
	if !bytes.HasPrefix(once, orig) || !bytes.HasPrefix(twice, once) {
		t.Fatal("signing changed the bytes it signs: not an incremental update")
	}
	file := writeTemp(t, "signed.pdf", twice)
	out := pdfsig(t, file)
	if n := strings.Count(out, "Signature Validation: Signature is Valid."); n != 2 {
		t.Errorf("pdfsig: %d valid signatures, want 2:\n%s", n, out)
	}
	for _, want := range []string{"Signer Certificate Common Name: Nguyễn Văn A", "Signer Certificate Common Name: Công an thành phố Cần Thơ",
		"Signature Type: ETSI.CAdES.detached", "Signed Ranges", "Total document signed"} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfsig does not say %q:\n%s", want, out)
		}
	}
	qpdfCheck(t, file)
	// The agency's appearance writes its name and the signing time.
	_, boxes := report()
	page := strconv.Itoa(boxes.Page + 1)
	text, err := exec.Command(tool(t, "pdftotext"), "-f", page, "-l", page, file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`Công an thành phố Cần Thơ\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00`).Match(text) {
		t.Errorf("the agency's signature does not show its name and the time in ISO 8601 at +07:00:\n%s", text)
	}
	data, cms := signatures(t, twice)
	if len(cms) != 2 {
		t.Fatalf("%d signatures found by /ByteRange, want 2", len(cms))
	}
	for i := range cms {
		if err := opensslVerify(t, p, data[i], cms[i]); err != nil {
			t.Errorf("openssl cms -verify, signature %d: %v", i+1, err)
		}
		printed := opensslPrint(t, cms[i])
		// PAdES baseline B-B (ETSI EN 319 142-1 §6.3).
		for _, want := range []string{"contentType", "messageDigest", "id-smime-aa-signingCertificateV2"} {
			if !strings.Contains(printed, want) {
				t.Errorf("signature %d has no %s attribute", i+1, want)
			}
		}
		if strings.Contains(printed, "signingTime") {
			t.Errorf("signature %d has a signing-time attribute, which PAdES forbids", i+1)
		}
	}
}

// TestChangedByteInvalid changes one byte the first signature covers:
// every verifier must then find the signature invalid.
func TestChangedByteInvalid(t *testing.T) {
	p := newPKI(t)
	_, _, twice := signTwice(t, p, "")
	bad := bytes.Clone(twice)
	// A digit of the creation date in /Info: the file still reads.
	i := bytes.Index(bad, []byte("(D:2021"))
	if i < 0 {
		t.Fatal("no creation date to change")
	}
	bad[i+6] = '2' // 2021 → 2022
	out := pdfsig(t, writeTemp(t, "changed.pdf", bad))
	if strings.Count(out, "Signature Validation: Signature is Valid.") != 0 || strings.Count(out, "Signature Validation: Digest Mismatch.") != 2 {
		t.Errorf("pdfsig does not find the changed file's signatures invalid:\n%s", out)
	}
	data, cms := signatures(t, bad)
	for i := range cms {
		if err := opensslVerify(t, p, data[i], cms[i]); err == nil {
			t.Errorf("openssl verifies signature %d of a changed file", i+1)
		}
	}
}

// TestTimestamp signs B-T with a local RFC 3161 server: the token is in
// the signature, over its value, and OpenSSL verifies it.
func TestTimestamp(t *testing.T) {
	p := newPKI(t)
	srv := p.tsaServer(t)
	_, _, twice := signTwice(t, p, srv.URL)
	out := pdfsig(t, writeTemp(t, "bt.pdf", twice))
	if n := strings.Count(out, "Signature Validation: Signature is Valid."); n != 2 {
		t.Errorf("pdfsig: %d valid signatures, want 2:\n%s", n, out)
	}
	data, cms := signatures(t, twice)
	for i := range cms {
		if err := opensslVerify(t, p, data[i], cms[i]); err != nil {
			t.Errorf("openssl cms -verify, signature %d: %v", i+1, err)
		}
		if !strings.Contains(opensslPrint(t, cms[i]), "id-smime-aa-timeStampToken") {
			t.Errorf("signature %d has no timestamp token", i+1)
			continue
		}
		sig, tok := signatureAndToken(t, cms[i])
		sum := sha256.Sum256(sig)
		tf := writeTemp(t, "tok.der", tok)
		vout, err := exec.Command(tool(t, "openssl"), "ts", "-verify", "-digest", hex.EncodeToString(sum[:]), "-sha256",
			"-in", tf, "-token_in", "-CAfile", p.caFile).CombinedOutput()
		if err != nil || !strings.Contains(string(vout), "Verification: OK") {
			t.Errorf("openssl ts -verify, signature %d: %v\n%s", i+1, err, vout)
		}
	}
}

// signatureAndToken reads the signature value and its timestamp token
// out of a CMS SignedData.
func signatureAndToken(t *testing.T, cms []byte) (sig, tok []byte) {
	t.Helper()
	var ci contentInfo
	var sd struct {
		Version      int
		Digests      asn1.RawValue
		Encap        asn1.RawValue
		Certificates asn1.RawValue `asn1:"optional,tag:0"`
		SignerInfos  []struct {
			Version   int
			SID       asn1.RawValue
			Digest    asn1.RawValue
			Signed    asn1.RawValue `asn1:"optional,tag:0"`
			SigAlg    asn1.RawValue
			Signature []byte
			Unsigned  []struct {
				Type   asn1.ObjectIdentifier
				Values []asn1.RawValue `asn1:"set"`
			} `asn1:"optional,tag:1"`
		} `asn1:"set"`
	}
	if _, err := asn1.Unmarshal(cms, &ci); err != nil {
		t.Fatal(err)
	}
	if _, err := asn1.Unmarshal(ci.Content.Bytes, &sd); err != nil {
		t.Fatal(err)
	}
	si := sd.SignerInfos[0]
	for _, a := range si.Unsigned {
		if a.Type.Equal(oidTimeStampToken) {
			return si.Signature, a.Values[0].FullBytes
		}
	}
	t.Fatal("no timestamp token")
	return nil, nil
}

// TestOtherPDFs signs files written otherwise than by baocao's writer:
// with object and cross-reference streams (qpdf), and an update made by
// AddFields then signed in its empty fields.
func TestOtherPDFs(t *testing.T) {
	p := newPKI(t)
	orig, boxes := report()
	in := writeTemp(t, "in.pdf", orig)
	streams := filepath.Join(t.TempDir(), "streams.pdf")
	if out, err := exec.Command(tool(t, "qpdf"), "--object-streams=generate", in, streams).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, out)
	}
	withStreams, _ := os.ReadFile(streams)
	fields, err := AddFields(orig, []Field{{SignerField, *rect(boxes.Page, boxes.Signer)}, {AgencyField, *rect(boxes.Page, boxes.Agency)}})
	if err != nil {
		t.Fatal(err)
	}
	qpdfCheck(t, writeTemp(t, "fields.pdf", fields))
	for _, c := range []struct {
		name string
		pdf  []byte
		rect *Rect
	}{
		{"xref-stream", withStreams, rect(boxes.Page, boxes.Signer)},
		{"empty-fields", fields, nil}, // signed in the field AddFields made
	} {
		t.Run(c.name, func(t *testing.T) {
			b, err := Sign(context.Background(), c.pdf, p.signer, Options{Field: SignerField, Rect: c.rect, Look: Appearance{Look: LookSigner, Image: picture(false)}})
			if err != nil {
				t.Fatal(err)
			}
			b, err = Sign(context.Background(), b, p.agency, Options{Field: AgencyField, Rect: rect(boxes.Page, boxes.Agency), Look: Appearance{Look: LookAgency, Image: picture(true), Agency: "Công an thành phố Cần Thơ"}})
			if err != nil {
				t.Fatal(err)
			}
			// The update's cross-reference section is of the file's kind: a
			// stream after a stream, as the file's writer chose.
			last := b[bytes.LastIndex(b, []byte("startxref"))+len("startxref"):]
			off, _ := strconv.Atoi(strings.TrimSpace(string(last[:bytes.Index(last, []byte("%%EOF"))])))
			if isStream := !bytes.HasPrefix(b[off:], []byte("xref")); isStream != (c.name == "xref-stream") {
				t.Errorf("the last cross-reference section is a stream: %v, want %v", isStream, c.name == "xref-stream")
			}
			file := writeTemp(t, "signed.pdf", b)
			out := pdfsig(t, file)
			if n := strings.Count(out, "Signature Validation: Signature is Valid."); n != 2 {
				t.Errorf("pdfsig: %d valid signatures, want 2:\n%s", n, out)
			}
			if strings.Count(out, "Signature #") != 2 {
				t.Errorf("pdfsig lists other than 2 signatures (an empty field left?):\n%s", out)
			}
			qpdfCheck(t, file)
		})
	}
}

// TestRefused checks each mistake a clerk can make is refused with its
// Vietnamese message, and nothing signed.
func TestRefused(t *testing.T) {
	p := newPKI(t)
	orig, boxes := report()
	_, once, _ := signTwice(t, p, "")
	enc := filepath.Join(t.TempDir(), "enc.pdf")
	if out, err := exec.Command(tool(t, "qpdf"), "--encrypt", "u", "o", "256", "--", writeTemp(t, "in.pdf", orig), enc).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, out)
	}
	encrypted, _ := os.ReadFile(enc)
	expired := *p.signer
	expired.Cert = issue(t, &x509.Certificate{
		Subject: pkix.Name{CommonName: "Nguyễn Văn A"}, NotBefore: p.notBefore.Add(-48 * time.Hour), NotAfter: p.notBefore.Add(-24 * time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature,
	}, p.signer.Key, p.ca).Cert
	mismatched := *p.signer
	mismatched.Key = p.agency.Key
	signer := Options{Field: SignerField, Rect: rect(boxes.Page, boxes.Signer)}
	gone := httptest.NewServer(http.NotFoundHandler())
	gone.Close()
	refusing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte{0x30, 0x05, 0x30, 0x03, 0x02, 0x01, 0x02}) // status 2: rejection
	}))
	defer refusing.Close()
	for _, c := range []struct {
		name string
		pdf  []byte
		cred *Credentials
		opt  Options
		want string
	}{
		{"already signed", once, p.signer, Options{Field: SignerField}, "trường chữ ký này đã được ký"},
		{"no field, no place", orig, p.signer, Options{Field: "Khac"}, `tệp không có trường chữ ký "Khac" — hãy chỉ chỗ ký`},
		{"expired", orig, &expired, signer, "đã hết hạn"},
		{"wrong key", orig, &mismatched, signer, "khóa bí mật không khớp với chứng thư số"},
		{"encrypted", encrypted, p.signer, signer, "tệp PDF được mã hóa"},
		{"not a PDF", []byte("hello"), p.signer, signer, "cấu trúc PDF không đọc được: không có startxref — hãy kiểm tra đây là tệp PDF nguyên vẹn"},
		{"truncated", orig[:len(orig)/2], p.signer, signer, "cấu trúc PDF không đọc được"},
		{"no such page", orig, p.signer, Options{Field: SignerField, Rect: &Rect{Page: 9, W: 10, H: 10}}, "không có trang 10"},
		{"timestamp server down", orig, p.signer, Options{Field: SignerField, Rect: signer.Rect, TSA: gone.URL}, "không lấy được dấu thời gian từ " + gone.URL},
		{"timestamp refused", orig, p.signer, Options{Field: SignerField, Rect: signer.Rect, TSA: refusing.URL}, "máy chủ từ chối cấp dấu thời gian (mã 2)"},
		{"bad image", orig, p.signer, Options{Field: SignerField, Rect: signer.Rect, Look: Appearance{Image: []byte("x")}}, "ảnh chữ ký hoặc con dấu không đọc được"},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, err := Sign(context.Background(), c.pdf, c.cred, c.opt)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error with %q", err, c.want)
			}
			if b != nil {
				t.Error("a refused signature returned bytes")
			}
		})
	}
}

// TestLoadPKCS12 reads the credentials from a .p12 file and refuses a
// wrong password and a file without a key.
func TestLoadPKCS12(t *testing.T) {
	p := newPKI(t)
	pfx, err := pkcs12.Modern.Encode(p.signer.Key, p.signer.Cert, p.signer.Chain, "mật-khẩu")
	if err != nil {
		t.Fatal(err)
	}
	c, err := LoadPKCS12(pfx, "mật-khẩu")
	if err != nil || !c.Cert.Equal(p.signer.Cert) || len(c.Chain) != 1 {
		t.Fatalf("LoadPKCS12: %v", err)
	}
	if _, err := LoadPKCS12(pfx, "sai"); err == nil || !strings.Contains(err.Error(), "mật khẩu của tệp chứng thư số không đúng") {
		t.Errorf("wrong password: %v", err)
	}
	trust, err := pkcs12.Modern.EncodeTrustStore([]*x509.Certificate{p.ca.Cert}, "x")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LoadPKCS12(trust, "x"); err == nil || !strings.Contains(err.Error(), "tệp chứng thư số") {
		t.Errorf("no key: %v", err)
	}
}

// minimalPDF writes the smallest ordinary PDF: one empty page of w × h pt,
// its MediaBox on the page tree's root, not the page.
func minimalPDF(w, h int) []byte {
	objs := []string{
		"<</Type /Catalog /Pages 2 0 R>>",
		fmt.Sprintf("<</Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 %d %d]>>", w, h),
		"<</Type /Page /Parent 2 0 R>>",
	}
	b := []byte("%PDF-1.4\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, len(b))
		b = fmt.Appendf(b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := len(b)
	b = fmt.Appendf(b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		b = fmt.Appendf(b, "%010d 00000 n \n", o)
	}
	return fmt.Appendf(b, "trailer\n<</Size %d /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
}

// TestAttachmentLook signs separate attachments, portrait and landscape:
// the number and ký hiệu and the signing time stand at the top right of
// the first page, 15 mm from the right edge, in 10 pt, as pdftotext
// reads them.
func TestAttachmentLook(t *testing.T) {
	p := newPKI(t)
	at := time.Now()
	for _, c := range []struct {
		name  string
		w     int
		build []byte
	}{
		{"portrait", 595, minimalPDF(595, 842)},
		{"landscape", 842, minimalPDF(842, 595)},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := AttachmentRect()
			b, err := Sign(context.Background(), c.build, p.signer, Options{Field: AttachmentField, Rect: &r, Time: at,
				Look: Appearance{Look: LookAttachment, Reference: "05/BC-CAT"}})
			if err != nil {
				t.Fatal(err)
			}
			file := writeTemp(t, "att.pdf", b)
			if n := strings.Count(pdfsig(t, file), "Signature is Valid."); n != 1 {
				t.Errorf("pdfsig: %d valid signatures, want 1", n)
			}
			out, err := exec.Command(tool(t, "pdftotext"), "-bbox", file, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			words := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`).FindAllStringSubmatch(string(out), -1)
			var got []string
			for _, w := range words {
				got = append(got, w[5])
				x2, _ := strconv.ParseFloat(w[3], 64)
				y1, _ := strconv.ParseFloat(w[2], 64)
				y2, _ := strconv.ParseFloat(w[4], 64)
				if right := float64(c.w) - 15*ptPerMM; x2 < right-0.5 || x2 > right+0.5 {
					t.Errorf("%q ends at %.1f pt, want %.1f (15 mm from the right edge)", w[5], x2, right)
				}
				if y2 > 20*ptPerMM || y2-y1 > 12 || y2-y1 < 9 {
					t.Errorf("%q stands at %.1f–%.1f pt from the top: not a 10 pt line at the top", w[5], y1, y2)
				}
			}
			if want := []string{"05/BC-CAT", at.In(time.FixedZone("ICT", 7*3600)).Format(time.RFC3339)}; !slices.Equal(got, want) {
				t.Errorf("the page shows %q, want %q", got, want)
			}
		})
	}
}
