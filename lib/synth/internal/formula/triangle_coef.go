package formula

// Triangles whose entries are coefficients of a power series: Riordan
// arrays "Riordan array ((1+2*x)/(1+x), x/(1+x))", T(n,k) = [x^n]
// g(x)*(x*f(x))^k, and "Triangle of coefficients of (-2 + 3x)^n", T(n,k) =
// [x^k] p(x)^n. The rational functions are read into factors, each a
// polynomial to a power affine in the row and column; the coefficient is
// then a closed form (a binomial per two-term factor) or one convolution
// sum of two, written as a formula over r_ and c_ that lowers like any
// other and is checked against the exact evaluator like any other.

import (
	"math/big"
	"regexp"
	"strings"
)

// ipoly is a polynomial in x with integer coefficients, lowest first.
type ipoly []int64

func (p ipoly) trim() ipoly {
	for len(p) > 0 && p[len(p)-1] == 0 {
		p = p[:len(p)-1]
	}
	return p
}

func (p ipoly) mul(q ipoly) ipoly {
	if len(p) == 0 || len(q) == 0 {
		return nil
	}
	r := make(ipoly, len(p)+len(q)-1)
	for i, a := range p {
		for j, b := range q {
			r[i+j] += a * b
			if r[i+j] > 1<<40 || r[i+j] < -1<<40 {
				return nil
			}
		}
	}
	return r.trim()
}

func (p ipoly) add(q ipoly, sign int64) ipoly {
	r := make(ipoly, max(len(p), len(q)))
	copy(r, p)
	for i, b := range q {
		r[i] += sign * b
	}
	return r.trim()
}

func (p ipoly) key() string { return joinInts([]int64(p), ",") }

// pfactor is a polynomial to a power affine in the row and the column:
// p^(e0 + er*r_ + ec*c_).
type pfactor struct {
	p          ipoly
	e0, er, ec int64
}

// ratfn is a product of pfactors (a rational function when the powers
// are constants).
type ratfn []pfactor

// expand is f as one polynomial: only nonnegative constant powers.
func (f ratfn) expand() (ipoly, bool) {
	r := ipoly{1}
	for _, t := range f {
		if t.er != 0 || t.ec != 0 || t.e0 < 0 || t.e0 > 12 {
			return nil, false
		}
		for range t.e0 {
			if r = r.mul(t.p); r == nil {
				return nil, false
			}
		}
	}
	return r, true
}

// toRatfn reads x, a formula in the variable x, as a product of
// polynomials to integer powers.
func toRatfn(x *node) (ratfn, bool) {
	switch x.k {
	case kNum:
		return ratfn{{p: ipoly{x.val}, e0: 1}}, true
	case kVar:
		if x.name != "x" {
			return nil, false
		}
		return ratfn{{p: ipoly{0, 1}, e0: 1}}, true
	case kAdd, kSub:
		a, ok1 := toRatfn(x.kids[0])
		b, ok2 := toRatfn(x.kids[1])
		if !ok1 || !ok2 {
			return nil, false
		}
		pa, ok1 := a.expand()
		pb, ok2 := b.expand()
		if !ok1 || !ok2 {
			return nil, false
		}
		sign := int64(1)
		if x.k == kSub {
			sign = -1
		}
		return ratfn{{p: pa.add(pb, sign), e0: 1}}, true
	case kNeg:
		a, ok := toRatfn(x.kids[0])
		return append(a, pfactor{p: ipoly{-1}, e0: 1}), ok
	case kMul, kDiv:
		a, ok1 := toRatfn(x.kids[0])
		b, ok2 := toRatfn(x.kids[1])
		if !ok1 || !ok2 {
			return nil, false
		}
		if x.k == kDiv {
			b = scale(b, -1)
		}
		return append(a, b...), true
	case kPow:
		a, ok := toRatfn(x.kids[0])
		if !ok || x.kids[1].k != kNum || x.kids[1].val < -12 || x.kids[1].val > 12 {
			return nil, false
		}
		return scale(a, x.kids[1].val), true
	}
	return nil, false
}

// scale raises every factor of f to the power s.
func scale(f ratfn, s int64) ratfn {
	out := make(ratfn, len(f))
	for i, t := range f {
		out[i] = pfactor{t.p, t.e0 * s, t.er * s, t.ec * s}
	}
	return out
}

