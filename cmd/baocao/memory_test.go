package main

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestHeapLimit(t *testing.T) {
	for _, tt := range []struct {
		live uint64
		want int64
	}{
		{0, memoryTarget},
		{20 << 20, memoryTarget},
		{memoryTarget * 2 / 3, memoryTarget},
		{40 << 20, 60 << 20},
		{200 << 20, 300 << 20},
	} {
		if got := heapLimit(tt.live); got != tt.want {
			t.Errorf("heapLimit(%d MB) = %d MB, want %d MB", tt.live>>20, got>>20, tt.want>>20)
		}
	}
}

// TestHoldMemory: a render sets the heap limit and the collector's growth
// and restores both when done; a GOMEMLIMIT or GOGC of the user's is left
// alone.
func TestHoldMemory(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	debug.SetMemoryLimit(math.MaxInt64)
	stop := holdMemory()
	if got := debug.SetMemoryLimit(-1); got != memoryTarget {
		t.Errorf("limit %d during a render, want %d", got, memoryTarget)
	}
	if got := debug.SetGCPercent(gcPercent); got != gcPercent {
		t.Errorf("GOGC %d during a render, want %d", got, gcPercent)
	}
	stop()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit %d after, want none", got)
	}
	if got := debug.SetGCPercent(-1); got != 100 {
		t.Errorf("GOGC %d after, want 100 as before", got)
	}
	debug.SetGCPercent(100)
	t.Setenv("GOGC", "100")
	stop = holdMemory()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC %d with GOGC set, want the user's 100", got)
	}
	stop()
	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetMemoryLimit(1 << 30)
	holdMemory()()
	if got := debug.SetMemoryLimit(-1); got != 1<<30 {
		t.Errorf("limit %d with GOMEMLIMIT set, want the user's %d", got, 1<<30)
	}
}
