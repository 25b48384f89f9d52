package formula

// Functions of a number's factorization and of its digits, lowered to
// trial division and to repeated division by the base.

import "github.com/irsynth/irsynth/lib/ir"

// factorFn pushes a function of x's factorization (see
// evaluator.factorFn): m = x, p = 2, 3, ... while p*p <= m; at each p
// dividing m, onPrime, then divide m by p as long as it divides, onPower
// after each division; a rest m > 1 is a prime of exponent 1.
func (e *emitter) factorFn(name string, x *node) {
	m := e.copyOf(x)
	acc, p := e.alloc(), e.alloc()
	switch name {
	case "phi": // r = x * prod (1 - 1/p)
		e.get(m)
	case "mu", "lpf", "gpf", "rad":
		e.emit(ir.OpConst1)
	default:
		e.emit(ir.OpConst0)
	}
	e.set(acc)
	// the updates, with the prime's home q (p, or m for the rest)
	onPrime := func(q int) {
		switch name {
		case "mu": // acc = -acc, and 0 if q^2 divides m
			e.emit(ir.OpConst0)
			e.get(acc)
			e.emit(ir.OpI32Sub)
			e.set(acc)
			e.get(m)
			e.get(q)
			e.emit(ir.OpI32DivS)
			e.get(q)
			e.emit(ir.OpI32RemS, ir.OpConst0, ir.OpI32Eq, ir.OpIfBegin, ir.OpConst0)
			e.set(acc)
			e.emit(ir.OpIfEnd)
		case "phi": // acc -= acc/q
			e.get(acc)
			e.get(acc)
			e.get(q)
			e.emit(ir.OpI32DivS, ir.OpI32Sub)
			e.set(acc)
		case "omega":
			e.inc(acc, 1)
		case "lpf": // the first prime found: acc is still 1
			e.get(acc)
			e.emit(ir.OpConst1, ir.OpI32Eq, ir.OpIfBegin)
			e.get(q)
			e.set(acc)
			e.emit(ir.OpIfEnd)
		case "gpf":
			e.get(q)
			e.set(acc)
		case "rad":
			e.get(acc)
			e.get(q)
			e.emit(ir.OpI32Mul)
			e.set(acc)
		case "sopf":
			e.get(acc)
			e.get(q)
			e.emit(ir.OpI32Add)
			e.set(acc)
		}
	}
	onPower := func(q int) {
		switch name {
		case "bigomega":
			e.inc(acc, 1)
		case "sopfr":
			e.get(acc)
			e.get(q)
			e.emit(ir.OpI32Add)
			e.set(acc)
		}
	}
	e.emit(ir.OpConst2)
	e.set(p)
	e.while(func() { e.get(p); e.get(p); e.emit(ir.OpI32Mul); e.get(m); e.emit(ir.OpI32LeS) }, func() {
		e.get(m)
		e.get(p)
		e.emit(ir.OpI32RemS, ir.OpConst0, ir.OpI32Eq, ir.OpIfBegin)
		onPrime(p)
		e.emit(ir.OpLoopBegin)
		e.get(m)
		e.get(p)
		e.emit(ir.OpI32DivS)
		e.set(m)
		onPower(p)
		e.get(m)
		e.get(p)
		e.emit(ir.OpI32RemS, ir.OpConst0, ir.OpI32Eq, ir.OpBrIf, ir.OpLoopEnd, ir.OpIfEnd)
		e.inc(p, 1)
	})
	e.get(m)
	e.emit(ir.OpConst1, ir.OpI32GtS, ir.OpIfBegin)
	onPrime(m)
	onPower(m)
	e.emit(ir.OpIfEnd)
	e.get(acc)
}

// primePi pushes the number of primes q <= x: isPrime on q = 2..x.
func (e *emitter) primePi(x *node) {
	if e.sieve {
		e.primePiSieved(x) // fuel3_prime.go
		return
	}
	e.primePiScan(e.hold(x)) // fuel3_prime.go
}

// digitFn pushes a function of x's digits in base b (see digitFn; d: the
// digit digcount counts, else nil): m = x,
// then digits m mod b while m /= b leaves something; the number of digits
// counts at least one (m = 0 has the digit 0).
func (e *emitter) digitFn(name string, x, b, d *node) {
	m := e.copyOf(x)
	lb := e.hold(b)
	ld := -2
	if d != nil {
		ld = e.hold(d)
	}
	acc := e.alloc()
	e.emit(ir.OpConst0)
	e.set(acc)
	e.emit(ir.OpLoopBegin)
	switch name {
	case "digsum":
		e.get(acc)
		e.get(m)
		e.get(lb)
		e.emit(ir.OpI32RemS, ir.OpI32Add)
	case "ndigits":
		e.get(acc)
		e.emit(ir.OpConst1, ir.OpI32Add)
	case "digcount":
		e.get(acc)
		e.get(m)
		e.get(lb)
		e.emit(ir.OpI32RemS)
		e.get(ld)
		e.emit(ir.OpI32Eq, ir.OpI32Add)
	case "rev":
		e.get(acc)
		e.get(lb)
		e.emit(ir.OpI32Mul)
		e.get(m)
		e.get(lb)
		e.emit(ir.OpI32RemS, ir.OpI32Add)
	}
	e.set(acc)
	e.get(m)
	e.get(lb)
	e.emit(ir.OpI32DivS)
	e.tee(m)
	e.emit(ir.OpBrIf, ir.OpLoopEnd) // on while m != 0
	e.get(acc)
}
