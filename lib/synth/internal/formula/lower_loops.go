package formula

// The number-theoretic and counting constructs of the lowering: each is a
// loop (or a few) over locals taken above those in use.

import (
	"fmt"
	"strconv"

	"github.com/irsynth/irsynth/lib/ir"
)

func (e *emitter) call(x *node) {
	if e.bigDigitFn(x) { // wide_digits.go
		return
	}
	a := x.kids
	switch x.name {
	case "binomial":
		e.binomial(a[0], a[1])
	case "gcd":
		if e.gcdRing { // fuel2_gcd.go: the larger operand reduced modulo the other
			e.gcdReduced(a[0], a[1])
			break
		}
		e.gcd(a[0], a[1])
	case "kronecker": // cases_kron.go
		e.kronecker(a[0], a[1])
	case "lcm": // |(a / gcd(a, b)) * b|: divided before the product wraps (wrapsafe.go)
		la, lb := e.hold(a[0]), e.hold(a[1])
		e.gcd(vrAt(e, la), vrAt(e, lb))
		t := e.alloc()
		e.set(t)
		e.get(la)
		e.get(t)
		e.emit(ir.OpI32DivS)
		e.get(lb)
		e.emit(ir.OpI32Mul)
		e.set(t)
		e.abs(func() { e.get(t) })
	case "min", "max":
		la, lb := e.hold(a[0]), e.hold(a[1])
		e.get(la)
		e.get(lb)
		if x.name == "min" {
			e.emit(ir.OpI32LtS)
		} else {
			e.emit(ir.OpI32GtS)
		}
		e.emit(ir.OpIfBegin)
		e.get(la)
		e.emit(ir.OpElse)
		e.get(lb)
		e.emit(ir.OpIfEnd)
	case "abs":
		la := e.hold(a[0])
		e.abs(func() { e.get(la) })
	case "sigma", "tau":
		e.sumDiv(&node{k: kSumDiv, name: "d_", kids: []*node{a[0], map[bool]*node{true: vr("d_"), false: num(1)}[x.name == "sigma"]}})
	case "prime":
		e.prime(a[0])
	case "fib", "lucas":
		e.fib(a[0], x.name == "lucas", -2)
	case "isqrt":
		e.isqrtNewton(a[0]) // coverage_isqrt.go; e.isqrt is the binary search
	case "fsqrt": // floor(a0*sqrt(a1)): beatty.go
		e.floorSqrt(a[0], a[1].val)
	case "fmulc": // floor(a0*c), c Pi, e, 1/Pi or 1/e: transc.go
		e.floorMulConst(a[0], a[1].val)
	case "let_": // a1 bound to name a0 in a2: beatty.go
		l := e.hold(a[1])
		old, had := e.env[a[0].name]
		e.env[a[0].name] = l
		e.lower(a[2])
		e.restore(a[0].name, old, had)
	case "phi", "mu", "omega", "bigomega", "lpf", "gpf", "rad", "sopf", "sopfr":
		e.factorFn(x.name, a[0])
	case "runrank_": // sets3_runs.go
		e.runRankLower(x)
	case "digrank_": // sets3_digits.go
		e.digRankLower(x)
	case "collatz_": // collatz.go
		e.collatz(a[0], a[1].val)
	case "mdr_": // sets3_mdr.go
		e.mdr(a[0], a[1].val)
	case "powprod_": // lists3_powprod.go
		e.powProdLower(x)
	case "pfcount_": // readers3_pfac.go
		e.pfCount(x)
	case "smooth_": // sets3.go
		e.smooth(a[0], a[1].val)
	case "primepi":
		e.primePi(a[0])
	case "digsum", "ndigits", "rev":
		e.digitFn(x.name, a[0], a[1], nil)
	case "digcount":
		e.digitFn(x.name, a[0], a[1], a[2])
	default:
		if _, ok := digitArity[x.name]; ok {
			e.digitCall(x)
			return
		}
		e.fail("no lowering for %s", x.name)
	}
}

// vrAt names home l for a nested lowering.
func vrAt(e *emitter, l int) *node {
	name := fmt.Sprintf("$%d", l)
	e.env[name] = l
	return vr(name)
}

// abs pushes |v| where push pushes v (twice, so it must be cheap).
func (e *emitter) abs(push func()) {
	push()
	e.emit(ir.OpConst0, ir.OpI32LtS, ir.OpIfBegin, ir.OpConst0)
	push()
	e.emit(ir.OpI32Sub, ir.OpElse)
	push()
	e.emit(ir.OpIfEnd)
}

