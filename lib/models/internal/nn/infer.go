package nn

import (
	"math"
)

// Stepper runs the transformer one position at a time for a batch of
// sequences, keeping keys and values of earlier positions (a KV cache). It
// reads the same weights the gorgonia graphs train, so it computes the same
// function as Graph without dropout; it exists because greedy decoding
// through a fixed-shape graph would recompute every prefix at every step.
type Stepper struct {
	t        *Transformer
	n, pos   int
	cond     []float32   // n × Dim, the projected condition
	k, v     [][]float32 // per layer: n × MaxLen × Dim
	x, h     []float32   // n × Dim
	qkv, att []float32   // n × 3Dim, n × Dim
	ff       []float32   // n × FF
	Logits   []float32   // n × Vocab after each Step
	scores   []float32
}

// NewStepper starts n sequences conditioned on cond (n × CondDim).
func (t *Transformer) NewStepper(cond []float32, n int) *Stepper {
	c := t.Cfg
	s := &Stepper{t: t, n: n}
	s.cond = make([]float32, n*c.Dim)
	w, b := t.P.Get("cond.w").Data, t.P.Get("cond.b").Data
	for i := 0; i < n; i++ {
		copy(s.cond[i*c.Dim:], b)
	}
	Gemm(false, false, n, c.Dim, c.CondDim, 1, cond, c.CondDim, w, c.Dim, 1, s.cond, c.Dim)
	for l := 0; l < c.Layers; l++ {
		s.k = append(s.k, make([]float32, n*c.MaxLen*c.Dim))
		s.v = append(s.v, make([]float32, n*c.MaxLen*c.Dim))
	}
	s.x = make([]float32, n*c.Dim)
	s.h = make([]float32, n*c.Dim)
	s.qkv = make([]float32, n*3*c.Dim)
	s.att = make([]float32, n*c.Dim)
	s.ff = make([]float32, n*c.FF)
	s.Logits = make([]float32, n*c.Vocab)
	s.scores = make([]float32, c.MaxLen)
	return s
}

// Pos is the number of positions fed so far.
func (s *Stepper) Pos() int { return s.pos }

// Step feeds one token per sequence at the next position and leaves the
// next-token logits in s.Logits. It reports false when the maximum length
// is reached.
func (s *Stepper) Step(tokens []int) bool {
	c := s.t.Cfg
	if s.pos >= c.MaxLen {
		return false
	}
	D, n, t := c.Dim, s.n, s.pos
	P := func(name string) []float32 { return s.t.P.Get(name).Data }
	emb, pos := P("emb"), P("pos")
	for i := 0; i < n; i++ {
		x := s.x[i*D : (i+1)*D]
		e, p := emb[tokens[i]*D:], pos[t*D:]
		for j := range x {
			x[j] = e[j] + p[j]
		}
		if t == 0 {
			cv := s.cond[i*D:]
			for j := range x {
				x[j] += cv[j]
			}
		}
	}
	dh := D / c.Heads
	scale := float32(1 / math.Sqrt(float64(dh)))
	for l := 0; l < c.Layers; l++ {
		pre := func(name string) []float32 { return P("l" + itoa(l) + "." + name) }
		LayerNormRows(s.h, s.x, pre("ln1.g"), pre("ln1.b"))
		affine(s.qkv, s.h, pre("qkv.w"), pre("qkv.b"), n, D, 3*D)
		K, V := s.k[l], s.v[l]
		for i := 0; i < n; i++ {
			row := s.qkv[i*3*D:]
			copy(K[(i*c.MaxLen+t)*D:(i*c.MaxLen+t+1)*D], row[D:2*D])
			copy(V[(i*c.MaxLen+t)*D:(i*c.MaxLen+t+1)*D], row[2*D:3*D])
			for h := 0; h < c.Heads; h++ {
				q := row[h*dh : (h+1)*dh]
				sc := s.scores[:t+1]
				for j := 0; j <= t; j++ {
					k := K[(i*c.MaxLen+j)*D+h*dh:]
					var d float32
					for e, qe := range q {
						d += qe * k[e]
					}
					sc[j] = d * scale
				}
				SoftmaxInPlace(sc)
				o := s.att[i*D+h*dh : i*D+(h+1)*dh]
				for e := range o {
					o[e] = 0
				}
				for j, pj := range sc {
					v := V[(i*c.MaxLen+j)*D+h*dh:]
					for e := range o {
						o[e] += pj * v[e]
					}
				}
			}
		}
		affine(s.h, s.att, pre("out.w"), pre("out.b"), n, D, D)
		add(s.x, s.h)
		LayerNormRows(s.h, s.x, pre("ln2.g"), pre("ln2.b"))
		affine(s.ff, s.h, pre("ff1.w"), pre("ff1.b"), n, D, c.FF)
		for i, v := range s.ff {
			if v < 0 {
				s.ff[i] = 0
			}
		}
		affine(s.h, s.ff, pre("ff2.w"), pre("ff2.b"), n, c.FF, D)
		add(s.x, s.h)
	}
	LayerNormRows(s.h, s.x, P("lnf.g"), P("lnf.b"))
	affine(s.Logits, s.h, P("head.w"), P("head.b"), n, D, c.Vocab)
	s.pos++
	return true
}

// affine computes out (n×m) = x (n×k) · w (k×m) + b.
func affine(out, x, w, b []float32, n, k, m int) {
	for i := 0; i < n; i++ {
		copy(out[i*m:(i+1)*m], b)
	}
	Gemm(false, false, n, m, k, 1, x, k, w, m, 1, out, m)
}

func add(x, y []float32) {
	for i := range x {
		x[i] += y[i]
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + itoa(i%10)
}
