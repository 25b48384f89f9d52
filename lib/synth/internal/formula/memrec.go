package formula

// Recurrences with history: a(n) = f(n, a(e1), a(e2), ...) where each
// a(e) is any earlier term, at an index computed from n and from other
// terms: "a(n) = a(n-1) + a(floor(n/2))", "a(n) = a(n - a(n-1)) +
// a(n - a(n-2))", "a(n) = Sum_{k=0..n-1} a(k)*a(n-1-k)", "a(n) = 1 +
// Sum_{d|n, d<n} a(d)", "a(n) = a(1) + a(2) + ... + a(n-1)", and
// linear recurrences of any order. The program keeps the terms in the
// IR's memory: it writes a(i0), a(i0+1), ..., a(n) in order, word i
// holding a(i) (shifted when i0 < 0), each read back by MEM_LOAD.
//
// The exact evaluator computes the terms in order, a(e) defined only for
// i0 <= e < i while a(i) is computed; a reading is offered only if every
// term up to n = scanN (or to the first that leaves i32, where OEIS checks
// stop) is a defined integer, every term the text gives is what it
// computes, and the program gives every one of those terms (memAgrees).

import (
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// memTable holds the terms computed so far of one recurrence with
// history.
type memTable struct {
	i0     int64
	terms  []*big.Rat
	b      []*big.Rat // a complementary pair's b(i0), b(i0+1), ... (memrec_comp.go)
	failed bool       // the next term is undefined (so is every later one)
	// a table read by rows (memrec_tri.go): the cells by word, and the
	// next cell's row and column
	cells map[int64]*big.Rat
	r, c  int64
	out   int64 // the first index whose term leaves i32 (-1: none yet)
}

// memAt is term n of recurrence x. Past the first term that leaves i32
// it is that term (so a scan stops there: OEIS checks stop at it, and a
// program's later terms may have wrapped).
func (v *evaluator) memAt(x *node, n int64) *big.Rat {
	if r, ok := v.autoAt(x, n); ok { // automata.go, morphism.go
		return r
	}
	switch x.name {
	case "T":
		return v.triAt(x, n)
	case "K":
		return v.kolakoskiAt(x, n)
	}
	i0 := x.val
	if n < i0 {
		undefined()
	}
	if v.mems == nil {
		v.mems = map[*node]*memTable{}
	}
	t := v.mems[x]
	if t == nil {
		t = &memTable{i0: i0, out: -1}
		for _, y := range x.vals {
			t.terms = append(t.terms, ratInt(y))
			if t.out < 0 && y != int64(int32(y)) {
				t.out = i0 + int64(len(t.terms)) - 1
			}
		}
		if x.name == "ab" {
			for _, y := range x.kids[2].vals {
				t.b = append(t.b, ratInt(y))
			}
		}
		v.mems[x] = t
	}
	savedEnv, savedMem := v.env, v.mem
	defer func() { v.env, v.mem = savedEnv, savedMem }()
	for int64(len(t.terms)) <= n-i0 && t.out < 0 {
		if t.failed {
			undefined()
		}
		i := i0 + int64(len(t.terms))
		if x.name == "ab" {
			v.complement(t, i)
		}
		v.env = map[string]*big.Rat{"i_": ratInt(i)}
		v.mem = t
		y := v.memTerm(x.kids[1], t)
		if !y.IsInt() {
			t.failed = true
			undefined()
		}
		t.terms = append(t.terms, y)
		if y.Num().BitLen() > 31 || y.Cmp(ratInt(1<<31-1)) > 0 || y.Cmp(ratInt(-1<<31)) < 0 {
			t.out = i
		}
	}
	if t.out >= 0 && n >= t.out {
		return t.terms[t.out-i0]
	}
	return t.terms[n-i0]
}

// memTerm evaluates body for the next term of t, marking t failed where
// it is undefined (the budget running out marks nothing).
func (v *evaluator) memTerm(body *node, t *memTable) *big.Rat {
	defer func() {
		if r := recover(); r != nil {
			if r == errUndefined {
				t.failed = true
			}
			panic(r)
		}
	}()
	return checkSize(v.ev(body))
}

// memRef is a(e) inside the body of the recurrence being evaluated:
// defined for i0 <= e < i only.
func (v *evaluator) memRef(x *node) *big.Rat {
	t := v.mem
	if t == nil {
		undefined()
	}
	e := integer(v.ev(x.kids[0]))
	if !e.IsInt64() {
		undefined()
	}
	if t.cells != nil { // a table's cell, by word
		y, ok := t.cells[e.Int64()]
		if !ok {
			undefined()
		}
		return y
	}
	j := e.Int64() - t.i0
	if x.name == "b" {
		if j < 0 || j >= int64(len(t.b)) {
			undefined()
		}
		return t.b[j]
	}
	if j < 0 || j >= int64(len(t.terms)) {
		undefined()
	}
	return t.terms[j]
}

// memOffset is the address offset of a recurrence starting at i0: word
// i + offset holds a(i).
func memOffset(i0 int64) int64 { return max(0, -i0) }

// memRec pushes term idx of recurrence x: the terms the text gives are
// written to memory, then a(i) for i from the first computed one up to
// idx, and a(idx) is read back.
func (e *emitter) memRec(x *node) {
	if e.auto(x) { // automata.go, morphism.go
		return
	}
	switch x.name {
	case "T":
		e.triMem(x)
		return
	case "K":
		e.kolakoski(x)
		return
	}
	idx := e.hold(x.kids[0])
	i0, off := x.val, memOffset(x.val)
	e.storeTerms(i0+off, x.vals)
	first := i0 + int64(len(x.vals)) // the first term computed
	var mex func(i int)              // a complementary pair: b(i) (memrec_comp.go)
	if x.name == "ab" {
		bs := x.kids[2].vals
		e.storeTerms(i0+off+memB, bs)
		first = i0 + int64(min(len(x.vals), len(bs)))
		mex = e.complement(x, first, off)
	}
	i := e.alloc()
	e.konst(first)
	e.set(i)
	old, had := e.env["i_"]
	e.env["i_"] = i
	e.while(func() { e.get(i); e.get(idx); e.emit(ir.OpI32LeS) }, func() {
		term := func() { e.store(func() { e.addr(i, off) }, func() { e.lower(x.kids[1]) }) }
		if mex != nil {
			mex(i)
			e.after(i, i0+int64(len(x.vals)), term)
		} else {
			term()
		}
		e.inc(i, 1)
	})
	e.restore("i_", old, had)
	e.load(func() { e.addr(idx, off) })
}

// storeTerms writes vals to the words from at on (those that are not 0:
// memory starts at 0).
func (e *emitter) storeTerms(at int64, vals []int64) {
	for j, y := range vals {
		if y != 0 {
			e.store(func() { e.konst(at + int64(j)) }, func() { e.konst(y) })
		}
	}
}

// after runs body where the value in home i is at least from (a check
// only when the loop may start below it).
func (e *emitter) after(i int, from int64, body func()) {
	e.get(i)
	e.konst(from)
	e.emit(ir.OpI32GeS, ir.OpIfBegin)
	body()
	e.emit(ir.OpIfEnd)
}

// addr pushes the word address of the term whose index is in home l.
func (e *emitter) addr(l int, off int64) {
	e.get(l)
	if off != 0 {
		e.konst(off)
		e.emit(ir.OpI32Add)
	}
}

// memRef pushes a(kids[0]), read from memory.
func (e *emitter) memRef(x *node) {
	e.load(func() {
		e.lower(x.kids[0])
		off := x.val
		if x.name == "b" {
			off += memB
		}
		if off != 0 {
			e.konst(off)
			e.emit(ir.OpI32Add)
		}
	})
}

func (x *node) writeMem(b *strings.Builder) {
	if x.k == kMemRef {
		b.WriteString(x.name + "(")
		x.kids[0].write(b)
		b.WriteByte(')')
		return
	}
	if x.writeAuto(b) { // automata.go, morphism.go
		return
	}
	if x.name == "K" {
		b.WriteString("kolakoski_{" + joinInts(x.vals, ",") + "}(")
		x.kids[0].write(b)
		b.WriteByte(')')
		return
	}
	if x.name == "T" {
		b.WriteString("memtri_{rows from " + joinInts(x.vals, ",") + "; to column ")
		x.kids[2].write(b)
		b.WriteString("; T(r_,c_)=")
		x.kids[1].write(b)
		b.WriteString("; from " + strconv.FormatInt(x.val, 10) + "}(")
		x.kids[0].write(b)
		b.WriteByte(')')
		return
	}
	b.WriteString("mem_{a(" + strconv.FormatInt(x.val, 10) + "..)=" + joinInts(x.vals, ","))
	if x.name == "ab" {
		b.WriteString("; b(" + strconv.FormatInt(x.val, 10) + "..)=" + joinInts(x.kids[2].vals, ",") + " complementary")
	}
	b.WriteString("; a(i_)=")
	x.kids[1].write(b)
	b.WriteString("}(")
	x.kids[0].write(b)
	b.WriteByte(')')
}

// memRef reads the index of "a(...)" in memory mode (after "a"): any
// expression, "[n/2]" as its floor.
func (p *parser) memRef(name string) *node {
	p.expect("(")
	if name == "T" { // a table's T(row, column): memrec_tri.go
		row := p.expr()
		p.expect(",")
		col := p.expr()
		p.expect(")")
		return &node{k: kMemRef, name: name, kids: []*node{row, col}}
	}
	var idx *node
	if p.at("[") { // a([n/2])
		p.pos++
		idx = un(kFloor, p.expr())
		p.expect("]")
	} else {
		idx = p.expr()
	}
	p.expect(")")
	return &node{k: kMemRef, name: name, kids: []*node{idx}}
}

// memName reports whether s names a table in memory mode.
func (p *parser) memName(s string) bool {
	return p.mem != "" && len(s) == 1 && strings.Contains(p.mem, s)
}

// divisorBound reads the bound after "Sum_{d|x," (at the comma): "d <
// n", "d<n", "1 < d < n", "d > 1" and the like, as a condition on d.
func (p *parser) divisorBound(v string) *node {
	p.expect(",")
	cmp := func(op string, a, b *node) *node { return &node{k: kCmp, name: op, kids: []*node{a, b}} }
	isCmp := func() bool { return p.at("<") || p.at("<=") || p.at(">") || p.at(">=") }
	if t := p.peek(); t.k == tIdent && t.s == v {
		p.pos++
		if !isCmp() {
			p.fail()
		}
		op := p.next().s
		return cmp(op, vr(v), p.additive())
	}
	lo := p.additive()
	if !p.at("<") && !p.at("<=") {
		p.fail()
	}
	op1 := p.next().s
	if t := p.next(); t.k != tIdent || t.s != v {
		p.fail()
	}
	c := cmp(op1, lo, vr(v))
	if p.at("<") || p.at("<=") {
		op2 := p.next().s
		c = bin(kAnd, c, cmp(op2, vr(v), p.additive()))
	}
	return c
}

// hasSource reports whether a candidate was read from source already
// (by rec.go or dnc.go, whose programs keep no table).
func (c *collector) hasSource(source string) bool {
	source = strings.TrimSpace(source)
	for _, o := range c.out {
		if o.Source == source {
			return true
		}
	}
	return false
}

// memRecurrences reads "a(n) = f(n, a(...), ...)" and "a(n+k) = ..."
// whose right side reads earlier terms at indices other than fixed lags
// (or more lags than rec.go keeps in locals).
func (c *collector) memRecurrences(text string) {
	text = memText(text)
	toks := lex(text)
	consts := textConsts(text)
	comp := reComplementary.MatchString(text)
	defs := memWhere(text) // memrec_where.go
	vars := []string{"n"}
	for l := range defs {
		vars = append(vars, l)
	}
	for i := 0; i+4 < len(toks); i++ {
		if i > 0 && toks[i-1].k == tOp && strings.Contains("+-*/^", toks[i-1].s) {
			continue // a term of an equation (rec_implicit.go)
		}
		var shift int64
		at := i + 5
		if k, a, ok := isShiftedA(toks[i:]); ok {
			shift, at = k, i+a
		} else if !isA(toks[i:]) {
			continue
		}
		tables := "a"
		if comp {
			tables = "ab"
		}
		p := &parser{toks: toks, pos: at, vars: vars, consts: consts, mem: tables}
		x, end, ok := parseWith(p)
		for l, d := range defs {
			if ok && x.uses(l) {
				x = substitute(x, l, d)
			}
		}
		if !ok || !boundary(toks, end) || !has(x, kMemRef) || has(x, kRec) || has(x, kDnc) {
			continue
		}
		source := text[toks[i].start:toks[end-1].end]
		if c.hasSource(source) {
			continue
		}
		// the body over i_, the index of the term it defines
		body := substitute(x, "n", sub(vr("i_"), num(shift)))
		from := int64(-1) // the first index the text says it holds at
		if m := reFrom.FindStringSubmatch(text[toks[end-1].end:]); m != nil {
			v, err := strconv.ParseInt(m[2], 10, 32)
			if err != nil {
				continue
			}
			if m[1] == ">" {
				v++
			}
			from = v + shift
		}
		if comp {
			c.memComp(text, source, body)
			continue
		}
		c.memRec(text, source, body, from)
	}
	c.memCases(text)             // memrec_cases.go
	c.triRecurrences(text, toks) // memrec_tri.go
	c.arrRecurrences(text, toks) // tri2_rec.go
	c.kolakoski(text)            // memrec_kolakoski.go
}

// memRec adds recurrence body (over i_) started from the terms the text
// gives (up to from, if it says where the recurrence holds), else for
// Seeded from the first terms of the sequence, else (no terms needed)
// from index 0 or 1.
func (c *collector) memRec(text, source string, body *node, from int64) {
	given := initialTerms(text)
	if len(given) > 0 {
		i0 := int64(1 << 40)
		for i := range given {
			i0 = min(i0, i)
		}
		var vals []int64
		for i := i0; ; i++ {
			y, ok := given[i]
			if !ok || from >= 0 && i >= from {
				break
			}
			vals = append(vals, y)
		}
		if (from < 0 || i0+int64(len(vals)) == from) && c.memTry(source, body, i0, vals, given) {
			return
		}
	}
	if c.seed != nil {
		c.memSeeded(source, body, from, given)
		return
	}
	if len(given) == 0 {
		switch {
		case from >= 0:
			c.memTry(source, body, from, nil, given)
		default:
			_ = c.memTry(source, body, 0, nil, given) || c.memTry(source, body, 1, nil, given)
		}
	}
}

// memSeeded starts body from the first k terms of c.seed: up to where
// the text says it holds, else the fewest for which every term to scanN
// is defined. It must reproduce the other terms (at least minSeedChecks).
func (c *collector) memSeeded(source string, body *node, from int64, given map[int64]int64) {
	x0, ys := c.seed.x0, c.seed.ys
	for i, y := range given {
		if i >= x0 && i-x0 < int64(len(ys)) && ys[i-x0] != y {
			return
		}
	}
	for k := int64(0); k <= int64(len(ys))-minSeedChecks; k++ {
		if from >= 0 && k != from-x0 {
			continue
		}
		node := memNode(body, x0, ys[:k:k])
		if _, ok := memTerms(node, given); !ok {
			continue
		}
		before := len(c.out)
		c.memAdd(source, node, given)
		if len(c.out) > before && !reproduces(c.out[len(c.out)-1].Ops, x0, ys) {
			c.out = c.out[:before]
		}
		return
	}
}

// memNode is the recurrence node: body's references get the address
// offset of i0.
func memNode(body *node, i0 int64, vals []int64) *node {
	var mark func(x *node) *node
	mark = func(x *node) *node {
		y := *x
		if y.k == kMemRef {
			y.val = memOffset(i0)
		}
		y.kids = make([]*node, len(x.kids))
		for i, k := range x.kids {
			y.kids[i] = mark(k)
		}
		return &y
	}
	return &node{k: kMem, val: i0, vals: vals, kids: []*node{vr("n"), mark(body)}}
}

// memTry adds the recurrence started from vals at i0 if it is defined;
// it reports whether a candidate was added.
func (c *collector) memTry(source string, body *node, i0 int64, vals []int64, given map[int64]int64) bool {
	if len(vals) > 30 {
		return false
	}
	for _, y := range vals {
		if y != int64(int32(y)) {
			return false
		}
	}
	node := memNode(body, i0, vals)
	if _, ok := memTerms(node, given); !ok {
		return false
	}
	return c.memAdd(source, node, given)
}

// memAdd adds node as a candidate if its program gives every term
// memTerms finds; it reports whether it did.
func (c *collector) memAdd(source string, node *node, given map[int64]int64) bool {
	terms, ok := memTerms(node, given)
	if !ok {
		return false
	}
	before := len(c.out)
	c.add(source, node)
	if len(c.out) == before {
		return false
	}
	if !memAgrees(c.out[len(c.out)-1].Ops, node.val, terms) {
		c.out = c.out[:before]
		return false
	}
	return true
}

// memEvalSteps bounds the exact evaluator's work on one recurrence's
// terms up to scanN.
const memEvalSteps = 2_000_000

// memTerms computes the terms of x from its start to scanN, or up to the
// first that leaves i32 (not included). It fails if a term is undefined
// there (an index out of range, a non-integer), the work is too much,
// a term the text gives differs, or fewer than minAgreed terms are
// computed past the start.
func memTerms(x *node, given map[int64]int64) ([]int64, bool) {
	v := evaluator{steps: memEvalSteps}
	var terms []int64
	for n := x.val; n <= scanN; n++ {
		r, err := v.eval(x, n)
		if err != nil {
			return nil, false
		}
		y := r.Num()
		if !y.IsInt64() || y.Int64() != int64(int32(y.Int64())) {
			break
		}
		terms = append(terms, y.Int64())
	}
	for i, y := range given {
		if j := i - x.val; j >= 0 && j < int64(len(terms)) && terms[j] != y {
			return nil, false
		}
	}
	if len(terms)-len(x.vals) < minAgreed {
		return nil, false
	}
	if x.name == "ab" && !complementary(v.mems[x], len(terms)) {
		return nil, false
	}
	return terms, true
}

// memCheckFuel bounds the program fuel memAgrees spends, all n together.
const memCheckFuel = 30_000_000

// memAgrees reports whether ops gives a(i0+j) = terms[j] for every j,
// each run within ir.DefaultFuel.
func memAgrees(ops []ir.Op, i0 int64, terms []int64) bool {
	e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
	if err != nil {
		return false
	}
	fuel := int64(memCheckFuel)
	for j, y := range terms {
		got, used, err := e.RunFuel([]int32{int32(i0 + int64(j))}, min(fuel, ir.DefaultFuel))
		fuel -= used
		if err != nil || int64(got) != y {
			return false
		}
	}
	return true
}

var (
	// "a(0)=...=a(4)=0": each of the terms
	reTermsEllipsis = regexp.MustCompile(`a\((\d+)\)\s*=\s*(?:\.\.\.|…)\s*=\s*a\((\d+)\)\s*=\s*(-?\d+)`)
	// phrases of a term (of a(...), its power) that name a function
	memWords = []struct {
		re *regexp.Regexp
		to string
	}{
		{regexp.MustCompile(`\bsum of (?:the )?(?:decimal )?digits of (a\([^()]*\)(?:\^\d+)?)`), "sumdigits($1)"},
		{regexp.MustCompile(`\bsum of (?:the )?base-(\d+) digits of (a\([^()]*\))`), "digsumbase($2, $1)"},
		{regexp.MustCompile(`\bsum of (?:the )?(?:distinct primes dividing|(?:unique|distinct) prime (?:factors|divisors) of) (a\([^()]*\))`), "sopf($1)"},
	}
	// "Sum_{ k < n and k | n}", "Sum_{k<n, k|n}"
	reSumBelowDividing = regexp.MustCompile(`Sum_\{\s*([a-z])\s*<\s*n\s*(?:and|,)\s*([a-z])\s*\|\s*n\s*\}`)
	// "a(1) + a(2) + ... + a(n-1)", "a(n) + ... + a(n-5)"
	reSumEllipsis = regexp.MustCompile(`a\(([^()]+)\)\s*\+\s*(?:a\(([^()]+)\)\s*\+\s*)?(?:\.\.\.|…)\s*\+\s*a\(([^()]+)\)`)
)

// memText rewrites what memRecurrences reads of text: a run of equal
// terms written with an ellipsis, each term; a sum of terms written with
// an ellipsis, as Sum_{j=0..(X3-X1)/d} a(X1 + d*j), its indices X1, X2
// (optional), ..., X3 and step d = X2 - X1 (else +-1) constant in n.
func memText(text string) string {
	text = indexLetter(text)
	// digit and prime-factor phrases of a term, as calls: "sum of digits of a(n)^2"
	for _, w := range memWords {
		text = w.re.ReplaceAllString(text, w.to)
	}
	// "Sum_{k < n and k | n}": the proper divisors, as divisorBound reads them
	text = reSumBelowDividing.ReplaceAllStringFunc(text, func(s string) string {
		m := reSumBelowDividing.FindStringSubmatch(s)
		if m[1] != m[2] {
			return s
		}
		return "Sum_{" + m[1] + "|n, " + m[1] + "<n}"
	})
	text = reTermsEllipsis.ReplaceAllStringFunc(text, func(s string) string {
		m := reTermsEllipsis.FindStringSubmatch(s)
		lo, err1 := strconv.Atoi(m[1])
		hi, err2 := strconv.Atoi(m[2])
		if err1 != nil || err2 != nil || hi <= lo || hi-lo > 20 {
			return s
		}
		var b strings.Builder
		for i := lo; i <= hi; i++ {
			b.WriteString("a(" + strconv.Itoa(i) + ") = ")
		}
		return b.String() + m[3]
	})
	j := freeLetter(text)
	if j == "" {
		return text
	}
	return reSumEllipsis.ReplaceAllStringFunc(text, func(s string) string {
		m := reSumEllipsis.FindStringSubmatch(s)
		x1, ok1 := parseIn(m[1]+"+0*n", "n")
		x3, ok3 := parseIn(m[3]+"+0*n", "n")
		if !ok1 || !ok3 {
			return s
		}
		span, ok := constDiff(x3, x1)
		var d int64
		switch {
		case m[2] != "":
			x2, ok2 := parseIn(m[2]+"+0*n", "n")
			if !ok2 {
				return s
			}
			if d, ok = constDiff(x2, x1); !ok || d == 0 {
				return s
			}
		case ok && span > 0:
			d = 1
		case ok && span < 0:
			d = -1
		default: // from a(n-1) down to a(1), or up: the step from n's coefficient
			c, ok := constDiff(substitute(x3, "x_", num(1)), substitute(x1, "x_", num(1)))
			c2, ok2 := constDiff(substitute(x3, "x_", num(2)), substitute(x1, "x_", num(2)))
			if !ok || !ok2 || c2 == c {
				return s
			}
			if c2 > c {
				d = 1
			} else {
				d = -1
			}
		}
		return "Sum_{" + j + "=0..((" + m[3] + ")-(" + m[1] + "))/(" + strconv.FormatInt(d, 10) + ")} a(" + m[1] + "+(" + strconv.FormatInt(d, 10) + ")*" + j + ")"
	})
}

// constDiff is a - b (both over x_) if it is the same at x_ = 0, 1 and
// 7, an integer.
func constDiff(a, b *node) (int64, bool) {
	var vals []int64
	for _, at := range []int64{0, 1, 7} {
		v := evaluator{steps: 1000}
		r, err := v.evalAt(bin(kSub, a, b), map[string]*big.Rat{"x_": ratInt(at)})
		if err != nil || !r.IsInt() || !r.Num().IsInt64() {
			return 0, false
		}
		vals = append(vals, r.Num().Int64())
	}
	if vals[0] != vals[1] || vals[1] != vals[2] {
		return 0, false
	}
	return vals[0], true
}

// freeLetter is a one-letter variable name text does not use, or "".
func freeLetter(text string) string {
	used := map[string]bool{}
	for _, t := range lex(text) {
		if t.k == tIdent {
			used[t.s] = true
		}
	}
	for _, l := range []string{"j", "q", "r", "s", "u", "v", "w", "z"} {
		if !used[l] {
			return l
		}
	}
	return ""
}

// reOtherIndex: "a(m+1) =", "a(k) =": a recurrence in another letter.
var reOtherIndex = regexp.MustCompile(`\ba\(([a-z])(?:\s*\+\s*\d+)?\)\s*=`)

// indexLetter is text with the letter a recurrence is written in ("a(m+1)
// = 2*Sum_{k=1..m} a(k)") renamed n, where the text uses no n.
func indexLetter(text string) string {
	m := reOtherIndex.FindStringSubmatch(text)
	if m == nil || m[1] == "n" || m[1] == "a" {
		return text
	}
	toks := lex(text)
	for _, t := range toks {
		if t.k == tIdent && t.s == "n" {
			return text
		}
	}
	var b strings.Builder
	at := 0
	for _, t := range toks {
		if t.k == tIdent && t.s == m[1] {
			b.WriteString(text[at:t.start] + "n")
			at = t.end
		}
	}
	return b.String() + text[at:]
}
