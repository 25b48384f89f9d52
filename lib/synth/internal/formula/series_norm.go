package formula

import (
	"fmt"
	"strings"
)

// The normal form a series tree is compiled from: a sum of terms, each a
// scalar times a power of x times factors, and of sums over a bound
// variable of such terms. A factor is a binomial (1 + c*x^e)^m, alone or
// as a product over a bound variable (Product_{v>=lo} (1 + c(v)*x^e(v))^m(v),
// while e(v) fits), or a series kept in its own table, multiplied in (or
// divided out, its constant term ±1) pow times. Every theta function is
// written here as products by Jacobi's triple product,
// f(a, b) = Product_{j>=1} (1 + a^j b^(j-1)) (1 + a^(j-1) b^j) (1 - a^j b^j);
// the exact evaluator (series_eval.go) uses their sums instead.

type sTerm struct {
	coef  *node // a scalar over the bound variables
	shift *node // the power of x, a scalar
	facs  []sFac
}

type sFac struct {
	// a binomial (1 + c*x^e)^m; a product over v = lo.. (to hi, and while
	// e fits) when v is not empty
	v       string
	lo, hi  *node
	c, e, m *node
	// or a series in a table of its own, to the power pow
	g   *sSeries
	pow int64
}

type sSeries struct {
	terms []sTerm
	sums  []sSumTerm
	fixed *sSeries // the fixed point A of A = fixed (series_fixed.go)
	ref   int64    // A(x^ref), when > 0
	root  *sRoot   // A*T of a square root's A (1 + 2T) (series2_sqrt.go)
}

// sSumTerm is Sum_{v=lo..hi (nil: while t's power of x fits)} t.
type sSumTerm struct {
	v      string
	lo, hi *node
	t      sTerm
}

type normalizer struct {
	loops int
	// sumTheta: phi and psi as their sums (a table each, multiplied in),
	// where their products would take more opcodes than the IR allows
	sumTheta bool
	inFixed  bool // inside A = RHS: A(x^m) may be read
}

func (z *normalizer) loopVar() string {
	z.loops++
	return fmt.Sprintf("j%d_", z.loops)
}

// constOf reports the value of a scalar without variables.
func constOf(x *node) (int64, bool) {
	switch x.k {
	case kNum:
		return x.val, true
	case kNeg:
		if a, ok := constOf(x.kids[0]); ok {
			return -a, true
		}
	case kAdd, kSub, kMul:
		a, ok1 := constOf(x.kids[0])
		b, ok2 := constOf(x.kids[1])
		if !ok1 || !ok2 || a > 1<<31 || a < -1<<31 || b > 1<<31 || b < -1<<31 {
			return 0, false
		}
		switch x.k {
		case kAdd:
			return a + b, true
		case kSub:
			return a - b, true
		default:
			return a * b, true
		}
	case kDivT: // exact quotients only
		a, ok1 := constOf(x.kids[0])
		b, ok2 := constOf(x.kids[1])
		if ok1 && ok2 && b != 0 && a%b == 0 {
			return a / b, true
		}
	}
	return 0, false
}

func nAdd(a, b *node) *node {
	if v, ok := constOf(a); ok && v == 0 {
		return b
	}
	if v, ok := constOf(b); ok && v == 0 {
		return a
	}
	return fold(bin(kAdd, a, b))
}

func nMul(a, b *node) *node {
	if v, ok := constOf(a); ok && v == 1 {
		return b
	}
	if v, ok := constOf(b); ok && v == 1 {
		return a
	}
	return fold(bin(kMul, a, b))
}

func nNeg(a *node) *node { return fold(un(kNeg, a)) }

func fold(x *node) *node {
	if v, ok := constOf(x); ok && v <= 1<<31-1 && v >= -1<<31 {
		return num(v)
	}
	return x
}

// signPow is s^e for s = ±1: 1, or 1 - 2*(e mod 2).
func signPow(s int64, e *node) *node {
	if s > 0 {
		return num(1)
	}
	if v, ok := constOf(e); ok {
		if v%2 == 0 {
			return num(1)
		}
		return num(-1)
	}
	return bin(kSub, num(1), bin(kMul, num(2), bin(kMod, e, num(2))))
}

func isConstV(x *node, v int64) bool {
	c, ok := constOf(x)
	return ok && c == v
}

func mulTerms(a, b sTerm) sTerm {
	return sTerm{coef: nMul(a.coef, b.coef), shift: nAdd(a.shift, b.shift), facs: append(append([]sFac{}, a.facs...), b.facs...)}
}

func single(t sTerm) *sSeries { return &sSeries{terms: []sTerm{t}} }

