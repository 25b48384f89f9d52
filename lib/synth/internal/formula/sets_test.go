package formula

import "testing"

// setsListRef is the n-th (from 1) x >= lo with ok(x), found by counting.
func setsListRef(lo int64, ok func(int64) bool) func(int64) int64 {
	return func(n int64) int64 {
		for x := lo; ; x++ {
			if ok(x) {
				if n--; n == 0 {
					return x
				}
			}
		}
	}
}

// setsDivSumRef is Sum_{d|n, ok(d, n)} f(d).
func setsDivSumRef(ok func(d, n int64) bool, f func(d int64) int64) func(int64) int64 {
	return func(n int64) int64 {
		s := int64(0)
		for d := int64(1); d <= n; d++ {
			if n%d == 0 && ok(d, n) {
				s += f(d)
			}
		}
		return s
	}
}

func setsPowRef(b, e int64) int64 {
	r := int64(1)
	for ; e > 0; e-- {
		r *= b
	}
	return r
}

func setsBigomegaRef(x int64) int64 {
	k := int64(0)
	for p := int64(2); p*p <= x; p++ {
		for ; x%p == 0; x /= p {
			k++
		}
	}
	if x > 1 {
		k++
	}
	return k
}

func TestSetForms(t *testing.T) {
	isSquare := func(x int64) bool {
		for r := int64(0); r*r <= x; r++ {
			if r*r == x {
				return true
			}
		}
		return false
	}
	newRunner(t).anyMatches(t, []refCase{
		{"Primes of the form 2*3*5*7*k+89, k >= 0.", 1, 40, setsListRef(0, func(x int64) bool {
			return x%210 == 89 && isPrimeRef(x)
		})},
		{"Primes of the form 2*s + 1, where s is a squarefree number (A005117).", 1, 60, setsListRef(3, func(p int64) bool {
			return isPrimeRef(p) && squarefreeRef((p-1)/2)
		})},
		{"Semiprimes of the form k^2+1.", 1, 30, func(n int64) int64 {
			return setsListRef(0, func(k int64) bool { return setsBigomegaRef(k*k+1) == 2 })(n)*setsListRef(0, func(k int64) bool { return setsBigomegaRef(k*k+1) == 2 })(n) + 1
		}},
		{"Integers of the form (k^2 - 49) / 120.", 1, 40, setsListRef(0, func(x int64) bool { return isSquare(120*x + 49) })},
		{"Positive numbers not of the form n^2+2.", 1, 80, setsListRef(1, func(x int64) bool { return x < 2 || !isSquare(x-2) })},
		{"Numbers of the form k^2+k+41.", 0, 60, func(n int64) int64 { return n*n + n + 41 }},
		{"Smallest prime == 1 mod (7n).", 1, 40, func(n int64) int64 {
			for p := int64(2); ; p++ {
				if isPrimeRef(p) && p%(7*n) == 1 {
					return p
				}
			}
		}},
		{"Least prime congruent to 3 mod n.", 4, 40, func(n int64) int64 {
			for p := int64(2); ; p++ {
				if isPrimeRef(p) && p%n == 3 {
					return p
				}
			}
		}},
	})
}

func TestSumPowersOfDivisors(t *testing.T) {
	all := func(d, n int64) bool { return true }
	newRunner(t).anyMatches(t, []refCase{
		{"Sum of 4th powers of primes = 3 mod 4 dividing n.", 1, 60, setsDivSumRef(func(d, n int64) bool {
			return isPrimeRef(d) && d%4 == 3
		}, func(d int64) int64 { return setsPowRef(d, 4) })},
		{"Sum of the 6th powers of the square divisors of n.", 1, 30, setsDivSumRef(func(d, n int64) bool {
			for r := int64(1); r*r <= d; r++ {
				if r*r == d {
					return true
				}
			}
			return false
		}, func(d int64) int64 { return setsPowRef(d, 6) })},
		{"Sum of cubes of odd primes dividing n.", 1, 80, setsDivSumRef(func(d, n int64) bool {
			return d%2 == 1 && isPrimeRef(d)
		}, func(d int64) int64 { return d * d * d })},
		{"Sum of the reversals of the proper divisors of n.", 1, 80, setsDivSumRef(func(d, n int64) bool { return d < n }, revRef)},
		{"Sum of the squares of the unitary divisors of n.", 1, 80, setsDivSumRef(func(d, n int64) bool {
			return gcdRef(d, n/d) == 1
		}, func(d int64) int64 { return d * d })},
		{"Sum of the cubes of the divisors of n.", 1, 80, setsDivSumRef(all, func(d int64) int64 { return d * d * d })},
	})
}

