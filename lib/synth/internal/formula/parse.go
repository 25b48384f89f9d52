package formula

import (
	"regexp"
	"strconv"
	"strings"
)

// funcs maps the names a formula may call (lower case, except the
// one-letter names whose case matters) to the canonical name and the number
// of arguments (-1: two or more).
var funcs = map[string]struct {
	name  string
	arity int
}{
	"binomial": {"binomial", 2}, "binom": {"binomial", 2}, "C": {"binomial", 2},
	"gcd": {"gcd", -1}, "lcm": {"lcm", 2}, "min": {"min", -1}, "max": {"max", -1},
	"abs": {"abs", 1}, "sigma": {"sigma", 1}, "tau": {"tau", 1}, "d": {"tau", 1},
	"numdiv": {"tau", 1}, "phi": {"phi", 1}, "eulerphi": {"phi", 1}, "totient": {"phi", 1},
	"prime": {"prime", 1}, "fibonacci": {"fib", 1}, "fib": {"fib", 1}, "F": {"fib", 1},
	"lucas": {"lucas", 1}, "floor": {"floor", 1}, "ceiling": {"ceiling", 1}, "ceil": {"ceiling", 1},
	"round": {"round", 1}, "sqrt": {"sqrt", 1}, "isprime": {"isprime", 1},
	"mu": {"mu", 1}, "moebius": {"mu", 1}, "mobius": {"mu", 1}, "omega": {"omega", 1},
	"bigomega": {"bigomega", 1}, "Omega": {"bigomega", 1}, "pi": {"primepi", 1}, "primepi": {"primepi", 1},
	"lpf": {"lpf", 1}, "gpf": {"gpf", 1}, "rad": {"rad", 1}, "sopf": {"sopf", 1}, "sopfr": {"sopfr", 1},
	"reversal": {"reversal", 1}, "wt": {"wt", 1}, "hammingweight": {"wt", 1},
	"transc": {"transc", 1}, // Pi (1) or e (2), written by surdTokens (transc.go)
	"bitand": {"bitand", 2}, "bitor": {"bitor", 2}, "bitxor": {"bitxor", 2}, "sumdigits": {"sumdigits", 1},
	"digsum": {"sumdigits", 1}, "digitsum": {"sumdigits", 1}, "digsumbase": {"digsumbase", 2},
	"numerator": {"numerator", 1}, "denominator": {"denominator", 1}, // in lowest terms (ratio.go)
	"concat":    {"concat", -1},                                                             // decimal digits written one after another (coverage_concat.go)
	"kronecker": {"kronecker", 2}, "legendre": {"kronecker", 2}, "jacobi": {"kronecker", 2}, // (a/n): cases_kron.go
}

// lookupFunc finds a function name: exact for one-letter names, else
// without regard to case.
func lookupFunc(s string) (string, int, bool) {
	if len(s) == 1 || s == "Omega" {
		f, ok := funcs[s]
		return f.name, f.arity, ok
	}
	f, ok := funcs[strings.ToLower(s)]
	return f.name, f.arity, ok
}

// parser reads one expression from a token slice. Errors unwind by panic
// (errSyntax), recovered in parseAt: nothing escapes the package.
type parser struct {
	toks  []token
	pos   int
	bound []string // variables in scope besides n
	vars  []string // free variable names accepted (usually "n")
	lags  bool     // a(n-j) is read, as variable "a<j>" (recurrences)
	// consts: letters the text defines ("with q = 2"), read as their values
	consts map[string]int64
	shift  int64             // the recurrence defines a(n+shift): a(n+j) is lag shift-j
	self   *selfCalls        // divide-and-conquer mode: a(floor(n/b)) is variable a_ (dnc.go); nil: off
	far    int               // the furthest token a failure was at (coverage_why.go reports it)
	mem    string            // recurrences with history: the names of the tables, "a" (a(e) is the term at e) or "ab" (memrec.go)
	defs   map[string]eqnDef // functions the text defines after the formula, "where f(n) = ..." (eqn.go)
}

type syntaxError struct{}

var errSyntax = syntaxError{}

func (p *parser) fail() { p.far = max(p.far, p.pos); panic(errSyntax) }

func (p *parser) peek() token { return p.toks[p.pos] }
func (p *parser) next() token { t := p.toks[p.pos]; p.pos++; return t }
func (p *parser) at(s string) bool {
	t := p.toks[p.pos]
	return t.k == tOp && t.s == s
}
func (p *parser) atWord(s string) bool {
	t := p.toks[p.pos]
	return t.k == tIdent && strings.EqualFold(t.s, s)
}
func (p *parser) expect(s string) {
	if !p.at(s) {
		p.fail()
	}
	p.pos++
}

