package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
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
			err := writeAll(ctx, dir, []Output{ok, {Name: "b.xlsx", Write: tt.second(ctx, cancel)}}, files{disk: d, rename: os.Rename})
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

// snapshot maps every entry of dir to what it holds: a file's bytes, a
// directory's entries, a link's target. Comparing two snapshots checks
// that nothing changed and that nothing, hidden or not, was left over.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	snap := map[string]string{}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				t.Fatal(err)
			}
			snap[e.Name()] = "-> " + target
		case e.IsDir():
			snap[e.Name()] = "dir " + strings.Join(names(t, p), ",")
		default:
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			snap[e.Name()] = string(data)
		}
	}
	return snap
}

// assertSnapshot checks that dir is as want shows it.
func assertSnapshot(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	got := snapshot(t, dir)
	for n, w := range want {
		if g, ok := got[n]; !ok {
			t.Errorf("%s is gone", n)
		} else if g != w {
			t.Errorf("%s holds %.40q, want %.40q", n, g, w)
		}
	}
	for n := range got {
		if _, ok := want[n]; !ok {
			t.Errorf("%s appeared", n)
		}
	}
}

// newer are the outputs of the tests below: a.pdf and b.xlsx, whose new
// bytes differ in length from the older ones oldFiles writes.
func newer() []Output {
	return []Output{
		{Name: "a.pdf", Write: func(w io.Writer) error { _, err := io.WriteString(w, "mới a.pdf, dài hơn"); return err }},
		{Name: "b.xlsx", Write: func(w io.Writer) error { _, err := io.WriteString(w, "mới b.xlsx, dài hơn"); return err }},
	}
}

// TestWriteAllRefusesTargets: a file at an output's name that must not be
// replaced stops the render before anything is written, and the message
// names it and says what to do. A read-only file is refused even when the
// system would let the rename replace it (always, for root).
func TestWriteAllRefusesTargets(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		outs  []Output
		want  []string
	}{
		{"a directory at the name", func(t *testing.T, dir string) {
			mustRemove(t, dir, "b.xlsx")
			mkdir(t, filepath.Join(dir, "b.xlsx"))
			mustWrite(t, filepath.Join(dir, "b.xlsx", "tep"), "của người khác")
		}, newer(), []string{"b.xlsx là một thư mục, trùng tên với tệp cần ghi — hãy đổi tên"}},
		{"a read-only file", func(t *testing.T, dir string) {
			if err := os.Chmod(filepath.Join(dir, "b.xlsx"), 0o444); err != nil {
				t.Fatal(err)
			}
		}, newer(), []string{"b.xlsx đã có và được đặt chỉ đọc (read-only)", "— nếu chắc chắn được thay, hãy bỏ chỉ đọc"}},
		{"a symbolic link", func(t *testing.T, dir string) {
			mustRemove(t, dir, "b.xlsx")
			if err := os.Symlink("a.pdf", filepath.Join(dir, "b.xlsx")); err != nil {
				t.Fatal(err)
			}
		}, newer(), []string{"b.xlsx đã có nhưng không phải một tệp thường"}},
		{"every problem at once", func(t *testing.T, dir string) {
			if err := os.Chmod(filepath.Join(dir, "a.pdf"), 0o444); err != nil {
				t.Fatal(err)
			}
			mustRemove(t, dir, "b.xlsx")
			mkdir(t, filepath.Join(dir, "b.xlsx"))
		}, newer(), []string{"a.pdf đã có và được đặt chỉ đọc", "b.xlsx là một thư mục"}},
		{"a name too long for the disk", func(*testing.T, string) {}, []Output{
			newer()[0],
			{Name: strings.Repeat("ệ", 80) + ".xlsx", Write: chunked},
		}, []string{"dài 245 byte, vượt giới hạn 239 byte", "ngắn đi ít nhất 6 byte"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := oldFiles(t)
			tt.setup(t, dir)
			before := snapshot(t, dir)
			err := WriteAll(context.Background(), dir, tt.outs)
			if err == nil {
				t.Fatal("WriteAll succeeded")
			}
			for _, w := range append(tt.want, "chưa ghi tệp nào") {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("WriteAll = %v\nwant it to say %q", err, w)
				}
			}
			assertSnapshot(t, dir, before)
		})
	}
}

