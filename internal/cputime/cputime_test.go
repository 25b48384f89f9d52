package cputime

import (
	"runtime"
	"testing"
	"time"
)

// TestSecondsCountsWork spins for 100 ms of wall time on one goroutine: on
// a Unix system the process's CPU time must grow by a good part of that
// (it is shared with nothing else in this process), and never go back.
func TestSecondsCountsWork(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skipf("no process CPU time on %s", runtime.GOOS)
	}
	c0 := Seconds()
	x := 0
	for t0 := time.Now(); time.Since(t0) < 100*time.Millisecond; {
		x++
	}
	d := Seconds() - c0
	// 10 ms: far below 100 ms even on a loaded machine that gives this
	// process a tenth of a core, far above the clock's resolution.
	if d < 0.01 {
		t.Fatalf("CPU time grew by %.4f s over 100 ms of spinning (x = %d), want at least 0.01 s", d, x)
	}
}
