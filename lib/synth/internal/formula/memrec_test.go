package formula

import (
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// memo is a native reference for a recurrence with history: term i is
// f(i, a) where a reads the terms before i (from i0; start gives the first).
func memo(i0 int64, start []int64, f func(i int64, a func(int64) int64) int64) func(int64) int64 {
	ts := append([]int64(nil), start...)
	a := func(j int64) int64 { return ts[j-i0] }
	return func(n int64) int64 {
		for int64(len(ts)) <= n-i0 {
			ts = append(ts, f(i0+int64(len(ts)), a))
		}
		return ts[n-i0]
	}
}

// catalanRef is binomial(2n, n)/(n+1), by its product formula.
func catalanRef(n int64) int64 {
	c := int64(1)
	for k := int64(0); k < n; k++ {
		c = c * 2 * (2*k + 1) / (k + 2)
	}
	return c
}

// bellRef is the n-th Bell number by the Bell triangle (Aitken's array),
// not by the binomial sum the text states.
func bellRef(n int64) int64 {
	row := []int64{1}
	for i := int64(0); i < n; i++ {
		next := []int64{row[len(row)-1]}
		for _, x := range row {
			next = append(next, next[len(next)-1]+x)
		}
		row = next
	}
	return row[0]
}

var memRecCases = []refCase{
	{"a(n) = a(n-1) + a(floor(n/2)), a(0) = 1.", 0, 100, memo(0, []int64{1}, func(i int64, a func(int64) int64) int64 {
		return a(i-1) + a(i/2)
	})},
	{"a(n) = a(n-1) + a([n/2]) + 1, a(1) = 1.", 1, 100, memo(1, []int64{1}, func(i int64, a func(int64) int64) int64 {
		return a(i-1) + a(i/2) + 1
	})},
	// not linear in the call, or two bases: no divide and conquer (dnc.go)
	{"a(n) = a(floor(n/2))^2 + 1, a(0) = 1.", 0, 31, memo(0, []int64{1}, func(i int64, a func(int64) int64) int64 {
		return a(i/2)*a(i/2) + 1
	})},
	{"a(n) = a(floor(n/2)) + a(floor(n/3)), a(0) = 1.", 0, 300, memo(0, []int64{1}, func(i int64, a func(int64) int64) int64 {
		return a(i/2) + a(i/3)
	})},
	// Conolly's sequence (Hofstadter-like: the indices are earlier terms)
	{"a(1) = a(2) = 1; a(n) = a(n-1 - a(n-1)) + a(n-1 - a(n-2)).", 1, 300, memo(1, []int64{1, 1}, func(i int64, a func(int64) int64) int64 {
		return a(i-1-a(i-1)) + a(i-1-a(i-2))
	})},
	{"a(1)=1, then for n>=2 a(n) = n - floor((1/3)*a(a(n-1))).", 1, 300, memo(1, []int64{1}, func(i int64, a func(int64) int64) int64 {
		return i - a(a(i-1))/3
	})},
	{"a(n) = Sum_{k=0..n-1} a(k)*a(n-1-k), a(0) = 1.", 0, 19, catalanRef},
	{"a(n) = Sum_{k=0..n-1} binomial(n-1,k)*a(k), a(0) = 1.", 0, 15, bellRef},
	{"a(n) = 1 + Sum_{d|n, d<n} a(d).", 1, 200, memo(1, nil, func(i int64, a func(int64) int64) int64 {
		s := int64(1)
		for d := int64(1); d < i; d++ {
			if i%d == 0 {
				s += a(d)
			}
		}
		return s
	})},
	{"a(n) = 1 + Sum_{ k < n and k | n} a(k).", 1, 200, memo(1, nil, func(i int64, a func(int64) int64) int64 {
		s := int64(1)
		for d := int64(1); d < i; d++ {
			if i%d == 0 {
				s += a(d)
			}
		}
		return s
	})},
	// digit and prime-factor phrases of earlier terms
	{"a(n+1) = a(n) + sum of digits of a(n)^2, with a(1) = 8.", 1, 300, memo(1, []int64{8}, func(i int64, a func(int64) int64) int64 {
		s := int64(0)
		for x := a(i-1) * a(i-1); x > 0; x /= 10 {
			s += x % 10
		}
		return a(i-1) + s
	})},
	{"a(1)=1, a(n) = n + (sum of distinct primes dividing a(n-1)).", 1, 300, memo(1, []int64{1}, func(i int64, a func(int64) int64) int64 {
		s, x := int64(0), a(i-1)
		for p := int64(2); p <= x; p++ {
			if x%p == 0 {
				s += p
				for x%p == 0 {
					x /= p
				}
			}
		}
		return i + s
	})},
	{"a(n) = 1 - Sum_{k=2..n} (-1)^k * a(floor(n/k)).", 1, 150, memo(1, nil, func(i int64, a func(int64) int64) int64 {
		s := int64(1)
		for k := int64(2); k <= i; k++ {
			s -= (1 - 2*(k%2)) * a(i/k)
		}
		return s
	})},
	// a sum written with an ellipsis: twice the previous term
	{"a(n) = a(1) + a(2) + ... + a(n-1) + 1, a(1) = 1.", 1, 31, func(n int64) int64 { return 1 << (n - 1) }},
	{"Hexanacci numbers: a(n+1) = a(n)+...+a(n-5) with a(0)=...=a(4)=0, a(5)=1.", 0, 37, memo(0, []int64{0, 0, 0, 0, 0, 1}, func(i int64, a func(int64) int64) int64 {
		return a(i-1) + a(i-2) + a(i-3) + a(i-4) + a(i-5) + a(i-6)
	})},
}

func TestMemRecurrences(t *testing.T) {
	newRunner(t).allMatch(t, memRecCases)
}

// A proper divisor sum with its bound written in the braces.
func TestDivisorBound(t *testing.T) {
	newRunner(t).allMatch(t, []refCase{
		{"a(n) = Sum_{j|n, 1 < j < n} phi(j).", 1, 200, func(n int64) int64 { return max(0, n-phiRef(n)-1) }},
		{"a(n) = Sum_{d|n, d > 1} d^2.", 1, 200, func(n int64) int64 { return divisorSum(n, 2) - 1 }},
	})
}

// A reading that reaches outside the terms it has, or computes a
// non-integer, or contradicts a term the text gives, is none.
func TestMemRecurrencesRefused(t *testing.T) {
	refuses(t,
		"a(n) = a(n+1) + 1, a(0) = 1.",                                // a later term
		"a(n) = a(floor(n/2)) + a(n-3), a(0) = 1.",                    // a(1) reads a(-2)
		"a(n) = a(n-1)/2 + a(floor(n/2)), a(0) = 1.",                  // a(1) = 3/2
		"a(n) = a(n-1) + a(floor(n/2)), a(0) = 1, a(3) = 7.",          // a(3) is 6
		"a(n) = a(n-1) + a(floor(n/2)) if n is odd, a(0) = 1.",        // a case
		"a(n) = a(n-1) + a(floor(n/2)).",                              // no start
		"a(1) = 1; a(n) = a(n - a(n-1)) + a(n-1 - a(n-1)) for n > 1.", // a(2) reads a(0)
	)
}

// Seeded starts a recurrence with history from the fewest first terms
// that define it, and keeps it only if it reproduces the rest.
func TestMemSeeded(t *testing.T) {
	r := newRunner(t)
	ref := memo(1, []int64{3}, func(i int64, a func(int64) int64) int64 { return a(i-1) + a(i/2) })
	text := "a(n) = a(n-1) + a(floor(n/2))."
	cs := Seeded(text, 1, terms(ref, 1, 10))
	if len(cs) == 0 {
		t.Fatal("no candidate")
	}
	for _, c := range cs {
		if !r.matches(c.Ops, 1, 100, ref) {
			t.Errorf("candidate %s differs from the reference", c.Expr)
		}
	}
	wrong := terms(ref, 1, 10)
	wrong[6]++
	if cs := Seeded(text, 1, wrong); len(cs) > 0 {
		t.Errorf("terms it does not reproduce: %s", cs[0].Expr)
	}
}

// compRef is a native reference for a complementary equation, as
// Kimberling's programs compute it: a(i) from the recurrence, then b(i)
// the least positive integer in neither a(0..i) nor b(0..i-1); where
// a(i) reads b(i) (bFirst), b(i) comes first, from a(0..i-1).
func compRef(as, bs []int64, bFirst bool, f func(i int64, a, b func(int64) int64) int64) func(int64) int64 {
	a, b := append([]int64(nil), as...), append([]int64(nil), bs...)
	mex := func() int64 {
		used := map[int64]bool{}
		for _, y := range a {
			used[y] = true
		}
		for _, y := range b {
			used[y] = true
		}
		c := int64(1)
		for used[c] {
			c++
		}
		return c
	}
	at := func(s *[]int64) func(int64) int64 { return func(j int64) int64 { return (*s)[j] } }
	return func(n int64) int64 {
		for i := int64(len(a)); i <= n; i++ {
			for int64(len(b)) < i {
				b = append(b, mex())
			}
			if bFirst && int64(len(b)) == i {
				b = append(b, mex())
			}
			a = append(a, f(i, at(&a), at(&b)))
			for int64(len(b)) <= i {
				b = append(b, mex())
			}
		}
		return a[n]
	}
}

func TestComplementaryEquations(t *testing.T) {
	newRunner(t).allMatch(t, []refCase{
		{"Solution of the complementary equation a(n) = a(n-2) + 2*b(n-2), where a(0) = 1, a(1) = 2, b(0) = 3, and (a(n)) and (b(n)) are increasing complementary sequences.",
			0, 100, compRef([]int64{1, 2}, []int64{3}, false, func(i int64, a, b func(int64) int64) int64 { return a(i-2) + 2*b(i-2) })},
		{"Solution of the complementary equation a(n) = a(n-1) + a(n-2) + b(n) + 2*n, where a(0) = 1, a(1) = 2, b(0) = 3, b(1) = 4, b(2) = 5, and (a(n)) and (b(n)) are increasing complementary sequences.",
			0, 38, compRef([]int64{1, 2}, []int64{3, 4, 5}, true, func(i int64, a, b func(int64) int64) int64 { return a(i-1) + a(i-2) + b(i) + 2*i })},
		{"Solution of the complementary equation a(n) = a(0)*b(n-1) + a(1)*b(n-2), where a(0) = 1, a(1) = 2, b(0) = 3, and (a(n)) and (b(n)) are increasing complementary sequences.",
			0, 300, compRef([]int64{1, 2}, []int64{3}, false, func(i int64, a, b func(int64) int64) int64 { return a(0)*b(i-1) + a(1)*b(i-2) })},
	})
	refuses(t,
		// a(1) = 2 is b(0)
		"Solution of the complementary equation a(n) = a(n-1) + b(n-1) - 1, where a(0) = 1, b(0) = 2, and (a(n)) and (b(n)) are increasing complementary sequences.",
		// a decreases
		"Solution of the complementary equation a(n) = b(n-1) - a(n-1), where a(0) = 1, a(1) = 3, b(0) = 2, and (a(n)) and (b(n)) are increasing complementary sequences.",
		// no b to start from
		"Solution of the complementary equation a(n) = a(n-1) + b(n-1), where a(0) = 1, and (a(n)) and (b(n)) are increasing complementary sequences.",
	)
}

// Cases by residue class that read earlier terms, a recurrence written in
// another letter, and letters defined after the recurrence.
func TestMemCasesAndDefinitions(t *testing.T) {
	newRunner(t).allMatch(t, []refCase{
		{"Rooted at a(0)=0 and a(1)=a(2)=a(3)=1, 4 cases of index mod 4: a(4n)=4*a(n), a(4n+1)= 3*a(n)+a(n+1), a(4n+2) = 2*a(n)+2*a(n+1), and a(4n+3) = a(n)+3*a(n+1).",
			0, 300, memo(0, []int64{0, 1, 1, 1}, func(i int64, a func(int64) int64) int64 {
				n, r := i/4, i%4
				return (4-r)*a(n) + r*a(n+1)
			})},
		{"a(0) = 0; a(1) = 1; a(2*n) = 2*a(n), a(2*n+1) = 2*a(n) + (-1)^a(n+1).", 0, 300, memo(0, []int64{0, 1}, func(i int64, a func(int64) int64) int64 {
			if i%2 == 0 {
				return 2 * a(i/2)
			}
			return 2*a(i/2) + 1 - 2*(a(i/2+1)&1)
		})},
		{"a(1) = 1, a(m+1) = 2*Sum_{k=1..floor((m+1)/2)} a(k).", 1, 30, memo(1, []int64{1}, func(i int64, a func(int64) int64) int64 {
			s := int64(0)
			for k := int64(1); k <= i/2; k++ {
				s += a(k)
			}
			return 2 * s
		})},
		{"a(n) = a(n-1) + a(m) for n >= 4, where m = n - 1 - 2^p and p is the unique integer such that 2^p < n - 1 <= 2^(p+1), starting with a(1) = a(2) = 1 and a(3) = 4.",
			1, 200, memo(1, []int64{1, 1, 4}, func(i int64, a func(int64) int64) int64 {
				p := int64(0) // 2^p < i-1 <= 2^(p+1)
				for !(int64(1)<<p < i-1 && i-1 <= int64(1)<<(p+1)) {
					p++
				}
				return a(i-1) + a(i-1-(int64(1)<<p))
			})},
		// by the parity of n
		{"a(1)=1, a(n)=2*a(n-1) if n is odd, or a(n)=a(n/2)+1 if n is even.", 1, 300, memo(1, []int64{1}, func(i int64, a func(int64) int64) int64 {
			if i%2 == 1 {
				return 2 * a(i-1)
			}
			return a(i/2) + 1
		})},
		{"a(1)=1, a(n) = a(n-1) + n^4 if n odd, a(n) = a(n-1) + n^2 if n is even.", 1, 60, memo(1, []int64{1}, func(i int64, a func(int64) int64) int64 {
			if i%2 == 1 {
				return a(i-1) + i*i*i*i
			}
			return a(i-1) + i*i
		})},
	})
	refuses(t,
		"a(n) = a(n-1) + 1 if n is odd, a(0) = 1.",                              // no even case
		"a(n) = a(n-1) + 1 if n is odd, a(n) = 2*a(n-1) if n is odd, a(0) = 1.", // the same case twice
		"a(2n) = a(n) + a(n+1), a(0) = 1.",                                      // no a(2n+1)
		"a(2n) = a(n) + a(n+1), a(2n+1) = a(n+1), a(0) = 1.",                    // a(1) reads a(1)
		"a(n) = a(m) + 1 for n >= 2, where m = n + 1 - 2^p and p is the unique integer such that 2^p < n <= 2^(p+1), with a(1) = 1.", // a(2) reads a(2)
	)
}

// rowsRef lists a triangle by rows: rows from r0, columns c0..last(r) of
// each, entry n (from base) is cell(r, c).
func rowsRef(base, r0, c0 int64, last func(r int64) int64, cell func(r, c int64) int64) func(int64) int64 {
	return func(n int64) int64 {
		j, r := n-base, r0
		for j > last(r)-c0 {
			j -= last(r) - c0 + 1
			r++
		}
		return cell(r, c0+j)
	}
}

func binomRef(n, k int64) int64 {
	if k < 0 || k > n {
		return 0
	}
	b := int64(1)
	for i := int64(1); i <= k; i++ {
		b = b * (n - k + i) / i
	}
	return b
}

func TestMemTriangles(t *testing.T) {
	pow := func(b, e int64) int64 {
		p := int64(1)
		for ; e > 0; e-- {
			p *= b
		}
		return p
	}
	var s053218 func(r, c int64) int64
	s053218 = func(r, c int64) int64 { // T(n,1) = n, T(n,k) = T(n,k-1) + T(n-1,k-1)
		if c == 1 {
			return r
		}
		return s053218(r, c-1) + s053218(r-1, c-1)
	}
	ident := func(r int64) int64 { return r }
	var s2 func(r, c int64) int64
	s2 = func(r, c int64) int64 { // T(n,0) = T(n,n) = 1, T(n,k) = k*T(n-1,k) + T(n-1,k-1)
		if c == 0 || c == r {
			return 1
		}
		return c*s2(r-1, c) + s2(r-1, c-1)
	}
	newRunner(t).anyMatches(t, []refCase{
		{"Triangle read by rows: T(0,0) = 1; T(n,k) = T(n-1,k) + 9 * T(n-2,k-1) for k = 0..floor(n/2); T(n,k)=0 for n or k < 0.",
			0, 80, rowsRef(0, 0, 0, func(r int64) int64 { return r / 2 }, func(r, c int64) int64 { return binomRef(r-c, c) * pow(9, c) })},
		{"Triangle read by rows: T(0,0) = 1; T(n,k) = -T(n-1,k) + 2 T(n-1,k-1) for k = 0,1,...,n; T(n,k)=0 for n or k < 0.",
			0, 100, rowsRef(0, 0, 0, ident, func(r, c int64) int64 { return binomRef(r, c) * pow(2, c) * pow(-1, r-c) })},
		{"Triangle read by rows: T(n,k) = T(n,k-1) + T(n-1,k-1) for k >= 2 with T(n,1) = n.",
			1, 150, rowsRef(1, 1, 1, ident, s053218)},
		{"Triangle read by rows: T(n,0) = T(n,n) = 1; T(n,k) = k*T(n-1,k) + T(n-1,k-1).",
			0, 90, rowsRef(0, 0, 0, ident, s2)},
	})
	var b2 func(r, c int64) int64
	b2 = func(r, c int64) int64 { // T(n,0) = 1, T(n,n) = 2, Pascal's rule inside
		switch {
		case c == 0:
			return 1
		case c == r:
			return 2
		}
		return b2(r-1, c-1) + b2(r-1, c)
	}
	newRunner(t).anyMatches(t, []refCase{
		{"Triangle T(n,k) read by rows: T(n,0) = 1, T(n,n) = 2, T(n,k) = T(n-1,k-1) + T(n-1,k) for 0 < k < n.", 0, 150, rowsRef(0, 0, 0, ident, b2)},
	})
	refuses(t,
		// the recurrence holds for 0 < k < n, and nothing gives T(n,0) or T(n,n)
		"Triangle read by rows: T(n,k) = T(n-1,k-1) + T(n-1,k) for 0 < k < n, T(0,0) = 1, T(n,k) = 0 for k < 0 or k > n.",
		// T(1,0) reads T(0,-1), which the text does not say is 0
		"Triangle read by rows: T(0,0) = 1; T(n,k) = T(n-1,k) + T(n-1,k-1).",
		// two recurrences
		"Triangle read by rows: T(n,k) = T(n-1,k) + 1; T(n,k) = T(n-1,k-1) + 2; T(0,0) = 1; T(n,k)=0 for n or k < 0.",
	)
}

// kolakoskiCheck reports whether seq (a(1), a(2), ...) is a prefix of
// the Kolakoski sequence over p, q: runs of p, q, p, ... whose lengths
// are the sequence itself (the last run may be cut short).
func kolakoskiCheck(seq []int64, p, q int64) bool {
	var runs []int64 // lengths of the runs of equal values (adjacent runs differ: p != q)
	for i, x := range seq {
		if i == 0 || x != seq[i-1] {
			sym := p
			if len(runs)%2 == 1 {
				sym = q
			}
			if x != sym {
				return false
			}
			runs = append(runs, 1)
		} else {
			runs[len(runs)-1]++
		}
	}
	for r, l := range runs[:len(runs)-1] {
		if l != seq[r] {
			return false
		}
	}
	return runs[len(runs)-1] <= seq[len(runs)-1]
}

func TestKolakoski(t *testing.T) {
	r := newRunner(t)
	for _, tc := range []struct {
		text string
		p, q int64
	}{
		{"Kolakoski-(1,5) sequence: a(n) is length of n-th run.", 1, 5},
		{"Kolakoski-(4,2) sequence: a(n) is length of n-th run.", 4, 2},
		{"Kolakoski sequence: a(n) is length of n-th run; a(1) = 1; sequence consists just of 1's and 2's.", 1, 2},
	} {
		cs := Candidates(tc.text, 1)
		if len(cs) != 1 {
			t.Fatalf("%q: %d candidates", tc.text, len(cs))
		}
		e, err := ir.Prepare(ir.Program{Arity: 1, Ops: cs[0].Ops})
		if err != nil {
			t.Fatal(err)
		}
		var seq []int64
		for n := int32(1); n <= 500; n++ {
			v, err := e.Run([]int32{n}, ir.DefaultFuel)
			if err != nil {
				t.Fatalf("%q at %d: %v", tc.text, n, err)
			}
			seq = append(seq, int64(v))
		}
		if !kolakoskiCheck(seq, tc.p, tc.q) {
			t.Errorf("%q: %v is not its own run-length encoding", tc.text, seq[:30])
		}
		r.matches(cs[0].Ops, 1, 200, func(n int64) int64 { return seq[n-1] }) // wazero agrees
	}
	if kolakoskiCheck([]int64{1, 2, 2, 1, 1, 2, 2}, 1, 2) { // 1,2,2,1,1,2,1 is the sequence
		t.Error("kolakoskiCheck accepts a wrong prefix")
	}
	refuses(t, "Kolakoski-(3,3) sequence.", "Bisection of Kolakoski sequence A000002.")
}
