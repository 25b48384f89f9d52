package formula

import (
	"math/bits"
	"testing"
)

func TestParse2Rewrites(t *testing.T) {
	// a(n) = 1 + the sum of a(k) over the proper divisors k of n
	properSum := map[int64]int64{}
	var proper func(n int64) int64
	proper = func(n int64) int64 {
		if v, ok := properSum[n]; ok {
			return v
		}
		v := int64(1)
		for k := int64(1); k < n; k++ {
			if n%k == 0 {
				v += proper(k)
			}
		}
		properSum[n] = v
		return v
	}
	// a(1) = 1, a(n) = the binary weight of a(1) + ... + a(n-1)
	weights := []int64{0, 1}
	for s := int64(1); len(weights) < 80; {
		w := int64(bits.OnesCount64(uint64(s)))
		weights = append(weights, w)
		s += w
	}
	newRunner(t).allMatch(t, []refCase{
		{"a(n) = 1 + Sum_{ k < n and k | n} a(k).", 1, 60, proper},
		{"a(n) = Sum_{ d >= 1, d divides n} (-1)^(n-d)*d^3.", 1, 60, func(n int64) int64 {
			s := int64(0)
			for d := int64(1); d <= n; d++ {
				if n%d == 0 {
					t := d * d * d
					if (n-d)%2 != 0 {
						t = -t
					}
					s += t
				}
			}
			return s
		}},
		{"a(1) = 1, a(n) = hamming_weight(Sum_{k=1..n-1} a(k) ) for n>=2.", 1, 79, func(n int64) int64 { return weights[n] }},
		// floor(10x) mod 10 with 10x = 5n*sqrt(5) - 5n = sqrt(125n^2) - 5n
		{"a(n) = first digit to the right of decimal point of n*(sqrt(5)-1)/2.", 0, 90, func(n int64) int64 {
			return (isqrtRef(125*n*n) - 5*n) % 10
		}},
		{"a(n) = Sum_{i|n, j|n} gcd(i,j)*(i+j).", 1, 100, func(n int64) int64 {
			s := int64(0)
			for i := int64(1); i <= n; i++ {
				for j := int64(1); j <= n; j++ {
					if n%i == 0 && n%j == 0 {
						s += gcdRef(i, j) * (i + j)
					}
				}
			}
			return s
		}},
		{"First digit after the decimal point of n*sqrt(2).", 0, 90, func(n int64) int64 {
			return isqrtRef(200*n*n) % 10
		}},
	})
}

// TestParse2Refuses: subscripts with a condition a divisor does not
// always pass (other than d < n), and digits past the first.
func TestParse2Refuses(t *testing.T) {
	refuses(t,
		"a(n) = Sum_{ d >= 2, d divides n} d^2 + n.",
		"a(n) = 1 + Sum_{ k < m and k | n} a(k).",
		"a(n) = Sum_{ k <= n and k | n+1} k^2.",
		"a(n) = Sum_{ d divides n, e divides n+1} d*e.",
		"a(n) = second digit to the right of decimal point of n*sqrt(3).",
		"a(n) = first digit to the right of decimal point of n*x.",
	)
}

// indicesRef: n's prime indices (k with prime(k) | n), each as often as
// prime(k) divides n, or once each if distinct.
func indicesRef(n int64, distinct bool) []int64 {
	var ks []int64
	k := int64(0)
	for p := int64(2); p <= n; p++ {
		if !isPrimeRef(p) {
			continue
		}
		k++
		for m := n; m%p == 0; m /= p {
			ks = append(ks, k)
			if distinct {
				break
			}
		}
	}
	return ks
}

