package formula

// Requests over two to four operands, read after asked3_ops.go's and
// before asked2_ops.go's rules on operandForm's form (lead_ops.go):
//
//   - a sum of powers of the operands: "the sum of the squares of a, b and
//     c", "sum of the cubes of a and b", "the sum of the absolute values of
//     a and b";
//   - a count of operands with a property: "how many of a, b and c are
//     positive", "the number of even values among a, b and c" (the
//     properties of asked3_ops.go);
//   - the greatest common divisor of three or four operands: "the greatest
//     common divisor of a, b and c", "gcd of a, b, c and d" (two operands
//     are asked2_ops.go's; a least common multiple of three wraps on the
//     check's grid, so the check refuses it);
//   - a value held at a bound: "a minus b, but never less than zero", "a
//     plus b, at most 100", "the product of a and b, but not more than c"
//     (max / min of the value and the bound; the value is any phrase
//     a3OpValue reads);
//   - "the distance between a and b on the number line" as the distance
//     between a and b;
//   - operands alike in one respect: "a and b end in the same digit", "a
//     and b have the same last digit / sign" (as a 1-or-0 request).
//
// Each reading is one formula; operandCheck checks it on a grid of operand
// tuples against the exact evaluator like every other operand reading, and
// now lowers a power under a mod ("a^b mod 1000", "the last digit of a^b")
// by square and multiply first: log b steps, where the b steps of the
// plain loop ran out of fuel at b ~ 4*10^5.

import (
	"regexp"
	"strings"
)

var (
	reLeadSumPow = regexp.MustCompile(`^(?:sum|total) of (?:the )?(squares|cubes|fourth powers|absolute values) of ` + opList + `$`)
	reLeadCount  = regexp.MustCompile(`^(?:how many|(?:the )?number) of ` + opList + ` (?:are|is) ` + a3Adj + `$|^(?:how many|(?:the )?number of) ` + a3Adj + ` (?:values|numbers|ones|operands) (?:are there )?(?:among|in|of) ` + opList + `$`)
	reLeadGCD    = regexp.MustCompile(`^(?:gcd|greatest common divisor|highest common factor|greatest common factor) of ((?:[a-z], ){1,2}[a-z],? and [a-z])$`)
	reLeadBound  = regexp.MustCompile(`^(.+?),? (?:but )?(?:never|not) (less|lower|smaller|below|more|greater|larger|higher|above|bigger)(?: than)? ([a-z]|zero|-?\d+)$|^(.+?),? (?:but )?(at least|at most|no less than|no more than|capped at|floored at) ([a-z]|zero|-?\d+)$`)
	reLeadAlike  = regexp.MustCompile(`^([a-z]) and ([a-z]) (?:end (?:in|with) the same (?:last )?digit|have the same (last digit|final digit|units digit|sign))$`)
)

// leadOpsValue reads s (operandForm's) as one of the value phrases above,
// or nil.
func leadOpsValue(s string, parse func(string) *node) *node {
	if m := reLeadSumPow.FindStringSubmatch(s); m != nil {
		xs := reOpLetter.FindAllString(m[2], -1)
		terms := make([]string, len(xs))
		for i, x := range xs {
			switch m[1] {
			case "squares":
				terms[i] = x + "^2"
			case "cubes":
				terms[i] = x + "^3"
			case "fourth powers":
				terms[i] = x + "^4"
			default:
				terms[i] = "abs(" + x + ")"
			}
		}
		return parse(strings.Join(terms, " + "))
	}
	if m := reLeadCount.FindStringSubmatch(s); m != nil {
		// the groups: list, adj, k1, k2 (first form), adj, k1, k2, list
		list, adj, k := m[1], m[2], m[3]+m[4]
		if list == "" {
			list, adj, k = m[8], m[5], m[6]+m[7]
		}
		var ps []*node
		for _, l := range reOpLetter.FindAllString(list, -1) {
			p := a3Property(parse(l), adj, k)
			if p == nil {
				return nil
			}
			ps = append(ps, p)
		}
		return countTrue(ps) // asked3_ops.go
	}
	if m := reLeadGCD.FindStringSubmatch(s); m != nil {
		return parse("gcd(" + strings.Join(reOpLetter.FindAllString(m[1], -1), ", ") + ")")
	}
	if v, ok := strings.CutSuffix(s, " on the number line"); ok {
		return operandValue(v, parse) // "the distance between a and b on the number line"
	}
	if m := reLeadBound.FindStringSubmatch(s); m != nil {
		value, word, bound := m[1], m[2], m[3]
		if value == "" {
			value, word, bound = m[4], m[5], m[6]
		}
		if bound == "zero" {
			bound = "0"
		}
		x := a3OpValue(value, parse)
		b := parse(bound)
		if x == nil || b == nil {
			return nil
		}
		switch word {
		case "less", "lower", "smaller", "below", "at least", "no less than", "floored at":
			return call("max", x, b)
		default:
			return call("min", x, b)
		}
	}
	return nil
}

// leadOpsCond reads operands alike in one respect (1 or 0), or nil.
func leadOpsCond(s string, parse func(string) *node) *node {
	m := reLeadAlike.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	a, b := parse(m[1]), parse(m[2])
	if a == nil || b == nil {
		return nil
	}
	if m[3] == "sign" {
		sign := func(x *node) *node { return bin(kSub, and(gt(x, num(0)), num(1)), and(gt(num(0), x), num(1))) }
		return eq(sign(a), sign(b))
	}
	// the last digit as people write it: of |a|, so -12 ends in 2
	return eq(bin(kMod, call("abs", a), num(10)), bin(kMod, call("abs", b), num(10)))
}
