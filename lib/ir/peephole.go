package ir

import "math/bits"

// The compiler's peephole rules: constant folding, identities, strength
// reduction of division by powers of two, and conditions that only test
// against zero. Each keeps the value, the traps and the fuel of every run
// exactly as the interpreter computes them (TestPeepholesExact, the fuzzer).

// evenFact: WASM local `local` holds an even number while IR opcodes
// from..to-1 run (an IF arm on its parity, up to a write or a loop).
type evenFact struct {
	local    int32
	from, to int
}

// parity records which arm of the IF_BEGIN at i runs with an even local:
// "x CONST_2 I32_REM_S IF_BEGIN" (x a local or slot) runs its ELSE arm with
// x even, "... I32_REM_S CONST_0 I32_EQ IF_BEGIN" its then-arm. The fact
// holds until x is written or a loop starts (whose back edge could follow
// a write). Halving an even x needs no rounding fix (see pow2).
func (l *lowerer) parity(i int) {
	ops := l.p.Ops
	at := func(j int) Op {
		if j < 0 {
			return OpStart
		}
		return ops[j]
	}
	j, thenEven := i-1, false
	if at(j) == OpI32Eq && at(j-1) == OpConst0 {
		j, thenEven = j-2, true
	}
	if at(j) != OpI32RemS || at(j-1) != OpConst2 {
		return
	}
	x := at(j - 2)
	var local int32
	switch info := codebook[x]; {
	case info.Category == CatSlot && l.consts == nil:
		local = info.imm
	case x.canon() == OpLocalGet0:
		local = int32(l.m.params) + info.imm
	default:
		return
	}
	from, to := i+1, l.a.match[i] // then-arm: up to ELSE or IF_END
	if !thenEven {
		if ops[to] != OpElse {
			return // no else arm
		}
		from, to = to+1, l.a.match[to]
	}
	for k := from; k < to; k++ {
		op := ops[k]
		if op == OpLoopBegin || (codebook[op].Category == CatLocal && codebook[op].Pops > 0 && int32(l.m.params)+op.Imm() == local) {
			to = k
			break
		}
	}
	l.even = append(l.even, evenFact{local, from, to})
}

// isEven reports whether WASM local t is known even at IR opcode i.
func (l *lowerer) isEven(t int32, i int) bool {
	for _, f := range l.even {
		if f.local == t && f.from <= i && i < f.to {
			return true
		}
	}
	return false
}

// condition runs after an if was emitted: "x CONST_0 I32_NE" as a
// condition is x itself, so the comparison goes; but a mask (x & c) as a
// condition is tested as (x & c) != 0, which wazero compiles to one test
// instruction fused with the branch instead of an and, a test and a jump.
func (l *lowerer) condition() {
	br, ne, zero := l.last(0), l.last(1), l.last(2)
	if fromIR(ne) && ne.code == wI32Ne && fromIR(zero) && zero.code == wI32Const && zero.imm == 0 {
		br.ir0 = zero.ir0
		l.m.body = append(l.m.body[:len(l.m.body)-3], *br)
		br, ne = l.last(0), l.last(1)
	}
	if and := ne; fromIR(and) && and.code == wI32And {
		w, r0, r1 := *br, and.ir0, and.ir1
		l.m.body = append(l.m.body[:len(l.m.body)-1],
			winst{wI32Const, 0, r0, r1}, winst{wI32Ne, 0, r0, r1}, w)
	}
}

// binary emits the arithmetic or comparison at IR index i, folding
// constants and strength-reducing where the result is the same for every
// input: two constants become their result (unless the operation traps,
// which is left to run time); x+0, x-0, x*1 and x/1 become x; x=0 becomes
// i32.eqz; division and remainder by a power of two become shifts (and, for
// a remainder only tested against zero, a mask).
func (l *lowerer) binary(i int) {
	op := l.p.Ops[i]
	b, x := l.last(0), l.last(1)
	if fromIR(b) && b.code == wI32Const {
		if fromIR(x) && x.code == wI32Const {
			if r, ok := fold(op, x.imm, b.imm); ok {
				x.imm, x.ir1 = r, int32(i)
				l.m.body = l.m.body[:len(l.m.body)-1]
				return
			}
		}
		c := b.imm
		switch {
		case (op == OpI32Add || op == OpI32Sub) && c == 0, (op == OpI32Mul || op == OpI32DivS) && c == 1:
			if x != nil && x.ir1 >= 0 && x.ir1+1 == b.ir0 { // x keeps every IR opcode mapped
				x.ir1 = int32(i)
				l.m.body = l.m.body[:len(l.m.body)-1]
				return
			}
		case op == OpI32Eq && c == 0:
			b.code, b.imm, b.ir1 = wI32Eqz, 0, int32(i)
			return
		case (op == OpI32DivS || op == OpI32RemS) && c >= 2 && c&(c-1) == 0:
			l.m.body = l.m.body[:len(l.m.body)-1]
			l.pow2(op == OpI32RemS, c, int(b.ir0), i)
			return
		}
	}
	l.emit(binaryOps[op], 0, i)
}

