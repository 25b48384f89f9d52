package formula

// Counting functions of lists: "Number of squarefree numbers <= n",
// "Number of primes p < 2^n", "Number of triangular numbers not exceeding
// n", "Number of numbers k <= n^2 such that k^2 + 1 is prime". The list is
// whatever the other readers read from "LIST." alone (phrases: named
// lists, lists named by a condition or a kind of number). A list read as
// the n-th x >= lo passing a predicate counts the x in lo..B that pass; a
// list read as a formula f(k) counts the k >= k0 with f(k) <= B, the
// least k with f(k) > B less k0, offered only where f increases strictly
// from k0 (k0 = 0 and 1 both tried) past every bound up to n = 100. The
// readings that differ must differ at some n in 1..lastSeen (the examples
// tell them apart), else none is offered.

import (
	"math/big"
	"regexp"
	"strings"
)

// reCountUpTo: "Number of LIST [letter] REL BOUND."
var reCountUpTo = regexp.MustCompile(`^(?:Total )?[Nn]umber of (?:the )?(.+?)(?: ([a-mo-z]))? (<=|<|≤|less than or equal to|less than|not exceeding|not greater than|not larger than|not more than|at most|up to|below) ([^,;]+?)\s*\.?\s*$`)

// rePrimeTuples: "Number of sexy prime pairs (p, p+6) with p <= n",
// "Number of prime triples (p, p+2, p+6) with p < 10*n".
var rePrimeTuples = regexp.MustCompile(`^(?:Total )?[Nn]umber of (?:[a-z]+ )?prime (?:pairs|triples|triplets|quadruples|quadruplets|quintuplets|tuples) \(([a-z])((?:\s*,\s*[^,()]+)+)\)(?: of primes)?,? (?:with|such that|where) ([a-z]) (<=|<|≤) ([^,;]+?)\s*\.?\s*$`)

// countPrimeTuples reads s as a count of prime tuples by their least
// member; it reports whether s had that shape.
func (c *collector) countPrimeTuples(s string) bool {
	m := rePrimeTuples.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	v := m[1]
	if m[3] != v {
		return true
	}
	pred := un(kIsPrime, vr(v))
	for _, part := range strings.Split(m[2], ",")[1:] {
		e, ok := parseWhole(part, []string{v})
		if !ok || !e.uses(v) || !linearIn(e, v) {
			return true
		}
		pred = and(pred, un(kIsPrime, e))
	}
	B, ok := parseWhole(m[5], []string{"n"})
	if !ok || !B.uses("n") {
		return true
	}
	if m[4] == "<" {
		B = sub(un(kCeil, B), num(1))
	} else {
		B = un(kFloor, B)
	}
	c.add(s, &node{k: kSum, name: "x_", kids: []*node{num(2), B, rename(pred, v, "x_")}})
	return true
}

// reAdjDivisors: "Number of squarefree divisors of n", "Number of
// triangular divisors of n^2 + 1".
// "Number of powerful divisors d of n such that n/d is also powerful"
// (the condition on d: m[4]).
var reAdjDivisors = regexp.MustCompile(`^(?:Total )?[Nn]umber of ([a-z][a-z0-9-]*(?: [a-z][a-z0-9-]*)?) divisors(?: ([a-z]))? of ([^,;]+?)(?: (?:such that|for which) ([^;]+?))?\s*\.?\s*$`)

// countAdjDivisors reads "Number of ADJ divisors of N" as the divisors d
// of N such that d is ADJ (or an ADJ number), for an adjective pred.go
// reads (quant.go counts them); it reports whether s had that shape.
func (c *collector) countAdjDivisors(s string) bool {
	m := reAdjDivisors.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	adj := m[1]
	switch adj {
	case "odd", "even", "proper", "nontrivial", "distinct", "unitary", "positive", "all":
		return true // read elsewhere, or about n itself
	}
	art := "a "
	if strings.ContainsRune("aeiou", rune(adj[0])) {
		art = "an "
	}
	if m[4] != "" && m[2] == "" {
		return true // a condition on a letter the text does not name
	}
	for _, cond := range []string{"d is " + adj, "d is " + art + adj + " number", "d is " + art + adj} {
		if predicate(cond, "d", false) != nil {
			if m[4] != "" { // pred2.go: the divisor's letter for d
				cond = strings.ReplaceAll(cond, "d is", m[2]+" is") + " and " + m[4]
				c.quantifier("Number of divisors " + m[2] + " of " + m[3] + " such that " + cond + ".")
				return true
			}
			c.quantifier("Number of divisors d of " + m[3] + " such that " + cond + ".")
			return true
		}
	}
	c.note("count", "adjective "+adj)
	return true
}

