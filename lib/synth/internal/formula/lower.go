package formula

import (
	"errors"
	"fmt"

	"github.com/irsynth/irsynth/lib/ir"
)

// errLower: a normalized formula that does not fit the IR (too many
// locals or opcodes, a constant outside i32, a construct with no lowering).
var errLower = errors.New("formula: does not fit the IR")

type lowerError struct{ msg string }

// emitter writes a program body. Locals are allocated like a stack: a
// construct takes the locals above those in use and gives them back when
// its value is on the stack. Failures unwind by panic (lowerError),
// recovered in lowerProgram.
type emitter struct {
	ops  []ir.Op
	next int            // first free local
	env  map[string]int // a variable's home: -1 is SLOT_0 (n), else a local
	// exactBinomial: binomial(a, b) divides out a gcd at each step, so no
	// partial product passes the next coefficient (slower, two more locals)
	exactBinomial bool
	// squaring: a power under a mod with a varying exponent is computed
	// by square and multiply (log steps; its squares may wrap where the
	// plain loop's products by a small base do not); squared says one was
	squaring, squared bool
	// lazy: the second operand of an "and" runs inside a loop of one
	// pass (once), so a loop around it is charged its opcodes only when
	// the first operand holds (one more local)
	lazy bool
	// sieve: primality tests below sieveTop read the sieve the program
	// starts with (coverage_sieve.go)
	sieve bool
	// sieveLean: with sieve, sieveTop in word 0 and primality tests of
	// few opcodes (fuel3_prime.go)
	sieveLean bool
	// segments: with sieveLean, prime(i) and primepi(m) past the sieve
	// from segments of it (fuel3_prime.go)
	segments bool
	// pascal: binomials are read from Pascal's triangle in memory
	// (eqn_pascal.go)
	pascal bool
	// ringDiv: floor divisions by an odd divisor through residues, and
	// factorials and Fibonacci numbers reduced under a mod (eqn_ring.go)
	ringDiv bool
	// memFree: the program keeps no table in memory, so a binomial under
	// a mod may fill a row of Pascal's triangle there (ringDiv; wide_div.go)
	memFree bool
	// bigDigits: digit functions of long numbers built in memory
	// (wide_digits.go)
	bigDigits bool
	// wheel: primality by trial division over a wheel of 30 (fuel2_prime.go)
	wheel bool
	// bits32: bitwise operations on all 32 bits, operands of either sign
	// (fuel2_bits.go)
	bits32 bool
	// gcdRing: gcd(a, b) as gcd(a mod b, b), a reduced as it is computed
	// (fuel2_gcd.go)
	gcdRing bool
	// wrapSafe: exact quotients of products by a constant and binomials
	// by a constant split the divisor over the factors (wrapsafe.go)
	wrapSafe bool
	// arity is the program's operand count (0: one, n in SLOT_0);
	// operands.go lowers requests over several
	arity int
	// spill: the outermost spill locals live in memory (parse3_spill.go);
	// spilling: get, set or tee is emitting
	spill    int
	spilling bool
}

// lowerProgram compiles an integer formula over n (SLOT_0) to a whole
// program, START to END, that ir.Validate accepts.
func lowerProgram(x *node) (ops []ir.Op, err error) { return lowerWith(x, false) }

// lowerWith is lowerProgram with the choice of binomial lowering: lazy
// "and"s where the locals and opcodes allow, else plain ones.
func lowerWith(x *node, exactBinomial bool) (ops []ir.Op, err error) {
	if ops, err := lowerMode(x, exactBinomial, true); err == nil {
		return ops, nil
	}
	ops, err = lowerMode(x, exactBinomial, false)
	if err != nil {
		return lowerSpilled(x, exactBinomial, err)
	}
	return ops, nil
}

