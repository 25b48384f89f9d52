package formula

// Terms listed from where the formula is first an integer: "a(n) =
// (prime(n)^4 - 1)/240" is an integer from prime(n) = 7 on, and its
// terms are listed from there, numbered from the data's offset (a(0) =
// 10 is the value at n = 4); "(Prime(prime(n))^2-1)/24" is 1/3 at n = 1
// and its a(1) = 1 is the value at n = 2. Seeded knows the terms; where
// no reading reproduces them as numbered, a reading whose exact value is
// no integer (or undefined) at every n from the first term's index up to
// s before it, and which reproduces every given term at n + s, is offered
// as f(n + s) ("start<s>[...]"). The shift is read from the formula, not
// guessed from the terms: the terms only confirm it.

import (
	"github.com/irsynth/irsynth/lib/ir"
)

// maxStartShift bounds the shift: the n at which a formula first gives
// an integer, counted from the first term's index.
const maxStartShift = 12

// keepForm records the formula of the candidate kept as expr.
func (c *collector) keepForm(expr string, x *node) {
	if c.forms == nil {
		c.forms = map[string]*node{}
	}
	c.forms[expr] = x
}

// shiftedStart adds, for terms no candidate reproduces as numbered, each
// candidate whose formula first gives an integer s (1..maxStartShift)
// past the first term's index and which reproduces every term at n + s,
// as its program at n + s.
func (c *collector) shiftedStart() {
	if c.seed == nil || len(c.seed.ys) < minShiftTerms || len(c.forms) == 0 {
		return
	}
	x0, ys := c.seed.x0, c.seed.ys
	if x0 < 0 || x0 > scanN {
		return
	}
	for _, cand := range c.out {
		if reproduces(cand.Ops, x0, ys) {
			return // a reading fits as the terms are numbered
		}
	}
	var add []Candidate
	for _, cand := range c.out {
		x := c.forms[cand.Expr]
		if x == nil {
			continue
		}
		s := firstInteger(x, x0)
		if s < 1 || s > maxStartShift || x0+s+int64(len(ys)) > scanN {
			continue
		}
		if !reproduces(cand.Ops, x0+s, ys) {
			continue
		}
		ops, ok := shiftOpsBy(cand.Ops, s)
		if !ok {
			continue
		}
		add = append(add, Candidate{Source: cand.Source, Ops: ops, Expr: "start" + itoa(s) + "[" + cand.Expr + "]"})
	}
	c.out = append(c.out, add...)
}

// firstInteger is how far past x0 the exact value of x is first an
// integer (0 at x0 itself); -1 if it is none up to x0 + maxStartShift or
// the evaluator cannot tell.
func firstInteger(x *node, x0 int64) int64 {
	v := evaluator{steps: scanSteps}
	for s := int64(0); s <= maxStartShift; s++ {
		r, err := v.eval(x, x0+s)
		switch {
		case err == errBudget:
			return -1
		case err == nil && r.IsInt():
			return s
		}
	}
	return -1
}

// shiftOpsBy is ops run at n + s: every SLOT_0 reads SLOT_0 + s (the
// program never writes its slot). False if that is past ir.MaxLength.
func shiftOpsBy(ops []ir.Op, s int64) ([]ir.Op, bool) {
	add := ir.AppendConst(nil, int32(s))
	out := make([]ir.Op, 0, len(ops)+8)
	for _, op := range ops {
		out = append(out, op)
		if op == ir.OpSlot0 {
			out = append(out, add...)
			out = append(out, ir.OpI32Add)
		}
	}
	if len(out) > ir.MaxLength || ir.Validate(ir.Program{Arity: 1, Ops: out}) != nil {
		return nil, false
	}
	return out, true
}
