package synth

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"sort"
	"strings"
	"unicode"

	"github.com/irsynth/irsynth/lib/results"
	"github.com/irsynth/irsynth/lib/synth/internal/enum"
)

// Guide is the search's learned guidance: from a task's text and examples
// it predicts which productions of the term language its program uses (a
// logistic regression per production, plain Go, over hashed words and
// features of the examples) and turns the probabilities into the search's
// costs: a production the guide finds less likely for the task than it is
// on average (Base) costs round(ln(base/p)) more than unguided, at most 4,
// so that unlikely productions leave the early levels to the likely ones. It is trained on tasks the project makes itself (TrainGuide).
type Guide struct {
	Version int         `json:"version"`
	Words   int         `json:"words"` // hashed word buckets
	Prods   []string    `json:"productions"`
	W       [][]float64 `json:"w"` // [production][feature]
	B       []float64   `json:"b"`
	Base    []float64   `json:"base"` // how often each production appears in the training programs
	// Made says how the guide was trained.
	Made string `json:"made,omitempty"`
}

const (
	guideVersion   = 1
	guideWords     = 512
	numExampleFeat = 32
	// GuideKind is the guide's checkpoint kind (results.CheckpointPath).
	GuideKind = "synth-guide"
)

// GuideExample is one training task for the guide: a task and the
// productions of a program that solves it.
type GuideExample struct {
	Task  Task
	Prods []string
}

// Productions are the names of the term language's productions, in the
// order Guide.Predict reports them.
func Productions() []string {
	out := make([]string, enum.NumOps)
	for i := range out {
		out[i] = enum.Op(i).String()
	}
	return out
}

// Predict gives, per production (Productions order), the probability that
// a program for t uses it.
func (g *Guide) Predict(t Task) []float64 {
	x := guideFeatures(t, g.Words)
	out := make([]float64, len(g.W))
	for o, w := range g.W {
		z := g.B[o]
		for _, j := range x.idx {
			z += w[j] * x.val[j]
		}
		out[o] = sigmoid(z)
	}
	return out
}

// Costs is the search's cost per production for t.
func (g *Guide) costs(t Task) enum.Costs {
	c := enum.Uniform()
	p := g.Predict(t)
	for o := range c {
		// a production costs more than unguided by how much less likely
		// than usual the guide finds it for this task: ln(base/p), rounded
		if o < len(p) {
			c[o] += int(math.Round(min(4, max(0, math.Log(max(g.Base[o], 1e-6)/max(p[o], 1e-6))))))
		}
	}
	return c
}

