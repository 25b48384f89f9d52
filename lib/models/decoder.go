package models

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/irsynth/irsynth/lib/models/internal/nn"
	"github.com/irsynth/irsynth/lib/results"
)

// Special tokens of the decoder vocabulary; Vocab[0:3] are always these.
const (
	PAD = "<pad>"
	BOS = "<bos>"
	EOS = "<eos>"
)

// SeqExample is a request and the token sequence the decoder should emit
// for it (EOS is added by the decoder).
type SeqExample struct {
	Text   string
	Tokens []string
}

// DecoderConfig configures TrainDecoder. The zero value is the study's
// setting: embedding 256, 4 heads, 3 layers, maximum length 64, plus the
// choices the study left open (pre-LayerNorm blocks, feed-forward 1024,
// dropout 0.1, Adam lr 1e-3, batch 32 as for its classifier, and 10 epochs:
// on the study's data the training loss is flat after about 5).
type DecoderConfig struct {
	Embed, Heads, Layers int     // 256, 4, 3
	FF                   int     // feed-forward width (1024)
	MaxLen               int     // positions, BOS included (64)
	Dropout              float64 // on both residual branches (0.1; negative: none)
	LR                   float64 // Adam learning rate (1e-3)
	Batch                int     // sequences per step (32)
	Epochs               int     // 10
	Seed                 int64
	Encoder              Encoder // nil: DefaultEncoder()
	// Vocab lists the output tokens (PAD, BOS, EOS are prepended when
	// missing). Nil: the special tokens plus every token of the training
	// targets, in order of first appearance.
	Vocab []string

	Test       []SeqExample // scored after every epoch (teacher-forced token accuracy)
	OnEpoch    Progress
	Checkpoint string
	Resume     bool
}

func (c DecoderConfig) resolved() DecoderConfig {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&c.Embed, 256)
	def(&c.Heads, 4)
	def(&c.Layers, 3)
	def(&c.FF, 1024)
	def(&c.MaxLen, 64)
	def(&c.Epochs, 10)
	trainDefaults(&c.Dropout, &c.LR, &c.Batch, &c.Encoder)
	return c
}

// Decoder emits token sequences (opcode names) for requests.
type Decoder struct {
	enc     Encoder
	vocab   []string
	index   map[string]int
	tr      *nn.Transformer
	arch    arch
	History []results.Epoch
}

func buildVocab(given []string, train []SeqExample) []string {
	v := []string{PAD, BOS, EOS}
	add := func(t string) {
		if !slices.Contains(v, t) {
			v = append(v, t)
		}
	}
	if given != nil {
		for _, t := range given {
			add(t)
		}
		return v
	}
	for _, ex := range train {
		for _, t := range ex.Tokens {
			add(t)
		}
	}
	return v
}

func newDecoder(enc Encoder, vocab []string, a arch) (*Decoder, error) {
	d := &Decoder{enc: enc, vocab: vocab, index: map[string]int{}, arch: a}
	for i, t := range vocab {
		d.index[t] = i
	}
	tr, err := nn.NewTransformer(nn.TransformerConfig{Vocab: len(vocab), Dim: a.Embed, Heads: a.Heads, Layers: a.Layers,
		FF: a.FF, MaxLen: a.MaxLen, CondDim: enc.Dim(), Dropout: a.Dropout}, rand.New(rand.NewPCG(uint64(a.Seed), 2)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrConfig, err)
	}
	d.tr = tr
	return d, nil
}

// ids maps tokens to vocabulary indices.
func (d *Decoder) ids(toks []string) ([]int, error) {
	out := make([]int, len(toks))
	for i, t := range toks {
		id, ok := d.index[t]
		if !ok || id < 3 {
			return nil, fmt.Errorf("%w: %q", ErrToken, t)
		}
		out[i] = id
	}
	return out, nil
}

