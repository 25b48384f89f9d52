package formula

// The member of a list nearest a bound (ops3), for any kind of number the
// list readers read (kindPredicate: "biquadratefree numbers", "powerful
// numbers", "odd squarefree numbers", "primes"), the comparison in
// symbols or in words (comparatives: "not greater than", "smaller than
// or equal to", "larger than"), and the bound any term ops3Operand reads:
//
//	Largest powerful number <= n.                 n - (least j >= 0: n - j powerful)
//	Smallest prime larger than n.                 n + (least j >= 1: n + j prime)
//	Greatest triangular number smaller than or equal to n^2.
//	n^2 minus the greatest triangular number smaller than or equal to n^2.  (as an operand)
//
// quant.go's near reads a fixed list of kinds with the symbols; this one
// reads the rest. The least x >= E (> E) of the kind is E + j for the
// least j >= 0 (>= 1) with E + j of the kind; the largest x <= E (< E)
// is E - j, the scan stopping where E - j < 0 (no term there). Where the
// kind does not say whether its first member is 0 or 1 ("squares"), each
// is a reading, offered only where the examples tell them apart.

import (
	"regexp"
	"strings"
)

// reOps3Near: "Smallest X > E", after comparatives (words as symbols).
var reOps3Near = regexp.MustCompile(`^(?i:(?:a\(n\) (?:is|=) )?(?:the )?(smallest|least|largest|greatest|biggest)) ([a-z][a-z -]*?) (<=|>=|<|>) (.+)$`)

// ops3Near reads the first sentence of text as "Smallest X > E".
func (c *collector) ops3Near(text string) {
	s := strings.TrimSpace(strings.TrimSuffix(firstSentence(text), "."))
	ys := ops3NearTerms(s)
	if len(ys) == 0 {
		return
	}
	c.addToldApart(s, ys, "ops3", false)
}

// ops3NearTerms is each reading of s as "Smallest X > E"; nil if none.
func ops3NearTerms(s string) []*node {
	m := reOps3Near.FindStringSubmatch(comparatives(s))
	if m == nil {
		return nil
	}
	least := strings.EqualFold(m[1], "smallest") || strings.EqualFold(m[1], "least")
	up := m[3][0] == '>'
	if up != least {
		return nil // "least prime <= E" names no sequence
	}
	strict := len(m[3]) == 1
	kind := strings.ToLower(m[2])
	plural := kind
	if !strings.HasSuffix(plural, "s") {
		plural += "s"
	}
	pred, lows, isKind := kindPredicate(plural)
	if !isKind || pred == nil {
		return nil
	}
	var out []*node
	for _, e := range ops3Operand(m[4]) {
		if e.uses("j_") {
			continue
		}
		for _, low := range lows {
			at := add(cloneNode(e), vr("j_"))
			if !least {
				at = sub(cloneNode(e), vr("j_"))
			}
			p := substitute(pred(), "x_", at)
			p = and(&node{k: kCmp, name: ">=", kids: []*node{cloneNode(at), num(low)}}, p)
			if !least {
				p = or(p, &node{k: kCmp, name: "<", kids: []*node{cloneNode(at), num(0)}})
			}
			lo := int64(0)
			if strict {
				lo = 1
			}
			j := nthAt(num(1), "j_", 1, lo, p)
			if least {
				out = append(out, add(cloneNode(e), j))
			} else {
				out = append(out, sub(cloneNode(e), j))
			}
		}
	}
	return out
}
