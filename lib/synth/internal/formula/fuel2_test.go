package formula

import (
	"math/big"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
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

// wheelProgram lowers isprime(n) with the wheel (plain: without).
func wheelProgram(t *testing.T, wheel bool) *ir.Exec {
	t.Helper()
	e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}, wheel: wheel}
	ops, err := e.program(un(kIsPrime, bin(kAdd, vr("n"), num(0)))) // a value, not a bare variable
	if err != nil {
		t.Fatal(err)
	}
	x, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// TestIsPrimeWheel: the wheel's test against trial division by every
// number, on -5..20000 and on values near 2^31 (where d*d would wrap),
// and its fuel on a large prime against isPrime's.
func TestIsPrimeWheel(t *testing.T) {
	w, plain := wheelProgram(t, true), wheelProgram(t, false)
	check := func(x int64) {
		got, err := w.Run([]int32{int32(x)}, ir.DefaultFuel)
		want := int32(0)
		if isPrimeRef(x) {
			want = 1
		}
		if err != nil || got != want {
			t.Errorf("isprime(%d): %d, %v; want %d", x, got, err, want)
		}
	}
	for x := int64(-5); x <= 20000; x++ {
		check(x)
	}
	// 2^31-1 and 2147483629 are prime, 46337*46349 and 46327^2 are not,
	// 46340^2 + 1 is past the last block's d*d
	for _, x := range []int64{1<<31 - 1, 2147483629, 46337 * 46349, 46327 * 46327, 46340*46340 + 1, 2147483647 - 2, 1000000007, 999999937 * 2} {
		if x < 1<<31 {
			check(x)
		}
	}
	_, fw, err1 := w.RunFuel([]int32{1000000007}, ir.DefaultFuel)
	_, fp, err2 := plain.RunFuel([]int32{1000000007}, ir.DefaultFuel)
	if err1 != nil || err2 != nil || 10*fw > 6*fp {
		t.Errorf("fuel on 1000000007: wheel %d (%v), isPrime %d (%v); want the wheel under 0.6 of it", fw, err1, fp, err2)
	}
}

// TestWheelReadings: lists whose plain programs run out of fuel at n =
// 100 are read with the wheel.
func TestWheelReadings(t *testing.T) {
	newRunner(t).anyMatches(t, []refCase{
		{"Numbers m such that m^3 + m + 1 is prime.", 1, 100, func(n int64) int64 {
			return nthRef(n, 1, func(m int64) bool { return isPrimeRef(m*m*m + m + 1) })
		}},
		{"Numbers n such that (n-1)*n^2/2-1 is prime.", 1, 100, func(n int64) int64 {
			return nthRef(n, 1, func(m int64) bool { return isPrimeRef((m-1)*m*m/2 - 1) })
		}},
	})
}

// TestOnceReadings: a form that names the list's term twice binds it
// once (one scan, not two).
func TestOnceReadings(t *testing.T) {
	ref := func(n int64) int64 {
		p := nthRef(n, 2, func(p int64) bool { return isPrimeRef(p) && isPrimeRef(p*p-p-1) })
		return p*p - p - 1
	}
	newRunner(t).anyMatches(t, []refCase{{"Primes of the form p^2 - p - 1, where p is prime.", 1, 100, ref}})
	for _, c := range Candidates("Primes of the form p^2 - p - 1, where p is prime.", 1) {
		if !strings.Contains(c.Expr, "let_(once_") {
			t.Errorf("%s: the list's term not bound once", c.Expr)
		}
	}
	if f := onceOf(bin(kAdd, vr("x_"), num(1)), nthOf("x_", 1, 2, un(kIsPrime, vr("x_")))); f.k == kCall && f.name == "let_" {
		t.Errorf("a form that names x_ once is bound: %s", f)
	}
}

