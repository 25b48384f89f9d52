package formula

import (
	"regexp"
	"strings"
)

// Power series read from a name: "Expansion of Product_{k>=1} (1 +
// x^(4*k))/(1 + x^k).", "Expansion of (eta(q) * eta(q^9) / eta(q^3)^2)^6
// in powers of q.", "Expansion of phi(q) * phi(q^2) in powers of q where
// phi() is a Ramanujan theta function.", "Expansion of Sum_{k>=1}
// x^(3*k)/(1 - x^(4*k))^2." This file parses such a text into a series
// tree (sNode); series_eval.go computes its coefficients exactly,
// series_norm.go and series_lower.go compile it to one program over
// tables in memory.

// sKind is what an sNode computes.
type sKind uint8

const (
	sNum   sKind = iota // scalar: a formula over the bound variables (x)
	sVar                // the series variable x
	sAdd                // a + b
	sSub                // a - b
	sNeg                // -a
	sMul                // a * b
	sDiv                // a / b
	sPow                // a ^ e, e a scalar formula (x.e)
	sProd               // Product_{v >= lo} body (hi: up to a scalar, else while its x powers fit)
	sSum                // Sum_{v >= lo} body
	sFixed              // the fixed point A of A = kids[0] (series_fixed.go)
	sRef                // A(x^m), m = x.val, inside an sFixed
	sFn                 // a theta function, name: eta, fneg (Ramanujan's f(-q) written f(q)), phi, psi, chi, f2 (f(a, b)), cubicb
)

// sNode is a power series over one variable, with scalar leaves that may
// use the variables of the big operators around them.
type sNode struct {
	k    sKind
	x    *node // sNum: the scalar; sPow: the exponent; sProd/sSum: lo
	hi   *node // sProd/sSum: the last index, nil for an infinite one
	v    string
	name string
	kids []*sNode
}

// seriesParser reads a series over variable xv; bound lists the
// variables of the big operators it is inside.
type seriesParser struct {
	toks  []token
	pos   int
	xv    string
	bound map[string]bool
	theta bool // the text names Ramanujan's theta functions
	cubic bool // the text names the cubic AGM functions
	zmode bool // theta_j(dz) was read: the series is in x = q^(1/4)
	refA  bool // A(x^m) stands for the series being defined
}

func (p *seriesParser) fail() { panic(errSyntax) }
func (p *seriesParser) peek() token {
	return p.toks[p.pos]
}
func (p *seriesParser) at(s string) bool {
	t := p.toks[p.pos]
	return t.k == tOp && t.s == s
}
func (p *seriesParser) atIdent(s string) bool {
	t := p.toks[p.pos]
	return t.k == tIdent && t.s == s
}
func (p *seriesParser) expect(s string) {
	if !p.at(s) {
		p.fail()
	}
	p.pos++
}

// parseSeries parses toks[i:] as a series over xv up to its end or a word
// that ends it; end is the index of the first token not read, zmode
// whether the series is in x = q^(1/4) (theta functions of z).
func parseSeries(toks []token, i int, xv string, theta, cubic bool) (x *sNode, end int, zmode, ok bool) {
	p := &seriesParser{toks: toks, pos: i, xv: xv, bound: map[string]bool{}, theta: theta, cubic: cubic}
	defer func() {
		if r := recover(); r != nil {
			if _, is := r.(syntaxError); !is {
				panic(r)
			}
			x, end, zmode, ok = nil, i, false, false
		}
	}()
	x = p.expr()
	return x, p.pos, p.zmode, true
}

func (p *seriesParser) expr() *sNode {
	var x *sNode
	if p.at("-") {
		p.pos++
		x = &sNode{k: sNeg, kids: []*sNode{p.term()}}
	} else {
		if p.at("+") {
			p.pos++
		}
		x = p.term()
	}
	for p.at("+") || p.at("-") {
		k := sAdd
		if p.at("-") {
			k = sSub
		}
		p.pos++
		x = &sNode{k: k, kids: []*sNode{x, p.term()}}
	}
	return x
}

// startsFactor: the next token opens a factor written beside the last
// one ("eta(q)eta(q^9)", "2(1-x)").
func (p *seriesParser) startsFactor() bool {
	t := p.peek()
	switch t.k {
	case tOp:
		return t.s == "("
	case tIdent:
		return t.s == p.xv || p.bound[t.s] || p.isFn(t.s) || t.s == "Product" || t.s == "Sum" || t.s == "Prod" || t.s == "A" && p.refA
	}
	return false
}

