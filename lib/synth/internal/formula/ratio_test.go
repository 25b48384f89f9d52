package formula

import "testing"

func TestRatios(t *testing.T) {
	r := newRunner(t)
	for _, tc := range []struct {
		text     string
		from, to int64
		ref      func(n int64) int64
	}{
		{"Numerator of n*(n+1)/12.", 0, 100, func(n int64) int64 { return n * (n + 1) / gcdRef(n*(n+1), 12) }},
		{"a(n) = denominator(n^2/(n+4) + 1/3).", 0, 100, func(n int64) int64 {
			p, q := 3*n*n+n+4, 3*(n+4)
			return q / gcdRef(p, q)
		}},
		{"Numerator of the quotient (n-7)/(2*n+1).", 0, 100, func(n int64) int64 { return (n - 7) / gcdRef(n-7, 2*n+1) }},
		{"Triangle read by rows: T(n,k) = denominator(k/n), 1 <= k <= n.", 1, 100, triRef(1, 1, 1, 0, func(n, k int64) int64 { return n / gcdRef(k, n) })},
		{"a(n) = numerator(n/(n+2)) + 1.", 0, 100, func(n int64) int64 { return n/gcdRef(n, n+2) + 1 }},
		{"Numerators of (n^2+1)/(n+3).", 0, 100, func(n int64) int64 { return (n*n + 1) / gcdRef(n*n+1, n+3) }},
	} {
		cs := Candidates(tc.text, 1)
		ok := false
		for _, c := range cs {
			ok = ok || r.matches(c.Ops, tc.from, tc.to, tc.ref)
		}
		if !ok {
			t.Errorf("%q: %d candidates, none matches the reference", tc.text, len(cs))
		}
	}
	refuses(t,
		"Numerator of n^2 + 1.",                   // an integer: no reading
		"Numerator of Sum_{k=1..n} 1/k.",          // a sum of fractions: not read
		"Numerator of the n-th Bernoulli number.", // no formula
		"Numerators of 2^n/(n+1).",                // 2^n wraps from n = 32, where the numerator 2^26 still fits
	)
}
