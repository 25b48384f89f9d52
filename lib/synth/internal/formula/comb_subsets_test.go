package formula

import "testing"

// subsetsRef counts the subsets of {1..n} (as their sorted elements) for
// which ok holds: the brute-force reference.
func subsetsRef(n int64, ok func(xs []int64) bool) int64 {
	var c int64
	for mask := int64(0); mask < 1<<n; mask++ {
		var xs []int64
		for i := int64(0); i < n; i++ {
			if mask>>i&1 == 1 {
				xs = append(xs, i+1)
			}
		}
		if ok(xs) {
			c++
		}
	}
	return c
}

func sumOf(xs []int64) int64 {
	var s int64
	for _, x := range xs {
		s += x
	}
	return s
}

func TestCountSubsets(t *testing.T) {
	// every element against the sum of the others, tested element by element
	each := func(xs []int64, rel func(x, rest int64) bool) bool {
		for _, x := range xs {
			if !rel(x, sumOf(xs)-x) {
				return false
			}
		}
		return true
	}
	newRunner(t).anyMatches(t, []refCase{
		{"Number of nonempty subsets S of {1,2,...,n} in which all elements are strictly less than the sum of the other elements of S.", 0, 14, func(n int64) int64 {
			return subsetsRef(n, func(xs []int64) bool {
				return len(xs) > 0 && each(xs, func(x, r int64) bool { return x < r })
			})
		}},
		{"Number of subsets of {1,2,...,n} such that every number in the set is no larger than the sum of the other numbers in the set.", 1, 14, func(n int64) int64 {
			return subsetsRef(n, func(xs []int64) bool {
				return len(xs) > 0 && each(xs, func(x, r int64) bool { return x <= r })
			})
		}},
		{"Number of subsets S of {1,2,...,n} which contain a number that is greater than the sum of the other numbers in S.", 0, 14, func(n int64) int64 {
			return subsetsRef(n, func(xs []int64) bool {
				return len(xs) > 0 && !each(xs, func(x, r int64) bool { return x <= r })
			})
		}},
		{"Number of subsets of {1..n} whose sum is prime.", 0, 14, func(n int64) int64 {
			return subsetsRef(n, func(xs []int64) bool { return isPrimeRef(sumOf(xs)) })
		}},
		{"Number of nonempty subsets of {1,...,n} with sum divisible by n.", 1, 14, func(n int64) int64 {
			return subsetsRef(n, func(xs []int64) bool { return len(xs) > 0 && sumOf(xs)%n == 0 })
		}},
		{"Number of subsets of [n+1] having an even sum.", 0, 13, func(n int64) int64 {
			return subsetsRef(n+1, func(xs []int64) bool { return sumOf(xs)%2 == 0 })
		}},
	})
}

// TestCountSubsetsRefused: wordings the subset reader does not read.
func TestCountSubsetsRefused(t *testing.T) {
	refuses(t,
		"Number of subsets of {1..n} in which all elements are greater than the sum of the other elements.", // every element: no clear reading
		"Number of subsets of {1..n} which contain a number that is less than the sum of the other numbers.",
		"Number of subsets of {1..n} whose sum is a balanced number.",
		"Number of subsets of {1..n} whose product is equal to their sum.",
	)
}
