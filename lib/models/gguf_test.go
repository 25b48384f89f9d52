package models

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/internal/ggufw"
	"github.com/irsynth/irsynth/lib/dataset"
)

// ggufCorpus trains fixture vocabularies: the templates of every program.
func ggufCorpus() []string {
	var out []string
	for _, p := range dataset.Programs() {
		out = append(out, dataset.Templates(p)...)
	}
	return out
}

// writeGGUF writes a random 4-layer Llama model (GQA, F32 blocks, F16
// embeddings) and the same model cut to its first `cut` layers, and
// returns both paths.
func writeGGUF(t testing.TB, cut int) (full, short string) {
	t.Helper()
	f, err := ggufw.Llama(ggufw.LlamaConfig{Embd: 64, Layers: 4, Heads: 4, HeadsKV: 2, FF: 128,
		Type: ggufw.F32, EmbdType: ggufw.F16, Corpus: ggufCorpus(), Seed: 21})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	full = filepath.Join(dir, "full.gguf")
	if err := f.Write(full); err != nil {
		t.Fatal(err)
	}
	f.Metadata["llama.block_count"] = uint32(cut)
	var keep []ggufw.Tensor
	for _, tn := range f.Tensors {
		drop := false
		for l := cut; l < 4; l++ {
			drop = drop || strings.HasPrefix(tn.Name, "blk."+string(rune('0'+l))+".")
		}
		if !drop {
			keep = append(keep, tn)
		}
	}
	f.Tensors = keep
	short = filepath.Join(dir, "short.gguf")
	if err := f.Write(short); err != nil {
		t.Fatal(err)
	}
	return full, short
}

var ggufTexts = []string{
	"What is 7 factorial?",
	"add up every whole number from one through 37",
	"Collatz length of 27",
	"multiply together all numbers from 1 to 6",
}

// TestGGUFEncoderLayerAgainstLlamaCpp: the layer-2 state of a 4-layer model
// is llama.cpp's embedding of the same model cut to 2 layers (after the
// output norm, which llama.cpp applies to embeddings and we do not).
func TestGGUFEncoderLayerAgainstLlamaCpp(t *testing.T) {
	full, short := writeGGUF(t, 2)
	e, err := OpenGGUF(full, GGUFConfig{Layer: 2})
	if err != nil {
		t.Fatal(err)
	}
	if e.m.Layers != 2 || e.Layers() != 4 {
		t.Fatalf("loaded %d of %d layers, want 2 of 4", e.m.Layers, e.Layers())
	}
	ref, err := ggufw.LlamaCpp(ggufw.RefRequest{Model: short, Texts: ggufTexts, Threads: 1, Embeddings: true})
	if errors.Is(err, ggufw.ErrNoNode) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	vs, err := e.EncodeBatch(ggufTexts)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range vs {
		n, ok := e.m.OutputNorm(v)
		if !ok {
			t.Fatal("fixture has no output norm")
		}
		var num, den float64
		for j, r := range ref.Embeddings[i] {
			num += (float64(n[j]) - r) * (float64(n[j]) - r)
			den += r * r
		}
		// F32 blocks, F16 embeddings expanded exactly on both sides: float32
		// rounding only (see internal/llama's TestAgainstLlamaCpp).
		if e := math.Sqrt(num / den); e > 1e-5 {
			t.Errorf("%q: relative error %.2e > 1e-5", ggufTexts[i], e)
		}
	}
}

