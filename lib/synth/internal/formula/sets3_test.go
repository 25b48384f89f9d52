package formula

import (
	"strconv"
	"testing"
)

// sets3Factors is the distinct prime factors of x > 0, increasing.
func sets3Factors(x int64) []int64 {
	var ps []int64
	for p := int64(2); p*p <= x; p++ {
		if x%p == 0 {
			ps = append(ps, p)
			for x%p == 0 {
				x /= p
			}
		}
	}
	if x > 1 {
		ps = append(ps, x)
	}
	return ps
}

// sets3Exactly: the distinct prime factors of x are exactly ps.
func sets3Exactly(ps ...int64) func(int64) bool {
	return func(x int64) bool {
		fs := sets3Factors(x)
		if len(fs) != len(ps) {
			return false
		}
		for i := range fs {
			if fs[i] != ps[i] {
				return false
			}
		}
		return true
	}
}

// sets3Read is x's base-b digits read in base c, or -1 if a digit is c or
// more.
func sets3Read(x, b, c int64) int64 {
	var ds []int64
	for ; x > 0; x /= b {
		ds = append(ds, x%b)
	}
	r := int64(0)
	for i := len(ds) - 1; i >= 0; i-- {
		if ds[i] >= c {
			return -1
		}
		r = r*c + ds[i]
	}
	return r
}

// sets3ZeroOneRef is the least multiple m of n whose base-b digits are
// all 0 or 1 (found by trying m = n, 2n, ...; -1 past 2^31).
func sets3ZeroOneRef(n, b int64) int64 {
	for m := n; m < 1<<31; m += n {
		ok := true
		for x := m; x > 0 && ok; x /= b {
			ok = x%b <= 1
		}
		if ok {
			return m
		}
	}
	return -1
}

func TestSets3(t *testing.T) {
	lpf := func(x int64) int64 {
		if fs := sets3Factors(x); len(fs) > 0 {
			return fs[0]
		}
		return 0
	}
	nthPrime := setsListRef(2, isPrimeRef)
	newRunner(t).anyMatches(t, []refCase{
		{"Squares of primes.", 1, 80, func(n int64) int64 { p := nthPrime(n); return p * p }},
		{"Cubes of primes.", 1, 40, func(n int64) int64 { p := nthPrime(n); return p * p * p }},
		{"Squares of primes of the form 4*k+3.", 1, 60, func(n int64) int64 {
			p := setsListRef(2, func(x int64) bool { return x%4 == 3 && isPrimeRef(x) })(n)
			return p * p
		}},
		{"Numbers with distinct prime factors 2, 3, and 5.", 1, 80, setsListRef(1, sets3Exactly(2, 3, 5))},
		{"Numbers with exactly 3 distinct prime divisors {2,3,7}.", 1, 60, setsListRef(1, sets3Exactly(2, 3, 7))},
		// the terms are 1155*v for the v >= 1 with no prime factor but 3, 5, 7, 11
		{"Numbers with exactly 4 distinct odd prime divisors {3,5,7,11}.", 1, 40, func(n int64) int64 {
			v := setsListRef(1, func(v int64) bool {
				for _, p := range []int64{3, 5, 7, 11} {
					for v%p == 0 {
						v /= p
					}
				}
				return v == 1
			})(n)
			if !sets3Exactly(3, 5, 7, 11)(1155 * v) {
				panic("reference")
			}
			return 1155 * v
		}},
		{"Numbers whose smallest prime factor is 13.", 1, 100, setsListRef(2, func(x int64) bool { return lpf(x) == 13 })},
		{"Numbers whose least prime divisor is 7.", 1, 100, setsListRef(2, func(x int64) bool { return lpf(x) == 7 })},
		// p's base-8 digits, read in base 5, make a prime (all of them below 5)
		{"Primes whose base-8 representation also is the base-5 representation of a prime.", 1, 60, setsListRef(2, func(p int64) bool {
			return isPrimeRef(p) && sets3Read(p, 8, 5) > 0 && isPrimeRef(sets3Read(p, 8, 5))
		})},
		{"Primes whose base-3 representation also is the base-7 representation of a prime.", 1, 60, setsListRef(2, func(p int64) bool {
			return isPrimeRef(p) && isPrimeRef(sets3Read(p, 3, 7))
		})},
		{"Primes whose decimal representation is a valid number in base 5 and interpreted as such is again a prime.", 1, 50, setsListRef(2, func(p int64) bool {
			return isPrimeRef(p) && sets3Read(p, 10, 5) > 0 && isPrimeRef(sets3Read(p, 10, 5))
		})},
		// the least m = j*n, j >= 1, whose base-b digits are all 0 or 1
		{"Smallest positive multiple of n whose base 8 representation contains only 0's and 1's.", 1, 40, func(n int64) int64 {
			return sets3ZeroOneRef(n, 8)
		}},
		{"Least positive multiple of n written in base 9 using only 0 and 1.", 1, 30, func(n int64) int64 {
			return sets3Read(sets3ZeroOneRef(n, 9), 9, 10)
		}},
		{"Least positive multiple of n that when written in base 10 uses only 0's and 1's.", 1, 30, func(n int64) int64 {
			return sets3ZeroOneRef(n, 10)
		}},
		{"7-smooth numbers.", 1, 100, setsListRef(1, func(x int64) bool {
			fs := sets3Factors(x)
			return len(fs) == 0 || fs[len(fs)-1] <= 7
		})},
	})
}

