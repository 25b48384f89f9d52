package synth

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

// The human task set (testdata/human/tasks.json): small integer tasks
// written as a person would pose them, with the five examples a person
// would pick, judged on hidden checks that a native Go reference computes
// here. It measures the search on tasks it was not built around:
//
//	go run ./cmd/irsynth eval tasks testdata/human/tasks.json --budget 30s --workers 1
//
// Regenerate the file after changing a task below:
//
//go:generate go test -run TestHumanTasksFile -update-human
var updateHuman = flag.Bool("update-human", false, "rewrite testdata/human/tasks.json from the references in humantasks_test.go")

const humanTasksFile = "../../testdata/human/tasks.json"

// humanChecks is how many hidden checks each task gets.
const humanChecks = 60

type humanTask struct {
	name, text string
	examples   [][]int64 // inputs then output, as a person writes them
	// domain draws one random input of the task's intended domain; edge
	// lists inputs a careful person would test (zero, equal operands,
	// orderings, negatives, large values), each also in the domain.
	domain func(r *rand.Rand) []int64
	edge   [][]int64
	ref    func(in []int64) int64
	// small: the domain has fewer than humanChecks inputs besides the
	// examples; every one of them is a check
	small bool
}

func span(r *rand.Rand, lo, hi int64) int64 { return lo + r.Int64N(hi-lo+1) }

// smallOrLarge draws from [lo, hi], half the time from [lo, min(hi, 100)].
func smallOrLarge(r *rand.Rand, lo, hi int64) int64 {
	if r.IntN(2) == 0 {
		return span(r, lo, min(hi, max(lo, 100)))
	}
	return span(r, lo, hi)
}

func ints(lo, hi int64) func(r *rand.Rand) []int64 {
	return func(r *rand.Rand) []int64 { return []int64{smallOrLarge(r, lo, hi)} }
}

func pairs(lo1, hi1, lo2, hi2 int64) func(r *rand.Rand) []int64 {
	return func(r *rand.Rand) []int64 {
		if r.IntN(2) == 0 {
			// small operands on both sides
			return []int64{span(r, lo1, min(hi1, max(lo1, 50))), span(r, lo2, min(hi2, max(lo2, 50)))}
		}
		return []int64{span(r, lo1, hi1), span(r, lo2, hi2)}
	}
}

func triples(lo, hi int64) func(r *rand.Rand) []int64 {
	return func(r *rand.Rand) []int64 {
		m := hi
		if r.IntN(2) == 0 {
			m = min(hi, 20)
		}
		return []int64{span(r, lo, m), span(r, lo, m), span(r, lo, m)}
	}
}