// TestGGUFEncoderPooling: in a causal model the state of token t is the
// last-token state of the first t+1 tokens alone, so mean pooling must
// equal the mean of the prefixes' last-token encodings, and batching must
// not change any vector.
func TestGGUFEncoderPooling(t *testing.T) {
	full, _ := writeGGUF(t, 2)
	last, err := OpenGGUF(full, GGUFConfig{Layer: 3})
	if err != nil {
		t.Fatal(err)
	}
	mean, err := OpenGGUF(full, GGUFConfig{Layer: 3, Pool: PoolMean})
	if err != nil {
		t.Fatal(err)
	}
	if last.Name() == mean.Name() || !strings.Contains(mean.Name(), "layer=3,pool=mean") {
		t.Errorf("names %q and %q should tell layer and pooling apart", last.Name(), mean.Name())
	}
	batch, err := last.EncodeBatch(ggufTexts)
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range ggufTexts {
		one, err := last.Encode(text)
		if err != nil {
			t.Fatal(err)
		}
		if d := maxDiff(one, batch[i]); d > 1e-5 {
			t.Errorf("%q: batch and single encodings differ by %g", text, d)
		}
		ids, err := last.Tokens(text)
		if err != nil {
			t.Fatal(err)
		}
		want := make([]float32, last.Dim())
		for p := range ids {
			v, err := last.pooled([][]int32{ids[:p+1]})
			if err != nil {
				t.Fatal(err)
			}
			for j := range want {
				want[j] += v[0][j] / float32(len(ids))
			}
		}
		got, err := mean.Encode(text)
		if err != nil {
			t.Fatal(err)
		}
		if d := maxDiff(got, want); d > 1e-4 {
			t.Errorf("%q: mean pooling differs from the mean of prefixes by %g", text, d)
		}
	}
}

func maxDiff(a, b []float32) float64 {
	d := 0.0
	for i := range a {
		d = max(d, math.Abs(float64(a[i]-b[i])))
	}
	return d
}

