package formula

import "testing"

// seriesRef is the power series num(x)/den(x) to terms coefficients, by
// long division (den[0] is 1 or -1).
func seriesRef(num, den []int64, terms int) []int64 {
	out := make([]int64, terms)
	rem := make([]int64, terms)
	copy(rem, num)
	for i := range terms {
		out[i] = rem[i] / den[0]
		for j := 1; j < len(den) && i+j < terms; j++ {
			rem[i+j] -= out[i] * den[j]
		}
	}
	return out
}

// mulRef is the product of two power series, to len(a) terms.
func mulRef(a, b []int64) []int64 {
	out := make([]int64, len(a))
	for i := range a {
		for j := 0; i+j < len(a); j++ {
			out[i+j] += a[i] * b[j]
		}
	}
	return out
}

// riordanRef lists T(n,k) = [x^n] g*h^k, 0 <= k <= n, row after row from
// n = 0 (h = x*f, the series of the array's second part).
func riordanRef(g, h []int64) func(int64) int64 {
	const rows = 14
	var list []int64
	cols := make([][]int64, rows) // cols[k] = g*h^k
	cols[0] = g[:rows]
	for k := 1; k < rows; k++ {
		cols[k] = mulRef(cols[k-1], h[:rows])
	}
	for n := range rows {
		for k := 0; k <= n; k++ {
			list = append(list, cols[k][n])
		}
	}
	return func(i int64) int64 { return list[i] }
}

var coefTableCases = []refCase{
	{"Riordan array ((1+2*x)/(1+x), x/(1+x)).", 0, 100,
		riordanRef(seriesRef([]int64{1, 2}, []int64{1, 1}, 20), seriesRef([]int64{0, 1}, []int64{1, 1}, 20))},
	{"Riordan array (1/(1+x), x(1-x)/(1+x)^2).", 0, 70,
		riordanRef(seriesRef([]int64{1}, []int64{1, 1}, 20), seriesRef([]int64{0, 1, -1}, []int64{1, 2, 1}, 20))},
	{"Riordan array (1/(1-x), x(2x-1)/(1-x)^2).", 0, 70,
		riordanRef(seriesRef([]int64{1}, []int64{1, -1}, 20), seriesRef([]int64{0, -1, 2}, []int64{1, -2, 1}, 20))},
	{"Riordan array ((1+x^2)/(1-x^2)^2,x/(1-x^2)).", 0, 100,
		riordanRef(seriesRef([]int64{1, 0, 1}, []int64{1, 0, -2, 0, 1}, 20), seriesRef([]int64{0, 1}, []int64{1, 0, -1}, 20))},
	{"Riordan array (1/(1-3*x), x/(1-x)).", 0, 70,
		riordanRef(seriesRef([]int64{1}, []int64{1, -3}, 20), seriesRef([]int64{0, 1}, []int64{1, -1}, 20))},
	{"Riordan array (1/(1+x+x^2),x/(1+x)^2).", 0, 70,
		riordanRef(seriesRef([]int64{1}, []int64{1, 1, 1}, 20), seriesRef([]int64{0, 1}, []int64{1, 2, 1}, 20))},
	{"Riordan array (1/(1-x^2+x^4), x/(1-x)).", 0, 100,
		riordanRef(seriesRef([]int64{1}, []int64{1, 0, -1, 0, 1}, 20), seriesRef([]int64{0, 1}, []int64{1, -1}, 20))},
	// (g, f) with f(0) != 0 stands for (g, x*f)
	{"Riordan array ((1+2*x)/(1+x), (1+x)).", 0, 100,
		riordanRef(seriesRef([]int64{1, 2}, []int64{1, 1}, 20), []int64{0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})},
	{"Triangle of coefficients of (2 + 5x)^n.", 0, 60, triRef(0, 0, 0, 0, func(n, k int64) int64 {
		return binomialRef(n, k) * powMod(2, n-k, 1<<62) * powMod(5, k, 1<<62)
	})},
	{"Triangle read by rows of coefficients in expansions of (-2 + 3x)^n, in descending powers of x.", 0, 60, triRef(0, 0, 0, 0, func(n, k int64) int64 {
		return binomialRef(n, k) * powMod(3, n-k, 1<<62) * ipow(-2, k)
	})},
}

func ipow(b, e int64) int64 {
	r := int64(1)
	for range e {
		r *= b
	}
	return r
}

func TestCoefTables(t *testing.T) {
	newRunner(t).anyMatches(t, coefTableCases)
	refuses(t,
		"Inverse of Riordan array (1/(1-x), x/(1-x)).",
		"Riordan array (1/(1-x), x/(1-x)) mod 2.",
		"Riordan array (1/sqrt(1-4*x), x/(1-x)).",
		"Riordan array (1/(2-x), x/(1-x)).",            // not an integer series
		"Triangle of coefficients of (1+x+x^2+x^3)^n.", // four terms: more than one sum
		"Triangle of coefficients of (1+x)^n mod 3.",
	)
}

func TestCoefficientCells(t *testing.T) {
	r := newRunner(t)
	for _, tc := range []struct {
		text     string
		from, to int64
		ref      func(n int64) int64
	}{
		{"Triangle read by rows: T(n,k) = coefficient of [x^(n-k)] in (x+n)^n, 0 <= k <= n.", 0, 44, triRef(0, 0, 0, 0, func(n, k int64) int64 {
			return binomialRef(n, n-k) * powMod(n, k, 1<<62) // [x^(n-k)] sum_j C(n,j) x^j n^(n-j)
		})},
		{"Square array A(n,k) = [x^k] (1/(1-x) + x/(1-x)^n), read by descending antidiagonals for n, k >= 0.", 0, 100, diagRef(0, 0, false, func(n, k int64) int64 {
			s := int64(1) // 1/(1-x)
			if k >= 1 {
				s += binomialRef(n+k-2, k-1) // [x^(k-1)] (1-x)^-n
				if n == 0 {
					s = 1
					if k == 1 {
						s = 2
					}
				}
			}
			return s
		})},
		{"Triangle T(n,k) = [x^k] ((1 + 2*x)^n - (1+x)^(n+1)), 0 <= k <= n, read by rows.", 0, 100, triRef(0, 0, 0, 0, func(n, k int64) int64 {
			return binomialRef(n, k)<<k - binomialRef(n+1, k)
		})},
	} {
		cs := Candidates(tc.text, 1)
		ok := false
		for _, c := range cs {
			ok = ok || r.matches(c.Ops, tc.from, tc.to, tc.ref)
		}
		if !ok {
			for _, c := range cs {
				t.Logf("candidate %s", c.Expr)
			}
			t.Errorf("%q: %d candidates, none matches the reference", tc.text, len(cs))
		}
	}
}
