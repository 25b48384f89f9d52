package formula

// triCells adds the readings of a table given by a recurrence
// (memrec_tri.go, arrRecurrences), build making its kMem node, for the
// sequence from index 0 and from 1 (Seeded: from the first term's index
// only).
func (c *collector) triCells(source string, build func() *node) {
	bases := []int64{0, 1}
	if c.seed != nil && len(c.seed.ys) > 0 && (c.seed.x0 == 0 || c.seed.x0 == 1) {
		// the sequence's first term is the table's first cell: a listing
		// from the other index would skip a cell, or invent one
		bases = []int64{c.seed.x0}
	}
	for _, base := range bases {
		x := build()
		if x == nil {
			return
		}
		x.val = base
		c.triAdd(source, x)
	}
}

// arrDef is one definition of an array given by a recurrence: a
// boundary row "A(0,k) = f(k)" (row set), a boundary column "A(n,1) =
// g(n)" (col set), or a cell "A(1,1) = 2" (both).
type arrDef struct {
	row, col int64 // -1: every one
	v        *node
}

// arrRecurrences reads a square array read by antidiagonals whose
// entries are given by a recurrence, "Square array read by
// antidiagonals: A(n,k) = A(n-1,k) + A(n,k-1), A(0,k) = A(n,0) = 1",
// "Square array T[i,j]=T[i-1,j]+T[i-1,j-1], T[1,j]=j, T[i,1]=1, read by
// antidiagonals". Antidiagonal d of the array is row d of a triangle
// kept as memrec_tri.go keeps one: its i-th entry is A(r0+d-i, c0+i)
// (ascending) or A(r0+i, c0+d-i) (descending); a reference A(e1,e2) is
// the triangle's cell (e1-r0 + e2-c0, e2-c0) or (..., e1-r0), read only
// once computed (the evaluator refuses a reading that looks ahead). Each
// definition other than the recurrence gives a whole row or column of
// the array or one cell; the first that covers a cell wins.
func (c *collector) arrRecurrences(text string, toks []token) {
	if !reArray.MatchString(text) || reTriangle.MatchString(text) || reNotTable.MatchString(text) {
		return
	}
	toks = bracketHeads(toks)
	var name, rv, cv string
	for i := range toks {
		if r, k, ok := tableHead(toks, i); ok && isOp(toks[i+6], "=") {
			name, rv, cv = toks[i].s, r, k
			break
		}
	}
	if name == "" {
		return
	}
	// the table's name reads as memrec_tri's T
	renamed := make([]token, len(toks))
	for i, t := range toks {
		if t.k == tIdent && t.s == name && isOp(toks[i+1], "(") {
			t.s = "T"
		} else if t.k == tIdent && t.s == "T" {
			return // another T
		}
		renamed[i] = t
	}
	toks = renamed
	consts := textConsts(text)
	var rec *triDef
	var defs []arrDef
	zero := false
	ok := triDefinitions(toks, consts, rv, cv, func(i, end int, h [2]*node, v *node, heads int) bool {
		refs := has(v, kMemRef)
		isRow := h[0].k == kVar && h[0].name == rv
		isCol := h[1].k == kVar && h[1].name == cv
		switch {
		case isRow && isCol && v.isNum() && v.val == 0:
			zero = true // A(n,k) = 0 for n < 0 or k < 0
		case isRow && isCol && refs && heads == 1 && boundary(toks, end):
			if rec != nil {
				return false // two recurrences: cases we do not read
			}
			rec = &triDef{v: v, at: i, end: end}
		case refs || !defEnds(toks, end):
			return false
		case h[0].isNum() && h[1].isNum() && v.isNum():
			defs = append(defs, arrDef{row: h[0].val, col: h[1].val, v: v})
		case h[0].isNum() && isCol && !v.uses(rv):
			defs = append(defs, arrDef{row: h[0].val, col: -1, v: v})
		case isRow && h[1].isNum() && !v.uses(cv):
			defs = append(defs, arrDef{row: -1, col: h[1].val, v: v})
		default:
			return false // a definition we cannot read: the array would be a guess
		}
		return true
	})
	if !ok || rec == nil || len(defs) == 0 {
		return
	}
	where, ok := pairWhere(toks, rec.end, rv, cv)
	if where == nil {
		where, ok = triWhere(toks, rec.end, rv, cv, consts)
	}
	if !ok {
		return
	}
	r0, c0 := int64(-1), int64(-1)
	for _, d := range defs {
		if d.row >= 0 && (r0 < 0 || d.row < r0) {
			r0 = d.row
		}
		if d.col >= 0 && (c0 < 0 || d.col < c0) {
			c0 = d.col
		}
	}
	switch {
	case r0 < 0:
		r0 = c0
	case c0 < 0:
		c0 = r0
	}
	if r0 > 1 || c0 > 1 {
		return
	}
	walks := []int{walkUp, walkDown}
	if up, down := reUp.MatchString(text), reDown.MatchString(text); up != down {
		walks = []int{walkDown}
		if up {
			walks = []int{walkUp}
		}
	}
	source := text[toks[rec.at].start:toks[rec.end-1].end]
	for _, walk := range walks {
		c.triCells(source, func() *node { return arrCell(rec.v, where, defs, rv, cv, r0, c0, walk, zero) })
	}
}