// series is a product of factors in normal form: x^(v0 + vr*r_ + vc*c_)
// times a constant c times (-1)^(s0 + sr*r_ + sc*c_) times
// polynomials with constant term 1, each to its power.
type series struct {
	v0, vr, vc int64
	s0, sr, sc int64
	c          ratfn // constants (one-coefficient polynomials) to their powers
	f          []pfactor
}

// normal brings f to a series: each polynomial's power of x and its sign
// taken out, equal polynomials merged.
func normal(f ratfn) (series, bool) {
	var s series
	at := map[string]int{}
	for _, t := range f {
		p := t.p.trim()
		if len(p) == 0 {
			return s, false // a zero factor
		}
		v := int64(0)
		for p[v] == 0 {
			v++
		}
		p = p[v:]
		s.v0 += v * t.e0
		s.vr += v * t.er
		s.vc += v * t.ec
		if p[0] < 0 {
			q := make(ipoly, len(p))
			for i, c := range p {
				q[i] = -c
			}
			p = q
			s.s0 += t.e0
			s.sr += t.er
			s.sc += t.ec
		}
		if len(p) == 1 {
			if p[0] != 1 {
				s.c = append(s.c, pfactor{p, t.e0, t.er, t.ec})
			}
			continue
		}
		if p[0] != 1 {
			return s, false // (2 + x)^e: not an integer series in general
		}
		if i, ok := at[p.key()]; ok {
			s.f[i].e0 += t.e0
			s.f[i].er += t.er
			s.f[i].ec += t.ec
			continue
		}
		at[p.key()] = len(s.f)
		s.f = append(s.f, pfactor{p, t.e0, t.er, t.ec})
	}
	return s, true
}

// affine is e0 + er*r_ + ec*c_ as a formula.
func affine(e0, er, ec int64) *node {
	var x *node
	addTerm := func(c int64, v *node) {
		if c == 0 {
			return
		}
		t := v
		if c != 1 {
			t = bin(kMul, num(c), v)
		}
		if x == nil {
			x = t
		} else {
			x = bin(kAdd, x, t)
		}
	}
	addTerm(er, vr("r_"))
	addTerm(ec, vr("c_"))
	if x == nil {
		return num(e0)
	}
	if e0 != 0 {
		x = bin(kAdd, x, num(e0))
	}
	return x
}

// coef is [x^m] of the series s (m a formula in r_ and c_), or nil where
// that takes more than one sum: more than two factors to powers that are
// not nonnegative constants, or two where one has three terms (1 + a*x^d
// + b*x^e), or any with more terms.
func (s series) coef(m *node) *node {
	num0 := ipoly{1}
	var sym []pfactor
	for _, t := range cyclotomic(s.f) {
		if t.er == 0 && t.ec == 0 && t.e0 >= 0 {
			p, ok := ratfn{t}.expand()
			if !ok {
				return nil
			}
			if num0 = num0.mul(p); num0 == nil || len(num0) > 8 {
				return nil
			}
			continue
		}
		if len(t.p) < 2 || nonzeros(t.p) > 3 {
			return nil
		}
		sym = append(sym, t)
	}
	if len(sym) > 2 || len(sym) == 2 && (nonzeros(sym[0].p) > 2 || nonzeros(sym[1].p) > 2) {
		return nil // a three-term factor takes a sum of its own
	}
	// m less the power of x
	m = bin(kSub, m, affine(s.v0, s.vr, s.vc))
	var total *node
	for t, c := range num0 {
		if c == 0 {
			continue
		}
		j := m
		if t > 0 {
			j = bin(kSub, m, num(int64(t)))
		}
		var term *node
		switch len(sym) {
		case 0:
			term = &node{k: kCmp, name: "=", kids: []*node{j, num(0)}}
		case 1:
			term = termCoef(sym[0], j)
		case 2:
			body := bin(kMul, termCoef(sym[0], vr("i_")), termCoef(sym[1], bin(kSub, j, vr("i_"))))
			term = &node{k: kSum, name: "i_", kids: []*node{num(0), j, body}}
		}
		if c != 1 {
			term = bin(kMul, num(c), term)
		}
		if total == nil {
			total = term
		} else {
			total = bin(kAdd, total, term)
		}
	}
	if total == nil {
		return nil
	}
	if s.s0%2 != 0 || s.sr%2 != 0 || s.sc%2 != 0 {
		total = bin(kMul, bin(kPow, num(-1), affine(s.s0, s.sr, s.sc)), total)
	}
	for _, t := range s.c {
		total = bin(kMul, bin(kPow, num(t.p[0]), affine(t.e0, t.er, t.ec)), total)
	}
	return total
}

