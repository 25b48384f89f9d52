package formula

import (
	"strings"
	"testing"
)

// TestAskedInLowerCase: a request a person writes in lower case, with its
// operand called k or x, or comparing in words ("not bigger than"), is
// read like the name written with a capital, n and "<="; a yes/no
// question as its characteristic function; arithmetic in words, or a
// formula written without "a(n) =", as the formula (native references).
// Each candidate's source is a span of what was written.
func TestAskedInLowerCase(t *testing.T) {
	tau := func(n int64) int64 {
		c := int64(0)
		for d := int64(1); d <= n; d++ {
			if n%d == 0 {
				c++
			}
		}
		return c
	}
	lpf := func(n int64) int64 {
		for d := int64(2); d*d <= n; d++ {
			if n%d == 0 {
				return d
			}
		}
		return n
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
		{"number of divisors of n", 1, 200, tau},
		{"smallest prime factor of n", 2, 300, lpf},
		// the operand under another letter
		{"number of divisors of k", 1, 200, tau},
		{"2^k - 1", 0, 30, func(n int64) int64 { return 1<<n - 1 }},
		// comparisons in words
		{"largest prime that is not bigger than n", 2, 300, func(n int64) int64 {
			for !isPrime(n) {
				n--
			}
			return n
		}},
		{"smallest prime that is at least k", 0, 300, func(n int64) int64 {
			for !isPrime(n) {
				n++
			}
			return n
		}},
		// arithmetic in words, a formula written alone, a leading "the"
		{"n squared plus one", 0, 100, func(n int64) int64 { return n*n + 1 }},
		{"1^2 + 2^2 + ... + n^2", 0, 100, func(n int64) int64 { return n * (n + 1) * (2*n + 1) / 6 }},
		{"the k-th triangular number", 0, 100, func(n int64) int64 { return n * (n + 1) / 2 }},
		// yes/no questions
		{"is k prime (1 or 0)", 0, 300, func(n int64) int64 {
			if isPrime(n) {
				return 1
			}
			return 0
		}},
		{"is n a perfect square? 1 if yes, 0 if no", 0, 300, func(n int64) int64 {
			for r := int64(0); r*r <= n; r++ {
				if r*r == n {
					return 1
				}
			}
			return 0
		}},
	}
	newRunner(t).anyMatches(t, cases)
	for _, tc := range cases {
		for _, c := range Candidates(tc.text, 1) {
			if !strings.Contains(tc.text, c.Source) {
				t.Errorf("%q: source %q is not a span of the text", tc.text, c.Source)
			}
		}
	}
	// nothing more than the capital: a text that reads as it is keeps its
	// own candidates, and one no reader takes stays unread
	refuses(t, "number of ways to tile a haunted house",
		"is n haunted? 1 if yes, 0 if no", // a question no predicate reads
		"is n")
}
