package nn

import (
	"fmt"
	"math"

	G "gorgonia.org/gorgonia"
	"gorgonia.org/tensor"
)

// LNEps is the variance epsilon of LayerNorm (PyTorch's default).
const LNEps = 1e-5

// LayerNorm normalises every row of x (N×D) to zero mean and unit variance,
// then scales by g (D) and shifts by b (D).
func LayerNorm(x, g, b *G.Node) (*G.Node, error) {
	return G.ApplyOp(lnOp{newBase("nn.LayerNorm", []int{2, 1, 1}, 2), &lnStats{}}, x, g, b)
}

type lnOp struct {
	base
	stats *lnStats
}

// lnStats holds each row's mean and 1/std from the forward pass of a run,
// which the gradient ops of the same run read instead of recomputing.
type lnStats struct{ mean, rstd []float32 }

func (s *lnStats) of(x []float32, d int) (mean, rstd []float32) {
	n := len(x) / d
	if s == nil || len(s.mean) != n {
		mean, rstd = make([]float32, n), make([]float32, n)
		for i := range mean {
			mean[i], rstd[i] = rowStats(x[i*d : (i+1)*d])
		}
		return mean, rstd
	}
	return s.mean, s.rstd
}

func (op lnOp) InferShape(ds ...G.DimSizer) (tensor.Shape, error) {
	return sameShape(ds)
}

func (op lnOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, 3, vals); err != nil {
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
	b, _, err := floats(vals[2])
	if err != nil {
		return nil, err
	}
	if len(xs) != 2 || xs[1] != len(g) || len(g) != len(b) {
		return nil, fmt.Errorf("nn: LayerNorm shapes %v, (%d), (%d)", xs, len(g), len(b))
	}
	out := op.alloc(len(x))
	d, n := len(g), len(x)/len(g)
	if len(op.stats.mean) != n {
		op.stats.mean, op.stats.rstd = make([]float32, n), make([]float32, n)
	}
	for i := 0; i < n; i++ {
		r := x[i*d : (i+1)*d]
		mean, rstd := rowStats(r)
		op.stats.mean[i], op.stats.rstd[i] = mean, rstd
		o := out[i*d : (i+1)*d]
		for j := range o {
			o[j] = (r[j]-mean)*rstd*g[j] + b[j]
		}
	}
	return dense(out, xs...), nil
}

// LayerNormRows writes the layer norm of every row of x into out.
func LayerNormRows(out, x, g, b []float32) {
	d := len(g)
	for i := 0; i < len(x); i += d {
		mean, rstd := rowStats(x[i : i+d])
		o, r := out[i:i+d], x[i:i+d]
		for j := range o {
			o[j] = (r[j]-mean)*rstd*g[j] + b[j]
		}
	}
}

func rowStats(r []float32) (mean, rstd float32) {
	var s float64
	for _, v := range r {
		s += float64(v)
	}
	m := s / float64(len(r))
	var q float64
	for _, v := range r {
		d := float64(v) - m
		q += d * d
	}
	return float32(m), float32(1 / math.Sqrt(q/float64(len(r))+LNEps))
}

func (op lnOp) DiffWRT(int) []bool { return []bool{true, true, true} }

func (op lnOp) SymDiff(in G.Nodes, out, grad *G.Node) (G.Nodes, error) {
	dx, err := G.ApplyOp(lnGradXOp{newBase("nn.LayerNormGradX", []int{2, 1, 2}, 2), op.stats}, in[0], in[1], grad)
	if err != nil {
		return nil, err
	}
	dg, err := G.ApplyOp(lnGradGOp{newBase("nn.LayerNormGradG", []int{2, 2}, 1), op.stats}, in[0], grad)
	if err != nil {
		return nil, err
	}
	db, err := ColSum(grad)
	if err != nil {
		return nil, err
	}
	return G.Nodes{dx, dg, db}, nil
}

type lnGradXOp struct {
	base
	stats *lnStats
}

func (op lnGradXOp) InferShape(ds ...G.DimSizer) (tensor.Shape, error) {
	return sameShape(ds)
}

func (op lnGradXOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, 3, vals); err != nil {
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
	dy, _, err := floats(vals[2])
	if err != nil {
		return nil, err
	}
	d := len(g)
	out := op.alloc(len(x))
	xhat := make([]float32, d)
	means, rstds := op.stats.of(x, d)
	for i := 0; i < len(x); i += d {
		r, dr, o := x[i:i+d], dy[i:i+d], out[i:i+d]
		mean, rstd := means[i/d], rstds[i/d]
		var s1, s2 float32
		for j := range r {
			xhat[j] = (r[j] - mean) * rstd
			dxh := dr[j] * g[j]
			s1 += dxh
			s2 += dxh * xhat[j]
		}
		s1 /= float32(d)
		s2 /= float32(d)
		for j := range o {
			o[j] = rstd * (dr[j]*g[j] - s1 - xhat[j]*s2)
		}
	}
	return dense(out, xs...), nil
}

type lnGradGOp struct {
	base
	stats *lnStats
}

func (op lnGradGOp) InferShape(ds ...G.DimSizer) (tensor.Shape, error) {
	s, err := inputShape(ds, 0)
	if err != nil {
		return nil, err
	}
	return tensor.Shape{s[1]}, nil
}

func (op lnGradGOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, 2, vals); err != nil {
		return nil, err
	}
	x, xs, err := floats(vals[0])
	if err != nil {
		return nil, err
	}
	dy, _, err := floats(vals[1])
	if err != nil {
		return nil, err
	}
	d := xs[1]
	out := op.allocZero(d)
	means, rstds := op.stats.of(x, d)
	for i := 0; i < len(x); i += d {
		r, dr := x[i:i+d], dy[i:i+d]
		mean, rstd := means[i/d], rstds[i/d]
		for j := range out {
			out[j] += dr[j] * (r[j] - mean) * rstd
		}
	}
	return dense(out, d), nil
}
