package sign

import (
	"context"
	"testing"
)

// BenchmarkSign signs the six-page báo cáo (110 KB) with an RSA-2048 key
// and the signer's image: what render --sign adds to each PDF.
func BenchmarkSign(b *testing.B) {
	p := newPKI(b)
	pdf, boxes := report()
	opt := Options{Field: SignerField, Rect: rect(boxes.Page, boxes.Signer), Look: Appearance{Look: LookSigner, Image: picture(false)}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Sign(context.Background(), pdf, p.signer, opt); err != nil {
			b.Fatal(err)
		}
	}
}
