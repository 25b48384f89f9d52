package llama_test

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/internal/ggufw"
	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/models/internal/llama"
)

// corpus is what the fixture vocabularies are trained on: every template of
// every library program.
func corpus() []string {
	var out []string
	for _, p := range dataset.Programs() {
		out = append(out, dataset.Templates(p)...)
	}
	return out
}

// probeTexts exercise the tokenizer: template wordings, digits, several
// spaces, leading and trailing spaces, characters outside the vocabulary
// (byte fallback: accents, an emoji, a newline, a tab), "<s>" as plain text.
var probeTexts = []string{
	"What is 7 factorial?",
	"Sum 1 to 50",
	"add up every whole number from one through 37",
	"multiply together all numbers from 1 to 6",
	"  two leading spaces and   three inside ",
	"café naïve → résumé",
	"emoji 🙂 and\nnewline\tand tab",
	"<s> is not a control token here </s>",
	"x",
	"1234567890",
}

// writeModel writes a random Llama fixture and returns its path.
func writeModel(t testing.TB, cfg ggufw.LlamaConfig) string {
	t.Helper()
	if cfg.Corpus == nil {
		cfg.Corpus = corpus()
	}
	f, err := ggufw.Llama(cfg)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "model.gguf")
	if err := f.Write(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// llamaCpp runs llama.cpp on texts. It skips the test, saying why, only
// when node is absent; a missing install or a failing run is a failure.
func llamaCpp(t testing.TB, model string, texts []string, threads, repeat int, embeddings bool) *ggufw.Reference {
	t.Helper()
	ref, err := ggufw.LlamaCpp(ggufw.RefRequest{Model: model, Texts: texts, Threads: threads, Repeat: repeat, Embeddings: embeddings})
	if errors.Is(err, ggufw.ErrNoNode) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return ref
}

// relErr is ‖a−b‖/‖b‖.
func relErr(a []float32, b []float64) float64 {
	var num, den float64
	for i := range b {
		d := float64(a[i]) - b[i]
		num += d * d
		den += b[i] * b[i]
	}
	return math.Sqrt(num / den)
}

// TestAgainstLlamaCpp compares token ids and the final hidden state with
// llama.cpp on random models of each tensor type. The fixture has as many
// layers as we run, so llama.cpp's embedding (its last token's state after
// the output RMSNorm) is our layer-L state after the same norm.
//
// Tolerances (relative L2 error of the vector): F32 weights 1e-5: both
// sides multiply in float32, in a different order (llama.cpp's vectorised
// dots against OpenBLAS's sgemm); measured 6e-7. The reference's key/value
// cache is F32 (with llama.cpp's default F16 cache the error is 5e-4). For
// F16 weights llama.cpp rounds the activations to F16 before each product
// (2^-11 relative), so 2e-3 (measured 7e-4); for BF16 weights to BF16
// (2^-8), so 1e-2 (measured 5e-3). For Q8_0 and the K-quants it
// quantizes the activations to 8 bits per value (Q8_0/Q8_K) before each dot
// product, while we expand the weights to float32 and keep activations
// exact: about 1% per product over two layers, so 5e-2 (measured 0.5-2%).
func TestAgainstLlamaCpp(t *testing.T) {
	cases := []struct {
		name string
		cfg  ggufw.LlamaConfig
		tol  float64
	}{
		{"F32", ggufw.LlamaConfig{Embd: 64, Layers: 2, Heads: 4, HeadsKV: 2, FF: 96, Type: ggufw.F32, EmbdType: ggufw.F32, Seed: 1}, 1e-5},
		{"F16", ggufw.LlamaConfig{Embd: 64, Layers: 2, Heads: 4, HeadsKV: 1, FF: 96, Type: ggufw.F16, EmbdType: ggufw.F16, Seed: 2}, 2e-3},
		{"BF16", ggufw.LlamaConfig{Embd: 64, Layers: 2, Heads: 4, HeadsKV: 2, FF: 96, Type: ggufw.BF16, EmbdType: ggufw.BF16, Seed: 6}, 1e-2},
		{"Q8_0", ggufw.LlamaConfig{Embd: 64, Layers: 2, Heads: 8, HeadsKV: 2, FF: 128, Type: ggufw.Q8_0, EmbdType: ggufw.Q8_0, Seed: 3}, 5e-2},
		{"Q4_K", ggufw.LlamaConfig{Embd: 256, Layers: 2, Heads: 4, HeadsKV: 2, FF: 512, Type: ggufw.Q4_K, EmbdType: ggufw.Q8_0, Seed: 4}, 5e-2},
		{"Q6_K", ggufw.LlamaConfig{Embd: 256, Layers: 2, Heads: 4, HeadsKV: 4, FF: 256, Type: ggufw.Q6_K, EmbdType: ggufw.Q6_K, Seed: 5}, 5e-2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := writeModel(t, tc.cfg)
			m, err := llama.Open(path, 0)
			if err != nil {
				t.Fatal(err)
			}
			ref := llamaCpp(t, path, probeTexts, 1, 0, true)
			var seqs [][]int32
			for i, text := range probeTexts {
				ids, err := m.Vocab.Encode(text)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(ids, ref.Tokens[i]) {
					t.Errorf("tokens of %q:\n ours     %v\n llama.cpp %v", text, ids, ref.Tokens[i])
				}
				seqs = append(seqs, ref.Tokens[i])
			}
			hs, err := m.Hidden(seqs)
			if err != nil {
				t.Fatal(err)
			}
			D := m.Config.Embd
			worst := 0.0
			for i, h := range hs {
				last, _ := m.OutputNorm(h[len(h)-D:])
				e := relErr(last, ref.Embeddings[i])
				worst = max(worst, e)
				if e > tc.tol {
					t.Errorf("%q: relative error %.2e > %.0e", probeTexts[i], e, tc.tol)
				}
			}
			t.Logf("%s: worst relative error %.2e over %d texts (tolerance %.0e)", tc.name, worst, len(probeTexts), tc.tol)
		})
	}
}

