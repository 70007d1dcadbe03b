package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// memoryTarget is the Go heap a render keeps to while what it holds is
// well below it: two hundred pages in 64 MB of memory, beside the other
// programs of an office computer.
const memoryTarget = 50 << 20

// heapLimit is the limit of the heap when live bytes of it are in use:
// memoryTarget, or half as much again as the live heap, so that a large
// input is not slowed by collecting all the time to stay under a limit it
// cannot keep.
func heapLimit(live uint64) int64 {
	return max(memoryTarget, int64(live)+int64(live)/2)
}

// gcPercent is the garbage collector's growth setting while the limit is
// held: the limit bounds the heap, so the collector need not also run each
// time the heap doubles. A render holds little live memory (a report of
// the example's size, about 10 MB), and collecting every 10 MB made a
// batch of 1.000 spend a fifth of its time collecting and faulting pages
// back in.
const gcPercent = 400

// holdMemory keeps the heap near memoryTarget, as a limit the garbage
// collector works to, raised with the live heap; the returned function
// ends it, restoring the limit and collector setting before. A GOMEMLIMIT
// or GOGC set by the user is left alone.
func holdMemory() (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	userGC := os.Getenv("GOGC") != ""
	var percent int
	if !userGC {
		percent = debug.SetGCPercent(gcPercent)
	}
	limit := heapLimit(0)
	before := debug.SetMemoryLimit(limit)
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(live)
			if l := heapLimit(live[0].Value.Uint64()); l != limit {
				limit = l
				debug.SetMemoryLimit(limit)
			}
		}
	}()
	return func() {
		close(done)
		<-finished
		debug.SetMemoryLimit(before)
		if !userGC {
			debug.SetGCPercent(percent)
		}
	}
}
