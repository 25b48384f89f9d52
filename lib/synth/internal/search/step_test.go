package search

import (
	"math/rand/v2"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/synth/internal/expr"
)

// TestStepLoopFamily: the fixed-step loop family, searched on its own,
// finds a counting loop and a digit loop from five examples, and the
// programs it finds agree with native Go references on fresh inputs the
// search never saw.
func TestStepLoopFamily(t *testing.T) {
	cases := []struct {
		name string
		ex   []Example
		ref  func(n int32) int32
		lo   int32
		hi   int32
	}{
		{"divisor count", []Example{{[]int32{1}, 1}, {[]int32{7}, 2}, {[]int32{12}, 6}, {[]int32{36}, 9}, {[]int32{450}, 18}},
			func(n int32) int32 {
				c := int32(0)
				for i := int32(1); i <= n; i++ {
					if n%i == 0 {
						c++
					}
				}
				return c
			}, 1, 3000},
		{"reverse digits", []Example{{[]int32{123}, 321}, {[]int32{1000}, 1}, {[]int32{0}, 0}, {[]int32{1234567}, 7654321}, {[]int32{9081}, 1809}},
			func(n int32) int32 {
				r := int32(0)
				for ; n != 0; n /= 10 {
					r = r*10 + n%10
				}
				return r
			}, 0, 99999999},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := &searcher{ex: tc.ex, arity: 1, opt: Options{MaxCost: 40}, c: Uniform(), arena: &expr.Arena{}, per: map[string]int64{}}
			s.slots = expr.NewLazyPool(s.arena, s.slotGrammar(), s.exampleEnvs())
			s.d1 = newDriver1(s)
			st := newStep(s, s.d1)
			var ops []ir.Op
			for level := 1; level <= 20 && ops == nil; level++ {
				if o, _, ok := st.level(level); ok {
					ops = o
				}
			}
			if ops == nil {
				t.Fatalf("not found by level 20 (%d candidates)", s.cand)
			}
			t.Logf("found %v after %d candidates: %v", ops, s.cand, s.per)
			p := ir.Program{Name: "found", Arity: 1, Ops: ops}
			if err := ir.Validate(p); err != nil {
				t.Fatalf("invalid program %s: %v", p, err)
			}
			rng := rand.New(rand.NewPCG(7, 11))
			for i := 0; i < 300; i++ {
				n := tc.lo + rng.Int32N(tc.hi-tc.lo+1)
				got, err := ir.Interpret(p, []int32{n}, 1_000_000)
				if err != nil || got != tc.ref(n) {
					t.Fatalf("%s: on %d gives %d (%v), want %d", p, n, got, err, tc.ref(n))
				}
			}
		})
	}
}