// parseAt parses the longest expression starting at token i with free
// variables vars. It returns the tree and the index of the first token
// after it, or ok false.
func parseAt(toks []token, i int, vars ...string) (x *node, end int, ok bool) {
	return parseWith(&parser{toks: toks, pos: i, vars: vars})
}

// parseAtConsts is parseAt that reads the letters of consts as their
// values.
func parseAtConsts(toks []token, i int, consts map[string]int64, vars ...string) (x *node, end int, ok bool) {
	return parseWith(&parser{toks: toks, pos: i, vars: vars, consts: consts})
}

// reConst: "with q=2", "where k = 3", ", B=5": a letter the text fixes.
var reConst = regexp.MustCompile(`(?:\bwith|\bwhere|\band|,|;)\s+([A-Za-z])\s*=\s*(-?\d+)\b`)

// textConsts reads the letters a text fixes to an integer ("with q=2"),
// but not n, nor a letter given two values, nor a value that goes on
// ("k = 0..n", "k = 3n", "q = 2.5").
func textConsts(text string) map[string]int64 {
	consts := map[string]int64{}
	bad := map[string]bool{"n": true}
	for _, m := range reConst.FindAllStringSubmatchIndex(text, -1) {
		name := text[m[2]:m[3]]
		rest := strings.TrimLeft(text[m[1]:], " ")
		if rest != "" && (strings.HasPrefix(rest, "..") || strings.IndexByte("*/^+-(", rest[0]) >= 0 ||
			isLetter(rest[0]) && !strings.HasPrefix(rest, "and") || rest[0] == '.' && len(rest) > 1 && rest[1] >= '0' && rest[1] <= '9') {
			bad[name] = true
			continue
		}
		v, err := strconv.ParseInt(text[m[4]:m[5]], 10, 32)
		if err != nil {
			bad[name] = true
			continue
		}
		if old, seen := consts[name]; seen && old != v {
			bad[name] = true
		}
		consts[name] = v
	}
	for name := range bad {
		delete(consts, name)
	}
	if len(consts) == 0 {
		return nil
	}
	return consts
}

// parseLags is parseAt over n that also reads a(n-1), a(n-2), ... as the
// variables a1, a2, ... of a recurrence.
func parseLags(toks []token, i int, shift int64, consts map[string]int64) (x *node, end int, ok bool) {
	return parseWith(&parser{toks: toks, pos: i, vars: []string{"n"}, lags: true, shift: shift, consts: consts})
}

func parseWith(p *parser) (x *node, end int, ok bool) {
	i := p.pos
	defer func() {
		if r := recover(); r != nil {
			if _, is := r.(syntaxError); !is {
				panic(r)
			}
			x, end, ok = nil, i, false
		}
	}()
	x = p.expr()
	return x, p.pos, true
}

func (p *parser) isVar(s string) bool {
	for _, b := range p.bound {
		if b == s {
			return true
		}
	}
	for _, v := range p.vars {
		if v == s {
			return true
		}
	}
	return false
}

// expr: additive expressions joined by mod, the loosest operator in OEIS
// names ("n^3 mod 5", "5^n mod 3*n").
func (p *parser) expr() *node {
	x := p.additive()
	for {
		if t := p.peek(); t.k == tIdent && bitwise[t.s] != "" { // "n OR k": bitwise, written in capitals
			p.pos++
			x = call(bitwise[t.s], x, p.additive())
			continue
		}
		switch {
		case p.atWord("mod") || p.atWord("modulo"):
			p.pos++
		case p.atWord("reduced") && p.toks[p.pos+1].k == tIdent && strings.EqualFold(p.toks[p.pos+1].s, "mod"):
			p.pos += 2
		default:
			return x
		}
		x = bin(kMod, x, p.additive())
	}
}

// bitwise operators written as words in capitals: "n XOR 2*n"
var bitwise = map[string]string{"AND": "bitand", "OR": "bitor", "XOR": "bitxor"}

func (p *parser) additive() *node {
	x := p.term()
	for {
		switch {
		case p.at("+"):
			p.pos++
			x = bin(kAdd, x, p.term())
		case p.at("-"):
			p.pos++
			x = bin(kSub, x, p.term())
		default:
			return x
		}
	}
}

