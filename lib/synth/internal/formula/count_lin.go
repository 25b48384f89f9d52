package formula

// Tuples whose condition is about one linear form of their terms:
// "Number of ordered quintuples (a,b,c,d,e), -n <= a,b,c,d,e <= n, such
// that a+b+c+d+e = 0.", "... and -1<=2w+x+y<=1", "... and w=x+2y+3z-n".
// Every comparison is mu*(c1*v1 + ... + ck*vk) + g(n) op 0 for one
// integer vector c and constants mu. The program counts the tuples by
// the value of s = c.v: a table in memory of how many tuples of the first
// i terms give each partial sum, each term added by a sliding window over
// prefix sums (additions and subtractions only, exact modulo 2^32, so the
// count is right wherever it fits i32 even when the table's entries
// wrap), and then adds up the entries whose s passes the condition. Its
// fuel is some 45 opcodes per entry per term: six terms in {-n,...,n}
// at n = 100 take about 300,000.

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// linCount counts the tuples of len(coefs) terms in dom with cond true at
// s_ = the sum of coefs[i] times term i.
type linCount struct {
	coefs []int64
	dom   tupleDomain
	cond  *node // over s_ and n
}

func (l linCount) String() string {
	cs := make([]string, len(l.coefs))
	for i, c := range l.coefs {
		cs[i] = strconv.FormatInt(c, 10)
	}
	zero := ""
	if l.dom.noZero {
		zero = " but 0"
	}
	return "lincount[c=(" + strings.Join(cs, ",") + "); terms " + l.dom.lo.String() + ".." + l.dom.hi.String() + zero + "](n; " + l.cond.String() + ")"
}

// linearForm writes the atoms as conditions on one linear form of vars:
// nil where some atom is not mu*(c.v) + g(n) op 0 with the others' c.
func linearForm(vars []string, dom tupleDomain, atoms []atom) *linCount {
	var c []int64
	var cond *node
	for _, a := range atoms {
		d := sub(a.a, a.b)
		rs := make([]*big.Rat, len(vars))
		any := false
		for i, v := range vars {
			rs[i] = new(big.Rat)
			if !d.uses(v) {
				continue
			}
			if !linearIn(d, v) {
				return nil
			}
			r, ok := constCoef(d, v)
			if !ok {
				return nil
			}
			rs[i], any = r, true
		}
		if !any || a.op == "!=" && len(atoms) > 1 {
			return nil
		}
		g := d
		for _, v := range vars {
			g = substitute(g, v, num(0))
		}
		if g.uses("s_") {
			return nil
		}
		if c == nil {
			c = primitive(rs)
			if c == nil {
				return nil
			}
		}
		// rs = mu*c; the atom is p*s + q*g op 0 with mu = p/q, q > 0
		mu := multipleOf(rs, c)
		if mu == nil {
			return nil
		}
		p, q := mu.Num().Int64(), mu.Denom().Int64()
		lhs := add(mul(num(p), vr("s_")), mul(num(q), g))
		cond = and(cond, &node{k: kCmp, name: a.op, kids: []*node{lhs, num(0)}})
	}
	if c == nil {
		return nil
	}
	return &linCount{coefs: c, dom: dom, cond: cond}
}

// multipleOf is mu with rs = mu*c (c's zero entries where rs is 0), or
// nil if rs is no multiple of c.
func multipleOf(rs []*big.Rat, c []int64) *big.Rat {
	var mu *big.Rat
	for i := range rs {
		if c[i] == 0 {
			if rs[i].Sign() != 0 {
				return nil
			}
			continue
		}
		m := new(big.Rat).Quo(rs[i], new(big.Rat).SetInt64(c[i]))
		if mu == nil {
			mu = m
		} else if mu.Cmp(m) != 0 {
			return nil
		}
	}
	return mu
}

