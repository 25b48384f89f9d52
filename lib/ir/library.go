package ir

import "math"

// Spec is a program of the library with what the rest of irsynth needs to
// know about it: a summary, operand names, the operand ranges where its i32
// result is meaningful, a native Go reference and known values.
type Spec struct {
	Program
	Summary string
	Params  []string
	InStudy bool    // one of the reference study's 11 programs
	Domain  []Range // per operand: where the result is meaningful and the run short
	Ref     func(args []int32) int32
	Known   []Case
}

// Range is an inclusive range of operand values.
type Range struct{ Min, Max int32 }

// Case is one input with its expected output.
type Case struct {
	Args []int32
	Want int32
}

// Library returns the program library: the study's 11 programs first, in
// the study's order, then the programs irsynth adds. The slice is a copy.
func Library() []Spec {
	out := make([]Spec, len(library))
	copy(out, library)
	return out
}

// LibraryProgram finds a library program by name.
func LibraryProgram(name string) (Spec, bool) {
	for _, s := range library {
		if s.Name == name {
			return s, true
		}
	}
	return Spec{}, false
}

const maxI32 = math.MaxInt32

func spec(name, summary string, params []string, inStudy bool, domain []Range, ref func([]int32) int32, known []Case, text string) Spec {
	return Spec{Program: MustParse(name, text), Summary: summary, Params: params, InStudy: inStudy, Domain: domain, Ref: ref, Known: known}
}

func r(min, max int32) Range { return Range{min, max} }

func c(want int32, args ...int32) Case { return Case{Args: args, Want: want} }

