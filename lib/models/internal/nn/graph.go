package nn

import (
	"fmt"
	"math/rand/v2"

	G "gorgonia.org/gorgonia"
	"gorgonia.org/tensor"
)

// Graph is a compiled gorgonia graph with its tape machine, its input
// buffers (filled in place before every run) and, for training graphs, the
// loss and the weight nodes to update.
type Graph struct {
	g       *G.ExprGraph
	vm      G.VM
	Loss    *G.Node
	Logits  *G.Node
	Weights G.Nodes
	Inputs  map[string][]float32
	train   bool
	masks   []string // dropout masks, refilled by Run
	keep    float64
}

func newGraph() *Graph {
	return &Graph{g: G.NewGraph(), Inputs: map[string][]float32{}}
}

func (gr *Graph) input(name string, shape ...int) *G.Node {
	n := 1
	for _, d := range shape {
		n *= d
	}
	data := make([]float32, n)
	node, _ := Input(gr.g, name, data, shape...)
	gr.Inputs[name] = data
	return node
}

// dropout multiplies x by a fresh mask every run when p > 0.
func (gr *Graph) dropout(x *G.Node, name string, p float64) (*G.Node, error) {
	if p <= 0 {
		return x, nil
	}
	m := gr.input(name, x.Shape()...)
	gr.masks = append(gr.masks, name)
	gr.keep = 1 - p
	return MulMask(x, m)
}

// mask returns a dropout mask input shaped like x, refilled every run, for
// a training graph with p > 0, and nil otherwise.
func (gr *Graph) mask(name string, train bool, p float64, x *G.Node) *G.Node {
	if !train || p <= 0 {
		return nil
	}
	m := gr.input(name, x.Shape()...)
	gr.masks = append(gr.masks, name)
	gr.keep = 1 - p
	return m
}

func (gr *Graph) compile(train bool) error {
	gr.train = train
	if train {
		if _, err := G.Grad(gr.Loss, gr.Weights...); err != nil {
			return fmt.Errorf("nn: differentiate: %w", err)
		}
		gr.vm = G.NewTapeMachine(gr.g, G.BindDualValues(gr.Weights...))
		return nil
	}
	gr.vm = G.NewTapeMachine(gr.g)
	return nil
}

// Run executes the graph once. With a solver it also updates the weights.
// rng draws the dropout masks (nil: no dropout masks are drawn and they
// must have been filled by the caller).
func (gr *Graph) Run(solver G.Solver, rng *rand.Rand) (loss float32, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("nn: gorgonia panicked: %v", r)
		}
	}()
	if rng != nil {
		scale := float32(1 / gr.keep)
		// Four 16-bit draws per 64-bit random number: keep probability
		// within 2⁻¹⁶ of 1-p.
		thresh := uint64(gr.keep*65536 + 0.5)
		for _, name := range gr.masks {
			m := gr.Inputs[name]
			for i := 0; i < len(m); i += 4 {
				r := rng.Uint64()
				for j := i; j < min(i+4, len(m)); j++ {
					if r&0xffff < thresh {
						m[j] = scale
					} else {
						m[j] = 0
					}
					r >>= 16
				}
			}
		}
	}
	defer gr.vm.Reset()
	if err := gr.vm.RunAll(); err != nil {
		return 0, fmt.Errorf("nn: run: %w", err)
	}
	if gr.Loss != nil {
		loss, err = scalar(gr.Loss.Value())
		if err != nil {
			return 0, err
		}
	}
	if solver != nil {
		if err := solver.Step(G.NodesToValueGrads(gr.Weights)); err != nil {
			return 0, err
		}
	}
	// Gorgonia adds each run's gradients to the weights' bound derivatives;
	// clear them so every run starts from zero.
	if gr.train {
		for _, w := range gr.Weights {
			g, err := w.Grad()
			if err != nil {
				return 0, fmt.Errorf("nn: gradient of %s: %w", w.Name(), err)
			}
			d, _, err := floats(g)
			if err != nil {
				return 0, err
			}
			clear(d)
		}
	}
	return loss, nil
}

// LogitsData returns the logits computed by the last Run (valid until the
// next one).
func (gr *Graph) LogitsData() ([]float32, tensor.Shape, error) {
	return floats(gr.Logits.Value())
}

// Close releases the tape machine.
func (gr *Graph) Close() {
	if gr.vm != nil {
		gr.vm.Close()
	}
}

func linear(x *G.Node, w, b *G.Node) (*G.Node, error) { return Linear(x, w, b) }
