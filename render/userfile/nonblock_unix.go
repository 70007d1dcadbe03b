//go:build unix

package userfile

import "syscall"

// nonBlock opens a FIFO without waiting for a writer to open it too.
const nonBlock = syscall.O_NONBLOCK
