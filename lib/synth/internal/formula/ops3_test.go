package formula

import "testing"

// ops3DivSumRef is the sum of the divisors d of n with ok(d).
func ops3DivSumRef(n int64, ok func(d int64) bool) int64 {
	s := int64(0)
	for d := int64(1); d <= n; d++ {
		if n%d == 0 && ok(d) {
			s += d
		}
	}
	return s
}

// ops3PowerfulRef: every prime dividing k divides it twice (k >= 1).
func ops3PowerfulRef(k int64) bool {
	if k < 1 {
		return false
	}
	for p := int64(2); p <= k; p++ {
		if k%p == 0 {
			if k%(p*p) != 0 {
				return false
			}
			for k%p == 0 {
				k /= p
			}
		}
	}
	return true
}

// ops3BiquadfreeRef: no p^4 divides k (k >= 1).
func ops3BiquadfreeRef(k int64) bool {
	for p := int64(2); p*p*p*p <= k; p++ {
		if k%(p*p*p*p) == 0 {
			return false
		}
	}
	return k >= 1
}

// ops3RadRef is the product of the distinct primes dividing k.
func ops3RadRef(k int64) int64 {
	r := int64(1)
	for p := int64(2); p <= k; p++ {
		if k%p == 0 {
			r *= p
			for k%p == 0 {
				k /= p
			}
		}
	}
	return r
}

// ops3PrimesIn counts (f = count) or sums the primes in lo..hi.
func ops3PrimesIn(lo, hi int64, sum bool) int64 {
	s := int64(0)
	for x := lo; x <= hi; x++ {
		if isPrimeRef(x) {
			if sum {
				s += x
			} else {
				s++
			}
		}
	}
	return s
}

func TestOps3Binary(t *testing.T) {
	odd := func(d int64) bool { return d%2 == 1 }
	even := func(d int64) bool { return d%2 == 0 }
	newRunner(t).anyMatches(t, []refCase{
		// A113184
		{"Absolute difference between sum of odd divisors of n and sum of even divisors of n.", 1, 60, func(n int64) int64 {
			d := ops3DivSumRef(n, odd) - ops3DivSumRef(n, even)
			if d < 0 {
				d = -d
			}
			return d
		}},
		// A243348, the gloss after the colon left unread
		{"Difference between the n-th squarefree number and n: a(n) = A005117(n) - n.", 1, 60, func(n int64) int64 {
			return nthRef(n, 1, squarefreeRef) - n
		}},
		{"The n-th semiprime minus n.", 1, 60, func(n int64) int64 {
			return nthRef(n, 1, func(k int64) bool { return bigOmegaRef(k) == 2 }) - n
		}},
		{"n^2 minus the greatest triangular number smaller than or equal to n^2.", 0, 60, func(n int64) int64 {
			t := int64(0)
			for k := int64(0); k*(k+1)/2 <= n*n; k++ {
				t = k * (k + 1) / 2
			}
			return n*n - t
		}},
		// "the n-th X" as the argument of a function (sums_of.go)
		{"The squarefree kernel of the n-th biquadratefree number.", 1, 60, func(n int64) int64 {
			return ops3RadRef(nthRef(n, 1, ops3BiquadfreeRef))
		}},
	})
}

func TestOps3Near(t *testing.T) {
	nextPrime := func(n int64) int64 {
		for x := n + 1; ; x++ {
			if isPrimeRef(x) {
				return x
			}
		}
	}
	newRunner(t).allMatch(t, []refCase{
		{"Smallest prime larger than n.", 0, 80, nextPrime},
		{"Largest powerful number not greater than n.", 1, 80, func(n int64) int64 {
			for x := n; ; x-- {
				if ops3PowerfulRef(x) {
					return x
				}
			}
		}},
		{"a(n) is the smallest biquadratefree number greater than or equal to 4*n.", 0, 60, func(n int64) int64 {
			for x := 4 * n; ; x++ {
				if ops3BiquadfreeRef(x) {
					return x
				}
			}
		}},
	})
}