// term: factors joined by *, / or juxtaposition ("2n", "n(n+1)", "4(-1)^n").
func (p *parser) term() *node {
	x := p.unary()
	for {
		switch {
		case p.at("*"):
			p.pos++
			x = bin(kMul, x, p.unary())
		case p.at("/"):
			p.pos++
			x = bin(kDiv, x, p.unary())
		case p.at("%"): // mod binding as tightly as * (cases_mod.go's reading)
			p.pos++
			x = bin(kMod, x, p.unary())
		case p.implicit():
			y, ok := p.try(p.power)
			if !ok {
				return x
			}
			x = bin(kMul, x, y)
		default:
			return x
		}
	}
}

// implicit reports whether the next token starts a factor multiplied by
// juxtaposition: an opening parenthesis, a variable or a known function.
func (p *parser) implicit() bool {
	t := p.peek()
	if t.k == tOp && t.s == "(" {
		return true
	}
	if t.k != tIdent {
		return false
	}
	if p.isVar(t.s) || ((p.lags || p.self != nil) && t.s == "a" || p.memName(t.s)) && isOp(p.toks[p.pos+1], "(") || p.juxtaposed(t.s) != nil {
		return true
	}
	if _, _, ok := lookupFunc(t.s); (ok || p.eqnIsCall(t.s)) && p.toks[p.pos+1].k == tOp && p.toks[p.pos+1].s == "(" {
		return true
	}
	return isSumWord(t.s) && p.toks[p.pos+1].k == tOp && p.toks[p.pos+1].s == "_"
}

// try runs f and undoes it if it fails: "n + 4 (for n > 0)" ends before
// the parenthesis instead of failing.
func (p *parser) try(f func() *node) (x *node, ok bool) {
	pos, nb := p.pos, len(p.bound)
	defer func() {
		if r := recover(); r != nil {
			if _, is := r.(syntaxError); !is {
				panic(r)
			}
			p.pos, p.bound, x, ok = pos, p.bound[:nb], nil, false
		}
	}()
	return f(), true
}

func (p *parser) unary() *node {
	switch {
	case p.at("-"):
		p.pos++
		return un(kNeg, p.unary())
	case p.at("+"):
		p.pos++
		return p.unary()
	}
	return p.power()
}

// power: a postfix expression, optionally raised (right-associative) to a
// power, which may carry a sign: 2^-1, 2^3^2.
func (p *parser) power() *node {
	x := p.postfix()
	if p.at("^") {
		p.pos++
		return bin(kPow, x, p.unary())
	}
	return x
}

func (p *parser) postfix() *node {
	x := p.primary()
	for p.at("!") {
		p.pos++
		if p.at("!") { // double factorial: not supported
			p.fail()
		}
		x = un(kFact, x)
	}
	return x
}

func isSumWord(s string) bool {
	switch strings.ToLower(s) {
	case "sum", "product", "prod":
		return true
	}
	return false
}

func (p *parser) primary() *node {
	t := p.next()
	switch t.k {
	case tNum:
		return num(t.v)
	case tOp:
		switch t.s {
		case "(":
			x := p.expr()
			p.expect(")")
			return x
		case "|":
			x := p.additive()
			p.expect("|")
			return call("abs", x)
		}
		p.fail()
	case tIdent:
		if isSumWord(t.s) && p.at("_") {
			return p.bigOp(strings.ToLower(t.s) == "sum")
		}
		if isSumWord(t.s) && p.at("(") {
			return p.callOp(strings.ToLower(t.s) == "sum")
		}
		if p.memName(t.s) && p.at("(") {
			return p.memRef(t.s)
		}
		if p.lags && t.s == "a" && p.at("(") {
			return p.lag()
		}
		if p.self != nil && t.s == "a" && p.at("(") {
			return p.selfCall()
		}
		if x := p.nthWord(t); x != nil {
			return x
		}
		if v, ok := p.consts[t.s]; ok && !p.isVar(t.s) && !p.at("(") {
			return num(v)
		}
		if p.isVar(t.s) && !p.at("(") {
			return vr(t.s)
		}
		if p.isVar(t.s) && p.at("(") { // n(n+1): juxtaposition
			return vr(t.s)
		}
		if x := p.juxtaposed(t.s); x != nil && !p.at("(") {
			return x
		}
		return p.function(t)
	}
	p.fail()
	return nil
}

