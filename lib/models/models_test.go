package models

import (
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/results"
)

// easyExamples is a small, clearly separable request set: four wordings,
// each naming its program.
func easyExamples(n int, seed uint64) []dataset.Example {
	rng := rand.New(rand.NewPCG(seed, 7))
	tmpl := []struct{ prog, text string }{
		{"sum_1_to_n", "Sum 1 to %d"},
		{"factorial", "%d factorial"},
		{"power", "Calculate %d to the power of 3"},
		{"collatz_length", "Collatz length of %d"},
	}
	var out []dataset.Example
	for i := 0; i < n; i++ {
		t := tmpl[i%len(tmpl)]
		out = append(out, dataset.Example{Text: fmt.Sprintf(t.text, 1+rng.IntN(90)), Program: t.prog})
	}
	return out
}

var easyTokens = map[string][]string{
	"sum_1_to_n":     {"START", "CONST_0", "SLOT_0", "I32_ADD", "END"},
	"factorial":      {"START", "CONST_1", "SLOT_0", "I32_MUL", "END"},
	"power":          {"START", "SLOT_0", "SLOT_1", "LOOP_BEGIN", "I32_MUL", "LOOP_END", "END"},
	"collatz_length": {"START", "SLOT_0", "CONST_2", "I32_REM_S", "IF_BEGIN", "IF_END", "END"},
}

func easySeqs(exs []dataset.Example) []SeqExample {
	out := make([]SeqExample, len(exs))
	for i, ex := range exs {
		out[i] = SeqExample{Text: ex.Text, Tokens: easyTokens[ex.Program]}
	}
	return out
}

func TestHashEncoder(t *testing.T) {
	e := DefaultEncoder()
	a, _ := e.Encode("Sum 1 to 50")
	b, _ := e.Encode("Sum 1 to 7")
	c, _ := e.Encode("What is 9 factorial?")
	if len(a) != 2048 || e.Dim() != 2048 {
		t.Fatalf("width %d", len(a))
	}
	if !slices.Equal(a, b) {
		t.Error("operand values changed the encoding; digit runs should fold")
	}
	var dot, norm float64
	for i := range a {
		dot += float64(a[i] * c[i])
		norm += float64(a[i] * a[i])
	}
	if norm < 0.999 || norm > 1.001 {
		t.Errorf("norm² %v, want 1", norm)
	}
	if dot > 0.5 {
		t.Errorf("different requests too similar: cos %v", dot)
	}
}

