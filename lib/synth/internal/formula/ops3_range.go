package formula

// The sum, the product or the number of the members of a list in a range
// (ops3), for any kind of number the list readers read (kindPredicate):
//
//	Sum of all primes <= n.                       Sum_{x=2..n} [x prime]*x
//	Product of the squarefree numbers < 2n.       Product_{x=1..2n-1} (x if squarefree, else 1)
//	Number of primes between n^2 and (n+1)^2.     Sum_{x=n^2..(n+1)^2} [x prime]
//	Sum of the semiprimes in the interval [n, 2n).
//	Number of primes p with n < p <= 2n.
//
// The bounds are expressions in n (parseWhole), the comparisons in words
// or symbols (comparatives). "Between A and B" does not say whether A and
// B count: both readings are built (A..B and A+1..B-1) and offered only
// where the examples tell them apart (toldApart; where they agree at
// every n the first is kept). A kind that does not say whether 0 or 1 is
// its first member ("squares") is read from each. count_list.go reads
// "Number of X <= B"; this file the sums, products and ranges.

import (
	"regexp"
	"strings"
)

var (
	// "Sum of all primes <= n", "Product of the semiprimes p < 2^n"
	reOps3UpTo = regexp.MustCompile(`^(?i:(?:a\(n\) (?:is|=) )?(?:the )?(sum|product)) of (?:all )?(?:the )?([a-z][a-z -]*?)(?: ([a-mo-z]))? (<=|<) (.+)$`)
	// "Number of primes between n and 2n", "Sum of squares strictly between 2^n and 2^(n+1)"
	reOps3Between = regexp.MustCompile(`^(?i:(?:a\(n\) (?:is|=) )?(?:the )?(sum|product|number)) of (?:all )?(?:the )?([a-z][a-z -]*?)(?: ([a-mo-z]))? (strictly )?between (.+)$`)
	// "Number of primes in the interval [n, 2n)", "... in [n+1, 2n]"
	reOps3Interval = regexp.MustCompile(`^(?i:(?:a\(n\) (?:is|=) )?(?:the )?(sum|product|number)) of (?:all )?(?:the )?([a-z][a-z -]*?) in (?:the (?:closed |open |half-open )?interval )?([\[(])([^,\[\]()]+(?:\([^()]*\)[^,\[\]()]*)*), ?(.+)([\])])$`)
	// "Number of primes p with n < p <= 2n", "Sum of primes p such that n^2 < p < (n+1)^2"
	reOps3Letter = regexp.MustCompile(`^(?i:(?:a\(n\) (?:is|=) )?(?:the )?(sum|product|number)) of (?:all )?(?:the )?([a-z][a-z -]*?) ([a-mo-z]),? (?:with|such that|where|for which) (.+?) (<=|<) ([a-mo-z]) (<=|<) (.+)$`)
)

// ops3Ranges reads the first sentence of text as one of the forms above.
func (c *collector) ops3Ranges(text string) {
	s := strings.TrimSpace(strings.TrimSuffix(firstSentence(text), "."))
	t := comparatives(s)
	var op, list string
	var ranges [][2]*node // each reading of the range: lo, hi (inclusive)
	switch {
	case reOps3Letter.MatchString(t):
		m := reOps3Letter.FindStringSubmatch(t)
		if m[3] != m[6] {
			return
		}
		a, okA := parseWhole(m[4], []string{"n"})
		b, okB := parseWhole(m[8], []string{"n"})
		if !okA || !okB || !a.uses("n") && !b.uses("n") {
			return
		}
		op, list = m[1], m[2]
		ranges = append(ranges, [2]*node{ops3Lo(a, m[5] == "<"), ops3Hi(b, m[7] == "<")})
	case reOps3Interval.MatchString(t):
		m := reOps3Interval.FindStringSubmatch(t)
		a, okA := parseWhole(m[4], []string{"n"})
		b, okB := parseWhole(m[5], []string{"n"})
		if !okA || !okB || !a.uses("n") && !b.uses("n") {
			return
		}
		op, list = m[1], m[2]
		ranges = append(ranges, [2]*node{ops3Lo(a, m[3] == "("), ops3Hi(b, m[6] == ")")})
	case reOps3Between.MatchString(t):
		m := reOps3Between.FindStringSubmatch(t)
		op, list = m[1], m[2]
		rest := m[5]
		for i := 0; ; {
			j := strings.Index(rest[i:], " and ")
			if j < 0 {
				break
			}
			l, r := rest[:i+j], rest[i+j+len(" and "):]
			i += j + len(" and ")
			a, okA := parseWhole(l, []string{"n"})
			b, okB := parseWhole(r, []string{"n"})
			if !okA || !okB || !a.uses("n") && !b.uses("n") {
				continue
			}
			if m[4] == "" { // both ends counted: a reading
				ranges = append(ranges, [2]*node{ops3Lo(a, false), ops3Hi(b, false)})
			}
			ranges = append(ranges, [2]*node{ops3Lo(a, true), ops3Hi(b, true)})
		}
	case reOps3UpTo.MatchString(t):
		m := reOps3UpTo.FindStringSubmatch(t)
		b, ok := parseWhole(m[5], []string{"n"})
		if !ok || !b.uses("n") {
			return
		}
		op, list = m[1], m[2]
		ranges = append(ranges, [2]*node{nil, ops3Hi(b, m[4] == "<")})
	default:
		return
	}
	if len(ranges) == 0 {
		return
	}
	pred, lows, kind := kindPredicate(strings.ToLower(list))
	if !kind || pred == nil {
		c.note("ops3", "no kind read from "+list)
		return
	}
	op = strings.ToLower(op)
	var ys []*node
	for _, rg := range ranges {
		for _, low := range lows {
			x := vr("x_")
			p := and(&node{k: kCmp, name: ">=", kids: []*node{x, num(low)}}, pred())
			lo := num(low)
			if rg[0] != nil {
				lo = cloneNode(rg[0])
			}
			var body *node
			k := kSum
			switch op {
			case "sum":
				body = and(p, vr("x_"))
			case "number":
				body = p
			case "product":
				body = add(num(1), and(p, sub(vr("x_"), num(1))))
				k = kProd
			}
			ys = append(ys, &node{k: k, name: "x_", kids: []*node{lo, cloneNode(rg[1]), body}})
		}
	}
	ys, ok := toldApart(ys)
	if !ok {
		c.note("ops3", "readings differ past the examples")
		return
	}
	for _, y := range ys {
		c.addOrTable(s, y)
	}
}

// ops3Lo is the least integer x with x >= a (x > a where strict).
func ops3Lo(a *node, strict bool) *node {
	if strict {
		return add(un(kFloor, a), num(1))
	}
	return un(kCeil, a)
}

// ops3Hi is the largest integer x with x <= b (x < b where strict).
func ops3Hi(b *node, strict bool) *node {
	if strict {
		return sub(un(kCeil, b), num(1))
	}
	return un(kFloor, b)
}
