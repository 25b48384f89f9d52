package formula

// Divide-and-conquer recurrences linear in one recursive call:
// "a(n) = 2*a(floor(n/2)) + n - 1 for n > 0" with a(0) = 0, "a(n) =
// a(floor(n/3)) + n mod 3", and cases "a(2n) = a(n) + 1, a(2n+1) = 2n".
// Each is a(N) = c(N)*a(floor(N/b)) + g(N) for N >= n0, from terms
// a(i0..n0-1): the program walks N, floor(N/b), floor(N/b^2), ... down
// to a term below n0, summing mult*g and multiplying mult by c on the
// way (kDnc: no memory, ring operations only, so exact modulo 2^32).

import (
	"math/big"
	"strconv"

	"github.com/irsynth/irsynth/lib/ir"
)

// selfCalls is what a parser in divide-and-conquer mode found: calls
// a(floor(n/b)) (or a([n/b])), read as the variable a_; in cases mode
// (half), a(n) itself is the call.
type selfCalls struct {
	b     int64 // the base, once a call is read (0: none yet)
	cases bool  // a(n) is the call: a case a(b*n + r) = f(n, a(n))
	count int
}

// selfCall reads the index of a call "a(...)" in divide-and-conquer mode.
func (p *parser) selfCall() *node {
	p.expect("(")
	var idx *node
	if p.at("[") { // a([n/2])
		p.pos++
		idx = un(kFloor, p.expr())
		p.expect("]")
	} else {
		idx = p.expr()
	}
	p.expect(")")
	s := p.self
	var b int64
	switch {
	case s.cases && idx.k == kVar && idx.name == "n":
	case !s.cases && idx.k == kFloor && idx.kids[0].k == kDiv && idx.kids[0].kids[0].k == kVar &&
		idx.kids[0].kids[0].name == "n" && idx.kids[0].kids[1].isNum():
		b = idx.kids[0].kids[1].val
		if b < 2 || b > 16 || s.b != 0 && s.b != b {
			p.fail()
		}
		s.b = b
	default:
		p.fail() // a call we cannot lower
	}
	s.count++
	return vr("a_")
}

// linearIn reports whether x is linear in variable v: v only under sums,
// differences, negations, products with one factor free of v, and
// divisions by something free of v.
func linearIn(x *node, v string) bool {
	if !x.uses(v) {
		return true
	}
	switch x.k {
	case kVar:
		return true
	case kAdd, kSub:
		return linearIn(x.kids[0], v) && linearIn(x.kids[1], v)
	case kNeg:
		return linearIn(x.kids[0], v)
	case kMul:
		a, b := x.kids[0].uses(v), x.kids[1].uses(v)
		return !(a && b) && linearIn(x.kids[0], v) && linearIn(x.kids[1], v)
	case kDiv:
		return !x.kids[1].uses(v) && linearIn(x.kids[0], v)
	case kAnd: // [cond] and body: a case
		return !x.kids[0].uses(v) && linearIn(x.kids[1], v)
	}
	return false
}

// dncParts is body (over n and a_, linearIn) as c(x_)*a_ + g(x_), with
// n renamed x_.
func dncParts(body *node) (c, g *node) {
	body = rename(body, "n", "x_")
	return orZero(coef(body, "a_")), orZero(drop(body, "a_"))
}

func orZero(x *node) *node {
	if x == nil {
		return num(0)
	}
	return x
}

// coef is the coefficient of v in x (linearIn); nil for 0.
func coef(x *node, v string) *node {
	if !x.uses(v) {
		return nil
	}
	switch x.k {
	case kVar:
		return num(1)
	case kAdd, kSub:
		return sumOr(x.k, coef(x.kids[0], v), coef(x.kids[1], v))
	case kNeg:
		return un(kNeg, coef(x.kids[0], v))
	case kMul:
		if x.kids[0].uses(v) {
			return mulOr(coef(x.kids[0], v), x.kids[1])
		}
		return mulOr(x.kids[0], coef(x.kids[1], v))
	case kDiv:
		return bin(kDiv, coef(x.kids[0], v), x.kids[1])
	case kAnd:
		return bin(kAnd, x.kids[0], coef(x.kids[1], v))
	}
	panic("coef: not linear") // linearIn was checked
}

