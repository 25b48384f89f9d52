package formula

import "testing"

// eqnSigmaRef is the sum of the divisors of n (a native reference).
func eqnSigmaRef(n int64) int64 {
	s := int64(0)
	for d := int64(1); d <= n; d++ {
		if n%d == 0 {
			s += d
		}
	}
	return s
}

// eqnV2Ref is the exponent of 2 in n > 0.
func eqnV2Ref(n int64) int64 {
	e := int64(0)
	for n%2 == 0 {
		n /= 2
		e++
	}
	return e
}

func TestEqnDefinitions(t *testing.T) {
	newRunner(t).anyMatches(t, []refCase{
		{"a(n) = gcd(f(n), f(n+1)) where f(n) = n^4 + n^2 + 1.", 0, 40, func(n int64) int64 {
			f := func(m int64) int64 { return m*m*m*m + m*m + 1 }
			return gcdRef(f(n), f(n+1))
		}},
		{"a(n) = (p+1)*(p+2)*(p+3)/6 where p is the n-th prime.", 1, 60, func(n int64) int64 {
			p := primeRef(n)
			return (p + 1) * (p + 2) * (p + 3) / 6
		}},
		{"a(n) = n*2^e + (4^e - 1)/3, where e is the 2-adic valuation of n.", 1, 100, func(n int64) int64 {
			e := eqnV2Ref(n)
			return n<<e + ((int64(1)<<(2*e))-1)/3
		}},
		{"a(n) = sigma(n) - sigma(A032742(n)), where A032742 gives the largest proper divisor of n.", 1, 100, func(n int64) int64 {
			lpd := int64(1)
			for d := int64(2); d <= n; d++ {
				if n%d == 0 {
					lpd = n / d
					break
				}
			}
			return eqnSigmaRef(n) - eqnSigmaRef(lpd)
		}},
		{"a(n) = F(n)^2 + L(n) where F = A000045 is the Fibonacci numbers and L = A000032 is the Lucas numbers.", 0, 22, func(n int64) int64 {
			f, g := int64(0), int64(1) // F(n), F(n+1)
			for i := int64(0); i < n; i++ {
				f, g = g, f+g
			}
			return f*f + 2*g - f // L(n) = F(n-1) + F(n+1) = 2F(n+1) - F(n)
		}},
		{"a(n) = h(n + 1) - h(n) where h(n) = floor((2*n + 1)/k) and k = 5.", 0, 100, func(n int64) int64 {
			return (2*n+3)/5 - (2*n+1)/5
		}},
		{"a(n) = 2^(n-1) mod composite(n).", 1, 100, func(n int64) int64 {
			c := nthRef(n, 4, func(k int64) bool { return !isPrimeRef(k) })
			r := int64(1)
			for i := int64(1); i < n; i++ {
				r = r * 2 % c
			}
			return r
		}},
		{"a(n) = nonprime(n) + 1.", 1, 100, func(n int64) int64 {
			return nthRef(n, 1, func(k int64) bool { return !isPrimeRef(k) }) + 1
		}},
		{"a(n) = usigma(n) + 1.", 1, 100, func(n int64) int64 {
			s := int64(0)
			for d := int64(1); d <= n; d++ {
				if n%d == 0 && gcdRef(d, n/d) == 1 {
					s += d
				}
			}
			return s + 1
		}},
		{"a(n) = 2*valuation(n, 3) + n.", 1, 100, func(n int64) int64 {
			e := int64(0)
			for m := n; m%3 == 0; m /= 3 {
				e++
			}
			return 2*e + n
		}},
		// the first member of the chain names another sequence: the second is read
		{"a(n) = A007290(n+2) - 1 = 2*C(n+2,3) - 1.", 0, 100, func(n int64) int64 {
			return 2*binomialRef(n+2, 3) - 1
		}},
	})
}

// eqnBinomialBig is C(n, k) exactly mod 2^64 wherever it fits int64
// (Pascal's rule in native integers, a reference independent of the
// IR's table).
func eqnBinomialBig(n, k int64) int64 {
	if k < 0 || k > n {
		return 0
	}
	row := []int64{1}
	for r := int64(1); r <= n; r++ {
		next := make([]int64, r+1)
		next[0], next[r] = 1, 1
		for c := int64(1); c < r; c++ {
			next[c] = row[c-1] + row[c]
		}
		row = next
	}
	return row[k]
}

