package formula

import (
	"strings"
	"testing"
)

// primePowerRef: n = p^j, j >= 1, by trial division.
func primePowerRef(n int64) bool {
	ps, _ := factorRef(n)
	return n > 1 && len(ps) == 1
}

// valuationRef is the exponent of p in n > 0.
func valuationRef(n, p int64) int64 {
	v := int64(0)
	for n%p == 0 {
		n /= p
		v++
	}
	return v
}

// totientRef counts the k in 1..n coprime to n.
func totientRef(n int64) int64 {
	c := int64(0)
	for k := int64(1); k <= n; k++ {
		if gcdRef(n, k) == 1 {
			c++
		}
	}
	return c
}

func b2iRef(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// TestCond2 checks conditions read by construction (cond2.go) against
// native references.
func TestCond2(t *testing.T) {
	bigomega := func(n int64) int64 {
		_, es := factorRef(n)
		s := int64(0)
		for _, e := range es {
			s += e
		}
		return s
	}
	newRunner(t).allMatch(t, []refCase{
		{"a(n) = 1 if either n or n/2 is a prime power of the form 4m+3, otherwise 0.", 1, 300, func(n int64) int64 {
			pp := func(k int64) bool { return primePowerRef(k) && k%4 == 3 }
			return b2iRef(pp(n) || n%2 == 0 && pp(n/2))
		}},
		{"a(n) = 1 if n is a number of the form 4u+1 with an even number of prime factors (counted with multiplicity), otherwise 0.", 1, 300, func(n int64) int64 {
			return b2iRef(n%4 == 1 && bigomega(n)%2 == 0)
		}},
		{"1 if n is a prime power p^k (k >= 0), otherwise 0.", 1, 300, func(n int64) int64 { return b2iRef(n == 1 || primePowerRef(n)) }},
		{"a(n) = 1 if n is a prime power p^k, otherwise 0.", 1, 300, func(n int64) int64 { return b2iRef(primePowerRef(n)) }},
		{"Characteristic function of numbers with binary weight 2 (A018900).", 0, 300, func(n int64) int64 {
			c := int64(0)
			for k := n; k > 0; k /= 2 {
				c += k % 2
			}
			return b2iRef(c == 2)
		}},
		{"Characteristic function for nonabundant numbers (A263837): a(n) = 1 if A001065(n) <= n, 0 otherwise.", 1, 300, func(n int64) int64 {
			return b2iRef(divisorSum(n, 1) <= 2*n)
		}},
		{"a(n) = 1 if n > 1 and the 2-adic valuation of phi(n) does not exceed the 2-adic valuation of n-1, otherwise 0.", 1, 200, func(n int64) int64 {
			return b2iRef(n > 1 && valuationRef(totientRef(n), 2) <= valuationRef(n-1, 2))
		}},
		{"a(n) = 1 if the 3-adic valuation of n exceeds 1, otherwise 0.", 1, 300, func(n int64) int64 { return b2iRef(valuationRef(n, 3) > 1) }},
		{"a(n) = 1 if n/3 is a prime power, otherwise 0.", 1, 300, func(n int64) int64 { return b2iRef(n%3 == 0 && primePowerRef(n/3)) }},
		{"a(n) = 1 if n is a nondeficient number, otherwise 0.", 1, 300, func(n int64) int64 { return b2iRef(divisorSum(n, 1) >= 2*n) }},
		{"a(n) = 1 if n is a squarefree number of the form 3k+2, otherwise 0.", 1, 300, func(n int64) int64 {
			return b2iRef(n%3 == 2 && squarefreeRef(n))
		}},
	})
}

// TestCond2Refuses: near misses give no candidate.
func TestCond2Refuses(t *testing.T) {
	refuses(t,
		"a(n) = 1 if n is a prime power p^k (k >= 2), otherwise 0.",                                     // only 0 or 1 read
		"a(n) = 1 if the 4-adic valuation of n exceeds 1, otherwise 0.",                                 // 4 is no prime
		"a(n) = 1 if n is a number of the form 4u+1 with an even number of prime factors, otherwise 0.", // multiplicity unsaid
		"a(n) = 1 if n is a nonfrobnicated number, otherwise 0.",                                        // no such adjective
		"Characteristic function of numbers with a frobnicated binary expansion (A123456).",             // no list read
		"a(n) = 1 if n is a prime power of the form 4m+3 with a frobnicated digit, otherwise 0.",        // a tail not read
		"a(n) = 1 if n is a prime power p^k (j >= 0), otherwise 0.",
		"a(n) = 1 if n/3 is prime, otherwise 0.", // read as isprime(n/3), undefined where 3 does not divide n: unchecked there                                     // another letter
	)
}

// TestCond2Cases checks forms written as equations and terms stated after
// the cases (cond2_cases.go) against native references.
func TestCond2Cases(t *testing.T) {
	sign := func(n int64) int64 { return 1 - 2*(n%2) }
	newRunner(t).anyMatches(t, []refCase{
		{"a(n) = (-1)^n * 4*n/3 if n = 3*k and n!=0, otherwise a(n) = (-1)^n * n except a(0) = 1.", 0, 300, func(n int64) int64 {
			switch {
			case n == 0:
				return 1
			case n%3 == 0:
				return sign(n) * 4 * n / 3
			}
			return sign(n) * n
		}},
	})
	newRunner(t).allMatch(t, []refCase{
		{"a(n) = 1 if n = 2^k, otherwise 0.", 1, 300, func(n int64) int64 { return b2iRef(n&(n-1) == 0) }},
		{"a(n) = n/2 if n = 2*k, otherwise 3*n+1.", 0, 300, func(n int64) int64 {
			if n%2 == 0 {
				return n / 2
			}
			return 3*n + 1
		}},
		{"a(n) = 2 if n = 4*m + 1, otherwise n.", 0, 300, func(n int64) int64 {
			if n%4 == 1 {
				return 2
			}
			return n
		}},
	})
	refuses(t,
		"a(n) = 1 if n = 6^k, otherwise 0.",           // 6 is no prime: not read
		"a(n) = 1 if n = k^2 + 1, otherwise 0.",       // no line
		"a(n) = 1 if n = 3*k and k = 2, otherwise 0.", // k also elsewhere
	)
}

// TestCond2NonsquaresMod: "Nonsquares mod 99" means the residues mod 99
// that are no squares, not the nonsquares reduced mod 99.
func TestCond2NonsquaresMod(t *testing.T) {
	nonres := func(n int64) int64 { // the n-th (from 1) x in 0..98 no square mod 99
		for x := int64(0); x < 99; x++ {
			sq := false
			for y := int64(0); y < 99; y++ {
				sq = sq || (y*y-x)%99 == 0
			}
			if !sq {
				if n--; n == 0 {
					return x
				}
			}
		}
		return -1
	}
	newRunner(t).anyMatches(t, []refCase{{"Nonsquares mod 99.", 1, 40, nonres}})
	for _, c := range Candidates("Nonsquares mod 99.", 1) {
		if strings.HasSuffix(c.Expr, "mod 99)") {
			t.Errorf("candidate %s reduces the nonsquares mod 99", c.Expr)
		}
	}
}

// radRef is the product of the distinct primes dividing n > 0.
func radRef(n int64) int64 {
	ps, _ := factorRef(n)
	r := int64(1)
	for _, p := range ps {
		r *= p
	}
	return r
}

// TestCond2Each checks divisibility by every member of a set and a plural
// verb after one subject (cond2_each.go) against native references.
func TestCond2Each(t *testing.T) {
	newRunner(t).allMatch(t, []refCase{
		{"a(n) = 1 if n is divisible by the numbers from 1 to 4, otherwise 0.", 0, 300, func(n int64) int64 { return b2iRef(n%12 == 0) }},
		{"a(n) = 1 if n+1 is not divisible by all integers 2..6, otherwise 0.", 0, 300, func(n int64) int64 { return b2iRef((n+1)%60 != 0) }},
		{"a(n) = 1 if sigma(n) is divisible by all divisors of n, otherwise 0.", 1, 300, func(n int64) int64 { return b2iRef(divisorSum(n, 1)%n == 0) }},
		{"a(n) = 1 if n^2 + 1 is divisible by every prime factor of n + 3, otherwise 0.", 0, 300, func(n int64) int64 {
			return b2iRef((n*n+1)%radRef(n+3) == 0)
		}},
		{"a(n) = 1 if n*(n+1)/6 are integers, otherwise 0.", 0, 300, func(n int64) int64 { return b2iRef(n*(n+1)%6 == 0) }},
	})
	refuses(t,
		"a(n) = 1 if n is divisible by the numbers from 1 to 50, otherwise 0.",   // lcm past i32
		"a(n) = 1 if n is divisible by every frobnicator of n + 3, otherwise 0.", // no such set
		"a(n) = 1 if n and n+2 are integers, otherwise 0.",                       // several subjects: not this reading
	)
}

// TestCond2Forms checks cases named by the form of n whose values use the
// form's letter (cond2_forms.go) against native references.
func TestCond2Forms(t *testing.T) {
	newRunner(t).allMatch(t, []refCase{
		{"If n is of the form 3k, then a(n) = n, and if n is of the form 3k+r, with r = 1 or 2, then a(n) = 5*k + 3 + r.", 0, 300, func(n int64) int64 {
			if n%3 == 0 {
				return n
			}
			return 5*(n/3) + 3 + n%3
		}},
		{"If n = 2k, then a(n) = k^2; if n = 2k+1, then a(n) = n + k.", 0, 300, func(n int64) int64 {
			if n%2 == 0 {
				return n / 2 * (n / 2)
			}
			return n + n/2
		}},
	})
	refuses(t,
		"If n is of the form 3k, then a(n) = k.",                                              // residues 1 and 2 not said
		"If n = 2k, then a(n) = k; if n = 3k+1, then a(n) = 2*k.",                             // two moduli
		"If n = 2k+3, then a(n) = k; if n = 2k, then a(n) = 2*k.",                             // an offset past the modulus
		"If n is of the form 2k, then a(n) = k, and if n is of the form 2k, then a(n) = 3*k.", // a residue twice
	)
}

// TestCond2ExponentProduct: "the product of exponents in the prime
// factorization of X" in a condition, against trial division.
func TestCond2ExponentProduct(t *testing.T) {
	prodExp := func(n int64) int64 {
		_, es := factorRef(n)
		p := int64(1)
		for _, e := range es {
			p *= e
		}
		return p
	}
	newRunner(t).allMatch(t, []refCase{
		{"a(n) = 1 if the product of exponents in the prime factorization of n is 3, otherwise 0.", 1, 300, func(n int64) int64 { return b2iRef(prodExp(n) == 3) }},
		{"a(n) = 1 if the product of the exponents of the prime factorization of n+1 is even, otherwise 0.", 0, 300, func(n int64) int64 { return b2iRef(prodExp(n+1)%2 == 0) }},
	})
	refuses(t, "a(n) = 1 if the product of exponents in the frobnication of n is 3, otherwise 0.")
}
