package formula

// Digits of values far past i32 (the bigDigits lowering): "Number of
// digits in 3^n", "Sum of digits of n!", "Sum of decimal digits of
// (3^n - 1)/2", "Initial digit of 2^n", "leading digit of n! in base
// 14". The argument of a digit sum, digit count or first digit in a
// constant base b is built exactly as a long number in memory, limbs of
// B = b^j <= 10^4 from word 0 up, by its operations on small values: a
// constant power c^e (e multiplications by c), a value to a constant
// power v^k ("n^6": k multiplications by v), a factorial e! (by 2..e),
// a product with a small factor, a small constant added or subtracted,
// and an exact division by a small constant (from the top limb down).
// The digits are then read limb by limb, j to a limb below the top one
// and the top one's own. Each limb times a multiplier below 2^31/B stays
// in i32; the scan checks every value against the exact evaluator.

import (
	"fmt"
	"math/big"
	"strconv"

	"github.com/irsynth/irsynth/lib/ir"
)

// bigDigitFns: the digit functions of a long number (each called with the
// number and its base; digcount also with the digit it counts).
var bigDigitFns = map[string]bool{"digsum": true, "ndigits": true, "firstdig": true, "maxdig": true, "mindig": true, "digcount": true}

// bigLimb is the limb base for digits in base b: b^j <= 10^4, j >= 1.
func bigLimb(b int64) (limb int64, j int) {
	limb, j = b, 1
	for limb*b <= 10_000 {
		limb *= b
		j++
	}
	return limb, j
}

// isMult reports whether x is a product bigNumber multiplies in a factor
// at a time: a power with a varying exponent whose base is a constant
// from 2 to 1000 or holds no such power, a factorial of a varying value,
// or a product of them and small values, at least one of them such.
func isMult(x *node) bool {
	switch x.k {
	case kPow:
		b, p := x.kids[0], x.kids[1]
		if p.k == kNum { // a varying base to a constant power ("n^6")
			return p.val >= 2 && p.val <= 64 && b.k != kNum && !hasBig(b)
		}
		return !hasBig(p) &&
			(b.k == kNum && b.val >= 2 && b.val <= 1000 || b.k != kNum && !hasBig(b))
	case kFact:
		return x.kids[0].k != kNum && !hasBig(x.kids[0])
	case kMul:
		a, b := x.kids[0], x.kids[1]
		return isMult(a) && (isMult(b) || !hasBig(b)) || isMult(b) && !hasBig(a)
	}
	return false
}

// isBig reports whether x is a long number bigNumber builds: a product
// isMult takes, plus or minus a constant, or divided by one.
func isBig(x *node) bool {
	switch x.k {
	case kAdd, kSub:
		return isBig(x.kids[0]) && x.kids[1].k == kNum && x.kids[1].val >= 0 && x.kids[1].val < 10_000
	case kDivT, kFloorDiv, kDiv: // kDiv: a formula as read (partsFit)
		return isBig(x.kids[0]) && x.kids[1].k == kNum && x.kids[1].val >= 1 && x.kids[1].val <= 100_000
	}
	return isMult(x)
}

// hasBig reports whether x holds a power with a varying exponent or a
// factorial (values that pass i32).
func hasBig(x *node) bool {
	if x.k == kFact || x.k == kPow && x.kids[1].k != kNum {
		return true
	}
	for _, k := range x.kids {
		if hasBig(k) {
			return true
		}
	}
	return false
}

// bigDigitCall reports whether x is a digit function bigDigitFn takes.
func bigDigitCall(x *node) bool {
	n := 2
	if x.k == kCall && x.name == "digcount" {
		n = 3
	}
	return x.k == kCall && bigDigitFns[x.name] && len(x.kids) == n && x.kids[1].k == kNum &&
		x.kids[1].val >= 2 && x.kids[1].val <= 36 && isBig(x.kids[0]) && (n == 2 || !hasBig(x.kids[2]))
}

