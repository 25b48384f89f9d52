package formula

// Formulas by cases named by conditions on n (pred.go reads them):
//
//	a(n) = 1 if n is squarefree, otherwise 0.
//	a(n) = (n+1)/2 if n is odd; a(n) = n/2 + 6 if n is even.
//	a(n) = 1 if -n > 0, = -1 if -n < 0, = 0 if n = 0.
//	If n mod 3 = 0 then n/3 else n.
//	Characteristic function of numbers that are not multiples of 12.
//
// The value is Sum_i [P_i]*E_i (+ [no P_i]*E for "otherwise E"). The
// conditions must exclude each other at every n = 0..condCheckN where
// they are defined, and without "otherwise" cover every n = 1..condCheckN:
// a text whose cases overlap or leave a gap gives no candidate.

import (
	"math/big"
	"regexp"
	"strings"
)

// condCheckN: the cases are checked to exclude (and cover) each other up
// to here.
const condCheckN = 300

var (
	// "a(n) =" (or "a(n)=") opening the cases
	reCondA = regexp.MustCompile(`a\(n\)\s*=\s*`)
	// "If P then E1 else E2"
	reIfThen = regexp.MustCompile(`^(?i:if) (.+?),? then (?:a\(n\) = )?(.+?),? else (?:a\(n\) = )?(.+?)$`)
	// "Characteristic function of X"
	reCharFn     = regexp.MustCompile(`^(?i:characteristic function (?:of|for)) (?:the )?(.+?)\s*\.?$`)
	reCharThat   = regexp.MustCompile(`^(?i:numbers|integers|positive integers|nonnegative integers)(?: [a-z])? (?:that are|which are) (.+)$`)
	reCharSuch   = regexp.MustCompile(`^(?i:numbers|integers|positive integers|nonnegative integers) ([a-z]) (?:such that|for which) (.+)$`)
	reCharHaving = regexp.MustCompile(`^(?i:numbers|integers|positive integers|nonnegative integers) (?:with|having|that have|which have) (.+)$`)
)

// conditionals reads a formula by cases, or a characteristic function,
// from text.
func (c *collector) conditionals(text string) {
	s := condSentence(text)
	if m := reCharFn.FindStringSubmatch(s); m != nil {
		if p := charPredicate(m[1]); p != nil {
			c.add(s, p)
		} else {
			c.charList(s, m[1]) // cond2.go: the list as the other readers read it
		}
		return
	}
	body := s
	if loc := reCondA.FindStringIndex(s); loc != nil {
		body = s[loc[1]:]
	}
	if m := reIfThen.FindStringSubmatch(body); m != nil {
		p := condOn(m[1])
		e1, ok1 := condExpr(m[2])
		e2, ok2 := condExpr(m[3])
		if p != nil && ok1 && ok2 {
			c.addCases(s, []*node{p}, []*node{e1}, e2, text)
		}
		return
	}
	segs := splitTop(body, []string{" if "})
	if len(segs) < 2 {
		return
	}
	e, ok := condExpr(segs[0])
	if !ok {
		return
	}
	es := []*node{e}
	var ps []*node
	for _, seg := range segs[1 : len(segs)-1] {
		p, e := condSplit(seg)
		if p == nil {
			return
		}
		ps, es = append(ps, p), append(es, e)
	}
	last := strings.TrimSpace(segs[len(segs)-1])
	p, other := condLast(last)
	if p == nil {
		return
	}
	c.addCases(s, append(ps, p), es, other, text)
}

// condSentence is text up to the end of the sentence that holds its
// formula: the first ". " or final "." outside parentheses.
func condSentence(text string) string {
	depth := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '.':
			if depth == 0 && (i+1 == len(text) || text[i+1] == ' ') {
				return strings.TrimSpace(text[:i])
			}
		}
	}
	return strings.TrimSpace(text)
}

// condSeps separate a case's condition from the next case's value.
var condSeps = []string{", and ", "; and ", ", ", "; ", " and "}

// condSplit splits "P, E" (the condition of one case and the value of
// the next) at the one separator where both read; nil if none or more
// than one.
func condSplit(seg string) (*node, *node) {
	var p, e *node
	found := 0
	for i := 0; i < len(seg); i++ {
		for _, sep := range condSeps {
			if !strings.HasPrefix(seg[i:], sep) || depthAt(seg, i) != 0 {
				continue
			}
			if q := condOn(seg[:i]); q != nil {
				if y, ok := condExpr(seg[i+len(sep):]); ok {
					p, e = q, y
					found++
				}
			}
			break
		}
	}
	if found != 1 {
		return nil, nil
	}
	return p, e
}

