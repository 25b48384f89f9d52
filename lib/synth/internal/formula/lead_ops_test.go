package formula

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// operandCase is a request over arity operands with a native Go reference,
// checked on random operands in [lo, hi] where ok holds.
type operandCase struct {
	text   string
	arity  int
	lo, hi int64
	ok     func(a []int64) bool
	ref    func(a []int64) int64
}

// checkOperandCases wants one candidate for each case's request, its
// source a span of the text, and its program (in the interpreter with the
// judge's fuel on 300 random tuples, the first five also on wazero) to
// give the reference's value.
func checkOperandCases(t *testing.T, seed uint64, cases []operandCase) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, seed+1))
	r := newRunner(t)
	for _, tc := range cases {
		cs := Candidates(tc.text, tc.arity)
		if len(cs) != 1 {
			t.Errorf("%q: %d candidates, want 1", tc.text, len(cs))
			continue
		}
		if !strings.Contains(tc.text, cs[0].Source) {
			t.Errorf("%q: source %q is not a span of the text", tc.text, cs[0].Source)
		}
		p := ir.Program{Name: "op", Arity: tc.arity, Ops: cs[0].Ops}
		m, err := r.rt.Compile(t.Context(), p)
		if err != nil {
			t.Fatalf("%q: wazero compile: %v", tc.text, err)
		}
		onWazero := 0
		for k := 0; k < 300; k++ {
			a := make([]int64, tc.arity)
			in := make([]int32, tc.arity)
			for i := range a {
				a[i] = tc.lo + rng.Int64N(tc.hi-tc.lo+1)
				in[i] = int32(a[i])
			}
			if !tc.ok(a) {
				continue
			}
			want := tc.ref(a)
			got, err := ir.Interpret(p, in, ir.DefaultFuel)
			if err != nil || int64(got) != want {
				t.Errorf("%q (%s) at %v: %d (%v), want %d", tc.text, cs[0].Expr, a, got, err, want)
				break
			}
			if onWazero < 5 {
				onWazero++
				if w, err := m.Call(t.Context(), in...); err != nil || int64(w) != want {
					t.Errorf("%q on wazero at %v: %d (%v), want %d", tc.text, a, w, err, want)
				}
			}
		}
		m.Close(t.Context())
	}
}

// TestLeadOperands: sums of powers, counts of operands with a property,
// common divisors of three or four, values held at a bound and operands
// alike in one respect, against native Go far from any example.
func TestLeadOperands(t *testing.T) {
	b2i := func(b bool) int64 {
		if b {
			return 1
		}
		return 0
	}
	gcd := func(a, b int64) int64 {
		a, b = max(a, -a), max(b, -b)
		for b != 0 {
			a, b = b, a%b
		}
		return a
	}
	abs := func(x int64) int64 { return max(x, -x) }
	sign := func(x int64) int64 { return b2i(x > 0) - b2i(x < 0) }
	all := func([]int64) bool { return true }
	checkOperandCases(t, 7, []operandCase{
		{"the sum of the squares of a, b and c", 3, -20_000, 20_000, all, func(a []int64) int64 { return a[0]*a[0] + a[1]*a[1] + a[2]*a[2] }},
		{"sum of the cubes of a and b", 2, -1000, 1000, all, func(a []int64) int64 { return a[0]*a[0]*a[0] + a[1]*a[1]*a[1] }},
		{"the sum of the absolute values of a, b and c", 3, -1_000_000, 1_000_000, all, func(a []int64) int64 { return abs(a[0]) + abs(a[1]) + abs(a[2]) }},
		{"how many of a, b and c are positive", 3, -1000, 1000, all, func(a []int64) int64 { return b2i(a[0] > 0) + b2i(a[1] > 0) + b2i(a[2] > 0) }},
		{"the number of even values among a, b, c and d", 4, -1_000_000, 1_000_000, all, func(a []int64) int64 {
			return b2i(a[0]%2 == 0) + b2i(a[1]%2 == 0) + b2i(a[2]%2 == 0) + b2i(a[3]%2 == 0)
		}},
		{"how many of a and b are divisible by 3", 2, -1000, 1000, all, func(a []int64) int64 { return b2i(a[0]%3 == 0) + b2i(a[1]%3 == 0) }},
		{"the greatest common divisor of a, b and c", 3, 1, 100_000, all, func(a []int64) int64 { return gcd(gcd(a[0], a[1]), a[2]) }},
		{"gcd of a, b, c and d", 4, -100_000, 100_000, all, func(a []int64) int64 { return gcd(gcd(a[0], a[1]), gcd(a[2], a[3])) }},
		{"a minus b, but never less than zero", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return max(a[0]-a[1], 0) }},
		{"a plus b, at most 100", 2, -1000, 1000, all, func(a []int64) int64 { return min(a[0]+a[1], 100) }},
		{"the product of a and b, but never more than c", 3, -1000, 1000, all, func(a []int64) int64 { return min(a[0]*a[1], a[2]) }},
		{"the distance between a and b on the number line", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return abs(a[0] - a[1]) }},
		{"1 if a and b end in the same digit, else 0", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return b2i(abs(a[0])%10 == abs(a[1])%10) }},
		{"1 if a and b have the same sign, else 0", 2, -5, 5, all, func(a []int64) int64 { return b2i(sign(a[0]) == sign(a[1])) }},
		// powers under a mod by square and multiply: b up to 10^6 within the fuel
		{"a^b mod 1000", 2, 0, 1_000_000, all, func(a []int64) int64 { return powMod(a[0], a[1], 1000) }},
		{"the last digit of a to the power b", 2, 0, 1_000_000, all, func(a []int64) int64 { return powMod(a[0], a[1], 10) }},
		{"the last digit of a^b", 2, 0, 1_000_000, all, func(a []int64) int64 { return powMod(a[0], a[1], 10) }}, // asked3_ops.go's reading
	})
	refuses(t,
		"the sum of the squares of a, b and q",
		"how many of a, b and c are purple",
		"a minus b, but never less than the weather",
		"1 if a and b end in the same letter, else 0",
	)
}
