package synth

import (
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"unicode"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/synth/internal/search"
)

// Prior is the search's guide, in the spirit of DeepCoder: from a task's
// text and examples it predicts which opcodes the program uses, and the
// search then makes the likely opcodes (and the loop or value-IF skeletons
// they imply) cheap and the unlikely ones dear. It is a logistic regression
// per opcode, written in plain Go, over bag-of-words text features and
// features of the examples; it learns only from the programs it is given,
// so a held-out program's own IR never reaches it.
type Prior struct {
	Vocab    map[string]int // text word -> feature index (after the example features)
	W        [][]float64    // [opcode][feature]
	B        []float64      // [opcode]
	Programs []string       // the programs it was trained on
}

// PriorProgram is one training program: the program, requests that ask for
// it, and a reference to draw examples.
type PriorProgram struct {
	Spec  ir.Spec
	Texts []string
}

// PriorConfig sets training; the zero value works.
type PriorConfig struct {
	ExampleSets int     // example sets drawn per program and text (0: 6)
	Epochs      int     // full-batch gradient steps (0: 400)
	LR          float64 // (0: 0.5)
	L2          float64 // (0: 1e-3)
	Seed        uint64
}

const numExampleFeatures = 16

// TrainPrior fits the prior on programs.
func TrainPrior(programs []PriorProgram, cfg PriorConfig) *Prior {
	if cfg.ExampleSets == 0 {
		cfg.ExampleSets = 6
	}
	if cfg.Epochs == 0 {
		cfg.Epochs = 400
	}
	if cfg.LR == 0 {
		cfg.LR = 0.5
	}
	if cfg.L2 == 0 {
		cfg.L2 = 1e-3
	}
	p := &Prior{Vocab: map[string]int{}}
	for _, pp := range programs {
		p.Programs = append(p.Programs, pp.Spec.Name)
		for _, t := range pp.Texts {
			for _, w := range words(t) {
				if _, ok := p.Vocab[w]; !ok {
					p.Vocab[w] = numExampleFeatures + len(p.Vocab)
				}
			}
		}
	}
	nf := numExampleFeatures + len(p.Vocab)
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x9e11))
	var xs [][]float64
	var ys [][]float64
	for _, pp := range programs {
		y := make([]float64, ir.NumOps)
		for _, op := range pp.Spec.Ops {
			y[op] = 1
		}
		texts := pp.Texts
		if len(texts) == 0 {
			texts = []string{""}
		}
		for _, t := range texts {
			for k := 0; k < cfg.ExampleSets; k++ {
				ex := DrawExamples(pp.Spec, 5, rng)
				xs = append(xs, p.features(Task{Text: t, Examples: ex}, nf))
				ys = append(ys, y)
			}
		}
	}
	p.W = make([][]float64, ir.NumOps)
	p.B = make([]float64, ir.NumOps)
	for o := range p.W {
		p.W[o] = make([]float64, nf)
	}
	if len(xs) == 0 {
		return p
	}
	// sparse copies of the inputs: most features are zero
	type entry struct {
		j int
		v float64
	}
	sparse := make([][]entry, len(xs))
	for i, x := range xs {
		for j, v := range x {
			if v != 0 {
				sparse[i] = append(sparse[i], entry{j, v})
			}
		}
	}
	grad := make([]float64, nf)
	n := float64(len(xs))
	for o := 0; o < ir.NumOps; o++ {
		w := p.W[o]
		for ep := 0; ep < cfg.Epochs; ep++ {
			clear(grad)
			gb := 0.0
			for i, x := range sparse {
				z := p.B[o]
				for _, e := range x {
					z += w[e.j] * e.v
				}
				d := sigmoid(z) - ys[i][o]
				for _, e := range x {
					grad[e.j] += d * e.v
				}
				gb += d
			}
			for j := range w {
				w[j] -= cfg.LR * (grad[j]/n + cfg.L2*w[j])
			}
			p.B[o] -= cfg.LR * gb / n
		}
	}
	return p
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// Predict returns, for each opcode, the probability that the task's
// program uses it.
func (p *Prior) Predict(t Task) []float64 {
	nf := numExampleFeatures + len(p.Vocab)
	x := p.features(t, nf)
	out := make([]float64, ir.NumOps)
	for o := range out {
		z := p.B[o]
		for j, v := range x {
			z += p.W[o][j] * v
		}
		out[o] = sigmoid(z)
	}
	return out
}

