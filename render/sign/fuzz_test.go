package sign

import (
	"testing"
)

// FuzzAddFields feeds AddFields damaged and hostile PDFs: it must refuse
// them or add the fields, never panic or run away.
func FuzzAddFields(f *testing.F) {
	pdf, boxes := report()
	f.Add(pdf)
	f.Add(pdf[len(pdf)-2000:])
	f.Add([]byte("%PDF-1.7\n1 0 obj <</Type/XRef/Size 2/W[1 4 2]/Length 7>>stream\n\x01\x00\x00\x00\x09\x00\x00\nendstream endobj\nstartxref\n9\n%%EOF"))
	field := []Field{{SignerField, *rect(boxes.Page, boxes.Signer)}}
	f.Fuzz(func(t *testing.T, b []byte) {
		out, err := AddFields(b, field)
		if err == nil && len(out) <= len(b) {
			t.Fatal("fields added but the file did not grow")
		}
	})
}
