//go:build unix

package userfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"baocao/render/userfile/userfiletest"
)

// The tests are Unix-only: FIFOs and devices are Unix files.

// tree makes in a new directory: ok.txt (5 bytes), big.bin (a sparse file
// of 300 MB), a folder, a FIFO, and links to each and to /dev/zero; and
// beside the directory, outside it, secret.txt.
func tree(t *testing.T) (dir string) {
	t.Helper()
	top := t.TempDir()
	dir = filepath.Join(top, "in")
	must(t, os.Mkdir(dir, 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("hello"), 0o644))
	must(t, os.WriteFile(filepath.Join(top, "secret.txt"), []byte("secret"), 0o644))
	f, err := os.Create(filepath.Join(dir, "big.bin"))
	must(t, err)
	must(t, f.Truncate(300<<20))
	must(t, f.Close())
	must(t, os.Mkdir(filepath.Join(dir, "sub"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "sub", "x.txt"), []byte("x"), 0o644))
	userfiletest.Mkfifo(t, filepath.Join(dir, "fifo"))
	for link, target := range map[string]string{
		"to-fifo": "fifo", "to-zero": "/dev/zero", "to-ok": "ok.txt", "to-sub-x": "sub/x.txt",
		"to-secret": "../secret.txt", "to-secret-abs": filepath.Join(top, "secret.txt"),
		"to-nothing-abs": filepath.Join(top, "nothing"),
	} {
		must(t, os.Symlink(target, filepath.Join(dir, link)))
	}
	return dir
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// within runs read and fails the test if it does not return in time: a
// FIFO opened for reading waits for a writer for ever.
func within(t *testing.T, read func() ([]byte, error)) ([]byte, error) {
	t.Helper()
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := read()
		done <- result{data, err}
	}()
	select {
	case r := <-done:
		return r.data, r.err
	case <-time.After(5 * time.Second):
		t.Fatal("the read is still blocked after 5 s")
		return nil, nil
	}
}

// TestRead reads every kind of file by its path, as command line flags
// name them: anywhere, links followed.
func TestRead(t *testing.T) {
	dir := tree(t)
	tests := []struct {
		name string
		path string
		want string // the data, when the read succeeds
		err  error  // else errors.Is(err, this)
		big  bool   // else a *TooLargeError
	}{
		{name: "regular", path: "ok.txt", want: "hello"},
		{name: "link to a regular file", path: "to-ok", want: "hello"},
		{name: "link out of the folder", path: "to-secret", want: "secret"},
		{name: "missing", path: "nothing", err: fs.ErrNotExist},
		{name: "folder", path: "sub", err: ErrDir},
		{name: "fifo", path: "fifo", err: ErrNotRegular},
		{name: "link to a fifo", path: "to-fifo", err: ErrNotRegular},
		{name: "link to /dev/zero", path: "to-zero", err: ErrNotRegular},
		{name: "/dev/zero", path: "/dev/zero", err: ErrNotRegular},
		{name: "300 MB", path: "big.bin", big: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path
			if !filepath.IsAbs(path) {
				path = filepath.Join(dir, path)
			}
			data, err := within(t, func() ([]byte, error) { return Read(path, 1<<20) })
			check(t, data, err, tt.want, tt.err, tt.big)
		})
	}
}

