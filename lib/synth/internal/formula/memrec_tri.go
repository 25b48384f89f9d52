package formula

// Triangles read by rows whose entries are given by a recurrence:
// "T(0,0) = 1; T(n,k) = T(n-1,k) + 9 * T(n-2,k-1) for k = 0..floor(n/2);
// T(n,k)=0 for n or k < 0", "T(n,k) = T(n,k-1) + T(n-1,k-1) for k >= 2
// with T(n,1) = n". The table is a recurrence with history (memrec.go)
// over q = n*triW + k, row after row: each cell is the term the text pins
// there (T(0,0) = 1), else a boundary's (T(n,1) = n, T(n,n) = 1), else
// the recurrence's, and 0 outside the triangle. A reference outside the
// triangle is 0 where the text says so ("T(n,k) = 0 for n or k < 0"),
// else undefined (no reading). The kTri node around it lists the rows.

import (
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// triW is the words a row of the table takes in memory: rows of up to
// triW entries, and up to ir.MemWords/triW rows.
const triW = 64

// reTriRange: "for k = 0..floor(n/2)", "for k = 0,1,...,n" after the
// recurrence: where the columns start, and the last column.
var reTriRange = regexp.MustCompile(`^\s*,?\s*(?:for|with)\s+([a-z])\s*=\s*(\d+)\s*(?:\.\.|,\s*\d+\s*,\s*\.\.\.\s*,)\s*([^;.]+?)\s*(?:[;.]|$)`)

// triHeads are the definitions "T(X,Y) = V" of a text, in order.
type triDef struct {
	x, y, v  *node // over rv (and cv)
	at, end  int   // tokens: where the head starts, where V ends
	rowVar   bool  // X is rv
	zero     bool  // T(n,k) = 0 followed by a condition
	hasRefs  bool  // V reads the table
	rangeEnd int   // token index after V
}

// triRecurrences reads a triangle given by a recurrence.
func (c *collector) triRecurrences(text string, toks []token) {
	if !reTriangle.MatchString(text) || reArray.MatchString(text) || reNotTable.MatchString(text) || reMirror.MatchString(text) {
		return
	}
	var rv, cv string
	for i := range toks {
		if r, k, ok := tableHead(toks, i); ok && toks[i].s == "T" && isOp(toks[i+6], "=") {
			rv, cv = r, k
			break
		}
	}
	if rv == "" {
		return
	}
	consts := textConsts(text)
	var rec *triDef
	var defs []triDef
	zero := false
	ok := triDefinitions(toks, consts, rv, cv, func(i, end int, h [2]*node, v *node, heads int) bool {
		refs := has(v, kMemRef)
		isRow := h[0].k == kVar && h[0].name == rv
		isCell := isRow && h[1].k == kVar && h[1].name == cv
		switch {
		case isCell && v.isNum() && v.val == 0:
			zero = true // T(n,k) = 0 for n or k < 0
		case isCell && refs && heads == 1 && boundary(toks, end):
			if rec != nil {
				return false // two recurrences: cases we do not read
			}
			rec = &triDef{x: h[0], y: h[1], v: v, at: i, end: end}
		case !refs && defEnds(toks, end) && (h[0].isNum() && h[1].isNum() && v.isNum() ||
			isRow && !h[1].uses(cv) && !v.uses(cv)):
			defs = append(defs, triDef{x: h[0], y: h[1], v: v, rowVar: isRow})
		default:
			return false // a definition we cannot read: the table would be a guess
		}
		return true
	})
	if !ok || rec == nil {
		return
	}
	// where the columns start and end: the range after the recurrence, else
	// from the least column the text pins or bounds, rows from then on
	c0, r0 := int64(-1), int64(-1)
	last := vr("r_") // the last column of row r_
	var where *node  // where the text says the recurrence holds ("for k >= 2"), nil: everywhere
	m := reTriRange.FindStringSubmatch(text[toks[rec.end-1].end:])
	if m == nil {
		var ok bool
		if where, ok = triWhere(toks, rec.end, rv, cv, consts); !ok {
			return // a condition we cannot read
		}
	}
	if m != nil && m[1] != cv {
		return
	}
	if m != nil {
		v, err := strconv.ParseInt(m[2], 10, 32)
		lt := lex(m[3])
		b, end, ok := parseAtConsts(lt, 0, consts, rv)
		if err != nil || !ok || lt[end].k != tEnd {
			return
		}
		c0, last = v, rename(b, rv, "r_")
	}
	for _, d := range defs {
		if d.y.isNum() && (c0 < 0 || d.y.val < c0) && !strings.Contains(text[toks[rec.end-1].end:], "..") {
			c0 = d.y.val
		}
		if d.x.isNum() && (r0 < 0 || d.x.val < r0) {
			r0 = d.x.val
		}
	}
	if c0 < 0 {
		c0 = 0
	}
	if r0 < 0 {
		r0 = c0
	}
	if c0 > 1 || r0 > 1 {
		return
	}
	if c0+int64(triW) < 0 {
		return
	}
	// the cell at (r, c), each over r_ and c_
	r, col := vr("r_"), vr("c_")
	inTri := func(x, y *node) *node {
		return bin(kAnd, &node{k: kCmp, name: ">=", kids: []*node{x, num(r0)}},
			bin(kAnd, &node{k: kCmp, name: ">=", kids: []*node{y, num(c0)}},
				&node{k: kCmp, name: "<=", kids: []*node{y, substitute(last, "r_", x)}}))
	}
	ifThen := func(cond, a, b *node) *node { return bin(kAdd, bin(kAnd, cond, a), bin(kAnd, un(kCmp0, cond), b)) }
	var refErr bool
	var ref func(x *node) *node
	ref = func(x *node) *node { // T(e1, e2) -> the word of the table
		if x.k == kMemRef {
			if len(x.kids) != 2 {
				refErr = true
				return x
			}
			e1, e2 := ref(x.kids[0]), ref(x.kids[1])
			word := &node{k: kMemRef, name: "a", kids: []*node{bin(kAdd, bin(kMul, e1, num(triW)), e2)}}
			if zero {
				return bin(kAnd, inTri(e1, e2), word)
			}
			// undefined (no cell there): the reading is refused
			return ifThen(inTri(e1, e2), word, &node{k: kMemRef, name: "a", kids: []*node{num(-1)}})
		}
		y := *x
		y.kids = make([]*node, len(x.kids))
		for i, k := range x.kids {
			y.kids[i] = ref(k)
		}
		return &y
	}
	source := text[toks[rec.at].start:toks[rec.end-1].end]
	c.triCells(source, func() *node {
		cell := ref(rename(rename(rec.v, rv, "r_"), cv, "c_"))
		if refErr {
			return nil
		}
		if where != nil { // elsewhere undefined: a cell no definition covers refuses the reading
			cell = ifThen(rename(rename(where, rv, "r_"), cv, "c_"), cell, &node{k: kMemRef, name: "a", kids: []*node{num(-1)}})
		}
		for j := len(defs) - 1; j >= 0; j-- { // the first definition the text gives wins
			d := defs[j]
			x, y, v := rename(d.x, rv, "r_"), rename(d.y, rv, "r_"), rename(d.v, rv, "r_")
			var at *node
			if d.rowVar { // a boundary: column y(r) of every row
				at = &node{k: kCmp, name: "=", kids: []*node{col, y}}
			} else { // a pinned cell
				at = bin(kAnd, &node{k: kCmp, name: "=", kids: []*node{r, x}}, &node{k: kCmp, name: "=", kids: []*node{col, y}})
			}
			cell = ifThen(at, v, cell)
		}
		return &node{k: kMem, name: "T", vals: []int64{r0, c0}, kids: []*node{vr("n"), cell, last}}
	})
}

// triAdd adds table reading x if every entry up to scanN is defined and
// its program gives each.
func (c *collector) triAdd(source string, x *node) {
	v := evaluator{steps: memEvalSteps}
	var terms []int64
	for n := x.val; n <= scanN; n++ {
		r, err := v.eval(x, n)
		if err != nil {
			return
		}
		y := r.Num()
		if !r.IsInt() || !y.IsInt64() || y.Int64() != int64(int32(y.Int64())) {
			break
		}
		terms = append(terms, y.Int64())
	}
	if len(terms) < 2*minAgreed {
		return
	}
	before := len(c.out)
	c.add(source, x)
	if len(c.out) > before && !memAgrees(c.out[len(c.out)-1].Ops, x.val, terms) {
		c.out = c.out[:before]
	}
}

// triAt is entry n of table x (kMem named "T"): the cells in the order
// the rows list them, from row r0, columns c0..last(r), each computed from
// the cells before it (t.cells, by word r*triW + c).
func (v *evaluator) triAt(x *node, n int64) *big.Rat {
	j := n - x.val
	if j < 0 {
		undefined()
	}
	if v.mems == nil {
		v.mems = map[*node]*memTable{}
	}
	t := v.mems[x]
	if t == nil {
		t = &memTable{out: -1, cells: map[int64]*big.Rat{}, r: x.vals[0], c: x.vals[1]}
		v.mems[x] = t
	}
	savedEnv, savedMem := v.env, v.mem
	defer func() { v.env, v.mem = savedEnv, savedMem }()
	for int64(len(t.terms)) <= j && t.out < 0 {
		if t.failed {
			undefined()
		}
		v.env = map[string]*big.Rat{"r_": ratInt(t.r)}
		last := small(v.ev(x.kids[2]), 1<<20)
		if last < x.vals[1] || last >= triW || t.r >= ir.MemWords/triW {
			t.failed = true // a row with no entries, or one the memory cannot hold
			undefined()
		}
		if t.c > last {
			t.r, t.c = t.r+1, x.vals[1]
			continue
		}
		v.env = map[string]*big.Rat{"r_": ratInt(t.r), "c_": ratInt(t.c)}
		v.mem = t
		y := v.memTerm(x.kids[1], t)
		if !y.IsInt() {
			t.failed = true
			undefined()
		}
		t.cells[t.r*triW+t.c] = y
		t.terms = append(t.terms, y)
		if y.Num().BitLen() > 31 || y.Cmp(ratInt(1<<31-1)) > 0 || y.Cmp(ratInt(-1<<31)) < 0 {
			t.out = x.val + int64(len(t.terms)) - 1
		}
		t.c++
	}
	if t.out >= 0 && n >= t.out {
		return t.terms[t.out-x.val]
	}
	return t.terms[j]
}

// triMem pushes entry n of table x: the walk to its row R and column
// c0 + j, then rows r0..R filled in memory, and the cell read back.
func (e *emitter) triMem(x *node) {
	r0, c0 := x.vals[0], x.vals[1]
	j, rowR, rr, cc := e.alloc(), e.alloc(), e.alloc(), e.alloc()
	e.lower(x.kids[0])
	e.konst(x.val)
	e.emit(ir.OpI32Sub)
	e.set(j)
	e.konst(r0)
	e.set(rowR)
	saved := map[string]int{}
	for k, v := range e.env {
		saved[k] = v
	}
	length := func(r int) { // last(r) - c0 + 1
		e.env["r_"] = r
		e.lower(x.kids[2])
		e.konst(c0 - 1)
		e.emit(ir.OpI32Sub)
	}
	e.while(func() { e.get(j); length(rowR); e.emit(ir.OpI32GeS) }, func() {
		e.get(j)
		length(rowR)
		e.emit(ir.OpI32Sub)
		e.set(j)
		e.inc(rowR, 1)
	})
	e.konst(r0)
	e.set(rr)
	e.while(func() { e.get(rr); e.get(rowR); e.emit(ir.OpI32LeS) }, func() {
		e.konst(c0)
		e.set(cc)
		e.while(func() { e.get(cc); e.env["r_"] = rr; e.lower(x.kids[2]); e.emit(ir.OpI32LeS) }, func() {
			e.env["r_"], e.env["c_"] = rr, cc
			e.store(func() { e.get(rr); e.konst(triW); e.emit(ir.OpI32Mul); e.get(cc); e.emit(ir.OpI32Add) },
				func() { e.lower(x.kids[1]) })
			e.inc(cc, 1)
		})
		e.inc(rr, 1)
	})
	e.env = saved
	e.load(func() {
		e.get(rowR)
		e.konst(triW)
		e.emit(ir.OpI32Mul)
		e.get(j)
		e.emit(ir.OpI32Add)
		e.konst(c0)
		e.emit(ir.OpI32Add)
	})
}

// defEnds reports whether a pinned cell's or a boundary's value may end
// before toks[i]: at the end, at punctuation or "and", "with", "for"
// and then no condition ("T(n,0) = 1 if n is even" is a case).
func defEnds(toks []token, i int) bool {
	t := toks[i]
	switch {
	case t.k == tEnd:
		return true
	case t.k == tOp && (t.s == "," || t.s == ";" || t.s == "."):
	case t.k == tIdent && (t.s == "and" || t.s == "with"):
	default:
		return false
	}
	next := toks[i+1]
	return !(next.k == tIdent && conditional[strings.ToLower(next.s)])
}

// triWhere reads the condition after a recurrence, "for k >= 2", "for 0 <
// k < n", "(1 <= k <= n-1)": a chain of comparisons of expressions in the
// row and column variables, up to punctuation, "with" or "and". None
// there: nil, true; one it cannot read: false.
func triWhere(toks []token, i int, rv, cv string, consts map[string]int64) (*node, bool) {
	paren := isOp(toks[i], "(")
	switch {
	case toks[i].k == tIdent && toks[i].s == "for" || paren:
		i++
	case isOp(toks[i], ",") && toks[i+1].k == tIdent && toks[i+1].s == "for":
		i += 2
	default:
		if toks[i].k == tIdent && conditional[strings.ToLower(toks[i].s)] {
			return nil, false
		}
		return nil, true
	}
	x, end, ok := parseAtConsts(toks, i, consts, rv, cv)
	if !ok {
		return nil, false
	}
	var cond *node
	for {
		t := toks[end]
		if !(isOp(t, "<") || isOp(t, "<=") || isOp(t, ">") || isOp(t, ">=")) {
			break
		}
		y, e2, ok := parseAtConsts(toks, end+1, consts, rv, cv)
		if !ok {
			return nil, false
		}
		c := &node{k: kCmp, name: t.s, kids: []*node{x, y}}
		if cond == nil {
			cond = c
		} else {
			cond = bin(kAnd, cond, c)
		}
		x, end = y, e2
	}
	if paren {
		if !isOp(toks[end], ")") {
			return nil, false
		}
		end++
	}
	if cond == nil || !defEnds(toks, end) && !(toks[end].k == tIdent && toks[end].s == "for") {
		return nil, false
	}
	return cond, true
}

// triHeads reads the chain of heads T(X,Y) = T(X',Y') = ... = at toks[i]
// (over row letter rv and column letter cv); j is where the value after
// the last "=" starts. No heads: a reference to T, not a definition.
func triHeads(toks []token, i int, consts map[string]int64, rv, cv string) (heads [][2]*node, j int) {
	j = i
	for toks[j].k == tIdent && toks[j].s == "T" && isOp(toks[j+1], "(") {
		x, e1, ok1 := parseAtConsts(toks, j+2, consts, rv, cv)
		if !ok1 || !isOp(toks[e1], ",") {
			break
		}
		y, e2, ok2 := parseAtConsts(toks, e1+1, consts, rv, cv)
		if !ok2 || !isOp(toks[e2], ")") || !isOp(toks[e2+1], "=") {
			break
		}
		heads = append(heads, [2]*node{x, y})
		j = e2 + 2
	}
	return heads, j
}

// triDefinitions calls each for every head of every definition "T(X,Y) =
// ... = V" in toks (i the first head's token, end V's end, heads the
// chain's length), in order; false if a value does not parse or each
// returns false, where it stops.
func triDefinitions(toks []token, consts map[string]int64, rv, cv string, each func(i, end int, h [2]*node, v *node, heads int) bool) bool {
	for i := 0; i+6 < len(toks); i++ {
		if !(toks[i].k == tIdent && toks[i].s == "T" && isOp(toks[i+1], "(")) {
			continue
		}
		heads, j := triHeads(toks, i, consts, rv, cv)
		if len(heads) == 0 {
			continue // a reference, not a definition
		}
		p := &parser{toks: toks, pos: j, vars: []string{rv, cv}, consts: consts, mem: "T"}
		v, end, ok := parseWith(p)
		if !ok {
			return false
		}
		for _, h := range heads {
			if !each(i, end, h, v, len(heads)) {
				return false
			}
		}
		i = end - 1
	}
	return true
}
