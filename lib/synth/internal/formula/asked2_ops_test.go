package formula

import "testing"

// TestAsked2Operands: requests over two or three operands as people write
// them (unnamed operands, lists, conditions, rounding, clamping) compile
// to programs that give native Go's values on random operands far from
// any example (in the interpreter; some on wazero), each with one
// candidate whose source is the text; near misses give nothing.
func TestAsked2Operands(t *testing.T) {
	b2i := func(b bool) int64 {
		if b {
			return 1
		}
		return 0
	}
	floorDiv := func(a, b int64) int64 {
		q := a / b
		if (a%b != 0) && ((a < 0) != (b < 0)) {
			q--
		}
		return q
	}
	nonzero := func(a []int64) bool { return a[1] != 0 }
	all := func([]int64) bool { return true }
	cases := []operandCase{ // lead_ops_test.go
		{"the larger of two numbers", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return max(a[0], a[1]) }},
		{"The smaller of 2 numbers.", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return min(a[0], a[1]) }},
		{"largest of three numbers", 3, -1_000_000, 1_000_000, all, func(a []int64) int64 { return max(a[0], a[1], a[2]) }},
		{"median of three numbers", 3, -1_000_000, 1_000_000, all, func(a []int64) int64 {
			return a[0] + a[1] + a[2] - max(a[0], a[1], a[2]) - min(a[0], a[1], a[2])
		}},
		{"the product of a, b, and c", 3, -1000, 1000, all, func(a []int64) int64 { return a[0] * a[1] * a[2] }},
		{"absolute difference of a and b", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return max(a[0]-a[1], a[1]-a[0]) }},
		{"What is the distance between x and y?", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return max(a[0]-a[1], a[1]-a[0]) }},
		{"x mod y, never negative", 2, -1_000_000, 1_000_000, nonzero, func(a []int64) int64 {
			m := max(a[1], -a[1])
			return (a[0]%m + m) % m
		}},
		{"average of a and b, rounded down", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return floorDiv(a[0]+a[1], 2) }},
		{"a divided by b, rounded up", 2, -1_000_000, 1_000_000, nonzero, func(a []int64) int64 { return -floorDiv(-a[0], a[1]) }},
		{"a divided by b, rounded down", 2, -1_000_000, 1_000_000, nonzero, func(a []int64) int64 { return floorDiv(a[0], a[1]) }},
		{"clamp x to the range [lo, hi]", 3, -1000, 1000, func(a []int64) bool { return a[1] <= a[2] }, func(a []int64) int64 { return min(max(a[0], a[1]), a[2]) }},
		{"1 if a is divisible by b, otherwise 0", 2, -1000, 1000, nonzero, func(a []int64) int64 { return b2i(a[0]%a[1] == 0) }},
		{"1 if x is a multiple of y, else 0", 2, -1000, 1000, nonzero, func(a []int64) int64 { return b2i(a[0]%a[1] == 0) }},
		{"does a divide b? 1 or 0", 2, -1000, 1000, func(a []int64) bool { return a[0] != 0 }, func(a []int64) int64 { return b2i(a[1]%a[0] == 0) }},
		{"are a and b coprime? 1 or 0", 2, -1000, 1000, all, func(a []int64) int64 { return b2i(gcdRef(a[0], a[1]) == 1) }},
		{"1 if a <= b <= c, else 0", 3, -20, 20, all, func(a []int64) int64 { return b2i(a[0] <= a[1] && a[1] <= a[2]) }},
		{"1 if a is less than b, else 0", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return b2i(a[0] < a[1]) }},
		{"1 if a and b have the same parity, otherwise 0", 2, -1_000_000, 1_000_000, all, func(a []int64) int64 { return b2i((a[0]-a[1])%2 == 0) }},
	}
	checkOperandCases(t, 3, cases)
	for _, tc := range []struct {
		text  string
		arity int
	}{
		{"the larger of two numbers", 3},
		{"average of a and b", 2},              // no integer at a = 0, b = 1
		{"1 if a is haunted by b, else 0", 2},  // no condition read
		{"clamp x to the range [lo, hi]", 2},   // three operands named
		{"the larger of two numbers and c", 2}, // a letter and unnamed ones
		{"median of a and b", 2},               // a median of three only
	} {
		if cs := Candidates(tc.text, tc.arity); len(cs) > 0 {
			t.Errorf("%q (arity %d): %s, want nothing", tc.text, tc.arity, cs[0].Expr)
		}
	}
}
