package ir_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"

	"github.com/irsynth/irsynth/lib/ir"
)

// wazeroFuel compiles p with the given fuel, calls it on args in wazero and
// returns the value, the error and the fuel global afterwards.
func wazeroFuel(t *testing.T, rt wazero.Runtime, p ir.Program, args []int32, fuel int64) (int32, error, int64) {
	t.Helper()
	ctx := context.Background()
	wasm, err := ir.Compile(p, ir.CompileOptions{Fuel: fuel})
	if err != nil {
		t.Fatal(err)
	}
	mod, err := rt.InstantiateWithConfig(ctx, wasm, wazero.NewModuleConfig().WithName(""))
	if err != nil {
		t.Fatalf("%s: wazero: %v", p.Name, err)
	}
	defer mod.Close(ctx)
	params := make([]uint64, len(args))
	for i, a := range args {
		params[i] = api.EncodeI32(a)
	}
	res, err := mod.ExportedFunction(ir.ExportRun).Call(ctx, params...)
	left := int64(int32(mod.ExportedGlobal(ir.ExportFuel).Get()))
	if err != nil {
		if left == -1 {
			return 0, ir.ErrFuelExhausted, 0
		}
		return 0, err, left
	}
	return api.DecodeI32(res[0]), nil, left
}

// TestTraceAgreesWithInterpretAndWazero traces every library program on its
// known cases and on conformance inputs: the trace's last value and fuel
// left equal what ir.Interpret gives and what the compiled module's fuel
// global holds after a wazero call, and the run ends where the trace says.
func TestTraceAgreesWithInterpretAndWazero(t *testing.T) {
	ctx := context.Background()
	rt := wazero.NewRuntime(ctx)
	defer rt.Close(ctx)
	const fuel = 5000
	for _, s := range ir.Library() {
		inputs := s.Inputs(12, 7)
		for _, c := range s.Known {
			inputs = append(inputs, c.Args)
		}
		for _, in := range inputs {
			tr, err := ir.Trace(s.Program, in, fuel, 1_000_000)
			if err != nil {
				t.Fatalf("%s%v: %v", s.Name, in, err)
			}
			if tr.Cut {
				t.Fatalf("%s%v: cut at %d steps", s.Name, in, len(tr.Steps))
			}
			want, werr := ir.Interpret(s.Program, in, fuel)
			if tr.Value != want || !sameErr(tr.Err, werr) {
				t.Errorf("%s%v: trace %d, %v; Interpret %d, %v", s.Name, in, tr.Value, tr.Err, want, werr)
			}
			got, gerr, left := wazeroFuel(t, rt, s.Program, in, fuel)
			if tr.Err != nil {
				left = tr.FuelLeft // the module reports fuel left only after a return
			}
			if got != tr.Value || !sameErr(tr.Err, gerr) || left != tr.FuelLeft {
				t.Errorf("%s%v: trace %d, %v, fuel left %d; wazero %d, %v, fuel left %d", s.Name, in, tr.Value, tr.Err, tr.FuelLeft, got, gerr, left)
			}
			// The fuel the trace used is exactly enough for Interpret.
			if used := fuel - tr.FuelLeft; tr.Err == nil && used > 0 {
				if _, err := ir.Interpret(s.Program, in, used); err != nil {
					t.Errorf("%s%v: fuel %d (the trace's use) fails: %v", s.Name, in, used, err)
				}
				if _, err := ir.Interpret(s.Program, in, used-1); !errors.Is(err, ir.ErrFuelExhausted) {
					t.Errorf("%s%v: fuel %d (one less than the trace used) gives %v", s.Name, in, used-1, err)
				}
			}
			last := tr.Steps[len(tr.Steps)-1]
			if tr.Err == nil && (len(last.Stack) == 0 || last.Stack[len(last.Stack)-1] != tr.Value || (last.Op != ir.OpEnd && last.Op != ir.OpReturn)) {
				t.Errorf("%s%v: last step %+v does not end the run with %d", s.Name, in, last, tr.Value)
			}
		}
	}
}

func sameErr(a, b error) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if errors.Is(a, ir.ErrFuelExhausted) || errors.Is(b, ir.ErrFuelExhausted) {
		return errors.Is(a, ir.ErrFuelExhausted) && errors.Is(b, ir.ErrFuelExhausted)
	}
	return errors.Is(a, ir.ErrTrap) // both trapped; wazero's trap errors are its own
}

