package fit

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"

	"github.com/irsynth/irsynth/lib/ir"
)

// ErrTooBig: a model needs a constant outside i32, more locals or more
// opcodes than the IR has.
var ErrTooBig = errors.New("fit: model does not fit the IR")

// lin is one new state value: (Σ coef[j]·s[j] + k) / den, den ≥ 1
// (den 1: no division).
type lin struct {
	coef   []int64
	k, den int64
}

// affine emits a program that answers the early terms a(x0), a(x0+1), ...
// directly, then starts from state init at n = x0+len(early) and applies
// rows n - x0 - len(early) times, all values of the state updated at once
// (computed onto the stack, then stored), and returns the state's first
// value. LOCAL_0 counts the steps; the state lives in LOCAL_1.. .
func affine(x0 int64, early, init []int64, rows []lin) ([]ir.Op, error) {
	m := len(init)
	if m+1 > ir.NumLocals {
		return nil, fmt.Errorf("%w: a state of %d values", ErrTooBig, m)
	}
	var err error
	ops := []ir.Op{ir.OpStart}
	for j, y := range early {
		ops = append(ops, ir.OpSlot0)
		ops = constant(ops, x0+int64(j), &err)
		ops = append(ops, ir.OpI32Eq, ir.OpIfBegin)
		ops = constant(ops, y, &err)
		ops = append(ops, ir.OpReturn, ir.OpIfEnd)
	}
	ops = append(ops, ir.OpSlot0)
	ops = constant(ops, x0+int64(len(early)), &err)
	ops = append(ops, ir.OpI32Sub, ir.LocalSet(0))
	for i, v := range init {
		if v != 0 { // locals start at zero
			ops = constant(ops, v, &err)
			ops = append(ops, ir.LocalSet(i+1))
		}
	}
	ops = append(ops, ir.LocalGet(0), ir.OpConst0, ir.OpI32GtS, ir.OpIfBegin, ir.OpLoopBegin)
	for _, r := range rows {
		ops = linear(ops, r, &err)
	}
	for i := m - 1; i >= 0; i-- {
		ops = append(ops, ir.LocalSet(i+1))
	}
	ops = append(ops, ir.LocalGet(0), ir.OpConst1, ir.OpI32Sub, ir.LocalTee(0), ir.OpConst0, ir.OpI32GtS, ir.OpBrIf,
		ir.OpLoopEnd, ir.OpIfEnd, ir.LocalGet(1), ir.OpEnd)
	return finish(ops, err)
}

// linear emits r's value over the state in LOCAL_1.. .
func linear(ops []ir.Op, r lin, err *error) []ir.Op {
	first := true
	for j, c := range r.coef {
		if c == 0 {
			continue
		}
		switch {
		case first && c == 1:
			ops = append(ops, ir.LocalGet(j+1))
		case first:
			ops = constant(ops, c, err)
			ops = append(ops, ir.LocalGet(j+1), ir.OpI32Mul)
		case c == 1:
			ops = append(ops, ir.LocalGet(j+1), ir.OpI32Add)
		case c == -1:
			ops = append(ops, ir.LocalGet(j+1), ir.OpI32Sub)
		case c < 0:
			ops = constant(ops, -c, err)
			ops = append(ops, ir.LocalGet(j+1), ir.OpI32Mul, ir.OpI32Sub)
		default:
			ops = constant(ops, c, err)
			ops = append(ops, ir.LocalGet(j+1), ir.OpI32Mul, ir.OpI32Add)
		}
		first = false
	}
	switch {
	case first:
		ops = constant(ops, r.k, err)
	case r.k > 0:
		ops = constant(ops, r.k, err)
		ops = append(ops, ir.OpI32Add)
	case r.k < 0:
		ops = constant(ops, -r.k, err)
		ops = append(ops, ir.OpI32Sub)
	}
	if r.den != 1 {
		ops = constant(ops, r.den, err)
		ops = append(ops, ir.OpI32DivS)
	}
	return ops
}

