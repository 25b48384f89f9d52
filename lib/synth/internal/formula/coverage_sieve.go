package formula

// A sieve of Eratosthenes in the IR's memory, for programs that test
// many numbers for primality ("Primes p such that p+4 and p+12 are also
// prime.", "a(n) = prime(6*n - 5)"): each run first marks the odd
// composites below sieveTop (word i stands for 2i+1), then a primality
// test of an x below sieveTop is one load instead of a trial division;
// above it, trial division as before. The sieve costs each run about
// sieveFuel, so it is only the third lowering a formula tries (after the
// plain one and squaring, lowerSieve), and only for a formula whose plain
// program uses no memory of its own.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// sieveTop: the odd numbers below it have a word each.
const sieveTop = 2 * ir.MemWords

// sieveScanFuel is what the scan adds to its budget for a sieved program:
// the sieve's cost for each of the list scan's runs to n = scanN.
const sieveScanFuel = 20 * sieveFuel

// sieveFuel bounds the sieve's cost in one run (TestSieve measures it).
const sieveFuel = 400_000

// lowerSieve is lowerWith with a sieve: an error if x tests no number for
// primality, or its plain program uses memory.
func lowerSieve(x *node, exactBinomial bool) ([]ir.Op, error) {
	if !has(x, kIsPrime) && !hasCall(x, "prime") && !hasCall(x, "primepi") {
		return nil, fmt.Errorf("%w: no primality test", errLower)
	}
	return lowerTabled(x, exactBinomial, func(e *emitter) ([]ir.Op, error) {
		e.sieve = true
		return e.sieved(x)
	})
}

// sieveFor is lowerSieve where the plain program was refused for fuel
// (why, agreesWhy's reason: its scan was cut short), else an error: a
// sieve saves fuel, nothing else.
func sieveFor(why string, x *node, exactBinomial bool) ([]ir.Op, error) {
	if !strings.HasPrefix(why, "cut") || strings.Contains(why, "estimated past") {
		// refused for more than fuel, or for a cost a sieve does not
		// bring within ir.DefaultFuel (over four times it)
		return nil, fmt.Errorf("%w: refused for more than a sieve saves", errLower)
	}
	return lowerSieve(x, exactBinomial)
}

// sieved is program with the sieve first.
func (e *emitter) sieved(x *node) (ops []ir.Op, err error) {
	defer caught(&ops, &err)
	e.sieveTable()
	return e.program(x)
}

// sievePrologue is the opcodes every sieved program starts with.
var sievePrologue = func() []ir.Op {
	e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}}
	e.sieveTable()
	return e.ops
}()

// isSieved reports whether ops is a sieved program (the scan gives it
// more fuel: sieveScanFuel).
func isSieved(ops []ir.Op) bool {
	return len(ops) > len(sievePrologue) && slices.Equal(ops[:len(sievePrologue)], sievePrologue)
}

// sieveTable emits the sieve: word 0 (the number 1) is marked, then for
// each odd p with p*p < sieveTop not marked, the words of p*p, p*p + 2p,
// ... It leaves no local in use.
func (e *emitter) sieveTable() {
	mark := e.next
	defer func() { e.next = mark }()
	p, j, top := e.alloc(), e.alloc(), e.alloc()
	e.store(func() { e.emit(ir.OpConst0) }, func() { e.emit(ir.OpConst1) })
	e.konst(ir.MemWords)
	e.set(top)
	e.konst(3)
	e.set(p)
	e.while(func() {
		e.get(p)
		e.get(p)
		e.emit(ir.OpI32Mul)
		e.konst(sieveTop)
		e.emit(ir.OpI32LtS)
	}, func() {
		e.load(func() { e.get(p); e.emit(ir.OpConst2, ir.OpI32DivS) })
		e.emit(ir.OpConst0, ir.OpI32Eq, ir.OpIfBegin)
		e.get(p)
		e.get(p)
		e.emit(ir.OpI32Mul, ir.OpConst2, ir.OpI32DivS)
		e.set(j)
		e.while(func() { e.get(j); e.get(top); e.emit(ir.OpI32LtS) }, func() {
			e.store(func() { e.get(j) }, func() { e.emit(ir.OpConst1) })
			e.get(j)
			e.get(p)
			e.emit(ir.OpI32Add)
			e.set(j)
		})
		e.emit(ir.OpIfEnd)
		e.inc(p, 2)
	})
}

// isPrimeSieved pushes 1 if the value in home x is prime, else 0: below
// sieveTop from the sieve (2, or an odd x > 2 whose word is unmarked),
// else by trial division.
func (e *emitter) isPrimeSieved(x int) {
	e.get(x)
	e.konst(sieveTop)
	e.emit(ir.OpI32LtS, ir.OpIfBegin)
	e.get(x)
	e.emit(ir.OpConst2, ir.OpI32GtS, ir.OpIfBegin)
	e.get(x)
	e.emit(ir.OpConst2, ir.OpI32RemS) // 1 for an odd x > 0
	e.load(func() { e.get(x); e.emit(ir.OpConst2, ir.OpI32DivS) })
	e.emit(ir.OpConst0, ir.OpI32Eq, ir.OpI32Mul, ir.OpElse)
	e.get(x)
	e.emit(ir.OpConst2, ir.OpI32Eq, ir.OpIfEnd, ir.OpElse)
	e.oddTrialDiv(x) // fuel3_prime.go: x >= sieveTop, so never 2
	e.emit(ir.OpIfEnd)
}

// lowerTabled lowers x with a table in memory that program (given a fresh
// emitter, lazy "and"s first) sets up; an error if x's plain program keeps
// a table already, since the two would share the memory.
func lowerTabled(x *node, exactBinomial bool, program func(e *emitter) ([]ir.Op, error)) ([]ir.Op, error) {
	plain, err := lowerWith(x, exactBinomial)
	if err != nil {
		return nil, err
	}
	if slices.Contains(plain, ir.OpMemLoad) || slices.Contains(plain, ir.OpMemStore) {
		return nil, fmt.Errorf("%w: the program keeps a table already", errLower)
	}
	for _, lazy := range []bool{true, false} {
		e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}, exactBinomial: exactBinomial, lazy: lazy}
		var ops []ir.Op
		if ops, err = program(e); err == nil {
			return ops, nil
		}
	}
	return nil, err
}
