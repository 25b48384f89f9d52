package formula

import (
	"math/big"
)

// The exact evaluator of a series tree: its coefficients 0..L-1 as big
// integers, computed from the tree itself (not from the normal form the
// program is compiled from), with the theta functions from their sums,
// not their products: eta(q) = Sum_{n in Z} (-1)^n q^(n(3n-1)/2) (Euler's
// pentagonal theorem), phi(q) = Sum q^(n^2), psi(q) = Sum_{n>=0}
// q^(n(n+1)/2), f(a, b) = Sum_{n in Z} a^(n(n+1)/2) b^(n(n-1)/2). Any
// coefficient that is not an integer (a division by a series whose
// constant term is not ±1, a scalar division with a remainder) fails.

type seriesError struct{}

// bigOne is 1, shared read-only.
var bigOne = big.NewInt(1)

func seriesFail() { panic(seriesError{}) }

// maxSeriesPow bounds an exponent the evaluator raises a series to.
const maxSeriesPow = 4096

type sEval struct {
	a     []*big.Int // A while a fixed point is iterated (series_fixed.go)
	l     int        // coefficients 0..l-1
	env   map[string]int64
	steps int // work done, bounded by maxEvalSteps
}

const maxEvalSteps = 4_000_000

func (ev *sEval) work(n int) {
	ev.steps += n
	if ev.steps > maxEvalSteps {
		seriesFail()
	}
}

// seriesCoefs evaluates x to l coefficients, or reports it cannot.
func seriesCoefs(x *sNode, l int) (cs []*big.Int, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, is := r.(seriesError); !is {
				panic(r)
			}
			cs, ok = nil, false
		}
	}()
	ev := &sEval{l: l, env: map[string]int64{}}
	return ev.eval(x), true
}

func (ev *sEval) zero() []*big.Int {
	s := make([]*big.Int, ev.l)
	for i := range s {
		s[i] = new(big.Int)
	}
	return s
}

func (ev *sEval) konst(c *big.Int) []*big.Int {
	s := ev.zero()
	s[0].Set(c)
	return s
}

// scalarOf reports whether s is a constant series, and its value.
func scalarOf(s []*big.Int) (*big.Int, bool) {
	for _, c := range s[1:] {
		if c.Sign() != 0 {
			return nil, false
		}
	}
	return s[0], true
}

// scalar evaluates a formula over the bound variables exactly.
func (ev *sEval) scalar(x *node) *big.Int {
	switch x.k {
	case kNum:
		return big.NewInt(x.val)
	case kVar:
		v, ok := ev.env[x.name]
		if !ok {
			seriesFail()
		}
		return big.NewInt(v)
	case kAdd:
		return new(big.Int).Add(ev.scalar(x.kids[0]), ev.scalar(x.kids[1]))
	case kSub:
		return new(big.Int).Sub(ev.scalar(x.kids[0]), ev.scalar(x.kids[1]))
	case kMul:
		return new(big.Int).Mul(ev.scalar(x.kids[0]), ev.scalar(x.kids[1]))
	case kNeg:
		return new(big.Int).Neg(ev.scalar(x.kids[0]))
	case kDivT:
		a, b := ev.scalar(x.kids[0]), ev.scalar(x.kids[1])
		if b.Sign() == 0 {
			seriesFail()
		}
		q, r := new(big.Int).QuoRem(a, b, new(big.Int))
		if r.Sign() != 0 {
			seriesFail()
		}
		return q
	case kPow:
		a, b := ev.scalar(x.kids[0]), ev.scalar(x.kids[1])
		if b.Sign() < 0 || a.CmpAbs(bigOne) > 0 && (!b.IsInt64() || b.Int64()*int64(a.BitLen()) > 4096) {
			seriesFail()
		}
		return new(big.Int).Exp(a, b, nil)
	case kMod:
		a, b := ev.scalar(x.kids[0]), ev.scalar(x.kids[1])
		if b.Sign() <= 0 {
			seriesFail()
		}
		return new(big.Int).Mod(a, b)
	case kCall:
		return ev.scalarCall(x) // series2_calls.go
	}
	seriesFail()
	return nil
}