func TestOps3Ranges(t *testing.T) {
	r := newRunner(t)
	r.allMatch(t, []refCase{
		{"Sum of all primes <= n.", 0, 80, func(n int64) int64 { return ops3PrimesIn(2, n, true) }},
		{"Number of primes between n^2 and (n+1)^2.", 0, 60, func(n int64) int64 { return ops3PrimesIn(n*n, (n+1)*(n+1), false) }},
		{"Number of primes p with n < p <= 2n.", 0, 80, func(n int64) int64 { return ops3PrimesIn(n+1, 2*n, false) }},
		{"Sum of the primes in the interval [n, 2n).", 0, 80, func(n int64) int64 { return ops3PrimesIn(n, 2*n-1, true) }},
		// the product wraps mod 2^32 as the i32 program's does
		{"Product of the primes less than n.", 0, 60, func(n int64) int64 {
			p := int32(1)
			for x := int64(2); x < n; x++ {
				if isPrimeRef(x) {
					p *= int32(x)
				}
			}
			return int64(p)
		}},
	})
	// "between" with both ends possible: the examples tell the two
	// readings apart (n = 1: 2 is prime), so both are offered
	r.anyMatches(t, []refCase{
		{"Number of primes between n and 2n.", 1, 80, func(n int64) int64 { return ops3PrimesIn(n+1, 2*n-1, false) }},
		{"Number of primes between n and 2n.", 1, 80, func(n int64) int64 { return ops3PrimesIn(n, 2*n, false) }},
	})
}

// TestOps3Refuses: near misses of the forms, and readings the examples
// cannot settle.
func TestOps3Refuses(t *testing.T) {
	refuses(t,
		"Smallest prime <= n.",                           // names no sequence
		"Largest squarefree number > n.",                 // likewise
		"Difference between the n-th self number and n.", // no list read
		"Sum of all fancy numbers <= n.",
		"Number of squarefree numbers between 2^n and 2^(n+1).", // past the fuel, or the ends undecided
		"Sum of primes between n and 2n and 3n.",
		"Absolute difference between n and the cake.",
		"Number of primes p with n < q < 2n.", // a letter the range does not bind
	)
}

// ops3DivsRef folds the divisors d of m with ok(d): their number, sum,
// product (wrapped as the i32 program's) or largest.
func ops3DivsRef(m int64, ok func(d int64) bool, op string) int64 {
	cnt, sum, prod, top := int64(0), int64(0), int32(1), int64(0)
	for d := int64(1); d <= m; d++ {
		if m%d == 0 && ok(d) {
			cnt++
			sum += d
			prod *= int32(d)
			top = d
		}
	}
	switch op {
	case "number":
		return cnt
	case "sum":
		return sum
	case "product":
		return int64(prod)
	}
	return top
}

func TestOps3Divisors(t *testing.T) {
	odd := func(d int64) bool { return d%2 == 1 }
	all := func(int64) bool { return true }
	newRunner(t).allMatch(t, []refCase{
		{"Number of odd divisors of n^2+1.", 1, 60, func(n int64) int64 { return ops3DivsRef(n*n+1, odd, "number") }},
		{"Number of even divisors of 2n.", 1, 60, func(n int64) int64 {
			return ops3DivsRef(2*n, func(d int64) bool { return d%2 == 0 }, "number")
		}},
		{"Product of the squarefree divisors of n.", 1, 60, func(n int64) int64 { return ops3DivsRef(n, squarefreeRef, "product") }},
		{"Product of divisors of 2n+1.", 1, 60, func(n int64) int64 { return ops3DivsRef(2*n+1, all, "product") }},
		{"Largest odd divisor of 3n+1.", 1, 60, func(n int64) int64 { return ops3DivsRef(3*n+1, odd, "largest") }},
		{"Number of common divisors of n and 12.", 1, 60, func(n int64) int64 { return ops3DivsRef(gcdRef(n, 12), all, "number") }},
		{"Sum of the common divisors of n and 2n+2.", 1, 60, func(n int64) int64 { return ops3DivsRef(gcdRef(n, 2*n+2), all, "sum") }},
	})
	refuses(t,
		"Product of the haunted divisors of n.", // no sum reader reads the adjective
		"Number of common divisors of n.",       // one operand
		"Largest prime divisor of the cake.",
		"Sum of the common divisors of n and the cake.",
	)
}

