package formula

import "testing"

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
		{"how many numbers below n are divisible by 3 or 5", 0, 300, 999_900, a3CountRef(true, positive(mult(3, 5)))},
		{"sum of all the numbers below n that are multiples of 3 or 5", 0, 300, 90_000, a3SumRef(true, mult(3, 5))},
		{"how many integers up to n are prime", 0, 300, 2900, a3CountRef(false, isPrimeRef)},
		{"sum of all numbers below n divisible by 3 or 5", 0, 300, 90_000, a3SumRef(true, mult(3, 5))},
		{"the sum of the multiples of 3 or 5 that are below n", 0, 300, 90_000, a3SumRef(true, mult(3, 5))},
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
		{"the last digit of n squared", 0, 300, 999_900, func(n int64) int64 { return n * n % 10 }},
		{"how many binary digits does n have", 0, 300, 999_900, digitsIn(2)},
		{"how many zeros does n end with in binary", 1, 300, 999_900, trailing(2, 0)},
		{"how many times does 3 divide n", 1, 300, 999_900, trailing(3, 0)},
		{"the largest power of 2 that divides n", 1, 300, 999_900, func(n int64) int64 { return n & -n }},
		{"how many even numbers are there between 1 and n inclusive", 0, 300, 999_900, func(n int64) int64 { return n / 2 }},
		{"the last two digits of n cubed", 0, 300, 999_900, func(n int64) int64 { return n * n * n % 100 }},
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
		"how many times does 1 divide n",
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

