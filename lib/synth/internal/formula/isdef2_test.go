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
