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
		"Number of (w,x,y) with all terms in {-n,...-1,1,...,n} and w*x = y + 1.",          // two loops of 2n: past the fuel
	)
}

// reps counts the tuples (v_1..v_k), v_i in lo_i..hi_i, with sum f_i(v_i)
// = N: the brute-force reference for the representation counts.
func reps(N int64, fs []func(v int64) int64, lo, hi []int64) int64 {
	var walk func(i int, s int64) int64
	walk = func(i int, s int64) int64 {
		if i == len(fs) {
			if s == N {
				return 1
			}
			return 0
		}
		var c int64
		for v := lo[i]; v <= hi[i]; v++ {
			if y := fs[i](v); s+y <= N {
				c += walk(i+1, s+y)
			}
		}
		return c
	}
	return walk(0, 0)
}

func sq(c int64) func(v int64) int64 { return func(v int64) int64 { return c * v * v } }
func triOf(v int64) int64            { return v * (v + 1) / 2 }

func TestCountSquares(t *testing.T) {
	all := func(k int, lo, hi int64) ([]int64, []int64) {
		a, b := make([]int64, k), make([]int64, k)
		for i := range a {
			a[i], b[i] = lo, hi
		}
		return a, b
	}
	newRunner(t).allMatch(t, []refCase{
		{"Number of integer solutions to n^2 = x^2 + y^2 with x>0, y>=0.", 0, 40, func(n int64) int64 {
			return reps(n*n, []func(int64) int64{sq(1), sq(1)}, []int64{1, 0}, []int64{n, n})
		}},
		{"Number of solutions to a^2 + b^2 + 5*c^2 = n.", 0, 60, func(n int64) int64 {
			lo, hi := all(3, -10, 10)
			return reps(n, []func(int64) int64{sq(1), sq(1), sq(5)}, lo, hi)
		}},
		{"Number of nonnegative integer solutions to the equation a^2 + 7*b^2 = n.", 0, 60, func(n int64) int64 {
			lo, hi := all(2, 0, 10)
			return reps(n, []func(int64) int64{sq(1), sq(7)}, lo, hi)
		}},
		{"Number of ways to write n as x^2 + 2*y^2 + z*(z+1)/2, where x is a nonnegative integer, and y and z are positive integers.", 0, 60, func(n int64) int64 {
			return reps(n, []func(int64) int64{sq(1), sq(2), triOf}, []int64{0, 1, 1}, []int64{10, 10, 12})
		}},
		{"Number of solutions to 24*n+1 = x^2+24*y^2, x a positive integer, y an integer.", 0, 60, func(n int64) int64 {
			return reps(24*n+1, []func(int64) int64{sq(1), sq(24)}, []int64{1, -10}, []int64{40, 10})
		}},
		{"Number of integer solutions to a^2 + b^2 + 2*c^2 + 4*d^2 = n.", 0, 40, func(n int64) int64 {
			lo, hi := all(4, -7, 7)
			return reps(n, []func(int64) int64{sq(1), sq(1), sq(2), sq(4)}, lo, hi)
		}},
	})
}

// TestCountSquaresRefused: forms whose values fall, or clauses and
// letters the reader does not read.
func TestCountSquaresRefused(t *testing.T) {
	refuses(t,
		"Number of nonnegative integer solutions to the equation x^2 - 16*y^2 = n.", // indefinite: a term falls
		"Number of ways to write n as 10*x^2 + 11*y^2.",                             // integers or not: the examples cannot tell
		"Number of solutions to x^2 + y^2 = n with x < y.",                          // a bound by another letter
		"Number of integer solutions to x*y + z^2 = n.",                             // a term of two letters
		"Number of solutions to x^2 + y^2 = n where x is prime.",                    // a clause not read
		"Number of integer solutions to x^3 + y^2 = n.",                             // a cube over the integers
	)
}

// bigOmegaRef is the number of prime factors of k with multiplicity.
func bigOmegaRef(k int64) int64 {
	var c int64
	for d := int64(2); d*d <= k; d++ {
		for ; k%d == 0; k /= d {
			c++
		}
	}
	if k > 1 {
		c++
	}
	return c
}

// countTo counts the k in lo..hi with ok(k).
func countTo(lo, hi int64, ok func(k int64) bool) int64 {
	var c int64
	for k := lo; k <= hi; k++ {
		if ok(k) {
			c++
		}
	}
	return c
}

