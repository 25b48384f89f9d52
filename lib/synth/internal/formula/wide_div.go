package formula

// Quotients by an even constant of values wider than i32 (ringDiv only,
// after eqn_ring.go's odd divisors): "a(n) = round((2^n - n - 1)/4)",
// "ceiling(Fibonacci(n)/2)", "(prime(n)^4 - 1)/240", and a quotient
// under a mod, "(6^n-1)/5 mod n".
//
// floor(a/b) for a constant b = 2^k*d > 0, d odd, where the quotient q
// fits i32 however far a passes it: the program knows a mod 2^32 (plain
// wrapping arithmetic) and a mod b*M for the odd M = 2^k + 3 (ring: ring
// operations reduced as they go, so b*M <= 46340 keeps every product in
// i32). From R = a mod b*M: r = R mod b is a mod b, and R div b is
// q mod M. (a - r)/d is exact, so (a - r)*inv(d) mod 2^32 is 2^k*q mod
// 2^32, and its exact quotient w by 2^k is q mod 2^(32-k). Then
// q = w + j*2^(32-k), j = (q - w)*inv(2^(32-k)) mod M, taken in
// -(M-1)/2..(M-1)/2: |q| < 2^31 and |w| <= 2^(31-k) put j in that range
// (|j| <= 2^(k-1) + 1), so j and q are exact. A truncating "div" (the
// exact division frac.go writes) adds 1 where q < 0 and r != 0.
//
// Under a mod m, (a fdiv b) mod m is (a mod b*m) div b: a's residue modulo
// b*m from ring arithmetic, divided by b (ringQuot).

import (
	"math/big"

	"github.com/irsynth/irsynth/lib/ir"
)

// wideMaxBM bounds b*M, and b*m under a mod: the residues ring keeps are
// below it, so their products stay in i32.
const wideMaxBM = 46340

// wideParams gives, for a constant divisor b > 1, the odd part d, the
// power k of 2 in b, the odd modulus M (2^k + 3; 1 for an odd b, whose
// quotient (a - r)*inv(b) is exact alone), and whether b*M is within
// wideMaxBM.
func wideParams(b int64) (d int64, k uint, m int64, ok bool) {
	if b <= 1 {
		return 0, 0, 0, false
	}
	d = b
	for d%2 == 0 {
		d /= 2
		k++
	}
	if k > 12 {
		return 0, 0, 0, false
	}
	m = 1
	if k > 0 {
		m = int64(1)<<k + 3
	}
	return d, k, m, b*m <= wideMaxBM
}

// wideQuot pushes floor(a/b), or with trunc the truncated quotient, for
// the constant b (see the file comment); it reports false, emitting
// nothing, where b has no power of 2 or b*M is too large.
func (e *emitter) wideQuot(a *node, b int64, trunc bool) bool {
	d, k, m, ok := wideParams(b)
	if !ok {
		return false
	}
	mark := e.next
	defer func() { e.next = mark }()
	bm, rr := e.alloc(), e.alloc()
	e.konst(b * m)
	e.set(bm)
	e.ring(a, bm) // in (-bM, bM)
	e.get(bm)
	e.emit(ir.OpI32Add)
	e.get(bm)
	e.emit(ir.OpI32RemS)
	e.set(rr) // R = a mod bM
	// w = ((a - r) * inv(d)) / 2^k: q mod 2^(32-k); bm's local is free now
	w := bm
	e.lower(a)
	e.get(rr)
	e.konst(b)
	e.emit(ir.OpI32RemS, ir.OpI32Sub)
	if d != 1 {
		e.konst(int64(int32(inverse32(uint32(d)))))
		e.emit(ir.OpI32Mul)
	}
	if k == 0 { // q itself
		if trunc {
			e.truncFix(rr, b)
		}
		return true
	}
	e.konst(int64(1) << k)
	e.emit(ir.OpI32DivS)
	e.set(w)
	// j0 = ((R div b) - (w rem M) + M) * inv(2^(32-k)) mod M, in 0..M-1
	e.get(rr)
	e.konst(b)
	e.emit(ir.OpI32DivS)
	e.get(w)
	e.konst(m)
	e.emit(ir.OpI32RemS, ir.OpI32Sub)
	e.konst(m)
	e.emit(ir.OpI32Add)
	e.konst(invPow2Mod(32-k, m))
	e.emit(ir.OpI32Mul)
	e.konst(m)
	e.emit(ir.OpI32RemS)
	j := e.alloc()
	e.set(j)
	// q = w + (j0 - M*(j0 > (M-1)/2)) * 2^(32-k), wrapping
	e.get(w)
	e.get(j)
	e.get(j)
	e.konst((m - 1) / 2)
	e.emit(ir.OpI32GtS)
	e.konst(m)
	e.emit(ir.OpI32Mul, ir.OpI32Sub)
	e.konst(int64(int32(uint32(1) << (32 - k))))
	e.emit(ir.OpI32Mul, ir.OpI32Add)
	if trunc {
		e.truncFix(rr, b)
	}
	return true
}

