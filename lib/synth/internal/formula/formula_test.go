package formula

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

// Native references, written by hand from the mathematics, not from the
// package's evaluator.

func gcdRef(a, b int64) int64 {
	if a < 0 {
		a = -a
	}
	if b < 0 {
		b = -b
	}
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func primeRef(i int64) int64 {
	for c := int64(2); ; c++ {
		isP := true
		for d := int64(2); d*d <= c; d++ {
			if c%d == 0 {
				isP = false
				break
			}
		}
		if isP {
			if i--; i == 0 {
				return c
			}
		}
	}
}

func divisorSum(n, k int64) int64 { // sum of d^k over the divisors d of n
	var s int64
	for d := int64(1); d <= n; d++ {
		if n%d == 0 {
			t := int64(1)
			for i := int64(0); i < k; i++ {
				t *= d
			}
			s += t
		}
	}
	return s
}

// powMod is b^e mod m (b, e >= 0; m < 2^31), by repeated squaring.
func powMod(b, e, m int64) int64 {
	r, x := int64(1)%m, b%m
	for ; e > 0; e /= 2 {
		if e%2 == 1 {
			r = r * x % m
		}
		x = x * x % m
	}
	return r
}

var formulaCases = []refCase{
	{"a(n) = 20*n^2 + 3.", 0, 60, func(n int64) int64 { return 20*n*n + 3 }},
	{"n-16.", 0, 60, func(n int64) int64 { return n - 16 }},
	{"a(n) = floor(56/n).", 1, 70, func(n int64) int64 { return 56 / n }},
	{"n^2 reduced mod 100.", 0, 200, func(n int64) int64 { return n * n % 100 }},
	{"a(n) = 3*n^2 + 12*n.", 0, 60, func(n int64) int64 { return 3*n*n + 12*n }},
	{"a(n) = 2^n + n", 0, 30, func(n int64) int64 { return 1<<n + n }},
	{"a(n) = binomial(n+3, 3)", 0, 60, func(n int64) int64 { return (n + 3) * (n + 2) * (n + 1) / 6 }},
	{"a(n) = n! / 2", 2, 12, func(n int64) int64 {
		f := int64(1)
		for i := int64(2); i <= n; i++ {
			f *= i
		}
		return f / 2
	}},
	{"a(n) = (n^3)/2 + (3*n^2)/2 + 3*n + 3.", 0, 60, func(n int64) int64 { return (n*n*n + 3*n*n + 6*n + 6) / 2 }},
	{"a(n) = Sum_{k=0..n} k^2", 0, 60, func(n int64) int64 {
		var s int64
		for k := int64(0); k <= n; k++ {
			s += k * k
		}
		return s
	}},
	{"a(n) = gcd(n, 12)", 0, 60, func(n int64) int64 { return gcdRef(n, 12) }},
	{"a(n) = 7^n mod 39.", 0, 80, func(n int64) int64 { return powMod(7, n, 39) }},
	{"a(n) = n^6 mod 17.", 0, 80, func(n int64) int64 { return powMod(n, 6, 17) }},
	{"a(n) = 4^n mod n.", 1, 80, func(n int64) int64 { return powMod(4, n, n) }},
	{"a(n) = (7*2^n - 4(-1)^n)/3.", 0, 27, func(n int64) int64 {
		s := int64(1)
		if n%2 == 1 {
			s = -1
		}
		return (7<<n - 4*s) / 3
	}},
	{"a(n) = prime(n)^2 - 2.", 1, 60, func(n int64) int64 { p := primeRef(n); return p*p - 2 }},
	{"a(n) = sigma(n) + tau(n).", 1, 80, func(n int64) int64 { return divisorSum(n, 1) + divisorSum(n, 0) }},
	{"a(n) = sigma_2(n).", 1, 80, func(n int64) int64 { return divisorSum(n, 2) }},
	{"a(n) = Sum_{d|n} d^3.", 1, 80, func(n int64) int64 { return divisorSum(n, 3) }},
	{"a(n) = phi(n).", 1, 100, func(n int64) int64 {
		var c int64
		for k := int64(1); k <= n; k++ {
			if gcdRef(k, n) == 1 {
				c++
			}
		}
		return c
	}},
	{"a(n) = Fibonacci(n) + 1.", 0, 40, func(n int64) int64 {
		a, b := int64(0), int64(1)
		for i := int64(0); i < n; i++ {
			a, b = b, a+b
		}
		return a + 1
	}},
	{"a(n) = floor(n/2) + ceiling(n/3).", 0, 60, func(n int64) int64 { return n/2 + (n+2)/3 }},
	{"a(n) = floor((n-20)/3).", 0, 60, func(n int64) int64 { // floor, not truncation, below zero
		q := (n - 20) / 3
		if (n-20)%3 < 0 {
			q--
		}
		return q
	}},
	{"a(n) = min(n, 10) * max(n - 5, 2).", 0, 40, func(n int64) int64 { return min(n, 10) * max(n-5, 2) }},
	{"a(n) = |n - 7|.", 0, 40, func(n int64) int64 { return max(n-7, 7-n) }},
	{"a(n) = round(n^2/7).", 0, 60, func(n int64) int64 { return (2*n*n + 7) / 14 }},
	{"a(n) = Product_{k=1..n} (2*k - 1).", 0, 10, func(n int64) int64 {
		p := int64(1)
		for k := int64(1); k <= n; k++ {
			p *= 2*k - 1
		}
		return p
	}},
	{"a(n) = lcm(n, 6).", 1, 60, func(n int64) int64 { return n * 6 / gcdRef(n, 6) }},
	{"a(n) = n + floor(sqrt(2*n-1)).", 1, 200, func(n int64) int64 {
		r := int64(0)
		for (r+1)*(r+1) <= 2*n-1 {
			r++
		}
		return n + r
	}},
	{"a(n) = (-1)^n * n.", 0, 40, func(n int64) int64 { return n * (1 - 2*(n%2)) }},
	{"a(n) = 512n + 16.", 0, 60, func(n int64) int64 { return 512*n + 16 }},
	{"Squares of pentagonal numbers: a(n) = (1/4)*n^2*(3*n-1)^2.", 0, 60, func(n int64) int64 { return n * n * (3*n - 1) * (3*n - 1) / 4 }},
	{"a(n) = n(n+1)/2 + C(n,2).", 0, 60, func(n int64) int64 { return n*(n+1)/2 + n*(n-1)/2 }},
	{"a(n) = 100000000 - n.", 0, 60, func(n int64) int64 { return 100000000 - n }},
	{"a(n) = -45*n + 7.", 0, 60, func(n int64) int64 { return -45*n + 7 }},
	// the numerator wraps from n = 28 on; the value fits up to n = 47
	{"a(n) = n*(n+1)*(n+2)*(2*n^3 + 6*n^2 + 7*n - 3)/36.", 0, 47, func(n int64) int64 {
		return n * (n + 1) * (n + 2) * (2*n*n*n + 6*n*n + 7*n - 3) / 36
	}},
	// recurrences with the terms they start from
	{"a(n) = a(n-1) + a(n-2) with a(0) = 0, a(1) = 1.", 0, 45, func(n int64) int64 {
		a, b := int64(0), int64(1)
		for i := int64(0); i < n; i++ {
			a, b = b, a+b
		}
		return a
	}},
	{"a(n) = a(n-1) + a(n-2) + n + 1, a(0) = a(1) = 1.", 0, 40, func(n int64) int64 {
		t := []int64{1, 1}
		for i := int64(2); i <= n; i++ {
			t = append(t, t[i-1]+t[i-2]+i+1)
		}
		return t[n]
	}},
	{"a(0)=71; a(n) = a(n-1) + floor(sqrt(a(n-1))), n > 0.", 0, 100, func(n int64) int64 {
		a := int64(71)
		for i := int64(1); i <= n; i++ {
			r := int64(0)
			for (r+1)*(r+1) <= a {
				r++
			}
			a += r
		}
		return a
	}},
	{"a(n) = a(n-1) + a(n-4), starting 1,1,1,3.", 1, 60, func(n int64) int64 { // a(1) = 1
		t := []int64{0, 1, 1, 1, 3}
		for i := int64(5); i <= n; i++ {
			t = append(t, t[i-1]+t[i-4])
		}
		return t[n]
	}},
	{"a(n+3) = 2a(n+2) - 3a(n+1) + 2a(n); a(0) = 1, a(1) = 3, a(2) = 4.", 0, 40, func(n int64) int64 {
		t := []int64{1, 3, 4}
		for i := int64(3); i <= n; i++ {
			t = append(t, 2*t[i-1]-3*t[i-2]+2*t[i-3])
		}
		return t[n]
	}},
	{"a(n+1) = a(n) + n^2, a(0) = 7.", 0, 100, func(n int64) int64 { // a(n) = 7 + sum of k^2 for k < n
		a := int64(7)
		for k := int64(0); k < n; k++ {
			a += k * k
		}
		return a
	}},
	{"a(1) = 5; for n >1, a(n) = a(n-1) + gcd(n, a(n-1)).", 1, 100, func(n int64) int64 {
		a := int64(5)
		for i := int64(2); i <= n; i++ {
			a += gcdRef(i, a)
		}
		return a
	}},
	// generating functions, expansions of numbers
	{"Expansion of 1/(1-x^2-x^3).", 0, 60, func(n int64) int64 { // Padovan-like: a(n) = a(n-2) + a(n-3)
		t := []int64{1, 0, 1}
		for i := int64(3); i <= n; i++ {
			t = append(t, t[i-2]+t[i-3])
		}
		return t[n]
	}},
	{"Expansion of x*(5+x+x^2)/(1-2*x).", 0, 28, func(n int64) int64 { // sum of p_j 2^(n-j) over x*(5+x+x^2) = 5x+x^2+x^3
		var s int64
		for j, p := range []int64{0, 5, 1, 1} {
			if int64(j) <= n {
				s += p << (n - int64(j))
			}
		}
		return s
	}},
	{"Expansion of (1+x)/(1-x)^3.", 0, 60, func(n int64) int64 { return (n + 1) * (n + 1) }},
	{"Expansion of 1/((1-x^2)*(1-x^5)*(1-x^12)).", 0, 100, func(n int64) int64 { return coinWays(n, 2, 5, 12) }},
	{"Expansion of (1+x^8)/((1-x)*(1-x^2)*(1-x^3)*(1-x^4)).", 0, 100, func(n int64) int64 {
		return coinWays(n, 1, 2, 3, 4) + coinWays(n-8, 1, 2, 3, 4)
	}},
	{"Expansion of 1/((1+x)*(1-x)^2*(1-x^3)*(1-x^7)).", 0, 100, func(n int64) int64 { // 1/(1+x) = (1-x)/(1-x^2)
		return coinWays(n, 1, 2, 3, 7) // (1-x)/((1-x^2)(1-x)^2(1-x^3)(1-x^7)) = 1/((1-x)(1-x^2)(1-x^3)(1-x^7))
	}},
	{"Decimal expansion of 1/188.", 0, 60, func(n int64) int64 { // digit n+1 after the point, by long division
		r := int64(1)
		var d int64
		for i := int64(0); i <= n; i++ {
			r *= 10
			d, r = r/188, r%188
		}
		return d
	}},
	{"Continued fraction for sqrt(7).", 0, 60, func(n int64) int64 { // [2; 1, 1, 1, 4, ...]
		if n == 0 {
			return 2
		}
		return []int64{1, 1, 1, 4}[(n-1)%4]
	}},
	{"Continued fraction for sqrt(48).", 0, 60, func(n int64) int64 { // [6; 1, 12, ...]
		if n == 0 {
			return 6
		}
		return []int64{1, 12}[(n-1)%2]
	}},
	// phrase templates
	{"Period 3: repeat [1, -1, 0].", 0, 60, func(n int64) int64 { return []int64{1, -1, 0}[n%3] }},
	{"Period length 10: repeat 2,1,6,7,0,3,4,9,8,5 .", 0, 60, func(n int64) int64 { return []int64{2, 1, 6, 7, 0, 3, 4, 9, 8, 5}[n%10] }},
	{"Numbers congruent to {0, 4, 6} mod 7.", 1, 60, func(n int64) int64 { // a(1) = 0
		return 7*((n-1)/3) + []int64{0, 4, 6}[(n-1)%3]
	}},
	{"Numbers that are congruent to {2, 10} mod 13.", 0, 60, func(n int64) int64 { return 13*(n/2) + []int64{2, 10}[n%2] }},
	{"Numbers congruent to 1 or 5 mod 6.", 1, 60, func(n int64) int64 { return 6*((n-1)/2) + []int64{1, 5}[(n-1)%2] }},
	{"Primes congruent to {2, 5, 7} mod 8.", 1, 60, func(n int64) int64 {
		for c := int64(2); ; c++ {
			if r := c % 8; (r == 2 || r == 5 || r == 7) && isPrimeRef(c) {
				if n--; n == 0 {
					return c
				}
			}
		}
	}},
	{"Multiples of 7.", 0, 60, func(n int64) int64 { return 7 * n }},
	{"Squares.", 0, 60, func(n int64) int64 { return n * n }},
	{"Primes.", 1, 80, primeRef},
	{"Composite numbers.", 1, 80, func(n int64) int64 {
		for c := int64(4); ; c++ {
			if !isPrimeRef(c) {
				if n--; n == 0 {
					return c
				}
			}
		}
	}},
	{"Powers of 3.", 0, 19, func(n int64) int64 { return powMod(3, n, 1<<40) }},
	{"Number of divisors of n.", 1, 80, func(n int64) int64 { return divisorSum(n, 0) }},
	{"Sum of divisors of 2*n+1.", 0, 80, func(n int64) int64 { return divisorSum(2*n+1, 1) }},
	{"Euler totient function phi(n).", 1, 80, func(n int64) int64 {
		var c int64
		for k := int64(1); k <= n; k++ {
			if gcdRef(k, n) == 1 {
				c++
			}
		}
		return c
	}},
	{"Numbers k such that k^2 + 1 is prime.", 1, 60, func(n int64) int64 {
		for k := int64(1); ; k++ {
			if isPrimeRef(k*k + 1) {
				if n--; n == 0 {
					return k
				}
			}
		}
	}},
	{"Numbers k such that k^2 == 2 (mod 7).", 1, 60, func(n int64) int64 { return nthRef(n, 0, func(k int64) bool { return k*k%7 == 2 }) }},
	{"Numbers k such that k^2 + k + 1 is divisible by 13.", 1, 60, func(n int64) int64 {
		return nthRef(n, 0, func(k int64) bool { return (k*k+k+1)%13 == 0 })
	}},
	{"a(n) = floor(sqrt(1000*n)).", 0, 3000, func(n int64) int64 { // isqrt over [0, 3000000]
		r := int64(0)
		for (r+1)*(r+1) <= 1000*n {
			r++
		}
		return r
	}},
	{"Primes p such that p + 2 is also prime.", 1, 60, func(n int64) int64 {
		for p := int64(2); ; p++ {
			if isPrimeRef(p) && isPrimeRef(p+2) {
				if n--; n == 0 {
					return p
				}
			}
		}
	}},
	{"Primes of the form 4k + 1.", 1, 60, func(n int64) int64 {
		for p := int64(5); ; p += 4 {
			if isPrimeRef(p) {
				if n--; n == 0 {
					return p
				}
			}
		}
	}},
	{"Square pyramidal numbers: a(n) = 0^2 + 1^2 + 2^2 + ... + n^2 = n*(n+1)*(2*n+1)/6.", 0, 100, func(n int64) int64 {
		var s int64
		for k := int64(0); k <= n; k++ {
			s += k * k
		}
		return s
	}},
	{"a(n) = 5*(3*n+1)*(9*n+8)/2 (n>=0).", 0, 100, func(n int64) int64 { return 5 * (3*n + 1) * (9*n + 8) / 2 }},
	{"a(n) = n-th prime modulo 26.", 1, 100, func(n int64) int64 { return primeRef(n) % 26 }},
	{"a(n) = n-th squarefree number + 1.", 1, 100, func(n int64) int64 { return nthRef(n, 1, squarefreeRef) + 1 }},
	// a formula from n = 1 on, and the term it does not give
	{"a(0) = 0 and a(n) = (4*n^3 - 12*n^2 + 20*n - 9)/3 for n >= 1.", 0, 100, func(n int64) int64 {
		if n == 0 {
			return 0
		}
		return (4*n*n*n - 12*n*n + 20*n - 9) / 3
	}},
	{"a(0) = 1 and a(n) = 3*a(n-1) + 1.", 0, 18, func(n int64) int64 { // a term, then "and"
		a := int64(1)
		for i := int64(0); i < n; i++ {
			a = 3*a + 1
		}
		return a
	}},
	{"Triangle read by rows T(n,k) = n^2 - binomial(k+1,2), n>=1, k<n.", 1, 100, triRef(1, 1, 0, -1, func(n, k int64) int64 { return n*n - k*(k+1)/2 })},
	{"A symmetrical triangle sequence: T(n, k) = q^k + q^(n-k) - q^n, with q=2.", 0, 100, triRef(0, 0, 0, 0, func(n, k int64) int64 { return 1<<k + 1<<(n-k) - 1<<n })},
	{"a(n) = 2*B*C*(n mod A) + A*C*(n mod B) + A*B*(n mod C) with A=3, B=5, C=7.", 0, 200, func(n int64) int64 { return 70*(n%3) + 21*(n%5) + 15*(n%7) }},
	{"a(n) = n-th prime + n-th semiprime.", 1, 100, func(n int64) int64 {
		return primeRef(n) + nthRef(n, 1, func(k int64) bool { _, es := factorRef(k); return sumRef(es) == 2 })
	}},
	{"Sum of digits of the n-th triangular number.", 0, 100, func(n int64) int64 { return digitsRef(n*(n+1)/2, 10, sumRef) }},
	{"Primes p == 1 (mod 4) such that 6p+1 is prime.", 1, 100, func(n int64) int64 {
		return nthRef(n, 2, func(k int64) bool { return isPrimeRef(k) && k%4 == 1 && isPrimeRef(6*k+1) })
	}},
	{"Even numbers n such that n-5 and n-3 are both composite.", 1, 100, func(n int64) int64 {
		composite := func(k int64) bool { return k > 1 && !isPrimeRef(k) }
		return nthRef(n, 0, func(k int64) bool { return k%2 == 0 && composite(k-5) && composite(k-3) })
	}},
	{"Period 9 sequence [ 1, -1, -1, 1, 0, -1, 1, 1, -1, ...].", 0, 100, func(n int64) int64 { return []int64{1, -1, -1, 1, 0, -1, 1, 1, -1}[n%9] }},
	{"Periodic sequence with period {0,1,0,3}, or n^3 mod 4.", 0, 100, func(n int64) int64 { return n * n * n % 4 }},
	{"Numbers not divisible by 3.", 1, 100, func(n int64) int64 { return nthRef(n, 1, func(k int64) bool { return k%3 != 0 }) }},
	{"Positive integers divisible by 5 but not by 7.", 1, 100, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return k%5 == 0 && k%7 != 0 })
	}},
	{"Decimal expansion of 7/6.", 1, 100, func(n int64) int64 { // 1.1666...: a(1) = 1, the digit before the point
		if n <= 2 {
			return 1
		}
		return 6
	}},
	// cases by residue class
	{"a(2*n) = n+1, a(2*n-1) = 2*n-1.", 0, 100, func(n int64) int64 {
		if n%2 == 0 {
			return n/2 + 1
		}
		return n
	}},
	{"a(4n)=n, a(4n+1)=4, a(4n+2)=1, a(4n+3)=4.", 0, 100, func(n int64) int64 { return []int64{n / 4, 4, 1, 4}[n%4] }},
	{"a(2n-1) = prime(n+2)-3, a(2n) = prime(n+2)-2.", 1, 100, func(n int64) int64 {
		if n%2 == 0 {
			return primeRef(n/2+2) - 2
		}
		return primeRef((n+1)/2+2) - 3
	}},
	// lists named by their digits
	{"Numbers with a single 1 in their base 4 expansion.", 1, 100, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return digitsRef(k, 4, countRef(1)) == 1 })
	}},
	{"Numbers without 8 as a digit.", 1, 100, func(n int64) int64 {
		return nthRef(n, 0, func(k int64) bool { return digitsRef(k, 10, countRef(8)) == 0 })
	}},
	{"Numbers whose base-3 representation has the same nonzero number of 0's and 2's.", 1, 100, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool {
			z := digitsRef(k, 3, countRef(0))
			return z > 0 && z == digitsRef(k, 3, countRef(2))
		})
	}},
	{"Numbers whose base-5 representation contains no 1's and exactly two 3's.", 1, 60, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return digitsRef(k, 5, countRef(1)) == 0 && digitsRef(k, 5, countRef(3)) == 2 })
	}},
	{"Primes with exactly one digit 1.", 1, 100, func(n int64) int64 {
		return nthRef(n, 2, func(k int64) bool { return isPrimeRef(k) && digitsRef(k, 10, countRef(1)) == 1 })
	}},
	{"Primes of the form 8n^2 + 5.", 1, 100, func(n int64) int64 { // within the fuel at n = 100
		for k := int64(0); ; k++ {
			if v := 8*k*k + 5; isPrimeRef(v) {
				if n--; n == 0 {
					return v
				}
			}
		}
	}},
	{"a(n) = Sum_{k=0..8} binomial(n,k).", 0, 57, func(n int64) int64 { // C(n,7)*(n-7) wraps from n = 47
		var s int64
		for k := int64(0); k <= 8; k++ {
			s += binomialRef(n, k)
		}
		return s
	}},
	{"Primes of the form n^2 + n + 17.", 1, 30, func(n int64) int64 {
		for k := int64(0); ; k++ {
			if v := k*k + k + 17; isPrimeRef(v) {
				if n--; n == 0 {
					return v
				}
			}
		}
	}},
	// triangles read by rows, arrays read by antidiagonals
	{"Triangle read by rows: T(n,k) = binomial(n,k)*2^k, 0 <= k <= n.", 0, 100, triRef(0, 0, 0, 0, func(n, k int64) int64 { return binomialRef(n, k) << k })},
	{"Triangle T(n,k) = 2*n-k, read by rows.", 0, 100, triRef(0, 0, 0, 0, func(n, k int64) int64 { return 2*n - k })},
	{"Triangle T(n,k) = 2*n-k, read by rows.", 1, 100, triRef(1, 1, 1, 0, func(n, k int64) int64 { return 2*n - k })},
	{"The rascal triangle, read by rows: T(n,k) (n >= 0, 0 <= k <= n) = k(n-k) + 1.", 0, 100, triRef(0, 0, 0, 0, func(n, k int64) int64 { return k*(n-k) + 1 })},
	{"Triangle read by rows: T(n,k) = n*k + 1, 0 <= k < n.", 1, 100, triRef(1, 1, 0, -1, func(n, k int64) int64 { return n*k + 1 })},
	{"Triangle whose (i,j)-th entry is binomial(i,j)*9^(i-j)*4^j.", 0, 44, triRef(0, 0, 0, 0, func(i, j int64) int64 { return binomialRef(i, j) * powMod(9, i-j, 1<<62) * powMod(4, j, 1<<62) })},
	{"Array read by ascending antidiagonals: T(n,k) = n + 3*k, n >= 0, k >= 0.", 0, 100, diagRef(0, 0, true, func(n, k int64) int64 { return n + 3*k })},
	{"Square array read by descending antidiagonals: T(n,k) = n*k + n, n, k >= 1.", 1, 100, diagRef(1, 1, false, func(n, k int64) int64 { return n*k + n })},
	{"T(n,k) = n^2 + 5*k, read by antidiagonals.", 0, 100, diagRef(0, 0, false, func(n, k int64) int64 { return n*n + 5*k })},
	// digit functions, factorization functions, primes up to n
	{"Sum of digits of n.", 0, 300, func(n int64) int64 { return digitsRef(n, 10, func(ds []int64) int64 { return sumRef(ds) }) }},
	{"Sum of digits of n written in base 3.", 0, 300, func(n int64) int64 { return digitsRef(n, 3, sumRef) }},
	{"Sum of digits in base-4 representation of 7*n+1.", 0, 300, func(n int64) int64 { return digitsRef(7*n+1, 4, sumRef) }},
	{"Number of 1's in binary expansion of n.", 0, 300, func(n int64) int64 { return digitsRef(n, 2, sumRef) }},
	{"Number of digits in base-4 representation of n.", 0, 300, func(n int64) int64 {
		return digitsRef(n, 4, func(ds []int64) int64 { return int64(len(ds)) })
	}},
	{"Reversal of n.", 0, 300, func(n int64) int64 { return digitsRef(n, 10, func(ds []int64) int64 { return joinRef(ds, 10) }) }},
	{"a(n) = n * reversal(n-1).", 1, 300, func(n int64) int64 { return n * digitsRef(n-1, 10, func(ds []int64) int64 { return joinRef(ds, 10) }) }},
	{"Moebius (or Mobius) function mu(n).", 1, 300, func(n int64) int64 {
		ps, es := factorRef(n)
		r := int64(1)
		for i := range ps {
			if es[i] > 1 {
				return 0
			}
			r = -r
		}
		return r
	}},
	{"Number of distinct primes dividing n.", 1, 300, func(n int64) int64 { ps, _ := factorRef(n); return int64(len(ps)) }},
	{"Number of prime factors of n (counted with multiplicity).", 1, 300, func(n int64) int64 { _, es := factorRef(n); return sumRef(es) }},
	{"Largest prime factor of n^2 + 1.", 0, 300, func(n int64) int64 { ps, _ := factorRef(n*n + 1); return append([]int64{1}, ps...)[len(ps)] }},
	{"Smallest prime factor of 3*n + 2.", 0, 300, func(n int64) int64 { ps, _ := factorRef(3*n + 2); return ps[0] }},
	{"a(n) = rad(n) + sopfr(n) + sopf(n).", 1, 300, func(n int64) int64 {
		ps, es := factorRef(n)
		r, sr, s := int64(1), int64(0), int64(0)
		for i, p := range ps {
			r, sr, s = r*p, sr+p*es[i], s+p
		}
		return r + sr + s
	}},
	{"Number of primes <= n.", 0, 300, func(n int64) int64 {
		var c int64
		for k := int64(2); k <= n; k++ {
			if isPrimeRef(k) {
				c++
			}
		}
		return c
	}},
	{"Squarefree numbers.", 1, 200, func(n int64) int64 { return nthRef(n, 1, squarefreeRef) }},
	{"Numbers that are congruent to {5, 6, 7} mod 8 and are squarefree.", 1, 200, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return k%8 >= 5 && squarefreeRef(k) })
	}},
	{"Primes p such that p + 2 is squarefree.", 1, 100, func(n int64) int64 {
		return nthRef(n, 1, func(k int64) bool { return isPrimeRef(k) && squarefreeRef(k+2) })
	}},
	{"Numbers n such that 10*n + 3 and 10*n + 7 are prime.", 1, 60, func(n int64) int64 {
		return nthRef(n, 0, func(k int64) bool { return isPrimeRef(10*k+3) && isPrimeRef(10*k+7) })
	}},
}

