package formula

import "testing"

// listRef serves list[n - first].
func listRef(first int64, list []int64) func(int64) int64 {
	return func(n int64) int64 { return list[n-first] }
}

// repeatRef lists v(r), len(r) times, for r = r0, r0+1, ...
func repeatRef(r0 int64, v, l func(int64) int64) []int64 {
	var list []int64
	for r := r0; len(list) < 400; r++ {
		for range max(0, l(r)) {
			list = append(list, v(r))
		}
	}
	return list
}

// polyPowRef is the coefficients of p^e, lowest first.
func polyPowRef(p []int64, e int64) []int64 {
	out := []int64{1}
	for range e {
		next := make([]int64, len(out)+len(p)-1)
		for i, a := range out {
			for j, b := range p {
				next[i+j] += a * b
			}
		}
		out = next
	}
	return out
}

var rowTableCases = []refCase{
	{"Triangle read by rows: T(n,k)=sum(j*k, j=k..n) (1<=k<=n), where j runs over the integers.", 1, 100, triRef(1, 1, 1, 0, func(n, k int64) int64 {
		var s int64
		for j := k; j <= n; j++ {
			s += j * k
		}
		return s
	})},
	// rows listed from right to left
	{"Triangle read by rows: T(n,k) = binomial(n,k)*3^k, 0 <= k <= n, with rows reversed.", 0, 100, triRef(0, 0, 0, 0, func(n, k int64) int64 {
		return binomialRef(n, n-k) * powMod(3, n-k, 1<<62)
	})},
	{"Triangle read by rows from right to left: T(n,k) = n^2 + k, 1 <= k < n.", 1, 100, triRef(1, 2, 1, -1, func(n, k int64) int64 {
		return n*n + n - k // row n lists T(n, n-1), ..., T(n, 1)
	})},
	// sums over a table
	{"Row sums of the triangle T(n,k) = binomial(n,k)*k^2, 0 <= k <= n.", 0, 22, func(n int64) int64 {
		var s int64
		for k := int64(0); k <= n; k++ {
			s += binomialRef(n, k) * k * k
		}
		return s
	}},
	{"Alternating row sums of triangle T(n,k) = n*k + n + k, 1 <= k <= n.", 1, 100, func(n int64) int64 {
		var s int64
		for k := int64(1); k <= n; k++ {
			s += ipow(-1, k) * (n*k + n + k)
		}
		return s
	}},
	{"Antidiagonal sums of the array T(n,k) = n^2*k + 1, n, k >= 0, read by antidiagonals.", 0, 100, func(d int64) int64 {
		var s int64
		for i := int64(0); i <= d; i++ {
			s += i*i*(d-i) + 1
		}
		return s
	}},
	// bitwise operators in capitals; a sum's body takes the terms in its variable
	{"Triangle T(n,k) = n XOR 2*k, 0 <= k <= n, bitwise exclusive or, read by rows.", 0, 100, triRef(0, 0, 0, 0, func(n, k int64) int64 { return n ^ (2 * k) })},
	{"Triangle read by rows: T(n,k) = Sum_{i=k..n} n + i^2 + 1.", 0, 100, triRef(0, 0, 0, 0, func(n, k int64) int64 {
		var s int64
		for i := k; i <= n; i++ {
			s += n + i*i
		}
		return s + 1
	})},
	// variables multiplied by juxtaposition, "2mn"
	{"Triangle read by rows where T(m,n) = 3mn - m + 1, 1 <= n <= m.", 1, 100, triRef(1, 1, 1, 0, func(m, n int64) int64 { return 3*m*n - m + 1 })},
	// sums written as calls, sum(body, k=a..b)
	{"a(n) = sum( floor(k*n/8), k=1..7 ).", 0, 100, func(n int64) int64 {
		var s int64
		for k := int64(1); k <= 7; k++ {
			s += k * n / 8
		}
		return s
	}},
	{"Triangle read by rows: T(n,k) = sum(j^2 + n, j=k..n), 0 <= k <= n.", 0, 100, triRef(0, 0, 0, 0, func(n, k int64) int64 {
		var s int64
		for j := k; j <= n; j++ {
			s += j*j + n
		}
		return s
	})},
	{"Triangle read by rows: T(n,k) = n + k, 0 <= k <= floor(n/2).", 0, 100, listRef(0, func() []int64 {
		var list []int64
		for n := int64(0); len(list) < 200; n++ {
			for k := int64(0); k <= n/2; k++ {
				list = append(list, n+k)
			}
		}
		return list
	}())},
	{"Irregular triangle read by rows: T(n,k) = n*k + 1, n >= 1, k = 1..2n.", 1, 100, listRef(1, func() []int64 {
		var list []int64
		for n := int64(1); len(list) < 200; n++ {
			for k := int64(1); k <= 2*n; k++ {
				list = append(list, n*k+1)
			}
		}
		return list
	}())},
	{"Irregular table read by rows: T(n,k) = n + 2*k, 0 <= k <= 2^(n-1) - 1, n >= 1.", 1, 120, listRef(1, func() []int64 {
		var list []int64
		for n := int64(1); len(list) < 200; n++ {
			for k := int64(0); k <= 1<<(n-1)-1; k++ {
				list = append(list, n+2*k)
			}
		}
		return list
	}())},
	{"Triangle read by rows: T(n,k) = k^2 - n, 0 <= k <= n + 1.", 0, 100, listRef(0, func() []int64 {
		var list []int64
		for n := int64(0); len(list) < 200; n++ {
			for k := int64(0); k <= n+1; k++ {
				list = append(list, k*k-n)
			}
		}
		return list
	}())},
	{"Each n occurs 3*n + 1 times.", 0, 150, listRef(0, repeatRef(0, func(n int64) int64 { return n }, func(n int64) int64 { return 3*n + 1 }))},
	{"n^2 + 1 repeated four times.", 0, 150, listRef(0, repeatRef(0, func(n int64) int64 { return n*n + 1 }, func(n int64) int64 { return 4 }))},
	{"k appears 2k-1 times.", 1, 150, listRef(1, repeatRef(1, func(k int64) int64 { return k }, func(k int64) int64 { return 2*k - 1 }))},
	{"a(0)=0; thereafter (-1)^(n+1)*n appears n times.", 0, 150, listRef(0, append([]int64{0},
		repeatRef(1, func(n int64) int64 { return ipow(-1, n+1) * n }, func(n int64) int64 { return n })...))},
	{"Irregular triangle read by rows: T(n,k), n >= 0, k >= 0, in which n appears 3*n + 2 times in row n.", 0, 150,
		listRef(0, repeatRef(0, func(n int64) int64 { return n }, func(n int64) int64 { return 3*n + 2 }))},
	{"Irregular triangle read by rows: row n lists the divisors of n in decreasing order.", 1, 150, listRef(1, func() []int64 {
		var list []int64
		for n := int64(1); len(list) < 200; n++ {
			for d := n; d >= 1; d-- {
				if n%d == 0 {
					list = append(list, d)
				}
			}
		}
		return list
	}())},
	{"Triangle read by rows in which row n lists the divisors of n.", 1, 150, listRef(1, func() []int64 {
		var list []int64
		for n := int64(1); len(list) < 200; n++ {
			for d := int64(1); d <= n; d++ {
				if n%d == 0 {
					list = append(list, d)
				}
			}
		}
		return list
	}())},
	{"Triangle, read by rows, where the n-th row lists the (2n+1) coefficients of (1+2x+2x^2)^n.", 0, 100, listRef(0, func() []int64 {
		var list []int64
		for n := int64(0); n < 12; n++ {
			list = append(list, polyPowRef([]int64{1, 2, 2}, n)...)
		}
		return list
	}())},
	{"Triangle read by rows: row n gives the coefficients of (1 - x + 3x^3)^n.", 0, 60, listRef(0, func() []int64 {
		var list []int64
		for n := int64(0); n < 8; n++ {
			list = append(list, polyPowRef([]int64{1, -1, 0, 3}, n)...)
		}
		return list
	}())},
	{"Coefficient of x^n in the expansion of (1+x+x^2)^n.", 0, 20, func(n int64) int64 { return polyPowRef([]int64{1, 1, 1}, n)[n] }},
	{"Coefficient of x^n in the expansion of (1-x^3+2*x^4)^n.", 0, 25, func(n int64) int64 { return polyPowRef([]int64{1, 0, 0, -1, 2}, n)[n] }},
	{"Coefficient of x^n in (1+x)^(2n+1)/(1-x)^2.", 0, 14, func(n int64) int64 {
		p := polyPowRef([]int64{1, 1}, 2*n+1) // times 1/(1-x)^2 = Sum (i+1) x^i
		var s int64
		for i := int64(0); i <= n; i++ {
			s += p[n-i] * (i + 1)
		}
		return s
	}},
	{"Riordan triangle T = (1/(1 + x^2 - x^3), x/(1 + x^2 - x^3)).", 0, 100,
		riordanRef(seriesRef([]int64{1}, []int64{1, 0, 1, -1}, 20), seriesRef([]int64{0, 1}, []int64{1, 0, 1, -1}, 20))},
}

func TestRowTables(t *testing.T) {
	newRunner(t).anyMatches(t, rowTableCases)
	refuses(t,
		"k appears 2k-1 times if k is prime.",
		"Number of times n appears in A000001.",
		"Numbers that appear n times in the multiplication table.",
		"Coefficient of x^n in the expansion of (1+x+x^2+x^3)^n.", // four terms: not read
		"Coefficient of x^n in the expansion of (1+x+x^2)^n mod 3.",
		"a(n) = sum(k^2, n=1..5).", // n is no summation variable
		"a(n) = sum(k^2 + j, k=1..n).",
		"a(n) = nk + 1.", // k is no variable here
	)
}

// tableTexts are the table tests' texts, for the fuzz target's seeds and
// TestEveryProgramValidates.
func tableTexts() []string {
	var out []string
	for _, tc := range rowTableCases {
		out = append(out, tc.text)
	}
	for _, tc := range coefTableCases {
		out = append(out, tc.text)
	}
	for _, tc := range condTableCases {
		out = append(out, tc.text)
	}
	return out
}