func TestTraceSteps(t *testing.T) {
	collatz, _ := ir.LibraryProgram("collatz_length")
	sum, _ := ir.LibraryProgram("sum_1_to_n")
	div := ir.MustParse("div", "START SLOT_0 CONST_0 I32_DIV_S END")
	// The fuel one entry into sum_1_to_n's loop costs: what one more
	// iteration takes.
	var sumCost int64
	{
		e, _ := ir.Prepare(sum.Program)
		_, u1, _ := e.RunFuel([]int32{1}, 1000)
		_, u2, _ := e.RunFuel([]int32{2}, 1000)
		sumCost = u2 - u1
	}
	for _, tc := range []struct {
		name      string
		prog      ir.Program
		args      []int32
		fuel      int64
		max       int
		wantValue int32
		wantErr   error
		wantCut   bool
		wantSteps int // 0: not checked
		wantIters int // the last loop iteration seen
		wantEdges []ir.Edge
	}{
		{name: "collatz(7) = 16", prog: collatz.Program, args: []int32{7}, fuel: 10000, wantValue: 16, wantIters: 16,
			wantEdges: []ir.Edge{ir.EdgeIfTrue, ir.EdgeLoopEnter, ir.EdgeIfTrue, ir.EdgeIfFalse, ir.EdgeSkipElse, ir.EdgeLoopBack, ir.EdgeFallThrough, ir.EdgeLoopExit}},
		{name: "collatz(1) skips the loop", prog: collatz.Program, args: []int32{1}, fuel: 10000, wantValue: 0, wantEdges: []ir.Edge{ir.EdgeIfFalse}},
		{name: "sum(10) out of fuel", prog: sum.Program, args: []int32{10}, fuel: 3*sumCost + sumCost/2, wantErr: ir.ErrFuelExhausted, wantIters: 3},
		{name: "trap", prog: div, args: []int32{5}, fuel: 1, wantErr: ir.ErrDivideByZero, wantSteps: 3},
		{name: "cut", prog: sum.Program, args: []int32{1000}, fuel: 10000, max: 50, wantCut: true, wantSteps: 50},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr, err := ir.Trace(tc.prog, tc.args, tc.fuel, tc.max)
			if err != nil {
				t.Fatal(err)
			}
			if tr.Value != tc.wantValue || !errors.Is(tr.Err, tc.wantErr) || (tc.wantErr == nil && tr.Err != nil) || tr.Cut != tc.wantCut {
				t.Fatalf("got %d, %v, cut %v; want %d, %v, cut %v", tr.Value, tr.Err, tr.Cut, tc.wantValue, tc.wantErr, tc.wantCut)
			}
			if tc.wantSteps != 0 && len(tr.Steps) != tc.wantSteps {
				t.Errorf("%d steps, want %d", len(tr.Steps), tc.wantSteps)
			}
			if tr.Steps[0].Op != ir.OpStart || len(tr.Steps[0].Stack) != 0 || tr.Steps[0].Fuel != tc.fuel {
				t.Errorf("step 0 = %+v, want START with an empty stack and full fuel", tr.Steps[0])
			}
			seen := map[ir.Edge]bool{}
			iters := 0
			for i, s := range tr.Steps {
				seen[s.Edge] = true
				if s.Loop >= 0 {
					iters = s.Iteration
				}
				if i > 0 && s.Fuel > tr.Steps[i-1].Fuel {
					t.Errorf("step %d: fuel rose", i)
				}
				if len(s.Locals) != ir.NumLocals {
					t.Errorf("step %d: %d locals", i, len(s.Locals))
				}
			}
			if tc.wantIters != 0 && iters != tc.wantIters {
				t.Errorf("last loop iteration %d, want %d", iters, tc.wantIters)
			}
			for _, e := range tc.wantEdges {
				if !seen[e] {
					t.Errorf("edge %s never taken", e)
				}
			}
		})
	}
	if _, err := ir.Trace(sum.Program, nil, 10, 0); !errors.Is(err, ir.ErrArgs) {
		t.Errorf("no args: %v", err)
	}
	if _, err := ir.Trace(sum.Program, []int32{1}, 10, -1); err == nil {
		t.Error("negative step limit accepted")
	}
}

func TestLinesMatchFormatIndented(t *testing.T) {
	for _, s := range ir.Library() {
		n := 0
		for _, l := range ir.Lines(s.Ops) {
			if l.Start != n || l.End <= l.Start {
				t.Fatalf("%s: line %+v does not follow op %d", s.Name, l, n)
			}
			n = l.End
		}
		if n != len(s.Ops) {
			t.Errorf("%s: lines cover %d of %d ops", s.Name, n, len(s.Ops))
		}
	}
}

func ExampleTrace() {
	p, _ := ir.LibraryProgram("collatz_length")
	tr, _ := ir.Trace(p.Program, []int32{7}, 1000, 0)
	fmt.Println(len(tr.Steps), "steps; result", tr.Value, "; fuel left", tr.FuelLeft)
	for _, s := range tr.Steps[7:11] {
		fmt.Println(s.Index, s.Name, s.Stack, s.Edge, "loop", s.Loop, "iteration", s.Iteration)
	}
	last := tr.Steps[len(tr.Steps)-1]
	fmt.Println(last.Name, last.Stack)
	// Output:
	// 326 steps; result 16 ; fuel left 552
	// 7 I32_GT_S [1]  loop -1 iteration 0
	// 8 IF_BEGIN [] if_true loop -1 iteration 0
	// 9 LOOP_BEGIN [] loop_enter loop 9 iteration 1
	// 10 LOCAL_GET_1 [7]  loop 9 iteration 1
	// END [16]
}
