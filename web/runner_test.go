package web

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
)

// TestLanes: with every long-lane slot taken, a heavy program waits until
// its time limit and gets 503 with Retry-After, while a trivial program
// still runs on the short lane; the heavy program is remembered as heavy.
func TestLanes(t *testing.T) {
	s := newServer(t, Config{ResultsDir: t.TempDir(), MaxRuns: 3, Fuel: 100_000, Timeout: 300 * time.Millisecond})
	h := s.Handler()
	if cap(s.cache.longQ.slots) != 2 || cap(s.cache.shortQ.slots) != 1 {
		t.Fatalf("lanes %d + %d, want 2 + 1 for MaxRuns 3", cap(s.cache.longQ.slots), cap(s.cache.shortQ.slots))
	}
	heavy, _ := json.Marshal(RunRequest{IR: heavyProgram(), Args: []int32{1}})
	// Unloaded, the heavy program runs out of fuel (the long lane's).
	rec := do(t, h, "POST", "/api/run", string(heavy))
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), `"kind":"fuel"`) {
		t.Fatalf("heavy: %d %s", rec.Code, rec.Body.String())
	}
	p, _ := ir.ParseProgram("playground", heavyProgram())
	c, err := s.cache.get(t.Context(), p)
	if err != nil || !c.heavy.Load() {
		t.Fatalf("heavy program not marked heavy (%v)", err)
	}
	// Take every long-lane slot.
	for range cap(s.cache.longQ.slots) {
		s.cache.longQ.slots <- struct{}{}
	}
	t0 := time.Now()
	rec = do(t, h, "POST", "/api/run", string(heavy))
	waited := time.Since(t0)
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") != "1" || !strings.Contains(rec.Body.String(), `"kind":"busy"`) {
		t.Fatalf("heavy on a full lane: %d Retry-After %q %s", rec.Code, rec.Header().Get("Retry-After"), rec.Body.String())
	}
	if waited < 270*time.Millisecond {
		t.Fatalf("gave up after %v, before 90%% of its 300 ms limit", waited)
	}
	rec = do(t, h, "POST", "/api/run", `{"program":"sum_1_to_n","args":[100]}`)
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"result":5050`) {
		t.Fatalf("trivial beside a full long lane: %d %s", rec.Code, rec.Body.String())
	}
	// Too many waiting: 503 at once.
	s.cache.longQ.waiting.Store(maxWaiting)
	t0 = time.Now()
	rec = do(t, h, "POST", "/api/run", string(heavy))
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "runs already waiting") || time.Since(t0) > 250*time.Millisecond {
		t.Fatalf("over the queue bound: %d after %v %s", rec.Code, time.Since(t0), rec.Body.String())
	}
	s.cache.longQ.waiting.Store(0)
	for range cap(s.cache.longQ.slots) {
		s.cache.longQ.release()
	}
	if rec := do(t, h, "POST", "/api/run", string(heavy)); rec.Code != 422 {
		t.Fatalf("after the lane frees: %d %s", rec.Code, rec.Body.String())
	}
}

// TestLanesAgree: the short lane's answer and the long lane's are the same
// run: a program that needs more than the short lane's fuel gets its
// result from the long lane, equal to the interpreter's.
func TestLanesAgree(t *testing.T) {
	s := newServer(t, Config{ResultsDir: t.TempDir()})
	sp, _ := ir.LibraryProgram("sum_1_to_n")
	for _, n := range []int32{10, 100, 100000} {
		want, err := ir.Interpret(sp.Program, []int32{n}, s.cfg.Fuel)
		if err != nil {
			t.Fatal(err)
		}
		c, got, err := s.cache.call(t.Context(), sp.Program, []int32{n})
		if err != nil || got != want {
			t.Fatalf("sum_1_to_n(%d) = %d, %v; interpreter %d", n, got, err, want)
		}
		if heavy := n == 100000; c.heavy.Load() != heavy {
			t.Fatalf("sum_1_to_n(%d): heavy = %v, want %v (short lane fuel %d)", n, c.heavy.Load(), heavy, s.cache.shortFuel)
		}
	}
}
