package ir_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/ir/irtest"
)

func interpExec(p ir.Program, inputs [][]int32) ([]int32, []error) {
	e, err := ir.Prepare(p)
	got, errs := make([]int32, len(inputs)), make([]error, len(inputs))
	for i, in := range inputs {
		if err != nil {
			errs[i] = err
			continue
		}
		got[i], errs[i] = e.Run(in, ir.DefaultFuel)
	}
	return got, errs
}

// TestConformanceInterpreter runs the shared suite: every library program on
// at least 1,000 inputs against its native Go reference.
func TestConformanceInterpreter(t *testing.T) {
	irtest.Run(t, interpExec, 1000)
}

func TestInterpreterErrors(t *testing.T) {
	irtest.RunErrors(t, interpExec)
}

func TestLibraryShape(t *testing.T) {
	lib := ir.Library()
	study := []string{"sum_1_to_n", "sum_a_to_b", "factorial", "power", "collatz_length",
		"fibonacci", "gcd", "is_prime", "max_of_two", "abs_diff", "sum_even"}
	if len(lib) < len(study)+15 {
		t.Fatalf("library has %d programs, want at least %d", len(lib), len(study)+15)
	}
	seen := map[string]bool{}
	for i, s := range lib {
		if seen[s.Name] {
			t.Errorf("duplicate program %s", s.Name)
		}
		seen[s.Name] = true
		if i < len(study) && (s.Name != study[i] || !s.InStudy) {
			t.Errorf("library[%d] = %s (in study %v), want the study's %s", i, s.Name, s.InStudy, study[i])
		}
		if len(s.Domain) != s.Arity || len(s.Params) != s.Arity {
			t.Errorf("%s: arity %d but %d domain ranges and %d params", s.Name, s.Arity, len(s.Domain), len(s.Params))
		}
		if len(s.Known) == 0 || s.Summary == "" || s.Ref == nil {
			t.Errorf("%s: needs known values, a summary and a reference", s.Name)
		}
	}
}

// The study's known values (DESIGN.md), including the cases it got wrong.
func TestStudyKnownValues(t *testing.T) {
	cases := []struct {
		name string
		args []int32
		want int32
	}{
		{"sum_1_to_n", []int32{10}, 55}, {"sum_1_to_n", []int32{100}, 5050}, {"sum_1_to_n", []int32{1000}, 500500},
		{"sum_a_to_b", []int32{1, 10}, 55}, {"sum_a_to_b", []int32{5, 15}, 110},
		{"factorial", []int32{5}, 120}, {"factorial", []int32{10}, 3628800},
		{"power", []int32{2, 10}, 1024}, {"power", []int32{3, 4}, 81}, {"power", []int32{2, 20}, 1048576},
		{"collatz_length", []int32{27}, 111}, {"collatz_length", []int32{7}, 16}, {"collatz_length", []int32{1}, 0},
		{"collatz_length", []int32{683}, 38}, {"collatz_length", []int32{861}, 103}, {"collatz_length", []int32{73847}, 94},
		{"fibonacci", []int32{10}, 55}, {"gcd", []int32{48, 18}, 6}, {"is_prime", []int32{97}, 1}, {"is_prime", []int32{91}, 0},
	}
	for _, tc := range cases {
		s, ok := ir.LibraryProgram(tc.name)
		if !ok {
			t.Fatalf("no program %s", tc.name)
		}
		got, err := ir.Interpret(s.Program, tc.args, ir.DefaultFuel)
		if err != nil || got != tc.want {
			t.Errorf("%s%v = %d, %v; want %d", tc.name, tc.args, got, err, tc.want)
		}
	}
}

