package formula

import "testing"

// linRef returns a(n) of a(n) = sum_j c[j-1]*a(n-j) + g(n), started from
// a(x0..x0+len(start)-1) = start: a native reference.
func linRef(x0 int64, start []int64, c []int64, g func(int64) int64) func(int64) int64 {
	return func(n int64) int64 {
		t := append([]int64(nil), start...)
		for i := x0 + int64(len(t)); i <= n; i++ {
			v := g(i)
			for j, cj := range c {
				v += cj * t[len(t)-1-j]
			}
			t = append(t, v)
		}
		return t[n-x0]
	}
}

func zero(int64) int64 { return 0 }

// terms are ref(x0..x0+k-1).
func terms(ref func(int64) int64, x0 int64, k int) []int64 {
	ys := make([]int64, k)
	for i := range ys {
		ys[i] = ref(x0 + int64(i))
	}
	return ys
}

func TestSeeded(t *testing.T) {
	r := newRunner(t)
	for _, tc := range []struct {
		text   string
		x0, to int64
		ref    func(int64) int64
	}{
		{"a(n) = 2*a(n-1) - a(n-3) + 2*a(n-4).", 0, 30, linRef(0, []int64{1, 1, 2, 3}, []int64{2, 0, -1, 2}, zero)},
		{"a(n) = a(n-1) + 3*a(n-2) - a(n-3) - 2*a(n-4), n > 3", 0, 30, linRef(0, []int64{0, 1, 2, 3}, []int64{1, 3, -1, -2}, zero)},
		{"a(n) = 3*a(n-1) - a(n-2) + n", 1, 20, linRef(1, []int64{1, 2}, []int64{3, -1}, func(n int64) int64 { return n })},
		{"a(n)=-4a(n-4).", 0, 40, linRef(0, []int64{1, 1, 1, 1}, []int64{0, 0, 0, -4}, zero)},
		// the first terms do not follow it: the text says where it starts
		{"a(n) = a(n-1) + a(n-2) for n > 4.", 0, 40, linRef(0, []int64{7, 0, 3, 9, 2}, []int64{1, 1}, zero)},
		{"A Fielder sequence: a(n) = a(n-1) + a(n-2) - a(n-7), n >= 8.", 1, 40, linRef(1, []int64{1, 3, 4, 7, 11, 18, 22}, []int64{1, 1, 0, 0, 0, 0, -1}, zero)},
		// the text gives one term of two; the terms agree with it
		{"a(n) = a(n-1) + 2*a(n-2), a(0) = 2.", 0, 28, linRef(0, []int64{2, 5}, []int64{1, 2}, zero)},
	} {
		t.Run(tc.text, func(t *testing.T) {
			cs := Seeded(tc.text, tc.x0, terms(tc.ref, tc.x0, 10))
			if len(cs) == 0 {
				t.Fatal("no candidate")
			}
			for _, c := range cs {
				if !r.matches(c.Ops, tc.x0, tc.to, tc.ref) {
					t.Errorf("candidate %s from %q differs from the reference on %d..%d", c.Expr, c.Source, tc.x0, tc.to)
				}
			}
			if got := Candidates(tc.text, 1); len(got) > 0 {
				t.Errorf("Candidates (no terms) gives %s", got[0].Expr)
			}
		})
	}
}

func TestSeededNone(t *testing.T) {
	fib := linRef(0, []int64{0, 1}, []int64{1, 1}, zero)
	for _, tc := range []struct {
		text string
		ys   []int64
	}{
		// the terms do not follow it from a(2) on
		{"a(n) = a(n-1) + a(n-2).", []int64{0, 1, 1, 2, 3, 5, 8, 13, 21, 35}},
		// it starts later than the text says
		{"a(n) = a(n-1) + a(n-2), n > 1.", []int64{7, 0, 3, 3, 6, 9, 15, 24, 39, 63}},
		// too few terms left to test it: 4 to start, 2 to check
		{"a(n) = a(n-1) + a(n-4).", terms(linRef(0, []int64{1, 1, 1, 1}, []int64{1, 0, 0, 1}, zero), 0, 6)},
		{"a(n) = a(n-1) + a(n-2) for n >= 8.", terms(fib, 0, 10)},
		// the text's term is not the first term
		{"a(n) = a(n-1) + a(n-2), a(0) = 1.", terms(fib, 0, 10)},
		// a conditional recurrence
		{"a(n) = a(n-1) + a(n-2) if n is odd.", terms(fib, 0, 10)},
	} {
		if cs := Seeded(tc.text, 0, tc.ys); len(cs) > 0 {
			t.Errorf("%q: %s", tc.text, cs[0].Expr)
		}
	}
}

// A divide-and-conquer recurrence with no start in the text starts from
// the first term.
func TestSeededDivideAndConquer(t *testing.T) {
	r := newRunner(t)
	var ref func(n int64) int64
	ref = func(n int64) int64 { // a(1) = 5, a(n) = 2*a(floor(n/2)) + n
		if n == 1 {
			return 5
		}
		return 2*ref(n/2) + n
	}
	text := "a(n) = 2*a(floor(n/2)) + n."
	cs := Seeded(text, 1, terms(ref, 1, 10))
	if len(cs) == 0 {
		t.Fatal("no candidate")
	}
	for _, c := range cs {
		if !r.matches(c.Ops, 1, 300, ref) {
			t.Errorf("candidate %s differs from the reference", c.Expr)
		}
	}
	if cs := Candidates(text, 1); len(cs) > 0 {
		t.Errorf("Candidates (no terms) gives %s", cs[0].Expr)
	}
	wrong := terms(ref, 1, 10)
	wrong[7]++
	if cs := Seeded(text, 1, wrong); len(cs) > 0 {
		t.Errorf("terms it does not reproduce: %s", cs[0].Expr)
	}
}