// function parses a call of a known function; sigma_k(x) is
// Sum_{d|x} d^k.
func (p *parser) function(t token) *node {
	if x := p.eqnCall(t); x != nil { // A-numbers, functions the text defines (eqn.go)
		return x
	}
	name, arity, ok := lookupFunc(t.s)
	if !ok {
		p.fail()
	}
	var k int64 = -1
	if name == "sigma" && p.at("_") {
		p.pos++
		nt := p.next()
		if nt.k != tNum || nt.v > 10 {
			p.fail()
		}
		k = nt.v
	}
	p.expect("(")
	args := []*node{p.expr()}
	for p.at(",") {
		p.pos++
		args = append(args, p.expr())
	}
	p.expect(")")
	if arity > 0 && len(args) != arity || arity < 0 && len(args) < 2 {
		p.fail()
	}
	switch name {
	case "numerator", "denominator":
		x, ok := lowestTerms(args[0], name == "denominator")
		if !ok {
			p.fail()
		}
		return x
	case "floor":
		return un(kFloor, args[0])
	case "ceiling":
		return un(kCeil, args[0])
	case "round":
		return un(kRound, args[0])
	case "isprime":
		return un(kIsPrime, args[0])
	case "sigma":
		if k >= 0 && k != 1 {
			if k == 0 {
				return call("tau", args[0])
			}
			return &node{k: kSumDiv, name: "d_", kids: []*node{args[0], bin(kPow, vr("d_"), num(k))}}
		}
	case "reversal": // of the decimal digits
		return call("rev", args[0], num(10))
	case "wt": // binary weight
		return call("digsum", args[0], num(2))
	case "sumdigits": // decimal
		return call("digsum", args[0], num(10))
	case "digsumbase": // phrases_base.go's digitWords: digsumbase(x, b)
		if args[1].k != kNum || args[1].val < 2 || args[1].val > 36 {
			p.fail()
		}
		return call("digsum", args[0], args[1])
	case "concat":
		return concatOf(args)
	case "gcd", "min", "max": // fold to two arguments
		x := call(name, args[0], args[1])
		for _, a := range args[2:] {
			x = call(name, x, a)
		}
		return x
	}
	return call(name, args...)
}

// bigOp parses Sum_{k=a..b} body, Product_{k=a..b} body or Sum_{d|x} body.
// The body is one term: "Sum_{k=0..n} k^2 + 1" adds 1 once.
func (p *parser) bigOp(sum bool) *node {
	p.expect("_")
	p.expect("{")
	v := p.next()
	if v.k != tIdent || len(v.s) != 1 || v.s == "n" || p.isVar(v.s) {
		p.fail()
	}
	var x, cond *node
	one := false // a product's terms where cond fails are 1, not 0
	if p.at("|") {
		p.pos++
		a := p.additive()
		if p.at(",") { // "Sum_{d|n, d<n}": memrec.go; "Sum_{d|n, d odd}": eqn_sum.go
			cond = p.eqnDivisorCond(v.s)
		}
		p.expect("}")
		cond = andMaybe(cond, casesPrimeLetter(v.s)) // cases_kron.go: "Sum_{p|n}" is over primes
		if !sum {
			x, cond, one = casesDivisorProduct(v.s, a, cond) // cases_kron.go: "Product_{d|n}"
		} else {
			x = &node{k: kSumDiv, name: v.s, kids: []*node{a, nil}}
		}
	} else {
		p.expect("=")
		lo := p.additive()
		p.expect("..")
		hi := p.additive()
		p.expect("}")
		k := kProd
		if sum {
			k = kSum
		}
		x = &node{k: k, name: v.s, kids: []*node{lo, hi, nil}}
	}
	p.bound = append(p.bound, v.s)
	body := p.term()
	// "Sum_{i=k..n} n + i": a further term in the bound variable is the
	// body's (outside it the variable is unbound)
	for p.at("+") || p.at("-") {
		pos := p.pos
		p.pos++
		y, ok := p.try(p.term)
		if !ok || !y.uses(v.s) {
			p.pos = pos
			break
		}
		if p.toks[pos].s == "+" {
			body = bin(kAdd, body, y)
		} else {
			body = bin(kSub, body, y)
		}
	}
	p.bound = p.bound[:len(p.bound)-1]
	if cond != nil {
		if one {
			body = bin(kAdd, bin(kAnd, cond, body), not(cond))
		} else {
			body = bin(kAnd, cond, body)
		}
	}
	x.kids[len(x.kids)-1] = body
	return x
}