// primitive is the integer vector of rs's direction with coprime entries
// (rs's signs); nil if its entries are too large.
func primitive(rs []*big.Rat) []int64 {
	l := big.NewInt(1)
	for _, r := range rs {
		g := new(big.Int).GCD(nil, nil, l, r.Denom())
		l.Mul(l, new(big.Int).Quo(r.Denom(), g))
	}
	out := make([]int64, len(rs))
	var g int64
	for i, r := range rs {
		v := new(big.Int).Mul(r.Num(), new(big.Int).Quo(l, r.Denom()))
		if !v.IsInt64() || v.Int64() > 1000 || v.Int64() < -1000 {
			return nil
		}
		out[i] = v.Int64()
		g = gcd64(g, out[i])
	}
	if g == 0 {
		return nil
	}
	for i := range out {
		out[i] /= g
	}
	return out
}

// ends is the domain's ends at n, exactly.
func (l linCount) ends(n int64) (lo, hi int64, ok bool) {
	env := map[string]int64{"n": n}
	lo, err1 := ival(l.dom.lo, env)
	hi, err2 := ival(l.dom.hi, env)
	return lo, hi, err1 == nil && err2 == nil
}

// exact is the count at n, convolving each term's values into a table of
// the partial sums' counts one value at a time (not the program's
// sliding windows), in int64 with overflow refused.
func (l linCount) exact(n int64) (int64, bool) {
	lo, hi, ok := l.ends(n)
	if !ok {
		return 0, false
	}
	if hi < lo {
		return 0, true
	}
	dist, off, ok := l.dist(lo, hi)
	if !ok {
		return 0, false
	}
	var count int64
	env := map[string]int64{"n": n}
	for i, k := range dist {
		if k == 0 {
			continue
		}
		env["s_"] = off + int64(i)
		t, err := ival(l.cond, env)
		if err != nil {
			return 0, false
		}
		if t != 0 {
			count += k
			if count < 0 {
				return 0, false
			}
		}
	}
	return count, true
}

// dist is how many tuples of values in lo..hi give each s, dist[s -
// off], by convolving each letter's values one at a time.
func (l linCount) dist(lo, hi int64) ([]int64, int64, bool) {
	if hi-lo > 1000 {
		return nil, 0, false
	}
	var vals []int64
	for v := lo; v <= hi; v++ {
		if !(l.dom.noZero && v == 0) {
			vals = append(vals, v)
		}
	}
	// dist[s - off] tuples give s
	dist, off := []int64{1}, int64(0)
	for _, c := range l.coefs {
		smin, smax := off+min(c*lo, c*hi), off+int64(len(dist))-1+max(c*lo, c*hi)
		if smax-smin > 1<<16 {
			return nil, 0, false
		}
		next := make([]int64, smax-smin+1)
		for i, k := range dist {
			if k == 0 {
				continue
			}
			for _, v := range vals {
				j := off + int64(i) + c*v - smin
				next[j] += k
				if next[j] < 0 {
					return nil, 0, false // past int64
				}
			}
		}
		dist, off = next, smin
	}
	return dist, off, true
}