func TestOps3Dividing(t *testing.T) {
	isSquare := func(d int64) bool { r := isqrtRef(d); return r*r == d }
	isTri := func(d int64) bool { r := isqrtRef(8*d + 1); return r*r == 8*d+1 }
	newRunner(t).allMatch(t, []refCase{
		{"Number of squares dividing n.", 1, 80, func(n int64) int64 { return ops3DivsRef(n, isSquare, "number") }},
		{"Sum of the squarefree numbers dividing 2n+1.", 1, 60, func(n int64) int64 { return ops3DivsRef(2*n+1, squarefreeRef, "sum") }},
		{"Product of the primes that divide n.", 1, 60, func(n int64) int64 { return ops3DivsRef(n, isPrimeRef, "product") }},
		{"Largest triangular number dividing n.", 1, 80, func(n int64) int64 { return ops3DivsRef(n, isTri, "largest") }},
		{"Largest squarefree divisor of n^2+n.", 1, 40, func(n int64) int64 { return ops3DivsRef(n*n+n, squarefreeRef, "largest") }},
	})
	refuses(t,
		"Number of haunted numbers dividing n.",
		"Largest prime number dividing the cake.",
		"Number of squares dividing.",
	)
}

func TestOps3Interleave(t *testing.T) {
	inter := func(b int64, x, y func(m int64) int64) func(int64) int64 {
		return func(n int64) int64 {
			m := n - b
			if m%2 == 0 {
				return x(m / 2)
			}
			return y(m / 2)
		}
	}
	newRunner(t).anyMatches(t, []refCase{
		// A217894
		{"50k^2-20k-23 interleaved with 50k^2+30k+17 for k=>0.", 0, 60, inter(0,
			func(k int64) int64 { return 50*k*k - 20*k - 23 }, func(k int64) int64 { return 50*k*k + 30*k + 17 })},
		{"Interleave 3n+1 and 3n+2.", 1, 60, inter(1, func(k int64) int64 { return 3*k + 1 }, func(k int64) int64 { return 3*k + 2 })},
		{"Primes interleaved with zeros.", 0, 60, inter(0, func(k int64) int64 { return primeRef(k + 1) }, func(int64) int64 { return 0 })},
		{"Interleaving of the squares and the semiprimes.", 0, 60, inter(0, func(k int64) int64 { return k * k },
			func(k int64) int64 { return nthRef(k+1, 1, func(j int64) bool { return bigOmegaRef(j) == 2 }) })},
	})
	refuses(t,
		"Interleave the haunted numbers and the squares.",
		"Squares interleaved.",
		"Interleave 3n+1 and the cake.",
	)
}

// ops3DigitalRootRef sums the decimal digits of x until one digit is left.
func ops3DigitalRootRef(x int64) int64 {
	for x >= 10 {
		s := int64(0)
		for ; x > 0; x /= 10 {
			s += x % 10
		}
		x = s
	}
	return x
}

func TestOps3DigitalRoot(t *testing.T) {
	newRunner(t).allMatch(t, []refCase{
		{"Digital root of n^2.", 0, 80, func(n int64) int64 { return ops3DigitalRootRef(n * n) }},
		{"Digital root of the sum of divisors of n.", 1, 80, func(n int64) int64 { return ops3DigitalRootRef(sigmaRef(n)) }},
		{"a(n) = digital root of 3n+1.", 0, 80, func(n int64) int64 { return ops3DigitalRootRef(3*n + 1) }},
	})
	newRunner(t).anyMatches(t, []refCase{
		{"Digital root of the n-th prime.", 1, 80, func(n int64) int64 { return ops3DigitalRootRef(primeRef(n)) }},
	})
	refuses(t,
		"Digital root of n!.", // past i32 the wrapped product loses the residue: refused
		"Digital root of the haunted numbers.",
		"Digital root of the cake.",
	)
}