func iabs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func gcd64(a, b int64) int64 {
	a, b = iabs(a), iabs(b)
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func isPrime64(n int64) bool {
	if n < 2 {
		return false
	}
	for d := int64(2); d*d <= n; d++ {
		if n%d == 0 {
			return false
		}
	}
	return true
}

func humanTasks() []humanTask {
	const big = 1_000_000
	return []humanTask{
		{name: "digit_sum", text: "sum of the digits of n",
			examples: [][]int64{{5, 5}, {12, 3}, {123, 6}, {909, 18}, {4321, 10}},
			domain:   ints(0, big), edge: [][]int64{{0}, {9}, {10}, {99}, {1000}, {999999}},
			ref: func(in []int64) int64 {
				s := int64(0)
				for n := in[0]; n > 0; n /= 10 {
					s += n % 10
				}
				return s
			}},
		{name: "num_divisors", text: "number of divisors of n",
			examples: [][]int64{{1, 1}, {6, 4}, {7, 2}, {12, 6}, {16, 5}},
			domain:   ints(1, 5000), edge: [][]int64{{2}, {36}, {97}, {360}, {1024}, {4999}},
			ref: func(in []int64) int64 {
				c := int64(0)
				for d := int64(1); d <= in[0]; d++ {
					if in[0]%d == 0 {
						c++
					}
				}
				return c
			}},
		{name: "triangular", text: "the n-th triangular number",
			examples: [][]int64{{1, 1}, {2, 3}, {3, 6}, {4, 10}, {10, 55}},
			domain:   ints(0, 10000), edge: [][]int64{{0}, {5}, {100}, {9999}},
			ref: func(in []int64) int64 { return in[0] * (in[0] + 1) / 2 }},
		{name: "is_power_of_two", text: "is n a power of two? 1 if yes, 0 if no",
			examples: [][]int64{{1, 1}, {6, 0}, {8, 1}, {12, 0}, {64, 1}},
			domain: func(r *rand.Rand) []int64 {
				if r.IntN(3) == 0 {
					return []int64{1 << r.IntN(30)}
				}
				return []int64{smallOrLarge(r, 1, big)}
			},
			edge: [][]int64{{2}, {3}, {4}, {5}, {7}, {16}, {24}, {96}, {1 << 20}, {1<<20 + 1}, {1<<20 - 1}, {1 << 30}},
			ref:  func(in []int64) int64 { return b2i(in[0]&(in[0]-1) == 0) }},
		{name: "reverse_digits", text: "reverse the digits of n",
			examples: [][]int64{{12, 21}, {123, 321}, {100, 1}, {7, 7}, {4051, 1504}},
			domain:   ints(0, 99999), edge: [][]int64{{0}, {10}, {11}, {120}, {90001}},
			ref: func(in []int64) int64 {
				r := int64(0)
				for n := in[0]; n > 0; n /= 10 {
					r = 10*r + n%10
				}
				return r
			}},
		{name: "popcount", text: "count the 1 bits in n",
			examples: [][]int64{{0, 0}, {1, 1}, {7, 3}, {8, 1}, {255, 8}},
			domain:   ints(0, big), edge: [][]int64{{2}, {3}, {1023}, {1024}, {1<<31 - 1}},
			ref: func(in []int64) int64 {
				c := int64(0)
				for n := in[0]; n > 0; n >>= 1 {
					c += n & 1
				}
				return c
			}},
		{name: "abs", text: "absolute value of x",
			examples: [][]int64{{3, 3}, {-3, 3}, {0, 0}, {-17, 17}, {42, 42}},
			domain:   ints(-big, big), edge: [][]int64{{1}, {-1}, {-big}, {big}},
			ref: func(in []int64) int64 { return iabs(in[0]) }},
		{name: "sign", text: "the sign of x: -1, 0 or 1",
			examples: [][]int64{{5, 1}, {-5, -1}, {0, 0}, {100, 1}, {-2, -1}},
			domain:   ints(-big, big), edge: [][]int64{{1}, {-1}, {-big}, {big}, {2}, {-100}},
			ref: func(in []int64) int64 {
				switch {
				case in[0] > 0:
					return 1
				case in[0] < 0:
					return -1
				}
				return 0
			}},
		{name: "factorial", text: "factorial of n",
			examples: [][]int64{{0, 1}, {1, 1}, {3, 6}, {5, 120}, {6, 720}},
			domain:   ints(0, 12), small: true,
			ref: func(in []int64) int64 {
				f := int64(1)
				for k := int64(2); k <= in[0]; k++ {
					f *= k
				}
				return f
			}},
		{name: "square_plus_one", text: "n squared plus one",
			examples: [][]int64{{0, 1}, {1, 2}, {2, 5}, {3, 10}, {10, 101}},
			domain:   ints(-1000, 1000), edge: [][]int64{{-1}, {-10}, {1000}, {-1000}},
			ref: func(in []int64) int64 { return in[0]*in[0] + 1 }},
		{name: "is_prime", text: "is n prime (1 or 0)",
			examples: [][]int64{{2, 1}, {4, 0}, {7, 1}, {9, 0}, {13, 1}},
			domain:   ints(1, 3000), edge: [][]int64{{1}, {3}, {25}, {49}, {91}, {97}, {121}, {2999}, {2997}},
			ref: func(in []int64) int64 { return b2i(isPrime64(in[0])) }},
		{name: "num_digits", text: "how many digits n has",
			examples: [][]int64{{7, 1}, {42, 2}, {999, 3}, {1000, 4}, {123456, 6}},
			domain:   ints(1, 1<<31-1), edge: [][]int64{{1}, {9}, {10}, {99999}, {100000}, {1<<31 - 1}},
			ref: func(in []int64) int64 {
				c := int64(0)
				for n := in[0]; n > 0; n /= 10 {
					c++
				}
				return c
			}},
		{name: "is_even", text: "1 if n is even, 0 if it is odd",
			examples: [][]int64{{0, 1}, {1, 0}, {4, 1}, {7, 0}, {10, 1}},
			domain:   ints(-big, big), edge: [][]int64{{-1}, {-2}, {-3}, {-big}, {big - 1}},
			ref: func(in []int64) int64 { return b2i(in[0]%2 == 0) }},
		{name: "last_digit", text: "the last digit of n",
			examples: [][]int64{{7, 7}, {12, 2}, {345, 5}, {1000, 0}, {98, 8}},
			domain:   ints(0, big), edge: [][]int64{{0}, {10}, {19}, {999999}},
			ref: func(in []int64) int64 { return in[0] % 10 }},
		{name: "highest_power_of_two", text: "largest power of 2 that is not bigger than n",
			examples: [][]int64{{1, 1}, {5, 4}, {8, 8}, {20, 16}, {100, 64}},
			domain:   ints(1, big), edge: [][]int64{{2}, {3}, {7}, {1023}, {1024}, {1025}},
			ref: func(in []int64) int64 {
				p := int64(1)
				for p*2 <= in[0] {
					p *= 2
				}
				return p
			}},
		{name: "sum_of_squares", text: "1^2 + 2^2 + ... + n^2",
			examples: [][]int64{{1, 1}, {2, 5}, {3, 14}, {4, 30}, {10, 385}},
			domain:   ints(0, 1000), edge: [][]int64{{0}, {5}, {100}, {1000}},
			ref: func(in []int64) int64 { n := in[0]; return n * (n + 1) * (2*n + 1) / 6 }},
		{name: "fibonacci", text: "n-th Fibonacci number, F(0)=0, F(1)=1",
			examples: [][]int64{{0, 0}, {1, 1}, {2, 1}, {5, 5}, {10, 55}},
			domain:   ints(0, 45), small: true,
			ref: func(in []int64) int64 {
				a, b := int64(0), int64(1)
				for k := int64(0); k < in[0]; k++ {
					a, b = b, a+b
				}
				return a
			}},
		{name: "collatz_steps", text: "how many steps of the 3n+1 rule (halve if even, else 3n+1) until n reaches 1",
			examples: [][]int64{{1, 0}, {2, 1}, {3, 7}, {6, 8}, {7, 16}},
			domain:   ints(1, 10000), edge: [][]int64{{4}, {5}, {27}, {97}, {871}},
			ref: func(in []int64) int64 {
				c := int64(0)
				for n := in[0]; n != 1; c++ {
					if n%2 == 0 {
						n /= 2
					} else {
						n = 3*n + 1
					}
				}
				return c
			}},
		{name: "round_down_ten", text: "round n down to a multiple of 10",
			examples: [][]int64{{7, 0}, {15, 10}, {23, 20}, {100, 100}, {99, 90}},
			domain:   ints(0, big), edge: [][]int64{{0}, {10}, {11}, {999999}},
			ref: func(in []int64) int64 { return in[0] / 10 * 10 }},
		{name: "cube", text: "n cubed",
			examples: [][]int64{{2, 8}, {3, 27}, {-2, -8}, {0, 0}, {5, 125}},
			domain:   ints(-1000, 1000), edge: [][]int64{{1}, {-1}, {1000}, {-1000}},
			ref: func(in []int64) int64 { return in[0] * in[0] * in[0] }},

		{name: "max2", text: "the larger of two numbers",
			examples: [][]int64{{3, 5, 5}, {9, 2, 9}, {4, 4, 4}, {-1, -7, -1}, {0, 10, 10}},
			domain:   pairs(-big, big, -big, big), edge: [][]int64{{0, 0}, {-5, 5}, {5, -5}, {-big, big}, {big, -big}, {-3, -2}},
			ref: func(in []int64) int64 { return max(in[0], in[1]) }},
		{name: "min2", text: "the smaller of two numbers",
			examples: [][]int64{{3, 5, 3}, {9, 2, 2}, {4, 4, 4}, {-1, -7, -7}, {0, 10, 0}},
			domain:   pairs(-big, big, -big, big), edge: [][]int64{{0, 0}, {-5, 5}, {5, -5}, {-big, big}, {big, -big}, {-3, -2}},
			ref: func(in []int64) int64 { return min(in[0], in[1]) }},
		{name: "abs_diff", text: "absolute difference of a and b",
			examples: [][]int64{{3, 8, 5}, {8, 3, 5}, {5, 5, 0}, {-2, 3, 5}, {10, 1, 9}},
			domain:   pairs(-big, big, -big, big), edge: [][]int64{{0, 0}, {-5, 5}, {5, -5}, {-big, big}, {-7, -3}},
			ref: func(in []int64) int64 { return iabs(in[0] - in[1]) }},
		{name: "gcd", text: "greatest common divisor of a and b",
			examples: [][]int64{{12, 18, 6}, {7, 3, 1}, {10, 5, 5}, {9, 6, 3}, {17, 17, 17}},
			domain:   pairs(1, 10000, 1, 10000), edge: [][]int64{{1, 1}, {1, 9}, {9, 1}, {48, 36}, {1024, 768}, {9973, 9967}},
			ref: func(in []int64) int64 { return gcd64(in[0], in[1]) }},
		{name: "lcm", text: "least common multiple of a and b",
			examples: [][]int64{{4, 6, 12}, {3, 5, 15}, {2, 8, 8}, {7, 7, 7}, {6, 10, 30}},
			domain:   pairs(1, 1000, 1, 1000), edge: [][]int64{{1, 1}, {1, 9}, {12, 18}, {999, 1000}, {64, 48}},
			ref: func(in []int64) int64 { return in[0] / gcd64(in[0], in[1]) * in[1] }},
		{name: "mod_nonneg", text: "x mod y, never negative",
			examples: [][]int64{{7, 3, 1}, {-7, 3, 2}, {6, 3, 0}, {-1, 5, 4}, {10, 4, 2}},
			domain:   pairs(-big, big, 1, 1000), edge: [][]int64{{0, 1}, {-6, 3}, {-12, 5}, {5, 7}, {-5, 7}, {-big, 999}},
			ref: func(in []int64) int64 { return ((in[0] % in[1]) + in[1]) % in[1] }},
		{name: "power", text: "a to the power b",
			examples: [][]int64{{2, 3, 8}, {3, 2, 9}, {5, 0, 1}, {2, 10, 1024}, {7, 1, 7}},
			domain: func(r *rand.Rand) []int64 {
				for {
					a, b := span(r, -10, 10), span(r, 0, 20)
					if p := ipow(a, b); p >= -1<<31 && p < 1<<31 {
						return []int64{a, b}
					}
				}
			},
			edge: [][]int64{{0, 0}, {0, 5}, {1, 20}, {-1, 7}, {-2, 3}, {10, 9}, {2, 30}, {-2, 31}},
			ref:  func(in []int64) int64 { return ipow(in[0], in[1]) }},
		{name: "average_floor", text: "average of a and b, rounded down",
			examples: [][]int64{{2, 4, 3}, {3, 4, 3}, {10, 20, 15}, {0, 0, 0}, {7, 8, 7}},
			domain:   pairs(0, big, 0, big), edge: [][]int64{{1, 0}, {0, 1}, {5, 5}, {big, big - 1}},
			ref: func(in []int64) int64 { return (in[0] + in[1]) / 2 }},
		{name: "divides", text: "1 if a is divisible by b, otherwise 0",
			examples: [][]int64{{10, 5, 1}, {10, 3, 0}, {9, 3, 1}, {7, 2, 0}, {12, 4, 1}},
			domain: func(r *rand.Rand) []int64 {
				b := span(r, 1, 100)
				if r.IntN(2) == 0 {
					return []int64{b * span(r, 0, 100), b}
				}
				return []int64{span(r, 0, 10000), b}
			},
			edge: [][]int64{{0, 1}, {0, 7}, {1, 1}, {5, 1}, {1, 5}, {100, 100}, {99, 100}},
			ref:  func(in []int64) int64 { return b2i(in[0]%in[1] == 0) }},
		{name: "ceil_div", text: "a divided by b, rounded up",
			examples: [][]int64{{7, 2, 4}, {6, 2, 3}, {10, 3, 4}, {1, 5, 1}, {9, 3, 3}},
			domain:   pairs(0, big, 1, 100), edge: [][]int64{{0, 1}, {0, 9}, {1, 1}, {100, 1}, {99, 100}, {101, 100}},
			ref: func(in []int64) int64 { return (in[0] + in[1] - 1) / in[1] }},
		{name: "binomial", text: "n choose k",
			examples: [][]int64{{5, 2, 10}, {4, 0, 1}, {6, 3, 20}, {7, 7, 1}, {10, 1, 10}},
			domain: func(r *rand.Rand) []int64 {
				n := span(r, 0, 25)
				return []int64{n, span(r, 0, n)}
			},
			edge: [][]int64{{0, 0}, {1, 1}, {1, 0}, {20, 10}, {25, 12}, {25, 24}, {8, 4}},
			ref: func(in []int64) int64 {
				c := int64(1)
				for i := int64(0); i < in[1]; i++ {
					c = c * (in[0] - i) / (i + 1)
				}
				return c
			}},
		{name: "sum_range", text: "sum of all integers from a to b",
			examples: [][]int64{{1, 3, 6}, {2, 5, 14}, {4, 4, 4}, {1, 10, 55}, {3, 6, 18}},
			domain: func(r *rand.Rand) []int64 {
				a := smallOrLarge(r, 0, 1000)
				return []int64{a, a + smallOrLarge(r, 0, 1000)}
			},
			edge: [][]int64{{0, 0}, {0, 1}, {7, 7}, {0, 2000}, {999, 1000}},
			ref:  func(in []int64) int64 { return (in[1] - in[0] + 1) * (in[0] + in[1]) / 2 }},

		{name: "median3", text: "median of three numbers",
			examples: [][]int64{{1, 2, 3, 2}, {3, 1, 2, 2}, {5, 9, 7, 7}, {4, 4, 1, 4}, {10, 0, 5, 5}},
			domain:   triples(-big, big),
			edge:     permutations3(1, 2, 3, -5, 0, 5, 7, 7, 2, 2, 9, 9),
			ref: func(in []int64) int64 {
				a, b, c := in[0], in[1], in[2]
				return max(min(a, b), min(max(a, b), c))
			}},
		{name: "max3", text: "largest of three numbers",
			examples: [][]int64{{1, 2, 3, 3}, {3, 1, 2, 3}, {5, 9, 7, 9}, {4, 4, 1, 4}, {-1, -2, -3, -1}},
			domain:   triples(-big, big),
			edge:     permutations3(1, 2, 3, -5, 0, 5, 7, 7, 2, 2, 9, 9),
			ref:      func(in []int64) int64 { return max(in[0], in[1], in[2]) }},
		{name: "clamp", text: "clamp x to the range [lo, hi]",
			examples: [][]int64{{5, 0, 10, 5}, {-3, 0, 10, 0}, {15, 0, 10, 10}, {7, 2, 6, 6}, {0, 1, 3, 1}},
			domain: func(r *rand.Rand) []int64 {
				lo := smallOrLarge(r, -1000, 1000)
				hi := lo + smallOrLarge(r, 0, 1000)
				return []int64{span(r, lo-200, hi+200), lo, hi}
			},
			edge: [][]int64{{0, 0, 0}, {5, 5, 5}, {-1, 0, 0}, {1, 0, 0}, {-50, -20, -10}, {-15, -20, -10}, {0, -20, -10}, {3, 3, 8}, {8, 3, 8}},
			ref:  func(in []int64) int64 { return min(max(in[0], in[1]), in[2]) }},
		{name: "is_sorted3", text: "1 if a <= b <= c, else 0",
			examples: [][]int64{{1, 2, 3, 1}, {3, 2, 1, 0}, {1, 3, 2, 0}, {2, 2, 5, 1}, {0, 5, 5, 1}},
			domain:   triples(-1000, 1000),
			edge:     permutations3(1, 2, 3, -1, 0, 1, 4, 4, 4, 6, 6, 2),
			ref:      func(in []int64) int64 { return b2i(in[0] <= in[1] && in[1] <= in[2]) }},
		{name: "mul_add", text: "a times b plus c",
			examples: [][]int64{{2, 3, 4, 10}, {1, 1, 1, 2}, {5, 0, 7, 7}, {3, 3, 0, 9}, {10, 2, 1, 21}},
			domain:   triples(-1000, 1000),
			edge:     [][]int64{{0, 0, 0}, {-1, -1, -1}, {-3, 4, 5}, {1000, 1000, 1000}, {7, -8, 0}},
			ref:      func(in []int64) int64 { return in[0]*in[1] + in[2] }},
	}
}

func ipow(a, b int64) int64 {
	p := int64(1)
	for k := int64(0); k < b; k++ {
		p *= a
		if p > 1<<40 || p < -(1<<40) {
			return 1 << 40 // out of range: the domain skips it
		}
	}
	return p
}

// permutations3 lists every ordering of each triple in vs (read three by
// three).
func permutations3(vs ...int64) [][]int64 {
	var out [][]int64
	for i := 0; i+2 < len(vs); i += 3 {
		a, b, c := vs[i], vs[i+1], vs[i+2]
		out = append(out, []int64{a, b, c}, []int64{a, c, b}, []int64{b, a, c}, []int64{b, c, a}, []int64{c, a, b}, []int64{c, b, a})
	}
	return out
}

type humanRecord struct {
	Name     string    `json:"name"`
	Text     string    `json:"text"`
	Offset   int       `json:"offset"`
	Examples []Example `json:"examples"`
	Checks   []Example `json:"checks"`
}

func fits32(v int64) bool { return v >= -1<<31 && v < 1<<31 }

func toExample(in []int64, out int64) (Example, error) {
	e := Example{Output: int32(out)}
	if !fits32(out) {
		return e, fmt.Errorf("output %d of %v is not an i32", out, in)
	}
	for _, v := range in {
		if !fits32(v) {
			return e, fmt.Errorf("input %v is not an i32", in)
		}
		e.Inputs = append(e.Inputs, int32(v))
	}
	return e, nil
}

// humanTaskFile renders the task set: each task's examples as written, its
// edge inputs, then random inputs of its domain (seeded by its name), none
// repeating an example, until humanChecks checks.
func humanTaskFile() ([]byte, error) {
	var recs []humanRecord
	for _, h := range humanTasks() {
		rec := humanRecord{Name: h.name, Text: h.text}
		seen := map[string]bool{}
		for _, ex := range h.examples {
			in, out := ex[:len(ex)-1], ex[len(ex)-1]
			if got := h.ref(in); got != out {
				return nil, fmt.Errorf("%s: example %v: the reference gives %d", h.name, ex, got)
			}
			e, err := toExample(in, out)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", h.name, err)
			}
			rec.Examples = append(rec.Examples, e)
			seen[fmt.Sprint(in)] = true
		}
		hs := fnv.New64a()
		hs.Write([]byte(h.name))
		r := rand.New(rand.NewPCG(hs.Sum64(), 9))
		add := func(in []int64) error {
			if seen[fmt.Sprint(in)] {
				return nil
			}
			seen[fmt.Sprint(in)] = true
			e, err := toExample(in, h.ref(in))
			if err != nil {
				return fmt.Errorf("%s: %v", h.name, err)
			}
			rec.Checks = append(rec.Checks, e)
			return nil
		}
		for _, in := range h.edge {
			if err := add(in); err != nil {
				return nil, err
			}
		}
		for tries := 0; len(rec.Checks) < humanChecks; tries++ {
			if tries > 100*humanChecks {
				if h.small {
					break
				}
				return nil, fmt.Errorf("%s: only %d distinct checks", h.name, len(rec.Checks))
			}
			if err := add(h.domain(r)); err != nil {
				return nil, err
			}
		}
		recs = append(recs, rec)
	}
	var buf bytes.Buffer
	buf.WriteString("[\n")
	for i, rec := range recs {
		b, err := json.Marshal(rec)
		if err != nil {
			return nil, err
		}
		buf.Write(b)
		if i < len(recs)-1 {
			buf.WriteString(",")
		}
		buf.WriteString("\n")
	}
	buf.WriteString("]\n")
	return buf.Bytes(), nil
}