func TestClassifierLearnsEasySplit(t *testing.T) {
	train := easyExamples(128, 1)
	test := easyExamples(40, 2)
	var epochs []results.Epoch
	c, err := TrainClassifier(train, ClassifierConfig{Epochs: 5, Test: test, OnEpoch: func(e results.Epoch) { epochs = append(epochs, e) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(epochs) != 5 || epochs[4].Loss >= epochs[0].Loss {
		t.Fatalf("history %+v: want 5 epochs with falling loss", epochs)
	}
	if epochs[4].TrainAcc < 0.95 || epochs[4].TestAcc < 0.95 {
		t.Fatalf("final epoch %+v: want train and test accuracy ≥ 0.95", epochs[4])
	}
	path := filepath.Join(t.TempDir(), "c.ckpt")
	if err := c.Save(path); err != nil {
		t.Fatal(err)
	}
	back, err := LoadClassifier(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{test[0].Text, test[1].Text, test[2].Text, "something else entirely"}
	p1, _ := c.Probabilities(texts)
	p2, err := back.Probabilities(texts)
	if err != nil {
		t.Fatal(err)
	}
	for i := range p1 {
		if !slices.Equal(p1[i], p2[i]) {
			t.Fatalf("text %d: probabilities %v after reload, %v before", i, p2[i], p1[i])
		}
	}
}

func TestClassifierResumeMatchesUninterrupted(t *testing.T) {
	train := easyExamples(64, 3)
	dir := t.TempDir()
	full, err := TrainClassifier(train, ClassifierConfig{Epochs: 4, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	ck := filepath.Join(dir, "c.ckpt")
	if _, err := TrainClassifier(train, ClassifierConfig{Epochs: 2, Seed: 5, Checkpoint: ck}); err != nil {
		t.Fatal(err)
	}
	resumed, err := TrainClassifier(train, ClassifierConfig{Epochs: 4, Seed: 5, Checkpoint: ck, Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(resumed.History) != 4 {
		t.Fatalf("resumed history has %d epochs, want 4", len(resumed.History))
	}
	a, _ := full.Probabilities([]string{"Sum 1 to 9"})
	b, _ := resumed.Probabilities([]string{"Sum 1 to 9"})
	if !slices.Equal(a[0], b[0]) {
		t.Fatalf("resumed run differs: %v vs %v", b[0], a[0])
	}
}

func tinyDecoderConfig() DecoderConfig {
	return DecoderConfig{Embed: 64, Heads: 2, Layers: 2, FF: 128, MaxLen: 16, Epochs: 12, Dropout: -1, Seed: 3}
}

func TestDecoderLearnsEasySplit(t *testing.T) {
	train := easySeqs(easyExamples(96, 4))
	cfg := tinyDecoderConfig()
	d, err := TrainDecoder(train, cfg)
	if err != nil {
		t.Fatal(err)
	}
	h := d.History
	if h[len(h)-1].Loss >= h[0].Loss/4 {
		t.Fatalf("loss %v → %v: training is not learning", h[0].Loss, h[len(h)-1].Loss)
	}
	test := easySeqs(easyExamples(20, 5))
	texts := make([]string, len(test))
	for i, ex := range test {
		texts[i] = ex.Text
	}
	out, err := d.Decode(texts, DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	exact := 0
	for i, ex := range test {
		if slices.Equal(out[i], ex.Tokens) {
			exact++
		}
	}
	if exact < 18 {
		t.Fatalf("exact match %d of %d; first: %v want %v", exact, len(test), out[0], test[0].Tokens)
	}
	// Masked decoding: forbid END, so every output runs to the length cap
	// or stops where nothing else is allowed.
	vocab := d.Vocab()
	end := slices.Index(vocab, "END")
	masked, err := d.Decode(texts[:3], DecodeOptions{MaxLen: 10, Mask: func(i int, prefix []string) []bool {
		m := make([]bool, len(vocab))
		for j := range m {
			m[j] = j != end && j != 2
		}
		return m
	}})
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range masked {
		if len(o) != 10 || slices.Contains(o, "END") {
			t.Fatalf("masked output %d: %v", i, o)
		}
	}
	// The greedy output is the most probable of a few candidates.
	lp, err := d.LogProb([]string{texts[0], texts[0], texts[0]}, [][]string{out[0], out[1], {"START", "BOGUS"}})
	if err != nil {
		t.Fatal(err)
	}
	if !(lp[0] > lp[1] || slices.Equal(out[0], out[1])) || !math.IsInf(lp[2], -1) || lp[0] > 0 {
		t.Fatalf("log-probabilities %v for %v, %v", lp, out[0], out[1])
	}
	// Checkpoint round trip gives identical decoding.
	path := filepath.Join(t.TempDir(), "d.ckpt")
	if err := d.Save(path); err != nil {
		t.Fatal(err)
	}
	back, err := LoadDecoder(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	again, err := back.Decode(texts, DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range out {
		if !slices.Equal(out[i], again[i]) {
			t.Fatalf("text %d: %v after reload, %v before", i, again[i], out[i])
		}
	}
}

func TestDecoderReproducible(t *testing.T) {
	train := easySeqs(easyExamples(64, 9))
	cfg := tinyDecoderConfig()
	cfg.Epochs, cfg.Dropout = 3, 0.1
	var lps, curves [][]float64
	for run := 0; run < 2; run++ {
		d, err := TrainDecoder(train, cfg)
		if err != nil {
			t.Fatal(err)
		}
		var curve []float64
		for _, ep := range d.History {
			curve = append(curve, ep.Loss)
		}
		if len(curve) != cfg.Epochs || curve[len(curve)-1] >= curve[0] {
			t.Fatalf("loss curve %v: want %d epochs, falling", curve, cfg.Epochs)
		}
		curves = append(curves, curve)
		lp, err := d.LogProb([]string{train[0].Text, train[1].Text}, [][]string{train[0].Tokens, train[1].Tokens})
		if err != nil {
			t.Fatal(err)
		}
		lps = append(lps, lp)
	}
	if !slices.Equal(curves[0], curves[1]) {
		t.Fatalf("same seed, different loss curves: %v vs %v", curves[0], curves[1])
	}
	if !slices.Equal(lps[0], lps[1]) {
		t.Fatalf("same seed, different models: %v vs %v", lps[0], lps[1])
	}
}
