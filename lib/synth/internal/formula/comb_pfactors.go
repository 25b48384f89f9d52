package formula

import (
	"regexp"
	"strings"
)

// Prime factors counted by a condition: "Number of primes congruent to 3
// modulo 4 dividing n (with multiplicity)", "Number of distinct prime
// factors of n of the form 6k+1", "Number of prime divisors p of n such
// that p+2 is prime". Distinct primes are the divisors d of N that are
// prime and pass; with multiplicity, the prime powers d > 1 dividing N
// whose prime lpf(d) passes (p^k | N for k = 1..v_p(N)). "primes dividing"
// and "prime divisors" with no word on multiplicity are the distinct ones;
// "prime factors" with none is offered both ways only where the two
// counts differ at some n <= 9, where the examples tell them apart.

var (
	// "primes COND dividing N (with multiplicity)"
	rePFBefore = regexp.MustCompile(`^(?i:number) of (distinct |different )?(primes|prime divisors|prime factors)(?: p)? ((?:congruent to|of the form|of form|greater than|less than|larger than|smaller than) .+?) (dividing|that divide|which divide|of) (.+?)(,? counted with multiplicity|,? with multiplicity| \(with multiplicity\)| \(counted with multiplicity\)| \(with repetition\))?$`)
	// "prime factors (p) of N (with multiplicity) that are COND"
	rePFAfter = regexp.MustCompile(`^(?i:number) of (distinct |different )?(primes|prime divisors|prime factors)(?: p)? (dividing|that divide|which divide|of) (.+?)(,? counted with multiplicity,?|,? with multiplicity,?| \(with multiplicity\)| \(counted with multiplicity\)| \(with repetition\))? ((?:that are|which are|such that|congruent to|of the form|of form|greater than|less than|larger than|smaller than) .+?)(,? counted with multiplicity|,? with multiplicity| \(with multiplicity\)| \(counted with multiplicity\)| \(with repetition\))?$`)
)

// countPrimeFactorsBy reads s as a count of prime factors by a condition;
// it reports whether it offered a reading.
func (c *collector) countPrimeFactorsBy(s string) bool {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	var distinct, noun, cond, of, mult string
	if m := rePFBefore.FindStringSubmatch(s); m != nil {
		distinct, noun, cond, of, mult = m[1], m[2], m[3], m[5], m[6]
	} else if m := rePFAfter.FindStringSubmatch(s); m != nil {
		distinct, noun, of, cond, mult = m[1], m[2], m[4], m[6], m[5]+m[7]
		if m[5] != "" && m[7] != "" {
			return false
		}
	} else {
		return false
	}
	if distinct != "" && mult != "" {
		return false
	}
	e, ok := parseN(of)
	if !ok {
		return false
	}
	var pred *node
	switch {
	case strings.HasPrefix(cond, "such that "):
		pred = predicate(strings.TrimPrefix(cond, "such that "), "p", true)
	case strings.HasPrefix(cond, "that are ") || strings.HasPrefix(cond, "which are "):
		_, rest, _ := strings.Cut(cond, " are ")
		pred = predicate("p is "+rest, "p", true)
	default:
		pred = predicate("p is "+cond, "p", true)
	}
	if pred == nil {
		return false
	}
	// distinct: prime divisors that pass; with multiplicity: prime powers whose prime passes
	once := &node{k: kSumDiv, name: "x_", kids: []*node{e, and(un(kIsPrime, vr("x_")), pred)}}
	many := &node{k: kSumDiv, name: "x_", kids: []*node{e, and(primePowerOf(vr("x_")), substitute(pred, "x_", call("lpf", vr("x_"))))}}
	switch {
	case mult != "":
		c.add(s, many)
	case distinct != "" || noun != "prime factors":
		c.add(s, once)
	default:
		for n := int64(1); n <= 9; n++ {
			v1, v2 := evaluator{steps: 10_000}, evaluator{steps: 10_000}
			a, err1 := v1.eval(once, n)
			b, err2 := v2.eval(many, n)
			if err1 == nil && err2 == nil && a.Cmp(b) != 0 {
				c.add(s, once)
				c.add(s, many)
				return true
			}
		}
	}
	return true
}