func oneTerm() sTerm { return sTerm{coef: num(1), shift: num(0)} }

// asTerm writes s as one term: s itself, or 1 + c x^e (either order, the
// constant ±1) as a binomial factor; wrap: else as a series factor.
func asTerm(s *sSeries, wrap bool) (sTerm, bool) {
	if len(s.sums) == 0 && len(s.terms) == 1 {
		return s.terms[0], true
	}
	if len(s.sums) == 0 && len(s.terms) == 2 {
		for _, i := range []int{0, 1} {
			u, t := s.terms[i], s.terms[1-i]
			uc, ok := constOf(u.coef)
			if !ok || uc != 1 && uc != -1 || !isConstV(u.shift, 0) || len(u.facs) > 0 || len(t.facs) > 0 || isConstV(t.shift, 0) {
				continue
			}
			return sTerm{coef: num(uc), shift: num(0), facs: []sFac{{c: nMul(t.coef, num(uc)), e: t.shift, m: num(1)}}}, true
		}
	}
	if !wrap {
		return sTerm{}, false
	}
	t := oneTerm()
	t.facs = []sFac{{g: s, pow: 1}}
	return t, true
}

func (z *normalizer) norm(x *sNode) *sSeries {
	switch x.k {
	case sNum:
		return single(sTerm{coef: fold(x.x), shift: num(0)})
	case sVar:
		return single(sTerm{coef: num(1), shift: num(1)})
	case sAdd, sSub:
		a, b := z.norm(x.kids[0]), z.norm(x.kids[1])
		if x.k == sSub {
			b = negSeries(b)
		}
		return &sSeries{terms: combine(append(append([]sTerm{}, a.terms...), b.terms...)), sums: append(append([]sSumTerm{}, a.sums...), b.sums...)}
	case sNeg:
		return negSeries(z.norm(x.kids[0]))
	case sMul:
		an, bn := z.norm(x.kids[0]), z.norm(x.kids[1])
		// c x^s times a sum: into each of its terms
		for _, p := range [][2]*sSeries{{an, bn}, {bn, an}} {
			if _, ok := asTerm(p[1], false); ok {
				continue
			}
			if t, ok := asTerm(p[0], false); ok && len(t.facs) == 0 {
				return shiftSeries(p[1], t)
			}
		}
		a, _ := asTerm(an, true)
		b, _ := asTerm(bn, true)
		return single(mulTerms(a, b))
	case sDiv:
		a := z.norm(x.kids[0])
		b, _ := asTerm(z.norm(x.kids[1]), true)
		if isConstV(b.shift, 0) && len(b.facs) == 0 {
			if c, ok := constOf(b.coef); ok && (c == 1 || c == -1) {
				return scaleSeries(a, func(y *node) *node { return nMul(y, num(c)) })
			}
			return scaleSeries(a, func(y *node) *node { return bin(kDivT, y, b.coef) })
		}
		c, ok := constOf(b.coef)
		if !ok || c == 0 || !isConstV(b.shift, 0) {
			seriesFail()
		}
		if c != 1 && c != -1 { // (...)/(2(1-x)^2): the 2 divides the numerator
			a = scaleSeries(a, func(y *node) *node { return bin(kDivT, y, num(c)) })
			c = 1
		}
		inv := sTerm{coef: num(c), shift: num(0)}
		for _, f := range b.facs {
			if f.g != nil {
				f.pow = -f.pow
			} else {
				f.m = nNeg(f.m)
			}
			inv.facs = append(inv.facs, f)
		}
		at, _ := asTerm(a, true)
		return single(mulTerms(at, inv))
	case sPow:
		a := z.norm(x.kids[0])
		e := fold(x.x)
		ev, econst := constOf(e)
		t, ok := asTerm(a, false)
		if !ok {
			if !econst {
				seriesFail()
			}
			w := oneTerm()
			w.facs = []sFac{{g: a, pow: ev}}
			return single(w)
		}
		r := sTerm{shift: num(0)}
		if c, ok := constOf(t.coef); ok {
			switch {
			case c == 1:
				r.coef = num(1)
			case c == -1:
				r.coef = signPow(-1, e)
			case !econst && isConstV(t.shift, 0) && len(t.facs) == 0:
				r.coef = bin(kPow, num(c), e) // 5^k: the evaluator checks k >= 0
			case econst && ev >= 0 && ev <= 30:
				p := int64(1)
				for range ev {
					p *= c
					if p > 1<<31 || p < -1<<31 {
						seriesFail()
					}
				}
				r.coef = num(p)
			default:
				seriesFail()
			}
		} else if econst && ev >= 0 {
			r.coef = bin(kPow, t.coef, e)
		} else {
			seriesFail()
		}
		if !isConstV(t.shift, 0) {
			// x^e for a scalar e (x^(4*k)): its sign the evaluator checks
			if econst && ev < 0 || !econst && (len(t.facs) > 0 || !isConstV(t.coef, 1)) {
				seriesFail()
			}
			r.shift = nMul(t.shift, e)
		}
		for _, f := range t.facs {
			if f.g != nil {
				if !econst {
					seriesFail()
				}
				f.pow *= ev
			} else {
				f.m = nMul(f.m, e)
			}
			r.facs = append(r.facs, f)
		}
		return single(r)
	case sProd:
		t, _ := asTerm(z.norm(x.kids[0]), true)
		if !isConstV(t.coef, 1) || !isConstV(t.shift, 0) {
			seriesFail()
		}
		r := oneTerm()
		for _, f := range t.facs {
			if f.g != nil && f.v == "" && polyFactor(f.g) {
				// 1 + c1 x^e1(v) + c2 x^e2(v) + ...: a table per step
				f.v, f.lo, f.hi = x.v, x.x, x.hi
				r.facs = append(r.facs, f)
				continue
			}
			if f.g != nil || f.v != "" || !f.e.uses(x.v) {
				seriesFail()
			}
			f.v, f.lo, f.hi = x.v, x.x, x.hi
			r.facs = append(r.facs, f)
		}
		return single(r)
	case sSum:
		t, _ := asTerm(z.norm(x.kids[0]), true)
		if !t.shift.uses(x.v) && x.hi == nil {
			seriesFail()
		}
		return &sSeries{sums: []sSumTerm{{v: x.v, lo: x.x, hi: x.hi, t: t}}}
	case sFixed:
		if z.inFixed {
			seriesFail()
		}
		z.inFixed = true
		return &sSeries{fixed: z.norm(x.kids[0])}
	case sRef:
		if !z.inFixed {
			seriesFail()
		}
		t := oneTerm()
		t.facs = []sFac{{g: &sSeries{ref: x.x.val}, pow: 1}}
		return single(t)
	case sFn:
		if z.sumTheta && (x.name == "phi" || x.name == "psi") {
			return z.thetaSum(x)
		}
		if x.name == "sqrt" {
			return z.sqrtSeries(x) // series2_sqrt.go
		}
		if x.name == "cubica" {
			return z.norm(cubicA(x.kids[0]))
		}
		return single(z.theta(x))
	}
	seriesFail()
	return nil
}

