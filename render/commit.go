package render

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"baocao/render/oserr"
)

// A report's files are put in place together or not at all. Each file
// already at an output's name is first moved aside to a hidden backup,
// ".<name>.<id>.old", and then the new file renamed to the name; a step
// that fails undoes the steps before it, in reverse. Before the first
// rename a journal, ".baocao.<id>.commit", lists the steps and is synced;
// removing it once every file is in place is the moment the render
// counts as written, and the backups are then removed.
//
// A render killed between two renames (SIGKILL, a power cut) leaves its
// journal. The sweep of a later render into the directory (removeStale)
// undoes the steps it lists once it is an hour old — a younger one may
// belong to a render still renaming — putting the older files back; a
// file that has changed since (a later render replaced it) is left as it
// is. Backups whose journal is gone belong to a render that finished, and
// are removed.

// journal is the record of one commit.
type journal struct {
	Entries []journalEntry `json:"entries"`
}

// journalEntry is one output of a commit: the new file Temp is renamed to
// Name, after the file at Name, if any, is moved aside to Backup.
type journalEntry struct {
	Name   string `json:"name"`
	Temp   string `json:"temp"`
	Backup string `json:"backup,omitempty"` // "" when Name was free
	Old    stamp  `json:"old"`              // of the file moved aside
	New    stamp  `json:"new"`              // of the new file
}

// stamp tells a file apart from the others that may take its name: its
// size and modification time, which a rename keeps.
type stamp struct {
	Size    int64 `json:"size"`
	ModTime int64 `json:"mtime"` // nanoseconds since 1970
}

func stampOf(info fs.FileInfo) stamp {
	return stamp{Size: info.Size(), ModTime: info.ModTime().UnixNano()}
}

// matches reports whether info is of the regular file s was taken of.
func (s stamp) matches(info fs.FileInfo) bool {
	return info.Mode().IsRegular() && stampOf(info) == s
}

// step is one rename of a commit.
type step struct{ from, to string }

// commit renames each temps[i], a complete file in dir, to names[i]
// there, all or none, with rename. On failure every file at names is as
// it was, and the temporary files are left for the caller to remove.
func commit(dir string, names, temps []string, rename func(oldpath, newpath string) error) error {
	jf, err := os.CreateTemp(dir, journalPrefix+"*"+journalSuffix)
	if err != nil {
		return commitFailed(dir, err)
	}
	jpath := jf.Name()
	id := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(jpath), journalPrefix), journalSuffix)
	j, steps, err := plan(dir, id, names, temps)
	if err == nil {
		data, _ := json.Marshal(j) // plain strings and numbers
		if err = writeSynced(jf, data); err != nil {
			err = commitFailed(dir, err)
		}
	}
	if err != nil {
		jf.Close()
		os.Remove(jpath)
		return err
	}
	for k, s := range steps {
		err := rename(s.from, s.to)
		if err == nil {
			continue
		}
		failed := fmt.Errorf("không đặt được tên %s cho tệp vừa ghi (%w)", filepath.Base(s.to), oserr.Wrap(err))
		if strings.HasSuffix(s.to, backupSuffix) {
			failed = fmt.Errorf("không chuyển được tệp %s đã có sang một bên để thay (%w)", filepath.Base(s.from), oserr.Wrap(err))
		}
		return undo(dir, jpath, steps[:k], rename, failed)
	}
	// The commit point: from here the new files are the render's result.
	if err := os.Remove(jpath); err != nil {
		return undo(dir, jpath, steps, rename, fmt.Errorf("không xoá được tệp ghi tạm %s (%w)", filepath.Base(jpath), oserr.Wrap(err)))
	}
	for _, e := range j.Entries {
		if e.Backup != "" {
			os.Remove(filepath.Join(dir, e.Backup)) // else the next sweep does
		}
	}
	return nil
}

// plan returns the journal of the commit id and its steps. A file that
// came at an output's name since WriteAll checked them, and must not be
// replaced, is an error: nothing is renamed yet.
func plan(dir, id string, names, temps []string) (journal, []step, error) {
	var j journal
	var steps []step
	for i, n := range names {
		e := journalEntry{Name: n, Temp: filepath.Base(temps[i])}
		info, err := os.Stat(temps[i])
		if err != nil {
			return j, nil, commitFailed(dir, err)
		}
		e.New = stampOf(info)
		target := filepath.Join(dir, n)
		if info, err := os.Lstat(target); err == nil {
			if err := refusal(target, info); err != nil {
				return j, nil, err
			}
			e.Backup, e.Old = backupName(n, id), stampOf(info)
			steps = append(steps, step{target, filepath.Join(dir, e.Backup)})
		}
		steps = append(steps, step{temps[i], target})
		j.Entries = append(j.Entries, e)
	}
	return j, steps, nil
}

