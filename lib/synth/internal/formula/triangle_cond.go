package formula

// Tables whose cells are cases: "T(n,k) = n*k if k|n, 0 otherwise",
// "T(n,k) = k-n+1 for k >= n; T(n,k) = 0 for k < n", "If k divides n then
// k-1, otherwise -1". The condition is a conjunction of comparisons,
// divisibility ("k|n", "k divides n") and parity ("n-k is even"); the
// other case is a formula after "otherwise"/"else", or a second "T(n,k)
// = ..." under the complementary comparison. Anything else gives no
// candidate.

import (
	"strings"
)

var condWords = map[string]bool{"if": true, "when": true, "for": true}

var cmpNames = map[string]string{"<": "<", "<=": "<=", ">": ">", ">=": ">=", "=": "=", "==": "=", "!=": "!=", "<>": "!="}

// negated comparisons: "k >= n" and "k < n" cover every cell between them
var cmpNot = map[string]string{"<": ">=", ">=": "<", ">": "<=", "<=": ">", "=": "!=", "!=": "="}

func isWord(t token, words ...string) bool {
	if t.k != tIdent {
		return false
	}
	for _, w := range words {
		if strings.EqualFold(t.s, w) {
			return true
		}
	}
	return false
}

// parseCond reads a condition at toks[i] over vars: atoms joined by "and".
func parseCond(toks []token, i int, consts map[string]int64, vars ...string) (*node, int, bool) {
	var cond *node
	for {
		a, end, ok := condAtom(toks, i, consts, vars...)
		if !ok {
			return nil, 0, false
		}
		if cond == nil {
			cond = a
		} else {
			cond = bin(kAnd, cond, a)
		}
		i = end
		if !isWord(toks[i], "and") || isWord(toks[i+1], "otherwise", "else") || isOp(toks[i+1], "0") {
			return cond, i, true
		}
		i++
	}
}

func condAtom(toks []token, i int, consts map[string]int64, vars ...string) (*node, int, bool) {
	a, end, ok := parseAtConsts(toks, i, consts, vars...)
	if !ok || end == i {
		return nil, 0, false
	}
	t := toks[end]
	rhs := func() (*node, int, bool) {
		b, e2, ok := parseAtConsts(toks, end+1, consts, vars...)
		return b, e2, ok && e2 > end+1
	}
	switch {
	case isOp(t, "|") || isWord(t, "divides"):
		b, e2, ok := rhs()
		if !ok {
			return nil, 0, false
		}
		return &node{k: kCmp, name: "=", kids: []*node{bin(kMod, b, a), num(0)}}, e2, true
	case t.k == tOp && cmpNames[t.s] != "":
		b, e2, ok := rhs()
		if !ok {
			return nil, 0, false
		}
		return &node{k: kCmp, name: cmpNames[t.s], kids: []*node{a, b}}, e2, true
	case isWord(t, "is") && isWord(toks[end+1], "even", "odd"):
		end++
		fallthrough
	case isWord(t, "even", "odd"):
		par := int64(0)
		if isWord(toks[end], "odd") {
			par = 1
		}
		return &node{k: kCmp, name: "=", kids: []*node{bin(kMod, a, num(2)), num(par)}}, end + 1, true
	}
	return nil, 0, false
}

// complement reports whether b holds exactly where a does not: the same
// comparison of the same formulas with the negated operator.
func complement(a, b *node) bool {
	return a.k == kCmp && b.k == kCmp && cmpNot[a.name] == b.name &&
		a.kids[0].String() == b.kids[0].String() && a.kids[1].String() == b.kids[1].String()
}

