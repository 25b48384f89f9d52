package nn

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	G "gorgonia.org/gorgonia"
)

// capture is a Solver that copies gradients instead of stepping.
type capture struct{ grads [][]float32 }

func (c *capture) Step(model []G.ValueGrad) error {
	c.grads = nil
	for _, n := range model {
		g, err := n.Grad()
		if err != nil {
			return err
		}
		d, _, err := floats(g)
		if err != nil {
			return err
		}
		c.grads = append(c.grads, append([]float32(nil), d...))
	}
	return nil
}

func tinyTransformer(t *testing.T) (*Transformer, *Graph) {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	tr, err := NewTransformer(TransformerConfig{Vocab: 7, Dim: 8, Heads: 2, Layers: 2, FF: 16, MaxLen: 6, CondDim: 5}, rng)
	if err != nil {
		t.Fatal(err)
	}
	// Embeddings at PyTorch's N(0,1) scale (finite differences need inputs
	// well above eps), and perturbed LayerNorm parameters so their
	// gradients are exercised.
	tr.P.Get("emb").Normal(rng, 1)
	tr.P.Get("pos").Normal(rng, 1)
	for _, p := range tr.P.List {
		if p.Name[len(p.Name)-2:] == ".g" || p.Name[len(p.Name)-2:] == ".b" {
			for i := range p.Data {
				p.Data[i] += float32(rng.NormFloat64() * 0.1)
			}
		}
	}
	gr, err := tr.Graph(2, 4, true)
	if err != nil {
		t.Fatal(err)
	}
	toks := []int{1, 3, 2, 5, 1, 4, 4, 6}
	for i, tk := range toks {
		gr.Inputs["tokens"][i] = float32(tk)
	}
	for i := range gr.Inputs["cond"] {
		gr.Inputs["cond"][i] = float32(rng.NormFloat64())
	}
	copy(gr.Inputs["target"], []float32{3, 2, 5, Ignore, 4, 4, 6, 0})
	return tr, gr
}

// TestGradients checks every analytic gradient of the transformer graph
// against central finite differences.
func TestGradients(t *testing.T) {
	tr, gr := tinyTransformer(t)
	defer gr.Close()
	checkGradients(t, &tr.P, gr)
}

// TestEmbedGradients checks every entry of the gradients of the token and
// position embeddings and of the condition projection, which reach the loss
// through Embed's gathers (tokens repeat, and token 0 is unused, so its
// gradient must be zero).
func TestEmbedGradients(t *testing.T) {
	tr, gr := tinyTransformer(t)
	defer gr.Close()
	checkGradientsOf(t, &tr.P, gr, []string{"emb", "pos", "cond.b"})
}

// TestEmbedRejectsBadIDs checks that a token index outside the vocabulary
// is an error, not a read out of bounds.
func TestEmbedRejectsBadIDs(t *testing.T) {
	_, gr := tinyTransformer(t)
	defer gr.Close()
	for _, bad := range []float32{7, -1, 2.5} {
		gr.Inputs["tokens"][3] = bad
		if _, err := gr.Run(nil, nil); err == nil || !strings.Contains(err.Error(), "is not a row") {
			t.Errorf("token %v: got error %v", bad, err)
		}
	}
}

// TestMLPGradients does the same for the MLP.
func TestMLPGradients(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	m := NewMLP(6, 5, 3, 0, rng)
	gr, err := m.Graph(4, true)
	if err != nil {
		t.Fatal(err)
	}
	defer gr.Close()
	for i := range gr.Inputs["x"] {
		gr.Inputs["x"][i] = float32(rng.NormFloat64())
	}
	copy(gr.Inputs["target"], []float32{2, 0, Ignore, 1})
	checkGradients(t, &m.P, gr)
}

func checkGradients(t *testing.T, ps *Params, gr *Graph) {
	t.Helper()
	checkGradientsOf(t, ps, gr, nil)
}

