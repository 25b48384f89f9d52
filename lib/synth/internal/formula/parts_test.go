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

// counted counts the ways to write m as a sum of the parts, each used 0
// or any times, as multisets (or sequences when ordered) whose number of
// parts passes keep; a multiset weighs 2^(its distinct parts) when over
// (overpartitions: the first copy of each part overlined or not).
func counted(m int64, parts []int64, ordered, over bool, keep func(c int64) bool) int64 {
	var walk func(rem int64, i int, used, w int64) int64
	walk = func(rem int64, i int, used, w int64) int64 {
		if rem == 0 {
			if keep(used) {
				return w
			}
			return 0
		}
		total := int64(0)
		if ordered {
			for _, k := range parts {
				if k <= rem {
					total += walk(rem-k, 0, used+1, w)
				}
			}
			return total
		}
		if i == len(parts) {
			return 0
		}
		total = walk(rem, i+1, used, w)
		for t := int64(1); t*parts[i] <= rem; t++ {
			if over {
				total += walk(rem-t*parts[i], i+1, used+t, 2*w)
			} else {
				total += walk(rem-t*parts[i], i+1, used+t, w)
			}
		}
		return total
	}
	return walk(m, 0, 0, 1)
}

func even(c int64) bool { return c%2 == 0 }
func odd(c int64) bool  { return c%2 == 1 }

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
	{"Number of overpartitions of n.", 0, 30, func(n int64) int64 { return counted(n, setOf(n, all), false, true, all) }},
	{"Number of overpartitions of n into odd parts.", 0, 40, func(n int64) int64 {
		return counted(n, setOf(n, func(k int64) bool { return k%2 == 1 }), false, true, all)
	}},
	{"Number of partitions of n into an even number of parts.", 0, 40, func(n int64) int64 { return counted(n, setOf(n, all), false, false, even) }},
	{"Number of partitions of n into an odd number of distinct parts.", 0, 45, func(n int64) int64 {
		return multisets(n, setOf(n, all), 1, 1, 0, false) - countDistinctEven(n)
	}},
	{"Number of compositions of n into an odd number of parts.", 0, 20, func(n int64) int64 { return counted(n, setOf(n, all), true, false, odd) }},
	{"Number of ways of making change for n cents using coins of 1, 2, 5, 10 cents.", 0, 80, func(n int64) int64 {
		return multisets(n, []int64{1, 2, 5, 10}, 1, 0, 0, false)
	}},
	{"Number of decompositions of n into sum of two prime powers.", 1, 90, func(n int64) int64 {
		return multisets(n, setOf(n, func(k int64) bool {
			for p := int64(2); p <= k; p++ {
				if k%p == 0 { // the least prime factor
					q := k
					for q%p == 0 {
						q /= p
					}
					return q == 1
				}
			}
			return true // 1 = p^0
		}), 1, 0, 2, true)
	}},
	{"a(n) = number of partitions of n into parts not congruent to 0 mod 3.", 0, 45, func(n int64) int64 {
		return multisets(n, setOf(n, func(k int64) bool { return k%3 != 0 }), 1, 0, 0, false)
	}},
	{"Number of partitions of n in which no part appears more than twice.", 0, 45, func(n int64) int64 {
		return multisets(n, setOf(n, all), 1, 2, 0, false)
	}},
	{"Number of partitions of n into distinct parts of 2 kinds.", 0, 30, func(n int64) int64 {
		ps := setOf(n, all)
		return multisets(n, append(ps, ps...), 1, 1, 0, false)
	}},
	{"Number of partitions of n with at most one odd part.", 0, 40, func(n int64) int64 { return oddParts(n, false, func(c int64) bool { return c <= 1 }) }},
	{"Number of partitions of n with exactly 2 odd parts.", 0, 40, func(n int64) int64 { return oddParts(n, false, func(c int64) bool { return c == 2 }) }},
	{"Number of compositions of n with at most 2 even parts.", 0, 18, func(n int64) int64 { return oddParts(n, true, func(c int64) bool { return c <= 2 }) }},
	{"Number of partitions of n with largest part 4.", 0, 60, func(n int64) int64 {
		if n < 4 {
			return 0
		}
		return multisets(n-4, []int64{1, 2, 3, 4}, 1, 0, 0, false)
	}},
	{"Number of partitions of n into distinct parts with smallest part 2.", 0, 50, func(n int64) int64 {
		if n < 2 {
			return 0
		}
		return multisets(n-2, setOf(n, func(k int64) bool { return k > 2 }), 1, 1, 0, false)
	}},
	{"Number of partitions of n with no part 1.", 0, 45, func(n int64) int64 {
		return multisets(n, setOf(n, func(k int64) bool { return k != 1 }), 1, 0, 0, false)
	}},
	{"Number of compositions of n with parts in {1, 3, 4}.", 0, 25, func(n int64) int64 { return sequences(n, []int64{1, 3, 4}, 0, false) }},
	{"Number of partitions of n in which all parts are odd and no part appears more than twice.", 0, 60, func(n int64) int64 {
		return multisets(n, setOf(n, func(k int64) bool { return k%2 == 1 }), 1, 2, 0, false)
	}},
	{"Number of ways to write n as the sum of a squarefree number (A005117) and a positive square (A000290).", 1, 100, func(n int64) int64 {
		c := int64(0)
		for k := int64(1); k*k < n; k++ {
			if squarefreeRef(n - k*k) {
				c++
			}
		}
		return c
	}},
	{"Number of ways to write n as the sum of a prime and a square.", 0, 100, func(n int64) int64 {
		c := int64(0)
		for k := int64(0); k*k < n; k++ {
			if isPrimeRef(n - k*k) {
				c++
			}
		}
		return c
	}},
	{"Number of representations of n as the sum of a prime and a power of 2.", 0, 100, func(n int64) int64 {
		c := int64(0)
		for b := int64(1); b < n; b *= 2 {
			if isPrimeRef(n - b) {
				c++
			}
		}
		return c
	}},
	{"Number of partitions of n into primes congruent to 1 mod 4.", 0, 100, func(n int64) int64 {
		return multisets(n, setOf(n, func(k int64) bool { return isPrimeRef(k) && k%4 == 1 }), 1, 0, 0, false)
	}},
	{"Number of partitions of n all of whose parts are odd.", 0, 45, func(n int64) int64 {
		return multisets(n, setOf(n, func(k int64) bool { return k%2 == 1 }), 1, 0, 0, false)
	}},
	{"Number of partitions of n using only parts 1 and 2.", 0, 60, func(n int64) int64 { return n/2 + 1 }},
	{"Number of partitions of n into distinct Jacobsthal numbers.", 0, 100, func(n int64) int64 {
		return multisets(n, []int64{1, 3, 5, 11, 21, 43, 85}, 1, 1, 0, false)
	}},
	{"Number of compositions of n into distinct parts.", 0, 22, func(n int64) int64 { return distinctSequences(n, setOf(n, all), 0) }},
	{"Number of compositions of n into distinct odd parts.", 0, 36, func(n int64) int64 {
		return distinctSequences(n, setOf(n, func(k int64) bool { return k%2 == 1 }), 0)
	}},
	{"Number of compositions of n into 3 distinct parts.", 0, 40, func(n int64) int64 { return distinctSequences(n, setOf(n, all), 3) }},
	{"Number of ways to write n as an ordered sum of distinct squares.", 0, 60, func(n int64) int64 {
		return distinctSequences(n, setOf(n, func(k int64) bool { r := isqrtRef(k); return r*r == k }), 0)
	}},
	{"Number of partitions of n into at least 2 parts.", 0, 40, func(n int64) int64 {
		return counted(n, setOf(n, all), false, false, func(c int64) bool { return c >= 2 })
	}},
	{"Number of partitions of n into at least 3 distinct parts.", 0, 50, func(n int64) int64 {
		return multisets(n, setOf(n, all), 1, 1, 0, false) - multisets(n, setOf(n, all), 1, 1, 2, false)
	}},
	{"Number of partitions of n with at least one odd part.", 0, 40, func(n int64) int64 { return oddParts(n, false, func(c int64) bool { return c >= 1 }) }},
	{"Number of compositions of n with at least 2 even parts.", 0, 18, func(n int64) int64 { return oddParts(n, true, func(c int64) bool { return c >= 2 }) }},
	{"Number of partitions of n into 3-smooth numbers.", 0, 50, func(n int64) int64 {
		return multisets(n, setOf(n, func(k int64) bool {
			for k%2 == 0 {
				k /= 2
			}
			for k%3 == 0 {
				k /= 3
			}
			return k == 1
		}), 1, 0, 0, false)
	}},
	// p(n) past i32: the program's additions wrap, and so does the reference
	{"Number of partitions of n.", 100, 300, pentagonal},
}