// gcd: Euclid on absolute values; gcd(0, 0) = 0.
func (e *emitter) gcd(a, b *node) {
	la, lb := e.hold(a), e.hold(b)
	x, y := e.alloc(), e.alloc()
	e.abs(func() { e.get(la) })
	e.set(x)
	e.abs(func() { e.get(lb) })
	e.set(y)
	e.euclid(x, y)
	e.get(x)
}

// binomial(a, b): the product of (a-i)/(i+1) for i < b, exact at every
// step; 0 for b < 0, and 0 for 0 <= a < b since a factor is 0.
func (e *emitter) binomial(a, b *node) {
	if e.pascal {
		e.binomialPascal(a, b) // eqn_pascal.go
		return
	}
	la := e.hold(a)
	if e.wrapSafe && b.k == kNum && b.val >= 2 && b.val <= 12 {
		e.binomialSplit(la, b.val) // wrapsafe.go
		return
	}
	if b.k == kNum && b.val <= 30 && !e.exactBinomial {
		if b.val < 0 {
			e.emit(ir.OpConst0)
			return
		}
		e.emit(ir.OpConst1)
		for i := int64(0); i < b.val; i++ {
			e.get(la)
			if i > 0 {
				e.konst(i)
				e.emit(ir.OpI32Sub)
			}
			e.emit(ir.OpI32Mul)
			if i > 0 {
				e.konst(i + 1)
				e.emit(ir.OpI32DivS)
			}
		}
		return
	}
	// k = b, or a-b when that is smaller (a >= b >= 0), or -1 when
	// a >= 0 and b > a: the loop never passes through C(a, a/2) on its way
	// to a small C(a, b).
	k := e.copyOf(b)
	e.get(la)
	e.emit(ir.OpConst0, ir.OpI32GeS, ir.OpIfBegin)
	e.get(k)
	e.get(la)
	e.emit(ir.OpI32GtS, ir.OpIfBegin, ir.OpConst0, ir.OpConst1, ir.OpI32Sub)
	e.set(k)
	e.emit(ir.OpElse)
	e.get(la)
	e.get(k)
	e.emit(ir.OpI32Sub)
	e.get(k)
	e.emit(ir.OpI32LtS, ir.OpIfBegin)
	e.get(la)
	e.get(k)
	e.emit(ir.OpI32Sub)
	e.set(k)
	e.emit(ir.OpIfEnd, ir.OpIfEnd, ir.OpIfEnd)
	i, r := e.alloc(), e.alloc()
	e.emit(ir.OpConst0)
	e.set(i)
	e.emit(ir.OpConst1)
	e.set(r)
	if e.exactBinomial {
		e.binomialSteps(la, k, i, r)
	} else {
		e.while(func() { e.get(i); e.get(k); e.emit(ir.OpI32LtS) }, func() {
			e.get(r)
			e.get(la)
			e.get(i)
			e.emit(ir.OpI32Sub, ir.OpI32Mul)
			e.get(i)
			e.emit(ir.OpConst1, ir.OpI32Add, ir.OpI32DivS)
			e.set(r)
			e.inc(i, 1)
		})
	}
	e.get(r)
	e.get(k)
	e.emit(ir.OpConst0, ir.OpI32GeS, ir.OpI32Mul)
}

// binomialSteps: r = C(a, i+1) = r*(a-i)/(i+1) for i = 0..k-1, as
// (r/g) * ((a-i) / ((i+1)/g)) with g = gcd(r, i+1): (i+1)/g divides a-i,
// and no partial value passes the result.
func (e *emitter) binomialSteps(la, k, i, r int) {
	x, y := e.alloc(), e.alloc()
	e.while(func() { e.get(i); e.get(k); e.emit(ir.OpI32LtS) }, func() {
		e.get(r)
		e.set(x)
		e.get(i)
		e.emit(ir.OpConst1, ir.OpI32Add)
		e.set(y)
		e.euclid(x, y)
		e.get(r)
		e.get(x)
		e.emit(ir.OpI32DivS)
		e.get(la)
		e.get(i)
		e.emit(ir.OpI32Sub)
		e.get(i)
		e.emit(ir.OpConst1, ir.OpI32Add)
		e.get(x)
		e.emit(ir.OpI32DivS, ir.OpI32DivS, ir.OpI32Mul)
		e.set(r)
		e.inc(i, 1)
	})
}

