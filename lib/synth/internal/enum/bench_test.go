package enum

import (
	"syscall"
	"testing"
	"time"
)

// BenchmarkRun reports candidates per CPU-second of this process (the
// search is single-threaded: per core, meaningful on a loaded machine) on
// a fixed budget of candidates, for the same task searched two ways:
// expressions only (the combinators' costs set to 0, i.e. off: the kind of
// candidate the shape-family search's 3.3 M/s counted, one expression
// evaluation each) and the whole language (loop candidates, each a run of
// a loop on every point, answered from cached runs where it can be).
func BenchmarkRun(b *testing.B) {
	// outputs no cheap term gives: every search runs to its budget
	ex := []Example{{[]int32{3, 7}, 17}, {[]int32{7, 3}, -3}, {[]int32{-5, 5}, 1000}, {[]int32{120, -30}, 5}, {[]int32{-8, -20}, 123456}}
	extra := [][]int32{{0, 0}, {1, 2}, {9, 4}, {-3, 11}}
	exprs := Uniform()
	for _, op := range []Op{OpLoop, OpLoop2, OpCompr, OpWhile, OpWhile2, OpDigSum, OpDigRev} {
		exprs[op] = 0
	}
	for _, tc := range []struct {
		name  string
		costs Costs
	}{{"expressions", exprs}, {"language", Uniform()}} {
		b.Run(tc.name, func(b *testing.B) {
			var cand int64
			cpu0 := cpuSeconds()
			for i := 0; i < b.N; i++ {
				r := Run(2, ex, Options{Costs: tc.costs, MaxCandidates: 3_000_000, Extra: extra, Deadline: time.Now().Add(time.Minute)})
				cand += r.Candidates
			}
			b.ReportMetric(float64(cand)/(cpuSeconds()-cpu0), "candidates/cpu-s")
		})
	}
}

func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}