// undo undoes the steps done, the last first, after the failure failed,
// and returns the error to report. When all are undone the journal is
// removed; otherwise it is kept, for the sweep of a later render to
// finish the work.
func undo(dir, jpath string, done []step, rename func(oldpath, newpath string) error, failed error) error {
	var stuck []error
	for k := len(done) - 1; k >= 0; k-- {
		if err := rename(done[k].to, done[k].from); err != nil {
			stuck = append(stuck, err)
		}
	}
	if len(stuck) == 0 {
		os.Remove(jpath)
		return fmt.Errorf("%w — hãy kiểm tra không có thư mục hay tệp đang mở nào trùng tên tệp cần ghi và thư mục %s được phép ghi; chưa thay tệp nào, các tệp đã có vẫn giữ nguyên", failed, dir)
	}
	return fmt.Errorf("%w, và không trả lại được các tệp đã có (%w) — các tệp cũ còn giữ ẩn trong thư mục %s với tên .<tên tệp>.<số>.old: hãy đổi tên chúng lại, hoặc để lần chạy sau vào thư mục này, sau một giờ, tự trả lại", failed, errors.Join(stuck...), dir)
}

// commitFailed is the error for a commit that could not start: nothing
// has been renamed.
func commitFailed(dir string, err error) error {
	return fmt.Errorf("không ghi được tệp tạm vào thư mục %s (%w) — hãy kiểm tra ổ đĩa còn chỗ trống và thư mục được phép ghi; chưa thay tệp nào, các tệp đã có vẫn giữ nguyên", dir, oserr.Wrap(err))
}

// writeSynced writes data to f, syncs and closes it.
func writeSynced(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// The journal of a commit is ".baocao.<id>.commit", <id> the digits
// os.CreateTemp puts for "*"; the backups it makes are named after it,
// ".<name>.<id>.old", so that the sweep can tell whose they are.
const (
	journalPrefix = ".baocao."
	journalSuffix = ".commit"
	backupSuffix  = ".old"
)

var (
	journalPattern = regexp.MustCompile(`^\.baocao\.([0-9]+)\.commit$`)
	backupPattern  = regexp.MustCompile(`^\..+\.(?:pdf|xlsx)\.([0-9]+)\.old$`)
)

func backupName(name, id string) string { return "." + name + "." + id + backupSuffix }

// maxJournal bounds the journal the sweep reads: a commit's is a few
// hundred bytes a file, and one in a shared folder may be anyone's.
const maxJournal = 1 << 20

// recoverJournal undoes, as far as it still can, the commit whose journal
// is the file jname in dir: a render killed between its renames. For each
// output, the file moved aside is put back when the name holds the new
// file or nothing; a file at the name that is neither — a later render's
// — is kept, and the backup dropped. The journal is removed when the
// work is done; a journal not written whole belongs to a commit that
// renamed nothing.
func recoverJournal(dir, jname string) {
	jpath := filepath.Join(dir, jname)
	id := journalPattern.FindStringSubmatch(jname)[1]
	f, err := os.Open(jpath)
	if err != nil {
		return
	}
	data, err := io.ReadAll(io.LimitReader(f, maxJournal))
	f.Close()
	if err != nil {
		return
	}
	var j journal
	if json.Unmarshal(data, &j) != nil || !j.valid(id) {
		os.Remove(jpath)
		return
	}
	done := true
	for i := len(j.Entries) - 1; i >= 0; i-- {
		e := j.Entries[i]
		target := filepath.Join(dir, e.Name)
		backup := filepath.Join(dir, e.Backup)
		info, err := os.Lstat(target)
		free := errors.Is(err, fs.ErrNotExist)
		ours := err == nil && e.New.matches(info)
		saved := false
		if e.Backup != "" {
			if b, err := os.Lstat(backup); err == nil && e.Old.matches(b) {
				saved = true
			}
		}
		switch {
		case saved && (free || ours):
			if os.Rename(backup, target) != nil {
				done = false
			}
		case ours:
			if os.Remove(target) != nil {
				done = false
			}
		}
		if e.Backup != "" {
			os.Remove(backup)
		}
		os.Remove(filepath.Join(dir, e.Temp))
	}
	if done {
		os.Remove(jpath)
	}
}

// valid reports whether every name in j is one a commit with id writes:
// a plain file name in the directory, and the hidden names made from it.
// The sweep acts on no other file.
func (j journal) valid(id string) bool {
	for _, e := range j.Entries {
		if e.Name == "" || e.Name != filepath.Base(e.Name) || strings.ContainsAny(e.Name, `/\`) || e.Name == "." || e.Name == ".." ||
			!isTemp(e.Temp) || !strings.HasPrefix(e.Temp, tempPrefix(e.Name)) ||
			e.Backup != "" && e.Backup != backupName(e.Name, id) {
			return false
		}
	}
	return true
}
