package formula

import (
	"testing"
)

// Native references for the power-series reader, written without the
// package's series code: counts of representations by quadratic forms,
// divisor sums, and plain int64 polynomial arithmetic. The programs wrap
// at 32 bits, and ring arithmetic keeps every coefficient right mod 2^32,
// so the references are compared wrapped to i32 (int64 stays exact on
// the ranges used).

// polyMulRef multiplies two coefficient lists truncated to n+1 terms.
func polyMulRef(a, b []int64, n int) []int64 {
	r := make([]int64, n+1)
	for i := 0; i <= n && i < len(a); i++ {
		for j := 0; i+j <= n && j < len(b); j++ {
			r[i+j] += a[i] * b[j]
		}
	}
	return r
}

// invRef is 1/b for b[0] = 1, to n+1 terms.
func invRef(b []int64, n int) []int64 {
	r := make([]int64, n+1)
	r[0] = 1
	for i := 1; i <= n; i++ {
		for j := 1; j <= i && j < len(b); j++ {
			r[i] -= b[j] * r[i-j]
		}
	}
	return r
}

func wrap32(v int64) int64 { return int64(int32(v)) }

// tri is the k-th triangular number.
func tri(k int64) int64 { return k * (k + 1) / 2 }

var seriesCases = []refCase{
	// Product_{m>=1} (1+x^m)^7: multiply by 1 + x^m seven times
	{"Expansion of Product_{m>=1} (1+x^m)^7.", 0, 60, func(n int64) int64 {
		p := []int64{1}
		for m := 1; m <= int(n); m++ {
			f := make([]int64, m+1)
			f[0], f[m] = 1, 1
			for range 7 {
				p = polyMulRef(p, f, int(n))
			}
		}
		return wrap32(p[n])
	}},
	// phi(q) phi(q^2) phi(-q^4): Sum over a^2 + 2b^2 + 4c^2 = n of (-1)^c
	{"Expansion of phi(q) * phi(q^2) * phi(-q^4) in powers of q where phi() is a Ramanujan theta function.", 0, 90, func(n int64) int64 {
		s := int64(0)
		for a := int64(-10); a <= 10; a++ {
			for b := int64(-10); b <= 10; b++ {
				for c := int64(-10); c <= 10; c++ {
					if a*a+2*b*b+4*c*c == n {
						s += 1 - 2*(c&1)
					}
				}
			}
		}
		return s
	}},
	// psi(-x)^2: (-1)^n times the pairs of triangular numbers summing to n
	{"Expansion of psi(-x)^2 in powers of x where psi() is a Ramanujan theta function.", 0, 90, func(n int64) int64 {
		s := int64(0)
		for a := int64(0); tri(a) <= n; a++ {
			for b := int64(0); tri(a)+tri(b) <= n; b++ {
				if tri(a)+tri(b) == n {
					s++
				}
			}
		}
		if n%2 == 1 {
			s = -s
		}
		return s
	}},
	// f(x) f(x^3), f(x) = Sum_{k in Z} (-1)^k (-x)^(k(3k-1)/2)
	{"Expansion of f(x) * f(x^3) where f() is a Ramanujan theta function.", 0, 90, func(n int64) int64 {
		f := func(m int64) []int64 {
			r := make([]int64, n+1)
			for k := int64(-20); k <= 20; k++ {
				e := k * (3*k - 1) / 2
				if e*m <= n {
					v := int64(1 - 2*(k&1))
					if e%2 == 1 {
						v = -v
					}
					r[e*m] += v
				}
			}
			return r
		}
		return wrap32(polyMulRef(f(1), f(3), int(n))[n])
	}},
	// theta_3/theta_4 = phi(q)/phi(-q)
	{"Expansion of theta_3 / theta_4.", 0, 60, func(n int64) int64 {
		p, m := make([]int64, n+1), make([]int64, n+1)
		for k := int64(-12); k <= 12; k++ {
			if k*k <= n {
				p[k*k]++
				m[k*k] += 1 - 2*(k&1)
			}
		}
		return wrap32(polyMulRef(p, invRef(m, int(n)), int(n))[n])
	}},
	// theta functions of z, in powers of q^(1/4): 4(a^2 + 10 b^2) = n and
	// (2a+1)^2 + 10 (2b+1)^2 = n, over all integers a, b
	{"Expansion of (theta_3(z)*theta_3(10z)+theta_2(z)*theta_2(10z)).", 0, 100, func(n int64) int64 {
		s := int64(0)
		for a := int64(-12); a <= 12; a++ {
			for b := int64(-12); b <= 12; b++ {
				if 4*(a*a+10*b*b) == n {
					s++
				}
				if (2*a+1)*(2*a+1)+10*(2*b+1)*(2*b+1) == n {
					s++
				}
			}
		}
		return s
	}},
	// the cubic AGM a(-q): (-1)^n times the pairs (i, j) with i^2 + ij + j^2 = n
	{"Expansion of a(-q) in powers of q where a(q) is a cubic AGM function.", 0, 100, func(n int64) int64 {
		s := int64(0)
		for i := int64(-15); i <= 15; i++ {
			for j := int64(-15); j <= 15; j++ {
				if i*i+i*j+j*j == n {
					s++
				}
			}
		}
		if n%2 == 1 {
			s = -s
		}
		return s
	}},
	// a polynomial factor per step: x * Product_{k>=0} (1 + y + y^2 - y^4), y = x^(2^k)
	{"Expansion of x * Product_{k>=0} (1 + x^(2^k) + x^(2^(k+1)) - x^(2^(k+2))).", 0, 100, func(n int64) int64 {
		if n == 0 {
			return 0
		}
		p := []int64{1}
		for y := 1; y <= int(n); y *= 2 {
			f := make([]int64, 4*y+1)
			f[0], f[y], f[2*y], f[4*y] = 1, 1, 1, -1
			p = polyMulRef(p, f, int(n))
		}
		return wrap32(p[n-1])
	}},
	// a Lambert series: Sum_{d|n} d(2d-1)
	{"Expansion of Sum_{k>=1} k*(2*k - 1)*x^k/(1 - x^k).", 1, 90, func(n int64) int64 {
		s := int64(0)
		for d := int64(1); d <= n; d++ {
			if n%d == 0 {
				s += d * (2*d - 1)
			}
		}
		return s
	}},
	// Sum_{k>0} x^(3k)/(1 - x^(4k))^2: 3k + 4kj = n contributes j+1
	{"Expansion of Sum_{k>0} x^(3*k) / (1 - x^(4*k))^2.", 1, 90, func(n int64) int64 {
		s := int64(0)
		for k := int64(1); 3*k <= n; k++ {
			for j := int64(0); 3*k+4*k*j <= n; j++ {
				if 3*k+4*k*j == n {
					s += j + 1
				}
			}
		}
		return s
	}},
	// a rational function of order 13: its recurrence
	{"Expansion of 1/(1 - x^5 - x^6 - x^7 - x^8 + x^13).", 0, 90, func(n int64) int64 {
		a := make([]int64, n+1)
		for i := range a {
			if i == 0 {
				a[i] = 1
			}
			for _, d := range []int{5, 6, 7, 8} {
				if i >= d {
					a[i] += a[i-d]
				}
			}
			if i >= 13 {
				a[i] -= a[i-13]
			}
		}
		return wrap32(a[n])
	}},
	// order 7, past the locals of gf.go's recurrence: the heptanacci numbers
	{"Expansion of 1/(1-x-x^2-x^3-x^4-x^5-x^6-x^7).", 0, 90, func(n int64) int64 {
		a := make([]int64, n+1)
		for i := range a {
			if i == 0 {
				a[i] = 1
			}
			for d := 1; d <= 7 && d <= i; d++ {
				a[i] += a[i-d]
			}
		}
		return wrap32(a[n])
	}},
	// 1/(1 - x*Product_{k>=1} (1 - x^k)): a series inverted in memory
	{"Expansion of 1/(1 - x*Product_{k>=1} (1 - x^k)).", 0, 40, func(n int64) int64 {
		p := []int64{1}
		for k := 1; k <= int(n); k++ {
			f := make([]int64, k+1)
			f[0], f[k] = 1, -1
			p = polyMulRef(p, f, int(n))
		}
		d := make([]int64, n+1)
		d[0] = 1
		for i := 1; i <= int(n); i++ {
			d[i] = -p[i-1]
		}
		return wrap32(invRef(d, int(n))[n])
	}},
	// an eta quotient, the q^(1/24) factors dropped: (eta(q) eta(q^9) / eta(q^3)^2)^6
	{"Expansion of (eta(q)eta(q^9)/eta(q^3)^2)^6 in powers of q.", 1, 60, func(n int64) int64 {
		m := int(n) - 1
		eta := func(s int) []int64 {
			p := []int64{1}
			for k := 1; s*k <= m; k++ {
				f := make([]int64, s*k+1)
				f[0], f[s*k] = 1, -1
				p = polyMulRef(p, f, m)
			}
			return p
		}
		num := polyMulRef(eta(1), eta(9), m)
		den := polyMulRef(eta(3), eta(3), m)
		q := polyMulRef(num, invRef(den, m), m)
		r := []int64{1}
		for range 6 {
			r = polyMulRef(r, q, m)
		}
		return wrap32(r[m])
	}},
}