func TestEqnWordsAndSums(t *testing.T) {
	newRunner(t).anyMatches(t, []refCase{
		{"a(n) = n - sum of the distinct prime factors of n.", 1, 100, func(n int64) int64 {
			ps, _ := factorRef(n)
			return n - sumRef(ps)
		}},
		{"a(n) = 2*n + number of divisors of (n+1).", 0, 100, func(n int64) int64 {
			c := int64(0)
			for d := int64(1); d <= n+1; d++ {
				if (n+1)%d == 0 {
					c++
				}
			}
			return 2*n + c
		}},
		// the terms leave i32 long before the sum does: binomials from
		// Pascal's triangle (exact mod 2^32), bounded by binomial(n, 5k)
		{"a(n) = Sum_{k >= 0}(-1)^k*binomial(n,5*k).", 0, 32, func(n int64) int64 {
			s := int64(0)
			for k := int64(0); 5*k <= n; k++ {
				s += (1 - 2*(k%2)) * eqnBinomialBig(n, 5*k)
			}
			return s
		}},
		{"a(n) = Sum_{k>=1} binomial(n, 2*k+1)*k.", 0, 28, func(n int64) int64 {
			s := int64(0)
			for k := int64(1); 2*k+1 <= n; k++ {
				s += eqnBinomialBig(n, 2*k+1) * k
			}
			return s
		}},
		// C(2n, n) leaves i32 at n = 17, the difference at n = 20
		{"a(n) = binomial(2*n, n) - binomial(2*n, n+1).", 0, 19, func(n int64) int64 {
			return eqnBinomialBig(2*n, n) - eqnBinomialBig(2*n, n+1)
		}},
	})
}

func TestEqnEllipsisAndWords(t *testing.T) {
	newRunner(t).anyMatches(t, []refCase{
		{"a(n) = 1*2 + 2*3 + ... + n*(n+1).", 1, 100, func(n int64) int64 {
			s := int64(0)
			for j := int64(1); j <= n; j++ {
				s += j * (j + 1)
			}
			return s
		}},
		{"a(n) = 1 + 3 + 5 + ... + (2*n-1).", 1, 100, func(n int64) int64 { return n * n }},
		{"a(n) = 1^3 + 2^3 + 3^3 + ... + n^3.", 1, 100, func(n int64) int64 { return n * n * (n + 1) * (n + 1) / 4 }},
		{"a(n) = 2*1 + 4*3 + 6*5 + ... + (up to the n-th term).", 1, 100, func(n int64) int64 {
			s := int64(0)
			for j := int64(1); j <= n; j++ {
				s += 2 * j * (2*j - 1)
			}
			return s
		}},
		{"a(n) = 1 if n-th prime is 1 or 2 mod 4, otherwise 0.", 1, 100, func(n int64) int64 {
			if p := primeRef(n); p%4 == 1 || p%4 == 2 {
				return 1
			}
			return 0
		}},
		{"a(1) = 0, and for n > 1, a(n) = 1 if the largest proper divisor of n is odd, otherwise 0.", 1, 100, func(n int64) int64 {
			lpd := int64(1)
			for d := int64(2); d <= n; d++ {
				if n%d == 0 {
					lpd = n / d
					break
				}
			}
			if n > 1 && lpd%2 == 1 {
				return 1
			}
			return 0
		}},
	})
}

// TestEqnRingDiv: residues and quotients of values past i32 (math/big
// free native references: the residue by modular steps, the quotient of
// a Fibonacci number from uint64 values while they fit).
func TestEqnRingDiv(t *testing.T) {
	fib := func(n int64) uint64 {
		a, b := uint64(0), uint64(1)
		for i := int64(0); i < n; i++ {
			a, b = b, a+b
		}
		return a
	}
	newRunner(t).anyMatches(t, []refCase{
		// F(47..) pass i32; the quotient fits to n = 55
		{"a(n) = floor(Fibonacci(n)/prime(n)).", 1, 55, func(n int64) int64 { return int64(fib(n) / uint64(primeRef(n))) }},
		{"a(n) = floor(2^n/9).", 0, 34, func(n int64) int64 { return int64((uint64(1) << n) / 9) }},
		{"a(n) = floor(3^n/7) + n.", 0, 21, func(n int64) int64 {
			p := uint64(1)
			for i := int64(0); i < n; i++ {
				p *= 3
			}
			return int64(p/7) + n
		}},
		{"a(n) = n! mod prime(n).", 1, 100, func(n int64) int64 {
			p, r := primeRef(n), int64(1)
			for i := int64(2); i <= n; i++ {
				r = r * i % p
			}
			return r
		}},
		{"a(n) = Fibonacci(n) mod n.", 1, 100, func(n int64) int64 {
			a, b := int64(0), int64(1)
			for i := int64(0); i < n; i++ {
				a, b = b, (a+b)%n
			}
			return a % n
		}},
	})
}