// sumOr is a+b or a-b (k), where nil stands for 0.
func sumOr(k kind, a, b *node) *node {
	switch {
	case b == nil:
		return a
	case a == nil && k == kAdd:
		return b
	case a == nil:
		return un(kNeg, b)
	}
	return bin(k, a, b)
}

// mulOr is a*b, without a factor 1.
func mulOr(a, b *node) *node {
	switch {
	case a.isNum() && a.val == 1:
		return b
	case b.isNum() && b.val == 1:
		return a
	}
	return bin(kMul, a, b)
}

// drop is x with its terms in v left out (v = 0); nil for 0.
func drop(x *node, v string) *node {
	if !x.uses(v) {
		return x
	}
	switch x.k {
	case kAdd, kSub:
		return sumOr(x.k, drop(x.kids[0], v), drop(x.kids[1], v))
	case kNeg:
		if a := drop(x.kids[0], v); a != nil {
			return un(kNeg, a)
		}
		return nil
	case kAnd:
		if b := drop(x.kids[1], v); b != nil {
			return bin(kAnd, x.kids[0], b)
		}
		return nil
	}
	return nil // v itself, a product or quotient with v
}

// divideAndConquer reads "a(n) = f(n, a(floor(n/b)))" and the cases
// "a(b*n + r) = f_r(n, a(n))", r = 0..b-1, with the terms the text gives
// (or, for Seeded, the first term).
func (c *collector) divideAndConquer(text string, toks []token) {
	consts := textConsts(text)
	for i := 0; i+5 < len(toks); i++ {
		if !isA(toks[i:]) {
			continue
		}
		p := &parser{toks: toks, pos: i + 5, vars: []string{"n"}, consts: consts, self: &selfCalls{}}
		x, end, ok := parseWith(p)
		if !ok || p.self.count == 0 || !boundary(toks, end) || !linearIn(x, "a_") {
			continue
		}
		c.dnc(text, text[toks[i].start:toks[end-1].end], x, p.self.b, text[toks[end-1].end:])
	}
	c.dncCases(text, toks, consts)
}

// dncCases reads the cases a(b*n + r) = f_r(n, a(n)) covering r = 0..b-1
// once each, at least one of them recursive.
func (c *collector) dncCases(text string, toks []token, consts map[string]int64) {
	var b int64
	byRes := map[int64]*node{}
	first, last, calls := -1, -1, 0
	for i := 0; i+6 < len(toks); i++ {
		k, r, at, ok := caseHead(toks, i)
		if !ok || k < 2 || k > 16 {
			continue
		}
		p := &parser{toks: toks, pos: at, vars: []string{"n"}, consts: consts, self: &selfCalls{cases: true}}
		body, bend, ok := parseWith(p)
		if !ok || !boundary(toks, bend) || !linearIn(body, "a_") || r < 0 || r >= k || b != 0 && k != b {
			return // a case we cannot read: the union would be a guess
		}
		if _, dup := byRes[r]; dup {
			return
		}
		b = k
		byRes[r] = body
		calls += p.self.count
		if first < 0 {
			first = i
		}
		last = bend
	}
	if b == 0 || int64(len(byRes)) != b || calls == 0 {
		return
	}
	x := byResidue(b, func(r int64) *node {
		return substitute(byRes[r], "n", un(kFloor, bin(kDiv, vr("n"), num(b))))
	})
	c.dnc(text, text[toks[first].start:toks[last-1].end], x, b, text[toks[last-1].end:])
}