func (p *seriesParser) term() *sNode {
	x := p.factor()
	for {
		switch {
		case p.at("*"):
			p.pos++
			x = &sNode{k: sMul, kids: []*sNode{x, p.factor()}}
		case p.at("/"):
			p.pos++
			x = &sNode{k: sDiv, kids: []*sNode{x, p.factor()}}
		case p.startsFactor():
			x = &sNode{k: sMul, kids: []*sNode{x, p.factor()}}
		default:
			return x
		}
	}
}

func (p *seriesParser) factor() *sNode {
	if p.at("-") {
		p.pos++
		return &sNode{k: sNeg, kids: []*sNode{p.factor()}}
	}
	x := p.primary()
	for p.at("^") {
		p.pos++
		if m, ok := p.halfPower(); ok && x.k != sVar { // (1-4x)^(15/2): series2_sqrt.go
			x = &sNode{k: sPow, x: num(m), kids: []*sNode{{k: sFn, name: "sqrt", kids: []*sNode{x}}}}
			continue
		}
		e, frac := p.exponent()
		if frac {
			// q^(-1/4), q^(1/24): a fractional power of the variable is the
			// q-shift convention of eta quotients and theta functions,
			// dropped; elsewhere ("1 + x^(1/2)") it is no integer series
			if x.k != sVar || !p.etaOrTheta() {
				p.fail()
			}
			x = &sNode{k: sNum, x: num(1)}
			continue
		}
		x = &sNode{k: sPow, x: e, kids: []*sNode{x}}
	}
	return x
}

// exponent reads what follows "^": a number, a bound variable, or a
// parenthesized scalar formula; frac reports a fraction of two numbers.
func (p *seriesParser) exponent() (e *node, frac bool) {
	t := p.peek()
	switch {
	case t.k == tNum:
		p.pos++
		return num(t.v), false
	case t.k == tIdent && p.bound[t.s]:
		p.pos++
		return vr(t.s), false
	case t.k == tIdent && seriesCalls[t.s] != "":
		if c, ok := p.scalarCall(); ok { // x^prime(k): series2_calls.go
			return c, false
		}
	case p.at("("):
		// (-1/4), (1/24): fractions
		save := p.pos
		p.pos++
		neg := false
		if p.at("-") {
			neg = true
			p.pos++
		}
		if a := p.peek(); a.k == tNum {
			p.pos++
			if p.at("/") {
				p.pos++
				if b := p.peek(); b.k == tNum && b.v != 0 {
					p.pos++
					if p.at(")") {
						p.pos++
						if a.v%b.v != 0 {
							return nil, true
						}
						v := a.v / b.v
						if neg {
							v = -v
						}
						return num(v), false
					}
				}
			}
		}
		p.pos = save
		p.pos++
		e := p.scalar()
		p.expect(")")
		return e, false
	}
	p.fail()
	return nil, false
}

// scalar reads a formula over the bound variables: + - * / ^ and
// parentheses, numbers.
func (p *seriesParser) scalar() *node {
	var x *node
	if p.at("-") {
		p.pos++
		x = un(kNeg, p.scalarTerm())
	} else {
		x = p.scalarTerm()
	}
	for p.at("+") || p.at("-") {
		k := kAdd
		if p.at("-") {
			k = kSub
		}
		p.pos++
		x = bin(k, x, p.scalarTerm())
	}
	return x
}

func (p *seriesParser) scalarTerm() *node {
	x := p.scalarPow()
	for {
		switch {
		case p.at("*"):
			p.pos++
			x = bin(kMul, x, p.scalarPow())
		case p.at("/"):
			p.pos++
			x = bin(kDivT, x, p.scalarPow())
		case p.peek().k == tIdent && p.bound[p.peek().s] || p.at("("):
			x = bin(kMul, x, p.scalarPow())
		default:
			return x
		}
	}
}

func (p *seriesParser) scalarPow() *node {
	var x *node
	t := p.peek()
	switch {
	case t.k == tNum:
		p.pos++
		x = num(t.v)
	case t.k == tIdent && p.bound[t.s]:
		p.pos++
		x = vr(t.s)
	case t.k == tIdent && seriesCalls[t.s] != "":
		c, ok := p.scalarCall() // prime(k)*x^k: series2_calls.go
		if !ok {
			p.fail()
		}
		x = c
	case p.at("("):
		p.pos++
		x = p.scalar()
		p.expect(")")
	case p.at("-"):
		p.pos++
		return un(kNeg, p.scalarPow())
	default:
		p.fail()
	}
	if p.at("^") {
		p.pos++
		e := p.scalarPow()
		x = bin(kPow, x, e)
	}
	return x
}

