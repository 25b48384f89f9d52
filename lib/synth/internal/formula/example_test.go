package formula_test

import (
	"fmt"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/synth/internal/formula"
)

func ExampleCandidates() {
	for _, c := range formula.Candidates("a(n) = binomial(n+3, 3) mod 7.", 1) {
		p := ir.Program{Arity: 1, Ops: c.Ops}
		var out []int32
		for n := int32(0); n < 8; n++ {
			v, _ := ir.Interpret(p, []int32{n}, ir.DefaultFuel)
			out = append(out, v)
		}
		fmt.Println(c.Source, "->", c.Expr, out)
	}
	// Output:
	// binomial(n+3, 3) mod 7 -> (binomial((n+3), 3) mod 7) [1 4 3 6 0 0 0 1]
}
