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

func phiRef() *big.Float { // (1 + sqrt(5))/2
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
	phi := phiRef()
	for _, tc := range []struct {
		text     string
		from, to int64
		ref      func(int64) int64
	}{
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
	} {
		t.Run(tc.text, func(t *testing.T) {
			cs := Candidates(tc.text, 1)
			if len(cs) == 0 {
				t.Fatal("no candidate")
			}
			for _, c := range cs {
				if !r.matches(c.Ops, tc.from, tc.to, tc.ref) {
					t.Errorf("candidate %s from %q differs from the reference on %d..%d", c.Expr, c.Source, tc.from, tc.to)
				}
			}
		})
	}
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
