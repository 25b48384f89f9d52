package enum

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

// TestWhileCollatz: the Collatz step count written with while, evaluated
// and lowered to IR, against wasmrt's native Go CollatzSteps, value and
// fuel: the evaluator's fuel use is the interpreter's to the unit.
func TestWhileCollatz(t *testing.T) {
	tm := &Terms{}
	x, n := tm.add(OpX, 1), tm.add(OpN0, 1)
	two, one := tm.add(OpTwo, 1), tm.add(OpOne, 1)
	three := tm.Const(3, 1)
	step := tm.add(OpCond, 12, tm.add(OpMod, 3, x, two), tm.add(OpDiv, 3, x, two),
		tm.add(OpAdd, 5, tm.add(OpMul, 3, x, three), one))
	id := tm.add(OpWhile, 17, step, tm.add(OpSub, 3, x, one), n)
	if got := tm.Format(id); got != "while(cond(mod(x, 2), div(x, 2), (*(x, 3) + 1)), (x - 1), n)" {
		t.Fatalf("Format = %q", got)
	}
	ops, err := Lower(tm, id, 1)
	if err != nil {
		t.Fatal(err)
	}
	e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
	if err != nil {
		t.Fatal(err)
	}
	const fuel = 1 << 20
	for v := int32(-3); v <= 3000; v++ {
		f := int64(fuel)
		got, st := tm.eval(id, env{n: &[4]int32{v}}, &f)
		want := wasmrt.CollatzSteps(v)
		ig, used, ierr := e.RunFuel([]int32{v}, fuel)
		if st != evalOK || got != want || ierr != nil || ig != want || used != fuel-f {
			t.Fatalf("collatz(%d): evaluator %d (status %d, fuel %d), interpreter %d %v (fuel %d); want %d", v, got, st, fuel-f, ig, ierr, used, want)
		}
	}
	// a loop that never ends: out of fuel in both, the evaluator at once
	loop := tm.add(OpWhile, 5, x, tm.add(OpAdd, 3, x, one), n)
	if _, err := tm.Eval(loop, []int32{5}, fuel); err != errFuel {
		t.Errorf("%s: %v, want fuel exhausted", tm.Format(loop), err)
	}
}

// TestWhileDigits: the number of decimal digits and the bit length, from
// 10 examples each, are found and right on fresh inputs (native Go
// references).
func TestWhileDigits(t *testing.T) {
	cases := []struct {
		name string
		ref  func(int32) int32
	}{
		{"digits", func(v int32) int32 { return int32(len(strconv.Itoa(int(v)))) }},
		{"bits", func(v int32) int32 { return int32(len(strconv.FormatInt(int64(v), 2))) }},
	}
	ins := []int32{1, 7, 12, 99, 100, 345, 1000, 4321, 99999, 100000}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var ex []Example
			for _, v := range ins {
				ex = append(ex, Example{In: []int32{v}, Out: tc.ref(v)})
			}
			r := Run(1, ex, Options{Deadline: time.Now().Add(60 * time.Second), MaxCandidates: 2_000_000, Extra: [][]int32{{5}, {50}, {2024}}})
			if !r.Found {
				t.Fatalf("not found: %s after %d candidates", r.Stopped, r.Candidates)
			}
			t.Logf("%s (cost %d) after %d candidates", r.Best.Term, r.Best.Cost, r.Candidates)
			e, err := ir.Prepare(ir.Program{Arity: 1, Ops: r.Best.Ops})
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range []int32{2, 3, 9, 10, 11, 64, 65, 127, 128, 999, 1001, 65535, 65536, 123456, 9999999, math.MaxInt32} {
				if got, err := e.Run([]int32{v}, ir.DefaultFuel); err != nil || got != tc.ref(v) {
					t.Errorf("%s(%d) = %d, %v; want %d", r.Best.Term, v, got, err, tc.ref(v))
				}
			}
		})
	}
}

// TestConstOps: every constant the caller may give is written with the
// IR's constants, in as many opcodes as the term's cost accounting says,
// and evaluates to itself.
func TestConstOps(t *testing.T) {
	vals := []int32{math.MaxInt32, math.MinInt32, math.MinInt32 + 1, 123456789, -987654321, 1 << 30}
	for v := int32(-1100); v <= 1100; v++ {
		vals = append(vals, v)
	}
	tm := &Terms{}
	for _, v := range vals {
		id := tm.Const(v, 1)
		ops, err := Lower(tm, id, 0)
		if err != nil {
			t.Fatal(err)
		}
		p := ir.Program{Arity: 0, Ops: ops}
		got, err := ir.Interpret(p, nil, 0)
		if err != nil || got != v {
			t.Fatalf("const %d lowers to %s = %d, %v", v, p, got, err)
		}
		if want := int32(len(ops) - 2); tm.nodes[id].own != want {
			t.Fatalf("const %d: own %d, lowered to %d opcodes", v, tm.nodes[id].own, want)
		}
	}
}

