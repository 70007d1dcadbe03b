package main

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"image"
	"image/color"
	"image/png"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"
)

// p12 writes a PKCS#12 file of a self-signed certificate valid until
// notAfter, protected by password, into dir.
func p12(t *testing.T, dir, cn, password string, notAfter time.Time) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: cn},
		NotBefore: notAfter.Add(-48 * time.Hour), NotAfter: notAfter, KeyUsage: x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pfx, err := pkcs12.Modern.Encode(key, cert, nil, password)
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(dir, cn+".p12")
	if err := os.WriteFile(f, pfx, 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}

// disc writes a PNG of a filled disc in c, transparent around it.
func disc(t *testing.T, file string, c color.NRGBA) {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 120, 120))
	for y := range 120 {
		for x := range 120 {
			if (x-60)*(x-60)+(y-60)*(y-60) < 55*55 {
				img.Set(x, y, c)
			}
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// signedExample is the example with a signature and a seal image, in dir.
func signedExample(t *testing.T, dir string) string {
	t.Helper()
	src, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	disc(t, filepath.Join(dir, "chu-ky.png"), color.NRGBA{B: 200, A: 255})
	disc(t, filepath.Join(dir, "con-dau.png"), color.NRGBA{R: 220, A: 255})
	block := "  signer:\n    title: GIÁM ĐỐC\n    rank: Thiếu tướng\n    name: Nguyễn Văn Thuận\n"
	if !strings.Contains(string(src), block) {
		t.Fatal("the example's signer is not as this test expects")
	}
	y := strings.Replace(string(src), block, block+"    signature_image: chu-ky.png\n    seal_image: con-dau.png\n", 1)
	// The example's photos go beside it: a YAML reads only inside its folder.
	if err := os.CopyFS(filepath.Join(dir, "images"), os.DirFS(filepath.Join(filepath.Dir(example), "images"))); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(dir, "hoi-nghi.yaml")
	if err := os.WriteFile(f, []byte(y), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

func pdfsigReport(t *testing.T, file string) string {
	t.Helper()
	p, err := exec.LookPath("pdfsig")
	if err != nil {
		t.Skip("pdfsig is not installed (.ci/run installs poppler-utils)")
	}
	out, _ := exec.Command(p, "-nocert", file).CombinedOutput()
	return string(out)
}

// TestRenderSignThenAgency follows the clerks' way: the report is
// rendered signed by its signer, with the agency's field left empty; the
// văn thư then signs that field with the seal. Both signatures are valid.
func TestRenderSignThenAgency(t *testing.T) {
	dir := t.TempDir()
	yaml := signedExample(t, dir)
	signer := p12(t, dir, "nguoi-ky", "mk người ký", time.Now().Add(24*time.Hour))
	agency := p12(t, dir, "co-quan", "mk cơ quan", time.Now().Add(24*time.Hour))
	pw := filepath.Join(dir, "pw")
	os.WriteFile(pw, []byte("mk người ký\n"), 0o600)
	out := filepath.Join(dir, "out")
	code, _, stderr := runCmd("render", yaml, "--kind", "bao-cao", "-o", out, "--sign", "--p12", signer, "--password-file", pw)
	if code != exitOK {
		t.Fatalf("render --sign: %d\n%s", code, stderr)
	}
	pdf := filepath.Join(out, "hoi-nghi-bao-cao.pdf")
	rep := pdfsigReport(t, pdf)
	if !strings.Contains(rep, "Signature Field Name: ChuKyNguoiKy") || strings.Count(rep, "Signature is Valid.") != 1 ||
		!strings.Contains(rep, "Signature Field Name: ChuKyCoQuan\n  The signature form field is not signed.") {
		t.Fatalf("after render --sign, pdfsig says:\n%s", rep)
	}
	// The signature image is the signature's appearance, not printed on
	// the page as well, and the seal waits for the agency's signature.
	if n := imageCount(t, pdf); n != 1 {
		t.Errorf("after render --sign the file has %d images, want 1: the signer's", n)
	}
	t.Setenv("BAOCAO_TEST_MK", "mk cơ quan")
	code, _, stderr = runCmd("sign", "--field", "ChuKyCoQuan", "--image", filepath.Join(dir, "con-dau.png"), "--agency", "Công an thành phố Cần Thơ",
		"--p12", agency, "--password-env", "BAOCAO_TEST_MK", pdf)
	if code != exitOK {
		t.Fatalf("sign: %d\n%s", code, stderr)
	}
	if rep = pdfsigReport(t, pdf); strings.Count(rep, "Signature is Valid.") != 2 {
		t.Fatalf("after the agency signs, pdfsig says:\n%s", rep)
	}
	if n := imageCount(t, pdf); n != 2 {
		t.Errorf("after the agency signs the file has %d images, want 2: the signature and the seal", n)
	}
	// The same field again: refused, the file kept as it was.
	before, _ := os.ReadFile(pdf)
	code, _, stderr = runCmd("sign", "--field", "ChuKyCoQuan", "--p12", agency, "--password-env", "BAOCAO_TEST_MK", pdf)
	after, _ := os.ReadFile(pdf)
	if code != exitInvalid || !strings.Contains(stderr, `trường chữ ký này đã được ký: "ChuKyCoQuan" — hãy chọn trường khác`) || !bytes.Equal(before, after) {
		t.Errorf("signing a signed field again: %d, file changed %v\n%s", code, !bytes.Equal(before, after), stderr)
	}
}

// TestSignRefused checks the messages of the mistakes of baocao sign,
// each leaving the file as it was.
func TestSignRefused(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if code, _, stderr := runCmd("render", example, "--kind", "bao-cao", "-o", out, "--sign-fields"); code != exitOK {
		t.Fatalf("render --sign-fields: %s", stderr)
	}
	pdf := filepath.Join(out, "cantho-2021-bao-cao.pdf")
	rep := pdfsigReport(t, pdf)
	if strings.Count(rep, "The signature form field is not signed.") != 2 {
		t.Fatalf("render --sign-fields did not leave two empty fields:\n%s", rep)
	}
	good := p12(t, dir, "tot", "đúng", time.Now().Add(24*time.Hour))
	old := p12(t, dir, "cu", "đúng", time.Now().Add(-24*time.Hour))
	t.Setenv("BAOCAO_TEST_MK", "đúng")
	t.Setenv("BAOCAO_TEST_SAI", "sai")
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"wrong password", []string{"--p12", good, "--password-env", "BAOCAO_TEST_SAI"}, exitInvalid, "mật khẩu của tệp chứng thư số không đúng — hãy nhập lại mật khẩu"},
		{"expired", []string{"--p12", old, "--password-env", "BAOCAO_TEST_MK"}, exitInvalid, "đã hết hạn từ"},
		{"no certificate", nil, exitInvalid, "chưa chỉ tệp chứng thư số — hãy thêm --p12"},
		{"no such field", []string{"--field", "Khac", "--p12", good, "--password-env", "BAOCAO_TEST_MK"}, exitInvalid, `tệp không có trường chữ ký "Khac" — hãy chỉ chỗ ký`},
		{"bad rect", []string{"--rect", "0,1,2,3,4", "--p12", good, "--password-env", "BAOCAO_TEST_MK"}, exitUsage, "trang phải là số nguyên từ 1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, _ := os.ReadFile(pdf)
			code, _, stderr := runCmd(append(append([]string{"sign"}, c.args...), pdf)...)
			after, _ := os.ReadFile(pdf)
			if code != c.code || !strings.Contains(stderr, c.want) {
				t.Errorf("got %d, want %d with %q:\n%s", code, c.code, c.want, stderr)
			}
			if !bytes.Equal(before, after) {
				t.Error("a refused signature changed the file")
			}
		})
	}
}

// imageCount is the number of images pdfimages finds in file, in its
// pages and their annotations' appearances, transparency masks aside.
func imageCount(t *testing.T, file string) int {
	t.Helper()
	p, err := exec.LookPath("pdfimages")
	if err != nil {
		t.Skip("pdfimages is not installed (.ci/run installs poppler-utils)")
	}
	out, err := exec.Command(p, "-list", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range strings.Split(string(out), "\n") {
		if f := strings.Fields(l); len(f) > 2 && f[2] == "image" {
			n++
		}
	}
	return n
}