func TestSetFormsRefuse(t *testing.T) {
	refuses(t,
		"Numbers not of the form k^2+100.",                             // k from 0 or 1: the readings part past the examples
		"Sum of the squares of the prime factors of n.",                // with or without multiplicity
		"Primes of the form 2*s + 1, where s is a frobnicated number.", // a clause not read
		"Primes of the form k^2 - 10*k, k >= 0.",                       // not increasing: values out of order
		"Numbers of the form k^2+k+41 or k^2.",                         // a union
		"Sum of the 6th powers of the frobnicated divisors of n.",
	)
}

func TestSetOpeningsAndCubes(t *testing.T) {
	cube := func(x int64) bool {
		for j := int64(0); j*j*j <= x; j++ {
			if j*j*j == x {
				return true
			}
		}
		return false
	}
	newRunner(t).anyMatches(t, []refCase{
		{"a(n) is the sum of the squares of the odd divisors of n.", 1, 80, setsDivSumRef(func(d, n int64) bool { return d%2 == 1 }, func(d int64) int64 { return d * d })},
		{"The sum of the odd divisors of n that are greater than 1.", 1, 80, setsDivSumRef(func(d, n int64) bool { return d%2 == 1 && d > 1 }, func(d int64) int64 { return d })},
		{"a(n) is the least prime == 1 mod n.", 1, 60, func(n int64) int64 {
			for p := int64(2); ; p++ {
				if isPrimeRef(p) && p%n == 1%n {
					return p
				}
			}
		}},
		{"Smallest cube >= n.", 0, 100, func(n int64) int64 {
			for x := n; ; x++ {
				if cube(x) {
					return x
				}
			}
		}},
		{"Largest cube <= n.", 0, 100, func(n int64) int64 {
			for x := n; ; x-- {
				if cube(x) {
					return x
				}
			}
		}},
	})
	refuses(t,
		"Least cube <= n.",               // no sequence: the least cube below n does not exist
		"The frobnicated cubes >= n.",    // a kind not read
		"a(n) is the smallest cube >= .", // no bound
	)
}

