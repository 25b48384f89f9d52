package synth

import (
	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/synth/internal/fit"
)

// pointCandidates are the small linear recurrences (fit.Points) through a
// one-operand task whose examples are a run of first terms a(x0),
// a(x0+1), ... (at least three) and values further on, as a person gives
// them ("0, 0, 1, 1, and a(21) = 66012"): one candidate per behaviour
// that reproduces every example. A task whose examples are all
// consecutive gets none (its closed forms are quickCandidates').
func pointCandidates(t Task) []candidate {
	if t.Arity() != 1 || len(t.Examples) < 4 {
		return nil
	}
	ex, run := firstRun(t)
	x0 := int64(ex[0].Inputs[0])
	if x0 < 0 || run < 3 || run == len(ex) {
		return nil
	}
	ys := make([]int64, run)
	for i := range ys {
		ys[i] = int64(ex[i].Output)
	}
	var later []fit.Point
	for _, e := range ex[run:] {
		later = append(later, fit.Point{X: int64(e.Inputs[0]), Y: int64(e.Output)})
	}
	var out []candidate
	for _, m := range fit.Points(x0, ys, later) {
		c := candidate{source: "fit", method: m.Method, formula: m.Formula, ops: m.Ops, used: m.Used, surplus: m.Surplus}
		if check(ir.Program{Name: "fit", Arity: 1, Ops: c.ops}, t) == nil {
			out = append(out, c)
		}
	}
	probeAll(t, out)
	return out
}
