package formula

import (
	"strings"
	"testing"
)

// tri2Cases: formulas that end where a table's text goes on ("read by",
// "is an ...", a range with no comma before it, ranges in parentheses),
// "mod 2" inside the formula, tables named by other capitals, and tables
// named by their formula or its numerators and denominators.
var tri2Cases = []refCase{
	{"Square array A(n,k) = (n+k)^2 read by antidiagonals, n, k >= 0.", 0, 100, diagRef(0, 0, true, func(n, k int64) int64 {
		return (n + k) * (n + k)
	})},
	{"Array T(n,k) = n*k + 2*n read by antidiagonals upwards, n,k >= 1.", 1, 100, diagRef(1, 1, true, func(n, k int64) int64 {
		return n*k + 2*n
	})},
	{"Triangle read by rows: T(n,k) = floor((k-1)*n^2/(2*k)) is an upper bound on something.", 1, 100, triRef(1, 1, 1, 0, func(n, k int64) int64 {
		return (k - 1) * n * n / (2 * k)
	})},
	{"T(n,k) = (k + 3*n - 2 - (k+n-2)*(-1)^(k+n))/2 n, k > 0, read by antidiagonals.", 1, 100, diagRef(1, 1, false, func(n, k int64) int64 {
		s := int64(1)
		if (k+n)%2 == 1 {
			s = -1
		}
		return (k + 3*n - 2 - (k+n-2)*s) / 2
	})},
	{"Triangle read by rows: T(n,k) = 1 + (n-1)*k  (n >= 1, 0 <= k <= n-1).", 1, 100, triRef(1, 1, 0, -1, func(n, k int64) int64 {
		return 1 + (n-1)*k
	})},
	{"Triangle read by rows: T(n,k) = binomial(n,k) mod 2.", 0, 100, triRef(0, 0, 0, 0, func(n, k int64) int64 {
		return binomialRef(n, k) % 2
	})},
	{"Square array read by antidiagonals: A(n,k) = n^k, n >= 1, k >= 0.", 1, 60, diagRef(1, 0, false, func(n, k int64) int64 {
		p := int64(1)
		for i := int64(0); i < k; i++ {
			p *= n
		}
		return p
	})},
	{"Rectangular array R by antidiagonals: R(n,k) = n + 3*k, n, k >= 1.", 1, 100, diagRef(1, 1, true, func(n, k int64) int64 {
		return n + 3*k
	})},
	{"Triangle of denominators of sum of two unit fractions: 1/n + 1/m, n >= m >= 1.", 1, 100, triRef(1, 1, 1, 0, func(n, m int64) int64 {
		return n * m / gcdRef(n+m, n*m)
	})},
	{"Triangle of numerators of k/n, 1 <= k <= n.", 1, 100, triRef(1, 1, 1, 0, func(n, k int64) int64 {
		return k / gcdRef(k, n)
	})},
	{"Triangle read by rows: T(n,k) = the denominator of (n+k)/(n*k), 1 <= k <= n.", 1, 100, triRef(1, 1, 1, 0, func(n, k int64) int64 {
		return n * k / gcdRef(n+k, n*k)
	})},
	{"Triangle of n*k + 3, 0 <= k <= n.", 0, 100, triRef(0, 0, 0, 0, func(n, k int64) int64 {
		return n*k + 3
	})},
}

