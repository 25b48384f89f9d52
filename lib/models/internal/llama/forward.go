package llama

import (
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/irsynth/irsynth/lib/models/internal/nn"
)

// Hidden runs the loaded blocks over each token sequence and returns, for
// each, the hidden state after the last loaded block: len(seq)×Embd values,
// row-major, one row per token. The sequences are independent (each starts
// at position 0, with causal attention within it); their tokens share the
// matrix products, so many short sequences cost little more than one long
// one. This is llama.cpp's llm_build_llama graph, stopped after block
// Layers-1: RMSNorm, rotary embeddings of the "normal" (adjacent pairs)
// kind, grouped-query causal attention, SwiGLU feed-forward, residuals.
func (m *Model) Hidden(seqs [][]int32) (out [][]float32, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("%w: %s: forward pass: %v", ErrModel, m.Path, r)
		}
	}()
	c := m.Config
	D, kvD, FF := c.Embd, c.HeadsKV*c.HeadDim(), c.FF
	N, maxT := 0, 0
	for i, s := range seqs {
		if len(s) == 0 {
			return nil, fmt.Errorf("%w: %s: sequence %d is empty", ErrModel, m.Path, i)
		}
		if len(s) > c.Context {
			return nil, fmt.Errorf("%w: %s: a text of %d tokens is longer than the model's context of %d", ErrModel, m.Path, len(s), c.Context)
		}
		N += len(s)
		maxT = max(maxT, len(s))
	}
	if N == 0 {
		return make([][]float32, len(seqs)), nil
	}
	x := make([]float32, N*D)
	row := 0
	for _, s := range seqs {
		for _, t := range s {
			if t < 0 || int(t) >= c.Vocab {
				return nil, fmt.Errorf("%w: %s: token %d is outside the vocabulary of %d", ErrModel, m.Path, t, c.Vocab)
			}
			m.embedding(x[row*D:(row+1)*D], int(t))
			row++
		}
	}
	cos, sin := ropeTable(maxT, c.RopeDim, c.RopeBase)
	xn := make([]float32, N*D)
	q := make([]float32, N*D)
	k := make([]float32, N*kvD)
	v := make([]float32, N*kvD)
	att := make([]float32, N*D)
	g := make([]float32, N*FF)
	u := make([]float32, N*FF)
	for l := range m.Layers {
		b := &m.blocks[l]
		rmsNorm(xn, x, b.attnNorm, D, c.Eps)
		nn.Gemm(false, true, N, D, D, 1, xn, D, b.wq, D, 0, q, D)
		nn.Gemm(false, true, N, kvD, D, 1, xn, D, b.wk, D, 0, k, kvD)
		nn.Gemm(false, true, N, kvD, D, 1, xn, D, b.wv, D, 0, v, kvD)
		start := 0
		for _, s := range seqs {
			T := len(s)
			rope(q[start*D:(start+T)*D], T, c.Heads, c.HeadDim(), c.RopeDim, cos, sin)
			rope(k[start*kvD:(start+T)*kvD], T, c.HeadsKV, c.HeadDim(), c.RopeDim, cos, sin)
			start += T
		}
		m.attention(att, q, k, v, seqs)
		nn.Gemm(false, true, N, D, D, 1, att, D, b.wo, D, 1, x, D)
		rmsNorm(xn, x, b.ffnNorm, D, c.Eps)
		nn.Gemm(false, true, N, FF, D, 1, xn, D, b.gate, D, 0, g, FF)
		nn.Gemm(false, true, N, FF, D, 1, xn, D, b.up, D, 0, u, FF)
		for i, gi := range g {
			g[i] = gi / (1 + float32(math.Exp(float64(-gi)))) * u[i]
		}
		nn.Gemm(false, true, N, D, FF, 1, g, FF, b.down, FF, 1, x, D)
	}
	out = make([][]float32, len(seqs))
	start := 0
	for i, s := range seqs {
		out[i] = x[start*D : (start+len(s))*D : (start+len(s))*D]
		start += len(s)
	}
	return out, nil
}

// OutputNorm applies the model's final RMSNorm (output_norm.weight) to one
// hidden state, as llama.cpp does before returning embeddings. It reports
// false when the file has no output norm.
func (m *Model) OutputNorm(h []float32) ([]float32, bool) {
	if m.outNorm == nil {
		return nil, false
	}
	out := make([]float32, len(h))
	rmsNorm(out, h, m.outNorm, m.Config.Embd, m.Config.Eps)
	return out, true
}

