package formula

// Beatty-like sequences: floor, ceiling and round of a + b*sqrt(d), where
// a and b are rational formulas (in n) and d > 1 a squarefree constant:
// "floor(n*sqrt(2))", "round(n*phi^13)", "floor(n*(5 - sqrt(5))/2) + 1",
// "floor(floor(n*phi^2)*phi)". Over a common constant denominator R,
// a + b*sqrt(d) = (P + Q*sqrt(d))/R with integers P, Q, and
// floor((P + Q*sqrt(d))/R) = floor((P + floor(Q*sqrt(d)))/R), so the
// program needs only floor(Q*sqrt(d)) of an integer Q: "fsqrt" (lowered
// by floorSqrt without squaring Q past i32).

import (
	"math/big"
	"strconv"

	"github.com/irsynth/irsynth/lib/ir"
)

// hasSurd reports whether x takes a square root outside a floor, ceiling
// or round of its own (those are integers, read on their own).
func hasSurd(x *node) bool {
	switch x.k {
	case kCall:
		if x.name == "sqrt" || x.name == "transc" {
			return true
		}
	case kFloor, kCeil, kRound:
		return false
	}
	for _, k := range x.kids {
		if hasSurd(k) {
			return true
		}
	}
	return false
}

// isConst reports whether x has no variable.
func isConst(x *node) bool {
	if x.k == kVar {
		return false
	}
	for _, k := range x.kids {
		if !isConst(k) {
			return false
		}
	}
	return true
}

// maxRadicand bounds p*q of a radicand p/q (its square part is found by
// trial division).
const maxRadicand = 1 << 40

// squarePart splits m >= 0 as s^2 * d with d squarefree.
func squarePart(m *big.Int) (s *big.Int, d int64) {
	if m.Sign() < 0 || m.BitLen() > 40 {
		panic(errBudget)
	}
	v, sv := m.Int64(), int64(1)
	for p := int64(2); p*p <= v; p++ {
		for v%(p*p) == 0 {
			v /= p * p
			sv *= p
		}
	}
	return big.NewInt(sv), v
}

// rsurd is a + b*sqrt(d) in exact rationals: d = 0 (b = 0) for a rational.
type rsurd struct {
	a, b *big.Rat
	d    int64
}

func (s rsurd) isRat() bool { return s.d == 0 || s.b.Sign() == 0 }

// joinD is the radicand of s op t, or fails when they differ.
func joinD(s, t rsurd) int64 {
	switch {
	case s.isRat():
		return t.d
	case t.isRat():
		return s.d
	case s.d != t.d:
		undefined() // two different square roots: not a quadratic surd
	}
	return s.d
}

func ratOf(s rsurd) rsurd { return rsurd{a: s.a, b: new(big.Rat), d: 0} }

// surd evaluates x (hasSurd) as a + b*sqrt(d), exactly.
func (v *evaluator) surd(x *node) rsurd {
	if !hasSurd(x) {
		return rsurd{a: v.ev(x), b: new(big.Rat)}
	}
	v.tick(1)
	switch x.k {
	case kCall: // sqrt, or Pi or e (transc.go)
		if x.name == "transc" {
			id := small(v.ev(x.kids[0]), 4)
			if recipOf[id] == 0 {
				undefined()
			}
			return rsurd{a: new(big.Rat), b: ratInt(1), d: -id}
		}
		r := v.ev(x.kids[0])
		if r.Sign() < 0 {
			undefined()
		}
		pq := new(big.Int).Mul(r.Num(), r.Denom())
		s, d := squarePart(pq) // sqrt(p/q) = sqrt(p*q)/q = s*sqrt(d)/q
		b := new(big.Rat).SetFrac(s, r.Denom())
		if d == 1 {
			return rsurd{a: b, b: new(big.Rat)}
		}
		return rsurd{a: new(big.Rat), b: b, d: d}
	case kNeg:
		s := v.surd(x.kids[0])
		return rsurd{a: new(big.Rat).Neg(s.a), b: new(big.Rat).Neg(s.b), d: s.d}
	case kAdd, kSub:
		s, t := v.surd(x.kids[0]), v.surd(x.kids[1])
		d := joinD(s, t)
		if x.k == kSub {
			t = rsurd{a: new(big.Rat).Neg(t.a), b: new(big.Rat).Neg(t.b), d: t.d}
		}
		return rsurd{a: checkSize(new(big.Rat).Add(s.a, t.a)), b: checkSize(new(big.Rat).Add(s.b, t.b)), d: d}
	case kMul:
		return surdMul(v.surd(x.kids[0]), v.surd(x.kids[1]))
	case kDiv:
		return surdMul(v.surd(x.kids[0]), surdInv(v.surd(x.kids[1])))
	case kPow:
		s := v.surd(x.kids[0])
		k := small(v.ev(x.kids[1]), 64)
		if k < 0 {
			s, k = surdInv(s), -k
		}
		r := rsurd{a: ratInt(1), b: new(big.Rat), d: s.d}
		for ; k > 0; k-- {
			r = surdMul(r, s)
		}
		return r
	}
	undefined() // a square root inside another function
	return rsurd{}
}

