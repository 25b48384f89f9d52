package formula

// Counts, products and the largest of the divisors of E named by an
// adjective (ops3), read through the divisor sums the other readers read:
//
//	Number of odd divisors of n^2+1.          Sum_{d|n^2+1} [d odd]
//	Product of the unitary divisors of n.     Product_{d|n, gcd(d,n/d)=1} d
//	Largest odd divisor of 3n+1.              (3n+1) / (least j: j | 3n+1, (3n+1)/j odd)
//	Number of common divisors of n and 12.    the divisors of gcd(n, 12)
//	Sum of the common divisors of n and 2n+2.  (likewise)
//
// "Sum of the ADJ divisors of E" is read as the sum readers read it,
// Sum_{d|E} [P(d)]*d, and P taken from it: an adjective that no sum
// reader reads gives nothing here either. "Common divisors of A and B"
// are the divisors of gcd(A, B). A product runs d over 1..E (the ring
// keeps it exact mod 2^32); the largest divisor with P is E/j for the
// least j dividing E with P(E/j), read only where P(1) holds for every n
// >= 1, so that j = E ends the scan (where E <= 0, at n = 0, j = 1 > E
// ends it: 0).

import (
	"math/big"
	"regexp"
	"strings"
)

var (
	// "Number of odd divisors of n^2+1", "Product of the squarefree divisors of n"
	reOps3DivOp = regexp.MustCompile(`^(?i:(?:a\(n\) (?:is|=) )?(?:the )?(number|product|sum)) of (?:all )?(?:the )?((?:[a-z][a-z-]* )*?)divisors of (.+)$`)
	// "Largest odd divisor of 3n+1", "The greatest unitary divisor of n^2"
	reOps3DivMax = regexp.MustCompile(`^(?i:(?:a\(n\) (?:is|=) )?(?:the )?(?:largest|greatest)) ((?:[a-z][a-z-]* )+?)divisor of (.+)$`)
	// "common divisors of A and B"
	reOps3Common = regexp.MustCompile(`^(.+?) and (.+)$`)
)

// ops3Divisors reads the first sentence of text as one of the forms above.
func (c *collector) ops3Divisors(text string) {
	s := strings.TrimSpace(strings.TrimSuffix(firstSentence(text), "."))
	var op, adj, arg string
	if m := reOps3DivOp.FindStringSubmatch(s); m != nil {
		op, adj, arg = strings.ToLower(m[1]), m[2], m[3]
	} else if m := reOps3DivMax.FindStringSubmatch(s); m != nil {
		op, adj, arg = "largest", m[1], m[2]
	} else {
		return
	}
	adj = strings.TrimSpace(adj)
	common := strings.HasPrefix(adj, "common")
	if op == "number" && adj == "" || op == "sum" && !common {
		return // tau, the divisor sums: read by the others
	}
	if strings.Contains(adj, "proper") {
		return // d < n, or 1 < d < n as well: count_test.go leaves it unread
	}
	if common {
		// the divisors of gcd(A, B)
		adj = strings.TrimSpace(strings.TrimPrefix(adj, "common"))
		m := reOps3Common.FindStringSubmatch(arg)
		if m == nil {
			return
		}
		a, okA := parseWhole(m[1], []string{"n"})
		b, okB := parseWhole(m[2], []string{"n"})
		if !okA || !okB || !a.uses("n") && !b.uses("n") {
			return
		}
		arg = "gcd(" + a.String() + ", " + b.String() + ")"
	}
	var ys []*node
	for _, f := range ops3DivSums(adj, arg) {
		e, p := f.kids[0], f.kids[1]
		if !ops3Positive(e) {
			continue
		}
		switch op {
		case "sum":
			ys = append(ys, &node{k: kSumDiv, name: "x_", kids: []*node{cloneNode(e), and(cloneNode(p), vr("x_"))}})
		case "number":
			ys = append(ys, &node{k: kSumDiv, name: "x_", kids: []*node{cloneNode(e), cloneNode(p)}})
		case "product":
			isDiv := eq(bin(kMod, cloneNode(e), vr("x_")), num(0))
			body := add(num(1), and(and(isDiv, cloneNode(p)), sub(vr("x_"), num(1))))
			ys = append(ys, &node{k: kProd, name: "x_", kids: []*node{num(1), cloneNode(e), body}})
		case "largest":
			if !ops3HoldsAtOne(p) {
				continue
			}
			q := bin(kDiv, cloneNode(e), vr("j_"))
			cond := and(eq(bin(kMod, cloneNode(e), vr("j_")), num(0)), substitute(cloneNode(p), "x_", q))
			cond = or(cond, gt(vr("j_"), cloneNode(e))) // E <= 0 (n = 0): 0
			j := nthAt(num(1), "j_", 1, 1, cond)
			ys = append(ys, bin(kDiv, cloneNode(e), j))
		}
	}
	if len(ys) == 0 {
		return
	}
	c.addToldApart(s, ys, "ops3", false)
}