// embedding expands row t of the token embedding table into dst.
func (m *Model) embedding(dst []float32, t int) {
	f := m.embdFormat
	rowBytes := m.Config.Embd / f.block * f.bytes
	f.dequantize(dst, m.embd[t*rowBytes:(t+1)*rowBytes])
}

// rmsNorm: dst = x / sqrt(mean(x²) + eps) · w, row by row (the mean in
// float64, as ggml does).
func rmsNorm(dst, x, w []float32, D int, eps float32) {
	for r := 0; r < len(x); r += D {
		var s float64
		for _, xi := range x[r : r+D] {
			s += float64(xi) * float64(xi)
		}
		scale := float32(1 / math.Sqrt(float64(float32(s/float64(D))+eps)))
		for i, xi := range x[r : r+D] {
			dst[r+i] = xi * scale * w[i]
		}
	}
}

// ropeTable holds cos and sin of position·base^(-2i/dims) for every
// position below T and pair i, computed in float32 by repeated
// multiplication as ggml_rope_cache_init does.
func ropeTable(T, dims int, base float32) (cos, sin []float32) {
	half := dims / 2
	cos, sin = make([]float32, T*half), make([]float32, T*half)
	scale := float32(math.Pow(float64(base), -2/float64(dims)))
	for p := range T {
		theta := float32(p)
		for i := range half {
			cos[p*half+i] = float32(math.Cos(float64(theta)))
			sin[p*half+i] = float32(math.Sin(float64(theta)))
			theta *= scale
		}
	}
	return cos, sin
}

// rope rotates adjacent pairs (x[2i], x[2i+1]) of the first dims values of
// each head of each of T rows: llama.cpp's LLAMA_ROPE_TYPE_NORM, the type
// of the llama architecture.
func rope(x []float32, T, heads, headDim, dims int, cos, sin []float32) {
	half := dims / 2
	for p := range T {
		cs, sn := cos[p*half:(p+1)*half], sin[p*half:(p+1)*half]
		for h := range heads {
			v := x[(p*heads+h)*headDim:]
			for i := range half {
				x0, x1 := v[2*i], v[2*i+1]
				v[2*i] = x0*cs[i] - x1*sn[i]
				v[2*i+1] = x0*sn[i] + x1*cs[i]
			}
		}
	}
}

// attention writes softmax(q·kᵀ/√d + causal mask)·v for every head of
// every sequence into att; query head h reads key/value head
// h/(Heads/HeadsKV). Heads run in parallel.
func (m *Model) attention(att, q, k, v []float32, seqs [][]int32) {
	c := m.Config
	D, hd := c.Embd, c.HeadDim()
	kvD := c.HeadsKV * hd
	group := c.Heads / c.HeadsKV
	scale := float32(1 / math.Sqrt(float64(hd)))
	type job struct{ start, T, h int }
	jobs := make(chan job)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), c.Heads) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var w []float32
			for j := range jobs {
				if cap(w) < j.T {
					w = make([]float32, j.T)
				}
				kh := j.h / group
				for t := range j.T {
					qi := q[(j.start+t)*D+j.h*hd:][:hd]
					mx := float32(math.Inf(-1))
					for s := 0; s <= t; s++ {
						ks := k[(j.start+s)*kvD+kh*hd:][:hd]
						var dot float32
						for i, qv := range qi {
							dot += qv * ks[i]
						}
						w[s] = dot * scale
						mx = max(mx, w[s])
					}
					var sum float32
					for s := 0; s <= t; s++ {
						w[s] = float32(math.Exp(float64(w[s] - mx)))
						sum += w[s]
					}
					o := att[(j.start+t)*D+j.h*hd:][:hd]
					clear(o)
					for s := 0; s <= t; s++ {
						p := w[s] / sum
						vs := v[(j.start+s)*kvD+kh*hd:][:hd]
						for i, vv := range vs {
							o[i] += p * vv
						}
					}
				}
			}
		}()
	}
	start := 0
	for _, s := range seqs {
		for h := range c.Heads {
			jobs <- job{start, len(s), h}
		}
		start += len(s)
	}
	close(jobs)
	wg.Wait()
}
