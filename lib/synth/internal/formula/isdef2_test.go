package formula

import (
	"strings"
	"testing"
)

// TestIsFrame: a definition written "a(n) is the ...", "a(n) = the ...",
// "a(n) is equal to the ..." or "a(n) = number of ..." reads as the name
// without its frame (native references); a formula after "a(n) =" still
// reads as a formula, and a frame around what no reader takes gives
// nothing.
func TestIsFrame(t *testing.T) {
	tau := func(n int64) int64 {
		c := int64(0)
		for d := int64(1); d <= n; d++ {
			if n%d == 0 {
				c++
			}
		}
		return c
	}
	sigma := func(n int64) int64 {
		s := int64(0)
		for d := int64(1); d <= n; d++ {
			if n%d == 0 {
				s += d
			}
		}
		return s
	}
	lpf := func(n int64) int64 {
		for d := int64(2); d*d <= n; d++ {
			if n%d == 0 {
				return d
			}
		}
		return n
	}
	cases := []refCase{
		{"a(n) is the number of divisors of n.", 1, 200, tau},
		{"a(n) = number of divisors of n.", 1, 200, tau},
		{"a(n) is equal to the sum of the divisors of n.", 1, 200, sigma},
		{"a(n) = the smallest prime factor of n.", 2, 300, lpf},
		{"a(n) is the smallest k such that k^2 > n.", 0, 300, func(n int64) int64 {
			k := int64(0)
			for k*k <= n {
				k++
			}
			return k
		}},
		{"a(n) = sigma(n) - n.", 1, 200, func(n int64) int64 { return sigma(n) - n }},
	}
	newRunner(t).allMatch(t, cases)
	for _, tc := range cases {
		for _, c := range Candidates(tc.text, 1) {
			if !strings.Contains(tc.text, c.Source) {
				t.Errorf("%q: source %q is not a span of the text", tc.text, c.Source)
			}
		}
	}
	refuses(t, "a(n) is the number of ways to tile a haunted house.",
		"a(n) is the number",
		"a(n) is the")
	for text, want := range map[string]string{
		"a(n) is the number of divisors of n": "Number of divisors of n",
		"a(n) = number of primes <= n":        "Number of primes <= n",
		"a(n) is equal to the sum of squares": "Sum of squares",
		"a(n) = sigma(n) - n":                 "a(n) = sigma(n) - n",
		"a(n) = n^2 + 1":                      "a(n) = n^2 + 1",
		"a(n) = Sum_{k=1..n} k":               "a(n) = Sum_{k=1..n} k",
	} {
		if got := isFrame(text); got != want {
			t.Errorf("isFrame(%q) = %q, want %q", text, got, want)
		}
	}
}

// factorExps is n's prime factorization as prime -> exponent (native).
func factorExps(n int64) map[int64]int64 {
	f := map[int64]int64{}
	for p := int64(2); p*p <= n; p++ {
		for n%p == 0 {
			f[p]++
			n /= p
		}
	}
	if n > 1 {
		f[n]++
	}
	return f
}

