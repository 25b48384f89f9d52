package nn

import (
	"fmt"
	"math/rand/v2"

	G "gorgonia.org/gorgonia"
)

// MLP is in→hidden→hidden→out with ReLU and dropout after each hidden layer.
type MLP struct {
	In, Hidden, Out int
	Dropout         float64
	P               Params
}

// NewMLP makes an MLP initialised like PyTorch's nn.Linear.
func NewMLP(in, hidden, out int, dropout float64, rng *rand.Rand) *MLP {
	m := &MLP{In: in, Hidden: hidden, Out: out, Dropout: dropout}
	dims := []int{in, hidden, hidden, out}
	for i := 0; i < 3; i++ {
		w := m.P.Add(fmt.Sprintf("fc%d.w", i+1), dims[i], dims[i+1])
		b := m.P.Add(fmt.Sprintf("fc%d.b", i+1), dims[i+1])
		LinearInit(rng, w, b, dims[i])
	}
	return m
}

// Graph builds a graph over batches of n rows: input "x" (n×In), input
// "target" (n class indices or Ignore, scored by SoftmaxXent). A training
// graph has dropout and gradients; an evaluation graph has neither.
func (m *MLP) Graph(n int, train bool) (gr *Graph, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("nn: build MLP graph: %v", r)
		}
	}()
	gr = newGraph()
	x := gr.input("x", n, m.In)
	target := gr.input("target", n)
	var ws G.Nodes
	for _, p := range m.P.List {
		ws = append(ws, p.Node(gr.g))
	}
	h := x
	for i := 0; i < 3; i++ {
		if h, err = linear(h, ws[2*i], ws[2*i+1]); err != nil {
			return nil, err
		}
		if i == 2 {
			break
		}
		if h, err = ReLU(h); err != nil {
			return nil, err
		}
		if train {
			if h, err = gr.dropout(h, fmt.Sprintf("drop%d", i+1), m.Dropout); err != nil {
				return nil, err
			}
		}
	}
	gr.Logits = h
	if gr.Loss, err = SoftmaxXent(h, target); err != nil {
		return nil, err
	}
	gr.Weights = ws
	if err := gr.compile(train); err != nil {
		return nil, err
	}
	return gr, nil
}
