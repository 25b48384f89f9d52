package formula

// Quotients and residues of values that pass i32 on the way:
//
//   - under a mod, factorials and Fibonacci and Lucas numbers are reduced
//     as they go, like sums, products and powers (ring): "a(n) = n! mod
//     prime(n)" multiplies residues, never n!;
//   - floor(a/d) for an odd d > 0 is (a - r)/d with r = a mod d from the
//     reduced arithmetic, and the exact division done as multiplication
//     by the inverse of d mod 2^32 (Newton's iteration, x <- x*(2 - d*x),
//     from x = d, right to 3, 6, 12, 24, 48 bits): a - r is a multiple of d,
//     so the product is the quotient mod 2^32, which is the quotient
//     wherever it fits i32, however far a passed it ("a(n) =
//     floor(Fibonacci(n)/prime(n))", "floor(2^n/9)"); an even or
//     negative d takes the plain division. This is the ringDiv lowering,
//     tried after the others (lowerLast).

import (
	"fmt"

	"github.com/irsynth/irsynth/lib/ir"
)

// lowerLast tries the lowerings that come after the plain one, squaring
// and the sieve: binomials from Pascal's triangle (eqn_pascal.go), then
// ringDiv, then long numbers for digits (wide_digits.go); the first that
// agrees (ok, told which lowering it checks: scanMode) wins.
func lowerLast(y *node, exact bool, ok func(ops []ir.Op, mode scanMode) bool) ([]ir.Op, error) {
	if ops, err := lowerPascal(y, exact); err == nil && ok(ops, scanPlain) {
		return ops, nil
	}
	if ops, err := lowerRingDiv(y, exact); err == nil && ok(ops, scanRingDiv) {
		return ops, nil
	}
	if ops, err := lowerBigDigits(y, exact); err == nil && ok(ops, scanBig) {
		return ops, nil // wide_digits.go
	}
	return nil, fmt.Errorf("%w: no later lowering agrees", errLower)
}

// lowerRingDiv is lowerWith with floor divisions by an odd divisor
// through residues (ringDiv); an error if x has no floor division, or no
// factorial or Fibonacci number under a mod.
func lowerRingDiv(x *node, exactBinomial bool) ([]ir.Op, error) {
	if !has(x, kFloorDiv) && !has(x, kMod) && !has(x, kDivT) {
		return nil, fmt.Errorf("%w: no division", errLower)
	}
	memFree := hasCall(x, "binomial") && keepsNoTable(x, exactBinomial) // wide_binom.go
	var err error
	for _, lazy := range []bool{true, false} {
		e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}, exactBinomial: exactBinomial, lazy: lazy, ringDiv: true, memFree: memFree}
		var ops []ir.Op
		if ops, err = e.program(x); err == nil {
			return ops, nil
		}
	}
	return nil, err
}

// ringMore reduces, for ring, the parts it would otherwise compute whole:
// factorials, Fibonacci and Lucas numbers, each modulo the value in home
// m as it goes (ringDiv only). It reports whether it pushed x's value.
func (e *emitter) ringMore(x *node, m int) bool {
	if !e.ringDiv {
		return false
	}
	if e.ringQuot(x, m) || e.binomRing(x, m) { // wide_div.go, wide_binom.go
		return true
	}
	switch {
	case x.k == kFact:
		c := e.copyOf(x.kids[0])
		r := e.alloc()
		e.emit(ir.OpConst1)
		e.set(r)
		e.while(func() { e.get(c); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() {
			e.get(r)
			e.get(c)
			e.get(m)
			e.emit(ir.OpI32RemS, ir.OpI32Mul)
			e.get(m)
			e.emit(ir.OpI32RemS)
			e.set(r)
			e.inc(c, -1)
		})
		e.get(r)
		return true
	case x.k == kCall && (x.name == "fib" || x.name == "lucas"):
		e.fib(x.kids[0], x.name == "lucas", m)
		return true
	}
	return false
}

// floorDivRing pushes floor(a/b) (ringDiv): for an odd b > 0 from a's
// residue and the inverse of b mod 2^32, else by plain division.
func (e *emitter) floorDivRing(a, b *node) {
	if b.k == kNum && b.val%2 == 0 && e.wideQuot(a, b.val, false) {
		return // wide_div.go: an even constant divisor
	}
	mark := e.next
	defer func() { e.next = mark }()
	lb := e.hold(b)
	// b odd and positive: b rem 2 = 1
	e.get(lb)
	e.emit(ir.OpConst2, ir.OpI32RemS, ir.OpConst1, ir.OpI32Eq, ir.OpIfBegin)
	r, inv := e.alloc(), e.alloc()
	e.ring(a, lb) // in (-b, b)
	e.get(lb)
	e.emit(ir.OpI32Add)
	e.get(lb)
	e.emit(ir.OpI32RemS)
	e.set(r)
	e.get(lb)
	e.set(inv)
	for range 4 { // inv <- inv*(2 - b*inv): 3, 6, 12, 24, 48 bits
		e.get(inv)
		e.emit(ir.OpConst2)
		e.get(lb)
		e.get(inv)
		e.emit(ir.OpI32Mul, ir.OpI32Sub, ir.OpI32Mul)
		e.set(inv)
	}
	e.lower(a)
	e.get(r)
	e.emit(ir.OpI32Sub)
	e.get(inv)
	e.emit(ir.OpI32Mul, ir.OpElse)
	e.ringDiv = false
	e.floorDiv(a, vrAt(e, lb))
	e.ringDiv = true
	e.emit(ir.OpIfEnd)
}

// eqnFloorArgs: the number of primes up to a real x is primepi(floor(x)),
// "a(n) = pi(n) - pi(sqrt(n)) + 1": primepi of an argument with a square
// root or a division takes its floor (normalize reads floor(sqrt(m)) as
// isqrt(m)). Other nodes are kept as they are.
func eqnFloorArgs(x *node) *node {
	if len(x.kids) == 0 {
		return x
	}
	y := *x
	y.kids = make([]*node, len(x.kids))
	for i, k := range x.kids {
		if k != nil {
			y.kids[i] = eqnFloorArgs(k)
		}
	}
	if y.k == kCall && y.name == "primepi" && len(y.kids) == 1 && (hasCall(y.kids[0], "sqrt") || has(y.kids[0], kDiv)) {
		y.kids[0] = un(kFloor, y.kids[0])
	}
	return &y
}
