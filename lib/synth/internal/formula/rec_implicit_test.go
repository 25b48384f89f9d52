package formula

import "testing"

// Recurrences written as equations between terms, against native
// references.
func TestImplicitRecurrences(t *testing.T) {
	r := newRunner(t)
	cubes := func(n int64) int64 { // a(n) + a(n+1) + a(n+2) = n^3, a(0) = a(1) = 0
		t := []int64{0, 0}
		for m := int64(2); m <= n; m++ {
			t = append(t, (m-2)*(m-2)*(m-2)-t[m-1]-t[m-2])
		}
		return t[n]
	}
	squares := func(n int64) int64 { // a(n-3) + ... + a(n) = 3*n^2, a(0..2) = 0, 1, 1
		t := []int64{0, 1, 1}
		for m := int64(3); m <= n; m++ {
			t = append(t, 3*m*m-t[m-1]-t[m-2]-t[m-3])
		}
		return t[n]
	}
	lin := func(n int64) int64 { // a(n+1) - 2*a(n) = n, a(0) = 1
		a := int64(1)
		for m := int64(1); m <= n; m++ {
			a = 2*a + m - 1
		}
		return a
	}
	for _, tc := range []struct {
		text   string
		seeded bool // no start in the text: the terms give it
		to     int64
		ref    func(int64) int64
	}{
		{"a(n) + a(n+1) + a(n+2) = n^3.", true, 100, cubes},
		{"For n >= 3, a(n-3) + a(n-2) + a(n-1) + a(n) = 3*n^2; a(0) = 0, a(1) = 1, a(2) = 1.", false, 100, squares},
		{"a(n+1) - 2*a(n) = n, a(0) = 1.", false, 29, lin},
	} {
		t.Run(tc.text, func(t *testing.T) {
			var cs []Candidate
			if tc.seeded {
				cs = Seeded(tc.text, 0, terms(tc.ref, 0, 10))
			} else {
				cs = Candidates(tc.text, 1)
			}
			if len(cs) == 0 {
				t.Fatal("no candidate")
			}
			for _, c := range cs {
				if !r.matches(c.Ops, 0, tc.to, tc.ref) {
					t.Errorf("candidate %s from %q differs from the reference", c.Expr, c.Source)
				}
			}
		})
	}
	refuses(t,
		"a(n)*a(n+2) - a(n+1)^2 = 1, a(0) = 1, a(1) = 2.", // not linear in its latest term
		"a(n) + n*a(n+1) = 1, a(0) = 1.",                  // a coefficient in n
		"a(n+1) - 2*a(n) = n.",                            // no start
		"a(n-1) + a(n) = n if n is odd, a(0) = 1.",        // a condition
	)
}