// bigOp: Sum or Product over k = lo..hi of body. From a constant lo
// the loop counts down from hi, so hi needs no local of its own (the
// terms' order does not change an i32 sum or product).
func (e *emitter) bigOp(x *node) {
	var k, hi int
	down := x.kids[0].k == kNum
	if down {
		k = e.copyOf(x.kids[1])
	} else {
		k = e.copyOf(x.kids[0])
		hi = e.hold(x.kids[1])
	}
	acc := e.alloc()
	op := ir.OpI32Add
	if x.k == kProd {
		op = ir.OpI32Mul
		e.emit(ir.OpConst1)
	} else {
		e.emit(ir.OpConst0)
	}
	e.set(acc)
	old, had := e.env[x.name]
	e.env[x.name] = k
	e.while(func() {
		if down {
			e.get(k)
			e.konst(x.kids[0].val)
			e.emit(ir.OpI32GeS)
		} else {
			e.get(k)
			e.get(hi)
			e.emit(ir.OpI32LeS)
		}
	}, func() {
		e.get(acc)
		e.lower(x.kids[2])
		e.emit(op)
		e.set(acc)
		if down {
			e.inc(k, -1)
		} else {
			e.inc(k, 1)
		}
	})
	e.restore(x.name, old, had)
	e.get(acc)
}

// bigOpMod is bigOp for a sum inside a mod: each term and each partial
// sum reduced modulo home m.
func (e *emitter) bigOpMod(x *node, m int) {
	k := e.copyOf(x.kids[0])
	hi := e.hold(x.kids[1])
	acc := e.alloc()
	e.emit(ir.OpConst0)
	e.set(acc)
	old, had := e.env[x.name]
	e.env[x.name] = k
	e.while(func() { e.get(k); e.get(hi); e.emit(ir.OpI32LeS) }, func() {
		e.get(acc)
		e.ring(x.kids[2], m)
		e.emit(ir.OpI32Add)
		e.get(m)
		e.emit(ir.OpI32RemS)
		e.set(acc)
		e.inc(k, 1)
	})
	e.restore(x.name, old, had)
	e.get(acc)
}

func (e *emitter) restore(name string, old int, had bool) {
	if had {
		e.env[name] = old
	} else {
		delete(e.env, name)
	}
}

// pointTable pushes vals[j] where local l holds i0+j, and 0 where it holds
// no such index: Sum_j [l == i0+j]*vals[j].
func (e *emitter) pointTable(l int, i0 int64, vals []int64) {
	e.emit(ir.OpConst0)
	for j, v := range vals {
		if v == 0 {
			continue
		}
		e.get(l)
		e.konst(i0 + int64(j))
		e.emit(ir.OpI32Eq)
		if v != 1 {
			e.konst(v)
			e.emit(ir.OpI32Mul)
		}
		e.emit(ir.OpI32Add)
	}
}

// sumDiv: Sum over the divisors d >= 1 of x of body (0 for x <= 0), in
// pairs (d, x/d) for d*d <= x, so the loop runs sqrt(x) times.
func (e *emitter) sumDiv(x *node) {
	lx := e.hold(x.kids[0])
	d, q, acc := e.alloc(), e.alloc(), e.alloc()
	e.emit(ir.OpConst1)
	e.set(d)
	e.emit(ir.OpConst0)
	e.set(acc)
	old, had := e.env[x.name]
	term := func(at int) {
		e.env[x.name] = at
		e.get(acc)
		e.lower(x.kids[1])
		e.emit(ir.OpI32Add)
		e.set(acc)
	}
	e.while(func() { e.get(d); e.get(d); e.emit(ir.OpI32Mul); e.get(lx); e.emit(ir.OpI32LeS) }, func() {
		e.get(lx)
		e.get(d)
		e.emit(ir.OpI32RemS, ir.OpConst0, ir.OpI32Eq, ir.OpIfBegin)
		term(d)
		e.get(lx)
		e.get(d)
		e.emit(ir.OpI32DivS)
		e.tee(q)
		e.get(d)
		e.emit(ir.OpI32Ne, ir.OpIfBegin)
		term(q)
		e.emit(ir.OpIfEnd, ir.OpIfEnd)
		e.inc(d, 1)
	})
	e.restore(x.name, old, had)
	e.get(acc)
}