// TestBitwise32: AND, OR and XOR on all 32 bits against Go's int32
// operators, on operands that wrap to either sign.
func TestBitwise32(t *testing.T) {
	a := func(n int32) int32 { return n * n * n * 1000003 }
	b := func(n int32) int32 { return n*7919 - 5 }
	an := bin(kMul, bin(kMul, bin(kMul, vr("n"), vr("n")), vr("n")), num(1000003))
	bn := bin(kSub, bin(kMul, vr("n"), num(7919)), num(5))
	for name, op := range map[string]func(x, y int32) int32{
		"bitand": func(x, y int32) int32 { return x & y },
		"bitor":  func(x, y int32) int32 { return x | y },
		"bitxor": func(x, y int32) int32 { return x ^ y },
	} {
		e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}, bits32: true}
		ops, err := e.program(call(name, an, bn))
		if err != nil {
			t.Fatal(err)
		}
		x, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
		if err != nil {
			t.Fatal(err)
		}
		for n := int32(-300); n <= 300; n++ {
			got, err := x.Run([]int32{n}, ir.DefaultFuel)
			if want := op(a(n), b(n)); err != nil || got != want {
				t.Errorf("%s at n=%d: %d, %v; want %d", name, n, got, err, want)
				break
			}
		}
	}
}

// TestBitwiseRecurrence: a recurrence whose sums wrap while its XOR
// still fits in i32.
func TestBitwiseRecurrence(t *testing.T) {
	ref := func(n int64) int64 {
		a, b := uint64(1), uint64(3) // a(1), a(2)
		if n == 1 {
			return 1
		}
		for i := int64(3); i <= n; i++ {
			a, b = b, b^(b+a)
		}
		return int64(b)
	}
	last := int64(1)
	for ref(last+1) < 1<<31 {
		last++
	}
	if last < 30 {
		t.Fatalf("the reference leaves i32 at n=%d", last+1)
	}
	newRunner(t).anyMatches(t, []refCase{{"a(n) = a(n-1) XOR (a(n-1) + a(n-2)), with a(1)=1, a(2)=3, where XOR is the binary exclusive OR operation.", 1, last, ref}})
}

// TestGcdReduced: the gcd of a power past i32 and a small number, from
// the power's residue.
func TestGcdReduced(t *testing.T) {
	gcd := func(a, b int64) int64 {
		for b != 0 {
			a, b = b, a%b
		}
		return max(a, -a)
	}
	powMod := func(b, e, m int64) int64 { // b^e mod m, m >= 1
		r := int64(1) % m
		for ; e > 0; e-- {
			r = r * (b % m) % m
		}
		return r
	}
	ref := func(n int64) int64 { // Sum_{i=1..n} gcd(n^(n-i), n-i); gcd(x, 0) = x (n^0 = 1 at i = n)
		s := int64(0)
		for i := int64(1); i <= n; i++ {
			if m := n - i; m == 0 {
				s++
			} else {
				s += gcd(powMod(n, m, m), m)
			}
		}
		return s
	}
	newRunner(t).anyMatches(t, []refCase{{"a(n) = Sum_{i=1..n} gcd(n^(n-i),n-i).", 1, 100, ref}})
}

// TestBigDigitsConstantPower: digit functions of a varying base to a
// constant power past i32, from the long number.
func TestBigDigitsConstantPower(t *testing.T) {
	first := func(v *big.Int) int64 { return int64(v.String()[0] - '0') }
	sum := func(v *big.Int) int64 {
		s := int64(0)
		for _, c := range v.String() {
			s += int64(c - '0')
		}
		return s
	}
	pow := func(n, k int64) *big.Int { return new(big.Int).Exp(big.NewInt(n), big.NewInt(k), nil) }
	newRunner(t).anyMatches(t, []refCase{
		{"Initial decimal digit of n^6.", 1, 100, func(n int64) int64 { return first(pow(n, 6)) }},
		{"Sum of digits of n^7.", 0, 100, func(n int64) int64 { return sum(pow(n, 7)) }},
	})
}
