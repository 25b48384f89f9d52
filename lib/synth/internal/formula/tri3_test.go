package formula

import "testing"

var quotientPowerCases = []refCase{
	// Narayana numbers squared, rows 1.., columns 1..n
	{"Triangle read by rows: T(n,m) = (binomial(n - 1, m - 1)*binomial(n, m - 1)/m)^2.", 1, 100,
		triRef(1, 1, 1, 0, func(r, c int64) int64 {
			v := binomialRef(r-1, c-1) * binomialRef(r, c-1) / c
			return wrap32(v * v) // the program squares mod 2^32 too
		})},
	// Catalan numbers squared: binomial(20,10)^2 leaves i32 at n = 10
	{"a(n) = (binomial(2*n,n)/(n+1))^2.", 0, 10, func(n int64) int64 {
		c := binomialRef(2*n, n) / (n + 1)
		return c * c
	}},
}

// TestQuotientPowers: (P/Q)^e divides before it raises (tri3_pow.go).
func TestQuotientPowers(t *testing.T) {
	r := newRunner(t)
	r.anyMatches(t, quotientPowerCases[:1]) // readings of other starts too
	r.allMatch(t, quotientPowerCases[1:])
}
