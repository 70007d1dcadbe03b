//go:build !unix

package main

import "testing"

// mkfifo skips the test where there are no FIFOs.
func mkfifo(t *testing.T, path string) { t.Skip("no FIFOs on this system") }