func TestKindsAre(t *testing.T) {
	twin := func(p int64) bool { return isPrimeRef(p) && (isPrimeRef(p-2) || isPrimeRef(p+2)) }
	sophie := func(p int64) bool { return isPrimeRef(p) && isPrimeRef(2*p+1) }
	chen := func(p int64) bool { return isPrimeRef(p) && (isPrimeRef(p+2) || setsBigomegaRef(p+2) == 2) }
	gonal := func(s, x int64) bool {
		for j := int64(0); ; j++ {
			v := ((s-2)*j*j - (s-4)*j) / 2
			if v == x {
				return true
			}
			if v > x {
				return false
			}
		}
	}
	squarefree := func(x int64) bool { return squarefreeRef(x) }
	primePower := func(x int64) bool {
		for p := int64(2); p <= x; p++ {
			if x%p == 0 {
				for x%p == 0 {
					x /= p
				}
				return x == 1
			}
		}
		return false
	}
	newRunner(t).anyMatches(t, []refCase{
		{"Numbers that are not Sophie Germain primes.", 1, 80, setsListRef(1, func(x int64) bool { return !sophie(x) })},
		{"Odd numbers that are not twin primes.", 1, 80, setsListRef(1, func(x int64) bool { return x%2 == 1 && !twin(x) })},
		{"Positive integers which are neither squarefree integers nor prime powers.", 1, 60, setsListRef(1, func(x int64) bool {
			return !squarefree(x) && !primePower(x)
		})},
		{"Complement of the 12-gonal numbers.", 1, 80, setsListRef(0, func(x int64) bool { return !gonal(12, x) })},
		{"Numbers that are not pentagonal numbers.", 1, 80, setsListRef(0, func(x int64) bool { return !gonal(5, x) })},
		{"Primes p == 5 (mod 6) that are not Sophie Germain primes.", 1, 60, setsListRef(2, func(p int64) bool {
			return isPrimeRef(p) && p%6 == 5 && !sophie(p)
		})},
		{"Numbers k such that k+2 is not a Chen prime.", 1, 80, setsListRef(1, func(k int64) bool { return !chen(k + 2) })},
		{"Numbers that are not powers of 3.", 1, 80, setsListRef(1, func(x int64) bool {
			for ; x%3 == 0; x /= 3 {
			}
			return x != 1
		})},
		{"Numbers that are not oblong numbers.", 1, 80, setsListRef(0, func(x int64) bool {
			for j := int64(0); j*(j+1) <= x; j++ {
				if j*(j+1) == x {
					return false
				}
			}
			return true
		})},
	})
	refuses(t,
		"Numbers that are not frobnicated primes.",     // a kind not read
		"Numbers that are not powers of 4.",            // a composite base: no divisor test of one power
		"Numbers that are not twin primes or squares.", // "not A or B": not said which binds
		"Complement of A000290.",                       // a sequence named by number
		"Numbers that are neither squares nor frobnicated numbers.",
	)
}

func TestLeastMultiple(t *testing.T) {
	newRunner(t).anyMatches(t, []refCase{
		{"Smallest positive multiple of n that is a square.", 1, 80, func(n int64) int64 {
			for m := n; ; m += n {
				for r := int64(1); r*r <= m; r++ {
					if r*r == m {
						return m
					}
				}
			}
		}},
		{"Least nontrivial multiple of n such that m == 1 (mod 2n+1).", 1, 80, func(n int64) int64 {
			for m := 2 * n; ; m += n {
				if m%(2*n+1) == 1 {
					return m
				}
			}
		}},
		{"Least multiple of n == -1 (mod 2n+1).", 1, 80, func(n int64) int64 {
			for m := n; ; m += n {
				if m%(2*n+1) == 2*n {
					return m
				}
			}
		}},
		// "(mod sigma(6))": a modulus with parentheses of its own (pred.go's reMod)
		{"Numbers k such that k == 2 (mod sigma(6)).", 1, 60, setsListRef(0, func(k int64) bool { return k%12 == 2 })},
	})
	refuses(t,
		"Least multiple of n whose frobnication is 3.", // a function not read
		"Least multiple of n that is lovely.",
	)
}

func TestTupleMember(t *testing.T) {
	newRunner(t).anyMatches(t, []refCase{
		{"Smallest member p of a triple of primes (p,p+8,p+20).", 1, 50, setsListRef(2, func(p int64) bool {
			return isPrimeRef(p) && isPrimeRef(p+8) && isPrimeRef(p+20)
		})},
		{"The larger member of a prime pair (p,p + 1000).", 1, 50, func(n int64) int64 {
			return setsListRef(2, func(p int64) bool { return isPrimeRef(p) && isPrimeRef(p+1000) })(n) + 1000
		}},
		{"Greater of twin primes of (40n-23,40n-21).", 1, 40, func(n int64) int64 {
			return 40*setsListRef(1, func(k int64) bool { return isPrimeRef(40*k-23) && isPrimeRef(40*k-21) })(n) - 21
		}},
	})
	refuses(t,
		"Lesser of twin primes (p, p+4).",             // twin: members 2 apart
		"Smallest member of a prime triple (p+8, p).", // members out of order
		"Smallest member of a prime pair (p, q).",     // two letters
	)
}
