package plots_test

import (
	"errors"
	"fmt"

	"github.com/irsynth/irsynth/lib/plots"
	"github.com/irsynth/irsynth/lib/results"
)

// records are the hand-written records the tests draw from, as a results
// directory would hold them after every phase ran.
func records() plots.Records {
	r, err := plots.Load("testdata/results")
	if err != nil {
		panic(err)
	}
	return r
}

func ExampleAccuracy() {
	r := records()
	c, err := plots.Accuracy(r.P3, r.P4, r.P5)
	fmt.Println(c.ID, err)
	// With no record, the chart still shows the study's figures.
	c, err = plots.Accuracy(nil, nil, nil)
	fmt.Println(c.ID, err)
	// Output:
	// accuracy <nil>
	// accuracy <nil>
}

func ExampleClassifierHistory() {
	c, err := plots.ClassifierHistory(records().P3)
	fmt.Println(c.ID, err)
	_, err = plots.ClassifierHistory(&results.Phase3{})
	fmt.Println(errors.Is(err, plots.ErrNoData))
	// Output:
	// classifier-history <nil>
	// true
}

func ExampleConfusion() {
	c, err := plots.Confusion(records().P3)
	fmt.Println(c.ID, err)
	// Output: confusion <nil>
}

func ExampleDataset() {
	c, err := plots.Dataset(records().P2)
	fmt.Println(c.ID, err)
	_, err = plots.Dataset(nil)
	fmt.Println(errors.Is(err, plots.ErrNoData))
	// Output:
	// dataset <nil>
	// true
}

func ExampleDecoderHistory() {
	c, err := plots.DecoderHistory(records().P4)
	fmt.Println(c.ID, err)
	// Output: decoder-history <nil>
}

func ExampleLengths() {
	c, err := plots.Lengths(records().P4)
	fmt.Println(c.ID, err)
	// Output: lengths <nil>
}

func ExampleSynthesis() {
	c, err := plots.Synthesis(records().P5)
	fmt.Println(c.ID, err)
	_, err = plots.Synthesis(nil)
	fmt.Println(errors.Is(err, plots.ErrNoData))
	// Output:
	// synthesis <nil>
	// true
}

func ExampleTasks() {
	_, err := plots.Tasks(nil, nil)
	fmt.Println(errors.Is(err, plots.ErrNoData))
	// Output: true
}
