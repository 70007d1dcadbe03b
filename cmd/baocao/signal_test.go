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
// enough that writing its PDF takes a good part of a second, or, rows
// being 0, of as many rows as keep the file under the 10 MB limit (some
// 91.000 rows, 2.500 pages), and returns its path. The example's images
// are linked beside it.
func bigInput(t *testing.T, dir string, rows int) string {
	t.Helper()
	src, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.Write(src)
	b.WriteString("\nannexes:\n  - title: Danh sách đơn vị\n    table:\n      columns:\n        - name: STT\n        - name: Đơn vị\n        - {name: Số cán bộ, type: number, sum: true}\n      rows:\n")
	for i := 0; rows == 0 || i < rows; i++ {
		row := fmt.Sprintf("        - [\"%d\", \"Đơn vị số %d thuộc Công an thành phố Cần Thơ, quận Ninh Kiều\", \"%d\"]\n", i+1, i+1, i%97)
		if rows == 0 && b.Len()+len(row) > 10<<20-1<<10 {
			break
		}
		b.WriteString(row)
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

// slowTemplates writes a directory of templates whose bao-cao loops on a
// comparison of two strings of 4 MB: few steps, each slow, so that the
// loop runs until the budget's 10 seconds are up.
func slowTemplates(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	const src = `{{ $a := "0123456789abcdef" }}{{ range 18 }}{{ $a = print $a $a }}{{ end }}{{ $b := print $a }}` +
		`{{ range 2000000 }}{{ if eq $a $b }}{{ end }}{{ end }}`
	if err := os.WriteFile(filepath.Join(dir, "bao-cao.md.tmpl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// duration runs the built command to its end and returns how long it
// took.
func duration(t *testing.T, bin string, args ...string) time.Duration {
	t.Helper()
	start := time.Now()
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("%q: %v\n%s", args, err, out)
	}
	return time.Since(start)
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

// TestInterruptMidRender runs the built command and stops it, with SIGINT
// or SIGTERM, in each of its phases — loading a 10 MB file, laying out its
// 2.500 pages, making their PDF, a template looping, writing — and with
// SIGKILL while it writes; then checks that the older outputs are
// unchanged and nothing new is visible. An interrupted command exits with
// status 1 and its message within a second and removes its temporary
// files; a killed one cannot, and leaves hidden ones, which the next
// render removes once they are an hour old.
func TestInterruptMidRender(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and renders large inputs")
	}
	bin := buildBinary(t)
	big := bigInput(t, t.TempDir(), 20000)
	huge := bigInput(t, t.TempDir(), 0)
	slow := slowTemplates(t)
	// The signals fall inside each phase as it runs on this machine now:
	// loading ends when validate --kind phu-luc, which makes no document,
	// ends; layout when validate does; making the PDFs, then writing
	// them, when render does.
	loaded := duration(t, bin, "validate", "--kind", "phu-luc", huge)
	laidOut := duration(t, bin, "validate", huge)
	rendered := duration(t, bin, "render", "-o", t.TempDir(), huge)
	t.Logf("the 10 MB input loads in %v, is laid out by %v, written by %v", loaded, laidOut, rendered)
	render := func(args ...string) []string { return append([]string{"render", "-o", "OUT"}, args...) }
	tests := []struct {
		name string
		sig  syscall.Signal
		args []string
		// after is when to signal, from the start; 0 waits for the first
		// temporary file instead.
		after time.Duration
	}{
		{"SIGINT while loading 10 MB", syscall.SIGINT, render(huge), loaded / 2},
		{"SIGINT while validate loads 10 MB", syscall.SIGINT, []string{"validate", huge}, loaded / 2},
		{"SIGTERM while laying out 2.500 pages", syscall.SIGTERM, render(huge), (loaded + laidOut) / 2},
		{"SIGINT while making the PDFs", syscall.SIGINT, render(huge), laidOut + (rendered-laidOut)/4},
		{"SIGINT while a template loops", syscall.SIGINT, render("--templates", slow, big), 500 * time.Millisecond},
		{"SIGINT while writing", syscall.SIGINT, render(big), 0},
		{"SIGTERM while writing", syscall.SIGTERM, render(big), 0},
		{"SIGKILL while writing", syscall.SIGKILL, render(big), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			var e ending
			// On a machine busier than when the phases were timed, the
			// command may end before the signal, or its writing may pass
			// unseen between two looks: then it is run again, signalled
			// sooner.
			after := tt.after
			for try := 1; ; try++ {
				putOld(t, out)
				e = interrupt(t, bin, tt.args, out, tt.sig, after)
				if !e.early {
					break
				}
				if try == 4 {
					t.Fatalf("the command ended before the signal %d times: %v, status %d\n%s", try, e.err, e.code, e.stderr)
				}
				t.Logf("the command ended before the signal at %v; again, signalling sooner", after)
				after /= 2
			}
			assertOldOutputs(t, out)
			if tt.sig == syscall.SIGKILL {
				if e.err == nil {
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
				if out, err := exec.Command(bin, "render", "-o", out, big).CombinedOutput(); err != nil {
					t.Fatalf("render after the kill: %v\n%s", err, out)
				}
				if got := hidden(t, out); len(got) > 0 {
					t.Errorf("the next render left %q", got)
				}
				return
			}
			if e.code != exitInvalid {
				t.Errorf("exit status %d, want %d\nstderr: %s", e.code, exitInvalid, e.stderr)
			}
			if !strings.Contains(e.stderr, "đã dừng vì bị ngắt") {
				t.Errorf("stderr does not say the command was interrupted:\n%s", e.stderr)
			}
			if got := hidden(t, out); len(got) > 0 {
				t.Errorf("temporary files left: %q", got)
			}
			if e.stopped > time.Second {
				t.Errorf("the command took %v to stop after the signal, want at most a second", e.stopped)
			}
			t.Logf("signalled after %v, stopped %v later", e.signalled, e.stopped)
		})
	}
}

// ending is how a signalled command ended.
type ending struct {
	// early is set when the command ended before the point at which it
	// was to be signalled, and was not signalled.
	early     bool
	err       error
	code      int
	stderr    string
	signalled time.Duration // from the start
	stopped   time.Duration // from the signal
}

// interrupt starts the built command with args (OUT standing for out),
// sends it sig after the time after — or, after being 0, once it writes
// its first temporary file — and waits for it to end, 10 s at the most.
func interrupt(t *testing.T, bin string, args []string, out string, sig syscall.Signal, after time.Duration) ending {
	t.Helper()
	args = slices.Clone(args)
	for i, a := range args {
		if a == "OUT" {
			args[i] = out
		}
	}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	var e ending
	for ready := false; !ready; {
		select {
		case e.err = <-waited:
			e.early, e.code, e.stderr = true, cmd.ProcessState.ExitCode(), stderr.String()
			return e
		case <-time.After(time.Millisecond):
		}
		if after == 0 {
			ready = len(hidden(t, out)) > 0
		} else {
			ready = time.Since(start) > after
		}
	}
	if after > 0 && len(hidden(t, out)) > 0 {
		t.Log("the command was already writing: the signal tests that phase again")
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	e.signalled = time.Since(start)
	select {
	case e.err = <-waited:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		<-waited
		t.Fatal("the command still ran 10 s after the signal")
	}
	e.stopped = time.Since(start) - e.signalled
	e.code, e.stderr = cmd.ProcessState.ExitCode(), stderr.String()
	return e
}
