package formula

// Sums of a function of the divisors, named in words (sets_sums.go):
//
//	Sum of the 6th powers of the square divisors of n.
//	Sum of cubes of odd primes dividing n.
//	Sum of 4th powers of primes = 3 mod 4 dividing n.
//	Sum of the reversals of the proper divisors of n.
//
// The divisors are those "Sum of <divisors>" names (coverage_sums.go's
// reSumDiv) or the primes dividing n, with a residue class; the body is
// d^k or the reversal of d. "Prime factors" without "distinct" is left
// alone (with or without multiplicity, the words do not say).

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	reSumPowOf = regexp.MustCompile(`^(?:The )?[Ss]um of (?:the )?(squares|cubes|(\d+)(?:st|nd|rd|th) powers|reversals) of (?:the )?(?:all )?(.+?)\s*\.?\s*$`)
	// "odd primes dividing n", "primes = 3 mod 4 dividing n", "distinct prime factors of n"
	rePrimesDividing = regexp.MustCompile(`^(odd )?(?:primes|prime divisors|distinct prime divisors|distinct prime factors|distinct primes)(?: p)?(?: (?:==|=|≡|congruent to) ([-+]?\d+) \(?(?:mod|modulo) (\d+)\)?)? (?:dividing|that divide|which divide|of) n$`)
)

// divisorAdjectives: kinds of divisor d of n that reSumDiv does not name.
var divisorAdjectives = map[string]func(d *node) *node{
	"square":  squareOf,
	"unitary": func(d *node) *node { return eq(call("gcd", d, bin(kDiv, vr("n"), d)), num(1)) },
}

// sumPowersOfDivisors: Sum_{d|n, d with the property} f(d).
func (c *collector) sumPowersOfDivisors(s string) {
	m := reSumPowOf.FindStringSubmatch(s)
	if m == nil {
		return
	}
	d := vr("x_")
	var body *node
	switch {
	case m[1] == "squares":
		body = bin(kPow, d, num(2))
	case m[1] == "cubes":
		body = bin(kPow, d, num(3))
	case m[1] == "reversals":
		body = call("rev", d, num(10)) // parse.go's reversal
	default:
		k, err := strconv.ParseInt(m[2], 10, 32)
		if err != nil || k < 2 || k > 31 {
			return
		}
		body = bin(kPow, d, num(k))
	}
	var pred *node
	if p := rePrimesDividing.FindStringSubmatch(m[3]); p != nil {
		pred = un(kIsPrime, d)
		if p[1] != "" {
			pred = and(property("odd"), pred)
		}
		if p[3] != "" {
			r, err1 := strconv.ParseInt(p[2], 10, 32)
			md, err2 := strconv.ParseInt(p[3], 10, 32)
			if err1 != nil || err2 != nil || md < 2 || md > 1000 {
				return
			}
			pred = and(pred, inClasses(d, md, []int64{((r % md) + md) % md}))
		}
	} else if q := reSumDiv.FindStringSubmatch("Sum of " + m[3]); q != nil {
		pred = sumDivPred(q)
		if pred == nil && strings.Join(q[1:], "") != "" {
			return // a condition not read
		}
	} else if adj, rest, ok := strings.Cut(m[3], " "); ok && divisorAdjectives[adj] != nil {
		// "square divisors of n", "unitary divisors of n that are odd"
		q := reSumDiv.FindStringSubmatch("Sum of " + rest)
		if q == nil || q[1] != "" {
			return
		}
		pred = sumDivPred(q)
		if pred == nil && strings.Join(q[1:], "") != "" {
			return
		}
		pred = and(pred, divisorAdjectives[adj](d)) // pred may be nil: and's first
	} else {
		return
	}
	if pred != nil {
		body = bin(kAnd, pred, body)
	}
	c.add(s, &node{k: kSumDiv, name: "x_", kids: []*node{vr("n"), body}})
}
