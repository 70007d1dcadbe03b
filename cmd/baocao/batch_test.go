package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baocao/render"
)

// batchInputs writes n copies of a small valid file into a new directory,
// every tenth broken in one of two ways, and returns the directory and the
// broken files with a piece of the first error each must be reported with.
func batchInputs(t *testing.T, n int) (dir string, broken map[string]string) {
	t.Helper()
	src, err := os.ReadFile("testdata/bao-cao-only.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	broken = map[string]string{}
	for i := range n {
		name := filepath.Join(dir, fmt.Sprintf("r%02d.yaml", i))
		data := src
		switch {
		case i%20 == 3:
			data = bytes.Replace(src, []byte("date: 05/03/2020"), []byte("date: 31/02/2020"), 1)
			broken[name] = name + ":16:9: \"date\" là 31/02/2020"
		case i%20 == 13:
			data = append([]byte("agency: [\n"), src...)
			broken[name] = name + ":3:1: lỗi cú pháp YAML"
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Not YAML: a directory argument leaves it alone.
	if err := os.WriteFile(filepath.Join(dir, "ghi-chu.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, broken
}

// TestBatch renders a directory in which a tenth of the files are broken,
// with one job and with four: the status is 1, each broken file is named
// in the summary with its first error, the others are rendered, and both
// runs write the same files byte for byte and print the same.
func TestBatch(t *testing.T) {
	const n = 20
	in, broken := batchInputs(t, n)
	var outputs [2]map[string][]byte
	var stdouts [2]string
	for k, jobs := range []string{"1", "4"} {
		out := t.TempDir()
		code, stdout, stderr := runCmd("render", "-j", jobs, "-o", out, in)
		if code != exitInvalid {
			t.Errorf("-j %s: status %d, want %d", jobs, code, exitInvalid)
		}
		summary := stderr[strings.LastIndex(stderr, "baocao: "):]
		if want := fmt.Sprintf("baocao: %d/%d tệp YAML đã tạo xong văn bản", n-len(broken), n); !strings.HasPrefix(summary, want) {
			t.Errorf("-j %s: summary\n%s\nwant it to start %q", jobs, summary, want)
		}
		lines := strings.Split(strings.TrimSpace(summary), "\n")[1:]
		if len(lines) != len(broken) {
			t.Errorf("-j %s: %d files named failed, want %d:\n%s", jobs, len(lines), len(broken), summary)
		}
		for _, l := range lines {
			file, _, _ := strings.Cut(strings.TrimSpace(l), ":")
			if want, ok := broken[file]; !ok || !strings.HasPrefix(strings.TrimSpace(l), want) {
				t.Errorf("-j %s: summary line %q, want one starting %q", jobs, l, want)
			}
		}
		files := map[string][]byte{}
		entries, err := os.ReadDir(out)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if files[e.Name()], err = os.ReadFile(filepath.Join(out, e.Name())); err != nil {
				t.Fatal(err)
			}
		}
		if len(files) != n-len(broken) {
			t.Errorf("-j %s: %d files written, want %d", jobs, len(files), n-len(broken))
		}
		for f := range broken {
			name := strings.TrimSuffix(filepath.Base(f), ".yaml") + "-bao-cao.pdf"
			if _, ok := files[name]; ok {
				t.Errorf("-j %s: %s written for a broken file", jobs, name)
			}
		}
		outputs[k] = files
		stdouts[k] = strings.ReplaceAll(stdout, out, "OUT")
	}
	for name, data := range outputs[0] {
		if !bytes.Equal(data, outputs[1][name]) {
			t.Errorf("%s differs between -j 1 and -j 4", name)
		}
	}
	if stdouts[0] != stdouts[1] {
		t.Errorf("-j 1 printed\n%s\n-j 4 printed\n%s", stdouts[0], stdouts[1])
	}
}

// TestBatchArguments: files and directories mix, in order; a directory
// with no YAML file and a -j below 1 are errors.
func TestBatchArguments(t *testing.T) {
	in, _ := batchInputs(t, 2)
	empty := t.TempDir()
	out := t.TempDir()
	code, stdout, stderr := runCmd("render", "-o", out, filepath.Join(in, "r01.yaml"), empty, in)
	if code != exitInvalid {
		t.Errorf("status %d, want %d", code, exitInvalid)
	}
	want := strings.Join([]string{"r01-bao-cao.pdf", "r00-bao-cao.pdf", "r01-bao-cao.pdf"}, "\n"+out+"/")
	if got := strings.TrimSpace(stdout); got != out+"/"+want {
		t.Errorf("stdout\n%s\nwant\n%s", got, out+"/"+want)
	}
	if !strings.Contains(stderr, "  "+empty+": thư mục "+empty+" không có tệp .yaml nào") || !strings.Contains(stderr, "3/4 tệp YAML") {
		t.Errorf("stderr does not name the empty directory in a summary of 3 of 4:\n%s", stderr)
	}
	if code, _, stderr := runCmd("render", "-j", "0", "-o", out, in); code != exitUsage || !strings.Contains(stderr, "-j") {
		t.Errorf("-j 0: status %d, stderr %q; want %d and a word on -j", code, stderr, exitUsage)
	}
}

// TestBatchProgress: on a terminal a progress line counts the files done
// and the failures and estimates the time left; it is cleared before
// other output and before the summary.
func TestBatchProgress(t *testing.T) {
	var stdout, stderr bytes.Buffer
	b := &batchRun{in: []input{{file: "a.yaml"}, {file: "b.yaml"}, {file: "c.yaml"}}, stdout: &stdout, stderr: &stderr, terminal: true, start: time.Now()}
	code := b.run(context.Background(), 1, func(file string, stdout, stderr io.Writer) (func() error, error) {
		time.Sleep(120 * time.Millisecond) // past the redraw interval
		if file == "b.yaml" {
			fmt.Fprintln(stderr, "b.yaml:3:1: hỏng")
			return nil, errors.New("b.yaml:3:1: hỏng")
		}
		return func() error {
			fmt.Fprintln(stdout, file+".pdf")
			return nil
		}, nil
	})
	if code != exitInvalid {
		t.Errorf("status %d, want %d", code, exitInvalid)
	}
	const clear = "\r\x1b[K"
	got := stderr.String()
	for _, want := range []string{
		clear + "baocao: 1/3 tệp, 0 lỗi, còn khoảng 0:00",
		clear + "b.yaml:3:1: hỏng\n" + clear + "baocao: 2/3 tệp, 1 lỗi",
		"baocao: 3/3 tệp, 1 lỗi, còn khoảng 0:00" + clear + "baocao: 2/3 tệp YAML đã tạo xong văn bản; 1 tệp có lỗi",
		"\n  b.yaml:3:1: hỏng\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("stderr\n%q\nlacks\n%q", got, want)
		}
	}
	if stdout.String() != "a.yaml.pdf\nc.yaml.pdf\n" {
		t.Errorf("stdout %q", stdout.String())
	}
	// Not a terminal: no progress line.
	stderr.Reset()
	b = &batchRun{in: b.in, stdout: io.Discard, stderr: &stderr, start: time.Now()}
	b.run(context.Background(), 2, func(string, io.Writer, io.Writer) (func() error, error) { return func() error { return nil }, nil })
	if strings.Contains(stderr.String(), "\r") {
		t.Errorf("progress drawn on a file: %q", stderr.String())
	}
}

// TestBatchInterrupted: once the context is cancelled no file is started;
// the summary counts the files left undone.
func TestBatchInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr bytes.Buffer
	started := 0
	b := &batchRun{in: []input{{file: "a.yaml"}, {file: "b.yaml"}, {file: "c.yaml"}}, stdout: io.Discard, stderr: &stderr, start: time.Now()}
	code := b.run(ctx, 1, func(string, io.Writer, io.Writer) (func() error, error) {
		started++
		cancel()
		return func() error { return nil }, nil
	})
	if code != exitInvalid || started != 1 || !strings.Contains(stderr.String(), "1/3 tệp YAML") || !strings.Contains(stderr.String(), "2 tệp chưa làm vì bị ngắt") {
		t.Errorf("status %d, %d started, stderr %q; want %d, 1 and two files left undone", code, started, stderr.String(), exitInvalid)
	}
}

// TestInterruptible: work that ends is returned with what it printed;
// work still running when the context is cancelled is left behind, with
// render.ErrInterrupted returned at once and nothing it printed shown.
func TestInterruptible(t *testing.T) {
	var stderr bytes.Buffer
	got, err := interruptible(context.Background(), &stderr, func(w io.Writer) (int, error) {
		fmt.Fprint(w, "đã in")
		return 7, nil
	})
	if got != 7 || err != nil || stderr.String() != "đã in" {
		t.Errorf("got %d, %v, printed %q; want 7, nil, \"đã in\"", got, err, stderr.String())
	}
	stderr.Reset()
	ctx, cancel := context.WithCancel(context.Background())
	release := make(chan struct{})
	defer close(release)
	time.AfterFunc(10*time.Millisecond, cancel)
	_, err = interruptible(ctx, &stderr, func(w io.Writer) (int, error) {
		fmt.Fprint(w, "không được in")
		<-release // work that does not watch ctx
		return 1, nil
	})
	if !errors.Is(err, render.ErrInterrupted) || stderr.Len() > 0 {
		t.Errorf("got %v, printed %q; want ErrInterrupted and nothing printed", err, stderr.String())
	}
}
