package formula

// Where the formula of "T(n,k) = ..." ends in a table's text. boundary
// (formula.go) ends a formula at punctuation and "for", "with", "where";
// a table's text also ends it at the words that follow a table's formula
// in OEIS names, "T(n,k) = n^k read by antidiagonals", "T(n,k) =
// floor(n^2/k) is an upper bound on ...", at a range statement with no
// punctuation before it, "T(n,k) = (k + 3*n - 2)/2 n, k > 0" (the
// formula is cut there: "2 n" is no product), and at ranges in
// parentheses of any shape, "1 + (n-1)*k (n >= 1, 0 <= k <= n-1)". In
// each case nothing in the rest of the clause may make the formula
// conditional (boundary's conditional words).

import (
	"regexp"
	"strings"
)

// tableFormula parses the formula of a table that starts at toks[start]:
// the longest expression, if a table's formula may end after it
// (triBoundary), unless a range statement starts inside it after an
// operand ("/2 n, k > 0"): then the expression up to there, if it ends
// there. "(the) numerator of" or "denominator of" before it: that of the
// formula in lowest terms.
func tableFormula(toks []token, start int, consts map[string]int64, rv, cv string) (*node, int, bool) {
	at := start
	if isWord(toks[at], "the") {
		at++
	}
	if isWord(toks[at], "numerator", "denominator") && isWord(toks[at+1], "of") {
		// "T(n,k) = numerator of k/n": in lowest terms (ratio.go)
		x, end, ok := tableFormula(toks, at+2, consts, rv, cv)
		if !ok {
			return nil, 0, false
		}
		x, ok = lowestTerms(x, strings.EqualFold(toks[at].s, "denominator"))
		return x, end, ok
	}
	x, end, ok := parseAtConsts(toks, start, consts, rv, cv)
	depth := 0
	for cut := start + 1; cut < len(toks) && toks[cut].k != tEnd; cut++ {
		if isOp(toks[cut], ".") || isOp(toks[cut], ";") {
			break
		}
		switch {
		case isOp(toks[cut-1], "("):
			depth++
		case isOp(toks[cut-1], ")"):
			depth--
		}
		// a range statement the parse ran into ("/2 n, k > 0": "2 n" read
		// as a product), at the top level after an operand
		prev := toks[cut-1]
		if depth != 0 || !(prev.k == tNum || prev.k == tIdent || isOp(prev, ")")) || !rangeAt(toks, cut, rv, cv) {
			continue
		}
		if ok && end <= cut {
			break
		}
		short := append(toks[:cut:cut], token{k: tEnd, start: toks[cut].start, end: toks[cut].start})
		x, end, ok := parseAtConsts(short, start, consts, rv, cv)
		if ok && end == cut && !condInClause(toks, cut) {
			return x, end, true
		}
		return nil, 0, false
	}
	if ok && end > start && triBoundary(toks, end, rv, cv) {
		return x, end, true
	}
	return nil, 0, false
}

// triBoundary reports whether a table's formula may end before toks[i]:
// boundary's places, "read by ...", "is a/an/the ...", a range statement
// and a parenthesized range; none with a conditional word after it in
// its clause.
func triBoundary(toks []token, i int, rv, cv string) bool {
	if boundary(toks, i) {
		return true
	}
	switch {
	case isWord(toks[i], "read") && isWord(toks[i+1], "by"),
		isWord(toks[i], "is", "are") && isWord(toks[i+1], "a", "an", "the"),
		rangeAt(toks, i, rv, cv):
		return !condInClause(toks, i)
	case isOp(toks[i], "("):
		if close := parenRange(toks, i, rv, cv); close > 0 {
			return toks[close+1].k == tEnd || triBoundary(toks, close+1, rv, cv)
		}
	}
	return false
}

// condInClause reports whether a conditional word ("if", "odd", ...)
// comes before the end of the clause that toks[i] is in.
func condInClause(toks []token, i int) bool {
	for ; toks[i].k != tEnd && !isOp(toks[i], ".") && !isOp(toks[i], ";"); i++ {
		if toks[i].k == tIdent && conditional[strings.ToLower(toks[i].s)] {
			return true
		}
	}
	return false
}

// rangeAt reports whether a range statement over the table's variables
// starts at toks[i]: "n >= 0", "k < n", "n, k > 0", "0 <= k <= n".
func rangeAt(toks []token, i int, rv, cv string) bool {
	isVar := func(t token) bool { return t.k == tIdent && (t.s == rv || t.s == cv) }
	cmp := func(t token) bool {
		return t.k == tOp && (t.s == "<" || t.s == "<=" || t.s == ">" || t.s == ">=")
	}
	operand := func(t token) bool { return t.k == tNum || isVar(t) }
	switch {
	case isVar(toks[i]) && cmp(toks[i+1]) && operand(toks[i+2]):
		return true
	case isVar(toks[i]) && isOp(toks[i+1], ",") && isVar(toks[i+2]) && toks[i+2].s != toks[i].s && cmp(toks[i+3]) && toks[i+4].k == tNum:
		return true
	case toks[i].k == tNum && cmp(toks[i+1]) && isVar(toks[i+2]) && cmp(toks[i+3]):
		return true
	}
	return false
}

