package formula

// Primality by trial division over a wheel of 30, for programs refused
// for fuel ("Numbers m such that m^3 + m + 1 is prime.", "Primes p such
// that p^2 + (p+1)/2 is also prime."): a loop entry costs every opcode of
// its loop (ir: LoopCosts), and isPrime's loop tests two divisors (d, d+2
// for d = 5, 11, ...) in 32 opcodes, 160 for each 30 numbers; the wheel's
// loop tests the eight divisors coprime to 30 in one block of 89. The
// wheel lowering is tried last, only for a formula whose other lowerings
// were refused, so every program that was offered before is unchanged.

import (
	"fmt"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// wheelFor is the wheel lowering where the plain program was refused for
// fuel (why, agreesWhy's reason: its scan was cut short), else an error.
func wheelFor(why string, x *node, exactBinomial bool) ([]ir.Op, error) {
	if !strings.HasPrefix(why, "cut") {
		return nil, fmt.Errorf("%w: refused for more than fuel", errLower)
	}
	if !wheelTest(x) {
		return nil, fmt.Errorf("%w: no primality test of a value", errLower)
	}
	var err error
	for _, lazy := range []bool{true, false} {
		e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}, exactBinomial: exactBinomial, lazy: lazy, wheel: true}
		var ops []ir.Op
		if ops, err = e.program(x); err == nil {
			return ops, nil
		}
	}
	return nil, err
}

// wheelTest reports whether x tests a value that is not a bare variable
// for primality (the wheel's test: a list's own candidates, scanned one
// by one and mostly with small factors, keep isPrime's cheaper entry).
func wheelTest(x *node) bool {
	if x.k == kIsPrime && x.kids[0].k != kVar {
		return true
	}
	for _, k := range x.kids {
		if wheelTest(k) {
			return true
		}
	}
	return false
}

// wheelSteps: from a block's first divisor d (7 mod 30), the steps to
// the next seven divisors coprime to 30 (d+4, d+6, d+10, d+12, d+16,
// d+22, d+24); the block then moves d on by 6 more, to d+30.
var wheelSteps = [7]int64{4, 2, 4, 2, 4, 6, 2}

// isPrimeWheel pushes 1 if the value in home x is prime, else 0: 2, 3 or
// 5, or x >= 7 coprime to 30 with no divisor d coprime to 30, 7 <= d <=
// sqrt(x). Block by block from d = 7: while d <= x/d (d*d <= x, never
// wrapping), f is the product, over the pairs of the block's eight
// divisors, of [(x rem a)*(x rem b) != 0] (each remainder is below
// 2^16, so the product wraps to 0 only if it is 0); the loop goes on
// while f != 0. x is prime if f != 0 when it stops (every divisor up to
// sqrt(x) tested). A block entered has d*d <= x, so its largest divisor
// d+24 < 7d <= d*d <= x: a divisor it finds is a proper one.
func (e *emitter) isPrimeWheel(x int) {
	mark := e.next
	defer func() { e.next = mark }()
	d, f := e.alloc(), e.alloc()
	// x in {2, 3, 5}
	e.get(x)
	e.emit(ir.OpConst2, ir.OpI32Eq)
	for _, p := range []int64{3, 5} {
		e.get(x)
		e.konst(p)
		e.emit(ir.OpI32Eq, ir.OpI32Add)
	}
	// or: x >= 7 with x rem 2, x rem 3, x rem 5 all nonzero (x > 0: their
	// product is at most 8)
	e.get(x)
	e.konst(7)
	e.emit(ir.OpI32GeS)
	for _, p := range []int64{2, 3, 5} {
		e.get(x)
		e.konst(p)
		e.emit(ir.OpI32RemS, ir.OpI32Mul)
	}
	e.emit(ir.OpIfBegin)
	e.konst(7)
	e.set(d)
	e.emit(ir.OpConst1)
	e.set(f)
	rem := func(step int64) { // pushes x rem d, d first moved on by step
		e.get(x)
		e.get(d)
		if step > 0 {
			e.konst(step)
			e.emit(ir.OpI32Add, ir.LocalTee(d))
		}
		e.emit(ir.OpI32RemS)
	}
	e.emit(ir.OpLoopBegin)
	e.get(d)
	e.get(x)
	e.get(d)
	e.emit(ir.OpI32DivS, ir.OpI32LeS, ir.OpIfBegin)
	steps := append([]int64{0}, wheelSteps[:]...)
	for i := 0; i < len(steps); i += 2 {
		rem(steps[i])
		rem(steps[i+1])
		e.emit(ir.OpI32Mul, ir.OpConst0, ir.OpI32Ne)
		if i > 0 {
			e.emit(ir.OpI32Mul)
		}
	}
	e.emit(ir.LocalTee(f))
	e.inc(d, 6)
	e.emit(ir.OpBrIf, ir.OpIfEnd, ir.OpLoopEnd)
	e.get(f)
	e.emit(ir.OpConst0, ir.OpI32Ne, ir.OpElse, ir.OpConst0, ir.OpIfEnd, ir.OpI32Add)
}
