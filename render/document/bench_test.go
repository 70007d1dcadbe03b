package document

import (
	"os"
	"path/filepath"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"baocao/render/load"
)

// BenchmarkBudget builds the example's four documents at once, as a
// render does, with the template of one attack of the corpus
// (testdata/bad/templates) in place of its kind's, or, for "worst", with
// testdata/worst.md.tmpl in place of all four. The peak-heap-MB metric is
// the largest heap of objects seen, sampled every millisecond; cpu-s/op
// the processor time of the process, which the budget's time counts, and
// which a machine busy with other work does not stretch as it does ns/op.
func BenchmarkBudget(b *testing.B) {
	r, err := load.File("../../examples/cantho-2021.yaml")
	if err != nil {
		b.Fatal(err)
	}
	attacks, err := filepath.Glob("../../testdata/bad/templates/*/*.md.tmpl")
	if err != nil {
		b.Fatal(err)
	}
	attacks = append(attacks, "testdata/worst.md.tmpl")
	for _, file := range attacks {
		src, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		kinds := Kinds()
		name := filepath.Base(filepath.Dir(file))
		for i := range kinds {
			if file == "testdata/worst.md.tmpl" || filepath.Base(file) == kinds[i].Slug+templateExt {
				kinds[i].src = string(src)
			}
		}
		if file == "testdata/worst.md.tmpl" {
			name = "worst"
		}
		b.Run(name, func(b *testing.B) {
			peak := heapPeak()
			cpu := processCPU()
			for b.Loop() {
				var wg sync.WaitGroup
				for _, k := range kinds {
					wg.Go(func() { Build(r, k) })
				}
				wg.Wait()
			}
			b.ReportMetric(peak()/(1<<20), "peak-heap-MB")
			if cpu >= 0 {
				b.ReportMetric((processCPU()-cpu).Seconds()/float64(b.N), "cpu-s/op")
			}
		})
	}
}

// heapPeak samples the heap of objects every millisecond until the
// returned function is called, which returns the largest seen, in bytes.
func heapPeak() func() float64 {
	done := make(chan struct{})
	var peak uint64
	var wg sync.WaitGroup
	wg.Go(func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	return func() float64 {
		close(done)
		wg.Wait()
		return float64(peak)
	}
}
