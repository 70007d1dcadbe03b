package render

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"baocao/render/oserr"
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

// OpenDir returns the directory at path, first cleaning up after renders
// killed outright (SIGKILL, a power cut) over an hour ago: the older files
// of one killed between its renames are put back, and hidden files left
// are removed (see removeStale). A program writing many reports into one
// directory opens it once: that sweep reads the whole directory.
func OpenDir(path string) *Dir {
	removeStale(path)
	return &Dir{path: path}
}

// WriteAll writes the outputs into d all or nothing: each goes to a hidden
// temporary file in d first (".<name>.*.tmp"), and only when every one is
// complete are they renamed into place, together (see commit). On failure
// — a write error, a full disk, a rename that fails, or ctx cancelled by
// an interrupt — the temporary files are removed and files already at the
// target names are left as they were. The outputs are generated all at
// once, each on its own goroutine, into memory; they are written one
// after another.
//
// A file already at an output's name that is not to be replaced — a
// directory, a link or device, a file marked read-only or one that cannot
// be opened for writing — makes WriteAll fail before anything is written,
// naming the file and what to do.
//
// Cancelling ctx makes WriteAll return at once, even while an output is
// being generated; that generation goes on in the background, into
// memory, until it ends.
func (d *Dir) WriteAll(ctx context.Context, outs []Output) error {
	return writeAll(ctx, d.path, outs, osFiles)
}

// WriteAll writes the outputs into dir all or nothing: it is
// OpenDir(dir).WriteAll(ctx, outs).
func WriteAll(ctx context.Context, dir string, outs []Output) error {
	return OpenDir(dir).WriteAll(ctx, outs)
}

// files are the operations of writeAll that tests replace: disk wraps
// each file written, to make it fill; rename moves a file, to make a
// rename fail midway.
type files struct {
	disk   func(io.Writer) io.Writer
	rename func(oldpath, newpath string) error
}

// osFiles are the real operations.
var osFiles = files{disk: func(w io.Writer) io.Writer { return w }, rename: os.Rename}

// writeAll is WriteAll with the file operations of fsys.
func writeAll(ctx context.Context, dir string, outs []Output, fsys files) (err error) {
	if err := ctx.Err(); err != nil {
		return interrupted(dir, err)
	}
	if err := checkTargets(dir, outs); err != nil {
		return err
	}
	outs = generateAll(outs)
	temps := make([]*os.File, 0, len(outs))
	defer func() {
		if err != nil {
			for _, f := range temps {
				f.Close()
				os.Remove(f.Name())
			}
		}
	}()
	for _, o := range outs {
		f, err := writeTemp(ctx, dir, o, fsys.disk)
		if err != nil {
			return err
		}
		temps = append(temps, f)
	}
	// Synced before the renames, so that a crash cannot leave a renamed but
	// empty file; all written first, so that the first sync writes them all
	// and the others find little left to do.
	for i, f := range temps {
		if err := f.Sync(); err != nil {
			return writeFailed(outs[i].Name, dir, err)
		}
	}
	for i, f := range temps {
		if err := f.Close(); err != nil {
			return writeFailed(outs[i].Name, dir, err)
		}
	}
	// Renames are not interrupted: they take no time, and commit undoes
	// them itself when one fails.
	if err := ctx.Err(); err != nil {
		return interrupted(dir, err)
	}
	names := make([]string, len(outs))
	paths := make([]string, len(outs))
	for i, o := range outs {
		names[i], paths[i] = o.Name, temps[i].Name()
	}
	return commit(dir, names, paths, fsys.rename)
}

// maxName is the longest output name whose hidden files, ".<name>.<up to
// ten digits>.tmp" or ".old", keep within the 255 bytes most file systems
// allow a name.
const maxName = 255 - len("..4294967295.tmp")