// ops3DivSums is each reading of "Sum of the ADJ divisors of ARG" as
// Sum_{x_|E} (P and x_) (or Sum_{x_|E} x_, P then 1), as a kSumDiv node
// whose kids are E and P.
func ops3DivSums(adj, arg string) []*node {
	if strings.ContainsAny(arg, ";:") || reAnumWord.MatchString(arg) {
		return nil
	}
	words := "Sum of the divisors of " + arg + "."
	if adj != "" {
		words = "Sum of the " + adj + " divisors of " + arg + "."
	}
	var out []*node
	for _, f := range captured(words) {
		var e, p *node
		switch {
		case f.k == kSumDiv && f.name == "x_" && f.kids[1].k == kAnd && isVar(f.kids[1].kids[1], "x_"):
			e, p = f.kids[0], f.kids[1].kids[0]
		case f.k == kSumDiv && f.name == "x_" && isVar(f.kids[1], "x_") && adj == "":
			e, p = f.kids[0], num(1)
		case f.k == kCall && f.name == "sigma" && len(f.kids) == 1 && adj == "":
			e, p = f.kids[0], num(1)
		default:
			continue
		}
		if !e.uses("n") || e.uses("x_") || p.uses("j_") {
			continue
		}
		out = append(out, &node{k: kSumDiv, name: "x_", kids: []*node{e, p}})
	}
	return out
}

// isVar reports whether x is the variable name.
func isVar(x *node, name string) bool { return x.k == kVar && x.name == name }

// ops3Positive reports whether e is a positive integer at n = 1..scanN.
func ops3Positive(e *node) bool {
	v := evaluator{steps: scanSteps}
	for n := int64(1); n <= scanN; n++ {
		r, err := v.eval(e, n)
		if err != nil || !r.IsInt() || r.Sign() <= 0 {
			return false
		}
	}
	return true
}

// ops3HoldsAtOne reports whether p (over x_ and n) holds at x_ = 1 for
// n = 1..scanN: 1 is then a divisor with the property.
func ops3HoldsAtOne(p *node) bool {
	v := evaluator{steps: scanSteps}
	for n := int64(1); n <= scanN; n++ {
		r, err := v.evalAt(p, map[string]*big.Rat{"x_": ratInt(1), "n": ratInt(n)})
		if err != nil || r.Sign() == 0 {
			return false
		}
	}
	return true
}

// reOps3Dividing: "Number of squares dividing n", "Sum of the primes that
// divide 2^n - 1"; reOps3DividingMax: "Largest triangular number dividing n".
var (
	reOps3Dividing    = regexp.MustCompile(`^(?i:(?:a\(n\) (?:is|=) )?(?:the )?(number|sum|product)) of (?:all )?(?:the )?([a-z][a-z -]*?) (?:that divide|which divide|dividing) (.+)$`)
	reOps3DividingMax = regexp.MustCompile(`^(?i:(?:a\(n\) (?:is|=) )?(?:the )?(?:largest|greatest)) ([a-z][a-z -]*?) (?:that divides|which divides|dividing) (.+)$`)
)

// ops3Dividing reads the first sentence of text as a count, sum, product
// or the largest of the members of a kind of number (kindPredicate) that
// divide E: the divisors of E with the kind's predicate.
func (c *collector) ops3Dividing(text string) {
	s := strings.TrimSpace(strings.TrimSuffix(firstSentence(text), "."))
	var op, list, arg string
	if m := reOps3Dividing.FindStringSubmatch(s); m != nil {
		op, list, arg = strings.ToLower(m[1]), strings.ToLower(m[2]), m[3]
	} else if m := reOps3DividingMax.FindStringSubmatch(s); m != nil {
		op, list, arg = "largest", strings.ToLower(m[1])+"s", m[2]
	} else {
		return
	}
	e, ok := parseWhole(arg, []string{"n"})
	if !ok || !e.uses("n") || !ops3Positive(e) {
		return
	}
	pred, lows, kind := kindPredicate(list)
	if !kind || pred == nil {
		return
	}
	// a divisor is >= 1: the kind's first members 0 and 1 read alike
	seen := map[int64]bool{}
	var ys []*node
	for _, low := range lows {
		if low = max(low, 1); seen[low] {
			continue
		}
		seen[low] = true
		p := and(&node{k: kCmp, name: ">=", kids: []*node{vr("x_"), num(low)}}, pred())
		switch op {
		case "number":
			ys = append(ys, &node{k: kSumDiv, name: "x_", kids: []*node{cloneNode(e), p}})
		case "sum":
			ys = append(ys, &node{k: kSumDiv, name: "x_", kids: []*node{cloneNode(e), and(p, vr("x_"))}})
		case "product":
			isDiv := eq(bin(kMod, cloneNode(e), vr("x_")), num(0))
			body := add(num(1), and(and(isDiv, p), sub(vr("x_"), num(1))))
			ys = append(ys, &node{k: kProd, name: "x_", kids: []*node{num(1), cloneNode(e), body}})
		case "largest":
			if !ops3HoldsAtOne(p) {
				continue
			}
			q := bin(kDiv, cloneNode(e), vr("j_"))
			cond := and(eq(bin(kMod, cloneNode(e), vr("j_")), num(0)), substitute(p, "x_", q))
			cond = or(cond, gt(vr("j_"), cloneNode(e))) // E <= 0 (n = 0): 0
			ys = append(ys, bin(kDiv, cloneNode(e), nthAt(num(1), "j_", 1, 1, cond)))
		}
	}
	if len(ys) == 0 {
		return
	}
	c.addToldApart(s, ys, "ops3", false)
}