// TestMeanPoolingAgainstLlamaCpp: with llama.pooling_type = mean in the
// metadata, llama.cpp averages the normed states of all tokens.
func TestMeanPoolingAgainstLlamaCpp(t *testing.T) {
	path := writeModel(t, ggufw.LlamaConfig{Embd: 64, Layers: 3, Heads: 4, HeadsKV: 2, FF: 96, Seed: 9, Pooling: 1})
	m, err := llama.Open(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	ref := llamaCpp(t, path, probeTexts, 1, 0, true)
	D := m.Config.Embd
	for i := range probeTexts {
		hs, err := m.Hidden([][]int32{ref.Tokens[i]})
		if err != nil {
			t.Fatal(err)
		}
		mean := make([]float32, D)
		T := len(ref.Tokens[i])
		for p := range T {
			n, _ := m.OutputNorm(hs[0][p*D : (p+1)*D])
			for j := range D {
				mean[j] += n[j] / float32(T)
			}
		}
		if e := relErr(mean, ref.Embeddings[i]); e > 1e-5 {
			t.Errorf("%q: relative error %.2e > 1e-5", probeTexts[i], e)
		}
	}
}

// TestTokenizerAgainstLlamaCpp tokenizes the whole corpus and its
// variations with a larger vocabulary.
func TestTokenizerAgainstLlamaCpp(t *testing.T) {
	path := writeModel(t, ggufw.LlamaConfig{Embd: 32, Layers: 1, Heads: 2, HeadsKV: 1, FF: 32, Merges: 1000, Seed: 11})
	m, err := llama.Open(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for i, c := range corpus() {
		texts = append(texts, c, strings.ToUpper(c), strings.ReplaceAll(c, " ", "  "), fmt.Sprintf("%d%s", i, c))
	}
	ref := llamaCpp(t, path, texts, 1, 0, false)
	bad := 0
	for i, text := range texts {
		ids, err := m.Vocab.Encode(text)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids, ref.Tokens[i]) {
			if bad++; bad <= 5 {
				t.Errorf("tokens of %q:\n ours      %v\n llama.cpp %v", text, ids, ref.Tokens[i])
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d texts tokenized differently", bad, len(texts))
	}
	t.Logf("%d texts, %d vocabulary entries", len(texts), len(m.Vocab.Tokens))
}