func TestParse2Words(t *testing.T) {
	sumIdx := func(n int64, distinct bool, parity int64) int64 { // parity -1: all
		s := int64(0)
		for _, k := range indicesRef(n, distinct) {
			if parity < 0 || k%2 == parity {
				s += k
			}
		}
		return s
	}
	countIdx := func(n int64, distinct bool, parity int64) int64 {
		c := int64(0)
		for _, k := range indicesRef(n, distinct) {
			if parity < 0 || k%2 == parity {
				c++
			}
		}
		return c
	}
	nthRef := func(n int64, ok func(int64) bool) int64 {
		for x := int64(1); ; x++ {
			if ok(x) {
				if n--; n == 0 {
					return x
				}
			}
		}
	}
	newRunner(t).allMatch(t, []refCase{
		{"a(n) = n + sum of prime indices of n.", 1, 100, func(n int64) int64 { return n + sumIdx(n, false, -1) }},
		{"Sum of prime indices of n.", 1, 100, func(n int64) int64 { return sumIdx(n, false, -1) }},
		{"Sum of even prime indices of n.", 1, 100, func(n int64) int64 { return sumIdx(n, false, 0) }},
		{"Sum of the distinct odd prime indices of 2*n+1.", 0, 100, func(n int64) int64 { return sumIdx(2*n+1, true, 1) }},
		{"Number of distinct odd prime indices of n.", 1, 100, func(n int64) int64 { return countIdx(n, true, 1) }},
		{"Number of prime indices of n.", 1, 100, func(n int64) int64 { return countIdx(n, false, -1) }},
		{"Largest prime index of n.", 2, 100, func(n int64) int64 {
			ks := indicesRef(n, true)
			return ks[len(ks)-1]
		}},
		{"Smallest prime index of n.", 2, 100, func(n int64) int64 { return indicesRef(n, true)[0] }},
		{"a(n) = 2*(n-th squarefree number) + 1.", 1, 80, func(n int64) int64 { return 2*nthRef(n, squarefreeRef) + 1 }},
		{"a(n) = n-th prime congruent to 1 mod 6 minus n-th prime.", 1, 60, func(n int64) int64 {
			return nthRef(n, func(x int64) bool { return x%6 == 1 && isPrimeRef(x) }) - nthRef(n, isPrimeRef)
		}},
		{"a(n) = n^2 - 3*(number of prime indices of n).", 1, 80, func(n int64) int64 {
			return n*n - 3*countIdx(n, false, -1)
		}},
		{"a(n) = prime(k) where k = n-th prime congruent to 1 mod 6.", 1, 30, func(n int64) int64 {
			return nthRef(nthRef(n, func(x int64) bool { return x%6 == 1 && isPrimeRef(x) }), isPrimeRef)
		}},
		{"a(n) = k^2 + 1, where k is the sum of prime indices of n.", 1, 100, func(n int64) int64 {
			k := sumIdx(n, false, -1)
			return k*k + 1
		}},
	})
}

// TestParse2WordsRefuses: a span followed by a connective and a number
// (whose argument the number may be), conditions after the formula, and
// words no reader takes.
func TestParse2WordsRefuses(t *testing.T) {
	refuses(t,
		"a(n) = n-th prime congruent to 1 mod 6 minus 1.",
		"a(n) = n + sum of prime indices of n for n > 1.",
		"a(n) = n + sum of prime indices of n if n is odd.",
		"a(n) = n + sum of the frobnicated indices of n.",
		"a(n) = n-th frobnicated number plus n.",
		"a(n) = prime(k) where k = n-th frobnicated prime.",
		"a(n) = prime(k) where k = n-th prime congruent to 1 mod 6 and m = 3.",
		"a(n) = k^2 + 1, where k is the sum of prime indices of n, for n > 2.",
	)
}

// TestParse2WordsEnds: a span that is the whole name (its connective
// inside parentheses) is not read again by this reader (it recursed
// without end before).
func TestParse2WordsEnds(t *testing.T) {
	for _, text := range []string{
		"Triangles in open triangular matchstick arrangement (triangle minus one side) of side n.",
		"a(n) = number of primes (sum of digits minus one) below n.",
	} {
		candidates(text) // returns: no reader recursion without end
	}
}

// nearestRootRef is the integer m nearest sqrt(x), x >= 0: (2m-1)^2 <=
// 4x < (2m+1)^2.
func nearestRootRef(x int64) int64 {
	m := int64(0)
	for (2*m+1)*(2*m+1) <= 4*x {
		m++
	}
	return m
}

func TestParse2Roots(t *testing.T) {
	postSum := map[int64]int64{1: 1}
	var post func(n int64) int64
	post = func(n int64) int64 { // a(n) = 1 + the sum of a(p) over the primes p | n-1
		if v, ok := postSum[n]; ok {
			return v
		}
		v := int64(1)
		for p := int64(2); p <= n-1; p++ {
			if isPrimeRef(p) && (n-1)%p == 0 {
				v += post(p)
			}
		}
		postSum[n] = v
		return v
	}
	newRunner(t).allMatch(t, []refCase{
		{"a(n) = nearest integer to n^(3/2).", 0, 100, func(n int64) int64 { return nearestRootRef(n * n * n) }},
		{"a(n) = round(sqrt(2*n^2+1)).", 0, 100, func(n int64) int64 { return nearestRootRef(2*n*n + 1) }},
		{"a(n) = floor((n+1)^(3/2)).", 0, 100, func(n int64) int64 { return isqrtRef((n + 1) * (n + 1) * (n + 1)) }},
		{"a(1)=1, a(n)= 1 + Sum a(p), p prime, p | n-1.", 1, 80, post},
		{"a(n) = Sum_{p|n, p prime} p^2.", 1, 100, func(n int64) int64 {
			s := int64(0)
			for p := int64(2); p <= n; p++ {
				if isPrimeRef(p) && n%p == 0 {
					s += p * p
				}
			}
			return s
		}},
	})
	refuses(t,
		"a(n) = round(n^(3/2)) if n is odd.",
		"a(n) = n^(3/2).",
		"a(n) = Sum_{p|n, p odd prime} p^2.",
		"a(n) = Sum a(p), p prime, p < n.",
	)
}
