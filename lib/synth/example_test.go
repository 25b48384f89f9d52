package synth_test

import (
	"context"
	"fmt"
	"time"

	"github.com/irsynth/irsynth/lib/synth"
)

func ExampleSynthesize() {
	// Nine examples pin down the larger of two numbers: the answer is the
	// cheapest program that fits, and no program a cost level or two
	// dearer that fits disagrees with it anywhere the search looked.
	// (Each output repeats an operand, so each says little: with the
	// first seven alone, cond(b - digsum(a, 2), a, b) fits them too and
	// the answer is ambiguous.)
	examples, _ := synth.ParseExamples("(3, 7)→7, (7, 3)→7, (-1, -5)→-1, (120, -4)→120, (-90, 35)→35, (2, 3)→3, (-5, -1)→-1, (291, 70)→291, (8, 41)→41")
	// (No text: "the larger of a and b" would be read as max(a, b)
	// without a search.)
	task := synth.Task{Name: "larger", Examples: examples}
	opt := synth.Options{Budget: 5 * time.Minute, MaxCandidates: 5_000_000}
	r, err := synth.Synthesize(context.Background(), task, opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Status, r.Term)
	fmt.Println(r.Program)

	// Three terms of a sequence leave room: 2^(n-1), n(n-1)/2+1, ... fit
	// them and part at n = 4, so the answer is a question.
	few, _ := synth.ParseExamples("1→1, 2→2, 3→4")
	r, _ = synth.Synthesize(context.Background(), synth.Task{Name: "few", Examples: few}, opt)
	fmt.Println(r.Status, r.Ambiguity != nil && len(r.Ambiguity.Candidates) > 1)
	// Output:
	// solved cond(le(n, n1), n, n1)
	// START SLOT_0 SLOT_1 I32_LE_S CONST_0 I32_LE_S IF_BEGIN SLOT_0 ELSE SLOT_1 IF_END END
	// ambiguous true
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