// lower emits the program: mem[0..W) the counts by s - S0 (S0 the least
// s), mem[W..2W) their prefix sums with step a = |c_i|.
func (l linCount) lower() (ops []ir.Op, err error) {
	e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}}
	defer caught(&ops, &err)
	lo, ok1 := normalize(l.dom.lo, false)
	hi, ok2 := normalize(l.dom.hi, false)
	cond, ok3 := normalize(l.cond, false)
	if !ok1 || !ok2 || !ok3 {
		return nil, errLower
	}
	var sumA, cPos, cNeg int64
	for _, c := range l.coefs {
		sumA += max(c, -c)
		if c > 0 {
			cPos += c
		} else {
			cNeg += c
		}
	}
	// no values: no tuple
	e.lower(sub(hi, lo))
	e.emit(ir.OpConst0, ir.OpI32GeS, ir.OpIfBegin)
	l.emitTable(e, lo, hi)
	L, H := e.hold(lo), e.hold(hi)
	m := e.alloc() // values per term: hi - lo + 1
	e.get(H)
	e.get(L)
	e.emit(ir.OpI32Sub, ir.OpConst1, ir.OpI32Add)
	e.set(m)
	W := e.alloc() // the table's width: 1 + sumA*(m-1)
	e.get(m)
	e.emit(ir.OpConst1, ir.OpI32Sub)
	e.konst(sumA)
	e.emit(ir.OpI32Mul, ir.OpConst1, ir.OpI32Add)
	e.set(W)
	j := e.alloc()
	zeroIn := func() { // lo <= 0 <= hi
		e.get(L)
		e.emit(ir.OpConst0, ir.OpI32LeS)
		e.get(H)
		e.emit(ir.OpConst0, ir.OpI32GeS, ir.OpI32Mul)
	}
	// the sum of the entries whose s = S0 + j passes
	s := e.alloc()
	e.lower(add(mul(num(cPos), lo), mul(num(cNeg), hi)))
	e.set(s)
	acc := e.alloc()
	e.emit(ir.OpConst0)
	e.set(acc)
	e.emit(ir.OpConst0)
	e.set(j)
	e.env["s_"] = s
	e.while(func() { e.get(j); e.get(W); e.emit(ir.OpI32LtS) }, func() {
		e.lower(cond)
		e.emit(ir.OpIfBegin)
		e.get(acc)
		e.load(func() { e.get(j) })
		e.emit(ir.OpI32Add)
		e.set(acc)
		e.emit(ir.OpIfEnd)
		e.inc(j, 1)
		e.inc(s, 1)
	})
	e.get(acc)
	// terms no condition names: each multiplies the count by their
	// number of values
	for _, c := range l.coefs {
		if c != 0 {
			continue
		}
		e.get(m)
		if l.dom.noZero {
			zeroIn()
			e.emit(ir.OpI32Sub)
		}
		e.emit(ir.OpI32Mul)
	}
	e.emit(ir.OpElse, ir.OpConst0, ir.OpIfEnd, ir.OpEnd)
	if len(e.ops) > ir.MaxLength {
		return nil, errLower
	}
	if err := ir.Validate(ir.Program{Arity: 1, Ops: e.ops}); err != nil {
		return nil, fmt.Errorf("%w: %v", errLower, err)
	}
	return e.ops, nil
}