func TestCountUpTo(t *testing.T) {
	r := newRunner(t)
	r.allMatch(t, []refCase{
		{"Number of odd primes <= n.", 0, 60, func(n int64) int64 {
			return countTo(3, n, func(k int64) bool { return k%2 == 1 && isPrimeRef(k) })
		}},
		{"Number of composite numbers less than n.", 0, 60, func(n int64) int64 {
			return countTo(4, n-1, func(k int64) bool { return !isPrimeRef(k) })
		}},
		{"a(n) = number of semiprimes <= 2*n.", 0, 60, func(n int64) int64 {
			return countTo(1, 2*n, func(k int64) bool { return bigOmegaRef(k) == 2 })
		}},
		{"Number of positive integers less than n/3 that are coprime to n.", 1, 60, func(n int64) int64 {
			return countTo(1, (n+2)/3-1, func(k int64) bool {
				a, b := k, n
				for b != 0 {
					a, b = b, a%b
				}
				return a == 1
			})
		}},
		{"Number of primes < n that are congruent to 1 mod 4.", 0, 60, func(n int64) int64 {
			return countTo(2, n-1, func(k int64) bool { return k%4 == 1 && isPrimeRef(k) })
		}},
	})
	r.anyMatches(t, []refCase{
		{"Number of squarefree numbers <= n.", 1, 60, func(n int64) int64 {
			return countTo(1, n, func(k int64) bool {
				for d := int64(2); d*d <= k; d++ {
					if k%(d*d) == 0 {
						return false
					}
				}
				return true
			})
		}},
		{"Number of triangular numbers <= n.", 0, 60, func(n int64) int64 {
			return countTo(0, n, func(k int64) bool { return k*(k+1)/2 <= n })
		}},
		{"Number of cubes not exceeding n^2.", 0, 60, func(n int64) int64 {
			return countTo(1, n, func(k int64) bool { return k*k*k <= n*n })
		}},
	})
}

// TestCountUpToRefused: lists no reader reads, bounds past the fuel, and
// lists whose members repeat.
func TestCountUpToRefused(t *testing.T) {
	refuses(t,
		"Number of primes < 2^n.",           // past the fuel at n = 100
		"Number of blue numbers <= n.",      // no list read from the name
		"Number of Fibonacci numbers <= n.", // F(1) = F(2): not increasing
		"Number of numbers <= n.",           // every number: no list
		"Number of primes <= n, plus one.",  // a clause not read
	)
}

func TestCountTuplesApart(t *testing.T) {
	newRunner(t).allMatch(t, []refCase{
		{"Number of (w,x,y,z) with all terms in {1,...,n} and w>=2x and y>3z.", 0, 10, func(n int64) int64 {
			return tupleCount(4, 1, n, false, func(t []int64) bool { return t[0] >= 2*t[1] && t[2] > 3*t[3] })
		}},
		{"Number of (w,x,y,z) with all terms in {0,...,n} and w^2 < x + 2*y.", 0, 8, func(n int64) int64 {
			return tupleCount(4, 0, n, false, func(t []int64) bool { return t[0]*t[0] < t[1]+2*t[2] })
		}},
	})
}

func TestCountTuplesMixed(t *testing.T) {
	newRunner(t).allMatch(t, []refCase{
		{"Number of ordered triples (w,x,y) with all terms in {-n,...,0,...,n} and (w+n)^2=x+y.", 0, 12, func(n int64) int64 {
			return tupleCount(3, -n, n, false, func(t []int64) bool { return (t[0]+n)*(t[0]+n) == t[1]+t[2] })
		}},
		{"Number of (w,x,y,z) with all terms in {0,...,n} and w*x < y + 2*z.", 0, 9, func(n int64) int64 {
			return tupleCount(4, 0, n, false, func(t []int64) bool { return t[0]*t[1] < t[2]+2*t[3] })
		}},
		{"Number of (w,x,y,z) with all terms in {0,...,n} and w^2 <= 3*x - y and w < z.", 0, 8, func(n int64) int64 {
			return tupleCount(4, 0, n, false, func(t []int64) bool { return t[0]*t[0] <= 3*t[1]-t[2] && t[0] < t[3] })
		}},
	})
}

