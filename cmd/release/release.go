package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// defaultTargets are the platforms the issue asks for: the clerks' Windows
// PCs, both kinds of Mac, and Linux servers for the API.
var defaultTargets = []string{"windows/amd64", "darwin/arm64", "darwin/amd64", "linux/amd64", "linux/arm64"}

// shipped are the module's files and folders that go into every archive
// beside the program: the README and what it links to (docs, examples),
// and the licences of what the binary embeds — the fonts (OFL) and the
// word list (GPL, whose source is render/phrase/ and must be offered with
// the binary).
var shipped = []string{"README.md", "docs", "examples", "fonts/LICENSE", "fonts/README.md", "render/phrase"}

// validVersion keeps the version usable in file names and in -ldflags.
var validVersion = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z.+_-]*$`)

// Release describes one run of the release build.
type Release struct {
	Version string   // stamped into the program; "baocao version" prints it
	Out     string   // directory the archives and checksums are written into
	Targets []string // GOOS/GOARCH pairs
}

// Run builds and packs every target and writes the checksums, returning
// the paths written. The archives of a failed run that were completed are
// left in place; no archive is ever left half written.
func (r Release) Run() ([]string, error) {
	if !validVersion.MatchString(r.Version) {
		return nil, fmt.Errorf("version %q: use letters, digits and . + _ - only (e.g. v1.2.0)", r.Version)
	}
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(r.Out, 0o755); err != nil {
		return nil, err
	}
	mtime := time.Now()
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds", s)
		}
		mtime = time.Unix(sec, 0)
	}
	mtime = mtime.UTC().Truncate(time.Second)
	var written []string
	var sums strings.Builder
	for _, t := range r.Targets {
		goos, goarch, ok := strings.Cut(strings.TrimSpace(t), "/")
		if !ok || goos == "" || goarch == "" {
			return written, fmt.Errorf("target %q: want GOOS/GOARCH, e.g. windows/amd64", t)
		}
		name, data, err := r.archive(root, goos, goarch, mtime)
		if err != nil {
			return written, fmt.Errorf("%s: %w", t, err)
		}
		file := filepath.Join(r.Out, name)
		if err := writeFile(file, data); err != nil {
			return written, err
		}
		written = append(written, file)
		sum := sha256.Sum256(data)
		fmt.Fprintf(&sums, "%s  %s\n", hex.EncodeToString(sum[:]), name)
	}
	file := filepath.Join(r.Out, "baocao-"+r.Version+"-checksums.txt")
	if err := writeFile(file, []byte(sums.String())); err != nil {
		return written, err
	}
	return append(written, file), nil
}

// archive builds the program for one target and returns the archive's
// name and bytes: a zip for Windows, where Explorer opens it, a gzipped
// tar elsewhere, where it keeps the program executable.
func (r Release) archive(root, goos, goarch string, mtime time.Time) (string, []byte, error) {
	base := "baocao-" + r.Version + "-" + goos + "-" + goarch
	tmp, err := os.MkdirTemp("", "baocao-release-")
	if err != nil {
		return "", nil, err
	}
	defer os.RemoveAll(tmp)
	exe := "baocao"
	if goos == "windows" {
		exe += ".exe"
	}
	env := append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH="+goarch)
	// -trimpath keeps the builder's paths out of the binary and makes the
	// build reproducible; -s -w drop the symbol table and DWARF, which a
	// user never needs, from a binary about a third smaller.
	if _, err := goCmd(root, env, "build", "-trimpath", "-ldflags", "-s -w -X main.stamp="+r.Version, "-o", filepath.Join(tmp, exe), "./cmd/baocao"); err != nil {
		return "", nil, err
	}
	files := []entry{{name: exe, src: filepath.Join(tmp, exe), mode: 0o755}}
	for _, p := range shipped {
		more, err := tree(filepath.Join(root, filepath.FromSlash(p)), p)
		if err != nil {
			return "", nil, err
		}
		files = append(files, more...)
	}
	lic, err := licences(root, env)
	if err != nil {
		return "", nil, err
	}
	files = append(files, lic...)
	slices.SortFunc(files, func(a, b entry) int { return strings.Compare(a.name, b.name) })
	var buf bytes.Buffer
	if goos == "windows" {
		err = writeZip(&buf, base, files, mtime)
		base += ".zip"
	} else {
		err = writeTarGz(&buf, base, files, mtime)
		base += ".tar.gz"
	}
	return base, buf.Bytes(), err
}

// entry is one file of an archive: its name inside the archive's folder
// and the file it is read from.
type entry struct {
	name, src string
	mode      fs.FileMode
}

// tree lists the regular files under src (a file or a folder), named
// under name in the archive.
func tree(src, name string) ([]entry, error) {
	var out []entry
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		out = append(out, entry{name: path.Join(name, filepath.ToSlash(rel)), src: p, mode: 0o644})
		return nil
	})
	return out, err
}

// licences lists the licence files of the Go toolchain and of every module
// linked into the program for the target in env, under licenses/: MIT and
// BSD licences ask that a binary carry their notices.
func licences(root string, env []string) ([]entry, error) {
	goroot, err := goCmd(root, env, "env", "GOROOT")
	if err != nil {
		return nil, err
	}
	mods, err := goCmd(root, env, "list", "-deps", "-f", "{{with .Module}}{{if not .Main}}{{.Path}}@{{.Version}}\t{{.Dir}}{{end}}{{end}}", "./cmd/baocao")
	if err != nil {
		return nil, err
	}
	dirs := map[string]string{"go": strings.TrimSpace(goroot)}
	for line := range strings.Lines(mods) {
		if mod, dir, ok := strings.Cut(strings.TrimSpace(line), "\t"); ok {
			dirs[mod] = dir
		}
	}
	var out []entry
	for mod, dir := range dirs {
		des, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		n := len(out)
		for _, de := range des {
			up := strings.ToUpper(de.Name())
			if de.Type().IsRegular() && (strings.HasPrefix(up, "LICEN") || strings.HasPrefix(up, "COPYING") || strings.HasPrefix(up, "NOTICE")) {
				out = append(out, entry{name: path.Join("licenses", mod, de.Name()), src: filepath.Join(dir, de.Name()), mode: 0o644})
			}
		}
		if len(out) == n {
			return nil, fmt.Errorf("module %s has no licence file in %s: find its licence before shipping it", mod, dir)
		}
	}
	return out, nil
}

func writeZip(w io.Writer, base string, files []entry, mtime time.Time) error {
	zw := zip.NewWriter(w)
	for _, f := range files {
		h := &zip.FileHeader{Name: base + "/" + f.name, Method: zip.Deflate, Modified: mtime}
		h.SetMode(f.mode)
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if err := copyFrom(fw, f.src); err != nil {
			return err
		}
	}
	return zw.Close()
}

func writeTarGz(w io.Writer, base string, files []entry, mtime time.Time) error {
	gw := gzip.NewWriter(w)
	tw := tar.NewWriter(gw)
	for _, f := range files {
		st, err := os.Stat(f.src)
		if err != nil {
			return err
		}
		h := &tar.Header{Name: base + "/" + f.name, Mode: int64(f.mode), Size: st.Size(), ModTime: mtime, Typeflag: tar.TypeReg}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if err := copyFrom(tw, f.src); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gw.Close()
}

func copyFrom(w io.Writer, src string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

// writeFile writes data to name through a temporary file renamed into
// place, so that a failed run leaves no truncated archive.
func writeFile(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644) // CreateTemp's 0600 would keep others from the archives
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// moduleRoot is the folder of the go.mod of module baocao, which the
// command must be run inside.
func moduleRoot() (string, error) {
	gomod, err := goCmd("", nil, "env", "GOMOD")
	if err != nil {
		return "", err
	}
	gomod = strings.TrimSpace(gomod)
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("run it inside the baocao module (go run ./cmd/release …)")
	}
	return filepath.Dir(gomod), nil
}

// goCmd runs the go command in dir with env (nil: this process's), and
// returns its standard output.
func goCmd(dir string, env []string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir, cmd.Env = dir, env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return string(out), nil
}
