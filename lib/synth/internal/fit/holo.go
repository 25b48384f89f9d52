package fit

import (
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// holonomic fits a(n) = ((α + βn)·a(n-1) + (γ + δn)·b) / D, b being
// a(n-2) (order 2) or 1 (order 1): recurrences whose coefficients are
// linear in n (n!, double factorials, a(n) = n·a(n-1) + 1, ...). β or δ
// must be non-zero (else it is a constant-coefficient recurrence). With a
// denominator D > 1 the model is kept only if, extended until its terms
// leave i32, every step's numerator fits in i32 and D divides it, so that
// its program stays exact wherever its answer fits.
func holonomic(x0 int64, ys []int64, order int) (*Model, error) {
	const params = 4
	var rows [][]*big.Rat
	var rhs []*big.Rat
	for i := order; i < len(ys); i++ {
		n := rat(x0 + int64(i))
		b := rat(1)
		if order == 2 {
			b = rat(ys[i-2])
		}
		p := rat(ys[i-1])
		rows = append(rows, []*big.Rat{p, new(big.Rat).Mul(n, p), b, new(big.Rat).Mul(n, b)})
		rhs = append(rhs, rat(ys[i]))
	}
	if len(rows) < params+2 {
		return nil, nil
	}
	c := solveFirst(rows, rhs, params)
	if c == nil || !fitsAll(rows, rhs, c) || (c[1].Sign() == 0 && c[3].Sign() == 0) {
		return nil, nil
	}
	den := big.NewInt(1)
	for _, ci := range c {
		den.Mul(den, new(big.Int).Quo(ci.Denom(), new(big.Int).GCD(nil, nil, den, ci.Denom())))
	}
	if !den.IsInt64() || den.Int64() > math.MaxInt32 {
		return nil, nil
	}
	num := make([]int64, params)
	for i, ci := range c {
		v := new(big.Int).Mul(ci.Num(), new(big.Int).Quo(den, ci.Denom()))
		if !v.IsInt64() || v.Int64() > math.MaxInt32 || v.Int64() < math.MinInt32 {
			return nil, nil
		}
		num[i] = v.Int64()
	}
	d := den.Int64()
	if d > 1 && !exactSteps(x0, ys, order, num, d) {
		return nil, nil
	}
	ops, err := holonomicOps(x0, ys[:order], order, num, d)
	if err != nil {
		return nil, err
	}
	b := "1"
	if order == 2 {
		b = "a(n-2)"
	}
	formula := fmt.Sprintf("a(n) = ((%d + %d*n)*a(n-1) + (%d + %d*n)*%s)", num[0], num[1], num[2], num[3], b)
	if d > 1 {
		formula += fmt.Sprintf(" / %d", d)
	}
	formula = strings.ReplaceAll(formula, "+ -", "- ")
	used := order + params
	return &Model{Method: fmt.Sprintf("holo%d", order), Formula: formula, Used: used, Surplus: len(ys) - used, Ops: ops}, nil
}

// exactSteps extends the model in exact arithmetic until a term leaves i32
// (at most 200 terms) and reports whether every step's numerator fits in
// i32 and is divisible by d.
func exactSteps(x0 int64, ys []int64, order int, c []int64, d int64) bool {
	p1, p2 := big.NewInt(ys[order-1]), big.NewInt(1)
	if order == 2 {
		p2 = big.NewInt(ys[0])
	}
	lim := big.NewInt(math.MaxInt32)
	for i := order; i < 200; i++ {
		n := big.NewInt(x0 + int64(i))
		t1 := new(big.Int).Mul(new(big.Int).Add(big.NewInt(c[0]), new(big.Int).Mul(big.NewInt(c[1]), n)), p1)
		b := big.NewInt(1)
		if order == 2 {
			b = p2
		}
		t2 := new(big.Int).Mul(new(big.Int).Add(big.NewInt(c[2]), new(big.Int).Mul(big.NewInt(c[3]), n)), b)
		s := new(big.Int).Add(t1, t2)
		// the products may wrap; their sum is exact modulo 2^32, so only
		// the sum must fit for the division to be exact
		if new(big.Int).Abs(s).Cmp(lim) > 0 {
			// exact only if the term has left i32 too: nothing after it is asked
			return new(big.Int).Abs(new(big.Int).Quo(s, big.NewInt(d))).Cmp(lim) > 0
		}
		q, r := new(big.Int).QuoRem(s, big.NewInt(d), new(big.Int))
		if r.Sign() != 0 {
			return false
		}
		if order == 2 {
			p2 = p1
		}
		p1 = q
	}
	return true
}

// holonomicOps emits the model: LOCAL_0 counts steps, LOCAL_1 is a(i),
// LOCAL_2 a(i-1) (order 2), LOCAL_3 the index i.
func holonomicOps(x0 int64, init []int64, order int, c []int64, d int64) ([]ir.Op, error) {
	var err error
	ops := []ir.Op{ir.OpStart}
	if order == 2 {
		ops = append(ops, ir.OpSlot0)
		ops = constant(ops, x0, &err)
		ops = append(ops, ir.OpI32Eq, ir.OpIfBegin)
		ops = constant(ops, init[0], &err)
		ops = append(ops, ir.OpReturn, ir.OpIfEnd)
	}
	first := x0 + int64(order) - 1 // the index of the state's a(i)
	ops = append(ops, ir.OpSlot0)
	ops = constant(ops, first, &err)
	ops = append(ops, ir.OpI32Sub, ir.LocalSet(0))
	ops = constant(ops, init[order-1], &err)
	ops = append(ops, ir.LocalSet(1))
	if order == 2 {
		ops = constant(ops, init[0], &err)
		ops = append(ops, ir.LocalSet(2))
	}
	ops = constant(ops, first, &err)
	ops = append(ops, ir.LocalSet(3))
	ops = append(ops, ir.LocalGet(0), ir.OpConst0, ir.OpI32GtS, ir.OpIfBegin, ir.OpLoopBegin,
		ir.LocalGet(3), ir.OpConst1, ir.OpI32Add, ir.LocalSet(3))
	// (c0 + c1*i)*a(i-1)
	ops = constant(ops, c[0], &err)
	ops = constant(ops, c[1], &err)
	ops = append(ops, ir.LocalGet(3), ir.OpI32Mul, ir.OpI32Add, ir.LocalGet(1), ir.OpI32Mul)
	// + (c2 + c3*i)*b
	ops = constant(ops, c[2], &err)
	ops = constant(ops, c[3], &err)
	ops = append(ops, ir.LocalGet(3), ir.OpI32Mul, ir.OpI32Add)
	if order == 2 {
		ops = append(ops, ir.LocalGet(2), ir.OpI32Mul)
	}
	ops = append(ops, ir.OpI32Add)
	if d > 1 {
		ops = constant(ops, d, &err)
		ops = append(ops, ir.OpI32DivS)
	}
	if order == 2 {
		ops = append(ops, ir.LocalGet(1), ir.LocalSet(2))
	}
	ops = append(ops, ir.LocalSet(1),
		ir.LocalGet(0), ir.OpConst1, ir.OpI32Sub, ir.LocalTee(0), ir.OpConst0, ir.OpI32GtS, ir.OpBrIf,
		ir.OpLoopEnd, ir.OpIfEnd, ir.LocalGet(1), ir.OpEnd)
	return finish(ops, err)
}
