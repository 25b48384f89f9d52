//go:build !race

// These tests interrupt cells, which races by design (see interrupt_test.go).

package interp

import (
	"context"
	"errors"
	"fmt"
	"strings"
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

// TestGoStatementsOfFunctionValues: `go f(x)` of a named function, a method
// value, a function variable and a compiled function survives a panic in
// the goroutine (GoroutinePanic, variables kept), keeps Go's semantics
// (operands evaluated by the calling goroutine, untyped constants converted
// to the parameter types, variadic calls with and without ...) and its
// compile-time checks.
func TestGoStatementsOfFunctionValues(t *testing.T) {
	s := newSession(t)
	if ce := evalErr(t, s, "import \"time\"\nimport \"strconv\"\nimport \"fmt\"\nkept := 7\nch := make(chan string, 16)"); ce != nil {
		t.Fatal(ce)
	}
	eval1 := func(code string) string {
		t.Helper()
		vals, err := s.Eval(context.Background(), code)
		if err != nil || len(vals) == 0 {
			t.Errorf("Eval(%q) = %v, %v", code, vals, err)
			return ""
		}
		return fmt.Sprint(vals[0].Interface())
	}
	for _, tc := range []struct{ name, code, want string }{
		{"named function, constants converted",
			"func put(a int64, b float64, c byte, p *int, xs ...int) { ch <- fmt.Sprint(a, b, c, p == nil, xs) }\ngo put(1, 2, 'a', nil, 3, 4)\n<-ch",
			"1 2 97 true [3 4]"},
		{"spread", "ys := []int{5, 6, 7}\ngo put(-1, 0.5, 'b', nil, ys...)\n<-ch", "-1 0.5 98 true [5 6 7]"},
		{"operands evaluated by the caller",
			"n := 1\nfunc show(k int) { ch <- strconv.Itoa(k) }\ngo show(n)\nn = 2\n<-ch", "1"},
		{"in a loop", "func sq(k int) { ch <- strconv.Itoa(k * k) }\nfor i := 1; i <= 3; i++ { go sq(i) }\nm := map[string]bool{<-ch: true, <-ch: true, <-ch: true}\nm[\"1\"] && m[\"4\"] && m[\"9\"]", "true"},
		{"method value", "type Acc struct{ base int }\nfunc (a Acc) Add(k int) { ch <- strconv.Itoa(a.base + k) }\nacc := Acc{40}\ngo acc.Add(2)\n<-ch", "42"},
		{"function variable", "f := func(s string) { ch <- s + \"!\" }\ngo f(\"hi\")\n<-ch", "hi!"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := eval1(tc.code); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	for _, tc := range []struct{ name, code, want string }{
		{"named function", "func boom(msg string) { panic(msg) }\ngo boom(\"named\")\ntime.Sleep(5 * time.Second)", "named (in go boom(...))"},
		{"method value", "type B struct{ n int }\nfunc (b B) Boom(k int) { panic(b.n + k) }\ngo B{40}.Boom(2)\ntime.Sleep(5 * time.Second)", "42 (in go B{40}.Boom(...))"},
		{"nil function", "var nf func()\ngo nf()\ntime.Sleep(5 * time.Second)", "go of nil func value"},
		{"compiled function", "go strconv.FormatInt(1, 99)\ntime.Sleep(5 * time.Second)", "strconv: illegal AppendInt/FormatInt base"},
	} {
		t.Run("panic in "+tc.name, func(t *testing.T) {
			start := time.Now()
			ce := evalErr(t, s, tc.code)
			if ce == nil || ce.Name != "GoroutinePanic" || !strings.Contains(ce.Value, tc.want) {
				t.Fatalf("got %v, want a GoroutinePanic with %q", ce, tc.want)
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("the cell took %v: the sleep after the panic was not interrupted", d)
			}
			if got := eval1("kept"); got != "7" {
				t.Errorf("kept = %s after the panic", got)
			}
		})
	}
	for _, code := range []string{"go put(1, 2, 'a')", "go put(\"x\", 2, 'a', nil)", "go show(1, 2)"} {
		if ce := evalErr(t, s, code); ce == nil || ce.Name != "CompileError" {
			t.Errorf("Eval(%q) = %v, want a CompileError", code, ce)
		}
	}
}
