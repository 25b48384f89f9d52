package formula

// The prime indices of n (parse2_pidx.go): the k with prime(k) dividing
// n, each as often as prime(k) divides it. "Sum of prime indices of n",
// "Number of distinct odd prime indices of n", "Sum of the even prime
// indices of 2n+1", "Largest prime index of n": a divisor sum over the
// prime powers d of n (the primes, for "distinct") of primepi(lpf(d)) or
// 1, the parity a condition on primepi(lpf(d)); the largest and smallest
// index primepi of gpf and lpf. Inside a formula, "a(n) = n + sum of prime
// indices of n", parse2_words.go reads the words by this reader.

import (
	"regexp"
	"strings"
)

var (
	// reP2Indices: "Sum of (the) (distinct) (even|odd) prime indices of X"
	reP2Indices = regexp.MustCompile(`^(?i:(?:the )?(sum|number) of (?:the )?(distinct )?(?:(even|odd) )?prime indices of )(.+)$`)
	// reP2Index: "Largest prime index of X"
	reP2Index = regexp.MustCompile(`^(?i:(?:the )?(largest|greatest|maximal|maximum|smallest|least|minimal|minimum) prime index of )(.+)$`)
	// reP2ArgWords: a word in the argument that is no call ("n divided
	// by 2" leaves open whether the division is the argument's)
	reP2ArgWords = regexp.MustCompile(`[A-Za-z]{3,}\s*(?:[^A-Za-z\s(]|$|\s[^(])`)
)

// primeIndices reads the name's first sentence as one of the phrases
// above.
func (c *collector) primeIndices(text string) {
	s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(firstSentence(text)), "."))
	if m := reP2Indices.FindStringSubmatch(s); m != nil {
		x, ok := parseN(m[4])
		if !ok || reP2ArgWords.MatchString(m[4]) {
			return
		}
		c.add(s, p2IndexSum(x, strings.EqualFold(m[1], "sum"), m[2] != "", strings.ToLower(m[3])))
		return
	}
	if m := reP2Index.FindStringSubmatch(s); m != nil {
		x, ok := parseN(m[2])
		if !ok || reP2ArgWords.MatchString(m[2]) {
			return
		}
		f := "lpf"
		switch strings.ToLower(m[1]) {
		case "largest", "greatest", "maximal", "maximum":
			f = "gpf"
		}
		c.add(s, call("primepi", call(f, x)))
	}
}

// p2IndexSum is the sum (or the number) of x's prime indices, distinct or
// with multiplicity, those of one parity ("even", "odd") or all ("").
func p2IndexSum(x *node, sum, distinct bool, parity string) *node {
	d := eqnBound("d", x)
	p := eqnBound("p", x)                    // d's least prime factor, bound once
	k := eqnBound("k", x)                    // its index
	cond := eq(call("omega", vr(d)), num(1)) // d a prime power p^j, j >= 1: p once for each j
	if distinct {                            // d a prime: its own least prime factor, d > 1
		cond = and(&node{k: kCmp, name: ">", kids: []*node{vr(d), num(1)}}, eq(vr(p), vr(d)))
	}
	body := num(1)
	if sum {
		body = vr(k)
	}
	switch parity {
	case "even":
		body = bin(kAnd, eq(bin(kMod, vr(k), num(2)), num(0)), body)
	case "odd":
		body = bin(kAnd, eq(bin(kMod, vr(k), num(2)), num(1)), body)
	}
	if parity != "" || sum {
		body = let(k, call("primepi", vr(p)), body)
	}
	return &node{k: kSumDiv, name: d, kids: []*node{x, let(p, call("lpf", vr(d)), bin(kAnd, cond, body))}}
}
