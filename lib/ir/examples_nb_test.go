package ir_test

import (
	"fmt"

	"github.com/irsynth/irsynth/lib/ir"
)

func ExampleLibrary() {
	lib := ir.Library()
	fmt.Println(lib[0].Name, lib[0].InStudy, lib[0].Params)
	study := 0
	for _, s := range lib {
		if s.InStudy {
			study++
		}
	}
	fmt.Println(study)
	// Output:
	// sum_1_to_n true [n]
	// 11
}

func ExampleLookupOp() {
	op, ok := ir.LookupOp("I32_REM_S")
	fmt.Println(op, ok)
	_, ok = ir.LookupOp("i32_rem_s") // names are upper case
	fmt.Println(ok)
	// Output:
	// I32_REM_S true
	// false
}

func ExampleInfo() {
	in := ir.Info(ir.OpI32Add)
	fmt.Println(in.Name, in.Pops, in.Pushes, in.WASM)
	// Output: I32_ADD 2 1 i32.add
}

func ExampleOps() {
	ops := ir.Ops()
	fmt.Println(len(ops) == ir.NumOps, ops[0])
	// Output: true START
}

func ExampleMustParse() {
	p := ir.MustParse("double", "START SLOT_0 CONST_2 I32_MUL END")
	v, _ := ir.Interpret(p, []int32{21}, ir.DefaultFuel)
	fmt.Println(p.Arity, v)
	// Output: 1 42
}