// digitsRef applies f to n's digits in base b, least significant first.
func digitsRef(n, b int64, f func([]int64) int64) int64 {
	ds := []int64{n % b}
	for n /= b; n > 0; n /= b {
		ds = append(ds, n%b)
	}
	return f(ds)
}

func sumRef(xs []int64) int64 {
	var s int64
	for _, x := range xs {
		s += x
	}
	return s
}

// countRef counts the digits equal to d.
func countRef(d int64) func([]int64) int64 {
	return func(ds []int64) int64 {
		var c int64
		for _, x := range ds {
			if x == d {
				c++
			}
		}
		return c
	}
}

// joinRef reads digits (most significant first) in base b.
func joinRef(ds []int64, b int64) int64 {
	var r int64
	for _, d := range ds {
		r = r*b + d
	}
	return r
}

// factorRef is n's prime factorization by trial division: primes and exponents.
func factorRef(n int64) (ps, es []int64) {
	for p := int64(2); n > 1; p++ {
		if n%p == 0 {
			e := int64(0)
			for ; n%p == 0; n /= p {
				e++
			}
			ps, es = append(ps, p), append(es, e)
		}
	}
	return ps, es
}

func squarefreeRef(k int64) bool {
	for d := int64(2); d*d <= k; d++ {
		if k%(d*d) == 0 {
			return false
		}
	}
	return true
}

