package models

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/irsynth/irsynth/lib/models/internal/nn"
	"github.com/irsynth/irsynth/lib/results"
)

// TagExample is a request and the features (tags) of the program that
// answers it, e.g. "has_loop", "uses:I32_REM_S", "arity:2".
type TagExample struct {
	Text string
	Tags []string
}

// Tagger predicts, for a request, the probability of every tag
// independently: the classifier's MLP with a sigmoid output per tag. It is
// meant for program-feature predictors that guide search.
type Tagger struct {
	enc     Encoder
	tags    []string
	mlp     *nn.MLP
	arch    arch
	History []results.Epoch
}

// TrainTagger trains a multi-label MLP over encoder vectors (same settings
// and defaults as ClassifierConfig; Test and Resume are not used). Tags are
// the distinct tags of train, sorted. Epoch.TrainAcc is the fraction of
// (example, tag) decisions right at threshold 0.5.
func TrainTagger(train []TagExample, cfg ClassifierConfig) (t *Tagger, err error) {
	defer guard(&err)
	if len(train) == 0 {
		return nil, ErrNoData
	}
	cfg = cfg.resolved()
	var tags []string
	for _, ex := range train {
		for _, tg := range ex.Tags {
			if !slices.Contains(tags, tg) {
				tags = append(tags, tg)
			}
		}
	}
	if len(tags) == 0 {
		return nil, fmt.Errorf("%w: no tags", ErrNoData)
	}
	slices.Sort(tags)
	texts := make([]string, len(train))
	for i, ex := range train {
		texts[i] = ex.Text
	}
	x, err := encodeAll(cfg.Encoder, texts)
	if err != nil {
		return nil, err
	}
	E, T := cfg.Encoder.Dim(), len(tags)
	y := make([]float32, len(train)*T)
	for i, ex := range train {
		for _, tg := range ex.Tags {
			j, _ := slices.BinarySearch(tags, tg)
			y[i*T+j] = 1
		}
	}
	t = &Tagger{enc: cfg.Encoder, tags: tags, arch: arch{Hidden: cfg.Hidden, Dropout: cfg.Dropout, LR: cfg.LR, Batch: cfg.Batch, Epochs: cfg.Epochs, Seed: cfg.Seed}}
	t.mlp = nn.NewMLP(E, cfg.Hidden, T, cfg.Dropout, rand.New(rand.NewPCG(uint64(cfg.Seed), 4)))
	gr, err := t.mlp.Graph(cfg.Batch, true, true)
	if err != nil {
		return nil, err
	}
	defer gr.Close()
	in, target := gr.Inputs["x"], gr.Inputs["target"]
	opt := nn.NewAdam(cfg.LR)
	l := &loop{n: len(train), batch: cfg.Batch, epochs: cfg.Epochs, seed: cfg.Seed, graph: gr, opt: opt, onEpoch: cfg.OnEpoch}
	l.fill = func(idx []int) int {
		clear(in)
		for r := range target {
			target[r] = nn.Ignore
		}
		for r, i := range idx {
			copy(in[r*E:(r+1)*E], x[i*E:(i+1)*E])
			copy(target[r*T:(r+1)*T], y[i*T:(i+1)*T])
		}
		return len(idx)
	}
	l.score = func(idx []int) (int, int, error) {
		logits, _, err := gr.LogitsData()
		if err != nil {
			return 0, 0, err
		}
		c := 0
		for r, i := range idx {
			for j := 0; j < T; j++ {
				if (logits[r*T+j] > 0) == (y[i*T+j] == 1) {
					c++
				}
			}
		}
		return c, len(idx) * T, nil
	}
	if err := l.run(); err != nil {
		return nil, err
	}
	t.History = l.history
	return t, nil
}

// Tags returns the tags, in the order of Predict's columns.
func (t *Tagger) Tags() []string { return slices.Clone(t.tags) }

// Predict returns, for every text, the probability of every tag.
func (t *Tagger) Predict(texts []string) (p [][]float32, err error) {
	defer guard(&err)
	x, err := encodeAll(t.enc, texts)
	if err != nil {
		return nil, err
	}
	n := min(256, max(len(texts), 1))
	gr, err := t.mlp.Graph(n, false, true)
	if err != nil {
		return nil, err
	}
	defer gr.Close()
	E, T := t.enc.Dim(), len(t.tags)
	for i := 0; i < len(texts); i += n {
		m := min(n, len(texts)-i)
		clear(gr.Inputs["x"])
		copy(gr.Inputs["x"], x[i*E:(i+m)*E])
		for r := range gr.Inputs["target"] {
			gr.Inputs["target"][r] = nn.Ignore
		}
		if _, err := gr.Run(nil, nil); err != nil {
			return nil, err
		}
		logits, _, err := gr.LogitsData()
		if err != nil {
			return nil, err
		}
		for r := 0; r < m; r++ {
			row := make([]float32, T)
			for j := range row {
				row[j] = nn.Sigmoid(logits[r*T+j])
			}
			p = append(p, row)
		}
	}
	return p, nil
}

// Save writes the tagger to path atomically.
func (t *Tagger) Save(path string) error {
	ck := &checkpoint{Version: checkpointVersion, Kind: "tagger", Encoder: t.enc.Name(), EncoderDim: t.enc.Dim(),
		Arch: t.arch, Labels: t.tags, Params: paramsOf(&t.mlp.P), Epoch: len(t.History), History: t.History}
	return ck.write(path)
}

// LoadTagger reads a tagger saved by Save; enc must be the encoder it was
// trained with (nil: default).
func LoadTagger(path string, enc Encoder) (t *Tagger, err error) {
	defer guard(&err)
	ck, enc, err := openCheckpoint(path, "tagger", enc)
	if err != nil {
		return nil, err
	}
	t = &Tagger{enc: enc, tags: ck.Labels, arch: ck.Arch, History: ck.History}
	t.mlp = nn.NewMLP(enc.Dim(), ck.Arch.Hidden, len(ck.Labels), ck.Arch.Dropout, rand.New(rand.NewPCG(0, 0)))
	if err := ck.restore(path, &t.mlp.P, nil); err != nil {
		return nil, err
	}
	return t, nil
}
