package formula

// Tuples whose condition is linear in some letters and not in others:
// "Number of ordered triples (w,x,y) with all terms in {-n,...,0,...,n}
// and (w+n)^2=x+y.", "... and w*x < y + 2z". The letters every comparison
// is linear in with constant coefficients (the inner ones), where the
// comparisons are about one linear form s of them, are tabulated as in
// count_lin.go and the table turned into prefix sums; the other letters
// (one or two, the outer ones) are looped over, and for each of their
// tuples the comparisons bound s to an interval [L, U] whose tuples the
// prefix sums count at once. Comparisons of outer letters alone ("w <
// x") filter the outer tuples.

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// mixAtom is p*s + g op 0, g over n and the outer letters.
type mixAtom struct {
	p  int64
	g  *node
	op string
}

type mixCount struct {
	inner linCount // the inner letters' coefficients and the range
	outer []string
	atoms []mixAtom
	only  *node // the comparisons of outer letters alone (nil: none)
}

func (m mixCount) String() string {
	var as []string
	for _, a := range m.atoms {
		as = append(as, fmt.Sprintf("%d*s_+%s %s 0", a.p, a.g, a.op))
	}
	only := ""
	if m.only != nil {
		only = " if " + m.only.String()
	}
	return "mixcount[" + m.inner.String() + "; outer " + strings.Join(m.outer, ",") + ": " + strings.Join(as, " and ") + only + "]"
}

// mixedForm splits atoms over vars into inner letters (each atom linear
// in them with constant coefficients, all about one linear form) and one
// or two outer ones; nil where they do not split so.
func mixedForm(vars []string, dom tupleDomain, atoms []atom) *mixCount {
	if m := mixedWith(vars, dom, atoms, ""); m != nil {
		return m
	}
	// one more letter looped over: "w^2 <= 3*x - y and w < z" loops w, z
	for _, v := range vars {
		if m := mixedWith(vars, dom, atoms, v); m != nil {
			return m
		}
	}
	return nil
}

// mixedWith is mixedForm with letter out (if any) among the outer ones.
func mixedWith(vars []string, dom tupleDomain, atoms []atom, out string) *mixCount {
	var inner, outer []string
	for _, v := range vars {
		lin := v != out
		for _, a := range atoms {
			d := sub(a.a, a.b)
			if !d.uses(v) {
				continue
			}
			if _, ok := constCoef(d, v); !ok || !linearIn(d, v) {
				lin = false
				break
			}
		}
		if lin {
			inner = append(inner, v)
		} else {
			outer = append(outer, v)
		}
	}
	if len(outer) == 0 || len(outer) > 2 || len(inner) == 0 {
		return nil
	}
	m := &mixCount{outer: outer}
	var c []int64
	for _, a := range atoms {
		d := sub(a.a, a.b)
		rs := make([]*big.Rat, len(inner))
		any := false
		for i, v := range inner {
			rs[i] = new(big.Rat)
			if d.uses(v) {
				rs[i], _ = constCoef(d, v)
				any = true
			}
		}
		if !any {
			m.only = and(m.only, a.node())
			continue
		}
		if a.op == "!=" {
			return nil
		}
		if c == nil {
			if c = primitive(rs); c == nil {
				return nil
			}
		}
		mu := multipleOf(rs, c)
		if mu == nil {
			return nil
		}
		g := d
		for _, v := range inner {
			g = substitute(g, v, num(0))
		}
		p, q := mu.Num().Int64(), mu.Denom().Int64()
		m.atoms = append(m.atoms, mixAtom{p: p, g: mul(num(q), g), op: a.op})
	}
	if c == nil {
		return nil
	}
	// letters no comparison names stay inner with coefficient 0: a factor
	m.inner = linCount{coefs: c, dom: dom, cond: num(1)}
	return m
}