// TestAsked3More: divisibility by a digit function, sums of powers and
// sequences asked for by name, against native references (the named
// sequences where they fit in i32; both index conventions are offered).
func TestAsked3More(t *testing.T) {
	digits := func(n int64) []int64 {
		var ds []int64
		for ; n > 0; n /= 10 {
			ds = append(ds, n%10)
		}
		if len(ds) == 0 {
			ds = []int64{0}
		}
		return ds
	}
	divBy := func(f func([]int64) int64) func(int64) int64 {
		return func(n int64) int64 {
			if d := f(digits(n)); d != 0 && n%d == 0 {
				return 1
			}
			return 0
		}
	}
	sumD := func(ds []int64) int64 {
		s := int64(0)
		for _, d := range ds {
			s += d
		}
		return s
	}
	prodD := func(ds []int64) int64 {
		p := int64(1)
		for _, d := range ds {
			p *= d
		}
		return p
	}
	powSum := func(p int64) func(int64) int64 {
		return func(n int64) int64 {
			s := int64(0)
			for k := int64(1); k <= n; k++ {
				t := int64(1)
				for i := int64(0); i < p; i++ {
					t *= k
				}
				s += t
			}
			return s
		}
	}
	// catalan: C(0) = 1, C(n+1) = Sum C(i) C(n-i), from a table
	table := func(first []int64, next func(t []int64) int64) func(int64) int64 {
		return func(n int64) int64 {
			t := append([]int64(nil), first...)
			for int64(len(t)) <= n {
				t = append(t, next(t))
			}
			return t[n]
		}
	}
	catalan := table([]int64{1}, func(t []int64) int64 {
		s := int64(0)
		for i := range t {
			s += t[i] * t[len(t)-1-i]
		}
		return s
	})
	bell := func(n int64) int64 { // the Bell triangle
		row := []int64{1}
		for i := int64(0); i < n; i++ {
			next := []int64{row[len(row)-1]}
			for _, v := range row {
				next = append(next, next[len(next)-1]+v)
			}
			row = next
		}
		return row[0]
	}
	motzkin := table([]int64{1, 1}, func(t []int64) int64 {
		n := len(t)
		s := t[n-1]
		for k := 0; k <= n-2; k++ {
			s += t[k] * t[n-2-k]
		}
		return s
	})
	lin := func(a, b, x0, x1 int64) func(int64) int64 {
		return table([]int64{x0, x1}, func(t []int64) int64 { return a*t[len(t)-1] + b*t[len(t)-2] })
	}
	derange := table([]int64{1, 0}, func(t []int64) int64 { n := int64(len(t)); return (n - 1) * (t[n-1] + t[n-2]) })
	padovan := table([]int64{1, 1, 1}, func(t []int64) int64 { return t[len(t)-2] + t[len(t)-3] })
	perrin := table([]int64{3, 0, 2}, func(t []int64) int64 { return t[len(t)-2] + t[len(t)-3] })
	shift := func(f func(int64) int64) func(int64) int64 { return func(n int64) int64 { return f(n - 1) } }
	newRunner(t).anyMatches(t, []refCase{
		{"1 if n is divisible by the sum of its digits, else 0", 1, 400, divBy(sumD)},
		{"1 if n is divisible by the sum of its digits, else 0", 999_900, 1_000_000, divBy(sumD)},
		{"is n divisible by the product of its digits? 1 or 0", 1, 400, divBy(prodD)},
		{"is n divisible by the product of its digits? 1 or 0", 111_100, 111_200, divBy(prodD)},
		{"sum of the cubes from 1 to n", 0, 300, powSum(3)},
		{"the sum of the first n squares", 0, 1800, powSum(2)},
		{"sum of the squares up to n", 0, 300, powSum(2)},
		{"sum of the 5th powers of the integers from 1 to n", 0, 40, powSum(5)},
		{"the n-th Catalan number", 0, 19, catalan},
		{"Catalan number n", 1, 20, shift(catalan)},
		{"the nth Bell number", 0, 15, bell},
		{"n-th Motzkin number", 0, 21, motzkin},
		{"the n-th Pell number", 0, 25, lin(2, 1, 0, 1)},
		{"what is the nth Jacobsthal number?", 0, 31, lin(1, 2, 0, 1)},
		{"n-th Pell-Lucas number", 0, 24, lin(2, 1, 2, 2)},
		{"Padovan number n", 0, 70, padovan},
		{"the n-th Perrin number", 0, 70, perrin},
		{"number of derangements of n items", 0, 12, derange},
		{"sum of the first n primes", 1, 300, func(n int64) int64 {
			s := int64(0)
			for p := int64(2); n > 0; p++ {
				if isPrimeRef(p) {
					s, n = s+p, n-1
				}
			}
			return s
		}},
		{"the next prime after n", 0, 400, func(n int64) int64 {
			p := n + 1
			for !isPrimeRef(p) {
				p++
			}
			return p
		}},
		{"the previous prime before n", 3, 400, func(n int64) int64 {
			p := n - 1
			for !isPrimeRef(p) {
				p--
			}
			return p
		}},
		{"number of zeros in the binary representation of n", 1, 400, func(n int64) int64 {
			z := int64(0)
			for ; n > 0; n >>= 1 {
				z += 1 - n&1
			}
			return z
		}},
		{"how many ones are in the binary representation of n", 0, 400, func(n int64) int64 {
			z := int64(0)
			for ; n > 0; n >>= 1 {
				z += n & 1
			}
			return z
		}},
		{"how many numbers up to n are coprime to n", 1, 400, func(n int64) int64 {
			c := int64(0)
			for k := int64(1); k <= n; k++ {
				if gcdRef(k, n) == 1 {
					c++
				}
			}
			return c
		}},
	})
	refuses(t,
		"the n-th Pellx number",
		"1 if n is divisible by the sum of its letters, else 0",
		"sum of the cubes from 2 to n",
		"sum of the first n widgets",
	)
}

