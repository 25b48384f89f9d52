package formula

// Cases by residue class that read earlier terms: "a(2*n) = 2*a(n),
// a(2*n+1) = 2*a(n) + (-1)^a(n+1)", "a(4n+1) = 3*a(n) + a(n+1)". The
// cases a(k*n + c) = f_c(n, a(...)) cover every residue mod k once; their
// union is one body over the index i (n = (i - c)/k in case c), a
// recurrence with history (memrec.go) from the terms the text gives.
// Cases linear in one call a(n) are dnc.go's, and keep no table.

import "strings"

// memCases reads the cases a(k*n + c) = f(n, a(...)) of the text, and
// recurrences by the parity of n.
func (c *collector) memCases(text string) {
	toks := lex(text)
	consts := textConsts(text)
	c.memParity(text, toks, consts)
	var k int64
	type kase struct {
		c    int64
		body *node
	}
	byRes := map[int64]kase{}
	first, last, refs := -1, -1, false
	for i := 0; i+6 < len(toks); i++ {
		kk, cc, at, ok := caseHead(toks, i)
		if !ok || kk < 2 || kk > 12 {
			continue
		}
		p := &parser{toks: toks, pos: at, vars: []string{"n"}, consts: consts, mem: "a"}
		body, bend, ok := parseWith(p)
		if !ok || !boundary(toks, bend) || k != 0 && kk != k {
			return // a case we cannot read: the union would be a guess
		}
		k = kk
		r := ((cc % k) + k) % k
		if _, dup := byRes[r]; dup {
			return
		}
		byRes[r] = kase{cc, body}
		refs = refs || has(body, kMemRef)
		if first < 0 {
			first = i
		}
		last = bend
	}
	if k == 0 || int64(len(byRes)) != k || !refs {
		return
	}
	source := text[toks[first].start:toks[last-1].end]
	if c.hasSource(source) {
		return
	}
	body := byResidue(k, func(r int64) *node {
		kc := byRes[r]
		// n = (i - c)/k, exact where i == c (mod k)
		return substitute(kc.body, "n", bin(kDiv, sub(vr("n"), num(kc.c)), num(k)))
	})
	c.memRec(text, source, rename(body, "n", "i_"), -1)
}

// parityCase reads "if n is odd" ("even") at toks[i]: the residue of n
// mod 2 it names, and the token after it.
func parityCase(toks []token, i int) (r int64, next int, ok bool) {
	if i+2 >= len(toks) || !(toks[i].k == tIdent && toks[i].s == "if") || !(toks[i+1].k == tIdent && toks[i+1].s == "n") {
		return 0, i, false
	}
	j := i + 2
	if toks[j].k == tIdent && toks[j].s == "is" { // "if n is odd", "if n odd"
		j++
	}
	if toks[j].k == tIdent {
		switch toks[j].s {
		case "odd":
			return 1, j + 1, true
		case "even":
			return 0, j + 1, true
		}
	}
	return 0, i, false
}

// memParity reads a recurrence by the parity of n: "a(n) = E1 if n is
// odd, a(n) = E2 if n is even" (also "; or a(n) = E2 ...", "E2
// otherwise"), at least one of them reading earlier terms.
func (c *collector) memParity(text string, toks []token, consts map[string]int64) {
	word := func(i int, ws ...string) bool {
		if toks[i].k != tIdent {
			return false
		}
		for _, w := range ws {
			if strings.EqualFold(toks[i].s, w) {
				return true
			}
		}
		return false
	}
	for i := 0; i+5 < len(toks); i++ {
		if !isA(toks[i:]) {
			continue
		}
		parse := func(at int) (*node, int, bool) {
			return parseWith(&parser{toks: toks, pos: at, vars: []string{"n"}, consts: consts, mem: "a"})
		}
		e1, end1, ok := parse(i + 5)
		if !ok {
			continue
		}
		r1, j, ok := parityCase(toks, end1)
		if !ok {
			continue
		}
		if isOp(toks[j], ",") || isOp(toks[j], ";") {
			j++
		}
		if word(j, "or", "and", "else") {
			j++
		}
		if toks[j].k == tIdent && toks[j].s == "a" && j+5 < len(toks) && isA(toks[j:]) {
			j += 5
		}
		e2, end2, ok := parse(j)
		if !ok {
			continue
		}
		r2, end, ok := parityCase(toks, end2)
		switch {
		case ok && r2 == 1-r1:
		case word(end2, "otherwise"):
			end = end2 + 1
		default:
			continue
		}
		if !boundary(toks, end) || !has(e1, kMemRef) && !has(e2, kMemRef) {
			continue
		}
		source := text[toks[i].start:toks[end-1].end]
		if c.hasSource(source) {
			continue
		}
		body := byResidue(2, func(r int64) *node {
			if r == r1 {
				return e1
			}
			return e2
		})
		c.memRec(text, source, rename(body, "n", "i_"), -1)
	}
}
