package plots_test

import (
	"fmt"
	"strings"

	"github.com/irsynth/irsynth/lib/plots"
	"github.com/irsynth/irsynth/lib/results"
)

func ExampleCollatz() {
	p1 := &results.Phase1{Collatz: results.CollatzBench{
		Numbers: []int32{27, 7}, Lengths: []int32{111, 16}, Threshold: 100, TotalIterations: 127,
	}}
	c, err := plots.Collatz(p1)
	if err != nil {
		fmt.Println(err)
		return
	}
	opt, _ := c.Option()
	fmt.Println(c.ID)
	fmt.Println(strings.Contains(string(opt), `"yAxis":100`))
	// Output:
	// collatz
	// true
}

func ExampleAll() {
	// With no records yet, only the accuracy chart (the study's numbers) draws.
	cs, err := plots.All(plots.Records{})
	fmt.Println(len(cs), cs[0].ID, err)
	// Output: 1 accuracy <nil>
}
