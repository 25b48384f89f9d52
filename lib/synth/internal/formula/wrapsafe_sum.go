package formula

// Sums of a polynomial over a range in closed form (wrapSafe): "sum of all
// integers from a to b" was a loop of b - a + 1 passes, out of fuel from
// 200,000 passes on (a = -100000, b = 99999: the sum -100000 fits i32).
// Sum_{k=lo..hi} P(k) for a polynomial P of degree d <= 6 in k alone, with
// P(k) = Sum_j c_j*C(k, j) (c_j its forward differences at 0), is
// Sum_j c_j*(C(hi+1, j+1) - C(lo, j+1)) for hi >= lo (Pascal's rule, for
// any integers lo and hi), else 0: every binomial by binomialSplit, exact
// mod 2^32, so the sum is right wherever it fits i32, at any fuel.

import (
	"math/big"

	"github.com/irsynth/irsynth/lib/ir"
)

// maxSumDegree bounds the degree of a sum's body read in closed form
// (binomialSplit takes b <= 12).
const maxSumDegree = 6

// sumPoly reports whether x is Sum_{v=lo..hi} P(v) for a polynomial P in
// v alone (constants divided by constants too) of degree <=
// maxSumDegree, integer at the integers, and gives P's coefficients in
// the binomial basis, each in i32.
func sumPoly(x *node) ([]int64, bool) {
	if x.k != kSum || len(x.kids) != 3 {
		return nil, false
	}
	body := x.kids[2]
	d := polyDeg(body, x.name) // count_sq.go: -1 for no polynomial in the bound variable alone
	if d < 0 || d > maxSumDegree {
		return nil, false
	}
	vals := make([]*big.Int, d+1)
	for k := range vals {
		var v evaluator
		v.steps = 10_000
		r, err := v.evalAt(body, map[string]*big.Rat{x.name: ratInt(int64(k))})
		if err != nil || !r.IsInt() {
			return nil, false
		}
		vals[k] = new(big.Int).Set(r.Num())
	}
	cs := make([]int64, d+1)
	for j := range cs { // forward differences in place
		c := vals[0]
		if !c.IsInt64() || c.Int64() > 1<<31-1 || c.Int64() < -1<<31 {
			return nil, false
		}
		cs[j] = c.Int64()
		for i := 0; i+1 < len(vals); i++ {
			vals[i] = new(big.Int).Sub(vals[i+1], vals[i])
		}
		vals = vals[:len(vals)-1]
	}
	return cs, true
}

// sumClosed pushes the sum x in closed form (see the file comment); it
// reports false, emitting nothing, where x is no such sum.
func (e *emitter) sumClosed(x *node) bool {
	cs, ok := sumPoly(x)
	if !ok {
		return false
	}
	mark := e.next
	defer func() { e.next = mark }()
	lo, hi := x.kids[0], x.kids[1]
	lh := e.hold(hi)
	ll := 0
	if lo.k != kNum {
		ll = e.hold(lo)
	}
	h1 := e.alloc()
	e.get(lh)
	e.emit(ir.OpConst1, ir.OpI32Add)
	e.set(h1)
	pushLo := func() {
		if lo.k == kNum {
			e.konst(lo.val)
		} else {
			e.get(ll)
		}
	}
	e.get(lh)
	pushLo()
	e.emit(ir.OpI32GeS, ir.OpIfBegin, ir.OpConst0)
	for j, c := range cs {
		if c == 0 {
			continue
		}
		b := int64(j + 1)
		if b == 1 {
			e.get(h1)
		} else {
			e.binomialSplit(h1, b)
		}
		if lo.k == kNum {
			e.konst(int64(int32(uint32(binomialWrapped(lo.val, b)))))
		} else if b == 1 {
			e.get(ll)
		} else {
			e.binomialSplit(ll, b)
		}
		e.emit(ir.OpI32Sub)
		if c != 1 {
			e.konst(c)
			e.emit(ir.OpI32Mul)
		}
		e.emit(ir.OpI32Add)
	}
	e.emit(ir.OpElse, ir.OpConst0, ir.OpIfEnd)
	return true
}

// binomialWrapped is C(a, b) = a(a-1)...(a-b+1)/b! (any integer a, b >= 0)
// mod 2^32, in 0..2^32-1.
func binomialWrapped(a, b int64) uint64 {
	p := big.NewInt(1)
	f := big.NewInt(1)
	for i := range b {
		p.Mul(p, big.NewInt(a-i))
		f.Mul(f, big.NewInt(i+1))
	}
	p.Quo(p, f)
	return new(big.Int).Mod(p, new(big.Int).Lsh(big.NewInt(1), 32)).Uint64()
}

// binSumSplit pushes Sum_k vals[k]*C(n, k) (kBinSum: a polynomial in its
// binomial basis, asked2.go's ringLowering) with each C(n, k) by
// binomialSplit, exact mod 2^32: the plain steps b*(n-k+1)/k multiply
// before they divide (n + C(n,2) for n(n+1)/2 was wrong at n = 47841).
// It reports false, emitting nothing, for a degree past 12.
func (e *emitter) binSumSplit(x *node) bool {
	if len(x.vals) > 13 {
		return false
	}
	mark := e.next
	defer func() { e.next = mark }()
	n := e.hold(x.kids[0])
	e.konst(x.vals[0])
	for k := 1; k < len(x.vals); k++ {
		c := x.vals[k]
		if c == 0 {
			continue
		}
		if k == 1 {
			e.get(n)
		} else {
			e.binomialSplit(n, int64(k))
		}
		if c != 1 {
			e.konst(c)
			e.emit(ir.OpI32Mul)
		}
		e.emit(ir.OpI32Add)
	}
	return true
}