// lowerBigDigits is lowerWith with digit functions of long numbers
// (bigDigits); an error where x has none or its program keeps a table.
func lowerBigDigits(x *node, exactBinomial bool) ([]ir.Op, error) {
	found := false
	var walk func(y *node)
	walk = func(y *node) {
		found = found || bigDigitCall(y)
		for _, k := range y.kids {
			walk(k)
		}
	}
	walk(x)
	if !found {
		return nil, fmt.Errorf("%w: no digits of a long number", errLower)
	}
	return lowerTabled(x, exactBinomial, func(e *emitter) ([]ir.Op, error) {
		e.bigDigits = true
		return e.program(x)
	})
}

// bigDigitFn pushes the digit function of x (bigDigitCall) where
// e.bigDigits, and reports whether it did.
func (e *emitter) bigDigitFn(x *node) bool {
	if !e.bigDigits || !bigDigitCall(x) {
		return false
	}
	mark := e.next
	defer func() { e.next = mark }()
	b := x.kids[1].val
	limb, j := bigLimb(b)
	ld := -2
	if x.name == "digcount" {
		ld = e.copyOf(x.kids[2])
	}
	ln := e.alloc() // the number of limbs
	e.bigNumber(x.kids[0], ln, limb)
	// the digits, limb i from 0: j of each below the top, the top's own
	i, v, k, acc := e.alloc(), e.alloc(), e.alloc(), e.alloc()
	if x.name == "mindig" {
		e.konst(b)
	} else {
		e.emit(ir.OpConst0)
	}
	e.set(acc)
	e.emit(ir.OpConst0)
	e.set(i)
	e.emit(ir.OpLoopBegin)
	e.load(func() { e.get(i) })
	e.set(v)
	e.emit(ir.OpConst0)
	e.set(k)
	e.emit(ir.OpLoopBegin)
	switch x.name {
	case "digsum":
		e.get(acc)
		e.get(v)
		e.konst(b)
		e.emit(ir.OpI32RemS, ir.OpI32Add)
	case "ndigits":
		e.get(acc)
		e.emit(ir.OpConst1, ir.OpI32Add)
	case "firstdig": // the last digit read
		e.get(v)
		e.konst(b)
		e.emit(ir.OpI32RemS)
	case "maxdig", "mindig": // acc + (d - acc)*(d > acc), or d < acc
		op := ir.OpI32GtS
		if x.name == "mindig" {
			op = ir.OpI32LtS
		}
		digit := func() {
			e.get(v)
			e.konst(b)
			e.emit(ir.OpI32RemS)
		}
		e.get(acc)
		digit()
		e.get(acc)
		e.emit(ir.OpI32Sub)
		digit()
		e.get(acc)
		e.emit(op, ir.OpI32Mul, ir.OpI32Add)
	case "digcount":
		e.get(acc)
		e.get(v)
		e.konst(b)
		e.emit(ir.OpI32RemS)
		e.get(ld)
		e.emit(ir.OpI32Eq, ir.OpI32Add)
	}
	e.set(acc)
	e.get(v)
	e.konst(b)
	e.emit(ir.OpI32DivS)
	e.set(v)
	e.inc(k, 1)
	// go on: below the top limb while k < j, in the top one while v > 0
	e.get(i)
	e.get(ln)
	e.emit(ir.OpConst1, ir.OpI32Sub, ir.OpI32LtS, ir.OpIfBegin)
	e.get(k)
	e.konst(int64(j))
	e.emit(ir.OpI32LtS, ir.OpElse)
	e.get(v)
	e.emit(ir.OpConst0, ir.OpI32GtS, ir.OpIfEnd, ir.OpBrIf, ir.OpLoopEnd)
	e.inc(i, 1)
	e.get(i)
	e.get(ln)
	e.emit(ir.OpI32LtS, ir.OpBrIf, ir.OpLoopEnd)
	e.get(acc)
	return true
}

