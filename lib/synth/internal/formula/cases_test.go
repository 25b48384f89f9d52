package formula

import (
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// kroneckerRef is (a/n) from the definition with (a/p) for an odd prime
// p found by searching the squares mod p (not Euler's criterion, which the
// evaluator uses, nor the binary algorithm of the lowering).
func kroneckerRef(a, n int64) int64 {
	if n == 0 {
		if a == 1 || a == -1 {
			return 1
		}
		return 0
	}
	r := int64(1)
	if n < 0 {
		n = -n
		if a < 0 {
			r = -1
		}
	}
	ps, es := factorRef(n)
	for i, p := range ps {
		var s int64
		if p == 2 {
			switch ((a % 8) + 8) % 8 {
			case 1, 7:
				s = 1
			case 3, 5:
				s = -1
			}
		} else if (a%p+p)%p != 0 {
			s = -1
			for y := int64(1); y < p; y++ {
				if (y*y-a)%p == 0 {
					s = 1
					break
				}
			}
		}
		for range es[i] {
			r *= s
		}
	}
	return r
}

// TestKroneckerLowering: kronecker(a, n) and kronecker(n, b) run in the
// interpreter agree with the reference for small a, b and n = -40..300.
func TestKroneckerLowering(t *testing.T) {
	for c := int64(-13); c <= 13; c++ {
		for _, x := range []*node{call("kronecker", num(c), vr("n")), call("kronecker", vr("n"), num(c))} {
			ops, err := lowerWith(x, false)
			if err != nil {
				t.Fatalf("%s: %v", x, err)
			}
			ex, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
			if err != nil {
				t.Fatalf("%s: %v", x, err)
			}
			for n := int64(-40); n <= 300; n++ {
				want := kroneckerRef(c, n)
				if x.kids[0].k == kVar {
					want = kroneckerRef(n, c)
				}
				got, err := ex.Run([]int32{int32(n)}, ir.DefaultFuel)
				if err != nil || int64(got) != want {
					t.Fatalf("%s at n = %d: %d, %v; want %d", x, n, got, err, want)
				}
				var v evaluator
				v.steps = 1 << 20
				if r, err := v.eval(x, n); err != nil || r.Num().Int64() != want {
					t.Fatalf("%s evaluated at n = %d: %v, %v; want %d", x, n, r, err, want)
				}
			}
		}
	}
}

// casesDivisors lists the divisors of n >= 1.
func casesDivisors(n int64) []int64 {
	var ds []int64
	for d := int64(1); d <= n; d++ {
		if n%d == 0 {
			ds = append(ds, d)
		}
	}
	return ds
}

// TestKroneckerNames: the symbol named in a formula, in words, and as the
// Dirichlet series zeta(s)*L(s, (m/.)); sums and products over divisors,
// p ranging over primes.
func TestKroneckerNames(t *testing.T) {
	sumKron := func(m int64) func(int64) int64 {
		return func(n int64) int64 {
			var s int64
			for _, d := range casesDivisors(n) {
				s += kroneckerRef(m, d)
			}
			return s
		}
	}
	newRunner(t).anyMatches(t, []refCase{
		{"a(n) = Sum_{d|n} Kronecker(-22, d).", 1, 100, sumKron(-22)},
		{"Coefficients in expansion of Dirichlet series Product_p (1-(Kronecker(m,p)+1)*p^(-s)+Kronecker(m,p)*p^(-2s))^(-1) for m = -30.", 1, 100, sumKron(-30)},
		{"Coefficients in expansion of Dirichlet series Product_p (1-(Kronecker(m,p)+1)*p^(-s)+Kronecker(m,p)*p^(-2s))^(-1) for m = 34.", 1, 100, sumKron(34)},
		{"a(n) = Product_{ p | n } (1 + Legendre(-5,p) ).", 1, 100, func(n int64) int64 {
			r := int64(1)
			for _, p := range casesDivisors(n) {
				if isPrimeRef(p) {
					r *= 1 + kroneckerRef(-5, p)
				}
			}
			return r
		}},
		{"Legendre symbol (n,59).", 0, 100, func(n int64) int64 { return kroneckerRef(n, 59) }},
		{"Jacobi symbol (n, 15).", 0, 100, func(n int64) int64 { return kroneckerRef(n, 15) }},
		{"Kronecker symbol (-1, n) except a(0) = 0.", 0, 100, func(n int64) int64 {
			if n == 0 {
				return 0
			}
			return kroneckerRef(-1, n)
		}},
		{"a(n) = (2/n), where (k/n) is the Kronecker symbol.", 0, 100, func(n int64) int64 { return kroneckerRef(2, n) }},
		{"a(n) = Product_{d|n} phi(d).", 1, 30, func(n int64) int64 {
			r := int64(1)
			for _, d := range casesDivisors(n) {
				r *= phiRef(d)
			}
			return r
		}},
		{"a(n) = Sum_{p|n} p^2.", 1, 100, func(n int64) int64 {
			var s int64
			for _, p := range casesDivisors(n) {
				if isPrimeRef(p) {
					s += p * p
				}
			}
			return s
		}},
	})
	refuses(t,
		"Legendre symbol (n,59) for primes n.",
		"Coefficients in expansion of Dirichlet series Product_p (1-(Kronecker(m,p)+1)*p^(-s)+Kronecker(m,p)*p^(-2s))^(-1) for m = 0.",
		"Coefficients in expansion of Dirichlet series Product_p (1-(Kronecker(m,p)-1)*p^(-s)+Kronecker(m,p)*p^(-2s))^(-1) for m = 5.",
		"a(n) = (2/n), where (k/k) is the Kronecker symbol.",
		"Kronecker symbol (-1, n) except for a few terms.",
	)
}

// seqRef is a sequence from its first term at i0 and a step a(n) =
// next(n, a(n-1)), for n from i0 on.
func seqRef(i0, a0 int64, next func(n, prev int64) int64) func(int64) int64 {
	return func(n int64) int64 {
		a := a0
		for i := i0 + 1; i <= n; i++ {
			a = next(i, a)
		}
		return a
	}
}

// TestCaseRecurrences: one condition on n and an earlier term, the value
// otherwise; "this gcd" names the call of the first value.
func TestCaseRecurrences(t *testing.T) {
	collatz := func(_, a int64) int64 {
		if a%2 == 0 {
			return a / 2
		}
		return 3*a + 1
	}
	newRunner(t).anyMatches(t, []refCase{
		{"a(1) = 7; a(n) = a(n-1)/2 if a(n-1) is even, otherwise 3*a(n-1)+1.", 1, 60, seqRef(1, 7, collatz)},
		{"a(n) = a(n-1)/2 if a(n-1) is even, otherwise 3*a(n-1)+1, with a(1) = 27.", 1, 60, seqRef(1, 27, collatz)},
		{"a(0) = 1; a(n) = a(n-1) + n if n is prime, else a(n-1) - 1.", 0, 100, seqRef(0, 1, func(n, a int64) int64 {
			if isPrimeRef(n) {
				return a + n
			}
			return a - 1
		})},
		{"a(1) = 1, a(n) = a(n-1)/gcd(a(n-1),n) if this gcd is > 1, else a(n) = 4*a(n-1).", 1, 100, seqRef(1, 1, func(n, a int64) int64 {
			if g := gcdRef(a, n); g > 1 {
				return a / g
			}
			return 4 * a
		})},
		{"a(1) = 1; for n > 1, if a(n-1) > n then a(n) = a(n-1) - n, else a(n) = a(n-1) + n.", 1, 100, seqRef(1, 1, func(n, a int64) int64 {
			if a > n {
				return a - n
			}
			return a + n
		})},
	})
	refuses(t,
		"a(0) = 0; a(n) = a(n-1) - n if that is nonnegative and not already in the sequence, otherwise a(n-1) + n.",
		"a(1) = 1; a(n) = a(n-1)/2 if a(n-1) is even, a(n-1)/3 if a(n-1) is divisible by 3, otherwise 5*a(n-1)+1.", // the cases overlap
		"a(1) = 1; a(2) = 2; a(n) = a(n-1) + a(n-2) if a(n-1) > a(n-2), otherwise 2*a(n-1).",                       // two earlier terms
		"a(1) = 1; a(n) = a(n-1)/2 if this sum is even, otherwise 3*a(n-1)+1.",                                     // no sum to point at
	)
}

// TestGlossedConditionals: a gloss that restates the functions, or an
// apposition, after the cases.
func TestGlossedConditionals(t *testing.T) {
	sopfr := func(n int64) int64 {
		ps, es := factorRef(n)
		var s int64
		for i, p := range ps {
			s += p * es[i]
		}
		return s
	}
	newRunner(t).anyMatches(t, []refCase{
		{"a(n) = 1 if sigma(n) and sopfr(n) are both multiples of 3, otherwise 0, where sigma is the sum of divisors, and sopfr is the sum of prime factors with repetition.", 1, 100, func(n int64) int64 {
			if divisorSum(n, 1)%3 == 0 && sopfr(n)%3 == 0 {
				return 1
			}
			return 0
		}},
		{"a(n) = 1 if n is a 4-almost prime, that is a product of exactly four (not necessarily distinct) primes, 0 otherwise.", 1, 100, func(n int64) int64 {
			_, es := factorRef(n)
			var k int64
			for _, e := range es {
				k += e
			}
			if k == 4 {
				return 1
			}
			return 0
		}},
	})
	refuses(t, "a(n) = 1 if sigma(n) is odd, otherwise 0, where sigma is the number of divisors.") // the gloss names another function
}

// TestTightMod: a mod with a sum beside it is read both ways where the
// readings differ among the first terms; where they agree there, only
// the loose one.
func TestTightMod(t *testing.T) {
	r := newRunner(t)
	r.anyMatches(t, []refCase{
		{"a(n) = a(n-1) mod n + a(n-2) mod n; a(0) = 0, a(1) = 1.", 0, 100, func(n int64) int64 {
			a, b := int64(0), int64(1) // a(n-2), a(n-1)
			if n == 0 {
				return 0
			}
			for i := int64(2); i <= n; i++ {
				a, b = b, b%i+a%i
			}
			return b
		}},
		{"a(0) = 0, a(n) = (1+2*0^(n mod 3))*a(floor(n/3)) + n mod 3.", 0, 100, func(n int64) int64 {
			var f func(n int64) int64
			f = func(n int64) int64 {
				if n == 0 {
					return 0
				}
				m := int64(1)
				if n%3 == 0 {
					m = 3
				}
				return m*f(n/3) + n%3
			}
			return f(n)
		}},
		{"a(n) = n^2 + 1 mod 7.", 0, 100, func(n int64) int64 { return (n*n + 1) % 7 }},
		{"a(n) = n^2 + 1 mod 7.", 0, 100, func(n int64) int64 { return n*n + 1 }},
	})
	if cs := Candidates("a(n) = n + 100 mod 1000.", 1); len(cs) != 1 || !r.matches(cs[0].Ops, 0, 100, func(n int64) int64 { return (n + 100) % 1000 }) {
		t.Errorf("a(n) = n + 100 mod 1000: %d candidates, want the loose reading alone", len(cs))
	}
}

// TestFactorProducts: a(n) as a product over the prime powers p^e of n.
func TestFactorProducts(t *testing.T) {
	over := func(f func(p, e int64) int64) func(int64) int64 {
		return func(n int64) int64 {
			ps, es := factorRef(n)
			r := int64(1)
			for i, p := range ps {
				r *= f(p, es[i])
			}
			return r
		}
	}
	pow := func(b, e int64) int64 {
		r := int64(1)
		for range e {
			r *= b
		}
		return r
	}
	newRunner(t).anyMatches(t, []refCase{
		{"If n = Product (p_j^k_j) then a(n) = Product ((p_j - 1)^(k_j - 1)).", 1, 100, over(func(p, e int64) int64 { return pow(p-1, e-1) })},
		{"Mosaic numbers or multiplicative projection of n: if n = Product (p_j^k_j) then a(n) = Product (p_j * k_j).", 1, 100, over(func(p, e int64) int64 { return p * e })},
		{"n divided by largest squarefree divisor of n; if n = Product p(k)^e(k) then a(n) = Product p(k)^(e(k)-1), with a(1) = 1.", 1, 100, over(func(p, e int64) int64 { return pow(p, e-1) })},
	})
	refuses(t,
		"a(1)=9; if n = Product p_i^e_i, n > 1, then a(n) = Product p_{i+2}^{e_i+1}.", // another prime
		"If n = Product (p_j^k_j) then a(n) = Product (p_j * q_j).",
	)
}

// TestDivisorsOfSet: how many numbers of a set divide n; a value at the
// index of a prime n.
func TestDivisorsOfSet(t *testing.T) {
	newRunner(t).anyMatches(t, []refCase{
		{"a(n) = how many of {6,7,8} divide n.", 1, 100, func(n int64) int64 {
			var k int64
			for _, d := range []int64{6, 7, 8} {
				if n%d == 0 {
					k++
				}
			}
			return k
		}},
		{"If n > 1 is the k-th prime number, then a(n) = k!, otherwise a(n) = 0.", 1, 37, func(n int64) int64 {
			if !isPrimeRef(n) {
				return 0
			}
			var k int64
			for i := int64(2); i <= n; i++ {
				if isPrimeRef(i) {
					k++
				}
			}
			f := int64(1)
			for i := int64(2); i <= k; i++ {
				f *= i
			}
			return f
		}},
	})
	refuses(t,
		"a(n) = how many of {6,x,8} divide n.",
		"If n > 1 is the k-th prime number, then a(n) = j!, otherwise a(n) = 0.",
	)
}
