package formula

import (
	"math/big"
	"slices"
	"testing"
)

// digitsOfBig is a native reference: the digits of v >= 0 in base b,
// least significant first, by repeated division.
func digitsOfBig(v *big.Int, b int64) []int64 {
	v = new(big.Int).Set(v)
	bb, m := big.NewInt(b), new(big.Int)
	var ds []int64
	for {
		v.DivMod(v, bb, m)
		ds = append(ds, m.Int64())
		if v.Sign() == 0 {
			return ds
		}
	}
}

// TestWideDigits: digit sums, digit counts and first digits of powers and
// factorials far past i32, built as long numbers (wide_digits.go), on
// n = 0..100 in the interpreter and on wazero.
func TestWideDigits(t *testing.T) {
	pow := func(c, n int64) *big.Int { return new(big.Int).Exp(big.NewInt(c), big.NewInt(n), nil) }
	fact := func(n int64) *big.Int { return new(big.Int).MulRange(1, max(n, 1)) }
	sum := func(ds []int64) int64 {
		s := int64(0)
		for _, d := range ds {
			s += d
		}
		return s
	}
	first := func(ds []int64) int64 { return ds[len(ds)-1] }
	newRunner(t).anyMatches(t, []refCase{
		{"Sum of digits of 2^n.", 0, 100, func(n int64) int64 { return sum(digitsOfBig(pow(2, n), 10)) }},
		{"Number of digits in 3^n.", 0, 100, func(n int64) int64 { return int64(len(digitsOfBig(pow(3, n), 10))) }},
		{"Initial digit of 2^n.", 0, 100, func(n int64) int64 { return first(digitsOfBig(pow(2, n), 10)) }},
		{"Sum of digits of n!.", 0, 100, func(n int64) int64 { return sum(digitsOfBig(fact(n), 10)) }},
		{"a(n) = leading digit of n! in base 14.", 0, 100, func(n int64) int64 { return first(digitsOfBig(fact(n), 14)) }},
		{"Sum of decimal digits of (3^n - 1)/2.", 0, 100, func(n int64) int64 {
			return sum(digitsOfBig(new(big.Int).Rsh(new(big.Int).Sub(pow(3, n), big.NewInt(1)), 1), 10))
		}},
		{"Sum of digits of 7*2^n + 1.", 0, 100, func(n int64) int64 {
			return sum(digitsOfBig(new(big.Int).Add(new(big.Int).Mul(big.NewInt(7), pow(2, n)), big.NewInt(1)), 10))
		}},
		{"a(n) = digsumbase(3^n, 2).", 0, 100, func(n int64) int64 { return sum(digitsOfBig(pow(3, n), 2)) }},
		// a base that varies, products of powers and factorials, other digit functions
		{"Sum of digits of n^n.", 0, 100, func(n int64) int64 { return sum(digitsOfBig(pow(n, n), 10)) }},
		{"Sum of digits of (n+1)^n - 1.", 0, 100, func(n int64) int64 {
			return sum(digitsOfBig(new(big.Int).Sub(pow(n+1, n), big.NewInt(1)), 10))
		}},
		{"Sum of digits of 2^n*n!.", 0, 100, func(n int64) int64 {
			return sum(digitsOfBig(new(big.Int).Mul(pow(2, n), fact(n)), 10))
		}},
		{"Largest digit of 2^n.", 0, 100, func(n int64) int64 { return slices.Max(digitsOfBig(pow(2, n), 10)) }},
		{"Smallest digit of 2^n.", 0, 100, func(n int64) int64 { return slices.Min(digitsOfBig(pow(2, n), 10)) }},
		{"Number of 1's in binary expansion of 3^n.", 0, 100, func(n int64) int64 {
			c := int64(0)
			for _, d := range digitsOfBig(pow(3, n), 2) {
				c += d
			}
			return c
		}},
	})
}

// TestWideDigitsZeroFactor: a small factor 0 past the first limb leaves
// the number 0, one digit.
func TestWideDigitsZeroFactor(t *testing.T) {
	x := call("ndigits", bin(kMul, bin(kPow, num(3), vr("n")), bin(kMod, vr("n"), num(2))), num(10))
	ops, err := lowerBigDigits(x, false)
	if err != nil {
		t.Fatal(err)
	}
	ref := func(n int64) int64 {
		v := new(big.Int).Mul(new(big.Int).Exp(big.NewInt(3), big.NewInt(n), nil), big.NewInt(n%2))
		return int64(len(digitsOfBig(v, 10)))
	}
	if !newRunner(t).matches(ops, 0, 100, ref) {
		t.Error("ndigits(3^n*(n mod 2)) differs from the reference")
	}
}

// TestWideDigitsRefuses: a difference of two long numbers is no long
// number the programs build; its wrapped value is refused.
func TestWideDigitsRefuses(t *testing.T) {
	refuses(t,
		"Sum of digits of 3^n - 2^n.",
		"Number of digits in 2^n*3^n + 5^n.",
	)
}
