package formula

// Numerators and denominators of a rational formula in lowest terms:
// "Numerator of n*(n-1)*(n-2)/720", "a(n) = denominator(n(n+3)/(4(n+1)(n+2)))",
// "Numerators of n/(n+13)". The formula is brought to one fraction P/Q
// of integer formulas; the numerator is P/g times the sign of Q and the
// denominator |Q|/g, g = gcd(P, Q). The usual scan against the exact
// evaluator checks the program as for any formula.

import (
	"regexp"
	"strings"
)

var reRatio = regexp.MustCompile(`(?i)^(?:a\(n\) = )?(?:the )?(numerator|denominator)s?(?: of(?: the (?:quotient|fraction|ratio))?|\()`)

// ratios reads the texts above.
func (c *collector) ratios(text string, toks []token) {
	m := reRatio.FindStringSubmatchIndex(text)
	if m == nil {
		return
	}
	den := strings.EqualFold(text[m[2]:m[3]], "denominator")
	asCall := strings.HasSuffix(text[:m[1]], "(")
	at := m[1]
	if asCall {
		at-- // the parenthesis opens the argument
	}
	i := 0
	for toks[i].k != tEnd && toks[i].start < at {
		i++
	}
	if toks[i].k == tEnd {
		return
	}
	x, end, ok := parseAtConsts(toks, i, textConsts(text), "n")
	if !ok || end == i || !boundary(toks, end) || !x.uses("n") {
		return
	}
	if y, ok := lowestTerms(x, den); ok {
		c.add(text[toks[i].start:toks[end-1].end], y)
	}
}

// lowestTerms is the numerator (den false) or the denominator of x in
// lowest terms; not ok where x is not read as a fraction, or is an
// integer formula (no reading of "numerator of").
func lowestTerms(x *node, den bool) (*node, bool) {
	p, q, ok := fracParts(x)
	if !ok || q.k == kNum && (q.val == 1 || q.val == -1) {
		return nil, false
	}
	g := call("gcd", p, q)
	if den {
		return bin(kDiv, call("abs", q), g), true
	}
	return bin(kMul, bin(kDiv, p, g), bin(kDiv, q, call("abs", q))), true
}

// fracParts writes x as p/q with p and q integer formulas: sums, products
// and quotients of integer parts, and powers to constant exponents; other
// nodes must be integer-valued (calls, floor, mod, factorials) and contain
// no division. ok is false where it cannot tell.
func fracParts(x *node) (p, q *node, ok bool) {
	one := num(1)
	switch x.k {
	case kNum, kVar:
		return x, one, true
	case kAdd, kSub:
		ap, aq, ok1 := fracParts(x.kids[0])
		bp, bq, ok2 := fracParts(x.kids[1])
		if !ok1 || !ok2 {
			return nil, nil, false
		}
		if isOne(aq) && isOne(bq) {
			return bin(x.k, ap, bp), one, true
		}
		return bin(x.k, mulN(ap, bq), mulN(bp, aq)), mulN(aq, bq), true
	case kMul:
		ap, aq, ok1 := fracParts(x.kids[0])
		bp, bq, ok2 := fracParts(x.kids[1])
		return mulN(ap, bp), mulN(aq, bq), ok1 && ok2
	case kDiv:
		ap, aq, ok1 := fracParts(x.kids[0])
		bp, bq, ok2 := fracParts(x.kids[1])
		return mulN(ap, bq), mulN(aq, bp), ok1 && ok2
	case kNeg:
		ap, aq, ok := fracParts(x.kids[0])
		return un(kNeg, ap), aq, ok
	case kPow:
		ap, aq, ok := fracParts(x.kids[0])
		e := x.kids[1]
		if !ok || hasDiv(e) {
			return nil, nil, false
		}
		if isOne(aq) {
			if e.k == kNum && e.val < 0 {
				return one, bin(kPow, ap, num(-e.val)), true
			}
			return x, one, true // 2^(n-1) at n = 0 is no integer: the evaluator leaves that n out
		}
		if e.k != kNum || e.val < 0 {
			return nil, nil, false
		}
		return bin(kPow, ap, e), bin(kPow, aq, e), true
	}
	if hasDiv(x) {
		return nil, nil, false
	}
	return x, one, true
}

func isOne(x *node) bool { return x.k == kNum && x.val == 1 }

func mulN(a, b *node) *node {
	switch {
	case isOne(a):
		return b
	case isOne(b):
		return a
	}
	return bin(kMul, a, b)
}

// hasDiv reports whether x divides anywhere (a rational part).
func hasDiv(x *node) bool {
	if x.k == kDiv {
		return true
	}
	for _, k := range x.kids {
		if hasDiv(k) {
			return true
		}
	}
	return false
}
