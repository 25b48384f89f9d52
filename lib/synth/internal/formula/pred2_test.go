package formula

import "testing"

// digitsOfRef is k's decimal digits (k >= 0).
func digitsOfRef(k int64) []int64 {
	ds := []int64{k % 10}
	for k /= 10; k > 0; k /= 10 {
		ds = append(ds, k%10)
	}
	return ds
}

// powerfulRef: every prime exponent of k >= 1 is at least 2.
func powerfulRef(k int64) bool {
	_, es := factorRef(k)
	for _, e := range es {
		if e < 2 {
			return false
		}
	}
	return k >= 1
}

// lpfRef and gpfRef: k's least and greatest prime factors (k >= 2).
func lpfRef(k int64) int64 { ps, _ := factorRef(k); return ps[0] }
func gpfRef(k int64) int64 { ps, _ := factorRef(k); return ps[len(ps)-1] }

func TestPred2Lists(t *testing.T) {
	twin := func(a, b int64) bool { return b-a == 2 && isPrimeRef(a) && isPrimeRef(b) }
	newRunner(t).anyMatches(t, []refCase{
		{"Numbers k such that (3*k-4, 3*k-2) is a twin prime pair.", 1, 60, func(n int64) int64 {
			return nthRef(n, 1, func(k int64) bool { return twin(3*k-4, 3*k-2) })
		}},
		{"Numbers k such that 6*k+1 and 6*k-1 are twin primes.", 1, 60, func(n int64) int64 {
			return nthRef(n, 1, func(k int64) bool { return twin(6*k-1, 6*k+1) })
		}},
		{"Numbers k such that no nonzero digit of 3*k divides 3*k.", 1, 60, func(n int64) int64 {
			return nthRef(n, 1, func(k int64) bool {
				for _, d := range digitsOfRef(3 * k) {
					if d != 0 && 3*k%d == 0 {
						return false
					}
				}
				return true
			})
		}},
		{"Numbers k such that every digit of k is odd.", 1, 80, func(n int64) int64 {
			return nthRef(n, 1, func(k int64) bool {
				for _, d := range digitsOfRef(k) {
					if d%2 == 0 {
						return false
					}
				}
				return true
			})
		}},
		{"Numbers k such that all digits of k are even.", 1, 80, func(n int64) int64 {
			return nthRef(n, 0, func(k int64) bool {
				for _, d := range digitsOfRef(k) {
					if d%2 == 1 {
						return false
					}
				}
				return true
			})
		}},
		{"Numbers k such that some digit of k^2 is 7.", 1, 80, func(n int64) int64 {
			return nthRef(n, 1, func(k int64) bool {
				for _, d := range digitsOfRef(k * k) {
					if d == 7 {
						return true
					}
				}
				return false
			})
		}},
		{"Numbers n such that binomial(n,2)/6 has denominator 3.", 1, 80, func(n int64) int64 {
			return nthRef(n, 0, func(k int64) bool { c := k * (k - 1) / 2; return 6/gcdRef(c, 6) == 3 })
		}},
		// a kind of number run over its argument
		{"Squares k such that k+1 is prime.", 1, 60, func(n int64) int64 {
			j := nthRef(n, 0, func(j int64) bool { return isPrimeRef(j*j + 1) })
			return j * j
		}},
		{"Triangular numbers k such that k+1 is prime.", 1, 60, func(n int64) int64 {
			j := nthRef(n, 0, func(j int64) bool { return isPrimeRef(j*(j+1)/2 + 1) })
			return j * (j + 1) / 2
		}},
		{"Numbers k such that k-1 and k+1 are not squarefree and not prime.", 1, 60, func(n int64) int64 {
			return nthRef(n, 2, func(k int64) bool { return !squarefreeRef(k-1) && !squarefreeRef(k+1) })
		}},
		{"Numbers k such that both 2*k+1 and 4*k+1 are odd and squarefree.", 1, 80, func(n int64) int64 {
			return nthRef(n, 0, func(k int64) bool { return squarefreeRef(2*k+1) && squarefreeRef(4*k+1) })
		}},
		// a kind of number named by adjectives
		{"Odd squarefree numbers k such that k+2 is prime.", 1, 80, func(n int64) int64 {
			return nthRef(n, 1, func(k int64) bool { return k%2 == 1 && squarefreeRef(k) && isPrimeRef(k+2) })
		}},
		{"Nonprime squarefree numbers n such that n+1 is prime.", 1, 80, func(n int64) int64 {
			return nthRef(n, 1, func(k int64) bool { return !isPrimeRef(k) && squarefreeRef(k) && isPrimeRef(k+1) })
		}},
		{"Positive nonsquare integers k such that k+1 is prime.", 1, 80, func(n int64) int64 {
			return nthRef(n, 1, func(k int64) bool { r := isqrtRef(k); return r*r != k && isPrimeRef(k+1) })
		}},
		{"Cubes k such that k+1 is divisible by 7.", 1, 60, func(n int64) int64 {
			j := nthRef(n, 0, func(j int64) bool { return (j*j*j+1)%7 == 0 })
			return j * j * j
		}},
	})
}

