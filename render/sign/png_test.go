package sign

import (
	"os"
	"testing"
)

// TestWriteSigned writes the test report before and after its two
// signatures where SIGN_OUT says, to be looked at with pdftoppm; it is
// skipped otherwise.
func TestWriteSigned(t *testing.T) {
	dir := os.Getenv("SIGN_OUT")
	if dir == "" {
		t.Skip("SIGN_OUT not set")
	}
	p := newPKI(t)
	orig, _, twice := signTwice(t, p, "")
	for name, b := range map[string][]byte{"before.pdf": orig, "after.pdf": twice} {
		if err := os.WriteFile(dir+"/"+name, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
