package formula

// Primes (and numbers) represented by a binary quadratic form: "Primes of
// the form x^2 + 112*y^2.", "Primes of the form 4x^2+4xy+23y^2.",
// "Primes of the form x^2 + 5x*y + y^2 for x and y nonnegative."
//
// For a positive definite form f = a*x^2 + b*x*y + c*y^2 (a, c > 0,
// D = 4ac - b^2 > 0) over all integers x, y, an m is f(x, y) exactly when
// for some y >= 0 (f(-x,-y) = f(x,y)) the quadratic a*x^2 + (b*y)*x +
// (c*y^2 - m) = 0 has an integer root: its discriminant
// t = 4am - D*y^2 is a square s^2 and a divides... 2a divides -b*y + s or
// -b*y - s. Only y with D*y^2 <= 4am count. For x, y >= 0 (a form with
// a, b, c >= 0, any D), the same with the root x = (-b*y + s)/(2a) >= 0
// and y up to the root of c*y^2 <= m.

import (
	"math/big"
	"regexp"
	"sort"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// reQFormTail: "for x and y nonnegative", "with x, y >= 0": the form over
// x, y >= 0.
var reQFormTail = regexp.MustCompile(`^(.+?),? (?:for|with|where) (?:x and y|x, y) (?:nonnegative|non-negative|>= 0)$`)

// qform reads form as a binary quadratic form in x and y: a, b, c, and
// whether it is over x, y >= 0; ok false if it is not one.
func qform(form string) (a, b, c int64, nonneg, ok bool) {
	form = strings.TrimSpace(form)
	if m := reQFormTail.FindStringSubmatch(form); m != nil {
		form, nonneg = m[1], true
	}
	a, b, c, ok = qformCoeffs(form)
	if !ok {
		return 0, 0, 0, false, false
	}
	if a < 1 || c < 1 || a > 1000 || c > 1000 || b < -1000 || b > 1000 {
		return 0, 0, 0, false, false
	}
	if nonneg {
		return a, b, c, true, b >= 0
	}
	return a, b, c, false, 4*a*c-b*b > 0
}

// represented is the predicate "x_ = f(x, y) for some x, y" (over x_):
// for y_ = 0..hi, t_ = 4a*x_ - D*y_^2 (bound once), a square (first by
// its residue mod 16, as squareOf) whose root s_ (bound once) gives an
// integer root x.
func represented(a, b, c int64, nonneg bool) *node {
	m := vr("x_")
	y := vr("y_")
	d := 4*a*c - b*b
	t, s := vr("t_"), vr("s_")
	by := bin(kMul, num(b), y)
	root := func(sign int64) *node { // [2a | -b*y + sign*s]
		return eq(bin(kMod, sub(bin(kMul, num(sign), s), by), num(2*a)), num(0))
	}
	var hi, ok *node
	if nonneg {
		// y up to the root of c*y^2 <= m; x = (s - b*y)/(2a) >= 0
		hi = call("isqrt", un(kFloor, bin(kDiv, m, num(c))))
		ok = and(&node{k: kCmp, name: ">=", kids: []*node{sub(s, by), num(0)}}, root(1))
	} else {
		hi = call("isqrt", un(kFloor, bin(kDiv, bin(kMul, num(4*a), m), num(d))))
		ok = or(root(1), root(-1))
	}
	square := and(inClasses(t, 16, []int64{0, 1, 4, 9}),
		let("s_", call("isqrt", t), and(eq(bin(kMul, s, s), t), ok)))
	cond := let("t_", sub(bin(kMul, num(4*a), m), bin(kMul, num(d), bin(kPow, y, num(2)))), square)
	return gt(&node{k: kSum, name: "y_", kids: []*node{num(0), hi, cond}}, num(0))
}

// qformCoeffs reads form as a*x^2 + b*x*y + c*y^2 (any signs); ok false
// if it is not that quadratic everywhere.
func qformCoeffs(form string) (a, b, c int64, ok bool) {
	toks := lex(form)
	x, end, parsed := parseAt(toks, 0, "x", "y")
	if !parsed || toks[end].k != tEnd || !x.uses("x") || !x.uses("y") {
		return 0, 0, 0, false
	}
	at := func(u, v int64) (int64, bool) {
		ev := evaluator{steps: 10_000}
		r, err := ev.evalAt(x, map[string]*big.Rat{"x": ratInt(u), "y": ratInt(v)})
		if err != nil || !r.IsInt() || !r.Num().IsInt64() {
			return 0, false
		}
		return r.Num().Int64(), true
	}
	a, ok1 := at(1, 0)
	c, ok2 := at(0, 1)
	s, ok3 := at(1, 1)
	if !ok1 || !ok2 || !ok3 {
		return 0, 0, 0, false
	}
	b = s - a - c
	// the form must be that quadratic everywhere (degree 2, no other terms)
	for _, p := range [][2]int64{{0, 0}, {2, 3}, {-1, 2}, {3, -5}, {-4, -7}, {5, 1}, {7, 11}} {
		v, ok := at(p[0], p[1])
		if !ok || v != a*p[0]*p[0]+b*p[0]*p[1]+c*p[1]*p[1] {
			return 0, 0, 0, false
		}
	}
	return a, b, c, true
}

// primesOfQForm adds the list of primes f(x, y) (form in x and y).
func (c *collector) primesOfQForm(s, form string) {
	a, b, cc, nonneg, ok := qform(form)
	if !ok {
		c.qformIndefinite(s, form) // lists3_qform.go: "-3*x^2 + 4*x*y + 5*y^2"
		return
	}
	// residue filters save the tests of most m, but each table entry
	// costs every m: the budget whose program runs n = scanN on the
	// least fuel
	var best *node
	bestFuel := int64(ir.DefaultFuel)
	for _, budget := range []int{0, 4, 8, 12, 16, 24} {
		pred := and(qformResidues(a, b, cc, budget), and(un(kIsPrime, vr("x_")), represented(a, b, cc, nonneg)))
		y, ok := normalize(nthOf("x_", 1, 2, pred), false)
		if !ok {
			return
		}
		ops, err := lowerWith(y, false)
		if err != nil {
			continue
		}
		e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
		if err != nil {
			continue
		}
		if _, used, err := e.RunFuel([]int32{scanN}, bestFuel); err == nil && used < bestFuel {
			best, bestFuel = pred, used
		}
	}
	kept := len(c.out)
	if best != nil {
		for _, base := range []int64{1, 0} {
			c.add(s, nthOf("x_", base, 2, best))
		}
	}
	if len(c.out) == kept && !nonneg {
		c.qformGenus(s, a, b, cc) // lists3_qform.go: by residues, where the form is alone in its genus
	}
}

// qformResidues is a necessary condition on m = f(x, y), cheap to test
// first: m mod M is among the values of f mod M (f(x, y) mod M depends
// only on x, y mod M), for the small moduli M where that leaves out
// residues ("x^2 + 112*y^2" is 0, 1, 4 or 9 mod 16, and 0, 1, 2 or 4 mod
// 7); nil if none does.
func qformResidues(a, b, c int64, budget int) *node {
	var pred *node
	entries := 0
	type filter struct {
		md int64
		rs []int64
	}
	var fs []filter
	for _, md := range []int64{16, 9, 5, 7, 11, 13, 3} {
		seen := make([]bool, md)
		var rs []int64
		for x := int64(0); x < md; x++ {
			for y := int64(0); y < md; y++ {
				r := ((a*x*x+b*x*y+c*y*y)%md + md) % md
				if !seen[r] {
					seen[r] = true
					rs = append(rs, r)
				}
			}
		}
		if 2*int64(len(rs)) <= md+1 { // else it filters too little
			fs = append(fs, filter{md, rs})
		}
	}
	// the most selective first, within budget table entries
	sort.SliceStable(fs, func(i, j int) bool {
		return int64(len(fs[i].rs))*fs[j].md < int64(len(fs[j].rs))*fs[i].md
	})
	for _, f := range fs {
		if entries+len(f.rs) > budget {
			continue
		}
		entries += len(f.rs)
		pred = and(pred, inClasses(vr("x_"), f.md, f.rs))
	}
	return pred
}

// let is let_(name, value, body): body with name bound to value.
func (v *evaluator) let(x *node) *big.Rat {
	val := v.ev(x.kids[1])
	name := x.kids[0].name
	old, had := v.env[name]
	v.env[name] = val
	r := v.ev(x.kids[2])
	if had {
		v.env[name] = old
	} else {
		delete(v.env, name)
	}
	return r
}

// let binds name to value in body (lowered once: lower_loops.go's let_).
func let(name string, value, body *node) *node { return call("let_", vr(name), value, body) }
