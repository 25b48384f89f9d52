package formula

import "testing"

// hailstone is the test's own trajectory of the 3x+1 map from n: every
// value, n first and 1 last (n <= 1: just n).
func hailstone(n int64) []int64 {
	out := []int64{n}
	for n > 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		out = append(out, n)
	}
	return out
}

func TestCollatzReadings(t *testing.T) {
	steps := func(n int64) int64 { return int64(len(hailstone(n)) - 1) }
	terms := func(n int64) int64 { return int64(len(hailstone(n))) }
	halving := func(n int64) int64 {
		k := int64(0)
		h := hailstone(n)
		for i := 0; i+1 < len(h); i++ {
			if h[i]%2 == 0 {
				k++
			}
		}
		return k
	}
	tripling := func(n int64) int64 { return steps(n) - halving(n) }
	peak := func(n int64) int64 {
		m := n
		for _, v := range hailstone(n) {
			m = max(m, v)
		}
		return m
	}
	below := func(n int64) int64 { // steps until a value below n
		h := hailstone(n)
		for i := 1; i < len(h); i++ {
			if h[i] < n {
				return int64(i)
			}
		}
		return int64(len(h) - 1)
	}
	newRunner(t).anyMatches(t, []refCase{
		{"Collatz length of n", 1, 300, steps},
		{"How many Collatz steps for n?", 1, 300, steps},
		{"How many steps does the 3n+1 sequence take from n?", 1, 300, steps},
		{"Starting at n, how many halving or tripling steps until 1?", 1, 300, steps},
		{"Compute the Collatz stopping time of n", 1, 300, steps},
		{"Compute the Collatz stopping time of n", 2, 300, below},
		{"Collatz sequence length starting at n", 1, 300, terms},
		{"Number of halving and tripling steps to reach 1 in '3x+1' problem, or -1 if 1 is never reached.", 1, 300, steps},
		{"(1 + number of halving and tripling steps to reach 1 in the Collatz (3x+1) problem), or -1 if 1 never reached.", 1, 300, terms},
		{"Number of halving steps to reach 1 in '3x+1' problem, or -1 if this never happens.", 1, 300, halving},
		{"Number of tripling steps to reach 1 in the 3x+1 problem.", 1, 300, tripling},
		{"Largest value in the hailstone trajectory of n.", 1, 300, peak},
		{"Maximal value reached in the trajectory of n under the Syracuse map", 1, 300, peak},
	})
}

func TestCollatzRefusals(t *testing.T) {
	refuses(t,
		"Numbers n whose Collatz trajectory has a record length.",
		"Number of odd terms in the Collatz trajectory of n.",
		"Collatz trajectory of n, read by rows.",
		"Steps for the 5x+1 map to reach 1 from n",
		"Collatz length of a plus b",
	)
}
