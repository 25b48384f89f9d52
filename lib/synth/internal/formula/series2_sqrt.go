package formula

import (
	"math/big"

	"github.com/irsynth/irsynth/lib/ir"
)

// Square roots in power series: "Expansion of
// (1-x+sqrt(1-2x+5x^2))/(2(1-x)^2)", "Expansion of (1-4*x)^(15/2)",
// "1/sqrt(1-4*x)". The radicand must be a polynomial P with constant
// term 1 and constant coefficients. Its root S (S^2 = P, S(0) = 1) has
// integer coefficients exactly when P = A^2 + 4Q for integer polynomials
// A, Q (S mod 2 is then the polynomial A, a_i = p_(2i) mod 2); then
//
//	S = A (1 + 2T), where T = Q/A^2 - T^2
//
// since A^2 (1 + 2T)^2 = A^2 + 4 A^2 (T + T^2) = A^2 + 4Q. Every step is
// ring arithmetic (A(0) = 1, so dividing by A is), and the 2 stays a
// coefficient, so "(1 - x - sqrt(...))/2" divides a polynomial and a 2
// exactly. The normal form writes S as A's monomials plus 2 times a
// series kept in its own table, A*T (sRoot). The exact evaluator takes S
// from S^2 = P coefficient by coefficient instead.

// sRoot is the table A*T of the root of A^2 + 4Q.
type sRoot struct {
	a, q []int64
}

// maxRootDegree bounds a radicand's degree.
const maxRootDegree = 24

// halfPower reads an exponent "(m/2)" or "(-m/2)" with m odd at p.pos
// (after "^"), and moves past it.
func (p *seriesParser) halfPower() (int64, bool) {
	i := p.pos
	if i+5 >= len(p.toks) || !isOp(p.toks[i], "(") {
		return 0, false
	}
	i++
	sign := int64(1)
	if isOp(p.toks[i], "-") {
		sign = -1
		i++
	}
	if p.toks[i].k != tNum || !isOp(p.toks[i+1], "/") || p.toks[i+2].k != tNum || p.toks[i+2].v != 2 || !isOp(p.toks[i+3], ")") {
		return 0, false
	}
	m := p.toks[i].v
	if m%2 == 0 || m > 99 {
		return 0, false
	}
	p.pos = i + 4
	return sign * m, true
}

// sqrt is the root of a series whose constant term is 1, if every
// coefficient is an integer.
func (ev *sEval) sqrt(a []*big.Int) []*big.Int {
	if a[0].Cmp(bigOne) != 0 {
		seriesFail()
	}
	s := ev.zero()
	s[0].SetInt64(1)
	t, acc := new(big.Int), new(big.Int)
	for n := 1; n < ev.l; n++ {
		ev.work(n)
		acc.Set(a[n])
		for i := 1; i < n; i++ {
			acc.Sub(acc, t.Mul(s[i], s[n-i]))
		}
		if acc.Bit(0) != 0 {
			seriesFail()
		}
		s[n].Rsh(acc, 1) // exact: acc is even (floor of a negative even is exact too)
	}
	return s
}

// sqrtSeries normalizes sqrt(P): A's monomials plus 2 (A*T).
func (z *normalizer) sqrtSeries(x *sNode) *sSeries {
	s := z.norm(x.kids[0])
	if len(s.sums) > 0 || s.fixed != nil || s.ref != 0 || s.root != nil {
		seriesFail()
	}
	p := make([]int64, maxRootDegree+1)
	for _, t := range s.terms {
		c, ok1 := constOf(t.coef)
		e, ok2 := constOf(t.shift)
		if !ok1 || !ok2 || len(t.facs) > 0 || e < 0 || e > maxRootDegree || c > 1<<20 || c < -1<<20 {
			seriesFail()
		}
		p[e] += c
	}
	if p[0] != 1 {
		seriesFail()
	}
	a := make([]int64, maxRootDegree/2+1)
	for i := range a {
		a[i] = p[2*i] & 1
	}
	sq := make([]int64, maxRootDegree+1) // A^2
	for i, u := range a {
		for j, v := range a {
			if i+j <= maxRootDegree {
				sq[i+j] += u * v
			}
		}
	}
	q := make([]int64, maxRootDegree+1)
	for i := range q {
		d := p[i] - sq[i]
		if d%4 != 0 {
			seriesFail() // P is no square mod 4: its root is not integral
		}
		q[i] = d / 4
	}
	out := &sSeries{}
	for i, c := range a {
		if c != 0 {
			out.terms = append(out.terms, sTerm{coef: num(c), shift: num(int64(i))})
		}
	}
	t := sTerm{coef: num(2), shift: num(0), facs: []sFac{{g: &sSeries{root: &sRoot{a: a, q: q}}, pow: 1}}}
	out.terms = append(out.terms, t)
	return out
}

