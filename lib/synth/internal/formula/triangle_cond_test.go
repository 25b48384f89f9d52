package formula

import "testing"

var condTableCases = []refCase{
	{"Triangle T(n,k) = n*k if k|n, 0 otherwise; 1<=k<=n.", 1, 100, triRef(1, 1, 1, 0, func(n, k int64) int64 {
		if n%k == 0 {
			return n * k
		}
		return 0
	})},
	{"Triangle read by rows: T(n,k) = k-n+1 for k >= n, T(n,k) = 0 for k < n.", 0, 100, triRef(0, 0, 0, 0, func(n, k int64) int64 {
		if k >= n {
			return k - n + 1
		}
		return 0
	})},
	{"Array: T(n,k)=k-n+1 for k>=n; T(n,k)=0 for k<n; by antidiagonals.", 1, 100, diagRef(1, 1, false, func(n, k int64) int64 {
		if k >= n {
			return k - n + 1
		}
		return 0
	})},
	{"Triangle T(n,k) read by rows: If k divides n then k-1, otherwise -1.", 1, 100, triRef(1, 1, 1, 0, func(n, k int64) int64 {
		if n%k == 0 {
			return k - 1
		}
		return -1
	})},
	{"Square array read by ascending antidiagonals: T(n,k) = n+k if n+k is even, otherwise T(n,k) = n*k; n, k >= 0.", 0, 100, diagRef(0, 0, true, func(n, k int64) int64 {
		if (n+k)%2 == 0 {
			return n + k
		}
		return n * k
	})},
	{"Triangle read by rows: T(n,k) = binomial(n,k) if n-k is odd and k > 0, else 1; 0 <= k <= n.", 0, 100, triRef(0, 0, 0, 0, func(n, k int64) int64 {
		if (n-k)%2 == 1 && k > 0 {
			return binomialRef(n, k)
		}
		return 1
	})},
}

func TestCondTables(t *testing.T) {
	newRunner(t).anyMatches(t, condTableCases)
	refuses(t,
		"Triangle read by rows: T(n,k) = n if k < n, T(n,k) = k for k > n.", // k = n is left out
		"Triangle T(n,k) = n*k if k|n and 0 if k is odd.",
		"Triangle T(n,k) = n*k if k is prime, 0 otherwise.",
		"Triangle T(n,k) = n*k if k|n, 0 otherwise, for n >= k >= 1 and T(n,n) = 5.",
		"Triangle T(n,k) = n*k if k|n, n if k = 2, 0 otherwise.",
	)
}
