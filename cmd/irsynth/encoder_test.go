package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/internal/ggufw"
	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/results"
)

// tinyGGUF writes a random 3-layer Llama model for the command line.
func tinyGGUF(t *testing.T) string {
	t.Helper()
	var corpus []string
	for _, p := range dataset.Programs() {
		corpus = append(corpus, dataset.Templates(p)...)
	}
	f, err := ggufw.Llama(ggufw.LlamaConfig{Embd: 64, Layers: 3, Heads: 4, HeadsKV: 2, FF: 128,
		Type: ggufw.Q8_0, EmbdType: ggufw.F16, Corpus: corpus, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "tiny.gguf")
	if err := f.Write(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestTrainWithGGUFEncoder: train, eval and ask with --encoder gguf:...;
// the record names the encoder; the second run finds every encoding in
// the cache; a model trained with it refuses another encoder.
func TestTrainWithGGUFEncoder(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := runCLI("dataset", "--results", dir); code != 0 {
		t.Fatalf("dataset: %s", errs)
	}
	spec := "gguf:" + tinyGGUF(t) + ",layer=2"
	code, _, errs := runCLI("train", "classifier", "--epochs", "2", "--encoder", spec, "--results", dir)
	if code != 0 {
		t.Fatalf("train: %d %s", code, errs)
	}
	if !strings.Contains(errs, "encoding 800/800") || !strings.Contains(errs, "texts/s") {
		t.Errorf("no encoding progress on stderr: %q", errs)
	}
	var p3 results.Phase3
	if err := results.Read(dir, results.Phase3File, &p3); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(p3.Encoder, "gguf:tiny.gguf@") || !strings.HasSuffix(p3.Encoder, ",layer=2,pool=last") {
		t.Errorf("record's encoder %q", p3.Encoder)
	}
	if !strings.Contains(strings.Join(p3.DifferenceNotes, " "), p3.Encoder) {
		t.Errorf("notes do not name the encoder: %v", p3.DifferenceNotes)
	}
	files, _ := filepath.Glob(filepath.Join(dir, encodingsSubdir, "*-layer2-last.gob"))
	if len(files) != 1 {
		t.Fatalf("cache files %v", files)
	}
	code, _, errs = runCLI("train", "classifier", "--epochs", "1", "--encoder", spec, "--results", dir)
	if code != 0 {
		t.Fatalf("second train: %s", errs)
	}
	if strings.Contains(errs, "encoding ") {
		t.Errorf("second run encoded again: %q", errs)
	}
	if code, _, errs := runCLI("train", "classifier", "--epochs", "2", "--resume", "--quiet", "--encoder", spec, "--results", dir); code != 0 {
		t.Fatalf("resume with the encoder: %d %s", code, errs)
	}
	if err := results.Read(dir, results.Phase3File, &p3); err != nil || len(p3.History) != 2 {
		t.Fatalf("after resume: %v, %d epochs, want 2", err, len(p3.History))
	}
	code, _, errs = runCLI("eval", "classifier", "--results", dir)
	if code != 1 || !strings.Contains(errs, "trained with encoder gguf:tiny.gguf@") || !strings.Contains(errs, "pass the --encoder") {
		t.Errorf("eval with the wrong encoder: %d %q", code, errs)
	}
	if code, out, errs := runCLI("eval", "classifier", "--encoder", spec, "--results", dir); code != 0 || !strings.Contains(out, "classification train") {
		t.Errorf("eval: %d %s %s", code, out, errs)
	}
	if code, out, errs := runCLI("ask", "--encoder", spec, "--results", dir, "Sum 1 to 50"); code != 0 || !strings.Contains(out, "classifier: ") {
		t.Errorf("ask: %d %s %s", code, out, errs)
	}
}

// TestEncoderBadInput: a bad --encoder is a one-line usage error (exit 2)
// naming the file and the problem, for every command that takes one.
func TestEncoderBadInput(t *testing.T) {
	dir := t.TempDir()
	good := tinyGGUF(t)
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	trunc := filepath.Join(dir, "cut.gguf")
	if err := os.WriteFile(trunc, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	junk := filepath.Join(dir, "junk.gguf")
	if err := os.WriteFile(junk, []byte("GGUF but not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.gguf")
	cases := []struct {
		spec, expect string
	}{
		{"gguf:" + missing, missing + ": no such file"},
		{"gguf:" + trunc, trunc + ": not a readable GGUF file"},
		{"gguf:" + junk, junk + ": not a readable GGUF file"},
		{"gguf:" + good + ",layer=9", good + ": layer 9: the model has 3 layers"},
		{"gguf:" + good + ",pool=max", "pool=max: want last or mean"},
		{"bert", `"bert": want hash or gguf:PATH`},
	}
	if code, _, errs := runCLI("dataset", "--results", dir); code != 0 {
		t.Fatalf("dataset: %s", errs)
	}
	for _, tc := range cases {
		for _, args := range [][]string{
			{"train", "classifier", "--quiet"},
			{"eval", "classifier"},
			{"ask", "Sum 1 to 5"},
			{"serve", "--addr", "127.0.0.1:0"},
		} {
			code, _, errs := runCLI(append(args, "--encoder", tc.spec, "--results", dir)...)
			if code != 2 || !strings.Contains(errs, tc.expect) || strings.Count(errs, "\n") != 1 {
				t.Errorf("%s --encoder %s: exit %d, stderr %q; want 2 and one line saying %q", args[0], tc.spec, code, errs, tc.expect)
			}
		}
	}
}
