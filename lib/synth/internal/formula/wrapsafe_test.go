package formula

import (
	"math/big"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// bigRef is a native reference computed in math/big (so it never wraps),
// as an int64: callers only compare it where it fits i32.
func bigRef(f func(n *big.Int) *big.Int) func(int64) int64 {
	return func(n int64) int64 { return f(big.NewInt(n)).Int64() }
}

func bmul(xs ...*big.Int) *big.Int {
	r := big.NewInt(1)
	for _, x := range xs {
		r.Mul(r, x)
	}
	return r
}

func badd(x *big.Int, c int64) *big.Int { return new(big.Int).Add(x, big.NewInt(c)) }

func bquo(x *big.Int, c int64) *big.Int { return new(big.Int).Quo(x, big.NewInt(c)) }

// TestWrapSafeFar: quotients of products by a constant and binomials by a
// constant, read from requests and names, are right where the product
// wraps and the value still fits i32 (n(n+1)/2 at 46341 <= n <= 65535, the
// bug a held-out request set found at n = 47841).
func TestWrapSafeFar(t *testing.T) {
	tri := bigRef(func(n *big.Int) *big.Int { return bquo(bmul(n, badd(n, 1)), 2) })
	pent := bigRef(func(n *big.Int) *big.Int {
		return bquo(bmul(n, badd(new(big.Int).Mul(n, big.NewInt(3)), -1)), 2)
	})
	sq := bigRef(func(n *big.Int) *big.Int {
		return bquo(bmul(n, badd(n, 1), badd(new(big.Int).Mul(n, big.NewInt(2)), 1)), 6)
	})
	c2 := bigRef(func(n *big.Int) *big.Int { return new(big.Int).Binomial(n.Int64(), 2) })
	c3 := bigRef(func(n *big.Int) *big.Int { return new(big.Int).Binomial(n.Int64(), 3) })
	c2m5 := func(n int64) int64 { return (n - 5) * (n - 6) / 2 } // binomial(n-5, 2), negative tops too
	newRunner(t).allMatch(t, []refCase{
		{"the n-th triangular number", 47835, 47845, tri},
		{"the n-th triangular number", 65525, 65535, tri},
		{"a(n) = n*(n+1)/2.", 0, 30, tri},
		{"a(n) = n*(n+1)/2.", 46336, 46346, tri},
		{"a(n) = n*(n+1)/2.", 59990, 60000, tri},
		{"a(n) = n*(3*n-1)/2.", 27000, 27010, pent},
		{"a(n) = n*(3*n-1)/2.", 37830, 37836, pent},
		{"a(n) = n*(n+1)*(2*n+1)/6.", 0, 30, sq},
		{"a(n) = n*(n+1)*(2*n+1)/6.", 1020, 1030, sq},
		{"a(n) = n*(n+1)*(2*n+1)/6.", 1855, 1860, sq},
		{"a(n) = binomial(n,2).", 0, 20, c2},
		{"a(n) = binomial(n,2).", 47836, 47846, c2},
		{"a(n) = binomial(n,2).", 65530, 65536, c2},
		{"a(n) = binomial(n,3).", 1625, 1635, c3},
		{"a(n) = binomial(n,3).", 2340, 2344, c3},
		{"a(n) = binomial(n-5,2).", 0, 20, c2m5},
		{"a(n) = binomial(n-5,2).", 65535, 65541, c2m5},
	})
}

// TestWrapSafeOnlyExact: only a quotient the divisor divides at every
// residue is split over its factors; a truncating one is not.
func TestWrapSafeOnlyExact(t *testing.T) {
	for s, want := range map[string]bool{
		"n*(n+1) div 2":              true,
		"n*(n+1)*(n+2) div 6":        true,
		"n*(3*n-1) div 2":            true,
		"n^2*(n^2-1) div 12":         true,
		"n*(n+1) div 4":              false, // 1*2/4 truncates
		"n*(n+2) div 3":              false,
		"n*k div 2":                  false, // two variables
		"(n+1) div 2":                false, // no product
		"n*(n+1)*(n+2) div 12":       false,
		"n*(n+1) div 1":              false,
		"n^2*(n+1)^2 div 4":          true,
		"(n^2+n) div 2":              true,
		"n*(n+1) div (n-1)":          false,
		"fib(n)*fib(n+1) div 2":      false, // no polynomial
		"n*(n+1)*(2*n+1) div 6":      true,
		"n*(n+1)*(2*n+1) div 12":     false,
		"(2*n+1)*(2*n+3) div 2":      false, // odd
		"(2*n)*(2*n+2) div 8":        true,
		"(2*n)*(2*n+2) div 16":       false,
		"n*(n-1)*(n-2)*(n-3) div 24": true,
	} {
		x := divTNode(t, s)
		if _, _, got := exactConstQuot(x); got != want {
			t.Errorf("%s: exactConstQuot %v, want %v", s, got, want)
		}
	}
}

// divTNode parses "a div c" as the node a div c (kDivT), c parsed too.
func divTNode(t *testing.T, s string) *node {
	t.Helper()
	i := strings.LastIndex(s, " div ")
	a, ok1 := parseWhole(s[:i], []string{"n", "k"})
	c, ok2 := parseWhole(s[i+5:], []string{"n", "k"})
	if !ok1 || !ok2 {
		t.Fatalf("%s: no parse", s)
	}
	return bin(kDivT, a, c)
}

// TestLcmFar: lcm(a, b) divides before it multiplies: right where a*b
// wraps and the lcm fits i32 (|a*b|/gcd gave 14100 for lcm(100000,
// 100000) and 0 for lcm(65536, 65536)).
func TestLcmFar(t *testing.T) {
	cs := Candidates("least common multiple of a and b", 2)
	if len(cs) == 0 {
		t.Fatal("no candidate")
	}
	e, err := ir.Prepare(ir.Program{Arity: 2, Ops: cs[0].Ops})
	if err != nil {
		t.Fatal(err)
	}
	vals := []int64{-100_000, -46_341, -7, -1, 1, 2, 6, 7, 1000, 46_341, 65_536, 99_999, 100_000, 1 << 30}
	for _, a := range vals {
		for _, b := range vals {
			g := gcd64(a, b)
			l := a / g * b
			if l < 0 {
				l = -l
			}
			if l > 1<<31-1 {
				continue
			}
			if got, err := e.Run([]int32{int32(a), int32(b)}, ir.DefaultFuel); err != nil || int64(got) != l {
				t.Errorf("lcm(%d, %d) = %d, %v; want %d", a, b, got, err, l)
			}
		}
	}
}

// TestSumClosedFar: a polynomial's sum over a range in closed form: right
// at any length of the range (the loop ran out of fuel at 200,000 passes)
// and wherever the sum fits i32.
func TestSumClosedFar(t *testing.T) {
	cubes := func(n int64) int64 { s := n * (n + 1) / 2; return s * s }
	sq2n := func(n int64) int64 {
		s := int64(0)
		for k := n; k <= 2*n; k++ {
			s += k * k
		}
		return s
	}
	newRunner(t).allMatch(t, []refCase{
		{"a(n) = Sum_{k=1..n} k^3.", 0, 20, cubes},
		{"a(n) = Sum_{k=1..n} k^3.", 295, 303, cubes},
		{"a(n) = Sum_{k=n..2*n} k^2.", 0, 20, sq2n},
		{"a(n) = Sum_{k=n..2*n} k^2.", 960, 972, sq2n},
	})
	cs := Candidates("sum of all integers from a to b", 2)
	if len(cs) == 0 {
		t.Fatal("no candidate")
	}
	e, err := ir.Prepare(ir.Program{Arity: 2, Ops: cs[0].Ops})
	if err != nil {
		t.Fatal(err)
	}
	ref := func(a, b int64) int64 {
		if b < a {
			return 0
		}
		return (a + b) * (b - a + 1) / 2
	}
	vals := []int64{-1_000_000, -100_000, -46_341, -7, -1, 0, 1, 2, 7, 46_341, 65_535, 99_999, 100_000, 1_000_000}
	for _, a := range vals {
		for _, b := range vals {
			want := ref(a, b)
			if want > 1<<31-1 || want < -1<<31 {
				continue
			}
			if got, err := e.Run([]int32{int32(a), int32(b)}, ir.DefaultFuel); err != nil || int64(got) != want {
				t.Errorf("sum from %d to %d = %d, %v; want %d", a, b, got, err, want)
			}
		}
	}
}

// TestBinSumSplit: a polynomial in its binomial basis (the far check's
// relowering) is exact where its value fits, n(n+1)/2 as n + C(n,2) at
// 47841 and n(n+1)(n+2)/6 as n + 2C(n,2) + C(n,3)... near 2344.
func TestBinSumSplit(t *testing.T) {
	for _, tc := range []struct {
		f    string
		ns   []int64
		want func(n int64) int64
	}{
		{"n*(n+1)/2", []int64{0, 1, 2, 46341, 47841, 55000, 65535}, func(n int64) int64 { return n * (n + 1) / 2 }},
		{"n*(n+1)*(n+2)/6", []int64{0, 1, 5, 1800, 2000, 2340}, func(n int64) int64 { return n * (n + 1) * (n + 2) / 6 }},
		{"n*(3*n-1)/2", []int64{0, 3, 27000, 37836}, func(n int64) int64 { return n * (3*n - 1) / 2 }},
	} {
		x, ok := parseWhole(tc.f, []string{"n"})
		if !ok {
			t.Fatalf("%s: no parse", tc.f)
		}
		y, ok := binomialBasis(x)
		if !ok {
			t.Fatalf("%s: no binomial basis", tc.f)
		}
		ops, err := lowerWith(y, true)
		if err != nil {
			t.Fatal(err)
		}
		e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range tc.ns {
			if got, err := e.Run([]int32{int32(n)}, ir.DefaultFuel); err != nil || int64(got) != tc.want(n) {
				t.Errorf("%s in its binomial basis at %d = %d, %v; want %d", tc.f, n, got, err, tc.want(n))
			}
		}
	}
}
