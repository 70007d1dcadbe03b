//go:build !linux

package document

import "time"

// processCPU cannot read the process's processor time here.
func processCPU() time.Duration { return -1 }
