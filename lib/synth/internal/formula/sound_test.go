package formula

import (
	"math/big"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// soundParse parses formula text over n.
func soundParse(t *testing.T, text string) *node {
	t.Helper()
	x, ok := parseN(text)
	if !ok {
		t.Fatalf("%q does not parse", text)
	}
	return x
}

// soundOps lowers formula text (over n) the plain way, as a program for the
// tests to set against another formula.
func soundOps(t *testing.T, text string) []ir.Op {
	t.Helper()
	x := soundParse(t, text)
	y, ok := normalize(x, false)
	if !ok {
		t.Fatalf("%q does not normalize", text)
	}
	ops, err := lowerWith(y, false)
	if err != nil {
		t.Fatalf("%q does not lower: %v", text, err)
	}
	return ops
}

// isqrtBigRef is the integer square root of a >= 0 by bisection (not
// math/big's Sqrt nor the package's Newton root).
func isqrtBigRef(a *big.Int) *big.Int { return irootRef(a, 2) }

// irootRef is the largest m >= 0 with m^q <= a, by bisection.
func irootRef(a *big.Int, q int64) *big.Int {
	lo, hi := big.NewInt(0), new(big.Int).Add(a, big.NewInt(1)) // lo^q <= a < hi^q
	one, qb := big.NewInt(1), big.NewInt(q)
	for new(big.Int).Sub(hi, lo).Cmp(one) > 0 {
		mid := new(big.Int).Add(lo, hi)
		mid.Rsh(mid, 1)
		if new(big.Int).Exp(mid, qb, nil).Cmp(a) <= 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

func pow64(b, e int64) *big.Int { return new(big.Int).Exp(big.NewInt(b), big.NewInt(e), nil) }

// TestSoundSkipRefused: a program that agrees with its formula at every n
// where the old scan compared them and differs (or has no formula value to
// match) at the others is refused; the old scan accepted each, comparing
// at the even n alone.
func TestSoundSkipRefused(t *testing.T) {
	for _, c := range []struct {
		formula, program string
		prog             func(n int64) *big.Int // the program's value, natively
		want             func(n int64) *big.Rat // the formula's value, natively; nil: irrational
	}{
		{"3^(n/2)", "3^floor(n/2)", func(n int64) *big.Int { return pow64(3, n/2) }, func(n int64) *big.Rat {
			if n%2 == 1 { // 3^n is no square at odd n
				return nil
			}
			return new(big.Rat).SetInt(pow64(3, n/2))
		}},
		{"n/2", "floor(n/2)", func(n int64) *big.Int { return big.NewInt(n / 2) }, func(n int64) *big.Rat { return big.NewRat(n, 2) }},
		{"floor(3^(n/2))", "3^floor(n/2)", func(n int64) *big.Int { return pow64(3, n/2) }, func(n int64) *big.Rat {
			return new(big.Rat).SetInt(isqrtBigRef(pow64(3, n)))
		}},
		{"round(2^(n/2))", "2^floor(n/2)", func(n int64) *big.Int { return pow64(2, n/2) }, func(n int64) *big.Rat {
			r := isqrtBigRef(new(big.Int).Mul(big.NewInt(4), pow64(2, n))) // floor(2*sqrt(2^n))
			return new(big.Rat).SetInt(r.Rsh(r.Add(r, big.NewInt(1)), 1))
		}},
	} {
		ops := soundOps(t, c.program)
		e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
		if err != nil {
			t.Fatal(err)
		}
		differs := false
		for n := int64(0); n <= 30; n++ {
			got, err := e.Run([]int32{int32(n)}, ir.DefaultFuel)
			if err != nil || big.NewInt(int64(got)).Cmp(c.prog(n)) != 0 {
				t.Fatalf("%s at n=%d: %d, want %v", c.program, n, got, c.prog(n))
			}
			w := c.want(n)
			agree := w != nil && w.IsInt() && w.Num().Cmp(c.prog(n)) == 0
			if n%2 == 0 && !agree {
				t.Fatalf("%s and %s differ at n=%d (the case needs them equal at every even n)", c.formula, c.program, n)
			}
			differs = differs || !agree
		}
		if !differs {
			t.Fatalf("%s and %s agree at every n", c.formula, c.program)
		}
		x := soundParse(t, c.formula)
		if why := agreesWhy(x, ops, nil); why == "" {
			t.Errorf("%s accepted as %s, equal at even n only", c.program, c.formula)
		} else {
			t.Logf("%s for %s refused: %s", c.program, c.formula, why)
		}
	}
}

// TestSoundRefuses: readings the old scan accepted after comparing them at
// the even n alone give no candidate.
func TestSoundRefuses(t *testing.T) {
	refuses(t,
		"a(n) = 3^(n/2).",          // irrational at odd n
		"a(n) = 5*7^(n/2).",        // likewise
		"a(n) = n/2.",              // no integer at odd n
		"a(n) = ceiling(5^(n/3)).", // the program took 5^floor(n/3)
	)
}

// TestSoundLeadingSkips: points before skipFloor where the formula is no
// integer do not refuse it (its domain opens later; lib/synth checks the
// first ten terms), and the program is right from there.
func TestSoundLeadingSkips(t *testing.T) {
	r := newRunner(t)
	r.anyMatches(t, []refCase{
		{"a(n) = (prime(n)^4 - 1)/240.", 4, 40, func(n int64) int64 {
			p := primeRef(n)
			return (p*p*p*p - 1) / 240
		}},
		{"a(n) = prime(n-2)^2.", 3, 60, func(n int64) int64 { p := primeRef(n - 2); return p * p }},
	})
}

// TestSoundRootsExact: floor, ceiling and round of rational powers, and
// rational powers that are rational, against native integer roots.
func TestSoundRootsExact(t *testing.T) {
	ev := func(text string, n int64) (*big.Rat, error) {
		v := evaluator{steps: 1_000_000}
		return v.eval(soundParse(t, text), n)
	}
	check := func(text string, n int64, want *big.Int) {
		t.Helper()
		r, err := ev(text, n)
		if err != nil || !r.IsInt() || r.Num().Cmp(want) != 0 {
			t.Errorf("%s at n=%d: %v (%v), want %v", text, n, r, err, want)
		}
	}
	for n := int64(0); n <= 90; n++ {
		check("floor(3^(n/2))", n, isqrtBigRef(pow64(3, n)))
		r := isqrtBigRef(new(big.Int).Mul(big.NewInt(4), pow64(3, n)))
		check("round(3^(n/2))", n, r.Rsh(r.Add(r, big.NewInt(1)), 1))
		c := irootRef(pow64(5, n), 3) // ceiling(5^(n/3))
		if new(big.Int).Exp(c, big.NewInt(3), nil).Cmp(pow64(5, n)) != 0 {
			c.Add(c, big.NewInt(1))
		}
		check("ceiling(5^(n/3))", n, c)
		m := big.NewInt(n*n + n) // floor((n^2+n)^(3/2) - n^3)
		check("floor((n^2+n)^(3/2) - n^3)", n, new(big.Int).Sub(isqrtBigRef(m.Exp(m, big.NewInt(3), nil)), pow64(n, 3)))
		check("floor(n^(2/3)/7 + 1/3)", n, big.NewInt(floorCubeThird(n)))
		check("(4^n)^(1/2)", n, pow64(2, n))
		check("(n^6)^(1/3)", n, big.NewInt(n*n))
		if n%2 == 1 {
			if _, err := ev("3^(n/2)", n); err != errUndefined {
				t.Errorf("3^(n/2) at n=%d: %v, want undefined (irrational)", n, err)
			}
		}
	}
	if _, err := ev("(n-9)^(1/3)", 1); err != errUndefined {
		t.Errorf("(-8)^(1/3): %v, want undefined", err)
	}
}

// floorCubeThird is floor(n^(2/3)/7 + 1/3) = floor((3*n^(2/3) + 7)/21):
// the largest m with (21*m - 7)^3 <= 27*n^2 where 21*m >= 7, by counting up.
func floorCubeThird(n int64) int64 {
	m := int64(0)
	for {
		c := 21*(m+1) - 7
		if c*c*c > 27*n*n {
			return m
		}
		m++
	}
}

// TestSoundTail: a scan cut short is accepted for the n it never ran only
// where the formula has a term there and the program reaches it: phi(m)
// has none for m < 1, so phi(90 - n) has none at n = 90..100 and
// phi(200 - n) has one at every n up to 100; a loop of n^3 steps for n^3
// (gcd(k, 1) summed n^3 times) runs out of ir.DefaultFuel by n = 100.
func TestSoundTail(t *testing.T) {
	for _, c := range []struct {
		formula, program string
		refused          bool
	}{
		{"phi(90 - n) + n", "phi(90 - n) + n", true},
		{"phi(200 - n) + n", "phi(200 - n) + n", false},
		{"n/2 + phi(200 - n)", "floor(n/2) + phi(200 - n)", true}, // no integer at odd n
		{"n^3", "Sum_{k=1..n^3} gcd(k, 1)", true},                 // a sum of a polynomial is read in closed form (wrapsafe_sum.go), this one loops
		{"n^3", "n^3", false},
	} {
		e, err := ir.Prepare(ir.Program{Arity: 1, Ops: soundOps(t, c.program)})
		if err != nil {
			t.Fatal(err)
		}
		s := scan{x: soundParse(t, c.formula), e: e, cut: "scan fuel", lastN: 40, v: evaluator{steps: scanSteps}}
		if why := s.tailWhy(); (why != "") != c.refused {
			t.Errorf("%s as %s cut at n=40: %q, want refused %v", c.program, c.formula, why, c.refused)
		}
	}
}

// TestSoundListUndefined: a list whose predicate is undefined from some
// value on ("x/3 is prime" at x = 40, past the primes below 40) has no
// term from there; the old scan compared the first twelve terms and
// passed over the rest. A program for the guarded list (x/3 prime only
// where 3 divides x) is refused for it, and accepted for the guarded
// formula itself.
func TestSoundListUndefined(t *testing.T) {
	x := vr("x_")
	below := &node{k: kCmp, name: "<", kids: []*node{x, num(40)}}
	guarded := or(and(below, &node{k: kIsPrime, kids: []*node{x}}),
		and(not(below), and(eq(bin(kMod, x, num(3)), num(0)), &node{k: kIsPrime, kids: []*node{bin(kDiv, x, num(3))}})))
	loose := or(and(below, &node{k: kIsPrime, kids: []*node{x}}),
		and(not(below), &node{k: kIsPrime, kids: []*node{bin(kDiv, x, num(3))}}))
	want := nthOf("x_", 0, 1, guarded)
	y, ok := normalize(want, false)
	if !ok {
		t.Fatal("the guarded list does not normalize")
	}
	ops, err := lowerWith(y, false)
	if err != nil {
		t.Fatal(err)
	}
	// natively: the primes below 40, then 3p for the primes p >= 14
	var ref []int64
	for m := int64(2); len(ref) < 60; m++ {
		if m < 40 && isPrimeRef(m) || m >= 40 && m%3 == 0 && isPrimeRef(m/3) {
			ref = append(ref, m)
		}
	}
	if !newRunner(t).matches(ops, 0, 59, func(n int64) int64 { return ref[n] }) {
		t.Fatal("the guarded list's program differs from the native list")
	}
	if why := agreesWhy(want, ops, nil); why != "" {
		t.Errorf("guarded list refused: %s", why)
	}
	if why := agreesWhy(nthOf("x_", 0, 1, loose), ops, nil); why == "" {
		t.Error("a list undefined from its 13th term on accepted")
	}
}
