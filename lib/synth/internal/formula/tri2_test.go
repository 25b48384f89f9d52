package formula

import "testing"

// tri2Cases: formulas that end where a table's text goes on ("read by",
// "is an ...", a range with no comma before it, ranges in parentheses),
// "mod 2" inside the formula, tables named by other capitals, and tables
// named by their formula or its numerators and denominators.
var tri2Cases = []refCase{
	{"Square array A(n,k) = (n+k)^2 read by antidiagonals, n, k >= 0.", 0, 100, diagRef(0, 0, true, func(n, k int64) int64 {
		return (n + k) * (n + k)
	})},
	{"Array T(n,k) = n*k + 2*n read by antidiagonals upwards, n,k >= 1.", 1, 100, diagRef(1, 1, true, func(n, k int64) int64 {
		return n*k + 2*n
	})},
	{"Triangle read by rows: T(n,k) = floor((k-1)*n^2/(2*k)) is an upper bound on something.", 1, 100, triRef(1, 1, 1, 0, func(n, k int64) int64 {
		return (k - 1) * n * n / (2 * k)
	})},
	{"T(n,k) = (k + 3*n - 2 - (k+n-2)*(-1)^(k+n))/2 n, k > 0, read by antidiagonals.", 1, 100, diagRef(1, 1, false, func(n, k int64) int64 {
		s := int64(1)
		if (k+n)%2 == 1 {
			s = -1
		}
		return (k + 3*n - 2 - (k+n-2)*s) / 2
	})},
	{"Triangle read by rows: T(n,k) = 1 + (n-1)*k  (n >= 1, 0 <= k <= n-1).", 1, 100, triRef(1, 1, 0, -1, func(n, k int64) int64 {
		return 1 + (n-1)*k
	})},
	{"Triangle read by rows: T(n,k) = binomial(n,k) mod 2.", 0, 100, triRef(0, 0, 0, 0, func(n, k int64) int64 {
		return binomialRef(n, k) % 2
	})},
	{"Square array read by antidiagonals: A(n,k) = n^k, n >= 1, k >= 0.", 1, 60, diagRef(1, 0, false, func(n, k int64) int64 {
		p := int64(1)
		for i := int64(0); i < k; i++ {
			p *= n
		}
		return p
	})},
	{"Rectangular array R by antidiagonals: R(n,k) = n + 3*k, n, k >= 1.", 1, 100, diagRef(1, 1, true, func(n, k int64) int64 {
		return n + 3*k
	})},
	{"Triangle of denominators of sum of two unit fractions: 1/n + 1/m, n >= m >= 1.", 1, 100, triRef(1, 1, 1, 0, func(n, m int64) int64 {
		return n * m / gcdRef(n+m, n*m)
	})},
	{"Triangle of numerators of k/n, 1 <= k <= n.", 1, 100, triRef(1, 1, 1, 0, func(n, k int64) int64 {
		return k / gcdRef(k, n)
	})},
	{"Triangle read by rows: T(n,k) = the denominator of (n+k)/(n*k), 1 <= k <= n.", 1, 100, triRef(1, 1, 1, 0, func(n, k int64) int64 {
		return n * k / gcdRef(n+k, n*k)
	})},
	{"Triangle of n*k + 3, 0 <= k <= n.", 0, 100, triRef(0, 0, 0, 0, func(n, k int64) int64 {
		return n*k + 3
	})},
}

func TestTri2Tables(t *testing.T) {
	newRunner(t).anyMatches(t, tri2Cases)
	refuses(t,
		"Triangle T(n,k) = binomial(n,k) read mod 2.",                      // mod 2 outside the formula
		"Pascal's triangle mod 2: T(n,k) = n + k.",                         // likewise
		"Triangle read by rows: T(n,k) = n + k n >= 0 if k is odd.",        // a case after the range
		"Triangle read by rows: T(n,k) = n*k is prime, 0 <= k <= n.",       // "is" not a description
		"Triangle read by rows: T(n,k) = n*k read by rows if n is even.",   // a case
		"Triangle T(n,k) = n*k (n >= 1, 0 <= k <= n, k odd) read by rows.", // not a range only
		"Triangle of row sums: n*k + 1, 0 <= k <= n.",                      // a description, no numerators
		"Triangle of n*k + 1.",                                             // no range: which letter is the row
		"Array of n*k + 1 read by antidiagonals.",                          // likewise
		"Triangle read by rows: T(n,k) = numerator of n + k, 0 <= k <= n.", // no fraction
		"Triangle of denominators of 1/n + 1/m, m <= n.",                   // no range that names the column
		"Triangle read by rows: C(n,k) = n + k, 0 <= k <= n.",              // C is the binomial
	)
}

func TestTableFormulaCut(t *testing.T) {
	// the range after "2 n" is not part of the formula; inside parentheses
	// or after an operator it is no range
	for _, tc := range []struct {
		text, want string
	}{
		{"T(n,k) = (n + k)/2 n, k > 0", "((r_+c_)/2)"},
		{"T(n,k) = n*k + 1 read by rows", "((r_*c_)+1)"},
		{"T(n,k) = 2*n + k n >= 0", "((2*r_)+c_)"},
		{"T(n,k) = (n + k) (n >= 1, 0 <= k <= n-1)", "(r_+c_)"},
	} {
		toks := lex(tc.text)
		x, end, ok := tableFormula(toks, 7, nil, "n", "k")
		if !ok {
			t.Errorf("%q: no formula", tc.text)
			continue
		}
		if got := rename(rename(x, "n", "r_"), "k", "c_").String(); got != tc.want {
			t.Errorf("%q: %s (to token %d), want %s", tc.text, got, end, tc.want)
		}
	}
}