func TestCountTuplesChain(t *testing.T) {
	newRunner(t).allMatch(t, []refCase{
		{"Number of triples (x,y,z) with 1 <= x < y < z <= n such that x + y > z.", 0, 12, func(n int64) int64 {
			return tupleCount(3, 1, n, false, func(t []int64) bool { return t[0] < t[1] && t[1] < t[2] && t[0]+t[1] > t[2] })
		}},
		{"Number of (x,y,z) with 0 <= x <= y <= z <= n and x + y + z = n.", 0, 12, func(n int64) int64 {
			return tupleCount(3, 0, n, false, func(t []int64) bool { return t[0] <= t[1] && t[1] <= t[2] && t[0]+t[1]+t[2] == n })
		}},
		{"Number of pairs (x,y) with 1 <= x < y < n such that x*y < 2*n.", 0, 12, func(n int64) int64 {
			return tupleCount(2, 1, n-1, false, func(t []int64) bool { return t[0] < t[1] && t[0]*t[1] < 2*n })
		}},
	})
	refuses(t,
		"Number of triples (x,y,z) with 1 <= x < z < y <= n such that x + y > z.", // letters out of the tuple's order
		"Number of triples (x,y,z) with 1 <= x < y <= n such that x + y > z.",     // z has no range
	)
}

// TestCountSquaresEither: a text that leaves the letters' range open gets
// the integer and the nonnegative reading, each right.
func TestCountSquaresEither(t *testing.T) {
	text := "Number of ways to write n as x^2 + 2*y^2."
	newRunner(t).anyMatches(t, []refCase{
		{text, 0, 60, func(n int64) int64 {
			return reps(n, []func(int64) int64{sq(1), sq(2)}, []int64{0, 0}, []int64{10, 10})
		}},
		{text, 0, 60, func(n int64) int64 {
			return reps(n, []func(int64) int64{sq(1), sq(2)}, []int64{-10, -10}, []int64{10, 10})
		}},
	})
}

func TestCountPrimeTuples(t *testing.T) {
	newRunner(t).allMatch(t, []refCase{
		{"Number of sexy prime pairs (p, p+6) with p <= n.", 0, 80, func(n int64) int64 {
			return countTo(2, n, func(k int64) bool { return isPrimeRef(k) && isPrimeRef(k+6) })
		}},
		{"Number of prime triples (p, p+2, p+6) with p < 3*n.", 0, 80, func(n int64) int64 {
			return countTo(2, 3*n-1, func(k int64) bool { return isPrimeRef(k) && isPrimeRef(k+2) && isPrimeRef(k+6) })
		}},
	})
	refuses(t,
		"Number of twin prime pairs (p, p+2) with p+2 <= n.", // a bound on another member
		"Number of prime pairs (p, q) with p <= n.",          // a member not given by p
	)
}

// divisorsRef counts the divisors d of m with ok(d).
func divisorsRef(m int64, ok func(d int64) bool) int64 {
	var c int64
	for d := int64(1); d <= m; d++ {
		if m%d == 0 && ok(d) {
			c++
		}
	}
	return c
}

func TestCountAdjDivisors(t *testing.T) {
	isSquare := func(d int64) bool {
		for r := int64(0); r*r <= d; r++ {
			if r*r == d {
				return true
			}
		}
		return false
	}
	newRunner(t).allMatch(t, []refCase{
		{"Number of square divisors of n.", 1, 80, func(n int64) int64 { return divisorsRef(n, isSquare) }},
		{"Number of triangular divisors of n.", 1, 80, func(n int64) int64 {
			return divisorsRef(n, func(d int64) bool { return isSquare(8*d + 1) })
		}},
		{"Number of semiprime divisors of n.", 1, 80, func(n int64) int64 {
			return divisorsRef(n, func(d int64) bool { return bigOmegaRef(d) == 2 })
		}},
		{"Number of composite divisors of n^2 + 1.", 1, 40, func(n int64) int64 {
			return divisorsRef(n*n+1, func(d int64) bool { return d > 1 && !isPrimeRef(d) })
		}},
	})
	refuses(t,
		"Number of blue divisors of n.",   // an adjective pred.go does not read
		"Number of proper divisors of n.", // about n itself: not a property of d
	)
}
