package formula

// Definitions by residue class: "a(2n) = n+1, a(2n+1) = 2n+1." or
// "a(4n)=n, a(4n+1)=4, a(4n+2)=1, a(4n+3)=4." When the cases a(k*n + c) =
// f_c(n) cover every residue of n mod k once, a(n) is f_c((n - c)/k) for
// the c with n == c (mod k).

// residueCases reads the cases a(k*n + c) = f(n) of the text, and adds
// their union if they cover every residue mod k exactly once.
func (c *collector) residueCases(text string, toks []token) {
	type kase struct {
		c    int64 // the case's offset: a(k*n + c)
		body *node
	}
	var k int64
	byRes := map[int64]kase{}
	first, last := -1, -1
	for i := 0; i+6 < len(toks); i++ {
		kk, cc, at, ok := caseHead(toks, i)
		if !ok || kk < 2 || kk > 12 {
			continue
		}
		body, bend, ok := parseAt(toks, at, "n")
		if !ok || !boundary(toks, bend) || lagOrder(body) > 0 {
			return // a case we cannot read: the union would be a guess
		}
		if k != 0 && kk != k {
			return
		}
		k = kk
		r := ((cc % k) + k) % k
		if _, dup := byRes[r]; dup {
			return
		}
		byRes[r] = kase{cc, body}
		if first < 0 {
			first = i
		}
		last = bend
	}
	if k == 0 || int64(len(byRes)) != k {
		return
	}
	x := byResidue(k, func(r int64) *node {
		kc := byRes[r]
		shifted := sub(vr("n"), num(kc.c))
		if kc.c < 0 {
			shifted = add(vr("n"), num(-kc.c))
		}
		return substitute(kc.body, "n", bin(kDiv, shifted, num(k))) // exact where n == c (mod k)
	})
	c.add(text[toks[first].start:toks[last-1].end], x)
}

// caseHead reads a case's head "a(k*n + c) =" at toks[i]: k, c and where
// the case's body starts.
func caseHead(toks []token, i int) (k, c int64, body int, ok bool) {
	if !(toks[i].k == tIdent && toks[i].s == "a" && isOp(toks[i+1], "(")) || toks[i+2].k != tNum {
		return 0, 0, 0, false
	}
	idx, end, ok := parseAt(toks, i+2, "n")
	if !ok || !isOp(toks[end], ")") || !isOp(toks[end+1], "=") {
		return 0, 0, 0, false
	}
	k, c, ok = linear(idx)
	return k, c, end + 2, ok
}

// byResidue is the union of the cases: Sum_{r=0..k-1} [n mod k = r] *
// term(r).
func byResidue(k int64, term func(r int64) *node) *node {
	var x *node
	for r := int64(0); r < k; r++ {
		t := bin(kAnd, &node{k: kCmp, name: "=", kids: []*node{bin(kMod, vr("n"), num(k)), num(r)}}, term(r))
		if x == nil {
			x = t
		} else {
			x = bin(kAdd, x, t)
		}
	}
	return x
}

// linear reads idx as k*n + c with integers k and c.
func linear(idx *node) (k, c int64, ok bool) {
	if !idx.uses("n") {
		return 0, 0, false
	}
	v := evaluator{steps: 1000}
	at := func(n int64) (int64, bool) {
		r, err := v.eval(idx, n)
		if err != nil || !r.IsInt() || !r.Num().IsInt64() {
			return 0, false
		}
		return r.Num().Int64(), true
	}
	a0, ok0 := at(0)
	a1, ok1 := at(1)
	a2, ok2 := at(2)
	if !ok0 || !ok1 || !ok2 || a2-a1 != a1-a0 {
		return 0, 0, false
	}
	return a1 - a0, a0, true
}