func nonzeros(p ipoly) int {
	n := 0
	for _, c := range p {
		if c != 0 {
			n++
		}
	}
	return n
}

// termCoef is [x^j] (1 + a*x^d)^E, E = t's power: 0 for j < 0 or d not
// dividing j; else, with i = j/d, binomial(E, i)*a^i, written
// binomial(-E+i-1, i)*(-a)^i where E < 0 everywhere (both are exact for
// any integer E: the binomial's lowering is the falling product).
func termCoef(t pfactor, j *node) *node {
	if nonzeros(t.p) == 3 {
		return trinomialCoef(t, j)
	}
	d := int64(len(t.p) - 1)
	a := t.p[d]
	i := j
	if d > 1 {
		i = bin(kDiv, j, num(d))
	}
	var b *node
	if !(t.e0 <= 0 && t.er <= 0 && t.ec <= 0) {
		b = call("binomial", affine(t.e0, t.er, t.ec), i)
	} else {
		b = call("binomial", bin(kAdd, affine(-t.e0-1, -t.er, -t.ec), i), i)
		a = -a
	}
	if a != 1 {
		b = bin(kMul, bin(kPow, num(a), i), b)
	}
	cond := &node{k: kCmp, name: ">=", kids: []*node{j, num(0)}}
	if d > 1 {
		cond = bin(kAnd, cond, &node{k: kCmp, name: "=", kids: []*node{bin(kMod, j, num(d)), num(0)}})
	}
	return bin(kAnd, cond, b)
}

var (
	// "Riordan array ((1+2*x)/(1+x), x/(1+x))", "Riordan triangle T = (g, f)", also as a clause of its own
	reRiordan = regexp.MustCompile(`(?i)(?:^|[;.] )(?:the )?riordan (?:array|triangle)(?: T)?(?: =)? \(`)
	// "Triangle read by rows of coefficients in expansions of (-2 + 3x)^n", "Triangle of coefficients of (1+2x)^n"
	// "Triangle, read by rows, where the n-th row lists the (2n+1) coefficients of (1+2x+2x^2)^n"
	reCoefPow = regexp.MustCompile(`(?i)^(?:triangle|triangular array)(?:,? read by rows,?)?(?: of| giving|:? (?:where |in which )?(?:the )?(?:n-th row|row n) (?:lists|gives|contains))?(?: the)?(?: \(\d*n ?\+ ?1\))? coefficients (?:in (?:the )?expansions? of|of(?: the)?(?: expansion of)?) `)
	reRestOK  = regexp.MustCompile(`^(?:[,;]? *(?:where n is (?:a )?nonnegative integer|n >= 0|in (?:increasing|ascending) (?:order|powers)(?: of x)?))?\.?$`)
	reDescend = regexp.MustCompile(`(?i)^[,;]? *(?:in )?(?:descending|decreasing) (?:order|powers)(?: of x)?\.?$`)
)

// coefTables reads Riordan arrays and triangles of the coefficients of a
// power of a polynomial.
func (c *collector) coefTables(text string, toks []token) {
	text = strings.TrimSpace(text)
	if m := reRiordan.FindStringIndex(text); m != nil {
		c.riordan(text, toks, m[1]-1)
	} else if m := reCoefPow.FindStringIndex(text); m != nil {
		c.coefPow(text, toks, m[1])
	} else {
		c.coefXn(text, toks)
	}
}

// tokAt is the index of the token starting at byte off, or -1.
func tokAt(toks []token, off int) int {
	for i, t := range toks {
		if t.start == off {
			return i
		}
	}
	return -1
}