// reUpToCond: a bound followed by a condition on the counted numbers.
var reUpToCond = regexp.MustCompile(`^(.+?) (that are|which are|with|having|such that|for which) (.+)$`)

// countUpTo reads s as the count of a list's members up to a bound; it
// reports whether s had that shape.
func (c *collector) countUpTo(s string) bool {
	m := reCountUpTo.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	list, rel := strings.TrimSpace(m[1]), m[3]
	if strings.ContainsAny(list, "(),=<>") || strings.Contains(list, " such that ") && m[2] == "" {
		return true
	}
	bound, cond := m[4], (*node)(nil)
	if mc := reUpToCond.FindStringSubmatch(bound); mc != nil {
		// "Number of positive integers less than n/3 that are coprime to n"
		v := m[2]
		switch mc[2] {
		case "that are", "which are":
			cond = predicate("x is "+mc[3], "x", true)
		case "with", "having":
			cond = predicate("x has "+mc[3], "x", true)
		default: // such that, for which: about the letter
			if v != "" {
				cond = predicate(mc[3], v, true)
			}
		}
		if cond == nil {
			c.note("count", "condition "+mc[3])
			return true
		}
		bound = mc[1]
	}
	B, ok := parseWhole(bound, []string{"n"})
	if !ok || !B.uses("n") {
		return true
	}
	switch rel {
	case "<", "less than", "below":
		B = sub(un(kCeil, B), num(1))
	default:
		B = un(kFloor, B)
	}
	// a kind of number (generators), or one pred.go reads ("x is a
	// triangular number"), counted from 0 or 1
	if pred, lows, kind := kindPredicate(list); kind && (pred != nil || cond != nil) {
		var counts []*node
		for _, lo := range lows {
			// each reading its own tree: the checks must not share nodes
			var p *node
			if pred != nil {
				p = pred()
			}
			if cond != nil {
				p = and(p, cloneNode(cond))
			}
			counts = append(counts, &node{k: kSum, name: "x_", kids: []*node{num(lo), cloneNode(B), p}})
		}
		if counts, ok := toldApart(counts); ok {
			for _, y := range counts {
				c.add(s, y)
			}
		}
		return true
	}
	if cond != nil || list == "" {
		return true // a condition on a list read by the other readers: not read
	}
	// the list alone, as the other readers read it
	var xs []*node
	sc := collector{seen: map[string]bool{}, lists: map[listKey]*nthMemo{}, capture: func(x *node) { xs = append(xs, x) }}
	sc.phrases(strings.ToUpper(list[:1]) + list[1:] + ".")
	var counts []*node
	seen := map[string]bool{}
	for _, x := range xs {
		for _, y := range listCounts(x, cloneNode(B)) {
			if k := y.String(); !seen[k] {
				seen[k] = true
				counts = append(counts, y)
			}
		}
	}
	if len(counts) == 0 {
		c.note("count", "no list read from "+list)
		return true
	}
	counts, ok = toldApart(counts)
	if !ok {
		c.note("count", "readings differ past the examples")
		return true
	}
	for _, y := range counts {
		c.add(s, y)
	}
	return true
}

// listCounts is the count of x's members up to B (over n): one node for
// a list read by its predicate, up to two (k0 = 0, 1) for a formula.
func listCounts(x *node, B *node) []*node {
	if x.k == kNth {
		if x.kids[0].k != kVar || x.kids[0].name != "n" || usesOther(x.kids[1], x.name) || !x.kids[2].isNum() {
			return nil
		}
		pred := x.kids[1]
		if st := step(x); st != 1 {
			pred = and(eq(bin(kMod, sub(vr(x.name), x.kids[2]), num(st)), num(0)), pred)
		}
		return []*node{{k: kSum, name: x.name, kids: []*node{x.kids[2], B, pred}}}
	}
	if has(x, kNth) || x.uses("x_") {
		return nil // a formula over a list's terms: not walked here
	}
	var out []*node
	f := substitute(x, "n", vr("x_"))
	for _, k0 := range []int64{0, 1} {
		if !increasingPast(f, k0, B) {
			continue
		}
		first := nthAt(num(1), "x_", 1, k0, gt(f, B))
		out = append(out, sub(first, num(k0)))
	}
	return out
}

