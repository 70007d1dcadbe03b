package main

import (
	"bufio"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestDoubleClick starts the command with no arguments, as a double-click
// does: it serves the folder it runs in on 127.0.0.1 and opens the browser
// (here $BROWSER, a script that notes the address) at an address whose
// token opens the app; an interrupt stops it.
func TestDoubleClick(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	src, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "hoi-nghi.yaml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	opened := filepath.Join(t.TempDir(), "opened")
	script := filepath.Join(t.TempDir(), "browser")
	if err := os.WriteFile(script, []byte("#!/bin/sh\necho \"$1\" > "+opened+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "BROWSER="+script, "BAOCAO_TOKEN=")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(stdout)
	var printed string
	for lines.Scan() {
		if u, ok := strings.CutPrefix(lines.Text(), "Mở trong trình duyệt: "); ok {
			printed = u
			break
		}
	}
	if !strings.HasPrefix(printed, "http://127.0.0.1:") || !strings.Contains(printed, "/?t=") {
		t.Fatalf("printed address %q", printed)
	}
	var url []byte
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if url, err = os.ReadFile(opened); err == nil && len(url) > 0 {
			break
		}
	}
	if strings.TrimSpace(string(url)) != printed {
		t.Fatalf("the browser was opened at %q, the address printed is %q", url, printed)
	}
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	get := func(u string) (int, string) {
		res, err := client.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, page := get(printed); code != 200 || !strings.Contains(page, `<script type="module" src="/static/app.js">`) {
		t.Fatalf("the app's page: %d", code)
	}
	base := printed[:strings.Index(printed, "?")]
	if code, list := get(base + "app/files"); code != 200 || !strings.Contains(list, `"name":"hoi-nghi.yaml"`) {
		t.Errorf("the folder's files: %d %s", code, list)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(stdout)
	if err := cmd.Wait(); err != nil || !strings.Contains(string(rest), "đã dừng") {
		t.Errorf("after an interrupt: %v, %q", err, rest)
	}
}