// rootSeries builds R = A*T in table r (all zero) by the one recurrence
// A R + R^2 = Q that (A + 2R)^2 = A^2 + 4Q gives: R(0) = 0 and, upward,
// R[n] = Q[n] - Sum_{i=1..n-1} R[i] R[n-i] - Sum_{j>=1} a_j R[n-j]
// (a_j in {0, 1}).
func (l *seriesLowering) rootSeries(rt *sRoot, r int) {
	e := l.e
	if l.inLoop > 0 {
		seriesFail() // its table is built once
	}
	for i, v := range rt.q {
		if v != 0 {
			l.addMonomial(sTerm{coef: num(v), shift: num(int64(i))}, r)
		}
	}
	mark := e.next
	defer func() { e.next = mark }()
	rb := l.baseLocal(r)
	n, j, acc := e.alloc(), e.alloc(), e.alloc()
	e.emit(ir.OpConst1)
	e.set(n)
	e.while(func() { e.get(n); e.get(l.w); e.emit(ir.OpI32LtS) }, func() {
		e.get(rb)
		e.get(n)
		e.emit(ir.OpI32Add, ir.OpMemLoad)
		e.set(acc)
		e.emit(ir.OpConst1)
		e.set(j)
		e.while(func() { e.get(j); e.get(n); e.emit(ir.OpI32LtS) }, func() {
			l.accumulate(acc, rb, rb, n, j, ir.OpI32Sub)
			e.inc(j, 1)
		})
		for i, v := range rt.a {
			if i == 0 || v == 0 {
				continue
			}
			// acc -= R[n-i] where n >= i
			e.get(n)
			e.konst(int64(i))
			e.emit(ir.OpI32GeS, ir.OpIfBegin)
			e.get(acc)
			e.get(rb)
			e.get(n)
			e.emit(ir.OpI32Add)
			e.konst(int64(i))
			e.emit(ir.OpI32Sub, ir.OpMemLoad, ir.OpI32Sub)
			e.set(acc)
			e.emit(ir.OpIfEnd)
		}
		e.get(rb)
		e.get(n)
		e.emit(ir.OpI32Add)
		e.get(acc)
		e.emit(ir.OpMemStore)
		e.inc(n, 1)
	})
}

// scaleTable multiplies every word of table r by c.
func (l *seriesLowering) scaleTable(r int, c int64) {
	e := l.e
	mark := e.next
	defer func() { e.next = mark }()
	p, stop := e.alloc(), e.alloc()
	l.base(r)
	e.emit(ir.LocalTee(p))
	e.get(l.w)
	e.emit(ir.OpI32Add)
	e.set(stop)
	e.while(func() { e.get(p); e.get(stop); e.emit(ir.OpI32LtS) }, func() {
		e.get(p)
		e.get(p)
		e.emit(ir.OpMemLoad)
		e.konst(c)
		e.emit(ir.OpI32Mul, ir.OpMemStore)
		e.inc(p, 1)
	})
}

// quoAll divides every coefficient of a by c, each exactly.
func (ev *sEval) quoAll(a []*big.Int, c *big.Int) []*big.Int {
	c = new(big.Int).Set(c) // c may be a word of a
	r := ev.zero()
	m := new(big.Int)
	for i := range r {
		r[i].QuoRem(a[i], c, m)
		if m.Sign() != 0 {
			seriesFail()
		}
	}
	ev.work(ev.l)
	return r
}

// monomialDivisor splits G = N/(c x^s), s >= 1, the way Catalan-like
// generating functions are written, "(1-sqrt(1-4*x))/(2*x)", into N/c and
// s: [x^n] G = [x^(n+s)] (N/c), where N/c's first s coefficients must be
// 0 (leadingZeros). Anything else, and series in q^(1/4), are left alone
// (s = 0).
func monomialDivisor(x *sNode, zmode bool) (*sNode, int64) {
	if zmode || x.k != sDiv {
		return x, 0
	}
	d := x.kids[1]
	c := &sNode{k: sNum, x: num(1)}
	if d.k == sMul && d.kids[0].k == sNum {
		if v, ok := constOf(d.kids[0].x); !ok || v == 0 {
			return x, 0
		}
		c, d = d.kids[0], d.kids[1]
	}
	s := int64(1)
	if d.k == sPow && d.kids[0].k == sVar {
		v, ok := constOf(d.x)
		if !ok || v < 1 || v > 8 {
			return x, 0
		}
		s, d = v, d.kids[0]
	}
	if d.k != sVar {
		return x, 0
	}
	return &sNode{k: sDiv, kids: []*sNode{x.kids[0], c}}, s
}

// leadingZeros reports whether the first s coefficients are 0.
func leadingZeros(cs []*big.Int, s int64) bool {
	for _, c := range cs[:s] {
		if c.Sign() != 0 {
			return false
		}
	}
	return true
}
