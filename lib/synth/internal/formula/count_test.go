package formula

import "testing"

// tupleCount counts the tuples of k terms, each in lo..hi (without 0
// where noZero), for which ok holds: the brute-force reference.
func tupleCount(k int, lo, hi int64, noZero bool, ok func(t []int64) bool) int64 {
	t := make([]int64, k)
	var walk func(i int) int64
	walk = func(i int) int64 {
		if i == k {
			if ok(t) {
				return 1
			}
			return 0
		}
		var c int64
		for v := lo; v <= hi; v++ {
			if noZero && v == 0 {
				continue
			}
			t[i] = v
			c += walk(i + 1)
		}
		return c
	}
	return walk(0)
}

func absI(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

func TestCountTuples(t *testing.T) {
	newRunner(t).allMatch(t, []refCase{
		{"Number of ordered triples (w,x,y) with all terms in {-n,...-1,1,...,n} and w+x+y>1.", 0, 12, func(n int64) int64 {
			return tupleCount(3, -n, n, true, func(t []int64) bool { return t[0]+t[1]+t[2] > 1 })
		}},
		{"Number of ordered triples (w,x,y) with all terms in {-n,...,0,...,n} and w+2x+4y=0.", 0, 12, func(n int64) int64 {
			return tupleCount(3, -n, n, false, func(t []int64) bool { return t[0]+2*t[1]+4*t[2] == 0 })
		}},
		{"Number of ordered triples (w,x,y) with all terms in {-n,...-1,1,...,n} and -1<=2w+x+y<=1.", 0, 12, func(n int64) int64 {
			return tupleCount(3, -n, n, true, func(t []int64) bool { s := 2*t[0] + t[1] + t[2]; return -1 <= s && s <= 1 })
		}},
		{"Number of (w,x,y) with all terms in {0,...,n} and 3w < 2x + 5y.", 0, 12, func(n int64) int64 {
			return tupleCount(3, 0, n, false, func(t []int64) bool { return 3*t[0] < 2*t[1]+5*t[2] })
		}},
		{"Number of (w,x,y) with all terms in {1,...,n} and 2y = w + x - n.", 1, 12, func(n int64) int64 {
			return tupleCount(3, 1, n, false, func(t []int64) bool { return 2*t[2] == t[0]+t[1]-n })
		}},
		{"Number of ordered quintuples (a,b,c,d,e), -n <= a,b,c,d,e <= n, such that a+b+c+d+e = 0.", 0, 6, func(n int64) int64 {
			return tupleCount(5, -n, n, false, func(t []int64) bool { return t[0]+t[1]+t[2]+t[3]+t[4] == 0 })
		}},
	})
}

// TestCountTuplesRefused: wordings the tuple reader does not read, and a
// count whose loops cannot finish within the fuel at n = 100.
func TestCountTuplesRefused(t *testing.T) {
	refuses(t,
		"Number of (w,x,y) with all terms in {1,3,...,n} and w+x=y.",                       // odd terms only
		"Number of (w,x,y) with all terms in {1,...,n} and w+x>y or w<2.",                  // "or"
		"Number of (w,x,y) with all terms in {1,...,n} and w, x, y distinct.",              // not a comparison
		"Number of (w,x,y) with all terms in {1,...,n} and w+x+y=n, up to order.",          // a clause not read
		"Number of unordered triples (w,x,y) with all terms in {1,...,n} and w<x.",         // unordered
		"Number of (w,x,x) with all terms in {1,...,n} and w<x.",                           // a letter twice
		"Number of (w,x,y) with all terms in {0,...,n} and w != min(|w-x|, |x-y|, |y-w|).", // three loops: past the fuel at n = 100
	)
}
