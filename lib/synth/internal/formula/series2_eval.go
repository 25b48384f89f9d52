package formula

import "math/big"

// Powers of a binomial 1 + c*x^m for the exact evaluator: by the
// binomial theorem, (1 + c x^m)^e = Sum_{j>=0} C(e, j) c^j x^(m j) for any
// integer e (for e < 0, C(e, j) = e(e-1)...(e-j+1)/j!), so a factor of
// "Product_{k>=1} (1+x^k)^(k*(k-1))" costs l/m steps, not the squarings
// of pow, and its exponent may pass maxSeriesPow.

// maxBinomialPow bounds |e| for a binomial's power: the program's
// multiplicities are exact in i32 (series2_lower.go).
const maxBinomialPow = 1 << 30

// binomialOf reports whether a is 1 + c*x^m (m >= 1, c != 0), and c, m.
func binomialOf(a []*big.Int) (c *big.Int, m int, ok bool) {
	if a[0].Cmp(bigOne) != 0 {
		return nil, 0, false
	}
	for i := 1; i < len(a); i++ {
		if a[i].Sign() == 0 {
			continue
		}
		if m != 0 {
			return nil, 0, false
		}
		c, m = a[i], i
	}
	return c, m, m != 0
}

// binomialPow is (1 + c x^m)^e over the evaluator's l coefficients.
func (ev *sEval) binomialPow(c *big.Int, m int, e *big.Int) []*big.Int {
	ee := smallInt(e, -maxBinomialPow, maxBinomialPow)
	r := ev.zero()
	b := big.NewInt(1) // C(e, j) c^j
	t := new(big.Int)
	for j := 0; j*m < ev.l; j++ {
		ev.work(1)
		if j > 0 {
			b.Mul(b, t.SetInt64(ee-int64(j)+1))
			b.Mul(b, c)
			b.Quo(b, t.SetInt64(int64(j)))
		}
		if b.Sign() == 0 {
			break
		}
		r[j*m].Set(b)
	}
	return r
}

// bigNonzeros counts the coefficients of s that are not 0.
func bigNonzeros(s []*big.Int) int {
	n := 0
	for _, c := range s {
		if c.Sign() != 0 {
			n++
		}
	}
	return n
}
