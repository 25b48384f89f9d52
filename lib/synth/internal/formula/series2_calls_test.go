package formula

import "testing"

// productOverRef is [x^n] Product over the exponents es (each used once)
// of (1 + c x^e), or of 1/(1 - x^e) when c == 0, mod 2^32.
func productOverRef(c int64, es func(n int64) []int64) func(int64) int64 {
	return func(n int64) int64 {
		p := make([]uint32, n+1)
		p[0] = 1
		for _, e := range es(n) {
			if c == 0 {
				for i := e; i <= n; i++ {
					p[i] += p[i-e]
				}
				continue
			}
			for i := n; i >= e; i-- {
				p[i] += uint32(c) * p[i-e]
			}
		}
		return int64(int32(p[n]))
	}
}

// fibsUpTo: F(1), F(2), ... (1, 1, 2, 3, 5, ...) up to n.
func fibsUpTo(n int64) []int64 {
	var out []int64
	for a, b := int64(1), int64(1); a <= n; a, b = b, a+b {
		out = append(out, a)
	}
	return out
}

// primesToRef: the primes up to n.
func primesToRef(n int64) []int64 {
	var out []int64
	for p := int64(2); p <= n; p++ {
		if isPrimeRef(p) {
			out = append(out, p)
		}
	}
	return out
}

var seriesCallCases = []refCase{
	{"Expansion of Product_{k>=1} (1 - x^Fibonacci(k)).", 0, 90, productOverRef(-1, fibsUpTo)},
	{"Expansion of Product_{k>=1} 1/(1 - x^prime(k)).", 0, 90, productOverRef(0, primesToRef)},
	{"Expansion of Product_{k>=1} (1 + x^prime(k)).", 0, 90, productOverRef(1, primesToRef)},
	{"Expansion of Sum_{k>=1} x^prime(k).", 0, 90, func(n int64) int64 { return b2i(isPrimeRef(n)) }},
	// coefficients: Product (1 + prime(k) x^k), 1/(1 - Sum F(k) x^k)
	{"Expansion of Product_{k>=1} (1 + prime(k)*x^k).", 0, 60, func(n int64) int64 {
		p := make([]uint32, n+1)
		p[0] = 1
		for k := int64(1); k <= n; k++ {
			c := uint32(primeRef(k))
			for i := n; i >= k; i-- {
				p[i] += c * p[i-k]
			}
		}
		return int64(int32(p[n]))
	}},
	{"Expansion of 1/(1 - Sum_{k>=1} Fibonacci(k)*x^k).", 0, 60, func(n int64) int64 {
		fs := make([]uint32, n+2) // fs[k] = F(k) mod 2^32
		fs[1] = 1
		for k := int64(2); k <= n; k++ {
			fs[k] = fs[k-1] + fs[k-2]
		}
		a := make([]uint32, n+1)
		a[0] = 1
		for m := int64(1); m <= n; m++ {
			for k := int64(1); k <= m; k++ {
				a[m] += fs[k] * a[m-k]
			}
		}
		return int64(int32(a[n]))
	}},
}

// TestSeriesCalls: named sequences in a series' powers of x.
func TestSeriesCalls(t *testing.T) {
	newRunner(t).anyMatches(t, seriesCallCases)
	// a function the series reader does not name
	refuses(t, "Expansion of Product_{k>=1} (1 - x^sigma(k)).")
}
