package formula

import (
	"fmt"

	"github.com/irsynth/irsynth/lib/ir"
)

// The lowering of a series' normal form to one program: given n it fills
// tables of coefficients 0..N (N = n - offset) in memory, each table a
// region of W = N+1 words at r*W, and returns word N of table 0. Every
// step is ring arithmetic (+, -, *), so a coefficient is exact mod 2^32
// and right wherever the true value fits i32, however large the ones
// before it grew:
//   - times (1 + c x^e): R[i] += c R[i-e] for i = N down to e, in place
//   - divided by (1 + c x^e): R[i] -= c R[i-e] for i = e up to N
//   - times a series G: R[i] = Sum_{j<=i} G[j] R[i-j] for i = N down to 0
//   - divided by G, G[0] = ±1: R[i] = G[0] (R[i] - Sum_{1<=j<=i} G[j] R[i-j]) upward
//   - a product over v: the binomial step for v = lo, lo+1, ... while e(v) <= N
//   - a sum over v: each term built in a scratch table, added to the
//     result and the scratch cleared in one pass, while its power fits.

type seriesLowering struct {
	e       *emitter
	w       int // the local holding W
	regions int // tables allocated
	inLoop  int // depth of loops over a bound variable around the code
	inFixed bool
}

// lowerSeries compiles s to a program returning [x^(stride*(n-off))] s.
func lowerSeries(s *sSeries, off, stride int64) (ops []ir.Op, err error) {
	e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(seriesError); ok {
				ops, err = nil, fmt.Errorf("%w: series", errLower)
				return
			}
			le, ok := r.(lowerError)
			if !ok {
				panic(r)
			}
			ops, err = nil, fmt.Errorf("%w: %s", errLower, le.msg)
		}
	}()
	l := &seriesLowering{e: e, regions: 1}
	l.w = e.alloc()
	e.emit(ir.OpSlot0)
	if stride == 1 {
		e.konst(1 - off)
		e.emit(ir.OpI32Add)
	} else {
		e.konst(off)
		e.emit(ir.OpI32Sub)
		e.konst(stride)
		e.emit(ir.OpI32Mul, ir.OpConst1, ir.OpI32Add)
	}
	e.set(l.w)
	e.get(l.w)
	e.emit(ir.OpConst0, ir.OpI32GtS, ir.OpIfBegin)
	l.series(s, 0)
	e.get(l.w)
	e.emit(ir.OpConst1, ir.OpI32Sub, ir.OpMemLoad)
	e.emit(ir.OpElse, ir.OpConst0, ir.OpIfEnd)
	e.emit(ir.OpEnd)
	if len(e.ops) > ir.MaxLength {
		e.fail("%d opcodes", len(e.ops))
	}
	if err := ir.Validate(ir.Program{Arity: 1, Ops: e.ops}); err != nil {
		return nil, fmt.Errorf("%w: %v", errLower, err)
	}
	return e.ops, nil
}

func (l *seriesLowering) region() int {
	l.regions++
	return l.regions - 1
}

// base pushes the address of word 0 of table r.
func (l *seriesLowering) base(r int) {
	if r == 0 {
		l.e.emit(ir.OpConst0)
		return
	}
	l.e.get(l.w)
	if r > 1 {
		l.e.konst(int64(r))
		l.e.emit(ir.OpI32Mul)
	}
}

// baseLocal holds the address of word 0 of table r in a new local.
func (l *seriesLowering) baseLocal(r int) int {
	l.base(r)
	b := l.e.alloc()
	l.e.set(b)
	return b
}

// scalar pushes x over the bound variables.
func (l *seriesLowering) scalar(x *node) {
	l.e.lower(x)
}

// series builds s in table r (all zero).
func (l *seriesLowering) series(s *sSeries, r int) {
	switch {
	case s.fixed != nil:
		if r != 0 || l.inFixed || l.inLoop > 0 {
			seriesFail()
		}
		l.fixedPoint(s.fixed)
		return
	case s.root != nil:
		l.rootSeries(s.root, r)
		return
	case s.ref > 0:
		if !l.inFixed {
			seriesFail()
		}
		l.refSeries(s.ref, r)
		return
	}
	if len(s.sums) == 0 && len(s.terms) == 1 {
		l.term(s.terms[0], r)
		return
	}
	tmp := -1
	for _, t := range s.terms {
		if len(t.facs) == 0 {
			l.addMonomial(t, r)
			continue
		}
		if tmp < 0 {
			tmp = l.region()
		}
		l.term(t, tmp)
		l.addClear(r, tmp)
	}
	for _, u := range s.sums {
		if tmp < 0 && len(u.t.facs) > 0 {
			tmp = l.region()
		}
		l.sum(u, r, tmp)
	}
}