// Costs returns the search's cost of each production for t, by name.
func (g *Guide) Costs(t Task) map[string]int {
	c := g.costs(t)
	out := map[string]int{}
	for o, v := range c {
		out[enum.Op(o).String()] = v
	}
	return out
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// sparse features: the indexes set and their values (dense slice).
type feats struct {
	idx []int
	val []float64
}

// guideFeatures: features of the examples (arity, signs, growth, parity,
// differences, ...) then hashed words of the text.
func guideFeatures(t Task, words int) feats {
	val := make([]float64, numExampleFeat+words)
	ex := append([]Example(nil), t.Examples...)
	sort.SliceStable(ex, func(i, j int) bool { return lessInputs(ex[i].Inputs, ex[j].Inputs) })
	f := val[:numExampleFeat]
	f[0] = 1 // bias
	if len(ex) > 0 {
		a := len(ex[0].Inputs)
		f[min(a, 4)] = 1 // 1..4
		var outs []float64
		zero, neg, boolean, even, odd, fixed := false, false, true, 0, 0, true
		maxAbs := 0.0
		for _, e := range ex {
			o := float64(e.Output)
			outs = append(outs, o)
			zero = zero || o == 0
			neg = neg || o < 0
			boolean = boolean && (o == 0 || o == 1)
			if e.Output%2 == 0 {
				even++
			} else {
				odd++
			}
			maxAbs = max(maxAbs, math.Abs(o))
			fixed = fixed && int64(e.Output) == int64(e.Inputs[0])
		}
		set := func(i int, b bool) {
			if b {
				f[i] = 1
			}
		}
		set(5, zero)
		set(6, neg)
		set(7, boolean)
		set(8, even == len(ex))
		set(9, odd == len(ex))
		set(10, fixed)
		switch { // magnitude of the outputs
		case maxAbs < 10:
			f[11] = 1
		case maxAbs < 100:
			f[12] = 1
		case maxAbs < 1e4:
			f[13] = 1
		case maxAbs < 1e6:
			f[14] = 1
		default:
			f[15] = 1
		}
		mono, strict, anti := true, true, true
		d1const, d2const, ratioConst := true, true, true
		for i := 1; i < len(outs); i++ {
			mono = mono && outs[i] >= outs[i-1]
			strict = strict && outs[i] > outs[i-1]
			anti = anti && outs[i] <= outs[i-1]
			if i >= 2 {
				d1const = d1const && outs[i]-outs[i-1] == outs[i-1]-outs[i-2]
				ratioConst = ratioConst && outs[i-1] != 0 && outs[i-2] != 0 && outs[i]*outs[i-2] == outs[i-1]*outs[i-1]
			}
			if i >= 3 {
				d2const = d2const && outs[i]-2*outs[i-1]+outs[i-2] == outs[i-1]-2*outs[i-2]+outs[i-3]
			}
		}
		set(16, mono)
		set(17, strict)
		set(18, anti && !mono)
		set(19, d1const && len(outs) >= 3)
		set(20, d2const && !d1const && len(outs) >= 4)
		set(21, ratioConst && len(outs) >= 3)
		set(22, !mono && !anti)
		// growth: log of last/first magnitude
		if len(outs) >= 2 {
			g := math.Log1p(math.Abs(outs[len(outs)-1])) - math.Log1p(math.Abs(outs[0]))
			f[23] = math.Tanh(g / 5)
		}
		// outputs compared with the first operand
		smaller, divides := true, true
		for _, e := range ex {
			n := int64(e.Inputs[0])
			o := int64(e.Output)
			smaller = smaller && abs64(o) <= abs64(n)
			divides = divides && o != 0 && n%o == 0
		}
		set(24, smaller)
		set(25, divides)
		// fibonacci-like: a(n) = a(n-1) + a(n-2)
		fib := len(outs) >= 4
		for i := 2; i < len(outs); i++ {
			fib = fib && outs[i] == outs[i-1]+outs[i-2]
		}
		set(26, fib)
		// periodic with period ≤ 4
		for per := 1; per <= 4 && len(outs) > 2*per; per++ {
			ok := true
			for i := per; i < len(outs); i++ {
				ok = ok && outs[i] == outs[i-per]
			}
			if ok {
				f[27] = 1
				break
			}
		}
		distinct := map[float64]bool{}
		for _, o := range outs {
			distinct[o] = true
		}
		f[28] = float64(len(distinct)) / float64(len(outs))
		set(29, len(ex) <= 5)
	}
	for _, w := range guideWords_(t.Text) {
		h := fnv.New32a()
		h.Write([]byte(w))
		val[numExampleFeat+int(h.Sum32()%uint32(words))] = 1
	}
	var idx []int
	for i, v := range val {
		if v != 0 {
			idx = append(idx, i)
		}
	}
	return feats{idx: idx, val: val}
}

// guideWords_ are the lowercase words of s and their adjacent pairs.
func guideWords_(s string) []string {
	ws := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := append([]string(nil), ws...)
	for i := 1; i < len(ws); i++ {
		out = append(out, ws[i-1]+" "+ws[i])
	}
	return out
}

func lessInputs(a, b []int32) bool {
	for i := range a {
		if i < len(b) && a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// GuideConfig sets guide training; the zero value works.
type GuideConfig struct {
	Epochs int     // full passes (0: 60)
	LR     float64 // (0: 0.1)
	L2     float64 // (0: 1e-4)
	Made   string  // how the training set was made, kept in the guide
}

// TrainGuide fits a guide on examples: per production, does the solving
// program use it. Plain stochastic gradient descent on the logistic loss,
// deterministic (examples in the order given).
func TrainGuide(exs []GuideExample, cfg GuideConfig) (*Guide, error) {
	if len(exs) == 0 {
		return nil, fmt.Errorf("%w: no training examples for the guide", ErrTask)
	}
	if cfg.Epochs == 0 {
		cfg.Epochs = 60
	}
	if cfg.LR == 0 {
		cfg.LR = 0.1
	}
	if cfg.L2 == 0 {
		cfg.L2 = 1e-4
	}
	prods := Productions()
	byName := map[string]int{}
	for i, p := range prods {
		byName[p] = i
	}
	g := &Guide{Version: guideVersion, Words: guideWords, Prods: prods, Made: cfg.Made}
	nf := numExampleFeat + guideWords
	g.W = make([][]float64, len(prods))
	for i := range g.W {
		g.W[i] = make([]float64, nf)
	}
	g.B = make([]float64, len(prods))
	xs := make([]feats, len(exs))
	ys := make([][]float64, len(exs))
	for i, e := range exs {
		xs[i] = guideFeatures(e.Task, guideWords)
		ys[i] = make([]float64, len(prods))
		for _, p := range e.Prods {
			j, ok := byName[p]
			if !ok {
				return nil, fmt.Errorf("%w: training example %d: unknown production %q", ErrTask, i, p)
			}
			ys[i][j] = 1
		}
	}
	g.Base = make([]float64, len(prods))
	for _, y := range ys {
		for o, v := range y {
			g.Base[o] += v / float64(len(ys))
		}
	}
	for ep := 0; ep < cfg.Epochs; ep++ {
		lr := cfg.LR / (1 + float64(ep)/20)
		for i, x := range xs {
			for o, w := range g.W {
				z := g.B[o]
				for _, j := range x.idx {
					z += w[j] * x.val[j]
				}
				d := sigmoid(z) - ys[i][o]
				g.B[o] -= lr * d
				for _, j := range x.idx {
					w[j] -= lr * (d*x.val[j] + cfg.L2*w[j])
				}
			}
		}
	}
	return g, nil
}

// Save writes the guide atomically as JSON.
func (g *Guide) Save(path string) error {
	data, err := json.Marshal(g)
	if err != nil {
		return fmt.Errorf("synth: encode guide: %w", err)
	}
	return results.WriteFile(path, data)
}

// LoadGuide reads the guide Save wrote at path.
func LoadGuide(path string) (*Guide, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("synth: guide: %w", err)
	}
	return ParseGuide(data)
}

// ParseGuide reads a guide written by Save.
func ParseGuide(data []byte) (*Guide, error) {
	var g Guide
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("%w: guide: %v", ErrSpec, err)
	}
	if g.Version != guideVersion || g.Words <= 0 || len(g.W) != int(enum.NumOps) || len(g.B) != len(g.W) || len(g.Base) != len(g.W) {
		return nil, fmt.Errorf("%w: guide: version %d with %d productions, want version %d with %d", ErrSpec, g.Version, len(g.W), guideVersion, enum.NumOps)
	}
	for i, w := range g.W {
		if len(w) != numExampleFeat+g.Words {
			return nil, fmt.Errorf("%w: guide: production %d has %d weights, want %d", ErrSpec, i, len(w), numExampleFeat+g.Words)
		}
	}
	return &g, nil
}

// DefaultGuide is the guide the commands search with when given none. It
// is nil (unguided): the self-trained guide is not shipped because,
// measured at the same budget on the same training tasks, it did not beat
// the unguided search (README, Phase 5). `irsynth train synth` trains one;
// --guide FILE searches with it.
func DefaultGuide() *Guide { return nil }