// isFn: a theta function name the text lets us read.
func (p *seriesParser) isFn(s string) bool {
	switch s {
	case "eta":
		return true
	case "phi", "psi", "f", "chi":
		return p.theta
	case "theta", "sqrt":
		return true
	case "a", "b":
		return p.cubic
	}
	return false
}

func (p *seriesParser) primary() *sNode {
	t := p.peek()
	switch {
	case t.k == tNum:
		p.pos++
		return &sNode{k: sNum, x: num(t.v)}
	case t.k == tIdent && t.s == p.xv:
		p.pos++
		return &sNode{k: sVar}
	case t.k == tIdent && p.bound[t.s]:
		p.pos++
		return &sNode{k: sNum, x: vr(t.s)}
	case p.at("("):
		p.pos++
		x := p.expr()
		p.expect(")")
		return x
	case p.at("{"):
		p.pos++
		x := p.expr()
		p.expect("}")
		return x
	case t.k == tIdent && (t.s == "Product" || t.s == "Prod" || t.s == "Sum"):
		p.pos++
		return p.bigOp(t.s == "Sum")
	case t.k == tIdent && p.isFn(t.s):
		p.pos++
		return p.function(t.s)
	case t.k == tIdent && seriesCalls[t.s] != "" && p.pos+1 < len(p.toks) && isOp(p.toks[p.pos+1], "("):
		c, _ := p.scalarCall() // prime(k)*x^k: series2_calls.go
		return &sNode{k: sNum, x: c}
	case t.k == tIdent && t.s == "A" && p.refA:
		// A(x) or A(x^m)
		p.pos++
		p.expect("(")
		if !p.atIdent(p.xv) {
			p.fail()
		}
		p.pos++
		m := int64(1)
		if p.at("^") {
			p.pos++
			if n := p.peek(); n.k == tNum && n.v >= 1 && n.v <= 100 {
				m = n.v
				p.pos++
			} else {
				p.fail()
			}
		}
		p.expect(")")
		return &sNode{k: sRef, x: num(m)}
	}
	p.fail()
	return nil
}

// bigOp reads "_{k>=1} body", "_{k>0}", "_{k=1..oo}", "_{k in Z}",
// "_{n=-oo..oo}", "_{d | 46}" (a finite product or sum over the divisors
// of a number) and "_{i=1..t}" (up to a bound variable).
func (p *seriesParser) bigOp(sum bool) *sNode {
	p.expect("_")
	p.expect("{")
	v := p.peek()
	if v.k != tIdent || v.s == p.xv || p.bound[v.s] || p.isFn(v.s) {
		p.fail()
	}
	p.pos++
	k := sProd
	if sum {
		k = sSum
	}
	x := &sNode{k: k, v: v.s}
	var divisorsOf int64
	both := false // over all integers
	switch {
	case p.at(">="):
		p.pos++
		x.x = p.signedNum()
	case p.at(">"):
		p.pos++
		x.x = num(p.signedNum().val + 1)
	case p.at("|"):
		p.pos++
		n := p.peek()
		if n.k != tNum || n.v < 1 || n.v > 10000 {
			p.fail()
		}
		p.pos++
		divisorsOf = n.v
	case p.atIdent("in"):
		p.pos++
		if !p.atIdent("Z") {
			p.fail()
		}
		p.pos++
		both = true
	case p.at("="):
		p.pos++
		if p.at("-") && p.toks[p.pos+1].k == tIdent && isInfinity(p.toks[p.pos+1].s) {
			p.pos += 2
			both = true
		} else {
			x.x = p.signedNum()
		}
		p.expect("..")
		if t := p.peek(); t.k == tIdent && isInfinity(t.s) {
			p.pos++
		} else if t.k == tIdent && p.bound[t.s] && !both {
			p.pos++
			x.hi = vr(t.s)
		} else if t.k == tNum && !both {
			p.pos++
			x.hi = num(t.v)
		} else {
			p.fail()
		}
	default:
		p.fail()
	}
	p.expect("}")
	p.bound[v.s] = true
	body := p.term()
	delete(p.bound, v.s)
	if divisorsOf > 0 {
		var out *sNode
		for d := int64(1); d <= divisorsOf; d++ {
			if divisorsOf%d != 0 {
				continue
			}
			b := sSubstVar(body, v.s, num(d))
			if out == nil {
				out = b
			} else if sum {
				out = &sNode{k: sAdd, kids: []*sNode{out, b}}
			} else {
				out = &sNode{k: sMul, kids: []*sNode{out, b}}
			}
		}
		return out
	}
	x.kids = []*sNode{body}
	if both {
		if !sum {
			p.fail()
		}
		// Sum over Z: k >= 0 and, with k = -j, j >= 1
		x.x = num(0)
		neg := &sNode{k: sSum, v: v.s, x: num(1), kids: []*sNode{sSubstVar(body, v.s, un(kNeg, vr(v.s)))}}
		return &sNode{k: sAdd, kids: []*sNode{x, neg}}
	}
	return x
}

