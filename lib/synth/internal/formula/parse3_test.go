package formula

import (
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// TestSpilledLocals: formulas whose loops nest past ir.NumLocals locals
// lower with their outermost locals in memory and compute native
// references (interpreter and wazero).
func TestSpilledLocals(t *testing.T) {
	primePi := func(p int64) int64 {
		c := int64(0)
		for q := int64(2); q <= p; q++ {
			if isPrimeRef(q) {
				c++
			}
		}
		return c
	}
	// row n, column k of a triangle read by rows from n = 0
	cell := func(m int64) (n, k int64) {
		for n = 0; m > n; n++ {
			m -= n + 1
		}
		return n, m
	}
	cases := []refCase{
		{"a(n) = Sum_{p|n} p^(pi(p) mod 2).", 1, 100, func(n int64) int64 {
			s := int64(0)
			for p := int64(2); p <= n; p++ {
				if n%p == 0 && isPrimeRef(p) {
					s += []int64{1, p}[primePi(p)%2]
				}
			}
			return s
		}},
		{"Triangle T(n,k) by rows, n >= 0, 0<=k<=n: T(n,k) = Sum_{i=0..n-k} binomial(n-k,i) *Sum_{j=0..k-i} binomial(i,j).", 0, 90, func(m int64) int64 {
			n, k := cell(m)
			s := int64(0)
			for i := int64(0); i <= n-k; i++ {
				in := int64(0)
				for j := int64(0); j <= k-i; j++ {
					in += binomialRef(i, j)
				}
				s += binomialRef(n-k, i) * in
			}
			return s
		}},
		{"a(n) = Sum_{k=1..n} Sum_{d|k} d^(omega(d) mod 2).", 1, 100, func(n int64) int64 {
			s := int64(0)
			for k := int64(1); k <= n; k++ {
				for d := int64(1); d <= k; d++ {
					if k%d == 0 {
						s += []int64{1, d}[distinctPrimesRef(d)%2]
					}
				}
			}
			return s
		}},
		{"a(n) = Sum_{d|n} Sum_{e|d} sigma(e)^2.", 1, 100, func(n int64) int64 {
			s := int64(0)
			for d := int64(1); d <= n; d++ {
				for e := int64(1); e <= d; e++ {
					if n%d == 0 && d%e == 0 {
						s += sigmaRef(e) * sigmaRef(e)
					}
				}
			}
			return s
		}},
	}
	r := newRunner(t)
	r.anyMatches(t, cases)
	// each needs the memory: no candidate lowers without it
	for _, tc := range cases {
		spilled := false
		for _, c := range Candidates(tc.text, 1) {
			for _, op := range c.Ops {
				spilled = spilled || op == ir.OpMemLoad
			}
		}
		if !spilled {
			t.Errorf("%q: no candidate keeps a local in memory", tc.text)
		}
	}
}

// TestSpillGuard: in spill mode a construct that writes a local opcode
// itself, or touches memory, fails the lowering instead of mixing with
// the spilled locals; a formula that fits the registers is not spilled.
func TestSpillGuard(t *testing.T) {
	for _, op := range []ir.Op{ir.OpMemLoad, ir.OpMemStore, ir.LocalGet(3), ir.LocalTee(7)} {
		e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}, spill: 2}
		var ops []ir.Op
		var err error
		func() {
			defer caught(&ops, &err)
			e.emit(ir.OpConst1, op)
		}()
		if err == nil || !strings.Contains(err.Error(), "spill mode") {
			t.Errorf("opcode %d emitted directly in spill mode: err %v", op, err)
		}
	}
	x, _, ok := parseAt(lex("Sum_{k=1..n} k^2"), 0, "n")
	if !ok {
		t.Fatal("no parse")
	}
	ops, err := lowerProgram(x)
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range ops {
		if op == ir.OpMemLoad || op == ir.OpMemStore {
			t.Fatalf("a formula that fits the registers is spilled: %v", ops)
		}
	}
}

// distinctPrimesRef is omega(n), the number of distinct primes dividing n.
func distinctPrimesRef(n int64) int64 {
	c := int64(0)
	for p := int64(2); p <= n; p++ {
		if n%p == 0 && isPrimeRef(p) {
			c++
		}
	}
	return c
}

// TestRestrictedLetter: a formula whose letter the clause after it
// restricts to a kind ("for p prime") is not read over every n; a letter
// the clause defines ("where p is the n-th prime") or a kind said of
// something else ("prime divisors of j") still reads.
func TestRestrictedLetter(t *testing.T) {
	refuses(t,
		"p^2 mod 24 for p prime.",
		"p^2 mod 24, p prime.",
		"2^k + 1, k composite.",
		"2^(2p-2) modulo p^3 for p=odd primes.",
		"p^2 - 1 for primes p.",
		"p^2 mod 24 where p runs over the primes.",
		"(p^2 - 1)/24 for p >= 5 prime.",
		"k^2 + 1 for k not prime.",
		"n^2 + 1 for n prime.",
		"3*m + 1, m squarefree.",
		// a clause that keeps some of the letter's values, not bounds
		"n^2 + 1 for n not divisible by 3.",
		"a(n) = n^2 + 1 for n coprime to 10.",
		"k^2 + 1 for k == 1 (mod 4).",
		"k^2 + 1 for k = 1 mod 4.",
		"k^2 + 1 where k is not a multiple of 3.",
		"k^2 + 1, k a Fibonacci number.",
		"a(n) = n^2 + 1 for n in A005117.",
		"k^2 + 1 for k = 3m + 1.",
		"x^2 + 1 for x >= 1 not a square.",
		"a(n) = n^2 + 1 for nonsquares n.",
		"n^2 + 1 for triangular n.",
	)
	nthPrime := func(n int64) int64 {
		for p := int64(2); ; p++ {
			if isPrimeRef(p) {
				if n--; n == 0 {
					return p
				}
			}
		}
	}
	newRunner(t).anyMatches(t, []refCase{
		{"a(n) = (p+1)*(p+2)*(p+3)/6 where p is the n-th prime.", 1, 60, func(n int64) int64 {
			p := nthPrime(n)
			return (p + 1) * (p + 2) * (p + 3) / 6
		}},
		{"a(n) = Sum_{j=1..n} bigomega(j), where bigomega(j) is the number of prime divisors of j, counted with multiplicity.", 1, 100, func(n int64) int64 {
			s := int64(0)
			for j := int64(2); j <= n; j++ {
				s += bigOmegaRef(j)
			}
			return s
		}},
		// bounds on the letter are no restriction
		{"a(n) = n^2 + 3 with n >= 0 and n <= 100.", 0, 100, func(n int64) int64 { return n*n + 3 }},
		{"a(n) = 2n+1 for n = 0..20.", 0, 20, func(n int64) int64 { return 2*n + 1 }},
		{"a(n) = n^2 + 3 for n = 1, 2, 3, ...", 1, 100, func(n int64) int64 { return n*n + 3 }},
		{"a(n) = n^3 - 1 for positive n.", 1, 100, func(n int64) int64 { return n*n*n - 1 }},
		{"a(n) = n^3 + 1 for all n >= 0.", 0, 100, func(n int64) int64 { return n*n*n + 1 }},
		{"k^2 + 1 for k >= 1 (offset 1).", 1, 100, func(n int64) int64 { return n*n + 1 }},
		{"a(n) = n^2 + n + 41, the sum of the first n primes plus 41 at n = 0.", 0, 100, func(n int64) int64 { return n*n + n + 41 }},
	})
}
