package formula

import "testing"

// runUpTo: a, a+d, a+2d, ... (d > 0) or a, a*r, a*r^2, ... (r = -d >= 2)
// up to n.
func runUpTo(a, d int64) func(int64) []int64 {
	return func(n int64) []int64 {
		var out []int64
		for e := a; e <= n; {
			out = append(out, e)
			if d > 0 {
				e += d
			} else {
				e *= -d
			}
		}
		return out
	}
}

var ellipsisCases = []refCase{
	// x * (Product (1 - x^(2^j)))^2
	{"Expansion of x((1-x)(1-x^2)(1-x^4)(1-x^8)...)^2.", 0, 90, func(n int64) int64 {
		if n == 0 {
			return 0
		}
		half := productOverRef(-1, func(m int64) []int64 {
			es := runUpTo(1, -2)(m)
			return append(es, es...) // each factor twice: the square
		})
		return half(n - 1)
	}},
	{"Expansion of 1/((1-x)(1-x^3)(1-x^5)...).", 0, 90, productOverRef(0, runUpTo(1, 2))},
	{"Expansion of (1+x)*(1+x^2)*(1+x^3)*...", 0, 90, productOverRef(1, runUpTo(1, 1))},
}

// TestSeriesEllipsis: products written out with an ellipsis.
func TestSeriesEllipsis(t *testing.T) {
	newRunner(t).anyMatches(t, ellipsisCases)
	refuses(t,
		"Expansion of (1+x)(1-x^2)(1+x^3)...", // signs that alternate: no rule read
		"Expansion of (1-x)(1-x^2)...",        // two factors fix no rule
		"Expansion of (1-x)(1-x^2)(1-x^5)...", // neither arithmetic nor geometric
	)
}