func mustRemove(t *testing.T, dir, name string) {
	t.Helper()
	if err := os.Remove(filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, path string) {
	t.Helper()
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
}

func mustWrite(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// failingRename is a rename that fails at its call number fail (from 0),
// and then at every call in undo (from 0) — none when undo is empty.
func failingRename(fail int, undo ...int) func(string, string) error {
	calls, undone := 0, 0
	return func(from, to string) error {
		n := calls
		calls++
		if n < fail {
			return os.Rename(from, to)
		}
		if n == fail {
			return &fs.PathError{Op: "rename", Path: to, Err: syscall.EIO}
		}
		k := undone
		undone++
		if slices.Contains(undo, k) {
			return &fs.PathError{Op: "rename", Path: to, Err: syscall.EIO}
		}
		return os.Rename(from, to)
	}
}

// starts are the directories a commit may start from: both outputs there
// before (four renames: each moved aside, then replaced), neither (two),
// or one (three).
var starts = []struct {
	name  string
	setup func(t *testing.T) string
	steps int
}{
	{"both there before", oldFiles, 4},
	{"neither there", func(t *testing.T) string { return t.TempDir() }, 2},
	{"one there", func(t *testing.T) string {
		dir := oldFiles(t)
		mustRemove(t, dir, "a.pdf")
		return dir
	}, 3},
}

// TestWriteAllRenameFails: whichever rename of a commit fails, the ones
// before it are undone: every file is as before and nothing is left over.
func TestWriteAllRenameFails(t *testing.T) {
	for _, st := range starts {
		for fail := range st.steps {
			t.Run(fmt.Sprintf("%s, rename %d of %d fails", st.name, fail+1, st.steps), func(t *testing.T) {
				dir := st.setup(t)
				before := snapshot(t, dir)
				err := writeAll(context.Background(), dir, newer(), files{disk: osFiles.disk, rename: failingRename(fail)})
				if err == nil || !strings.Contains(err.Error(), "input/output error") || !strings.Contains(err.Error(), "chưa thay tệp nào, các tệp đã có vẫn giữ nguyên") {
					t.Errorf("WriteAll = %v, want the failure and that nothing was replaced", err)
				}
				assertSnapshot(t, dir, before)
			})
		}
	}
}

// TestWriteAllDirectoryAppears: a directory that appears at an output's
// name after the check, as the outputs are renamed, makes the real rename
// fail; the outputs renamed before it are put back.
func TestWriteAllDirectoryAppears(t *testing.T) {
	dir := oldFiles(t)
	mustRemove(t, dir, "b.xlsx")
	before := snapshot(t, dir)
	calls := 0
	rename := func(from, to string) error {
		if calls++; calls == 2 { // a.pdf aside, then into place; b.xlsx next
			mkdir(t, filepath.Join(dir, "b.xlsx"))
		}
		return os.Rename(from, to)
	}
	err := writeAll(context.Background(), dir, newer(), files{disk: osFiles.disk, rename: rename})
	if err == nil || !strings.Contains(err.Error(), "không đặt được tên b.xlsx cho tệp vừa ghi") {
		t.Errorf("WriteAll = %v, want the rename of b.xlsx to fail", err)
	}
	before["b.xlsx"] = "dir "
	assertSnapshot(t, dir, before)
}

// TestWriteAllTargetChangesWhileWriting: a file at an output's name that
// comes to be one not to replace while the outputs are written — after
// WriteAll checked them, before it renames — stops the render as the
// check would have: nothing is renamed, nothing moved aside.
func TestWriteAllTargetChangesWhileWriting(t *testing.T) {
	for name, change := range map[string]func(t *testing.T, dir string){
		"a directory": func(t *testing.T, dir string) {
			mustRemove(t, dir, "b.xlsx")
			mkdir(t, filepath.Join(dir, "b.xlsx"))
			mustWrite(t, filepath.Join(dir, "b.xlsx", "tep"), "của người khác")
		},
		"made read-only": func(t *testing.T, dir string) {
			if err := os.Chmod(filepath.Join(dir, "b.xlsx"), 0o444); err != nil {
				t.Fatal(err)
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := oldFiles(t)
			var once sync.Once
			var after map[string]string
			changing := func(w io.Writer) io.Writer {
				once.Do(func() {
					change(t, dir)
					after = snapshot(t, dir)
					for n := range after {
						if strings.HasPrefix(n, ".") { // being written
							delete(after, n)
						}
					}
				})
				return w
			}
			err := writeAll(context.Background(), dir, newer(), files{disk: changing, rename: os.Rename})
			if err == nil || !strings.Contains(err.Error(), "b.xlsx") || !strings.Contains(err.Error(), "chưa ghi tệp nào") {
				t.Errorf("WriteAll = %v, want b.xlsx refused", err)
			}
			assertSnapshot(t, dir, after)
		})
	}
}

// age makes the hidden journals in dir two hours old, as if the render
// that wrote them had been killed that long ago.
func age(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-2 * staleAfter)
	for _, n := range names(t, dir) {
		if journalPattern.MatchString(n) {
			if err := os.Chtimes(filepath.Join(dir, n), old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestWriteAllUndoFails: when a rename fails and so does undoing an
// earlier one, the message says where the older files are kept, and the
// sweep of a later render puts them back once the journal is an hour old.
func TestWriteAllUndoFails(t *testing.T) {
	dir := oldFiles(t)
	before := snapshot(t, dir)
	// b.xlsx into place fails; undoing a.pdf's two renames fails too.
	err := writeAll(context.Background(), dir, newer(), files{disk: osFiles.disk, rename: failingRename(3, 1, 2)})
	if err == nil || !strings.Contains(err.Error(), "không trả lại được các tệp đã có") || !strings.Contains(err.Error(), ".<tên tệp>.<số>.old") {
		t.Fatalf("WriteAll = %v, want it to say where the older files are", err)
	}
	partial := snapshot(t, dir)
	removeStale(dir)
	assertSnapshot(t, dir, partial) // the journal is young: a render may be renaming
	age(t, dir)
	removeStale(dir)
	assertSnapshot(t, dir, before)
}

// killedAt runs a commit of newer() into dir that stops for good before
// its rename number stop (from 0) — after it, when after is set — as a
// render killed there does, and returns when it has stopped. The commit
// stays stopped until the test ends.
func killedAt(t *testing.T, dir string, stop int, after bool) {
	t.Helper()
	stopped, release, done := make(chan struct{}), make(chan struct{}), make(chan struct{})
	calls := 0
	rename := func(from, to string) error {
		if calls++; calls-1 != stop {
			return os.Rename(from, to)
		}
		if after {
			if err := os.Rename(from, to); err != nil {
				t.Error(err)
			}
		}
		close(stopped)
		<-release
		return errors.New("killed")
	}
	go func() {
		defer close(done)
		writeAll(context.Background(), dir, newer(), files{disk: osFiles.disk, rename: rename})
	}()
	t.Cleanup(func() {
		close(release)
		<-done
	})
	<-stopped
}

// TestKilledCommit: a render killed between two renames leaves some
// outputs new and some old. The sweep of a later render leaves that alone
// while the journal is young, then puts every older file back and removes
// every hidden file.
func TestKilledCommit(t *testing.T) {
	for _, st := range starts {
		for stop := range st.steps + 1 {
			t.Run(fmt.Sprintf("%s, killed after %d renames of %d", st.name, stop, st.steps), func(t *testing.T) {
				dir := st.setup(t)
				before := snapshot(t, dir)
				// Killed after the last rename, the journal is still there.
				killedAt(t, dir, min(stop, st.steps-1), stop == st.steps)
				partial := snapshot(t, dir)
				removeStale(dir)
				assertSnapshot(t, dir, partial)
				age(t, dir)
				removeStale(dir)
				assertSnapshot(t, dir, before)
			})
		}
	}
}

// TestKilledCommitThenRenderedAgain: files a later render put in place
// after a killed one are kept when the sweep undoes the killed commit;
// only its hidden files go.
func TestKilledCommitThenRenderedAgain(t *testing.T) {
	dir := oldFiles(t)
	killedAt(t, dir, 2, false) // a.pdf new, b.xlsx moved aside
	if err := WriteAll(context.Background(), dir, []Output{{Name: "a.pdf", Write: chunked}, {Name: "b.xlsx", Write: chunked}}); err != nil {
		t.Fatal(err)
	}
	later := map[string]string{"a.pdf": strings.Repeat("x", 100<<10), "b.xlsx": strings.Repeat("x", 100<<10)}
	age(t, dir)
	removeStale(dir)
	assertSnapshot(t, dir, later)
}

// TestSweepBackups: a backup whose journal is gone belongs to a commit
// that finished — the render was killed before removing it — and is
// removed however young; one whose journal is there is kept.
func TestSweepBackups(t *testing.T) {
	dir := t.TempDir()
	for n, data := range map[string]string{
		"a.pdf":              "mới",
		".a.pdf.41.old":      "cũ, của một lần ghi đã xong",
		".a.pdf.42.old":      "cũ, của một lần ghi đang đổi tên",
		".baocao.42.commit":  `{"entries":[]}`,
		".a.pdf.ghi-chu.old": "không phải của baocao",
	} {
		mustWrite(t, filepath.Join(dir, n), data)
	}
	removeStale(dir)
	if got, want := names(t, dir), []string{".a.pdf.42.old", ".a.pdf.ghi-chu.old", ".baocao.42.commit", "a.pdf"}; !slices.Equal(got, want) {
		t.Errorf("after the sweep the directory holds %q, want %q", got, want)
	}
}

// TestSweepHostileJournal: a stale journal naming files outside the
// directory or files a commit does not write, or not written whole, is
// removed without touching any file, though the files' stamps match; a
// journal that names a commit's own files (the last case) is acted on.
func TestSweepHostileJournal(t *testing.T) {
	tests := []struct {
		name, entries string
		acted         bool
	}{
		{"outside", `{"name":"../a.pdf","temp":".a.pdf.1.tmp"}`, false},
		{"not a temporary file", `{"name":"a.pdf","temp":"b.xlsx"}`, false},
		{"not a backup", `{"name":"a.pdf","temp":".a.pdf.1.tmp","backup":"b.xlsx"}`, false},
		{"cut short", `{"name":"a.pdf","temp":".a.p`, false},
		{"a commit's own", `{"name":"a.pdf","temp":".a.pdf.1.tmp"}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := oldFiles(t)
			sub := filepath.Join(dir, "con")
			mkdir(t, sub)
			// sub holds the same files as dir, with the same stamps.
			var stamps []string
			for _, n := range []string{"a.pdf", "b.xlsx"} {
				info, err := os.Stat(filepath.Join(dir, n))
				if err != nil {
					t.Fatal(err)
				}
				mustWrite(t, filepath.Join(sub, n), "cũ "+n)
				if err := os.Chtimes(filepath.Join(sub, n), info.ModTime(), info.ModTime()); err != nil {
					t.Fatal(err)
				}
				stamps = append(stamps, fmt.Sprintf(`{"size":%d,"mtime":%d}`, info.Size(), info.ModTime().UnixNano()))
			}
			before := snapshot(t, dir)
			j := `{"entries":[{"new":` + stamps[0] + `,"old":` + stamps[1] + `,` + strings.TrimPrefix(tt.entries, "{")
			if tt.name != "cut short" {
				j += "]}"
			}
			mustWrite(t, filepath.Join(sub, ".baocao.7.commit"), j)
			age(t, sub)
			removeStale(sub)
			if tt.acted {
				before["con"] = "dir b.xlsx"
			}
			assertSnapshot(t, dir, before)
		})
	}
}

// BenchmarkWriteAll writes five outputs of 100 KB over older ones, as a
// report's render does: written, synced, then renamed together.
func BenchmarkWriteAll(b *testing.B) {
	dir := b.TempDir()
	outs := make([]Output, 5)
	for i := range outs {
		outs[i] = Output{Name: fmt.Sprintf("bao-cao-%d.pdf", i), Write: chunked}
	}
	d := OpenDir(dir)
	for b.Loop() {
		if err := d.WriteAll(context.Background(), outs); err != nil {
			b.Fatal(err)
		}
	}
}