// recurrenceOps emits a(n) = Σ c[j]·a(n-1-j) + k from the initial terms
// ys (len(c) of them), the coefficients over their common denominator.
func recurrenceOps(x0 int64, ys []int64, c []*big.Rat, k *big.Rat) ([]ir.Op, error) {
	order := len(c)
	den := new(big.Int).Set(k.Denom())
	for _, cj := range c {
		den.Mul(den, new(big.Int).Quo(cj.Denom(), new(big.Int).GCD(nil, nil, den, cj.Denom())))
	}
	num := func(r *big.Rat) (int64, error) {
		v := new(big.Int).Mul(r.Num(), new(big.Int).Quo(den, r.Denom()))
		if !v.IsInt64() || v.Int64() > math.MaxInt32 || v.Int64() < math.MinInt32 {
			return 0, fmt.Errorf("%w: coefficient %s", ErrTooBig, r.RatString())
		}
		return v.Int64(), nil
	}
	if !den.IsInt64() || den.Int64() > math.MaxInt32 {
		return nil, fmt.Errorf("%w: denominator %s", ErrTooBig, den)
	}
	first := lin{coef: make([]int64, order), den: den.Int64()}
	var err error
	for j, cj := range c {
		if first.coef[j], err = num(cj); err != nil {
			return nil, err
		}
	}
	if first.k, err = num(k); err != nil {
		return nil, err
	}
	rows := []lin{first}
	for i := 1; i < order; i++ { // shift: s[i] takes s[i-1]
		r := lin{coef: make([]int64, order), den: 1}
		r.coef[i-1] = 1
		rows = append(rows, r)
	}
	init := slices.Clone(ys[:order])
	slices.Reverse(init) // s[0] = a(n), s[1] = a(n-1), ...
	return affine(x0, ys[:order-1], init, rows)
}

// periodOps emits a(n) = vals[(n - x0) mod p].
func periodOps(x0 int64, vals []int64) ([]ir.Op, error) {
	p := int64(len(vals))
	var err error
	ops := []ir.Op{ir.OpStart}
	if p == 1 {
		ops = constant(ops, vals[0], &err)
		return finish(append(ops, ir.OpEnd), err)
	}
	ops = append(ops, ir.OpSlot0)
	ops = constant(ops, x0, &err)
	ops = append(ops, ir.OpI32Sub)
	ops = constant(ops, p, &err)
	ops = append(ops, ir.OpI32RemS)
	ops = constant(ops, p, &err)
	ops = append(ops, ir.OpI32Add)
	ops = constant(ops, p, &err)
	ops = append(ops, ir.OpI32RemS, ir.LocalSet(0))
	for j := int64(0); j+1 < p; j++ {
		ops = append(ops, ir.LocalGet(0))
		ops = constant(ops, j, &err)
		ops = append(ops, ir.OpI32Eq, ir.OpIfBegin)
		ops = constant(ops, vals[j], &err)
		ops = append(ops, ir.OpReturn, ir.OpIfEnd)
	}
	ops = constant(ops, vals[p-1], &err)
	return finish(append(ops, ir.OpEnd), err)
}

func finish(ops []ir.Op, err error) ([]ir.Op, error) {
	if err != nil {
		return nil, err
	}
	if len(ops) > ir.MaxLength {
		return nil, fmt.Errorf("%w: %d opcodes", ErrTooBig, len(ops))
	}
	if err := ir.Validate(ir.Program{Name: "fit", Arity: 1, Ops: ops}); err != nil {
		return nil, fmt.Errorf("fit: emitted an invalid program: %w", err)
	}
	return ops, nil
}

// constant appends v, which must fit in i32 (else it sets *err).
func constant(ops []ir.Op, v int64, err *error) []ir.Op {
	if v > math.MaxInt32 || v < math.MinInt32 {
		if *err == nil {
			*err = fmt.Errorf("%w: constant %d", ErrTooBig, v)
		}
		return ops
	}
	return ir.AppendConst(ops, int32(v))
}