// TestGGUFEncoderCache: a second encoder on the same file, layer and
// pooling finds every vector on disk and runs nothing; another layer or a
// changed file does not reuse them.
func TestGGUFEncoderCache(t *testing.T) {
	full, _ := writeGGUF(t, 2)
	cache := t.TempDir()
	var last EncodeProgress
	cfg := GGUFConfig{Layer: 2, CacheDir: cache, Progress: func(p EncodeProgress) { last = p }}
	e1, err := OpenGGUF(full, cfg)
	if err != nil {
		t.Fatal(err)
	}
	v1, err := e1.EncodeBatch(ggufTexts)
	if err != nil {
		t.Fatal(err)
	}
	if last.Done != len(ggufTexts) || last.Cached != 0 {
		t.Errorf("first run: progress %+v, want all %d encoded, none cached", last, len(ggufTexts))
	}
	last = EncodeProgress{}
	e2, err := OpenGGUF(full, cfg)
	if err != nil {
		t.Fatal(err)
	}
	v2, err := e2.EncodeBatch(ggufTexts)
	if err != nil {
		t.Fatal(err)
	}
	if last != (EncodeProgress{}) {
		t.Errorf("second run reported progress %+v: it should have found everything cached", last)
	}
	for i := range v1 {
		if maxDiff(v1[i], v2[i]) != 0 {
			t.Errorf("%q: cached vector differs", ggufTexts[i])
		}
	}
	e3, err := OpenGGUF(full, GGUFConfig{Layer: 3, CacheDir: cache, Progress: func(p EncodeProgress) { last = p }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e3.EncodeBatch(ggufTexts); err != nil {
		t.Fatal(err)
	}
	if last.Cached != 0 {
		t.Errorf("layer 3 reused %d layer-2 vectors", last.Cached)
	}
	// Another file (same size, other bytes) must not match the cache.
	data, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-1] ^= 1
	other := filepath.Join(t.TempDir(), "full.gguf")
	if err := os.WriteFile(other, data, 0o644); err != nil {
		t.Fatal(err)
	}
	e4, err := OpenGGUF(other, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if e4.Name() == e1.Name() {
		t.Errorf("two different files share the name %q", e1.Name())
	}
	last = EncodeProgress{}
	if _, err := e4.EncodeBatch(ggufTexts); err != nil {
		t.Fatal(err)
	}
	if last.Cached != 0 {
		t.Errorf("a different file reused %d cached vectors", last.Cached)
	}
}

// TestGGUFEncoderTrainsAndChecks: a classifier trains on GGUF encodings,
// its checkpoint records the encoder, and loading it against another
// encoder fails.
func TestGGUFEncoderTrainsAndChecks(t *testing.T) {
	full, _ := writeGGUF(t, 2)
	e, err := OpenGGUF(full, GGUFConfig{Layer: 4})
	if err != nil {
		t.Fatal(err)
	}
	ckpt := filepath.Join(t.TempDir(), "c.ckpt")
	c, err := TrainClassifier(easyExamples(64, 1), ClassifierConfig{Epochs: 2, Encoder: e, Checkpoint: ckpt})
	if err != nil {
		t.Fatal(err)
	}
	if c.Encoder().Name() != e.Name() {
		t.Fatalf("encoder %q", c.Encoder().Name())
	}
	if _, err := LoadClassifier(ckpt, e); err != nil {
		t.Fatal(err)
	}
	// The same file under another name is the same encoder.
	data, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	renamed := filepath.Join(t.TempDir(), "renamed.gguf")
	if err := os.WriteFile(renamed, data, 0o644); err != nil {
		t.Fatal(err)
	}
	e2, err := OpenGGUF(renamed, GGUFConfig{Layer: 4})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LoadClassifier(ckpt, e2); err != nil {
		t.Errorf("renamed model file: %v", err)
	}
	e3, err := OpenGGUF(renamed, GGUFConfig{Layer: 3})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LoadClassifier(ckpt, e3); !errors.Is(err, ErrEncoder) {
		t.Errorf("another layer: %v, want an encoder mismatch", err)
	}
	_, err = LoadClassifier(ckpt, nil)
	if !errors.Is(err, ErrCheckpoint) || !strings.Contains(err.Error(), e.Name()) {
		t.Errorf("loading with the hashed encoder: %v, want a checkpoint error naming %s", err, e.Name())
	}
}

func TestParseEncoderSpec(t *testing.T) {
	cases := []struct {
		given     string
		path      string
		cfg       GGUFConfig
		expectErr string
	}{
		{given: "", path: ""},
		{given: "hash", path: ""},
		{given: "gguf:/m/tiny.gguf", path: "/m/tiny.gguf"},
		{given: "gguf:tiny.gguf,layer=6,pool=mean", path: "tiny.gguf", cfg: GGUFConfig{Layer: 6, Pool: PoolMean}},
		{given: "gguf:tiny.gguf,pool=last", path: "tiny.gguf", cfg: GGUFConfig{Pool: PoolLast}},
		{given: "bert:x", expectErr: "want hash or gguf:PATH"},
		{given: "gguf:", expectErr: "missing the model file"},
		{given: "gguf:x.gguf,layer=0", expectErr: "layer=0: want a positive number"},
		{given: "gguf:x.gguf,layer=twelve", expectErr: "want a positive number"},
		{given: "gguf:x.gguf,pool=max", expectErr: "pool=max: want last or mean"},
		{given: "gguf:x.gguf,heads=2", expectErr: `unknown option "heads=2"`},
	}
	for _, tc := range cases {
		t.Run(tc.given, func(t *testing.T) {
			path, cfg, err := ParseEncoderSpec(tc.given)
			if tc.expectErr != "" {
				if err == nil || !errors.Is(err, ErrEncoder) || !strings.Contains(err.Error(), tc.expectErr) {
					t.Fatalf("error %v, want one saying %q", err, tc.expectErr)
				}
				return
			}
			if err != nil || path != tc.path || cfg.Layer != tc.cfg.Layer || cfg.Pool != tc.cfg.Pool {
				t.Fatalf("= %q %+v %v, want %q %+v", path, cfg, err, tc.path, tc.cfg)
			}
		})
	}
}

func TestOpenGGUFErrors(t *testing.T) {
	full, _ := writeGGUF(t, 2)
	missing := filepath.Join(t.TempDir(), "none.gguf")
	for _, tc := range []struct {
		spec, expect string
	}{
		{"gguf:" + missing, missing + ": no such file"},
		{"gguf:" + full + ",layer=5", full + ": layer 5: the model has 4 layers"},
	} {
		_, err := OpenEncoder(tc.spec, GGUFConfig{})
		if err == nil || !errors.Is(err, ErrEncoder) || !strings.Contains(err.Error(), tc.expect) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v, want one line saying %q", tc.spec, err, tc.expect)
		}
	}
}
