package web

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"baocao/cmd/baocao/web/yamledit"
)

// longExample writes into dir the example with its báo cáo's body
// repeated times times — about 6 pages each — as lon.yaml.
func longExample(t testing.TB, dir string, times int) string {
	t.Helper()
	src := string(mustReadTB(t, filepath.Join(dir, "cantho-2021.yaml")))
	start := strings.Index(src, "  body: |\n") + len("  body: |\n")
	end := strings.Index(src[start:], "\n\n# ---") + start + 1
	body := src[start:end]
	out := src[:start] + strings.Repeat(body+"\n", times) + src[end:]
	if err := os.WriteFile(filepath.Join(dir, "lon.yaml"), []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

func mustReadTB(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// previewCases are the files whose preview latency is measured: the
// example, and a report of about 200 pages.
var previewCases = []struct {
	name  string
	times int // the body repeated; 0 for the example itself
}{{"example", 0}, {"200pages", 42}}

// BenchmarkUpdate measures the server's part of a change: the edit of a
// figure made in the text, the file loaded, the báo cáo laid out and its
// pages drawn in SVG — those the browser has left out.
func BenchmarkUpdate(b *testing.B) {
	for _, c := range previewCases {
		b.Run(c.name, func(b *testing.B) {
			dir := exampleDir(b)
			name, src := "cantho-2021.yaml", string(mustReadTB(b, filepath.Join(dir, "cantho-2021.yaml")))
			if c.times > 0 {
				name, src = "lon.yaml", longExample(b, dir, c.times)
			}
			s, err := New(Config{Dir: dir, Token: testToken, Jobs: 1, Timeout: time.Minute})
			if err != nil {
				b.Fatal(err)
			}
			p := s.preview(updateRequest{Name: name, Source: src, Kind: "bao-cao"})
			var have []string
			for _, pg := range p.Pages {
				have = append(have, pg.Hash)
			}
			i := 0
			cpu := cpuTime()
			for b.Loop() {
				i++
				ops := []yamledit.Op{{Op: "set", Path: "statistics.groups[0].indicators[0].current", Value: fmt.Sprint(100 + i%200)}}
				p := s.preview(updateRequest{Name: name, Source: src, Ops: ops, Kind: "bao-cao", Have: have})
				if len(p.Pages) == 0 || len(p.Errors) > 0 {
					b.Fatalf("%d pages, errors %v", len(p.Pages), p.Errors)
				}
				src = p.Source
			}
			// The CPU time spent, on both cores, holds however busy the
			// machine is; the time per op does not.
			if cpu := cpuTime() - cpu; cpu > 0 {
				b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(i), "cpu-ms/op")
			}
			b.ReportMetric(float64(len(have)), "pages")
		})
	}
}

// BenchmarkPreviewLatency measures, in chromium, the time from a figure
// typed into the form to the preview showing the new figure: the wait
// for the next keystroke (UPDATE_DELAY in app.js), the request, the
// server's work, and the pages drawn anew. The ms/preview metric is
// measured in the page; ns/op adds the test's own round trips.
func BenchmarkPreviewLatency(b *testing.B) {
	for _, c := range previewCases {
		b.Run(c.name, func(b *testing.B) {
			ctx := startBrowser(b)
			dir := exampleDir(b)
			name := "cantho-2021.yaml"
			if c.times > 0 {
				name = "lon.yaml"
				longExample(b, dir, c.times)
			}
			ts := testServer(b, dir)
			do(b, ctx, chromedp.Navigate(ts.URL+"/?t="+testToken+"#tep="+name), chromedp.WaitVisible(chromedp.CSS("#pages .page svg")))
			pages := eval[int](b, ctx, `document.querySelectorAll('#pages .page').length`)
			sel := string(inputOf("statistics.groups[0].indicators[0].current"))
			var total float64
			i := 0
			for b.Loop() {
				i++
				current := 100 + i%200
				// 385 in 2020: the body says "giảm N vụ".
				want := fmt.Sprintf("giảm %d vụ", 385-current)
				total += eval[float64](b, ctx, fmt.Sprintf(`(async () => {
					const el = document.querySelector(%q);
					const before = document.body.dataset.updated;
					el.focus();
					el.value = %q;
					const t0 = performance.now();
					el.dispatchEvent(new Event('input', {bubbles: true}));
					for (;;) {
						await new Promise(r => requestAnimationFrame(r));
						if (document.body.dataset.updated === before) continue;
						const t1 = performance.now();
						if (document.querySelector('#pages').textContent.includes(%q)) return t1 - t0;
					}
				})()`, sel, fmt.Sprint(current), want))
			}
			b.ReportMetric(total/float64(i), "ms/preview")
			b.ReportMetric(float64(pages), "pages")
		})
	}
}
