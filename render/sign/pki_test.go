package sign

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// pki is a certification authority made for a test, with the signer's,
// the agency's and a timestamp server's certificates it issued.
type pki struct {
	ca                *Credentials
	signer, agency    *Credentials
	tsa               *Credentials
	caFile            string // the CA certificate, PEM, for openssl
	notBefore, expiry time.Time
}

var serial int64

func issue(t testing.TB, tmpl *x509.Certificate, key crypto.Signer, parent *Credentials) *Credentials {
	t.Helper()
	serial++
	tmpl.SerialNumber = big.NewInt(serial)
	issuer, issuerKey := tmpl, key
	var chain []*x509.Certificate
	if parent != nil {
		issuer, issuerKey = parent.Cert, parent.Key
		chain = []*x509.Certificate{parent.Cert}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, issuer, key.Public(), issuerKey)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return &Credentials{Cert: cert, Chain: chain, Key: key}
}

func newPKI(t testing.TB) *pki {
	t.Helper()
	p := &pki{notBefore: time.Now().Add(-time.Hour), expiry: time.Now().Add(24 * time.Hour)}
	rsaKey := func() crypto.Signer {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	p.ca = issue(t, &x509.Certificate{
		Subject: pkix.Name{CommonName: "CA thử nghiệm baocao"}, NotBefore: p.notBefore, NotAfter: p.expiry.Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}, rsaKey(), nil)
	leaf := func(cn string, key crypto.Signer, ext []pkix.Extension) *Credentials {
		return issue(t, &x509.Certificate{
			Subject: pkix.Name{CommonName: cn, Country: []string{"VN"}}, NotBefore: p.notBefore, NotAfter: p.expiry,
			KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment, ExtraExtensions: ext,
		}, key, p.ca)
	}
	p.signer = leaf("Nguyễn Văn A", rsaKey(), nil)
	p.agency = leaf("Công an thành phố Cần Thơ", ecKey, nil)
	// RFC 3161 §2.3: a TSA's certificate has the one, critical, extended
	// key usage timeStamping.
	eku, err := asn1.Marshal([]asn1.ObjectIdentifier{{1, 3, 6, 1, 5, 5, 7, 3, 8}})
	if err != nil {
		t.Fatal(err)
	}
	p.tsa = leaf("TSA thử nghiệm", rsaKey(), []pkix.Extension{{Id: asn1.ObjectIdentifier{2, 5, 29, 37}, Critical: true, Value: eku}})
	p.caFile = filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(p.caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: p.ca.Cert.Raw}), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// tsaServer is an RFC 3161 server for the test, signing with p.tsa.
func (p *pki) tsaServer(t *testing.T) *httptest.Server {
	t.Helper()
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var req timeStampReq
		if _, err := asn1.Unmarshal(body, &req); err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		type tst struct {
			Version        int
			Policy         asn1.ObjectIdentifier
			MessageImprint messageImprint
			SerialNumber   *big.Int
			GenTime        time.Time `asn1:"generalized"`
			Nonce          *big.Int  `asn1:"optional"`
		}
		info, err := asn1.Marshal(tst{1, asn1.ObjectIdentifier{1, 2, 3, 4}, req.MessageImprint, big.NewInt(time.Now().UnixNano()), time.Now().UTC().Truncate(time.Second), req.Nonce})
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		sum := sha256.Sum256(info)
		sd := &signedData{signer: p.tsa.Key, cert: p.tsa.Cert, chain: p.tsa.Chain, contentType: oidTSTInfo, content: info, digest: sum[:]}
		tok, err := sd.build()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		resp, _ := asn1.Marshal(struct {
			Status pkiStatusInfo
			Token  asn1.RawValue
		}{pkiStatusInfo{Status: 0}, asn1.RawValue{FullBytes: tok}})
		w.Header().Set("Content-Type", "application/timestamp-reply")
		w.Write(resp)
	}))
	t.Cleanup(s.Close)
	return s
}