// lowerSquaring is lowerWith with powers under a mod by square and
// multiply; an error if x has none (the program would be lowerWith's).
func lowerSquaring(x *node, exactBinomial bool) ([]ir.Op, error) {
	for _, lazy := range []bool{true, false} {
		e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}, exactBinomial: exactBinomial, lazy: lazy, squaring: true}
		ops, err := e.program(x)
		if err == nil && !e.squared {
			return nil, fmt.Errorf("%w: no power to square", errLower)
		}
		if err == nil {
			return ops, nil
		}
	}
	return nil, fmt.Errorf("%w: does not fit", errLower)
}

func lowerMode(x *node, exactBinomial, lazy bool) (ops []ir.Op, err error) {
	if wrapSafeUse(x) { // wrapsafe.go: exact where a product wraps; else as before
		e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}, exactBinomial: exactBinomial, lazy: lazy, wrapSafe: true}
		if ops, err := e.program(x); err == nil {
			return ops, nil
		}
	}
	e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}, exactBinomial: exactBinomial, lazy: lazy}
	return e.program(x)
}

// program lowers x to a whole program with e's choices.
func (e *emitter) program(x *node) (ops []ir.Op, err error) {
	defer caught(&ops, &err)
	e.lower(x)
	e.emit(ir.OpEnd)
	if len(e.ops) > ir.MaxLength {
		e.fail("%d opcodes", len(e.ops))
	}
	if err := ir.Validate(ir.Program{Arity: max(e.arity, 1), Ops: e.ops}); err != nil {
		return nil, fmt.Errorf("%w: %v", errLower, err)
	}
	return e.ops, nil
}

// caught, deferred, turns a lowerError panic (fail) into err with no
// ops; any other panic goes on up.
func caught(ops *[]ir.Op, err *error) {
	if r := recover(); r != nil {
		le, ok := r.(lowerError)
		if !ok {
			panic(r)
		}
		*ops, *err = nil, fmt.Errorf("%w: %s", errLower, le.msg)
	}
}

func (e *emitter) fail(format string, args ...any) {
	panic(lowerError{fmt.Sprintf(format, args...)})
}

func (e *emitter) emit(ops ...ir.Op) {
	if e.spill > 0 && !e.spilling {
		e.spillGuard(ops)
	}
	e.ops = append(e.ops, ops...)
	if len(e.ops) > ir.MaxLength {
		e.fail("more than %d opcodes", ir.MaxLength)
	}
}

func (e *emitter) alloc() int {
	if e.spill > 0 {
		return e.allocSpill()
	}
	if e.next >= ir.NumLocals {
		e.fail("needs more than %d locals", ir.NumLocals)
	}
	e.next++
	return e.next - 1
}

func (e *emitter) get(l int) {
	if e.spill > 0 {
		e.getSpill(l)
		return
	}
	if l < 0 {
		e.emit(ir.OpSlot0)
		return
	}
	e.emit(ir.LocalGet(l))
}
func (e *emitter) set(l int) {
	if e.spill > 0 {
		e.setSpill(l)
		return
	}
	e.emit(ir.LocalSet(l))
}

// konst pushes c, written with CONST_0/1/2/10 (ir.AppendConst).
func (e *emitter) konst(c int64) {
	if c < -1<<31 || c > 1<<31-1 {
		e.fail("constant %d outside i32", c)
		return
	}
	e.emit(ir.AppendConst(nil, int32(c))...)
}

// hold makes x's value re-readable: a variable already has a home, any
// other value goes to a new local. It returns the home (for get).
func (e *emitter) hold(x *node) int {
	if x.k == kVar {
		l, ok := e.env[x.name]
		if !ok {
			e.fail("unbound variable %s", x.name)
		}
		return l
	}
	e.lower(x)
	l := e.alloc()
	e.set(l)
	return l
}

// while emits: LOOP_BEGIN cond IF_BEGIN body BR IF_END LOOP_END, a loop
// that runs body as long as cond is nonzero. Both leave the stack as
// they found it (cond pushes one value, which IF_BEGIN pops).
func (e *emitter) while(cond, body func()) {
	e.emit(ir.OpLoopBegin)
	cond()
	e.emit(ir.OpIfBegin)
	body()
	e.emit(ir.OpBr, ir.OpIfEnd, ir.OpLoopEnd)
}

