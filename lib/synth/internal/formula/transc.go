package formula

// Pi and e inside floor, ceiling and round: "round(n*(Pi - 2))",
// "floor(n^2/e)". The surd arithmetic of beatty.go carries c = Pi, e,
// 1/Pi or 1/e as a + b*c (d = -id, no c^2). The evaluator decides
// floor(a + b*c) from rational bounds on c (series with their error
// bounds, to about 2^-250): both ends must have the same floor, else
// the value is left undecided. The program computes floor(Q*c) for an
// integer Q as floor(Q*p/q) with p/q a convergent of c (q < 46341),
// which is proved equal to floor(Q*c) for every |Q| up to a bound M
// (transcBound: one exhaustive pass over m = 1..M against the rational
// bounds of c, below); fits rejects a formula whose |Q| passes M at some
// n <= 100.

import (
	"math/big"
	"sync"

	"github.com/irsynth/irsynth/lib/ir"
)

// The constants, by id (d = -id in a surd).
const (
	cPi    = 1
	cE     = 2
	cInvPi = 3
	cInvE  = 4
)

// recipOf: 1/c's id.
var recipOf = map[int64]int64{cPi: cInvPi, cInvPi: cPi, cE: cInvE, cInvE: cE}

// transcConst is what is known of a constant: rational bounds lo < c <
// hi, a convergent p/q with its integer part i, and the largest M for
// which floor(m*p/q) = floor(m*c) for every m = 1..M.
type transcConst struct {
	lo, hi  *big.Rat
	p, q, i int64
	m       int64
}

var (
	transcOnce sync.Once
	transcTab  map[int64]*transcConst
)

// transcMaxM caps the exhaustive proof (work at first use: a loop of
// this many integer steps per constant).
const transcMaxM = 200_000

func transcOf(id int64) *transcConst {
	transcOnce.Do(func() {
		pl, ph := piBounds()
		el, eh := eBounds()
		inv := func(r *big.Rat) *big.Rat { return new(big.Rat).Inv(r) }
		transcTab = map[int64]*transcConst{
			cPi: {lo: pl, hi: ph}, cE: {lo: el, hi: eh},
			cInvPi: {lo: inv(ph), hi: inv(pl)}, cInvE: {lo: inv(eh), hi: inv(el)},
		}
		for _, c := range transcTab {
			c.p, c.q = convergent(c.lo, 46340)
			c.i = c.p / c.q
			c.m = provenUpTo(c)
		}
	})
	return transcTab[id]
}

// piBounds: Pi = 16*atan(1/5) - 4*atan(1/239), each atan between two
// consecutive partial sums of its alternating series.
func piBounds() (lo, hi *big.Rat) {
	atan := func(x int64, terms int) (lo, hi *big.Rat) {
		s := new(big.Rat)
		var prev *big.Rat
		for k := 0; k < terms; k++ {
			den := new(big.Int).Exp(big.NewInt(x), big.NewInt(int64(2*k+1)), nil)
			den.Mul(den, big.NewInt(int64(2*k+1)))
			t := new(big.Rat).SetFrac(big.NewInt(1), den)
			prev = new(big.Rat).Set(s)
			if k%2 == 0 {
				s.Add(s, t)
			} else {
				s.Sub(s, t)
			}
		}
		// terms is even: s (ends with a subtraction) is below, prev above
		return s, prev
	}
	l5, h5 := atan(5, 60)
	l239, h239 := atan(239, 60)
	lo = new(big.Rat).Sub(new(big.Rat).Mul(big.NewRat(16, 1), l5), new(big.Rat).Mul(big.NewRat(4, 1), h239))
	hi = new(big.Rat).Sub(new(big.Rat).Mul(big.NewRat(16, 1), h5), new(big.Rat).Mul(big.NewRat(4, 1), l239))
	return lo, hi
}

// eBounds: e = Sum 1/k!, the sum to N below it and the tail under
// 2/(N+1)!.
func eBounds() (lo, hi *big.Rat) {
	const n = 80
	s, f := new(big.Rat), big.NewInt(1)
	for k := int64(0); k <= n; k++ {
		if k > 0 {
			f.Mul(f, big.NewInt(k))
		}
		s.Add(s, new(big.Rat).SetFrac(big.NewInt(1), f))
	}
	f.Mul(f, big.NewInt(n+1))
	return s, new(big.Rat).Add(s, new(big.Rat).SetFrac(big.NewInt(2), f))
}

