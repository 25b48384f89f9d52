package formula

import "testing"

// permsRef counts the permutations p of 1..n with ok(i, p(i)) at every
// i: the brute-force reference.
func permsRef(n int64, ok func(i, v int64) bool) int64 {
	used := make([]bool, n+1)
	var walk func(i int64) int64
	walk = func(i int64) int64 {
		if i > n {
			return 1
		}
		var c int64
		for v := int64(1); v <= n; v++ {
			if !used[v] && ok(i, v) {
				used[v] = true
				c += walk(i + 1)
				used[v] = false
			}
		}
		return c
	}
	return walk(1)
}

func TestCountPerms(t *testing.T) {
	newRunner(t).allMatch(t, []refCase{
		{"Number of permutations satisfying -k<=p(i)-i<=r and p(i)-i not in I, i=1..n, with k=1, r=5, I={3}.", 0, 9, func(n int64) int64 {
			return permsRef(n, func(i, v int64) bool { return v-i >= -1 && v-i <= 5 && v-i != 3 })
		}},
		{"Number of permutations satisfying -k<=p(i)-i<=r and p(i)-i not in I, i=1..n, with k=3, r=3, I={-2,0,1,2}.", 0, 9, func(n int64) int64 {
			d := func(x int64) bool { return x == -3 || x == -1 || x == 3 }
			return permsRef(n, func(i, v int64) bool { return d(v - i) })
		}},
		{"Number of permutations satisfying -k<=p(i)-i<=r, i=1..n, with k=2, r=1.", 0, 9, func(n int64) int64 {
			return permsRef(n, func(i, v int64) bool { return v-i >= -2 && v-i <= 1 })
		}},
		{"Number of permutations (p(1),p(2),...,p(n)) of (1,2,...,n) such that p(i)-i is in {-2,4,5} for all i=1,...,n.", 0, 10, func(n int64) int64 {
			return permsRef(n, func(i, v int64) bool { d := v - i; return d == -2 || d == 4 || d == 5 })
		}},
		{"Number of permutations p of [n] with |p(i)-i| <= 2.", 0, 9, func(n int64) int64 {
			return permsRef(n, func(i, v int64) bool { return absI(v-i) <= 2 })
		}},
	})
}

// TestCountPermsRefused: wordings the permutation reader does not read.
func TestCountPermsRefused(t *testing.T) {
	refuses(t,
		"Number of permutations satisfying -k<=p(i)-i<=r and p(i)-i not in I, i=1..n, with k=1, r=5.", // I not given
		"Number of permutations satisfying -k<=p(i)-i<=r, i=1..n, with k=7, r=7.",                     // window past 12
		"Number of permutations p of [n] such that p(i)-i is in {-2,4,5} for all i and p(1) = 1.",
		"Number of permutations p of [n] with |p(i)-i| <= 2 and no fixed points.",
	)
}
