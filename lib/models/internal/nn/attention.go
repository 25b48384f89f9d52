package nn

import (
	"fmt"
	"math"
	"runtime"
	"sync"

	G "gorgonia.org/gorgonia"
	"gorgonia.org/tensor"
)

// CausalAttention is multi-head self-attention with a causal mask over a
// batch of seqs sequences of seqLen positions. qkv is (seqs*seqLen)×3D: each
// row holds the query, key and value projections side by side, and head h
// uses columns h*D/heads..(h+1)*D/heads of each. The result is
// (seqs*seqLen)×D with the heads concatenated, before the output projection.
func CausalAttention(qkv *G.Node, seqs, seqLen, heads int) (*G.Node, error) {
	s := qkv.Shape()
	if len(s) != 2 || s[0] != seqs*seqLen || s[1]%(3*heads) != 0 {
		return nil, fmt.Errorf("nn: CausalAttention: qkv shape %v does not fit %d sequences of %d with %d heads", s, seqs, seqLen, heads)
	}
	op := attnOp{base: newBase(fmt.Sprintf("nn.CausalAttention(%d,%d,%d)", seqs, seqLen, heads), []int{2}, 2),
		seqs: seqs, seqLen: seqLen, heads: heads, dim: s[1] / 3}
	return G.ApplyOp(op, qkv)
}

type attnOp struct {
	base
	seqs, seqLen, heads, dim int
}

func (op attnOp) InferShape(ds ...G.DimSizer) (tensor.Shape, error) {
	s, err := inputShape(ds, 0)
	if err != nil {
		return nil, err
	}
	return tensor.Shape{s[0], s[1] / 3}, nil
}

func (op attnOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, 1, vals); err != nil {
		return nil, err
	}
	qkv, _, err := floats(vals[0])
	if err != nil {
		return nil, err
	}
	if len(qkv) != op.seqs*op.seqLen*3*op.dim {
		return nil, fmt.Errorf("nn: %s: input has %d values", op.name, len(qkv))
	}
	out := op.alloc(op.seqs * op.seqLen * op.dim)
	op.parallel(func(b, h int, p, _ []float32) {
		q, k, v, o, _ := op.views(qkv, out, b, h)
		L, dh := op.seqLen, op.dim/op.heads
		op.probs(p, q, k)
		Gemm(false, false, L, dh, L, 1, p, L, v, 3*op.dim, 0, o, op.dim)
	})
	return dense(out, op.seqs*op.seqLen, op.dim), nil
}

// views returns the query, key and value blocks of sequence b and head h
// inside qkv and the output block inside out (strided row-major views).
func (op attnOp) views(qkv, out []float32, b, h int) (q, k, v, o []float32, oq int) {
	dh := op.dim / op.heads
	base := b*op.seqLen*3*op.dim + h*dh
	q = qkv[base:]
	k = qkv[base+op.dim:]
	v = qkv[base+2*op.dim:]
	oq = b*op.seqLen*op.dim + h*dh
	if out != nil {
		o = out[oq:]
	}
	return
}

// probs fills p (L×L) with the causal softmax of q·kᵀ/√dh.
func (op attnOp) probs(p, q, k []float32) {
	L, dh := op.seqLen, op.dim/op.heads
	scale := float32(1 / math.Sqrt(float64(dh)))
	Gemm(false, true, L, L, dh, scale, q, 3*op.dim, k, 3*op.dim, 0, p, L)
	for i := 0; i < L; i++ {
		row := p[i*L : (i+1)*L]
		SoftmaxInPlace(row[:i+1])
		for j := i + 1; j < L; j++ {
			row[j] = 0
		}
	}
}

// SoftmaxInPlace replaces row by its softmax.
func SoftmaxInPlace(row []float32) {
	m := row[0]
	for _, v := range row {
		if v > m {
			m = v
		}
	}
	var s float32
	for j, v := range row {
		e := expf(v - m)
		row[j] = e
		s += e
	}
	inv := 1 / s
	for j := range row {
		row[j] *= inv
	}
}

// parallel runs f for every (sequence, head) pair, split evenly and
// deterministically over the available cores; each worker gets two L×L
// scratch buffers.
func (op attnOp) parallel(f func(b, h int, p, dp []float32)) {
	n := op.seqs * op.heads
	workers := runtime.GOMAXPROCS(0)
	if workers > n {
		workers = n
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			p := make([]float32, op.seqLen*op.seqLen)
			dp := make([]float32, op.seqLen*op.seqLen)
			for t := w; t < n; t += workers {
				f(t/op.heads, t%op.heads, p, dp)
			}
		}(w)
	}
	wg.Wait()
}

func (op attnOp) DiffWRT(int) []bool { return []bool{true} }

func (op attnOp) SymDiff(in G.Nodes, out, grad *G.Node) (G.Nodes, error) {
	g := attnGradOp{op}
	g.base = newBase("nn.CausalAttentionGrad"+op.name[len("nn.CausalAttention"):], []int{2, 2}, 2)
	dqkv, err := G.ApplyOp(g, in[0], grad)
	if err != nil {
		return nil, err
	}
	return G.Nodes{dqkv}, nil
}

type attnGradOp struct{ attnOp }

func (op attnGradOp) InferShape(ds ...G.DimSizer) (tensor.Shape, error) {
	return sameShape(ds)
}

func (op attnGradOp) Do(vals ...G.Value) (G.Value, error) {
	if err := checkArity(op.name, 2, vals); err != nil {
		return nil, err
	}
	qkv, _, err := floats(vals[0])
	if err != nil {
		return nil, err
	}
	dout, _, err := floats(vals[1])
	if err != nil {
		return nil, err
	}
	D, L, dh := op.dim, op.seqLen, op.dim/op.heads
	scale := float32(1 / math.Sqrt(float64(dh)))
	dqkv := op.alloc(len(qkv))
	op.parallel(func(b, h int, p, dp []float32) {
		q, k, v, _, oq := op.views(qkv, nil, b, h)
		dq, dk, dv, _, _ := op.views(dqkv, nil, b, h)
		do := dout[oq:]
		op.probs(p, q, k)
		// dV = Pᵀ dO; dP = dO Vᵀ
		Gemm(true, false, L, dh, L, 1, p, L, do, D, 0, dv, 3*D)
		Gemm(false, true, L, L, dh, 1, do, D, v, 3*D, 0, dp, L)
		// dS = P ⊙ (dP − rowsum(P ⊙ dP)), kept in dp
		for i := 0; i < L; i++ {
			pr, dr := p[i*L:(i+1)*L], dp[i*L:(i+1)*L]
			var s float32
			for j := 0; j <= i; j++ {
				s += pr[j] * dr[j]
			}
			for j := 0; j < L; j++ {
				dr[j] = pr[j] * (dr[j] - s)
			}
		}
		// dQ = dS K·scale; dK = dSᵀ Q·scale
		Gemm(false, false, L, dh, L, scale, dp, L, k, 3*D, 0, dq, 3*D)
		Gemm(true, false, L, dh, L, scale, dp, L, q, 3*D, 0, dk, 3*D)
	})
	return dense(dqkv, op.seqs*op.seqLen, 3*D), nil
}
