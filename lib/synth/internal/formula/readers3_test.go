package formula

import "testing"

// sumOfK is the n-th x >= lo (n from 1) whose number of ways to be written
// as a_1 <= ... <= a_K (a_1 < ... < a_K: distinct), each a member (in),
// passes keep; brute force over the tuples.
func sumOfK(n, lo int64, in func(k int64) bool, K int, distinct bool, keep func(w int64) bool) int64 {
	var ways func(rem int64, min int64, left int) int64
	ways = func(rem, min int64, left int) int64 {
		if left == 0 {
			if rem == 0 {
				return 1
			}
			return 0
		}
		w := int64(0)
		for a := min; a*int64(left) <= rem; a++ {
			if in(a) {
				next := a
				if distinct {
					next = a + 1
				}
				w += ways(rem-a, next, left-1)
			}
		}
		return w
	}
	for x := lo; ; x++ {
		if keep(ways(x, 0, K)) {
			if n--; n == 0 {
				return x
			}
		}
	}
}

func cubeRef(k int64) bool {
	for c := int64(0); c*c*c <= k; c++ {
		if c*c*c == k {
			return true
		}
	}
	return false
}

// TestReaders3Sums: lists named by the sums of K members of a set
// (readers3_sums.go), against brute-force counts of the K-tuples.
func TestReaders3Sums(t *testing.T) {
	abundant := func(k int64) bool { return k > 0 && divisorSum(k, 1) > 2*k }
	newRunner(t).anyMatches(t, []refCase{
		{"Numbers that are the sum of 4 nonzero squares.", 1, 50, func(n int64) int64 {
			return sumOfK(n, 1, positiveSquare, 4, false, func(w int64) bool { return w > 0 })
		}},
		{"Numbers that are not the sum of three nonzero squares.", 1, 50, func(n int64) int64 {
			return sumOfK(n, 0, positiveSquare, 3, false, func(w int64) bool { return w == 0 })
		}},
		{"Numbers that are the sum of 3 nonzero squares in exactly 2 ways.", 1, 40, func(n int64) int64 {
			return sumOfK(n, 1, positiveSquare, 3, false, func(w int64) bool { return w == 2 })
		}},
		{"Numbers that are the sum of three cubes.", 1, 40, func(n int64) int64 {
			return sumOfK(n, 1, func(k int64) bool { return k > 0 && cubeRef(k) }, 3, false, func(w int64) bool { return w > 0 })
		}},
		{"Numbers that are the sum of five distinct nonzero squares.", 1, 40, func(n int64) int64 {
			return sumOfK(n, 1, positiveSquare, 5, true, func(w int64) bool { return w > 0 })
		}},
		{"Sums of two distinct abundant numbers.", 1, 50, func(n int64) int64 {
			return sumOfK(n, 1, abundant, 2, true, func(w int64) bool { return w > 0 })
		}},
		{"Sums of three primes.", 1, 50, func(n int64) int64 {
			return sumOfK(n, 1, isPrimeRef, 3, false, func(w int64) bool { return w > 0 })
		}},
	})
	refuses(t,
		"Numbers that are the sum of nine squares.",            // more than 8 parts
		"Numbers that are the sum of 5 positive fifth powers.", // no such noun read
		"Numbers that are the sum of at most 3 squares.",       // not a fixed count
		"Sums of two primes, an array by antidiagonals.",       // a table, not the list
		"Sums of squares.", // no count
		"Numbers that are the sum of 5 positive cubes in exactly 2 ways.", // the 100th term's table is past the fuel
	)
}

// TestReaders3SumOf: sums and products over the members a count reads,
// complements listed after one subject, a bound inside the clause, and
// readings that the examples tell apart (readers3_sumof.go,
// readers3_pred.go).
func TestReaders3SumOf(t *testing.T) {
	r := newRunner(t)
	r.anyMatches(t, []refCase{
		{"Sum of the numbers <= n that are either squarefree, a divisor of n, or both.", 1, 60, func(n int64) int64 {
			s := int64(0)
			for k := int64(1); k <= n; k++ {
				if squarefreeRef(k) || n%k == 0 {
					s += k
				}
			}
			return s
		}},
		{"Sum of the squarefree numbers that are less than n, not dividing n, and relatively prime to n.", 1, 60, func(n int64) int64 {
			s := int64(0)
			for k := int64(1); k < n; k++ {
				if squarefreeRef(k) && n%k != 0 && gcdRef(k, n) == 1 {
					s += k
				}
			}
			return s
		}},
		{"Product of the primes p <= n such that p+2 is prime.", 1, 70, func(n int64) int64 {
			p := int64(1)
			for k := int64(2); k <= n; k++ {
				if isPrimeRef(k) && isPrimeRef(k+2) {
					p *= k
				}
			}
			return p
		}},
		{"Number of k < n such that k is squarefree and k does not divide n and k is relatively prime to n.", 1, 60, func(n int64) int64 {
			c := int64(0)
			for k := int64(1); k < n; k++ {
				if squarefreeRef(k) && n%k != 0 && gcdRef(k, n) == 1 {
					c++
				}
			}
			return c
		}},
		{"Numbers k such that k is odd, squarefree and divisible by 7.", 1, 60, func(n int64) int64 {
			return nthRef(n, 1, func(k int64) bool { return k%2 == 1 && squarefreeRef(k) && k%7 == 0 })
		}},
		{"Smallest number k such that n + k is a refactorable number.", 1, 60, func(n int64) int64 {
			for k := int64(0); ; k++ {
				m := n + k
				d := int64(0)
				for j := int64(1); j <= m; j++ {
					if m%j == 0 {
						d++
					}
				}
				if m%d == 0 {
					return k
				}
			}
		}},
	})
	refuses(t,
		"Sum of the numbers <= n that are squarefree, a divisor of n, or prime and odd.", // "or" and "and": which binds tighter is not said
		"Sum of the parts of the partitions of n that are squarefree.",                   // parts, not numbers counted one by one
		"Sum of the ways to write n as a sum of squarefree numbers.",
	)
}

