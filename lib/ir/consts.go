package ir

import "math"

// digitOps writes each of 0..10 with the constants the IR has: CONST_0,
// CONST_1, CONST_2 and CONST_10.
var digitOps = [11][]Op{
	{OpConst0},
	{OpConst1},
	{OpConst2},
	{OpConst2, OpConst1, OpI32Add},
	{OpConst2, OpConst2, OpI32Add},
	{OpConst10, OpConst2, OpI32DivS},
	{OpConst10, OpConst2, OpConst2, OpI32Add, OpI32Sub},
	{OpConst10, OpConst2, OpI32Sub, OpConst1, OpI32Sub},
	{OpConst10, OpConst2, OpI32Sub},
	{OpConst10, OpConst1, OpI32Sub},
	{OpConst10},
}

// AppendConst appends opcodes that push v and returns the extended slice.
// The IR has no immediates, so a constant is written with CONST_0/1/2/10:
// its decimal digits by Horner's rule (q*10 + r), a negative one as
// 0 - |v|. No step wraps except INT_MIN's last, as i32 arithmetic does.
// This is the one home of that rule: the synthesizer's lowerings (search
// terms, closed forms, formulas) all write constants with it, and a term's
// opcode count relies on it.
func AppendConst(ops []Op, v int32) []Op {
	switch {
	case v == math.MinInt32:
		ops = AppendConst(append(ops, OpConst0), math.MaxInt32)
		return append(ops, OpI32Sub, OpConst1, OpI32Sub)
	case v < 0:
		return append(AppendConst(append(ops, OpConst0), -v), OpI32Sub)
	case v <= 10:
		return append(ops, digitOps[v]...)
	}
	q, r := v/10, v%10
	if q == 1 {
		ops = append(ops, OpConst10)
	} else {
		ops = append(AppendConst(ops, q), OpConst10, OpI32Mul)
	}
	if r != 0 {
		ops = append(append(ops, digitOps[r]...), OpI32Add)
	}
	return ops
}