func TestTri2Tables(t *testing.T) {
	newRunner(t).anyMatches(t, tri2Cases)
	refuses(t,
		"Triangle T(n,k) = binomial(n,k) read mod 2.",                      // mod 2 outside the formula
		"Pascal's triangle mod 2: T(n,k) = n + k.",                         // likewise
		"Triangle read by rows: T(n,k) = n + k n >= 0 if k is odd.",        // a case after the range
		"Triangle read by rows: T(n,k) = n*k is prime, 0 <= k <= n.",       // "is" not a description
		"Triangle read by rows: T(n,k) = n*k read by rows if n is even.",   // a case
		"Triangle T(n,k) = n*k (n >= 1, 0 <= k <= n, k odd) read by rows.", // not a range only
		"Triangle of row sums: n*k + 1, 0 <= k <= n.",                      // a description, no numerators
		"Triangle of n*k + 1.",                                             // no range: which letter is the row
		"Array of n*k + 1 read by antidiagonals.",                          // likewise
		"Triangle read by rows: T(n,k) = numerator of n + k, 0 <= k <= n.", // no fraction
		"Triangle of denominators of 1/n + 1/m, m <= n.",                   // no range that names the column
		"Triangle read by rows: C(n,k) = n + k, 0 <= k <= n.",              // C is the binomial
	)
}

func TestTableFormulaCut(t *testing.T) {
	// the range after "2 n" is not part of the formula; inside parentheses
	// or after an operator it is no range
	for _, tc := range []struct {
		text, want string
	}{
		{"T(n,k) = (n + k)/2 n, k > 0", "((r_+c_)/2)"},
		{"T(n,k) = n*k + 1 read by rows", "((r_*c_)+1)"},
		{"T(n,k) = 2*n + k n >= 0", "((2*r_)+c_)"},
		{"T(n,k) = (n + k) (n >= 1, 0 <= k <= n-1)", "(r_+c_)"},
	} {
		toks := lex(tc.text)
		x, end, ok := tableFormula(toks, 7, nil, "n", "k")
		if !ok {
			t.Errorf("%q: no formula", tc.text)
			continue
		}
		if got := rename(rename(x, "n", "r_"), "k", "c_").String(); got != tc.want {
			t.Errorf("%q: %s (to token %d), want %s", tc.text, got, end, tc.want)
		}
	}
}

// arrayRef computes a square array from r0, c0 up by a native recurrence:
// cell(n, k, get) with get reading cells already computed (0 outside).
func arrayRef(r0, c0 int64, ascending bool, cell func(n, k int64, get func(n, k int64) int64) int64) func(int64) int64 {
	vals := map[[2]int64]int64{}
	get := func(n, k int64) int64 { return vals[[2]int64{n, k}] }
	for n := r0; n < r0+30; n++ {
		for k := c0; k < c0+30; k++ {
			vals[[2]int64{n, k}] = cell(n, k, get)
		}
	}
	return diagRef(r0, c0, ascending, get)
}

var tri2RecCases = []refCase{
	{"Square array read by antidiagonals: A(n,k) = A(n-1,k) + A(n,k-1), A(0,k) = A(n,0) = 1.", 0, 100,
		arrayRef(0, 0, true, func(n, k int64, get func(n, k int64) int64) int64 {
			if n == 0 || k == 0 {
				return 1
			}
			return get(n-1, k) + get(n, k-1)
		})},
	{"Square array T[i,j]=T[i-1,j]+T[i-1,j-1], T[1,j]=j, T[i,1]=1, read by antidiagonals.", 1, 100,
		func() func(int64) int64 {
			f := arrayRef(1, 1, false, func(n, k int64, get func(n, k int64) int64) int64 {
				switch {
				case n == 1:
					return k
				case k == 1:
					return 1
				}
				return get(n-1, k) + get(n-1, k-1)
			})
			return f
		}()},
	{"Square array read by ascending antidiagonals: A(n,k) = A(n-1,k) + 2*A(n,k-1) for n, k >= 1, with A(0,k) = 1 and A(n,0) = n + 1.", 0, 100,
		arrayRef(0, 0, true, func(n, k int64, get func(n, k int64) int64) int64 {
			switch {
			case n == 0:
				return 1
			case k == 0:
				return n + 1
			}
			return get(n-1, k) + 2*get(n, k-1)
		})},
	{"Square array read by descending antidiagonals: A(n,k) = A(n-1,k+1) + A(n,k-1), A(0,k) = k + 1, A(n,0) = 1.", 0, 100,
		func() func(int64) int64 {
			// A(n-1,k+1) reaches along the row above: fill rows far enough out
			vals := map[[2]int64]int64{}
			for n := int64(0); n < 20; n++ {
				for k := int64(0); k < 40-n; k++ {
					switch {
					case n == 0:
						vals[[2]int64{n, k}] = k + 1
					case k == 0:
						vals[[2]int64{n, k}] = 1
					default:
						vals[[2]int64{n, k}] = vals[[2]int64{n - 1, k + 1}] + vals[[2]int64{n, k - 1}]
					}
				}
			}
			return diagRef(0, 0, false, func(n, k int64) int64 { return vals[[2]int64{n, k}] })
		}()},
}

