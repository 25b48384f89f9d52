package formula

// The prime family far from the examples: "the n-th prime" (prime(n),
// or the list nth_{x}(n; isprime(x))) scanned every x with a trial
// division and ran out of ir.DefaultFuel at n = 1780 (prime 15241);
// "Number of primes <= n" (primepi) at n = 15330, "Sum of primes <= n"
// at 13900. People check them at n in the thousands.
//
// Where a request's program runs out of fuel at one of the far points
// (farPoints) and tests primality, farFuel tries the sieved lowering
// (coverage_sieve.go: the odd numbers below sieveTop = 32768 marked in
// memory, one word each, at about 300,000 fuel): every primality test
// below sieveTop is one load, and in it prime(i) for 2 <= i <= 3512 (the
// primes below sieveTop) and primepi(m) for 3 <= m < sieveTop count the
// unmarked words in a loop of 18 opcodes, not a scan with a test per
// number (primeSieved, primePiSieved). A sieved program is kept only if
// it agrees near and far and runs within the fuel at more far points.
// Memory limits the sieve (16384 words); bit packing would reach
// further in memory but not within the fuel (each mark then costs a
// load, a test and a store).

import (
	"fmt"
	"math/big"

	"github.com/irsynth/irsynth/lib/ir"
)

// lowerSieveLean is lowerSieve (coverage_sieve.go) with sieveLean: the
// sieve's prologue, then sieveTop stored in word 0 (the number 1's word,
// which no test reads), and primality tests of few opcodes (isPrimeLean).
func lowerSieveLean(x *node, exactBinomial bool) ([]ir.Op, error) {
	if !testsPrimes(x) {
		return nil, fmt.Errorf("%w: no primality test", errLower)
	}
	return lowerTabled(x, exactBinomial, func(e *emitter) (ops []ir.Op, err error) {
		defer caught(&ops, &err)
		e.sieve, e.sieveLean = true, true
		e.sieveTable()
		e.store(func() { e.emit(ir.OpConst0) }, func() { e.konst(sieveTop) })
		return e.program(x)
	})
}

// isPrimeLean pushes 1 if the value in home x is prime, else 0
// (sieveLean): for 0 < x < sieveTop (word 0) from the sieve, x odd with
// its word unmarked or x = 2; else trial division in a loop of one pass,
// so a loop around the test is charged its opcodes only when it runs
// (ir's fuel: each loop entry costs its own opcodes): the test costs a
// loop around it 30 opcodes, the sieved test with its trial inline 90.
func (e *emitter) isPrimeLean(x int) {
	mark := e.next
	defer func() { e.next = mark }()
	e.get(x)
	e.emit(ir.OpConst0, ir.OpMemLoad, ir.OpI32LtS)
	e.get(x)
	e.emit(ir.OpConst0, ir.OpI32GtS, ir.OpI32Mul, ir.OpIfBegin)
	e.get(x)
	e.emit(ir.OpConst2, ir.OpI32RemS)
	e.load(func() { e.get(x); e.emit(ir.OpConst2, ir.OpI32DivS) })
	e.emit(ir.OpConst0, ir.OpI32Eq, ir.OpI32Mul)
	e.get(x)
	e.emit(ir.OpConst2, ir.OpI32Eq, ir.OpI32Add, ir.OpElse)
	t := e.alloc()
	e.emit(ir.OpLoopBegin)
	e.get(x)
	e.emit(ir.OpConst1, ir.OpI32GtS, ir.OpIfBegin)
	e.oddTrialDiv(x)
	e.emit(ir.OpElse, ir.OpConst0, ir.OpIfEnd)
	e.set(t)
	e.emit(ir.OpLoopEnd)
	e.get(t)
	e.emit(ir.OpIfEnd)
}

