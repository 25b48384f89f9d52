package formula

import (
	"math/big"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// The native references: floor, ceiling and round of n*c and kin, with c
// computed by math/big.Float at 256 bits (sqrt by Newton's method in
// big.Float), not by the package's exact surd arithmetic.

const refPrec = 256

func bf(v int64) *big.Float { return new(big.Float).SetPrec(refPrec).SetInt64(v) }

func bsqrt(v int64) *big.Float { return new(big.Float).SetPrec(refPrec).Sqrt(bf(v)) }

func goldenRef() *big.Float { // (1 + sqrt(5))/2
	x := bsqrt(5)
	x.Add(x, bf(1))
	return x.Quo(x, bf(2))
}

func floorF(x *big.Float) int64 {
	i, acc := x.Int(nil) // toward zero
	if x.Sign() < 0 && acc != big.Exact {
		i.Sub(i, big.NewInt(1))
	}
	return i.Int64()
}

func mulF(x *big.Float, n int64) *big.Float { return new(big.Float).SetPrec(refPrec).Mul(x, bf(n)) }

func addF(x *big.Float, v float64) *big.Float {
	return new(big.Float).SetPrec(refPrec).Add(x, new(big.Float).SetPrec(refPrec).SetFloat64(v))
}

func powF(x *big.Float, k int) *big.Float {
	r := bf(1)
	for ; k > 0; k-- {
		r.Mul(r, x)
	}
	return r
}

func TestBeatty(t *testing.T) {
	r := newRunner(t)
	phi := goldenRef()
	r.allMatch(t, []refCase{
		{"a(n) = floor(n*sqrt(2)).", 0, 200, func(n int64) int64 { return floorF(mulF(bsqrt(2), n)) }},
		{"a(n) = 3*n - floor(n*sqrt(2)).", 0, 200, func(n int64) int64 { return 3*n - floorF(mulF(bsqrt(2), n)) }},
		{"a(n) = ceiling(n*sqrt(3)).", 0, 200, func(n int64) int64 { return -floorF(mulF(bsqrt(3), -n)) }},
		{"a(n) = round(n*sqrt(7)/3).", 0, 200, func(n int64) int64 {
			x := mulF(bsqrt(7), n)
			return floorF(addF(x.Quo(x, bf(3)), 0.5))
		}},
		{"a(n) = floor(n*(5 - sqrt(5))/2) + 1.", 0, 200, func(n int64) int64 {
			x := new(big.Float).SetPrec(refPrec).Sub(bf(5), bsqrt(5))
			x = mulF(x, n)
			return floorF(x.Quo(x, bf(2))) + 1
		}},
		{"a(n) = floor(n/(2+sqrt(2))).", 0, 200, func(n int64) int64 {
			x := new(big.Float).SetPrec(refPrec).Add(bf(2), bsqrt(2))
			return floorF(new(big.Float).SetPrec(refPrec).Quo(bf(n), x))
		}},
		{"a(n) = floor(n*((1+sqrt(5))/2)^19).", 0, 200, func(n int64) int64 { return floorF(mulF(powF(phi, 19), n)) }},
		{"a(n) = round(n*((1+sqrt(5))/2)^13).", 0, 200, func(n int64) int64 { return floorF(addF(mulF(powF(phi, 13), n), 0.5)) }},
		{"a(n) = floor(n*sqrt(1/2)) - floor(n*sqrt(2)/2).", 0, 100, func(n int64) int64 { return 0 }},
		{"a(n) = floor(floor(n*((1+sqrt(5))/2)^2)*(1+sqrt(5))/2).", 0, 200, func(n int64) int64 {
			return floorF(mulF(phi, floorF(mulF(powF(phi, 2), n))))
		}},
		{"a(n) = floor(n*sqrt(12) - n/3).", 0, 200, func(n int64) int64 {
			return floorF(new(big.Float).SetPrec(refPrec).Sub(mulF(bsqrt(12), n), new(big.Float).SetPrec(refPrec).Quo(bf(n), bf(3))))
		}},
	})
}

// floorSqrt's program against floor(q*sqrt(d)) in big integers, for q
// over a wide range (both signs) and several d.
func TestFloorSqrt(t *testing.T) {
	for _, d := range []int64{2, 3, 5, 6, 7, 10, 13, 99, 1001} {
		e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}}
		e.floorSqrt(vr("n"), d)
		e.emit(ir.OpEnd)
		x, err := ir.Prepare(ir.Program{Arity: 1, Ops: e.ops})
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range []int64{0, 1, -1, 2, -2, 7, 99, -100, 1000, 4181 * 100, -4181 * 97, 46340, 123456, 1 << 20} {
			want := new(big.Int).Sqrt(big.NewInt(q * q * d))
			if q < 0 {
				want.Neg(want.Add(want, big.NewInt(1)))
			}
			if !want.IsInt64() || want.Int64() != int64(int32(want.Int64())) {
				continue
			}
			p, k := sqrtApprox(d)
			m := max(q, -q)
			if (m/k+2)*(2*m*(p/k+1)+2) >= 1<<31 {
				continue // past the bound floorSqrt documents (and fits checks)
			}
			got, err := x.Run([]int32{int32(q)}, ir.DefaultFuel)
			if err != nil || int64(got) != want.Int64() {
				t.Errorf("d=%d q=%d: got %d, %v; want %d", d, q, got, err, want)
			}
		}
	}
}