// TrainDecoder trains the transformer with teacher forcing to emit each
// example's Tokens followed by EOS.
func TrainDecoder(train []SeqExample, cfg DecoderConfig) (d *Decoder, err error) {
	defer guard(&err)
	if len(train) == 0 {
		return nil, ErrNoData
	}
	cfg = cfg.resolved()
	a := arch{Embed: cfg.Embed, Heads: cfg.Heads, Layers: cfg.Layers, FF: cfg.FF, MaxLen: cfg.MaxLen, Dropout: cfg.Dropout,
		LR: cfg.LR, Batch: cfg.Batch, Epochs: cfg.Epochs, Seed: cfg.Seed}
	if a.Embed%a.Heads != 0 {
		return nil, fmt.Errorf("%w: embedding %d is not a multiple of %d heads", ErrConfig, a.Embed, a.Heads)
	}
	d, err = newDecoder(cfg.Encoder, buildVocab(cfg.Vocab, train), a)
	if err != nil {
		return nil, err
	}
	seqs := make([][]int, len(train))
	texts := make([]string, len(train))
	for i, ex := range train {
		ids, err := d.ids(ex.Tokens)
		if err != nil {
			return nil, fmt.Errorf("training example %d (%q): %w", i, ex.Text, err)
		}
		if len(ids)+1 > cfg.MaxLen {
			return nil, fmt.Errorf("%w: training example %d has %d tokens, over the maximum length %d with EOS", ErrConfig, i, len(ids), cfg.MaxLen)
		}
		seqs[i] = append(ids, 2)
		texts[i] = ex.Text
		d.arch.SeqLen = max(d.arch.SeqLen, len(seqs[i]))
	}
	x, err := encodeAll(cfg.Encoder, texts)
	if err != nil {
		return nil, err
	}
	opt := nn.NewAdam(cfg.LR)
	start := 0
	if cfg.Resume && cfg.Checkpoint != "" {
		same := func(ck *checkpoint) bool {
			ca := ck.Arch
			ca.Epochs = a.Epochs
			return slices.Equal(ck.Labels, d.vocab) && ca == d.arch
		}
		start, d.History, err = resume(cfg.Checkpoint, "decoder", cfg.Encoder, same, "another vocabulary or settings", &d.tr.P, opt)
		if err != nil {
			return nil, err
		}
	}
	B, L, V, E := cfg.Batch, d.arch.SeqLen, len(d.vocab), cfg.Encoder.Dim()
	gr, err := d.tr.Graph(B, L, true)
	if err != nil {
		return nil, err
	}
	defer gr.Close()
	tok, cond, target := gr.Inputs["tokens"], gr.Inputs["cond"], gr.Inputs["target"]
	l := &loop{n: len(train), batch: B, epochs: cfg.Epochs, start: start, seed: cfg.Seed, graph: gr, opt: opt,
		onEpoch: cfg.OnEpoch, history: &d.History, checkpoint: cfg.Checkpoint, save: d.save}
	l.fill = func(idx []int) int {
		clear(tok)
		clear(cond)
		for i := range target {
			target[i] = nn.Ignore
		}
		n := 0
		for r, i := range idx {
			copy(cond[r*E:(r+1)*E], x[i*E:(i+1)*E])
			prev := 1 // BOS
			for p, t := range seqs[i] {
				tok[r*L+p] = float32(prev)
				target[r*L+p] = float32(t)
				prev = t
				n++
			}
		}
		return n
	}
	l.score = func(idx []int) (int, int, error) {
		logits, _, err := gr.LogitsData()
		if err != nil {
			return 0, 0, err
		}
		pred := argmaxRows(logits, V)
		c, t := 0, 0
		for r := range idx {
			for p := 0; p < L; p++ {
				if y := target[r*L+p]; y != nn.Ignore {
					t++
					if pred[r*L+p] == int(y) {
						c++
					}
				}
			}
		}
		return c, t, nil
	}
	if len(cfg.Test) > 0 {
		l.test = func() (float64, error) { return d.TokenAccuracy(cfg.Test) }
	}
	if err := l.run(); err != nil {
		return nil, err
	}
	return d, nil
}

// Vocab returns the output tokens; indices 0, 1, 2 are PAD, BOS, EOS.
func (d *Decoder) Vocab() []string { return slices.Clone(d.vocab) }

// Encoder returns the encoder the decoder reads.
func (d *Decoder) Encoder() Encoder { return d.enc }

// MaxLen is the number of positions the decoder can generate.
func (d *Decoder) MaxLen() int { return d.arch.MaxLen }

// Save writes the decoder to path atomically.
func (d *Decoder) Save(path string) error { return d.save(path, nil, len(d.History)) }

func (d *Decoder) save(path string, opt *nn.Adam, epoch int) error {
	return newCheckpoint("decoder", d.enc, d.arch, d.vocab, &d.tr.P, epoch, d.History, opt).write(path)
}

// LoadDecoder reads a decoder saved by Save or by training with a
// Checkpoint. enc must be the encoder it was trained with (nil: default).
func LoadDecoder(path string, enc Encoder) (d *Decoder, err error) {
	defer guard(&err)
	ck, enc, err := openCheckpoint(path, "decoder", enc)
	if err != nil {
		return nil, err
	}
	if len(ck.Labels) < 3 || ck.Labels[0] != PAD || ck.Labels[1] != BOS || ck.Labels[2] != EOS {
		return nil, fmt.Errorf("%w: %s: vocabulary does not start with %s %s %s", ErrCheckpoint, path, PAD, BOS, EOS)
	}
	d, err = newDecoder(enc, ck.Labels, ck.Arch)
	if err != nil {
		return nil, err
	}
	d.History = ck.History
	if err := ck.restore(path, &d.tr.P, nil); err != nil {
		return nil, err
	}
	return d, nil
}

// DecoderSettings are the resolved settings a decoder was trained with, as
// recorded in results.
type DecoderSettings struct {
	Embed   int     `json:"embed"`
	Heads   int     `json:"heads"`
	Layers  int     `json:"layers"`
	FF      int     `json:"ff"`
	MaxLen  int     `json:"max_len"`
	SeqLen  int     `json:"train_seq_len"`
	Dropout float64 `json:"dropout"`
	LR      float64 `json:"lr"`
	Batch   int     `json:"batch"`
	Epochs  int     `json:"epochs"`
	Seed    int64   `json:"seed"`
	Vocab   int     `json:"vocab"`
	Params  int     `json:"params"`
	Norm    string  `json:"norm"`
}

// Settings reports the decoder's resolved settings.
func (d *Decoder) Settings() DecoderSettings {
	a := d.arch
	return DecoderSettings{Embed: a.Embed, Heads: a.Heads, Layers: a.Layers, FF: a.FF, MaxLen: a.MaxLen, SeqLen: a.SeqLen,
		Dropout: a.Dropout, LR: a.LR, Batch: a.Batch, Epochs: a.Epochs, Seed: a.Seed, Vocab: len(d.vocab),
		Params: d.tr.P.Count(), Norm: "pre-LayerNorm"}
}
