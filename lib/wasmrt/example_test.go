package wasmrt_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

func ExampleRun() {
	spec, _ := ir.LibraryProgram("collatz_length")
	steps, err := wasmrt.Run(context.Background(), spec.Program, 27)
	fmt.Println(steps, err)
	// Output: 111 <nil>
}

func ExampleRuntime_Compile() {
	ctx := context.Background()
	rt, err := wasmrt.New(ctx, wasmrt.Config{})
	if err != nil {
		panic(err)
	}
	defer rt.Close(ctx)
	spec, _ := ir.LibraryProgram("power")
	m, err := rt.Compile(ctx, spec.Program) // compile once
	if err != nil {
		panic(err)
	}
	for _, e := range []int32{4, 10, 20} { // call many times
		v, _ := m.Call(ctx, 2, e)
		fmt.Println(v)
	}
	// Output:
	// 16
	// 1024
	// 1048576
}

func ExampleModule_Batch() {
	ctx := context.Background()
	rt, _ := wasmrt.New(ctx, wasmrt.Config{})
	defer rt.Close(ctx)
	div, _ := ir.ParseProgram("div", "START SLOT_0 SLOT_1 I32_DIV_S END")
	m, _ := rt.Compile(ctx, div)
	for _, r := range m.Batch(ctx, [][]int32{{7, 2}, {7, 0}, {1}}) {
		fmt.Println(r.Value, r.Err)
	}
	// Output:
	// 3 <nil>
	// 0 wasmrt: trap: integer divide by zero
	// 0 wasmrt: wrong number of arguments: div takes 2, got 1
}

func ExampleErrFuelExhausted() {
	ctx := context.Background()
	rt, _ := wasmrt.New(ctx, wasmrt.Config{Fuel: 1000})
	defer rt.Close(ctx)
	forever, _ := ir.ParseProgram("forever", "START LOOP_BEGIN BR LOOP_END CONST_0 END")
	m, _ := rt.Compile(ctx, forever)
	_, err := m.Call(ctx)
	fmt.Println(errors.Is(err, wasmrt.ErrFuelExhausted), errors.Is(err, ir.ErrFuelExhausted))
	// Output: true true
}

func ExampleTrapError() {
	ctx := context.Background()
	rt, _ := wasmrt.New(ctx, wasmrt.Config{})
	defer rt.Close(ctx)
	div, _ := ir.ParseProgram("div", "START SLOT_0 SLOT_1 I32_DIV_S END")
	m, _ := rt.Compile(ctx, div)
	_, err := m.Call(ctx, -2147483648, -1)
	var trap *wasmrt.TrapError
	if errors.As(err, &trap) {
		fmt.Println(trap.Reason == ir.ErrIntegerOverflow, trap.Message)
	}
	// Output: true integer overflow
}

func ExampleRuntime_Load() {
	ctx := context.Background()
	rt, _ := wasmrt.New(ctx, wasmrt.Config{})
	defer rt.Close(ctx)
	// (module (func (export "run") (param i32) (result i32)
	//   local.get 0 i32.const 1 i32.add))
	inc := []byte{
		0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x06, 0x01, 0x60,
		0x01, 0x7f, 0x01, 0x7f, 0x03, 0x02, 0x01, 0x00, 0x07, 0x07, 0x01, 0x03,
		0x72, 0x75, 0x6e, 0x00, 0x00, 0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00,
		0x41, 0x01, 0x6a, 0x0b,
	}
	m, err := rt.Load(ctx, "inc", inc)
	if err != nil {
		panic(err)
	}
	v, err := m.Call(ctx, 41)
	fmt.Println(m.Arity(), v, err)
	_, err = rt.Load(ctx, "junk", []byte("not wasm"))
	fmt.Println(errors.Is(err, wasmrt.ErrBadModule))
	// Output:
	// 1 42 <nil>
	// true
}

// The study's question, as `irsynth bench collatz --numbers ...` and
// notebook 02 ask it: how many numbers have a Collatz length over 100?
func ExampleCollatzBench() {
	ctx := context.Background()
	rec, err := wasmrt.CollatzBench(ctx, []int32{27, 97, 871, 7})
	if err != nil {
		panic(err)
	}
	fmt.Println(rec.CountGT100, rec.Lengths, rec.TotalIterations)
	// Output: 3 [111 118 178 16] 423
}

// The default benchmark's numbers: drawn in [1, 100000], the same for a seed.
func ExampleCollatzNumbers() {
	a, _ := wasmrt.CollatzNumbers(wasmrt.CollatzN, wasmrt.CollatzSeed)
	b, _ := wasmrt.CollatzNumbers(wasmrt.CollatzN, wasmrt.CollatzSeed)
	fmt.Println(len(a), slices.Equal(a, b))
	_, err := wasmrt.CollatzNumbers(0, 1)
	fmt.Println(errors.Is(err, wasmrt.ErrConfig))
	// Output:
	// 100 true
	// true
}

func ExampleNew() {
	ctx := context.Background()
	rt, err := wasmrt.New(ctx, wasmrt.Config{Fuel: 1000, Timeout: time.Second})
	if err != nil {
		panic(err)
	}
	defer rt.Close(ctx)
	_, err = wasmrt.New(ctx, wasmrt.Config{Fuel: -1})
	fmt.Println(errors.Is(err, wasmrt.ErrConfig))
	// Output: true
}

func ExampleRunWith() {
	loop := ir.MustParse("forever", "START LOOP_BEGIN BR LOOP_END CONST_0 END")
	_, err := wasmrt.RunWith(context.Background(), wasmrt.Config{Fuel: 1000}, loop)
	fmt.Println(errors.Is(err, wasmrt.ErrFuelExhausted))
	// Output: true
}
