package formula

import (
	"slices"
	"testing"
)

// productsRef lists every b1^e1 * ... * bm^em (e >= from) up to 2^31 - 1
// by nested loops over the exponents, sorted, each value once: the n-th
// (from 1) is productsRef(...)[n-1].
func productsRef(from int64, bases ...int64) []int64 {
	const top = int64(1<<31 - 1)
	vals := []int64{1}
	for _, b := range bases {
		var next []int64
		for _, q := range vals {
			p := q
			for e := int64(0); e < from; e++ {
				p *= b
			}
			for ; p <= top; p *= b {
				next = append(next, p)
			}
		}
		vals = next
	}
	slices.Sort(vals)
	return slices.Compact(vals)
}

// nthOfRef is the n-th (from 1) of vals, or 0 past them.
func nthOfRef(vals []int64) func(n int64) int64 {
	return func(n int64) int64 {
		if n < 1 || n > int64(len(vals)) {
			return 0
		}
		return vals[n-1]
	}
}

func TestLists3PowProd(t *testing.T) {
	smooth3 := productsRef(0, 2, 3)
	// the membership test of the 4^i*9^j: 4s and 9s divided out leave 1
	is49 := func(x int64) bool {
		for x%4 == 0 {
			x /= 4
		}
		for x%9 == 0 {
			x /= 9
		}
		return x == 1
	}
	var l49 []int64
	for x := int64(1); len(l49) < 30; x++ {
		if is49(x) {
			l49 = append(l49, x)
		}
	}
	// 2^i*6^j = 2^(i+j)*3^j: the 3-smooth numbers with no more 3s than 2s
	var l26 []int64
	for _, x := range smooth3 {
		a, b := 0, 0
		for y := x; y%2 == 0; y /= 2 {
			a++
		}
		for y := x; y%3 == 0; y /= 3 {
			b++
		}
		if b <= a {
			l26 = append(l26, x)
		}
	}
	// 7-smooth by trial division
	var smooth7 []int64
	for x := int64(1); len(smooth7) < 80; x++ {
		y := x
		for _, p := range []int64{2, 3, 5, 7} {
			for y%p == 0 {
				y /= p
			}
		}
		if y == 1 {
			smooth7 = append(smooth7, x)
		}
	}
	r := newRunner(t)
	r.anyMatches(t, []refCase{
		// every term in i32: past it a product is -1 and ends its loop
		{"Numbers of the form 4^i * 9^j, with i, j >= 0.", 1, 30, nthOfRef(l49)},
		{"Numbers of form 2^i*6^j, with i, j >= 0.", 1, int64(len(l26)), nthOfRef(l26)},
		{"Numbers of the form 2^i*5^j, with i, j >= 1.", 1, 60, nthOfRef(productsRef(1, 2, 5))},
		{"Numbers of the form 2^i*3^j.", 1, int64(len(smooth3)), nthOfRef(smooth3)},
		{"3-smooth numbers.", 0, 99, func(n int64) int64 { return smooth3[n] }},
		{"7-smooth numbers.", 1, 80, nthOfRef(smooth7)},
		{"Numbers of the form 2^i*3^j*5^k, with i, j, k >= 0.", 1, 200, nthOfRef(productsRef(0, 2, 3, 5))},
		{"Numbers of the form 2^i*4^j.", 1, 31, func(n int64) int64 { return 1 << (n - 1) }}, // each value once
	})
	refuses(t,
		"Numbers of the form 2^i*2^j.",                   // one base twice
		"Numbers of the form 1^i*3^j.",                   // base 1
		"Numbers of the form 2^i*3^j, with i, k >= 0.",   // the clause names another letter
		"Numbers of the form 2^i*3^j*5^k*7^l*11^m*13^o.", // more bases than locals
	)
}

// qformPrimesRef lists the primes a*x^2 + b*x*y + c*y^2 (positive
// definite) in increasing order by a search over a box of x and y, the
// first count of them.
func qformPrimesRef(a, b, c int64, count int) []int64 {
	var out []int64
	for p := int64(2); len(out) < count; p++ {
		if !isPrimeRef(p) {
			continue
		}
		found := false
		for x := int64(-100); x <= 100 && !found; x++ {
			for y := int64(-100); y <= 100; y++ {
				if a*x*x+b*x*y+c*y*y == p {
					found = true
					break
				}
			}
		}
		if found {
			out = append(out, p)
		}
	}
	return out
}