// oddParts counts the partitions (compositions, ordered) of n whose
// number of odd (for compositions: even) parts passes keep, enumerated.
func oddParts(n int64, ordered bool, keep func(c int64) bool) int64 {
	var walk func(rem, most, c int64) int64
	walk = func(rem, most, c int64) int64 {
		if rem == 0 {
			if keep(c) {
				return 1
			}
			return 0
		}
		total := int64(0)
		for k := int64(1); k <= rem && (ordered || k <= most); k++ {
			d := k % 2 // odd parts counted
			if ordered {
				d = 1 - d // even parts counted
			}
			total += walk(rem-k, k, c+d)
		}
		return total
	}
	return walk(n, n, 0)
}

// distinctSequences counts the sequences of distinct parts summing to m
// (with exactly count parts; 0: any number), enumerated.
func distinctSequences(m int64, parts []int64, count int) int64 {
	used := map[int64]bool{}
	var walk func(rem int64, depth int) int64
	walk = func(rem int64, depth int) int64 {
		if count > 0 && depth > count {
			return 0
		}
		if rem == 0 {
			if count == 0 || depth == count {
				return 1
			}
			return 0
		}
		total := int64(0)
		for _, k := range parts {
			if k <= rem && !used[k] {
				used[k] = true
				total += walk(rem-k, depth+1)
				used[k] = false
			}
		}
		return total
	}
	return walk(m, 0)
}

