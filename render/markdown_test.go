package render_test

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"baocao/render"
	"baocao/render/load"
)

// pathological are the inputs known to take CommonMark parsers time that
// grows faster than their length (cmark's and commonmark.js's
// pathological tests, and goldmark's issues), each made n bytes long.
var pathological = []struct {
	name string
	make func(n int) string
}{
	{"star a", func(n int) string { return strings.Repeat("*a ", n/3) }},
	{"nested strong emphasis", func(n int) string { return strings.Repeat("*a **a ", n/14) + strings.Repeat("b** b*", n/14) }},
	{"emphasis closers without openers", func(n int) string { return strings.Repeat("a* ", n/3) }},
	{"emphasis openers without closers", func(n int) string { return strings.Repeat("_a ", n/3) }},
	{"mixed emphasis markers", func(n int) string { return strings.Repeat("*a_b*c_d**e_f*g**h*i_j** ", n/25) }},
	{"runs of stars", func(n int) string { return strings.Repeat("*", n) }},
	{"runs of underscores", func(n int) string { return strings.Repeat("_", n) }},
	{"nested brackets", func(n int) string { return strings.Repeat("[", n/2) + strings.Repeat("a]", n/4) }},
	{"link closers", func(n int) string { return strings.Repeat("[a](b", n/5) }},
	{"link closers with angle brackets", func(n int) string { return strings.Repeat("[a](<b", n/6) }},
	{"link titles unclosed", func(n int) string { return strings.Repeat("[a](b (c ", n/9) }},
	{"link openers and closers", func(n int) string { return strings.Repeat("](\n[", n/4) }},
	{"mismatched brackets", func(n int) string { return strings.Repeat("[a](b) ", n/14) + strings.Repeat("]", n/2) }},
	{"link reference definitions", func(n int) string { return strings.Repeat("[a]: u\n", n/7) + "[a]" }},
	{"nested block quotes", func(n int) string { return strings.Repeat("> ", n/2) + "a" }},
	{"block quotes then lazy lines", func(n int) string { return strings.Repeat("> ", 20) + "a\n" + strings.Repeat("b\n", (n-42)/2) }},
	{"deeply nested lists", func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString(strings.Repeat("  ", i%19) + "- a\n")
		}
		return b.String()
	}},
	{"backticks", func(n int) string {
		var b strings.Builder
		for i := 1; b.Len() < n; i++ {
			b.WriteString("e" + strings.Repeat("`", i%1000))
			if b.Len() > n-1000 {
				break
			}
		}
		return b.String()
	}},
	{"unclosed angle brackets", func(n int) string { return strings.Repeat("<a ", n/3) }},
	{"unclosed HTML comments", func(n int) string { return strings.Repeat("a <!-- ", n/7) }},
	{"footnote brackets", func(n int) string { return strings.Repeat("[^", n/2) }},
	{"table with many columns", func(n int) string { return strings.Repeat("|a", n/4) + "\n" + strings.Repeat("|-", n/4) + "\n" }},
	{"table with many rows", func(n int) string { return "|a|b|\n|-|-|\n" + strings.Repeat("|*a|_b|\n", (n-12)/8) }},
	{"entities", func(n int) string { return strings.Repeat("&amp;&#272;", n/11) }},
	{"one long paragraph", func(n int) string {
		return strings.Repeat("Tội phạm giảm mạnh. ", n/len("Tội phạm giảm mạnh. "))
	}},
}

// bodyYAML is the large annex's input, of one row, with md as the báo
// cáo's body.
func bodyYAML(md string) string {
	return strings.Replace(largeYAML(1), "    Kết quả tổng rà soát của các đơn vị ở Phụ lục I.\n",
		"    "+strings.ReplaceAll(md, "\n", "\n    ")+"\n", 1)
}

// pipeline loads src and builds and lays out its báo cáo, as validate
// does, and returns the processor time it took; an error is a refusal,
// which is as good as a render here.
func pipeline(src string) (time.Duration, error) {
	runtime.GC() // not to count the garbage of the run before
	start := cpuTime()
	r, err := load.Bytes("t.yaml", []byte(src))
	if err == nil {
		_, err = render.Outputs(r, "t", render.Options{Only: []string{"bao-cao"}})
	}
	return cpuTime() - start, err
}

// TestPathologicalMarkdownLinear runs each pathological body at a quarter
// of the 1 MB value limit and at the limit, through load, document and
// layout, and requires the work to grow with the input, not its square:
// four times the input may take at most eight times the processor time
// (a quadratic path takes sixteen). Each size runs three times and the
// fastest is kept. Short runs are let be: below 300 ms nothing here takes
// minutes.
func TestPathologicalMarkdownLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 50 bodies of up to 1 MB")
	}
	if !strings.Contains(bodyYAML("dấu hiệu"), "  body: |\n    dấu hiệu\n") {
		t.Fatal("bodyYAML does not put its Markdown in the body")
	}
	const limit = 1<<20 - 64
	for _, p := range pathological {
		t.Run(p.name, func(t *testing.T) {
			var took [2]time.Duration
			var msg string
			for i, n := range []int{limit / 4, limit} {
				src := bodyYAML(p.make(n))
				took[i] = time.Hour
				for range 3 {
					d, err := pipeline(src)
					took[i] = min(took[i], d)
					if err != nil {
						msg = strings.SplitN(err.Error(), "\n", 2)[0]
					}
				}
			}
			t.Logf("%v at 256 KB, %v at 1 MB; %s", took[0].Round(time.Millisecond), took[1].Round(time.Millisecond), msg)
			if took[1] > 8*took[0] && took[1] > 300*time.Millisecond {
				t.Errorf("1 MB took %v, %.1f times the %v of 256 KB: the work grows faster than the input", took[1], float64(took[1])/float64(took[0]), took[0])
			}
		})
	}
}

// BenchmarkPathologicalMarkdown runs each pathological body at the 1 MB
// value limit through load, build and layout, as validate does.
func BenchmarkPathologicalMarkdown(b *testing.B) {
	for _, p := range pathological {
		src := bodyYAML(p.make(1<<20 - 64))
		b.Run(strings.ReplaceAll(p.name, " ", "-"), func(b *testing.B) {
			for b.Loop() {
				pipeline(src)
			}
		})
	}
}
