package formula

import (
	"slices"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// Native references for digitfns.go, written from the definitions (not
// from the package's evaluator): digits least significant first.

// digitFnRefs: each one-number function of digitfns.go, natively.
var digitFnRefs = map[string]func(ds []int64, b int64) int64{
	"digprod": func(ds []int64, b int64) int64 {
		p := int64(1)
		for _, d := range ds {
			p *= d
		}
		return p
	},
	"nzdigprod": func(ds []int64, b int64) int64 {
		p := int64(1)
		for _, d := range ds {
			if d > 0 {
				p *= d
			}
		}
		return p
	},
	"maxdig":   func(ds []int64, b int64) int64 { return slices.Max(ds) },
	"mindig":   func(ds []int64, b int64) int64 { return slices.Min(ds) },
	"firstdig": func(ds []int64, b int64) int64 { return ds[len(ds)-1] },
	"lastdig":  func(ds []int64, b int64) int64 { return ds[0] },
	"nruns": func(ds []int64, b int64) int64 {
		r := int64(1)
		for i := 1; i < len(ds); i++ {
			if ds[i] != ds[i-1] {
				r++
			}
		}
		return r
	},
	"maxrun": func(ds []int64, b int64) int64 {
		best, cur := int64(0), int64(0)
		for i := range ds {
			if i > 0 && ds[i] == ds[i-1] {
				cur++
			} else {
				cur = 1
			}
			best = max(best, cur)
		}
		return best
	},
	"ndistinct": func(ds []int64, b int64) int64 {
		s := slices.Clone(ds)
		slices.Sort(s)
		return int64(len(slices.Compact(s)))
	},
}

// runOps runs a lowered formula at n in the interpreter.
func runOps(t *testing.T, ops []ir.Op, n int64) int64 {
	t.Helper()
	e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
	if err != nil {
		t.Fatalf("program does not validate: %v", err)
	}
	v, err := e.Run([]int32{int32(n)}, ir.DefaultFuel)
	if err != nil {
		t.Fatalf("n = %d: %v", n, err)
	}
	return int64(v)
}

// TestDigitFunctions: each digit function, lowered, against its native
// reference for n = 0..3000 in a few bases.
func TestDigitFunctions(t *testing.T) {
	for name, ref := range digitFnRefs {
		for _, b := range []int64{2, 3, 7, 10, 16} {
			ops, err := lowerWith(call(name, vr("n"), num(b)), false)
			if err != nil {
				t.Fatalf("%s base %d: %v", name, b, err)
			}
			for n := int64(0); n <= 3000; n += 1 + n/500 {
				want := ref(digitList(n, b), b)
				if got := runOps(t, ops, n); got != want {
					t.Fatalf("%s(%d, %d) = %d, want %d", name, n, b, got, want)
				}
			}
		}
	}
}

// digitList is n's digits in base b, least significant first (0: [0]).
func digitList(n, b int64) []int64 {
	ds := []int64{n % b}
	for n /= b; n > 0; n /= b {
		ds = append(ds, n%b)
	}
	return ds
}

// strRef counts the occurrences of the digit string s (most significant
// first) in n's base-b representation, written out as a string.
func strRef(n, b int64, s []int64) int64 {
	ds := digitList(n, b)
	slices.Reverse(ds) // as written
	var c int64
	for i := 0; i+len(s) <= len(ds); i++ {
		if slices.Equal(ds[i:i+len(s)], s) {
			c++
		}
	}
	return c
}

// TestDigitFunctions2: strcount, rebase and the bitwise operations
// against native Go.
func TestDigitFunctions2(t *testing.T) {
	type tc struct {
		x   *node
		ref func(n int64) int64
	}
	n := vr("n")
	cases := []tc{
		{call("strcount", n, num(6), num(1*6+5), num(2)), func(n int64) int64 { return strRef(n, 6, []int64{1, 5}) }},
		{call("strcount", n, num(9), num(0*9+4), num(2)), func(n int64) int64 { return strRef(n, 9, []int64{0, 4}) }},
		{call("strcount", n, num(2), num(0), num(1)), func(n int64) int64 { return strRef(n, 2, []int64{0}) }},
		{call("strcount", n, num(2), num(5), num(3)), func(n int64) int64 { return strRef(n, 2, []int64{1, 0, 1}) }},
		{call("strcount", n, num(2), num(1), num(3)), func(n int64) int64 { return strRef(n, 2, []int64{0, 0, 1}) }},
		{call("rebase", n, num(5), num(10)), func(n int64) int64 {
			var r int64
			for i, d := range digitList(n, 5) {
				p := int64(1)
				for range i {
					p *= 10
				}
				r += d * p
			}
			return r
		}},
		{call("bitand", n, bin(kMul, num(2), n)), func(n int64) int64 { return n & (2 * n) }},
		{call("bitor", n, bin(kMul, num(3), n)), func(n int64) int64 { return n | (3 * n) }},
		{call("bitxor", n, bin(kAdd, n, num(7))), func(n int64) int64 { return n ^ (n + 7) }},
	}
	for _, c := range cases {
		ops, err := lowerWith(c.x, false)
		if err != nil {
			t.Fatalf("%s: %v", c.x, err)
		}
		for n := int64(0); n <= 5000; n += 1 + n/700 {
			if got, want := runOps(t, ops, n), c.ref(n); got != want {
				t.Fatalf("%s at n = %d: %d, want %d", c.x, n, got, want)
			}
		}
	}
}

// baseCases: names phrases_base.go reads, with native references.
var baseCases = []refCase{
	{"Numbers n such that string 1,5 occurs in the base 6 representation of n but not of n+1.", 1, 40, func(n int64) int64 {
		return nthRef(n, 0, func(k int64) bool { return strRef(k, 6, []int64{1, 5}) > 0 && strRef(k+1, 6, []int64{1, 5}) == 0 })
	}},
	{"Numbers k such that string 0,4 occurs in the base 9 representation of k but not of k-1.", 1, 40, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return strRef(k, 9, []int64{0, 4}) > 0 && strRef(k-1, 9, []int64{0, 4}) == 0 })
	}},
	{"Numbers n such that number of runs in the base 4 representation of n is congruent to 3 mod 5.", 1, 60, func(n int64) int64 {
		return nthRef(n, 0, func(k int64) bool { return digitFnRefs["nruns"](digitList(k, 4), 4)%5 == 3 })
	}},
	{"Numbers whose base-7 representation has exactly 3 runs.", 1, 60, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return digitFnRefs["nruns"](digitList(k, 7), 7) == 3 })
	}},
	{"Numbers with exactly two distinct base-4 digits.", 1, 60, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return digitFnRefs["ndistinct"](digitList(k, 4), 4) == 2 })
	}},
	{"Evil primes: primes with even number of 1's in their binary expansion.", 1, 60, func(n int64) int64 {
		return nthRef(n, 2, func(k int64) bool { return isPrimeRef(k) && strRef(k, 2, []int64{1})%2 == 0 })
	}},
	{"Numbers divisible by their last digit.", 1, 80, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return k%10 != 0 && k%(k%10) == 0 })
	}},
	{"Numbers which are multiples of their largest digit (decimal notation).", 1, 80, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { m := slices.Max(digitList(k, 10)); return m > 0 && k%m == 0 })
	}},
	{"Numbers which are divisible by the sum of their base-3 digits.", 1, 80, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return k%sumRef(digitList(k, 3)) == 0 })
	}},
	{"Odd composite integers that are palindromes when written in binary.", 1, 40, func(n int64) int64 {
		return nthRef(n, 2, func(k int64) bool {
			ds := digitList(k, 2)
			r := slices.Clone(ds)
			slices.Reverse(r)
			return k%2 == 1 && !isPrimeRef(k) && slices.Equal(ds, r)
		})
	}},
	{"Numbers in base 5.", 0, 200, func(n int64) int64 { return strRefRead(digitList(n, 5), 10) }},
	{"a(n) = n AND 2*n, where AND is the bitwise AND operator.", 0, 300, func(n int64) int64 { return n & (2 * n) }},
	{"a(n) = n XOR floor(n/2).", 0, 300, func(n int64) int64 { return n ^ (n / 2) }},
	{"a(n) = bitor(n, n^2).", 0, 300, func(n int64) int64 { return n | (n * n) }},
	{"Numbers having only digits 1 and 3 in their decimal representation.", 1, 50, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return onlyDigits(k, 10, 1, 3) })
	}},
	{"Numbers whose set of base 10 digits is {0,7}.", 1, 25, func(n int64) int64 {
		return nthRef(n, 0, func(k int64) bool { return onlyDigits(k, 10, 0, 7) })
	}},
	{"Numbers whose set of base-5 digits is {1,2}.", 1, 100, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return onlyDigits(k, 5, 1, 2) })
	}},
	{"Numbers with digits 1 and 2 and at least one of each.", 1, 30, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool {
			return onlyDigits(k, 10, 1, 2) && strRef(k, 10, []int64{1}) > 0 && strRef(k, 10, []int64{2}) > 0
		})
	}},
	{"Primes having only {1, 4, 9} as digits.", 1, 40, func(n int64) int64 {
		return nthRef(n, 2, func(k int64) bool { return isPrimeRef(k) && onlyDigits(k, 10, 1, 4, 9) })
	}},
	{"Sums of 3 distinct powers of 7.", 1, 30, func(n int64) int64 {
		// the sums 7^a + 7^b + 7^c, a > b > c >= 0, ascending: by a, then b, then c
		var xs []int64
		for a := int64(2); len(xs) < 40; a++ {
			for b := int64(1); b < a; b++ {
				for c := int64(0); c < b; c++ {
					xs = append(xs, pow7(a)+pow7(b)+pow7(c))
				}
			}
		}
		slices.Sort(xs)
		return xs[n-1]
	}},
	{"Product of the nonzero digits of n written in base 4.", 0, 300, func(n int64) int64 { return digitFnRefs["nzdigprod"](digitList(n, 4), 4) }},
	{"Maximal run length in base 4 representation of n.", 0, 300, func(n int64) int64 { return digitFnRefs["maxrun"](digitList(n, 4), 4) }},
	{"Number of distinct base-7 digits of n.", 0, 300, func(n int64) int64 { return digitFnRefs["ndistinct"](digitList(n, 7), 7) }},
	{"Number of times the digit 2 appears in the decimal expansion of n^3.", 0, 300, func(n int64) int64 { return strRef(n*n*n, 10, []int64{2}) }},
	{"Least decimal digit in n-th prime.", 1, 100, func(n int64) int64 { return slices.Min(digitList(primeRef(n), 10)) }},
	{"Largest digit of n^2.", 0, 300, func(n int64) int64 { return slices.Max(digitList(n*n, 10)) }},
	{"Initial digit of phi(n), where phi is Euler totient function, A000010.", 1, 300, func(n int64) int64 {
		var phi int64
		for k := int64(1); k <= n; k++ {
			if gcdRef(k, n) == 1 {
				phi++
			}
		}
		ds := digitList(phi, 10)
		return ds[len(ds)-1]
	}},
	{"Primes whose reversal is a multiple of 4.", 1, 60, func(n int64) int64 {
		return nthRef(n, 2, func(k int64) bool { return isPrimeRef(k) && revRef(k)%4 == 0 })
	}},
	{"Composite numbers whose sum of digits is a prime.", 1, 80, func(n int64) int64 {
		return nthRef(n, 4, func(k int64) bool { return !isPrimeRef(k) && isPrimeRef(sumRef(digitList(k, 10))) })
	}},
	{"Numbers whose base-2 representation has 3 more 0's than 1's.", 1, 60, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return strRef(k, 2, []int64{0})-strRef(k, 2, []int64{1}) == 3 })
	}},
	{"Digitally balanced numbers: positive numbers that in base 2 have the same number of 0's as 1's.", 1, 60, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return strRef(k, 2, []int64{0}) == strRef(k, 2, []int64{1}) })
	}},
	{"Numbers whose difference between the largest and smallest digits is equal to 3.", 1, 80, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { ds := digitList(k, 10); return slices.Max(ds)-slices.Min(ds) == 3 })
	}},
	{"Numbers whose base-7 and base-10 expansions have the same digit sum.", 1, 80, func(n int64) int64 {
		return nthRef(n, 0, func(k int64) bool { return sumRef(digitList(k, 7)) == sumRef(digitList(k, 10)) })
	}},
	{"Numbers whose square has initial digit '5'.", 1, 80, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { ds := digitList(k*k, 10); return ds[len(ds)-1] == 5 })
	}},
	{"a(n) = Sum_{i = 0..m} d(i)*8^i, where Sum_{i = 0..m} d(i)*4^i is the base 4 representation of n.", 0, 300, func(n int64) int64 {
		return strRefRead(digitList(n, 4), 8)
	}},
	{"Numbers whose base-4 representation contains exactly two 2's and three 3's.", 1, 40, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return strRef(k, 4, []int64{2}) == 2 && strRef(k, 4, []int64{3}) == 3 })
	}},
	{"Numbers whose base-4 representation contains exactly three 0's and no 3's.", 1, 60, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return strRef(k, 4, []int64{0}) == 3 && strRef(k, 4, []int64{3}) == 0 })
	}},
	{"a(n) = n + (sum of digits in base-4 representation of n).", 0, 300, func(n int64) int64 { return n + sumRef(digitList(n, 4)) }},
	{"(Sum of digits of n)^3 - (sum of digits of n^3).", 0, 300, func(n int64) int64 {
		s := sumRef(digitList(n, 10))
		return s*s*s - sumRef(digitList(n*n*n, 10))
	}},
	{"a(n) = a(n-1) + digit sum(n + 2) with a(0) = 2.", 0, 300, func(n int64) int64 {
		a := int64(2)
		for i := int64(1); i <= n; i++ {
			a += sumRef(digitList(i+2, 10))
		}
		return a
	}},
	{"Numbers whose binary expansion contains the substring '110'.", 1, 80, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return strRef(k, 2, []int64{1, 1, 0}) > 0 })
	}},
	{"Binary expansion contains 010.", 1, 80, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return strRef(k, 2, []int64{0, 1, 0}) > 0 })
	}},
	{"Numbers whose maximal base-4 run length is 2.", 1, 80, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return digitFnRefs["maxrun"](digitList(k, 4), 4) == 2 })
	}},
	{"Squares whose digit sum is not a prime.", 1, 60, func(n int64) int64 {
		return nthRef(n, 0, func(k int64) bool { r := isqrtRef(k); return r*r == k && !isPrimeRef(sumRef(digitList(k, 10))) })
	}},
	{"Non-palindromic cubes.", 1, 60, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool {
			c := int64(0)
			for c*c*c < k {
				c++
			}
			return c*c*c == k && revRef(k) != k
		})
	}},
	{"Triangular numbers for which the sum of the digits is a prime number.", 1, 60, func(n int64) int64 {
		return nthRef(n, 0, func(k int64) bool {
			r := isqrtRef(8*k + 1)
			return r*r == 8*k+1 && isPrimeRef(sumRef(digitList(k, 10)))
		})
	}},
	{"Numbers containing only digits coprime to 10 in their decimal representation.", 1, 100, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return onlyDigits(k, 10, 1, 3, 7, 9) })
	}},
	{"Primes not containing the digit '6'.", 1, 80, func(n int64) int64 {
		return nthRef(n, 2, func(k int64) bool { return isPrimeRef(k) && strRef(k, 10, []int64{6}) == 0 })
	}},
	{"Numbers with exactly three 1's in binary expansion.", 1, 80, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return strRef(k, 2, []int64{1}) == 3 })
	}},
	{"Numbers whose binary expansion has exactly two 0's.", 1, 80, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return strRef(k, 2, []int64{0}) == 2 })
	}},
	{"Numbers with binary weight 4.", 1, 80, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return sumRef(digitList(k, 2)) == 4 })
	}},
	{"Numbers whose sum of digits is 10.", 1, 80, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return sumRef(digitList(k, 10)) == 10 })
	}},
	{"Largest base-5 palindrome m <= n, written in base 10.", 0, 300, func(n int64) int64 {
		for m := n; ; m-- {
			if isPalRef(m, 5) {
				return m
			}
		}
	}},
	{"Smallest base-3 palindrome m >= n, written in base 10.", 0, 300, func(n int64) int64 {
		for m := n; ; m++ {
			if isPalRef(m, 3) {
				return m
			}
		}
	}},
	{"Largest base-7 palindrome m <= n, written in base 7.", 0, 300, func(n int64) int64 {
		for m := n; ; m-- {
			if isPalRef(m, 7) {
				return strRefRead(digitList(m, 7), 10)
			}
		}
	}},
	{"Number of palindromes in the range [1,n] inclusive.", 0, 300, func(n int64) int64 {
		var c int64
		for k := int64(1); k <= n; k++ {
			if isPalRef(k, 10) {
				c++
			}
		}
		return c
	}},
	{"Sum of digits of Euler totient function of n.", 1, 300, func(n int64) int64 {
		var phi int64
		for k := int64(1); k <= n; k++ {
			if gcdRef(k, n) == 1 {
				phi++
			}
		}
		return sumRef(digitList(phi, 10))
	}},
}