// binomialRef is C(n, k) from Pascal's rule.
func binomialRef(n, k int64) int64 {
	if k < 0 || k > n {
		return 0
	}
	row := []int64{1}
	for i := int64(0); i < n; i++ {
		next := make([]int64, len(row)+1)
		for j := range next {
			if j < len(row) {
				next[j] += row[j]
			}
			if j > 0 {
				next[j] += row[j-1]
			}
		}
		row = next
	}
	return row[k]
}

// triRef lists T(r, c) for rows r = r0, r0+1, ... and columns c = k0..r+end
// (end 0: c <= r; -1: c < r), the first listed term at n = first.
func triRef(first, r0, k0, end int64, t func(r, c int64) int64) func(int64) int64 {
	var list []int64
	for r := r0; len(list) < 400; r++ {
		for c := k0; c <= r+end; c++ {
			list = append(list, t(r, c))
		}
	}
	return func(n int64) int64 { return list[n-first] }
}

// diagRef lists T(r, c), r >= r0, c >= c0, by antidiagonals: ascending
// (from T(r0+d, c0) up to T(r0, c0+d)) or descending, the first term at
// n = r0.
func diagRef(r0, c0 int64, ascending bool, t func(r, c int64) int64) func(int64) int64 {
	var list []int64
	for d := int64(0); len(list) < 400; d++ {
		for i := int64(0); i <= d; i++ {
			if ascending {
				list = append(list, t(r0+d-i, c0+i))
			} else {
				list = append(list, t(r0+i, c0+d-i))
			}
		}
	}
	return func(n int64) int64 { return list[n-r0] }
}

