package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"baocao/render/face"
	"baocao/render/layout"
)

// programPattern matches an embedded font program's stream.
var programPattern = regexp.MustCompile(`(?s)<</Length1 \d+ /Filter /FlateDecode /Length \d+>>\nstream\n(.*?)\nendstream`)

// programs returns the font programs embedded in doc.
func programs(t *testing.T, doc []byte) [][]byte {
	t.Helper()
	var out [][]byte
	for _, m := range programPattern.FindAllSubmatch(doc, -1) {
		out = append(out, m[1])
	}
	return out
}

// chunks splits s into lines of at most 40 characters, which fit a page
// at 10 pt.
func chunks(s string) []string {
	var out []string
	for r := []rune(s); len(r) > 0; r = r[min(40, len(r)):] {
		out = append(out, string(r[:min(40, len(r))]))
	}
	return out
}

// linePages is a page with s in each style, in lines of chunks(s).
func linePages(s string) []*layout.Page {
	pg := &layout.Page{Width: layout.A4Width, Height: layout.A4Height}
	y := 20.0
	for _, st := range styles {
		for _, line := range chunks(s) {
			pg.Items = append(pg.Items, &layout.Text{X: 10, Y: y, Style: st, Size: 10, S: line})
			y += 6
		}
	}
	return []*layout.Page{pg}
}

// TestSharedCut: every character of a Vietnamese document is in the cut
// of each embedded face shared by documents; two documents of different
// text drawing much of it embed the same font programs, a document
// drawing a few glyphs or beyond it its own, and a reader reads back every
// character either way.
func TestSharedCut(t *testing.T) {
	all := vietnamese
	for r := rune(0x1EA0); r <= 0x1EF9; r++ {
		all += string(r)
	}
	for _, st := range styles {
		c := sharedCutOf(face.Default().Face(st))
		if c == nil {
			t.Fatalf("%v: no shared cut", st)
		}
		var u fontUse
		u.face = face.Default().Face(st)
		u.encode(nil, all)
		if gids := u.glyphs(); !c.has(gids) || len(gids) < 200 {
			t.Errorf("%v: the shared cut lacks some of %d glyphs", st, len(gids))
		}
	}

	half := string([]rune(all)[:len([]rune(all))/2])
	whole := write(t, linePages(all), sampleInfo)
	progs := map[string][][]byte{"whole": programs(t, whole)}
	for name, text := range map[string]string{
		"half":   half,               // within the shared cut, half of it
		"few":    "Cần Thơ",          // within it, a few glyphs
		"beyond": half + " — Москва", // beyond it
	} {
		progs[name] = programs(t, write(t, linePages(text), sampleInfo))
	}
	for name, p := range progs {
		if len(p) != len(styles) {
			t.Fatalf("%s: %d font programs, want %d", name, len(p), len(styles))
		}
	}
	for i := range styles {
		if !bytes.Equal(progs["whole"][i], progs["half"][i]) {
			t.Errorf("font %d: documents drawing much of the shared cut embed different programs", i)
		}
		if len(progs["few"][i]) >= len(progs["whole"][i]) {
			t.Errorf("font %d: a document drawing a few glyphs embeds %d bytes, no fewer than the shared cut's %d", i, len(progs["few"][i]), len(progs["whole"][i]))
		}
		if bytes.Equal(progs["whole"][i], progs["beyond"][i]) {
			t.Errorf("font %d: a document beyond the shared cut embeds it", i)
		}
	}

	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	for name, tt := range map[string]struct {
		doc  []byte
		want string
	}{"shared": {whole, all}, "own": {write(t, linePages("Cần Thơ — Москва"), sampleInfo), "Cần Thơ — Москва"}} {
		path := filepath.Join(t.TempDir(), name+".pdf")
		if err := os.WriteFile(path, tt.doc, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(bin, "-raw", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		// The reader turns the no-break space into a space.
		text := strings.ReplaceAll(string(out), "\u00a0", " ")
		for _, line := range chunks(strings.ReplaceAll(tt.want, "\u00a0", " ")) {
			if got := strings.Count(text, strings.TrimSpace(line)); got != len(styles) {
				t.Errorf("%s: the reader reads %q back %d times, want %d:\n%s", name, line, got, len(styles), out)
			}
		}
	}
}
