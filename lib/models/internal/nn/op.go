package nn

import (
	"fmt"
	"hash"
	"hash/fnv"
	"io"

	"github.com/chewxy/hm"
	G "gorgonia.org/gorgonia"
	"gorgonia.org/tensor"
)

// base carries the boilerplate every fused op shares. name must spell out
// every parameter of the op: gorgonia merges nodes whose op hashes and
// children are equal.
type base struct {
	name string
	in   []int // dimensions of each input
	out  int   // dimensions of the output; 0 is a scalar
	buf  *scratch
}

// newBase describes an op; every node gets its own output buffer, reused
// from one run of the graph to the next (a run's outputs are dead once the
// next run starts, and each op overwrites its whole buffer).
func newBase(name string, in []int, out int) base {
	return base{name: name, in: in, out: out, buf: &scratch{}}
}

// scratch is an op's reusable output buffer.
type scratch struct{ data []float32 }

// alloc returns the op's output buffer of n values; its contents are stale.
func (b base) alloc(n int) []float32 {
	if b.buf == nil {
		return make([]float32, n)
	}
	if cap(b.buf.data) < n {
		b.buf.data = make([]float32, n)
	}
	return b.buf.data[:n]
}

// allocZero is alloc with the buffer cleared.
func (b base) allocZero(n int) []float32 {
	d := b.alloc(n)
	clear(d)
	return d
}

func (b base) Arity() int { return len(b.in) }

func (b base) Type() hm.Type {
	a := hm.TypeVariable('a')
	ts := make([]hm.Type, 0, len(b.in)+1)
	for _, d := range b.in {
		ts = append(ts, dimsType(d, a))
	}
	ts = append(ts, dimsType(b.out, a))
	return hm.NewFnType(ts...)
}

func dimsType(d int, a hm.Type) hm.Type {
	if d == 0 {
		return a
	}
	return G.TensorType{Dims: d, Of: a}
}

func (b base) ReturnsPtr() bool      { return false }
func (b base) CallsExtern() bool     { return false }
func (b base) OverwritesInput() int  { return -1 }
func (b base) WriteHash(h hash.Hash) { io.WriteString(h, b.name) }
func (b base) String() string        { return b.name }
func (b base) Hashcode() uint32 {
	h := fnv.New32a()
	b.WriteHash(h)
	return h.Sum32()
}

// floats returns the float32 backing slice and shape of a tensor value.
func floats(v G.Value) ([]float32, tensor.Shape, error) {
	d, ok := v.(*tensor.Dense)
	if !ok {
		return nil, nil, fmt.Errorf("nn: expected a dense tensor, got %T", v)
	}
	if d.IsView() {
		d = d.Materialize().(*tensor.Dense)
	}
	data, ok := d.Data().([]float32)
	if !ok {
		return nil, nil, fmt.Errorf("nn: expected float32 data, got %T", d.Data())
	}
	return data, d.Shape(), nil
}

// scalar reads a float32 scalar value (the gradient seed of a loss).
func scalar(v G.Value) (float32, error) {
	switch s := v.(type) {
	case *G.F32:
		return float32(*s), nil
	case *tensor.Dense:
		data, ok := s.Data().([]float32)
		if ok && len(data) == 1 {
			return data[0], nil
		}
		if f, ok := s.Data().(float32); ok {
			return f, nil
		}
	}
	return 0, fmt.Errorf("nn: expected a float32 scalar, got %T", v)
}

func dense(data []float32, shape ...int) *tensor.Dense {
	return tensor.New(tensor.WithShape(shape...), tensor.WithBacking(data))
}

func checkArity(name string, want int, vals []G.Value) error {
	if len(vals) != want {
		return fmt.Errorf("nn: %s takes %d inputs, got %d", name, want, len(vals))
	}
	return nil
}

// sameShape is the InferShape of an op whose output has its first input's shape.
func sameShape(ds []G.DimSizer) (tensor.Shape, error) {
	s, err := inputShape(ds, 0)
	if err != nil {
		return nil, err
	}
	return s.Clone(), nil
}

func inputShape(ds []G.DimSizer, i int) (tensor.Shape, error) {
	if i >= len(ds) {
		return nil, fmt.Errorf("nn: missing input %d", i)
	}
	s, ok := ds[i].(tensor.Shape)
	if !ok {
		return nil, fmt.Errorf("nn: input %d has no shape", i)
	}
	return s, nil
}
