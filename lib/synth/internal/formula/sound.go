package formula

// Honesty of the scan (scan.go): the exact evaluator gives no value at an
// n where the formula is undefined (a division by zero, prime(0), a
// non-integer exponent or argument) or is not an integer, and the scan
// used to pass over such an n as if it agreed. A program was then offered
// after being compared with its formula at only some n: "3^(n/2)" at the
// even n alone, "n/2" (which the program truncates) at the even n alone.
//
// The scan now records every n it passes over this way, and a reading is
// refused where one lies at n >= skipFloor, inside the range its check
// claims to cover. Below skipFloor a formula's domain may not have begun
// (1/n at n = 0, prime(n-1) at n = 0 and 1, "(prime(n)^4 - 1)/240" an
// integer from n = 4 on, a reading whose terms start later, fuel2_shift.go):
// those n are the first ten terms of a sequence counted from 0 or 1, and
// lib/synth offers a candidate only where it reproduces every one of its
// examples, the first ten terms, so no point there goes unchecked. Points
// the evaluator passed over only because a value is irrational are now
// evaluated exactly where they can be (sound_root.go: rational powers,
// floor, ceiling and round of formulas with them, such as 3^(n/2)), so a
// right reading is kept and a wrong one is seen to be wrong. A scan cut
// short by its budget, accepted for the n it never ran by extrapolating
// its fuel (scan.go: finishes), is refused where the formula has no term
// at the n past its last run that partsFit looks at (tailWhy).
//
// No other check of the package passes over an n it runs for want of an
// exact value: count.go, parts.go, the combinatorial counts (checkParts),
// series.go, memrec.go (memTerms) and decimal_read.go refuse a reading
// whose exact value is missing at an n they check (parts_list.go and
// decimal_read.go pass over only the n below a list's or a constant's
// first index), and conditionals ("[P] and X") evaluate X only where P
// holds, a guard by construction.

import (
	"fmt"

	"github.com/irsynth/irsynth/lib/ir"
)

// skipFloor is the least n where the scan may not pass over a point: n
// below it are among the first ten terms of a sequence counted from 0 or
// 1, which lib/synth checks every candidate on.
const skipFloor = 10

// skipAudit, where set (TestSoundAudit, -oeis.skips), is told of every
// scan that passed over a point and otherwise agreed, and whether the
// points refused it.
var skipAudit func(x *node, ops []ir.Op, skips []skipPoint, refused bool)

// soundCheck, true but in TestMeasureOEIS -oeis.unsound (to measure what
// it changes), refuses readings for the points passed over and evaluates
// rational powers exactly (sound_root.go).
var soundCheck = true

// skipPoint is an n the scan passed over, and why.
type skipPoint struct {
	n   int64
	why string // "undefined" or "not an integer"
}

// skipAt records that the scan passed over n (err from the evaluator, or
// r not an integer).
func (s *scan) skipAt(n int64, err error) {
	why := "not an integer"
	if err != nil {
		why = "undefined"
	}
	s.skips = append(s.skips, skipPoint{n, why})
}

// soundWhy is the scan's verdict why ("" accepted) once the points it
// passed over are counted: one at n >= skipFloor refuses the reading.
func (s *scan) soundWhy(why string) string {
	if why != "" || !soundCheck {
		return why
	}
	for _, p := range s.skips {
		if p.n >= skipFloor {
			why = fmt.Sprintf("skipped n=%d (%s) inside the range checked", p.n, p.why)
			break
		}
	}
	if why == "" && s.cut != "" {
		why = s.tailWhy()
	}
	if skipAudit != nil && (len(s.skips) > 0 || why != "") {
		skipAudit(s.x, s.ops, s.skips, why != "")
	}
	if denseAudit != nil && why == "" {
		denseAudit(s.x, s.ops)
	}
	return why
}

// denseAudit, where set (TestSoundAudit, -oeis.dense), is told of every
// program the scan accepted, to compare it with its formula at every n
// the scan's sparse steps left out.
var denseAudit func(x *node, ops []ir.Op)

// tailWhy is why a scan cut short (accepted by finishes, which
// extrapolates its fuel to scanN) is refused for the n it never reached:
// "" unless the formula is undefined or no integer at one of the n
// partsFit looks at between the last n run and scanN, or the program
// runs out of ir.DefaultFuel at the last of them where the formula's
// value fits i32 (the extrapolation can miss: a recurrence whose terms
// it factors grows its cost with their size, not with n). The program is
// offered as computing the formula up to scanN, so the formula must have
// a term there and the program must reach it. A value past i32 ends the
// look (the checks stop there); an evaluation out of budget tells
// nothing, as in partsFit.
func (s *scan) tailWhy() string {
	v := evaluator{steps: scanSteps, memo: s.v.memo}
	last := int64(-1) // the last n looked at whose value fits i32
loop:
	for i := int64(1); i <= 4; i++ {
		n := s.lastN + i*(scanN-s.lastN)/4
		r, err := v.eval(s.x, n)
		switch {
		case err == errUndefined || err == nil && !r.IsInt():
			if n >= skipFloor {
				p := skipPoint{n, "not an integer"}
				if err != nil {
					p.why = "undefined"
				}
				s.skips = append(s.skips, p)
				return fmt.Sprintf("cut (%s); past it n=%d (%s)", s.cut, n, p.why)
			}
		case err == nil && (!r.Num().IsInt64() || r.Num().Int64() != int64(int32(r.Num().Int64()))):
			break loop
		case err == nil:
			last = n
		}
	}
	if last > s.lastN {
		if _, err := s.e.Run([]int32{int32(last)}, ir.DefaultFuel); err != nil {
			return fmt.Sprintf("cut (%s); past it at n=%d: %v", s.cut, last, err)
		}
	}
	return ""
}
