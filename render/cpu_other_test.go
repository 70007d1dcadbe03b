//go:build !unix

package render_test

import "time"

// cpuTime falls back to the clock where the process's processor time is
// not at hand.
func cpuTime() time.Duration { return time.Duration(time.Now().UnixNano()) }
