//go:build !linux

package document

import "time"

// threadCPU cannot read a thread's processor time here: the budget
// counts wall-clock time instead.
func threadCPU() (time.Duration, bool) { return 0, false }
