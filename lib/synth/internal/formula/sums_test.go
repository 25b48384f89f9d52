package formula

import (
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// sumsFibRef is F(n) by iteration, F(0) = 0.
func sumsFibRef(n int64) int64 {
	a, b := int64(0), int64(1)
	for ; n > 0; n-- {
		a, b = b, a+b
	}
	return a
}

// sumsSigmaRef is Sum_{d|n} d^k.
func sumsSigmaRef(n, k int64) int64 {
	s := int64(0)
	for d := int64(1); d <= n; d++ {
		if n%d == 0 {
			s += setsPowRef(d, k)
		}
	}
	return s
}

// sumsMuRef is the Moebius function by trial division.
func sumsMuRef(n int64) int64 {
	m := int64(1)
	for p := int64(2); p*p <= n; p++ {
		if n%p == 0 {
			n /= p
			if n%p == 0 {
				return 0
			}
			m = -m
		}
	}
	if n > 1 {
		m = -m
	}
	return m
}

func TestSeqOps(t *testing.T) {
	pent := func(m int64) int64 { return m * (3*m - 1) / 2 }
	binom := func(n, k int64) int64 {
		r := int64(1)
		for i := int64(1); i <= k; i++ {
			r = r * (n - k + i) / i
		}
		return r
	}
	newRunner(t).anyMatches(t, []refCase{
		// A023552: (3, 4, 5, ...) convolved with (F(0), F(1), ...), from a(1)
		{"Convolution of natural numbers >= 3 and Fibonacci numbers.", 1, 30, func(n int64) int64 {
			s := int64(0)
			for i := int64(0); i <= n; i++ {
				s += (3 + i) * sumsFibRef(n-i)
			}
			return s
		}},
		// A087115: sigma_3 convolved with itself
		{"Convolution of sum of cubes of divisors with itself.", 1, 40, func(n int64) int64 {
			s := int64(0)
			for k := int64(1); k < n; k++ {
				s += sumsSigmaRef(k, 3) * sumsSigmaRef(n-k, 3)
			}
			return s
		}},
		{"Sums of three consecutive pentagonal numbers.", 0, 60, func(n int64) int64 { return pent(n) + pent(n+1) + pent(n+2) }},
		{"Partial sums of the squares.", 0, 60, func(n int64) int64 { return n * (n + 1) * (2*n + 1) / 6 }},
		{"First differences of the cubes.", 0, 60, func(n int64) int64 { return 3*n*n + 3*n + 1 }},
		{"Inverse Moebius transform of the squares.", 1, 60, func(n int64) int64 { return sumsSigmaRef(n, 2) }},
		{"Möbius transform of the triangular numbers.", 1, 60, func(n int64) int64 {
			s := int64(0)
			for d := int64(1); d <= n; d++ {
				if n%d == 0 {
					s += sumsMuRef(n/d) * d * (d + 1) / 2
				}
			}
			return s
		}},
		{"Binomial transform of the squares.", 0, 20, func(n int64) int64 {
			s := int64(0)
			for k := int64(0); k <= n; k++ {
				s += binom(n, k) * k * k
			}
			return s
		}},
		{"Alternating sum of the squares.", 0, 60, func(n int64) int64 { return n * (n + 1) / 2 }},
		{"Partial sums of the Fibonacci numbers.", 0, 40, func(n int64) int64 { return sumsFibRef(n+2) - 1 }},
		{"Partial sums of the number of divisors of n.", 1, 80, func(n int64) int64 {
			s := int64(0)
			for k := int64(1); k <= n; k++ {
				s += sumsSigmaRef(k, 0)
			}
			return s
		}},
	})
}

func TestSeqOpsRefuse(t *testing.T) {
	refuses(t,
		"Partial sums of A000045.",             // an A-number alone: no table of them
		"Convolution of A000045 with itself.",  // likewise
		"Partial sums of A000290 and A000045.", // likewise
		"First differences of A001222.",
		"Sums of six consecutive squares.",              // no count read past five
		"Convolution of the squares and A000045.",       // one side unread
		"Partial sums of the squares of something.",     // words no reader takes
		"Self-convolution of repeated Catalan numbers.", // "repeated": not a sequence read
	)
}

// sumsDivRef is Sum_{d|m, ok(d)} d.
func sumsDivRef(m int64, ok func(d int64) bool) int64 {
	s := int64(0)
	for d := int64(1); d <= m; d++ {
		if m%d == 0 && ok(d) {
			s += d
		}
	}
	return s
}

func TestOfArgument(t *testing.T) {
	odd := func(d int64) bool { return d%2 == 1 }
	squarefree := func(d int64) bool { return sumsMuRef(d) != 0 }
	sopf := func(n int64) int64 {
		s := int64(0)
		for p := int64(2); p <= n; p++ {
			if n%p == 0 && isPrimeRef(p) {
				s += p
			}
		}
		return s
	}
	newRunner(t).anyMatches(t, []refCase{
		{"Sum of odd divisors of sopf(n).", 2, 80, func(n int64) int64 { return sumsDivRef(sopf(n), odd) }},
		{"Sum of divisors of p+1, p prime.", 1, 80, func(n int64) int64 { return sumsSigmaRef(primeRef(n)+1, 1) }},
		{"Sum of odd divisors of n <= sqrt(n).", 1, 100, func(n int64) int64 {
			return sumsDivRef(n, func(d int64) bool { return odd(d) && d*d <= n })
		}},
		{"Sum of squarefree divisors of n that are <= sqrt(n).", 1, 100, func(n int64) int64 {
			return sumsDivRef(n, func(d int64) bool { return squarefree(d) && d*d <= n })
		}},
		{"Sum of even divisors of n > sqrt(3n).", 1, 100, func(n int64) int64 {
			return sumsDivRef(n, func(d int64) bool { return d%2 == 0 && d*d > 3*n })
		}},
	})
	refuses(t,
		"Sum of odd divisors of p+1, p composite.", // a letter bound to what is not read
		"Sum of odd divisors of n <= sqrt(n-5).",   // sqrt undefined at n < 5
		"Sum of odd divisors of A000045(n).",
		"Sum of odd divisors of the first term of n.",
	)
}

func TestTabledTerms(t *testing.T) {
	r := newRunner(t)
	r.anyMatches(t, []refCase{
		// A023662: (1, 3, 5, ...) convolved with the primes, from a(1)
		{"Convolution of odd numbers and primes.", 1, 100, func(n int64) int64 {
			s := int64(0)
			for k := int64(1); k <= n; k++ {
				s += (2*k - 1) * primeRef(n+1-k)
			}
			return s
		}},
		// A209403: the primes convolved with the odd primes, from a(1)
		{"Convolution of primes with odd primes.", 1, 100, func(n int64) int64 {
			s := int64(0)
			for k := int64(1); k <= n; k++ {
				s += primeRef(k) * primeRef(n+2-k)
			}
			return s
		}},
		{"Partial sums of the primes.", 1, 100, func(n int64) int64 {
			s := int64(0)
			for k := int64(1); k <= n; k++ {
				s += primeRef(k)
			}
			return s
		}},
		{"Partial sums of the semiprimes.", 1, 100, func(n int64) int64 {
			s, k := int64(0), int64(0)
			for x := int64(4); k < n; x++ {
				if setsBigomegaRef(x) == 2 {
					s, k = s+x, k+1
				}
			}
			return s
		}},
	})
	// the tabled programs stay well within the fuel at n = 100 (the
	// plain ones, a scan from 2 for each term, do not)
	for _, text := range []string{"Convolution of primes with odd primes.", "Partial sums of the semiprimes."} {
		for _, c := range Candidates(text, 1) {
			p, err := ir.Prepare(ir.Program{Arity: 1, Ops: c.Ops})
			if err != nil {
				t.Fatal(err)
			}
			if _, used, err := p.RunFuel([]int32{100}, ir.DefaultFuel); err != nil || used > ir.DefaultFuel/4 {
				t.Errorf("%s: %d fuel at n = 100 (%v)", c.Expr, used, err)
			}
		}
	}
}

// sumsPartsRef sums f over the partitions of n into k parts a[0] <= ...
// <= a[k-1] (strictly increasing where distinct), by enumerating them.
func sumsPartsRef(k int, distinct bool, f func(a []int64) int64) func(n int64) int64 {
	return func(n int64) int64 {
		s := int64(0)
		a := make([]int64, k)
		var walk func(i int, lo, left int64)
		walk = func(i int, lo, left int64) {
			if i == k-1 {
				if left >= lo {
					a[i] = left
					s += f(a)
				}
				return
			}
			for x := lo; x <= left; x++ {
				a[i] = x
				next := x
				if distinct {
					next = x + 1
				}
				walk(i+1, next, left-x)
			}
		}
		walk(0, 1, n)
		return s
	}
}

func TestPartSums(t *testing.T) {
	squarefree := func(x int64) bool { return sumsMuRef(x) != 0 }
	newRunner(t).anyMatches(t, []refCase{
		{"Sum of the third largest parts of the partitions of n into 4 parts.", 0, 100, sumsPartsRef(4, false, func(a []int64) int64 { return a[1] })},
		{"Sum of the cubes of the parts in the partitions of n into two distinct parts.", 1, 100, sumsPartsRef(2, true, func(a []int64) int64 { return a[0]*a[0]*a[0] + a[1]*a[1]*a[1] })},
		{"Sum of the products of the smaller and larger parts of the partitions of n into two distinct parts with the larger part even.", 1, 100,
			sumsPartsRef(2, true, func(a []int64) int64 {
				if a[1]%2 != 0 {
					return 0
				}
				return a[0] * a[1]
			})},
		{"Sum of the smallest parts of the partitions of n into 3 prime parts.", 0, 100, sumsPartsRef(3, false, func(a []int64) int64 {
			if !isPrimeRef(a[0]) || !isPrimeRef(a[1]) || !isPrimeRef(a[2]) {
				return 0
			}
			return a[0]
		})},
		{"Sum of the middle parts of the partitions of n into three distinct squarefree parts.", 0, 100, sumsPartsRef(3, true, func(a []int64) int64 {
			if !squarefree(a[0]) || !squarefree(a[1]) || !squarefree(a[2]) {
				return 0
			}
			return a[1]
		})},
		{"Sum of all the parts of the partitions of n into 3 parts.", 0, 100, sumsPartsRef(3, false, func(a []int64) int64 { return a[0] + a[1] + a[2] })},
	})
	refuses(t,
		"Sum of the middle parts of the partitions of n into 4 parts.",         // no middle part of four
		"Sum of the fourth largest parts of the partitions of n into 4 parts.", // rank not read
		"Sum of the smallest parts of the partitions of n into 3 blue parts.",  // kind not read
		"Sum of the smallest parts of the partitions of n into five parts.",    // five not read
	)
}
