package formula

import "testing"

// primeFactorsRef counts n's prime factors p (with multiplicity where
// mult) with ok(p).
func primeFactorsRef(n int64, mult bool, ok func(p int64) bool) int64 {
	var c int64
	for p := int64(2); n > 1; p++ {
		if n%p != 0 {
			continue
		}
		k := int64(0)
		for n%p == 0 {
			n /= p
			k++
		}
		if ok(p) {
			if mult {
				c += k
			} else {
				c++
			}
		}
	}
	return c
}

func TestCountPrimeFactorsBy(t *testing.T) {
	newRunner(t).allMatch(t, []refCase{
		{"Number of primes congruent to 3 modulo 4 dividing n (with multiplicity).", 1, 300, func(n int64) int64 {
			return primeFactorsRef(n, true, func(p int64) bool { return p%4 == 3 })
		}},
		{"Number of distinct prime factors of n of the form 6k+1.", 1, 300, func(n int64) int64 {
			return primeFactorsRef(n, false, func(p int64) bool { return p%6 == 1 })
		}},
		{"Number of prime divisors p of n^2+1 such that p+2 is prime.", 1, 200, func(n int64) int64 {
			return primeFactorsRef(n*n+1, false, func(p int64) bool { return isPrimeRef(p + 2) })
		}},
		{"Number of primes dividing n that are congruent to 1 mod 4.", 1, 300, func(n int64) int64 {
			return primeFactorsRef(n, false, func(p int64) bool { return p%4 == 1 })
		}},
	})
	// "prime factors" with no word on multiplicity: both readings where
	// they differ by n = 9 ("odd": 9 = 3^2)
	newRunner(t).anyMatches(t, []refCase{
		{"Number of prime factors of n that are odd.", 1, 300, func(n int64) int64 {
			return primeFactorsRef(n, true, func(p int64) bool { return p%2 == 1 })
		}},
	})
}

// TestCountPrimeFactorsByRefused: a multiplicity the first terms cannot
// tell, and conditions not read.
func TestCountPrimeFactorsByRefused(t *testing.T) {
	refuses(t,
		"Number of prime factors of n of the form 4k+1.", // distinct or not: the same up to n = 24
		"Number of distinct prime factors of n of the form 4k+1, counted with multiplicity.",
		"Number of primes dividing n that are balanced.",
	)
}