func surdMul(s, t rsurd) rsurd {
	if !s.isRat() && !t.isRat() && (s.d < 0 || t.d < 0) {
		undefined() // Pi^2, Pi*e, Pi*sqrt(2): not of the form a + b*c
	}
	if !s.isRat() && !t.isRat() && s.d != t.d && s.a.Sign() == 0 && t.a.Sign() == 0 {
		// b1*sqrt(d1) * b2*sqrt(d2) = b1*b2*q*sqrt(d), d1*d2 = q^2*d
		q, d := squarePart(new(big.Int).Mul(big.NewInt(s.d), big.NewInt(t.d)))
		b := new(big.Rat).Mul(s.b, t.b)
		b.Mul(b, new(big.Rat).SetInt(q))
		if d == 1 {
			return rsurd{a: b, b: new(big.Rat)}
		}
		return rsurd{a: new(big.Rat), b: b, d: d}
	}
	d := joinD(s, t)
	bd := new(big.Rat).Mul(s.b, t.b)
	bd.Mul(bd, new(big.Rat).SetInt64(d))
	a := new(big.Rat).Mul(s.a, t.a)
	a.Add(a, bd)
	b := new(big.Rat).Mul(s.a, t.b)
	b.Add(b, new(big.Rat).Mul(s.b, t.a))
	return rsurd{a: checkSize(a), b: checkSize(b), d: d}
}

// surdInv is 1/s = (a - b*sqrt(d))/(a^2 - b^2*d).
func surdInv(s rsurd) rsurd {
	if s.isRat() {
		if s.a.Sign() == 0 {
			undefined()
		}
		return rsurd{a: new(big.Rat).Inv(s.a), b: new(big.Rat)}
	}
	if s.d < 0 { // 1/(b*c) = (1/b)*(1/c)
		if s.a.Sign() != 0 {
			undefined()
		}
		return rsurd{a: new(big.Rat), b: new(big.Rat).Inv(s.b), d: -recipOf[-s.d]}
	}
	n := new(big.Rat).Mul(s.a, s.a)
	bb := new(big.Rat).Mul(s.b, s.b)
	n.Sub(n, bb.Mul(bb, new(big.Rat).SetInt64(s.d))) // nonzero: d is no square
	return rsurd{a: new(big.Rat).Quo(s.a, n), b: new(big.Rat).Neg(new(big.Rat).Quo(s.b, n)), d: s.d}
}

// floorSurd is floor(a + b*sqrt(d)), exactly: over the common denominator
// R, floor((P + floor(Q*sqrt(d)))/R).
func floorSurd(s rsurd) *big.Int {
	if s.isRat() {
		return floorRat(s.a)
	}
	if s.d < 0 {
		return floorTransc(s, -s.d)
	}
	r := new(big.Int).Mul(s.a.Denom(), s.b.Denom())
	r.Quo(r, new(big.Int).GCD(nil, nil, s.a.Denom(), s.b.Denom()))
	p := new(big.Int).Mul(s.a.Num(), new(big.Int).Quo(r, s.a.Denom()))
	q := new(big.Int).Mul(s.b.Num(), new(big.Int).Quo(r, s.b.Denom()))
	p.Add(p, floorSqrtRef(q, s.d))
	return floorRat(new(big.Rat).SetFrac(p, r))
}

// floorSqrtRef is floor(q*sqrt(d)) for d > 1 no square.
func floorSqrtRef(q *big.Int, d int64) *big.Int {
	m := new(big.Int).Mul(q, q)
	m.Mul(m, big.NewInt(d))
	s := m.Sqrt(m)
	if q.Sign() < 0 {
		return s.Neg(s.Add(s, big.NewInt(1))) // q*sqrt(d) is irrational: -ceil(|q|*sqrt(d))
	}
	return s
}

// evRounded evaluates floor, ceiling or round (x.k) of a surd exactly.
func (v *evaluator) evRounded(x *node) *big.Rat {
	arg := x.kids[0]
	switch x.k {
	case kCeil:
		return new(big.Rat).SetInt(new(big.Int).Neg(floorSurd(v.surd(un(kNeg, arg)))))
	case kRound:
		arg = bin(kAdd, arg, bin(kDiv, num(1), num(2)))
	}
	return new(big.Rat).SetInt(floorSurd(v.surd(arg)))
}

