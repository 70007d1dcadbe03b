//go:build !unix

// Package userfiletest makes, for tests, the files that are not regular
// files a user may name: FIFOs.
package userfiletest

import "testing"

// Mkfifo skips the test where there are no FIFOs.
func Mkfifo(t testing.TB, path string) { t.Skip("no FIFOs on this system") }
