package formula

// The digital root of what the other readers read (ops3): of a term in n
// (ops3Operand: "n^2", "the n-th prime", "sigma(n)", "sum of divisors of
// n") or of each term of a sequence seqReadings reads ("squares",
// "Fibonacci numbers").
//
//	Digital root of n^2.                  1 + (n^2 - 1) mod 9, 0 at 0
//	Digital root of the n-th prime.
//	Digital root of the triangular numbers.
//
// The digital root of x >= 0 is 0 for x = 0, else 1 + (x - 1) mod 9 (the
// repeated digit sum); a term negative at some n = 0..scanN gives
// nothing. The exact check decides whether a program's wrapped arithmetic
// keeps the residue (2^n is reduced in log steps, a Fibonacci number past
// i32 is refused).

import (
	"regexp"
	"strings"
)

// reOps3DigitalRoot: "Digital root of X", "a(n) = digital root of X".
var reOps3DigitalRoot = regexp.MustCompile(`^(?i:(?:a\(n\) (?:is|=) )?(?:the )?(?:digital root|repeated digital sum|iterated digit sum)) of (.+)$`)

// ops3DigitalRoot reads the first sentence of text as a digital root.
func (c *collector) ops3DigitalRoot(text string) {
	s := strings.TrimSpace(strings.TrimSuffix(firstSentence(text), "."))
	m := reOps3DigitalRoot.FindStringSubmatch(s)
	if m == nil {
		return
	}
	xs := ops3Operand(m[1])
	if len(xs) == 0 {
		xs = seqReadings(m[1])
	}
	var ys []*node
	for _, x := range xs {
		if has(x, kTri) || !ops3NonNegative(x) {
			continue
		}
		dr := add(num(1), bin(kMod, sub(cloneNode(x), num(1)), num(9)))
		ys = append(ys, and(gt(cloneNode(x), num(0)), dr))
	}
	if len(ys) == 0 {
		return
	}
	c.addToldApart(s, ys, "ops3", false)
}

// ops3NonNegative reports whether x is >= 0 wherever it is defined at n
// = 0..scanN (and defined somewhere).
func ops3NonNegative(x *node) bool {
	v := evaluator{steps: scanSteps}
	any := false
	for n := int64(0); n <= scanN; n++ {
		r, err := v.eval(x, n)
		if err == errBudget {
			return any
		}
		if err != nil || !r.IsInt() {
			continue
		}
		if r.Sign() < 0 {
			return false
		}
		any = true
	}
	return any
}
