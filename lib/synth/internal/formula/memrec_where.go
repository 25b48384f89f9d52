package formula

// Letters a recurrence defines after it: "a(n) = a(n-1) + a(m) for
// n >= 4, where m = n - 1 - 2^p and p is the unique integer such that
// 2^p < n - 1 <= 2^(p+1)". m is its expression; p, "the unique integer"
// of a chain of comparisons, is the least integer p >= 0 that satisfies
// it (the exact evaluator finds none where there is none, and then the
// reading gives nothing).

import (
	"regexp"
)

var (
	// "where m = EXPR and p is the unique integer such that L < X <= R"
	reMemWhere = regexp.MustCompile(`\bwhere ([a-z]) = ([^,;]+?) and ([a-z]) is the unique integer such that ([^,;]+?)(?:[,;.]|$)`)
)

// memWhere reads the letters text defines for a recurrence, as
// expressions over n, or nil.
func memWhere(text string) map[string]*node {
	m := reMemWhere.FindStringSubmatch(text)
	if m == nil || m[1] == m[3] || m[1] == "n" || m[3] == "n" || m[1] == "a" || m[3] == "a" {
		return nil
	}
	letter, inner := m[1], m[3]
	// the chain L op1 X op2 R
	toks := lex(m[4])
	var ops []int
	for i, t := range toks {
		if isOp(t, "<") || isOp(t, "<=") {
			ops = append(ops, i)
		}
	}
	if len(ops) != 2 {
		return nil
	}
	part := func(from, to int) *node {
		sub := append(append([]token(nil), toks[from:to]...), token{k: tEnd})
		x, end, ok := parseAt(sub, 0, "n", inner)
		if !ok || sub[end].k != tEnd {
			return nil
		}
		return x
	}
	l, x, r := part(0, ops[0]), part(ops[0]+1, ops[1]), part(ops[1]+1, len(toks)-1)
	if l == nil || x == nil || r == nil || !l.uses(inner) || !r.uses(inner) || x.uses(inner) {
		return nil
	}
	cmp := func(op string, a, b *node) *node { return &node{k: kCmp, name: op, kids: []*node{a, b}} }
	cond := bin(kAnd, cmp(toks[ops[0]].s, rename(l, inner, "x_"), x), cmp(toks[ops[1]].s, x, rename(r, inner, "x_")))
	pNode := nthAt(num(1), "x_", 1, 0, cond)
	dt := lex(m[2])
	def, end, ok := parseAt(dt, 0, "n", inner)
	if !ok || dt[end].k != tEnd {
		return nil
	}
	return map[string]*node{letter: substitute(def, inner, pNode)}
}
