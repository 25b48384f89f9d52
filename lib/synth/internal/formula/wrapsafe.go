package formula

// Quotients that stay exact where the product they divide wraps (the
// wrapSafe lowering, tried before the plain one): "the n-th triangular
// number" n(n+1)/2 is 1144404561 at n = 47841, but n*(n+1) has wrapped
// there, and the plain program divided the wrapped value. People check a
// request at n up to 10^5 or 10^6, far past the readers' own n = 0..100.
//
//   - P/c for a constant c > 1 and a polynomial P with integer
//     coefficients (in up to three variables: operands.go's requests over
//     two or three operands, "sum of all integers from a to b") that c
//     divides at every tuple of residues mod c (so for every value: the
//     division is exact), P a product of factors
//     f_1*...*f_m (m >= 2): c is split over the factors at run time,
//     g_i = gcd(f_i, rem), rem = c at first, then rem/g_i, and the
//     quotient is the product of the f_i/g_i. Each f_i/g_i is exact, so
//     the product is P/c mod 2^32: the value wherever it fits i32 (and
//     exact modulo 2^32 under further ring operations). The last factor
//     needs no gcd: rem divides it (for two factors and a prime c, one
//     test: f_1 divisible by c or not). n(n+1)(2n+1)/6, n(3n-1)/2,
//     n^2(n+1)^2/4 (n^k is k factors n);
//   - P/c for such a P that is no product, (n^2+n)/2, takes wide_div.go's
//     wideQuot: exact wherever the quotient fits i32;
//   - binomial(a, b) for a constant 2 <= b <= 12 is the product of the
//     a-i, i < b, with b! split over them the same way in a loop (the
//     plain steps r*(a-i)/(i+1) wrap at n > 46341 for C(n,2) while C(n,2)
//     fits up to n = 65536).
//
// A lowering that does not fit (locals, opcodes) falls back to the plain
// one (lowerMode).

import (
	"slices"

	"github.com/irsynth/irsynth/lib/ir"
)

// wrapSafeUse reports whether x has a quotient or a binomial that the
// wrapSafe lowering writes differently from the plain one.
func wrapSafeUse(x *node) bool {
	if x == nil {
		return false
	}
	if _, _, ok := exactConstQuot(x); ok {
		return true
	}
	if _, ok := sumPoly(x); ok { // wrapsafe_sum.go
		return true
	}
	if x.k == kBinSum && len(x.vals) <= 13 {
		return true
	}
	if x.k == kCall && x.name == "binomial" && len(x.kids) == 2 && x.kids[1].k == kNum && x.kids[1].val >= 2 && x.kids[1].val <= 12 {
		return true
	}
	for _, k := range x.kids {
		if wrapSafeUse(k) {
			return true
		}
	}
	return false
}

// wrapSafeForm is x, or x normalized where x has a quotient "/" (frac.go
// writes an exact one as a div), when the wrapSafe lowering writes it
// differently from the plain one.
func wrapSafeForm(x *node) (*node, bool) {
	if wrapSafeUse(x) {
		return x, true
	}
	if !has(x, kDiv) {
		return nil, false
	}
	if y, ok := normalize(x, false); ok && wrapSafeUse(y) {
		return y, true
	}
	return nil, false
}

// exactConstQuot reports whether x is a div a/c (kDivT) with a constant
// 1 < c <= 4096 and a polynomial a with integer coefficients in up to
// three variables, c^vars <= 4096, that c divides at every tuple of
// residues mod c (so for every value: the division is exact), and with a
// product in it (a sum of terms of degree 1 never wraps first).
func exactConstQuot(x *node) (a *node, c int64, ok bool) {
	if x.k != kDivT || len(x.kids) != 2 || x.kids[1].k != kNum {
		return nil, 0, false
	}
	a, c = x.kids[0], x.kids[1].val
	if c <= 1 || c > 1<<12 || !has(a, kMul) && !has(a, kPow) {
		return nil, 0, false // c's residues are checked one by one
	}
	var vars []string
	if !polyVars(a, &vars) || len(vars) == 0 || len(vars) > 3 {
		return nil, 0, false
	}
	tuples := int64(1)
	for range vars {
		tuples *= c
		if tuples > 1<<12 {
			return nil, 0, false
		}
	}
	at := map[string]int64{}
	for t := range tuples {
		for _, v := range vars {
			at[v] = t % c
			t /= c
		}
		if m, ok := polyMod(a, at, c); !ok || m != 0 {
			return nil, 0, false
		}
	}
	return a, c, true
}

// polyVars reports whether x is a polynomial with integer coefficients,
// adding its variables to *vs.
func polyVars(x *node, vs *[]string) bool {
	switch x.k {
	case kNum:
		return true
	case kVar:
		if !slices.Contains(*vs, x.name) {
			*vs = append(*vs, x.name)
		}
		return true
	case kAdd, kSub, kMul:
		return polyVars(x.kids[0], vs) && polyVars(x.kids[1], vs)
	case kNeg:
		return polyVars(x.kids[0], vs)
	case kPow:
		e := x.kids[1]
		return e.k == kNum && e.val >= 0 && e.val <= 12 && polyVars(x.kids[0], vs)
	}
	return false
}