// addMonomial adds coef x^shift to table r (if the power fits).
func (l *seriesLowering) addMonomial(t sTerm, r int) { l.addMonomialAt(t, r, -1) }

// addMonomialAt is addMonomial with the power of x in local sh (fits,
// checked already), or computed when sh < 0.
func (l *seriesLowering) addMonomialAt(t sTerm, r, sh int) {
	e := l.e
	mark := e.next
	defer func() { e.next = mark }()
	a := e.alloc()
	if sh < 0 {
		if c, ok := constOf(t.shift); ok && r == 0 {
			// a constant power in table 0: its address is the power
			e.konst(c)
			e.emit(ir.LocalTee(a))
		} else {
			l.scalar(t.shift)
			if r != 0 {
				l.base(r)
				e.emit(ir.OpI32Add)
			}
			e.emit(ir.LocalTee(a))
			if r != 0 {
				l.base(r)
				e.emit(ir.OpI32Sub)
			}
		}
		e.get(l.w)
		e.emit(ir.OpI32LtS, ir.OpIfBegin)
	} else {
		e.get(sh)
		if r != 0 {
			l.base(r)
			e.emit(ir.OpI32Add)
		}
		e.set(a)
	}
	e.get(a)
	e.get(a)
	e.emit(ir.OpMemLoad)
	l.scalar(t.coef)
	e.emit(ir.OpI32Add, ir.OpMemStore)
	if sh < 0 {
		e.emit(ir.OpIfEnd)
	}
}

// term builds t in table r (all zero).
func (l *seriesLowering) term(t sTerm, r int) {
	if c, ok := constOf(t.coef); ok && c != 1 && isConstV(t.shift, 0) && len(t.facs) == 1 && t.facs[0].g != nil &&
		t.facs[0].pow == 1 && t.facs[0].v == "" && l.inLoop == 0 {
		// c G: G built in r, then scaled (2 R of a square root, series2_sqrt.go)
		l.series(t.facs[0].g, r)
		l.scaleTable(r, c)
		return
	}
	// a product that opens with a series (coefficient 1, no power of x)
	// is built on that series in r itself, not on 1
	first := -1
	if isConstV(t.coef, 1) && isConstV(t.shift, 0) {
		for i, f := range t.facs {
			if f.g != nil && f.pow == 1 && f.v == "" {
				first = i
				break
			}
		}
		if first < 0 && len(t.facs) == 1 && t.facs[0].g != nil && t.facs[0].pow > 1 && l.inLoop == 0 {
			// G^p: G in a table of its own, copied to r, times G p-1 times
			g := l.region()
			l.series(t.facs[0].g, g)
			l.addClearMode(r, g, false)
			l.seriesFactor(r, g, t.facs[0].pow-1)
			return
		}
	}
	// the other series factors first, each in a table of its own
	gs := map[int]int{}
	for i, f := range t.facs {
		if f.g != nil && i != first && f.v == "" {
			if l.inLoop > 0 {
				seriesFail() // a table rebuilt in a loop would need clearing
			}
			g := l.region()
			l.series(f.g, g)
			gs[i] = g
		}
	}
	if first >= 0 {
		if l.inLoop > 0 {
			seriesFail()
		}
		l.series(t.facs[first].g, r)
	} else {
		l.addMonomial(t, r)
	}
	rest := append(append([]sFac{}, t.facs[:max(first, 0)]...), t.facs[first+1:]...)
	if first < 0 {
		rest = t.facs
	}
	for _, f := range merge(rest) {
		if f.g != nil && f.v != "" {
			l.loopSeries(f, r)
			continue
		}
		if f.g != nil {
			g := -1
			for j, h := range t.facs {
				if h.g == f.g && j != first {
					g = gs[j]
				}
			}
			l.seriesFactor(r, g, f.pow)
			continue
		}
		l.binomial(f, r)
	}
}