// inc adds c to local l.
func (e *emitter) inc(l int, c int64) {
	e.get(l)
	if c < 0 {
		e.konst(-c)
		e.emit(ir.OpI32Sub)
	} else {
		e.konst(c)
		e.emit(ir.OpI32Add)
	}
	e.set(l)
}

var arith = map[kind]ir.Op{kAdd: ir.OpI32Add, kSub: ir.OpI32Sub, kMul: ir.OpI32Mul, kDivT: ir.OpI32DivS}

var cmpOps = map[string]ir.Op{"=": ir.OpI32Eq, "!=": ir.OpI32Ne, "<": ir.OpI32LtS, ">": ir.OpI32GtS, "<=": ir.OpI32LeS, ">=": ir.OpI32GeS}

// lower pushes the value of integer formula x.
func (e *emitter) lower(x *node) {
	mark := e.next
	defer func() { e.next = mark }()
	switch x.k {
	case kNum:
		e.konst(x.val)
	case kVar:
		e.get(e.hold(x))
	case kAdd, kSub, kMul, kDivT:
		if a, b, ok := wideConstDiv(x); ok && x.k == kDivT && e.ringDiv && e.wideQuot(a, b, true) {
			break // wide_div.go: exact division of a value past i32
		}
		if x.k == kDivT && e.wrapSafe && e.wrapSafeQuot(x) {
			break // wrapsafe.go: a product divided before it wraps
		}
		e.lower(x.kids[0])
		e.lower(x.kids[1])
		e.emit(arith[x.k])
	case kNeg:
		e.emit(ir.OpConst0)
		e.lower(x.kids[0])
		e.emit(ir.OpI32Sub)
	case kFloorDiv:
		e.floorDiv(x.kids[0], x.kids[1])
	case kMod:
		m := e.hold(x.kids[1])
		e.ring(x.kids[0], m)
		e.get(m)
		e.emit(ir.OpI32Add)
		e.get(m)
		e.emit(ir.OpI32RemS)
	case kPow:
		e.pow(x.kids[0], x.kids[1], -2)
	case kFact:
		c, r := e.hold(x.kids[0]), e.alloc()
		if c < 0 || x.kids[0].k == kVar { // the counter is written: copy it
			e.get(c)
			c = e.alloc()
			e.set(c)
		}
		e.emit(ir.OpConst1)
		e.set(r)
		e.while(func() { e.get(c); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() {
			e.get(r)
			e.get(c)
			e.emit(ir.OpI32Mul)
			e.set(r)
			e.inc(c, -1)
		})
		e.get(r)
	case kCall:
		e.call(x)
	case kSum, kProd:
		if x.k == kSum && e.wrapSafe && e.sumClosed(x) {
			break // wrapsafe_sum.go: a polynomial's sum in closed form
		}
		e.bigOp(x)
	case kSumDiv:
		e.sumDiv(x)
	case kNth:
		e.nth(x)
	case kIsPrime:
		if e.wheel && x.kids[0].k != kVar { // fuel2_prime.go: a value, not a list's candidate
			e.isPrimeWheel(e.hold(x.kids[0]))
			break
		}
		e.isPrime(e.hold(x.kids[0]))
	case kCmp:
		op, ok := cmpOps[x.name]
		if !ok {
			e.fail("comparison %q", x.name)
		}
		e.lower(x.kids[0])
		e.lower(x.kids[1])
		e.emit(op)
	case kRec:
		e.rec(x)
	case kDnc:
		e.dncNode(x)
	case kMem:
		e.memRec(x)
	case kMemRef:
		e.memRef(x)
	case kTri:
		e.tri(x)
	case kPart:
		e.part(x)
	case kBinSum: // acc on the stack, b = binomial(n, k) in a local
		if e.wrapSafe && e.binSumSplit(x) {
			break // wrapsafe_sum.go: each binomial exact mod 2^32
		}
		n, b := e.hold(x.kids[0]), e.alloc()
		e.emit(ir.OpConst1)
		e.set(b)
		e.konst(x.vals[0])
		for k := int64(1); k < int64(len(x.vals)); k++ {
			e.get(b)
			e.get(n)
			if k > 1 {
				e.konst(k - 1)
				e.emit(ir.OpI32Sub)
			}
			e.emit(ir.OpI32Mul)
			if k > 1 {
				e.konst(k)
				e.emit(ir.OpI32DivS)
			}
			e.set(b)
			if c := x.vals[k]; c != 0 {
				e.get(b)
				if c != 1 {
					e.konst(c)
					e.emit(ir.OpI32Mul)
				}
				e.emit(ir.OpI32Add)
			}
		}
	case kAnd:
		e.lower(x.kids[0])
		e.emit(ir.OpIfBegin)
		e.once(func() { e.lower(x.kids[1]) })
		e.emit(ir.OpElse, ir.OpConst0, ir.OpIfEnd)
	case kCmp0:
		e.lower(x.kids[0])
		e.emit(ir.OpConst0, ir.OpI32Eq)
	case kTable:
		i := e.hold(x.kids[0])
		e.emit(ir.OpConst0)
		for j, v := range x.vals {
			if v == 0 {
				continue
			}
			e.get(i)
			e.konst(int64(j))
			e.emit(ir.OpI32Eq)
			if v != 1 {
				e.konst(v)
				e.emit(ir.OpI32Mul)
			}
			e.emit(ir.OpI32Add)
		}
	default:
		e.fail("no lowering for %s", x)
	}
}

// floorDiv pushes floor(a/b): the truncated quotient, less one when the
// remainder is nonzero and its sign differs from b's.
func (e *emitter) floorDiv(a, b *node) {
	if e.ringDiv {
		e.floorDivRing(a, b) // eqn_ring.go
		return
	}
	la := e.hold(a)
	if b.k == kNum && b.val > 0 {
		e.get(la)
		e.konst(b.val)
		e.emit(ir.OpI32DivS)
		e.get(la)
		e.konst(b.val)
		e.emit(ir.OpI32RemS, ir.OpConst0, ir.OpI32LtS, ir.OpI32Sub)
		return
	}
	lb := e.hold(b)
	e.get(la)
	e.get(lb)
	e.emit(ir.OpI32DivS)
	e.get(la)
	e.get(lb)
	e.emit(ir.OpI32RemS, ir.OpConst0, ir.OpI32Ne)
	e.get(la)
	e.get(lb)
	e.emit(ir.OpI32RemS, ir.OpConst0, ir.OpI32LtS)
	e.get(lb)
	e.emit(ir.OpConst0, ir.OpI32LtS, ir.OpI32Ne, ir.OpI32Mul, ir.OpI32Sub)
}

// ring pushes a value congruent to x modulo the value in home m, of
// absolute value below |m|: ring operations are reduced as they go, so
// 7^n mod 39 never overflows.
func (e *emitter) ring(x *node, m int) {
	mark := e.next
	defer func() { e.next = mark }()
	switch x.k {
	case kAdd, kSub, kMul:
		e.ring(x.kids[0], m)
		e.ring(x.kids[1], m)
		e.emit(arith[x.k])
	case kNeg:
		e.emit(ir.OpConst0)
		e.ring(x.kids[0], m)
		e.emit(ir.OpI32Sub)
	case kPow:
		if x.kids[0].k == kNum && x.kids[0].val == -1 {
			e.lower(x)
		} else {
			e.pow(x.kids[0], x.kids[1], m)
			return // pow reduces as it goes
		}
	case kSum:
		e.bigOpMod(x, m)
		return
	default:
		if e.ringMore(x, m) { // eqn_ring.go: factorials, Fibonacci numbers
			return
		}
		e.lower(x)
	}
	e.get(m)
	e.emit(ir.OpI32RemS)
}

// pow pushes base^exp for exp >= 0 (1 for a negative exp); with m >= -1
// every product is reduced modulo the value in home m.
func (e *emitter) pow(base, exp *node, m int) {
	reduce := func() {
		if m >= -1 {
			e.get(m)
			e.emit(ir.OpI32RemS)
		}
	}
	// holdBase puts base (reduced modulo m when there is one) in a home
	holdBase := func() int {
		if m < -1 {
			return e.hold(base)
		}
		e.ring(base, m)
		b := e.alloc()
		e.set(b)
		return b
	}
	if base.k == kNum && base.val == -1 { // (-1)^e = 1 - 2*(e mod 2)^2
		r := e.alloc()
		e.emit(ir.OpConst1, ir.OpConst2)
		e.lower(exp)
		e.emit(ir.OpConst2, ir.OpI32RemS)
		e.tee(r)
		e.get(r)
		e.emit(ir.OpI32Mul, ir.OpI32Mul, ir.OpI32Sub)
		return
	}
	if exp.k == kNum && exp.val >= 0 && exp.val <= 12 {
		if exp.val == 0 {
			e.emit(ir.OpConst1)
			return
		}
		b := holdBase()
		e.get(b)
		for i := int64(1); i < exp.val; i++ {
			e.get(b)
			e.emit(ir.OpI32Mul)
			reduce()
		}
		return
	}
	// a base that is one CONST_ opcode needs no home (one local fewer)
	cheap := m < -1 && base.k == kNum && (base.val == 0 || base.val == 1 || base.val == 2 || base.val == 10)
	var b int
	if !cheap {
		b = holdBase()
	}
	c, r := e.alloc(), e.alloc()
	e.lower(exp)
	e.set(c)
	e.emit(ir.OpConst1)
	e.set(r)
	if m >= -1 && e.squaring { // square and multiply: b is a local of its own here
		e.squared = true
		e.while(func() { e.get(c); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() {
			e.get(c)
			e.emit(ir.OpConst2, ir.OpI32RemS, ir.OpIfBegin)
			e.get(r)
			e.get(b)
			e.emit(ir.OpI32Mul)
			reduce()
			e.set(r)
			e.emit(ir.OpIfEnd)
			e.get(b)
			e.get(b)
			e.emit(ir.OpI32Mul)
			reduce()
			e.set(b)
			e.get(c)
			e.emit(ir.OpConst2, ir.OpI32DivS)
			e.set(c)
		})
		e.get(r)
		return
	}
	e.while(func() { e.get(c); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() {
		e.get(r)
		if cheap {
			e.konst(base.val)
		} else {
			e.get(b)
		}
		e.emit(ir.OpI32Mul)
		reduce()
		e.set(r)
		e.inc(c, -1)
	})
	e.get(r)
}

// copyOf puts x's value in a new local the caller may write.
func (e *emitter) copyOf(x *node) int {
	e.lower(x)
	l := e.alloc()
	e.set(l)
	return l
}

// lazyMin: an "and"'s second operand with more opcodes than this outside
// its own loops runs in a loop of one pass when e.lazy (the pass costs
// four opcodes more).
const lazyMin = 8

// once runs push (which pushes one value) inside LOOP_BEGIN ... LOOP_END
// with no branch back, when e.lazy and push has more than lazyMin opcodes
// outside its loops: the enclosing loop is charged only LOOP_BEGIN's
// block, the one pass its opcodes when it runs (ir's fuel: each loop
// entry costs its own opcodes).
func (e *emitter) once(push func()) {
	start := len(e.ops)
	push()
	if !e.lazy {
		return
	}
	inline, depth := 0, 0
	for _, op := range e.ops[start:] {
		switch op {
		case ir.OpLoopBegin:
			depth++
		case ir.OpLoopEnd:
			depth--
		default:
			if depth == 0 {
				inline++
			}
		}
	}
	if inline <= lazyMin {
		return
	}
	t := e.alloc() // push's own locals are free again: its value is on the stack
	body := append([]ir.Op(nil), e.ops[start:]...)
	e.ops = append(e.ops[:start], ir.OpLoopBegin)
	e.spilling = true // body's opcodes passed emit once
	e.emit(body...)
	e.spilling = false
	e.set(t)
	e.emit(ir.OpLoopEnd)
	e.get(t)
}