// parenRange is the index of the ")" closing the "(" at toks[i] if what
// is between states ranges of the table's variables only, "(n >= 1, 0
// <= k <= n-1)": the variables, numbers, comparisons, arithmetic,
// commas and "and"; else -1.
func parenRange(toks []token, i int, rv, cv string) int {
	cmps := 0
	for j := i + 1; toks[j].k != tEnd; j++ {
		t := toks[j]
		switch {
		case isOp(t, ")"):
			if cmps == 0 {
				return -1
			}
			return j
		case t.k == tNum, t.k == tIdent && (t.s == rv || t.s == cv || strings.EqualFold(t.s, "and")):
		case t.k == tOp && (t.s == "<" || t.s == "<=" || t.s == ">" || t.s == ">="):
			cmps++
		case t.k == tOp && (t.s == "," || t.s == "+" || t.s == "-" || t.s == "*"):
		default:
			return -1
		}
	}
	return -1
}

// mod2Within reports whether every "mod 2" of the text lies in
// text[from:to], the formula read.
func mod2Within(text string, from, to int) bool {
	for _, m := range reMod2.FindAllStringIndex(text, -1) {
		if m[0] < from || m[1] > to {
			return false
		}
	}
	return true
}

// tableName reports whether s names a table: T, a, t, or another capital
// letter ("Rectangular array R(n,k) = ...", "Square array M(n,k)"); not
// C, the parser's binomial.
func tableName(s string) bool {
	return s == "a" || s == "t" || len(s) == 1 && s[0] >= 'A' && s[0] <= 'Z' && s != "C"
}

var (
	// "Triangle of denominators of 1/n + 1/m, n >= m >= 1", "Table of
	// n^2 + k read by antidiagonals", "Triangle of denominators of sum of
	// two unit fractions: 1/n + 1/m": the formula follows the match
	reOfTable = regexp.MustCompile(`(?i)^(?:(?:number |regular )?triangle|triangular array|(?:square |rectangular )?array|table)(?:,? read by (?:rows|antidiagonals),?)? of (?:the )?(?:(numerators|denominators) (?:of|in) (?:the )?)?([a-z ]{1,60}: )?`)
	// the ranges that name the variables: "0 <= k <= n", "n >= k >= 1",
	// "k = 1..n" (column, row); arrays "n, k >= 1" (row, column)
	reOfCol = []*regexp.Regexp{
		regexp.MustCompile(`\d+\s*<=?\s*([a-z])\s*<=?\s*([a-z])\b`),
		regexp.MustCompile(`\b([a-z])\s*>=?\s*([a-z])\s*>=?\s*\d+`),
		regexp.MustCompile(`\b([a-z])\s*=\s*\d+\s*\.\.\s*([a-z])\b`),
	}
	reOfPair = regexp.MustCompile(`\b([a-z])\s*,\s*([a-z])\s*>=?\s*\d+`)
)

// ofTables reads a table named by its formula, "Triangle of n*k + 1, 0
// <= k <= n", or by the numerators or denominators of one in lowest
// terms, "Triangle of denominators of 1/n + 1/m, n >= m >= 1": the
// variables are those of the range the text states (arrays: "n, k >= 1",
// where which is the row matters no more than the walk, and both walks
// are read).
func (c *collector) ofTables(text string, toks []token) {
	m := reOfTable.FindStringSubmatchIndex(text)
	if m == nil || m[4] >= 0 && m[2] < 0 {
		return // a description before the formula only of numerators or denominators
	}
	tri, arr := reTriangle.MatchString(text), reArray.MatchString(text)
	plain := text // the text less the description ("... of sum of two unit fractions: ")
	if m[4] >= 0 {
		plain = text[:m[4]] + text[m[5]:]
	}
	if tri == arr || reNotTableText.MatchString(plain) || reIrregular.MatchString(text) || reMirror.MatchString(text) {
		return
	}
	var rv, cv string
	rest := text[m[1]:]
	if tri {
		for i, re := range reOfCol {
			if v := re.FindStringSubmatch(rest); v != nil {
				rv, cv = v[2], v[1]
				if i == 1 {
					rv, cv = v[1], v[2]
				}
				break
			}
		}
	} else if v := reOfPair.FindStringSubmatch(rest); v != nil {
		rv, cv = v[1], v[2]
	}
	if rv == "" || rv == cv {
		return
	}
	start := -1
	for i, t := range toks {
		if t.start >= m[1] {
			start = i
			break
		}
	}
	if start < 0 {
		return
	}
	x, end, ok := tableFormula(toks, start, textConsts(text), rv, cv)
	if !ok || !x.uses(rv) || !x.uses(cv) || !mod2Within(text, toks[start].start, toks[end-1].end) {
		return
	}
	if m[2] >= 0 {
		if x, ok = lowestTerms(x, strings.EqualFold(text[m[2]:m[3]], "denominators")); !ok {
			return
		}
	}
	st, ok := tableStart(text[:toks[start].start]+" ~ "+text[toks[end-1].end:], rv, cv, arr)
	if !ok {
		return
	}
	body := rename(rename(x, rv, "r_"), cv, "c_")
	for _, y := range tableReadings(st, arr, body) {
		c.add(text[toks[start].start:toks[end-1].end], y)
	}
}
