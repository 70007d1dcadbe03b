package render_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"baocao/render"
)

// TestOutputsContext: cancelling the context returns from OutputsContext
// at once, with ErrInterrupted and the cause, though layout does not watch
// it: well before the documents could be laid out.
func TestOutputsContext(t *testing.T) {
	r := synthetic(300)
	start := time.Now()
	if _, err := render.Outputs(r, "x", render.Options{}); err != nil {
		t.Fatal(err)
	}
	whole := time.Since(start)
	ctx, cancel := context.WithCancelCause(context.Background())
	cause := errors.New("ngắt")
	time.AfterFunc(whole/10, func() { cancel(cause) })
	start = time.Now()
	_, err := render.OutputsContext(ctx, r, "x", render.Options{})
	stopped := time.Since(start)
	if !errors.Is(err, render.ErrInterrupted) || !errors.Is(err, cause) {
		t.Fatalf("got %v, want ErrInterrupted with the cause", err)
	}
	if stopped > whole/2 {
		t.Errorf("cancelled after %v, returned after %v: the whole takes %v", whole/10, stopped, whole)
	}
	t.Logf("the whole takes %v; cancelled after %v, returned after %v", whole, whole/10, stopped)
}