// bounds is the interval of s the atoms allow, with the ends the table
// has (S0 .. S0 + W - 1), as nodes over n and the outer letters.
func (m mixCount) bounds() (L, U *node) {
	var sumA, cPos, cNeg int64
	for _, c := range m.inner.coefs {
		sumA += max(c, -c)
		if c > 0 {
			cPos += c
		} else {
			cNeg += c
		}
	}
	lo, hi := m.inner.dom.lo, m.inner.dom.hi
	S0 := add(mul(num(cPos), lo), mul(num(cNeg), hi))
	lows := []*node{S0}
	highs := []*node{add(S0, mul(num(sumA), sub(hi, lo)))}
	for _, a := range m.atoms {
		// p*s + g op 0: s op' t, t = -g/p
		t := bin(kDiv, un(kNeg, a.g), num(a.p))
		fl, ce := un(kFloor, t), un(kCeil, t)
		switch a.p {
		case 1:
			t = un(kNeg, a.g)
			fl, ce = t, t
		case -1:
			t = a.g
			fl, ce = t, t
		}
		op := a.op
		if a.p < 0 {
			op = map[string]string{"<": ">", ">": "<", "<=": ">=", ">=": "<=", "=": "="}[op]
		}
		lows, highs, _ = bounds(op, fl, ce, lows, highs) // != was refused when the atom was read
	}
	return foldCall("max", lows), foldCall("min", highs)
}

// factor is the number of values of a letter: the count's factor for each
// inner letter no comparison names.
func (m mixCount) zeroCoefs() int {
	k := 0
	for _, c := range m.inner.coefs {
		if c == 0 {
			k++
		}
	}
	return k
}

// exact is the count at n: the table by convolution (linCount.dist), its
// prefix sums, and each outer tuple's interval, in int64.
func (m mixCount) exact(n int64) (int64, bool) {
	lo, hi, ok := m.inner.ends(n)
	if !ok {
		return 0, false
	}
	if hi < lo {
		return 0, true
	}
	dist, off, ok := m.inner.dist(lo, hi)
	if !ok {
		return 0, false
	}
	pre := make([]int64, len(dist)+1) // pre[i] = dist[0] + ... + dist[i-1]
	for i, k := range dist {
		pre[i+1] = pre[i] + k
		if pre[i+1] < 0 {
			return 0, false
		}
	}
	Ln, Un := m.bounds()
	env := map[string]int64{"n": n}
	var count int64
	var walk func(i int) bool
	walk = func(i int) bool {
		if i == len(m.outer) {
			if m.only != nil {
				t, err := ival(m.only, env)
				if err != nil {
					return false
				}
				if t == 0 {
					return true
				}
			}
			L, err1 := ival(Ln, env)
			U, err2 := ival(Un, env)
			if err1 != nil || err2 != nil {
				return false
			}
			if L <= U {
				count += pre[U-off+1] - pre[L-off]
				if count < 0 {
					return false
				}
			}
			return true
		}
		for v := lo; v <= hi; v++ {
			if m.inner.dom.noZero && v == 0 {
				continue
			}
			env[m.outer[i]] = v
			if !walk(i + 1) {
				return false
			}
		}
		return true
	}
	if !walk(0) {
		return 0, false
	}
	return count, true
}