func smallInt(b *big.Int, lo, hi int64) int64 {
	if !b.IsInt64() || b.Int64() < lo || b.Int64() > hi {
		seriesFail()
	}
	return b.Int64()
}

func (ev *sEval) add(a, b []*big.Int, sign int) []*big.Int {
	r := ev.zero()
	for i := range r {
		if sign < 0 {
			r[i].Sub(a[i], b[i])
		} else {
			r[i].Add(a[i], b[i])
		}
	}
	ev.work(ev.l)
	return r
}

func (ev *sEval) mul(a, b []*big.Int) []*big.Int {
	if bigNonzeros(b) < bigNonzeros(a) {
		a, b = b, a // the sparser one outside: a binomial costs l/m rows
	}
	r := ev.zero()
	t := new(big.Int)
	for i, x := range a {
		if x.Sign() == 0 {
			continue
		}
		ev.work(ev.l - i)
		for j := 0; i+j < ev.l; j++ {
			if b[j].Sign() != 0 {
				r[i+j].Add(r[i+j], t.Mul(x, b[j]))
			}
		}
	}
	return r
}

// inverse is 1/b for b(0) = ±1.
func (ev *sEval) inverse(b []*big.Int) []*big.Int {
	if b[0].CmpAbs(bigOne) != 0 {
		seriesFail()
	}
	var nz []int
	for j := 1; j < ev.l; j++ {
		if b[j].Sign() != 0 {
			nz = append(nz, j)
		}
	}
	r := ev.zero()
	r[0].Set(b[0]) // 1/±1
	t := new(big.Int)
	for i := 1; i < ev.l; i++ {
		ev.work(len(nz) + 1)
		acc := new(big.Int)
		for _, j := range nz {
			if j > i {
				break
			}
			acc.Add(acc, t.Mul(b[j], r[i-j]))
		}
		r[i].Neg(acc.Mul(acc, b[0]))
	}
	return r
}

func (ev *sEval) pow(a []*big.Int, e int64) []*big.Int {
	if e < 0 {
		a, e = ev.inverse(a), -e
	}
	if e > maxSeriesPow {
		if c, ok := scalarOf(a); !ok || c.CmpAbs(bigOne) > 0 {
			seriesFail()
		}
	}
	r := ev.konst(bigOne)
	for e > 0 {
		if e&1 == 1 {
			r = ev.mul(r, a)
		}
		e >>= 1
		if e > 0 {
			a = ev.mul(a, a)
		}
	}
	return r
}

// monomial reads s as ±x^m, m >= 1 (a theta function's argument).
func monomial(s []*big.Int) (sign int64, m int) {
	for i, c := range s {
		if c.Sign() == 0 {
			continue
		}
		if sign != 0 || i == 0 || c.CmpAbs(bigOne) != 0 {
			seriesFail()
		}
		sign, m = c.Int64(), i
	}
	if sign == 0 {
		// the argument's power lies past the coefficients computed: read it
		// again with more of them is not possible here
		seriesFail()
	}
	return sign, m
}

// term adds c * (sign x^m)^t to r when m*t < l.
func (ev *sEval) termAdd(r []*big.Int, c int64, sign int64, m int, t int64) bool {
	if t < 0 {
		seriesFail()
	}
	p := int64(m) * t
	if p >= int64(ev.l) {
		return false
	}
	if sign < 0 && t%2 == 1 {
		c = -c
	}
	r[p].Add(r[p], big.NewInt(c))
	return true
}

