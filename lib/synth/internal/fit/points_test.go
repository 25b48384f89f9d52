package fit

import "testing"

// TestPointsTribonacci: four first terms and one value far on decide
// tribonacci, and the program gives the native values to n = 37.
func TestPointsTribonacci(t *testing.T) {
	trib := []int64{0, 0, 1}
	for len(trib) < 38 {
		k := len(trib)
		trib = append(trib, trib[k-1]+trib[k-2]+trib[k-3])
	}
	ms := Points(0, trib[:4], []Point{{21, trib[21]}})
	if len(ms) != 1 {
		t.Fatalf("got %d models, want 1: %+v", len(ms), ms)
	}
	for n := int64(0); n < 38; n++ {
		if got := run(t, ms[0], n); int64(got) != trib[n] {
			t.Fatalf("%s: a(%d) = %d, want %d", ms[0].Formula, n, got, trib[n])
		}
	}
}

// TestPointsUndecided: too little evidence gives nothing; two behaviours
// that both fit come back as two models.
func TestPointsUndecided(t *testing.T) {
	if ms := Points(0, []int64{0, 1, 1, 0}, []Point{{9, 1}, {12, 0}}); len(ms) != 0 {
		t.Errorf("0/1 values: %d models, want none (too few bits)", len(ms))
	}
	if ms := Points(0, []int64{0, 1, 1, 2}, []Point{{4, 3}}); len(ms) != 0 {
		t.Errorf("a later point next to the run: %d models, want none", len(ms))
	}
	// a(n) = 2^n from 1, 2, 4 with a(20) = 2^20: 2a(n-1) and others agree
	ms := Points(0, []int64{1, 2, 4}, []Point{{20, 1 << 20}})
	if len(ms) != 1 || run(t, ms[0], 25) != 1<<25 {
		t.Errorf("powers of two: %+v", ms)
	}
}

// TestPointsNoFalseFits: functions that are no small linear recurrence
// (native references), given the way people give examples (a run of first
// terms and one or two values further on), never get a lone model that
// is wrong beyond the examples.
func TestPointsNoFalseFits(t *testing.T) {
	fact := func(n int64) int64 {
		r := int64(1)
		for k := int64(2); k <= n; k++ {
			r = int64(int32(r * k))
		}
		return r
	}
	prime := func(n int64) int64 {
		c := int64(0)
		for p := int64(2); ; p++ {
			q := true
			for d := int64(2); d*d <= p; d++ {
				if p%d == 0 {
					q = false
					break
				}
			}
			if q {
				if c++; c == n {
					return p
				}
			}
		}
	}
	fns := map[string]func(int64) int64{
		"n!":       fact,
		"prime(n)": func(n int64) int64 { return prime(n + 1) },
		"n^3+n!":   func(n int64) int64 { return int64(int32(n*n*n + fact(n))) },
		"n*prime":  func(n int64) int64 { return n * prime(n+1) },
		"2^n+n^2":  func(n int64) int64 { return int64(int32(1<<n + n*n)) },
		"catalan": func(n int64) int64 {
			c := int64(1)
			for k := int64(0); k < n; k++ {
				c = c * 2 * (2*k + 1) / (k + 2)
			}
			return int64(int32(c))
		},
		"n^n mod 1e9": func(n int64) int64 {
			r := int64(1)
			for k := int64(0); k < n; k++ {
				r = r * n % 1000000007
			}
			return r
		},
	}
	for name, f := range fns {
		for x0 := int64(0); x0 <= 1; x0++ {
			for k := 3; k <= 5; k++ {
				ys := make([]int64, k)
				for i := range ys {
					ys[i] = f(x0 + int64(i))
				}
				for gap := int64(2); gap <= 25; gap++ {
					x := x0 + int64(k) - 1 + gap
					ms := Points(x0, ys, []Point{{x, f(x)}})
					if len(ms) != 1 {
						continue
					}
					for n := x0; n <= x+16; n++ {
						if got := run(t, ms[0], n); int64(got) != int64(int32(f(n))) {
							t.Errorf("%s from %v and a(%d): lone model %s is wrong at %d (%d, want %d)", name, ys, x, ms[0].Formula, n, got, f(n))
							break
						}
					}
				}
			}
		}
	}
}