// nthRef is the n-th (from 1) k >= lo with ok(k).
func nthRef(n, lo int64, ok func(int64) bool) int64 {
	for k := lo; ; k++ {
		if ok(k) {
			if n--; n == 0 {
				return k
			}
		}
	}
}

// coinWays counts the ways to write n as a sum of the parts (each usable
// any number of times), by the textbook coin-change table.
func coinWays(n int64, parts ...int64) int64 {
	if n < 0 {
		return 0
	}
	ways := make([]int64, n+1)
	ways[0] = 1
	for _, k := range parts {
		for i := k; i <= n; i++ {
			ways[i] += ways[i-k]
		}
	}
	return ways[n]
}

func isPrimeRef(c int64) bool {
	if c < 2 {
		return false
	}
	for d := int64(2); d*d <= c; d++ {
		if c%d == 0 {
			return false
		}
	}
	return true
}

// run2 runs ops on n in the interpreter and on wazero.
type runner struct {
	t  *testing.T
	rt *wasmrt.Runtime
}

func newRunner(t *testing.T) *runner {
	ctx := context.Background()
	rt, err := wasmrt.New(ctx, wasmrt.Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rt.Close(ctx) })
	return &runner{t: t, rt: rt}
}

// matches reports whether ops computes ref on from..to, in the
// interpreter; when it does, it also checks wazero agrees.
func (r *runner) matches(ops []ir.Op, from, to int64, ref func(int64) int64) bool {
	p := ir.Program{Name: "formula", Arity: 1, Ops: ops}
	e, err := ir.Prepare(p)
	if err != nil {
		r.t.Errorf("emitted program does not validate: %v\n%s", err, p)
		return false
	}
	for n := from; n <= to; n++ {
		got, err := e.Run([]int32{int32(n)}, ir.DefaultFuel)
		if err != nil || int64(got) != ref(n) {
			return false
		}
	}
	ctx := context.Background()
	m, err := r.rt.Compile(ctx, p)
	if err != nil {
		r.t.Fatalf("wazero compile: %v", err)
	}
	defer m.Close(ctx)
	for n := from; n <= to; n++ {
		got, err := m.Call(ctx, int32(n))
		if err != nil || int64(got) != ref(n) {
			r.t.Errorf("wazero: %d gives %d, %v; the interpreter and the reference %d", n, got, err, ref(n))
			return false
		}
	}
	return true
}