// The ways names write them: the golden ratio, letters the text defines,
// "[ ]" for floor, "integer nearest", "Beatty sequence for".
func TestBeattyText(t *testing.T) {
	r := newRunner(t)
	phi := goldenRef()
	sub := func(a, b *big.Float) *big.Float { return new(big.Float).SetPrec(refPrec).Sub(a, b) }
	quo := func(a, b *big.Float) *big.Float { return new(big.Float).SetPrec(refPrec).Quo(a, b) }
	r.allMatch(t, []refCase{
		{"a(n) = floor(n*phi^4), where phi is the golden ratio, A001622.", 0, 150, func(n int64) int64 { return floorF(mulF(powF(phi, 4), n)) }},
		{"a(n) = floor(n*tau) + 1, where tau = (1+sqrt(5))/2.", 0, 150, func(n int64) int64 { return floorF(mulF(phi, n)) + 1 }},
		{"floor(nr+h), where r=sqrt(3), h=-1/3; complement of A184007.", 1, 150, func(n int64) int64 {
			return floorF(sub(mulF(bsqrt(3), n), quo(bf(1), bf(3))))
		}},
		{"[(bn+c)r]-b[nr]-[cr], where (r,b,c)=(sqrt(3),4,2) and [ ]=floor.", 1, 150, func(n int64) int64 {
			return floorF(mulF(bsqrt(3), 4*n+2)) - 4*floorF(mulF(bsqrt(3), n)) - floorF(mulF(bsqrt(3), 2))
		}},
		{"a(n) = integer nearest n*(1+sqrt(2)).", 0, 150, func(n int64) int64 { return floorF(addF(mulF(addF(bsqrt(2), 1), n), 0.5)) }},
		{"Beatty sequence for (sqrt(5) + 3)/4.", 1, 150, func(n int64) int64 { return floorF(quo(mulF(addF(bsqrt(5), 3), n), bf(4))) }},
		{"a(n) = n + [n*r/s] + [n*t/s]; r=1, s=sqrt(2), t=1/sqrt(3).", 1, 150, func(n int64) int64 {
			return n + floorF(quo(bf(n), bsqrt(2))) + floorF(quo(bf(n), bsqrt(6)))
		}},
	})
	refuses(t,
		"a(n) = floor(n*phi), where phi = 1.618.",            // no exact constant
		"a(n) = floor(n*sqrt(2) + n*sqrt(3)).",               // two square roots
		"a(n) = floor(sqrt(n)*sqrt(2)).",                     // not of a constant
		"a(n) = nearest integer to n/2.",                     // no surd: ties
		"a(n) = floor(n*phi).",                               // no golden ratio named
		"a(n) = floor(n*r), where r = sqrt(2), r = sqrt(3).", // two definitions
	)
}
