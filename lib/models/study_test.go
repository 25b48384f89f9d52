package models

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/ir"
)

// TestClassifierOnStudySplit trains the study's classifier on the study's
// first split (a few epochs) and checks the study's qualitative result:
// perfect training classification, nothing on the held-out program, and
// execution that tracks operand extraction.
func TestClassifierOnStudySplit(t *testing.T) {
	ds, err := dataset.Generate(dataset.StudySplit())
	if err != nil {
		t.Fatal(err)
	}
	c, err := TrainClassifier(ds.Train, ClassifierConfig{Epochs: 4})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := EvaluateClassifier(c, ds.Train)
	if err != nil {
		t.Fatal(err)
	}
	te, err := EvaluateClassifier(c, ds.Test)
	if err != nil {
		t.Fatal(err)
	}
	if tr.ClassAcc < 0.99 || tr.ExecAcc < 0.99 {
		t.Errorf("train classification %.3f execution %.3f, want ≥ 0.99", tr.ClassAcc, tr.ExecAcc)
	}
	if te.ClassAcc != 0 {
		t.Errorf("held-out classification %.3f: the class was never seen, want 0", te.ClassAcc)
	}
	// The confusion matrix has a row for the unseen program and no column
	// it could ever be predicted into.
	k := slices.Index(te.Confusion.Labels, "collatz_length")
	if k < 0 || slices.Max(columnOf(te.Confusion.Matrix, k)) != 0 {
		t.Errorf("confusion %+v", te.Confusion)
	}
	total := 0
	for _, row := range te.Confusion.Matrix {
		for _, v := range row {
			total += v
		}
	}
	if total != len(ds.Test) {
		t.Errorf("confusion counts %d examples, want %d", total, len(ds.Test))
	}
}

func columnOf(m [][]int, j int) []int {
	var out []int
	for _, row := range m {
		out = append(out, row[j])
	}
	return out
}

// TestDecoderOnLibraryPrograms trains a small decoder to emit real library
// programs and checks exact match and execution through the interpreter.
func TestDecoderOnLibraryPrograms(t *testing.T) {
	s := dataset.Split{Name: "tiny", Train: []string{"sum_1_to_n", "max_of_two", "abs_diff"}, Holdout: []string{"factorial"}, PerProgram: 40, TestPerProgram: 5}
	ds, err := dataset.Generate(s)
	if err != nil {
		t.Fatal(err)
	}
	seqs, err := SeqExamples(ds.Train)
	if err != nil {
		t.Fatal(err)
	}
	cfg := tinyDecoderConfig()
	cfg.MaxLen, cfg.Epochs, cfg.Vocab = 32, 15, OpcodeVocab()
	d, err := TrainDecoder(seqs, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := EvaluateDecoder(d, ds.Train, DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ev.ExactMatch < 0.95 || ev.ExecAcc < 0.95 || ev.ValidRate < 0.95 {
		t.Fatalf("train exact %.3f exec %.3f valid %.3f, want ≥ 0.95; sample %+v", ev.ExactMatch, ev.ExecAcc, ev.ValidRate, ev.Predictions[0])
	}
	spec, _ := ir.LibraryProgram("max_of_two")
	if !slices.Contains(ev.TargetLen, len(spec.Ops)) || len(ev.GenLengths) != len(ds.Train) {
		t.Fatalf("lengths %v / %v", ev.GenLengths, ev.TargetLen)
	}
	te, err := EvaluateDecoder(d, ds.Test, DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if te.ExactMatch != 0 {
		t.Errorf("held-out exact match %.2f for a program never seen", te.ExactMatch)
	}
}

func TestTrainingErrors(t *testing.T) {
	if _, err := TrainClassifier(nil, ClassifierConfig{}); !errors.Is(err, ErrNoData) {
		t.Errorf("no data: %v", err)
	}
	if _, err := TrainDecoder([]SeqExample{{Text: "x", Tokens: []string{"START", "BOGUS"}}}, DecoderConfig{Vocab: OpcodeVocab(), Epochs: 1}); !errors.Is(err, ErrToken) || !strings.Contains(err.Error(), "BOGUS") {
		t.Errorf("unknown token: %v", err)
	}
	long := SeqExample{Text: "x", Tokens: slices.Repeat([]string{"CONST_0"}, 64)}
	if _, err := TrainDecoder([]SeqExample{long}, DecoderConfig{Epochs: 1}); !errors.Is(err, ErrConfig) {
		t.Errorf("too long: %v", err)
	}
	if _, err := TrainDecoder([]SeqExample{{Text: "x", Tokens: []string{"END"}}}, DecoderConfig{Embed: 30, Heads: 4}); !errors.Is(err, ErrConfig) {
		t.Errorf("heads: %v", err)
	}
}

func TestCheckpointErrors(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.ckpt")
	os.WriteFile(garbage, []byte("not a checkpoint"), 0o644)
	if _, err := LoadClassifier(garbage, nil); !errors.Is(err, ErrCheckpoint) || !strings.Contains(err.Error(), garbage) {
		t.Errorf("garbage: %v", err)
	}
	if _, err := LoadDecoder(filepath.Join(dir, "missing.ckpt"), nil); !errors.Is(err, ErrCheckpoint) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing: %v", err)
	}
	c, err := TrainClassifier(easyExamples(32, 1), ClassifierConfig{Epochs: 1})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "c.ckpt")
	if err := c.Save(path); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadDecoder(path, nil); !errors.Is(err, ErrCheckpoint) || !strings.Contains(err.Error(), "holds a classifier") {
		t.Errorf("wrong kind: %v", err)
	}
	if _, err := LoadClassifier(path, NewHashEncoder(512)); !errors.Is(err, ErrCheckpoint) || !strings.Contains(err.Error(), "encoder") {
		t.Errorf("wrong encoder: %v", err)
	}
	// Resuming against other settings is refused rather than silently mixed.
	if _, err := TrainClassifier(easyExamples(32, 1), ClassifierConfig{Epochs: 2, Hidden: 64, Checkpoint: path, Resume: true}); !errors.Is(err, ErrCheckpoint) {
		t.Errorf("resume with other settings: %v", err)
	}
	// A truncated file (an interrupted non-atomic write) is rejected.
	data, _ := os.ReadFile(path)
	os.WriteFile(path, data[:len(data)/2], 0o644)
	if _, err := LoadClassifier(path, nil); !errors.Is(err, ErrCheckpoint) {
		t.Errorf("truncated: %v", err)
	}
}
