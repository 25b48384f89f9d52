package formula

import (
	"testing"
)

// a3CountRef counts the k in 0..hi (n, or n-1 for "below") with keep(k).
func a3CountRef(below bool, keep func(k int64) bool) func(int64) int64 {
	return func(n int64) int64 {
		hi := n
		if below {
			hi--
		}
		c := int64(0)
		for k := int64(0); k <= hi; k++ {
			if keep(k) {
				c++
			}
		}
		return c
	}
}

// a3SumRef sums the k in 0..hi with keep(k).
func a3SumRef(below bool, keep func(k int64) bool) func(int64) int64 {
	return func(n int64) int64 {
		hi := n
		if below {
			hi--
		}
		s := int64(0)
		for k := int64(0); k <= hi; k++ {
			if keep(k) {
				s += k
			}
		}
		return s
	}
}

// a3RootRef is the least x >= 0 with x^k > n, less 1 (up: the least x with
// x^k >= n), by repeated multiplication.
func a3RootRef(k int64, up bool) func(int64) int64 {
	pow := func(x int64) int64 {
		r := int64(1)
		for i := int64(0); i < k; i++ {
			r *= x
		}
		return r
	}
	return func(n int64) int64 {
		x := int64(0)
		if up {
			for pow(x) < n {
				x++
			}
			return x
		}
		for pow(x+1) <= n {
			x++
		}
		return x
	}
}

// TestAsked3Families: requests about one operand read as a family, each
// against a native reference near 0 and far from the examples.
func TestAsked3Families(t *testing.T) {
	mult := func(ks ...int64) func(int64) bool {
		return func(k int64) bool {
			for _, m := range ks {
				if k%m == 0 {
					return true
				}
			}
			return false
		}
	}
	positive := func(p func(int64) bool) func(int64) bool { return func(k int64) bool { return k > 0 && p(k) } }
	bitLen := func(n int64) int64 {
		b := int64(0)
		for ; n > 0; n >>= 1 {
			b++
		}
		return b
	}
	digitsIn := func(b int64) func(int64) int64 {
		return func(n int64) int64 {
			d := int64(1)
			for ; n >= b; n /= b {
				d++
			}
			return d
		}
	}
	trailing := func(b, digit int64) func(int64) int64 {
		return func(n int64) int64 {
			z := int64(0)
			for ; n > 0 && n%b == digit; n /= b {
				z++
			}
			return z
		}
	}
	squares := func(below, zero bool) func(int64) int64 { // the x >= 1 (or 0) with x*x in range
		return func(n int64) int64 {
			hi := n
			if below {
				hi--
			}
			c := int64(0)
			for x := int64(0); x*x <= hi; x++ {
				if x > 0 || zero {
					c++
				}
			}
			return c
		}
	}
	cases := []struct {
		text     string
		from, to int64 // a range near 0; also checked from far
		far      int64
		ref      func(int64) int64
	}{
		{"how many primes are there up to n", 0, 300, 2900, a3CountRef(false, isPrimeRef)},
		{"count the prime numbers below n", 0, 300, 2900, a3CountRef(true, isPrimeRef)},
		{"sum of all multiples of 3 or 5 below n", 0, 400, 90_000, a3SumRef(true, mult(3, 5))},
		{"sum of the multiples of 4 or 6 up to n", 0, 300, 60_000, a3SumRef(false, mult(4, 6))},
		{"how many multiples of 7 are there up to n", 0, 300, 999_900, a3CountRef(false, positive(mult(7)))},
		{"how many numbers divisible by 2 or 3 are there below n", 0, 300, 999_900, a3CountRef(true, mult(2, 3))},
		{"sum of all even numbers below n", 0, 300, 90_000, a3SumRef(true, mult(2))},
		{"sum of the odd numbers less than n", 0, 300, 90_000, a3SumRef(true, func(k int64) bool { return k%2 == 1 })},
		{"how many odd numbers are there up to n", 0, 300, 999_900, a3CountRef(false, func(k int64) bool { return k%2 == 1 })},
		{"how many perfect squares are there up to n", 0, 300, 999_900, squares(false, false)},
		{"number of squares below n", 0, 300, 999_900, squares(true, true)},
		{"how many semiprimes are there up to n", 0, 200, 900, a3CountRef(false, func(k int64) bool {
			f := 0
			for d := int64(2); d <= k; d++ {
				for ; k%d == 0; k /= d {
					f++
				}
			}
			return f == 2
		})},
		{"number of bits needed to write n in binary", 0, 300, 999_900, bitLen},
		{"How many bits does x have?", 0, 300, 999_900, bitLen},
		{"number of digits of n in base 3", 0, 300, 999_900, digitsIn(3)},
		{"how many digits does n have in base 7", 0, 300, 999_900, digitsIn(7)},
		{"number of binary digits of n", 0, 300, 999_900, digitsIn(2)},
		{"number of trailing zeros of n in binary", 1, 300, 999_900, trailing(2, 0)},
		{"how many trailing zeros does n have in base 3", 1, 300, 999_900, trailing(3, 0)},
		{"number of trailing zeros in the binary representation of n", 1, 300, 999_900, trailing(2, 0)},
		{"number of trailing ones of n in binary", 0, 300, 999_900, trailing(2, 1)},
		{"number of trailing zeros of n in decimal", 1, 300, 999_900, trailing(10, 0)},
		{"how many trailing zero bits does n have", 1, 300, 999_900, trailing(2, 0)},
		{"the integer cube root of n, rounded down", 0, 300, 999_900, a3RootRef(3, false)},
		{"cube root of n rounded up", 0, 300, 999_900, a3RootRef(3, true)},
		{"the integer 4th root of n", 0, 300, 999_900, a3RootRef(4, false)},
		{"square root of n, rounded up", 0, 300, 999_900, a3RootRef(2, true)},
		{"largest integer whose cube is at most n", 0, 300, 999_900, a3RootRef(3, false)},
	}
	var refs []refCase
	for _, c := range cases {
		if c.ref == nil {
			continue
		}
		refs = append(refs, refCase{c.text, c.from, c.to, c.ref}, refCase{c.text, c.far, c.far + 100, c.ref})
	}
	newRunner(t).anyMatches(t, refs)
}

// TestAsked3Refuses: near misses of those families give no candidate.
func TestAsked3Refuses(t *testing.T) {
	refuses(t,
		"the cube root of n",                        // not an integer
		"how many primes are there between 1 and n", // whether n counts is not said
		"number of trailing ones of n in base 3",    // ones, or digits b-1?
		"number of trailing zeros of n",             // of n, or of n!? (TestAsked2Functions)
		"sum of the multiples of 3 or 5 and 7 below n",
		"floor of the cube root of n, rounded up",
		"number of digits of n in base 1",
		"how many bits are set in n below n",
	)
}

// TestAsked3MultiplesAnd: "multiples of 3 and 5" is offered both as the
// union and as the multiples of 15, which disagree beyond a few n.
func TestAsked3MultiplesAnd(t *testing.T) {
	union := a3SumRef(true, func(k int64) bool { return k%3 == 0 || k%5 == 0 })
	both := a3SumRef(true, func(k int64) bool { return k%15 == 0 })
	r := newRunner(t)
	cs := Candidates("sum of the multiples of 3 and 5 below n", 1)
	var u, b bool
	for _, c := range cs {
		u = u || r.matches(c.Ops, 0, 300, union)
		b = b || r.matches(c.Ops, 0, 300, both)
	}
	if len(cs) != 2 || !u || !b {
		t.Errorf("%d candidates, union %v, both %v", len(cs), u, b)
	}
}
