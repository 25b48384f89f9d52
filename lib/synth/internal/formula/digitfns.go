package formula

// Functions of a number's digits besides digsum, ndigits, digcount and
// rev (lower_factor.go's digitFn), and the bitwise operations, each a loop
// over the digits least significant first:
//
//	digprod(x, b)          the product of x's base-b digits
//	nzdigprod(x, b)        the product of its nonzero digits (1 for none)
//	maxdig(x, b)           its largest digit
//	mindig(x, b)           its smallest digit
//	firstdig(x, b)         its leading digit
//	lastdig(x, b)          its last digit (x mod b)
//	nruns(x, b)            its number of runs of equal digits
//	maxrun(x, b)           the length of its longest run
//	ndistinct(x, b)        its number of distinct digits
//	strcount(x, b, v, l)   how often the l-digit string of value v occurs in it
//	rebase(x, b, c)        its base-b digits read in base c
//	bitand(x, y), bitor(x, y), bitxor(x, y)
//	dmap(j, b, z, s0, ..., s(k-1))
//	                       the j-th number (from 0, ascending) whose base-b
//	                       digits are all among s0 < ... < s(k-1): j's digits
//	                       in base k (z = 1: s0 = 0) or in bijective base k
//	                       (z = 0: digits 1..k; j = 0 gives 0), digit i
//	                       written as s(i) (z = 1) or s(i-1) (z = 0)
//
// x >= 0 (0 has the one digit 0), 2 <= b; the evaluator leaves any other
// argument undefined. evalDigits is the evaluator's side (plain Go on
// int64), digitCall the emitter's.

import (
	"github.com/irsynth/irsynth/lib/ir"
)

// digitArity: the functions of this file and their number of arguments.
var digitArity = map[string]int{"digprod": 2, "nzdigprod": 2, "maxdig": 2, "mindig": 2, "firstdig": 2, "lastdig": 2,
	"nruns": 2, "maxrun": 2, "ndistinct": 2, "strcount": 4, "rebase": 3, "bitand": 2, "bitor": 2, "bitxor": 2,
	"dmap": -1}

// baseDigits is m's digits in base b, least significant first.
func baseDigits(m, b int64) []int64 {
	if m < 0 || b < 2 {
		undefined()
	}
	var ds []int64
	for {
		ds = append(ds, m%b)
		if m /= b; m == 0 {
			return ds
		}
	}
}

// evalDigits is the exact value of one of digitArity's functions.
func evalDigits(name string, a []int64) int64 {
	switch name {
	case "bitand", "bitor", "bitxor":
		if a[0] < 0 || a[1] < 0 {
			undefined()
		}
		switch name {
		case "bitand":
			return a[0] & a[1]
		case "bitor":
			return a[0] | a[1]
		}
		return a[0] ^ a[1]
	}
	if name == "dmap" {
		return evalDmap(a[0], a[1], a[2] == 1, a[3:])
	}
	ds := baseDigits(a[0], a[1])
	var r int64
	switch name {
	case "digprod", "nzdigprod":
		r = 1
		for _, d := range ds {
			if d != 0 || name == "digprod" {
				r *= d
			}
			if r > 1<<40 {
				panic(errBudget)
			}
		}
	case "maxdig":
		for _, d := range ds {
			r = max(r, d)
		}
	case "mindig":
		r = a[1]
		for _, d := range ds {
			r = min(r, d)
		}
	case "firstdig":
		r = ds[len(ds)-1]
	case "lastdig":
		r = ds[0]
	case "nruns":
		for i, d := range ds {
			if i == 0 || d != ds[i-1] {
				r++
			}
		}
	case "maxrun":
		cur := int64(0)
		for i, d := range ds {
			if i > 0 && d == ds[i-1] {
				cur++
			} else {
				cur = 1
			}
			r = max(r, cur)
		}
	case "ndistinct":
		seen := map[int64]bool{}
		for _, d := range ds {
			seen[d] = true
		}
		r = int64(len(seen))
	case "strcount":
		v, l := a[2], a[3]
		if l < 1 || l > 30 || v < 0 {
			undefined()
		}
		for i := 0; i+int(l) <= len(ds); i++ {
			w := int64(0)
			for j := i + int(l) - 1; j >= i; j-- {
				w = w*a[1] + ds[j]
			}
			if w == v {
				r++
			}
		}
	case "rebase":
		c := a[2]
		if c < 2 {
			undefined()
		}
		for i := len(ds) - 1; i >= 0; i-- {
			r = r*c + ds[i]
			if r > 1<<40 {
				panic(errBudget)
			}
		}
	}
	return r
}