// checkGradientsOf checks three entries of every parameter, and every entry
// of the parameters named in all.
func checkGradientsOf(t *testing.T, ps *Params, gr *Graph, all []string) {
	t.Helper()
	var c capture
	if _, err := gr.Run(&c, nil); err != nil {
		t.Fatal(err)
	}
	const eps = 2e-3 // small enough to stay clear of ReLU kinks
	checked := 0
	for pi, p := range ps.List {
		at := []int{0, len(p.Data) / 2, len(p.Data) - 1}
		if slices.Contains(all, p.Name) {
			at = at[:0]
			for j := range p.Data {
				at = append(at, j)
			}
		}
		for _, j := range at {
			old := p.Data[j]
			p.Data[j] = old + eps
			lp, err := gr.Run(nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			p.Data[j] = old - eps
			lm, err := gr.Run(nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			p.Data[j] = old
			num := float64(lp-lm) / (2 * eps)
			ana := float64(c.grads[pi][j])
			// float32 forward passes: differences carry ~1e-7/eps ≈ 5e-5 noise.
			if math.Abs(num-ana) > 2e-2*math.Max(math.Abs(num), math.Abs(ana))+3e-4 {
				t.Errorf("%s[%d]: analytic %.6f, numeric %.6f", p.Name, j, ana, num)
			}
			checked++
		}
	}
	if checked < 3*len(ps.List) {
		t.Fatalf("checked only %d gradients", checked)
	}
}

// TestStepperMatchesGraph checks that KV-cached stepping computes the same
// logits as the gorgonia graph under teacher forcing.
func TestStepperMatchesGraph(t *testing.T) {
	tr, gr := tinyTransformer(t)
	defer gr.Close()
	if _, err := gr.Run(nil, nil); err != nil {
		t.Fatal(err)
	}
	logits, _, err := gr.LogitsData()
	if err != nil {
		t.Fatal(err)
	}
	st := tr.NewStepper(gr.Inputs["cond"], 2)
	toks := [][]int{{1, 3, 2, 5}, {1, 4, 4, 6}}
	for pos := 0; pos < 4; pos++ {
		st.Step([]int{toks[0][pos], toks[1][pos]})
		for s := 0; s < 2; s++ {
			for v := 0; v < 7; v++ {
				want := logits[(s*4+pos)*7+v]
				got := st.Logits[s*7+v]
				if math.Abs(float64(want-got)) > 1e-4 { // float32, different summation order
					t.Fatalf("seq %d pos %d logit %d: graph %v, stepper %v", s, pos, v, want, got)
				}
			}
		}
	}
}

// TestRunsDoNotAccumulate checks that each run's gradients start from zero
// (gorgonia adds into bound derivatives unless they are cleared).
func TestRunsDoNotAccumulate(t *testing.T) {
	_, gr := tinyTransformer(t)
	defer gr.Close()
	var a, b capture
	if _, err := gr.Run(&a, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := gr.Run(&b, nil); err != nil {
		t.Fatal(err)
	}
	for i := range a.grads {
		for j := range a.grads[i] {
			if a.grads[i][j] != b.grads[i][j] {
				t.Fatalf("tensor %d[%d]: second run %v, first %v", i, j, b.grads[i][j], a.grads[i][j])
			}
		}
	}
}

func TestPositiveMask(t *testing.T) {
	cases := []struct {
		given float32
		want  bool
	}{{1, true}, {1e-40, true}, {float32(math.Inf(1)), true}, {0, false}, {float32(math.Copysign(0, -1)), false}, {-1, false}, {-1e-40, false}, {float32(math.Inf(-1)), false}}
	for _, tc := range cases {
		if got := positive(tc.given) == ^uint32(0); got != tc.want || (!got && positive(tc.given) != 0) {
			t.Errorf("positive(%v) = %#x, want on=%v", tc.given, positive(tc.given), tc.want)
		}
	}
}

// TestExpf checks the float32 exponential against math.Exp over the range
// softmax uses (arguments ≤ 0) and beyond.
func TestExpf(t *testing.T) {
	worst := 0.0
	for x := float32(-87); x <= 88; x += 0.0137 {
		want := math.Exp(float64(x))
		got := float64(expf(x))
		ulp := float64(math.Nextafter32(float32(want), float32(math.Inf(1)))) - float64(float32(want))
		if e := math.Abs(got-want) / ulp; e > worst {
			worst = e
		}
	}
	if worst > 2 {
		t.Fatalf("worst error %.2f ulp, want ≤ 2", worst)
	}
	if expf(-100) != 0 || !math.IsInf(float64(expf(100)), 1) || expf(0) != 1 {
		t.Fatalf("edges: %v %v %v", expf(-100), expf(100), expf(0))
	}
}
