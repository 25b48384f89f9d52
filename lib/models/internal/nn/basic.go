package nn

import (
	"fmt"
	"math"

	G "gorgonia.org/gorgonia"
	"gorgonia.org/tensor"
)

// BiasAdd adds the vector b (M) to every row of x (N×M).
func BiasAdd(x, b *G.Node) (*G.Node, error) {
	return G.ApplyOp(biasAddOp{newBase("nn.BiasAdd", []int{2, 1}, 2)}, x, b)
}

type biasAddOp struct{ base }

func (op biasAddOp) InferShape(ds ...G.DimSizer) (tensor.Shape, error) {
	return sameShape(ds)
}

func (op biasAddOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, 2, vals); err != nil {
		return nil, err
	}
	x, xs, err := floats(vals[0])
	if err != nil {
		return nil, err
	}
	b, _, err := floats(vals[1])
	if err != nil {
		return nil, err
	}
	m := len(b)
	if len(xs) != 2 || xs[1] != m {
		return nil, fmt.Errorf("nn: BiasAdd shapes %v and (%d)", xs, m)
	}
	out := op.alloc(len(x))
	for i := 0; i < len(x); i += m {
		o, r := out[i:i+m], x[i:i+m]
		for j := range o {
			o[j] = r[j] + b[j]
		}
	}
	return dense(out, xs[0], m), nil
}

func (op biasAddOp) DiffWRT(int) []bool { return []bool{true, true} }

func (op biasAddOp) SymDiff(in G.Nodes, out, grad *G.Node) (G.Nodes, error) {
	db, err := ColSum(grad)
	if err != nil {
		return nil, err
	}
	return G.Nodes{grad, db}, nil
}

// ColSum sums the rows of x (N×M) into a vector (M). It is the gradient of
// a bias and is not itself differentiable.
func ColSum(x *G.Node) (*G.Node, error) {
	return G.ApplyOp(colSumOp{newBase("nn.ColSum", []int{2}, 1)}, x)
}

type colSumOp struct{ base }

func (op colSumOp) InferShape(ds ...G.DimSizer) (tensor.Shape, error) {
	s, err := inputShape(ds, 0)
	if err != nil {
		return nil, err
	}
	return tensor.Shape{s[1]}, nil
}

func (op colSumOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, 1, vals); err != nil {
		return nil, err
	}
	x, xs, err := floats(vals[0])
	if err != nil {
		return nil, err
	}
	m := xs[1]
	out := op.allocZero(m)
	colSum(out, x, m)
	return dense(out, m), nil
}

func colSum(out, x []float32, m int) {
	for i := 0; i < len(x); i += m {
		r := x[i : i+m]
		for j := range out {
			out[j] += r[j]
		}
	}
}

// MulMask multiplies x elementwise by a constant mask of the same shape
// (dropout: the mask holds 0 or 1/(1-p)). Only x is differentiated.
func MulMask(x, mask *G.Node) (*G.Node, error) {
	d := x.Dims()
	return G.ApplyOp(mulMaskOp{newBase(fmt.Sprintf("nn.MulMask%d", d), []int{d, d}, d)}, x, mask)
}

type mulMaskOp struct{ base }

func (op mulMaskOp) InferShape(ds ...G.DimSizer) (tensor.Shape, error) {
	return sameShape(ds)
}

func (op mulMaskOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, 2, vals); err != nil {
		return nil, err
	}
	x, xs, err := floats(vals[0])
	if err != nil {
		return nil, err
	}
	m, _, err := floats(vals[1])
	if err != nil {
		return nil, err
	}
	if len(m) != len(x) {
		return nil, fmt.Errorf("nn: MulMask sizes %d and %d", len(x), len(m))
	}
	out := op.alloc(len(x))
	for i := range out {
		out[i] = x[i] * m[i]
	}
	return dense(out, xs...), nil
}

func (op mulMaskOp) DiffWRT(int) []bool { return []bool{true, false} }

func (op mulMaskOp) SymDiff(in G.Nodes, out, grad *G.Node) (G.Nodes, error) {
	dx, err := G.ApplyOp(mulMaskOp{newBase(op.name, op.in, op.out)}, grad, in[1])
	if err != nil {
		return nil, err
	}
	return G.Nodes{dx, nil}, nil
}

// ReLU is max(x, 0) elementwise on a matrix.
func ReLU(x *G.Node) (*G.Node, error) {
	return G.ApplyOp(reluOp{newBase("nn.ReLU", []int{2}, 2)}, x)
}