// riordan reads "(g, f)" at byte open: T(n,k) = [x^n] g*(x*f)^k where f
// has a zero constant term it is f/x instead (the usual (g, x*f) written
// out), rows and columns from 0, k <= n.
func (c *collector) riordan(text string, toks []token, open int) {
	i := tokAt(toks, open)
	if i < 0 || !isOp(toks[i], "(") {
		return
	}
	g, end, ok := parseAt(toks, i+1, "x")
	if !ok || !isOp(toks[end], ",") {
		return
	}
	f, end2, ok := parseAt(toks, end+1, "x")
	if !ok || !isOp(toks[end2], ")") {
		return
	}
	if rest := strings.TrimSpace(text[toks[end2].end:]); rest != "" && rest != "." {
		return
	}
	gr, ok1 := toRatfn(g)
	fr, ok2 := toRatfn(f)
	if !ok1 || !ok2 {
		return
	}
	fs, ok := normal(fr)
	if !ok || fs.vr != 0 || fs.vc != 0 || fs.v0 < 0 || fs.v0 > 1 {
		return
	}
	// T(n,k) = [x^(n-k)] g * (f/x)^k, f/x a power series with a nonzero constant term
	fk := scale(fr, 0)
	for i, t := range fr {
		fk[i] = pfactor{t.p, 0, 0, t.e0}
	}
	if fs.v0 == 1 {
		fk = append(fk, pfactor{ipoly{0, 1}, 0, 0, -1})
	}
	s, ok := normal(append(gr, fk...))
	if !ok || s.vr != 0 || s.vc != 0 || s.v0 < 0 {
		return
	}
	body := s.coef(bin(kSub, vr("r_"), vr("c_")))
	if body == nil || !binomialsFit(body, triCells(scanN+20, func(r int64) int64 { return r + 1 })) {
		return
	}
	for _, y := range tableReadings(triStart{row: 0, col: 0, end: 0, walk: -1}, false, body) {
		c.add(text[toks[i].start:toks[end2].end], y)
	}
}

// coefPow reads "(a + b*x)^n" at byte off: row n lists its coefficients,
// T(n,k) = [x^k] (ascending powers unless the text says descending: [x^(n-k)]).
func (c *collector) coefPow(text string, toks []token, off int) {
	i := tokAt(toks, off)
	if i < 0 {
		return
	}
	x, end, ok := parseAt(toks, i, "x", "n")
	if !ok || x.k != kPow || x.kids[1].k != kVar || x.kids[1].name != "n" || x.kids[0].uses("n") {
		return
	}
	rest := strings.TrimSpace(text[toks[end-1].end:])
	desc := reDescend.MatchString(rest)
	if !desc && !reRestOK.MatchString(rest) {
		return
	}
	base, ok := toRatfn(x.kids[0])
	if !ok {
		return
	}
	p, ok := base.expand()
	if !ok || len(p) < 2 || p[0] == 0 {
		return
	}
	if len(p) > 2 {
		c.coefPowRows(text, toks, i, end, p, desc)
		return
	}
	// (a + b*x)^n = a^n * (1 + (b/a)*x)^n, integer only as binomial(n,k)*a^(n-k)*b^k
	k := vr("c_")
	if desc {
		k = bin(kSub, vr("r_"), vr("c_"))
	}
	body := bin(kMul, call("binomial", vr("r_"), k),
		bin(kMul, bin(kPow, num(p[0]), bin(kSub, vr("r_"), k)), bin(kPow, num(p[1]), k)))
	if !binomialsFit(body, triCells(scanN+20, func(r int64) int64 { return r + 1 })) {
		return
	}
	for _, y := range tableReadings(triStart{row: 0, col: 0, end: 0, walk: -1}, false, body) {
		c.add(text[toks[i].start:toks[end-1].end], y)
	}
}

