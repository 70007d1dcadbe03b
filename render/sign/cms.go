package sign

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"slices"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// The CMS SignedData (RFC 5652) of a PAdES baseline signature (ETSI EN
// 319 142-1 §6.3): SHA-256, signed attributes content-type,
// message-digest and ESS signing-certificate-v2 — and no signing-time,
// which PAdES forbids: the claimed time is the signature dictionary's /M.
// The same builder signs the test TSA's tokens, which carry their content.

var (
	oidData            = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidSignedData      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	oidContentType     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 3}
	oidMessageDigest   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 4}
	oidSigningCertV2   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47}
	oidTimeStampToken  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 14}
	oidTSTInfo         = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 1, 4}
	oidSHA256          = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidRSA             = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}
	oidECDSAWithSHA256 = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 2}
	oidEd25519         = asn1.ObjectIdentifier{1, 3, 101, 112}
	tagContext0        = cbasn1.Tag(0).ContextSpecific().Constructed()
	tagContext1        = cbasn1.Tag(1).ContextSpecific().Constructed()
	errUnsupportedKey  = errors.New("unsupported key")
	errNoCertificate   = errors.New("no certificate")
)

// signedData is what a CMS signature is made of.
type signedData struct {
	signer crypto.Signer
	cert   *x509.Certificate
	chain  []*x509.Certificate // issuers, to be carried with the signature
	// contentType and content: id-data and nil for a detached signature
	// over digest; the content itself when it is carried (a TSA token).
	contentType asn1.ObjectIdentifier
	content     []byte
	digest      []byte // SHA-256 of the content signed
	// unsigned returns the unsigned attributes for the signature value
	// (the timestamp of a B-T signature); nil for none.
	unsigned func(signature []byte) ([]attribute, error)
}

// attribute is one CMS attribute with its values, DER.
type attribute struct {
	oid    asn1.ObjectIdentifier
	values [][]byte
}

func addOID(b *cryptobyte.Builder, oid asn1.ObjectIdentifier) { b.AddASN1ObjectIdentifier(oid) }

// addAttributes adds a SET OF Attribute as tag: DER sorts its elements.
func addAttributes(b *cryptobyte.Builder, tag cbasn1.Tag, attrs []attribute) {
	var enc [][]byte
	for _, a := range attrs {
		var ab cryptobyte.Builder
		ab.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			addOID(b, a.oid)
			b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
				for _, v := range a.values {
					b.AddBytes(v)
				}
			})
		})
		e, err := ab.Bytes()
		if err != nil {
			b.SetError(err)
			return
		}
		enc = append(enc, e)
	}
	slices.SortFunc(enc, bytes.Compare)
	b.AddASN1(tag, func(b *cryptobyte.Builder) {
		for _, e := range enc {
			b.AddBytes(e)
		}
	})
}

func der(f func(b *cryptobyte.Builder)) ([]byte, error) {
	var b cryptobyte.Builder
	f(&b)
	return b.Bytes()
}

// signingCertificateV2 is the ESS attribute that binds the signer's
// certificate to the signature (RFC 5035): its SHA-256 hash, the default
// algorithm, so not written, and its issuer and serial number.
func signingCertificateV2(c *x509.Certificate) ([]byte, error) {
	sum := sha256.Sum256(c.Raw)
	return der(func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // SigningCertificateV2
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // certs
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // ESSCertIDv2
					b.AddASN1OctetString(sum[:])
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // IssuerSerial
						b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // GeneralNames
							b.AddASN1(cbasn1.Tag(4).ContextSpecific().Constructed(), func(b *cryptobyte.Builder) {
								b.AddBytes(c.RawIssuer)
							})
						})
						b.AddASN1BigInt(c.SerialNumber)
					})
				})
			})
		})
	})
}

// signatureAlgorithm names the algorithm of key for SignerInfo.
func signatureAlgorithm(key crypto.PublicKey) (asn1.ObjectIdentifier, bool, error) {
	switch key.(type) {
	case *rsa.PublicKey:
		return oidRSA, true, nil
	case *ecdsa.PublicKey:
		return oidECDSAWithSHA256, false, nil
	case ed25519.PublicKey:
		return oidEd25519, false, nil
	}
	return nil, false, errUnsupportedKey
}

// build signs s and returns the DER ContentInfo.
func (s *signedData) build() ([]byte, error) {
	if s.cert == nil {
		return nil, errNoCertificate
	}
	sigAlg, nullParams, err := signatureAlgorithm(s.cert.PublicKey)
	if err != nil {
		return nil, err
	}
	ctype, err := der(func(b *cryptobyte.Builder) { addOID(b, s.contentType) })
	if err != nil {
		return nil, err
	}
	md, err := der(func(b *cryptobyte.Builder) { b.AddASN1OctetString(s.digest) })
	if err != nil {
		return nil, err
	}
	scv2, err := signingCertificateV2(s.cert)
	if err != nil {
		return nil, err
	}
	signed := []attribute{
		{oidContentType, [][]byte{ctype}},
		{oidMessageDigest, [][]byte{md}},
		{oidSigningCertV2, [][]byte{scv2}},
	}
	// The signature is over the DER of the attributes as a SET (§5.4).
	toSign, err := der(func(b *cryptobyte.Builder) { addAttributes(b, cbasn1.SET, signed) })
	if err != nil {
		return nil, err
	}
	var sig []byte
	if _, ok := s.cert.PublicKey.(ed25519.PublicKey); ok {
		sig, err = s.signer.Sign(rand.Reader, toSign, crypto.Hash(0))
	} else {
		h := sha256.Sum256(toSign)
		sig, err = s.signer.Sign(rand.Reader, h[:], crypto.SHA256)
	}
	if err != nil {
		return nil, err
	}
	var unsigned []attribute
	if s.unsigned != nil {
		if unsigned, err = s.unsigned(sig); err != nil {
			return nil, err
		}
	}
	return der(func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // ContentInfo
			addOID(b, oidSignedData)
			b.AddASN1(tagContext0, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // SignedData
					// Version 1, or 3 when the content is not id-data (§5.1).
					if s.contentType.Equal(oidData) {
						b.AddASN1Int64(1)
					} else {
						b.AddASN1Int64(3)
					}
					b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
						addAlgorithm(b, oidSHA256, false)
					})
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // EncapsulatedContentInfo
						addOID(b, s.contentType)
						if s.content != nil {
							b.AddASN1(tagContext0, func(b *cryptobyte.Builder) { b.AddASN1OctetString(s.content) })
						}
					})
					b.AddASN1(tagContext0, func(b *cryptobyte.Builder) { // certificates
						b.AddBytes(s.cert.Raw)
						for _, c := range s.chain {
							b.AddBytes(c.Raw)
						}
					})
					b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
						b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // SignerInfo
							b.AddASN1Int64(1)
							b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // IssuerAndSerialNumber
								b.AddBytes(s.cert.RawIssuer)
								b.AddASN1BigInt(s.cert.SerialNumber)
							})
							addAlgorithm(b, oidSHA256, false)
							addAttributes(b, tagContext0, signed)
							addAlgorithm(b, sigAlg, nullParams)
							b.AddASN1OctetString(sig)
							if len(unsigned) > 0 {
								addAttributes(b, tagContext1, unsigned)
							}
						})
					})
				})
			})
		})
	})
}

func addAlgorithm(b *cryptobyte.Builder, oid asn1.ObjectIdentifier, null bool) {
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		addOID(b, oid)
		if null {
			b.AddASN1NULL()
		}
	})
}
