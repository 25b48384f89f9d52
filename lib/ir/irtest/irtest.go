// Package irtest holds the conformance suite that every executor of IR
// programs must pass: the reference interpreter in lib/ir, the wazero runtime
// in lib/wasmrt, and anything added later. Like gonum's testlapack, one
// suite runs over each implementation.
package irtest

import (
	"errors"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// Executor runs p once on each input and returns one result per input.
type Executor func(p ir.Program, inputs [][]int32) ([]int32, []error)

// Run checks exec against every library program's native Go reference on
// n inputs each (n ≥ 1,000 in the conformance tests) and on its known values.
func Run(t *testing.T, exec Executor, n int) {
	t.Helper()
	for _, spec := range ir.Library() {
		t.Run(spec.Name, func(t *testing.T) {
			inputs := spec.Inputs(n, 1)
			for _, c := range spec.Known {
				inputs = append(inputs, c.Args)
			}
			got, errs := exec(spec.Program, inputs)
			if len(got) != len(inputs) || len(errs) != len(inputs) {
				t.Fatalf("executor returned %d results and %d errors for %d inputs", len(got), len(errs), len(inputs))
			}
			bad := 0
			for i, in := range inputs {
				want := spec.Ref(in)
				if errs[i] != nil || got[i] != want {
					if bad++; bad <= 5 {
						t.Errorf("%s%v = %d, %v; reference says %d", spec.Name, in, got[i], errs[i], want)
					}
				}
			}
			for _, c := range spec.Known {
				if spec.Ref(c.Args) != c.Want {
					t.Errorf("reference %s%v = %d, known value %d", spec.Name, c.Args, spec.Ref(c.Args), c.Want)
				}
			}
			if bad > 5 {
				t.Errorf("%d of %d inputs wrong", bad, len(inputs))
			}
		})
	}
}

// RunErrors checks that exec reports traps and fuel exhaustion as the
// interpreter does: each case's error must match (errors.Is) the expected one.
func RunErrors(t *testing.T, exec Executor) {
	t.Helper()
	for _, tc := range ErrorCases() {
		t.Run(tc.Name, func(t *testing.T) {
			p, err := ir.ParseProgram(tc.Name, tc.IR)
			if err != nil {
				t.Fatal(err)
			}
			_, errs := exec(p, [][]int32{tc.Args})
			if !errors.Is(errs[0], tc.Want) {
				t.Fatalf("%s%v: error %v, want %v", tc.Name, tc.Args, errs[0], tc.Want)
			}
		})
	}
}

// ErrorCase is a program that must stop with an error.
type ErrorCase struct {
	Name string
	IR   string
	Args []int32
	Want error
}

// ErrorCases are the run-time failures every executor must report.
func ErrorCases() []ErrorCase {
	return []ErrorCase{
		{"div_by_zero", "START SLOT_0 SLOT_1 I32_DIV_S END", []int32{7, 0}, ir.ErrDivideByZero},
		{"rem_by_zero", "START SLOT_0 SLOT_1 I32_REM_S END", []int32{7, 0}, ir.ErrDivideByZero},
		{"div_overflow", "START SLOT_0 SLOT_1 I32_DIV_S END", []int32{-2147483648, -1}, ir.ErrIntegerOverflow},
		{"trap_is_trap", "START SLOT_0 SLOT_1 I32_DIV_S END", []int32{1, 0}, ir.ErrTrap},
		{"infinite_loop", "START LOOP_BEGIN BR LOOP_END CONST_0 END", nil, ir.ErrFuelExhausted},
		{"runaway_br_if", "START LOOP_BEGIN CONST_1 BR_IF LOOP_END CONST_0 END", nil, ir.ErrFuelExhausted},
		// A compiler that folds constants must leave these traps to run time.
		{"const_div_by_zero", "START CONST_1 CONST_0 I32_DIV_S END", nil, ir.ErrDivideByZero},
		{"const_rem_by_zero", "START CONST_10 CONST_2 CONST_2 I32_SUB I32_REM_S END", nil, ir.ErrDivideByZero},
		{"div_by_folded_minus_one", "START SLOT_0 CONST_0 CONST_1 I32_SUB I32_DIV_S END", []int32{-2147483648}, ir.ErrIntegerOverflow},
		// Issue 10's heavy loop: 126 divisions per entry, charged as such.
		{"heavy_loop", "START LOOP_BEGIN " + strings.Repeat("LOCAL_GET_0 SLOT_0 I32_DIV_S LOCAL_SET_0 ", 126) + "BR LOOP_END CONST_0 END", []int32{3}, ir.ErrFuelExhausted},
	}
}