func TestSets3Refuse(t *testing.T) {
	refuses(t,
		"Numbers with exactly 4 distinct prime divisors {2,3,5}.",    // the count disagrees with the set
		"Numbers with exactly 2 distinct odd prime divisors {2,3}.",  // 2 is no odd prime
		"Numbers with distinct prime factors 2, 4, and 5.",           // 4 is no prime
		"Numbers whose smallest prime factor is 31.",                 // 29# does not fit i32
		"Numbers whose smallest prime factor is 15.",                 // 15 is no prime
		"Squares of the form 6p+7 for p prime.",                      // a kind of square, not a power of a list
		"Squares of numbers in array formed from frobnicated cells.", // no list read
		"8-smooth numbers.",
		"Smallest positive multiple of n whose base 2 representation contains only 0's and 1's.", // every number
		"Primes whose base-8 representation also is the base-8 representation of a prime.",       // the same base: every prime
		"Primes whose base-8 representation also is the base-5 representation of a square.",
	)
}

// sets3DigitsRef: x's base-b digits hold exactly need[d] copies of each d.
func sets3DigitsRef(b int64, need map[int64]int64) func(int64) bool {
	return func(x int64) bool {
		counts := map[int64]int64{}
		for ; x > 0; x /= b {
			counts[x%b]++
		}
		for d, c := range need {
			if counts[d] != c {
				return false
			}
		}
		return true
	}
}

// sets3Listed is the n-th (from 1) x >= 1 passing ok, from a list of the
// first members found once.
func sets3Listed(ok func(int64) bool) func(int64) int64 {
	var xs []int64
	return func(n int64) int64 {
		for x := int64(1); int64(len(xs)) < n; x++ {
			if len(xs) > 0 && x <= xs[len(xs)-1] {
				x = xs[len(xs)-1] + 1
			}
			if ok(x) {
				xs = append(xs, x)
			}
		}
		return xs[n-1]
	}
}

// TestSets3Digits: sparse digit-count lists, ranked (sets3_digits.go),
// against the members counted one by one, to n = 100.
func TestSets3Digits(t *testing.T) {
	newRunner(t).anyMatches(t, []refCase{
		{"Numbers having four 5's in base 10.", 1, 100, sets3Listed(sets3DigitsRef(10, map[int64]int64{5: 4}))},
		{"Numbers having three 2's in base 9.", 1, 100, sets3Listed(sets3DigitsRef(9, map[int64]int64{2: 3}))},
		{"Numbers whose base-4 representation contains exactly four 2's and three 3's.", 1, 100, sets3Listed(sets3DigitsRef(4, map[int64]int64{2: 4, 3: 3}))},
		{"Numbers whose base-4 representation contains exactly four 0's and two 2's.", 1, 100, sets3Listed(sets3DigitsRef(4, map[int64]int64{0: 4, 2: 2}))},
		{"Numbers whose base-5 representation contains no 1's and exactly two 3's.", 1, 100, sets3Listed(sets3DigitsRef(5, map[int64]int64{1: 0, 3: 2}))},
	})
}

func TestSets3MultiplicativeDigitalRoot(t *testing.T) {
	mdr := func(x int64) int64 {
		for x >= 10 {
			p := int64(1)
			for _, ch := range strconv.FormatInt(x, 10) {
				p *= int64(ch - '0')
			}
			x = p
		}
		return x
	}
	newRunner(t).anyMatches(t, []refCase{
		{"Composite numbers whose multiplicative digital root is 4.", 1, 60, setsListRef(4, func(x int64) bool { return !isPrimeRef(x) && mdr(x) == 4 })},
		{"Numbers with multiplicative digital root value 2.", 1, 60, setsListRef(1, func(x int64) bool { return mdr(x) == 2 })},
	})
	refuses(t, "Numbers with nonzero multiplicative digital root 7.") // sparse: 7, 17, 71, 117, ... past the fuel long before n = 100
}

// sets3RunsRef: x's base-b digits make R runs with R = a (m = 0) or R ==
// a (mod m).
func sets3RunsRef(b, m, a int64) func(int64) bool {
	return func(x int64) bool {
		R, prev := int64(0), int64(-1)
		var ds []int64
		for ; x > 0; x /= b {
			ds = append(ds, x%b)
		}
		for i := len(ds) - 1; i >= 0; i-- {
			if ds[i] != prev {
				R++
			}
			prev = ds[i]
		}
		if m == 0 {
			return R == a
		}
		return R%m == a
	}
}

// TestSets3Runs: lists named by their number of runs, ranked
// (sets3_runs.go), against the members counted one by one.
func TestSets3Runs(t *testing.T) {
	newRunner(t).anyMatches(t, []refCase{
		{"Numbers whose base-4 representation has exactly 7 runs.", 1, 100, sets3Listed(sets3RunsRef(4, 0, 7))},
		{"Numbers n such that number of runs in the base 4 representation of n is congruent to 7 mod 9.", 1, 100, sets3Listed(sets3RunsRef(4, 9, 7))},
		{"Numbers whose base-3 representation has exactly 5 runs.", 1, 100, sets3Listed(sets3RunsRef(3, 0, 5))},
	})
}