// TestFolderRead reads the paths a YAML file names: inside its folder only.
func TestFolderRead(t *testing.T) {
	dir := tree(t)
	f, err := OpenFolder(dir)
	must(t, err)
	defer f.Close()
	var outside *OutsideError
	tests := []struct {
		name string
		path string
		want string
		err  error
		big  bool
		out  bool // else an *OutsideError
		abs  bool // ... saying the path is absolute
	}{
		{name: "regular", path: "ok.txt", want: "hello"},
		{name: "in a subfolder", path: "sub/x.txt", want: "x"},
		{name: "dot-dot staying inside", path: "sub/../ok.txt", want: "hello"},
		{name: "link inside", path: "to-sub-x", want: "x"},
		{name: "missing", path: "nothing.png", err: fs.ErrNotExist},
		{name: "folder", path: "sub", err: ErrDir},
		{name: "fifo", path: "fifo", err: ErrNotRegular},
		{name: "link to a fifo", path: "to-fifo", err: ErrNotRegular},
		{name: "300 MB", path: "big.bin", big: true},
		{name: "absolute", path: filepath.Join(dir, "ok.txt"), out: true, abs: true},
		{name: "/dev/zero", path: "/dev/zero", out: true, abs: true},
		{name: "dot-dot out", path: "../secret.txt", out: true},
		{name: "dot-dot out, missing", path: "../nothing", out: true},
		{name: "link out", path: "to-secret", out: true},
		{name: "absolute link out", path: "to-secret-abs", out: true},
		{name: "absolute link to nothing", path: "to-nothing-abs", out: true},
		{name: "link to /dev/zero", path: "to-zero", out: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := within(t, func() ([]byte, error) { return f.Read(tt.path, 1<<20) })
			if tt.out {
				if !errors.As(err, &outside) || outside.Absolute != tt.abs {
					t.Fatalf("got %q, %v; want an OutsideError (absolute: %v)", data, err, tt.abs)
				}
				return
			}
			check(t, data, err, tt.want, tt.err, tt.big)
		})
	}
}

func check(t *testing.T, data []byte, err error, want string, wantErr error, big bool) {
	t.Helper()
	var tooLarge *TooLargeError
	switch {
	case big:
		if !errors.As(err, &tooLarge) || tooLarge.Size != 300<<20 {
			t.Fatalf("got %v, want a TooLargeError of 300 MB", err)
		}
	case wantErr != nil:
		if !errors.Is(err, wantErr) {
			t.Fatalf("got %q, %v; want %v", data, err, wantErr)
		}
	case err != nil || !bytes.Equal(data, []byte(want)):
		t.Fatalf("got %q, %v; want %q", data, err, want)
	}
}

// TestReadUnsized reads a file that says it is empty and is not, as the
// files of /proc: no more than the limit and one byte is read.
func TestReadUnsized(t *testing.T) {
	const path = "/proc/self/maps"
	if st, err := os.Stat(path); err != nil || st.Size() != 0 {
		t.Skip("no /proc")
	}
	_, err := Read(path, 50)
	var tooLarge *TooLargeError
	if !errors.As(err, &tooLarge) || tooLarge.Size != 51 {
		t.Fatalf("got %v, want a TooLargeError after 51 bytes", err)
	}
}

// TestReadDir lists a folder, and refuses what is not one without opening
// it: a FIFO would wait for a writer.
func TestReadDir(t *testing.T) {
	dir := tree(t)
	entries, err := ReadDir(filepath.Join(dir, "sub"))
	if err != nil || len(entries) != 1 || entries[0].Name() != "x.txt" {
		t.Errorf("sub: %v, %v", entries, err)
	}
	for _, name := range []string{"fifo", "to-fifo", "ok.txt"} {
		if _, err := within(t, func() ([]byte, error) { _, err := ReadDir(filepath.Join(dir, name)); return nil, err }); !errors.Is(err, ErrNotDir) {
			t.Errorf("%s: got %v, want ErrNotDir", name, err)
		}
	}
	if _, err := ReadDir(filepath.Join(dir, "nothing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing: got %v", err)
	}
}

// TestMessages checks that every problem is told in Vietnamese with what
// to do.
func TestMessages(t *testing.T) {
	for _, err := range []error{ErrDir, ErrNotRegular, ErrChanged, ErrNotDir, &TooLargeError{300 << 20, 50 << 20},
		&OutsideError{Path: "../x.png", Folder: "hoi-nghi"}, &OutsideError{Path: "/x.png", Folder: "hoi-nghi", Absolute: true},
		describe(fs.ErrNotExist), describe(fs.ErrPermission), describe(errors.New("I/O error"))} {
		if msg := err.Error(); !bytes.Contains([]byte(msg), []byte(" — ")) {
			t.Errorf("%q does not say what to do after a dash", msg)
		}
	}
	if got := (&TooLargeError{300 << 20, 50 << 20}).Error(); got != "tệp lớn 300 MB, vượt giới hạn 50 MB — hãy kiểm tra đã chọn đúng tệp chưa" {
		t.Errorf("too large: %q", got)
	}
}