func isInfinity(s string) bool {
	return s == "oo" || s == "infinity" || s == "inf" || s == "Infinity"
}

func (p *seriesParser) signedNum() *node {
	neg := false
	if p.at("-") {
		neg = true
		p.pos++
	}
	t := p.peek()
	if t.k != tNum {
		p.fail()
	}
	p.pos++
	if neg {
		return num(-t.v)
	}
	return num(t.v)
}

// function reads the arguments of a theta function: eta(q^2), phi(-q),
// f(x), f(-x^3), f(x, x^2), theta_3(q^d), theta_3 alone (of q).
// zArg reads "(z)", "(10z)", "(10*z)": the modular variable z, q = e^(2 Pi i z).
func (p *seriesParser) zArg() (int64, bool) {
	i := p.pos
	if !p.at("(") {
		return 0, false
	}
	i++
	d := int64(1)
	if p.toks[i].k == tNum {
		d = p.toks[i].v
		i++
		if p.toks[i].k == tOp && p.toks[i].s == "*" {
			i++
		}
	}
	if p.toks[i].k != tIdent || p.toks[i].s != "z" || p.toks[i+1].k != tOp || p.toks[i+1].s != ")" || d < 1 || d > 1000 {
		return 0, false
	}
	p.pos = i + 2
	return d, true
}

func (p *seriesParser) function(name string) *sNode {
	if name == "theta" {
		p.expect("_")
		t := p.peek()
		if t.k != tNum || t.v < 2 || t.v > 4 {
			p.fail()
		}
		p.pos++
		if d, ok := p.zArg(); ok {
			// theta_j(d z) in powers of x = q^(1/4): theta_3 = phi(x^(4d)),
			// theta_4 = phi(-x^(4d)), theta_2 = 2 x^d psi(x^(8d))
			p.zmode = true
			mono := func(sign, e int64) *sNode { return monoNode(sign, int(e)) }
			switch t.v {
			case 3:
				return &sNode{k: sFn, name: "phi", kids: []*sNode{mono(1, 4*d)}}
			case 4:
				return &sNode{k: sFn, name: "phi", kids: []*sNode{mono(-1, 4*d)}}
			}
			two := &sNode{k: sMul, kids: []*sNode{{k: sNum, x: num(2)}, mono(1, d)}}
			return &sNode{k: sMul, kids: []*sNode{two, {k: sFn, name: "psi", kids: []*sNode{mono(1, 8*d)}}}}
		}
		if t.v == 2 {
			p.fail() // theta_2(q) has q^(1/4) in every term
		}
		var arg *sNode = &sNode{k: sVar}
		if p.at("(") {
			p.pos++
			arg = p.expr()
			p.expect(")")
		}
		if t.v == 4 {
			arg = &sNode{k: sNeg, kids: []*sNode{arg}}
		}
		return &sNode{k: sFn, name: "phi", kids: []*sNode{arg}}
	}
	p.expect("(")
	a := p.expr()
	if name == "f" && p.at(",") {
		p.pos++
		b := p.expr()
		p.expect(")")
		return &sNode{k: sFn, name: "f2", kids: []*sNode{a, b}}
	}
	p.expect(")")
	switch name {
	case "f":
		name = "fneg"
	case "a":
		name = "cubica"
	case "b":
		name = "cubicb"
	}
	return &sNode{k: sFn, name: name, kids: []*sNode{a}}
}

// sSubstVar replaces bound variable v by the scalar y in x.
func sSubstVar(x *sNode, v string, y *node) *sNode {
	if x == nil {
		return nil
	}
	c := *x
	if c.x != nil {
		c.x = substitute(c.x, v, y)
	}
	if c.hi != nil {
		c.hi = substitute(c.hi, v, y)
	}
	if (c.k == sProd || c.k == sSum) && c.v == v {
		return &c // shadowed below
	}
	c.kids = make([]*sNode, len(x.kids))
	for i, k := range x.kids {
		c.kids[i] = sSubstVar(k, v, y)
	}
	return &c
}