// truncFix turns the floor quotient q on the stack into the truncated
// one, q + (q < 0)*(r != 0), r = R mod b from home rr (a local it
// writes: R is not read again).
func (e *emitter) truncFix(rr int, b int64) {
	e.get(rr)
	e.konst(b)
	e.emit(ir.OpI32RemS, ir.OpConst0, ir.OpI32Ne)
	e.set(rr)
	q := e.alloc()
	e.set(q)
	e.get(q)
	e.get(q)
	e.emit(ir.OpConst0, ir.OpI32LtS)
	e.get(rr)
	e.emit(ir.OpI32Mul, ir.OpI32Add)
}

// invPow2Mod is the inverse of 2^e modulo the odd m > 1.
func invPow2Mod(e uint, m int64) int64 {
	p := new(big.Int).Lsh(big.NewInt(1), e)
	return new(big.Int).ModInverse(p.Mod(p, big.NewInt(m)), big.NewInt(m)).Int64()
}

// wideConstDiv reports whether x is a quotient wideQuot or ringQuot
// take: a floor or truncating division by a constant b > 1.
func wideConstDiv(x *node) (a *node, b int64, ok bool) {
	if (x.k != kFloorDiv && x.k != kDivT) || len(x.kids) != 2 {
		return nil, 0, false
	}
	if d := x.kids[1]; d.k == kNum && d.val > 1 {
		return x.kids[0], d.val, true
	}
	return nil, 0, false
}

// ringQuot pushes a value congruent to x = a fdiv b (or a div b, exact)
// modulo the value in home m, for a constant b: (a mod b*m) div b, in
// 0..m-1 for m > 0 (ringDiv only). It reports false, emitting nothing,
// where x is no such quotient.
func (e *emitter) ringQuot(x *node, m int) bool {
	a, b, ok := wideConstDiv(x)
	if !ok {
		return false
	}
	mark := e.next
	defer func() { e.next = mark }()
	bm := e.alloc()
	e.get(m)
	e.konst(b)
	e.emit(ir.OpI32Mul)
	e.set(bm)
	e.ring(a, bm)
	e.get(bm)
	e.emit(ir.OpI32Add)
	e.get(bm)
	e.emit(ir.OpI32RemS)
	e.konst(b)
	e.emit(ir.OpI32DivS)
	return true
}

// wideQuotient reports whether x, in a formula as read (before
// normalize), is a quotient by a constant that the ringDiv lowering takes
// through residues: a/b, floor, ceiling or round of one, b an integer
// constant > 1 whose b*M (2b for round) wideParams allows, a with no
// division of its own (partsFit: the numerator's ring operations may
// wrap).
func wideQuotient(x *node) bool {
	scale := int64(1)
	switch x.k {
	case kRound:
		scale = 2
		fallthrough
	case kFloor, kCeil:
		if len(x.kids) != 1 {
			return false
		}
		x = x.kids[0]
	}
	if x.k != kDiv || len(x.kids) != 2 || x.kids[1].k != kNum || x.kids[1].val <= 1 || has(x.kids[0], kDiv) {
		return false
	}
	_, _, _, ok := wideParams(scale * x.kids[1].val)
	return ok
}
