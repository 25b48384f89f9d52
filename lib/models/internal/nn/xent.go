package nn

import (
	"fmt"
	"math"

	G "gorgonia.org/gorgonia"
	"gorgonia.org/tensor"
)

// Ignore marks a target row that takes no part in the loss (padding).
const Ignore = -1

// SoftmaxXent is the mean softmax cross-entropy of logits (N×V) against
// target (N), which holds class indices as float32 or Ignore. Rows marked
// Ignore add nothing; the mean is over the other rows (PyTorch's
// ignore_index). Only logits are differentiated.
func SoftmaxXent(logits, target *G.Node) (*G.Node, error) {
	return G.ApplyOp(xentOp{newBase("nn.SoftmaxXent", []int{2, 1}, 0)}, logits, target)
}

type xentOp struct{ base }

func (op xentOp) InferShape(...G.DimSizer) (tensor.Shape, error) { return tensor.ScalarShape(), nil }

func xentInputs(name string, vals []G.Value) (logits, target []float32, v int, err error) {
	logits, ls, err := floats(vals[0])
	if err != nil {
		return nil, nil, 0, err
	}
	target, _, err = floats(vals[1])
	if err != nil {
		return nil, nil, 0, err
	}
	if len(ls) != 2 || ls[0] != len(target) {
		return nil, nil, 0, fmt.Errorf("nn: %s: logits %v against %d targets", name, ls, len(target))
	}
	v = ls[1]
	for i, t := range target {
		if t != Ignore && (t < 0 || int(t) >= v || t != float32(int(t))) {
			return nil, nil, 0, fmt.Errorf("nn: %s: target %d is %v, want a class in [0,%d) or %d", name, i, t, v, Ignore)
		}
	}
	return logits, target, v, nil
}

func (op xentOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, 2, vals); err != nil {
		return nil, err
	}
	logits, target, v, err := xentInputs(op.name, vals)
	if err != nil {
		return nil, err
	}
	var sum float64
	n := 0
	for i, t := range target {
		if t == Ignore {
			continue
		}
		row := logits[i*v : (i+1)*v]
		sum += LogSumExp(row) - float64(row[int(t)])
		n++
	}
	if n > 0 {
		sum /= float64(n)
	}
	return G.NewF32(float32(sum)), nil
}

// LogSumExp is log Σ exp(row), computed in float64 after subtracting the
// row's maximum so that no term overflows: the softmax cross-entropy's
// normaliser, and the decoder's log-probabilities.
func LogSumExp(row []float32) float64 {
	m := row[0]
	for _, x := range row {
		if x > m {
			m = x
		}
	}
	var s float64
	for _, x := range row {
		s += math.Exp(float64(x - m))
	}
	return float64(m) + math.Log(s)
}

func (op xentOp) DiffWRT(int) []bool { return []bool{true, false} }

func (op xentOp) SymDiff(in G.Nodes, out, grad *G.Node) (G.Nodes, error) {
	d, err := G.ApplyOp(xentGradOp{newBase("nn.SoftmaxXentGrad", []int{2, 1, 0}, 2)}, in[0], in[1], grad)
	if err != nil {
		return nil, err
	}
	return G.Nodes{d, nil}, nil
}

type xentGradOp struct{ base }

func (op xentGradOp) InferShape(ds ...G.DimSizer) (tensor.Shape, error) {
	return sameShape(ds)
}

func (op xentGradOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, 3, vals); err != nil {
		return nil, err
	}
	logits, target, v, err := xentInputs(op.name, vals)
	if err != nil {
		return nil, err
	}
	seed, err := scalar(vals[2])
	if err != nil {
		return nil, err
	}
	n := scored(target)
	out := op.allocZero(len(logits))
	if n == 0 {
		return dense(out, len(target), v), nil
	}
	scale := seed / float32(n)
	for i, t := range target {
		if t == Ignore {
			continue
		}
		o := out[i*v : (i+1)*v]
		copy(o, logits[i*v:(i+1)*v])
		SoftmaxInPlace(o)
		o[int(t)] -= 1
		for j := range o {
			o[j] *= scale
		}
	}
	return dense(out, len(target), v), nil
}

// scored counts the targets that are not Ignore: the denominator of the
// cross-entropy loss's mean.
func scored(targets []float32) int {
	n := 0
	for _, t := range targets {
		if t != Ignore {
			n++
		}
	}
	return n
}