// polyMod is x mod c (in 0..c-1) with the variables at the residues at,
// for a polyVars x.
func polyMod(x *node, at map[string]int64, c int64) (int64, bool) {
	md := func(a int64) int64 { return ((a % c) + c) % c }
	switch x.k {
	case kNum:
		return md(x.val), true
	case kVar:
		r, ok := at[x.name]
		return md(r), ok
	case kAdd, kSub, kMul:
		a, ok1 := polyMod(x.kids[0], at, c)
		b, ok2 := polyMod(x.kids[1], at, c)
		if !ok1 || !ok2 {
			return 0, false
		}
		switch x.k {
		case kAdd:
			return md(a + b), true
		case kSub:
			return md(a - b), true
		}
		return a * b % c, true
	case kNeg:
		a, ok := polyMod(x.kids[0], at, c)
		return md(-a), ok
	case kPow:
		a, ok := polyMod(x.kids[0], at, c)
		p := int64(1) % c
		for range x.kids[1].val {
			p = p * a % c
		}
		return p, ok
	}
	return 0, false
}

// splitFactors flattens a product into its factors: constants multiplied
// into k, n^e (e <= 4) as e factors n, a negation as the constant -1.
func splitFactors(x *node, fs []*node, k int64) ([]*node, int64, bool) {
	switch {
	case x.k == kMul:
		fs, k, ok := splitFactors(x.kids[0], fs, k)
		if !ok {
			return nil, 0, false
		}
		return splitFactors(x.kids[1], fs, k)
	case x.k == kNeg:
		return splitFactors(x.kids[0], fs, -k)
	case x.k == kNum:
		k *= x.val
		return fs, k, k >= -1<<31 && k < 1<<31
	case x.k == kPow && x.kids[1].k == kNum && x.kids[1].val >= 1 && x.kids[1].val <= 4:
		for range x.kids[1].val {
			fs = append(fs, x.kids[0])
		}
		return fs, k, true
	}
	return append(fs, x), k, true
}

// wrapSafeQuot pushes x = a div c exactly where it fits i32 (see the file
// comment); it reports false, emitting nothing, where x is no such
// quotient.
func (e *emitter) wrapSafeQuot(x *node) bool {
	a, c, ok := exactConstQuot(x)
	if !ok {
		return false
	}
	fs, k, ok := splitFactors(a, nil, 1)
	if !ok || len(fs) < 2 {
		return e.wideQuot(a, c, true) // wide_div.go: no product to split c over
	}
	if g := gcd64(k, c); g > 1 {
		k, c = k/g, c/g
	}
	mark := e.next
	defer func() { e.next = mark }()
	if len(fs) == 2 && smallPrime(c) { // one of the two takes the prime c
		f := e.alloc()
		e.lower(fs[0])
		e.set(f)
		e.get(f)
		e.konst(c)
		e.emit(ir.OpI32RemS, ir.OpConst0, ir.OpI32Eq, ir.OpIfBegin)
		e.get(f)
		e.konst(c)
		e.emit(ir.OpI32DivS)
		e.lower(fs[1])
		e.emit(ir.OpI32Mul, ir.OpElse)
		e.get(f)
		e.lower(fs[1])
		e.konst(c)
		e.emit(ir.OpI32DivS, ir.OpI32Mul, ir.OpIfEnd)
		if k != 1 {
			e.konst(k)
			e.emit(ir.OpI32Mul)
		}
		return true
	}
	acc, rem, f, g, y := e.alloc(), e.alloc(), e.alloc(), e.alloc(), e.alloc()
	e.konst(k)
	e.set(acc)
	e.konst(c)
	e.set(rem)
	for i, fx := range fs {
		e.lower(fx)
		e.set(f)
		if i < len(fs)-1 { // g = gcd(|f|, rem); rem = rem/g; f = f/g
			e.abs(func() { e.get(f) })
			e.set(g)
			e.get(rem)
			e.set(y)
			e.euclid(g, y)
			e.get(rem)
			e.get(g)
			e.emit(ir.OpI32DivS)
			e.set(rem)
			e.get(f)
			e.get(g)
			e.emit(ir.OpI32DivS)
		} else { // rem divides the last factor
			e.get(f)
			e.get(rem)
			e.emit(ir.OpI32DivS)
		}
		e.get(acc)
		e.emit(ir.OpI32Mul)
		e.set(acc)
	}
	e.get(acc)
	return true
}

// smallPrime reports whether 1 < c <= 4096 is prime.
func smallPrime(c int64) bool {
	if c < 2 || c > 1<<12 {
		return false
	}
	for d := int64(2); d*d <= c; d++ {
		if c%d == 0 {
			return false
		}
	}
	return true
}

// binomialSplit pushes binomial(a, b) for a constant 2 <= b <= 12 (the
// value in home la): the product of (a - i)/g_i for i < b, g_i =
// gcd(|a - i|, rem) and rem = b! divided by the g's before it. Each
// quotient is exact, so the product is C(a, b) mod 2^32 for any a whose
// a - i fit i32 (0 for 0 <= a < b: a factor is 0).
func (e *emitter) binomialSplit(la int, b int64) {
	mark := e.next
	defer func() { e.next = mark }()
	fact := int64(1)
	for i := int64(2); i <= b; i++ {
		fact *= i
	}
	i, r, rem, g, y := e.alloc(), e.alloc(), e.alloc(), e.alloc(), e.alloc()
	e.emit(ir.OpConst0)
	e.set(i)
	e.emit(ir.OpConst1)
	e.set(r)
	e.konst(fact)
	e.set(rem)
	factor := func() { // a - i
		e.get(la)
		e.get(i)
		e.emit(ir.OpI32Sub)
	}
	e.while(func() { e.get(i); e.konst(b); e.emit(ir.OpI32LtS) }, func() {
		e.abs(factor)
		e.set(g)
		e.get(rem)
		e.set(y)
		e.euclid(g, y)
		e.get(rem)
		e.get(g)
		e.emit(ir.OpI32DivS)
		e.set(rem)
		factor()
		e.get(g)
		e.emit(ir.OpI32DivS)
		e.get(r)
		e.emit(ir.OpI32Mul)
		e.set(r)
		e.inc(i, 1)
	})
	e.get(r)
}
