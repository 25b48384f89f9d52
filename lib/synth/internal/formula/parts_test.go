package formula

import (
	"testing"
)

// The native references enumerate partitions one by one (no table):
// multisets of parts from a list, each part taken 0 or lo..hi times, with
// the number of parts counted; compositions as sequences.

// setOf lists the k in 1..m with pred(k).
func setOf(m int64, pred func(k int64) bool) []int64 {
	var out []int64
	for k := int64(1); k <= m; k++ {
		if pred(k) {
			out = append(out, k)
		}
	}
	return out
}

// multisets counts the ways to write m as a sum of the parts (each entry
// of parts a distinct kind of part), each used 0 or lo..hi times (hi 0:
// any), with at most (exactly) most parts (most 0: any number).
func multisets(m int64, parts []int64, lo, hi int64, most int64, exactly bool) int64 {
	var walk func(rem int64, i int, used int64) int64
	walk = func(rem int64, i int, used int64) int64 {
		if most > 0 && used > most {
			return 0
		}
		if rem == 0 {
			if !exactly || used == most {
				return 1
			}
			return 0
		}
		if i == len(parts) {
			return 0
		}
		total := walk(rem, i+1, used)
		for t := lo; (hi == 0 || t <= hi) && t*parts[i] <= rem; t++ {
			total += walk(rem-t*parts[i], i+1, used+t)
		}
		return total
	}
	return walk(m, 0, 0)
}

// sequences counts the compositions of m into the parts, with at most
// (exactly) most parts (most 0: any number).
func sequences(m int64, parts []int64, most int64, exactly bool) int64 {
	var walk func(rem, used int64) int64
	walk = func(rem, used int64) int64 {
		if most > 0 && used > most {
			return 0
		}
		if rem == 0 {
			if !exactly || used == most {
				return 1
			}
			return 0
		}
		total := int64(0)
		for _, k := range parts {
			if k <= rem {
				total += walk(rem-k, used+1)
			}
		}
		return total
	}
	return walk(m, 0)
}

func all(int64) bool { return true }

// pentagonal is p(n) by Euler's pentagonal number theorem, exact in int64
// to n = 400, returned modulo 2^32 as an i32 (what a program's additions
// give past i32).
func pentagonal(n int64) int64 {
	p := make([]int64, n+1)
	p[0] = 1
	for m := int64(1); m <= n; m++ {
		for j := int64(1); ; j++ {
			g1, g2 := j*(3*j-1)/2, j*(3*j+1)/2
			if g1 > m {
				break
			}
			s := int64(1)
			if j%2 == 0 {
				s = -1
			}
			p[m] += s * p[m-g1]
			if g2 <= m {
				p[m] += s * p[m-g2]
			}
		}
	}
	return int64(int32(p[n]))
}

