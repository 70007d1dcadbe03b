package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
)

// enter admits a request that will render, or refuses it at once as busy
// when as many are at work or waiting as the server takes: a request's
// body is read only once admitted, so that memory stays bounded. The
// request's context is bounded by the server's timeout.
func (s *Server) enter(w http.ResponseWriter, r *http.Request) (*http.Request, func(), bool) {
	select {
	case s.admit <- struct{}{}:
	default:
		w.Header().Set("Retry-After", "2")
		fail(w, http.StatusServiceUnavailable, "máy chủ đang bận với các yêu cầu khác — hãy thử lại sau ít giây")
		return nil, nil, false
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	return r.WithContext(ctx), func() { cancel(); <-s.admit }, true
}

// errPanic is the error of a render that panicked: a defect of the
// program, reported instead of taking the server down.
var errPanic = errors.New("lỗi chương trình")

// run runs fn when a job slot is free, and waits for it while ctx lasts.
// A render cannot be stopped midway: when ctx ends first, fn runs on to
// its end in its slot, so that no more renders than slots ever run.
func (s *Server) run(ctx context.Context, fn func()) error {
	select {
	case s.jobs <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	done := make(chan error, 1)
	go func() {
		defer func() {
			<-s.jobs
			if p := recover(); p != nil {
				done <- fmt.Errorf("%w: %v", errPanic, p)
			}
			close(done)
		}()
		fn()
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// failRun answers for a run that did not complete.
func (s *Server) failRun(w http.ResponseWriter, err error) {
	if errors.Is(err, errPanic) {
		fail(w, http.StatusInternalServerError, err.Error()+" — hãy báo cho người phát triển kèm tệp YAML")
		return
	}
	fail(w, http.StatusServiceUnavailable, fmt.Sprintf("quá thời gian xử lý (%v) — hãy thử lại; nếu tệp rất lớn, hãy tách thành nhiều tệp", s.cfg.Timeout))
}
