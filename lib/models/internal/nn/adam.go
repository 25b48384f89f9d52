package nn

import (
	"fmt"
	"math"

	G "gorgonia.org/gorgonia"
)

// Adam is the Adam optimiser (Kingma & Ba, PyTorch's defaults) with state
// that can be saved and restored, so a resumed run continues exactly. It
// implements gorgonia's Solver interface.
type Adam struct {
	LR, Beta1, Beta2, Eps float64
	Steps                 int
	M, V                  [][]float32
}

// NewAdam returns Adam with learning rate lr, betas (0.9, 0.999), eps 1e-8.
func NewAdam(lr float64) *Adam { return &Adam{LR: lr, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8} }

// Step applies one update to every node from its gradient.
func (a *Adam) Step(model []G.ValueGrad) error {
	if a.M == nil {
		a.M = make([][]float32, len(model))
		a.V = make([][]float32, len(model))
	}
	if len(a.M) != len(model) {
		return fmt.Errorf("nn: adam state has %d tensors, model has %d", len(a.M), len(model))
	}
	a.Steps++
	c1 := 1 - math.Pow(a.Beta1, float64(a.Steps))
	c2 := 1 - math.Pow(a.Beta2, float64(a.Steps))
	lr := float32(a.LR / c1)
	b1, b2 := float32(a.Beta1), float32(a.Beta2)
	rc2 := 1 / math.Sqrt(c2)
	eps := float32(a.Eps)
	for i, n := range model {
		w, _, err := floats(n.Value())
		if err != nil {
			return err
		}
		gv, err := n.Grad()
		if err != nil {
			return fmt.Errorf("nn: adam: no gradient for tensor %d: %w", i, err)
		}
		g, _, err := floats(gv)
		if err != nil {
			return err
		}
		if len(g) != len(w) {
			return fmt.Errorf("nn: adam: tensor %d has %d weights and %d gradients", i, len(w), len(g))
		}
		if a.M[i] == nil {
			a.M[i] = make([]float32, len(w))
			a.V[i] = make([]float32, len(w))
		}
		m, v := a.M[i], a.V[i]
		for j, gj := range g {
			m[j] = b1*m[j] + (1-b1)*gj
			v[j] = b2*v[j] + (1-b2)*gj*gj
			w[j] -= lr * m[j] / (float32(math.Sqrt(float64(v[j]))*rc2) + eps)
		}
	}
	return nil
}
