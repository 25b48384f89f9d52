package formula_test

import (
	"fmt"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/synth/internal/formula"
)

func ExampleSeeded() {
	// the text gives no start: the first four terms are it, the other six
	// must follow
	ys := []int64{1, 1, 2, 3, 7, 14, 29, 57, 114, 227}
	for _, c := range formula.Seeded("a(n) = 2*a(n-1) - a(n-3) + 2*a(n-4).", 0, ys) {
		p := ir.Program{Arity: 1, Ops: c.Ops}
		var out []int32
		for n := int32(0); n < 14; n++ {
			v, _ := ir.Interpret(p, []int32{n}, ir.DefaultFuel)
			out = append(out, v)
		}
		fmt.Println(c.Expr, out)
	}
	// Output:
	// rec_{a(0..)=1,1,2,3; a(i_)=(((2*a1)-a3)+(2*a4))}(n) [1 1 2 3 7 14 29 57 114 227 455 910 1821 3641]
}