// The normalization: floor(x) for x with a square root of a constant
// becomes integer formulas P, Q over a constant R with fsqrt(Q, d).

// nsurd is a + b*sqrt(d) in formulas without square roots (d = 0: b is
// nil, a rational formula).
type nsurd struct {
	a, b *node
	d    int64
	pure bool // a is 0: b*sqrt(d) alone
}

// constSurd evaluates a constant x as a surd (nfail if it cannot).
func constSurd(x *node) rsurd {
	var s rsurd
	v := evaluator{steps: 10_000, env: map[string]*big.Rat{}}
	func() {
		defer func() {
			if r := recover(); r != nil {
				if e, ok := r.(error); ok && (e == errUndefined || e == errBudget) {
					nfail("constant square root")
				}
				panic(r)
			}
		}()
		s = v.surd(x)
	}()
	return s
}

// ratNode is r as a formula.
func ratNode(r *big.Rat) *node {
	if !r.Num().IsInt64() || !r.Denom().IsInt64() {
		nfail("constant too large")
	}
	p, q := checkBig(r.Num().Int64()), checkBig(r.Denom().Int64())
	if q == 1 {
		return num(p)
	}
	return bin(kDiv, num(p), num(q))
}

func (s nsurd) bOr0() *node {
	if s.b == nil {
		return num(0)
	}
	return s.b
}

// surdRW writes formulas as surds; a floor, ceiling or round inside
// (an integer, whose program may be long) becomes a variable f_i, bound
// once to its value (binds[i]), since it may appear in both parts.
type surdRW struct{ binds []*node }

// hasRounding reports whether x has a floor, ceiling or round.
func hasRounding(x *node) bool {
	if x.k == kFloor || x.k == kCeil || x.k == kRound {
		return true
	}
	for _, k := range x.kids {
		if hasRounding(k) {
			return true
		}
	}
	return false
}

// of writes x as a + b*sqrt(d): constants are folded exactly, a
// variable part may be added, multiplied and divided by anything without
// a square root.
func (w *surdRW) of(x *node) nsurd {
	if isConst(x) {
		s := constSurd(x)
		if s.isRat() {
			return nsurd{a: ratNode(s.a)}
		}
		return nsurd{a: ratNode(s.a), b: ratNode(s.b), d: s.d, pure: s.a.Sign() == 0}
	}
	if !hasSurd(x) {
		if hasRounding(x) {
			w.binds = append(w.binds, x)
			return nsurd{a: vr("f_" + strconv.Itoa(len(w.binds)-1))}
		}
		return nsurd{a: x}
	}
	join := func(s, t nsurd) int64 {
		switch {
		case s.d == 0:
			return t.d
		case t.d == 0, s.d == t.d:
			return s.d
		}
		nfail("two square roots")
		return 0
	}
	switch x.k {
	case kNeg:
		s := w.of(x.kids[0])
		return nsurd{a: un(kNeg, s.a), b: un(kNeg, s.bOr0()), d: s.d, pure: s.pure}
	case kAdd, kSub:
		s, t := w.of(x.kids[0]), w.of(x.kids[1])
		return nsurd{a: bin(x.k, s.a, t.a), b: bin(x.k, s.bOr0(), t.bOr0()), d: join(s, t)}
	case kMul:
		s, t := w.of(x.kids[0]), w.of(x.kids[1])
		if s.pure && t.pure && s.d != t.d {
			return w.pureMul(s, t)
		}
		d := join(s, t)
		a := bin(kMul, s.a, t.a)
		if d < 0 && s.b != nil && t.b != nil {
			nfail("Pi or e squared")
		}
		if s.b != nil && t.b != nil {
			a = bin(kAdd, a, bin(kMul, num(d), bin(kMul, s.b, t.b)))
		}
		pure := s.pure && t.b == nil || t.pure && s.b == nil // a rational times b*sqrt(d)
		return nsurd{a: a, b: bin(kAdd, bin(kMul, s.a, t.bOr0()), bin(kMul, s.bOr0(), t.a)), d: d, pure: pure}
	case kDiv:
		s, t := w.of(x.kids[0]), x.kids[1]
		if !hasSurd(t) {
			t = w.of(t).a
			return nsurd{a: bin(kDiv, s.a, t), b: bin(kDiv, s.bOr0(), t), d: s.d, pure: s.pure}
		}
		if !isConst(t) {
			nfail("a square root in a variable denominator")
		}
		inv := surdInv(constSurd(t))
		if inv.isRat() {
			c := ratNode(inv.a)
			return nsurd{a: bin(kMul, s.a, c), b: bin(kMul, s.bOr0(), c), d: s.d}
		}
		u := nsurd{a: ratNode(inv.a), b: ratNode(inv.b), d: inv.d, pure: inv.a.Sign() == 0}
		if s.pure && u.pure && s.d != u.d {
			return w.pureMul(s, u)
		}
		d := join(s, u)
		if d < 0 && s.b != nil {
			nfail("Pi or e squared")
		}
		return nsurd{a: bin(kAdd, bin(kMul, s.a, u.a), bin(kMul, num(d), bin(kMul, s.bOr0(), u.b))),
			b: bin(kAdd, bin(kMul, s.a, u.b), bin(kMul, s.bOr0(), u.a)), d: d}
	}
	nfail("a square root here")
	return nsurd{}
}