// juxtaposed reads a word of two or three variables as their product
// ("2mn" in "T(m,n) = 2mn + m + n"), or returns nil.
func (p *parser) juxtaposed(s string) *node {
	if len(s) < 2 || len(s) > 3 || p.isVar(s) {
		return nil
	}
	if _, _, ok := lookupFunc(s); ok {
		return nil
	}
	var x *node
	for _, c := range s {
		if !p.isVar(string(c)) {
			return nil
		}
		if x == nil {
			x = vr(string(c))
		} else {
			x = bin(kMul, x, vr(string(c)))
		}
	}
	return x
}

// callOp parses the call form sum(body, k=a..b) (also product): the
// variable, named after the body, is bound in it.
func (p *parser) callOp(sum bool) *node {
	p.expect("(")
	depth, at := 0, -1 // the "," before "k = a .. b )"
	for j := p.pos; p.toks[j].k != tEnd && at < 0; j++ {
		switch {
		case isOp(p.toks[j], "("):
			depth++
		case isOp(p.toks[j], ")"):
			if depth--; depth < 0 {
				p.fail()
			}
		case isOp(p.toks[j], ",") && depth == 0:
			at = j
		}
	}
	if at < 0 {
		p.fail()
	}
	v := p.toks[at+1]
	if v.k != tIdent || len(v.s) != 1 || v.s == "n" || p.isVar(v.s) || !isOp(p.toks[at+2], "=") {
		p.fail()
	}
	p.bound = append(p.bound, v.s)
	body := p.expr()
	p.bound = p.bound[:len(p.bound)-1]
	if p.pos != at {
		p.fail()
	}
	p.pos = at + 3
	lo := p.additive()
	p.expect("..")
	hi := p.additive()
	p.expect(")")
	k := kProd
	if sum {
		k = kSum
	}
	return &node{k: k, name: v.s, kids: []*node{lo, hi, body}}
}

// lag reads "(n-j)", "(n)" or "(n+j)" after "a": term n+off of a
// recurrence defining a(n+shift) is its lag shift-off (1..8): variable
// "a<lag>".
func (p *parser) lag() *node {
	p.expect("(")
	if t := p.next(); t.k != tIdent || t.s != "n" {
		p.fail()
	}
	off := int64(0)
	if p.at("-") || p.at("+") {
		sign := int64(1)
		if p.next().s == "-" {
			sign = -1
		}
		j := p.next()
		if j.k != tNum {
			p.fail()
		}
		off = sign * j.v
	}
	p.expect(")")
	lag := p.shift - off
	if lag < 1 || lag > 8 {
		p.fail()
	}
	return vr("a" + strconv.FormatInt(lag, 10))
}

// nthWords: "the n-th prime" and its kin, as the list they index (from 1).
var nthWords = map[string]func() *node{
	"prime":      func() *node { return un(kIsPrime, vr("x_")) },
	"composite":  func() *node { return property("composite") },
	"nonprime":   func() *node { return property("nonprime") },
	"squarefree": func() *node { return property("squarefree") },
	"semiprime":  func() *node { return eq(call("bigomega", vr("x_")), num(2)) },
}

// nthNamed: "the n-th triangular number" and its kin, by the OEIS
// sequence's own indexing (A000217(0) = 0, A000045(0) = 0).
var nthNamed = map[string]func(i *node) *node{
	"triangular": func(i *node) *node { return bin(kDiv, bin(kMul, i, add(i, num(1))), num(2)) },
	"fibonacci":  func(i *node) *node { return call("fib", i) },
	"lucas":      func(i *node) *node { return call("lucas", i) },
}

// nthWord reads "n-th prime" (after its variable t; also "k-th
// squarefree number", "n-th semiprime"): the t-th x >= 1 with the
// property, counted from 1; or "n-th triangular number" (nthNamed); or
// nil.
func (p *parser) nthWord(t token) *node {
	if !p.isVar(t.s) || !p.at("-") {
		return nil
	}
	tok := func(i int) token { // past the end: the end
		if i < len(p.toks) {
			return p.toks[i]
		}
		return p.toks[len(p.toks)-1]
	}
	th, w := tok(p.pos+1), tok(p.pos+2)
	if th.k != tIdent || th.s != "th" || w.k != tIdent {
		return nil
	}
	if f, ok := nthNamed[strings.ToLower(w.s)]; ok && tok(p.pos+3).k == tIdent && strings.EqualFold(tok(p.pos+3).s, "number") {
		p.pos += 4
		return f(vr(t.s))
	}
	pred, ok := nthWords[strings.ToLower(w.s)]
	if !ok {
		return nil
	}
	p.pos += 3
	if p.atWord("number") {
		p.pos++
	}
	return nthAt(vr(t.s), "x_", 1, 1, pred())
}