// trinomialCoef is [x^j] (1 + a*x^d + b*x^e)^E, d < e, E = t's power:
// Sum_{i=0..j} binomial(E, i) * [x^(j-d*i)] (a + b*x^(e-d))^i, where the
// inner coefficient is binomial(i, u)*a^(i-u)*b^u for j - d*i = u*(e-d),
// 0 <= u <= i, else 0.
func trinomialCoef(t pfactor, j *node) *node {
	var ds []int64
	for i, c := range t.p[1:] {
		if c != 0 {
			ds = append(ds, int64(i+1))
		}
	}
	d, e := ds[0], ds[1]
	a, b := t.p[d], t.p[e]
	i := vr("i_")
	rest := bin(kSub, j, bin(kMul, num(d), i)) // j - d*i
	u := rest
	if e-d > 1 {
		u = bin(kDiv, rest, num(e-d))
	}
	inner := call("binomial", vr("i_"), u)
	if a != 1 {
		inner = bin(kMul, bin(kPow, num(a), bin(kSub, i, u)), inner)
	}
	if b != 1 {
		inner = bin(kMul, bin(kPow, num(b), u), inner)
	}
	cond := bin(kAnd, &node{k: kCmp, name: ">=", kids: []*node{rest, num(0)}},
		&node{k: kCmp, name: "<=", kids: []*node{u, i}})
	if e-d > 1 {
		cond = bin(kAnd, &node{k: kCmp, name: "=", kids: []*node{bin(kMod, rest, num(e-d)), num(0)}}, cond)
	}
	body := bin(kMul, call("binomial", affine(t.e0, t.er, t.ec), i), bin(kAnd, cond, inner))
	return &node{k: kSum, name: "i_", kids: []*node{num(0), j, body}}
}

// coefPowRows: row n lists the d*n+1 coefficients of p^n, p of degree d
// with p(0) = 1 or -1: T(n,k) = [x^k] p^n (descending: [x^(d*n-k)]).
func (c *collector) coefPowRows(text string, toks []token, i, end int, p ipoly, desc bool) {
	s, ok := normal(ratfn{{p: p, er: 1}})
	if !ok {
		return
	}
	d := int64(len(p) - 1)
	k := vr("c_")
	if desc {
		k = bin(kSub, bin(kMul, num(d), vr("r_")), vr("c_"))
	}
	body := s.coef(k)
	if body == nil || !binomialsFit(body, triCells(scanN+20, func(r int64) int64 { return d*r + 1 })) {
		return
	}
	length := bin(kAdd, bin(kMul, num(d), vr("r_")), num(1))
	for _, y := range rowReadings([]int64{0}, 0, body, length) {
		c.add(text[toks[i].start:toks[end-1].end], y)
	}
}

// "Coefficient of x^n in the expansion of (1+x^3+x^4)^n", "[x^n] (1+x+x^2)^n"
var reCoefXn = regexp.MustCompile(`(?i)^(?:a\(n\) = )?(?:the )?(?:coefficient of x\^n in (?:the )?(?:expansion of )?|\[x\^n\] )`)

// coefXn reads a(n) = [x^n] P(x)^(a*n+b) / Q(x)^(...), a coefficient
// read off the same series code as the tables (n in the row's place).
func (c *collector) coefXn(text string, toks []token) {
	m := reCoefXn.FindStringIndex(text)
	if m == nil {
		return
	}
	i := tokAt(toks, m[1])
	if i < 0 {
		return
	}
	x, end, ok := parseAt(toks, i, "x", "n")
	if !ok || !boundary(toks, end) || toks[end].k != tEnd && !(isOp(toks[end], ".") && toks[end+1].k == tEnd) {
		return
	}
	f, ok := toRatfnN(x)
	if !ok {
		return
	}
	s, ok := normal(f)
	if !ok {
		return
	}
	body := s.coef(vr("r_"))
	var cells [][2]int64
	for n := int64(0); n <= scanN+20; n++ {
		cells = append(cells, [2]int64{n, 0})
	}
	if body == nil || !binomialsFit(body, cells) {
		return
	}
	c.add(text[toks[i].start:toks[end-1].end], rename(body, "r_", "n"))
}

// toRatfnN is toRatfn where a power may be affine in n: p^(a*n + b).
func toRatfnN(x *node) (ratfn, bool) {
	if x.k == kPow && x.kids[1].uses("n") {
		a, ok := toRatfn(x.kids[0])
		e0, er, ok2 := affineIn(x.kids[1], "n")
		if !ok || !ok2 {
			return nil, false
		}
		out := make(ratfn, len(a))
		for i, t := range a {
			if t.er != 0 || t.ec != 0 {
				return nil, false
			}
			out[i] = pfactor{t.p, t.e0 * e0, t.e0 * er, 0}
		}
		return out, true
	}
	switch x.k {
	case kMul, kDiv:
		a, ok1 := toRatfnN(x.kids[0])
		b, ok2 := toRatfnN(x.kids[1])
		if !ok1 || !ok2 {
			return nil, false
		}
		if x.k == kDiv {
			b = scale(b, -1)
		}
		return append(a, b...), true
	}
	if x.uses("n") {
		return nil, false
	}
	return toRatfn(x)
}

