package formula

// gcd of a value past i32: "a(n) = Sum_{i=1..n} gcd(n^(n-i), n-i)"
// takes the gcd of a power that wraps. gcd(a, b) = gcd(a mod b, b) for b
// != 0, and a mod b is what ring (lower.go) computes without passing
// |b|: sums, products and powers reduced as they go. So the gcdRing
// lowering reduces the operand that holds a power or a factorial (the
// first where both or neither do) modulo the other, then runs Euclid's
// algorithm; with the other 0 the gcd is |a| as before. Tried last.

import (
	"fmt"

	"github.com/irsynth/irsynth/lib/ir"
)

// lowerGcdRing is lowerWith with gcds through residues; an error where
// x has no gcd.
func lowerGcdRing(x *node, exactBinomial bool) ([]ir.Op, error) {
	if !hasCall(x, "gcd") {
		return nil, fmt.Errorf("%w: no gcd", errLower)
	}
	var err error
	for _, lazy := range []bool{true, false} {
		e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}, exactBinomial: exactBinomial, lazy: lazy, gcdRing: true}
		var ops []ir.Op
		if ops, err = e.program(x); err == nil {
			return ops, nil
		}
	}
	return nil, err
}

// gcdReduced pushes gcd(a, b) >= 0: the operand with a power or a
// factorial reduced modulo the other where that is not 0.
func (e *emitter) gcdReduced(a, b *node) {
	if hasBig(b) && !hasBig(a) {
		a, b = b, a
	}
	mark := e.next
	defer func() { e.next = mark }()
	lb := e.hold(b)
	x, y := e.alloc(), e.alloc()
	e.abs(func() { e.get(lb) })
	e.set(y)
	e.get(y)
	e.emit(ir.OpIfBegin)
	e.abs(func() { e.ring(a, y) }) // |a mod b|, below |b|
	e.emit(ir.OpElse)
	e.abs(func() { e.lower(a) })
	e.emit(ir.OpIfEnd)
	e.set(x)
	e.euclid(x, y)
	e.get(x)
}
