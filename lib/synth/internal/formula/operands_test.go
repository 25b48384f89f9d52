package formula

import (
	"math/rand/v2"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// TestOperands: requests over two or three operands, written as formulas
// or in words, compile to programs that give native Go's values on random
// operands (in the interpreter), and formulas that are no integer
// function of their operands, or name too few operands, give nothing.
func TestOperands(t *testing.T) {
	binom := func(n, k int64) int64 {
		if k < 0 || k > n {
			return 0
		}
		r := int64(1)
		for i := int64(1); i <= k; i++ {
			r = r * (n - k + i) / i
		}
		return r
	}
	cases := []struct {
		text   string
		arity  int
		lo, hi int64 // each operand's range
		ref    func(a []int64) int64
	}{
		{"a times b plus c", 3, -1000, 1000, func(a []int64) int64 { return a[0]*a[1] + a[2] }},
		{"gcd of a and b", 2, -500, 500, func(a []int64) int64 { return gcdRef(a[0], a[1]) }},
		{"the larger of x and y", 2, -500, 500, func(a []int64) int64 { return max(a[0], a[1]) }},
		{"n choose k", 2, 0, 30, func(a []int64) int64 { return binom(a[0], a[1]) }},
		{"a to the power b", 2, -6, 11, func(a []int64) int64 {
			if a[1] < 0 {
				return -1 // not compared
			}
			r := int64(1)
			for i := int64(0); i < a[1]; i++ {
				r *= a[0]
			}
			return r
		}},
		{"sum from a to b", 2, -300, 300, func(a []int64) int64 {
			s := int64(0)
			for k := a[0]; k <= a[1]; k++ {
				s += k
			}
			return s
		}},
		{"x mod y", 2, -200, 200, func(a []int64) int64 {
			if a[1] <= 0 {
				return -1 // not compared
			}
			return ((a[0] % a[1]) + a[1]) % a[1]
		}},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range cases {
		cs := Candidates(tc.text, tc.arity)
		if len(cs) != 1 {
			t.Errorf("%q: %d candidates, want 1", tc.text, len(cs))
			continue
		}
		p := ir.Program{Name: "op", Arity: tc.arity, Ops: cs[0].Ops}
		for k := 0; k < 300; k++ {
			a := make([]int64, tc.arity)
			in := make([]int32, tc.arity)
			for i := range a {
				a[i] = tc.lo + rng.Int64N(tc.hi-tc.lo+1)
				in[i] = int32(a[i])
			}
			want := tc.ref(a)
			if want == -1 && (tc.text == "x mod y" || tc.text == "a to the power b") || want != int64(int32(want)) {
				continue // outside what the request means, or past i32
			}
			got, err := ir.Interpret(p, in, ir.DefaultFuel)
			if err != nil || int64(got) != want {
				t.Errorf("%q (%s) at %v: %d (%v), want %d", tc.text, cs[0].Expr, a, got, err, want)
				break
			}
		}
	}
	for _, tc := range []struct {
		text  string
		arity int
	}{
		{"(a+b)/2", 2},                     // not an integer at a = 0, b = 1
		{"a + b", 3},                       // names two operands, not three
		{"the larger of three numbers", 2}, // three operands named, two given (asked2_ops.go)
		{"a + b + c", 2},
	} {
		if cs := Candidates(tc.text, tc.arity); len(cs) > 0 {
			t.Errorf("%q (arity %d): %s, want nothing", tc.text, tc.arity, cs[0].Expr)
		}
	}
}

// TestOperandsWorkBound: a check that would need more work than its
// budget refuses the reading rather than pass it unchecked.
func TestOperandsWorkBound(t *testing.T) {
	vars := []string{"a", "b"}
	x, _, ok := parseAt(lex("Sum_{k=a..b} k"), 0, vars...)
	if !ok {
		t.Fatal("no parse")
	}
	ops, err := lowerOperands(x, vars, false)
	if err != nil {
		t.Fatal(err)
	}
	full := &operandWork{steps: operandSteps, fuel: operandFuel}
	if !operandsAgree(x, ops, vars, false, full) {
		t.Fatal("Sum_{k=a..b} k does not agree with its own formula under the full budget")
	}
	steps, fuel := operandSteps-full.steps, operandFuel-full.fuel
	if steps <= 0 || fuel <= 0 {
		t.Fatalf("the check used %d steps and %d fuel", steps, fuel)
	}
	// half the work the grid needs (beyond the one tuple's reserve)
	if operandsAgree(x, ops, vars, false, &operandWork{steps: tupleSteps + steps/2, fuel: operandFuel}) {
		t.Error("passed with half the evaluator work the grid needs")
	}
	if operandsAgree(x, ops, vars, false, &operandWork{steps: operandSteps, fuel: ir.DefaultFuel + fuel/2}) {
		t.Error("passed with half the fuel the grid needs")
	}
}