func negSeries(s *sSeries) *sSeries {
	return scaleSeries(s, nNeg)
}

func scaleSeries(s *sSeries, f func(*node) *node) *sSeries {
	r := &sSeries{}
	for _, t := range s.terms {
		t.coef = f(t.coef)
		r.terms = append(r.terms, t)
	}
	for _, u := range s.sums {
		u.t.coef = f(u.t.coef)
		r.sums = append(r.sums, u)
	}
	return r
}

// thetaArg reads a theta function's argument as ±x^m.
func (z *normalizer) thetaArg(a *sNode) (int64, *node) {
	t, ok := asTerm(z.norm(a), false)
	if !ok || len(t.facs) > 0 {
		seriesFail()
	}
	s, ok := constOf(t.coef)
	if !ok || s != 1 && s != -1 || isConstV(t.shift, 0) {
		seriesFail()
	}
	return s, t.shift
}

// jtp is f(a, b) for a = sa x^ma, b = sb x^mb: the three products of
// Jacobi's triple product.
func (z *normalizer) jtp(sa int64, ma *node, sb int64, mb *node) []sFac {
	j := z.loopVar()
	jm1 := fold(bin(kSub, vr(j), num(1)))
	f1 := sFac{v: j, lo: num(1), c: nMul(signPow(sa, vr(j)), signPow(sb, jm1)), e: nAdd(nMul(ma, vr(j)), nMul(mb, jm1)), m: num(1)}
	f2 := sFac{v: j, lo: num(1), c: nMul(signPow(sa, jm1), signPow(sb, vr(j))), e: nAdd(nMul(ma, jm1), nMul(mb, vr(j))), m: num(1)}
	f3 := sFac{v: j, lo: num(1), c: nNeg(signPow(sa*sb, vr(j))), e: nMul(nAdd(ma, mb), vr(j)), m: num(1)}
	return []sFac{f1, f2, f3}
}

// eta is Product_{j>=1} (1 - (s x^m)^j).
func (z *normalizer) eta(s int64, m *node, mult int64) sFac {
	j := z.loopVar()
	return sFac{v: j, lo: num(1), c: nNeg(signPow(s, vr(j))), e: nMul(m, vr(j)), m: num(mult)}
}

