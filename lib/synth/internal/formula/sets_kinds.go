package formula

// Kinds of number named by a noun, and lists named by the kinds they are
// or are not (sets_kinds.go):
//
//	Numbers that are not Sophie Germain primes.
//	Odd numbers that are not twin primes.
//	Positive integers which are neither squarefree integers nor prime powers.
//	Complement of the 12-gonal numbers.
//
// setsAdjective (reached from pred.go's is through moreAdjective) reads
// "a twin prime", "a Sophie Germain prime", "a safe prime", "a Chen
// prime", "a k-gonal number" (pentagonal .. dodecagonal by name), "an
// oblong (pronic) number" and "a power of p" for a prime p.

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	// "Odd numbers that are not twin primes", "Primes p == 5 (mod 6) that are not Sophie Germain primes"
	reKindAre = regexp.MustCompile(`^([A-Z][a-z]*(?: [a-z]+)*?)(?: ([a-z]))?(?: (?:==|≡) ([-\d]+) \(mod (\d+)\))? (?:that|which) are (not .+?|neither .+? nor .+?)\s*\.?\s*$`)
	// "Complement of the 12-gonal numbers."
	reComplementOf = regexp.MustCompile(`^Complement of (?:the )?(.+?)\s*\.?\s*$`)
	// "a 12-gonal number", "a polygonal number of order 12"
	reGonal      = regexp.MustCompile(`^an? (\d+)-gonal number$`)
	rePowerPrime = regexp.MustCompile(`^an? (?:integer )?power of (\d+)$`)
)

// gonalNames: the s of the s-gonal numbers named by a word.
var gonalNames = map[string]int64{
	"pentagonal": 5, "hexagonal": 6, "heptagonal": 7, "octagonal": 8, "nonagonal": 9,
	"enneagonal": 9, "decagonal": 10, "hendecagonal": 11, "dodecagonal": 12,
}

// setsAdjective is the property complement c (lower case) names, or nil.
func setsAdjective(c string) func(e *node) *node {
	c = strings.TrimSpace(c)
	if m := reGonal.FindStringSubmatch(c); m != nil {
		s, err := strconv.ParseInt(m[1], 10, 32)
		if err != nil || s < 3 || s > 1000 {
			return nil
		}
		return func(e *node) *node { return gonalOf(e, s) }
	}
	if w, ok := strings.CutSuffix(strings.TrimPrefix(c, "a "), " number"); ok {
		if s, ok := gonalNames[w]; ok {
			return func(e *node) *node { return gonalOf(e, s) }
		}
	}
	if m := rePowerPrime.FindStringSubmatch(c); m != nil {
		p, err := strconv.ParseInt(m[1], 10, 32)
		if err != nil || p < 2 || p > 1000 || !isPrimeSmall(p) {
			return nil // a power of 4 is no divisor test of 2^30
		}
		return func(e *node) *node { return powerOf(e, p) }
	}
	switch c {
	case "a twin prime":
		return func(e *node) *node {
			return and(isPrimeOf(e), or(isPrimeOf(sub(e, num(2))), isPrimeOf(add(e, num(2)))))
		}
	case "a sophie germain prime":
		return func(e *node) *node { return and(isPrimeOf(e), isPrimeOf(add(bin(kMul, num(2), e), num(1)))) }
	case "a safe prime":
		return func(e *node) *node {
			return and(and(isPrimeOf(e), eq(bin(kMod, e, num(2)), num(1))), isPrimeOf(bin(kDiv, sub(e, num(1)), num(2))))
		}
	case "a chen prime":
		return func(e *node) *node {
			q := add(e, num(2))
			return and(isPrimeOf(e), or(isPrimeOf(q), eq(call("bigomega", q), num(2))))
		}
	case "an oblong number", "a pronic number", "an oblong":
		return func(e *node) *node {
			return and(&node{k: kCmp, name: ">=", kids: []*node{e, num(0)}}, squareOf(add(bin(kMul, num(4), e), num(1))))
		}
	}
	return nil
}

// isPrimeSmall: trial division, for the constants of a phrase.
func isPrimeSmall(p int64) bool {
	if p < 2 {
		return false
	}
	for d := int64(2); d*d <= p; d++ {
		if p%d == 0 {
			return false
		}
	}
	return true
}

