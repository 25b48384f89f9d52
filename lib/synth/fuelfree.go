package synth

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
)

// A formula read from a request is often lowered the way the text says
// it: "sum of the first n odd numbers" as a loop over the odd numbers up
// to the n-th, right wherever it runs, but out of fuel past n = 40,000,
// where a person would still expect an answer. When the formula's program
// runs out of fuel at one of fuelProbes (an input the examples do not
// reach), the search looks for a program that agrees with the formula on
// the examples and on the formula's own values at oracleInputs, and that
// finishes at every probe; one it calls solved replaces the formula's
// program. The formula is the oracle, so the replacement computes the
// same function on every input both finish on; when the search finds
// none, the formula's answer stands as it was.

// fuelProbes are the inputs a one-operand formula program must finish on
// before it is kept without looking for a cheaper one.
var fuelProbes = []int32{100_000, 1_000_000}

// cheaperBudget bounds that search: the formula's answer is already in
// hand, and most fuel-hungry formulas (the n-th prime, Fibonacci numbers
// far past i32) have no cheaper program to find.
const cheaperBudget = 2 * time.Second

// oracleInputs are the inputs where the formula's values join the
// examples, those not below the smallest example (where a reading
// checked from n = 1 on may be undefined): spread out (never a run of
// consecutive inputs, which would make the task a sequence), small and
// large.
var oracleInputs = []int32{0, 1, 2, 5, 9, 14, 23, 37, 61, 98, 157, 400, 1013, 4099, 10007}

// fuelHungry reports whether p runs out of fuel on one of fuelProbes.
func fuelHungry(p ir.Program) bool {
	for _, n := range fuelProbes {
		if _, err := ir.Interpret(p, []int32{n}, RunFuel); errors.Is(err, ir.ErrFuelExhausted) {
			return true
		}
	}
	return false
}

// cheaperEquivalent searches, until deadline (at most cheaperBudget), for a program that computes
// formula program f on the examples and at oracleInputs and finishes on
// every fuel probe. ok is false when there is none it would call solved.
func cheaperEquivalent(ctx context.Context, t Task, name string, f ir.Program, deadline, start time.Time, opt Options) (Result, bool) {
	if t.Arity() != 1 || time.Until(deadline) <= 0 {
		return Result{}, false
	}
	t2 := Task{Name: t.Name, Text: t.Text, Offset: t.Offset, Examples: slices.Clone(t.Examples)}
	lo := t.Examples[0].Inputs[0]
	for _, e := range t.Examples {
		lo = min(lo, e.Inputs[0])
	}
	for _, n := range oracleInputs {
		if n < lo {
			continue // below the examples the formula's program may be undefined: no oracle there
		}
		if slices.ContainsFunc(t2.Examples, func(e Example) bool { return e.Inputs[0] == n }) {
			continue
		}
		v, err := ir.Interpret(f, []int32{n}, RunFuel)
		if err != nil {
			continue // the formula is undefined or too costly there: no oracle value
		}
		t2.Examples = append(t2.Examples, Example{Inputs: []int32{n}, Output: v})
	}
	if len(t2.Examples) < len(t.Examples)+4 {
		return Result{}, false // too few values to pin the formula down
	}
	if _, _, seq := isSequence(t2); seq {
		return Result{}, false // cannot happen with oracleInputs spread out
	}
	if d := time.Now().Add(cheaperBudget); d.Before(deadline) {
		deadline = d
	}
	r, err := search(ctx, t2, name, deadline, start, opt)
	if err != nil || !r.Found {
		return Result{}, false
	}
	res, err := searchAnswer(ctx, t2, name, r, Result{Name: t.Name, Guided: opt.Guide != nil}, start, opt)
	if err != nil || res.Status != StatusSolved {
		return Result{}, false
	}
	p := res.IR()
	for _, n := range fuelProbes {
		got, err := ir.Interpret(p, []int32{n}, RunFuel)
		if err != nil {
			return Result{}, false
		}
		if want, err := ir.Interpret(f, []int32{n}, RunFuel); err == nil && want != got {
			return Result{}, false
		}
	}
	if check(p, t) != nil {
		return Result{}, false
	}
	res.Candidates, res.Level, res.Stopped = r.Candidates, r.Level, r.Stopped
	return res, true
}