// depthAt is the nesting of brackets before s[i].
func depthAt(s string, i int) int {
	d := 0
	for _, ch := range s[:i] {
		switch ch {
		case '(', '[', '{':
			d++
		case ')', ']', '}':
			d--
		}
	}
	return d
}

var (
	reOtherwiseAfter  = regexp.MustCompile(`^(.+?)(?:,|;)? (?:and )?(?:otherwise|else)(?:,)? (?:a\(n\) = |a\(n\)=|=\s*)?(.+)$`)
	reOtherwiseBefore = regexp.MustCompile(`^(.+?) (?:otherwise|else)$`)
)

// condLast reads the last case, "P", "P, otherwise E", "P, E otherwise":
// its condition and the value where no condition holds (nil: none).
func condLast(last string) (*node, *node) {
	if m := reOtherwiseBefore.FindStringSubmatch(last); m != nil {
		return condSplit(m[1])
	}
	if m := reOtherwiseAfter.FindStringSubmatch(last); m != nil {
		e, ok := condExpr(m[2])
		if p := condOn(m[1]); p != nil && ok {
			return p, e
		}
		return nil, nil
	}
	return condOn(last), nil
}

// condOn reads a condition on n, or nil.
func condOn(s string) *node {
	s = strings.TrimSpace(s)
	if p := predicate(s, "n", false); p != nil {
		return substitute(p, "x_", vr("n"))
	}
	return nil
}

// condExpr reads a case's value: an expression in n, after "a(n) =" or
// "=" where the text repeats them.
func condExpr(s string) (*node, bool) {
	s = strings.TrimSpace(s)
	for _, p := range []string{"a(n) =", "a(n)=", "="} {
		s = strings.TrimSpace(strings.TrimPrefix(s, p))
	}
	toks := lex(s)
	x, end, ok := parseAt(toks, 0, "n")
	if !ok || toks[end].k != tEnd {
		return nil, false
	}
	return x, true
}

// charPredicate reads the X of "Characteristic function of X" as a
// condition on n, or nil.
func charPredicate(x string) *node {
	if m := reCharThat.FindStringSubmatch(x); m != nil {
		// "that are (not) multiples of 12": singular
		comp, neg := strings.CutPrefix(m[1], "not ")
		vp := singular("are " + comp)
		if vp == "" {
			vp = "is " + comp
		}
		p := condOn("n " + vp)
		if p != nil && neg {
			p = not(p)
		}
		return p
	}
	if m := reCharSuch.FindStringSubmatch(x); m != nil {
		if p := predicate(m[2], m[1], false); p != nil {
			return substitute(p, "x_", vr("n"))
		}
		return nil
	}
	if m := reCharHaving.FindStringSubmatch(x); m != nil {
		return condOn("n has " + m[1])
	}
	if sg, ok := singulars[strings.ToLower(x)]; ok && sg != "" {
		return condOn("n is " + sg)
	}
	return nil
}

// addCases adds Sum_i [ps_i]*es_i (+ [none]*other) if the cases exclude
// each other (and, without other, cover every n >= 1) up to condCheckN;
// also with the terms the text gives ("a(1) = 0, and for n > 1, ...").
func (c *collector) addCases(source string, ps, es []*node, other *node, text string) {
	if len(ps) != len(es) || len(ps) == 0 {
		return
	}
	v := evaluator{steps: 20 * scanSteps}
	for n := int64(0); n <= condCheckN; n++ {
		held := 0
		for _, p := range ps {
			r, err := v.evalAt(p, map[string]*big.Rat{"n": ratInt(n)})
			if err == errBudget || err != nil && n > 0 {
				// a condition the evaluator cannot decide at some n > 0
				// ("n/3 is prime" at n = 4) leaves the program's value
				// there unchecked: no candidate
				return
			}
			if err == nil && r.Sign() != 0 {
				held++
			}
		}
		if held > 1 || held == 0 && other == nil && n > 0 {
			return
		}
	}
	var x, none *node
	for i, p := range ps {
		x = addOrNil(x, bin(kAnd, p, es[i]))
		none = and(none, not(p))
	}
	if other != nil && !(other.isNum() && other.val == 0) { // "otherwise 0" adds nothing: the conditions are not lowered twice
		x = add(x, bin(kAnd, none, other))
	}
	c.add(source, x)
	if y := withTerms(x, initialTerms(text)); y != nil {
		c.add(source, y)
	}
}

// addOrNil is a + b, or b where a is nil.
func addOrNil(a, b *node) *node {
	if a == nil {
		return b
	}
	return bin(kAdd, a, b)
}