// dnc adds a(N) = body(N, a(floor(N/b))) for N >= n0 (the text's "n >
// m" after the formula, else past the terms it gives), started from
// a(i0..n0-1): the terms the text gives, else a term where c is 0 (the
// body needs no call), else for Seeded the first term.
func (c *collector) dnc(text, source string, body *node, b int64, after string) {
	cf, g := dncParts(body)
	terms := initialTerms(text)
	n0 := int64(-1)
	if m := reFrom.FindStringSubmatch(after); m != nil {
		v, err := strconv.ParseInt(m[2], 10, 32)
		if err != nil {
			return
		}
		if m[1] == ">" {
			v++
		}
		n0 = v
	}
	i0 := int64(1 << 40)
	for i := range terms {
		i0 = min(i0, i)
	}
	seeded := false
	if len(terms) == 0 {
		switch {
		case c.seed != nil && len(c.seed.ys) > minSeedChecks && (n0 < 0 || n0 == c.seed.x0+1):
			seeded = true
			i0 = c.seed.x0
			terms = map[int64]int64{i0: c.seed.ys[0]}
		default:
			// a(0) where c(0) = 0: the body needs no call there
			zero, ok1 := constAt(cf, 0)
			v, ok2 := constAt(g, 0)
			if !ok1 || !ok2 || zero.Sign() != 0 || !v.IsInt() || !v.Num().IsInt64() {
				return
			}
			i0, terms = 0, map[int64]int64{0: v.Num().Int64()}
		}
	}
	if n0 < 0 {
		n0 = i0
		for {
			if _, ok := terms[n0]; !ok {
				break
			}
			n0++
		}
	}
	var vals []int64
	for i := i0; i < n0; i++ {
		v, ok := terms[i]
		if !ok {
			return // a term below n0 the text does not give
		}
		vals = append(vals, v)
	}
	if n0 < 1 || n0 < b*i0 || len(vals) == 0 || len(vals) > 30 {
		return // floor(N/b) would fall below the first term, or N would call itself
	}
	before := len(c.out)
	c.add(source, &node{k: kDnc, val: b, ord: int(n0), vals: vals, kids: []*node{vr("n"), cf, g}})
	if seeded && len(c.out) > before && !reproduces(c.out[len(c.out)-1].Ops, c.seed.x0, c.seed.ys) {
		c.out = c.out[:before]
	}
}

// constAt evaluates x (over x_) at x_ = v.
func constAt(x *node, v int64) (*big.Rat, bool) {
	e := evaluator{steps: 10_000}
	r, err := e.evalAt(x, map[string]*big.Rat{"x_": ratInt(v)})
	return r, err == nil
}

// dncAt is term N of divide-and-conquer recurrence x (exactly).
func (v *evaluator) dncAt(x *node, n int64) *big.Rat {
	n0 := int64(x.ord)
	i0 := n0 - int64(len(x.vals))
	if n < n0 {
		if n < i0 {
			undefined()
		}
		return ratInt(x.vals[n-i0])
	}
	saved := v.env
	env := map[string]*big.Rat{"x_": ratInt(n)}
	v.env = env
	cf, g := v.ev(x.kids[1]), v.ev(x.kids[2])
	v.env = saved
	r := v.dncAt(x, n/x.val)
	return checkSize(new(big.Rat).Add(new(big.Rat).Mul(cf, r), g))
}

// dncNode pushes term idx of divide-and-conquer recurrence x: x_ runs
// idx, idx/b, ... while x_ >= n0, acc += mult*g(x_), mult *= c(x_); then
// acc + mult*a(x_) from the table of terms.
func (e *emitter) dncNode(x *node) {
	idx := e.hold(x.kids[0])
	xl, acc, mult := e.alloc(), e.alloc(), e.alloc()
	e.get(idx)
	e.set(xl)
	e.emit(ir.OpConst0)
	e.set(acc)
	e.emit(ir.OpConst1)
	e.set(mult)
	old, had := e.env["x_"]
	e.env["x_"] = xl
	n0, i0 := int64(x.ord), int64(x.ord)-int64(len(x.vals))
	e.while(func() { e.get(xl); e.konst(n0); e.emit(ir.OpI32GeS) }, func() {
		e.get(acc)
		e.get(mult)
		e.lower(x.kids[2])
		e.emit(ir.OpI32Mul, ir.OpI32Add)
		e.set(acc)
		e.get(mult)
		e.lower(x.kids[1])
		e.emit(ir.OpI32Mul)
		e.set(mult)
		e.get(xl)
		e.konst(x.val)
		e.emit(ir.OpI32DivS)
		e.set(xl)
	})
	e.restore("x_", old, had)
	e.get(acc)
	e.get(mult)
	e.pointTable(xl, i0, x.vals)
	e.emit(ir.OpI32Mul, ir.OpI32Add)
}
