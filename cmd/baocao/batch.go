package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"baocao/render/face"
	"baocao/render/oserr"
)

// jobsFlag adds the -j flag to fs.
func jobsFlag(fs *flag.FlagSet) *int {
	return fs.Int("j", runtime.NumCPU(), "số tệp tạo cùng lúc (mặc định: số nhân CPU của máy); TỆP có thể là một thư mục, nghĩa là mọi tệp .yaml trong đó")
}

// input is one file to render, or an argument that names none: a
// directory that cannot be read or holds no YAML file.
type input struct {
	file string
	err  error
}

// inputs lists the files args name, in order: a directory stands for its
// *.yaml files, sorted by name.
func inputs(args []string) []input {
	var out []input
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil || !info.IsDir() {
			out = append(out, input{file: a}) // rendering it reports the problem
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			out = append(out, input{file: a, err: fmt.Errorf("không đọc được thư mục %s (%s) — hãy kiểm tra quyền đọc", a, oserr.Reason(err))})
			continue
		}
		n := len(out)
		for _, e := range entries {
			if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".yaml") {
				out = append(out, input{file: filepath.Join(a, e.Name())})
			}
		}
		if len(out) == n {
			out = append(out, input{file: a, err: fmt.Errorf("thư mục %s không có tệp .yaml nào — hãy chỉ ra tệp cần tạo, hoặc thư mục chứa chúng", a)})
		}
	}
	return out
}

// result is what rendering one input printed and how it ended.
type result struct {
	stdout, stderr bytes.Buffer
	err            error
	done           bool
}

// renderFunc renders one file in two steps, each printing to stdout the
// files it writes and to stderr every problem: it makes the outputs in
// memory, the work of a processor, and returns the step that writes them,
// which waits on the disk; or the error that ended it.
type renderFunc func(file string, stdout, stderr io.Writer) (write func() error, err error)

// batch renders the files args name with up to jobs at a time, each going
// on whatever happens to the others, and returns the exit status: 1 if any
// failed. Each file's output is printed whole, in the order of args. With
// more than one file a summary ends the output; when stderr is a terminal
// a progress line is kept at its bottom meanwhile. Once ctx is cancelled no
// further file is started.
func batch(ctx context.Context, args []string, jobs int, stdout, stderr io.Writer, fn renderFunc) int {
	if jobs < 1 {
		fmt.Fprintf(stderr, "baocao: -j là %d, phải từ 1 trở lên (số tệp tạo cùng lúc)\n", jobs)
		return exitUsage
	}
	defer holdMemory()()
	// The embedded fonts are parsed while the first file loads.
	go face.Default()
	b := &batchRun{in: inputs(args), stdout: stdout, stderr: stderr, terminal: isTerminal(stderr), start: time.Now()}
	return b.run(ctx, jobs, fn)
}

// batchRun is the state of one batch.
type batchRun struct {
	in             []input
	results        []result
	stdout, stderr io.Writer
	terminal       bool // draw a progress line on stderr
	start          time.Time
	printed        int // results printed so far, in order
	finished       int
	failed         int
	shown          time.Time // when the progress line was last drawn
}

