package models_test

import (
	"errors"
	"fmt"

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
