package formula

// Binomials under a mod (ringDiv, in a program that keeps no other table):
// "a(n) = binomial(2n-1, n-1) mod n", whose binomial passes i32 long
// before n = 100. binomial(a, b) mod m is read from row a of Pascal's
// triangle mod m, built in memory words 0..b by additions reduced as they
// go (row i from row i-1, right to left, word j for j = min(i, b) down to
// 1): about a*b additions, 150,000 fuel at a = 199, b = 99.

import (
	"slices"

	"github.com/irsynth/irsynth/lib/ir"
)

// keepsNoTable reports whether x's plain program lowers and addresses no
// memory (so a binomial under a mod may use it).
func keepsNoTable(x *node, exactBinomial bool) bool {
	ops, err := lowerWith(x, exactBinomial)
	return err == nil && !slices.Contains(ops, ir.OpMemLoad) && !slices.Contains(ops, ir.OpMemStore)
}

// binomRing pushes binomial(a, b) mod the value in home m, in 0..m-1
// for m > 0 (0 where b < 0 or b > a), when x is a binomial; else it
// reports false, emitting nothing. A program that keeps a table of its
// own (not memFree) fails to lower: the scan takes binomials under a mod
// as reduced (partsFit), which a plain binomial is not.
func (e *emitter) binomRing(x *node, m int) bool {
	if x.k != kCall || x.name != "binomial" || len(x.kids) != 2 {
		return false
	}
	if !e.memFree {
		e.fail("a binomial under a mod beside a table")
	}
	mark := e.next
	defer func() { e.next = mark }()
	a, b := e.copyOf(x.kids[0]), e.copyOf(x.kids[1])
	i, j := e.alloc(), e.alloc()
	// 0 <= b <= a, else 0
	e.get(b)
	e.emit(ir.OpConst0, ir.OpI32GeS)
	e.get(b)
	e.get(a)
	e.emit(ir.OpI32LeS, ir.OpI32Mul, ir.OpIfBegin)
	// row 0: word 0 is 1, words 1..b are 0
	e.store(func() { e.emit(ir.OpConst0) }, func() { e.emit(ir.OpConst1) })
	e.emit(ir.OpConst1)
	e.set(j)
	e.while(func() { e.get(j); e.get(b); e.emit(ir.OpI32LeS) }, func() {
		e.store(func() { e.get(j) }, func() { e.emit(ir.OpConst0) })
		e.inc(j, 1)
	})
	// rows 1..a
	e.emit(ir.OpConst1)
	e.set(i)
	e.while(func() { e.get(i); e.get(a); e.emit(ir.OpI32LeS) }, func() {
		// j = min(i, b)
		e.get(i)
		e.get(i)
		e.get(b)
		e.emit(ir.OpI32Sub)
		e.get(i)
		e.get(b)
		e.emit(ir.OpI32GtS, ir.OpI32Mul, ir.OpI32Sub)
		e.set(j)
		e.while(func() { e.get(j); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() {
			e.store(func() { e.get(j) }, func() {
				e.load(func() { e.get(j) })
				e.load(func() { e.get(j); e.emit(ir.OpConst1, ir.OpI32Sub) })
				e.emit(ir.OpI32Add)
				e.get(m)
				e.emit(ir.OpI32RemS)
			})
			e.inc(j, -1)
		})
		e.inc(i, 1)
	})
	e.load(func() { e.get(b) })
	e.get(m)
	e.emit(ir.OpI32RemS, ir.OpElse, ir.OpConst0, ir.OpIfEnd)
	return true
}

// wideReduced reports whether x, under a mod, is computed by the ringDiv
// lowering modulo the modulus as it goes: a binomial, a factorial, a
// Fibonacci or Lucas number (partsFit).
func wideReduced(x *node) bool {
	return x.k == kFact || x.k == kCall && (x.name == "binomial" || x.name == "fib" || x.name == "lucas")
}