func TestEqnDivisorConditions(t *testing.T) {
	divSum := func(n int64, ok func(d int64) bool, f func(d int64) int64) int64 {
		s := int64(0)
		for d := int64(1); d <= n; d++ {
			if n%d == 0 && ok(d) {
				s += f(d)
			}
		}
		return s
	}
	newRunner(t).anyMatches(t, []refCase{
		{"a(n) = Sum_{d|n, n/d=1 mod 4} d^2 - Sum_{d|n, n/d=3 mod 4} d^2.", 1, 100, func(n int64) int64 {
			sq := func(d int64) int64 { return d * d }
			return divSum(n, func(d int64) bool { return n/d%4 == 1 }, sq) - divSum(n, func(d int64) bool { return n/d%4 == 3 }, sq)
		}},
		{"a(n) = Sum_{d|n, d is odd} d^2.", 1, 100, func(n int64) int64 {
			return divSum(n, func(d int64) bool { return d%2 == 1 }, func(d int64) int64 { return d * d })
		}},
		{"a(n) = Sum_{d|n, gcd(d, n/d) = 1} d.", 1, 100, func(n int64) int64 {
			return divSum(n, func(d int64) bool { return gcdRef(d, n/d) == 1 }, func(d int64) int64 { return d })
		}},
		{"a(n) = Sum_{d|n, d == 2 (mod 3)} d.", 1, 100, func(n int64) int64 {
			return divSum(n, func(d int64) bool { return d%3 == 2 }, func(d int64) int64 { return d })
		}},
	})
}

func TestEqnPrimePiOfReal(t *testing.T) {
	pi := func(x int64) int64 {
		c := int64(0)
		for k := int64(2); k <= x; k++ {
			if isPrimeRef(k) {
				c++
			}
		}
		return c
	}
	newRunner(t).anyMatches(t, []refCase{
		{"a(n) = pi(n) - pi(sqrt(n)) + 1.", 1, 100, func(n int64) int64 { return pi(n) - pi(isqrtRef(n)) + 1 }},
		{"a(n) = primepi(n/3) + n.", 0, 100, func(n int64) int64 { return pi(n/3) + n }},
	})
}

func TestEqnRefuses(t *testing.T) {
	refuses(t,
		"a(n) = 5^A000120(n).", // no table of A-numbers: the text must say what it is
		"a(n) = A000045(n) + A000045(n+1).",
		"a(n) = gcd(f(n), f(n+1)) where f(n) = n^2 + 1 and f(n) = n^3.", // defined twice
		"a(n) = p + 1 where p is the smallest prime such that n divides p - 1.",
		"a(n) = e + n where e is the number of ways to write n as a sum of two squares.",
		"a(n) = A007290(n+2) - 1 = number of triangles in a grid.", // the chain ends in words
		"a(n) = A007290(n+2) - 1 = f(n) where f is some function.",
		"a(n) = valuation(n, k) + 1.",          // the base is no constant
		"a(n) = h(n) where h(n) = floor(n/k).", // k never given
		"a(n) = Sum_{k>=0} floor(n/2^k).",      // no binomial bounds the terms
		"a(n) = Sum_{k>=0} binomial(n-k, k).",  // bounded, but not by the reader's rule
		"a(n) = Sum_{k>=0} binomial(k, n).",
		"a(n) = Sum_{k>=0} binomial(n, 3) * k.",
		"Sum_{k>=0} binomial(n, 2*k).", // not a(n) = ...
		"a(n) = 1 + 2 + ... + 2^n.",    // the last term is no term of 1, 2, 3, ...
		"a(n) = 1 + 2 + 4 + ... + n.",  // the steps are not one progression
		"a(n) = 1 + 5 + ... + n.",      // two terms, a step past 2: the progression is open
		"a(n) = 1*2 + 2*3 + ... + n*(n+2).",
		"a(n) = 1 + 2 + ... + (up to the term that is prime).",
		"a(n) = prime(k) where k = n-th prime frobnicated to 1 mod 6.", // the words go on (read whole, "congruent to 1 mod 6", by parse2_words.go)
		"a(n) = 1 if the n-th prime number is odd, otherwise 0.",       // "n-th prime number ..." is not read as prime(n)
		"a(n) = floor(3^n/(2*n+2)).",                                   // an even divisor that is no constant: 3^n passes i32 before the quotient does
	)
}