// isPrime pushes 1 if the value in home x is prime, else 0: 2 and 3, or
// x >= 5 divisible by neither, with trial division by the pairs d, d+2 for
// d = 5, 11, 17, ... while d*d <= x (a third of the odd divisors' passes);
// the loop is not entered for a multiple of 2 or 3.
func (e *emitter) isPrime(x int) {
	if e.sieveLean {
		e.isPrimeLean(x) // fuel3_prime.go
		return
	}
	if e.sieve {
		e.isPrimeSieved(x) // coverage_sieve.go
		return
	}
	mark := e.next
	defer func() { e.next = mark }()
	d := e.alloc()
	notDiv := func(k func()) { // pushes [x rem k != 0]
		e.get(x)
		k()
		e.emit(ir.OpI32RemS, ir.OpConst0, ir.OpI32Ne)
	}
	// x in {2, 3}
	e.get(x)
	e.emit(ir.OpConst2, ir.OpI32Eq)
	e.get(x)
	e.konst(3)
	e.emit(ir.OpI32Eq, ir.OpI32Add)
	// or: x >= 5, coprime to 6, no divisor d or d+2 up to its root
	e.get(x)
	e.konst(5)
	e.emit(ir.OpI32GeS)
	notDiv(func() { e.emit(ir.OpConst2) })
	e.emit(ir.OpI32Mul)
	notDiv(func() { e.konst(3) })
	e.emit(ir.OpI32Mul, ir.OpIfBegin)
	e.konst(5)
	e.set(d)
	e.while(func() {
		e.get(d)
		e.get(d)
		e.emit(ir.OpI32Mul)
		e.get(x)
		e.emit(ir.OpI32LeS)
		notDiv(func() { e.get(d) })
		e.emit(ir.OpI32Mul)
		notDiv(func() { e.get(d); e.emit(ir.OpConst2, ir.OpI32Add) })
		e.emit(ir.OpI32Mul)
	}, func() {
		e.inc(d, 6)
	})
	e.get(d)
	e.get(d)
	e.emit(ir.OpI32Mul)
	e.get(x)
	e.emit(ir.OpI32GtS, ir.OpElse, ir.OpConst0, ir.OpIfEnd, ir.OpI32Add)
}

// prime pushes the i-th prime (prime(1) = 2).
func (e *emitter) prime(i *node) {
	if e.sieve {
		e.primeSieved(i) // fuel3_prime.go
		return
	}
	e.nthOf(i, 1, 2, 1, func(x int) { e.isPrime(x) })
}

// nthOf pushes the idx-th x in lo, lo+step, ..., counted from base, for which pred
// pushes nonzero: count down idx-base over the x that pass.
func (e *emitter) nthOf(idx *node, base, lo, step int64, pred func(x int)) {
	c := e.alloc()
	e.lower(idx)
	if base != 0 {
		e.konst(base)
		e.emit(ir.OpI32Sub)
	}
	e.set(c)
	x := e.alloc()
	e.konst(lo - step)
	e.set(x)
	e.emit(ir.OpLoopBegin)
	e.inc(x, step)
	pred(x)
	e.emit(ir.OpIfBegin)
	e.inc(c, -1)
	e.emit(ir.OpIfEnd)
	e.get(c)
	e.emit(ir.OpConst0, ir.OpI32GeS, ir.OpBrIf, ir.OpLoopEnd)
	e.get(x)
}

func (e *emitter) nth(x *node) {
	if idx, ok := primeList(x); ok && e.sieve {
		e.primeSieved(idx) // fuel3_prime.go
		return
	}
	lo := x.kids[2]
	if lo.k != kNum {
		e.fail("nth from a non-constant start")
	}
	e.nthOf(x.kids[0], x.val, lo.val, step(x), func(l int) {
		old, had := e.env[x.name]
		e.env[x.name] = l
		e.lower(x.kids[1])
		e.restore(x.name, old, had)
	})
}