// refCase is a text and a native reference for its sequence on from..to.
type refCase struct {
	text     string
	from, to int64
	ref      func(n int64) int64
}

// anyMatches checks that, for each case, some candidate read from its text
// computes the reference (in the interpreter and on wazero).
func (r *runner) anyMatches(t *testing.T, cases []refCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			cs := Candidates(tc.text, 1)
			if len(cs) == 0 {
				t.Fatalf("no candidate")
			}
			for _, c := range cs {
				if r.matches(c.Ops, tc.from, tc.to, tc.ref) {
					return
				}
			}
			for _, c := range cs {
				t.Logf("candidate %s from %q (%d opcodes)", c.Expr, c.Source, len(c.Ops))
			}
			t.Errorf("no candidate matches the reference on n = %d..%d", tc.from, tc.to)
		})
	}
}

// allMatch checks that, for each case, the text gives a candidate and
// every candidate computes the reference.
func (r *runner) allMatch(t *testing.T, cases []refCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			cs := Candidates(tc.text, 1)
			if len(cs) == 0 {
				t.Fatal("no candidate")
			}
			for _, c := range cs {
				if !r.matches(c.Ops, tc.from, tc.to, tc.ref) {
					t.Errorf("candidate %s from %q differs from the reference on %d..%d", c.Expr, c.Source, tc.from, tc.to)
				}
			}
		})
	}
}

