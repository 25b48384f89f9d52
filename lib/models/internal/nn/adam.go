package nn

import (
	"fmt"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

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
	type job struct{ w, g, m, v []float32 }
	jobs := make([]job, len(model))
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
		jobs[i] = job{w, g, a.M[i], a.V[i]}
	}
	// Every element is updated on its own, so splitting the tensors over
	// the cores changes nothing in the result.
	parallelFor(len(jobs), func(i int) {
		j := jobs[i]
		adamUpdate(j.w, j.g, j.m, j.v, lr, b1, b2, float32(rc2), eps)
	})
	return nil
}

// adamUpdate is one Adam step on w in float32 (the square root and the
// division in single precision: both are several times faster than in
// double, and the result stays within float32 rounding of it).
func adamUpdate(w, g, m, v []float32, lr, b1, b2, rc2, eps float32) {
	g, m, v = g[:len(w)], m[:len(w)], v[:len(w)]
	for j, gj := range g {
		mj := b1*m[j] + (1-b1)*gj
		vj := b2*v[j] + (1-b2)*gj*gj
		m[j], v[j] = mj, vj
		w[j] -= lr * mj / (float32(math.Sqrt(float64(vj)))*rc2 + eps)
	}
}

// parallelFor runs f(0..n-1) over GOMAXPROCS workers, each taking the next
// index in turn.
func parallelFor(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		}()
	}
	wg.Wait()
}