func (ev *sEval) fn(x *sNode) []*big.Int {
	if x.name == "sqrt" {
		return ev.sqrt(ev.eval(x.kids[0])) // series2_sqrt.go
	}
	args := make([][2]int64, len(x.kids))
	for i, k := range x.kids {
		// an argument past the coefficients computed: evaluate it with
		// enough of them to see it
		s, m := ev.argMonomial(k)
		args[i] = [2]int64{s, int64(m)}
	}
	r := ev.zero()
	sign, m := args[0][0], int(args[0][1])
	switch x.name {
	case "eta", "fneg":
		if x.name == "fneg" {
			sign = -sign
		}
		// Sum_{n in Z} (-1)^n y^(n(3n-1)/2)
		for n := int64(0); ; n++ {
			c := int64(1)
			if n%2 == 1 {
				c = -1
			}
			a := ev.termAdd(r, c, sign, m, n*(3*n-1)/2)
			b := n > 0 && ev.termAdd(r, c, sign, m, n*(3*n+1)/2)
			if !a && !b && n > 0 {
				break
			}
		}
	case "phi":
		for n := int64(0); ; n++ {
			c := int64(2)
			if n == 0 {
				c = 1
			}
			if !ev.termAdd(r, c, sign, m, n*n) {
				break
			}
		}
	case "psi":
		for n := int64(0); ev.termAdd(r, 1, sign, m, n*(n+1)/2); n++ {
		}
	case "chi": // Product_{k>=1} (1 + y^(2k-1))
		r[0].SetInt64(1)
		for k := int64(1); int64(m)*(2*k-1) < int64(ev.l); k++ {
			f := ev.konst(bigOne)
			ev.termAdd(f, 1, sign, m, 2*k-1)
			r = ev.mul(r, f)
		}
	case "f2": // Sum_{n in Z} a^(n(n+1)/2) b^(n(n-1)/2)
		sb, mb := args[1][0], int(args[1][1])
		for n := int64(0); ; n++ {
			any := false
			for _, k := range []int64{n, -n - 1} {
				ta, tb := k*(k+1)/2, k*(k-1)/2
				p := int64(m)*ta + int64(mb)*tb
				if p >= int64(ev.l) {
					continue
				}
				c := int64(1)
				if sign < 0 && ta%2 != 0 {
					c = -c
				}
				if sb < 0 && tb%2 != 0 {
					c = -c
				}
				r[p].Add(r[p], big.NewInt(c))
				any = true
			}
			if !any {
				break
			}
		}
	case "cubica": // Sum_{i,j in Z} y^(i^2 + i*j + j^2)
		for i := int64(-ev.isqrtL()); i <= ev.isqrtL(); i++ {
			for j := int64(-ev.isqrtL()); j <= ev.isqrtL(); j++ {
				ev.termAdd(r, 1, sign, m, i*i+i*j+j*j)
			}
		}
	case "cubicb": // eta(y)^3 / eta(y^3)
		e1 := ev.fn(&sNode{k: sFn, name: "eta", kids: []*sNode{monoNode(sign, m)}})
		e3 := ev.fn(&sNode{k: sFn, name: "eta", kids: []*sNode{monoNode(sign*sign*sign, 3*m)}})
		return ev.mul(ev.pow(e1, 3), ev.inverse(e3))
	default:
		seriesFail()
	}
	return r
}

// monoNode is the series sign*x^m.
func monoNode(sign int64, m int) *sNode {
	x := &sNode{k: sPow, x: num(int64(m)), kids: []*sNode{{k: sVar}}}
	if sign < 0 {
		return &sNode{k: sNeg, kids: []*sNode{x}}
	}
	return x
}

// argMonomial evaluates a theta function's argument, ±x^m, even where m
// is past the coefficients computed.
func (ev *sEval) argMonomial(a *sNode) (int64, int) {
	sub := &sEval{l: 2, env: ev.env}
	for {
		s := sub.eval(a)
		if _, ok := scalarOf(s); !ok || s[0].Sign() != 0 {
			return monomial(s)
		}
		if sub.l > 1<<14 {
			seriesFail()
		}
		sub.l *= 4
	}
}