// bigNumber writes the long number x (isBig) to memory, limbs of limb
// from word 0, their count in local ln (at least 1; no zero limb on top
// but for the number 0).
func (e *emitter) bigNumber(x *node, ln int, limb int64) {
	mark := e.next
	defer func() { e.next = mark }()
	switch x.k {
	case kPow, kFact, kMul:
		e.emit(ir.OpConst1)
		e.set(ln)
		e.store(func() { e.emit(ir.OpConst0) }, func() { e.emit(ir.OpConst1) })
		e.mulInto(x, ln, limb)
	case kAdd, kSub:
		e.bigNumber(x.kids[0], ln, limb)
		e.bigAdd(ln, limb, x.kids[1].val, x.k == kSub)
	case kDivT, kFloorDiv: // exact, or the floor of a number >= 0
		e.bigNumber(x.kids[0], ln, limb)
		e.bigDiv(ln, limb, x.kids[1].val)
	default:
		e.fail("no long number for %s", x)
	}
}

// mulInto multiplies the long number by x (isMult, or a small value): a
// power's base exponent times, a factorial's 2..n, a product's factors.
func (e *emitter) mulInto(x *node, ln int, limb int64) {
	mark := e.next
	defer func() { e.next = mark }()
	switch {
	case x.k == kMul && isMult(x):
		e.mulInto(x.kids[0], ln, limb)
		e.mulInto(x.kids[1], ln, limb)
	case x.k == kPow && isMult(x):
		var base func()
		if b := x.kids[0]; b.k == kNum {
			base = func() { e.konst(b.val) }
		} else {
			lb := e.copyOf(b)
			base = func() { e.get(lb) }
		}
		top, c := e.copyOf(x.kids[1]), e.alloc()
		e.emit(ir.OpConst1)
		e.set(c)
		e.while(func() { e.get(c); e.get(top); e.emit(ir.OpI32LeS) }, func() {
			e.bigMul(ln, limb, base)
			e.inc(c, 1)
		})
	case x.k == kFact && isMult(x):
		top, c := e.copyOf(x.kids[0]), e.alloc()
		e.emit(ir.OpConst2)
		e.set(c)
		e.while(func() { e.get(c); e.get(top); e.emit(ir.OpI32LeS) }, func() {
			e.bigMul(ln, limb, func() { e.get(c) })
			e.inc(c, 1)
		})
	default: // a small factor (0 leaves zero limbs on top)
		f := e.copyOf(x)
		e.bigMul(ln, limb, func() { e.get(f) })
		e.bigTrim(ln)
	}
}

// bigMul multiplies the long number by the value f pushes (>= 0, below
// 2^31/limb), carrying into new limbs on top.
func (e *emitter) bigMul(ln int, limb int64, f func()) {
	mark := e.next
	defer func() { e.next = mark }()
	i, carry, t := e.alloc(), e.alloc(), e.alloc()
	e.emit(ir.OpConst0)
	e.set(carry)
	e.emit(ir.OpConst0)
	e.set(i)
	e.while(func() { e.get(i); e.get(ln); e.emit(ir.OpI32LtS) }, func() {
		e.load(func() { e.get(i) })
		f()
		e.emit(ir.OpI32Mul)
		e.get(carry)
		e.emit(ir.OpI32Add)
		e.set(t)
		e.store(func() { e.get(i) }, func() { e.get(t); e.konst(limb); e.emit(ir.OpI32RemS) })
		e.get(t)
		e.konst(limb)
		e.emit(ir.OpI32DivS)
		e.set(carry)
		e.inc(i, 1)
	})
	e.bigCarry(ln, limb, carry)
}

