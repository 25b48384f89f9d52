package dataset_test

import (
	"fmt"

	"github.com/irsynth/irsynth/lib/dataset"
)

func ExampleStudySplit() {
	s := dataset.StudySplit()
	fmt.Println(s.Name, s.Train, s.Holdout)
	// Output: study [sum_1_to_n sum_a_to_b factorial power] [collatz_length]
}

func ExampleExpandedSplit() {
	s := dataset.ExpandedSplit()
	ds, err := dataset.Generate(s)
	if err != nil {
		panic(err)
	}
	fmt.Println(s.Name, len(s.Train), len(ds.Train), len(ds.Test))
	// Output: expanded 7 1400 50
}

func ExamplePrograms() {
	// Every program with request templates is a library program.
	ps := dataset.Programs()
	fmt.Println(len(ps) > 10, ps[0])
	// Output: true sum_1_to_n
}

func ExampleTemplates() {
	ts := dataset.Templates("factorial")
	fmt.Println(len(ts) > 3, ts[0])
	fmt.Println(len(dataset.Templates("no_such_program")))
	// Output:
	// true {0} factorial
	// 0
}

func ExampleMeasureExtraction() {
	ds, err := dataset.Generate(dataset.StudySplit())
	if err != nil {
		panic(err)
	}
	r := dataset.MeasureExtraction(ds.Train)
	fmt.Println(r.Examples, r.Extracted == r.Examples-len(r.Failures), r.Extracted*10 > r.Examples*9)
	// Output: 800 true true
}

func ExampleSummary() {
	ds, err := dataset.Generate(dataset.StudySplit())
	if err != nil {
		panic(err)
	}
	rec := dataset.Summary(ds, "datasets/study_train.json", "datasets/study_test.json", 2)
	fmt.Println(rec.Name, rec.TrainExamples, rec.TestExamples, rec.PerProgram["factorial"])
	// Output: study 800 50 200
}
