package formula

// Sums named in words:
//
//	Sum of first n semiprimes.            the n first terms of a list
//	Sum of first n primes of form 4k+1.
//	Sum of odd divisors of n that are greater than 1.
//	Sum of proper divisors of n of the form 3k+1.
//	Sum of the divisors of n which are not divisible by 9.

import (
	"regexp"
	"strings"
)

var (
	reSumFirst = regexp.MustCompile(`^(Sum|Product) of (?:the )?first n (.+?)\s*\.?$`)
	reSumDiv   = regexp.MustCompile(`^Sum of (?:the )?(odd |even |proper |squarefree |prime )?divisors(?: ([a-mo-z]))? of n(?: (?:such that|for which|with) (.+?)| (?:that|which) are (.+?)| (?:of the form|of form) (.+?)| (<=|<|>=|>) (.+?))?\s*\.?$`)
	// "primes of form 4k+1", "primes congruent to 1 mod 4": a kind and its condition
	reKindCond = regexp.MustCompile(`^(.+?) ((?:of the form|of form|congruent to) .+)$`)
)

// sumFirst: Sum (or Product) over the first n terms of a list (from 1) =
// Sum_{x = lo .. the n-th term} of x where x passes (one pass, not n).
func (c *collector) sumFirst(s string) {
	m := reSumFirst.FindStringSubmatch(s)
	if m == nil {
		return
	}
	kind, cond := strings.ToLower(m[2]), ""
	if k := reKindCond.FindStringSubmatch(kind); k != nil {
		kind, cond = k[1], k[2]
	}
	var pred *node
	lo := int64(1)
	if g, ok := generators[kind]; ok {
		switch {
		case g.prime:
			pred, lo = un(kIsPrime, vr("x_")), 2
		case g.prop != nil:
			pred = g.prop()
		default:
			return // "first n numbers": no list
		}
	} else if f := moreAdjective(strings.TrimSuffix(kind, "s")); f != nil {
		pred = f(vr("x_")) // "6-almost primes"
	} else {
		return
	}
	if cond != "" {
		q := predicate("x is "+strings.Replace(cond, "of form", "of the form", 1), "x", false)
		if q == nil {
			return
		}
		pred = and(pred, q)
	}
	last := nthOf("x_", 1, lo, pred)
	if m[1] == "Sum" {
		c.add(s, &node{k: kSum, name: "x_", kids: []*node{num(lo), last, bin(kAnd, pred, vr("x_"))}})
		return
	}
	// a product: x where x passes, else 1
	c.add(s, &node{k: kProd, name: "x_", kids: []*node{num(lo), last, add(num(1), bin(kAnd, pred, sub(vr("x_"), num(1))))}})
}

// sumDivisors: Sum_{d|n} d over the divisors d with a property.
func (c *collector) sumDivisors(s string) {
	m := reSumDiv.FindStringSubmatch(s)
	if m == nil {
		return
	}
	if pred := sumDivPred(m); pred != nil {
		c.add(s, &node{k: kSumDiv, name: "x_", kids: []*node{vr("n"), bin(kAnd, pred, vr("x_"))}})
	}
}

// sumDivPred is the property (over x_) of the divisors reSumDiv's match m
// names, or nil: none, or one not read ("Sum of divisors of n": sigma,
// read elsewhere).
func sumDivPred(m []string) *node {
	v := divisorVar(m[2])
	pred := divisorCondition(v, m[3], m[4], func() *node {
		switch {
		case m[5] != "":
			return predReader{v: v, freeN: true}.is(v, "of the form "+m[5])
		case m[6] != "":
			return predReader{v: v, freeN: true}.read(v+" "+m[6]+" "+m[7], 0)
		}
		return nil
	})
	if m[3]+m[4]+m[5]+m[6] != "" && (pred == nil || !pred.uses("x_")) {
		return nil
	}
	d := vr("x_")
	and := func(a, b *node) *node { // b may be nil: no condition
		if b == nil {
			return a
		}
		return bin(kAnd, a, b)
	}
	switch m[1] {
	case "odd ":
		pred = and(property("odd"), pred)
	case "even ":
		pred = and(property("even"), pred)
	case "proper ":
		pred = and(&node{k: kCmp, name: "<", kids: []*node{d, vr("n")}}, pred)
	case "squarefree ":
		pred = and(property("squarefree"), pred)
	case "prime ":
		pred = and(un(kIsPrime, d), pred)
	}
	return pred
}