// oddTrialDiv pushes whether x > 1 is prime: odd, with no odd divisor d
// from 3 while d <= x/d (comparing d*d <= x, as coverage_sieve.go's
// oddTrial did, wraps past d = 46340 and never stops for a prime near
// 2^31; the sieve's tests past sieveTop call this one now).
func (e *emitter) oddTrialDiv(x int) {
	mark := e.next
	defer func() { e.next = mark }()
	d := e.alloc()
	e.get(x)
	e.emit(ir.OpConst2, ir.OpI32RemS, ir.OpIfBegin)
	e.konst(3)
	e.set(d)
	e.while(func() {
		e.get(d)
		e.get(x)
		e.get(d)
		e.emit(ir.OpI32DivS, ir.OpI32LeS)
		e.get(x)
		e.get(d)
		e.emit(ir.OpI32RemS, ir.OpConst0, ir.OpI32Ne, ir.OpI32Mul)
	}, func() { e.inc(d, 2) })
	e.get(d)
	e.get(x)
	e.get(d)
	e.emit(ir.OpI32DivS, ir.OpI32GtS, ir.OpElse)
	e.get(x)
	e.emit(ir.OpConst2, ir.OpI32Eq, ir.OpIfEnd)
}

// sievePrimes is the number of primes below sieveTop: prime(i) for
// i <= sievePrimes is read from the sieve.
const sievePrimes = 3512

// primeSieved pushes prime(i) for the index in home li (sieve mode): for
// 2 <= i <= sievePrimes, the word w of the (i-1)-th unmarked odd word
// (w >= 1: word 0 is the number 1), prime 2w+1; else the scan.
func (e *emitter) primeSieved(i *node) {
	mark := e.next
	defer func() { e.next = mark }()
	li := e.hold(i)
	e.get(li)
	e.emit(ir.OpConst2, ir.OpI32GeS)
	e.get(li)
	e.konst(sievePrimes)
	e.emit(ir.OpI32LeS, ir.OpI32Mul, ir.OpIfBegin)
	inner := e.next
	c, w := e.alloc(), e.alloc()
	e.get(li)
	e.emit(ir.OpConst1, ir.OpI32Sub)
	e.set(c)
	e.emit(ir.OpConst0)
	e.set(w)
	e.emit(ir.OpLoopBegin)
	e.inc(w, 1)
	e.load(func() { e.get(w) })
	e.emit(ir.OpConst0, ir.OpI32Eq, ir.OpIfBegin)
	e.inc(c, -1)
	e.emit(ir.OpIfEnd)
	e.get(c)
	e.emit(ir.OpConst0, ir.OpI32GtS, ir.OpBrIf, ir.OpLoopEnd)
	e.get(w)
	e.emit(ir.OpConst2, ir.OpI32Mul, ir.OpConst1, ir.OpI32Add, ir.OpElse)
	e.next = inner  // c and w are free again
	if e.segments { // past the sieve: its segments (i > sievePrimes), else 2 (the scan's value for i <= 1)
		e.get(li)
		e.konst(sievePrimes)
		e.emit(ir.OpI32GtS, ir.OpIfBegin)
		e.primeSeg(li)
		e.emit(ir.OpElse, ir.OpConst2, ir.OpIfEnd, ir.OpIfEnd)
		return
	}
	e.nthOf(vrAt(e, li), 1, 2, 1, func(x int) { e.isPrime(x) })
	e.emit(ir.OpIfEnd)
}