// sum adds Sum_v u.t to table r, building each term in scratch table tmp.
func (l *seriesLowering) sum(u sSumTerm, r, tmp int) {
	e := l.e
	mark := e.next
	defer func() { e.next = mark }()
	sh := e.alloc()
	l.overK(u.v, u.lo, u.t.shift, u.hi, sh, func() {
		if len(u.t.facs) == 0 && u.hi == nil { // a monomial: added in place
			l.addMonomialAt(u.t, r, sh)
		} else {
			l.term(u.t, tmp)
			l.addClear(r, tmp)
		}
	})
}

// overK runs body for name = lo, lo+1, ... while the power x^pow (pow an
// expression in name, kept in local at) is below the table's length and,
// with hi, name <= hi: the loop of a Sum_ or Product_ over k.
func (l *seriesLowering) overK(name string, lo, pow, hi *node, at int, body func()) {
	e := l.e
	v := e.alloc()
	old, had := e.env[name]
	e.env[name] = v
	defer e.restore(name, old, had)
	l.scalar(lo)
	e.set(v)
	l.inLoop++
	e.while(func() {
		l.scalar(pow)
		e.emit(ir.LocalTee(at))
		e.get(l.w)
		e.emit(ir.OpI32LtS)
		if hi != nil {
			e.get(v)
			l.scalar(hi)
			e.emit(ir.OpI32LeS, ir.OpI32Mul)
		}
	}, func() {
		body()
		e.inc(v, 1)
	})
	l.inLoop--
}

// addClear adds table tmp to table r and zeroes tmp.
func (l *seriesLowering) addClear(r, tmp int) { l.addClearMode(r, tmp, true) }

// addClearMode adds table tmp to table r, and zeroes tmp if clear.
func (l *seriesLowering) addClearMode(r, tmp int, clear bool) {
	e := l.e
	l.walkPair(r, tmp, func(p, d int) {
		e.get(p)
		e.get(d)
		e.emit(ir.OpI32Add)
		e.get(p)
		e.get(d)
		e.emit(ir.OpI32Add, ir.OpMemLoad)
		e.get(p)
		e.emit(ir.OpMemLoad, ir.OpI32Add, ir.OpMemStore)
		if clear {
			e.get(p)
			e.emit(ir.OpConst0, ir.OpMemStore)
		}
	})
}

// walkPair runs body once per word of table tmp: local p is the word's
// address and p + d the address of the same word of table r.
func (l *seriesLowering) walkPair(r, tmp int, body func(p, d int)) {
	e := l.e
	mark := e.next
	defer func() { e.next = mark }()
	p, stop, d := e.alloc(), e.alloc(), e.alloc()
	l.base(tmp)
	e.set(p)
	e.get(p)
	e.get(l.w)
	e.emit(ir.OpI32Add)
	e.set(stop)
	l.base(r)
	l.base(tmp)
	e.emit(ir.OpI32Sub)
	e.set(d)
	e.emit(ir.OpLoopBegin)
	body(p, d)
	e.get(p)
	e.emit(ir.OpConst1, ir.OpI32Add, ir.LocalTee(p))
	e.get(stop)
	e.emit(ir.OpI32LtS, ir.OpBrIf, ir.OpLoopEnd)
}

