package formula

import (
	"math/bits"
	"testing"
)

func TestParse2Rewrites(t *testing.T) {
	// a(n) = 1 + the sum of a(k) over the proper divisors k of n
	properSum := map[int64]int64{}
	var proper func(n int64) int64
	proper = func(n int64) int64 {
		if v, ok := properSum[n]; ok {
			return v
		}
		v := int64(1)
		for k := int64(1); k < n; k++ {
			if n%k == 0 {
				v += proper(k)
			}
		}
		properSum[n] = v
		return v
	}
	// a(1) = 1, a(n) = the binary weight of a(1) + ... + a(n-1)
	weights := []int64{0, 1}
	for s := int64(1); len(weights) < 80; {
		w := int64(bits.OnesCount64(uint64(s)))
		weights = append(weights, w)
		s += w
	}
	newRunner(t).allMatch(t, []refCase{
		{"a(n) = 1 + Sum_{ k < n and k | n} a(k).", 1, 60, proper},
		{"a(n) = Sum_{ d >= 1, d divides n} (-1)^(n-d)*d^3.", 1, 60, func(n int64) int64 {
			s := int64(0)
			for d := int64(1); d <= n; d++ {
				if n%d == 0 {
					t := d * d * d
					if (n-d)%2 != 0 {
						t = -t
					}
					s += t
				}
			}
			return s
		}},
		{"a(1) = 1, a(n) = hamming_weight(Sum_{k=1..n-1} a(k) ) for n>=2.", 1, 79, func(n int64) int64 { return weights[n] }},
		// floor(10x) mod 10 with 10x = 5n*sqrt(5) - 5n = sqrt(125n^2) - 5n
		{"a(n) = first digit to the right of decimal point of n*(sqrt(5)-1)/2.", 0, 90, func(n int64) int64 {
			return (isqrtRef(125*n*n) - 5*n) % 10
		}},
		{"First digit after the decimal point of n*sqrt(2).", 0, 90, func(n int64) int64 {
			return isqrtRef(200*n*n) % 10
		}},
	})
}

// TestParse2Refuses: subscripts with a condition a divisor does not
// always pass (other than d < n), and digits past the first.
func TestParse2Refuses(t *testing.T) {
	refuses(t,
		"a(n) = Sum_{ d >= 2, d divides n} d^2 + n.",
		"a(n) = 1 + Sum_{ k < m and k | n} a(k).",
		"a(n) = Sum_{ k <= n and k | n+1} k^2.",
		"a(n) = Sum_{ d divides n, e divides n} d*e.",
		"a(n) = second digit to the right of decimal point of n*sqrt(3).",
		"a(n) = first digit to the right of decimal point of n*x.",
	)
}
