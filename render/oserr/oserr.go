// Package oserr tells in Vietnamese why an operation of the system failed,
// for the messages a clerk reads: Go's own words ("rename …: permission
// denied") are English.
package oserr

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"syscall"
)

// Reason says why err, an error of the system, happened, for the causes a
// clerk meets (a missing folder, no permission, a file where a folder
// should be, a full disk, a busy port); any other keeps the system's own
// words, the only account of it there is.
func Reason(err error) string {
	var path string
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		path = pe.Path + ": "
	} else if le, ok := errors.AsType[*os.LinkError](err); ok {
		path = le.New + ": "
	}
	switch {
	case errors.Is(err, syscall.ENOTDIR):
		return path + "đây là một tệp, không phải thư mục"
	case errors.Is(err, fs.ErrNotExist):
		return path + "không có thư mục hoặc tệp này"
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return path + "không được phép ghi"
	case errors.Is(err, syscall.ENOSPC):
		return path + "ổ đĩa đã đầy"
	case errors.Is(err, syscall.EISDIR):
		return path + "đây là một thư mục, không phải tệp"
	case errors.Is(err, syscall.EADDRINUSE):
		return "cổng này đang có chương trình khác dùng"
	case errors.Is(err, exec.ErrNotFound):
		return "máy không có chương trình mở trình duyệt"
	}
	return err.Error()
}

// Wrap is err told by Reason, still err for errors.Is and errors.As; nil
// stays nil.
func Wrap(err error) error {
	if err == nil {
		return nil
	}
	return told{err}
}

type told struct{ err error }

func (t told) Error() string { return Reason(t.err) }
func (t told) Unwrap() error { return t.err }