// seriesText finds a generating function in text: "Expansion of G",
// "G.f.: G", "Coefficients in (the) expansion of G", "coefficient of q^n
// in G", with an optional "in powers of q" and a clause naming theta
// functions. It returns the tokens of G, the variable, and whether the
// text names Ramanujan's theta functions and the cubic AGM ones.
func seriesText(text string) (g string, xv string, theta, cubic bool, ok bool) {
	s := strings.TrimSpace(text)
	lower := strings.ToLower(s)
	theta = strings.Contains(lower, "ramanujan") && strings.Contains(lower, "theta function") ||
		strings.Contains(lower, "ramanujan's general theta") || strings.Contains(lower, "ramanujan's two-variable theta")
	cubic = strings.Contains(lower, "cubic agm")
	for _, pre := range []string{"Expansion of g.f.: ", "Expansion of g.f. ", "Expansion of ", "G.f.: ", "G.f. = ", "G.f.= ", "G.f. ", "g.f.: ",
		"Coefficients in expansion of ", "Coefficients in the expansion of ", "Coefficients in q-expansion of ", "Coefficient of x^n in ", "Coefficient of q^n in "} {
		if rest, found := strings.CutPrefix(s, pre); found {
			g = rest
			ok = true
			break
		}
	}
	if !ok {
		if i := strings.Index(s, ": coefficient of q^n in "); i >= 0 {
			g, ok = s[i+len(": coefficient of q^n in "):], true
		}
	}
	if !ok {
		return "", "", false, false, false
	}
	// the clauses that may follow: "in powers of q", "where ... theta
	// function(s)", a final period, a remark in words "(a Salem
	// polynomial)"
	g = strings.TrimSpace(g)
	g = strings.TrimSuffix(g, ".")
	if m := reSeriesRemark.FindStringIndex(g); m != nil {
		g = g[:m[0]]
	}
	// "G.f.: A(x) = ..."
	g = strings.TrimPrefix(g, "A(x) = ")
	if i := strings.Index(g, " where "); i >= 0 {
		w := strings.ToLower(g[i:])
		if !strings.HasSuffix(w, "theta function") && !strings.HasSuffix(w, "theta functions") && !strings.HasSuffix(w, "agm function") && !strings.HasSuffix(w, "agm functions") && !strings.HasSuffix(w, "cubic agm theta function") {
			return "", "", false, false, false
		}
		g = g[:i]
	}
	g = strings.TrimSuffix(strings.TrimSpace(g), ",")
	xv = ""
	for _, v := range []string{"q", "x"} {
		if rest, found := strings.CutSuffix(g, " in powers of "+v); found {
			g, xv = strings.TrimSpace(rest), v
		}
	}
	if xv == "" {
		has := func(v string) bool {
			for _, t := range lex(g) {
				if t.k == tIdent && t.s == v {
					return true
				}
			}
			return false
		}
		switch {
		case has("x") && !has("q"):
			xv = "x"
		case has("q") && !has("x"):
			xv = "q"
		case has("t") && !has("x") && !has("q"):
			xv = "t"
		default:
			// theta_3 / theta_4 alone
			if strings.Contains(g, "theta_") && !has("x") {
				xv = "q"
			} else {
				return "", "", false, false, false
			}
		}
	}
	return g, xv, theta, cubic, true
}

// reSeriesRemark is a closing remark in words after a generating function.
var reSeriesRemark = regexp.MustCompile(`\s+\((?:[A-Za-z]+ )*[A-Za-z]{3,}(?: [A-Za-z]+)*\)$`)

// parseAll parses p's tokens to their end.
func (p *seriesParser) parseAll() (x *sNode, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, is := r.(syntaxError); !is {
				panic(r)
			}
			x, ok = nil, false
		}
	}()
	x = p.expr()
	return x, p.peek().k == tEnd
}

// etaOrTheta: the series names eta or a theta function, whose names drop
// fractional powers of q.
func (p *seriesParser) etaOrTheta() bool {
	for _, t := range p.toks {
		if t.k == tIdent && (t.s == "eta" || t.s == "theta" || p.theta && (t.s == "phi" || t.s == "psi" || t.s == "f" || t.s == "chi")) {
			return true
		}
	}
	return false
}