// etaQuotient is Product_i eta(x^(d_i m))^(p_i) for pairs (d_i, p_i).
func (z *normalizer) etaQuotient(m *node, pairs ...[2]int64) []sFac {
	var out []sFac
	for _, dp := range pairs {
		out = append(out, z.eta(1, nMul(num(dp[0]), m), dp[1]))
	}
	return out
}

// theta writes a theta function of ±x^m as an eta quotient where it is
// one (then products of several merge: phi(q) phi(q^2) shares
// eta(q^2)), f(a, b) by Jacobi's triple product.
func (z *normalizer) theta(x *sNode) sTerm {
	s, m := z.thetaArg(x.kids[0])
	t := oneTerm()
	etaOf := func(s int64) []sFac {
		if s > 0 {
			return z.etaQuotient(m, [2]int64{1, 1})
		}
		// f(y) = f(-y^2)^3 / (f(-y) f(-y^4))
		return z.etaQuotient(m, [2]int64{2, 3}, [2]int64{1, -1}, [2]int64{4, -1})
	}
	switch x.name {
	case "eta":
		t.facs = etaOf(s)
	case "fneg": // f(y) = f(-(-y)) = eta(-y)
		t.facs = etaOf(-s)
	case "phi":
		if s > 0 { // eta(q^2)^5 / (eta(q) eta(q^4))^2
			t.facs = z.etaQuotient(m, [2]int64{2, 5}, [2]int64{1, -2}, [2]int64{4, -2})
		} else { // eta(q)^2 / eta(q^2)
			t.facs = z.etaQuotient(m, [2]int64{1, 2}, [2]int64{2, -1})
		}
	case "psi":
		if s > 0 { // eta(q^2)^2 / eta(q)
			t.facs = z.etaQuotient(m, [2]int64{2, 2}, [2]int64{1, -1})
		} else { // eta(q) eta(q^4) / eta(q^2)
			t.facs = z.etaQuotient(m, [2]int64{1, 1}, [2]int64{4, 1}, [2]int64{2, -1})
		}
	case "chi":
		if s > 0 { // eta(q^2)^2 / (eta(q) eta(q^4))
			t.facs = z.etaQuotient(m, [2]int64{2, 2}, [2]int64{1, -1}, [2]int64{4, -1})
		} else { // eta(q) / eta(q^2)
			t.facs = z.etaQuotient(m, [2]int64{1, 1}, [2]int64{2, -1})
		}
	case "f2":
		sb, mb := z.thetaArg(x.kids[1])
		t.facs = z.jtp(s, m, sb, mb)
	case "cubica": // a(y) = phi(y) phi(y^3) + 4 y psi(y^2) psi(y^6), a series of two terms
		seriesFail() // read by thetaCubicA (a sum, not one term)
	case "cubicb": // eta(y)^3 / eta(y^3)
		for _, f := range etaOf(s) {
			f.m = nMul(f.m, num(3))
			t.facs = append(t.facs, f)
		}
		m = nMul(num(3), m)
		for _, f := range etaOf(s) {
			f.m = nNeg(f.m)
			t.facs = append(t.facs, f)
		}
	default:
		seriesFail()
	}
	return t
}

// merge joins binomial products that differ only in their multiplicity
// and the name of their variable (phi(q)^2 has (1 + q^(2j-1)) four times).
func merge(facs []sFac) []sFac {
	var out []sFac
	idx := map[string]int{}
	for _, f := range facs {
		if f.g != nil || f.v == "" {
			out = append(out, f)
			continue
		}
		if _, ok := constOf(f.m); !ok {
			out = append(out, f)
			continue
		}
		key := facKey(f)
		if i, ok := idx[key]; ok {
			out[i].m = fold(bin(kAdd, out[i].m, f.m))
			continue
		}
		idx[key] = len(out)
		out = append(out, f)
	}
	out = pairHalves(out)
	r := out[:0]
	for _, f := range out {
		if f.g != nil || !isConstV(f.m, 0) {
			r = append(r, f)
		}
	}
	return r
}

func facKey(f sFac) string {
	w := func(x *node) string {
		if x == nil {
			return "-"
		}
		return substitute(x, f.v, vr("@")).String()
	}
	return strings.Join([]string{w(f.lo), w(f.hi), w(f.c), w(f.e)}, "|")
}

