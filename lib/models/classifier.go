package models

import (
	"math/rand/v2"
	"slices"

	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/models/internal/nn"
	"github.com/irsynth/irsynth/lib/results"
)

// ClassifierConfig configures TrainClassifier. The zero value is the
// study's setting: MLP 2048→256→256→N, ReLU, dropout 0.1, Adam lr 1e-3,
// batch 32, 20 epochs, the default encoder.
type ClassifierConfig struct {
	Hidden  int     // hidden width (256)
	Dropout float64 // dropout after each hidden layer (0.1; negative: none)
	LR      float64 // Adam learning rate (1e-3)
	Batch   int     // mini-batch size (32)
	Epochs  int     // epochs (20)
	Seed    int64   // initialisation, shuffling and dropout
	Encoder Encoder // nil: DefaultEncoder()

	// Test, when set, is scored after every epoch (Epoch.TestAcc).
	Test []dataset.Example
	// OnEpoch is called after every epoch.
	OnEpoch Progress
	// Checkpoint, when set, is rewritten atomically after every epoch.
	Checkpoint string
	// Resume continues from Checkpoint if it exists.
	Resume bool
}

func (c ClassifierConfig) resolved() ClassifierConfig {
	if c.Hidden <= 0 {
		c.Hidden = 256
	}
	if c.Epochs <= 0 {
		c.Epochs = 20
	}
	trainDefaults(&c.Dropout, &c.LR, &c.Batch, &c.Encoder)
	return c
}

// Classifier picks a library program for a request.
type Classifier struct {
	enc     Encoder
	labels  []string
	mlp     *nn.MLP
	arch    arch
	History []results.Epoch
}

// TrainClassifier trains an MLP over encoder vectors to predict each
// example's Program. Classes are the distinct programs of train, sorted.
func TrainClassifier(train []dataset.Example, cfg ClassifierConfig) (c *Classifier, err error) {
	defer guard(&err)
	if len(train) == 0 {
		return nil, ErrNoData
	}
	cfg = cfg.resolved()
	labels := []string{}
	for _, ex := range train {
		if !slices.Contains(labels, ex.Program) {
			labels = append(labels, ex.Program)
		}
	}
	slices.Sort(labels)
	texts := make([]string, len(train))
	y := make([]int, len(train))
	for i, ex := range train {
		texts[i] = ex.Text
		y[i], _ = slices.BinarySearch(labels, ex.Program)
	}
	x, err := encodeAll(cfg.Encoder, texts)
	if err != nil {
		return nil, err
	}
	E := cfg.Encoder.Dim()
	c = &Classifier{enc: cfg.Encoder, labels: labels, arch: arch{Hidden: cfg.Hidden, Dropout: cfg.Dropout, LR: cfg.LR, Batch: cfg.Batch, Epochs: cfg.Epochs, Seed: cfg.Seed}}
	c.mlp = nn.NewMLP(E, cfg.Hidden, len(labels), cfg.Dropout, rand.New(rand.NewPCG(uint64(cfg.Seed), 1)))
	opt := nn.NewAdam(cfg.LR)
	start := 0
	if cfg.Resume && cfg.Checkpoint != "" {
		same := func(ck *checkpoint) bool {
			return slices.Equal(ck.Labels, labels) && ck.Arch.Hidden == cfg.Hidden && ck.Arch.Batch == cfg.Batch && ck.Arch.Seed == cfg.Seed
		}
		start, c.History, err = resume(cfg.Checkpoint, "classifier", cfg.Encoder, same, "other classes or settings", &c.mlp.P, opt)
		if err != nil {
			return nil, err
		}
	}
	gr, err := c.mlp.Graph(cfg.Batch, true)
	if err != nil {
		return nil, err
	}
	defer gr.Close()
	in, target := gr.Inputs["x"], gr.Inputs["target"]
	l := &loop{n: len(train), batch: cfg.Batch, epochs: cfg.Epochs, start: start, seed: cfg.Seed, graph: gr, opt: opt,
		onEpoch: cfg.OnEpoch, history: &c.History, checkpoint: cfg.Checkpoint, save: c.save}
	l.fill = func(idx []int) int {
		clear(in)
		for r := range target {
			target[r] = nn.Ignore
		}
		for r, i := range idx {
			copy(in[r*E:(r+1)*E], x[i*E:(i+1)*E])
			target[r] = float32(y[i])
		}
		return len(idx)
	}
	l.score = func(idx []int) (int, int, error) {
		logits, _, err := gr.LogitsData()
		if err != nil {
			return 0, 0, err
		}
		pred := argmaxRows(logits, len(labels))
		n := 0
		for r, i := range idx {
			if pred[r] == y[i] {
				n++
			}
		}
		return n, len(idx), nil
	}
	if len(cfg.Test) > 0 {
		l.test = func() (float64, error) {
			texts := make([]string, len(cfg.Test))
			for i, ex := range cfg.Test {
				texts[i] = ex.Text
			}
			pred, err := c.Predict(texts)
			if err != nil {
				return 0, err
			}
			n := 0
			for i, p := range pred {
				if p == cfg.Test[i].Program {
					n++
				}
			}
			return float64(n) / float64(len(pred)), nil
		}
	}
	if err := l.run(); err != nil {
		return nil, err
	}
	return c, nil
}

