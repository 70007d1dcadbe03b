package oserr

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReason: the system errors a clerk meets are told in Vietnamese,
// with the path they concern, and Wrap keeps them for errors.Is.
func TestReason(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "tep")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, notDir := os.Stat(filepath.Join(file, "con"))
	_, missing := os.Stat(filepath.Join(dir, "khong-co"))
	rename := os.Rename(filepath.Join(dir, "khong-co"), filepath.Join(dir, "moi"))
	for _, tt := range []struct {
		name string
		err  error
		want string
		is   error
	}{
		{"a file where a folder should be", notDir, "tep/con: đây là một tệp, không phải thư mục", syscall.ENOTDIR},
		{"missing", missing, "khong-co: không có thư mục hoặc tệp này", fs.ErrNotExist},
		{"a rename", rename, "moi: không có thư mục hoặc tệp này", fs.ErrNotExist},
		{"no permission", &fs.PathError{Op: "open", Path: "/x/y", Err: syscall.EACCES}, "/x/y: không được phép ghi", fs.ErrPermission},
		{"a full disk", &fs.PathError{Op: "write", Path: "/x/y", Err: syscall.ENOSPC}, "/x/y: ổ đĩa đã đầy", syscall.ENOSPC},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Wrap(tt.err)
			if !strings.HasSuffix(got.Error(), tt.want) || strings.Contains(got.Error(), "such file") {
				t.Errorf("Wrap(%v) = %q, want …%q", tt.err, got, tt.want)
			}
			if !errors.Is(got, tt.is) {
				t.Errorf("Wrap(%v) is not %v", tt.err, tt.is)
			}
		})
	}
	if Wrap(nil) != nil {
		t.Error("Wrap(nil) is not nil")
	}
}
