package enum

import (
	"errors"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
)

func gcdRef(a, b int32) int32 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// TestWhile2GCD: Euclid's loop written with while2 gives a native Go gcd
// in the evaluator and in the IR (interpreter, to the unit of fuel); and a
// search from five examples finds a term whose IR is gcd on fresh
// non-negative inputs.
func TestWhile2GCD(t *testing.T) {
	tm := &Terms{}
	x, y := tm.add(OpX, 1), tm.add(OpY, 1)
	id := tm.add(OpWhile2, 8, y, tm.add(OpMod, 3, x, y), tm.add(OpN0, 1), tm.add(OpN1, 1))
	ops, err := Lower(tm, id, 2)
	if err != nil {
		t.Fatal(err)
	}
	e, err := ir.Prepare(ir.Program{Arity: 2, Ops: ops})
	if err != nil {
		t.Fatal(err)
	}
	const fuel = 1 << 20
	for _, in := range [][2]int32{{0, 0}, {12, 18}, {18, 12}, {7, 0}, {0, 7}, {1278978782, 1190849792}, {2147483647, 1}, {832040, 514229}} {
		f := int64(fuel)
		got, st := tm.eval(id, env{n: &[4]int32{in[0], in[1]}}, &f)
		ig, used, ierr := e.RunFuel(in[:], fuel)
		if want := gcdRef(in[0], in[1]); st != evalOK || got != want || ierr != nil || ig != want || used != fuel-f {
			t.Fatalf("gcd%v: evaluator %d (status %d, fuel %d), interpreter %d %v (fuel %d); want %d", in, got, st, fuel-f, ig, ierr, used, want)
		}
	}
	ex := []Example{{[]int32{12, 18}, 6}, {[]int32{17, 5}, 1}, {[]int32{0, 5}, 5}, {[]int32{7, 0}, 7}, {[]int32{1278978782, 1190849792}, 2}}
	r := Run(2, ex, Options{Deadline: time.Now().Add(30 * time.Second), MaxCandidates: 20_000_000, Slack: -1, Extra: [][]int32{{40, 25}, {9, 6}}})
	if !r.Found {
		t.Fatalf("not found: %s after %d candidates, level %d", r.Stopped, r.Candidates, r.Level)
	}
	t.Logf("%s (cost %d) after %d candidates, level %d", r.Best.Term, r.Best.Cost, r.Candidates, r.Level)
	p, err := ir.Prepare(ir.Program{Arity: 2, Ops: r.Best.Ops})
	if err != nil {
		t.Fatal(err)
	}
	for a := int32(0); a <= 60; a++ {
		for b := int32(0); b <= 60; b++ {
			if got, err := p.Run([]int32{a, b}, ir.DefaultFuel); err != nil || got != gcdRef(a, b) {
				t.Fatalf("%s(%d, %d) = %d, %v; want %d", r.Best.Term, a, b, got, err, gcdRef(a, b))
			}
		}
	}
}

// TestDigRev: digrev(a, b), evaluated and lowered, against the digits
// strconv writes read backwards (the value wraps as i32 arithmetic does),
// value and fuel, in bases 2 to 36; base 0 traps in both.
func TestDigRev(t *testing.T) {
	tm := &Terms{}
	id := tm.add(OpDigRev, 3, tm.add(OpN0, 1), tm.add(OpN1, 1))
	ops, err := Lower(tm, id, 2)
	if err != nil {
		t.Fatal(err)
	}
	e, err := ir.Prepare(ir.Program{Arity: 2, Ops: ops})
	if err != nil {
		t.Fatal(err)
	}
	ref := func(a, b int32) int32 {
		s := strconv.FormatInt(int64(a), int(b))
		neg := s[0] == '-'
		if neg {
			s = s[1:]
		}
		var r uint32
		for i := len(s) - 1; i >= 0; i-- {
			d, _ := strconv.ParseInt(s[i:i+1], 36, 32)
			r = r*uint32(b) + uint32(d)
		}
		if neg {
			return -int32(r)
		}
		return int32(r)
	}
	const fuel = 1 << 20
	for b := int32(2); b <= 36; b++ {
		for _, a := range []int32{0, 1, 7, 10, 120, 1000, 12345678, 65108792, -5, -1230, math.MaxInt32, math.MinInt32 + 1} {
			f := int64(fuel)
			got, st := tm.eval(id, env{n: &[4]int32{a, b}}, &f)
			ig, used, ierr := e.RunFuel([]int32{a, b}, fuel)
			if st != evalOK || got != ref(a, b) || ierr != nil || ig != got || used != fuel-f {
				t.Fatalf("digrev(%d, %d): evaluator %d (status %d, fuel %d), interpreter %d %v (fuel %d); want %d", a, b, got, st, fuel-f, ig, ierr, used, ref(a, b))
			}
		}
	}
	if got, _ := tm.Eval(id, []int32{65108792, 10}, fuel); got != 29780156 {
		t.Errorf("digrev(65108792, 10) = %d, want 29780156", got)
	}
	if _, err := tm.Eval(id, []int32{5, 0}, fuel); err != errTrap {
		t.Errorf("digrev(5, 0): %v, want a trap", err)
	}
	if _, err := e.Run([]int32{5, 0}, fuel); !errors.Is(err, ir.ErrTrap) {
		t.Errorf("digrev(5, 0) in the interpreter: %v, want a trap", err)
	}
}

// TestLargeExample: an example so large that no candidate's fuel reaches
// it (751789091: a loop over n would take 27,419 passes) leaves a loop
// candidate's value there unknown instead of dropping it; the candidate
// that fits the other examples is run there in full. The search finds
// the smallest x with x² > n (isqrt + 1), right on fresh inputs against a
// native Go reference.
func TestLargeExample(t *testing.T) {
	ref := func(n int32) int32 {
		r := int32(math.Sqrt(float64(n)))
		for int64(r)*int64(r) > int64(n) {
			r--
		}
		for int64(r+1)*int64(r+1) <= int64(n) {
			r++
		}
		return r + 1
	}
	var ex []Example
	for _, n := range []int32{0, 1, 3, 4, 751789091} {
		ex = append(ex, Example{In: []int32{n}, Out: ref(n)})
	}
	if m := largePoints([][4]int32{{3}, {751789091}, {100}, {101}, {-101}, {-100}}, 1, 100_000); m != 0b11010 {
		t.Fatalf("largePoints = %b, want 11010", m)
	}
	r := Run(1, ex, Options{Deadline: time.Now().Add(30 * time.Second), Slack: -1, Extra: [][]int32{{2}, {10}, {99}}})
	if !r.Found {
		t.Fatalf("not found: %s after %d candidates, level %d", r.Stopped, r.Candidates, r.Level)
	}
	t.Logf("%s (cost %d) after %d candidates, level %d", r.Best.Term, r.Best.Cost, r.Candidates, r.Level)
	p, err := ir.Prepare(ir.Program{Arity: 1, Ops: r.Best.Ops})
	if err != nil {
		t.Fatal(err)
	}
	ins := []int32{100_000_000, 2_000_000_000, 46340*46340 - 1} // past it x² wraps
	for n := int32(0); n <= 3000; n++ {
		ins = append(ins, n)
	}
	for _, n := range ins {
		if got, err := p.Run([]int32{n}, ir.DefaultFuel); err != nil || got != ref(n) {
			t.Fatalf("%s(%d) = %d, %v; want %d", r.Best.Term, n, got, err, ref(n))
		}
	}
}