func (ev *sEval) eval(x *sNode) []*big.Int {
	switch x.k {
	case sNum:
		return ev.konst(ev.scalar(x.x))
	case sVar:
		r := ev.zero()
		if ev.l > 1 {
			r[1].SetInt64(1)
		}
		return r
	case sAdd, sSub:
		sign := 1
		if x.k == sSub {
			sign = -1
		}
		return ev.add(ev.eval(x.kids[0]), ev.eval(x.kids[1]), sign)
	case sNeg:
		return ev.add(ev.zero(), ev.eval(x.kids[0]), -1)
	case sMul:
		return ev.mul(ev.eval(x.kids[0]), ev.eval(x.kids[1]))
	case sDiv:
		a, b := ev.eval(x.kids[0]), ev.eval(x.kids[1])
		if c, ok := scalarOf(b); ok && c.CmpAbs(bigOne) != 0 {
			if c.Sign() == 0 {
				seriesFail()
			}
			r := ev.zero()
			m := new(big.Int)
			for i := range r {
				r[i].QuoRem(a[i], c, m)
				if m.Sign() != 0 {
					seriesFail()
				}
			}
			return r
		}
		if b[0].CmpAbs(bigOne) > 0 { // (...)/(2(1-x)^2): both over b(0) (series2_sqrt.go)
			a, b = ev.quoAll(a, b[0]), ev.quoAll(b, b[0])
		}
		return ev.mul(a, ev.inverse(b))
	case sPow:
		eb := ev.scalar(x.x)
		if x.kids[0].k == sVar { // x^e directly
			if eb.Sign() < 0 {
				seriesFail()
			}
			r := ev.zero()
			if eb.Cmp(big.NewInt(int64(ev.l))) < 0 {
				r[eb.Int64()].SetInt64(1)
			}
			return r
		}
		a := ev.eval(x.kids[0])
		if c, ok := scalarOf(a); ok && c.Cmp(bigOne) == 0 {
			return a // 1^e, however large e
		}
		if a[0].Sign() == 0 && eb.Cmp(big.NewInt(int64(ev.l))) >= 0 {
			return ev.zero() // (x*...)^e past the coefficients
		}
		if c, m, ok := binomialOf(a); ok {
			return ev.binomialPow(c, m, eb) // series2_eval.go
		}
		return ev.pow(a, smallInt(eb, -maxSeriesPow, maxSeriesPow))
	case sProd, sSum:
		return ev.bigOp(x)
	case sFn:
		return ev.fn(x)
	case sFixed:
		return ev.fixed(x)
	case sRef:
		return ev.ref(int(x.x.val))
	}
	seriesFail()
	return nil
}

// bigOp evaluates a product or sum over v = lo, lo+1, ...: up to hi, or,
// infinite, until l+4 past lo, and then the next three factors must be 1
// (terms 0) to the coefficients computed.
func (ev *sEval) bigOp(x *sNode) []*big.Int {
	lo := smallInt(ev.scalar(x.x), -1000, 1000)
	hi := lo + int64(ev.l) + 4
	infinite := x.hi == nil
	if !infinite {
		hi = smallInt(ev.scalar(x.hi), -1000, 100000)
	}
	old, had := ev.env[x.v]
	defer func() {
		if had {
			ev.env[x.v] = old
		} else {
			delete(ev.env, x.v)
		}
	}()
	sum := x.k == sSum
	var r []*big.Int
	if sum {
		r = ev.zero()
	} else {
		r = ev.konst(bigOne)
	}
	for v := lo; v <= hi; v++ {
		ev.env[x.v] = v
		b := ev.eval(x.kids[0])
		if sum {
			r = ev.add(r, b, 1)
		} else {
			r = ev.mul(r, b)
		}
	}
	if infinite {
		for v := hi + 1; v <= hi+3; v++ {
			ev.env[x.v] = v
			b := ev.eval(x.kids[0])
			c, ok := scalarOf(b)
			if !ok || sum && c.Sign() != 0 || !sum && c.Cmp(bigOne) != 0 {
				seriesFail()
			}
		}
	}
	return r
}

// isqrtL bounds |i| with i^2 + i*j + j^2 < l (that form is at least
// (i^2 + j^2)/2).
func (ev *sEval) isqrtL() int64 {
	k := int64(0)
	for k*k < 2*int64(ev.l) {
		k++
	}
	return k
}