// affineIn reads x as e0 + er*v with integer e0, er.
func affineIn(x *node, v string) (e0, er int64, ok bool) {
	switch x.k {
	case kNum:
		return x.val, 0, true
	case kVar:
		return 0, 1, x.name == v
	case kAdd, kSub:
		a0, a1, ok1 := affineIn(x.kids[0], v)
		b0, b1, ok2 := affineIn(x.kids[1], v)
		if x.k == kSub {
			b0, b1 = -b0, -b1
		}
		return a0 + b0, a1 + b1, ok1 && ok2
	case kNeg:
		a0, a1, ok := affineIn(x.kids[0], v)
		return -a0, -a1, ok
	case kMul:
		a0, a1, ok1 := affineIn(x.kids[0], v)
		b0, b1, ok2 := affineIn(x.kids[1], v)
		if a1 != 0 && b1 != 0 {
			return 0, 0, false
		}
		return a0 * b0, a0*b1 + a1*b0, ok1 && ok2
	}
	return 0, 0, false
}

// The coefficient formulas sum binomials whose values may pass i32 where
// the sum still fits (an alternating sum, a trinomial coefficient far
// out): the lowered binomial divides at each step, so a wrapped one is
// wrong, and the scan (scan.go) does not look inside a sum's terms.
// binomialsFit evaluates the formula exactly at each cell, in order,
// until its value leaves i32 (where the checks stop), and requires every
// binomial on the way, times its loop's steps (a bound on its partial
// products), to stay within i32. A list whose first cell has column -1
// is in no listing's order: every other cell whose value fits is looked at.
func binomialsFit(body *node, cells [][2]int64) bool {
	limit := big.NewInt(1 << 31)
	for _, rc := range cells {
		if rc[1] < 0 {
			continue // the marker of an unordered list
		}
		ok := true
		env := map[string]*big.Int{"r_": big.NewInt(rc[0]), "c_": big.NewInt(rc[1])}
		v, good := bigEval(body, env, func(b, a, k *big.Int) {
			// the loop runs to k, or to a-k where that is smaller; its partial products pass b by a factor of at most the steps
			steps := new(big.Int).Set(k)
			if d := new(big.Int).Sub(a, k); a.Sign() >= 0 && d.Sign() >= 0 && d.Cmp(k) < 0 {
				steps = d
			}
			p := new(big.Int).Mul(b, steps.Add(steps, big.NewInt(1)))
			if p.CmpAbs(limit) >= 0 {
				ok = false
			}
		})
		if !good {
			return false
		}
		if v.CmpAbs(limit) >= 0 {
			if cells[0][1] < 0 { // cells in no listing's order: look at the others too
				continue
			}
			return true // the checks stop here
		}
		if !ok {
			return false
		}
	}
	return true
}

