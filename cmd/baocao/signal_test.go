package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildBinary builds the command into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "baocao")
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// bigInput writes into dir the example with an annex of rows rows, large
// enough that writing its PDF takes a good part of a second, and returns
// its path. The example's images are linked beside it.
func bigInput(t *testing.T, dir string, rows int) string {
	t.Helper()
	src, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.Write(src)
	b.WriteString("\nannexes:\n  - title: Danh sách đơn vị\n    table:\n      columns:\n        - name: STT\n        - name: Đơn vị\n        - {name: Số cán bộ, type: number, sum: true}\n      rows:\n")
	for i := range rows {
		fmt.Fprintf(&b, "        - [\"%d\", \"Đơn vị số %d thuộc Công an thành phố\", \"%d\"]\n", i+1, i+1, i%97)
	}
	images, err := filepath.Abs(filepath.Join(filepath.Dir(example), "images"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "images"), os.DirFS(images)); err != nil { // a YAML reads only inside its folder
		t.Fatal(err)
	}
	file := filepath.Join(dir, "lon.yaml")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// outputNames are the files the big input renders to.
var outputNames = []string{"lon-ban-tin.pdf", "lon-bao-cao.pdf", "lon-bien-ban.pdf", "lon-phu-luc.xlsx", "lon-thong-bao.pdf"}

// putOld fills out with an older version of every output.
func putOld(t *testing.T, out string) {
	t.Helper()
	for _, n := range outputNames {
		if err := os.WriteFile(filepath.Join(out, n), []byte("bản cũ của "+n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// hidden lists the hidden temporary files in out.
func hidden(t *testing.T, out string) []string {
	t.Helper()
	var tmps []string
	for _, n := range dirNames(t, out) {
		if strings.HasPrefix(n, ".") && strings.HasSuffix(n, ".tmp") {
			tmps = append(tmps, n)
		}
	}
	return tmps
}

// assertOldOutputs checks that every older output in out is unchanged and
// that no other visible file appeared.
func assertOldOutputs(t *testing.T, out string) {
	t.Helper()
	var visible []string
	for _, n := range dirNames(t, out) {
		if !strings.HasPrefix(n, ".") {
			visible = append(visible, n)
		}
	}
	if !slices.Equal(visible, outputNames) {
		t.Errorf("output directory shows %q, want only the older %q", visible, outputNames)
	}
	for _, n := range outputNames {
		if got, err := os.ReadFile(filepath.Join(out, n)); err != nil || string(got) != "bản cũ của "+n {
			t.Errorf("%s changed: %.40q, %v", n, got, err)
		}
	}
}

// startRender starts the binary rendering file into out and waits until
// ready reports true of out, polling.
func startRender(t *testing.T, bin, file, out string, ready func() bool) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "render", "-o", out, file)
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Minute)
	for !ready() {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the render never reached the point to interrupt")
		}
		time.Sleep(time.Millisecond)
	}
	return cmd, &stderr
}

// TestInterruptMidRender runs the built command on a large input and stops
// it — with SIGINT or SIGTERM while it loads and lays out, or while it
// writes, and with SIGKILL while it writes — then checks that the older
// outputs are unchanged and nothing new is visible. An interrupted render
// removes its temporary files; a killed one cannot, and leaves hidden ones,
// which the next render removes once they are an hour old.
func TestInterruptMidRender(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and renders a large input")
	}
	bin := buildBinary(t)
	file := bigInput(t, t.TempDir(), 20000)
	tests := []struct {
		name string
		sig  syscall.Signal
		// writing waits for the first temporary file before signalling;
		// otherwise the signal comes 200 ms after the start, once the
		// command handles signals and well before it writes (after some
		// 500 ms).
		writing bool
	}{
		{"SIGINT while writing", syscall.SIGINT, true},
		{"SIGTERM while writing", syscall.SIGTERM, true},
		{"SIGINT while loading", syscall.SIGINT, false},
		{"SIGKILL while writing", syscall.SIGKILL, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			putOld(t, out)
			start := time.Now()
			cmd, stderr := startRender(t, bin, file, out, func() bool {
				if tt.writing {
					return len(hidden(t, out)) > 0
				}
				return time.Since(start) > 200*time.Millisecond
			})
			if err := cmd.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			code := cmd.ProcessState.ExitCode()
			assertOldOutputs(t, out)
			if tt.sig == syscall.SIGKILL {
				if err == nil {
					t.Fatal("the killed render succeeded: it was not stopped mid-way")
				}
				leftover := hidden(t, out)
				t.Logf("SIGKILL left %q", leftover)
				// The next render removes them once they are old enough.
				old := time.Now().Add(-2 * time.Hour)
				for _, n := range leftover {
					if err := os.Chtimes(filepath.Join(out, n), old, old); err != nil {
						t.Fatal(err)
					}
				}
				if out, err := exec.Command(bin, "render", "-o", out, file).CombinedOutput(); err != nil {
					t.Fatalf("render after the kill: %v\n%s", err, out)
				}
				if got := hidden(t, out); len(got) > 0 {
					t.Errorf("the next render left %q", got)
				}
				return
			}
			if code != exitInvalid {
				t.Errorf("exit status %d, want %d\nstderr: %s", code, exitInvalid, stderr)
			}
			if !strings.Contains(stderr.String(), "đã dừng vì bị ngắt") {
				t.Errorf("stderr does not say the render was interrupted:\n%s", stderr)
			}
			if got := hidden(t, out); len(got) > 0 {
				t.Errorf("temporary files left: %q", got)
			}
			t.Logf("stopped after %v", time.Since(start))
		})
	}
}

// TestSecondInterrupt: a render busy with a body that takes long to
// execute (a loop of 10⁸ empty rounds, some 5 seconds) does not watch for
// an interrupt; a second one ends it at once, by the default action,
// before anything is written.
func TestSecondInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	src, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	const body = "  body: |\n"
	slow := strings.Replace(string(src), body, body+"    {{ range 100000000 }}{{ end }}\n", 1)
	file := filepath.Join(dir, "lon.yaml")
	if err := os.WriteFile(file, []byte(slow), 0o644); err != nil {
		t.Fatal(err)
	}
	images, err := filepath.Abs(filepath.Join(filepath.Dir(example), "images"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "images"), os.DirFS(images)); err != nil { // a YAML reads only inside its folder
		t.Fatal(err)
	}
	out := t.TempDir()
	putOld(t, out)
	start := time.Now()
	cmd, _ := startRender(t, bin, file, out, func() bool { return time.Since(start) > 200*time.Millisecond })
	for range 2 {
		if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err := cmd.Wait(); err == nil {
		t.Error("the render succeeded")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the render took %v to stop", d)
	}
	assertOldOutputs(t, out)
	if got := hidden(t, out); len(got) > 0 {
		t.Errorf("temporary files left: %q", got)
	}
}
