package sign

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/asn1"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"time"
)

// A timestamp from an RFC 3161 server over the signature value makes a
// B-B signature B-T (ETSI EN 319 142-1 §6.3): it is put in the unsigned
// attribute signature-time-stamp-token.

type messageImprint struct {
	Algorithm     algorithmIdentifier
	HashedMessage []byte
}

type algorithmIdentifier struct {
	Algorithm  asn1.ObjectIdentifier
	Parameters asn1.RawValue `asn1:"optional"`
}

type timeStampReq struct {
	Version        int
	MessageImprint messageImprint
	Nonce          *big.Int `asn1:"optional"`
	CertReq        bool     `asn1:"optional,default:false"`
}

type timeStampResp struct {
	Status pkiStatusInfo
	Token  asn1.RawValue `asn1:"optional"`
}

type pkiStatusInfo struct {
	Status       int
	StatusString []asn1.RawValue `asn1:"optional"`
	FailInfo     asn1.BitString  `asn1:"optional"`
}

// tstInfo is the content of a timestamp token (RFC 3161 §2.4.2), as far
// as it is checked here.
type tstInfo struct {
	Version        int
	Policy         asn1.ObjectIdentifier
	MessageImprint messageImprint
	SerialNumber   *big.Int
	GenTime        time.Time `asn1:"generalized"`
	// The fields after it, which encoding/asn1 skips, are not checked.
}

// maxResponse bounds what a timestamp server may send.
const maxResponse = 1 << 20

// errTSA wraps every failure to get a timestamp.
var errTSA = errors.New("tsa")

// timestamp asks the server at url for a token over data and returns it,
// checked to be over data and to answer this request.
func timestamp(ctx context.Context, client *http.Client, url string, data []byte) ([]byte, error) {
	sum := sha256.Sum256(data)
	nonce, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 64))
	if err != nil {
		return nil, err
	}
	req, err := asn1.Marshal(timeStampReq{
		Version:        1,
		MessageImprint: messageImprint{Algorithm: algorithmIdentifier{Algorithm: oidSHA256}, HashedMessage: sum[:]},
		Nonce:          nonce,
		CertReq:        true,
	})
	if err != nil {
		return nil, err
	}
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(req))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errTSA, err)
	}
	hr.Header.Set("Content-Type", "application/timestamp-query")
	resp, err := client.Do(hr)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errTSA, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse+1))
	if err != nil || len(body) > maxResponse {
		return nil, fmt.Errorf("%w: trả lời không đọc được", errTSA)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%w: máy chủ trả lời %s", errTSA, resp.Status)
	}
	var tr timeStampResp
	if rest, err := asn1.Unmarshal(body, &tr); err != nil || len(rest) > 0 {
		return nil, fmt.Errorf("%w: trả lời không phải RFC 3161", errTSA)
	}
	if tr.Status.Status > 1 || len(tr.Token.FullBytes) == 0 {
		return nil, fmt.Errorf("%w: máy chủ từ chối cấp dấu thời gian (mã %d)", errTSA, tr.Status.Status)
	}
	info, err := tokenInfo(tr.Token.FullBytes)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(info.MessageImprint.HashedMessage, sum[:]) || !info.MessageImprint.Algorithm.Algorithm.Equal(oidSHA256) {
		return nil, fmt.Errorf("%w: dấu thời gian không phải cho chữ ký này", errTSA)
	}
	return tr.Token.FullBytes, nil
}

// contentInfo and the parts of SignedData read to reach a token's TSTInfo.
type contentInfo struct {
	ContentType asn1.ObjectIdentifier
	Content     asn1.RawValue `asn1:"explicit,tag:0"`
}

type signedDataHead struct {
	Version          int
	DigestAlgorithms asn1.RawValue
	Encap            struct {
		ContentType asn1.ObjectIdentifier
		Content     []byte `asn1:"explicit,optional,tag:0"`
	}
}

// tokenInfo reads the TSTInfo a timestamp token carries.
func tokenInfo(token []byte) (*tstInfo, error) {
	bad := fmt.Errorf("%w: dấu thời gian không đọc được", errTSA)
	var ci contentInfo
	if _, err := asn1.Unmarshal(token, &ci); err != nil || !ci.ContentType.Equal(oidSignedData) {
		return nil, bad
	}
	var sd signedDataHead
	if _, err := asn1.Unmarshal(ci.Content.Bytes, &sd); err != nil || !sd.Encap.ContentType.Equal(oidTSTInfo) {
		return nil, bad
	}
	var info tstInfo
	if _, err := asn1.Unmarshal(sd.Encap.Content, &info); err != nil {
		return nil, bad
	}
	return &info, nil
}
