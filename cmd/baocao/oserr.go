package main

import (
	"errors"
	"io/fs"
	"os/exec"
	"syscall"
)

// osReason says in Vietnamese why an operation of the system failed, for
// the causes a clerk meets (a missing folder, no permission, a file where
// a folder should be, a full disk, a busy port); any other keeps the
// system's own words, the only account of it there is.
func osReason(err error) string {
	var path string
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		path = pe.Path + ": "
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
	case errors.Is(err, syscall.EADDRINUSE):
		return "cổng này đang có chương trình khác dùng"
	case errors.Is(err, exec.ErrNotFound):
		return "máy không có chương trình mở trình duyệt"
	}
	return err.Error()
}
