package formula

import "testing"

// Native references: each recursion written out as it reads.
func TestDivideAndConquer(t *testing.T) {
	r := newRunner(t)
	var a136013, a2, a089265, cases, a0 func(n int64) int64
	a136013 = func(n int64) int64 { // a(n) = floor(n/2) + 2*a(floor(n/2)), a(0) = 0
		if n == 0 {
			return 0
		}
		return n/2 + 2*a136013(n/2)
	}
	a2 = func(n int64) int64 { // a(0)=0, a(n) = 2*a(floor(n/2)) + n - 1
		if n == 0 {
			return 0
		}
		return 2*a2(n/2) + n - 1
	}
	a089265 = func(n int64) int64 { // a(1) = 0; a(2n) = a(n) + 1, a(2n+1) = 2n
		switch {
		case n == 1:
			return 0
		case n%2 == 0:
			return a089265(n/2) + 1
		}
		return n - 1
	}
	cases = func(n int64) int64 { // a(2n) = n, a(2n+1) = a(n) + 1
		if n%2 == 0 {
			return n / 2
		}
		return cases(n/2) + 1
	}
	a0 = func(n int64) int64 { // a(0) = 1; a(3n) = a(n) + 1, a(3n+1) = 2a(n), a(3n+2) = n - a(n)
		switch {
		case n == 0:
			return 1
		case n%3 == 0:
			return a0(n/3) + 1
		case n%3 == 1:
			return 2 * a0(n/3)
		}
		return n/3 - a0(n/3)
	}
	r.allMatch(t, []refCase{
		{"a(n) = floor(n/2) + 2*a(floor(n/2)), a(0) = 0.", 0, 300, a136013},
		{"a(0)=0, a(n) = 2*a(floor(n/2)) + n - 1 for n > 0", 0, 300, a2},
		{"a(0)=0, a(n) = 2*a([n/2]) + n - 1 for n > 0", 0, 300, a2},
		{"a(1) = 0; thereafter a(2*n) = a(n) + 1, a(2*n+1) = 2*n.", 1, 300, a089265},
		{"a(2n) = n, a(2n+1) = a(n) + 1.", 0, 300, cases},
		{"a(0) = 1; a(3n) = a(n) + 1, a(3n+1) = 2a(n), a(3n+2) = n - a(n).", 0, 300, a0},
	})
	refuses(t,
		// two calls, a call not linear, two bases: read with a table of
		// terms instead (memrec_test.go)
		"a(n) = 2*a(floor(n/2)) + 1.",                   // no start
		"a(2n) = a(n) + 1, a(2n+1) = a(n).",             // no start: a(0) = a(0) + 1
		"a(2n) = a(n), a(2n+1) = a(n) + 1, a(3) = 2.",   // a(0) not given
		"a(n) = a(floor(n/2)) + 1 for odd n, a(0) = 0.", // a condition
		"a(1) = 1; a(n) = a(floor(n/3)) + 1 for n > 1.", // a(2) would call a(0)
	)
}
