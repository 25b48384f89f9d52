package formula

import (
	"math"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

func TestConditionals(t *testing.T) {
	r := newRunner(t)
	r.allMatch(t, []refCase{
		{"a(n) = (n+1)/2 if n is odd; a(n) = n/2 + 6 if n is even.", 0, 60, func(n int64) int64 {
			if n%2 == 1 {
				return (n + 1) / 2
			}
			return n/2 + 6
		}},
		{"a(n) = 1 if n is squarefree, otherwise 0.", 1, 80, func(n int64) int64 {
			if squarefreeRef(n) {
				return 1
			}
			return 0
		}},
		{"Sign(-n): a(n) = 1 if -n > 0, = -1 if -n < 0, = 0 if n = 0.", 0, 50, func(n int64) int64 {
			if n > 0 {
				return -1
			}
			return 0
		}},
		{"If n mod 3 = 0 then n/3 else n.", 0, 60, func(n int64) int64 {
			if n%3 == 0 {
				return n / 3
			}
			return n
		}},
		{"a(n) = if n mod 2 = 1 then n*(n - 1) else (n - 1)^2 + (n - 2)/2.", 0, 60, func(n int64) int64 {
			if n%2 == 1 {
				return n * (n - 1)
			}
			return (n-1)*(n-1) + (n-2)/2
		}},
		{"a(n) = 9*n+1 if n is odd and (n + (n mod 4))/4 if n is even.", 0, 60, func(n int64) int64 {
			if n%2 == 1 {
				return 9*n + 1
			}
			return (n + n%4) / 4
		}},
		{"a(n) = 1 if n is prime, 0 otherwise.", 0, 80, func(n int64) int64 {
			if isPrimeRef(n) {
				return 1
			}
			return 0
		}},
		{"Characteristic function of numbers that are not multiples of 12.", 0, 60, func(n int64) int64 {
			if n%12 != 0 {
				return 1
			}
			return 0
		}},
		{"Characteristic function of primes.", 0, 60, func(n int64) int64 {
			if isPrimeRef(n) {
				return 1
			}
			return 0
		}},
	})
	refuses(t,
		"a(n) = 1 if n is odd, 2 if n is prime.",        // the cases overlap at n = 3
		"a(n) = 1 if n is prime; a(n) = 0 if n is odd.", // n = 4 is in no case
		"a(n) = 1 if n is froopy, otherwise 0.",         // a condition not read
		"a(n) = 2*a(n-1) if n is odd, n if n is even.",  // a recurrence: not a value of n
		"Characteristic function of numbers that are wobbly.",
	)
}

func TestOddSquarefreeNumbers(t *testing.T) {
	newRunner(t).anyMatches(t, []refCase{{"Odd squarefree numbers.", 1, 60, func(n int64) int64 {
		return nthRef(n, 1, func(x int64) bool { return x%2 == 1 && squarefreeRef(x) })
	}}})
}

// TestShiftedReading: terms listed from a(0) of a formula stated for
// n >= 1 are read at n + 1; terms that fit the text as it counts, or at
// no shift, give no shifted candidate.
func TestShiftedReading(t *testing.T) {
	r := newRunner(t)
	ref := func(n int64) int64 { return primeRef(4*(n+1) - 3) } // a(0) = prime(1)
	var ys []int64
	for n := int64(0); n < 10; n++ {
		ys = append(ys, ref(n))
	}
	cs := Seeded("a(n) = prime(4*n-3).", 0, ys)
	found := false
	for _, c := range cs {
		if strings.HasPrefix(c.Expr, "shift1[") {
			found = true
			if !r.matches(c.Ops, 0, 70, ref) {
				t.Errorf("%s differs from prime(4n+1)", c.Expr)
			}
		}
	}
	if !found {
		t.Errorf("no shifted candidate: %v", cs)
	}
	asStated := make([]int64, 10) // a(1) = prime(1), ...: fits as the text counts
	for i := range asStated {
		asStated[i] = primeRef(4*int64(i+1) - 3)
	}
	for _, c := range Seeded("a(n) = prime(4*n-3).", 1, asStated) {
		if strings.HasPrefix(c.Expr, "shift1[") {
			t.Errorf("terms from a(1) that fit: shifted %s offered", c.Expr)
		}
	}
	ys[7]++ // one term off: no reading fits at any shift
	for _, c := range Seeded("a(n) = prime(4*n-3).", 0, ys) {
		if strings.HasPrefix(c.Expr, "shift1[") {
			t.Errorf("terms that fit at no shift: shifted %s offered", c.Expr)
		}
	}
}

// TestWhy: the measure test's diagnostic names the stage that failed.
func TestWhy(t *testing.T) {
	if got := parseStop("a(n) = n + frobnicate(n)."); !strings.Contains(got, "frobnicate") {
		t.Errorf("parseStop: %q, want the unknown function", got)
	}
	if got := parseStop("a(n) = n^2 + 1."); got != "" {
		t.Errorf("parseStop of a formula that parses: %q", got)
	}
	// 2^n wraps at n = 31 while floor(2^n/9) fits: refused there
	_, notes := seededWhy("a(n) = floor(2^n/9).", 0, nil)
	if len(notes) == 0 || !strings.HasPrefix(notes[0], "refused: mismatch at n=") {
		t.Errorf("notes %q, want a mismatch", notes)
	}
}

// TestIsqrtNewton: the lowering of isqrt against math's root, on every x
// up to 70,000, at and around each square to 46340^2, and at the top of
// i32; negatives give 0.
func TestIsqrtNewton(t *testing.T) {
	ops, err := lowerWith(call("isqrt", vr("n")), false)
	if err != nil {
		t.Fatal(err)
	}
	e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
	if err != nil {
		t.Fatal(err)
	}
	ref := func(x int64) int64 {
		if x < 1 {
			return 0
		}
		r := int64(math.Sqrt(float64(x)))
		for r*r > x {
			r--
		}
		for (r+1)*(r+1) <= x {
			r++
		}
		return r
	}
	check := func(x int64) {
		got, used, err := e.RunFuel([]int32{int32(x)}, 10_000)
		if err != nil || int64(got) != ref(x) {
			t.Fatalf("isqrt(%d) = %d, %v; want %d", x, got, err, ref(x))
		}
		if used > 600 {
			t.Fatalf("isqrt(%d) used %d fuel", x, used)
		}
	}
	for x := int64(-5); x <= 70_000; x++ {
		check(x)
	}
	for s := int64(2); s <= 46340; s += 7 {
		for _, d := range []int64{-1, 0, 1} {
			check(s*s + d)
		}
	}
	for _, x := range []int64{46340*46340 + 46340, 1<<31 - 1, 1 << 30, 1<<30 - 1} {
		check(x)
	}
}

// qformRef: the i-th prime (from 1) that is a*x^2 + b*x*y + c*y^2 for
// some integers x, y (x, y >= 0 where nonneg), by search over the box.
func qformRef(a, b, c int64, nonneg bool) func(int64) int64 {
	return func(i int64) int64 {
		return nthRef(i, 2, func(p int64) bool {
			if !isPrimeRef(p) {
				return false
			}
			r := int64(math.Sqrt(float64(p))) + 2
			lo := -r
			if nonneg {
				lo = 0
			}
			for x := lo; x <= r; x++ {
				for y := lo; y <= r; y++ {
					if a*x*x+b*x*y+c*y*y == p {
						return true
					}
				}
			}
			return false
		})
	}
}

func TestPrimesOfQuadraticForms(t *testing.T) {
	newRunner(t).anyMatches(t, []refCase{
		{"Primes of the form x^2 + 112*y^2.", 1, 30, qformRef(1, 0, 112, false)},
		{"Primes of the form 4x^2+4xy+23y^2.", 1, 30, qformRef(4, 4, 23, false)},
		{"Primes of the form x^2+xy+9y^2.", 1, 40, qformRef(1, 1, 9, false)},
		{"Primes of the form 7x^2+6xy+7y^2.", 1, 30, qformRef(7, 6, 7, false)},
		{"Primes of the form x^2 + 5x*y + y^2 for x and y nonnegative.", 1, 30, qformRef(1, 5, 1, true)},
	})
	refuses(t,
		"Primes of the form -2*x^2+4*x*y+5*y^2.", // indefinite over all integers
		"Primes of the form x^3 + y^3.",          // no quadratic form
		"Primes of the form x^2 + y^2 + x.",
		"Primes of the form x^2 - 5*x*y + y^2 for x and y nonnegative.", // a negative cross term
	)
}

// TestUsesFree: a sum's or a let's own variable is no variable of the
// list's; an enclosing one (n) is.
func TestUsesFree(t *testing.T) {
	sum := &node{k: kSum, name: "y_", kids: []*node{num(0), vr("x_"), add(vr("x_"), vr("y_"))}}
	if usesOther(sum, "x_") {
		t.Error("a sum's variable counted as another")
	}
	if !usesOther(add(sum, vr("n")), "x_") {
		t.Error("n not counted")
	}
	if usesOther(let("t_", vr("x_"), vr("t_")), "x_") {
		t.Error("a let's variable counted as another")
	}
	if !usesOther(let("t_", vr("n"), vr("t_")), "x_") {
		t.Error("n in a let's value not counted")
	}
}
