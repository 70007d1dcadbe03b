package sign

import (
	"os"
	"testing"
)

// TestWriteSigned writes the signed test report where SIGN_OUT says, to
// be looked at (pdftoppm); it does nothing otherwise.
func TestWriteSigned(t *testing.T) {
	dir := os.Getenv("SIGN_OUT")
	if dir == "" {
		t.Skip("SIGN_OUT not set")
	}
	p := newPKI(t)
	orig, _, twice := signTwice(t, p, "")
	os.WriteFile(dir+"/before.pdf", orig, 0o644)
	os.WriteFile(dir+"/after.pdf", twice, 0o644)
}
