package formula

import (
	"math/big"
	"testing"
)

// References for decimal expansions, computed here with math/big.Int by
// other means than the package (integer square and cube roots, the
// series of e, atanh for log 3), or typed in (Pi).

const pi100 = "3" + "1415926535897932384626433832795028841971693993751058209749445923078164062862089986280348253421170679"

// fixed is a constant as the integer floor(C * 10^decs).
type fixed struct {
	v    *big.Int
	decs int
}

func pow10(k int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil) }

// ref is a(n) = digit n + 1 - 2*x0 of C (0: units), the OEIS layout.
func (f fixed) ref(x0 int64) func(int64) int64 {
	return func(n int64) int64 {
		p := int(n + 1 - 2*x0)
		q := new(big.Int).Quo(f.v, pow10(f.decs-p))
		return new(big.Int).Mod(q, big.NewInt(10)).Int64()
	}
}

const refDecs = 130

func piFixed() fixed {
	v, _ := new(big.Int).SetString(pi100, 10)
	return fixed{v, 100}
}

// eFixed: sum of 10^decs / k! with guard digits.
func eFixed() fixed {
	sc := pow10(refDecs + 10)
	sum, term := new(big.Int).Set(sc), new(big.Int).Set(sc)
	for k := int64(1); term.Sign() > 0; k++ {
		term.Quo(term, big.NewInt(k))
		sum.Add(sum, term)
	}
	return fixed{sum.Quo(sum, pow10(10)), refDecs}
}