// refuses checks that no text gives a candidate.
func refuses(t *testing.T, texts ...string) {
	t.Helper()
	for _, text := range texts {
		if cs := Candidates(text, 1); len(cs) > 0 {
			t.Errorf("%q: %d candidates, first %s from %q", text, len(cs), cs[0].Expr, cs[0].Source)
		}
	}
}

func TestFormulas(t *testing.T) {
	newRunner(t).anyMatches(t, formulaCases)
}

// TestNoCandidates: text with no formula, or one the package must not
// guess at, gives nothing.
func TestNoCandidates(t *testing.T) {
	refuses(t,
		"",
		"Decimal expansion of Catalan's constant.", // Pi itself: decimal_test.go
		"a(n) = a(n-1) + a(n-2).",                  // no initial terms
		"a(n) = 2*a(n-1) with a(0) = 1, a(0) = 2.",
		"a(n) = a(n-1) + a(n-3) with a(0) = 1, a(1) = 1.", // order 3, two terms
		"a(n) = a(n-1) + a(n-2) if n is odd, with a(0) = a(1) = 1.",
		"a(n) = a(n - a(n-1)) + a(n-2), a(1) = a(2) = 1.",
		"a(n) = A000045(n) + 1.",
		"a(n) = n/2 if n even, else 3n+1.",
		"a(n) = n^2 + 1 (conjectured).",
		"a(n) = 3.5*n.",
		"a(n) = 42.",
		"a(n) = n-th prime such that p+2 is prime.",
		"a(n) = n^2 +",
		"a(n) = n!!.",
		"a(n) = foo(n) + 1.",
		"Triangle read by rows: T(n,k) = k-n+1 for k > n, T(n,k) = 0 for k < n.", // the cases leave out k = n
		"Triangle read by rows: T(n,k) = n + k, 0 <= k <= floor(n/2) + j.",       // rows of a length it cannot read
		"Irregular triangle read by rows: T(n,k) = n + k.",
		"Antidiagonal sums of the triangle T(n,k) = n*k read by rows.", // a triangle's antidiagonals: not read
		"Triangle read by rows: T(n,k) = n + k for k < 2n.",
		"a(n) = n^2 + k with k = 3n.", // k is no constant
		"a(n) = n^2 + q with q = 2, q = 3.",
		"Triangle read by rows: T(n,k) = n + j.",
		"Triangle read by rows: T(n,k) = n*k for 0 <= k <= n, and T(n,n) = 1.", // a cell the formula does not give
		"Sum of digits of n written in base 1.",
		"The largest prime factor of (1+n^2)*(1+n^3).", // factors a wrapped product from n = 74
		"Numbers that are squarefree and happy.",
		"Decimal expansion of 70/6.",              // two digits before the point
		"Period 4 sequence [1, 2, 3, 4, 5, ...].", // its period is not 4 terms
		"Numbers not divisible by 3 but not by 7.",
		"a(2n) = n^2.",                             // the odd n are not given
		"a(2n) = 1, a(2n) = 2, a(2n+1) = 3.",       // two values for one class
		"Primes that contain digits 6 and 7 only.", // 9-digit terms by n = 40: trial division runs past the fuel
		"Numbers having three 2's in base 1.",
		"Numbers having three 9's in base 9.",
		"a(n) = 1 + 2 + ... + k = n.",          // an ellipsis in k, not n
		"a(n) = smallest k such that k^2 = n.", // "= n" is no formula for a(n)
		"a(n) = n^2 + 1 (n >= k).",
		"Sum of digits of the number of partitions of n.", // a function this package does not know
		"a(n) = n^99999999999 + 1.",
		"\x00\xff(((((n",
		"Primes congruent to 1 mod 4 whose digits are odd.",
		"Period 3: repeat [1, -1, 0, 5].",
		"Numbers k such that k^2 + 1 is prime and k is odd.",
		"Numbers k such that A000045(k) is prime.",
		"Continued fraction for sqrt(49).",          // a square: finite
		"Expansion of 1/(2-x).",                     // not integer
		"Numbers k such that 16*k^4 + 81 is prime.", // 16*k^4 wraps from k = 108, within the checks
	)
	if cs := Candidates("a(n) = n^2.", 2); len(cs) > 0 {
		t.Errorf("arity 2: %d candidates", len(cs))
	}
}

