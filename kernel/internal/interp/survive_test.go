//go:build !race

// These tests interrupt cells, which races by design (see interrupt_test.go).

package interp

import (
	"context"
	"errors"
	"testing"
	"time"
)

// cellError evaluates code and returns its *CellError (nil when it ran).
func evalErr(t *testing.T, s *Session, code string) *CellError {
	t.Helper()
	_, err := s.Eval(context.Background(), code)
	if err == nil {
		return nil
	}
	var ce *CellError
	if !errors.As(err, &ce) {
		t.Fatalf("Eval(%q) = %v, not a *CellError", code, err)
	}
	return ce
}

func TestCellsCannotEndTheSession(t *testing.T) {
	s := newSession(t)
	if ce := evalErr(t, s, "kept := 7"); ce != nil {
		t.Fatal(ce)
	}
	cases := []struct {
		name, code, wantName string
	}{
		{"os.Exit", "import \"os\"\nos.Exit(3)", "Exit"},
		{"goroutine panic", "done := make(chan bool)\ngo func() { defer func() { close(done) }(); panic(\"in a goroutine\") }()\n<-done\nimport \"time\"\ntime.Sleep(5 * time.Second)", "GoroutinePanic"},
		{"os.Exit in a goroutine", "go func() { os.Exit(4) }()\ntime.Sleep(5 * time.Second)", "GoroutinePanic"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			ce := evalErr(t, s, tc.code)
			if ce == nil || ce.Name != tc.wantName {
				t.Fatalf("Eval(%q) = %v, want a %s error", tc.code, ce, tc.wantName)
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("the cell took %v: the sleep after the panic was not interrupted", d)
			}
			vals, err := s.Eval(context.Background(), "kept")
			if err != nil || len(vals) != 1 || vals[0].Interface() != 7 {
				t.Fatalf("after %s: kept = %v, %v; want 7", tc.name, vals, err)
			}
		})
	}
	t.Run("goroutine panic after its cell", func(t *testing.T) {
		if ce := evalErr(t, s, "go func() { time.Sleep(100 * time.Millisecond); panic(\"late\") }()"); ce != nil {
			t.Fatal(ce)
		}
		time.Sleep(400 * time.Millisecond)
		ce := evalErr(t, s, "kept")
		if ce == nil || ce.Name != "GoroutinePanic" {
			t.Fatalf("next cell error = %v, want GoroutinePanic", ce)
		}
		if ce := evalErr(t, s, "kept"); ce != nil {
			t.Fatalf("the cell after that: %v", ce)
		}
	})
}

func TestInterruptStopsSleep(t *testing.T) {
	s := newSession(t)
	done := make(chan *CellError, 1)
	go func() { done <- evalErr(t, s, "import \"time\"\ntime.Sleep(time.Hour)") }()
	for s.Context() == context.Background() {
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
	start := time.Now()
	s.Interrupt()
	select {
	case ce := <-done:
		if ce == nil || ce.Name != "Interrupted" {
			t.Fatalf("cell error = %v, want Interrupted", ce)
		}
		t.Logf("time.Sleep(time.Hour) stopped %v after the interrupt", time.Since(start))
	case <-time.After(5 * time.Second):
		t.Fatal("time.Sleep(time.Hour) was not interrupted")
	}
}