// bigEval evaluates the node kinds the coefficient formulas use, exactly;
// binom sees each binomial's value and arguments. ok is false for
// any other kind, a division that is not exact or a negative exponent.
func bigEval(x *node, env map[string]*big.Int, binom func(b, a, k *big.Int)) (r *big.Int, ok bool) {
	ev := func(y *node) *big.Int {
		v, good := bigEval(y, env, binom)
		if !good {
			ok = false
			return new(big.Int)
		}
		return v
	}
	ok = true
	switch x.k {
	case kNum:
		return big.NewInt(x.val), true
	case kVar:
		v, found := env[x.name]
		return v, found
	case kAdd:
		return new(big.Int).Add(ev(x.kids[0]), ev(x.kids[1])), ok
	case kSub:
		return new(big.Int).Sub(ev(x.kids[0]), ev(x.kids[1])), ok
	case kNeg:
		return new(big.Int).Neg(ev(x.kids[0])), ok
	case kMul:
		return new(big.Int).Mul(ev(x.kids[0]), ev(x.kids[1])), ok
	case kDiv, kMod:
		a, b := ev(x.kids[0]), ev(x.kids[1])
		if !ok || b.Sign() == 0 {
			return nil, false
		}
		q, m := new(big.Int).DivMod(a, b, new(big.Int))
		if x.k == kMod {
			return m, b.Sign() > 0
		}
		return q, m.Sign() == 0
	case kPow:
		a, e := ev(x.kids[0]), ev(x.kids[1])
		if !ok || e.Sign() < 0 || e.Cmp(big.NewInt(64)) > 0 && a.CmpAbs(big.NewInt(1)) > 0 {
			return nil, false
		}
		if a.CmpAbs(big.NewInt(1)) == 0 && e.BitLen() > 20 {
			e = new(big.Int).Mod(e, big.NewInt(2))
		}
		return new(big.Int).Exp(a, e, nil), true
	case kCmp:
		c := ev(x.kids[0]).Cmp(ev(x.kids[1]))
		t := map[string]bool{"=": c == 0, "!=": c != 0, "<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0}[x.name]
		return big.NewInt(b2i(t)), ok
	case kAnd:
		if a := ev(x.kids[0]); !ok || a.Sign() == 0 {
			return new(big.Int), ok
		}
		return ev(x.kids[1]), ok
	case kCmp0:
		return big.NewInt(b2i(ev(x.kids[0]).Sign() == 0)), ok
	case kSum:
		lo, hi := ev(x.kids[0]), ev(x.kids[1])
		if !ok || !lo.IsInt64() || !hi.IsInt64() || hi.Int64()-lo.Int64() > 1<<12 {
			return nil, false
		}
		old, had := env[x.name]
		defer func() {
			if had {
				env[x.name] = old
			} else {
				delete(env, x.name)
			}
		}()
		s := new(big.Int)
		for i := lo.Int64(); i <= hi.Int64() && ok; i++ {
			env[x.name] = big.NewInt(i)
			s.Add(s, ev(x.kids[2]))
		}
		return s, ok
	case kCall:
		if x.name != "binomial" {
			return nil, false
		}
		a, k := ev(x.kids[0]), ev(x.kids[1])
		if !ok || !k.IsInt64() || k.Int64() > 1<<12 {
			return nil, false
		}
		b := big.NewInt(1)
		if k.Sign() < 0 {
			b.SetInt64(0)
		}
		for i := int64(0); i < k.Int64(); i++ {
			b.Mul(b, new(big.Int).Sub(a, big.NewInt(i)))
			b.Quo(b, big.NewInt(i+1))
		}
		binom(b, a, k)
		return b, true
	}
	return nil, false
}

// triCells lists the (row, column) of a table's first n entries, rows
// from 0, row r of length(r) entries from column 0.
func triCells(n int, length func(r int64) int64) [][2]int64 {
	var out [][2]int64
	for r := int64(0); len(out) < n && r < 1<<10; r++ {
		for c := int64(0); c < length(r) && len(out) < n; c++ {
			out = append(out, [2]int64{r, c})
		}
	}
	return out
}

// cyclotomic rewrites each (1 + s*x^d + x^(2d))^(-e), s = 1 or -1 and e a
// positive constant, as (1 - s*x^d)^e * (1 - s*x^(3d))^(-e): two
// two-term factors instead of a three-term one, so that the coefficient
// takes a sum only where another factor needs one ("1/(1+x+x^2)" beside
// "x/(1+x)^2"). The product of the two is the same series: (1 + s*y +
// y^2)(1 - s*y) = 1 - s*y^3.
func cyclotomic(fs []pfactor) []pfactor {
	var out []pfactor
	for _, t := range fs {
		p := t.p
		d := int64(len(p)-1) / 2
		if t.er != 0 || t.ec != 0 || t.e0 >= 0 || nonzeros(p) != 3 || d == 0 || int64(len(p)-1) != 2*d ||
			p[2*d] != 1 || p[d] != 1 && p[d] != -1 {
			out = append(out, t)
			continue
		}
		sgn := p[d]
		a := make(ipoly, d+1)
		a[0], a[d] = 1, -sgn
		b := make(ipoly, 3*d+1)
		b[0], b[3*d] = 1, -sgn
		out = append(out, pfactor{a, -t.e0, 0, 0}, pfactor{b, t.e0, 0, 0})
	}
	return out
}
