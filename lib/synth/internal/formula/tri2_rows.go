package formula

// Irregular triangles whose row n lists a kind of divisor of n: "Irregular
// triangle read by rows where row n lists the semiprime divisors of n",
// "row n lists the odd divisors of n in decreasing order", "... the
// divisors d of n such that d+1 is prime", "... the distinct prime factors
// of n". Row n (from 1) has as many entries as n has such divisors (none:
// no row); its entries in increasing order, or decreasing where the text
// says. All the divisors of n are triangle_rows.go's reDivRows; prime
// factors with multiplicity are left alone unless the text says "distinct"
// (the words "prime factors" do not say which).

import (
	"regexp"
	"strings"
)

// reRowLists: the kind of divisor, and the order.
var reRowLists = regexp.MustCompile(`(?i)^(?:irregular )?(?:triangle|triangular array|table)(?:,? read by rows,?)?(?::| in which| where| whose)? (?:the )?(?:row|n-th row) n (?:lists|contains|gives|consists of) (?:the |all )?(.+? of n(?: .+?)??)(?:,? in (increasing|decreasing|ascending|descending) order)?\.?$`)

// rowDivisorKinds: adjectives of a divisor d of n that reSumDiv does not
// name, over x_ (d) and n.
var rowDivisorKinds = map[string]func() *node{
	"semiprime": func() *node { return eq(call("bigomega", vr("x_")), num(2)) },
	"composite": func() *node { return property("composite") },
	"nonprime":  func() *node { return property("nonprime") },
	"square":    func() *node { return divisorAdjectives["square"](vr("x_")) },
	"unitary":   func() *node { return divisorAdjectives["unitary"](vr("x_")) },
}

// rowLists reads the texts above.
func (c *collector) rowLists(text string) {
	m := reRowLists.FindStringSubmatch(firstSentence(text))
	if m == nil {
		return
	}
	pred := rowDivisors(m[1])
	if pred == nil {
		return
	}
	// cnt(x) = #{e in 1..x : e | r and P(e)}; the (j+1)-th smallest is
	// 1 + #{d in 1..r : cnt(d) <= j}
	p := substitute(rename(pred, "n", "r_"), "x_", vr("e_"))
	cnt := func(x *node) *node {
		return &node{k: kSum, name: "e_", kids: []*node{num(1), x, bin(kAnd, eq(bin(kMod, vr("r_"), vr("e_")), num(0)), p)}}
	}
	length := cnt(vr("r_"))
	j := vr("c_")
	if o := strings.ToLower(m[2]); o == "decreasing" || o == "descending" {
		j = bin(kSub, bin(kSub, length, num(1)), vr("c_"))
	}
	nth := bin(kAdd, num(1), &node{k: kSum, name: "d_", kids: []*node{num(1), vr("r_"),
		&node{k: kCmp, name: "<=", kids: []*node{cnt(vr("d_")), j}}}})
	for _, y := range rowReadings([]int64{1}, 0, nth, length) {
		c.add(firstSentence(text), y)
	}
}

// rowDivisors is the condition on divisor x_ of n that a phrase "odd
// divisors of n", "semiprime divisors of n", "divisors d of n such that
// d+1 is prime", "distinct prime factors of n" names; nil for all the
// divisors (reDivRows) or a phrase it does not read.
func rowDivisors(s string) *node {
	if q := reSumDiv.FindStringSubmatch("Sum of " + s); q != nil {
		return sumDivPred(q) // nil: every divisor, or a condition not read
	}
	if adj, rest, ok := strings.Cut(s, " "); ok && rowDivisorKinds[strings.ToLower(adj)] != nil {
		q := reSumDiv.FindStringSubmatch("Sum of " + rest)
		if q == nil || q[1] != "" {
			return nil
		}
		pred := sumDivPred(q)
		if pred == nil && strings.Join(q[2:], "") != "" {
			return nil
		}
		kind := rowDivisorKinds[strings.ToLower(adj)]()
		if pred == nil {
			return kind
		}
		return bin(kAnd, kind, pred)
	}
	if p := rePrimesDividing.FindStringSubmatch(s); p != nil && p[2] == "" {
		pred := un(kIsPrime, vr("x_"))
		if p[1] != "" {
			pred = bin(kAnd, property("odd"), pred)
		}
		return pred
	}
	return nil
}
