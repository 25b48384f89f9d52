// Package irtest holds the conformance suite that every executor of IR
// programs must pass: the reference interpreter in lib/ir, the wazero runtime
// in lib/wasmrt, and anything added later. Like gonum's testlapack, one
// suite runs over each implementation.
package irtest

import (
	"errors"
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// Executor runs p once on each input and returns one result per input.
type Executor func(p ir.Program, inputs [][]int32) ([]int32, []error)

// Inputs returns at least n inputs for spec, deterministic for seed: every
// combination of the edges of each operand's domain (its ends, 0, ±1, 2 and
// the neighbours of the ends, where inside the domain) first, then uniform
// and log-uniform draws inside the domain.
func Inputs(spec ir.Spec, n int, seed uint64) [][]int32 {
	rng := rand.New(rand.NewPCG(seed, 0x1f5e))
	var out [][]int32
	edges := make([][]int32, spec.Arity)
	for k, d := range spec.Domain {
		seen := map[int32]bool{}
		for _, v := range []int64{int64(d.Min), int64(d.Max), 0, 1, -1, 2, int64(d.Min) + 1, int64(d.Max) - 1} {
			if v >= int64(d.Min) && v <= int64(d.Max) && !seen[int32(v)] {
				seen[int32(v)] = true
				edges[k] = append(edges[k], int32(v))
			}
		}
	}
	var rec func(k int, cur []int32)
	rec = func(k int, cur []int32) {
		if k == spec.Arity {
			out = append(out, append([]int32(nil), cur...))
			return
		}
		for _, v := range edges[k] {
			rec(k+1, append(cur, v))
		}
	}
	rec(0, nil)
	for len(out) < n {
		in := make([]int32, spec.Arity)
		for k, d := range spec.Domain {
			in[k] = Draw(rng, d)
		}
		out = append(out, in)
	}
	return out
}

// Draw picks a value in d: half the time uniformly, half the time with a
// log-uniform magnitude, so that small values are well represented.
func Draw(rng *rand.Rand, d ir.Range) int32 {
	lo, hi := int64(d.Min), int64(d.Max)
	if rng.IntN(2) == 0 {
		return int32(lo + rng.Int64N(hi-lo+1))
	}
	// log-uniform distance from the in-range value closest to zero
	anchor := min(max(0, lo), hi)
	span := max(hi-anchor, anchor-lo)
	if span == 0 {
		return int32(anchor)
	}
	nb := rng.IntN(bits.Len64(uint64(span)) + 1) // span < 2^33, so 1<<bits cannot overflow
	off := int64(0)
	if nb > 0 {
		off = rng.Int64N(int64(1) << nb)
	}
	v := anchor + off
	if rng.IntN(2) == 0 {
		v = anchor - off
	}
	return int32(min(max(v, lo), hi))
}

// Run checks exec against every library program's native Go reference on
// n inputs each (n ≥ 1,000 in the conformance tests) and on its known values.
func Run(t *testing.T, exec Executor, n int) {
	t.Helper()
	for _, spec := range ir.Library() {
		t.Run(spec.Name, func(t *testing.T) {
			inputs := Inputs(spec, n, 1)
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
