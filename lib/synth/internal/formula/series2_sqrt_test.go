package formula

import (
	"math/big"
	"testing"
)

// Native references for square roots in series: Catalan, Motzkin and
// central binomial numbers by their own recurrences mod 2^32 (uint32),
// and sqrt(P) for a polynomial P by S^2 = P in big integers.

// catalanMod is the n-th Catalan number mod 2^32: C(0) = 1, C(n) =
// Sum_{i<n} C(i) C(n-1-i).
func catalanMod(n int64) uint32 {
	c := make([]uint32, n+1)
	c[0] = 1
	for m := int64(1); m <= n; m++ {
		for i := int64(0); i < m; i++ {
			c[m] += c[i] * c[m-1-i]
		}
	}
	return c[n]
}

// motzkinRef: M(0) = M(1) = 1, M(n) = M(n-1) + Sum_{k=0..n-2} M(k) M(n-2-k).
func motzkinRef(n int64) int64 {
	m := make([]uint32, n+2)
	m[0], m[1] = 1, 1
	for j := int64(2); j <= n; j++ {
		m[j] = m[j-1]
		for k := int64(0); k <= j-2; k++ {
			m[j] += m[k] * m[j-2-k]
		}
	}
	return int64(int32(m[n]))
}

// centralRef is binomial(2n, n) mod 2^32, from Pascal's triangle.
func centralRef(n int64) int64 {
	row := []uint32{1}
	for r := int64(1); r <= 2*n; r++ {
		next := make([]uint32, r+1)
		next[0], next[r] = 1, 1
		for k := int64(1); k < r; k++ {
			next[k] = row[k-1] + row[k]
		}
		row = next
	}
	return int64(int32(row[n]))
}

// sqrtRef is [x^n] (L + sqrt(P)) / (2 (1-x)^2) in big integers.
func sqrtRef(l, p []int64) func(int64) int64 {
	return func(n int64) int64 {
		s := make([]*big.Int, n+1)
		for i := range s {
			s[i] = new(big.Int)
			if i < len(p) {
				s[i].SetInt64(p[i])
			}
			for j := 1; j < i; j++ {
				s[i].Sub(s[i], new(big.Int).Mul(s[j], s[i-j]))
			}
			if i > 0 {
				s[i].Quo(s[i], big.NewInt(2))
			}
		}
		sum := new(big.Int) // L + S, times 1/(1-x)^2 = Sum (k+1) x^k
		for i := int64(0); i <= n; i++ {
			v := new(big.Int).Set(s[i])
			if i < int64(len(l)) {
				v.Add(v, big.NewInt(l[i]))
			}
			sum.Add(sum, v.Mul(v, big.NewInt(n-i+1)))
		}
		sum.Quo(sum, big.NewInt(2))
		return wrap32(sum.Int64())
	}
}

var sqrtCases = []refCase{
	{"Expansion of (1-sqrt(1-4*x))/(2*x).", 0, 60, func(n int64) int64 { return int64(int32(catalanMod(n))) }},
	{"Expansion of (1-x-sqrt(1-2*x-3*x^2))/(2*x^2).", 0, 60, motzkinRef},
	{"Expansion of 1/sqrt(1-4*x).", 0, 40, centralRef},
	// (1-4x)^7 sqrt(1-4x), sqrt(1-4x) = 1 - 2 Sum_{m>=1} C(m-1) x^m
	{"Expansion of (1-4*x)^(15/2).", 0, 40, func(n int64) int64 {
		var r uint32
		for j := int64(0); j <= min(n, 7); j++ { // (1-4x)^7 = Sum C(7,j) (-4)^j x^j
			b := uint32(binomialRef(7, j))
			for range j {
				b *= ^uint32(3) // -4
			}
			m := n - j
			s := uint32(1)
			if m > 0 {
				s = -(2 * catalanMod(m-1))
			}
			r += b * s
		}
		return int64(int32(r))
	}},
	{"Expansion of (1-x+sqrt(1-2x+5x^2))/(2(1-x)^2).", 0, 40, sqrtRef([]int64{1, -1}, []int64{1, -2, 5})},
}

// TestSeriesSqrt: square roots of polynomials, A(1 + 2T) in ring
// arithmetic, against the references above.
func TestSeriesSqrt(t *testing.T) {
	newRunner(t).anyMatches(t, sqrtCases)
	// roots with no integer series: 1+x and 1+2x are no squares mod 4; a
	// constant term other than 1
	refuses(t, "Expansion of sqrt(1+x).", "Expansion of 1/sqrt(1+2*x).", "Expansion of sqrt(4-x).")
}

// TestSeriesHalfPowerEnds: texts that end inside a half power's exponent
// read nothing (and do not read past the tokens).
func TestSeriesHalfPowerEnds(t *testing.T) {
	refuses(t, "Expansion of (1-4*x)^(", "Expansion of (1-4*x)^(15", "Expansion of (1-4*x)^(15/", "Expansion of (1-4*x)^(15/2", "Expansion of (1-4*x)^(-15/2")
}
