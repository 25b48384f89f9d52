//go:build !race

// gomacro interrupts a running cell by writing a plain signal field that
// the interpreter loop reads without synchronisation (by design: no atomic
// in its hot loop), so these tests report a data race under -race by
// construction and run only without it.

package interp

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestInterrupt(t *testing.T) {
	s := newSession(t)
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		_, err := s.Eval(context.Background(), "n := 0\nfor { n++ }")
		done <- err
	}()
	time.Sleep(200 * time.Millisecond)
	s.Interrupt()
	select {
	case err := <-done:
		if !errors.Is(err, ErrInterrupted) {
			t.Fatalf("interrupted cell returned %v, want ErrInterrupted", err)
		}
		t.Logf("stopped %v after start", time.Since(start))
	case <-time.After(10 * time.Second):
		t.Fatal("the loop did not stop")
	}
	vals, err := s.Eval(context.Background(), "n > 0")
	if err != nil || len(vals) != 1 || vals[0].Interface() != true {
		t.Fatalf("after interrupt: %v, %v", vals, err)
	}
}

func TestInterruptCancelsContext(t *testing.T) {
	s := newSession(t)
	if ctx := s.Context(); ctx != context.Background() {
		t.Fatal("between cells Context() is not context.Background()")
	}
	done := make(chan error, 1)
	go func() {
		// time.Sleep is compiled code: only the context tells it apart
		_, err := s.Eval(context.Background(), "import \"time\"\ntime.Sleep(300 * time.Millisecond)")
		done <- err
	}()
	var ctx context.Context
	for ctx == nil || ctx == context.Background() {
		time.Sleep(5 * time.Millisecond)
		ctx = s.Context()
	}
	s.Interrupt()
	if ctx.Err() == nil {
		t.Fatal("Interrupt did not cancel the running cell's context")
	}
	if err := <-done; !errors.Is(err, ErrInterrupted) {
		t.Fatalf("cell returned %v, want ErrInterrupted once compiled code returns", err)
	}
}

// A library call that stops on the cancelled context with an error of its
// own (a training loop, say) still ends the cell as interrupted.
func TestInterruptWinsOverTheCallsError(t *testing.T) {
	s := newSession(t)
	done := make(chan error, 1)
	go func() {
		_, err := s.Eval(context.Background(), "import \"time\"\ntime.Sleep(300 * time.Millisecond)\npanic(\"models: training stopped\")")
		done <- err
	}()
	for ctx := s.Context(); ctx == context.Background(); ctx = s.Context() {
		time.Sleep(5 * time.Millisecond)
	}
	s.Interrupt()
	err := <-done
	var ce *CellError
	if !errors.As(err, &ce) || ce.Name != "Interrupted" {
		t.Fatalf("cell error = %v, want Interrupted", err)
	}
}
