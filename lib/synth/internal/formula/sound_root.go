package formula

// Exact values at the points the evaluator used to leave undefined because
// a power's exponent is not an integer: "round(3^(n/2))" at odd n,
// "floor((n^2+n)^(3/2) - n^3)". A rational power b^(p/q) of a rational
// b >= 0 is rational exactly when b's numerator and denominator are q-th
// powers; then it is that rational. Otherwise floor, ceiling and round of
// a formula built from such powers by +, -, *, / are decided from rational
// bounds: b^(p/q) lies in [m/2^k, (m+1)/2^k] for m the integer q-th root
// of floor(b^p * 2^(q*k)) (big.Int arithmetic, no floating point), the
// bounds carried through the arithmetic as intervals; the rounding is
// decided once both ends of the interval round alike, with k raised up to
// rootMaxBits. An interval that still straddles (an integer reached by
// cancelling irrationals) leaves the point undefined, and the scan then
// refuses the reading (sound.go).

import (
	"math/big"
)

// rootMaxQ bounds the root taken (q in b^(p/q)); rootMaxBits bounds the
// bits of the bounds on an irrational power.
const (
	rootMaxQ    = 64
	rootMaxBits = 1024
)

// fracExp returns the exponent r of a power as p/q when it is no integer
// (q in 2..rootMaxQ); ok false otherwise.
func fracExp(r *big.Rat) (p int64, q int64, ok bool) {
	if !soundCheck || r.IsInt() || !r.Denom().IsInt64() || r.Denom().Int64() > rootMaxQ || !r.Num().IsInt64() || r.Num().Int64() > 1<<20 || r.Num().Int64() < -1<<20 {
		return 0, 0, false
	}
	return r.Num().Int64(), r.Denom().Int64(), true
}

// irootBig is the integer q-th root of a >= 0: the largest m with m^q <= a.
func irootBig(a *big.Int, q int64) *big.Int {
	if a.Sign() <= 0 {
		return new(big.Int)
	}
	if q == 2 {
		return new(big.Int).Sqrt(a)
	}
	// Newton's method from above: x = 2^ceil(bits/q) >= the root
	x := new(big.Int).Lsh(big.NewInt(1), uint((a.BitLen()+int(q)-1)/int(q)))
	qb, qm1 := big.NewInt(q), big.NewInt(q-1)
	for {
		// y = ((q-1)*x + a / x^(q-1)) / q
		xp := new(big.Int).Exp(x, qm1, nil)
		y := new(big.Int).Quo(a, xp)
		y.Add(y, new(big.Int).Mul(qm1, x))
		y.Quo(y, qb)
		if y.Cmp(x) >= 0 {
			return x
		}
		x = y
	}
}

// exactRoot returns r^(1/q) when it is rational (r >= 0), else nil.
func exactRoot(r *big.Rat, q int64) *big.Rat {
	a, b := irootBig(r.Num(), q), irootBig(r.Denom(), q)
	qb := big.NewInt(q)
	if new(big.Int).Exp(a, qb, nil).Cmp(r.Num()) != 0 || new(big.Int).Exp(b, qb, nil).Cmp(r.Denom()) != 0 {
		return nil
	}
	return new(big.Rat).SetFrac(a, b)
}

// rootBounds returns lo <= r^(1/q) <= hi with hi - lo = 2^-k (r >= 0).
func rootBounds(r *big.Rat, q int64, k uint) (lo, hi *big.Rat) {
	n := new(big.Int).Lsh(r.Num(), uint(q)*k)
	n.Quo(n, r.Denom())
	m := irootBig(n, q)
	den := new(big.Int).Lsh(big.NewInt(1), k)
	lo = new(big.Rat).SetFrac(m, den)
	hi = new(big.Rat).SetFrac(new(big.Int).Add(m, big.NewInt(1)), den)
	return lo, hi
}

// ratPow is b^e for an integer e (b != 0 where e < 0), within the
// evaluator's size bounds.
func (v *evaluator) ratPow(b *big.Rat, e int64) *big.Rat {
	if e < 0 {
		if b.Sign() == 0 {
			undefined()
		}
		b, e = new(big.Rat).Inv(b), -e
	}
	if int64(b.Num().BitLen()+b.Denom().BitLen())*e > 2*maxBits {
		panic(errBudget)
	}
	v.tick(int(e))
	return new(big.Rat).SetFrac(new(big.Int).Exp(b.Num(), big.NewInt(e), nil), new(big.Int).Exp(b.Denom(), big.NewInt(e), nil))
}

// fracPow is b^(p/q) where it is rational (b >= 0); undefined where it is
// irrational or b < 0.
func (v *evaluator) fracPow(b *big.Rat, p, q int64) *big.Rat {
	if b.Sign() < 0 {
		undefined()
	}
	r := exactRoot(v.ratPow(b, p), q)
	if r == nil {
		undefined() // irrational: no term of an integer sequence
	}
	return r
}

// hasFracPow reports whether x has a power whose exponent has a division
// in it (a candidate for a non-integer exponent).
func hasFracPow(x *node) bool {
	if x.k == kPow && has(x.kids[1], kDiv) {
		return true
	}
	for _, k := range x.kids {
		if hasFracPow(k) {
			return true
		}
	}
	return false
}

