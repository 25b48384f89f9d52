package formula

import (
	"math/bits"
	"testing"
)

// TestLeadOne: fractions rounded, the multiples next to n, rounding to the
// nearest ten or multiple, the floor of a logarithm and the least divisor
// above 1, against native Go over a wide range of n.
func TestLeadOne(t *testing.T) {
	r := newRunner(t)
	ceilDiv := func(n, d int64) int64 { return (n + d - 1) / d }
	r.allMatch(t, []refCase{
		{"half of n, rounded up", 0, 3000, func(n int64) int64 { return ceilDiv(n, 2) }},
		{"a third of n rounded down", 0, 3000, func(n int64) int64 { return n / 3 }},
		{"the next multiple of 5 after n", 0, 3000, func(n int64) int64 { return (n/5 + 1) * 5 }},
		{"smallest multiple of 7 greater than n", 0, 3000, func(n int64) int64 { return (n/7 + 1) * 7 }},
		{"the previous multiple of 3 before n", 1, 3000, func(n int64) int64 { return (ceilDiv(n, 3) - 1) * 3 }},
		{"the largest multiple of 4 less than n", 1, 3000, func(n int64) int64 { return (ceilDiv(n, 4) - 1) * 4 }},
		{"round n to the nearest multiple of 7", 0, 3000, func(n int64) int64 { return (2*n + 7) / 14 * 7 }},
		{"the position of the highest set bit of n", 1, 3000, func(n int64) int64 { return int64(bits.Len64(uint64(n))) - 1 }},
		{"floor of log base 3 of n", 1, 3000, func(n int64) int64 {
			k := int64(0)
			for p := int64(3); p <= n; p *= 3 {
				k++
			}
			return k
		}},
		{"the smallest divisor of n greater than 1", 2, 3000, func(n int64) int64 {
			for d := int64(2); ; d++ {
				if n%d == 0 {
					return d
				}
			}
		}},
	})
	// an even multiple has ties: halves up and halves down are both offered
	r.anyMatches(t, []refCase{
		{"n rounded to the nearest ten", 0, 3000, func(n int64) int64 { return (n + 5) / 10 * 10 }},
		{"n rounded to the nearest ten", 0, 3000, func(n int64) int64 { return (n + 4) / 10 * 10 }},
		{"round n to the nearest hundred", 0, 3000, func(n int64) int64 { return (n + 50) / 100 * 100 }},
		{"n rounded to the nearest multiple of 10", 0, 3000, func(n int64) int64 { return (n + 4) / 10 * 10 }},
	})
	for _, text := range []string{"n rounded to the nearest ten", "n rounded to the nearest multiple of 10"} {
		if cs := Candidates(text, 1); len(cs) != 2 {
			t.Errorf("%q: %d candidates, want 2 (halves up, halves down)", text, len(cs))
		}
	}
	refuses(t,
		"half of n",
		"the next multiple of 1 after n",
		"n rounded to the nearest dozen",
		"the smallest divisor of n greater than 2",
	)
}
