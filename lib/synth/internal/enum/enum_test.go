package enum

import (
	"math"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
)

func seqExamples(from, to int32, f func(n int32) int32) []Example {
	var ex []Example
	for n := from; n <= to; n++ {
		ex = append(ex, Example{In: []int32{n}, Out: f(n)})
	}
	return ex
}

// TestKnownSequences: held-out functions from 10 examples, the answer's IR
// right on fresh inputs judged by native Go references. (Divisor count,
// cost 10, is in BenchmarkSearch: too slow for a test on a loaded machine.)
func TestKnownSequences(t *testing.T) {
	cases := []struct {
		name string
		ref  func(n int32) int32
	}{
		{"n^2+1", func(n int32) int32 { return n*n + 1 }},
		{"triangular", func(n int32) int32 { return n * (n + 1) / 2 }},
		{"fibonacci", func(n int32) int32 {
			a, b := int32(0), int32(1)
			for i := int32(0); i < n; i++ {
				a, b = b, a+b
			}
			return a
		}},
		{"2^n", func(n int32) int32 { return 1 << n }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ex := seqExamples(1, 10, tc.ref)
			var extra [][]int32
			for n := int32(11); n <= 14; n++ {
				extra = append(extra, []int32{n})
			}
			r := Run(1, ex, Options{Deadline: time.Now().Add(60 * time.Second), MaxCandidates: 4_000_000, Extra: extra})
			if !r.Found {
				t.Fatalf("not found: %s after %d candidates, level %d", r.Stopped, r.Candidates, r.Level)
			}
			t.Logf("%s (cost %d) after %d candidates, level %d, rivals %d, ambiguity %v", r.Best.Term, r.Best.Cost, r.Candidates, r.Level, r.Rivals, r.Ambiguity)
			e, err := ir.Prepare(ir.Program{Arity: 1, Ops: r.Best.Ops})
			if err != nil {
				t.Fatal(err)
			}
			for n := int32(1); n <= 25; n++ {
				got, err := e.Run([]int32{n}, ir.DefaultFuel)
				if err != nil || got != tc.ref(n) {
					t.Errorf("%s(%d) = %d, %v; want %d", r.Best.Term, n, got, err, tc.ref(n))
				}
			}
		})
	}
}

// The evaluator's division and remainder trap exactly where the IR's do
// (ir.DivRem is the rule), on the edges of i32.
func TestBinopDivRemAgree(t *testing.T) {
	vals := []int32{0, 1, -1, 2, -2, 7, -7, math.MaxInt32, math.MinInt32, math.MinInt32 + 1}
	for _, a := range vals {
		for _, b := range vals {
			for op, irop := range map[Op]ir.Op{OpDiv: ir.OpI32DivS, OpMod: ir.OpI32RemS} {
				got, s := binop(op, a, b)
				want, err := ir.DivRem(irop, a, b)
				if (s != evalOK) != (err != nil) || (err == nil && got != want) {
					t.Errorf("%v(%d, %d) = %d (status %d), ir.DivRem gives %d, %v", op, a, b, got, s, want, err)
				}
			}
		}
	}
}
