package render

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestGenerate: Generate returns once every output is made, each made
// once however often it is then written; WriteAll writes what was made,
// and a failure to make one is still an error to write it.
func TestGenerate(t *testing.T) {
	var calls [2]atomic.Int32
	outs := []Output{
		{Name: "a.pdf", Write: func(w io.Writer) error {
			time.Sleep(20 * time.Millisecond)
			calls[0].Add(1)
			_, err := w.Write([]byte("a"))
			return err
		}},
		{Name: "b.xlsx", Write: func(w io.Writer) error {
			calls[1].Add(1)
			_, err := w.Write([]byte("b"))
			return err
		}},
	}
	made := Generate(outs)
	if calls[0].Load() != 1 || calls[1].Load() != 1 {
		t.Fatalf("Generate returned with outputs made %d and %d times, want once each", calls[0].Load(), calls[1].Load())
	}
	var buf bytes.Buffer
	if err := made[0].Write(&buf); err != nil || buf.String() != "a" {
		t.Errorf("made output writes %q, %v", buf.String(), err)
	}
	dir := t.TempDir()
	if err := WriteAll(context.Background(), dir, made); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"a", "b"} {
		got, err := os.ReadFile(filepath.Join(dir, outs[i].Name))
		if err != nil || string(got) != want {
			t.Errorf("%s holds %q, %v; want %q", outs[i].Name, got, err, want)
		}
		if n := calls[i].Load(); n != 1 {
			t.Errorf("%s made %d times, want once", outs[i].Name, n)
		}
	}

	failed := Generate([]Output{{Name: "c.pdf", Write: func(io.Writer) error { return errors.New("hỏng") }}})
	if err := WriteAll(context.Background(), dir, failed); err == nil || !strings.Contains(err.Error(), "không tạo được c.pdf (hỏng)") {
		t.Errorf("WriteAll of a failed output = %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "c.pdf")); !os.IsNotExist(err) {
		t.Errorf("c.pdf written: %v", err)
	}
}
