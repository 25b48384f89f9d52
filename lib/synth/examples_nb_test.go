package synth_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/synth"
)

// The task the leave-one-out evaluation gives the search for collatz_length:
// words and five examples, never the program.
func ExampleHeldOutTask() {
	spec, _ := ir.LibraryProgram("collatz_length")
	t := synth.HeldOutTask(spec, 0)
	fmt.Println(t.Name, len(t.Examples), synth.FormatExample(t.Examples[0]))
	// Output: collatz_length 5 27→111
}

// Judge scores a program on fresh inputs against the held-out program's
// native reference: the library's program scores 1, a wrong one less.
func ExampleJudge() {
	spec, _ := ir.LibraryProgram("max_of_two")
	fmt.Println(synth.Judge(spec.Program, spec, 100, 1))
	first := ir.MustParse("first", "START SLOT_0 SLOT_1 I32_ADD SLOT_1 I32_SUB END") // a + b - b = a
	fmt.Println(synth.Judge(first, spec, 100, 1) < 1)
	// Output:
	// 1
	// true
}

func ExampleNewMask() {
	m, err := synth.NewMask(2, 6) // two operands, at most 6 opcodes
	if err != nil {
		panic(err)
	}
	for _, op := range []ir.Op{ir.OpSlot0, ir.OpSlot1, ir.OpI32Add} { // START is implied
		if err := m.Push(op); err != nil {
			panic(err)
		}
	}
	fmt.Println(m.Allowed(ir.OpEnd), m.Len())
	_, err = synth.NewMask(9, 6)
	fmt.Println(errors.Is(err, synth.ErrMask))
	// Output:
	// true 4
	// true
}

// Ten terms of a sequence whose text states its formula: the formula is a
// candidate beside the closed forms the terms admit, and the shipped judge
// trusts it.
func ExampleDefaultTrust() {
	examples, _ := synth.ParseExamples("0→3, 1→23, 2→83, 3→183, 4→323, 5→503, 6→723, 7→983, 8→1283, 9→1623")
	task := synth.Task{Name: "A167573", Text: "a(n) = 20*n^2 + 3.", Examples: examples}
	r, err := synth.Synthesize(context.Background(), task, synth.Options{Budget: time.Second})
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Status, r.Method, r.Formula, r.Confidence >= synth.DefaultTrust().Threshold)
	// Output: solved formula ((20*(n^2))+3) true
}
