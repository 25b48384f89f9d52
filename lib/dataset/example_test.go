package dataset_test

import (
	"fmt"

	"github.com/irsynth/irsynth/lib/dataset"
)

func ExampleExtract() {
	fmt.Println(dataset.Extract("Sum from 5 to 15"))
	fmt.Println(dataset.Extract("4 ** 5"))
	fmt.Println(dataset.Extract("What is 1 + 2 + ... + 50?"))
	// Output:
	// [5 15]
	// [4 5]
	// [50]
}

func ExampleExtractN() {
	ops, _ := dataset.ExtractN("Sum 1 to 50", 1)
	fmt.Println(ops)
	// Output: [50]
}

func ExampleGenerate() {
	ds, err := dataset.Generate(dataset.StudySplit())
	if err != nil {
		panic(err)
	}
	fmt.Println(len(ds.Train), len(ds.Test))
	fmt.Println(ds.Test[0].Program)
	// Output:
	// 800 50
	// collatz_length
}