type reluOp struct{ base }

func (op reluOp) InferShape(ds ...G.DimSizer) (tensor.Shape, error) {
	return sameShape(ds)
}

func (op reluOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, 1, vals); err != nil {
		return nil, err
	}
	x, xs, err := floats(vals[0])
	if err != nil {
		return nil, err
	}
	out := op.alloc(len(x))
	for i, v := range x {
		out[i] = math.Float32frombits(math.Float32bits(v) & positive(v))
	}
	return dense(out, xs...), nil
}

// positive is an all-ones mask when v > 0 and zero otherwise, computed
// without a branch (ReLU's inputs are positive about half the time, so a
// branch mispredicts constantly).
func positive(v float32) uint32 {
	b := math.Float32bits(v)
	return uint32(int32(^b)>>31) & uint32(int32(b|-b)>>31) // sign clear, and not ±0
}

func (op reluOp) DiffWRT(int) []bool { return []bool{true} }

func (op reluOp) SymDiff(in G.Nodes, out, grad *G.Node) (G.Nodes, error) {
	d, err := G.ApplyOp(reluGradOp{newBase("nn.ReLUGrad", []int{2, 2}, 2)}, in[0], grad)
	if err != nil {
		return nil, err
	}
	return G.Nodes{d}, nil
}

type reluGradOp struct{ base }

func (op reluGradOp) InferShape(ds ...G.DimSizer) (tensor.Shape, error) {
	return sameShape(ds)
}

func (op reluGradOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, 2, vals); err != nil {
		return nil, err
	}
	x, xs, err := floats(vals[0])
	if err != nil {
		return nil, err
	}
	g, _, err := floats(vals[1])
	if err != nil {
		return nil, err
	}
	out := op.alloc(len(x))
	for i, v := range x {
		out[i] = math.Float32frombits(math.Float32bits(g[i]) & positive(v))
	}
	return dense(out, xs...), nil
}

// Residual is x + a, or x + a⊙mask when mask is not nil (dropout on a
// residual branch), in one pass into a buffer reused from run to run. Only
// x and a are differentiated.
func Residual(x, a, mask *G.Node) (*G.Node, error) {
	if !x.Shape().Eq(a.Shape()) || (mask != nil && !mask.Shape().Eq(a.Shape())) {
		return nil, fmt.Errorf("nn: Residual: shapes %v and %v", x.Shape(), a.Shape())
	}
	d := x.Dims()
	if mask == nil {
		return G.ApplyOp(residualOp{newBase(fmt.Sprintf("nn.Residual%d", d), []int{d, d}, d)}, x, a)
	}
	return G.ApplyOp(residualOp{newBase(fmt.Sprintf("nn.ResidualMasked%d", d), []int{d, d, d}, d)}, x, a, mask)
}

type residualOp struct{ base }

func (op residualOp) InferShape(ds ...G.DimSizer) (tensor.Shape, error) {
	return sameShape(ds)
}

func (op residualOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, len(op.in), vals); err != nil {
		return nil, err
	}
	x, xs, err := floats(vals[0])
	if err != nil {
		return nil, err
	}
	a, _, err := floats(vals[1])
	if err != nil {
		return nil, err
	}
	if len(a) != len(x) {
		return nil, fmt.Errorf("nn: %s sizes %d and %d", op.name, len(x), len(a))
	}
	out := op.alloc(len(x))
	if len(vals) == 2 {
		for i := range out {
			out[i] = x[i] + a[i]
		}
		return dense(out, xs...), nil
	}
	m, _, err := floats(vals[2])
	if err != nil {
		return nil, err
	}
	if len(m) != len(x) {
		return nil, fmt.Errorf("nn: %s mask size %d, want %d", op.name, len(m), len(x))
	}
	for i := range out {
		out[i] = x[i] + a[i]*m[i]
	}
	return dense(out, xs...), nil
}

func (op residualOp) DiffWRT(n int) []bool {
	if n == 3 {
		return []bool{true, true, false}
	}
	return []bool{true, true}
}

func (op residualOp) SymDiff(in G.Nodes, out, grad *G.Node) (G.Nodes, error) {
	if len(in) == 2 {
		return G.Nodes{grad, grad}, nil
	}
	da, err := MulMask(grad, in[2])
	if err != nil {
		return nil, err
	}
	return G.Nodes{grad, da, nil}, nil
}