func (b *batchRun) run(ctx context.Context, jobs int, fn renderFunc) int {
	b.results = make([]result, len(b.in))
	next := make(chan int)
	done := make(chan int)
	go func() {
		defer close(next)
		for i := range b.in {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	// jobs files are made at a time; as many more may be writing
	// meanwhile, so that no processor waits on the disk.
	slots := make(chan struct{}, jobs)
	var wg sync.WaitGroup
	for range min(2*jobs, len(b.in)) {
		wg.Go(func() {
			for i := range next {
				slots <- struct{}{}
				if ctx.Err() != nil {
					<-slots
					continue // interrupted: leave it undone
				}
				write := b.make(i, fn)
				<-slots
				if write != nil {
					b.results[i].err = write()
				}
				done <- i
			}
		})
	}
	go func() {
		wg.Wait()
		close(done)
	}()
	for i := range done {
		b.results[i].done = true
		b.finished++
		if b.results[i].err != nil {
			b.failed++
		}
		b.flush()
	}
	b.clearProgress()
	if len(b.in) > 1 {
		b.summary()
	}
	if b.failed > 0 || b.finished < len(b.in) {
		return exitInvalid
	}
	return exitOK
}

// make runs the first step of rendering input i, and returns the second,
// or nil when the first failed.
func (b *batchRun) make(i int, fn renderFunc) (write func() error) {
	r := &b.results[i]
	if r.err = b.in[i].err; r.err != nil {
		fmt.Fprintln(&r.stderr, r.err)
		return nil
	}
	if write, r.err = fn(b.in[i].file, &r.stdout, &r.stderr); r.err != nil {
		return nil
	}
	return write
}

// flush prints the results finished in order so far and keeps the
// progress line below them.
func (b *batchRun) flush() {
	cleared := false
	for ; b.printed < len(b.results) && b.results[b.printed].done; b.printed++ {
		r := &b.results[b.printed]
		if !cleared && r.stdout.Len()+r.stderr.Len() > 0 {
			b.clearProgress()
			cleared = true
		}
		b.stdout.Write(r.stdout.Bytes())
		b.stderr.Write(r.stderr.Bytes())
		r.stdout, r.stderr = bytes.Buffer{}, bytes.Buffer{} // printed: free them
	}
	b.progress(cleared)
}

// progress draws the progress line: files done of all, failures, the time
// left at the pace so far. Unless the line was just cleared, it is drawn
// at most ten times a second, and for the last file.
func (b *batchRun) progress(now bool) {
	if !b.terminal || len(b.in) < 2 || !now && b.finished < len(b.in) && time.Since(b.shown) < 100*time.Millisecond {
		return
	}
	b.shown = time.Now()
	left := time.Duration(float64(time.Since(b.start)) / float64(b.finished) * float64(len(b.in)-b.finished))
	fmt.Fprintf(b.stderr, "\r\x1b[Kbaocao: %d/%d tệp, %d lỗi, còn khoảng %s", b.finished, len(b.in), b.failed, clock(left))
}

// clearProgress removes the progress line, so that other output can take
// its place.
func (b *batchRun) clearProgress() {
	if b.terminal && !b.shown.IsZero() {
		fmt.Fprint(b.stderr, "\r\x1b[K")
	}
}

// clock writes a duration as minutes and seconds, "1:05".
func clock(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// summary tells how many files were rendered and names each that was not,
// with its first error.
func (b *batchRun) summary() {
	ok := b.finished - b.failed
	fmt.Fprintf(b.stderr, "baocao: %d/%d tệp YAML đã tạo xong văn bản", ok, len(b.in))
	if skipped := len(b.in) - b.finished; skipped > 0 {
		fmt.Fprintf(b.stderr, "; %d tệp chưa làm vì bị ngắt", skipped)
	}
	if b.failed == 0 {
		fmt.Fprintln(b.stderr)
		return
	}
	fmt.Fprintf(b.stderr, "; %d tệp có lỗi, không ghi văn bản nào cho chúng:\n", b.failed)
	for i, r := range b.results {
		if r.done && r.err != nil {
			fmt.Fprintln(b.stderr, "  "+firstLine(b.in[i].file, firstError(r.err)))
		}
	}
}

// firstError returns the first of the errors err holds, if it holds a list.
func firstError(err error) error {
	var list interface{ Unwrap() []error }
	for errors.As(err, &list) && len(list.Unwrap()) > 0 {
		err = list.Unwrap()[0]
	}
	return err
}

// firstLine is the first line of err's message about file, starting with
// the file's name.
func firstLine(file string, err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	if !strings.HasPrefix(s, file) {
		s = file + ": " + s
	}
	return s
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
