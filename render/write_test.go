package render

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// diskFull is an io.Writer that accepts limit bytes and then fails the way
// a full disk does. Both outputs write 100 KB: a limit between 100 and 200
// KB fills the disk in the middle of the second.
type diskFull struct {
	w    io.Writer
	disk *freeSpace // shared by the files on the disk
}

type freeSpace struct {
	mu   sync.Mutex
	free int
}

func (d *diskFull) Write(p []byte) (int, error) {
	d.disk.mu.Lock()
	defer d.disk.mu.Unlock()
	if len(p) > d.disk.free {
		n, _ := d.w.Write(p[:d.disk.free])
		d.disk.free = 0
		return n, &fs.PathError{Op: "write", Path: "tệp", Err: syscall.ENOSPC}
	}
	d.disk.free -= len(p)
	return d.w.Write(p)
}

// disk returns a disk with free bytes free.
func disk(free int) func(io.Writer) io.Writer {
	space := &freeSpace{free: free}
	return func(w io.Writer) io.Writer { return &diskFull{w: w, disk: space} }
}

// chunked writes 100 KB in 1 KB pieces, as a real generator does.
func chunked(w io.Writer) error {
	for range 100 {
		if _, err := w.Write(bytes.Repeat([]byte("x"), 1024)); err != nil {
			return err
		}
	}
	return nil
}

// names lists the files in dir.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ns []string
	for _, e := range entries {
		ns = append(ns, e.Name())
	}
	return ns
}

// oldFiles puts an older a.pdf and b.xlsx into a new directory.
func oldFiles(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range []string{"a.pdf", "b.xlsx"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("cũ "+n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// assertOld checks that dir holds exactly the files oldFiles wrote,
// unchanged: no temporary file is left.
func assertOld(t *testing.T, dir string) {
	t.Helper()
	if got := names(t, dir); !slices.Equal(got, []string{"a.pdf", "b.xlsx"}) {
		t.Errorf("directory holds %q, want only the older a.pdf and b.xlsx", got)
	}
	for _, n := range []string{"a.pdf", "b.xlsx"} {
		if got, err := os.ReadFile(filepath.Join(dir, n)); err != nil || string(got) != "cũ "+n {
			t.Errorf("%s changed: %q, %v", n, got, err)
		}
	}
}

func TestWriteAllFailures(t *testing.T) {
	ok := Output{Name: "a.pdf", Write: chunked}
	tests := []struct {
		name    string
		disk    func(io.Writer) io.Writer
		second  func(ctx context.Context, cancel func()) func(io.Writer) error
		wantErr string
		is      error
	}{
		{"disk fills mid-write", disk(150 << 10),
			func(context.Context, func()) func(io.Writer) error { return chunked },
			"không ghi được b.xlsx vào thư mục", syscall.ENOSPC},
		{"generation fails", nil, func(context.Context, func()) func(io.Writer) error {
			return func(w io.Writer) error { return errors.New("hỏng") }
		}, "không tạo được b.xlsx (hỏng) — đây là lỗi của chương trình", nil},
		{"interrupt mid-write", nil, func(ctx context.Context, cancel func()) func(io.Writer) error {
			return func(w io.Writer) error {
				w.Write([]byte("một phần"))
				cancel()
				<-ctx.Done()
				time.Sleep(10 * time.Millisecond) // WriteAll returns before this generator does
				return chunked(w)
			}
		}, "đã dừng vì bị ngắt", ErrInterrupted},
		{"interrupt while generating, before any write", nil, func(ctx context.Context, cancel func()) func(io.Writer) error {
			return func(w io.Writer) error {
				cancel()
				time.Sleep(time.Second) // a long computation WriteAll does not wait for
				return nil
			}
		}, "đã dừng vì bị ngắt", context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := oldFiles(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			start := time.Now()
			d := tt.disk
			if d == nil {
				d = disk(1 << 30)
			}
			err := writeAll(ctx, dir, []Output{ok, {Name: "b.xlsx", Write: tt.second(ctx, cancel)}}, d)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("WriteAll = %v, want an error containing %q", err, tt.wantErr)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("WriteAll = %v, want it to wrap %v", err, tt.is)
			}
			if d := time.Since(start); d > 500*time.Millisecond {
				t.Errorf("WriteAll took %v to return", d)
			}
			assertOld(t, dir)
		})
	}
}

func TestWriteAllUnwritableDirectory(t *testing.T) {
	file := filepath.Join(t.TempDir(), "tep")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteAll(context.Background(), filepath.Join(file, "con"), []Output{{Name: "a.pdf", Write: chunked}})
	if err == nil || !strings.Contains(err.Error(), "không tạo được tệp trong thư mục") || !strings.Contains(err.Error(), "— hãy") {
		t.Errorf("WriteAll = %v, want the directory named with what to do", err)
	}
}

func TestWriteAllInterruptedBeforeStart(t *testing.T) {
	dir := oldFiles(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := WriteAll(ctx, dir, []Output{{Name: "a.pdf", Write: chunked}})
	if !errors.Is(err, ErrInterrupted) {
		t.Errorf("WriteAll = %v, want ErrInterrupted", err)
	}
	assertOld(t, dir)
}

// TestWriteAllRemovesStale: the temporary files of killed renders are
// removed by the next render into the directory once they are old enough
// to be surely abandoned; younger ones and other files are kept.
func TestWriteAllRemovesStale(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * staleAfter)
	files := map[string]bool{ // name: removed
		".a.pdf.123.tmp":     true,
		".a.pdf.456.tmp":     false, // young: a render may still be writing it
		".khac.pdf.789.tmp":  true,  // another output's
		".khac.xlsx.7.tmp":   true,
		".khac.pdf.tmp":      false, // not made by os.CreateTemp
		"ghi-chu.tmp":        false,
		".a.pdf.ghi-chu.txt": false,
	}
	for n := range files {
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, []byte("dở dang"), 0o644); err != nil {
			t.Fatal(err)
		}
		if n != ".a.pdf.456.tmp" {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := WriteAll(context.Background(), dir, []Output{{Name: "a.pdf", Write: chunked}}); err != nil {
		t.Fatal(err)
	}
	got := names(t, dir)
	for n, removed := range files {
		if slices.Contains(got, n) == removed {
			t.Errorf("%s: removed = %v, want %v", n, !removed, removed)
		}
	}
	if !slices.Contains(got, "a.pdf") {
		t.Errorf("a.pdf not written: %q", got)
	}
}