func TestPred2Counts(t *testing.T) {
	newRunner(t).allMatch(t, []refCase{
		{"Number of positive integers k <= n such that all prime divisors of k are <= sqrt(k).", 1, 150, func(n int64) int64 {
			c := int64(0)
			for k := int64(1); k <= n; k++ {
				if k == 1 || gpfRef(k)*gpfRef(k) <= k {
					c++
				}
			}
			return c
		}},
		{"Number of positive integers k <= n such that all prime factors of k are at least 5.", 1, 150, func(n int64) int64 {
			c := int64(0)
			for k := int64(1); k <= n; k++ {
				if k == 1 || lpfRef(k) >= 5 {
					c++
				}
			}
			return c
		}},
		{"The number of powerful divisors d of n such that n/d is also powerful.", 1, 150, func(n int64) int64 {
			return divisorsRef(n, func(d int64) bool { return powerfulRef(d) && powerfulRef(n/d) })
		}},
		{"Number of squarefree divisors d of n such that d+1 is prime.", 1, 150, func(n int64) int64 {
			return divisorsRef(n, func(d int64) bool { return squarefreeRef(d) && isPrimeRef(d+1) })
		}},
	})
}

// leastPowerRef is the least k >= lo with a*k + b an e-th power (by the
// k, not the roots).
func leastPowerRef(a, b, lo, e int64) int64 {
	for k := lo; ; k++ {
		v := a*k + b
		r := int64(0)
		for pow(r+1, e) <= v {
			r++
		}
		if pow(r, e) == v {
			return k
		}
	}
}

func pow(r, e int64) int64 {
	p := int64(1)
	for range e {
		p *= r
	}
	return p
}

func TestPred2LeastPower(t *testing.T) {
	newRunner(t).allMatch(t, []refCase{
		{"Smallest k > 0 such that nk+1 is a cube.", 1, 100, func(n int64) int64 { return leastPowerRef(n, 1, 1, 3) }},
		{"Least positive integer k such that 2*n*k + 1 is a cube.", 1, 100, func(n int64) int64 { return leastPowerRef(2*n, 1, 1, 3) }},
		{"Smallest k > 0 such that n*k + 1 is a perfect fourth power.", 1, 40, func(n int64) int64 { return leastPowerRef(n, 1, 1, 4) }},
	})
}

// TestPred2Refused: near-miss wordings give nothing.
func TestPred2Refused(t *testing.T) {
	refuses(t,
		"Numbers k such that (k, k+2, k+6) is a twin prime pair.", // a triple
		"Numbers k such that all digits of k is odd.",             // number disagrees
		"Numbers k such that every digit of k are odd.",
		"Numbers k such that no digit of k is happy.",                          // an adjective not read
		"Numbers k such that k has denominator 3.",                             // an integer has no fraction to reduce
		"The number of powerful divisors of n such that n/d is also powerful.", // d is not named
		"Numbers k such that all prime divisors of k are happy.",
		"Squares k > 4 such that k+1 is prime.",       // a bound on the square, not read
		"Odd odd numbers k such that k+2 is prime.",   // a word twice
		"Odd happy numbers k such that k+2 is prime.", // an adjective not read
		"Nonprime squarefree numbers n > 5 such that n+1 is prime.",
		"Numbers k such that k-1 and k+1 are not squarefree and not happy.",
		"Smallest k > 0 such that n*k^2 + 1 is a cube.", // not linear in k
		"Smallest k > 0 such that n*k - 5 is a cube.",   // b < 0
		"Smallest prime p such that n*p + 1 is a cube.",
	)
}