// rootFixed: floor(N^(1/k) 10^decs) by bisection on integers.
func rootFixed(n int64, k int) fixed {
	target := new(big.Int).Mul(big.NewInt(n), pow10(k*refDecs))
	lo, hi := big.NewInt(0), new(big.Int).Mul(big.NewInt(n+1), pow10(refDecs))
	for new(big.Int).Sub(hi, lo).Cmp(big.NewInt(1)) > 0 {
		mid := new(big.Int).Rsh(new(big.Int).Add(lo, hi), 1)
		if new(big.Int).Exp(mid, big.NewInt(int64(k)), nil).Cmp(target) <= 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return fixed{lo, refDecs}
}

// logFixed: log x = 2 atanh((x-1)/(x+1)) with atanh(z) = sum
// z^(2j+1)/(2j+1), here with 10 more digits than refDecs.
func logFixed10(x int64) *big.Int {
	sc := pow10(refDecs + 10)
	sum := new(big.Int)
	pow := new(big.Int).Quo(sc, big.NewInt(x+1))
	pow.Mul(pow, big.NewInt(x-1))
	for j := int64(0); pow.Sign() > 0; j++ {
		sum.Add(sum, new(big.Int).Quo(pow, big.NewInt(2*j+1)))
		pow.Mul(pow, big.NewInt((x-1)*(x-1)))
		pow.Quo(pow, big.NewInt((x+1)*(x+1)))
	}
	return sum.Mul(sum, big.NewInt(2))
}

func log3Fixed() fixed {
	return fixed{new(big.Int).Quo(logFixed10(3), pow10(10)), refDecs}
}

// logRatio: log a / log b.
func logRatio(a, b int64) fixed {
	v := new(big.Int).Mul(logFixed10(a), pow10(refDecs))
	return fixed{v.Quo(v, logFixed10(b)), refDecs}
}

// sinCosFixed: sin(1/v*u) and cos by their Taylor series in big.Int.
func sinCosFixed(u, v int64) (fixed, fixed) {
	sc := pow10(refDecs + 10)
	sin, cos := new(big.Int), new(big.Int)
	term := new(big.Int).Set(sc) // z^k / k!
	for k := int64(0); term.Sign() != 0; k++ {
		switch k % 4 {
		case 0:
			cos.Add(cos, term)
		case 1:
			sin.Add(sin, term)
		case 2:
			cos.Sub(cos, term)
		case 3:
			sin.Sub(sin, term)
		}
		term.Mul(term, big.NewInt(u))
		term.Quo(term, big.NewInt(v*(k+1)))
	}
	return fixed{sin.Quo(sin, pow10(10)), refDecs}, fixed{cos.Quo(cos, pow10(10)), refDecs}
}

// arctanFixed: arctan(1/m) = sum (-1)^j / ((2j+1) m^(2j+1)).
func arctanFixed(m int64) fixed {
	sc := pow10(refDecs + 10)
	sum := new(big.Int)
	pow := new(big.Int).Quo(sc, big.NewInt(m))
	for j := int64(0); pow.Sign() > 0; j++ {
		t := new(big.Int).Quo(pow, big.NewInt(2*j+1))
		if j%2 == 0 {
			sum.Add(sum, t)
		} else {
			sum.Sub(sum, t)
		}
		pow.Quo(pow, big.NewInt(m*m))
	}
	return fixed{sum.Quo(sum, pow10(10)), refDecs}
}

// lin is (a + b X) / c at the smaller of X's digits.
func lin(a, b, c int64, x fixed) fixed {
	v := new(big.Int).Mul(big.NewInt(a), pow10(x.decs))
	v.Add(v, new(big.Int).Mul(big.NewInt(b), x.v))
	return fixed{v.Quo(v, big.NewInt(c)), x.decs}
}

func TestDecimalExpansions(t *testing.T) {
	pi, e := piFixed(), eFixed()
	piMinusE := fixed{new(big.Int).Sub(pi.v, new(big.Int).Quo(e.v, pow10(e.decs-pi.decs))), pi.decs}
	em6 := new(big.Int).Exp(e.v, big.NewInt(6), nil) // e^6 * 10^(6 decs)
	eInv6 := fixed{new(big.Int).Quo(pow10(7*e.decs), em6), e.decs}
	cases := []refCase{
		{"Decimal expansion of Pi.", 1, 99, pi.ref(1)},
		{"Decimal expansion of 4*Pi/5.", 1, 95, lin(0, 4, 5, pi).ref(1)},
		{"Decimal expansion of Pi - e.", 0, 95, piMinusE.ref(0)},
		{"Decimal expansion of e/6.", 0, 100, lin(0, 1, 6, e).ref(0)},
		{"Decimal expansion of e^(-6).", 0, 100, eInv6.ref(0)},
		{"Decimal expansion of (3+sqrt(21))/6.", 1, 101, lin(3, 1, 6, rootFixed(21, 2)).ref(1)},
		{"Decimal expansion of 1/sqrt(76).", 0, 100, lin(0, 1, 76, rootFixed(76, 2)).ref(0)},
		{"Decimal expansion of cube root of 31.", 1, 101, rootFixed(31, 3).ref(1)},
		{"Decimal expansion of 4th root of 43.", 1, 101, rootFixed(43, 4).ref(1)},
		{"Decimal expansion of natural logarithm of 3.", 1, 101, log3Fixed().ref(1)},
		{"Decimal expansion of log_6 (4).", 0, 100, logRatio(4, 6).ref(0)},
		{"Decimal expansion of log_15 (10).", 0, 60, logRatio(10, 15).ref(0)}, // three primes: three series in one loop
		{"Decimal expansion of 10th root of 11.", 1, 60, rootFixed(11, 10).ref(1)},
		{"Decimal expansion of 1/(Pi + 1).", 0, 95, fixed{new(big.Int).Quo(pow10(200), new(big.Int).Add(pi.v, pow10(100))), 100}.ref(0)},
	}
	sin1, cos1 := sinCosFixed(1, 1)
	tan1 := fixed{new(big.Int).Quo(new(big.Int).Mul(sin1.v, pow10(refDecs)), cos1.v), refDecs}
	cases = append(cases,
		refCase{"Decimal expansion of sin(1).", 0, 100, sin1.ref(0)},
		refCase{"Decimal expansion of tan(1).", 1, 60, tan1.ref(1)},
		refCase{"Decimal expansion of arctan(1/2).", 0, 100, arctanFixed(2).ref(0)},
		refCase{"Decimal expansion of the square root of 74.", 1, 90, rootFixed(74, 2).ref(1)},
		refCase{"Decimal expansion of sqrt(2) + sqrt(3).", 1, 90, fixed{new(big.Int).Add(rootFixed(2, 2).v, rootFixed(3, 2).v), refDecs}.ref(1)},
		refCase{"Decimal expansion of Pi/sqrt(2).", 1, 90, fixed{new(big.Int).Quo(new(big.Int).Mul(pi.v, rootFixed(2, 2).v), big.NewInt(2)), 100 + refDecs}.ref(1)},
		refCase{"Decimal expansion of zeta(2).", 1, 90, fixed{new(big.Int).Quo(new(big.Int).Mul(pi.v, pi.v), big.NewInt(6)), 200}.ref(1)},
		refCase{"Decimal expansion of 32/Pi^3.", 1, 90, fixed{new(big.Int).Quo(new(big.Int).Mul(big.NewInt(32), pow10(400)), new(big.Int).Exp(pi.v, big.NewInt(3), nil)), 100}.ref(1)},
		refCase{"Decimal expansion of 2*Pi*e/5.", 1, 90, fixed{new(big.Int).Quo(new(big.Int).Mul(big.NewInt(2), new(big.Int).Mul(pi.v, new(big.Int).Quo(e.v, pow10(e.decs-100)))), big.NewInt(5)), 200}.ref(1)},
	)
	newRunner(t).allMatch(t, cases)
}

func TestDecimalRefuses(t *testing.T) {
	refuses(t,
		"Decimal expansion of the sine integral at 1.", // words
		"Decimal expansion of 90th root of 90.",        // no approximant makes the series converge fast enough
		"Decimal expansion of 12*sqrt(2).",             // 16.97...: two digits before the point
		"Decimal expansion of zeta(3).",                // no series for zeta
		"Decimal expansion of Pi*e*sqrt(2).",           // a product of three series
		"Decimal expansion of exp(Pi).",                // e to a power that is not rational
		"Decimal expansion of zeta(5).",
		"Decimal expansion of the real root of x^3 - x - 1.",
	)
}

// The reader keeps the digits of p/q to digits.go and states its atoms.
func TestDecimalParse(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"(7 + 2*sqrt(2))/(7 - 2*sqrt(2))", "28/41*root(2,2) + 57/41"},
		{"sqrt(3/14)", "1/14*root(42,2)"},
		{"2*e/21", "2/21*exp(1)"},
		{"log(59)", "-2*atanh(5/123) + 12*atanh(1/3)"},
		{"5th root of 87", "1*root(87,5)"},
		{"the real root of 3*x^3 - 2", "1/3*root(18,3)"},
		{"the positive real root r of 3*x^4 - 1", "1/3*root(27,4)"},
		{"1 - 2*cotan(2)", "-2*cos(2) + 1*sin(2) / 1*sin(2)"},
		{"log_6 (4)", "4*atanh(1/3) / -2*atanh(1/7) + 6*atanh(1/3)"},
		{"1/6 - 1/(2*Pi)", "-1 + 1/3*Pi / 2*Pi"},
	} {
		x, ok := parseDecConst(tc.text)
		if !ok {
			t.Errorf("%q: not read", tc.text)
			continue
		}
		got := x.n.String()
		if x.d != nil {
			got += " / " + x.d.String()
		}
		if got != tc.want {
			t.Errorf("%q: read %q, want %q", tc.text, got, tc.want)
		}
	}
}
