//go:build unix

// Package userfiletest makes, for tests, the files that are not regular
// files a user may name: FIFOs.
package userfiletest

import (
	"syscall"
	"testing"
)

// Mkfifo makes a FIFO at path.
func Mkfifo(t testing.TB, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
}
