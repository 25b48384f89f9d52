package formula

import "github.com/irsynth/irsynth/lib/ir"

// A binomial factor (1 + c x^e)^m whose multiplicity m varies with the
// product's variable, "Product_{k>=1} (1+x^k)^(k*(k-1))", multiplied in
// by its binomial coefficients rather than by |m| passes (|m| grows like
// k^2 there): B[j*e] = C(m, j) c^j is built in a table of its own, then
// R[i] = Sum_j B[j*e] R[i-j*e] for i = N down to e, in place.
//
// C(m, j) = Prod_{i=1..j} (m-i+1) / j! is ring arithmetic once the powers
// of 2 are kept apart: an odd number is a unit mod 2^32 (its inverse by
// Newton's iteration z = z*(2 - y*z), from z = y, exact to 3 bits, then
// 6, 12, 24, 48), so with P the product of the odd parts of the
// numerators times the inverses of the odd parts of 1..j, and s the
// 2-adic valuation of C(m, j) (numerators' less j!'s, never negative),
// C(m, j) = P * 2^s mod 2^32 exactly. m must be exact in i32 (the
// evaluator bounds it, maxBinomialPow); a zero numerator makes every
// later coefficient 0.

// binomialCoefs multiplies table r by (1 + c x^e)^m, e in local le
// (1 <= e < W), m a scalar over the bound variables, using table bt for
// the coefficients.
func (l *seriesLowering) binomialCoefs(m *node, r, le int, c int64, bt int) {
	e := l.e
	mark := e.next
	defer func() { e.next = mark }()
	q, p, s, x, z := e.alloc(), e.alloc(), e.alloc(), e.alloc(), e.alloc()
	addr := func(t, at int) { // push the address of word at of table t
		e.get(at)
		if t != 0 {
			l.base(t)
			e.emit(ir.OpI32Add)
		}
	}
	// strip divides x by 2 while it is even, adding d to s each time
	strip := func(d int64) {
		e.while(func() {
			e.get(x)
			e.emit(ir.OpConst2, ir.OpI32RemS, ir.OpConst0, ir.OpI32Eq)
		}, func() {
			e.get(x)
			e.emit(ir.OpConst2, ir.OpI32DivS)
			e.set(x)
			e.inc(s, d)
		})
	}
	e.emit(ir.OpConst1)
	e.set(p)
	e.emit(ir.OpConst0)
	e.set(s)
	e.get(le)
	e.set(q)
	e.while(func() { e.get(q); e.get(l.w); e.emit(ir.OpI32LtS) }, func() {
		// x = m - j + 1, j = q/e: P times its odd part (0 from a zero on)
		l.scalar(m)
		e.get(q)
		e.get(le)
		e.emit(ir.OpI32DivS, ir.OpI32Sub, ir.OpConst1, ir.OpI32Add)
		e.emit(ir.LocalTee(x))
		e.emit(ir.OpConst0, ir.OpI32Eq, ir.OpIfBegin, ir.OpConst0)
		e.set(p)
		e.emit(ir.OpElse)
		strip(1)
		e.get(p)
		e.get(x)
		e.emit(ir.OpI32Mul)
		e.set(p)
		e.emit(ir.OpIfEnd)
		// x = j: P times the inverse of its odd part
		e.get(q)
		e.get(le)
		e.emit(ir.OpI32DivS)
		e.set(x)
		strip(-1)
		e.get(x)
		e.set(z)
		for range 4 {
			e.get(z)
			e.emit(ir.OpConst2)
			e.get(x)
			e.get(z)
			e.emit(ir.OpI32Mul, ir.OpI32Sub, ir.OpI32Mul)
			e.set(z)
		}
		e.get(p)
		e.get(z)
		e.emit(ir.OpI32Mul)
		if c != 1 {
			e.konst(c)
			e.emit(ir.OpI32Mul)
		}
		e.set(p)
		// B[q] = P * 2^s
		addr(bt, q)
		e.get(p)
		e.emit(ir.OpMemStore)
		e.get(s)
		e.set(z)
		e.while(func() { e.get(z); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() {
			addr(bt, q)
			addr(bt, q)
			e.emit(ir.OpMemLoad, ir.OpConst2, ir.OpI32Mul, ir.OpMemStore)
			e.inc(z, -1)
		})
		e.get(q)
		e.get(le)
		e.emit(ir.OpI32Add)
		e.set(q)
	})
	// R[i] += Sum_{q = e, 2e, ... <= i} B[q] R[i-q], i = N down to e
	i, acc := p, s
	e.get(l.w)
	e.emit(ir.OpConst1, ir.OpI32Sub)
	e.set(i)
	e.while(func() { e.get(i); e.get(le); e.emit(ir.OpI32GeS) }, func() {
		addr(r, i)
		e.emit(ir.OpMemLoad)
		e.set(acc)
		e.get(le)
		e.set(q)
		e.while(func() { e.get(q); e.get(i); e.emit(ir.OpI32LeS) }, func() {
			addr(bt, q)
			e.emit(ir.OpMemLoad)
			e.get(i)
			e.get(q)
			e.emit(ir.OpI32Sub)
			if r != 0 {
				l.base(r)
				e.emit(ir.OpI32Add)
			}
			e.emit(ir.OpMemLoad, ir.OpI32Mul)
			e.get(acc)
			e.emit(ir.OpI32Add)
			e.set(acc)
			e.get(q)
			e.get(le)
			e.emit(ir.OpI32Add)
			e.set(q)
		})
		addr(r, i)
		e.get(acc)
		e.emit(ir.OpMemStore)
		e.inc(i, -1)
	})
}