// pow2 emits x/c (or x rem c) for the x on the stack and c = 2^k with
// shifts instead of i32.div_s (i32.rem_s), which wazero compiles to a
// hardware divide. It is exact for every i32, negatives and INT_MIN
// included: the quotient rounds toward zero, the remainder has the sign of
// x, and division by such a constant cannot trap:
//
//	bias = (x >>s 31) >>u (32-k)    (for k = 1: x >>u 31)
//	q = (x + bias) >>s k            r = x - ((x + bias) & -c)
//
// A remainder whose only use is a test against zero (IF_BEGIN, BR_IF, or
// CONST_0 I32_EQ / I32_NE) is x & (c-1): x rem c is zero exactly when the
// low k bits of x are.
func (l *lowerer) pow2(rem bool, c int32, ir0, i int) {
	k := int32(bits.TrailingZeros32(uint32(c)))
	emit := func(code byte, imm int32) {
		l.m.body = append(l.m.body, winst{code, imm, int32(ir0), int32(i)})
	}
	if rem && l.testedAgainstZero(i) {
		emit(wI32Const, c-1)
		emit(wI32And, 0)
		return
	}
	// x must be read three times: from its local if it was just read from
	// one, else through a scratch local.
	var t int32
	if x := l.last(0); x != nil && x.code == wLocalGet {
		t = x.imm
		if !rem && l.isEven(t, i) { // exact: an even x needs no bias
			emit(wI32Const, k)
			emit(wI32ShrS, 0)
			return
		}
	} else {
		if l.scratch < 0 {
			l.scratch = l.local()
		}
		t = l.scratch
		emit(wLocalTee, t)
	}
	if rem {
		emit(wLocalGet, t)
	}
	emit(wLocalGet, t)
	if k == 1 {
		emit(wI32Const, 31)
		emit(wI32ShrU, 0)
	} else {
		emit(wI32Const, 31)
		emit(wI32ShrS, 0)
		emit(wI32Const, 32-k)
		emit(wI32ShrU, 0)
	}
	emit(wI32Add, 0)
	if rem {
		emit(wI32Const, -c)
		emit(wI32And, 0)
		emit(wI32Sub, 0)
		return
	}
	emit(wI32Const, k)
	emit(wI32ShrS, 0)
}

// testedAgainstZero reports whether the value the IR opcode at i leaves is
// only compared with zero: consumed by IF_BEGIN or BR_IF, or by CONST_0
// followed by I32_EQ or I32_NE.
func (l *lowerer) testedAgainstZero(i int) bool {
	ops := l.p.Ops
	if i+1 >= len(ops) {
		return false
	}
	switch ops[i+1] {
	case OpIfBegin, OpBrIf:
		return true
	case OpConst0:
		return i+2 < len(ops) && (ops[i+2] == OpI32Eq || ops[i+2] == OpI32Ne)
	}
	return false
}

// fold computes "a b op" at compile time; ok is false where it traps.
func fold(op Op, a, b int32) (r int32, ok bool) {
	switch op {
	case OpI32Add:
		return a + b, true
	case OpI32Sub:
		return a - b, true
	case OpI32Mul:
		return a * b, true
	case OpI32DivS, OpI32RemS:
		r, trap := DivRem(op, a, b)
		return r, trap == nil
	case OpI32Eq:
		return b2i(a == b), true
	case OpI32Ne:
		return b2i(a != b), true
	case OpI32LtS:
		return b2i(a < b), true
	case OpI32GtS:
		return b2i(a > b), true
	case OpI32LeS:
		return b2i(a <= b), true
	case OpI32GeS:
		return b2i(a >= b), true
	}
	return 0, false
}
