package nn

import (
	"fmt"

	G "gorgonia.org/gorgonia"
	"gorgonia.org/tensor"
)

// Linear is x·w + b for x (N×K), w (K×M) and b (M) as one op: the bias
// fills the output and one OpenBLAS product adds x·w onto it, into a buffer
// reused from run to run (gorgonia's Mul allocates its output afresh every
// run, and a separate BiasAdd reads and writes it again). Its gradients are
// dy·wᵀ, xᵀ·dy and the column sums of dy.
func Linear(x, w, b *G.Node) (*G.Node, error) {
	xs, ws, bs := x.Shape(), w.Shape(), b.Shape()
	if len(xs) != 2 || len(ws) != 2 || xs[1] != ws[0] || !bs.IsVector() || bs[0] != ws[1] {
		return nil, fmt.Errorf("nn: Linear: shapes %v, %v and %v", xs, ws, bs)
	}
	return G.ApplyOp(linearOp{newBase("nn.Linear", []int{2, 2, 1}, 2)}, x, w, b)
}

type linearOp struct{ base }

func (op linearOp) InferShape(ds ...G.DimSizer) (tensor.Shape, error) {
	a, err := inputShape(ds, 0)
	if err != nil {
		return nil, err
	}
	b, err := inputShape(ds, 1)
	if err != nil {
		return nil, err
	}
	return tensor.Shape{a[0], b[1]}, nil
}

func (op linearOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, 3, vals); err != nil {
		return nil, err
	}
	x, xs, err := floats(vals[0])
	if err != nil {
		return nil, err
	}
	w, ws, err := floats(vals[1])
	if err != nil {
		return nil, err
	}
	b, _, err := floats(vals[2])
	if err != nil {
		return nil, err
	}
	if len(xs) != 2 || len(ws) != 2 || xs[1] != ws[0] || len(b) != ws[1] {
		return nil, fmt.Errorf("nn: %s shapes %v, %v and (%d)", op.name, xs, ws, len(b))
	}
	n, k, m := xs[0], xs[1], ws[1]
	out := op.alloc(n * m)
	for i := 0; i < n; i++ {
		copy(out[i*m:(i+1)*m], b)
	}
	Gemm(false, false, n, m, k, 1, x, k, w, m, 1, out, m)
	return dense(out, n, m), nil
}

func (op linearOp) DiffWRT(int) []bool { return []bool{true, true, true} }

func (op linearOp) SymDiff(in G.Nodes, out, grad *G.Node) (G.Nodes, error) {
	dx, err := G.ApplyOp(newProduct("nn.MulT", false, true), grad, in[1])
	if err != nil {
		return nil, err
	}
	dw, err := G.ApplyOp(newProduct("nn.ConstMulGrad", true, false), in[0], grad)
	if err != nil {
		return nil, err
	}
	db, err := ColSum(grad)
	if err != nil {
		return nil, err
	}
	return G.Nodes{dx, dw, db}, nil
}