// TestFuelMeasuresWork: each entry into a loop body costs the opcodes that
// belong to the loop. sum_1_to_n's body, LOOP_BEGIN to LOOP_END, is 13
// opcodes (counted by hand in library.go), and sum_1_to_n(10) enters it 10
// times.
func TestFuelMeasuresWork(t *testing.T) {
	s, _ := ir.LibraryProgram("sum_1_to_n")
	if _, err := ir.Interpret(s.Program, []int32{10}, 130); err != nil {
		t.Fatalf("10 entries of 13 with fuel 130: %v", err)
	}
	if _, err := ir.Interpret(s.Program, []int32{10}, 129); !errors.Is(err, ir.ErrFuelExhausted) {
		t.Fatalf("10 entries of 13 with fuel 129: %v, want ErrFuelExhausted", err)
	}
	e, _ := ir.Prepare(s.Program)
	if v, used, err := e.RunFuel([]int32{10}, 1000); v != 55 || used != 130 || err != nil {
		t.Fatalf("RunFuel = %d, %d, %v; want 55, 130, nil", v, used, err)
	}
	// A nested loop charges its own body (4 opcodes here); the outer loop
	// charges its other 9: LOOP_BEGIN, the 7 from LOCAL_GET_0 to BR_IF and
	// LOOP_END.
	nested := ir.MustParse("nested", `START
		LOOP_BEGIN
		  LOOP_BEGIN CONST_0 BR_IF LOOP_END
		  LOCAL_GET_0 CONST_1 I32_ADD LOCAL_TEE_0 CONST_10 I32_LT_S BR_IF
		LOOP_END
		LOCAL_GET_0 END`)
	costs, err := ir.LoopCosts(nested)
	if err != nil || costs[1] != 9 || costs[2] != 4 {
		t.Fatalf("LoopCosts = %v, %v; want 9 at op 1, 4 at op 2", costs, err)
	}
	// 10 outer entries, each with one inner entry: 10 × (9 + 4).
	if v, used, err := mustPrepare(t, nested).RunFuel(nil, 1000); v != 10 || used != 130 || err != nil {
		t.Fatalf("nested RunFuel = %d, %d, %v; want 10, 130, nil", v, used, err)
	}
}

// TestHeavyLoopCharged: the loop of 126 divisions from issue 10 costs its
// 507 opcodes per entry, so the default fuel stops it after
// DefaultFuel/507 entries instead of DefaultFuel.
func TestHeavyLoopCharged(t *testing.T) {
	p := heavyProgram()
	costs, err := ir.LoopCosts(p)
	if err != nil || costs[1] != 1+126*4+2 {
		t.Fatalf("LoopCosts[1] = %v, %v; want %d", costs[1], err, 1+126*4+2)
	}
	_, used, err := mustPrepare(t, p).RunFuel([]int32{1}, ir.DefaultFuel)
	if !errors.Is(err, ir.ErrFuelExhausted) || used != ir.DefaultFuel/507*507 {
		t.Fatalf("heavy loop: used %d, %v; want %d, ErrFuelExhausted", used, err, ir.DefaultFuel/507*507)
	}
}

// heavyProgram is issue 10's costly loop: START LOOP_BEGIN, 126 times
// "LOCAL_GET_0 SLOT_0 I32_DIV_S LOCAL_SET_0", BR LOOP_END CONST_0 END.
func heavyProgram() ir.Program {
	text := "START LOOP_BEGIN " + strings.Repeat("LOCAL_GET_0 SLOT_0 I32_DIV_S LOCAL_SET_0 ", 126) + "BR LOOP_END CONST_0 END"
	return ir.MustParse("heavy", text)
}

func mustPrepare(t testing.TB, p ir.Program) *ir.Exec {
	t.Helper()
	e, err := ir.Prepare(p)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestWrongArgumentCount(t *testing.T) {
	s, _ := ir.LibraryProgram("gcd")
	_, err := ir.Interpret(s.Program, []int32{1}, ir.DefaultFuel)
	if !errors.Is(err, ir.ErrArgs) || err.Error() != "ir: wrong number of arguments: gcd takes 2, got 1" {
		t.Fatalf("err = %v", err)
	}
}

func TestTrapReportsOpcode(t *testing.T) {
	p := ir.MustParse("d", "START SLOT_0 CONST_0 I32_DIV_S END")
	_, err := ir.Interpret(p, []int32{1}, ir.DefaultFuel)
	var te *ir.TrapError
	if !errors.As(err, &te) || te.Index != 3 || te.Op != ir.OpI32DivS || !errors.Is(err, ir.ErrDivideByZero) {
		t.Fatalf("err = %#v", err)
	}
}

func BenchmarkInterpret(b *testing.B) {
	for _, name := range []string{"collatz_length", "gcd", "max_of_two"} {
		s, _ := ir.LibraryProgram(name)
		e, _ := ir.Prepare(s.Program)
		args := s.Known[0].Args
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := e.Run(args, ir.DefaultFuel); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