// lower emits the program: the table (count_lin.go), prefix sums in
// place, then the outer letters' loops.
func (m mixCount) lower() (ops []ir.Op, err error) {
	e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}}
	defer caught(&ops, &err)
	norm := func(x *node) *node {
		y, ok := normalize(cloneNode(x), false)
		if !ok {
			e.fail("normalize %s", x)
		}
		return y
	}
	lo, hi := norm(m.inner.dom.lo), norm(m.inner.dom.hi)
	Ln, Un := m.bounds()
	Ln, Un = norm(Ln), norm(Un)
	var only *node
	if m.only != nil {
		only = norm(m.only)
	}
	var sumA, cPos, cNeg int64
	for _, c := range m.inner.coefs {
		sumA += max(c, -c)
		if c > 0 {
			cPos += c
		} else {
			cNeg += c
		}
	}
	S0 := norm(add(mul(num(cPos), m.inner.dom.lo), mul(num(cNeg), m.inner.dom.hi)))
	e.lower(sub(hi, lo))
	e.emit(ir.OpConst0, ir.OpI32GeS, ir.OpIfBegin)
	m.inner.emitTable(e, lo, hi)
	// prefix sums in place: A[j] += A[j-1], j = 1..W-1
	{
		W := e.hold(norm(add(num(1), mul(num(sumA), sub(m.inner.dom.hi, m.inner.dom.lo)))))
		j := e.alloc()
		e.emit(ir.OpConst1)
		e.set(j)
		e.while(func() { e.get(j); e.get(W); e.emit(ir.OpI32LtS) }, func() {
			e.store(func() { e.get(j) }, func() {
				e.load(func() { e.get(j) })
				e.load(func() { e.get(j); e.emit(ir.OpConst1, ir.OpI32Sub) })
				e.emit(ir.OpI32Add)
			})
			e.inc(j, 1)
		})
		e.next = W
		if W < 0 {
			e.next = j
		}
	}
	mark := e.next
	acc := e.alloc()
	e.emit(ir.OpConst0)
	e.set(acc)
	var loops func(i int)
	loops = func(i int) {
		if i == len(m.outer) {
			inner := func() {
				Lb := e.alloc()
				e.lower(Ln)
				e.set(Lb)
				Ub := e.alloc()
				e.lower(Un)
				e.set(Ub)
				e.get(Lb)
				e.get(Ub)
				e.emit(ir.OpI32LeS, ir.OpIfBegin)
				e.get(acc)
				e.load(func() { e.get(Ub); e.lower(S0); e.emit(ir.OpI32Sub) })
				e.emit(ir.OpI32Add)
				e.get(Lb)
				e.lower(S0)
				e.emit(ir.OpI32GtS, ir.OpIfBegin) // L - S0 >= 1
				e.load(func() { e.get(Lb); e.lower(S0); e.emit(ir.OpI32Sub, ir.OpConst1, ir.OpI32Sub) })
				e.emit(ir.OpElse, ir.OpConst0, ir.OpIfEnd, ir.OpI32Sub)
				e.set(acc)
				e.emit(ir.OpIfEnd)
				e.next = Lb
			}
			if only == nil {
				inner()
				return
			}
			e.lower(only)
			e.emit(ir.OpIfBegin)
			inner()
			e.emit(ir.OpIfEnd)
			return
		}
		v := e.alloc()
		e.env[m.outer[i]] = v
		e.lower(lo)
		e.set(v)
		e.while(func() { e.get(v); e.lower(hi); e.emit(ir.OpI32LeS) }, func() {
			if m.inner.dom.noZero {
				e.get(v)
				e.emit(ir.OpConst0, ir.OpI32Ne, ir.OpIfBegin)
				loops(i + 1)
				e.emit(ir.OpIfEnd)
			} else {
				loops(i + 1)
			}
			e.inc(v, 1)
		})
	}
	loops(0)
	e.get(acc)
	for k := m.zeroCoefs(); k > 0; k-- {
		e.lower(sub(hi, lo))
		e.emit(ir.OpConst1, ir.OpI32Add)
		if m.inner.dom.noZero {
			e.lower(lo)
			e.emit(ir.OpConst0, ir.OpI32LeS)
			e.lower(hi)
			e.emit(ir.OpConst0, ir.OpI32GeS, ir.OpI32Mul, ir.OpI32Sub)
		}
		e.emit(ir.OpI32Mul)
	}
	e.next = mark
	e.emit(ir.OpElse, ir.OpConst0, ir.OpIfEnd, ir.OpEnd)
	if len(e.ops) > ir.MaxLength {
		return nil, errLower
	}
	if err := ir.Validate(ir.Program{Arity: 1, Ops: e.ops}); err != nil {
		return nil, fmt.Errorf("%w: %v", errLower, err)
	}
	return e.ops, nil
}
