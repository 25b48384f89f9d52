package synth

import (
	"context"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
)

// BenchmarkSearch reports candidates evaluated per second (the search is
// single-threaded: per core) on fixed budgets of two searches, one that
// enumerates expressions and one that enumerates loops.
func BenchmarkSearch(b *testing.B) {
	cases := []struct {
		name     string
		examples string
	}{
		{"expression/abs_diff", "(3, 7)→4, (7, 3)→4, (-5, 5)→10, (120, -30)→150, (-8, -20)→12"},
		{"loop/collatz_length", "27→111, 7→16, 1→0, 683→38, 97→118"},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			ex, err := ParseExamples(tc.examples)
			if err != nil {
				b.Fatal(err)
			}
			var cand int64
			start := time.Now()
			for i := 0; i < b.N; i++ {
				r, err := Synthesize(context.Background(), Task{Name: tc.name, Examples: ex},
					Options{Budget: time.Second, MaxCandidates: 2_000_000, SkipConfirm: true})
				if err != nil {
					b.Fatal(err)
				}
				cand += r.Candidates
			}
			b.ReportMetric(float64(cand)/time.Since(start).Seconds(), "candidates/s")
		})
	}
}

// BenchmarkCollatzHeldOut is the headline: collatz_length held out of the
// prior, from its 5 held-out examples, on one core; it reports the time to
// solve (or the budget, when not solved).
func BenchmarkCollatzHeldOut(b *testing.B) {
	spec, _ := ir.LibraryProgram("collatz_length")
	guide := DefaultGuide()
	task := HeldOutTask(spec, 0)
	solved := 0
	var secs float64
	for i := 0; i < b.N; i++ {
		r, err := Synthesize(context.Background(), task, Options{Budget: 60 * time.Second, Guide: guide, SkipConfirm: true})
		if err != nil {
			b.Fatal(err)
		}
		secs += r.Seconds
		if r.Status == StatusSolved && Judge(r.IR(), spec, 1000, 1) == 1 {
			solved++
		}
	}
	b.ReportMetric(secs/float64(b.N), "s/search")
	b.ReportMetric(float64(solved)/float64(b.N), "solved")
}