// convergent is the last convergent p/q below r (an even one) of the
// continued fraction of r with q <= maxQ (r's expansion agrees with c's
// that far: the bounds are far tighter than 1/maxQ^2). Below, floor(m*p/q)
// = floor(m*c) holds for m up to about 1/(q*(c - p/q)), not only below q.
func convergent(r *big.Rat, maxQ int64) (p, q int64) {
	h1, h2, k1, k2 := int64(1), int64(0), int64(0), int64(1)
	x := new(big.Rat).Set(r)
	for i := 0; ; i++ {
		a := new(big.Int).Quo(x.Num(), x.Denom()) // x > 0
		h, k := a.Int64()*h1+h2, a.Int64()*k1+k2
		if k > maxQ {
			return p, q
		}
		h1, h2, k1, k2 = h, h1, k, k1
		if i%2 == 0 {
			p, q = h, k
		}
		frac := new(big.Rat).Sub(x, new(big.Rat).SetInt(a))
		if frac.Sign() == 0 {
			return p, q
		}
		x.Inv(frac)
	}
}

// provenUpTo is the largest M <= transcMaxM with floor(m*p/q) =
// floor(m*c) for m = 1..M: with rem = m*p mod q, if p/q < c that is
// rem + m*q*(c - p/q) < q, if p/q > c it is rem >= m*q*(p/q - c); the
// gap is bounded above by the far end of c's bounds, and compared in
// exact rationals only where integers cannot decide.
func provenUpTo(c *transcConst) int64 {
	pq := big.NewRat(c.p, c.q)
	below := pq.Cmp(c.lo) < 0 // p/q < lo < c
	var gap *big.Rat          // an upper bound on q*|c - p/q|
	if below {
		gap = new(big.Rat).Sub(c.hi, pq)
	} else if pq.Cmp(c.hi) > 0 {
		gap = new(big.Rat).Sub(pq, c.lo)
	} else {
		return 0 // p/q inside the bounds: no proof
	}
	gap.Mul(gap, big.NewRat(c.q, 1))
	gf, _ := gap.Float64()
	gf *= 1 + 1e-9 // an upper bound still
	for m := int64(1); m <= transcMaxM; m++ {
		rem := m * c.p % c.q
		need := float64(m) * gf // m*q*|c - p/q| < need
		if below && float64(rem)+need >= float64(c.q) || !below && float64(rem) <= need {
			return m - 1
		}
	}
	return transcMaxM
}

// floorTransc is floor(a + b*c) for c = transcOf(id), decided by c's
// bounds; undefined where they do not decide it.
func floorTransc(s rsurd, id int64) *big.Int {
	c := transcOf(id)
	at := func(x *big.Rat) *big.Int {
		return floorRat(new(big.Rat).Add(s.a, new(big.Rat).Mul(s.b, x)))
	}
	f1, f2 := at(c.lo), at(c.hi)
	if f1.Cmp(f2) != 0 {
		undefined()
	}
	return f1
}

// floorMulConst pushes floor(q*c) for integer q, |q| <= M of c: with m =
// |q|, s = m*i + (m/k)*r + (m%k)*r/k for p/k = (i*k + r)/k, and -(s+1)
// for q < 0 (c is irrational).
func (e *emitter) floorMulConst(q *node, id int64) {
	c := transcOf(id)
	r := c.p - c.i*c.q
	lq := e.hold(q)
	m := e.alloc()
	e.abs(func() { e.get(lq) })
	e.set(m)
	if c.i != 0 {
		e.get(m)
		e.konst(c.i)
		e.emit(ir.OpI32Mul)
	} else {
		e.emit(ir.OpConst0)
	}
	e.get(m)
	e.konst(c.q)
	e.emit(ir.OpI32DivS)
	e.konst(r)
	e.emit(ir.OpI32Mul, ir.OpI32Add)
	e.get(m)
	e.konst(c.q)
	e.emit(ir.OpI32RemS)
	e.konst(r)
	e.emit(ir.OpI32Mul)
	e.konst(c.q)
	e.emit(ir.OpI32DivS, ir.OpI32Add)
	e.set(m) // s
	e.get(lq)
	e.emit(ir.OpConst0, ir.OpI32LtS, ir.OpIfBegin, ir.OpConst0)
	e.get(m)
	e.emit(ir.OpI32Sub, ir.OpConst1, ir.OpI32Sub, ir.OpElse)
	e.get(m)
	e.emit(ir.OpIfEnd)
}
