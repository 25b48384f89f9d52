package nn

import (
	"fmt"

	G "gorgonia.org/gorgonia"
	"gorgonia.org/tensor"
)

// Embed is the input layer of the transformer over a batch of seqs
// sequences of seqLen positions, as gathers instead of products with one-hot
// matrices: row i of the result (N×D, N = seqs*seqLen) is
//
//	emb[ids[i]] + pos[i mod seqLen] (+ prefix[i / seqLen] when i mod seqLen = 0)
//
// ids (N) holds token indices as float32; emb is Vocab×D, pos MaxLen×D and
// prefix seqs×D (the projected condition of each sequence). The gradients
// of emb, pos and prefix are scatter-adds of the output gradient; ids is not
// differentiated.
func Embed(ids, emb, pos, prefix *G.Node, seqs, seqLen int) (*G.Node, error) {
	N, D := seqs*seqLen, emb.Shape()[1]
	if !ids.Shape().IsVector() || ids.Shape()[0] != N || pos.Shape()[1] != D || pos.Shape()[0] < seqLen ||
		prefix.Shape()[0] != seqs || prefix.Shape()[1] != D {
		return nil, fmt.Errorf("nn: Embed: shapes ids %v, emb %v, pos %v, prefix %v do not fit %d sequences of %d",
			ids.Shape(), emb.Shape(), pos.Shape(), prefix.Shape(), seqs, seqLen)
	}
	op := embedOp{base: newBase(fmt.Sprintf("nn.Embed(%d,%d)", seqs, seqLen), []int{1, 2, 2, 2}, 2), seqs: seqs, seqLen: seqLen}
	return G.ApplyOp(op, ids, emb, pos, prefix)
}

type embedOp struct {
	base
	seqs, seqLen int
}

func (op embedOp) InferShape(ds ...G.DimSizer) (tensor.Shape, error) {
	s, err := inputShape(ds, 1)
	if err != nil {
		return nil, err
	}
	return tensor.Shape{op.seqs * op.seqLen, s[1]}, nil
}

// tokenIDs converts the float32 ids to row indices, checking each is below
// rows.
func tokenIDs(name string, v G.Value, n, rows int) ([]float32, error) {
	ids, _, err := floats(v)
	if err != nil {
		return nil, err
	}
	if len(ids) != n {
		return nil, fmt.Errorf("nn: %s: %d ids, want %d", name, len(ids), n)
	}
	for i, f := range ids {
		if f < 0 || int(f) >= rows || float32(int(f)) != f {
			return nil, fmt.Errorf("nn: %s: id %v at %d is not a row of a %d-row table", name, f, i, rows)
		}
	}
	return ids, nil
}

func (op embedOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, 4, vals); err != nil {
		return nil, err
	}
	emb, es, err := floats(vals[1])
	if err != nil {
		return nil, err
	}
	pos, _, err := floats(vals[2])
	if err != nil {
		return nil, err
	}
	pre, _, err := floats(vals[3])
	if err != nil {
		return nil, err
	}
	N, L, D := op.seqs*op.seqLen, op.seqLen, es[1]
	ids, err := tokenIDs(op.name, vals[0], N, es[0])
	if err != nil {
		return nil, err
	}
	out := op.alloc(N * D)
	for i, id := range ids {
		o, e, p := out[i*D:(i+1)*D], emb[int(id)*D:], pos[(i%L)*D:]
		for j := range o {
			o[j] = e[j] + p[j]
		}
		if i%L == 0 {
			c := pre[(i/L)*D:]
			for j := range o {
				o[j] += c[j]
			}
		}
	}
	return dense(out, N, D), nil
}

func (op embedOp) DiffWRT(int) []bool { return []bool{false, true, true, true} }

func (op embedOp) SymDiff(in G.Nodes, out, grad *G.Node) (G.Nodes, error) {
	ds := make(G.Nodes, 4)
	for k := 1; k < 4; k++ {
		rows := in[k].Shape()[0]
		g := embedGradOp{base: newBase(fmt.Sprintf("nn.EmbedGrad%d(%d,%d,%d)", k, op.seqs, op.seqLen, rows), []int{2, 1}, 2),
			embedOp: op, which: k, rows: rows}
		d, err := G.ApplyOp(g, grad, in[0])
		if err != nil {
			return nil, err
		}
		ds[k] = d
	}
	return ds, nil
}

// embedGradOp is the gradient of Embed's input which (1 emb, 2 pos, 3
// prefix), a table of rows rows: the output gradient's rows added into the
// rows they were gathered from.
type embedGradOp struct {
	base
	embedOp     embedOp
	which, rows int
}

func (op embedGradOp) InferShape(ds ...G.DimSizer) (tensor.Shape, error) {
	s, err := inputShape(ds, 0)
	if err != nil {
		return nil, err
	}
	return tensor.Shape{op.rows, s[1]}, nil
}

func (op embedGradOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, 2, vals); err != nil {
		return nil, err
	}
	g, gs, err := floats(vals[0])
	if err != nil {
		return nil, err
	}
	L, D := op.embedOp.seqLen, gs[1]
	out := op.allocZero(op.rows * D)
	switch op.which {
	case 1:
		ids, err := tokenIDs(op.name, vals[1], gs[0], op.rows)
		if err != nil {
			return nil, err
		}
		for i, id := range ids {
			addTo(out[int(id)*D:(int(id)+1)*D], g[i*D:])
		}
	case 2:
		for i := 0; i < gs[0]; i++ {
			addTo(out[(i%L)*D:(i%L+1)*D], g[i*D:])
		}
	default:
		for b := 0; b < op.rows; b++ {
			copy(out[b*D:(b+1)*D], g[b*L*D:])
		}
	}
	return dense(out, op.rows, D), nil
}

// addTo adds x[:len(dst)] into dst.
func addTo(dst, x []float32) {
	x = x[:len(dst)]
	for j := range dst {
		dst[j] += x[j]
	}
}

// linearConst is x·w + b for an input x that is never differentiated (the
// condition vectors): unlike G.Mul, its backward pass computes only w's
// gradient, xᵀ·dy, not x's.
func linearConst(x, w, b *G.Node) (*G.Node, error) {
	xs, ws := x.Shape(), w.Shape()
	if len(xs) != 2 || len(ws) != 2 || xs[1] != ws[0] {
		return nil, fmt.Errorf("nn: linearConst: shapes %v and %v", xs, ws)
	}
	y, err := G.ApplyOp(constMulOp{newProduct("nn.ConstMul", false, false)}, x, w)
	if err != nil {
		return nil, err
	}
	return BiasAdd(y, b)
}

// constMulOp is x·w with x constant: only w gets a gradient.
type constMulOp struct{ productOp }

func (op constMulOp) DiffWRT(int) []bool { return []bool{false, true} }

func (op constMulOp) SymDiff(in G.Nodes, out, grad *G.Node) (G.Nodes, error) {
	dw, err := G.ApplyOp(newProduct("nn.ConstMulGrad", true, false), in[0], grad)
	if err != nil {
		return nil, err
	}
	return G.Nodes{nil, dw}, nil
}
