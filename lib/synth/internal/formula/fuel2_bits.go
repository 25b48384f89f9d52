package formula

// Bitwise AND, OR and XOR of values of either sign: digitfns.go's
// bitwise reads bits from the low end while the operands are positive,
// so a value that wrapped past 2^31 ("a(n) = a(n-1) XOR (a(n-1) +
// a(n-2))": the sum wraps while the result, a ring image of the exact
// one, still fits) gives a wrong bit string. The three operations act on
// each bit alone, so on 32-bit two's complement words they give the low
// 32 bits of the exact result whatever the operands' signs; bitwise32
// reads all 32 bits from the top (the sign bit: x < 0), shifting left by
// doubling. It is a lowering of its own (more fuel than bitwise's for
// small operands), tried last.

import (
	"fmt"

	"github.com/irsynth/irsynth/lib/ir"
)

// lowerBits32 is lowerWith with bitwise operations on 32 bits; an error
// where x has none.
func lowerBits32(x *node, exactBinomial bool) ([]ir.Op, error) {
	if !hasCall(x, "bitand") && !hasCall(x, "bitor") && !hasCall(x, "bitxor") {
		return nil, fmt.Errorf("%w: no bitwise operation", errLower)
	}
	var err error
	for _, lazy := range []bool{true, false} {
		e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}, exactBinomial: exactBinomial, lazy: lazy, bits32: true}
		var ops []ir.Op
		if ops, err = e.program(x); err == nil {
			return ops, nil
		}
	}
	return nil, err
}

// bitwise32 pushes bitand, bitor or bitxor of x and y on all 32 bits:
// 32 times, r = 2r + op(x < 0, y < 0), x = 2x, y = 2y.
func (e *emitter) bitwise32(name string, x, y *node) {
	lx, ly := e.copyOf(x), e.copyOf(y)
	r, i := e.alloc(), e.alloc()
	e.emit(ir.OpConst0)
	e.set(r)
	e.konst(32)
	e.set(i)
	top := func(l int) { e.get(l); e.emit(ir.OpConst0, ir.OpI32LtS) }
	e.while(func() { e.get(i); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() {
		e.get(r)
		e.get(r)
		e.emit(ir.OpI32Add)
		top(lx)
		top(ly)
		e.bitOp(name)
		e.emit(ir.OpI32Add)
		e.set(r)
		for _, l := range []int{lx, ly} {
			e.get(l)
			e.get(l)
			e.emit(ir.OpI32Add)
			e.set(l)
		}
		e.inc(i, -1)
	})
	e.get(r)
}