// bigCarry writes the carry in local carry as new limbs on top.
func (e *emitter) bigCarry(ln int, limb int64, carry int) {
	e.while(func() { e.get(carry); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() {
		e.store(func() { e.get(ln) }, func() { e.get(carry); e.konst(limb); e.emit(ir.OpI32RemS) })
		e.get(carry)
		e.konst(limb)
		e.emit(ir.OpI32DivS)
		e.set(carry)
		e.inc(ln, 1)
	})
}

// bigAdd adds (or with sub, subtracts) the constant s to the long
// number: a signed carry c from s (or -s), each limb t = word + c taken
// mod limb, c = (t - word')/limb, while c != 0 and limbs are left; a
// carry left over goes on top, a borrow left over (the difference is
// negative) leaves the number wrong, which the scan refuses.
func (e *emitter) bigAdd(ln int, limb, s int64, sub bool) {
	mark := e.next
	defer func() { e.next = mark }()
	i, c, t := e.alloc(), e.alloc(), e.alloc()
	if sub {
		s = -s
	}
	e.konst(s)
	e.set(c)
	e.emit(ir.OpConst0)
	e.set(i)
	e.while(func() {
		e.get(c)
		e.emit(ir.OpConst0, ir.OpI32Ne)
		e.get(i)
		e.get(ln)
		e.emit(ir.OpI32LtS, ir.OpI32Mul)
	}, func() {
		e.load(func() { e.get(i) })
		e.get(c)
		e.emit(ir.OpI32Add)
		e.set(t)
		e.store(func() { e.get(i) }, func() {
			e.get(t)
			e.konst(limb)
			e.emit(ir.OpI32RemS)
			e.konst(limb)
			e.emit(ir.OpI32Add)
			e.konst(limb)
			e.emit(ir.OpI32RemS)
		})
		e.get(t)
		e.load(func() { e.get(i) })
		e.emit(ir.OpI32Sub)
		e.konst(limb)
		e.emit(ir.OpI32DivS)
		e.set(c)
		e.inc(i, 1)
	})
	if !sub {
		e.bigCarry(ln, limb, c)
	}
	e.bigTrim(ln)
}

// bigDiv divides the long number by the constant d (exactly, or with the
// floor), from the top limb down.
func (e *emitter) bigDiv(ln int, limb, d int64) {
	mark := e.next
	defer func() { e.next = mark }()
	i, r, t := e.alloc(), e.alloc(), e.alloc()
	e.emit(ir.OpConst0)
	e.set(r)
	e.get(ln)
	e.set(i)
	e.while(func() { e.get(i); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() {
		e.inc(i, -1)
		e.get(r)
		e.konst(limb)
		e.emit(ir.OpI32Mul)
		e.load(func() { e.get(i) })
		e.emit(ir.OpI32Add)
		e.set(t)
		e.store(func() { e.get(i) }, func() { e.get(t); e.konst(d); e.emit(ir.OpI32DivS) })
		e.get(t)
		e.konst(d)
		e.emit(ir.OpI32RemS)
		e.set(r)
	})
	e.bigTrim(ln)
}

// bigTrim drops zero limbs on top (keeping one).
func (e *emitter) bigTrim(ln int) {
	e.while(func() {
		e.get(ln)
		e.emit(ir.OpConst1, ir.OpI32GtS)
		e.load(func() { e.get(ln); e.emit(ir.OpConst1, ir.OpI32Sub) })
		e.emit(ir.OpConst0, ir.OpI32Eq, ir.OpI32Mul)
	}, func() { e.inc(ln, -1) })
}

// bigDigits is the exact evaluator's digit sum, digit count and first
// digit of an integer past 2^40 (where digitFn's int64 stops), from
// math/big's digits in base b <= 36; ok is false for any other call.
func (v *evaluator) bigDigits(name string, args []*big.Rat) (*big.Rat, bool) {
	if !bigDigitFns[name] || len(args) < 2 || !args[0].IsInt() || args[0].Num().Sign() < 0 || args[0].Num().BitLen() <= 40 {
		return nil, false
	}
	b := small(args[1], 36)
	if b < 2 {
		return nil, false
	}
	s := args[0].Num().Text(int(b))
	v.tick(len(s))
	digit := func(i int) int64 {
		d, _ := strconv.ParseInt(s[i:i+1], int(b), 64)
		return d
	}
	var r int64
	switch name {
	case "ndigits":
		r = int64(len(s))
	case "firstdig":
		r = digit(0)
	case "mindig":
		r = b
	case "digcount":
		if len(args) != 3 {
			return nil, false
		}
	}
	for i := range len(s) {
		switch name {
		case "digsum":
			r += digit(i)
		case "maxdig":
			r = max(r, digit(i))
		case "mindig":
			r = min(r, digit(i))
		case "digcount":
			r += b2i(digit(i) == small(args[2], 1<<31))
		}
	}
	return ratInt(r), true
}