// cyclotomicRef is Phi_n by exact division: (x^n - 1) / Product over the
// proper divisors d of Phi_d, lowest coefficient first.
func cyclotomicRef(n int) []int64 {
	p := make([]int64, n+1)
	p[0], p[n] = -1, 1
	for d := 1; d < n; d++ {
		if n%d != 0 {
			continue
		}
		q := cyclotomicRef(d) // monic: divide p by q, highest first
		r := make([]int64, len(p)-len(q)+1)
		for i := len(r) - 1; i >= 0; i-- {
			r[i] = p[i+len(q)-1]
			for j := range q {
				p[i+j] -= r[i] * q[j]
			}
		}
		p = r
	}
	return p
}

var cyclotomicCases = []refCase{
	{"Inverse of 390th cyclotomic polynomial.", 0, 100, func(n int64) int64 {
		return invRef(cyclotomicRef(390), int(n))[n]
	}},
	{"Inverse of 1702nd cyclotomic polynomial.", 0, 100, func(n int64) int64 {
		return invRef(cyclotomicRef(1702), int(n))[n]
	}},
	{"Coefficients of the reciprocal of the 55th cyclotomic polynomial.", 0, 100, func(n int64) int64 {
		return invRef(cyclotomicRef(55), int(n))[n]
	}},
	{"143rd cyclotomic polynomial.", 0, 150, func(n int64) int64 {
		if p := cyclotomicRef(143); n < int64(len(p)) {
			return p[n]
		}
		return 0
	}},
}