// checkCandidates: every candidate is a program ir.Validate accepts, within
// ir.MaxLength, read from a span of the text.
func checkCandidates(t *testing.T, text string) {
	for _, c := range candidates(text) { // not Candidates: a panic must show here

		if err := ir.Validate(ir.Program{Arity: 1, Ops: c.Ops}); err != nil {
			t.Fatalf("%q: candidate %s does not validate: %v", text, c.Expr, err)
		}
		if len(c.Ops) > ir.MaxLength {
			t.Fatalf("%q: %d opcodes", text, len(c.Ops))
		}
		if !strings.Contains(text, c.Source) && utf8.ValidString(text) {
			t.Fatalf("%q: source %q is not in the text", text, c.Source)
		}
	}
}

func FuzzCandidates(f *testing.F) {
	for _, tc := range formulaCases {
		f.Add(tc.text)
	}
	for _, text := range tableTexts() {
		f.Add(text)
	}
	for _, s := range []string{"a(n) = Sum_{k=1..n} Product_{j=1..k} Sum_{i=0..j} binomial(i+n, j)^(k mod 3).",
		"a(n) = prime(prime(prime(n))) mod fibonacci(n)!", "a(n) = 2^2^2^2^2^n", "a(n) = ((((((((n))))))))",
		"a(n) = gcd(n, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)"} {
		f.Add(s)
	}
	f.Fuzz(checkCandidates)
}

// TestEveryProgramValidates runs the fuzz target's property over a table
// of texts that stress locals, length and nesting.
func TestEveryProgramValidates(t *testing.T) {
	texts := []string{
		"a(n) = Sum_{k=1..n} Product_{j=1..k} Sum_{i=0..j} binomial(i+n, j)^(k mod 3).",
		"a(n) = Sum_{a=1..n} Sum_{b=1..a} Sum_{c=1..b} Sum_{d=1..c} gcd(a*b, c+d).",
		"a(n) = 1234567891 + 987654321*n - 55555*n^2 + 4444*n^3 - 333*n^4 + 22*n^5 - n^6 + 7*n^7 + 8*n^8 + 9*n^9 + 10*n^10.",
		"a(n) = n^64 + n^63 + n^62 + n^61 + n^60 + n^59 + n^58 + n^57 + n^56 + n^55 + n^54 + n^53 + n^52 + n^51 + n^50 + n^49 + n^48.",
		"a(n) = phi(sigma(tau(prime(fibonacci(n)))))",
	}
	for _, tc := range formulaCases {
		texts = append(texts, tc.text)
	}
	texts = append(texts, tableTexts()...)
	for _, s := range texts {
		checkCandidates(t, s)
	}
}
