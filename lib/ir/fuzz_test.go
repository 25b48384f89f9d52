package ir_test

import (
	"errors"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// opsFromBytes maps fuzz bytes to opcodes; bytes past the codebook become
// invalid opcodes on purpose, so the validator sees them too.
func opsFromBytes(data []byte) []ir.Op {
	ops := make([]ir.Op, len(data))
	for i, b := range data {
		ops[i] = ir.Op(b % uint8(ir.NumOps+2))
	}
	return ops
}

func seedBytes(f *testing.F) {
	for _, s := range ir.Library() {
		data := make([]byte, len(s.Ops))
		for i, op := range s.Ops {
			data[i] = byte(op)
		}
		f.Add(data, int32(7), int32(3), int32(5))
	}
	for _, text := range peepholePrograms {
		p := ir.MustParse("seed", text)
		data := make([]byte, len(p.Ops))
		for i, op := range p.Ops {
			data[i] = byte(op)
		}
		f.Add(data, int32(-7), int32(3), int32(-2147483648))
	}
	f.Add([]byte{0, 21, 26, 22, 2, 1}, int32(0), int32(0), int32(0)) // infinite loop
}

// FuzzParse: any text either parses to opcodes that print and re-parse to
// the same opcodes, or is rejected with a *ValidationError.
func FuzzParse(f *testing.F) {
	for _, s := range ir.Library() {
		f.Add(ir.FormatIndented(s.Ops))
	}
	f.Add("START # c\nCONST_1,END")
	f.Fuzz(func(t *testing.T, text string) {
		ops, err := ir.Parse(text)
		if err != nil {
			var ve *ir.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error is %T, not *ValidationError: %v", err, err)
			}
			return
		}
		again, err := ir.Parse(ir.Format(ops))
		if err != nil || ir.Format(again) != ir.Format(ops) {
			t.Fatalf("round trip failed: %v", err)
		}
		again, err = ir.Parse(ir.FormatIndented(ops))
		if err != nil || ir.Format(again) != ir.Format(ops) {
			t.Fatalf("indented round trip failed: %v", err)
		}
	})
}

// FuzzValidate: the validator never panics and fails only with a
// *ValidationError naming an opcode inside the program.
func FuzzValidate(f *testing.F) {
	seedBytes(f)
	f.Fuzz(func(t *testing.T, data []byte, _, _, _ int32) {
		ops := opsFromBytes(data)
		err := ir.Validate(ir.Program{Arity: ir.InferArity(ops), Ops: ops})
		if err == nil {
			return
		}
		var ve *ir.ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("error is %T: %v", err, err)
		}
		if ve.Index < 0 || (len(ops) > 0 && ve.Index >= len(ops)) {
			t.Fatalf("index %d outside a %d-op program: %v", ve.Index, len(ops), err)
		}
	})
}

// FuzzCompile: any program is either rejected by validation or compiles to a
// module wazero accepts and that agrees with the interpreter, value for
// value, error for error, and on the fuel a run used.
func FuzzCompile(f *testing.F) {
	seedBytes(f)
	f.Fuzz(func(t *testing.T, data []byte, a, b, c int32) {
		ops := opsFromBytes(data)
		p := ir.Program{Arity: ir.InferArity(ops), Ops: ops}
		if ir.Validate(p) != nil {
			return
		}
		const fuel = 2000
		wasm, err := ir.Compile(p, ir.CompileOptions{Fuel: fuel})
		if err != nil {
			t.Fatalf("valid program does not compile: %v\n%s", err, p)
		}
		if wat, err := ir.WAT(p); err != nil {
			t.Fatal(err)
		} else if err := watCovers(p, wat); err != nil {
			t.Fatal(err)
		}
		args := []int32{a, b, c, a ^ b}[:p.Arity]
		e, err := ir.Prepare(p)
		if err != nil {
			t.Fatal(err)
		}
		want, used, wantErr := e.RunFuel(args, fuel)
		got, left, gotErr := wazeroRunFuel(t, wasm, args)
		switch {
		case wantErr == nil && (gotErr != nil || got != want):
			t.Fatalf("%s%v: interpreter %d, wazero %d, %v", p, args, want, got, gotErr)
		case wantErr == nil && fuel-left != used:
			t.Fatalf("%s%v: interpreter used %d fuel, wazero %d", p, args, used, fuel-left)
		case errors.Is(wantErr, ir.ErrFuelExhausted) && !errors.Is(gotErr, ir.ErrFuelExhausted):
			t.Fatalf("%s%v: interpreter ran out of fuel, wazero: %d, %v", p, args, got, gotErr)
		case errors.Is(wantErr, ir.ErrTrap) && (gotErr == nil || errors.Is(gotErr, ir.ErrFuelExhausted)):
			t.Fatalf("%s%v: interpreter trapped (%v), wazero returned %d, %v", p, args, wantErr, got, gotErr)
		}
	})
}