// TestHumanTasksFile: the committed task set is what the references give
// (regenerate with -update-human), and ReadTaskFile takes it, operands of
// one to three included.
func TestHumanTasksFile(t *testing.T) {
	want, err := humanTaskFile()
	if err != nil {
		t.Fatal(err)
	}
	if *updateHuman {
		if err := os.MkdirAll(filepath.Dir(humanTasksFile), 0o755); err != nil {
			t.Fatal(err)
		}
		tmp := humanTasksFile + ".tmp"
		if err := os.WriteFile(tmp, want, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, humanTasksFile); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(humanTasksFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is stale: run go generate ./lib/synth (go test ./lib/synth -run TestHumanTasksFile -update-human)", humanTasksFile)
	}
	tasks, checks, err := ReadTaskFile(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	if len(tasks) < 30 {
		t.Fatalf("%d tasks, want 30 or more", len(tasks))
	}
	smallDomain := map[string]bool{}
	for _, h := range humanTasks() {
		smallDomain[h.name] = h.small
	}
	arities := map[int]int{}
	for i, task := range tasks {
		arities[task.Arity()]++
		if len(task.Examples) != 5 || (len(checks[i].Cases) < 50 && !smallDomain[task.Name]) {
			t.Errorf("%s: %d examples and %d checks, want 5 and 50 or more", task.Name, len(task.Examples), len(checks[i].Cases))
		}
	}
	if arities[1] == 0 || arities[2] == 0 || arities[3] == 0 {
		t.Errorf("tasks by operands %v, want some of one, two and three", arities)
	}
}

// TestHumanTasksJudged: the judge runs programs of two and three operands
// on wazero against the checks the native references computed: programs
// written by hand pass them, and one that fits only some of them fails.
func TestHumanTasksJudged(t *testing.T) {
	data, err := humanTaskFile()
	if err != nil {
		t.Fatal(err)
	}
	tasks, checks, err := ReadTaskFile(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]int{}
	for i, task := range tasks {
		byName[task.Name] = i
	}
	ctx := context.Background()
	rt, err := wasmrt.New(ctx, wasmrt.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close(ctx)
	cases := []struct {
		task, program string
		right         bool
	}{
		{"max2", "START SLOT_0 SLOT_1 I32_LT_S IF_BEGIN SLOT_1 ELSE SLOT_0 IF_END END", true},
		{"max2", "START SLOT_1 END", false},
		// a + b + c - max - min
		{"median3", "START SLOT_0 SLOT_1 I32_ADD SLOT_2 I32_ADD " +
			"SLOT_0 SLOT_1 I32_LT_S IF_BEGIN SLOT_1 ELSE SLOT_0 IF_END SLOT_2 I32_LT_S IF_BEGIN SLOT_2 ELSE SLOT_0 SLOT_1 I32_LT_S IF_BEGIN SLOT_1 ELSE SLOT_0 IF_END IF_END I32_SUB " +
			"SLOT_0 SLOT_1 I32_LT_S IF_BEGIN SLOT_0 ELSE SLOT_1 IF_END SLOT_2 I32_GT_S IF_BEGIN SLOT_2 ELSE SLOT_0 SLOT_1 I32_LT_S IF_BEGIN SLOT_0 ELSE SLOT_1 IF_END IF_END I32_SUB END", true},
		{"median3", "START SLOT_1 END", false},
		{"mul_add", "START SLOT_0 SLOT_1 I32_MUL SLOT_2 I32_ADD END", true},
	}
	for _, tc := range cases {
		i, ok := byName[tc.task]
		if !ok {
			t.Fatalf("no task %s", tc.task)
		}
		p, err := ir.ParseProgram(tc.task, tc.program)
		if err != nil {
			t.Fatal(err)
		}
		p.Arity = tasks[i].Arity()
		right, failed, err := checks[i].Judge(ctx, rt, p)
		if err != nil {
			t.Fatal(err)
		}
		if right != tc.right {
			t.Errorf("%s: %s judged right=%v (%s), want %v", tc.task, tc.program, right, failed, tc.right)
		}
	}
}
