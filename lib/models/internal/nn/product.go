package nn

import (
	"fmt"

	G "gorgonia.org/gorgonia"
	"gorgonia.org/tensor"
)

// productOp is op(a)·op(b) for matrices a and b, where op transposes the
// inputs whose flag is set: x·w (neither), xᵀ·dy (ta: the gradient of w in
// x·w) and dy·wᵀ (tb: the gradient of x). One OpenBLAS product into the
// op's buffer, reused from one run of the graph to the next. It has no
// gradient of its own; constMulOp adds one.
type productOp struct {
	base
	ta, tb bool
}

func newProduct(name string, ta, tb bool) productOp {
	return productOp{base: newBase(name, []int{2, 2}, 2), ta: ta, tb: tb}
}

// dims gives op(a) as n×k and op(b) as kb×m for stored shapes as and bs.
func (op productOp) dims(as, bs tensor.Shape) (n, k, kb, m int) {
	n, k = as[0], as[1]
	if op.ta {
		n, k = k, n
	}
	kb, m = bs[0], bs[1]
	if op.tb {
		kb, m = m, kb
	}
	return n, k, kb, m
}

func (op productOp) InferShape(ds ...G.DimSizer) (tensor.Shape, error) {
	a, err := inputShape(ds, 0)
	if err != nil {
		return nil, err
	}
	b, err := inputShape(ds, 1)
	if err != nil {
		return nil, err
	}
	n, _, _, m := op.dims(a, b)
	return tensor.Shape{n, m}, nil
}

func (op productOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, 2, vals); err != nil {
		return nil, err
	}
	a, as, err := floats(vals[0])
	if err != nil {
		return nil, err
	}
	b, bs, err := floats(vals[1])
	if err != nil {
		return nil, err
	}
	if len(as) != 2 || len(bs) != 2 {
		return nil, fmt.Errorf("nn: %s shapes %v and %v", op.name, as, bs)
	}
	n, k, kb, m := op.dims(as, bs)
	if k != kb {
		return nil, fmt.Errorf("nn: %s shapes %v and %v", op.name, as, bs)
	}
	out := op.alloc(n * m)
	Gemm(op.ta, op.tb, n, m, k, 1, a, as[1], b, bs[1], 0, out, m)
	return dense(out, n, m), nil
}