// Labels returns the classes, in the order of Probabilities' columns.
func (c *Classifier) Labels() []string { return slices.Clone(c.labels) }

// Encoder returns the encoder the classifier reads.
func (c *Classifier) Encoder() Encoder { return c.enc }

// Probabilities returns the class probabilities of every text.
func (c *Classifier) Probabilities(texts []string) (p [][]float32, err error) {
	defer guard(&err)
	x, err := encodeAll(c.enc, texts)
	if err != nil {
		return nil, err
	}
	const batch = 256
	n := min(batch, max(len(texts), 1))
	gr, err := c.mlp.Graph(n, false)
	if err != nil {
		return nil, err
	}
	defer gr.Close()
	E, K := c.enc.Dim(), len(c.labels)
	for i := 0; i < len(texts); i += n {
		m := min(n, len(texts)-i)
		in := gr.Inputs["x"]
		clear(in)
		copy(in, x[i*E:(i+m)*E])
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
			row := slices.Clone(logits[r*K : (r+1)*K])
			nn.SoftmaxInPlace(row)
			p = append(p, row)
		}
	}
	return p, nil
}

// Predict returns the most probable program for every text.
func (c *Classifier) Predict(texts []string) ([]string, error) {
	probs, err := c.Probabilities(texts)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(probs))
	for i, p := range probs {
		out[i] = c.labels[argmaxRows(p, len(p))[0]]
	}
	return out, nil
}

// Save writes the classifier to path atomically.
func (c *Classifier) Save(path string) error { return c.save(path, nil, len(c.History)) }

func (c *Classifier) save(path string, opt *nn.Adam, epoch int) error {
	return newCheckpoint("classifier", c.enc, c.arch, c.labels, &c.mlp.P, epoch, c.History, opt).write(path)
}

// LoadClassifier reads a classifier saved by Save or by training with a
// Checkpoint. enc must be the encoder it was trained with (nil: default).
func LoadClassifier(path string, enc Encoder) (c *Classifier, err error) {
	defer guard(&err)
	ck, enc, err := openCheckpoint(path, "classifier", enc)
	if err != nil {
		return nil, err
	}
	c = &Classifier{enc: enc, labels: ck.Labels, arch: ck.Arch, History: ck.History}
	c.mlp = nn.NewMLP(enc.Dim(), ck.Arch.Hidden, len(ck.Labels), ck.Arch.Dropout, rand.New(rand.NewPCG(0, 0)))
	if err := ck.restore(path, &c.mlp.P, nil); err != nil {
		return nil, err
	}
	return c, nil
}

// ClassifierSettings are the resolved settings a classifier was trained
// with, as recorded in results.
type ClassifierSettings struct {
	Hidden  int     `json:"hidden"`
	Dropout float64 `json:"dropout"`
	LR      float64 `json:"lr"`
	Batch   int     `json:"batch"`
	Epochs  int     `json:"epochs"`
	Seed    int64   `json:"seed"`
	Classes int     `json:"classes"`
	Params  int     `json:"params"`
}

// Settings reports the classifier's resolved settings.
func (c *Classifier) Settings() ClassifierSettings {
	a := c.arch
	return ClassifierSettings{Hidden: a.Hidden, Dropout: a.Dropout, LR: a.LR, Batch: a.Batch, Epochs: a.Epochs, Seed: a.Seed,
		Classes: len(c.labels), Params: c.mlp.P.Count()}
}