// TestUnitaryDivisors: "unitary divisors of N" are the divisors d with
// gcd(d, N/d) = 1, and "that are P" a condition on d, with the adjectives
// "exponentially odd" (every exponent odd) and "the square of a squarefree
// number"; read from Candidates and from Seeded, which OEIS names take
// (native references by factorization).
func TestUnitaryDivisors(t *testing.T) {
	expOdd := func(d int64) bool {
		for _, e := range factorExps(d) {
			if e%2 == 0 {
				return false
			}
		}
		return d >= 1
	}
	sqOfSquarefree := func(d int64) bool {
		for _, e := range factorExps(d) {
			if e != 2 {
				return false
			}
		}
		return d >= 1
	}
	largestUnitary := func(ok func(int64) bool) func(n int64) int64 {
		return func(n int64) int64 {
			for d := n; d >= 1; d-- {
				if n%d == 0 && gcdRef(d, n/d) == 1 && ok(d) {
					return d
				}
			}
			return 0
		}
	}
	cases := []refCase{
		{"a(n) is the largest unitary divisor of n that is an exponentially odd number (A268335).", 1, 300, largestUnitary(expOdd)},
		{"The largest unitary divisor of n that is the square of a squarefree number (A062503).", 1, 300, largestUnitary(sqOfSquarefree)},
		{"Sum of the unitary divisors of n.", 1, 300, func(n int64) int64 {
			s := int64(0)
			for d := int64(1); d <= n; d++ {
				if n%d == 0 && gcdRef(d, n/d) == 1 {
					s += d
				}
			}
			return s
		}},
		{"Number of divisors d of n such that d is exponentially odd.", 1, 300, func(n int64) int64 {
			c := int64(0)
			for d := int64(1); d <= n; d++ {
				if n%d == 0 && expOdd(d) {
					c++
				}
			}
			return c
		}},
	}
	newRunner(t).anyMatches(t, cases)
	for _, tc := range cases {
		var ys []int64
		for n := tc.from; n < tc.from+10; n++ {
			ys = append(ys, tc.ref(n))
		}
		found := false
		for _, c := range Seeded(tc.text, tc.from, ys) {
			if !strings.Contains(tc.text, c.Source) {
				t.Errorf("%q: source %q is not a span of the text", tc.text, c.Source)
			}
			ok := true
			for n := tc.from; n <= tc.to && ok; n++ {
				ok = runOps(t, c.Ops, n) == tc.ref(n)
			}
			found = found || ok
		}
		if !found {
			t.Errorf("%q: no Seeded candidate computes the reference", tc.text)
		}
	}
	refuses(t, "Sum of the unitary divisors of n that are haunted.",
		"Largest unitary divisor of n that is",
		"a(n) is the number of unitary divisors of n that are exponentially haunted.")
	for text, want := range map[string]string{
		"Sum of the unitary divisors of n.":                        "Sum of the divisors d of n such that gcd(d, n/d) = 1.",
		"Largest unitary divisor of n^2+1 that is odd":             "Largest divisor d of n^2+1 such that gcd(d, (n^2+1)/d) = 1 and d is odd",
		"Sum of unitary divisors of n that are squares (A000290).": "Sum of divisors d of n such that gcd(d, n/d) = 1 and d is a square.",
		"Number of divisors of n":                                  "Number of divisors of n",
	} {
		if got := unitaryDivisors(text); got != want {
			t.Errorf("unitaryDivisors(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestPowerFree: "cubefree" and "biquadratefree" as adjectives of a list,
// a condition and a divisor (native references by factorization).
func TestPowerFree(t *testing.T) {
	free := func(k int64) func(int64) bool {
		return func(d int64) bool {
			for _, e := range factorExps(d) {
				if e >= k {
					return false
				}
			}
			return d >= 1
		}
	}
	nth := func(ok func(int64) bool, base int64) func(n int64) int64 {
		return func(n int64) int64 {
			x := int64(0)
			for i := base - 1; i < n; {
				x++
				if ok(x) {
					i++
				}
			}
			return x
		}
	}
	isPrime := func(n int64) bool {
		if n < 2 {
			return false
		}
		for d := int64(2); d*d <= n; d++ {
			if n%d == 0 {
				return false
			}
		}
		return true
	}
	cases := []refCase{
		{"Cubefree numbers.", 1, 100, nth(free(3), 1)},
		{"Biquadratefree numbers.", 1, 100, nth(free(4), 1)},
		{"Cubefree numbers k such that k+1 is prime.", 1, 60, nth(func(x int64) bool { return free(3)(x) && isPrime(x+1) }, 1)},
		{"Number of cubefree divisors of n.", 1, 300, func(n int64) int64 {
			c := int64(0)
			for d := int64(1); d <= n; d++ {
				if n%d == 0 && free(3)(d) {
					c++
				}
			}
			return c
		}},
	}
	newRunner(t).anyMatches(t, cases)
	refuses(t, "Cubefree haunted numbers.", "Number of cubefree haunted divisors of n.")
}
