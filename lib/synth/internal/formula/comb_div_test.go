package formula

import (
	"strconv"
	"strings"
	"testing"
)

// palindromeRef: d reads the same reversed in base 10.
func palindromeRef(d int64) bool {
	s := strconv.FormatInt(d, 10)
	for i := 0; i < len(s)/2; i++ {
		if s[i] != s[len(s)-1-i] {
			return false
		}
	}
	return true
}

// sigmaRef is the sum of the divisors of n.
func sigmaRef(n int64) int64 {
	var s int64
	for d := int64(1); d <= n; d++ {
		if n%d == 0 {
			s += d
		}
	}
	return s
}

func TestCountNonDivisors(t *testing.T) {
	newRunner(t).allMatch(t, []refCase{
		{"Number of non-palindromic divisors of n.", 1, 150, func(n int64) int64 {
			return divisorsRef(n, func(d int64) bool { return !palindromeRef(d) })
		}},
		{"Number of nondeficient divisors of n.", 1, 150, func(n int64) int64 {
			return divisorsRef(n, func(d int64) bool { return sigmaRef(d) >= 2*d })
		}},
		{"Number of divisors of n that are not abundant numbers.", 1, 150, func(n int64) int64 {
			return divisorsRef(n, func(d int64) bool { return sigmaRef(d) <= 2*d })
		}},
		{"Number of palindromic divisors of 3n+1.", 1, 100, func(n int64) int64 {
			return divisorsRef(3*n+1, palindromeRef)
		}},
		{"Number of times 7 appears in decimal expansion of n.", 0, 200, func(n int64) int64 {
			return int64(strings.Count(strconv.FormatInt(n, 10), "7"))
		}},
		{"Number of times 0 appears in binary expansion of n^2.", 1, 200, func(n int64) int64 {
			return int64(strings.Count(strconv.FormatInt(n*n, 2), "0"))
		}},
		{"Number of blocks of {1,0} in the binary expansion of n.", 0, 300, func(n int64) int64 {
			return int64(occurrences(strconv.FormatInt(n, 2), "10"))
		}},
		{"Number of 11's in binary expansion of n.", 0, 300, func(n int64) int64 {
			return int64(occurrences(strconv.FormatInt(n, 2), "11"))
		}},
		{"Number of times 101 appears in the base-3 representation of 2n+1.", 0, 300, func(n int64) int64 {
			return int64(occurrences(strconv.FormatInt(2*n+1, 3), "101"))
		}},
		{"Number of 0's in decimal expansion of triangular number n(n+1)/2.", 0, 300, func(n int64) int64 {
			return int64(strings.Count(strconv.FormatInt(n*(n+1)/2, 10), "0"))
		}},
	})
}

// TestCountNonDivisorsRefused: adjectives the reader does not know, and
// digits outside the base.
func TestCountNonDivisorsRefused(t *testing.T) {
	refuses(t,
		"Number of non-balanced divisors of n.",
		"Number of divisors of n that are not balanced numbers.",
		"Number of times 2 appears in binary expansion of n.",
		"Number of occurrences of 120 in binary expansion of n.", // 2 is no binary digit
		"Number of non-palindromic divisors of n in base 2 and 3.",
	)
}
