package formula

// Normalization: a parsed formula uses rational arithmetic ("/" is exact,
// as in OEIS names: n^3/6 + n^2/2 + n/3 is an integer though no term is).
// frac rewrites a tree as num/den with num and den integer trees, the
// denominator folded to a constant where it is one (lcm of the terms'), so
// the program divides once, at the end. Inside floor, ceiling and round the
// division rounds as the function says; everywhere else an integer is
// required (a function's argument, an exponent, the whole formula) it is
// truncating division, exact whenever the formula names an integer.

type fraction struct{ n, d *node } // d == nil: 1

type normError struct{ msg string }

// normalize turns a parsed formula into an integer tree for lowering, or
// fails (an unsupported use of sqrt, a denominator that depends on a
// summation variable, a division by zero).
func normalize(x *node, inverse bool) (y *node, ok bool) {
	z := norm{inverse: inverse}
	defer func() {
		if r := recover(); r != nil {
			if _, is := r.(normError); !is {
				panic(r)
			}
			y, ok = nil, false
		}
	}()
	return z.intOf(z.frac(x)), true
}

func nfail(msg string) { panic(normError{msg}) }

// norm holds the choices of one normalization.
type norm struct {
	// inverse: divide exactly by an odd constant as a multiplication by
	// its inverse modulo 2^32, right even where the numerator wraps.
	inverse bool
}

func (z norm) intOf(f fraction) *node {
	if f.d == nil {
		return f.n
	}
	if z.inverse && f.d.isNum() && f.d.val%2 == 1 && ringOnly(f.n) {
		return mul(f.n, num(int64(int32(inverse32(uint32(f.d.val))))))
	}
	return bin(kDivT, f.n, f.d)
}