// library is data: each program's IR listing is written out opcode by
// opcode, as the study's models emit it, beside an independent native Go
// reference. The listings repeat the same loop skeletons (a counted loop
// guarded by IF_BEGIN, an accumulator in LOCAL_0), and `duplicates` pairs
// them; that is on purpose. A skeleton builder would hide the token
// sequences the decoder learns and the study published, and a mistake in it
// would reach every program at once instead of failing one program's
// known values.
var library = []Spec{
	spec("sum_1_to_n", "1 + 2 + ... + n (0 when n < 1)", []string{"n"}, true,
		[]Range{r(0, 10000)},
		func(a []int32) int32 {
			var s int32
			for i := int32(1); i <= a[0]; i++ {
				s += i
			}
			return s
		},
		[]Case{c(55, 10), c(5050, 100), c(500500, 1000), c(0, 0), c(1, 1)}, `
START
CONST_0 LOCAL_SET_0              # sum = 0
CONST_1 LOCAL_SET_1              # i = 1
LOCAL_GET_1 SLOT_0 I32_LE_S
IF_BEGIN                         # while i <= n
  LOOP_BEGIN
    LOCAL_GET_0 LOCAL_GET_1 I32_ADD LOCAL_SET_0
    LOCAL_GET_1 CONST_1 I32_ADD LOCAL_TEE_1
    SLOT_0 I32_LE_S BR_IF
  LOOP_END
IF_END
LOCAL_GET_0
END`),

	spec("sum_a_to_b", "a + (a+1) + ... + b (0 when a > b)", []string{"a", "b"}, true,
		[]Range{r(-1000, 1000), r(-1000, 1000)},
		func(a []int32) int32 {
			var s int32
			for i := a[0]; i <= a[1]; i++ {
				s += i
			}
			return s
		},
		[]Case{c(55, 1, 10), c(110, 5, 15), c(5050, 1, 100), c(0, 5, 4), c(7, 7, 7)}, `
START
CONST_0 LOCAL_SET_0              # sum = 0
SLOT_0 LOCAL_SET_1               # i = a
LOCAL_GET_1 SLOT_1 I32_LE_S
IF_BEGIN                         # while i <= b
  LOOP_BEGIN
    LOCAL_GET_0 LOCAL_GET_1 I32_ADD LOCAL_SET_0
    LOCAL_GET_1 CONST_1 I32_ADD LOCAL_TEE_1
    SLOT_1 I32_LE_S BR_IF
  LOOP_END
IF_END
LOCAL_GET_0
END`),

	spec("factorial", "n! (1 when n < 2)", []string{"n"}, true,
		[]Range{r(0, 12)},
		func(a []int32) int32 {
			f := int32(1)
			for i := int32(2); i <= a[0]; i++ {
				f *= i
			}
			return f
		},
		[]Case{c(120, 5), c(720, 6), c(3628800, 10), c(1, 0), c(1, 1), c(479001600, 12)}, `
START
CONST_1 LOCAL_SET_0              # f = 1
CONST_2 LOCAL_SET_1              # i = 2
LOCAL_GET_1 SLOT_0 I32_LE_S
IF_BEGIN                         # while i <= n
  LOOP_BEGIN
    LOCAL_GET_0 LOCAL_GET_1 I32_MUL LOCAL_SET_0
    LOCAL_GET_1 CONST_1 I32_ADD LOCAL_TEE_1
    SLOT_0 I32_LE_S BR_IF
  LOOP_END
IF_END
LOCAL_GET_0
END`),

	spec("power", "base to the power exp (1 when exp < 1)", []string{"base", "exp"}, true,
		[]Range{r(-9, 9), r(0, 9)},
		func(a []int32) int32 {
			p := int32(1)
			for k := a[1]; k > 0; k-- {
				p *= a[0]
			}
			return p
		},
		[]Case{c(1024, 2, 10), c(81, 3, 4), c(1048576, 2, 20), c(1, 5, 0), c(-27, -3, 3)}, `
START
CONST_1 LOCAL_SET_0              # p = 1
SLOT_1 LOCAL_SET_1               # k = exp
LOCAL_GET_1 CONST_0 I32_GT_S
IF_BEGIN                         # while k > 0
  LOOP_BEGIN
    LOCAL_GET_0 SLOT_0 I32_MUL LOCAL_SET_0
    LOCAL_GET_1 CONST_1 I32_SUB LOCAL_TEE_1
    CONST_0 I32_GT_S BR_IF
  LOOP_END
IF_END
LOCAL_GET_0
END`),

	spec("collatz_length", "steps of n → n/2 or 3n+1 until 1 (0 when n ≤ 1)", []string{"n"}, true,
		[]Range{r(1, 100000)},
		func(a []int32) int32 {
			var steps int32
			for x := a[0]; x > 1; steps++ {
				if x%2 != 0 {
					x = 3*x + 1
				} else {
					x /= 2
				}
			}
			return steps
		},
		[]Case{c(111, 27), c(16, 7), c(0, 1), c(38, 683), c(103, 861), c(94, 73847), c(249, 70382), c(1, 2)}, `
START
CONST_0 LOCAL_SET_0              # steps = 0
SLOT_0 LOCAL_SET_1               # x = n
LOCAL_GET_1 CONST_1 I32_GT_S
IF_BEGIN                         # while x > 1 (the study's do-while gave collatz(1) = 3)
  LOOP_BEGIN
    LOCAL_GET_1 CONST_2 I32_REM_S
    IF_BEGIN                     # odd: x = 3x + 1
      LOCAL_GET_1 CONST_2 CONST_1 I32_ADD I32_MUL CONST_1 I32_ADD LOCAL_SET_1
    ELSE                         # even: x = x / 2
      LOCAL_GET_1 CONST_2 I32_DIV_S LOCAL_SET_1
    IF_END
    LOCAL_GET_0 CONST_1 I32_ADD LOCAL_SET_0
    LOCAL_GET_1 CONST_1 I32_GT_S BR_IF
  LOOP_END
IF_END
LOCAL_GET_0
END`),

	spec("fibonacci", "the n-th Fibonacci number, fib(0) = 0, fib(1) = 1", []string{"n"}, true,
		[]Range{r(0, 46)},
		func(a []int32) int32 {
			x, y := int32(0), int32(1)
			for k := a[0]; k > 0; k-- {
				x, y = y, x+y
			}
			return x
		},
		[]Case{c(0, 0), c(1, 1), c(1, 2), c(55, 10), c(6765, 20), c(1836311903, 46)}, `
START
CONST_0 LOCAL_SET_0              # a = 0
CONST_1 LOCAL_SET_1              # b = 1
SLOT_0 LOCAL_SET_2               # k = n
LOCAL_GET_2 CONST_0 I32_GT_S
IF_BEGIN                         # while k > 0: a, b = b, a + b
  LOOP_BEGIN
    LOCAL_GET_0 LOCAL_GET_1 I32_ADD
    LOCAL_GET_1 LOCAL_SET_0
    LOCAL_SET_1
    LOCAL_GET_2 CONST_1 I32_SUB LOCAL_TEE_2
    CONST_0 I32_GT_S BR_IF
  LOOP_END
IF_END
LOCAL_GET_0
END`),

	spec("gcd", "greatest common divisor of a, b ≥ 0 (Euclid)", []string{"a", "b"}, true,
		[]Range{r(0, maxI32), r(0, maxI32)},
		func(a []int32) int32 {
			x, y := a[0], a[1]
			for y != 0 {
				x, y = y, x%y
			}
			return x
		},
		[]Case{c(6, 12, 18), c(1, 17, 5), c(5, 0, 5), c(7, 7, 0), c(0, 0, 0), c(21, 1071, 462)}, `
START
SLOT_0 LOCAL_SET_0               # a
SLOT_1 LOCAL_SET_1               # b
LOCAL_GET_1 CONST_0 I32_NE
IF_BEGIN                         # while b != 0: a, b = b, a % b
  LOOP_BEGIN
    LOCAL_GET_0 LOCAL_GET_1 I32_REM_S
    LOCAL_GET_1 LOCAL_SET_0
    LOCAL_TEE_1
    CONST_0 I32_NE BR_IF
  LOOP_END
IF_END
LOCAL_GET_0
END`),

	spec("is_prime", "1 if n is prime else 0 (trial division)", []string{"n"}, true,
		[]Range{r(0, 1000000)},
		func(a []int32) int32 {
			n := a[0]
			if n < 2 {
				return 0
			}
			for i := int32(2); i <= n/i; i++ {
				if n%i == 0 {
					return 0
				}
			}
			return 1
		},
		[]Case{c(0, 0), c(0, 1), c(1, 2), c(1, 3), c(0, 4), c(1, 97), c(0, 91), c(1, 7919), c(1, maxI32)}, `
START
SLOT_0 CONST_2 I32_LT_S
IF_BEGIN CONST_0 RETURN IF_END   # n < 2: not prime
CONST_2 LOCAL_SET_1              # i = 2
LOCAL_GET_1 SLOT_0 LOCAL_GET_1 I32_DIV_S I32_LE_S
IF_BEGIN                         # while i <= n / i
  LOOP_BEGIN
    SLOT_0 LOCAL_GET_1 I32_REM_S CONST_0 I32_EQ
    IF_BEGIN CONST_0 RETURN IF_END   # i divides n: early return
    LOCAL_GET_1 CONST_1 I32_ADD LOCAL_TEE_1
    SLOT_0 LOCAL_GET_1 I32_DIV_S I32_LE_S BR_IF
  LOOP_END
IF_END
CONST_1
END`),

	spec("max_of_two", "the larger of a and b", []string{"a", "b"}, true,
		[]Range{r(-1000000, 1000000), r(-1000000, 1000000)},
		func(a []int32) int32 { return max(a[0], a[1]) },
		[]Case{c(7, 3, 7), c(7, 7, 3), c(-1, -1, -5), c(4, 4, 4)}, `
START
SLOT_0 SLOT_1 I32_GT_S
IF_BEGIN SLOT_0 ELSE SLOT_1 IF_END
END`),

	spec("abs_diff", "|a - b|", []string{"a", "b"}, true,
		[]Range{r(-1000000, 1000000), r(-1000000, 1000000)},
		func(a []int32) int32 {
			if a[0] > a[1] {
				return a[0] - a[1]
			}
			return a[1] - a[0]
		},
		[]Case{c(4, 3, 7), c(4, 7, 3), c(0, 5, 5), c(10, -5, 5)}, `
START
SLOT_0 SLOT_1 I32_GT_S
IF_BEGIN
  SLOT_0 SLOT_1 I32_SUB
ELSE
  SLOT_1 SLOT_0 I32_SUB
IF_END
END`),

	spec("sum_even", "sum of the even numbers from 1 to n", []string{"n"}, true,
		[]Range{r(0, 50000)},
		func(a []int32) int32 {
			var s int32
			for i := int32(1); i <= a[0]; i++ {
				if i%2 == 0 {
					s += i
				}
			}
			return s
		},
		[]Case{c(30, 10), c(0, 1), c(2, 2), c(2550, 100), c(0, 0)}, `
START
CONST_0 LOCAL_SET_0              # sum = 0
CONST_1 LOCAL_SET_1              # i = 1
LOCAL_GET_1 SLOT_0 I32_LE_S
IF_BEGIN                         # while i <= n
  LOOP_BEGIN
    LOCAL_GET_1 CONST_2 I32_REM_S CONST_0 I32_EQ
    IF_BEGIN                     # i even: sum += i
      LOCAL_GET_0 LOCAL_GET_1 I32_ADD LOCAL_SET_0
    IF_END
    LOCAL_GET_1 CONST_1 I32_ADD LOCAL_TEE_1
    SLOT_0 I32_LE_S BR_IF
  LOOP_END
IF_END
LOCAL_GET_0
END`),

	// Programs irsynth adds to the study's eleven.

	spec("digit_sum", "sum of the decimal digits of n ≥ 0", []string{"n"}, false,
		[]Range{r(0, maxI32)},
		func(a []int32) int32 {
			var s int32
			for x := a[0]; x > 0; x /= 10 {
				s += x % 10
			}
			return s
		},
		[]Case{c(0, 0), c(6, 123), c(1, 1000), c(46, 2147483647)}, `
START
CONST_0 LOCAL_SET_0              # s = 0
SLOT_0 LOCAL_SET_1               # x = n
LOCAL_GET_1 CONST_0 I32_GT_S
IF_BEGIN                         # while x > 0
  LOOP_BEGIN
    LOCAL_GET_0 LOCAL_GET_1 CONST_10 I32_REM_S I32_ADD LOCAL_SET_0
    LOCAL_GET_1 CONST_10 I32_DIV_S LOCAL_TEE_1
    CONST_0 I32_GT_S BR_IF
  LOOP_END
IF_END
LOCAL_GET_0
END`),

	spec("digit_count", "number of decimal digits of n ≥ 0 (1 for 0)", []string{"n"}, false,
		[]Range{r(0, maxI32)},
		func(a []int32) int32 {
			d := int32(1)
			for x := a[0] / 10; x > 0; x /= 10 {
				d++
			}
			return d
		},
		[]Case{c(1, 0), c(1, 9), c(2, 10), c(3, 999), c(10, 2147483647)}, `
START
CONST_1 LOCAL_SET_0              # d = 1
SLOT_0 CONST_10 I32_DIV_S LOCAL_TEE_1
CONST_0 I32_GT_S
IF_BEGIN                         # while (x = n / 10) > 0
  LOOP_BEGIN
    LOCAL_GET_0 CONST_1 I32_ADD LOCAL_SET_0
    LOCAL_GET_1 CONST_10 I32_DIV_S LOCAL_TEE_1
    CONST_0 I32_GT_S BR_IF
  LOOP_END
IF_END
LOCAL_GET_0
END`),

	spec("reverse_digits", "the decimal digits of n ≥ 0 in reverse order", []string{"n"}, false,
		[]Range{r(0, 99999999)},
		func(a []int32) int32 {
			var v int32
			for x := a[0]; x > 0; x /= 10 {
				v = v*10 + x%10
			}
			return v
		},
		[]Case{c(321, 123), c(1, 1000), c(0, 0), c(87654321, 12345678)}, `
START
CONST_0 LOCAL_SET_0              # v = 0
SLOT_0 LOCAL_SET_1               # x = n
LOCAL_GET_1 CONST_0 I32_GT_S
IF_BEGIN                         # while x > 0: v = 10v + x % 10
  LOOP_BEGIN
    LOCAL_GET_0 CONST_10 I32_MUL LOCAL_GET_1 CONST_10 I32_REM_S I32_ADD LOCAL_SET_0
    LOCAL_GET_1 CONST_10 I32_DIV_S LOCAL_TEE_1
    CONST_0 I32_GT_S BR_IF
  LOOP_END
IF_END
LOCAL_GET_0
END`),

	spec("min_of_two", "the smaller of a and b", []string{"a", "b"}, false,
		[]Range{r(-1000000, 1000000), r(-1000000, 1000000)},
		func(a []int32) int32 { return min(a[0], a[1]) },
		[]Case{c(3, 3, 7), c(3, 7, 3), c(-5, -1, -5)}, `
START
SLOT_0 SLOT_1 I32_LT_S
IF_BEGIN SLOT_0 ELSE SLOT_1 IF_END
END`),

	spec("sign", "1 if n > 0, -1 if n < 0, else 0", []string{"n"}, false,
		[]Range{r(math.MinInt32, maxI32)},
		func(a []int32) int32 {
			switch {
			case a[0] > 0:
				return 1
			case a[0] < 0:
				return -1
			}
			return 0
		},
		[]Case{c(1, 5), c(-1, -5), c(0, 0), c(-1, math.MinInt32)}, `
START
SLOT_0 CONST_0 I32_GT_S          # (n > 0) - (n < 0)
SLOT_0 CONST_0 I32_LT_S
I32_SUB
END`),

	spec("clamp", "x limited to [lo, hi]", []string{"x", "lo", "hi"}, false,
		[]Range{r(-1000, 1000), r(-500, 0), r(0, 500)},
		func(a []int32) int32 {
			switch {
			case a[0] < a[1]:
				return a[1]
			case a[0] > a[2]:
				return a[2]
			}
			return a[0]
		},
		[]Case{c(5, 5, 0, 10), c(0, -3, 0, 10), c(10, 42, 0, 10)}, `
START
SLOT_0 SLOT_1 I32_LT_S
IF_BEGIN
  SLOT_1                         # below lo
ELSE
  SLOT_0 SLOT_2 I32_GT_S
  IF_BEGIN SLOT_2 ELSE SLOT_0 IF_END
IF_END
END`),

	spec("lcm", "least common multiple of a, b ≥ 0 (0 if either is 0)", []string{"a", "b"}, false,
		[]Range{r(0, 10000), r(0, 10000)},
		func(a []int32) int32 {
			x, y := a[0], a[1]
			for y != 0 {
				x, y = y, x%y
			}
			if x == 0 {
				return 0
			}
			return a[0] / x * a[1]
		},
		[]Case{c(12, 4, 6), c(0, 0, 5), c(0, 0, 0), c(21, 7, 3), c(10, 10, 10)}, `
START
SLOT_0 LOCAL_SET_0 SLOT_1 LOCAL_SET_1
LOCAL_GET_1 CONST_0 I32_NE
IF_BEGIN                         # gcd into local 0
  LOOP_BEGIN
    LOCAL_GET_0 LOCAL_GET_1 I32_REM_S
    LOCAL_GET_1 LOCAL_SET_0
    LOCAL_TEE_1 CONST_0 I32_NE BR_IF
  LOOP_END
IF_END
LOCAL_GET_0 CONST_0 I32_EQ
IF_BEGIN CONST_0 RETURN IF_END
SLOT_0 LOCAL_GET_0 I32_DIV_S SLOT_1 I32_MUL
END`),

	spec("isqrt", "floor of the square root of n ≥ 0", []string{"n"}, false,
		[]Range{r(0, maxI32)},
		func(a []int32) int32 {
			var s int32
			for s+1 <= a[0]/(s+1) {
				s++
			}
			return s
		},
		[]Case{c(0, 0), c(1, 1), c(1, 3), c(2, 4), c(10, 120), c(11, 121), c(46340, maxI32)}, `
START
CONST_0 LOCAL_SET_0              # s = 0
CONST_1 SLOT_0 I32_LE_S
IF_BEGIN                         # while s + 1 <= n / (s + 1): s++
  LOOP_BEGIN
    LOCAL_GET_0 CONST_1 I32_ADD LOCAL_TEE_0
    CONST_1 I32_ADD LOCAL_TEE_1
    SLOT_0 LOCAL_GET_1 I32_DIV_S I32_LE_S BR_IF
  LOOP_END
IF_END
LOCAL_GET_0
END`),

	spec("popcount", "number of 1 bits of n ≥ 0", []string{"n"}, false,
		[]Range{r(0, maxI32)},
		func(a []int32) int32 {
			var k int32
			for x := a[0]; x > 0; x /= 2 {
				k += x % 2
			}
			return k
		},
		[]Case{c(0, 0), c(1, 1), c(1, 8), c(3, 7), c(31, maxI32)}, `
START
CONST_0 LOCAL_SET_0              # k = 0
SLOT_0 LOCAL_SET_1               # x = n
LOCAL_GET_1 CONST_0 I32_GT_S
IF_BEGIN                         # while x > 0: k += x % 2; x /= 2
  LOOP_BEGIN
    LOCAL_GET_0 LOCAL_GET_1 CONST_2 I32_REM_S I32_ADD LOCAL_SET_0
    LOCAL_GET_1 CONST_2 I32_DIV_S LOCAL_TEE_1
    CONST_0 I32_GT_S BR_IF
  LOOP_END
IF_END
LOCAL_GET_0
END`),

	spec("is_power_of_two", "1 if n is a power of two (n ≥ 1) else 0", []string{"n"}, false,
		[]Range{r(-10, maxI32)},
		func(a []int32) int32 {
			n := a[0]
			if n < 1 {
				return 0
			}
			for n%2 == 0 {
				n /= 2
			}
			return b2i(n == 1)
		},
		[]Case{c(1, 1), c(1, 2), c(0, 3), c(1, 1024), c(0, 0), c(0, -4), c(1, 1073741824)}, `
START
SLOT_0 CONST_1 I32_LT_S
IF_BEGIN CONST_0 RETURN IF_END
SLOT_0 LOCAL_SET_0               # x = n
LOCAL_GET_0 CONST_2 I32_REM_S CONST_0 I32_EQ
IF_BEGIN                         # while x is even: x /= 2
  LOOP_BEGIN
    LOCAL_GET_0 CONST_2 I32_DIV_S LOCAL_TEE_0
    CONST_2 I32_REM_S CONST_0 I32_EQ BR_IF
  LOOP_END
IF_END
LOCAL_GET_0 CONST_1 I32_EQ
END`),

	spec("divisor_count", "number of divisors of n ≥ 1", []string{"n"}, false,
		[]Range{r(1, 100000)},
		func(a []int32) int32 {
			var k int32
			for d := int32(1); d <= a[0]; d++ {
				if a[0]%d == 0 {
					k++
				}
			}
			return k
		},
		[]Case{c(1, 1), c(2, 7), c(6, 12), c(9, 36), c(0, 0)}, `
START
CONST_0 LOCAL_SET_0              # k = 0
CONST_1 LOCAL_SET_1              # d = 1
LOCAL_GET_1 SLOT_0 I32_LE_S
IF_BEGIN                         # while d <= n: k += (n % d == 0)
  LOOP_BEGIN
    SLOT_0 LOCAL_GET_1 I32_REM_S CONST_0 I32_EQ
    LOCAL_GET_0 I32_ADD LOCAL_SET_0
    LOCAL_GET_1 CONST_1 I32_ADD LOCAL_TEE_1
    SLOT_0 I32_LE_S BR_IF
  LOOP_END
IF_END
LOCAL_GET_0
END`),

	spec("tribonacci", "T(0) = 0, T(1) = 0, T(2) = 1, T(n) = T(n-1) + T(n-2) + T(n-3)", []string{"n"}, false,
		[]Range{r(0, 38)},
		func(a []int32) int32 {
			x, y, z := int32(0), int32(0), int32(1)
			for k := a[0]; k > 0; k-- {
				x, y, z = y, z, x+y+z
			}
			return x
		},
		[]Case{c(0, 0), c(0, 1), c(1, 2), c(1, 3), c(2, 4), c(4, 5), c(81, 10)}, `
START
CONST_1 LOCAL_SET_2              # (x, y, z) = (0, 0, 1)
SLOT_0 LOCAL_SET_3               # k = n
LOCAL_GET_3 CONST_0 I32_GT_S
IF_BEGIN                         # while k > 0: (x, y, z) = (y, z, x + y + z)
  LOOP_BEGIN
    LOCAL_GET_0 LOCAL_GET_1 I32_ADD LOCAL_GET_2 I32_ADD
    LOCAL_GET_1 LOCAL_SET_0
    LOCAL_GET_2 LOCAL_SET_1
    LOCAL_SET_2
    LOCAL_GET_3 CONST_1 I32_SUB LOCAL_TEE_3
    CONST_0 I32_GT_S BR_IF
  LOOP_END
IF_END
LOCAL_GET_0
END`),

	spec("mod_pow", "base to the power exp, modulo m ≥ 1", []string{"base", "exp", "m"}, false,
		[]Range{r(0, 1000), r(0, 1000), r(1, 46340)},
		func(a []int32) int32 {
			p, b := 1%a[2], a[0]%a[2]
			for k := a[1]; k > 0; k-- {
				p = p * b % a[2]
			}
			return p
		},
		[]Case{c(24, 2, 10, 1000), c(445, 4, 13, 497), c(0, 5, 3, 1), c(1, 7, 0, 13)}, `
START
CONST_1 SLOT_2 I32_REM_S LOCAL_SET_0   # p = 1 % m
SLOT_0 SLOT_2 I32_REM_S LOCAL_SET_1    # b = base % m
SLOT_1 LOCAL_SET_2                     # k = exp
LOCAL_GET_2 CONST_0 I32_GT_S
IF_BEGIN                               # while k > 0: p = p * b % m
  LOOP_BEGIN
    LOCAL_GET_0 LOCAL_GET_1 I32_MUL SLOT_2 I32_REM_S LOCAL_SET_0
    LOCAL_GET_2 CONST_1 I32_SUB LOCAL_TEE_2
    CONST_0 I32_GT_S BR_IF
  LOOP_END
IF_END
LOCAL_GET_0
END`),

	spec("triangular", "n (n + 1) / 2 in closed form", []string{"n"}, false,
		[]Range{r(0, 46340)},
		func(a []int32) int32 { return a[0] * (a[0] + 1) / 2 },
		[]Case{c(55, 10), c(0, 0), c(1, 1), c(5050, 100)}, `
START
SLOT_0 SLOT_0 CONST_1 I32_ADD I32_MUL CONST_2 I32_DIV_S
END`),

	spec("sum_of_squares", "1² + 2² + ... + n²", []string{"n"}, false,
		[]Range{r(0, 1800)},
		func(a []int32) int32 {
			var s int32
			for i := int32(1); i <= a[0]; i++ {
				s += i * i
			}
			return s
		},
		[]Case{c(385, 10), c(0, 0), c(1, 1), c(14, 3)}, `
START
CONST_0 LOCAL_SET_0              # s = 0
CONST_1 LOCAL_SET_1              # i = 1
LOCAL_GET_1 SLOT_0 I32_LE_S
IF_BEGIN                         # while i <= n: s += i * i
  LOOP_BEGIN
    LOCAL_GET_0 LOCAL_GET_1 LOCAL_GET_1 I32_MUL I32_ADD LOCAL_SET_0
    LOCAL_GET_1 CONST_1 I32_ADD LOCAL_TEE_1
    SLOT_0 I32_LE_S BR_IF
  LOOP_END
IF_END
LOCAL_GET_0
END`),

	spec("is_even", "1 if n is even else 0", []string{"n"}, false,
		[]Range{r(math.MinInt32, maxI32)},
		func(a []int32) int32 { return b2i(a[0]%2 == 0) },
		[]Case{c(1, 0), c(0, 1), c(1, -4), c(0, -3)}, `
START
SLOT_0 CONST_2 I32_REM_S CONST_0 I32_EQ
END`),

	spec("max_of_three", "the largest of a, b and c", []string{"a", "b", "c"}, false,
		[]Range{r(-1000000, 1000000), r(-1000000, 1000000), r(-1000000, 1000000)},
		func(a []int32) int32 { return max(a[0], a[1], a[2]) },
		[]Case{c(9, 1, 9, 5), c(9, 9, 1, 5), c(9, 1, 5, 9), c(-1, -1, -2, -3)}, `
START
SLOT_0 SLOT_1 I32_GT_S
IF_BEGIN SLOT_0 ELSE SLOT_1 IF_END   # m = max(a, b)
LOCAL_TEE_0 SLOT_2 I32_GT_S
IF_BEGIN LOCAL_GET_0 ELSE SLOT_2 IF_END
END`),

	spec("count_multiples", "how many of 1..n are divisible by k ≥ 1", []string{"n", "k"}, false,
		[]Range{r(0, 10000), r(1, 100)},
		func(a []int32) int32 {
			var cnt int32
			for i := int32(1); i <= a[0]; i++ {
				if i%a[1] == 0 {
					cnt++
				}
			}
			return cnt
		},
		[]Case{c(3, 10, 3), c(10, 10, 1), c(0, 0, 7), c(1, 7, 7)}, `
START
CONST_0 LOCAL_SET_0              # cnt = 0
CONST_1 LOCAL_SET_1              # i = 1
LOCAL_GET_1 SLOT_0 I32_LE_S
IF_BEGIN                         # while i <= n
  LOOP_BEGIN
    LOCAL_GET_1 SLOT_1 I32_REM_S CONST_0 I32_EQ
    IF_BEGIN                     # k divides i
      LOCAL_GET_0 CONST_1 I32_ADD LOCAL_SET_0
    IF_END
    LOCAL_GET_1 CONST_1 I32_ADD LOCAL_TEE_1
    SLOT_0 I32_LE_S BR_IF
  LOOP_END
IF_END
LOCAL_GET_0
END`),
}