// checkTargets returns an error naming every file at an output's name in
// dir that a render must not replace, and what to do about it: a
// directory, anything else that is not a regular file (a link, a device),
// a file marked read-only — a colleague may have locked it on purpose —
// or one that cannot be opened for writing (it belongs to someone else;
// on Windows, it is open in Excel). Checked before anything is written,
// so that the render fails whole instead of halfway through its renames.
func checkTargets(dir string, outs []Output) error {
	longest := ""
	for _, o := range outs {
		if len(o.Name) > len(longest) {
			longest = o.Name
		}
	}
	if len(longest) > maxName {
		return fmt.Errorf("tên tệp cần ghi %s dài %d byte, vượt giới hạn %d byte (ổ đĩa cho phép 255 byte một tên, kể cả phần thêm cho tệp tạm; mỗi chữ có dấu chiếm 2–3 byte) — hãy đặt tên tệp YAML ngắn đi ít nhất %d byte; chưa ghi tệp nào",
			longest, len(longest), maxName, len(longest)-maxName)
	}
	var errs []error
	for _, o := range outs {
		path := filepath.Join(dir, o.Name)
		// An error is none there, or the directory's own problem, which
		// writing reports.
		if info, err := os.Lstat(path); err == nil {
			if err := refusal(path, info); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// refusal returns why the file at path, info, must not be replaced, or nil.
func refusal(path string, info fs.FileInfo) error {
	switch {
	case info.IsDir():
		return fmt.Errorf("%s là một thư mục, trùng tên với tệp cần ghi — hãy đổi tên hoặc chuyển thư mục đó đi, hoặc ghi vào thư mục khác bằng -o; chưa ghi tệp nào", path)
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s đã có nhưng không phải một tệp thường (là liên kết hoặc tệp thiết bị) nên không thay được — hãy xoá hoặc đổi tên nó, hoặc ghi vào thư mục khác bằng -o; chưa ghi tệp nào", path)
	case info.Mode().Perm()&0o200 == 0:
		return fmt.Errorf("tệp %s đã có và được đặt chỉ đọc (read-only), có thể một đồng nghiệp đã khoá để giữ bản này — nếu chắc chắn được thay, hãy bỏ chỉ đọc (chmod u+w, hoặc trong Properties bỏ Read-only) rồi chạy lại; nếu không, ghi vào thư mục khác bằng -o; chưa ghi tệp nào", path)
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("không được phép thay tệp %s đã có (%w): tệp thuộc người khác hoặc đang mở trong một chương trình (Excel, trình đọc PDF) — hãy đóng tệp hoặc nhờ người tạo nó cho phép ghi rồi chạy lại, hoặc ghi vào thư mục khác bằng -o; chưa ghi tệp nào", path, oserr.Wrap(err))
	}
	return f.Close()
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
		return nil, fmt.Errorf("không tạo được tệp trong thư mục %s (%v) — hãy kiểm tra thư mục tồn tại và được phép ghi, hoặc chọn thư mục khác bằng -o", dir, oserr.Wrap(err))
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
	return fmt.Errorf("không ghi được %s vào thư mục %s (%w) — hãy kiểm tra ổ đĩa còn chỗ trống và thư mục được phép ghi; tệp cũ cùng tên, nếu có, vẫn giữ nguyên", name, dir, oserr.Wrap(err))
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

// removeStale cleans up after renders killed outright (SIGKILL, a power
// cut): it undoes the renames of a commit they left halfway once its
// journal is an hour old (see recoverJournal), removes the backups of
// commits that finished, and removes their temporary files once they are
// an hour old. Failing to is not an error: the files are hidden and do no
// harm, and the next sweep tries again.
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	stale := func(e fs.DirEntry) bool {
		info, err := e.Info()
		return err == nil && time.Since(info.ModTime()) > staleAfter
	}
	for _, e := range entries {
		n := e.Name()
		if !e.Type().IsRegular() {
			continue
		}
		switch {
		case journalPattern.MatchString(n) && stale(e):
			recoverJournal(dir, n)
		case isTemp(n) && stale(e):
			os.Remove(filepath.Join(dir, n))
		}
	}
	// After the journals, so that those just undone count as gone. A
	// backup's own time is its file's, so its age tells nothing: its
	// journal, written before it, tells whether its commit is still going.
	for _, e := range entries {
		m := backupPattern.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		if _, err := os.Lstat(filepath.Join(dir, journalPrefix+m[1]+journalSuffix)); errors.Is(err, fs.ErrNotExist) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// tempPattern matches the names of the temporary files of outputs:
// tempPrefix, then the digits os.CreateTemp puts for "*", then tempSuffix.
var tempPattern = regexp.MustCompile(`^\..+\.(pdf|xlsx)\.[0-9]+\.tmp$`)

// isTemp reports whether file is named as the temporary file of an output.
func isTemp(file string) bool { return tempPattern.MatchString(file) }
