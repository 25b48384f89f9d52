package fit

import (
	"math/rand/v2"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// run is the model's a(n) in the reference interpreter.
func run(t *testing.T, m Model, n int64) int32 {
	t.Helper()
	v, err := ir.Interpret(ir.Program{Name: "fit", Arity: 1, Ops: m.Ops}, []int32{int32(n)}, ir.DefaultFuel)
	if err != nil {
		t.Fatalf("%s (%s): a(%d): %v", m.Method, m.Formula, n, err)
	}
	return v
}

// Sequences generated natively in Go: the first model must extend each
// one exactly, far beyond the terms it was shown.
func TestSequenceExtends(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	type gen struct {
		name   string
		method string
		a      func(n int64) int64
	}
	fib := func(n int64) int64 {
		a, b := int64(0), int64(1)
		for ; n > 0; n-- {
			a, b = b, a+b
		}
		return a
	}
	var gens []gen
	for i := 0; i < 20; i++ {
		c := [4]int64{rng.Int64N(41) - 20, rng.Int64N(41) - 20, rng.Int64N(21) - 10, rng.Int64N(7) + 1}
		gens = append(gens, gen{"cubic", "poly3", func(n int64) int64 { return c[0] + c[1]*n + c[2]*n*n + c[3]*n*n*n }})
	}
	gens = append(gens,
		gen{"triangular", "poly2", func(n int64) int64 { return n * (n + 1) / 2 }},
		gen{"fibonacci", "linrec2", fib},
		gen{"pell-like", "linrec2", func(n int64) int64 {
			a, b := int64(1), int64(3)
			for ; n > 0; n-- {
				a, b = b, 2*b+a
			}
			return a
		}},
		gen{"2^n-n", "linrec2+k", func(n int64) int64 { return 1<<n - n }},
		gen{"period", "period3", func(n int64) int64 { return []int64{4, -1, 7}[n%3] }},
		gen{"congruent {0,4,6} mod 7", "lag3+k", func(n int64) int64 { return 7*(n/3) + []int64{0, 4, 6}[n%3] }},
		gen{"n!", "holo1", func(n int64) int64 {
			f := int64(1)
			for k := int64(2); k <= n; k++ {
				f *= k
			}
			return f
		}},
		gen{"a(n) = n*a(n-1) + 1", "holo1", func(n int64) int64 {
			a := int64(1)
			for k := int64(1); k <= n; k++ {
				a = k*a + 1
			}
			return a
		}},
		gen{"tribonacci", "linrec3", func(n int64) int64 {
			a, b, c := int64(0), int64(0), int64(1)
			for ; n > 0; n-- {
				a, b, c = b, c, a+b+c
			}
			return a
		}},
	)
	for _, g := range gens {
		for _, x0 := range []int64{0, 1} {
			ys := make([]int64, 12)
			for i := range ys {
				ys[i] = g.a(x0 + int64(i))
			}
			ms := Sequence(x0, ys)
			if len(ms) == 0 {
				t.Errorf("%s from %d: no model", g.name, x0)
				continue
			}
			m := ms[0]
			if m.Method != g.method {
				t.Errorf("%s from %d: first model %s (%s), want %s", g.name, x0, m.Method, m.Formula, g.method)
			}
			for n := x0; n < x0+30; n++ {
				want := g.a(n)
				if want != int64(int32(want)) {
					break
				}
				if got := run(t, m, n); int64(got) != want {
					t.Errorf("%s from %d: %s (%s): a(%d) = %d, want %d", g.name, x0, m.Method, m.Formula, n, got, want)
					break
				}
			}
		}
	}
}

// Each model reproduces the terms it was given, on sequences with no
// structure too (where models, if any, are coincidences).
func TestModelsReproduceTerms(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 300; trial++ {
		ys := make([]int64, 10)
		for i := range ys {
			ys[i] = rng.Int64N(7) - 3
			if trial%3 == 0 {
				ys[i] = int64(i % (1 + trial%5))
			}
		}
		x0 := int64(trial % 2)
		for _, m := range Sequence(x0, ys) {
			if m.Used+m.Surplus != len(ys) || m.Surplus < 1 {
				t.Errorf("%v: %s uses %d with surplus %d of %d", ys, m.Method, m.Used, m.Surplus, len(ys))
			}
			for i, y := range ys {
				if got := run(t, m, x0+int64(i)); int64(got) != y {
					t.Fatalf("%v: %s (%s): a(%d) = %d, want %d", ys, m.Method, m.Formula, x0+int64(i), got, y)
				}
			}
		}
	}
}

// The continued fraction of sqrt(14), [3; 1, 2, 1, 6, 1, 2, 1, 6, ...]:
// periodic after its first term.
func TestPrePeriod(t *testing.T) {
	cf := func(i int64) int64 {
		if i == 0 {
			return 3
		}
		return []int64{1, 2, 1, 6}[(i-1)%4]
	}
	ys := make([]int64, 10)
	for i := range ys {
		ys[i] = cf(int64(i))
	}
	ms := Sequence(1, ys)
	if len(ms) == 0 || ms[0].Method != "pre1period4" {
		t.Fatalf("models %+v", ms)
	}
	for i := int64(0); i < 40; i++ {
		if got := run(t, ms[0], 1+i); int64(got) != cf(i) {
			t.Fatalf("a(%d) = %d, want %d", 1+i, got, cf(i))
		}
	}
}

// Whatever the terms, every model Sequence returns reproduces them in the
// interpreter and accounts for them (Used + Surplus).
func FuzzSequence(f *testing.F) {
	f.Add([]byte{0, 1, 1, 2, 3, 5, 8, 13, 21, 34}, uint8(0))
	f.Add([]byte{1, 2, 1, 2, 1, 2, 1, 2}, uint8(1))
	f.Add([]byte{255, 254, 250, 240, 200, 100, 0, 1, 2, 3, 4, 5}, uint8(1))
	f.Fuzz(func(t *testing.T, b []byte, start uint8) {
		if len(b) < 3 || len(b) > 16 {
			return
		}
		ys := make([]int64, len(b))
		for i, v := range b {
			ys[i] = int64(int8(v)) * int64(1+i%3)
		}
		x0 := int64(start % 3)
		for _, m := range Sequence(x0, ys) {
			if m.Used+m.Surplus != len(ys) || m.Surplus < 1 {
				t.Fatalf("%v: %s uses %d with surplus %d", ys, m.Method, m.Used, m.Surplus)
			}
			for i, y := range ys {
				if got := run(t, m, x0+int64(i)); int64(got) != y {
					t.Fatalf("%v: %s (%s): a(%d) = %d, want %d", ys, m.Method, m.Formula, x0+int64(i), got, y)
				}
			}
		}
	})
}
