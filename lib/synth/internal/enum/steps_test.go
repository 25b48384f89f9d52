package enum

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

// stepsTo is a native reference: the steps of x -> f(x) from n until x <= 1.
func stepsTo(n int32, f func(int32) int32) int32 {
	k := int32(0)
	for x := n; x > 1; x = f(x) {
		k++
	}
	return k
}

// halveOrInc: halve an even number, add 1 to an odd one (OEIS A061313's walk).
func halveOrInc(x int32) int32 {
	if x%2 == 0 {
		return x / 2
	}
	return x + 1
}

// TestStepsSearchFindsWalk: "steps of x -> x/2 if even else x+1 from n to
// 1" is while(cond(mod(x, 2), div(x, 2), x + 1), x - 1, n), cost 15, past
// what the main search reaches in seconds: the steps search finds it from
// ten terms, its IR right on n = 1..400 in the interpreter and on wazero
// (native reference), and since the main search did not reach its cost
// the answer is not complete (the caller asks, it does not claim).
func TestStepsSearchFindsWalk(t *testing.T) {
	ex := seqExamples(1, 10, func(n int32) int32 { return stepsTo(n, halveOrInc) })
	r := Run(1, ex, Options{Deadline: time.Now().Add(60 * time.Second), Extra: [][]int32{{11}, {12}, {13}, {14}}})
	if !r.Found {
		t.Fatalf("not found: %s, level %d, %d candidates", r.Stopped, r.Level, r.Candidates)
	}
	t.Logf("%s (cost %d), level %d, %d candidates, complete %v, rivals %d", r.Best.Term, r.Best.Cost, r.Level, r.Candidates, r.Complete, r.Rivals)
	if !strings.HasPrefix(r.Best.Term, "while(") || r.Best.Cost <= r.Level {
		t.Fatalf("%s (cost %d) at level %d: not the steps search's answer", r.Best.Term, r.Best.Cost, r.Level)
	}
	if r.Complete {
		t.Fatalf("an answer past the main search's level %d is called complete", r.Level)
	}
	ctx := context.Background()
	rt, err := wasmrt.New(ctx, wasmrt.Config{Fuel: ir.DefaultFuel})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close(ctx)
	p := ir.Program{Name: "walk", Arity: 1, Ops: r.Best.Ops}
	e, err := ir.Prepare(p)
	if err != nil {
		t.Fatal(err)
	}
	m, err := rt.Compile(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close(ctx)
	for n := int32(1); n <= 400; n++ {
		want := stepsTo(n, halveOrInc)
		got, err := e.Run([]int32{n}, ir.DefaultFuel)
		wz, werr := m.Call(ctx, n)
		if err != nil || got != want || werr != nil || wz != want {
			t.Fatalf("%s at %d: interpreter %d %v, wazero %d %v; want %d", r.Best.Term, n, got, err, wz, werr, want)
		}
	}
}

// stepsAlone runs the steps search by itself up to cost maxCost.
func stepsAlone(t *testing.T, arity int, ex []Example, maxCost int) *stepSearch {
	t.Helper()
	s := &searcher{opt: Options{Deadline: time.Now().Add(30 * time.Second), PoolLimit: 1_000_000, Slack: 1, MaxCost: maxCost, Fuel: 100_000},
		c: Uniform(), t: &Terms{}, arity: arity, nex: len(ex), splits: map[[2]int][][]int{}}
	st := newSteps(s, ex)
	if st == nil {
		return nil
	}
	defer st.close()
	st.advance(s, -1, 1000, time.Now(), ex) // as if it had an answer: no share
	if s.stopped != "" {
		t.Fatalf("stopped: %s", s.stopped)
	}
	return st
}

// TestStepsSearchAlone: the halving walk's count ("bits of n", cost 8)
// from n = 1..10 alone, cheapest first; and what is not a count of steps
// is refused: a negative output, every output 0, two operands, or one
// count off by one in the halve-or-add-1 walk's counts of 1..10, which
// are found by cost 15 unchanged (no step function of cost up to 16 fits
// the changed ones, so nothing is answered).
func TestStepsSearchAlone(t *testing.T) {
	half := func(x int32) int32 { return x / 2 }
	st := stepsAlone(t, 1, seqExamples(1, 10, func(n int32) int32 { return stepsTo(n, half) }), 9)
	if len(st.answers) == 0 {
		t.Fatal("the halving count is not found")
	}
	a := st.answers[0]
	ops, err := Lower(st.sub.t, a.id, 1)
	if err != nil {
		t.Fatal(err)
	}
	for n := int32(1); n <= 300; n++ {
		got, err := ir.Interpret(ir.Program{Arity: 1, Ops: ops}, []int32{n}, ir.DefaultFuel)
		if want := stepsTo(n, half); err != nil || got != want {
			t.Fatalf("%s at %d = %d, %v; want %d", a.Term, n, got, err, want)
		}
	}
	walk := seqExamples(1, 10, func(n int32) int32 { return stepsTo(n, halveOrInc) })
	if st := stepsAlone(t, 1, walk, 15); len(st.answers) == 0 {
		t.Fatal("the halve-or-add-1 walk is not found by cost 15")
	}
	walk[6].Out++
	if st := stepsAlone(t, 1, walk, 16); st == nil || len(st.answers) > 0 {
		t.Fatalf("off-by-one walk counts: %v", st.answers)
	}
	for name, ex := range map[string][]Example{
		"negative": {{[]int32{1}, 0}, {[]int32{2}, -1}},
		"all zero": {{[]int32{1}, 0}, {[]int32{2}, 0}},
		"arity 2":  {{[]int32{1, 2}, 1}, {[]int32{3, 4}, 2}},
	} {
		if st := stepsAlone(t, len(ex[0].In), ex, 12); st != nil {
			t.Errorf("%s: a steps search was made", name)
		}
	}
}

// TestStepsMerge: the steps search's answers go among the main search's
// by cost, a term both found once.
func TestStepsMerge(t *testing.T) {
	st := &stepSearch{answers: []Answer{{Term: "a", Cost: 5}, {Term: "b", Cost: 7}}}
	got := st.merge([]Answer{{Term: "c", Cost: 4}, {Term: "a", Cost: 5}, {Term: "d", Cost: 6}})
	var terms []string
	for _, a := range got {
		terms = append(terms, a.Term)
	}
	if strings.Join(terms, " ") != "c a d b" {
		t.Fatalf("merged %v", terms)
	}
}