func TestSeriesCyclotomic(t *testing.T) {
	newRunner(t).anyMatches(t, cyclotomicCases)
}

var fixedPointCases = []refCase{
	// Catalan numbers: C(2n, n)/(n+1), by Pascal's rule in int64
	{"G.f. A(x) satisfies: A(x) = 1 + x*A(x)^2.", 0, 18, func(n int64) int64 {
		c := int64(1)
		for k := int64(0); k < n; k++ {
			c = c * 2 * (2*k + 1) / (k + 2)
		}
		return c
	}},
	// A = A(x^2) T, T = 1/(1-x-x^2-x^3): A[n] = Sum_{2k<=n} A[k] T[n-2k], A[0] = 1
	{"G.f. A(x) satisfies: A(x) = A(x^2) / (1 - x - x^2 - x^3).", 0, 40, func(n int64) int64 {
		t := make([]int64, n+1)
		for i := range t {
			if i == 0 {
				t[i] = 1
			}
			for d := 1; d <= 3 && d <= i; d++ {
				t[i] += t[i-d]
			}
		}
		a := make([]int64, n+1)
		a[0] = 1
		for m := int64(1); m <= n; m++ {
			for k := int64(0); 2*k <= m; k++ {
				a[m] += a[k] * t[m-2*k]
			}
		}
		return wrap32(a[n])
	}},
}

func TestSeriesFixedPoint(t *testing.T) {
	newRunner(t).anyMatches(t, fixedPointCases)
	// an iteration that never settles (A = 1 + 2A grows without end) is
	// no reading
	refuses(t, "G.f. A(x) satisfies: A(x) = 1 + 2*A(x).", "G.f. A(x) satisfies: A(x) = 1 + x*B(x)^2.")
}

func TestSeriesReads(t *testing.T) {
	newRunner(t).anyMatches(t, seriesCases)
}

// TestSeriesRefuses: what the reader must not guess at gives nothing: a
// function it does not read (the cubic c(q) has q^(1/3) in every term),
// phi() where the text never says it is a theta function (Euler's phi), a
// constant term other than ±1 under a division, a fractional power (not an integer series), trailing words it cannot read, and a
// product whose program would run out of fuel by n = 100.
func TestSeriesRefuses(t *testing.T) {
	refuses(t,
		"Expansion of c(x) * f(-x^3)^4 in powers of x where f() is a Ramanujan theta function and c() is a cubic AGM function.",
		"Expansion of phi(x)^2.",
		"Expansion of 1/(2 - x - x^2 - x^7 - x^9).",
		"Expansion of (1+x)^(3/2).",
		"Expansion of 1/(1 - x^(1/2) - x).",
		"Expansion of (Sum_{k>=0} x^(3^k))^2 [even terms only].",
		"Expansion of Product_{k>=1} (1+x^k)^1000.",
		"Expansion of Product_{k>=1} (1 + x^k)^k*(1 - x^(2*k)) if k is odd.",
	)
}
