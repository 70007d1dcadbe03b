//go:build unix

package render_test

import (
	"syscall"
	"time"
)

// cpuTime is the processor time the process has used, user and system: a
// machine busy with other work does not stretch it as it does the clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
