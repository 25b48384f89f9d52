package formula

// Cases by residue class that read earlier terms: "a(2*n) = 2*a(n),
// a(2*n+1) = 2*a(n) + (-1)^a(n+1)", "a(4n+1) = 3*a(n) + a(n+1)". The
// cases a(k*n + c) = f_c(n, a(...)) cover every residue mod k once; their
// union is one body over the index i (n = (i - c)/k in case c), a
// recurrence with history (memrec.go) from the terms the text gives.
// Cases linear in one call a(n) are dnc.go's, and keep no table.

// memCases reads the cases a(k*n + c) = f(n, a(...)) of the text.
func (c *collector) memCases(text string) {
	toks := lex(text)
	consts := textConsts(text)
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