// repeat runs body |m| times, m a scalar whose sign is sign.
func (l *seriesLowering) repeat(m *node, body func()) {
	e := l.e
	if c, ok := constOf(m); ok {
		if c < 0 {
			c = -c
		}
		switch {
		case c == 0:
		case c == 1:
			body()
		default:
			mark := e.next
			t := e.alloc()
			e.konst(c)
			e.set(t)
			e.emit(ir.OpLoopBegin)
			body()
			e.get(t)
			e.emit(ir.OpConst1, ir.OpI32Sub, ir.LocalTee(t), ir.OpBrIf, ir.OpLoopEnd)
			e.next = mark
		}
		return
	}
	mark := e.next
	t := e.alloc()
	l.scalar(m)
	e.set(t)
	e.while(func() { e.get(t); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() {
		body()
		e.inc(t, -1)
	})
	e.next = mark
}

// binomial multiplies table r by the factor f (a product over f.v when
// it has one).
func (l *seriesLowering) binomial(f sFac, r int) {
	e := l.e
	sign := 0 // the multiplicity's sign, 0: read at run time
	if c, ok := constOf(f.m); ok {
		sign = 1
		if c < 0 {
			sign = -1
		}
	}
	mark := e.next
	defer func() { e.next = mark }()
	le := e.alloc()
	cc, cconst := constOf(f.c)
	if cconst && (cc > 1<<31-1 || cc < -1<<31) {
		e.fail("coefficient %d", cc)
	}
	lc := -1
	if !cconst {
		lc = e.alloc()
	}
	step := func() {
		if lc >= 0 {
			l.scalar(f.c)
			e.set(lc)
		}
		if sign != 0 {
			l.repeat(f.m, func() { l.pass(r, le, cc, lc, sign > 0) })
			return
		}
		// t = m; while t > 0: times, t--; while t < 0: divided, t++
		t := e.alloc()
		l.scalar(f.m)
		e.set(t)
		for _, mul := range []bool{true, false} {
			e.while(func() {
				e.get(t)
				e.emit(ir.OpConst0)
				if mul {
					e.emit(ir.OpI32GtS)
				} else {
					e.emit(ir.OpI32LtS)
				}
			}, func() {
				l.pass(r, le, cc, lc, mul)
				if mul {
					e.inc(t, -1)
				} else {
					e.inc(t, 1)
				}
			})
		}
	}
	if sign == 0 && cconst { // by binomial coefficients (series2_lower.go)
		b := l.region()
		step = func() { l.binomialCoefs(f.m, r, le, cc, b) }
	}
	if f.v == "" {
		l.scalar(f.e)
		e.emit(ir.LocalTee(le))
		e.get(l.w)
		e.emit(ir.OpI32LtS, ir.OpIfBegin)
		step()
		e.emit(ir.OpIfEnd)
		return
	}
	if a, b, c0, r0, ok := linearLoop(f); ok {
		l.linearLoop(f, r, le, a, b, c0, r0, sign)
		return
	}
	l.overK(f.v, f.lo, f.e, f.hi, le, step)
}

// pass multiplies (mul) or divides table r by 1 + c x^e, e in local le
// (1 <= e <= N), c the constant cc or, lc >= 0, in local lc.
func (l *seriesLowering) pass(r, le int, cc int64, lc int, mul bool) {
	e := l.e
	mark := e.next
	defer func() { e.next = mark }()
	p := e.alloc()
	stop := le // region 0: mul stops at e, divide at W
	switch {
	case r == 0 && !mul:
		stop = l.w
	case r != 0:
		stop = e.alloc()
	}
	// mul: p from base+N down to base+e; divide: from base+e up to base+N
	plus := func(x int) {
		e.get(x)
		if r != 0 {
			l.base(r)
			e.emit(ir.OpI32Add)
		}
	}
	if mul {
		plus(l.w)
		e.emit(ir.OpConst1, ir.OpI32Sub)
		e.set(p)
		if stop != le {
			plus(le)
			e.set(stop)
		}
	} else {
		plus(le)
		e.set(p)
		if stop != l.w {
			plus(l.w)
			e.set(stop)
		}
	}
	e.emit(ir.OpLoopBegin)
	e.get(p)
	e.get(p)
	e.emit(ir.OpMemLoad)
	e.get(p)
	e.get(le)
	e.emit(ir.OpI32Sub, ir.OpMemLoad)
	add := mul
	switch {
	case lc >= 0:
		e.get(lc)
		e.emit(ir.OpI32Mul)
	case cc == -1:
		add = !add
	case cc != 1:
		e.konst(cc)
		e.emit(ir.OpI32Mul)
	}
	if add {
		e.emit(ir.OpI32Add)
	} else {
		e.emit(ir.OpI32Sub)
	}
	e.emit(ir.OpMemStore)
	e.get(p)
	if mul {
		e.emit(ir.OpConst1, ir.OpI32Sub, ir.LocalTee(p))
		e.get(stop)
		e.emit(ir.OpI32GeS)
	} else {
		e.emit(ir.OpConst1, ir.OpI32Add, ir.LocalTee(p))
		e.get(stop)
		e.emit(ir.OpI32LtS)
	}
	e.emit(ir.OpBrIf, ir.OpLoopEnd)
}

// seriesFactor multiplies table r by table g pow times (pow < 0: divides
// by it; then g[0] must be ±1, which the evaluator's agreement checks).
func (l *seriesLowering) seriesFactor(r, g int, pow int64) {
	l.repeat(num(pow), func() {
		if pow > 0 {
			l.convolve(r, g)
		} else {
			l.deconvolve(r, g)
		}
	})
}

// convolve: R[i] = Sum_{j=0..i} G[j] R[i-j], i = N down to 0.
func (l *seriesLowering) convolve(r, g int) {
	e := l.e
	mark := e.next
	defer func() { e.next = mark }()
	rb, gb := l.baseLocal(r), l.baseLocal(g)
	i, j, acc := e.alloc(), e.alloc(), e.alloc()
	e.get(l.w)
	e.emit(ir.OpConst1, ir.OpI32Sub)
	e.set(i)
	e.emit(ir.OpLoopBegin)
	e.emit(ir.OpConst0)
	e.set(acc)
	e.emit(ir.OpConst0)
	e.set(j)
	e.emit(ir.OpLoopBegin)
	l.accumulate(acc, gb, rb, i, j, ir.OpI32Add)
	e.get(j)
	e.emit(ir.OpConst1, ir.OpI32Add, ir.LocalTee(j))
	e.get(i)
	e.emit(ir.OpI32LeS, ir.OpBrIf, ir.OpLoopEnd)
	e.get(rb)
	e.get(i)
	e.emit(ir.OpI32Add)
	e.get(acc)
	e.emit(ir.OpMemStore)
	e.get(i)
	e.emit(ir.OpConst1, ir.OpI32Sub, ir.LocalTee(i), ir.OpConst0, ir.OpI32GeS, ir.OpBrIf, ir.OpLoopEnd)
}

// accumulate emits acc = acc op G[j]*R[i-j] (op I32_ADD or I32_SUB; gb
// and rb hold the tables' bases).
func (l *seriesLowering) accumulate(acc, gb, rb, i, j int, op ir.Op) {
	e := l.e
	e.get(acc)
	e.get(gb)
	e.get(j)
	e.emit(ir.OpI32Add, ir.OpMemLoad)
	e.get(rb)
	e.get(i)
	e.emit(ir.OpI32Add)
	e.get(j)
	e.emit(ir.OpI32Sub, ir.OpMemLoad, ir.OpI32Mul, op)
	e.set(acc)
}

// deconvolve: R[i] = G[0] (R[i] - Sum_{j=1..i} G[j] R[i-j]), i = 0 up to N.
func (l *seriesLowering) deconvolve(r, g int) {
	e := l.e
	mark := e.next
	defer func() { e.next = mark }()
	rb, gb := l.baseLocal(r), l.baseLocal(g)
	i, j, acc := e.alloc(), e.alloc(), e.alloc()
	e.emit(ir.OpConst0)
	e.set(i)
	e.emit(ir.OpLoopBegin)
	e.get(rb)
	e.get(i)
	e.emit(ir.OpI32Add, ir.OpMemLoad)
	e.set(acc)
	e.emit(ir.OpConst1)
	e.set(j)
	e.while(func() { e.get(j); e.get(i); e.emit(ir.OpI32LeS) }, func() {
		l.accumulate(acc, gb, rb, i, j, ir.OpI32Sub)
		e.inc(j, 1)
	})
	e.get(rb)
	e.get(i)
	e.emit(ir.OpI32Add)
	e.get(acc)
	e.get(gb)
	e.emit(ir.OpMemLoad, ir.OpI32Mul, ir.OpMemStore)
	e.get(i)
	e.emit(ir.OpConst1, ir.OpI32Add, ir.LocalTee(i))
	e.get(l.w)
	e.emit(ir.OpI32LtS, ir.OpBrIf, ir.OpLoopEnd)
}

// linearLoop reads a product factor whose power of x is a*v + b (a >= 1)
// and whose coefficient is c0 * r^(v-lo) (r = ±1), with a constant
// multiplicity and no last index: its loop steps e by a and flips c.
func linearLoop(f sFac) (a, b, c0, r int64, ok bool) {
	if f.hi != nil {
		return 0, 0, 0, 0, false
	}
	if _, ok := constOf(f.m); !ok {
		return 0, 0, 0, 0, false
	}
	lo, ok := constOf(f.lo)
	if !ok {
		return 0, 0, 0, 0, false
	}
	ev := &sEval{env: map[string]int64{}}
	ok = true
	func() {
		defer func() {
			if rec := recover(); rec != nil {
				if _, is := rec.(seriesError); !is {
					panic(rec)
				}
				ok = false
			}
		}()
		at := func(x *node, v int64) int64 {
			ev.env[f.v] = v
			return smallInt(ev.scalar(x), -1<<31, 1<<31-1)
		}
		e0, e1 := at(f.e, lo), at(f.e, lo+1)
		a, b = e1-e0, e0-(e1-e0)*lo
		c0 = at(f.c, lo)
		r = 1
		if c0 != 0 && at(f.c, lo+1) == -c0 {
			r = -1
		}
		s := c0
		for v := lo; v < lo+12; v++ {
			if at(f.e, v) != a*v+b || at(f.c, v) != s {
				ok = false
				return
			}
			s *= r
		}
	}()
	if !ok || a < 1 || c0 == 0 || c0 > 1<<31-1 || c0 < -1<<31 {
		return 0, 0, 0, 0, false
	}
	return a, b, c0, r, true
}

// linearLoop emits the product of f over v = lo.. as: e = a*lo + b,
// c = c0; while e <= N: the binomial step, e += a, c = r*c.
func (l *seriesLowering) linearLoop(f sFac, r, le int, a, b, c0, ratio int64, sign int) {
	if sign == 0 {
		seriesFail() // linearLoop takes constant multiplicities only
	}
	e := l.e
	lo, _ := constOf(f.lo)
	lc := -1
	if ratio < 0 || c0 != 1 && c0 != -1 {
		lc = e.alloc()
		e.konst(c0)
		e.set(lc)
	}
	e.konst(a*lo + b)
	e.set(le)
	l.inLoop++
	e.while(func() {
		e.get(le)
		e.get(l.w)
		e.emit(ir.OpI32LtS)
	}, func() {
		l.repeat(f.m, func() { l.pass(r, le, c0, lc, sign > 0) })
		e.inc(le, a)
		if ratio < 0 {
			e.emit(ir.OpConst0)
			e.get(lc)
			e.emit(ir.OpI32Sub)
			e.set(lc)
		}
	})
	l.inLoop--
}

// loopSeries multiplies table r by Product_v f.g(v)^f.pow, f.g(v) = 1 plus
// monomials: each step builds f.g(v) in a scratch table, convolves r
// with it (or divides r by it) and clears the scratch, while the power of
// its first monomial at v = lo fits (the evaluator checks the rest).
func (l *seriesLowering) loopSeries(f sFac, r int) {
	e := l.e
	if l.inLoop > 0 || f.hi != nil {
		seriesFail()
	}
	lead := -1
	for i, t := range f.g.terms {
		if !isConstV(t.shift, 0) {
			lead = i
			break
		}
	}
	mark := e.next
	defer func() { e.next = mark }()
	s := l.region()
	v := e.alloc()
	old, had := e.env[f.v]
	e.env[f.v] = v
	defer e.restore(f.v, old, had)
	l.scalar(f.lo)
	e.set(v)
	l.inLoop++
	e.while(func() {
		l.scalar(f.g.terms[lead].shift)
		e.get(l.w)
		e.emit(ir.OpI32LtS)
	}, func() {
		for _, t := range f.g.terms {
			l.addMonomial(t, s)
		}
		l.seriesFactor(r, s, f.pow)
		l.clearTable(s)
		e.inc(v, 1)
	})
	l.inLoop--
}

// clearTable zeroes table s.
func (l *seriesLowering) clearTable(s int) {
	e := l.e
	mark := e.next
	defer func() { e.next = mark }()
	p, stop := e.alloc(), e.alloc()
	l.base(s)
	e.set(p)
	e.get(p)
	e.get(l.w)
	e.emit(ir.OpI32Add)
	e.set(stop)
	e.zeroWords(p, stop)
}