func gcd64(a, b int64) int64 {
	if a < 0 {
		a = -a
	}
	if b < 0 {
		b = -b
	}
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

const bigConst = 1 << 40 // constants past this are rejected while folding

func checkBig(v int64) int64 {
	if v > bigConst || v < -bigConst {
		nfail("constant too large")
	}
	return v
}

// smart constructors with constant folding
func add(a, b *node) *node {
	switch {
	case a.isNum() && b.isNum():
		return num(checkBig(a.val + b.val))
	case a.isNum() && a.val == 0:
		return b
	case b.isNum() && b.val == 0:
		return a
	}
	return bin(kAdd, a, b)
}

func sub(a, b *node) *node {
	switch {
	case a.isNum() && b.isNum():
		return num(checkBig(a.val - b.val))
	case b.isNum() && b.val == 0:
		return a
	}
	return bin(kSub, a, b)
}

func mul(a, b *node) *node {
	switch {
	case a.isNum() && b.isNum():
		return num(checkBig(a.val * b.val))
	case a.isNum() && a.val == 1:
		return b
	case b.isNum() && b.val == 1:
		return a
	case a.isNum() && a.val == 0, b.isNum() && b.val == 0:
		return num(0)
	}
	return bin(kMul, a, b)
}

func neg(a *node) *node {
	if a.isNum() {
		return num(-a.val)
	}
	return un(kNeg, a)
}

func one(d *node) bool { return d == nil }

func den(d *node) *node {
	if d == nil {
		return num(1)
	}
	return d
}

// mkFrac builds n/d, folding a constant d: 1 disappears, a negative d
// moves its sign to n, and a common factor with n's constant is cancelled.
func mkFrac(n, d *node) fraction {
	if d == nil {
		return fraction{n, nil}
	}
	if d.isNum() {
		if d.val == 0 {
			nfail("division by zero")
		}
		if d.val < 0 {
			n, d = neg(n), num(-d.val)
		}
		if c, rest, ok := constFactor(n); ok {
			g := gcd64(c, d.val)
			if g > 1 {
				n, d = mul(num(c/g), rest), num(d.val/g)
			}
		}
		if d.val == 1 {
			return fraction{n, nil}
		}
	}
	return fraction{n, d}
}

// constFactor splits n = c * rest for a constant c.
func constFactor(n *node) (c int64, rest *node, ok bool) {
	switch {
	case n.isNum():
		return n.val, num(1), true
	case n.k == kMul && n.kids[0].isNum():
		return n.kids[0].val, n.kids[1], true
	case n.k == kMul && n.kids[1].isNum():
		return n.kids[1].val, n.kids[0], true
	}
	return 0, nil, false
}

func (z norm) frac(x *node) fraction {
	switch x.k {
	case kNum, kVar:
		return fraction{x, nil}
	case kNeg:
		f := z.frac(x.kids[0])
		return fraction{neg(f.n), f.d}
	case kAdd, kSub:
		a, b := z.frac(x.kids[0]), z.frac(x.kids[1])
		op := add
		if x.k == kSub {
			op = sub
		}
		if (one(a.d) || a.d.isNum()) && (one(b.d) || b.d.isNum()) {
			da, db := den(a.d).val, den(b.d).val
			l := checkBig(da / gcd64(da, db) * db)
			return mkFrac(op(mul(a.n, num(l/da)), mul(b.n, num(l/db))), num(l))
		}
		return mkFrac(op(mul(a.n, den(b.d)), mul(b.n, den(a.d))), mul(den(a.d), den(b.d)))
	case kMul:
		a, b := z.frac(x.kids[0]), z.frac(x.kids[1])
		return mkFrac(mul(a.n, b.n), mulDen(a.d, b.d))
	case kDiv:
		a, b := z.frac(x.kids[0]), z.frac(x.kids[1])
		if b.n.isNum() && b.n.val == 0 {
			nfail("division by zero")
		}
		return mkFrac(mul(a.n, den(b.d)), mulDen(a.d, b.n))
	case kPow:
		b, e := z.frac(x.kids[0]), z.intOf(z.frac(x.kids[1]))
		if e.isNum() {
			k := e.val
			if k > 64 && !(b.n.isNum() && (b.n.val == 1 || b.n.val == -1)) {
				nfail("exponent too large")
			}
			if k < 0 {
				if b.n.isNum() && b.n.val == 0 {
					nfail("division by zero")
				}
				return mkFrac(power(den(b.d), -k), powDen(b.n, -k))
			}
			return mkFrac(power(b.n, k), powDen(b.d, k))
		}
		if one(b.d) {
			return fraction{bin(kPow, b.n, e), nil}
		}
		return mkFrac(bin(kPow, b.n, e), bin(kPow, b.d, e))
	case kFact:
		return fraction{un(kFact, z.intOf(z.frac(x.kids[0]))), nil}
	case kMod:
		return fraction{bin(kMod, z.intOf(z.frac(x.kids[0])), z.intOf(z.frac(x.kids[1]))), nil}
	case kFloor:
		if a := x.kids[0]; a.k == kCall && a.name == "sqrt" {
			f := z.frac(a.kids[0])
			return fraction{call("isqrt", floorOf(f)), nil}
		}
		if hasSurd(x.kids[0]) { // floor(n*sqrt(2)): beatty.go
			return fraction{z.roundedSurd(x.k, x.kids[0]), nil}
		}
		return fraction{floorOf(z.frac(x.kids[0])), nil}
	case kCeil:
		if hasSurd(x.kids[0]) {
			return fraction{z.roundedSurd(x.k, x.kids[0]), nil}
		}
		f := z.frac(x.kids[0])
		if one(f.d) {
			return f
		}
		return fraction{neg(bin(kFloorDiv, neg(f.n), f.d)), nil}
	case kRound:
		if hasSurd(x.kids[0]) {
			return fraction{z.roundedSurd(x.k, x.kids[0]), nil}
		}
		f := z.frac(x.kids[0])
		if one(f.d) {
			return f
		}
		return fraction{bin(kFloorDiv, add(mul(num(2), f.n), f.d), mul(num(2), f.d)), nil}
	case kCall:
		if x.name == "sqrt" {
			nfail("sqrt outside floor")
		}
		kids := make([]*node, len(x.kids))
		for i, k := range x.kids {
			kids[i] = z.intOf(z.frac(k))
		}
		return fraction{call(x.name, kids...), nil}
	case kSum, kProd, kSumDiv:
		body := z.frac(x.kids[len(x.kids)-1])
		if !one(body.d) && (x.k == kProd || body.d.uses(x.name)) {
			nfail("denominator inside a sum or product")
		}
		kids := make([]*node, len(x.kids))
		for i, k := range x.kids[:len(x.kids)-1] {
			kids[i] = z.intOf(z.frac(k))
		}
		kids[len(kids)-1] = body.n
		return mkFrac(&node{k: x.k, name: x.name, kids: kids}, body.d)
	case kNth, kIsPrime, kCmp, kTable, kAnd, kCmp0, kRec, kBinSum, kPart, kTri, kDnc, kMem, kMemRef:
		kids := make([]*node, len(x.kids))
		for i, k := range x.kids {
			kids[i] = z.intOf(z.frac(k))
		}
		return fraction{&node{k: x.k, name: x.name, val: x.val, vals: x.vals, ord: x.ord, kids: kids}, nil}
	}
	nfail("unknown node")
	return fraction{}
}

func floorOf(f fraction) *node {
	if one(f.d) {
		return f.n
	}
	return bin(kFloorDiv, f.n, f.d)
}

func mulDen(a, b *node) *node {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	return mul(a, b)
}

// power is b^k for a constant k >= 0, folded for a constant b.
func power(b *node, k int64) *node {
	if k == 0 {
		return num(1)
	}
	if k == 1 {
		return b
	}
	if b.isNum() {
		if b.val == 1 || b.val == 0 {
			return b
		}
		if b.val == -1 {
			return num(1 - 2*(k%2))
		}
		v := int64(1)
		for i := int64(0); i < k; i++ {
			v = checkBig(v * b.val)
		}
		return num(v)
	}
	return bin(kPow, b, num(k))
}

func powDen(d *node, k int64) *node {
	if d == nil || k == 0 {
		return nil
	}
	return power(d, k)
}

// inverse32 is the inverse of odd d modulo 2^32 (Newton's iteration).
func inverse32(d uint32) uint32 {
	x := d // right to 3 bits for odd d
	for i := 0; i < 5; i++ {
		x *= 2 - d*x
	}
	return x
}

// ringOnly reports whether x uses only ring operations (and powers with
// exponents it does not wrap), so its value modulo 2^32 is right however
// far the exact value is from i32.
func ringOnly(x *node) bool {
	switch x.k {
	case kNum, kVar:
		return true
	case kAdd, kSub, kMul, kNeg:
	case kPow:
		return ringOnly(x.kids[0]) && (x.kids[1].isNum() || x.kids[1].k == kVar)
	default:
		return false
	}
	for _, k := range x.kids {
		if !ringOnly(k) {
			return false
		}
	}
	return true
}