func TestTextConstants(t *testing.T) {
	cases := map[string][]int32{
		"Primes congruent to 14 mod 45.":                                      {14, 45},
		"Number of halving and tripling steps to reach 1 in '3x+1' problem.":  {1, 3},
		"a(n) = 7*a(n-1) + 7, see A006577 and x2; 1.5 times; 99999999999 big": {7, 1},
		"": nil,
	}
	for text, want := range cases {
		if got := TextConstants(text); !slices.Equal(got, want) {
			t.Errorf("TextConstants(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestConstants: 45n + 14 is cheap with the constants of its text, and
// its IR is right on fresh inputs.
func TestConstants(t *testing.T) {
	ref := func(n int32) int32 { return 45*n + 14 }
	ex := seqExamples(0, 9, ref)
	cost := map[bool]int{}
	for _, with := range []bool{false, true} {
		opt := Options{MaxCandidates: 300_000, Extra: [][]int32{{10}, {11}}}
		if with {
			opt.Constants = TextConstants("14 more than 45 times n (and 14 again, and 2)")
		}
		r := Run(1, ex, opt)
		if !r.Found {
			cost[with] = math.MaxInt
			continue
		}
		cost[with] = r.Best.Cost
		e, err := ir.Prepare(ir.Program{Arity: 1, Ops: r.Best.Ops})
		if err != nil {
			t.Fatal(err)
		}
		for n := int32(0); n <= 1000; n += 37 {
			if got, err := e.Run([]int32{n}, ir.DefaultFuel); err != nil || got != ref(n) {
				t.Fatalf("%s(%d) = %d, %v; want %d", r.Best.Term, n, got, err, ref(n))
			}
		}
	}
	if cost[true] != 5 || cost[false] <= cost[true] {
		t.Errorf("cost with the text's constants %d (want 5: (45 * n) + 14), without %d (want more)", cost[true], cost[false])
	}
}

// TestDigSum: digsum(a, b), evaluated and lowered, against the digits
// strconv writes, value and fuel, in bases 2 to 36; base 0 traps in both.
func TestDigSum(t *testing.T) {
	tm := &Terms{}
	id := tm.add(OpDigSum, 3, tm.add(OpN0, 1), tm.add(OpN1, 1))
	ops, err := Lower(tm, id, 2)
	if err != nil {
		t.Fatal(err)
	}
	e, err := ir.Prepare(ir.Program{Arity: 2, Ops: ops})
	if err != nil {
		t.Fatal(err)
	}
	ref := func(a, b int32) int32 {
		var r int32
		for _, c := range strconv.FormatInt(int64(a), int(b)) {
			if d, err := strconv.ParseInt(string(c), 36, 32); err == nil {
				r += int32(d)
			}
		}
		if a < 0 {
			return -r
		}
		return r
	}
	const fuel = 1 << 20
	for b := int32(2); b <= 36; b++ {
		for _, a := range []int32{0, 1, 7, 10, 99, 255, 256, 1000, 123456789, -5, -100, math.MaxInt32, math.MinInt32 + 1} {
			f := int64(fuel)
			got, st := tm.eval(id, env{n: &[4]int32{a, b}}, &f)
			ig, used, ierr := e.RunFuel([]int32{a, b}, fuel)
			if st != evalOK || got != ref(a, b) || ierr != nil || ig != got || used != fuel-f {
				t.Fatalf("digsum(%d, %d): evaluator %d (status %d, fuel %d), interpreter %d %v (fuel %d); want %d", a, b, got, st, fuel-f, ig, ierr, used, ref(a, b))
			}
		}
	}
	if _, err := tm.Eval(id, []int32{5, 0}, fuel); err != errTrap {
		t.Errorf("digsum(5, 0): %v, want a trap", err)
	}
	if _, err := e.Run([]int32{5, 0}, fuel); !errors.Is(err, ir.ErrTrap) {
		t.Errorf("digsum(5, 0) in the interpreter: %v, want a trap", err)
	}
}