var partsCases = []refCase{
	{"Number of partitions of n.", 0, 40, func(n int64) int64 { return multisets(n, setOf(n, all), 1, 0, 0, false) }},
	{"Number of partitions of n into distinct parts.", 0, 45, func(n int64) int64 { return multisets(n, setOf(n, all), 1, 1, 0, false) }},
	{"Number of strict partitions of n.", 0, 45, func(n int64) int64 { return multisets(n, setOf(n, all), 1, 1, 0, false) }},
	{"Number of partitions of n into odd parts.", 0, 45, func(n int64) int64 {
		return multisets(n, setOf(n, func(k int64) bool { return k%2 == 1 }), 1, 0, 0, false)
	}},
	{"Number of partitions of n into distinct odd parts.", 0, 50, func(n int64) int64 {
		return multisets(n, setOf(n, func(k int64) bool { return k%2 == 1 }), 1, 1, 0, false)
	}},
	{"Number of partitions of n into prime parts.", 0, 50, func(n int64) int64 { return multisets(n, setOf(n, isPrimeRef), 1, 0, 0, false) }},
	{"Number of partitions of n into distinct primes.", 0, 60, func(n int64) int64 { return multisets(n, setOf(n, isPrimeRef), 1, 1, 0, false) }},
	{"Number of partitions of n into parts 5k+1 or 5k+4.", 0, 50, func(n int64) int64 {
		return multisets(n, setOf(n, func(k int64) bool { return k%5 == 1 || k%5 == 4 }), 1, 0, 0, false)
	}},
	{"Number of partitions of n into at most 4 parts.", 0, 40, func(n int64) int64 {
		return multisets(n, setOf(n, all), 1, 0, 4, false)
	}},
	{"Number of partitions of n into exactly 3 parts.", 0, 40, func(n int64) int64 {
		return multisets(n, setOf(n, all), 1, 0, 3, true)
	}},
	{"Number of partitions of n into 3 distinct parts.", 0, 40, func(n int64) int64 {
		return multisets(n, setOf(n, all), 1, 1, 3, true)
	}},
	{"Number of partitions of n into at most 2 distinct prime parts.", 0, 60, func(n int64) int64 {
		return multisets(n, setOf(n, isPrimeRef), 1, 1, 2, false)
	}},
	{"Number of partitions of 4n into 4 parts.", 0, 20, func(n int64) int64 {
		return multisets(4*n, setOf(4*n, all), 1, 0, 4, true)
	}},
	{"Number of partitions of n into distinct parts of the form 3^k - 2^k, cf. A001047.", 0, 80, func(n int64) int64 {
		return multisets(n, []int64{1, 5, 19, 65}, 1, 1, 0, false)
	}},
	{"Number of ways to partition 4*n+1 into distinct positive integers.", 0, 12, func(n int64) int64 {
		return multisets(4*n+1, setOf(4*n+1, all), 1, 1, 0, false)
	}},
	{"Number of compositions (ordered partitions) of n into parts 1 and 2.", 0, 25, func(n int64) int64 { return sequences(n, []int64{1, 2}, 0, false) }},
	{"Number of compositions of n into odd parts.", 0, 25, func(n int64) int64 {
		return sequences(n, setOf(n, func(k int64) bool { return k%2 == 1 }), 0, false)
	}},
	{"Number of compositions (ordered partitions) of n into Pell numbers (A000129).", 0, 22, func(n int64) int64 {
		return sequences(n, []int64{1, 2, 5, 12, 29}, 0, false)
	}},
	{"Number of compositions of n into exactly 3 parts.", 0, 30, func(n int64) int64 {
		return sequences(n, setOf(n, all), 3, true)
	}},
	{"Number of partitions of n into squares.", 0, 60, func(n int64) int64 {
		return multisets(n, setOf(n, func(k int64) bool { r := isqrtRef(k); return r*r == k }), 1, 0, 0, false)
	}},
	{"Number of partitions of n into parts of 2 kinds.", 0, 16, func(n int64) int64 {
		ps := setOf(n, all)
		return multisets(n, append(ps, ps...), 1, 0, 0, false)
	}},
	{"Number of partitions of 2*n into powers of 2 where every part appears at least 2 times.", 0, 30, func(n int64) int64 {
		return multisets(2*n, []int64{1, 2, 4, 8, 16, 32, 64}, 2, 0, 0, false)
	}},
	{"Number of partitions of n into parts 2 and 3.", 0, 60, func(n int64) int64 { return multisets(n, []int64{2, 3}, 1, 0, 0, false) }},
	{"Number of partitions of n into Fibonacci numbers.", 0, 40, func(n int64) int64 {
		return multisets(n, []int64{1, 2, 3, 5, 8, 13, 21, 34}, 1, 0, 0, false)
	}},
	{"Number of partitions of n into non-triangular numbers, cf. A014132.", 0, 35, func(n int64) int64 {
		return multisets(n, setOf(n, func(k int64) bool { r := isqrtRef(8*k + 1); return r*r != 8*k+1 }), 1, 0, 0, false)
	}},
	{"Number of partitions of n into parts >= 2.", 0, 45, func(n int64) int64 {
		return multisets(n, setOf(n, func(k int64) bool { return k >= 2 }), 1, 0, 0, false)
	}},
	{"Number of ways to write n as a sum of distinct squares.", 0, 80, func(n int64) int64 {
		return multisets(n, setOf(n, func(k int64) bool { r := isqrtRef(k); return r*r == k }), 1, 1, 0, false)
	}},
	// p(n) past i32: the program's additions wrap, and so does the reference
	{"Number of partitions of n.", 100, 300, pentagonal},
}

func TestPartitions(t *testing.T) {
	newRunner(t).anyMatches(t, partsCases)
}

// TestPartitionsReadings: "into 2 squares" with and without a zero; both
// are offered (they differ at n = 1), each computes its own reference.
func TestPartitionsReadings(t *testing.T) {
	sq := setOf(200, func(k int64) bool { r := isqrtRef(k); return r*r == k })
	r := newRunner(t)
	r.anyMatches(t, []refCase{
		{"Number of partitions of n into 2 squares.", 0, 200, func(n int64) int64 {
			return multisets(n, sq, 1, 0, 2, true)
		}},
		{"Number of partitions of n into 2 squares.", 0, 200, func(n int64) int64 {
			return multisets(n, sq, 1, 0, 2, false)
		}},
	})
}

// TestPartitionsRefused: restrictions the reader does not know, and
// sentences that only mention partitions, give nothing.
func TestPartitionsRefused(t *testing.T) {
	refuses(t,
		"Number of partitions of n into 3 parts that are not all the same.",
		"Number of partitions of n into 4 parts whose 'middle' two parts have the same parity.",
		"Number of partitions of n into at least 2 parts.",
		"Number of partitions of n such that m(1) > m(3), where m = multiplicity.",
		"Number of partitions of n of order 10.",
		"Number of ways to write n as the sum of a squarefree number (A005117) and a positive square (A000290).",
		"Number of partitions of k_n into two parts (s,t) such that k_n | s*t.",
		"Number of partitions of n into distinct parts, the greatest being k.",
		"Number of partitions of n into parts of the form A000045(k).",
		"Number of compositions of n into distinct parts.",
	)
}
