package enum

import (
	"slices"
	"testing"
	"time"
)

// TestCacheExact: searches that answer loop candidates from cached runs
// (cache.go) keep exactly the behaviours, in both pools, and find exactly
// the answers that evaluating every candidate afresh (Terms.loop, loop2,
// compr: the evaluator TestLoweringAgrees holds to the IR) gives, on a
// sequence, a two-operand function and tasks whose loops trap or run out
// of fuel; a small fuel makes many runs end out of fuel part way. (The
// steps search, which takes a share of the time, is off: the candidates
// of a search with it depend on timing.)
func TestCacheExact(t *testing.T) {
	seq := func(f func(int32) int32) []Example { return seqExamples(0, 9, f) }
	cases := []struct {
		name  string
		arity int
		ex    []Example
		fuel  int64
		cand  int64
	}{
		{"divisor_count", 1, seq(func(n int32) int32 {
			c := int32(0)
			for d := int32(1); d <= n; d++ {
				if n%d == 0 {
					c++
				}
			}
			return c
		}), 0, 400_000},
		{"fibonacci", 1, seq(func(n int32) int32 {
			a, b := int32(0), int32(1)
			for ; n > 0; n-- {
				a, b = b, a+b
			}
			return a
		}), 0, 400_000},
		{"gcd", 2, []Example{{[]int32{12, 18}, 6}, {[]int32{17, 5}, 1}, {[]int32{0, 5}, 5}, {[]int32{7, 0}, 7}, {[]int32{40, 25}, 5}}, 0, 300_000},
		{"low fuel", 1, seq(func(n int32) int32 { return n*n*n - n%3 }), 1_500, 300_000},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			type run struct {
				res          Result
				closed, open []uint64
				levels       []int
			}
			do := func(off bool) run {
				var r run
				cacheOff = off
				searchDone = func(s *searcher) {
					r.closed = slices.Sorted(slices.Values(s.closed.seen.keys()))
					r.open = slices.Sorted(slices.Values(s.open.seen.keys()))
					for l := range s.closed.level {
						r.levels = append(r.levels, len(s.closed.at(l)))
					}
				}
				defer func() { cacheOff, searchDone = false, nil }()
				r.res = Run(tc.arity, tc.ex, Options{MaxCandidates: tc.cand, Fuel: tc.fuel, Slack: -1, Deadline: time.Now().Add(time.Minute), NoSteps: true})
				return r
			}
			t0 := time.Now()
			fresh := do(true)
			t1 := time.Now()
			cached := do(false)
			t.Logf("fresh %v, cached %v", t1.Sub(t0), time.Since(t1))
			if fresh.res.Candidates != cached.res.Candidates || fresh.res.Level != cached.res.Level {
				t.Fatalf("fresh: %d candidates to level %d; cached: %d to level %d", fresh.res.Candidates, fresh.res.Level, cached.res.Candidates, cached.res.Level)
			}
			if !slices.Equal(fresh.levels, cached.levels) || !slices.Equal(fresh.closed, cached.closed) || !slices.Equal(fresh.open, cached.open) {
				t.Fatalf("behaviours differ: fresh %v (%d open), cached %v (%d open)", fresh.levels, len(fresh.open), cached.levels, len(cached.open))
			}
			if fresh.res.Found != cached.res.Found || fresh.res.Best.Cost != cached.res.Best.Cost {
				t.Fatalf("fresh found %v %s, cached %v %s", fresh.res.Found, fresh.res.Best.Term, cached.res.Found, cached.res.Best.Term)
			}
			t.Logf("%d candidates, level %d, %d closed and %d open behaviours; found %v %s", cached.res.Candidates, cached.res.Level, len(cached.closed), len(cached.open), cached.res.Found, cached.res.Best.Term)
		})
	}
}
