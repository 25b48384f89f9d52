package formula

import (
	"math/big"
	"testing"
)

// piGL is Pi by the Gauss-Legendre iteration in 256-bit floats: not the
// package's series.
func piGL() *big.Float {
	a, b := bf(1), bsqrt(2)
	b.Quo(bf(1), b)
	t, p := new(big.Float).SetPrec(refPrec).SetFloat64(0.25), bf(1)
	for i := 0; i < 10; i++ {
		an := new(big.Float).SetPrec(refPrec).Add(a, b)
		an.Quo(an, bf(2))
		bn := new(big.Float).SetPrec(refPrec).Mul(a, b)
		bn.Sqrt(bn)
		d := new(big.Float).SetPrec(refPrec).Sub(a, an)
		d.Mul(d, d)
		d.Mul(d, p)
		t.Sub(t, d)
		p.Mul(p, bf(2))
		a, b = an, bn
	}
	s := new(big.Float).SetPrec(refPrec).Add(a, b)
	s.Mul(s, s)
	return s.Quo(s, t.Mul(t, bf(4)))
}

// eRef is e in 256-bit floats, Sum 1/k!.
func eRef() *big.Float {
	s, term := bf(0), bf(1)
	for k := int64(1); k < 80; k++ {
		s.Add(s, term)
		term.Quo(term, bf(k))
	}
	return s
}

// The proof behind floor(m*c) = floor(m*p/q), checked against the
// constants computed another way: the bounds hold them, every m up to
// the proved M agrees, and M reaches 10^4.
func TestTranscProof(t *testing.T) {
	refs := map[int64]*big.Float{cPi: piGL(), cE: eRef()}
	refs[cInvPi] = new(big.Float).SetPrec(refPrec).Quo(bf(1), refs[cPi])
	refs[cInvE] = new(big.Float).SetPrec(refPrec).Quo(bf(1), refs[cE])
	for id, ref := range refs {
		c := transcOf(id)
		// the float reference carries rounding of about 2^-250
		slack := new(big.Float).SetPrec(refPrec).SetMantExp(bf(1), -240)
		lo, hi := new(big.Float).SetPrec(refPrec).SetRat(c.lo), new(big.Float).SetPrec(refPrec).SetRat(c.hi)
		if lo.Sub(lo, slack).Cmp(ref) > 0 || hi.Add(hi, slack).Cmp(ref) < 0 {
			t.Errorf("constant %d: %v not within its bounds", id, ref)
		}
		if c.m < 10_000 {
			t.Errorf("constant %d: proved only up to %d", id, c.m)
		}
		for m := int64(1); m <= c.m; m++ {
			if got, want := m*c.p/c.q, floorF(mulF(ref, m)); got != want {
				t.Fatalf("constant %d: floor(%d*%d/%d) = %d, floor(%d*c) = %d", id, m, c.p, c.q, got, m, want)
			}
		}
	}
}

func TestTransc(t *testing.T) {
	r := newRunner(t)
	pi, e := piGL(), eRef()
	r.allMatch(t, []refCase{
		{"a(n) = round(n*(Pi - 2)).", 0, 100, func(n int64) int64 { return floorF(addF(mulF(addF(pi, -2), n), 0.5)) }},
		{"a(n) = floor(n^2 / e).", 0, 100, func(n int64) int64 { return floorF(new(big.Float).SetPrec(refPrec).Quo(bf(n*n), e)) }},
		{"a(n) = nearest integer to Pi*prime(n).", 1, 100, func(n int64) int64 { return floorF(addF(mulF(pi, primeRef(n)), 0.5)) }},
		{"a(n) = floor(n/Pi) + ceiling(n*e).", 0, 100, func(n int64) int64 {
			return floorF(new(big.Float).SetPrec(refPrec).Quo(bf(n), pi)) - floorF(mulF(e, -n))
		}},
	})
	refuses(t,
		"a(n) = floor(n*Pi^2).",                    // Pi^2 is not carried
		"a(n) = floor(n*Pi*sqrt(2)).",              // nor a product with a root
		"a(n) = floor(n^3*Pi).",                    // n^3 passes where the convergent is proved
		"a(n) = Pi*n.",                             // no integer
		"a(n) = floor(Sum_{k=1..n} k*e).",          // a sum's variable beside e
		"a(n) = floor(n*e), e is the offset of n.", // e is the text's
	)
}
