package render

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// staleAfter is the age at which a temporary file a render did not remove
// itself — its process was killed — is removed by OpenDir. No render takes
// anywhere near an hour, so a younger one may belong to a render still
// running.
const staleAfter = time.Hour

// ErrInterrupted is returned, wrapping the context's error, by a WriteAll
// stopped by the cancellation of its context.
var ErrInterrupted = errors.New("interrupted")

// Dir is a directory renders write their outputs into, all or nothing. It
// may be used by any number of renders at once.
type Dir struct{ path string }

// OpenDir returns the directory at path, first removing the temporary
// files renders killed outright (SIGKILL, a power cut) left there over an
// hour ago. A program writing many reports into one directory opens it
// once: that sweep reads the whole directory.
func OpenDir(path string) *Dir {
	removeStale(path)
	return &Dir{path: path}
}

// WriteAll writes the outputs into d all or nothing: each goes to a hidden
// temporary file in d first (".<name>.*.tmp"), and only when every one is
// complete are they renamed into place. On failure — a write error, a full
// disk, or ctx cancelled by an interrupt — the temporary files are removed
// and files already at the target names are left as they were. The
// outputs are generated all at once, each on its own goroutine, into
// memory; they are written one after another.
//
// Cancelling ctx makes WriteAll return at once, even while an output is
// being generated; that generation goes on in the background, into
// memory, until it ends.
func (d *Dir) WriteAll(ctx context.Context, outs []Output) error {
	return writeAll(ctx, d.path, outs, func(w io.Writer) io.Writer { return w })
}

// WriteAll writes the outputs into dir all or nothing: it is
// OpenDir(dir).WriteAll(ctx, outs).
func WriteAll(ctx context.Context, dir string, outs []Output) error {
	return OpenDir(dir).WriteAll(ctx, outs)
}

// writeAll is WriteAll writing each file through disk, which tests replace
// by a disk that fills.
func writeAll(ctx context.Context, dir string, outs []Output, disk func(io.Writer) io.Writer) (err error) {
	outs = generateAll(outs)
	files := make([]*os.File, 0, len(outs))
	defer func() {
		if err != nil {
			for _, f := range files {
				f.Close()
				os.Remove(f.Name())
			}
		}
	}()
	for _, o := range outs {
		f, err := writeTemp(ctx, dir, o, disk)
		if err != nil {
			return err
		}
		files = append(files, f)
	}
	// Synced before the renames, so that a crash cannot leave a renamed but
	// empty file; all written first, so that the first sync writes them all
	// and the others find little left to do.
	for i, f := range files {
		if err := f.Sync(); err != nil {
			return writeFailed(outs[i].Name, dir, err)
		}
	}
	for i, f := range files {
		if err := f.Close(); err != nil {
			return writeFailed(outs[i].Name, dir, err)
		}
	}
	// Renames are not interrupted: they take no time, and stopping between
	// them would leave some outputs new and some old.
	if err := ctx.Err(); err != nil {
		return interrupted(dir, err)
	}
	for i, o := range outs {
		if err := os.Rename(files[i].Name(), filepath.Join(dir, o.Name)); err != nil {
			return fmt.Errorf("không đặt được tên %s cho tệp vừa ghi (%v) — hãy kiểm tra quyền ghi trong thư mục %s", o.Name, err, dir)
		}
	}
	return nil
}

// interrupted is WriteAll's error when ctx was cancelled.
func interrupted(dir string, err error) error {
	return fmt.Errorf("đã dừng vì bị ngắt (%w: %w) — chưa ghi tệp nào, các tệp đã có trong %s vẫn giữ nguyên", ErrInterrupted, err, dir)
}

// writeTemp writes o into a new temporary file in dir and returns it,
// open; on failure the file is removed.
func writeTemp(ctx context.Context, dir string, o Output, disk func(io.Writer) io.Writer) (_ *os.File, err error) {
	if err := ctx.Err(); err != nil {
		return nil, interrupted(dir, err)
	}
	f, err := os.CreateTemp(dir, tempPrefix(o.Name)+"*"+tempSuffix)
	if err != nil {
		return nil, fmt.Errorf("không tạo được tệp trong thư mục %s (%v) — hãy kiểm tra thư mục tồn tại và được phép ghi, hoặc chọn thư mục khác bằng -o", dir, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	w := &recordingWriter{w: disk(f)}
	done := make(chan error, 1)
	go func() { done <- o.Write(w) }()
	select {
	case err = <-done:
	case <-ctx.Done():
		return nil, interrupted(dir, ctx.Err())
	}
	switch {
	case err != nil && w.err != nil:
		return nil, writeFailed(o.Name, dir, w.err)
	case err != nil:
		return nil, fmt.Errorf("không tạo được %s (%w) — đây là lỗi của chương trình, hãy báo cho người phát triển kèm tệp YAML", o.Name, err)
	}
	if err := f.Chmod(0o644); err != nil {
		return nil, writeFailed(o.Name, dir, err)
	}
	return f, nil
}

// writeFailed is the error for a file that could not be written, most
// often for want of space.
func writeFailed(name, dir string, err error) error {
	return fmt.Errorf("không ghi được %s vào thư mục %s (%w) — hãy kiểm tra ổ đĩa còn chỗ trống và thư mục được phép ghi; tệp cũ cùng tên, nếu có, vẫn giữ nguyên", name, dir, err)
}

// recordingWriter keeps the first error of the file it writes to, so that
// a failed write (a full disk) is told apart from a failure to generate.
type recordingWriter struct {
	w   io.Writer
	err error
}

func (r *recordingWriter) Write(p []byte) (int, error) {
	n, err := r.w.Write(p)
	if err != nil && r.err == nil {
		r.err = err
	}
	return n, err
}

// The temporary file of output name is ".<name>.<random>.tmp": hidden, and
// never taken for a finished file.
const tempSuffix = ".tmp"

func tempPrefix(name string) string { return "." + name + "." }

// removeStale removes the temporary files in dir that renders killed
// over an hour ago left behind. Failing to is not an error: the files are
// hidden and do no harm.
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if !e.Type().IsRegular() || !isTemp(n) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAfter {
			os.Remove(filepath.Join(dir, n))
		}
	}
}

// tempPattern matches the names of the temporary files of outputs:
// tempPrefix, then the digits os.CreateTemp puts for "*", then tempSuffix.
var tempPattern = regexp.MustCompile(`^\..+\.(pdf|xlsx)\.[0-9]+\.tmp$`)

// isTemp reports whether file is named as the temporary file of an output.
func isTemp(file string) bool { return tempPattern.MatchString(file) }
