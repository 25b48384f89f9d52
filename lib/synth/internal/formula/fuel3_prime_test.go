package formula

import (
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// primesBelow is a native sieve: the primes below top.
func primesBelow(top int64) []int64 {
	comp := make([]bool, top)
	var ps []int64
	for i := int64(2); i < top; i++ {
		if comp[i] {
			continue
		}
		ps = append(ps, i)
		for j := i * i; j < top; j += i {
			comp[j] = true
		}
	}
	return ps
}

// TestFuel3PrimeFar: the prime family's requests and names run within
// ir.DefaultFuel far past where the scan with a trial division per
// number ran out (the n-th prime at n = 1780, primepi at 15330, the sum
// of the primes up to n at 13900, the n-th composite at 12411), and
// give the native values there (interpreter and wazero).
func TestFuel3PrimeFar(t *testing.T) {
	ps := primesBelow(100000)
	nth := func(n int64) int64 { return ps[n-1] }
	pi := func(n int64) int64 {
		k := int64(0)
		for _, p := range ps {
			if p <= n {
				k++
			}
		}
		return k
	}
	sum := func(n int64) int64 {
		s := int64(0)
		for _, p := range ps {
			if p <= n {
				s += p
			}
		}
		return s
	}
	composite := func(n int64) int64 {
		for x := int64(4); ; x++ {
			if !isPrimeRef(x) {
				if n--; n == 0 {
					return x
				}
			}
		}
	}
	newRunner(t).anyMatches(t, []refCase{
		{"the n-th prime", 1, 30, nth},
		{"the n-th prime", 3000, 3003, nth},
		{"the n-th prime", 3510, 3512, nth},
		{"the n-th prime", 3513, 3514, nth}, // segments past the sieve
		{"the n-th prime", 8999, 9000, nth},
		{"a(n) = prime(n).", 3508, 3512, nth},
		{"Number of primes <= n.", 0, 40, pi},
		{"Number of primes <= n.", 32760, 32767, pi},
		{"Number of primes <= n.", 32768, 32770, pi},
		{"Number of primes <= n.", 65534, 65536, pi},
		{"Number of primes <= n.", 95999, 96000, pi},
		{"Sum of primes <= n.", 25000, 25002, sum},
		{"the n-th composite number", 20000, 20001, composite},
	})
}

// TestFuel3IsPrimeLean: the sieved primality test with sieveTop in word 0
// against a native test, around 0, 2, the sieve's top and beyond it.
func TestFuel3IsPrimeLean(t *testing.T) {
	ops, err := lowerSieveLean(un(kIsPrime, vr("n")), false)
	if err != nil {
		t.Fatal(err)
	}
	e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
	if err != nil {
		t.Fatal(err)
	}
	var xs []int64
	for x := int64(-5); x <= 60; x++ {
		xs = append(xs, x)
	}
	for x := int64(sieveTop - 40); x <= sieveTop+40; x++ {
		xs = append(xs, x)
	}
	xs = append(xs, 1<<31-1, 1_000_003, 999_999_937, 65537*65537%(1<<31), 46337*46337, 32749*32749, 16381, 16383, 7919*3)
	for _, x := range xs {
		got, err := e.Run([]int32{int32(x)}, ir.DefaultFuel)
		want := int32(0)
		if isPrimeRef(x) {
			want = 1
		}
		if err != nil || got != want {
			t.Errorf("isprime(%d) = %d, %v; want %d", x, got, err, want)
		}
	}
}

// TestFuel3PrimeFallback: past the sieve (prime(i) for i > 3512, primepi
// of m >= 32768) the program scans as before and stays right.
func TestFuel3PrimeFallback(t *testing.T) {
	for _, tc := range []struct {
		x    *node
		n    int64
		want int64
	}{
		{call("prime", vr("n")), 3513, 32771},
		{call("prime", vr("n")), 1, 2},
		{call("prime", vr("n")), 2, 3},
		{call("primepi", vr("n")), 32768, 3512},
		{call("primepi", vr("n")), 32771, 3513},
		{call("primepi", vr("n")), 2, 1},
		{call("primepi", vr("n")), 1, 0},
		{call("primepi", vr("n")), -7, 0},
	} {
		ops, err := lowerSieveLean(tc.x, false)
		if err != nil {
			t.Fatal(err)
		}
		e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
		if err != nil {
			t.Fatal(err)
		}
		if got, err := e.Run([]int32{int32(tc.n)}, ir.DefaultFuel); err != nil || int64(got) != tc.want {
			t.Errorf("%s at %d = %d, %v; want %d", tc.x, tc.n, got, err, tc.want)
		}
	}
}

// TestFuel3Segments: prime(i) and primepi(m) past the sieve, from its
// segments, against a native sieve at each segment's edges.
func TestFuel3Segments(t *testing.T) {
	ps := primesBelow(100_000)
	seg := int64(2 * segLen)
	for _, f := range []*node{call("prime", vr("n")), call("primepi", vr("n"))} {
		ops, err := lowerSieveSeg(f, false)
		if err != nil {
			t.Fatal(err)
		}
		e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
		if err != nil {
			t.Fatal(err)
		}
		var ns []int64
		if f.name == "prime" {
			ns = []int64{-3, 0, 1, 2, 3512, 3513, 6000, 6300, 9000}
		} else {
			ns = []int64{-5, 0, 1, 2, 3, 32767, 32768, 32769, sieveTop + seg - 1, sieveTop + seg, sieveTop + seg + 1, 95_000}
		}
		for _, n := range ns {
			var want int64
			switch {
			case f.name == "prime" && n <= 1:
				want = 2 // the scan's value
			case f.name == "prime":
				want = ps[n-1]
			default:
				for _, p := range ps {
					if p <= n {
						want++
					}
				}
			}
			if got, err := e.Run([]int32{int32(n)}, ir.DefaultFuel); err != nil || int64(got) != want {
				t.Errorf("%s at %d = %d, %v; want %d", f, n, got, err, want)
			}
		}
	}
	if segmentable(bin(kAdd, call("primepi", vr("n")), un(kIsPrime, vr("n")))) || segmentable(call("prime", call("primepi", vr("n")))) {
		t.Error("a formula with another prime test read as segmentable")
	}
}
