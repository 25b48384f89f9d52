package nn

import (
	"fmt"
	"math"

	G "gorgonia.org/gorgonia"
	"gorgonia.org/tensor"
)

// SigmoidXent is the mean binary cross-entropy of sigmoid(logits) (N×T)
// against target (N×T) holding 0, 1 or Ignore; Ignore entries add nothing
// and the mean is over the others (multi-label classification). Only
// logits are differentiated.
func SigmoidXent(logits, target *G.Node) (*G.Node, error) {
	return G.ApplyOp(bceOp{newBase("nn.SigmoidXent", []int{2, 2}, 0)}, logits, target)
}

type bceOp struct{ base }

func (op bceOp) InferShape(...G.DimSizer) (tensor.Shape, error) { return tensor.ScalarShape(), nil }

func bceInputs(name string, vals []G.Value) (x, t []float32, shape tensor.Shape, err error) {
	x, shape, err = floats(vals[0])
	if err != nil {
		return nil, nil, nil, err
	}
	t, _, err = floats(vals[1])
	if err != nil {
		return nil, nil, nil, err
	}
	if len(x) != len(t) {
		return nil, nil, nil, fmt.Errorf("nn: %s: %d logits against %d targets", name, len(x), len(t))
	}
	for i, v := range t {
		if v != 0 && v != 1 && v != Ignore {
			return nil, nil, nil, fmt.Errorf("nn: %s: target %d is %v, want 0, 1 or %d", name, i, v, Ignore)
		}
	}
	return x, t, shape, nil
}

func (op bceOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, 2, vals); err != nil {
		return nil, err
	}
	x, t, _, err := bceInputs(op.name, vals)
	if err != nil {
		return nil, err
	}
	var sum float64
	n := 0
	for i, v := range t {
		if v == Ignore {
			continue
		}
		z := float64(x[i])
		// log(1+e^-|z|) + max(z,0) - z*t, stable for any z
		sum += math.Log1p(math.Exp(-math.Abs(z))) + math.Max(z, 0) - z*float64(v)
		n++
	}
	if n > 0 {
		sum /= float64(n)
	}
	return G.NewF32(float32(sum)), nil
}

func (op bceOp) DiffWRT(int) []bool { return []bool{true, false} }

func (op bceOp) SymDiff(in G.Nodes, out, grad *G.Node) (G.Nodes, error) {
	d, err := G.ApplyOp(bceGradOp{newBase("nn.SigmoidXentGrad", []int{2, 2, 0}, 2)}, in[0], in[1], grad)
	if err != nil {
		return nil, err
	}
	return G.Nodes{d, nil}, nil
}

type bceGradOp struct{ base }

func (op bceGradOp) InferShape(ds ...G.DimSizer) (tensor.Shape, error) {
	return sameShape(ds)
}

func (op bceGradOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, 3, vals); err != nil {
		return nil, err
	}
	x, t, shape, err := bceInputs(op.name, vals)
	if err != nil {
		return nil, err
	}
	seed, err := scalar(vals[2])
	if err != nil {
		return nil, err
	}
	n := scored(t)
	out := op.allocZero(len(x))
	if n > 0 {
		scale := seed / float32(n)
		for i, v := range t {
			if v != Ignore {
				out[i] = (Sigmoid(x[i]) - v) * scale
			}
		}
	}
	return dense(out, shape...), nil
}

// Sigmoid is 1/(1+e^-x).
func Sigmoid(x float32) float32 { return float32(1 / (1 + math.Exp(-float64(x)))) }