// otherCase reads the other case after a condition at toks[i]: "[,;] [and]
// Y otherwise", "otherwise [T(n,k) =] Y", "T(n,k) = Y otherwise" or
// "T(n,k) = Y for COND2", COND2 the complement of cond.
func otherCase(toks []token, i int, consts map[string]int64, cond *node, rv, cv string) (*node, int, bool) {
	if isOp(toks[i], ",") || isOp(toks[i], ";") {
		i++
	}
	if isWord(toks[i], "and") {
		i++
	}
	head := func(j int) int { // past "T(n,k) =", or j
		if r, c, ok := tableHead(toks, j); ok && r == rv && c == cv && isOp(toks[j+6], "=") {
			return j + 7
		}
		return j
	}
	if isWord(toks[i], "otherwise", "else", "elsewhere") {
		i++
		if isOp(toks[i], ",") {
			i++
		}
		y, end, ok := parseAtConsts(toks, head(i), consts, rv, cv)
		return y, end, ok && end > head(i)
	}
	j := head(i)
	y, end, ok := parseAtConsts(toks, j, consts, rv, cv)
	if !ok || end == j {
		return nil, 0, false
	}
	if isWord(toks[end], "otherwise", "else", "elsewhere") {
		return y, end + 1, true
	}
	if j > i && isWord(toks[end], "if", "when", "for") {
		c2, e2, ok := parseCond(toks, end+1, consts, rv, cv)
		if ok && complement(cond, c2) {
			return y, e2, true
		}
	}
	return nil, 0, false
}

// condTables reads a table with two cases per cell.
func (c *collector) condTables(text string, toks []token) {
	tri, arr := reTriangle.MatchString(text), reArray.MatchString(text)
	if tri == arr || reNotTable.MatchString(text) || reIrregular.MatchString(text) || pinned(toks) {
		return
	}
	consts := textConsts(text)
	var rv, cv string
	var x, y, cond *node
	from, to := -1, -1 // the tokens of the cases, to leave out of the ranges
	defs := tableDefs(text, toks, tri)
	switch {
	case len(defs) == 1 || len(defs) == 2:
		d := defs[0]
		rv, cv = d.rv, d.cv
		var end int
		var ok bool
		x, end, ok = parseAtConsts(toks, d.at, consts, rv, cv)
		if !ok || end == d.at || !isWord(toks[end], "if", "when", "for") {
			return
		}
		cond, end, ok = parseCond(toks, end+1, consts, rv, cv)
		if !ok {
			return
		}
		var e2 int
		y, e2, ok = otherCase(toks, end, consts, cond, rv, cv)
		if !ok {
			return
		}
		if len(defs) == 2 && defs[1].head >= e2 {
			return // a third case, or a definition the cases do not cover
		}
		from, to = d.at, e2
	case len(defs) == 0:
		// "Triangle T(n,k) read by rows: If k divides n then k-1, otherwise -1."
		for i := range toks {
			if r, k, ok := tableHead(toks, i); ok && rv == "" {
				rv, cv = r, k
			}
			if !isWord(toks[i], "if") || rv == "" {
				continue
			}
			var end int
			var ok bool
			cond, end, ok = parseCond(toks, i+1, consts, rv, cv)
			if !ok || !isWord(toks[end], "then") {
				return
			}
			x, end, ok = parseAtConsts(toks, end+1, consts, rv, cv)
			if !ok {
				return
			}
			y, end, ok = otherCase(toks, end, consts, cond, rv, cv)
			if !ok {
				return
			}
			from, to = i, end
			break
		}
	}
	if from < 0 || !(toks[to].k == tEnd || isOp(toks[to], ".") || isOp(toks[to], ";") || isOp(toks[to], ",")) {
		return
	}
	if !x.uses(rv) && !x.uses(cv) && !y.uses(rv) && !y.uses(cv) && !cond.uses(rv) && !cond.uses(cv) {
		return
	}
	rest := text[:toks[from].start] + " ~ " + text[toks[to-1].end:]
	st, ok := tableStart(rest, rv, cv, arr)
	if !ok {
		return
	}
	body := bin(kAnd, cond, x)
	if !(y.k == kNum && y.val == 0) {
		body = bin(kAdd, body, bin(kAnd, un(kCmp0, cond), y))
	}
	body = rename(rename(body, rv, "r_"), cv, "c_")
	for _, z := range tableReadings(st, arr, body) {
		c.add(text[toks[from].start:toks[to-1].end], z)
	}
}
