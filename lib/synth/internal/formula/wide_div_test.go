package formula

import (
	"math/big"
	"testing"
)

// TestWideDiv: quotients by constants of values past i32 (wide_div.go),
// against math/big references (the interpreter and wazero).
func TestWideDiv(t *testing.T) {
	pow := func(b, e int64) *big.Int { return new(big.Int).Exp(big.NewInt(b), big.NewInt(e), nil) }
	// floor(p/q) of big integers
	floor := func(p *big.Int, q int64) int64 {
		z, m := new(big.Int).DivMod(p, big.NewInt(q), new(big.Int))
		_ = m
		return z.Int64() // Euclidean division: floor for q > 0
	}
	fib := func(n int64) *big.Int {
		a, b := big.NewInt(0), big.NewInt(1)
		for i := int64(0); i < n; i++ {
			a, b = b, new(big.Int).Add(a, b)
		}
		return a
	}
	sub := func(a *big.Int, c int64) *big.Int { return new(big.Int).Sub(a, big.NewInt(c)) }
	newRunner(t).anyMatches(t, []refCase{
		// 2^n passes i32 at n = 31; the rounded quarter fits to n = 33
		{"a(n) = round((2^n - n - 1)/4).", 0, 33, func(n int64) int64 {
			return floor(new(big.Int).Add(new(big.Int).Mul(sub(pow(2, n), n+1), big.NewInt(2)), big.NewInt(4)), 8)
		}},
		// F(47) passes i32, half of it does not
		{"a(n) = ceiling(Fibonacci(n)/2).", 0, 47, func(n int64) int64 {
			return -floor(new(big.Int).Neg(fib(n)), 2)
		}},
		// F(47..49) pass i32, their quarters do not (eqn_test.go refused it
		// before wide_div.go)
		{"a(n) = floor(Fibonacci(n)/4).", 0, 49, func(n int64) int64 { return floor(fib(n), 4) }},
		// p^4 passes i32 from p = 223; (p^4 - 1)/240 fits past n = 100
		{"a(n) = (prime(n)^4 - 1) / 240.", 1, 100, func(n int64) int64 {
			return floor(sub(pow(primeRef(n), 4), 1), 240)
		}},
		// negative numerators: truncating exact division and floor
		{"a(n) = (1 - 3^n)/2.", 0, 20, func(n int64) int64 { return -floor(sub(pow(3, n), 1), 2) }},
		{"a(n) = floor((1 - 3^n)/4).", 0, 20, func(n int64) int64 { return floor(new(big.Int).Neg(sub(pow(3, n), 1)), 4) }},
		// an odd divisor of a numerator that passes i32 (no mod 2^k part)
		{"a(n) = (prime(n)^4 - 1)/15.", 4, 80, func(n int64) int64 {
			return floor(sub(pow(primeRef(n), 4), 1), 15)
		}},
		// a quotient under a mod: (6^n - 1)/5 reduced mod n
		{"a(n) = (6^n-1)/5 mod n.", 1, 100, func(n int64) int64 {
			q := new(big.Int).Quo(sub(pow(6, n), 1), big.NewInt(5))
			return new(big.Int).Mod(q, big.NewInt(n)).Int64()
		}},
	})
}

// TestWideDivRefuses: divisors whose b*M passes wideMaxBM keep the plain
// division, whose wrapped numerator the scan refuses; so does a quotient
// of a binomial past i32 (reduced only under a mod).
func TestWideDivRefuses(t *testing.T) {
	refuses(t,
		"a(n) = floor(n^9/65536).",
		"a(n) = round(3^n/100000).",
		"a(n) = floor(binomial(2n,n)/4).",
	)
}

// TestWideBinomialMod: binomials under a mod from a row of Pascal's
// triangle mod m in memory (wide_binom.go), against math/big.
func TestWideBinomialMod(t *testing.T) {
	binomMod := func(a, b, m int64) int64 {
		c := new(big.Int).Binomial(a, b)
		return c.Mod(c, big.NewInt(m)).Int64()
	}
	newRunner(t).anyMatches(t, []refCase{
		{"a(n) = binomial(2n-1, n-1) mod n.", 1, 100, func(n int64) int64 { return binomMod(2*n-1, n-1, n) }},
		{"a(n) = binomial(2*n, n) mod n^2.", 1, 100, func(n int64) int64 { return binomMod(2*n, n, n*n) }},
		{"a(n) = binomial(3*n, n) mod (n+2).", 0, 100, func(n int64) int64 { return binomMod(3*n, n, n+2) }},
	})
}