// gonalOf: e >= 0 is ((s-2)*j^2 - (s-4)*j)/2 for some j >= 0 exactly when
// D = 8*(s-2)*e + (s-4)^2 is a square r^2 with r + s - 4 divisible by
// 2*(s-2) (then j = (r + s - 4)/(2*(s-2))).
func gonalOf(e *node, s int64) *node {
	d := add(bin(kMul, num(8*(s-2)), e), num((s-4)*(s-4)))
	r := call("isqrt", d)
	return and(&node{k: kCmp, name: ">=", kids: []*node{e, num(0)}},
		and(squareOf(d), eq(bin(kMod, add(r, num(s-4)), num(2*(s-2))), num(0))))
}

// nounIs is "x is <a kind>" for a plural noun phrase ("twin primes",
// "prime powers", "squarefree integers"), over x_, or nil.
func nounIs(p string) *node {
	p = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(p), "the "))
	low := strings.ToLower(p)
	var tries []string
	if sg, ok := singulars[low]; ok && sg != "" {
		tries = append(tries, sg)
	}
	for _, suffix := range []string{" integers", " numbers"} {
		if w, ok := strings.CutSuffix(low, suffix); ok && !strings.Contains(w, " ") {
			tries = append(tries, w) // "squarefree integers": squarefree
		}
	}
	if w, ok := strings.CutSuffix(low, "s"); ok {
		tries = append(tries, "a "+w, "an "+w)
	}
	if first, rest, ok := strings.Cut(low, " "); ok && strings.HasSuffix(first, "s") {
		tries = append(tries, "a "+strings.TrimSuffix(first, "s")+" "+rest) // "powers of 3"
	}
	for _, t := range tries {
		if x := predicate("x is "+t, "x", false); x != nil {
			return x
		}
	}
	return nil
}

// kindsAre reads "KIND that are not K" / "... neither K1 nor K2", and
// "Complement of (the) K": the numbers (or KIND) outside the kinds. It
// reports nothing: the other readers still read s.
func (c *collector) kindsAre(s string) {
	var kind, r, md, comp string
	if m := reKindAre.FindStringSubmatch(s); m != nil {
		kind, r, md, comp = m[1], m[3], m[4], m[5]
	} else if m := reComplementOf.FindStringSubmatch(s); m != nil {
		kind, comp = "Numbers", "not "+m[1]
	} else {
		return
	}
	g, ok := generators[strings.ToLower(kind)]
	if !ok {
		return
	}
	var pred *node
	if rest, ok := strings.CutPrefix(comp, "not "); ok {
		x := nounIs(rest)
		if x == nil {
			return
		}
		pred = not(x)
	} else if rest, ok := strings.CutPrefix(comp, "neither "); ok {
		a, b, ok := strings.Cut(rest, " nor ")
		if !ok {
			return
		}
		x, y := nounIs(a), nounIs(b)
		if x == nil || y == nil {
			return
		}
		pred = not(or(x, y))
	}
	if pred == nil {
		return
	}
	if md != "" {
		rv, err1 := strconv.ParseInt(r, 10, 32)
		mv, err2 := strconv.ParseInt(md, 10, 32)
		if err1 != nil || err2 != nil || mv < 2 || mv > 1000 {
			return
		}
		pred = and(inClasses(vr("x_"), mv, []int64{((rv % mv) + mv) % mv}), pred)
	}
	if g.prop != nil {
		pred = and(g.prop(), pred)
	}
	if g.prime {
		lo := definedFrom(pred, 2)
		pred = and(un(kIsPrime, vr("x_")), pred)
		c.apart(s, []*node{nthOf("x_", 1, lo, pred), nthOf("x_", 0, lo, pred)})
		return
	}
	var xs []*node
	lows := g.lows
	if len(lows) == 2 && !passes(pred, 0) {
		lows = []int64{1} // from 0 or from 1, one list
	}
	for _, lo := range lows {
		lo = definedFrom(pred, lo)
		for _, base := range []int64{1, 0} {
			xs = append(xs, nthOf("x_", base, lo, pred))
		}
	}
	c.apart(s, xs)
}
