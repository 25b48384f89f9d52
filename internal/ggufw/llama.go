package ggufw

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// LlamaConfig describes a random Llama model.
type LlamaConfig struct {
	Embd, Layers, Heads, HeadsKV, FF int
	// Type is the GGML type of the 2-D block weights (F32, F16, Q8_0,
	// Q4_K or Q6_K; the quantized ones need rows a multiple of their
	// block). EmbdType is the token embeddings' type.
	Type, EmbdType uint32
	// Corpus trains the vocabulary; Merges is how many multi-character
	// pieces it learns (default 200).
	Corpus []string
	Merges int
	Seed   uint64
	// Pooling, when > 0, is written as llama.pooling_type (1 mean, 2 cls,
	// 3 last); llama.cpp then pools its embeddings that way.
	Pooling uint32
	// Arch overrides general.architecture (default "llama").
	Arch string
}

// Llama returns a random Llama model: weights drawn uniformly at a scale
// that keeps activations near unit size, norms near 1, and a vocabulary of
// <unk>, <s>, </s>, the 256 byte tokens <0x00>..<0xFF>, every character of
// the corpus, and pieces learned from it by byte-pair merging (score minus
// the merge's rank, as SentencePiece's BPE vocabularies have).
func Llama(cfg LlamaConfig) (*File, error) {
	if cfg.Merges == 0 {
		cfg.Merges = 200
	}
	if cfg.Arch == "" {
		cfg.Arch = "llama"
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 7))
	tokens, scores, types := Vocabulary(cfg.Corpus, cfg.Merges)
	hd := cfg.Embd / cfg.Heads
	md := map[string]any{
		"general.architecture":                         cfg.Arch,
		"general.name":                                 "irsynth random llama",
		"general.alignment":                            uint32(alignment),
		cfg.Arch + ".context_length":                   uint32(512),
		cfg.Arch + ".embedding_length":                 uint32(cfg.Embd),
		cfg.Arch + ".block_count":                      uint32(cfg.Layers),
		cfg.Arch + ".feed_forward_length":              uint32(cfg.FF),
		cfg.Arch + ".rope.dimension_count":             uint32(hd),
		cfg.Arch + ".rope.freq_base":                   float32(10000),
		cfg.Arch + ".attention.head_count":             uint32(cfg.Heads),
		cfg.Arch + ".attention.head_count_kv":          uint32(cfg.HeadsKV),
		cfg.Arch + ".attention.layer_norm_rms_epsilon": float32(1e-5),
		cfg.Arch + ".vocab_size":                       uint32(len(tokens)),
		"tokenizer.ggml.model":                         "llama",
		"tokenizer.ggml.tokens":                        tokens,
		"tokenizer.ggml.scores":                        scores,
		"tokenizer.ggml.token_type":                    types,
		"tokenizer.ggml.bos_token_id":                  uint32(1),
		"tokenizer.ggml.eos_token_id":                  uint32(2),
		"tokenizer.ggml.unknown_token_id":              uint32(0),
		"tokenizer.ggml.add_bos_token":                 true,
		"tokenizer.ggml.add_eos_token":                 false,
	}
	if cfg.Pooling > 0 {
		md[cfg.Arch+".pooling_type"] = cfg.Pooling
	}
	f := &File{Metadata: md}
	add := func(name string, typ uint32, scale float32, center float32, dims ...int) error {
		n := 1
		udims := make([]uint64, len(dims))
		for i, d := range dims {
			n *= d
			udims[i] = uint64(d)
		}
		var data []byte
		var err error
		switch typ {
		case Q4_K, Q6_K:
			data, err = randomK(rng, typ, n, scale)
		default:
			v := make([]float32, n)
			for i := range v {
				v[i] = center + scale*(2*rng.Float32()-1)
			}
			data, err = Encode(v, typ)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		f.Tensors = append(f.Tensors, Tensor{Name: name, Dims: udims, Type: typ, Data: data})
		return nil
	}
	kvD := cfg.HeadsKV * hd
	w := func(in int) float32 { return float32(math.Sqrt(3 / float64(in))) }
	if err := add("token_embd.weight", cfg.EmbdType, 1, 0, cfg.Embd, len(tokens)); err != nil {
		return nil, err
	}
	for l := range cfg.Layers {
		p := fmt.Sprintf("blk.%d.", l)
		for _, t := range []struct {
			name        string
			typ         uint32
			scale, cntr float32
			dims        []int
		}{
			{"attn_norm.weight", F32, 0.2, 1, []int{cfg.Embd}},
			{"attn_q.weight", cfg.Type, w(cfg.Embd), 0, []int{cfg.Embd, cfg.Embd}},
			{"attn_k.weight", cfg.Type, w(cfg.Embd), 0, []int{cfg.Embd, kvD}},
			{"attn_v.weight", cfg.Type, w(cfg.Embd), 0, []int{cfg.Embd, kvD}},
			{"attn_output.weight", cfg.Type, w(cfg.Embd), 0, []int{cfg.Embd, cfg.Embd}},
			{"ffn_norm.weight", F32, 0.2, 1, []int{cfg.Embd}},
			{"ffn_gate.weight", cfg.Type, w(cfg.Embd), 0, []int{cfg.Embd, cfg.FF}},
			{"ffn_up.weight", cfg.Type, w(cfg.Embd), 0, []int{cfg.Embd, cfg.FF}},
			{"ffn_down.weight", cfg.Type, w(cfg.FF), 0, []int{cfg.FF, cfg.Embd}},
		} {
			if err := add(p+t.name, t.typ, t.scale, t.cntr, t.dims...); err != nil {
				return nil, err
			}
		}
	}
	if err := add("output_norm.weight", F32, 0.2, 1, cfg.Embd); err != nil {
		return nil, err
	}
	return f, nil
}

