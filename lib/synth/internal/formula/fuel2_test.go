package formula

import (
	"strings"
	"testing"
)

// startTerms lists ys[i] = ref(x0 + i), i < 10.
func startTerms(x0 int64, ref func(int64) int64) []int64 {
	var ys []int64
	for n := x0; n < x0+10; n++ {
		ys = append(ys, ref(n))
	}
	return ys
}

// TestShiftedStart: terms listed from where the formula is first an
// integer, numbered from the data's offset, are read at n + s.
func TestShiftedStart(t *testing.T) {
	r := newRunner(t)
	p4 := func(n int64) int64 { p := primeRef(n + 4); return (p*p*p*p - 1) / 240 }      // a(0) = (7^4-1)/240
	pp := func(n int64) int64 { p := primeRef(primeRef(n + 1)); return (p*p - 1) / 24 } // a(1) = (5^2-1)/24
	for _, c := range []struct {
		text  string
		x0, s int64
		ref   func(int64) int64
		hi    int64
	}{
		{"a(n) = (prime(n)^4 - 1) / 240.", 0, 4, p4, 40},
		{"(Prime(prime(n))^2-1)/24.", 1, 1, pp, 25},
	} {
		found := false
		for _, cand := range Seeded(c.text, c.x0, startTerms(c.x0, c.ref)) {
			if !strings.HasPrefix(cand.Expr, "start") {
				continue
			}
			found = true
			if !strings.HasPrefix(cand.Expr, "start"+itoa(c.s)+"[") {
				t.Errorf("%q: %s, want a shift of %d", c.text, cand.Expr, c.s)
			}
			if !r.matches(cand.Ops, c.x0, c.hi, c.ref) {
				t.Errorf("%q: %s differs from the reference", c.text, cand.Expr)
			}
		}
		if !found {
			t.Errorf("%q: no shifted start", c.text)
		}
	}
}

// TestShiftedStartRefuses: no start shift where the terms fit as
// numbered, where they start past the first integer value, or where the
// formula is an integer at every n (the shift would be a guess).
func TestShiftedStartRefuses(t *testing.T) {
	p4 := func(n int64) int64 { p := primeRef(n); return (p*p*p*p - 1) / 240 }
	for _, c := range []struct {
		text string
		x0   int64
		ys   []int64
	}{
		// fits as numbered: a(4) = 10, ...
		{"a(n) = (prime(n)^4 - 1) / 240.", 4, startTerms(4, p4)},
		// a(0) = the value at n = 5, one past the first integer
		{"a(n) = (prime(n)^4 - 1) / 240.", 0, startTerms(5, p4)},
		// an integer everywhere: terms from n + 2 are not read
		{"a(n) = prime(n) + 1.", 1, startTerms(3, func(n int64) int64 { return primeRef(n) + 1 })},
	} {
		for _, cand := range Seeded(c.text, c.x0, c.ys) {
			if strings.HasPrefix(cand.Expr, "start") {
				t.Errorf("%q from a(%d) = %d: %s offered", c.text, c.x0, c.ys[0], cand.Expr)
			}
		}
	}
}