// pureMul is b1*sqrt(d1) * b2*sqrt(d2) = b1*b2*q*sqrt(d), d1*d2 = q^2*d.
func (w *surdRW) pureMul(s, t nsurd) nsurd {
	if s.d < 0 || t.d < 0 {
		nfail("Pi or e times a square root")
	}
	q, d := squarePart(new(big.Int).Mul(big.NewInt(s.d), big.NewInt(t.d)))
	b := bin(kMul, num(q.Int64()), bin(kMul, s.b, t.b))
	if d == 1 {
		return nsurd{a: b}
	}
	return nsurd{a: num(0), b: b, d: d, pure: true}
}

// floorSurdOf is floor(x) for x with square roots of constants, as an
// integer formula.
func (z norm) floorSurdOf(x *node) *node {
	var w surdRW
	s := w.of(x)
	y := z.floorParts(s, &w)
	for i := len(w.binds) - 1; i >= 0; i-- {
		y = call("let_", vr("f_"+strconv.Itoa(i)), z.intOf(z.frac(w.binds[i])), y)
	}
	return y
}

// floorParts is floor(s.a + s.b*sqrt(s.d)) over the common denominator.
func (z norm) floorParts(s nsurd, w *surdRW) *node {
	if s.d == 0 {
		return floorOf(z.frac(s.a))
	}
	fa, fb := z.frac(s.a), z.frac(s.b)
	for _, d := range []*node{fa.d, fb.d} {
		if d != nil && !d.isNum() {
			nfail("a variable denominator beside a square root")
		}
	}
	da, db := den(fa.d).val, den(fb.d).val
	r := checkBig(da / gcd64(da, db) * db)
	w.fits(s.b, r, s.d)
	p, q := mul(fa.n, num(r/da)), mul(fb.n, num(r/db))
	if s.d < 0 { // Pi or e: transc.go
		f := call("fmulc", q, num(-s.d))
		if r == 1 {
			return add(p, f)
		}
		return bin(kFloorDiv, add(p, f), num(r))
	}
	if r == 1 {
		return add(p, call("fsqrt", q, num(s.d)))
	}
	return bin(kFloorDiv, add(p, call("fsqrt", q, num(s.d))), num(r))
}

// fits fails unless floorSqrt computes floor(Q*sqrt(d)) exactly for
// Q = r*b at every n = 0..scanN: its r stays in i32 there (the bound in
// floorSqrt's comment, at the largest |Q|). b is evaluated exactly, its
// floors (f_i) as they are; a variable besides n (a sum's) fails.
func (w *surdRW) fits(b *node, r, d int64) {
	for i := len(w.binds) - 1; i >= 0; i-- {
		b = substitute(b, "f_"+strconv.Itoa(i), w.binds[i])
	}
	if !onlyN(b) {
		nfail("a square root's coefficient in a variable besides n")
	}
	v := evaluator{steps: scanSteps}
	most := new(big.Rat)
	for n := int64(0); n <= scanN; n++ {
		q, err := v.eval(b, n)
		switch {
		case err == errBudget:
			nfail("a square root's coefficient too costly to bound")
		case err != nil:
			continue
		}
		q = new(big.Rat).Abs(q)
		if q.Cmp(most) > 0 {
			most = q
		}
	}
	m := new(big.Int).Quo(new(big.Int).Mul(most.Num(), big.NewInt(r)), most.Denom())
	m.Add(m, big.NewInt(1))
	if d < 0 { // floor(Q*c) is proved for |Q| <= M
		if m.Cmp(big.NewInt(transcOf(-d).m)) > 0 {
			nfail("floor(Q*c) past where its convergent is proved")
		}
		return
	}
	p, k := sqrtApprox(d)
	// (m/k + 2) * (2*m*(p/k + 1) + 2) < 2^31
	err := new(big.Int).Add(new(big.Int).Quo(m, big.NewInt(k)), big.NewInt(2))
	size := new(big.Int).Mul(m, big.NewInt(2*(p/k+1)))
	size.Add(size, big.NewInt(2))
	if err.Mul(err, size).BitLen() > 31 {
		nfail("floor(Q*sqrt(d)) past where floorSqrt is exact")
	}
}