// randomK draws raw Q4_K or Q6_K super-blocks (random scales and quants)
// whose values are roughly within ±scale.
func randomK(rng *rand.Rand, typ uint32, n int, scale float32) ([]byte, error) {
	if n%256 != 0 {
		return nil, fmt.Errorf("ggufw: K-quants need a multiple of 256 values, got %d", n)
	}
	size := 144
	if typ == Q6_K {
		size = 210
	}
	out := make([]byte, n/256*size)
	for i := range out {
		out[i] = byte(rng.Uint32())
	}
	for b := 0; b < len(out); b += size {
		blk := out[b : b+size]
		switch typ {
		case Q4_K: // x = d·sc·q − dmin·m, sc,m < 64, q < 16
			binary.LittleEndian.PutUint16(blk, F32ToF16(scale/(63*15)*(0.5+rng.Float32())))
			binary.LittleEndian.PutUint16(blk[2:], F32ToF16(scale/63*rng.Float32()))
		case Q6_K: // x = d·sc·(q−32), |sc| ≤ 128, |q−32| ≤ 32
			binary.LittleEndian.PutUint16(blk[208:], F32ToF16(scale/(128*32)*(0.5+rng.Float32())))
		}
	}
	return out, nil
}

// Vocabulary trains a SentencePiece-style BPE vocabulary on corpus:
// special tokens, byte tokens, the corpus's characters, then merges pieces
// (spaces as U+2581, each text with a leading space as llama.cpp adds).
func Vocabulary(corpus []string, merges int) (tokens []string, scores []float32, types []int32) {
	tokens = []string{"<unk>", "<s>", "</s>"}
	scores = []float32{0, 0, 0}
	types = []int32{2, 3, 3}
	for b := range 256 {
		tokens = append(tokens, fmt.Sprintf("<0x%02X>", b))
		scores = append(scores, 0)
		types = append(types, 6)
	}
	have := map[string]bool{}
	for _, t := range tokens {
		have[t] = true
	}
	// words: runs that start at a space, as symbol lists
	counts := map[string]int{}
	for _, text := range corpus {
		s := strings.ReplaceAll(" "+text, " ", "\u2581")
		start := 0
		rs := []rune(s)
		for i := 1; i <= len(rs); i++ {
			if i == len(rs) || rs[i] == '\u2581' {
				counts[string(rs[start:i])]++
				start = i
			}
		}
	}
	type word struct {
		syms []string
		n    int
	}
	var words []word
	charCount := map[string]int{}
	for w, n := range counts {
		var syms []string
		for _, r := range w {
			syms = append(syms, string(r))
			charCount[string(r)] += n
		}
		words = append(words, word{syms, n})
	}
	slices.SortFunc(words, func(a, b word) int { return strings.Compare(strings.Join(a.syms, ""), strings.Join(b.syms, "")) })
	chars := make([]string, 0, len(charCount))
	for c := range charCount {
		chars = append(chars, c)
	}
	slices.SortFunc(chars, func(a, b string) int {
		if charCount[a] != charCount[b] {
			return charCount[b] - charCount[a]
		}
		return strings.Compare(a, b)
	})
	for i, c := range chars {
		if !have[c] {
			tokens, scores, types = append(tokens, c), append(scores, float32(-1000-i)), append(types, 1)
			have[c] = true
		}
	}
	for m := 0; m < merges; m++ {
		pairs := map[[2]string]int{}
		for _, w := range words {
			for i := 1; i < len(w.syms); i++ {
				pairs[[2]string{w.syms[i-1], w.syms[i]}] += w.n
			}
		}
		var best [2]string
		bestN := 0
		for p, n := range pairs {
			if n > bestN || n == bestN && p[0]+p[1] < best[0]+best[1] {
				best, bestN = p, n
			}
		}
		if bestN < 2 {
			break
		}
		piece := best[0] + best[1]
		if !have[piece] {
			tokens, scores, types = append(tokens, piece), append(scores, float32(-m)), append(types, 1)
			have[piece] = true
		}
		for wi := range words {
			s := words[wi].syms
			var out []string
			for i := 0; i < len(s); i++ {
				if i+1 < len(s) && s[i] == best[0] && s[i+1] == best[1] {
					out = append(out, piece)
					i++
				} else {
					out = append(out, s[i])
				}
			}
			words[wi].syms = out
		}
	}
	return tokens, scores, types
}
