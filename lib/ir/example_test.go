package ir_test

import (
	"errors"
	"fmt"

	"github.com/irsynth/irsynth/lib/ir"
)

func ExampleParseProgram() {
	p, err := ir.ParseProgram("add", "START SLOT_0 SLOT_1 I32_ADD END # a + b")
	if err != nil {
		panic(err)
	}
	got, _ := ir.Interpret(p, []int32{40, 2}, ir.DefaultFuel)
	fmt.Println(p.Arity, p, "=>", got)
	// Output: 2 START SLOT_0 SLOT_1 I32_ADD END => 42
}

func ExampleValidate() {
	p := ir.Program{Name: "bad", Arity: 0, Ops: []ir.Op{ir.OpStart, ir.OpConst1, ir.OpI32Add, ir.OpEnd}}
	err := ir.Validate(p)
	fmt.Println(err)
	fmt.Println(errors.Is(err, ir.ErrStackUnderflow))
	// Output:
	// op 2 I32_ADD: stack underflow: needs 2, has 1
	// true
}

func ExampleLibraryProgram() {
	s, _ := ir.LibraryProgram("collatz_length")
	for _, n := range []int32{27, 7, 1} {
		steps, _ := ir.Interpret(s.Program, []int32{n}, ir.DefaultFuel)
		fmt.Printf("collatz_length(%d) = %d\n", n, steps)
	}
	// Output:
	// collatz_length(27) = 111
	// collatz_length(7) = 16
	// collatz_length(1) = 0
}

func ExampleCompile() {
	s, _ := ir.LibraryProgram("max_of_two")
	wasm, err := ir.Compile(s.Program, ir.CompileOptions{})
	fmt.Printf("% x %v\n", wasm[:8], err)
	// Output: 00 61 73 6d 01 00 00 00 <nil>
}

func ExampleInterpret_fuel() {
	p := ir.MustParse("forever", "START LOOP_BEGIN BR LOOP_END CONST_0 END")
	_, err := ir.Interpret(p, nil, 1000)
	fmt.Println(err)
	// Output: ir: fuel exhausted
}

func ExampleLoopCosts() {
	// The loop holds 9 opcodes, LOOP_BEGIN to LOOP_END: each entry costs 9.
	p := ir.MustParse("count", "START LOOP_BEGIN LOCAL_GET_0 CONST_1 I32_ADD LOCAL_TEE_0 SLOT_0 I32_LT_S BR_IF LOOP_END LOCAL_GET_0 END")
	costs, _ := ir.LoopCosts(p)
	fmt.Println(costs[1])
	// Output: 9
}

func ExampleExec_RunFuel() {
	s, _ := ir.LibraryProgram("collatz_length")
	e, _ := ir.Prepare(s.Program)
	// 111 entries into a loop of 28 opcodes.
	v, used, err := e.RunFuel([]int32{27}, ir.DefaultFuel)
	fmt.Println(v, used, err)
	// Output: 111 3108 <nil>
}

// A Checker applies the validator's rules one opcode at a time and says
// how the program can still be finished.
func ExampleChecker() {
	c, _ := ir.NewChecker(1)
	for _, op := range []ir.Op{ir.OpSlot0, ir.OpLoopBegin, ir.OpSlot0} {
		if err := c.Push(op); err != nil {
			fmt.Println(err)
		}
	}
	fmt.Println(c.Allowed(ir.OpLoopEnd), c.Allowed(ir.OpEnd))
	fmt.Println(c.CloseCost(), ir.Format(c.Completion()))
	fmt.Println(c.Push(ir.OpI32Add))
	// Output:
	// false false
	// 3 RETURN LOOP_END END
	// op 4 I32_ADD: stack underflow: needs 2, has 1
}
