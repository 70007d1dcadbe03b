package sign

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"errors"
	"fmt"
	"time"

	"software.sslmate.com/src/go-pkcs12"
)

// LoadPKCS12 reads a PKCS#12 (.p12, .pfx) file: the certificate, its
// issuers and the private key.
func LoadPKCS12(data []byte, password string) (*Credentials, error) {
	key, cert, chain, err := pkcs12.DecodeChain(data, password)
	switch {
	case errors.Is(err, pkcs12.ErrIncorrectPassword):
		return nil, errors.New("mật khẩu của tệp chứng thư số không đúng — hãy nhập lại mật khẩu (từ tệp --password-file hoặc biến môi trường --password-env)")
	case err != nil && cert == nil:
		return nil, fmt.Errorf("tệp chứng thư số không đọc được (%v) — hãy dùng tệp .p12 hoặc .pfx có chứng thư và khóa bí mật, xuất từ phần mềm của nhà cung cấp chữ ký số", err)
	}
	signer, ok := key.(crypto.Signer)
	if !ok || key == nil {
		return nil, errors.New("tệp chứng thư số không có khóa bí mật — hãy xuất lại tệp .p12 kèm khóa bí mật")
	}
	return &Credentials{Cert: cert, Chain: chain, Key: signer}, nil
}

// checkCredentials refuses a certificate that cannot make a valid
// signature at t (zero: now): expired, not yet valid, not for signing, or
// whose key is not the certificate's.
func checkCredentials(c *Credentials, t time.Time) error {
	if c == nil || c.Cert == nil || c.Key == nil {
		return errors.New("chưa có chứng thư số và khóa bí mật — hãy chỉ tệp .p12 bằng --p12")
	}
	if t.IsZero() {
		t = time.Now()
	}
	cert := c.Cert
	if t.After(cert.NotAfter) {
		return fmt.Errorf("chứng thư số của %q đã hết hạn từ %s — hãy gia hạn hoặc dùng chứng thư còn hạn", cert.Subject.CommonName, SigningTime(cert.NotAfter))
	}
	if t.Before(cert.NotBefore) {
		return fmt.Errorf("chứng thư số của %q chỉ có hiệu lực từ %s — hãy kiểm tra đồng hồ máy tính hoặc chờ đến ngày đó", cert.Subject.CommonName, SigningTime(cert.NotBefore))
	}
	if cert.KeyUsage != 0 && cert.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		return fmt.Errorf("chứng thư số của %q không dùng để ký (KeyUsage) — hãy dùng chứng thư ký số", cert.Subject.CommonName)
	}
	if !samePublicKey(cert.PublicKey, c.Key.Public()) {
		return errors.New("khóa bí mật không khớp với chứng thư số — hãy dùng tệp .p12 có đúng cặp chứng thư và khóa")
	}
	return nil
}

func samePublicKey(a, b crypto.PublicKey) bool {
	type equaler interface{ Equal(crypto.PublicKey) bool }
	switch a.(type) {
	case *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey:
		e, ok := a.(equaler)
		return ok && e.Equal(b)
	}
	return false
}

// keyError explains a failure of the key to sign.
func keyError(err error) error {
	if errors.Is(err, errUnsupportedKey) {
		return errors.New("loại khóa của chứng thư số chưa được hỗ trợ — hãy dùng chứng thư RSA, ECDSA hoặc Ed25519")
	}
	return fmt.Errorf("khóa bí mật không ký được (%v) — hãy kiểm tra thiết bị ký hoặc tệp chứng thư", err)
}
