package formula

import "github.com/irsynth/irsynth/lib/ir"

// isqrtNewton pushes floor(sqrt(x)) (0 for x < 1) by Newton's method in
// integers, r <- (r + x/r)/2 while that decreases, from r0 = (x/256 +
// 256)/2 + 1, which is at least sqrt(x) (the mean of x/256 and 256 is at
// least their geometric mean): a few steps for the x of a list's
// predicate, where isqrt's binary search always takes 16, so "is a
// square" costs a list a fraction of the fuel. r + x/r stays below 2^23.
func (e *emitter) isqrtNewton(x *node) {
	mark := e.next
	defer func() { e.next = mark }()
	lx := e.hold(x)
	r, q := e.alloc(), e.alloc()
	e.get(lx)
	e.emit(ir.OpConst1, ir.OpI32LtS, ir.OpIfBegin, ir.OpConst0, ir.OpElse)
	e.get(lx)
	e.konst(256)
	e.emit(ir.OpI32DivS)
	e.konst(256)
	e.emit(ir.OpI32Add, ir.OpConst2, ir.OpI32DivS, ir.OpConst1, ir.OpI32Add)
	e.set(r)
	e.while(func() { // q = (r + x/r)/2 < r
		e.get(r)
		e.get(lx)
		e.get(r)
		e.emit(ir.OpI32DivS, ir.OpI32Add, ir.OpConst2, ir.OpI32DivS, ir.LocalTee(q))
		e.get(r)
		e.emit(ir.OpI32LtS)
	}, func() {
		e.get(q)
		e.set(r)
	})
	e.get(r)
	e.emit(ir.OpIfEnd)
}