// isPalRef reports whether k's base-b digits read the same both ways.
func isPalRef(k, b int64) bool {
	ds := digitList(k, b)
	r := slices.Clone(ds)
	slices.Reverse(r)
	return slices.Equal(ds, r)
}

// isqrtRef is floor(sqrt(k)).
func isqrtRef(k int64) int64 {
	r := int64(0)
	for (r+1)*(r+1) <= k {
		r++
	}
	return r
}

// revRef is k with its decimal digits reversed.
func revRef(k int64) int64 {
	var r int64
	for _, d := range digitList(k, 10) {
		r = r*10 + d
	}
	return r
}

// onlyDigits reports whether every base-b digit of k is one of ds.
func onlyDigits(k, b int64, ds ...int64) bool {
	for _, d := range digitList(k, b) {
		if !slices.Contains(ds, d) {
			return false
		}
	}
	return true
}

func pow7(e int64) int64 {
	p := int64(1)
	for range e {
		p *= 7
	}
	return p
}

// strRefRead reads digits (least significant first) in base c.
func strRefRead(ds []int64, c int64) int64 {
	var r int64
	for i := len(ds) - 1; i >= 0; i-- {
		r = r*c + ds[i]
	}
	return r
}

func TestBasePhrases(t *testing.T) {
	newRunner(t).anyMatches(t, baseCases)
}

// TestBasePhrasesRefuse: near misses give no candidate.
func TestBasePhrasesRefuse(t *testing.T) {
	refuses(t,
		"Numbers n such that string 1,7 occurs in the base 6 representation of n but not of n+1.", // 7 is no base-6 digit
		"Numbers n such that string 1,5 occurs in the base 6 representation of n but not of k+1.", // another variable
		"Numbers whose base-1 representation has exactly 2 runs.",
		"Numbers n such that number of runs in the base 4 representation of n is congruent to 9 mod 9.",
		"a(n) = n AND m, where AND is the bitwise AND operator.",
		"Numbers in base 1.",
	)
}