func TestLists3QFormGenus(t *testing.T) {
	// class numbers h(D) of the primitive forms (tables of Buell, Cox)
	for _, tc := range []struct{ d, h int64 }{{-3, 1}, {-4, 1}, {-20, 2}, {-23, 3}, {-56, 4}, {-84, 4}, {-420, 8}, {-71, 7}, {-672, 8}} {
		if got := int64(len(reducedForms(tc.d))); got != tc.h {
			t.Errorf("h(%d) = %d, want %d", tc.d, got, tc.h)
		}
	}
	r := newRunner(t)
	r.anyMatches(t, []refCase{
		{"Primes of the form 5x^2 + 21y^2.", 1, 60, nthOfRef(qformPrimesRef(5, 0, 21, 60))},
		{"Primes of the form 8x^2+8xy+23y^2.", 1, 60, nthOfRef(qformPrimesRef(8, 8, 23, 60))},
		{"Primes of the form 3x^2 + 7y^2.", 1, 60, nthOfRef(qformPrimesRef(3, 0, 7, 60))}, // 3 and 7 divide D = -84
	})
	refuses(t,
		"Primes of the form x^2 + 14y^2.",  // 2x^2 + 7y^2 shares its genus: the residues do not decide
		"Primes of the form 6x^2 + 10y^2.", // not primitive
		"Primes of the form x^2 + 71y^2.",  // h(-284) = 7 classes, 1 genus
	)
}

// nthWhere is the n-th (from 1) x >= lo with ok(x).
func nthWhere(lo int64, ok func(x int64) bool) func(n int64) int64 {
	return func(n int64) int64 {
		for x := lo; ; x++ {
			if ok(x) {
				if n--; n == 0 {
					return x
				}
			}
		}
	}
}

func TestLists3Kinds(t *testing.T) {
	tau := func(x int64) int64 {
		c := int64(0)
		for d := int64(1); d <= x; d++ {
			if x%d == 0 {
				c++
			}
		}
		return c
	}
	semiprime := func(x int64) bool {
		c := 0
		for d := int64(2); x > 1; {
			if x%d == 0 {
				x /= d
				c++
			} else {
				d++
			}
		}
		return c == 2
	}
	r := newRunner(t)
	r.anyMatches(t, []refCase{
		{"Positive j such that d(j) = d(j + 2*d(j)), where d(j) is the number of divisors of j.", 1, 40,
			nthWhere(1, func(j int64) bool { return tau(j) == tau(j+2*tau(j)) })},
		{"Values of k such that k^2 + 1 is prime.", 1, 60, nthWhere(0, func(k int64) bool { return isPrimeRef(k*k + 1) })},
		{"Nonnegative numbers k such that k^2 + 4 is prime.", 1, 60, nthWhere(0, func(k int64) bool { return isPrimeRef(k*k + 4) })},
		{"Odd semiprimes k such that k + 2 is prime.", 1, 60, nthWhere(1, func(k int64) bool { return k%2 == 1 && semiprime(k) && isPrimeRef(k+2) })},
		{"Twin primes p such that p + 6 is prime.", 1, 60, nthWhere(2, func(p int64) bool {
			return isPrimeRef(p) && (isPrimeRef(p-2) || isPrimeRef(p+2)) && isPrimeRef(p+6)
		})},
	})
	refuses(t,
		"Foo bars k such that k + 1 is prime.", // no kind
		"Odd values of k such that k + 1 is prime.",
		"Positive foo k such that k + 1 is prime.",
	)
}

func TestLists3QFormIndefinite(t *testing.T) {
	// primes by their residues (Fermat, Euler): x^2 - 2y^2 takes 2 and the
	// p == +-1 (mod 8); x^2 - 10y^2 the p == +-1, +-9 (mod 40)
	x2m2 := nthWhere(2, func(p int64) bool { return isPrimeRef(p) && (p == 2 || p%8 == 1 || p%8 == 7) })
	x2m10 := nthWhere(2, func(p int64) bool {
		r := p % 40
		return isPrimeRef(p) && (r == 1 || r == 39 || r == 9 || r == 31)
	})
	// a box search, for the first terms (whose least representations are small)
	box := func(a, b, c int64) func(int64) int64 {
		return nthWhere(2, func(p int64) bool {
			if !isPrimeRef(p) {
				return false
			}
			for x := int64(-150); x <= 150; x++ {
				for y := int64(-150); y <= 150; y++ {
					if a*x*x+b*x*y+c*y*y == p {
						return true
					}
				}
			}
			return false
		})
	}
	r := newRunner(t)
	r.anyMatches(t, []refCase{
		{"Primes of the form x^2 - 2*y^2.", 1, 60, x2m2},
		{"Primes of the form x^2 - 10*y^2.", 1, 60, x2m10},
		{"Primes of the form -3*x^2 + 4*x*y + 5*y^2 (as well as of the form 6*x^2 + 10*x*y + y^2).", 1, 12, box(-3, 4, 5)},
		{"Primes of the form 5x^2 - 21y^2.", 1, 15, box(5, 0, -21)},
		{"Primes of the form -2*x^2+4*x*y+5*y^2.", 1, 15, box(-2, 4, 5)}, // 7 divides D = 56
	})
	refuses(t,
		"Primes of the form 2*x^2 - 5*y^2 (as well as of the form x^2 - 10*y^2).", // the two list other primes
		"Primes of the form x^2 - 4*y^2.",                                         // a square discriminant: f factors
		"Primes of the form 2*x^2 + 4*x*y - 6*y^2.",                               // not primitive
	)
}