// emitTable emits the table of how many tuples give each s - S0 in
// mem[0..W) (W = 1 + sum|c_i|*(m-1), m = hi - lo + 1 > 0, which the
// caller checks), prefix sums in mem[W..2W) as scratch; its locals are
// given back.
func (l linCount) emitTable(e *emitter, lo, hi *node) {
	mark := e.next
	var sumA int64
	for _, c := range l.coefs {
		sumA += max(c, -c)
	}
	L, H := e.hold(lo), e.hold(hi)
	m := e.alloc() // values per term: hi - lo + 1
	e.get(H)
	e.get(L)
	e.emit(ir.OpI32Sub, ir.OpConst1, ir.OpI32Add)
	e.set(m)
	W := e.alloc() // the table's final width: 1 + sumA*(m-1)
	e.get(m)
	e.emit(ir.OpConst1, ir.OpI32Sub)
	e.konst(sumA)
	e.emit(ir.OpI32Mul, ir.OpConst1, ir.OpI32Add)
	e.set(W)
	e.store(func() { e.emit(ir.OpConst0) }, func() { e.emit(ir.OpConst1) })
	w := e.alloc() // the table's width so far
	e.emit(ir.OpConst1)
	e.set(w)
	j := e.alloc()
	zeroIn := func() { // lo <= 0 <= hi
		e.get(L)
		e.emit(ir.OpConst0, ir.OpI32LeS)
		e.get(H)
		e.emit(ir.OpConst0, ir.OpI32GeS, ir.OpI32Mul)
	}
	// letter adds one letter with coefficient c to the table
	letter := func(c int64) {
		a := max(c, -c)
		nw := e.alloc()
		e.get(w)
		e.get(m)
		e.emit(ir.OpConst1, ir.OpI32Sub)
		e.konst(a)
		e.emit(ir.OpI32Mul, ir.OpI32Add)
		e.set(nw)
		// P[j] = A[j] + P[j-a], j = 0..nw-1
		e.emit(ir.OpConst0)
		e.set(j)
		e.while(func() { e.get(j); e.get(nw); e.emit(ir.OpI32LtS) }, func() {
			e.store(func() { e.get(W); e.get(j); e.emit(ir.OpI32Add) }, func() {
				e.load(func() { e.get(j) })
				e.get(j)
				e.konst(a)
				e.emit(ir.OpI32GeS, ir.OpIfBegin)
				e.load(func() { e.get(W); e.get(j); e.emit(ir.OpI32Add); e.konst(a); e.emit(ir.OpI32Sub) })
				e.emit(ir.OpElse, ir.OpConst0, ir.OpIfEnd, ir.OpI32Add)
			})
			e.inc(j, 1)
		})
		// A[j] = P[j] - P[j - a*m] - A[j - a*z], j = nw-1 down to 0 (A
		// below j is still the old table); z is the value 0's index
		// among the term's values, counted from the end that gives the
		// least c*v: -lo for c > 0, hi for c < 0
		z := -1
		if l.dom.noZero {
			z = e.alloc()
			zeroIn()
			e.emit(ir.OpIfBegin)
			if c > 0 {
				e.emit(ir.OpConst0)
				e.get(L)
				e.emit(ir.OpI32Sub)
			} else {
				e.get(H)
			}
			e.konst(a)
			e.emit(ir.OpI32Mul)
			e.emit(ir.OpElse)
			e.konst(-1) // no 0 among the values
			e.emit(ir.OpIfEnd)
			e.set(z)
		}
		am := func() { e.get(m); e.konst(a); e.emit(ir.OpI32Mul) }
		e.get(nw)
		e.emit(ir.OpConst1, ir.OpI32Sub)
		e.set(j)
		e.while(func() { e.get(j); e.emit(ir.OpConst0, ir.OpI32GeS) }, func() {
			e.store(func() { e.get(j) }, func() {
				e.load(func() { e.get(W); e.get(j); e.emit(ir.OpI32Add) })
				e.get(j)
				am()
				e.emit(ir.OpI32GeS, ir.OpIfBegin)
				e.load(func() { e.get(W); e.get(j); e.emit(ir.OpI32Add); am(); e.emit(ir.OpI32Sub) })
				e.emit(ir.OpElse, ir.OpConst0, ir.OpIfEnd, ir.OpI32Sub)
				if l.dom.noZero {
					e.get(z)
					e.emit(ir.OpConst0, ir.OpI32GeS)
					e.get(j)
					e.get(z)
					e.emit(ir.OpI32GeS, ir.OpI32Mul, ir.OpIfBegin)
					e.load(func() { e.get(j); e.get(z); e.emit(ir.OpI32Sub) })
					e.emit(ir.OpElse, ir.OpConst0, ir.OpIfEnd, ir.OpI32Sub)
				}
			})
			e.inc(j, -1)
		})
		e.get(nw)
		e.set(w)
		e.next = nw // nw, z given back
	}
	// runs of equal coefficients in a loop of their own (opcodes)
	cs := l.coefs
	for i := 0; i < len(cs); {
		r := 1
		for i+r < len(cs) && cs[i+r] == cs[i] {
			r++
		}
		switch {
		case cs[i] == 0:
		case r == 1:
			letter(cs[i])
		default:
			k := e.alloc()
			e.konst(int64(r))
			e.set(k)
			e.while(func() { e.get(k); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() {
				letter(cs[i])
				e.inc(k, -1)
			})
			e.next = k
		}
		i += r
	}
	e.next = mark
}