// arrCell is the kMem node of an array's antidiagonals (arrRecurrences)
// walked by walk, cells outside the array 0 where zero is set, else
// undefined.
func arrCell(v, where *node, defs []arrDef, rv, cv string, r0, c0 int64, walk int, zero bool) *node {
	d, i := vr("r_"), vr("c_")
	rowOf, colOf := bin(kAdd, num(r0), bin(kSub, d, i)), bin(kAdd, num(c0), i) // ascending
	if walk == walkDown {
		rowOf, colOf = bin(kAdd, num(r0), i), bin(kAdd, num(c0), bin(kSub, d, i))
	}
	at := func(x *node) *node { return substitute(substitute(x, rv, rowOf), cv, colOf) }
	cmp := func(op string, a, b *node) *node { return &node{k: kCmp, name: op, kids: []*node{a, b}} }
	ifThen := func(cond, a, b *node) *node { return bin(kAdd, bin(kAnd, cond, a), bin(kAnd, un(kCmp0, cond), b)) }
	undef := &node{k: kMemRef, name: "a", kids: []*node{num(-1)}}
	var ref func(x *node) *node
	ref = func(x *node) *node { // A(e1, e2) -> the word of its cell
		if x.k == kMemRef && len(x.kids) == 2 {
			e1, e2 := bin(kSub, ref(x.kids[0]), num(r0)), bin(kSub, ref(x.kids[1]), num(c0))
			dd, ii := bin(kAdd, e1, e2), e2
			if walk == walkDown {
				ii = e1
			}
			in := bin(kAnd, cmp(">=", e1, num(0)), cmp(">=", e2, num(0)))
			word := &node{k: kMemRef, name: "a", kids: []*node{bin(kAdd, bin(kMul, dd, num(triW)), ii)}}
			if zero {
				return bin(kAnd, in, word)
			}
			return ifThen(in, word, undef)
		}
		y := *x
		y.kids = make([]*node, len(x.kids))
		for j, k := range x.kids {
			y.kids[j] = ref(k)
		}
		return &y
	}
	cell := ref(at(v))
	if where != nil {
		cell = ifThen(at(where), cell, undef)
	}
	for j := len(defs) - 1; j >= 0; j-- { // the first definition the text gives wins
		df := defs[j]
		var on *node
		switch {
		case df.row >= 0 && df.col >= 0:
			on = bin(kAnd, cmp("=", rowOf, num(df.row)), cmp("=", colOf, num(df.col)))
		case df.row >= 0:
			on = cmp("=", rowOf, num(df.row))
		default:
			on = cmp("=", colOf, num(df.col))
		}
		cell = ifThen(on, at(df.v), cell)
	}
	return &node{k: kMem, name: "T", vals: []int64{0, 0}, kids: []*node{vr("n"), cell, vr("r_")}}
}

// bracketHeads writes a table's brackets as parentheses: "T[i,j]" is
// T(i,j).
func bracketHeads(toks []token) []token {
	out := append([]token(nil), toks...)
	for i := 0; i+1 < len(out); i++ {
		if out[i].k != tIdent || !tableName(out[i].s) || !isOp(out[i+1], "[") {
			continue
		}
		depth := 0
		for j := i + 1; out[j].k != tEnd; j++ {
			if isOp(out[j], "[") {
				depth++
			} else if isOp(out[j], "]") {
				if depth--; depth == 0 {
					out[i+1].s, out[j].s = "(", ")"
					break
				}
			}
		}
	}
	return out
}

// pairWhere reads "for n, k >= 1" (also "k, n > 0") after a recurrence:
// both variables so bounded; nil if the text says no such thing there.
func pairWhere(toks []token, i int, rv, cv string) (*node, bool) {
	if !isWord(toks[i], "for") {
		return nil, false
	}
	a, b, op, v := toks[i+1], toks[i+3], toks[i+4], toks[i+5]
	if a.k != tIdent || b.k != tIdent || !(a.s == rv && b.s == cv || a.s == cv && b.s == rv) || !isOp(toks[i+2], ",") ||
		!(isOp(op, ">=") || isOp(op, ">")) || v.k != tNum || !defEnds(toks, i+6) {
		return nil, false
	}
	cmp := func(x string) *node { return &node{k: kCmp, name: op.s, kids: []*node{vr(x), num(v.v)}} }
	return bin(kAnd, cmp(rv), cmp(cv)), true
}
