package formula

// Formulas whose text counts n from 1 while the terms count from 0: many
// OEIS entries state "a(n) = prime(4*n-3)" for n >= 1, yet their terms
// are listed from a(0) = 2 (the data's offset is 0). Seeded knows the
// terms; where no reading reproduces them, a reading that does at n + 1
// for every given term is offered as f(n + 1).

import (
	"github.com/irsynth/irsynth/lib/ir"
)

// minShiftTerms is the fewest terms a shifted reading must reproduce: it
// is a second reading of the text, so the terms must leave no doubt.
const minShiftTerms = 8

// shifted adds, for terms from a(0) that no candidate reproduces, each
// candidate that reproduces all of them at n + 1, as a program of n + 1
// (its formula was checked against the exact evaluator for n = 0..scanN,
// so the shifted program is for n = 0..scanN-1).
func (c *collector) shifted() {
	if c.seed == nil || c.seed.x0 != 0 || len(c.seed.ys) < minShiftTerms {
		return
	}
	ys := c.seed.ys
	for _, cand := range c.out {
		if reproduces(cand.Ops, 0, ys) {
			return // a reading fits as the text counts
		}
	}
	var add []Candidate
	for _, cand := range c.out {
		if !reproduces(cand.Ops, 1, ys) {
			continue
		}
		ops, ok := shiftOps(cand.Ops)
		if !ok {
			continue
		}
		add = append(add, Candidate{Source: cand.Source, Ops: ops, Expr: "shift1[" + cand.Expr + "]"})
	}
	c.out = append(c.out, add...)
}

// shiftOps is ops run at n + 1: every SLOT_0 reads SLOT_0 + 1 (the
// program never writes its slot). False if that is past ir.MaxLength.
func shiftOps(ops []ir.Op) ([]ir.Op, bool) {
	out := make([]ir.Op, 0, len(ops)+8)
	for _, op := range ops {
		out = append(out, op)
		if op == ir.OpSlot0 {
			out = append(out, ir.OpConst1, ir.OpI32Add)
		}
	}
	if len(out) > ir.MaxLength || ir.Validate(ir.Program{Arity: 1, Ops: out}) != nil {
		return nil, false
	}
	return out, true
}