// costs turns the prediction for t into the search's cost model. The
// prediction is smoothed towards "maybe" (a prior learned from a few dozen
// programs is often confidently wrong), then an opcode costs 1 when likely,
// 2 when plausible and 3 otherwise (uniform: 1); the loop skeleton is
// cheaper or dearer by the probability of LOOP_BEGIN, the value IF by that
// of ELSE. The straight-line family is never penalised: it is cheap to
// search.
func (p *Prior) costs(t Task) search.Costs {
	pr := p.Predict(t)
	for i := range pr {
		pr[i] = 0.8*pr[i] + 0.1
	}
	c := search.Uniform()
	for o := range c.Op {
		c.Op[o] = opCost(pr[o])
	}
	switch loop := pr[ir.OpLoopBegin]; {
	case loop >= 0.7:
		c.Loop = 3
	case loop >= 0.3:
		c.Loop = 4
	default:
		c.Loop = 6
	}
	if pr[ir.OpElse] >= 0.5 {
		c.Ite = 2
	}
	return c
}

func opCost(p float64) int {
	switch {
	case p >= 0.5:
		return 1
	case p >= 0.2:
		return 2
	}
	return 3
}

// Likely lists the opcodes the prior expects for t, most likely first.
func (p *Prior) Likely(t Task, threshold float64) []string {
	pr := p.Predict(t)
	var ops []ir.Op
	for o, v := range pr {
		if v >= threshold && ir.Op(o) != ir.OpStart && ir.Op(o) != ir.OpEnd {
			ops = append(ops, ir.Op(o))
		}
	}
	sort.Slice(ops, func(i, j int) bool { return pr[ops[i]] > pr[ops[j]] })
	out := make([]string, len(ops))
	for i, o := range ops {
		out[i] = o.String()
	}
	return out
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
}

// features: what the examples look like, then the text's words.
func (p *Prior) features(t Task, nf int) []float64 {
	x := make([]float64, nf)
	ex := t.Examples
	if len(ex) > 0 {
		a := len(ex[0].Inputs)
		if a >= 1 && a <= 3 {
			x[a-1] = 1
		} else if a > 3 {
			x[2] = 1
		}
		boolOut, negIn, negOut, eqIn, grows, shrinks, small, huge, zeroOut, monotone := true, false, false, true, true, true, true, false, false, true
		for _, e := range ex {
			o := int64(e.Output)
			if o != 0 && o != 1 {
				boolOut = false
			}
			if o < 0 {
				negOut = true
			}
			if o == 0 {
				zeroOut = true
			}
			var mx int64
			in := false
			for _, v := range e.Inputs {
				if v < 0 {
					negIn = true
				}
				if int64(v) == o {
					in = true
				}
				mx = max(mx, abs64(int64(v)))
			}
			if !in {
				eqIn = false
			}
			if abs64(o) < mx {
				grows = false
			}
			if abs64(o) > mx {
				shrinks = false
			}
			if abs64(o) > 64 {
				small = false
			}
			if mx > 0 && abs64(o) > 100*mx {
				huge = true
			}
		}
		sorted := append([]Example(nil), ex...)
		sort.Slice(sorted, func(i, j int) bool { return sorted[i].Inputs[0] < sorted[j].Inputs[0] })
		for i := 1; i < len(sorted); i++ {
			if sorted[i].Output < sorted[i-1].Output {
				monotone = false
			}
		}
		for i, b := range []bool{boolOut, negIn, negOut, eqIn, grows, shrinks, small, huge, zeroOut, monotone} {
			if b {
				x[3+i] = 1
			}
		}
		x[13] = 1 // bias-like constant feature for the example part
	}
	for _, w := range words(t.Text) {
		if j, ok := p.Vocab[w]; ok && j < nf {
			x[j] = 1
		}
	}
	return x
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// DrawExamples draws n examples of spec from its Domain.
func DrawExamples(spec ir.Spec, n int, rng *rand.Rand) []Example {
	out := make([]Example, 0, n)
	for len(out) < n {
		in := make([]int32, spec.Arity)
		for k, d := range spec.Domain {
			in[k] = d.Draw(rng)
		}
		out = append(out, Example{Inputs: in, Output: spec.Ref(in)})
	}
	return out
}

// Guide is the learned guidance Options.Guide takes.
type Guide = Prior

// DefaultGuide is the guide `irsynth synth` uses.
func DefaultGuide() *Guide { return PriorWithout() }