// primePiSieved pushes primepi(m) for the value in home lm (sieve mode):
// for 3 <= m < sieveTop, 1 (the prime 2) plus the unmarked words 1..(m-1)/2;
// else the scan.
func (e *emitter) primePiSieved(m *node) {
	mark := e.next
	defer func() { e.next = mark }()
	lm := e.hold(m)
	e.get(lm)
	e.konst(3)
	e.emit(ir.OpI32GeS)
	e.get(lm)
	e.konst(sieveTop)
	e.emit(ir.OpI32LtS, ir.OpI32Mul, ir.OpIfBegin)
	inner := e.next
	c, w := e.alloc(), e.alloc()
	e.emit(ir.OpConst1)
	e.set(c)
	e.get(lm)
	e.emit(ir.OpConst1, ir.OpI32Sub, ir.OpConst2, ir.OpI32DivS)
	e.set(w)
	e.while(func() { e.get(w); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() {
		e.get(c)
		e.load(func() { e.get(w) })
		e.emit(ir.OpConst0, ir.OpI32Eq, ir.OpI32Add)
		e.set(c)
		e.inc(w, -1)
	})
	e.get(c)
	e.next = inner // c and w are free again
	e.emit(ir.OpElse)
	if e.segments { // past the sieve: its segments (m >= sieveTop), else m = 2 (m < 3)
		e.get(lm)
		e.emit(ir.OpConst2, ir.OpI32GtS, ir.OpIfBegin)
		e.primePiSeg(lm)
		e.emit(ir.OpElse)
		e.get(lm)
		e.emit(ir.OpConst2, ir.OpI32Eq, ir.OpIfEnd, ir.OpIfEnd)
		return
	}
	e.primePiScan(lm) // the scan, with the sieve's test inside
	e.emit(ir.OpIfEnd)
}

// primePiScan pushes the count of primes q, 2 <= q <= x, x the value in
// home lx, by isPrime (sieved where it can; lower_factor.go's primePi
// without the sieve).
func (e *emitter) primePiScan(lx int) {
	mark := e.next
	defer func() { e.next = mark }()
	c, q := e.alloc(), e.alloc()
	e.emit(ir.OpConst0)
	e.set(c)
	e.emit(ir.OpConst2)
	e.set(q)
	e.while(func() { e.get(q); e.get(lx); e.emit(ir.OpI32LeS) }, func() {
		e.get(c)
		e.isPrime(q)
		e.emit(ir.OpI32Add)
		e.set(c)
		e.inc(q, 1)
	})
	e.get(c)
}

// primeList reports whether x is the list of the primes, nth_{v >= lo}
// (idx; isprime(v)) with lo 1 or 2 and step 1, and gives the index of
// its term as an argument of prime.
func primeList(x *node) (*node, bool) {
	if x.k != kNth || len(x.kids) != 3 || step(x) != 1 {
		return nil, false
	}
	body, lo := x.kids[1], x.kids[2]
	if body.k != kIsPrime || body.kids[0].k != kVar || body.kids[0].name != x.name || lo.k != kNum || lo.val < 1 || lo.val > 2 {
		return nil, false
	}
	idx := x.kids[0]
	if x.val != 1 {
		idx = bin(kAdd, idx, num(1-x.val))
	}
	return idx, true
}

// farReach is the largest n of reachLadder (100 to 10^6, steps of a
// quarter) at which ops runs within ir.DefaultFuel, going up from 100 to
// the first n where it does not (0: not even 100).
func farReach(ops []ir.Op) int64 {
	e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
	if err != nil {
		return 0
	}
	reach := int64(0)
	for n := int64(100); n <= 1_000_000; n += n / 4 {
		if _, err := e.Run([]int32{int32(n)}, ir.DefaultFuel); err != nil {
			break
		}
		reach = n
	}
	return reach
}

// farRight reports whether ops gives x's exact value at every far point
// where that value is an integer in i32 and ops runs within the fuel.
func farRight(x *node, ops []ir.Op) bool {
	e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
	if err != nil {
		return false
	}
	var v evaluator
	for _, n := range farPoints {
		got, err := e.Run([]int32{int32(n)}, ir.DefaultFuel)
		if err != nil {
			continue
		}
		v.steps = farSteps
		r, err := v.evalAt(x, map[string]*big.Rat{"n": ratInt(n)})
		if err == errBudget {
			break
		}
		if err != nil || !r.IsInt() || !r.Num().IsInt64() || r.Num().Int64() > 1<<31-1 || r.Num().Int64() < -1<<31 {
			continue
		}
		if int64(got) != r.Num().Int64() {
			return false
		}
	}
	return true
}

// testsPrimes reports whether x tests primality or names a prime function
// the sieve serves.
func testsPrimes(x *node) bool {
	return has(x, kIsPrime) || hasCall(x, "prime") || hasCall(x, "primepi")
}

// farFuel replaces, among the candidates from out[from:], a program that
// tests primes and runs out of fuel at a far point by the sieved one, when
// that agrees near and far and runs within the fuel at more far points.
func (c *collector) farFuel(from int) {
	for i := from; i < len(c.out); i++ {
		cand := &c.out[i]
		x := c.forms[cand.Expr]
		if x == nil || !testsPrimes(x) || isSieved(cand.Ops) {
			continue
		}
		reach := farReach(cand.Ops)
		if reach == 1_000_000 {
			continue
		}
		y, ok := normalize(x, false)
		if !ok {
			continue
		}
		for _, lower := range []func(*node, bool) ([]ir.Op, error){lowerSieveSeg, lowerSieveLean} {
			for _, exact := range []bool{false, true} {
				ops, err := lower(y, exact)
				if r := farReach(ops); err != nil || r <= reach || !agrees(x, ops, c.lists) || !farRight(x, ops) {
					continue
				} else {
					reach = r
				}
				cand.Ops = ops
				break
			}
		}
	}
}

// Past the sieve (segments, for a formula that is one prime function
// alone: prime(i), the list of the primes, or primepi(m), whose argument
// tests no primes): the words from segWord on are reused for segments of
// segLen odd numbers from B = 32769, marked with the segment's own B (so
// no word is cleared: a word marked by an older segment or by the sieve
// holds another value), by the odd primes p with p*p at most the
// segment's last number, read from the sieve's words below segWord
// (p < 2*segWord = 1024: segments up to 1024^2). A segment costs about
// 540,000 fuel: primepi reaches about 128,000 and prime(i) i about 12,000
// within ir.DefaultFuel. A later primality test would read the segments'
// marks as the sieve, so no other test may follow (segmentable).
const (
	segWord = 512
	segLen  = ir.MemWords - segWord
)

// segmentable reports whether x is one prime function alone whose
// argument tests no primes.
func segmentable(x *node) bool {
	if idx, ok := primeList(x); ok {
		return !testsPrimes(idx)
	}
	return x.k == kCall && (x.name == "prime" || x.name == "primepi") && len(x.kids) == 1 && !testsPrimes(x.kids[0])
}

// lowerSieveSeg is lowerSieveLean with segments past the sieve.
func lowerSieveSeg(x *node, exactBinomial bool) ([]ir.Op, error) {
	if !segmentable(x) {
		return nil, fmt.Errorf("%w: not one prime function alone", errLower)
	}
	return lowerTabled(x, exactBinomial, func(e *emitter) (ops []ir.Op, err error) {
		defer caught(&ops, &err)
		e.sieve, e.sieveLean, e.segments = true, true, true
		e.sieveTable()
		e.store(func() { e.emit(ir.OpConst0) }, func() { e.konst(sieveTop) })
		return e.program(x)
	})
}

// segMark marks, in the segment from the odd number in home b, the odd
// multiples of each odd prime p (p*p at most the segment's last number)
// with b's value, in words segWord + (j - b)/2.
func (e *emitter) segMark(b, s2 int) {
	mark := e.next
	defer func() { e.next = mark }()
	p, a := e.alloc(), e.alloc()
	e.konst(3)
	e.set(p)
	e.while(func() {
		e.get(p)
		e.get(p)
		e.emit(ir.OpI32Mul)
		e.get(b)
		e.get(s2)
		e.emit(ir.OpI32Add, ir.OpConst2, ir.OpI32Sub, ir.OpI32LeS)
	}, func() {
		e.load(func() { e.get(p); e.emit(ir.OpConst2, ir.OpI32DivS) })
		e.emit(ir.OpConst0, ir.OpI32Eq, ir.OpIfBegin)
		// j = ceil(b/p)*p, odd: j + p*(j even); a = segWord + (j - b)/2
		e.get(b)
		e.get(p)
		e.emit(ir.OpI32Add, ir.OpConst1, ir.OpI32Sub)
		e.get(p)
		e.emit(ir.OpI32DivS)
		e.get(p)
		e.emit(ir.OpI32Mul)
		e.set(a)
		e.get(a)
		e.get(a)
		e.emit(ir.OpConst2, ir.OpI32RemS, ir.OpConst0, ir.OpI32Eq)
		e.get(p)
		e.emit(ir.OpI32Mul, ir.OpI32Add)
		e.get(b)
		e.emit(ir.OpI32Sub, ir.OpConst2, ir.OpI32DivS)
		e.konst(segWord)
		e.emit(ir.OpI32Add)
		e.set(a)
		e.while(func() {
			e.get(a)
			e.emit(ir.OpConst0, ir.OpMemLoad, ir.OpConst2, ir.OpI32DivS, ir.OpI32LtS) // a < sieveTop/2 (word 0)
		}, func() {
			e.store(func() { e.get(a) }, func() { e.get(b) })
			e.get(a)
			e.get(p)
			e.emit(ir.OpI32Add)
			e.set(a)
		})
		e.emit(ir.OpIfEnd)
		e.inc(p, 2)
	})
}

// primePiSeg pushes primepi(m) for m >= sieveTop in home lm (segments):
// 3512 below sieveTop, then each segment's words from segWord up to the
// one of m (or the last) whose value is not the segment's.
func (e *emitter) primePiSeg(lm int) {
	mark := e.next
	defer func() { e.next = mark }()
	c, b, a, end, s2 := e.alloc(), e.alloc(), e.alloc(), e.alloc(), e.alloc()
	e.segLoop(c, b, s2)
	// end = min(sieveTop/2, segWord + (m - b)/2 + 1)
	e.get(lm)
	e.get(b)
	e.emit(ir.OpI32Sub, ir.OpConst2, ir.OpI32DivS)
	e.konst(segWord + 1)
	e.emit(ir.OpI32Add)
	e.set(end)
	e.get(end)
	e.emit(ir.OpConst0, ir.OpMemLoad, ir.OpConst2, ir.OpI32DivS, ir.OpI32GtS, ir.OpIfBegin) // sieveTop/2 in word 0
	e.emit(ir.OpConst0, ir.OpMemLoad, ir.OpConst2, ir.OpI32DivS)
	e.set(end)
	e.emit(ir.OpIfEnd)
	e.konst(segWord)
	e.set(a)
	e.while(func() { e.get(a); e.get(end); e.emit(ir.OpI32LtS) }, func() {
		e.get(c)
		e.load(func() { e.get(a) })
		e.get(b)
		e.emit(ir.OpI32Ne, ir.OpI32Add)
		e.set(c)
		e.inc(a, 1)
	})
	// on while the next segment starts at or below m
	e.get(b)
	e.get(s2)
	e.emit(ir.OpI32Add)
	e.get(lm)
	e.emit(ir.OpI32LeS, ir.OpBrIf, ir.OpLoopEnd)
	e.get(c)
}

// primeSeg pushes prime(i) for i > sievePrimes in home li (segments):
// counting from 3512 over the segments' unmarked words until the i-th.
func (e *emitter) primeSeg(li int) {
	mark := e.next
	defer func() { e.next = mark }()
	c, b, a, s2 := e.alloc(), e.alloc(), e.alloc(), e.alloc()
	e.segLoop(c, b, s2)
	e.konst(segWord)
	e.set(a)
	e.while(func() {
		e.get(a)
		e.emit(ir.OpConst0, ir.OpMemLoad, ir.OpConst2, ir.OpI32DivS, ir.OpI32LtS)
		e.get(c)
		e.get(li)
		e.emit(ir.OpI32LtS, ir.OpI32Mul)
	}, func() {
		e.get(c)
		e.load(func() { e.get(a) })
		e.get(b)
		e.emit(ir.OpI32Ne, ir.OpI32Add)
		e.set(c)
		e.inc(a, 1)
	})
	e.get(c)
	e.get(li)
	e.emit(ir.OpI32LtS, ir.OpBrIf, ir.OpLoopEnd)
	// the i-th prime: b + 2*(a - 1 - segWord)
	e.get(b)
	e.get(a)
	e.konst(segWord + 1)
	e.emit(ir.OpI32Sub, ir.OpConst2, ir.OpI32Mul, ir.OpI32Add)
}

// segLoop opens the loop over the segments past the sieve for primeSeg
// and primePiSeg: s2 = 2*segLen, the count c from the 3512 primes below
// sieveTop, and, in the loop, b the next segment's first number with the
// segment marked (segMark). The caller closes the loop.
func (e *emitter) segLoop(c, b, s2 int) {
	e.konst(2 * segLen)
	e.set(s2)
	e.konst(sievePrimes)
	e.set(c)
	e.konst(2*segWord + 1) // sieveTop + 1 - 2*segLen
	e.set(b)
	e.emit(ir.OpLoopBegin)
	e.get(b)
	e.get(s2)
	e.emit(ir.OpI32Add)
	e.set(b)
	e.segMark(b, s2)
}