// TestAsked3Operands: requests over two or three operands (spreads,
// division in words, properties of several operands) against native Go
// on random operands far from any example, one candidate each.
func TestAsked3Operands(t *testing.T) {
	b2i := func(b bool) int64 {
		if b {
			return 1
		}
		return 0
	}
	floorMod := func(a, b int64) int64 {
		r := a % b
		if r != 0 && (r < 0) != (b < 0) {
			r += b
		}
		return r
	}
	even := func(x int64) bool { return x%2 == 0 }
	count := func(p func(int64) bool, a []int64) int {
		c := 0
		for _, x := range a {
			if p(x) {
				c++
			}
		}
		return c
	}
	nonzero := func(a []int64) bool { return a[1] != 0 }
	all := func([]int64) bool { return true }
	cases := []operandCase{ // lead_ops_test.go
		{"the remainder of a divided by b", 2, -1_000_000, 1_000_000, nonzero, func(a []int64) int64 { return floorMod(a[0], a[1]) }},
		{"remainder when x is divided by y", 2, 0, 1_000_000, nonzero, func(a []int64) int64 { return floorMod(a[0], a[1]) }},
		{"the quotient of a divided by b", 2, -1_000_000, 1_000_000, nonzero, func(a []int64) int64 { return (a[0] - floorMod(a[0], a[1])) / a[1] }},
		{"how many times does b go into a", 2, 0, 1_000_000, func(a []int64) bool { return a[0] != 0 }, func(a []int64) int64 { return a[1] / a[0] }}, // b is named first
		{"difference between the largest and the smallest of a and b", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return max(a[0], a[1]) - min(a[0], a[1]) }},
		{"range of a, b and c", 3, -1_000_000, 1_000_000, all, func(a []int64) int64 { return max(a[0], a[1], a[2]) - min(a[0], a[1], a[2]) }},
		{"1 if a and b are both even, else 0", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return b2i(count(even, a) == 2) }},
		{"are a and b both even? 1 or 0", 2, -1000, 1000, all, func(a []int64) int64 { return b2i(count(even, a) == 2) }},
		{"1 if neither a nor b is even, else 0", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return b2i(count(even, a) == 0) }},
		{"1 if exactly one of a and b is even, else 0", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return b2i(count(even, a) == 1) }},
		{"1 if at least one of a, b and c is divisible by 3, else 0", 3, -1000, 1000, all, func(a []int64) int64 {
			return b2i(count(func(x int64) bool { return x%3 == 0 }, a) > 0)
		}},
		{"1 if a and b are both prime, else 0", 2, -100, 5000, all, func(a []int64) int64 { return b2i(isPrimeRef(a[0]) && isPrimeRef(a[1])) }},
		{"1 if a, b and c are all negative, else 0", 3, -5, 5, all, func(a []int64) int64 { return b2i(count(func(x int64) bool { return x < 0 }, a) == 3) }},
		{"the larger of a and b minus the smaller", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return max(a[0], a[1]) - min(a[0], a[1]) }},
		{"the sum of a and b, squared", 2, -20_000, 20_000, all, func(a []int64) int64 { return (a[0] + a[1]) * (a[0] + a[1]) }},
		{"the sum of a and b", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return a[0] + a[1] }}, // not Sum_{k=a..b} k
		{"the last digit of the product of a and b", 2, 0, 1_000_000, all, func(a []int64) int64 { return a[0] % 10 * (a[1] % 10) % 10 }},
		{"the last two digits of a times b", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return floorMod(a[0]*a[1], 100) }},
		{"how many even numbers are there from a to b", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return a3CountIn(a[0], a[1], func(x int64) bool { return x%2 == 0 }) }},
		{"number of multiples of 3 between a and b inclusive", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return a3CountIn(a[0], a[1], func(x int64) bool { return x%3 == 0 }) }},
		{"how many perfect squares are there from a to b", 2, -1000, 1_000_000, all, func(a []int64) int64 {
			c := int64(0)
			for x := int64(0); x*x <= a[1]; x++ {
				if x*x >= a[0] {
					c++
				}
			}
			return c
		}},
		{"how many multiples of k are there up to n", 2, 1, 1_000_000, func(a []int64) bool { return a[0] > 0 }, func(a []int64) int64 { return a[1] / a[0] }}, // k is named first
		{"sum of all multiples of k below n", 2, 1, 40_000, func(a []int64) bool { return a[0] > 0 }, func(a []int64) int64 {
			q := (a[1] - 1) / a[0]
			return a[0] * q * (q + 1) / 2
		}},
	}
	checkOperandCases(t, 5, cases)
	for _, tc := range []struct {
		text  string
		arity int
	}{
		{"1 if a and b are both haunted, else 0", 2},
		{"1 if exactly one of a and b is divisible by 1, else 0", 2}, // K >= 2
		{"remainder of a divided by b", 3},
		{"1 if a and b are both even, else 0", 3},
		{"how many integers are strictly between a and b", 2}, // and when b < a?
		{"how many odd numbers are there between a and b", 2}, // do a and b count?
	} {
		if cs := Candidates(tc.text, tc.arity); len(cs) > 0 {
			t.Errorf("%q (arity %d): %s, want nothing", tc.text, tc.arity, cs[0].Expr)
		}
	}
}

// a3CountIn counts the x in [lo, hi] with p(x), one by one.
func a3CountIn(lo, hi int64, p func(int64) bool) int64 {
	c := int64(0)
	for x := lo; x <= hi; x++ {
		if p(x) {
			c++
		}
	}
	return c
}