// onlyN reports whether n is x's only variable.
func onlyN(x *node) bool {
	if x.k == kVar && x.name != "n" {
		return false
	}
	for _, k := range x.kids {
		if !onlyN(k) {
			return false
		}
	}
	return true
}

// roundedSurd is floor, ceiling or round (k) of x, for x with square
// roots of constants (hasSurd), as an integer formula.
func (z norm) roundedSurd(k kind, x *node) *node {
	switch k {
	case kCeil:
		return neg(z.floorSurdOf(un(kNeg, x)))
	case kRound:
		return z.floorSurdOf(bin(kAdd, x, bin(kDiv, num(1), num(2))))
	}
	return z.floorSurdOf(x)
}

// sqrtApprox is p/k <= sqrt(d) with k a power of ten (cheap to write
// in a program) up to 10^4 and k*(p+1) < 2^31: p = floor(k*sqrt(d)),
// within 1/k of k*sqrt(d).
func sqrtApprox(d int64) (p, k int64) {
	for k = 10_000; k > 1; k /= 10 {
		p = new(big.Int).Sqrt(big.NewInt(k * k * d)).Int64()
		if k*(p+1) < 1<<31 {
			return p, k
		}
	}
	return new(big.Int).Sqrt(big.NewInt(d)).Int64(), 1
}

// floorSqrt pushes floor(q*sqrt(d)) for integer q and d > 1 no square,
// never squaring q in full: with m = |q|, s starts at floor(m*p/k) (p/k
// from sqrtApprox, as (m/k)*p + (m%k)*p/k, within m/k + 1 of
// m*sqrt(d)), and r = s^2 - d*m^2 is exact modulo 2^32 and small, so
// exact while it fits in i32 (|r| <= (m/k + 2)*(2*m*sqrt(d) + 2)); s
// steps down while r > 0 and up while (s+1)^2 <= d*m^2, r + 2s + 1 <= 0.
// Then q < 0 gives -(s+1): the square root of d is irrational.
func (e *emitter) floorSqrt(q *node, d int64) {
	p, k := sqrtApprox(d)
	lq := e.hold(q)
	m, s, r := e.alloc(), e.alloc(), e.alloc()
	e.abs(func() { e.get(lq) })
	e.set(m)
	e.konst(p) // p in r until r is computed: one constant written once
	e.set(r)
	e.get(m)
	e.konst(k)
	e.emit(ir.OpI32DivS)
	e.get(r)
	e.emit(ir.OpI32Mul)
	e.get(m)
	e.konst(k)
	e.emit(ir.OpI32RemS)
	e.get(r)
	e.emit(ir.OpI32Mul)
	e.konst(k)
	e.emit(ir.OpI32DivS, ir.OpI32Add)
	e.set(s)
	e.get(s)
	e.get(s)
	e.emit(ir.OpI32Mul)
	e.get(m)
	e.get(m)
	e.emit(ir.OpI32Mul)
	e.konst(d)
	e.emit(ir.OpI32Mul, ir.OpI32Sub)
	e.set(r)
	e.while(func() { e.get(r); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() { // (s-1)^2: r - 2s + 1
		e.get(r)
		e.get(s)
		e.get(s)
		e.emit(ir.OpI32Add, ir.OpI32Sub, ir.OpConst1, ir.OpI32Add)
		e.set(r)
		e.inc(s, -1)
	})
	up := func() { // (s+1)^2: r + 2s + 1
		e.get(r)
		e.get(s)
		e.get(s)
		e.emit(ir.OpI32Add, ir.OpI32Add, ir.OpConst1, ir.OpI32Add)
	}
	e.while(func() { up(); e.emit(ir.OpConst0, ir.OpI32LeS) }, func() {
		up()
		e.set(r)
		e.inc(s, 1)
	})
	e.get(lq)
	e.emit(ir.OpConst0, ir.OpI32LtS, ir.OpIfBegin, ir.OpConst0)
	e.get(s)
	e.emit(ir.OpI32Sub, ir.OpConst1, ir.OpI32Sub, ir.OpElse)
	e.get(s)
	e.emit(ir.OpIfEnd)
}
