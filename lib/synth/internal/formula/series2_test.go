package formula

import (
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// productRef is [x^n] Product_{k>=lo} (1 + c*x^(e(k)))^(m(k)) mod 2^32 (as
// i32), by |m(k)| in-place passes per factor in uint32: times (1 + c x^e)
// for m > 0, divided by it for m < 0. No binomial coefficients, no
// inverses: an independent check of series2_lower.go's ring arithmetic.
func productRef(lo, c int64, e, m func(k int64) int64) func(int64) int64 {
	return func(n int64) int64 {
		p := make([]uint32, n+1)
		p[0] = 1
		for k := lo; e(k) <= n; k++ {
			d, mk := e(k), m(k)
			for ; mk > 0; mk-- {
				for i := n; i >= d; i-- {
					p[i] += uint32(c) * p[i-d]
				}
			}
			for ; mk < 0; mk++ {
				for i := d; i <= n; i++ {
					p[i] -= uint32(c) * p[i-d]
				}
			}
		}
		return int64(int32(p[n]))
	}
}

var series2Cases = []refCase{
	{"Expansion of Product_{k>=1} (1+x^k)^(k*(k-1)).", 0, 60,
		productRef(1, 1, func(k int64) int64 { return k }, func(k int64) int64 { return k * (k - 1) })},
	{"Expansion of Product_{k>=1} 1/(1-x^k)^(k^2).", 0, 60,
		productRef(1, -1, func(k int64) int64 { return k }, func(k int64) int64 { return -k * k })},
	{"Expansion of Product_{k>=1} (1 - x^k)^(k*(k+1)/2).", 0, 60,
		productRef(1, -1, func(k int64) int64 { return k }, func(k int64) int64 { return k * (k + 1) / 2 })},
	{"Expansion of Product_{k>=1} (1 + x^(2*k))^(3*k).", 0, 60,
		productRef(1, 1, func(k int64) int64 { return 2 * k }, func(k int64) int64 { return 3 * k })},
	{"Expansion of Product_{k>=2} (1 + 2*x^k)^(k-1).", 0, 60,
		productRef(2, 2, func(k int64) int64 { return k }, func(k int64) int64 { return k - 1 })},
	{"Expansion of Product_{k>=1} (1 + x^k)^(k^3).", 0, 40,
		productRef(1, 1, func(k int64) int64 { return k }, func(k int64) int64 { return k * k * k })},
}

// TestSeriesBinomialPowers: products whose factors' multiplicities vary
// with k, multiplied in by binomial coefficients mod 2^32.
func TestSeriesBinomialPowers(t *testing.T) {
	newRunner(t).anyMatches(t, series2Cases)
	// O(n^2/k) per factor: n = 100 within the fuel of one call
	for _, c := range Candidates(series2Cases[0].text, 1) {
		e, err := ir.Prepare(ir.Program{Arity: 1, Ops: c.Ops})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Run([]int32{100}, ir.DefaultFuel); err != nil {
			t.Errorf("%s at n = 100: %v", c.Expr, err)
		}
	}
	// multiplicities past i32 on the way (2^k): a ring cannot hold them
	refuses(t, "Expansion of Product_{k>=1} (1+x^k)^(2^k).")
}
