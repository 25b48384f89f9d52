package synth_test

import (
	"context"
	"fmt"
	"time"

	"github.com/irsynth/irsynth/lib/synth"
)

func ExampleSynthesize() {
	examples, _ := synth.ParseExamples("(3, 7)→7, (7, 3)→7, (-1, -5)→-1, (120, -4)→120")
	task := synth.Task{Name: "larger", Text: "the larger of a and b", Examples: examples}
	r, err := synth.Synthesize(context.Background(), task, synth.Options{Budget: 10 * time.Second})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Status, r.Term)
	fmt.Println(r.Program)
	// Output:
	// solved cond(le(n, n1), n, n1)
	// START SLOT_0 SLOT_1 I32_LE_S CONST_0 I32_LE_S IF_BEGIN SLOT_0 ELSE SLOT_1 IF_END END
}

func ExampleParseExamples() {
	ex, _ := synth.ParseExamples("(12, 18)→6; 7 3 -> 1")
	for _, e := range ex {
		fmt.Println(e.Inputs, e.Output)
	}
	// Output:
	// [12 18] 6
	// [7 3] 1
}

func ExampleMask() {
	m, _ := synth.NewMask(1, 8) // one operand, at most 8 opcodes
	fmt.Println(m.Allowed(0x0a /* I32_ADD: nothing to add */))
	// Output: false
}