// increasingPast reports whether f (over x_) is an integer increasing
// strictly from x_ = k0 until it passes B at n = scanN.
func increasingPast(f *node, k0 int64, B *node) bool {
	v := evaluator{steps: scanSteps}
	top, err := v.eval(B, scanN)
	if err != nil || !top.IsInt() {
		return false
	}
	var prev *big.Rat
	for k := k0; k <= k0+100_000; k++ {
		r, err := v.evalAt(f, map[string]*big.Rat{"x_": ratInt(k)})
		if err != nil || !r.IsInt() {
			return false
		}
		if prev != nil && r.Cmp(prev) <= 0 || prev == nil && r.Sign() < 0 {
			return false // not increasing, or a negative first member
		}
		if r.Cmp(top) > 0 {
			return k > k0 // at least one member at n = scanN
		}
		prev = r
	}
	return false
}

// toldApart reports whether every two readings that differ at some n <=
// scanN differ at some n in 1..lastSeen, where the examples show them;
// of readings equal at every n it keeps the first.
func toldApart(xs []*node) ([]*node, bool) {
	if len(xs) < 2 {
		return xs, true
	}
	v := evaluator{steps: 4 * scanSteps}
	vals := make([][]*big.Rat, len(xs))
	for i, x := range xs {
		for n := int64(0); n <= scanN; n++ {
			r, err := v.eval(x, n)
			if err == errBudget {
				return nil, false
			}
			if err != nil {
				r = nil
			}
			vals[i] = append(vals[i], r)
		}
	}
	same := func(a, b *big.Rat) bool { return (a == nil) == (b == nil) && (a == nil || a.Cmp(b) == 0) }
	var kept []*node
	dup := make([]bool, len(xs))
	for i := range xs {
		if dup[i] {
			continue
		}
		kept = append(kept, xs[i])
		for j := i + 1; j < len(xs); j++ {
			early, late := false, false
			for n := range vals[i] {
				if same(vals[i][n], vals[j][n]) {
					continue
				}
				if n >= 1 && n <= lastSeen {
					early = true
				} else {
					late = true
				}
			}
			if late && !early {
				return nil, false
			}
			dup[j] = dup[j] || !early && !late
		}
	}
	return kept, true
}

// kindPredicate reads list as a kind of number (generators: "semiprimes",
// "odd primes") or as one that pred.go reads ("triangular numbers": "x is
// a triangular number"); the predicate over x_ and the least x to count
// from (0 and 1 both where the kind does not say).
func kindPredicate(list string) (func() *node, []int64, bool) {
	low := strings.ToLower(list)
	if g, ok := generators[low]; ok {
		switch {
		case g.prime && g.prop != nil:
			return func() *node { return and(un(kIsPrime, vr("x_")), g.prop()) }, []int64{2}, true
		case g.prime:
			return func() *node { return un(kIsPrime, vr("x_")) }, []int64{2}, true
		case g.prop != nil:
			return g.prop, g.lows, true
		}
		return nil, g.lows, true // all numbers: a list only with a condition
	}
	one, ok := strings.CutSuffix(list, "s")
	if !ok || one == "" || strings.ContainsAny(one, "0123456789") && !strings.Contains(one, "-") {
		return nil, nil, false
	}
	art := "a "
	if strings.ContainsRune("aeiou", rune(strings.ToLower(one)[0])) {
		art = "an "
	}
	cond := "x is " + art + one
	if predicate(cond, "x", false) == nil {
		return nil, nil, false
	}
	return func() *node { return predicate(cond, "x", false) }, []int64{0, 1}, true
}

// cloneNode is a deep copy of x.
func cloneNode(x *node) *node {
	y := *x
	y.kids = make([]*node, len(x.kids))
	for i, k := range x.kids {
		y.kids[i] = cloneNode(k)
	}
	y.vals = append([]int64(nil), x.vals...)
	return &y
}