// pfQuantRef reports whether every distinct prime factor p of k > 0
// passes ok (trial division).
func pfQuantRef(k int64, ok func(p int64) bool) (all, some bool) {
	all = true
	for p := int64(2); k > 1; p++ {
		if k%p == 0 {
			if ok(p) {
				some = true
			} else {
				all = false
			}
			for k%p == 0 {
				k /= p
			}
		}
	}
	return all, some
}

// TestReaders3PrimeFactors: quantifiers over the prime factors
// (readers3_pfac.go), against trial division.
func TestReaders3PrimeFactors(t *testing.T) {
	mod := func(r, m int64) func(p int64) bool { return func(p int64) bool { return p%m == r } }
	newRunner(t).anyMatches(t, []refCase{
		{"Numbers that are divisible only by primes congruent to 3 mod 4.", 1, 100, func(n int64) int64 {
			return nthRef(n, 1, func(k int64) bool { all, _ := pfQuantRef(k, mod(3, 4)); return all })
		}},
		{"Numbers whose prime factors are all congruent to 1 mod 4.", 1, 100, func(n int64) int64 {
			return nthRef(n, 1, func(k int64) bool { all, _ := pfQuantRef(k, mod(1, 4)); return all })
		}},
		{"Numbers k such that no prime factor of k is congruent to 1 mod 6.", 1, 100, func(n int64) int64 {
			return nthRef(n, 1, func(k int64) bool { _, some := pfQuantRef(k, mod(1, 6)); return !some })
		}},
		{"Numbers k such that some prime divisor of k is of the form 6m+5.", 1, 100, func(n int64) int64 {
			return nthRef(n, 1, func(k int64) bool { _, some := pfQuantRef(k, mod(5, 6)); return some })
		}},
	})
	refuses(t,
		"Numbers whose prime factors are all frobnicated.",
		"Numbers k such that all prime factors of m are congruent to 1 mod 4.", // not the listed variable
	)
}

// TestReaders3Divisors: quantifiers over the divisors (readers3_divq.go),
// against loops over 1..k.
func TestReaders3Divisors(t *testing.T) {
	divs := func(k int64, ok func(d int64) bool) (c, all int64) {
		for d := int64(1); d <= k; d++ {
			if k%d == 0 {
				all++
				if ok(d) {
					c++
				}
			}
		}
		return c, all
	}
	newRunner(t).anyMatches(t, []refCase{
		{"a(n) = 1 if n has no squarefree divisor d such that d^2 > n, otherwise 0.", 1, 100, func(n int64) int64 {
			c, _ := divs(n, func(d int64) bool { return squarefreeRef(d) && d*d > n })
			return b2iRef(c == 0)
		}},
		{"Numbers k such that k has a divisor d such that d^2 + 1 is prime.", 1, 80, func(n int64) int64 {
			return nthRef(n, 1, func(k int64) bool { c, _ := divs(k, func(d int64) bool { return isPrimeRef(d*d + 1) }); return c > 0 })
		}},
		{"Numbers k such that k has at least 3 divisors d such that d+1 is prime.", 1, 60, func(n int64) int64 {
			return nthRef(n, 1, func(k int64) bool { c, _ := divs(k, func(d int64) bool { return isPrimeRef(d + 1) }); return c >= 3 })
		}},
		{"Numbers k such that every divisor of k is squarefree.", 1, 80, func(n int64) int64 {
			return nthRef(n, 1, func(k int64) bool { c, all := divs(k, squarefreeRef); return c == all })
		}},
	})
	refuses(t,
		"Numbers k such that k has no divisor d such that d is frobnicated.",
		"Numbers k such that m has no divisor d such that d^2 > k.", // not the listed variable
	)
}