// evalDmap is dmap(j, b, z, s...).
func evalDmap(j, b int64, z bool, s []int64) int64 {
	k := int64(len(s))
	if j < 0 || k < 1 || k == 1 && !z || b < 2 {
		undefined()
	}
	var r, p int64 = 0, 1
	for j > 0 {
		var d int64
		if z {
			d, j = s[j%k], j/k
		} else {
			d, j = s[(j-1)%k], (j-1)/k
		}
		r += d * p
		p *= b
		if r > 1<<40 || p > 1<<40 {
			panic(errBudget)
		}
	}
	return r
}

// pusher pushes an argument's value: a constant or a variable in place,
// any other value from a local it is held in.
func (e *emitter) pusher(x *node) func() {
	if x.k == kNum {
		return func() { e.konst(x.val) }
	}
	l := e.hold(x)
	return func() { e.get(l) }
}

// digitCall pushes one of digitArity's functions of x.kids.
func (e *emitter) digitCall(x *node) {
	a := x.kids
	switch x.name {
	case "bitand", "bitor", "bitxor":
		if e.bits32 { // fuel2_bits.go: operands of either sign
			e.bitwise32(x.name, a[0], a[1])
			return
		}
		e.bitwise(x.name, a[0], a[1])
		return
	}
	if x.name == "dmap" {
		e.dmap(x)
		return
	}
	m := e.copyOf(a[0])
	b := e.pusher(a[1])
	acc := e.alloc()
	digit := func() { e.get(m); b(); e.emit(ir.OpI32RemS) }
	next := func() { e.get(m); b(); e.emit(ir.OpI32DivS) } // the number above this digit
	var step func()                                        // pushes acc's next value
	switch x.name {
	case "digprod", "nzdigprod":
		e.emit(ir.OpConst1)
		step = func() {
			e.get(acc)
			digit()
			if x.name == "nzdigprod" { // d + (d = 0)
				digit()
				e.emit(ir.OpConst0, ir.OpI32Eq, ir.OpI32Add)
			}
			e.emit(ir.OpI32Mul)
		}
	case "maxdig", "mindig":
		cmp := ir.OpI32GtS
		if x.name == "maxdig" {
			e.emit(ir.OpConst0)
		} else {
			b()
			cmp = ir.OpI32LtS
		}
		step = func() {
			digit()
			e.get(acc)
			e.emit(cmp, ir.OpIfBegin)
			digit()
			e.emit(ir.OpElse)
			e.get(acc)
			e.emit(ir.OpIfEnd)
		}
	case "firstdig":
		e.emit(ir.OpConst0)
		step = digit
	case "lastdig":
		digit()
		step = func() { e.get(acc) }
	case "nruns": // digits unlike the one above (the leading digit is unlike the 0 above it); 0 has one run
		e.get(m)
		e.emit(ir.OpConst0, ir.OpI32Eq)
		step = func() {
			e.get(acc)
			digit()
			next()
			b()
			e.emit(ir.OpI32RemS, ir.OpI32Ne, ir.OpI32Add)
		}
	case "maxrun": // acc = max(acc, cur), cur the run's length so far: 1 + cur if the digit above is this one
		e.emit(ir.OpConst0)
		cur := e.alloc()
		e.emit(ir.OpConst1)
		e.set(cur)
		step = func() {
			e.get(cur)
			e.get(acc)
			e.emit(ir.OpI32GtS, ir.OpIfBegin)
			e.get(cur)
			e.emit(ir.OpElse)
			e.get(acc)
			e.emit(ir.OpIfEnd)
			e.get(cur)
			e.get(m)
			b()
			e.emit(ir.OpI32GeS, ir.OpI32Mul)
			digit()
			next()
			b()
			e.emit(ir.OpI32RemS, ir.OpI32Eq, ir.OpI32Mul, ir.OpConst1, ir.OpI32Add)
			e.set(cur)
		}
	case "ndistinct": // digits that do not occur again above
		e.emit(ir.OpConst0)
		r, d := e.alloc(), e.alloc()
		step = func() {
			digit()
			e.set(d)
			next()
			e.set(r)
			e.inc(acc, 1) // counted unless found above
			e.while(func() { e.get(r); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() {
				e.get(r)
				b()
				e.emit(ir.OpI32RemS)
				e.get(d)
				e.emit(ir.OpI32Eq, ir.OpIfBegin)
				e.inc(acc, -1) // found: uncount it, and stop
				e.emit(ir.OpConst0)
				e.set(r)
				e.emit(ir.OpElse)
				e.get(r)
				b()
				e.emit(ir.OpI32DivS)
				e.set(r)
				e.emit(ir.OpIfEnd)
			})
			e.get(acc)
		}
	case "strcount": // windows m mod b^l = v with m >= b^(l-1) (the window's top digit is one of x's), for l > 1
		v, l := a[2], a[3]
		if v.k != kNum || l.k != kNum || l.val < 1 || l.val > 9 || a[1].k != kNum || a[1].val < 2 {
			e.fail("strcount of a string not constant")
		}
		p := int64(1) // b^(l-1)
		for i := int64(1); i < l.val && p <= 1<<30; i++ {
			p *= a[1].val
		}
		if p*a[1].val > 1<<30 {
			e.fail("strcount: too long a string")
		}
		e.emit(ir.OpConst0)
		step = func() {
			e.get(acc)
			e.get(m)
			e.konst(p * a[1].val)
			e.emit(ir.OpI32RemS)
			e.konst(v.val)
			e.emit(ir.OpI32Eq)
			if l.val > 1 {
				e.get(m)
				e.konst(p)
				e.emit(ir.OpI32GeS, ir.OpI32Mul)
			}
			e.emit(ir.OpI32Add)
		}
	case "rebase": // acc += digit * p, p *= c
		c := e.pusher(a[2])
		p := e.alloc()
		e.emit(ir.OpConst1)
		e.set(p)
		e.emit(ir.OpConst0)
		step = func() {
			e.get(acc)
			digit()
			e.get(p)
			e.emit(ir.OpI32Mul, ir.OpI32Add)
			e.get(p)
			c()
			e.emit(ir.OpI32Mul)
			e.set(p)
		}
	default:
		e.fail("no lowering for %s", x.name)
	}
	e.set(acc)
	e.emit(ir.OpLoopBegin)
	step()
	e.set(acc)
	next()
	e.emit(ir.LocalTee(m), ir.OpBrIf, ir.OpLoopEnd) // on while m != 0
	e.get(acc)
}

// bitOp combines two bits (each 0 or 1, or any truth values for
// bitor) on the stack into bitand, bitor or bitxor of them.
func (e *emitter) bitOp(name string) {
	switch name {
	case "bitand":
		e.emit(ir.OpI32Mul)
	case "bitor":
		e.emit(ir.OpI32Add, ir.OpConst0, ir.OpI32GtS)
	default:
		e.emit(ir.OpI32Ne)
	}
}

// bitwise pushes x AND/OR/XOR y (x, y >= 0): bit by bit, r += bit * p.
func (e *emitter) bitwise(name string, x, y *node) {
	lx, ly := e.copyOf(x), e.copyOf(y)
	r, p := e.alloc(), e.alloc()
	e.emit(ir.OpConst0)
	e.set(r)
	e.emit(ir.OpConst1)
	e.set(p)
	bit := func(l int) { e.get(l); e.emit(ir.OpConst2, ir.OpI32RemS) }
	e.while(func() { e.get(lx); e.get(ly); e.emit(ir.OpI32Add, ir.OpConst0, ir.OpI32GtS) }, func() {
		e.get(r)
		bit(lx)
		bit(ly)
		e.bitOp(name)
		e.get(p)
		e.emit(ir.OpI32Mul, ir.OpI32Add)
		e.set(r)
		for _, l := range []int{lx, ly} {
			e.get(l)
			e.emit(ir.OpConst2, ir.OpI32DivS)
			e.set(l)
		}
		e.get(p)
		e.emit(ir.OpConst2, ir.OpI32Mul)
		e.set(p)
	})
	e.get(r)
}

// dmap pushes dmap(j, b, z, s...) (see evalDmap): while j > 0, the digit
// d = j mod k (z = 0: (j-1) mod k, j-1 in place of j) adds s(d) * p, and
// p *= b.
func (e *emitter) dmap(x *node) {
	for _, a := range x.kids[1:] {
		if a.k != kNum {
			e.fail("dmap of a digit set not constant")
		}
	}
	b, z, s := x.kids[1].val, x.kids[2].val == 1, x.kids[3:]
	k := int64(len(s))
	if k < 1 || k == 1 && !z {
		e.fail("dmap of %d digits", k)
	}
	j := e.copyOf(x.kids[0])
	acc, p, d := e.alloc(), e.alloc(), e.alloc()
	e.emit(ir.OpConst0)
	e.set(acc)
	e.emit(ir.OpConst1)
	e.set(p)
	e.while(func() { e.get(j); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() {
		if !z {
			e.inc(j, -1)
		}
		e.get(j)
		e.konst(k)
		e.emit(ir.OpI32RemS)
		e.set(d)
		e.get(j)
		e.konst(k)
		e.emit(ir.OpI32DivS)
		e.set(j)
		e.get(acc) // acc + s(d) * p, s(d) as a sum of (d = i) * s(i)
		e.emit(ir.OpConst0)
		for i, v := range s {
			if v.val == 0 {
				continue
			}
			e.get(d)
			e.konst(int64(i))
			e.emit(ir.OpI32Eq)
			e.konst(v.val)
			e.emit(ir.OpI32Mul, ir.OpI32Add)
		}
		e.get(p)
		e.emit(ir.OpI32Mul, ir.OpI32Add)
		e.set(acc)
		e.get(p)
		e.konst(b)
		e.emit(ir.OpI32Mul)
		e.set(p)
	})
	e.get(acc)
}
