package models_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/models"
)

func ExampleTrainClassifier() {
	ds, err := dataset.Generate(dataset.StudySplit())
	if err != nil {
		panic(err)
	}
	c, err := models.TrainClassifier(ds.Train, models.ClassifierConfig{Epochs: 3})
	if err != nil {
		panic(err)
	}
	progs, err := c.Predict([]string{"What is 1 + 2 + ... + 50?", "Calculate 3 to the 4th power"})
	if err != nil {
		panic(err)
	}
	fmt.Println(c.Labels())
	fmt.Println(progs)
	// Output:
	// [factorial power sum_1_to_n sum_a_to_b]
	// [sum_1_to_n power]
}

func ExampleDecoder_Decode() {
	train := []models.SeqExample{
		{Text: "Sum 1 to 10", Tokens: []string{"START", "SLOT_0", "END"}},
		{Text: "Max of 3 and 4", Tokens: []string{"START", "SLOT_0", "SLOT_1", "END"}},
	}
	d, err := models.TrainDecoder(train, models.DecoderConfig{Embed: 32, Heads: 2, Layers: 1, FF: 64, MaxLen: 8, Epochs: 60, Vocab: models.OpcodeVocab()})
	if err != nil {
		panic(err)
	}
	out, err := d.Decode([]string{"Sum 1 to 10", "Max of 3 and 4"}, models.DecodeOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(out)
	// Output:
	// [[START SLOT_0 END] [START SLOT_0 SLOT_1 END]]
}

func ExampleHashEncoder_Encode() {
	e := models.DefaultEncoder()
	v, _ := e.Encode("Collatz length of 27")
	var norm float32
	for _, x := range v {
		norm += x * x
	}
	fmt.Printf("%s %d %.2f\n", e.Name(), len(v), norm)
	// Output: hash-ngram-2048 2048 1.00
}

func ExampleClassifier_Ask() {
	ds, err := dataset.Generate(dataset.StudySplit())
	if err != nil {
		panic(err)
	}
	c, err := models.TrainClassifier(ds.Train, models.ClassifierConfig{Epochs: 3})
	if err != nil {
		panic(err)
	}
	a, err := c.Ask("Calculate 3 to the 4th power")
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Predicted, a.Operands, a.Program.Arity)
	_, err = c.Ask("Calculate the power")
	fmt.Println(errors.Is(err, models.ErrOperands))
	// Output:
	// power [3 4] 2
	// true
}

// AskContext stops when its context ends (the dashboard bounds each
// request by --ask-timeout and stops when the client leaves).
func ExampleClassifier_AskContext() {
	split := dataset.StudySplit()
	split.PerProgram, split.TestPerProgram = 5, 1
	ds, err := dataset.Generate(split)
	if err != nil {
		panic(err)
	}
	c, err := models.TrainClassifier(ds.Train, models.ClassifierConfig{Epochs: 1})
	if err != nil {
		panic(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	a, err := c.AskContext(ctx, "Calculate 3 to the 4th power")
	fmt.Println(a.Model, err == nil || errors.Is(err, models.ErrOperands))
	cancel() // the client left
	_, err = c.AskContext(ctx, "Calculate 3 to the 4th power")
	fmt.Println(errors.Is(err, context.Canceled))
	// Output:
	// classifier true
	// true
}

// Phase 3's record, as `irsynth train classifier` writes it and notebook 04
// shows it.
func ExampleClassifierRecord() {
	ds, err := dataset.Generate(dataset.StudySplit())
	if err != nil {
		panic(err)
	}
	c, err := models.TrainClassifier(ds.Train, models.ClassifierConfig{Epochs: 3})
	if err != nil {
		panic(err)
	}
	rec, err := models.ClassifierRecord(c, ds, "")
	if err != nil {
		panic(err)
	}
	// The held-out programs are not among the classifier's labels, so it
	// can never name them: the study's 0% as well.
	fmt.Println(rec.Split.Name, len(rec.History), rec.TestClassAcc, rec.Confusion.Labels)
	// Output: study 3 0 [factorial power sum_1_to_n sum_a_to_b collatz_length]
}

// Phase 4's record, as `irsynth train decoder` writes it and notebook 05
// shows it.
func ExampleDecoderRecord() {
	ds, err := dataset.Generate(dataset.Split{Name: "tiny", Train: []string{"sum_1_to_n", "factorial"}, Holdout: []string{"power"}, PerProgram: 20, TestPerProgram: 2, Seed: 1})
	if err != nil {
		panic(err)
	}
	seqs, err := models.SeqExamples(ds.Train)
	if err != nil {
		panic(err)
	}
	d, err := models.TrainDecoder(seqs, models.DecoderConfig{Embed: 32, Heads: 2, Layers: 1, FF: 64, MaxLen: 40, Epochs: 2, Vocab: models.OpcodeVocab()})
	if err != nil {
		panic(err)
	}
	rec, err := models.DecoderRecord(d, ds, "")
	if err != nil {
		panic(err)
	}
	fmt.Println(rec.Split.Name, len(rec.History), len(rec.GeneratedLengths) == len(ds.Train)+len(ds.Test))
	// Output: tiny 2 true
}

// SeqExamples turns requests into decoder targets: the opcodes of the
// program each request names.
func ExampleSeqExamples() {
	seqs, err := models.SeqExamples([]dataset.Example{{Text: "Sum 1 to 3", Program: "sum_1_to_n"}})
	if err != nil {
		panic(err)
	}
	toks := seqs[0].Tokens
	fmt.Println(seqs[0].Text, toks[0], toks[len(toks)-1], len(toks))
	// Output: Sum 1 to 3 START END 25
}

// TrainDecoder and EvaluateDecoder: train on two programs' requests, then
// score exact match, execution and validity on them.
func ExampleTrainDecoder() {
	ds, err := dataset.Generate(dataset.Split{Name: "tiny", Train: []string{"sum_1_to_n", "factorial"}, Holdout: []string{"power"}, PerProgram: 20, TestPerProgram: 2, Seed: 1})
	if err != nil {
		panic(err)
	}
	seqs, err := models.SeqExamples(ds.Train)
	if err != nil {
		panic(err)
	}
	d, err := models.TrainDecoder(seqs, models.DecoderConfig{Embed: 32, Heads: 2, Layers: 1, FF: 64, MaxLen: 40, Epochs: 2, Vocab: models.OpcodeVocab()})
	if err != nil {
		panic(err)
	}
	ev, err := models.EvaluateDecoder(d, ds.Train, models.DecodeOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(d.History), ev.Examples, ev.ValidRate >= 0 && ev.ValidRate <= 1, len(ev.GenLengths))
	// Output: 2 40 true 40
}
