package formula

import (
	"math"
	"math/big"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Decimal expansions of constants: "Decimal expansion of (3+sqrt(21))/6.",
// "Decimal expansion of 4th root of 43.", "Decimal expansion of e^(1/5).",
// "Decimal expansion of 4*Pi/5.", "Decimal expansion of log_12 (18).",
// "Decimal expansion of Pi - e.", "Decimal expansion of tan(1).",
// "Decimal expansion of 32/Pi^3.". The constant is read as N or N/D (a
// quotient kept apart only where D has no inverse here), each a rational
// linear combination of atoms (this file): k-th roots of integers,
// e^(u/v), Pi, sin, cos, sinh, cosh, arctan and atanh of u/v (logarithms
// over primes), or one product of them, with exact arithmetic in the
// field a square root spans (conjugates divide). Its program
// (decimal_emit.go) sums one series per atom into long numbers in memory,
// to n + 12 digits, and returns digit n. The exact value comes from
// math/big by other algorithms (decimal_eval.go); a reading is offered
// only if its program gives every digit to position 101
// (decimal_read.go).

// reDecConst: the name states a constant.
var reDecConst = regexp.MustCompile(`^Decimal expansion of (?:the constant )?(.+?)\s*\.?\s*$`)

// decimal phrases rewritten to formulas before parsing.
var (
	reNthRoot  = regexp.MustCompile(`(?i)\b(?:the )?(\d+)(?:st|nd|rd|th) root of (\d+(?:/\d+)?)`)
	reSqrtWord = regexp.MustCompile(`(?i)\b(?:the )?(?:square root|sqrt) of (\d+(?:/\d+)?)`)
	reCubeWord = regexp.MustCompile(`(?i)\b(?:the )?cube root of (\d+(?:/\d+)?)`)
	reLnWord   = regexp.MustCompile(`(?i)\b(?:the )?natural log(?:arithm)? of (\d+(?:/\d+)?)`)
	reLogBase  = regexp.MustCompile(`\blog_(\d+)\s*\(`)
	// "the real root of 3*x^3 - 2", "the positive real root r of 3*x^4 - 1": (b/a)^(1/k)
	reRootOf    = regexp.MustCompile(`^the (?:positive )?real root(?: r)? of (?:(\d+)\*?)?x\^(\d+) - (\d+)$`)
	reDecGolden = regexp.MustCompile(`(?i),? where phi = \(1 ?\+ ?sqrt\(5\)\)/2(?: is the golden ratio)?$|,? where phi is the golden ratio$|,? phi being the golden ratio$`)
)

// dconst is a constant read from a name: a rational linear combination of
// atoms; terms[""] is the rational part.
type dconst struct {
	terms map[string]*big.Rat
	atoms map[string]datom
}

// datom is one atom: root (N^(1/k)), exp (e^r), pi, log (log r).
type datom struct {
	facs []datom // 'M': a product of series atoms (sorted by key, repeats for powers)
	kind byte    // 'r' root, 'x' exp, 'p' pi, 'a' atanh, 't' arctan (of r, 0 < r <= 1/2), 's', 'c', 'S', 'C' sin, cos, sinh, cosh (of r > 0)
	n    int64
	k    int64
	r    *big.Rat
}

func (a datom) key() string {
	switch a.kind {
	case 'r':
		return "root(" + strconv.FormatInt(a.n, 10) + "," + strconv.FormatInt(a.k, 10) + ")"
	case 'x':
		return "exp(" + a.r.RatString() + ")"
	case 'a', 't', 's', 'c', 'S', 'C':
		return trigNames[a.kind] + "(" + a.r.RatString() + ")"
	case 'M':
		var ks []string
		for _, f := range a.facs {
			ks = append(ks, f.key())
		}
		return "prod(" + strings.Join(ks, "*") + ")"
	}
	return "Pi"
}

var trigNames = map[byte]string{'a': "atanh", 't': "arctan", 's': "sin", 'c': "cos", 'S': "sinh", 'C': "cosh"}

// trigC is f(r) for f one of sin, cos, sinh, cosh, arctan (odd ones
// take the sign out; an argument of 0 gives f(0)).
func trigC(kind byte, r *big.Rat) dconst {
	if r.Sign() == 0 {
		if kind == 'c' || kind == 'C' {
			return ratC(big.NewRat(1, 1))
		}
		return ratC(new(big.Rat))
	}
	a := atomC(datom{kind: kind, r: new(big.Rat).Abs(r)})
	if r.Sign() < 0 && kind != 'c' && kind != 'C' {
		return dScale(a, big.NewRat(-1, 1))
	}
	return a
}

func ratC(v *big.Rat) dconst {
	return dconst{terms: map[string]*big.Rat{"": new(big.Rat).Set(v)}, atoms: map[string]datom{}}
}

func atomC(a datom) dconst {
	return dconst{terms: map[string]*big.Rat{a.key(): big.NewRat(1, 1)}, atoms: map[string]datom{a.key(): a}}
}

// rat returns the constant's value if it is rational.
func (x dconst) rat() (*big.Rat, bool) {
	for k, v := range x.terms {
		if k != "" && v.Sign() != 0 {
			return nil, false
		}
	}
	if v, ok := x.terms[""]; ok {
		return v, true
	}
	return new(big.Rat), true
}

// single returns the one atom of x with its coefficient, x having no
// rational part; ok false otherwise.
func (x dconst) single() (datom, *big.Rat, bool) {
	var at datom
	var c *big.Rat
	for k, v := range x.terms {
		if v.Sign() == 0 {
			continue
		}
		if k == "" || c != nil {
			return datom{}, nil, false
		}
		at, c = x.atoms[k], v
	}
	return at, c, c != nil
}

func (x dconst) clone() dconst {
	y := dconst{terms: map[string]*big.Rat{}, atoms: map[string]datom{}}
	for k, v := range x.terms {
		y.terms[k] = new(big.Rat).Set(v)
	}
	for k, v := range x.atoms {
		y.atoms[k] = v
	}
	return y
}

func dAdd(x, y dconst, sign int) dconst {
	z := x.clone()
	for k, v := range y.terms {
		w := new(big.Rat).Set(v)
		if sign < 0 {
			w.Neg(w)
		}
		if old, ok := z.terms[k]; ok {
			w.Add(w, old)
		}
		z.terms[k] = w
		if k != "" {
			z.atoms[k] = y.atoms[k]
		}
	}
	return z
}

func dScale(x dconst, c *big.Rat) dconst {
	z := x.clone()
	for _, v := range z.terms {
		v.Mul(v, c)
	}
	return z
}

// dMul multiplies: by a rational, or two combinations of roots whose
// products are roots again (a field a square root spans), or exp(r)*exp(s).
func dMul(x, y dconst) (dconst, bool) {
	if r, ok := x.rat(); ok {
		return dScale(y, r), true
	}
	if r, ok := y.rat(); ok {
		return dScale(x, r), true
	}
	z := ratC(new(big.Rat))
	for kx, vx := range x.terms {
		for ky, vy := range y.terms {
			if vx.Sign() == 0 || vy.Sign() == 0 {
				continue
			}
			c := new(big.Rat).Mul(vx, vy)
			var t dconst
			switch {
			case kx == "" && ky == "":
				t = ratC(c)
			case kx == "":
				t = dScale(atomC(y.atoms[ky]), c)
			case ky == "":
				t = dScale(atomC(x.atoms[kx]), c)
			default:
				p, ok := atomMul(x.atoms[kx], y.atoms[ky])
				if !ok {
					return dconst{}, false
				}
				t = dScale(p, c)
			}
			z = dAdd(z, t, 1)
		}
	}
	return z, true
}

// atomMul: N^(1/k) * M^(1/j) as one root (or a rational), e^r * e^s.
func atomMul(a, b datom) (dconst, bool) {
	switch {
	case a.kind == 'r' && b.kind == 'r':
		l := a.k / gcd64(a.k, b.k) * b.k
		if l > 64 {
			return dconst{}, false
		}
		n, ok := ipow50(a.n, l/a.k)
		m, ok2 := ipow50(b.n, l/b.k)
		if !ok || !ok2 || n > 1<<40/max(m, 1) {
			return dconst{}, false
		}
		return rootC(big.NewRat(n*m, 1), l)
	case a.kind == 'x' && b.kind == 'x':
		return expC(new(big.Rat).Add(a.r, b.r)), true
	}
	// a product of series: a monomial of up to 6 factors
	var facs []datom
	for _, x := range []datom{a, b} {
		if x.kind == 'M' {
			facs = append(facs, x.facs...)
		} else {
			facs = append(facs, x)
		}
	}
	if len(facs) > 6 {
		return dconst{}, false
	}
	sort.Slice(facs, func(i, j int) bool { return facs[i].key() < facs[j].key() })
	return atomC(datom{kind: 'M', facs: facs}), true
}

// dInv: 1/x for a rational, one root or exp term, or a + b*sqrt(d).
func dInv(x dconst) (dconst, bool) {
	if r, ok := x.rat(); ok {
		if r.Sign() == 0 {
			return dconst{}, false
		}
		return ratC(new(big.Rat).Inv(r)), true
	}
	if at, c, ok := x.single(); ok {
		ci := new(big.Rat).Inv(c)
		switch at.kind {
		case 'x':
			return dScale(expC(new(big.Rat).Neg(at.r)), ci), true
		case 'r': // 1/N^(1/k) = N^((k-1)/k)/N
			p, ok := ipow50(at.n, at.k-1)
			if !ok {
				return dconst{}, false
			}
			y, ok := rootC(big.NewRat(p, 1), at.k)
			if !ok {
				return dconst{}, false
			}
			return dScale(y, new(big.Rat).Mul(ci, big.NewRat(1, at.n))), true
		}
		return dconst{}, false
	}
	// a + b*sqrt(d): times the conjugate, over a^2 - b^2 d
	var a, b *big.Rat
	var d int64
	for k, v := range x.terms {
		if v.Sign() == 0 {
			continue
		}
		if k == "" {
			a = v
			continue
		}
		at := x.atoms[k]
		if at.kind != 'r' || at.k != 2 || b != nil {
			return dconst{}, false
		}
		b, d = v, at.n
	}
	if a == nil || b == nil {
		return dconst{}, false
	}
	den := new(big.Rat).Mul(a, a)
	den.Sub(den, new(big.Rat).Mul(new(big.Rat).Mul(b, b), big.NewRat(d, 1)))
	if den.Sign() == 0 {
		return dconst{}, false
	}
	conj := dAdd(ratC(a), dScale(atomC(datom{kind: 'r', n: d, k: 2}), new(big.Rat).Neg(b)), 1)
	return dScale(conj, new(big.Rat).Inv(den)), true
}

// rootC is x^(1/k) for rational x > 0: (p q^(k-1))^(1/k) / q with the
// k-th powers taken out, and a perfect power's root reduced.
func rootC(x *big.Rat, k int64) (dconst, bool) {
	if x.Sign() <= 0 || k < 1 || k > 64 {
		return dconst{}, false
	}
	if k == 1 {
		return ratC(x), true
	}
	p, q := x.Num(), x.Denom()
	if !p.IsInt64() || !q.IsInt64() {
		return dconst{}, false
	}
	qk, ok := ipow50(q.Int64(), k-1)
	if !ok || p.Int64() > 1<<40/qk {
		return dconst{}, false
	}
	n := p.Int64() * qk
	out := big.NewRat(1, q.Int64())
	// take out k-th powers of small primes
	for f := int64(2); f <= 1000 && f <= n; f++ {
		fk, ok := ipow50(f, k)
		if !ok || fk > n {
			break
		}
		for n%fk == 0 {
			n /= fk
			out.Mul(out, big.NewRat(f, 1))
		}
	}
	if n == 1 {
		return ratC(out), true
	}
	// N = m^g: N^(1/k) = m^(g/k)
	for g := k; g >= 2; g-- {
		if k%g != 0 {
			continue
		}
		if m, ok := iroot(n, g); ok {
			n, k = m, k/g
			break
		}
	}
	if k == 1 {
		return ratC(out.Mul(out, big.NewRat(n, 1))), true
	}
	return dScale(atomC(datom{kind: 'r', n: n, k: k}), out), true
}

func expC(r *big.Rat) dconst {
	if r.Sign() == 0 {
		return ratC(big.NewRat(1, 1))
	}
	return atomC(datom{kind: 'x', r: new(big.Rat).Set(r)})
}

// logC writes log r over atanh atoms: log r = sum e_p log p over the
// prime powers p^e of r, log 2 = 2 atanh(1/3), log p = k log 2 +
// 2 atanh((p - 2^k)/(p + 2^k)) with 2^k nearest p (|z| < 0.18).
func logC(r *big.Rat) (dconst, bool) {
	if r.Sign() <= 0 || !r.Num().IsInt64() || !r.Denom().IsInt64() {
		return dconst{}, false
	}
	z := ratC(new(big.Rat))
	for side, v := range []int64{r.Num().Int64(), r.Denom().Int64()} {
		sign := int64(1 - 2*side)
		for p := int64(2); v > 1; p++ {
			if p > 1000 {
				return dconst{}, false
			}
			for ; v%p == 0; v /= p {
				z = dAdd(z, logPrime(p), int(sign))
			}
		}
	}
	return z, true
}

func logPrime(p int64) dconst {
	l2 := dScale(atanhC(big.NewRat(1, 3)), big.NewRat(2, 1))
	if p == 2 {
		return l2
	}
	k := int64(math.Round(math.Log2(float64(p))))
	x := dScale(l2, big.NewRat(k, 1))
	return dAdd(x, dScale(atanhC(big.NewRat(p-1<<k, p+1<<k)), big.NewRat(2, 1)), 1)
}

// atanhC is atanh(z) with the sign taken out: an atom of z > 0.
func atanhC(z *big.Rat) dconst {
	if z.Sign() == 0 {
		return ratC(new(big.Rat))
	}
	a := atomC(datom{kind: 'a', r: new(big.Rat).Abs(z)})
	return dScale(a, big.NewRat(int64(z.Sign()), 1))
}

// dPow: x^y for a rational y: integer powers of anything dMul takes,
// rational powers of a rational, a root or an exp.
func dPow(x dconst, y *big.Rat) (dconst, bool) {
	if y.IsInt() && y.Num().IsInt64() && y.Num().Int64() >= -8 && y.Num().Int64() <= 8 {
		e := y.Num().Int64()
		base := x
		if e < 0 {
			var ok bool
			if base, ok = dInv(x); !ok {
				return dconst{}, false
			}
			e = -e
		}
		z := ratC(big.NewRat(1, 1))
		for ; e > 0; e-- {
			var ok bool
			if z, ok = dMul(z, base); !ok {
				return dconst{}, false
			}
		}
		return z, true
	}
	p, q := y.Num(), y.Denom()
	if !p.IsInt64() || !q.IsInt64() || q.Int64() > 64 || p.Int64() > 64 || p.Int64() < -64 {
		return dconst{}, false
	}
	if r, ok := x.rat(); ok {
		if r.Sign() <= 0 {
			return dconst{}, false
		}
		rp := new(big.Rat).SetInt(new(big.Int).Exp(r.Num(), big.NewInt(abs64(p.Int64())), nil))
		rp.Quo(rp, new(big.Rat).SetInt(new(big.Int).Exp(r.Denom(), big.NewInt(abs64(p.Int64())), nil)))
		if p.Sign() < 0 {
			rp.Inv(rp)
		}
		return rootC(rp, q.Int64())
	}
	at, c, ok := x.single()
	if !ok || c.Cmp(big.NewRat(1, 1)) != 0 {
		return dconst{}, false
	}
	switch at.kind {
	case 'x':
		return expC(new(big.Rat).Mul(at.r, y)), true
	case 'r':
		return dPow(ratC(big.NewRat(at.n, 1)), new(big.Rat).Mul(y, big.NewRat(1, at.k)))
	}
	return dconst{}, false
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// ipow is b^e if it stays below 2^50.
func ipow50(b, e int64) (int64, bool) {
	r := int64(1)
	for ; e > 0; e-- {
		if b != 0 && r > (1<<50)/abs64(b) {
			return 0, false
		}
		r *= b
	}
	return r, true
}

// iroot is the integer g-th root of n if n is a g-th power.
func iroot(n, g int64) (int64, bool) {
	for m := int64(2); ; m++ {
		p, ok := ipow50(m, g)
		if !ok || p > n {
			return 0, false
		}
		if p == n {
			return m, true
		}
	}
}

// dq is a quotient of two constants, kept apart only where the
// denominator has no inverse here (Pi + 1, log 6): d nil is 1.
type dq struct {
	n dconst
	d *dconst
}

func dqOf(x dconst) dq { return dq{n: x} }

// fold divides n by d where d inverts.
func (x dq) fold() dq {
	if x.d == nil {
		return x
	}
	if inv, ok := dInv(*x.d); ok {
		if y, ok := dMul(x.n, inv); ok {
			return dq{n: y}
		}
	}
	return x
}

func (x dq) den() dconst {
	if x.d == nil {
		return ratC(big.NewRat(1, 1))
	}
	return *x.d
}

func qMul(x, y dq) (dq, bool) {
	n, ok := dMul(x.n, y.n)
	if !ok {
		return dq{}, false
	}
	if x.d == nil && y.d == nil {
		return dq{n: n}, true
	}
	d, ok := dMul(x.den(), y.den())
	if !ok {
		return dq{}, false
	}
	return dq{n: n, d: &d}.fold(), true
}

func qInv(x dq) (dq, bool) {
	if inv, ok := dInv(x.n); ok {
		return qMul(dq{n: x.den()}, dq{n: inv})
	}
	n := x.n
	return dq{n: x.den(), d: &n}, true
}

func qAdd(x, y dq, sign int) (dq, bool) {
	if x.d == nil && y.d == nil {
		return dq{n: dAdd(x.n, y.n, sign)}, true
	}
	// n1/d1 + n2/d2 = (n1 d2 + n2 d1) / (d1 d2)
	a, ok1 := dMul(x.n, y.den())
	b, ok2 := dMul(y.n, x.den())
	d, ok3 := dMul(x.den(), y.den())
	if !ok1 || !ok2 || !ok3 {
		return dq{}, false
	}
	return dq{n: dAdd(a, b, sign), d: &d}.fold(), true
}

// parseDecConst reads the constant a name states, or fails.
func parseDecConst(s string) (dq, bool) {
	golden := false
	if m := reDecGolden.FindStringIndex(s); m != nil {
		s, golden = s[:m[0]], true
	}
	if i := strings.Index(s, " = "); i > 0 {
		s = s[:i] // "1/(e - 1) = Sum_{k >= 1} exp(-k)": the first form says it
	}
	if m := reRootOf.FindStringSubmatch(s); m != nil {
		a := m[1]
		if a == "" {
			a = "1"
		}
		s = "(" + m[3] + "/" + a + ")^(1/" + m[2] + ")"
	}
	s = reNthRoot.ReplaceAllString(s, "($2)^(1/$1)")
	s = reCubeWord.ReplaceAllString(s, "($1)^(1/3)")
	s = reSqrtWord.ReplaceAllString(s, "sqrt($1)")
	s = reLnWord.ReplaceAllString(s, "log($1)")
	s = reLogBase.ReplaceAllString(s, "logb$1(")
	p := &dparser{s: s, golden: golden}
	ok := true
	var x dq
	func() {
		defer func() {
			if r := recover(); r != nil {
				if _, isFail := r.(dfail); !isFail {
					panic(r)
				}
				ok = false
			}
		}()
		x = p.expr()
		p.space()
	}()
	if !ok || p.i != len(p.s) {
		return dq{}, false
	}
	return x, true
}

type dfail struct{}

type dparser struct {
	s      string
	i      int
	golden bool
}

func (p *dparser) fail() { panic(dfail{}) }

func (p *dparser) space() {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
}

func (p *dparser) at(t string) bool {
	p.space()
	if strings.HasPrefix(p.s[p.i:], t) {
		p.i += len(t)
		return true
	}
	return false
}

func (p *dparser) word() string {
	p.space()
	j := p.i
	for j < len(p.s) && (p.s[j] >= 'a' && p.s[j] <= 'z' || p.s[j] >= 'A' && p.s[j] <= 'Z' || p.s[j] >= '0' && p.s[j] <= '9' && j > p.i) {
		j++
	}
	return p.s[p.i:j]
}

func (p *dparser) must(x dq, ok bool) dq {
	if !ok {
		p.fail()
	}
	return x
}

func (p *dparser) expr() dq {
	x := p.term()
	for {
		switch {
		case p.at("+"):
			x = p.must(qAdd(x, p.term(), 1))
		case p.at("-"):
			x = p.must(qAdd(x, p.term(), -1))
		default:
			return x
		}
	}
}

func (p *dparser) term() dq {
	x := p.unary()
	for {
		switch {
		case p.at("*"):
			x = p.must(qMul(x, p.unary()))
		case p.at("/"):
			inv := p.must(qInv(p.unary()))
			x = p.must(qMul(x, inv))
		default:
			p.space()
			if p.i < len(p.s) && (p.s[p.i] == '(' || p.word() != "") {
				// juxtaposition: "2 sqrt(2)", "2Pi"
				x = p.must(qMul(x, p.unary()))
				continue
			}
			return x
		}
	}
}

func (p *dparser) unary() dq {
	if p.at("-") {
		return p.must(qMul(dqOf(ratC(big.NewRat(-1, 1))), p.unary()))
	}
	if p.at("+") {
		return p.unary()
	}
	return p.power()
}

func (p *dparser) power() dq {
	x := p.primary()
	if p.at("^") {
		e := p.unary()
		if e.d != nil {
			p.fail()
		}
		r, ok := e.n.rat()
		if !ok {
			p.fail()
		}
		if x.d == nil {
			y, ok := dPow(x.n, r) // e^(u/v): e is the atom exp(1)
			return p.must(dqOf(y), ok)
		}
		if !r.IsInt() {
			p.fail()
		}
		n, ok1 := dPow(x.n, r)
		d, ok2 := dPow(*x.d, r)
		if !ok1 || !ok2 {
			p.fail()
		}
		return dq{n: n, d: &d}.fold()
	}
	return x
}

func (p *dparser) primary() dq {
	p.space()
	if p.at("(") {
		x := p.expr()
		if !p.at(")") {
			p.fail()
		}
		return x
	}
	if p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		j := p.i
		for j < len(p.s) && (p.s[j] >= '0' && p.s[j] <= '9' || p.s[j] == '.' && j+1 < len(p.s) && p.s[j+1] >= '0' && p.s[j+1] <= '9') {
			j++
		}
		r, ok := new(big.Rat).SetString(p.s[p.i:j])
		if !ok || j-p.i > 12 {
			p.fail()
		}
		p.i = j
		return dqOf(ratC(r))
	}
	w := p.word()
	p.i += len(w)
	switch {
	case w == "Pi" || w == "pi":
		return dqOf(atomC(datom{kind: 'p'}))
	case w == "e":
		return dqOf(expC(big.NewRat(1, 1)))
	case w == "zeta" && p.at("("):
		// zeta(2), zeta(4), zeta(6): Pi^(2k) times a rational (Euler)
		j := p.i
		for j < len(p.s) && p.s[j] >= '0' && p.s[j] <= '9' {
			j++
		}
		c, ok := map[string]*big.Rat{"2": big.NewRat(1, 6), "4": big.NewRat(1, 90), "6": big.NewRat(1, 945)}[p.s[p.i:j]]
		if !ok {
			p.fail()
		}
		k, _ := strconv.ParseInt(p.s[p.i:j], 10, 64)
		p.i = j
		if !p.at(")") {
			p.fail()
		}
		y, ok := dPow(atomC(datom{kind: 'p'}), big.NewRat(k, 1))
		return p.must(dqOf(dScale(y, c)), ok)
	case w == "phi" && p.golden:
		x, _ := rootC(big.NewRat(5, 1), 2)
		return dqOf(dScale(dAdd(ratC(big.NewRat(1, 1)), x, 1), big.NewRat(1, 2)))
	case w == "sqrt" || w == "exp" || w == "log" || w == "ln" || strings.HasPrefix(w, "logb") || trigWords[w] != "":
		if !p.at("(") {
			p.fail()
		}
		x := p.expr()
		if !p.at(")") || x.d != nil {
			p.fail()
		}
		r, isRat := x.n.rat()
		switch {
		case w == "sqrt":
			y, ok := dPow(x.n, big.NewRat(1, 2))
			return p.must(dqOf(y), ok)
		case w == "exp" && isRat:
			return dqOf(expC(r))
		case (w == "log" || w == "ln") && isRat:
			y, ok := logC(r)
			return p.must(dqOf(y), ok)
		case trigWords[w] != "" && isRat:
			return p.must(trigQ(trigWords[w], r))
		case strings.HasPrefix(w, "logb") && isRat:
			return p.must(logBase(w[4:], r))
		}
	}
	p.fail()
	return dq{}
}

// trigWords: the functions of a rational argument read, by the form
// trigQ writes.
var trigWords = map[string]string{"sin": "sin", "cos": "cos", "sinh": "sinh", "cosh": "cosh",
	"tan": "tan", "tanh": "tanh", "cot": "cot", "cotan": "cot", "coth": "coth",
	"arctan": "arctan", "atan": "arctan"}

// trigQ: sin, cos, sinh, cosh and arctan are atoms; tan, tanh, cot and
// coth quotients of them.
func trigQ(f string, r *big.Rat) (dq, bool) {
	switch f {
	case "sin":
		return dqOf(trigC('s', r)), true
	case "cos":
		return dqOf(trigC('c', r)), true
	case "sinh":
		return dqOf(trigC('S', r)), true
	case "cosh":
		return dqOf(trigC('C', r)), true
	case "arctan":
		return dqOf(trigC('t', r)), true
	}
	if r.Sign() == 0 {
		return dq{}, false
	}
	s, c := trigC('s', r), trigC('c', r)
	if f == "tanh" || f == "coth" {
		s, c = trigC('S', r), trigC('C', r)
	}
	if f == "cot" || f == "coth" {
		s, c = c, s
	}
	return dq{n: s, d: &c}, true
}

// logBase: log_b(r) = log r / log b.
func logBase(bs string, r *big.Rat) (dq, bool) {
	b, err := strconv.ParseInt(bs, 10, 64)
	if err != nil || b < 2 {
		return dq{}, false
	}
	n, ok1 := logC(r)
	d, ok2 := logC(big.NewRat(b, 1))
	if !ok1 || !ok2 {
		return dq{}, false
	}
	return dq{n: n, d: &d}, true
}

// String prints x as its rational part and atoms, sorted.
func (x dconst) String() string {
	var parts []string
	for k, v := range x.terms {
		if v.Sign() == 0 {
			continue
		}
		if k == "" {
			parts = append(parts, v.RatString())
		} else {
			parts = append(parts, v.RatString()+"*"+k)
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, " + ")
}
