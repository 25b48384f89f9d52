package formula

// A function named in words applied to an argument other than n:
//
//	Sum of odd divisors of sopf(n).       Sum_{d|sopf(n), d odd} d
//	Sum of divisors of p+1, p prime.      sigma(p+1), p the n-th prime
//	Number of divisors of the n-th prime plus 2.
//	Sum of odd divisors of n <= sqrt(n).  Sum_{d|n, d odd, d^2 <= n} d
//
// "P of E" is read as "P of n" (by every other reader, the words before
// " of n" holding no n of their own, so that each n of the reading is the
// argument) with E put for n. E is an expression in n, a function of one
// the term reader names ("Euler totient function of n"), or an
// expression in a letter the text binds to the primes ("p+1, p prime":
// the n-th prime from n = 1 or n = 0, the examples decide). A bound
// "<= sqrt(E)" on the divisors of a divisor sum is d^2 <= E.

import (
	"regexp"
	"strings"
)

var (
	// "p+1, p prime", "2p - 1 where p is prime", "p^2+2, p an odd prime"
	reOfPrime = regexp.MustCompile(`^(.+?),? (?:where |with |for )?([a-z]) (?:is )?(?:a |an )?(odd )?primes?$`)
	// "... divisors of n <= sqrt(n)", "... divisors of n that are < sqrt(2n)"
	reDivSqrt = regexp.MustCompile(`^(.*\bdivisors(?: [a-z])? of n),?(?: (?:that|which) are)? (<=|<|>=|>) sqrt\((.+)\)$`)
	reWordN   = regexp.MustCompile(`\bn\b`)
)

// ofArgument reads the first sentence of text as "P of E".
func (c *collector) ofArgument(text string) {
	s := strings.TrimSpace(strings.TrimSuffix(firstSentence(text), "."))
	if loc := reOps3Frame.FindStringIndex(s); loc != nil && strings.Contains(s, "n-th ") {
		s = s[loc[1]:] // ops3.go: "a(n) is the number of ... of the n-th ..."
	}
	if m := reDivSqrt.FindStringSubmatch(s); m != nil {
		c.divisorsBelowRoot(s, m)
		return
	}
	for i := strings.LastIndex(s, " of "); i > 0; i = strings.LastIndex(s[:i], " of ") {
		p, r := s[:i], s[i+len(" of "):]
		if reWordN.MatchString(p) || strings.ContainsAny(p, "()=<>,;:") {
			continue // the words hold an n (or a formula) of their own
		}
		args := ofArgs(r)
		if len(args) == 0 {
			continue
		}
		fs := captured(p + " of n.")
		var ys []*node
		for _, f := range fs {
			if f.uses("k_") || has(f, kRec) || has(f, kMem) || isAutomaton(f) {
				continue
			}
			for _, a := range args {
				ys = append(ys, substitute(cloneNode(f), "n", cloneNode(a)))
			}
		}
		if len(ys) == 0 {
			continue
		}
		c.addToldApart(s, ys, "of", false)
		return
	}
}

// ofArgs reads r as the argument of a function: an expression in n other
// than n itself (or a function of one named in words), or one in a
// letter bound to the primes (each start of the primes a reading).
func ofArgs(r string) []*node {
	r = strings.TrimSpace(r)
	if r == "n" || r == "" {
		return nil
	}
	if m := reOfPrime.FindStringSubmatch(r); m != nil {
		toks := lex(m[1])
		e, end, ok := parseAt(toks, 0, m[2])
		if !ok || toks[end].k != tEnd || !e.uses(m[2]) || e.uses("n") {
			return nil
		}
		first := int64(1) // the n-th prime from n = 1: prime(n), from 0: prime(n+1)
		if m[3] != "" {
			first = 2 // odd primes: from 3
		}
		return []*node{
			substitute(e, m[2], call("prime", add(vr("n"), num(first-1)))),
			substitute(cloneNode(e), m[2], call("prime", add(vr("n"), num(first)))),
		}
	}
	if xs := ops3Nth(r); xs != nil { // ops3.go: "the n-th squarefree number"
		return xs
	}
	if e, ok := parseN(r); ok {
		if e.k == kVar {
			return nil
		}
		return []*node{e}
	}
	if e, ok := (predReader{v: "n"}).term(r); ok && e.uses("x_") {
		return []*node{rename(e, "x_", "n")}
	}
	return nil
}

// captured is what the other readers read from s, uncompiled.
func captured(s string) []*node {
	var xs []*node
	sc := collector{seen: map[string]bool{}, lists: map[listKey]*nthMemo{}, capture: func(x *node) { xs = append(xs, x) }}
	sc.read(s)
	return xs
}

// divisorsBelowRoot: a divisor sum (or count) of n bounded by sqrt(E):
// d <= sqrt(E) is d^2 <= E for the positive d, where E >= 0.
func (c *collector) divisorsBelowRoot(s string, m []string) {
	e, ok := parseN(m[3])
	if !ok {
		return
	}
	v := evaluator{steps: scanSteps}
	for n := int64(0); n <= scanN; n++ {
		if r, err := v.eval(e, n); err != nil || r.Sign() < 0 {
			return // sqrt(E) undefined somewhere: not read
		}
	}
	for _, f := range captured(m[1] + ".") {
		if f.k != kSumDiv || f.kids[0].k != kVar || f.kids[0].name != "n" {
			continue
		}
		d := vr(f.name)
		cmp := &node{k: kCmp, name: m[2], kids: []*node{bin(kPow, d, num(2)), cloneNode(e)}}
		g := cloneNode(f)
		g.kids[1] = bin(kAnd, cmp, g.kids[1])
		c.add(s, g)
	}
}