// combine adds up the terms without factors that have the same power of
// x ("2*k - 1" is one scalar, not two terms).
func combine(ts []sTerm) []sTerm {
	var out []sTerm
	at := map[string]int{}
	for _, t := range ts {
		if len(t.facs) > 0 {
			out = append(out, t)
			continue
		}
		key := t.shift.String()
		if i, ok := at[key]; ok {
			out[i].coef = fold(bin(kAdd, out[i].coef, t.coef))
			continue
		}
		at[key] = len(out)
		out = append(out, t)
	}
	return out
}

// pairHalves joins (1 - x^d)^a (1 - x^(2d))^(-a) into (1 + x^d)^(-a), one
// pass instead of two (the reciprocal of Phi_N for even N has these
// pairs).
func pairHalves(facs []sFac) []sFac {
	type key struct{ e, m int64 }
	plain := func(f sFac) (d, m int64, ok bool) {
		if f.g != nil || f.v != "" || !isConstV(f.c, -1) {
			return 0, 0, false
		}
		d, ok1 := constOf(f.e)
		m, ok2 := constOf(f.m)
		return d, m, ok1 && ok2 && d > 0 && m != 0
	}
	at := map[key]int{}
	for i, f := range facs {
		if d, m, ok := plain(f); ok {
			at[key{d, m}] = i
		}
	}
	used := map[int]bool{}
	var out []sFac
	for i, f := range facs {
		if used[i] {
			continue
		}
		d, m, ok := plain(f)
		if ok {
			if j, found := at[key{2 * d, -m}]; found && !used[j] && j != i {
				used[j] = true
				out = append(out, sFac{c: num(1), e: num(d), m: num(-m)})
				continue
			}
		}
		out = append(out, f)
	}
	return out
}

// thetaSum is phi(s x^m) = 1 + 2 Sum_{k>=1} s^k x^(m k^2) or psi(s x^m) =
// Sum_{k>=0} s^(k(k+1)/2) x^(m k(k+1)/2), a series of monomials.
func (z *normalizer) thetaSum(x *sNode) *sSeries {
	s, m := z.thetaArg(x.kids[0])
	k := z.loopVar()
	if x.name == "phi" {
		sq := fold(bin(kMul, vr(k), vr(k)))
		return &sSeries{terms: []sTerm{oneTerm()}, sums: []sSumTerm{{v: k, lo: num(1),
			t: sTerm{coef: nMul(num(2), signPow(s, vr(k))), shift: nMul(m, sq)}}}}
	}
	t := bin(kDivT, bin(kMul, vr(k), bin(kAdd, vr(k), num(1))), num(2))
	return &sSeries{sums: []sSumTerm{{v: k, lo: num(0), t: sTerm{coef: signPow(s, t), shift: nMul(m, t)}}}}
}

// shiftSeries is m times s, m a monomial (no factors).
func shiftSeries(s *sSeries, m sTerm) *sSeries {
	r := &sSeries{}
	for _, t := range s.terms {
		r.terms = append(r.terms, mulTerms(m, t))
	}
	for _, u := range s.sums {
		if m.coef.uses(u.v) || m.shift.uses(u.v) {
			seriesFail()
		}
		u.t = mulTerms(m, u.t)
		r.sums = append(r.sums, u)
	}
	return r
}

// cubicA writes the cubic AGM a(y) as phi(y) phi(y^3) + 4 y psi(y^2)
// psi(y^6) (the evaluator takes it from its sum over i^2 + ij + j^2).
func cubicA(y *sNode) *sNode {
	pw := func(k int64) *sNode { return &sNode{k: sPow, x: num(k), kids: []*sNode{y}} }
	fn := func(name string, a *sNode) *sNode { return &sNode{k: sFn, name: name, kids: []*sNode{a}} }
	mul := func(a, b *sNode) *sNode { return &sNode{k: sMul, kids: []*sNode{a, b}} }
	first := mul(fn("phi", y), fn("phi", pw(3)))
	second := mul(mul(&sNode{k: sNum, x: num(4)}, y), mul(fn("psi", pw(2)), fn("psi", pw(6))))
	return &sNode{k: sAdd, kids: []*sNode{first, second}}
}

// polyFactor: g is 1 plus monomials (a polynomial factor of a product
// over v, "1 - x^(2^k) - x^(2^(k+1))").
func polyFactor(g *sSeries) bool {
	if len(g.sums) > 0 || g.fixed != nil || g.ref > 0 || len(g.terms) < 2 {
		return false
	}
	ones := 0
	for _, t := range g.terms {
		if len(t.facs) > 0 {
			return false
		}
		if isConstV(t.shift, 0) {
			if !isConstV(t.coef, 1) {
				return false
			}
			ones++
		}
	}
	return ones == 1
}
