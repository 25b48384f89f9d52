package nn

import (
	"fmt"
	"math"
	"math/rand/v2"

	G "gorgonia.org/gorgonia"
	"gorgonia.org/tensor"
)

// Param is one named weight tensor. Data is shared with every graph node
// made from it, so an optimiser step is seen by all graphs and by plain-Go
// inference at once.
type Param struct {
	Name  string
	Shape []int
	Data  []float32
}

// Params is an ordered set of weights.
type Params struct {
	List  []*Param
	index map[string]*Param
}

// Add creates a zero parameter of the given shape.
func (ps *Params) Add(name string, shape ...int) *Param {
	n := 1
	for _, d := range shape {
		n *= d
	}
	p := &Param{Name: name, Shape: append([]int(nil), shape...), Data: make([]float32, n)}
	ps.List = append(ps.List, p)
	if ps.index == nil {
		ps.index = map[string]*Param{}
	}
	ps.index[name] = p
	return p
}

// Get returns the parameter called name.
func (ps *Params) Get(name string) *Param {
	if ps.index == nil {
		ps.index = map[string]*Param{}
		for _, p := range ps.List {
			ps.index[p.Name] = p
		}
	}
	return ps.index[name]
}

// Count is the number of scalar weights.
func (ps *Params) Count() int {
	n := 0
	for _, p := range ps.List {
		n += len(p.Data)
	}
	return n
}

// Uniform fills p with U(-a, a).
func (p *Param) Uniform(rng *rand.Rand, a float64) *Param {
	for i := range p.Data {
		p.Data[i] = float32((rng.Float64()*2 - 1) * a)
	}
	return p
}

// Normal fills p with N(0, std²).
func (p *Param) Normal(rng *rand.Rand, std float64) *Param {
	for i := range p.Data {
		p.Data[i] = float32(rng.NormFloat64() * std)
	}
	return p
}

// Fill sets every weight to v.
func (p *Param) Fill(v float32) *Param {
	for i := range p.Data {
		p.Data[i] = v
	}
	return p
}

// LinearInit is PyTorch's nn.Linear default: U(±1/√fanIn) for weight and bias.
func LinearInit(rng *rand.Rand, w, b *Param, fanIn int) {
	a := 1 / math.Sqrt(float64(fanIn))
	w.Uniform(rng, a)
	if b != nil {
		b.Uniform(rng, a)
	}
}

// Node makes a graph node backed by p's data (no copy).
func (p *Param) Node(g *G.ExprGraph) *G.Node {
	t := tensor.New(tensor.WithShape(p.Shape...), tensor.WithBacking(p.Data))
	switch len(p.Shape) {
	case 1:
		return G.NewVector(g, G.Float32, G.WithShape(p.Shape...), G.WithValue(t), G.WithName(p.Name))
	default:
		return G.NewMatrix(g, G.Float32, G.WithShape(p.Shape...), G.WithValue(t), G.WithName(p.Name))
	}
}

// CopyFrom replaces the weights of ps with those of src, which must have the
// same names and shapes.
func (ps *Params) CopyFrom(src []*Param) error {
	if len(src) != len(ps.List) {
		return fmt.Errorf("nn: %d parameters, checkpoint has %d", len(ps.List), len(src))
	}
	for i, p := range ps.List {
		s := src[i]
		if s.Name != p.Name || len(s.Data) != len(p.Data) {
			return fmt.Errorf("nn: parameter %d is %s (%d values), checkpoint has %s (%d values)", i, p.Name, len(p.Data), s.Name, len(s.Data))
		}
		copy(p.Data, s.Data)
	}
	return nil
}

// Input makes an input node of the given shape backed by data.
func Input(g *G.ExprGraph, name string, data []float32, shape ...int) (*G.Node, *tensor.Dense) {
	t := tensor.New(tensor.WithShape(shape...), tensor.WithBacking(data))
	var n *G.Node
	if len(shape) == 1 {
		n = G.NewVector(g, G.Float32, G.WithShape(shape...), G.WithValue(t), G.WithName(name))
	} else {
		n = G.NewMatrix(g, G.Float32, G.WithShape(shape...), G.WithValue(t), G.WithName(name))
	}
	return n, t
}
