package llama_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/internal/ggufw"
	"github.com/irsynth/irsynth/lib/models/internal/llama"
)

// TestOpenBadInput: every bad file gives one error naming the file and
// what is wrong, never a panic.
func TestOpenBadInput(t *testing.T) {
	small := ggufw.LlamaConfig{Embd: 32, Layers: 2, Heads: 2, HeadsKV: 1, FF: 32, Merges: 20, Seed: 3}
	good := writeModel(t, small)
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	model := func(edit func(*ggufw.File)) string {
		f, err := ggufw.Llama(small)
		if err != nil {
			t.Fatal(err)
		}
		edit(f)
		p := filepath.Join(t.TempDir(), "edited.gguf")
		if err := f.Write(p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		name   string
		path   string
		expect string
	}{
		{"missing file", filepath.Join(dir, "nope.gguf"), "no such file"},
		{"directory", dir, "is a directory"},
		{"empty file", file("empty.gguf", nil), "not a readable GGUF file"},
		{"not GGUF", file("text.gguf", []byte("hello, this is not a model at all")), "not a readable GGUF file"},
		{"truncated in the header", file("head.gguf", data[:100]), "not a readable GGUF file"},
		{"truncated in the tensors", file("tail.gguf", data[:len(data)-100]), "follow the header"},
		{"other architecture", model(func(f *ggufw.File) { f.Metadata["general.architecture"] = "gpt2" }), `architecture "gpt2" is not supported`},
		{"missing width", model(func(f *ggufw.File) { delete(f.Metadata, "llama.embedding_length") }), "llama.embedding_length is missing"},
		{"bad tokenizer", model(func(f *ggufw.File) { f.Metadata["tokenizer.ggml.model"] = "gpt2" }), `tokenizer "gpt2" is not supported`},
		{"unsupported tensor type", model(func(f *ggufw.File) {
			for i := range f.Tensors {
				if f.Tensors[i].Name == "blk.1.ffn_up.weight" {
					f.Tensors[i].Type = 2 // Q4_0
					f.Tensors[i].Data = f.Tensors[i].Data[:len(f.Tensors[i].Data)*18/128]
				}
			}
		}), "tensor blk.1.ffn_up.weight has type Q4_0, which is not supported"},
		{"missing tensor", model(func(f *ggufw.File) { f.Tensors = f.Tensors[:len(f.Tensors)-3] }), "tensor blk.1.ffn_up.weight is missing"},
		{"wrong shape", model(func(f *ggufw.File) { f.Tensors[2].Dims = []uint64{16, 64} }), "has shape [16 64], want [32 32]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := llama.Open(tc.path, 0)
			if err == nil {
				t.Fatalf("Open(%s) = %v, want an error", tc.path, m.Config)
			}
			msg := err.Error()
			if !errors.Is(err, llama.ErrModel) || !strings.Contains(msg, tc.path) || !strings.Contains(msg, tc.expect) || strings.Contains(msg, "\n") {
				t.Errorf("error %q: want one line matching ErrModel, naming %s and saying %q", msg, tc.path, tc.expect)
			}
		})
	}
}

// TestOpenEveryTruncation cuts the file at many lengths and flips bytes:
// each must load or fail with an error, never panic. (The fixture is the
// fuzz corpus's seed; FuzzOpen explores further.)
func TestOpenEveryTruncation(t *testing.T) {
	path := writeModel(t, ggufw.LlamaConfig{Embd: 32, Layers: 1, Heads: 2, HeadsKV: 1, FF: 32, Merges: 10, Seed: 4})
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "cut.gguf")
	step := max(1, len(data)/400)
	for n := 0; n < len(data); n += step {
		if err := os.WriteFile(p, data[:n], 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := llama.Open(p, 0); err == nil {
			t.Fatalf("a file cut to %d of %d bytes loaded", n, len(data))
		}
	}
	for i := 0; i < len(data); i += step {
		b := append([]byte(nil), data...)
		b[i] ^= 0xff
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if m, err := llama.Open(p, 0); err == nil {
			if _, err := m.Hidden([][]int32{{1, 5, 9}}); err != nil && !errors.Is(err, llama.ErrModel) {
				t.Fatalf("flip at %d: %v", i, err)
			}
		}
	}
}

func FuzzOpen(f *testing.F) {
	path := writeModel(f, ggufw.LlamaConfig{Embd: 32, Layers: 1, Heads: 2, HeadsKV: 1, FF: 32, Merges: 10, Seed: 4})
	data, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[:len(data)/2])
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(dir, "fuzz.gguf")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if m, err := llama.Open(p, 0); err == nil {
			if _, err := m.Vocab.Encode("What is 7 factorial?"); err != nil {
				return
			}
			_, _ = m.Hidden([][]int32{{1, 2, 3}})
		} else if !errors.Is(err, llama.ErrModel) {
			t.Fatalf("error %v does not match ErrModel", err)
		}
	})
}

// TestHiddenBadInput: an empty sequence, a token outside the vocabulary
// and a text longer than the context are errors, not panics.
func TestHiddenBadInput(t *testing.T) {
	m, err := llama.Open(writeModel(t, ggufw.LlamaConfig{Embd: 32, Layers: 1, Heads: 2, HeadsKV: 1, FF: 32, Merges: 10, Seed: 6}), 0)
	if err != nil {
		t.Fatal(err)
	}
	long := make([]int32, m.Config.Context+1)
	for _, tc := range []struct {
		name   string
		seqs   [][]int32
		expect string
	}{
		{"empty", [][]int32{{1, 2}, {}}, "sequence 1 is empty"},
		{"outside", [][]int32{{1, int32(m.Config.Vocab)}}, "outside the vocabulary"},
		{"negative", [][]int32{{-1}}, "outside the vocabulary"},
		{"too long", [][]int32{long}, "longer than the model's context of 512"},
	} {
		if _, err := m.Hidden(tc.seqs); err == nil || !errors.Is(err, llama.ErrModel) || !strings.Contains(err.Error(), tc.expect) {
			t.Errorf("%s: error %v, want one saying %q", tc.name, err, tc.expect)
		}
	}
}