// countDistinctEven counts the partitions of n into an even number of
// distinct parts, enumerated.
func countDistinctEven(n int64) int64 {
	var walk func(rem, k, used int64) int64
	walk = func(rem, k, used int64) int64 {
		if rem == 0 {
			if used%2 == 0 {
				return 1
			}
			return 0
		}
		if k > rem {
			return 0
		}
		return walk(rem, k+1, used) + walk(rem-k, k+1, used+1)
	}
	return walk(n, 1, 0)
}

func TestPartitions(t *testing.T) {
	newRunner(t).anyMatches(t, partsCases)
}

// TestPartitionsReadings: "into 2 squares" with and without a zero; both
// are offered (they differ at n = 1), each computes its own reference.
// sumOfTwo is the n-th x >= 1 (from 1) whose number of ways as a + b,
// a <= b (a < b: distinct) from the set passes keep, by trial.
func sumOfTwo(n int64, in func(k int64) bool, distinct bool, keep func(w int64) bool) int64 {
	for x := int64(1); ; x++ {
		w := int64(0)
		for a := int64(0); 2*a <= x; a++ {
			if in(a) && in(x-a) && (!distinct || a < x-a) {
				w++
			}
		}
		if keep(w) {
			if n--; n == 0 {
				return x
			}
		}
	}
}

func positiveSquare(k int64) bool { r := isqrtRef(k); return k > 0 && r*r == k }

// TestSumLists: lists named by the sums of two members of a set.
func TestSumLists(t *testing.T) {
	newRunner(t).anyMatches(t, []refCase{
		{"Numbers that are the sum of 2 nonzero squares.", 1, 100, func(n int64) int64 {
			return sumOfTwo(n, positiveSquare, false, func(w int64) bool { return w > 0 })
		}},
		{"Numbers that are not the sum of two primes.", 1, 100, func(n int64) int64 {
			return sumOfTwo(n, isPrimeRef, false, func(w int64) bool { return w == 0 })
		}},
		{"Numbers that are the sum of 2 distinct nonzero squares in exactly 2 ways.", 1, 60, func(n int64) int64 {
			return sumOfTwo(n, positiveSquare, true, func(w int64) bool { return w == 2 })
		}},
		{"Numbers that can be written as the sum of two positive cubes.", 1, 80, func(n int64) int64 {
			return sumOfTwo(n, func(k int64) bool {
				for c := int64(1); c*c*c <= k; c++ {
					if c*c*c == k {
						return true
					}
				}
				return false
			}, false, func(w int64) bool { return w > 0 })
		}},
	})
	refuses(t,
		"Numbers that are the sum of two squares in two ways.",
		"Numbers that are the sum of nine squares.", // more than 8 parts (three: readers3_sums.go)
		"Numbers that are the sum of two squares of primes or of two cubes.",
	)
}

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
		"Number of partitions of n into at least 2 parts where every part appears at least 2 times.",
		"Number of partitions of n such that m(1) > m(3), where m = multiplicity.",
		"Number of partitions of n of order 10.",
		"Number of partitions of k_n into two parts (s,t) such that k_n | s*t.",
		"Number of partitions of n into distinct parts, the greatest being k.",
		"Number of partitions of n into parts of the form A000045(k).",
		"Number of strict overpartitions of n.",
		"Number of partitions of n with largest part at least 3.",
		"Number of partitions of n with largest part 4 and exactly 2 parts.",
		"Number of partitions of n with at most one odd part and an even number of parts.",
		"Number of partitions of n with all parts distinct mod 3.",
		"Number of ways to write n as the sum of a prime and a Gaussian integer.",
		"Number of ways to write n as the sum of a square and a prime, where the prime is odd.",
		"Number of partitions of n into an even number of 3 parts.",
		"Number of partitions of n into parts not congruent to 0.",
	)
}