// fib pushes F(x) (or the Lucas number L(x)): x steps of (a, b) -> (b, a+b)
// from (0, 1) (or (2, 1)); with m >= -1 each sum is reduced modulo the
// value in home m (as pow's m).
func (e *emitter) fib(x *node, lucas bool, m int) {
	c := e.copyOf(x)
	a, b := e.alloc(), e.alloc()
	if lucas {
		e.emit(ir.OpConst2)
	} else {
		e.emit(ir.OpConst0)
	}
	e.set(a)
	e.emit(ir.OpConst1)
	e.set(b)
	e.while(func() { e.get(c); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() {
		e.get(b)
		e.get(a)
		e.get(b)
		e.emit(ir.OpI32Add)
		if m >= -1 {
			e.get(m)
			e.emit(ir.OpI32RemS)
		}
		e.set(b)
		e.set(a)
		e.inc(c, -1)
	})
	e.get(a)
}

// isqrt pushes floor(sqrt(x)) for x >= 0 (0 for x < 0): a binary search
// of [0, 46340] (46341^2 passes i32), 16 steps whatever x.
func (e *emitter) isqrt(x *node) {
	lx := e.hold(x)
	lo, hi := e.alloc(), e.alloc()
	e.emit(ir.OpConst0)
	e.set(lo)
	e.konst(46340)
	e.set(hi)
	mid := func() { // (lo + hi + 1) / 2
		e.get(lo)
		e.get(hi)
		e.emit(ir.OpI32Add, ir.OpConst1, ir.OpI32Add, ir.OpConst2, ir.OpI32DivS)
	}
	e.while(func() { e.get(lo); e.get(hi); e.emit(ir.OpI32LtS) }, func() {
		mid()
		mid()
		e.emit(ir.OpI32Mul)
		e.get(lx)
		e.emit(ir.OpI32LeS, ir.OpIfBegin)
		mid()
		e.set(lo)
		e.emit(ir.OpElse)
		mid()
		e.emit(ir.OpConst1, ir.OpI32Sub)
		e.set(hi)
		e.emit(ir.OpIfEnd)
	})
	e.get(lo)
}

// rec pushes term idx of a recurrence: a table for the given terms, else
// the terms from there on, each computed from the ord before it (kept in
// locals s1..s<ord>, shifted after each step).
func (e *emitter) rec(x *node) {
	idx := e.hold(x.kids[0])
	i0, m := x.val, int64(len(x.vals))
	e.get(idx)
	e.konst(i0 + m)
	e.emit(ir.OpI32LtS, ir.OpIfBegin)
	e.pointTable(idx, i0, x.vals)
	e.emit(ir.OpElse)
	s := make([]int, x.ord+1)
	for j := 1; j <= x.ord; j++ {
		s[j] = e.alloc()
		e.konst(x.vals[m-int64(j)])
		e.set(s[j])
	}
	i := e.alloc()
	e.konst(i0 + m)
	e.set(i)
	saved := map[string]int{}
	for k, v := range e.env {
		saved[k] = v
	}
	e.env["i_"] = i
	for j := 1; j <= x.ord; j++ {
		e.env["a"+strconv.Itoa(j)] = s[j]
	}
	e.while(func() { e.get(i); e.get(idx); e.emit(ir.OpI32LeS) }, func() {
		e.lower(x.kids[1])
		for j := x.ord; j >= 2; j-- {
			e.get(s[j-1])
			e.set(s[j])
		}
		e.set(s[1])
		e.inc(i, 1)
	})
	e.env = saved
	e.get(s[1])
	e.emit(ir.OpIfEnd)
}

// part pushes the number of ways to write m (kids[0]) as a sum of the
// parts vals (k_1 >= k_2 >= ...) and val parts 1: nested loops, one local
// each, run r_j = r_{j-1}, r_{j-1} - k_j, ... >= 0 over the parts but the
// last; the innermost counts what is left in closed form: binomial(r + e1
// - 1, e1 - 1) ways with e1 parts 1, else 1 if the last part divides r.
func (e *emitter) part(x *node) {
	ks, ones := x.vals, x.val
	levels := len(ks)
	if ones == 0 {
		levels--
	}
	r0 := e.copyOf(x.kids[0])
	acc := e.alloc()
	e.emit(ir.OpConst0)
	e.set(acc)
	inner := func(r int) {
		e.get(acc)
		if ones > 0 {
			e.binomial(add(vrAt(e, r), num(ones-1)), num(ones-1))
		} else {
			k := ks[len(ks)-1]
			e.get(r)
			e.konst(k)
			e.emit(ir.OpI32RemS, ir.OpConst0, ir.OpI32Eq)
		}
		e.get(r)
		e.emit(ir.OpConst0, ir.OpI32GeS, ir.OpI32Mul, ir.OpI32Add)
		e.set(acc)
	}
	var nest func(j, prev int)
	nest = func(j, prev int) {
		if j == levels {
			inner(prev)
			return
		}
		r := e.alloc()
		e.get(prev)
		e.set(r)
		e.while(func() { e.get(r); e.emit(ir.OpConst0, ir.OpI32GeS) }, func() {
			nest(j+1, r)
			e.inc(r, -ks[j])
		})
	}
	nest(0, r0)
	e.get(acc)
}

// euclid runs Euclid's algorithm on locals x and y (both non-negative):
// while y != 0, (x, y) = (y, x rem y); x ends as their gcd.
func (e *emitter) euclid(x, y int) {
	e.while(func() { e.get(y); e.emit(ir.OpConst0, ir.OpI32Ne) }, func() {
		e.get(y)
		e.get(x)
		e.get(y)
		e.emit(ir.OpI32RemS)
		e.set(y)
		e.set(x)
	})
}
