package models

import (
	"context"
	"fmt"
	"math"

	"github.com/irsynth/irsynth/lib/models/internal/nn"
)

// DecodeOptions steers greedy decoding.
type DecodeOptions struct {
	// MaxLen caps the generated tokens (0 or over the model's: the model's
	// MaxLen).
	MaxLen int
	// Mask, when set, is asked before every step which tokens may come next
	// for example i after prefix (the tokens generated so far, EOS not
	// included). It returns one bool per Vocab entry (true: allowed) or nil
	// for no restriction. PAD and BOS are never generated. If it allows
	// nothing, the sequence ends there.
	Mask func(i int, prefix []string) []bool
}

// decodeChunk bounds the sequences decoded at once (KV cache memory).
const decodeChunk = 256

// eachChunk runs f over texts decodeChunk at a time: c0 is the index of the
// chunk's first text, st a stepper over the chunk's encodings, and cur the
// tokens to feed it first, one per text, all BOS.
func (d *Decoder) eachChunk(texts []string, f func(c0 int, st *nn.Stepper, cur []int) error) error {
	for c0 := 0; c0 < len(texts); c0 += decodeChunk {
		n := min(decodeChunk, len(texts)-c0)
		x, err := encodeAll(d.enc, texts[c0:c0+n])
		if err != nil {
			return err
		}
		cur := make([]int, n)
		for i := range cur {
			cur[i] = 1 // BOS
		}
		if err := f(c0, d.tr.NewStepper(x, n), cur); err != nil {
			return err
		}
	}
	return nil
}

// forced maps tokens to vocabulary indices for teacher forcing and appends
// EOS; a token outside the vocabulary is -1.
func (d *Decoder) forced(toks []string) []int {
	ids := make([]int, 0, len(toks)+1)
	for _, t := range toks {
		id, ok := d.index[t]
		if !ok {
			id = -1
		}
		ids = append(ids, id)
	}
	return append(ids, 2)
}

// teacherForce feeds each sequence seqs[i] (from forced) to the decoder
// after texts[i], one position at a time up to MaxLen, and calls visit with
// the logits the decoder gives at each position p, before it is fed the
// token there (-1, a token it cannot emit, is fed as PAD).
func (d *Decoder) teacherForce(texts []string, seqs [][]int, visit func(i, p int, logits []float32)) error {
	V := len(d.vocab)
	return d.eachChunk(texts, func(c0 int, st *nn.Stepper, cur []int) error {
		chunk := seqs[c0 : c0+len(cur)]
		longest := 0
		for _, s := range chunk {
			longest = max(longest, len(s))
		}
		for p := 0; p < min(longest, d.arch.MaxLen); p++ {
			st.Step(cur)
			for i, s := range chunk {
				if p < len(s) {
					visit(c0+i, p, st.Logits[i*V:(i+1)*V])
					cur[i] = max(s[p], 0)
				}
			}
		}
		return nil
	})
}

// Decode generates a token sequence for every text by greedy decoding:
// at each step the most probable allowed token, until EOS or MaxLen.
func (d *Decoder) Decode(texts []string, opt DecodeOptions) (out [][]string, err error) {
	return d.decode(context.Background(), texts, opt)
}

// decode is Decode that stops with ctx's error, checked before each step.
func (d *Decoder) decode(ctx context.Context, texts []string, opt DecodeOptions) (out [][]string, err error) {
	defer guard(&err)
	maxLen := d.arch.MaxLen
	if opt.MaxLen > 0 && opt.MaxLen < maxLen {
		maxLen = opt.MaxLen
	}
	V := len(d.vocab)
	out = make([][]string, len(texts))
	err = d.eachChunk(texts, func(c0 int, st *nn.Stepper, cur []int) error {
		n := len(cur)
		done := make([]bool, n)
		left := n
		for step := 0; step < maxLen && left > 0; step++ {
			if err := ctx.Err(); err != nil {
				return err
			}
			st.Step(cur)
			for i := 0; i < n; i++ {
				if done[i] {
					continue
				}
				var allow []bool
				if opt.Mask != nil {
					allow = opt.Mask(c0+i, out[c0+i])
					if allow != nil && len(allow) != V {
						return fmt.Errorf("%w: mask gave %d entries for %d tokens", ErrConfig, len(allow), V)
					}
				}
				row := st.Logits[i*V : (i+1)*V]
				best, bv := -1, float32(math.Inf(-1))
				for t := 2; t < V; t++ {
					if allow != nil && !allow[t] {
						continue
					}
					if best < 0 || row[t] > bv {
						best, bv = t, row[t]
					}
				}
				if best < 0 || best == 2 {
					done[i] = true
					left--
					continue
				}
				out[c0+i] = append(out[c0+i], d.vocab[best])
				cur[i] = best
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// TokenAccuracy is the teacher-forced next-token accuracy over examples
// (EOS included): how often the most probable token is the target's. A
// target token outside the vocabulary is always wrong.
func (d *Decoder) TokenAccuracy(examples []SeqExample) (acc float64, err error) {
	defer guard(&err)
	texts := make([]string, len(examples))
	seqs := make([][]int, len(examples))
	for i, ex := range examples {
		texts[i], seqs[i] = ex.Text, d.forced(ex.Tokens)
	}
	correct, total := 0, 0
	err = d.teacherForce(texts, seqs, func(i, p int, logits []float32) {
		total++
		if argmaxRows(logits, len(logits))[0] == seqs[i][p] {
			correct++
		}
	})
	if err != nil || total == 0 {
		return 0, err
	}
	return float64(correct) / float64(total), nil
}

// LogProb returns, for every text, the log-probability the decoder gives
// to emitting seqs[i] followed by EOS (teacher forcing). Synthesis can use
// it to rank candidate programs. A token outside the vocabulary gives -Inf.
func (d *Decoder) LogProb(texts []string, seqs [][]string) (lp []float64, err error) {
	defer guard(&err)
	if len(texts) != len(seqs) {
		return nil, fmt.Errorf("%w: %d texts, %d sequences", ErrConfig, len(texts), len(seqs))
	}
	lp = make([]float64, len(texts))
	ids := make([][]int, len(seqs))
	for i, s := range seqs {
		ids[i] = d.forced(s)
		for p, id := range ids[i][:len(s)] {
			if id < 3 { // PAD, BOS, or EOS before the end: never emitted
				ids[i][p] = -1
			}
		}
		if len(ids[i]) > d.arch.MaxLen {
			lp[i] = math.Inf(-1) // longer than the decoder can emit
		}
	}
	err = d.teacherForce(texts, ids, func(i, p int, logits []float32) {
		switch id := ids[i][p]; {
		case math.IsInf(lp[i], -1):
		case id < 0:
			lp[i] = math.Inf(-1)
		default:
			lp[i] += float64(logits[id]) - nn.LogSumExp(logits)
		}
	})
	if err != nil {
		return nil, err
	}
	return lp, nil
}
