package formula_test

import (
	"fmt"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/synth/internal/formula"
)

// A recurrence that reads back to a(floor(n/2)) keeps its terms in memory.
func ExampleCandidates_history() {
	for _, c := range formula.Candidates("a(n) = a(n-1) + a(floor(n/2)), a(0) = 1.", 1) {
		p := ir.Program{Arity: 1, Ops: c.Ops}
		var out []int32
		for n := int32(0); n < 12; n++ {
			v, _ := ir.Interpret(p, []int32{n}, ir.DefaultFuel)
			out = append(out, v)
		}
		fmt.Println(c.Expr, out)
	}
	// Output:
	// mem_{a(0..)=1; a(i_)=(a((i_-1))+a(floor((i_/2))))}(n) [1 2 4 6 10 14 20 26 36 46 60 74]
}
