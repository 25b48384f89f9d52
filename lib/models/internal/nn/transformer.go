package nn

import (
	"fmt"
	"math/rand/v2"

	G "gorgonia.org/gorgonia"
)

// TransformerConfig sizes a decoder-only transformer conditioned on one
// vector: the condition is projected to Dim and added to the first input
// position (a prefix token that takes the BOS position).
type TransformerConfig struct {
	Vocab, Dim, Heads, Layers, FF, MaxLen, CondDim int
	Dropout                                        float64
}

// Transformer holds the weights of a pre-LayerNorm transformer decoder.
type Transformer struct {
	Cfg TransformerConfig
	P   Params
}

// NewTransformer initialises weights: embeddings N(0, 0.02²), linear layers
// like PyTorch's nn.Linear, LayerNorm gains 1 and biases 0.
func NewTransformer(cfg TransformerConfig, rng *rand.Rand) (*Transformer, error) {
	if cfg.Dim%cfg.Heads != 0 || cfg.Dim <= 0 || cfg.Layers <= 0 || cfg.Vocab <= 0 || cfg.MaxLen <= 0 || cfg.FF <= 0 || cfg.CondDim <= 0 {
		return nil, fmt.Errorf("nn: bad transformer config %+v", cfg)
	}
	t := &Transformer{Cfg: cfg}
	p := &t.P
	D := cfg.Dim
	p.Add("emb", cfg.Vocab, D).Normal(rng, 0.02)
	p.Add("pos", cfg.MaxLen, D).Normal(rng, 0.02)
	LinearInit(rng, p.Add("cond.w", cfg.CondDim, D), p.Add("cond.b", D), cfg.CondDim)
	for l := 0; l < cfg.Layers; l++ {
		n := func(s string) string { return fmt.Sprintf("l%d.%s", l, s) }
		p.Add(n("ln1.g"), D).Fill(1)
		p.Add(n("ln1.b"), D)
		LinearInit(rng, p.Add(n("qkv.w"), D, 3*D), p.Add(n("qkv.b"), 3*D), D)
		LinearInit(rng, p.Add(n("out.w"), D, D), p.Add(n("out.b"), D), D)
		p.Add(n("ln2.g"), D).Fill(1)
		p.Add(n("ln2.b"), D)
		LinearInit(rng, p.Add(n("ff1.w"), D, cfg.FF), p.Add(n("ff1.b"), cfg.FF), D)
		LinearInit(rng, p.Add(n("ff2.w"), cfg.FF, D), p.Add(n("ff2.b"), D), cfg.FF)
	}
	p.Add("lnf.g", D).Fill(1)
	p.Add("lnf.b", D)
	LinearInit(rng, p.Add("head.w", D, cfg.Vocab), p.Add("head.b", cfg.Vocab), D)
	return t, nil
}

// Graph builds a teacher-forcing graph over batches of seqs sequences of
// seqLen positions. Inputs: "tokens" (seqs*seqLen token indices, as
// float32), "cond" (seqs × CondDim), "target" (seqs*seqLen class indices or
// Ignore).
func (t *Transformer) Graph(seqs, seqLen int, train bool) (gr *Graph, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("nn: build transformer graph: %v", r)
		}
	}()
	c := t.Cfg
	if seqLen > c.MaxLen {
		return nil, fmt.Errorf("nn: sequence length %d over the maximum %d", seqLen, c.MaxLen)
	}
	N := seqs * seqLen
	gr = newGraph()
	w := map[string]*G.Node{}
	for _, p := range t.P.List {
		n := p.Node(gr.g)
		w[p.Name] = n
		gr.Weights = append(gr.Weights, n)
	}
	tok := gr.input("tokens", N)
	cond := gr.input("cond", seqs, c.CondDim)
	target := gr.input("target", N)
	must := func(n *G.Node, e error) *G.Node {
		if e != nil {
			panic(e)
		}
		return n
	}
	cv := must(linearConst(cond, w["cond.w"], w["cond.b"]))
	x := must(Embed(tok, w["emb"], w["pos"], cv, seqs, seqLen))
	for l := 0; l < c.Layers; l++ {
		n := func(s string) *G.Node { return w[fmt.Sprintf("l%d.%s", l, s)] }
		h := must(LayerNorm(x, n("ln1.g"), n("ln1.b")))
		qkv := must(linear(h, n("qkv.w"), n("qkv.b")))
		a := must(CausalAttention(qkv, seqs, seqLen, c.Heads))
		a = must(linear(a, n("out.w"), n("out.b")))
		x = must(Residual(x, a, gr.mask(fmt.Sprintf("l%d.drop1", l), train, c.Dropout, a)))
		h = must(LayerNorm(x, n("ln2.g"), n("ln2.b")))
		f := must(ReLU(must(linear(h, n("ff1.w"), n("ff1.b")))))
		f = must(linear(f, n("ff2.w"), n("ff2.b")))
		x = must(Residual(x, f, gr.mask(fmt.Sprintf("l%d.drop2", l), train, c.Dropout, f)))
	}
	h := must(LayerNorm(x, w["lnf.g"], w["lnf.b"]))
	gr.Logits = must(linear(h, w["head.w"], w["head.b"]))
	gr.Loss = must(SoftmaxXent(gr.Logits, target))
	if err := gr.compile(train); err != nil {
		return nil, err
	}
	return gr, nil
}
