package formula

// Sums over k >= a with no upper bound whose terms vanish past one:
// "a(n) = Sum_{k>=0} (-1)^k*binomial(n,5*k+4)". A term with a factor
// binomial(X, c*k + e), c >= 1 and e >= 0 constants and X = n + d, is 0
// once c*k + e > X, so every k > X adds nothing: the sum is read as
// Sum_{k=a..X}. A sum whose terms the reader cannot bound gives nothing.

import (
	"regexp"
	"strconv"
	"strings"
)

// eqnInf is the placeholder upper bound of an unbounded sum while it is
// parsed (no text lexes to it).
const eqnInf = "inf_"

// eqnInfiniteSums reads "a(n) = ..." with unbounded sums bounded as
// above.
func (c *collector) eqnInfiniteSums(text string) {
	toks := surdTokens(text, lex(text))
	if len(toks) < 6 || !isA(toks) {
		return
	}
	var out []token
	found := false
	for i := 0; i < len(toks); i++ {
		// Sum _ { k >= a }  ->  Sum _ { k = a .. inf_ }
		if i+6 < len(toks) && toks[i].k == tIdent && isSumWord(toks[i].s) && strings.EqualFold(toks[i].s, "sum") &&
			isOp(toks[i+1], "_") && isOp(toks[i+2], "{") && toks[i+3].k == tIdent && len(toks[i+3].s) == 1 &&
			isOp(toks[i+4], ">=") && toks[i+5].k == tNum && isOp(toks[i+6], "}") {
			at := toks[i+4].start
			out = append(out, toks[i:i+4]...)
			out = append(out, token{k: tOp, s: "=", start: at, end: at}, toks[i+5],
				token{k: tOp, s: "..", start: at, end: at}, token{k: tIdent, s: eqnInf, start: at, end: at}, toks[i+6])
			i += 6
			found = true
			continue
		}
		out = append(out, toks[i])
	}
	if !found {
		return
	}
	x, end, ok := parseWith(&parser{toks: out, pos: 5, vars: []string{"n", eqnInf}, consts: textConsts(text)})
	if !ok || !boundary(out, end) {
		return
	}
	if x = eqnBoundSums(x); x == nil || x.uses(eqnInf) {
		return
	}
	c.add(text[out[5].start:out[end-1].end], x)
}

// eqnBoundSums gives each sum up to eqnInf the bound its binomial
// factor sets, or returns nil if one has none.
func eqnBoundSums(x *node) *node {
	y := *x
	y.kids = make([]*node, len(x.kids))
	for i, k := range x.kids {
		if k == nil {
			continue
		}
		if y.kids[i] = eqnBoundSums(k); y.kids[i] == nil {
			return nil
		}
	}
	if y.k == kSum && y.kids[1].k == kVar && y.kids[1].name == eqnInf {
		top := eqnBinomialTop(y.kids[2], y.name)
		if top == nil || !y.kids[0].isNum() || y.kids[0].val < 0 {
			return nil
		}
		y.kids[1] = top
	}
	return &y
}

// eqnBinomialTop finds a factor binomial(n + d, c*k + e) of body (k the
// sum's variable, c >= 1, e >= 0) and returns n + d, or nil.
func eqnBinomialTop(body *node, k string) *node {
	switch body.k {
	case kMul:
		for _, f := range body.kids {
			if t := eqnBinomialTop(f, k); t != nil {
				return t
			}
		}
	case kNeg:
		return eqnBinomialTop(body.kids[0], k)
	case kCall:
		if body.name != "binomial" || len(body.kids) != 2 {
			return nil
		}
		top, bot := body.kids[0], body.kids[1]
		if top.uses(k) || !eqnNPlus(top) || !eqnGrows(bot, k) {
			return nil
		}
		return top
	}
	return nil
}

// eqnNPlus reports whether x is n or n + d, n - d (d a constant).
func eqnNPlus(x *node) bool {
	if x.k == kVar && x.name == "n" {
		return true
	}
	return (x.k == kAdd || x.k == kSub) && x.kids[0].k == kVar && x.kids[0].name == "n" && x.kids[1].isNum()
}

// eqnGrows reports whether x is c*k + e with constants c >= 1, e >= 0
// (so x >= k for every k >= 0).
func eqnGrows(x *node, k string) bool {
	switch x.k {
	case kVar:
		return x.name == k
	case kAdd:
		return eqnGrows(x.kids[0], k) && x.kids[1].isNum() && x.kids[1].val >= 0 ||
			eqnGrows(x.kids[1], k) && x.kids[0].isNum() && x.kids[0].val >= 0
	case kMul:
		return x.kids[0].isNum() && x.kids[0].val >= 1 && eqnGrows(x.kids[1], k) ||
			x.kids[1].isNum() && x.kids[1].val >= 1 && eqnGrows(x.kids[0], k)
	}
	return false
}

// reEqnEqMod: "n/d = 1 mod 4" in a sum's condition is a congruence
var reEqnEqMod = regexp.MustCompile(`^(.+?)\s*=\s*(-?\w+)\s+mod\s+(\w+)$`)

// eqnDivisorCond reads the condition of "Sum_{d|n, COND}" after its
// comma: divisorBound's comparisons of d, else a condition pred.go reads
// on d ("d is odd", "n/d == 1 (mod 4)", "gcd(d, n/d) = 1"; "X = r mod m"
// is the congruence), the tokens up to the closing brace.
func (p *parser) eqnDivisorCond(v string) *node {
	start := p.pos
	if x, ok := p.try(func() *node { return p.divisorBound(v) }); ok && p.at("}") {
		return x
	}
	p.pos = start
	p.expect(",")
	var words []string
	for depth := 0; ; p.pos++ {
		t := p.peek()
		if t.k == tEnd || depth == 0 && isOp(t, "}") {
			break
		}
		switch {
		case isOp(t, "{"), isOp(t, "("):
			depth++
		case isOp(t, ")"):
			depth--
		}
		if t.k == tNum {
			words = append(words, strconv.FormatInt(t.v, 10))
		} else {
			words = append(words, t.s)
		}
	}
	cond := strings.NewReplacer("( ", "(", " )", ")").Replace(strings.Join(words, " "))
	if m := reEqnEqMod.FindStringSubmatch(cond); m != nil && !strings.Contains(m[1], "mod") {
		cond = m[1] + " == " + m[2] + " (mod " + m[3] + ")"
	}
	x := predicate(cond, v, true)
	if x == nil {
		p.fail()
	}
	return rename(x, "x_", v)
}
