package models

import (
	"fmt"
	"math"
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

// Decode generates a token sequence for every text by greedy decoding:
// at each step the most probable allowed token, until EOS or MaxLen.
func (d *Decoder) Decode(texts []string, opt DecodeOptions) (out [][]string, err error) {
	defer guard(&err)
	maxLen := d.arch.MaxLen
	if opt.MaxLen > 0 && opt.MaxLen < maxLen {
		maxLen = opt.MaxLen
	}
	V := len(d.vocab)
	out = make([][]string, len(texts))
	for c0 := 0; c0 < len(texts); c0 += decodeChunk {
		n := min(decodeChunk, len(texts)-c0)
		x, err := encodeAll(d.enc, texts[c0:c0+n])
		if err != nil {
			return nil, err
		}
		st := d.tr.NewStepper(x, n)
		cur := make([]int, n)
		for i := range cur {
			cur[i] = 1 // BOS
		}
		done := make([]bool, n)
		left := n
		for step := 0; step < maxLen && left > 0; step++ {
			st.Step(cur)
			for i := 0; i < n; i++ {
				if done[i] {
					continue
				}
				var allow []bool
				if opt.Mask != nil {
					allow = opt.Mask(c0+i, out[c0+i])
					if allow != nil && len(allow) != V {
						return nil, fmt.Errorf("%w: mask gave %d entries for %d tokens", ErrConfig, len(allow), V)
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
	}
	return out, nil
}

// TokenAccuracy is the teacher-forced next-token accuracy over examples
// (EOS included): how often the most probable token is the target's.
func (d *Decoder) TokenAccuracy(examples []SeqExample) (acc float64, err error) {
	defer guard(&err)
	V := len(d.vocab)
	correct, total := 0, 0
	for c0 := 0; c0 < len(examples); c0 += decodeChunk {
		chunk := examples[c0:min(c0+decodeChunk, len(examples))]
		n := len(chunk)
		texts := make([]string, n)
		seqs := make([][]int, n)
		longest := 0
		for i, ex := range chunk {
			texts[i] = ex.Text
			ids := make([]int, 0, len(ex.Tokens)+1)
			for _, t := range ex.Tokens {
				id, ok := d.index[t]
				if !ok {
					id = -1 // a token the decoder cannot emit: always wrong
				}
				ids = append(ids, id)
			}
			seqs[i] = append(ids, 2)
			longest = max(longest, len(seqs[i]))
		}
		x, err := encodeAll(d.enc, texts)
		if err != nil {
			return 0, err
		}
		st := d.tr.NewStepper(x, n)
		cur := make([]int, n)
		for i := range cur {
			cur[i] = 1
		}
		for p := 0; p < min(longest, d.arch.MaxLen); p++ {
			st.Step(cur)
			pred := argmaxRows(st.Logits, V)
			for i, s := range seqs {
				if p >= len(s) {
					continue
				}
				total++
				if pred[i] == s[p] {
					correct++
				}
				if s[p] >= 0 {
					cur[i] = s[p]
				} else {
					cur[i] = 0
				}
			}
		}
	}
	if total == 0 {
		return 0, nil
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
	V := len(d.vocab)
	lp = make([]float64, len(texts))
	for c0 := 0; c0 < len(texts); c0 += decodeChunk {
		n := min(decodeChunk, len(texts)-c0)
		ids := make([][]int, n)
		longest := 0
		for i := range ids {
			for _, t := range seqs[c0+i] {
				id, ok := d.index[t]
				if !ok || id < 3 {
					id = -1
				}
				ids[i] = append(ids[i], id)
			}
			ids[i] = append(ids[i], 2)
			longest = max(longest, len(ids[i]))
			if len(ids[i]) > d.arch.MaxLen {
				lp[c0+i] = math.Inf(-1) // longer than the decoder can emit
			}
		}
		x, err := encodeAll(d.enc, texts[c0:c0+n])
		if err != nil {
			return nil, err
		}
		st := d.tr.NewStepper(x, n)
		cur := make([]int, n)
		for i := range cur {
			cur[i] = 1
		}
		for p := 0; p < min(longest, d.arch.MaxLen); p++ {
			st.Step(cur)
			for i, s := range ids {
				if p >= len(s) || math.IsInf(lp[c0+i], -1) {
					continue
				}
				if s[p] < 0 {
					lp[c0+i] = math.Inf(-1)
					continue
				}
				row := st.Logits[i*V : (i+1)*V]
				lp[c0+i] += float64(row[s[p]]) - logSumExp(row)
				cur[i] = s[p]
			}
		}
	}
	return lp, nil
}

func logSumExp(row []float32) float64 {
	m := row[0]
	for _, v := range row {
		m = max(m, v)
	}
	var s float64
	for _, v := range row {
		s += math.Exp(float64(v - m))
	}
	return float64(m) + math.Log(s)
}
