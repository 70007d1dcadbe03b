package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"debug/pe"
	"encoding/hex"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestRelease builds the Windows archive — a foreign target wherever the
// tests run, so that cross-building keeps working — and the archive of
// the machine running the tests, whose program is run to check that the
// version is stamped.
func TestRelease(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program twice; skipped with -short")
	}
	foreign := "windows/amd64"
	if runtime.GOOS == "windows" {
		foreign = "linux/amd64"
	}
	host := runtime.GOOS + "/" + runtime.GOARCH
	out := t.TempDir()
	const version = "v0.0.0-test.1"
	written, err := Release{Version: version, Out: out, Targets: []string{foreign, host}}.Run()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{archiveName(version, foreign), archiveName(version, host), "baocao-" + version + "-checksums.txt"}
	if len(written) != len(want) {
		t.Fatalf("written %v, want %v", written, want)
	}
	for i, w := range want {
		if filepath.Base(written[i]) != w || filepath.Dir(written[i]) != out {
			t.Errorf("written[%d] = %s, want %s in %s", i, written[i], w, out)
		}
	}

	sums, err := os.ReadFile(written[2])
	if err != nil {
		t.Fatal(err)
	}
	var wantSums strings.Builder
	for _, w := range written[:2] {
		data, err := os.ReadFile(w)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		wantSums.WriteString(hex.EncodeToString(sum[:]) + "  " + filepath.Base(w) + "\n")
	}
	if string(sums) != wantSums.String() {
		t.Errorf("checksums:\n%s\nwant:\n%s", sums, wantSums.String())
	}

	for _, target := range []string{foreign, host} {
		files := unpack(t, filepath.Join(out, archiveName(version, target)))
		base := strings.TrimSuffix(strings.TrimSuffix(archiveName(version, target), ".zip"), ".tar.gz") + "/"
		for _, name := range []string{"README.md", "docs/FORMAT.md", "docs/web-editor.png", "examples/cantho-2021.yaml",
			"fonts/LICENSE", "render/phrase/LICENSE", "render/phrase/words.txt",
			"licenses/go/LICENSE", "licenses/go.yaml.in/yaml/v3@v3.0.6/LICENSE"} {
			if _, ok := files[base+name]; !ok {
				t.Errorf("%s: no %s", target, name)
			}
		}
		if _, ok := files[base+"licenses/github.com/chromedp/chromedp@v0.24.0/LICENSE"]; ok {
			t.Errorf("%s: licence of chromedp, a test-only module, shipped", target)
		}
		exe := base + "baocao"
		if strings.HasPrefix(target, "windows/") {
			exe += ".exe"
		}
		prog, ok := files[exe]
		if !ok {
			t.Fatalf("%s: no %s in %v", target, exe, slices.Sorted(maps.Keys(files)))
		}
		if target == foreign && foreign == "windows/amd64" {
			f, err := pe.NewFile(bytes.NewReader(prog))
			if err != nil {
				t.Fatalf("%s: %v", exe, err)
			}
			if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
				t.Errorf("%s: machine %#x, want amd64", exe, f.Machine)
			}
			if !bytes.Contains(prog, []byte(version)) {
				t.Errorf("%s: version %s not in the program", exe, version)
			}
		}
		if target == host {
			bin := filepath.Join(t.TempDir(), filepath.Base(exe))
			if err := os.WriteFile(bin, prog, 0o755); err != nil {
				t.Fatal(err)
			}
			got, err := exec.Command(bin, "version").Output()
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != "baocao "+version+"\n" {
				t.Errorf("baocao version = %q, want %q", got, "baocao "+version+"\n")
			}
		}
	}
}

func TestReleaseRefuses(t *testing.T) {
	for _, r := range []Release{
		{Version: "", Targets: []string{"linux/amd64"}},
		{Version: "v1 beta", Targets: []string{"linux/amd64"}},
		{Version: "../v1", Targets: []string{"linux/amd64"}},
		{Version: "v1", Targets: []string{"linux"}},
	} {
		r.Out = t.TempDir()
		if written, err := r.Run(); err == nil || len(written) > 0 {
			t.Errorf("%+v: written %v, error %v; want an error and nothing written", r, written, err)
		}
	}
}

func archiveName(version, target string) string {
	name := "baocao-" + version + "-" + strings.Replace(target, "/", "-", 1)
	if strings.HasPrefix(target, "windows/") {
		return name + ".zip"
	}
	return name + ".tar.gz"
}

// unpack reads an archive into memory, by name, checking that the program
// alone is executable.
func unpack(t *testing.T, name string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	check := func(n string, mode os.FileMode) {
		isProg := strings.HasSuffix(n, "/baocao") || strings.HasSuffix(n, "/baocao.exe")
		if exec := mode&0o111 != 0; exec != isProg {
			t.Errorf("%s: %s has mode %v", name, n, mode)
		}
	}
	if strings.HasSuffix(name, ".zip") {
		zr, err := zip.OpenReader(name)
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			files[f.Name], err = io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			check(f.Name, f.Mode())
		}
		return files
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files
		}
		if err != nil {
			t.Fatal(err)
		}
		if files[h.Name], err = io.ReadAll(tr); err != nil {
			t.Fatal(err)
		}
		check(h.Name, h.FileInfo().Mode())
	}
}