// interval is lo <= value <= hi; exact where lo == hi.
type interval struct{ lo, hi *big.Rat }

func (a interval) exact() bool { return a.lo.Cmp(a.hi) == 0 }

// roundedRoots evaluates floor, ceiling or round x (kFloor, kCeil,
// kRound) of an argument with rational powers exactly (see the file's
// comment); ok false where the argument has none that is not an integer
// power at this point (the caller evaluates it as before).
func (v *evaluator) roundedRoots(x *node) (*big.Rat, bool) {
	arg := x.kids[0]
	if !soundCheck || !hasFracPow(arg) {
		return nil, false
	}
	for k := uint(64); k <= rootMaxBits; k *= 4 {
		v.tick(int(k / 16))
		iv := v.ivl(arg, k)
		lo, hi := iv.lo, iv.hi
		switch x.k {
		case kCeil:
			lo, hi = new(big.Rat).Neg(hi), new(big.Rat).Neg(lo)
		case kRound:
			half := big.NewRat(1, 2)
			lo, hi = new(big.Rat).Add(lo, half), new(big.Rat).Add(hi, half)
		}
		f := floorRat(lo)
		if iv.exact() || f.Cmp(floorRat(hi)) == 0 {
			if x.k == kCeil {
				f.Neg(f)
			}
			return new(big.Rat).SetInt(f), true
		}
	}
	undefined() // too close to an integer to tell: no exact value
	return nil, false
}

// ivl evaluates x to an interval, rational powers bounded to 2^-k.
func (v *evaluator) ivl(x *node, k uint) interval {
	v.tick(1)
	switch x.k {
	case kAdd, kSub:
		a, b := v.ivl(x.kids[0], k), v.ivl(x.kids[1], k)
		if x.k == kAdd {
			return interval{checkSize(new(big.Rat).Add(a.lo, b.lo)), checkSize(new(big.Rat).Add(a.hi, b.hi))}
		}
		return interval{checkSize(new(big.Rat).Sub(a.lo, b.hi)), checkSize(new(big.Rat).Sub(a.hi, b.lo))}
	case kNeg:
		a := v.ivl(x.kids[0], k)
		return interval{new(big.Rat).Neg(a.hi), new(big.Rat).Neg(a.lo)}
	case kMul:
		a, b := v.ivl(x.kids[0], k), v.ivl(x.kids[1], k)
		return hull(checkSize(new(big.Rat).Mul(a.lo, b.lo)), checkSize(new(big.Rat).Mul(a.lo, b.hi)),
			checkSize(new(big.Rat).Mul(a.hi, b.lo)), checkSize(new(big.Rat).Mul(a.hi, b.hi)))
	case kDiv:
		a, b := v.ivl(x.kids[0], k), v.ivl(x.kids[1], k)
		if b.lo.Sign() <= 0 && b.hi.Sign() >= 0 {
			undefined() // zero, or bounds on both sides of it
		}
		ilo, ihi := new(big.Rat).Inv(b.hi), new(big.Rat).Inv(b.lo)
		return hull(checkSize(new(big.Rat).Mul(a.lo, ilo)), checkSize(new(big.Rat).Mul(a.lo, ihi)),
			checkSize(new(big.Rat).Mul(a.hi, ilo)), checkSize(new(big.Rat).Mul(a.hi, ihi)))
	case kPow:
		e := v.ev(x.kids[1])
		b := v.ivl(x.kids[0], k)
		if e.IsInt() {
			n := small(e, 1<<20)
			if b.exact() {
				r := v.ratPow(b.lo, n)
				return interval{r, r}
			}
			if b.lo.Sign() <= 0 || n < 0 && b.lo.Sign() <= 0 {
				undefined() // a power of bounds that may be negative or zero: not needed
			}
			lo, hi := v.ratPow(b.lo, n), v.ratPow(b.hi, n)
			if n < 0 {
				lo, hi = hi, lo
			}
			return interval{lo, hi}
		}
		p, q, ok := fracExp(e)
		if !ok || b.lo.Sign() < 0 {
			undefined()
		}
		if b.exact() {
			r := v.ratPow(b.lo, p)
			if s := exactRoot(r, q); s != nil {
				return interval{s, s}
			}
			lo, hi := rootBounds(r, q, k)
			return interval{lo, hi}
		}
		if p < 0 && b.lo.Sign() == 0 {
			undefined()
		}
		lo, _ := rootBounds(v.ratPow(b.lo, p), q, k)
		_, hi := rootBounds(v.ratPow(b.hi, p), q, k)
		if p < 0 {
			lo, _ = rootBounds(v.ratPow(b.hi, p), q, k)
			_, hi = rootBounds(v.ratPow(b.lo, p), q, k)
		}
		return interval{lo, hi}
	}
	r := v.ev(x) // no rational power below: exact
	return interval{r, r}
}

// hull is the interval spanning rs.
func hull(rs ...*big.Rat) interval {
	lo, hi := rs[0], rs[0]
	for _, r := range rs[1:] {
		if r.Cmp(lo) < 0 {
			lo = r
		}
		if r.Cmp(hi) > 0 {
			hi = r
		}
	}
	return interval{lo, hi}
}