func TestTri2Recurrences(t *testing.T) {
	newRunner(t).anyMatches(t, tri2RecCases)
	refuses(t,
		"Square array read by antidiagonals: A(n,k) = A(n-1,k) + A(n,k-1).",                                      // no boundary
		"Square array read by antidiagonals: A(n,k) = A(n-1,k) + A(n,k-1), A(0,k) = 1, A(n,0) = 1 if n is even.", // a case
		"Square array read by antidiagonals: A(n,k) = A(n-1,k) + A(n,k-1), A(0,k) = A(n,0) = 1, A(n,k) = n*k.",   // two definitions of a cell
		"Square array read by antidiagonals: A(n,k) = A(n+1,k) + 1, A(0,k) = A(n,0) = 1.",
		"Square array read by antidiagonals: A(n,k) = A(n-1,k) + A(n,k-1), A(0,k) = 1.",                      // A(1,0) reads A(1,-1), not given                        // reads ahead
		"Square array read by antidiagonals: A(n,k) = A(n-1,k) + A(n,k-1), A(0,k) = A(n,0) = 1, T(1,1) = 5.", // a second table
	)
}

// TestTriCellsSeed: with the sequence's first terms known, a table given
// by a recurrence is listed from the first term's index only.
func TestTriCellsSeed(t *testing.T) {
	text := "Square array T[i,j]=T[i-1,j]+T[i-1,j-1], T[1,j]=j, T[i,1]=1, read by antidiagonals."
	all := Candidates(text, 1)
	seeded := Seeded(text, 1, []int64{1, 2, 1, 3, 3, 1, 4, 5, 4, 1})
	if len(seeded) == 0 || len(seeded) >= len(all) {
		t.Fatalf("seeded from index 1: %d candidates, unseeded %d", len(seeded), len(all))
	}
	for _, c := range seeded {
		if !strings.Contains(c.Expr, "from 1") {
			t.Errorf("seeded from index 1, a reading %s", c.Expr)
		}
	}
}

// rowsOf lists rows 1, 2, ... of row(r), the first term at n = first.
func rowsOf(first int64, row func(r int64) []int64) func(int64) int64 {
	var list []int64
	for r := int64(1); len(list) < 300; r++ {
		list = append(list, row(r)...)
	}
	return func(n int64) int64 { return list[n-first] }
}

// divisorsWhere: the divisors d of r with ok(d), increasing.
func divisorsWhere(ok func(r, d int64) bool) func(r int64) []int64 {
	return func(r int64) []int64 {
		var out []int64
		for d := int64(1); d <= r; d++ {
			if r%d == 0 && ok(r, d) {
				out = append(out, d)
			}
		}
		return out
	}
}

