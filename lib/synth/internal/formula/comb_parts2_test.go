package formula

import "testing"

// twoPartsRef counts the s in 1..N/2 (s < N-s where strict) with ok(s, N-s).
func twoPartsRef(N int64, strict bool, ok func(s, t int64) bool) int64 {
	var c int64
	for s := int64(1); 2*s <= N; s++ {
		if (!strict || s < N-s) && ok(s, N-s) {
			c++
		}
	}
	return c
}

func TestCountTwoParts(t *testing.T) {
	newRunner(t).allMatch(t, []refCase{
		{"Number of partitions of n into two parts (s,t) such that (t-s) | n, where s < t.", 1, 150, func(n int64) int64 {
			return twoPartsRef(n, true, func(s, t int64) bool { return n%(t-s) == 0 })
		}},
		{"Number of partitions of 2n into two distinct parts (r,s) such that r and s are both prime.", 1, 100, func(n int64) int64 {
			return twoPartsRef(2*n, true, func(r, s int64) bool { return isPrimeRef(r) && isPrimeRef(s) })
		}},
		{"Number of partitions of n into two parts (s,t) such that s*t is a square.", 1, 150, func(n int64) int64 {
			return twoPartsRef(n, false, func(s, t int64) bool { r := isqrtRef(s * t); return r*r == s*t })
		}},
	})
}

// TestCountTwoPartsRefused: an order clause about other letters, and a
// condition not read.
func TestCountTwoPartsRefused(t *testing.T) {
	refuses(t,
		"Number of partitions of n into two parts (s,t) such that (t-s) | n, where a < b.",
		"Number of partitions of n into two parts (s,t) such that s is balanced.",
	)
}