var tri2RowCases = []refCase{
	{"Irregular triangle read by rows: row n lists the odd divisors of n in decreasing order.", 1, 100, rowsOf(1, func(r int64) []int64 {
		ds := divisorsWhere(func(_, d int64) bool { return d%2 == 1 })(r)
		for i, j := 0, len(ds)-1; i < j; i, j = i+1, j-1 {
			ds[i], ds[j] = ds[j], ds[i]
		}
		return ds
	})},
	{"Irregular triangle read by rows in which row n lists the divisors d of n such that d+1 is prime.", 1, 100,
		rowsOf(1, divisorsWhere(func(_, d int64) bool { return isPrimeRef(d + 1) }))},
	{"Irregular triangle read by rows: row n lists the distinct prime factors of n.", 1, 100,
		rowsOf(1, divisorsWhere(func(_, d int64) bool { return isPrimeRef(d) }))},
	{"Irregular triangle read by rows: row n lists the proper divisors of n.", 1, 100,
		rowsOf(1, divisorsWhere(func(r, d int64) bool { return d < r }))},
	{"Triangle read by rows: row n lists the divisors of n that are prime.", 1, 100, // tri2_rows.go reads it since 2026-11-30
		rowsOf(1, divisorsWhere(func(_, d int64) bool { return isPrimeRef(d) }))},
	{"Triangle read by rows: row n lists the divisors of n that are > 3.", 1, 100,
		rowsOf(1, divisorsWhere(func(_, d int64) bool { return d > 3 }))},
}

func TestTri2RowLists(t *testing.T) {
	newRunner(t).anyMatches(t, tri2RowCases)
	refuses(t,
		"Irregular triangle read by rows: row n lists the prime factors of n.", // with or without repetition
		"Irregular triangle read by rows: row n lists the lucky divisors of n.",
		"Irregular triangle read by rows: row n lists the odd divisors of n in random order.",
		"Irregular triangle read by rows: row n lists the odd divisors of 2n.",
	)
}

// stirling2Ref is S2(n,k) by the explicit sum (1/k!) Sum_j (-1)^j C(k,j)
// (k-j)^n, and stirling1Ref the coefficient of x^k in x(x+1)...(x+n-1),
// times (-1)^(n-k) if signed: not the recurrences the reader uses.
func stirling2Ref(n, k int64) int64 {
	var s, f int64 = 0, 1
	for j := int64(0); j <= k; j++ {
		p := int64(1)
		for i := int64(0); i < n; i++ {
			p *= k - j
		}
		if j%2 == 1 {
			p = -p
		}
		s += binomialRef(k, j) * p
	}
	for i := int64(2); i <= k; i++ {
		f *= i
	}
	return s / f
}

func stirling1Ref(n, k int64, signed bool) int64 {
	poly := []int64{1} // x(x+1)...(x+n-1), coefficient of x^k
	for i := int64(0); i < n; i++ {
		next := make([]int64, len(poly)+1)
		for j, a := range poly {
			next[j+1] += a
			next[j] += i * a
		}
		poly = next
	}
	if signed && (n-k)%2 == 1 {
		return -poly[k]
	}
	return poly[k]
}

var tri2NamedCases = []refCase{
	{"Triangle of Stirling numbers of 2nd kind, S(n,k), n >= 0, 0 <= k <= n.", 0, 60, triRef(0, 0, 0, 0, stirling2Ref)},
	{"Triangle read by rows: Stirling numbers of the second kind, 1 <= k <= n.", 1, 60, triRef(1, 1, 1, 0, stirling2Ref)},
	{"Triangle read by rows: unsigned Stirling numbers of the first kind.", 0, 60,
		triRef(0, 0, 0, 0, func(n, k int64) int64 { return stirling1Ref(n, k, false) })},
	{"Triangle of Stirling numbers of first kind, s(n,k), n >= 1, 1 <= k <= n.", 1, 60,
		triRef(1, 1, 1, 0, func(n, k int64) int64 { return stirling1Ref(n, k, true) })},
}

func TestTri2Stirling(t *testing.T) {
	newRunner(t).anyMatches(t, tri2NamedCases)
	refuses(t,
		"Stirling numbers of the second kind.", // no table
		"Triangle read by rows: Stirling numbers of the first kind (A008275) mod 2.",
		"Triangle of Stirling numbers of 2nd kind multiplied by k^k.",
		"Triangle of signed Stirling numbers of 2nd kind.",
		"Triangle of Stirling numbers of 2nd kind, n >= 1, 0 <= k <= n.", // rows and columns apart
	)
}
