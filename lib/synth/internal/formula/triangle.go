package formula

// Triangles read by rows and square arrays read by antidiagonals: "Triangle
// read by rows: T(n,k) = binomial(n,k)*2^k, 0 <= k <= n." The sequence
// lists T row after row (or antidiagonal after antidiagonal); the program
// maps the sequence index to (row, column) with a loop and evaluates T
// there. Where the text does not say where rows, columns or the sequence
// start, each usual convention is a reading of its own; the examples pick.

import (
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// The layout of a kTri node, in its vals.
const (
	triRow  = iota // the first row's index (R)
	triCol         // the first column's index (K)
	triLen         // entries in the first row (triangles; arrays: 1)
	triWalk        // how a row of the listing runs: walkRows, walkUp, walkDown
	triVals
)

// walks: a triangle's row, left to right; an antidiagonal from its
// bottom-left (the row index falls: "ascending", "upwards") or from its
// top-right (the row index rises: "descending", "downwards").
const (
	walkRows = iota
	walkUp
	walkDown
)

var (
	// a triangle, or an array read by antidiagonals
	reTriangle = regexp.MustCompile(`(?i)\btriang|\bread by rows\b`)
	reArray    = regexp.MustCompile(`(?i)\bantidiagonals\b`)
	// texts whose sequence is not the table itself, or whose rows are not 1, 2, 3, ... long
	reNotTable = regexp.MustCompile(`(?i)\bsums?\b[^_(]|sums?$|\bcolumns?\b|\bdiagonal of\b|\bcentral\b|\bdifferences\b|\bmatri(x|ces)\b|\binverse\b|\bmod 2\b|\btranspose`)
	// reNotTable less "mod 2", which tables reads inside the formula only
	// ("T(n,k) = binomial(n,k) mod 2", not "Pascal's triangle mod 2")
	reNotTableText = regexp.MustCompile(`(?i)\bsums?\b[^_(]|sums?$|\bcolumns?\b|\bdiagonal of\b|\bcentral\b|\bdifferences\b|\bmatri(x|ces)\b|\binverse\b|\btranspose`)
	reMod2         = regexp.MustCompile(`(?i)\bmod 2\b`)
	// rows of other lengths (triangle_rows.go reads the ranges that say which)
	reIrregular = regexp.MustCompile(`(?i)irregular`)
	// "rows reversed", "read by rows from right to left", "mirror image"
	reMirror = regexp.MustCompile(`(?i)\b(?:rows? (?:are |in )?reversed|reversed rows|(?:rows? )?in reverse(?:d)? order|(?:read )?from right to left|mirror(?:ed)?(?: image)?)\b`)
	reUp     = regexp.MustCompile(`(?i)\b(ascending|upwards?)\b`)
	reDown   = regexp.MustCompile(`(?i)\b(descending|downwards?)\b`)
	// "Triangle whose (i,j)-th entry is binomial(i,j)*2^(i-j)."
	reEntry = regexp.MustCompile(`\(([a-z]),\s*([a-z])\)-th (?:entry|term|element) is `)
)

// triStart: where a table's rows and columns start, as the text states
// them (-1: not stated).
type triStart struct {
	row, col int64
	end      int64 // columns run to row+end (0: k <= n, -1: k < n); triangles only
	walk     int   // arrays: walkUp or walkDown, -1 not stated
	mirror   bool  // triangles: each row listed from its last column to its first
}

// tables reads "T(n,k) = ..." (also A, a, t; and "is" for "=") in a text
// that says it is a triangle read by rows or an array read by
// antidiagonals.
func (c *collector) tables(text string, toks []token) {
	tri, arr := reTriangle.MatchString(text), reArray.MatchString(text)
	if tri == arr || reNotTableText.MatchString(text) {
		return // neither, both (antidiagonal sums of a triangle), or not the table itself
	}
	found := tableDefs(text, toks, tri)
	defs := len(found)
	if defs != 1 || pinned(toks) {
		return // none, or one per case (T(n,k) = ... for k < n, T(n,k) = 0 otherwise)
	}
	d := found[0]
	consts := textConsts(text)
	mod2 := reMod2.MatchString(text) // read only inside the formula (try)
	if tri && !mod2 && c.irregular(text, toks, d, consts) || reIrregular.MatchString(text) {
		return
	}
	st, ok := tableStart(text, d.rv, d.cv, arr)
	if !ok {
		return
	}
	st.mirror = tri && reMirror.MatchString(text)
	if body, end, ok := xcoefAt(toks, d.at, consts, d.rv, d.cv); ok && !mod2 {
		// "T(n,k) = coefficient of [x^(n-k)] in (x+n)^n" (triangle_xcoef.go)
		cells := triCells(scanN+20, func(r int64) int64 { return r + 1 })
		if arr { // antidiagonals up to the 15th, in no particular order
			cells = [][2]int64{{0, -1}}
			for d := int64(0); d < 15; d++ {
				for i := int64(0); i <= d; i++ {
					cells = append(cells, [2]int64{d - i + max(st.row, 0), i + max(st.col, 0)})
				}
			}
		}
		if boundary(toks, end) && binomialsFit(body, cells) {
			for _, y := range tableReadings(st, arr, body) {
				c.add(text[toks[d.at].start:toks[end-1].end], y)
			}
		}
		return
	}
	try := func(start int) int {
		x, end, ok := tableFormula(toks, start, consts, d.rv, d.cv)
		if !ok || !x.uses(d.rv) && !x.uses(d.cv) || !mod2Within(text, toks[start].start, toks[end-1].end) {
			return -1
		}
		body := rename(rename(x, d.rv, "r_"), d.cv, "c_")
		for _, y := range tableReadings(st, arr, body) {
			c.add(text[toks[start].start:toks[end-1].end], y)
		}
		return end
	}
	for end := try(d.at); end > 0 && isOp(toks[end], "="); {
		end = try(end + 1)
	}
}

// tableReadings: the kTri nodes for each convention the text leaves open.
func tableReadings(st triStart, arr bool, body *node) []*node {
	var out []*node
	mk := func(r, k, l0 int64, walk int) {
		for _, base := range []int64{0, 1} {
			out = append(out, &node{k: kTri, val: base, vals: []int64{r, k, l0, int64(walk)},
				kids: []*node{vr("n"), body}})
		}
	}
	if arr {
		walks := []int{walkUp, walkDown}
		if st.walk >= 0 {
			walks = []int{st.walk}
		}
		for _, w := range walks {
			switch {
			case st.row >= 0 && st.col >= 0:
				mk(st.row, st.col, 1, w)
			case st.row >= 0:
				mk(st.row, 0, 1, w)
				mk(st.row, 1, 1, w)
			case st.col >= 0:
				mk(0, st.col, 1, w)
				mk(1, st.col, 1, w)
			default:
				mk(0, 0, 1, w)
				mk(1, 1, 1, w)
			}
		}
		return out
	}
	cols := []int64{0, 1}
	if st.col >= 0 {
		cols = []int64{st.col}
	}
	for _, k := range cols {
		r := k - st.end // the first row with an entry: k <= r + end
		if st.row > r {
			r = st.row
		}
		l0 := r + st.end - k + 1
		if l0 < 1 || l0 > 3 {
			continue
		}
		if st.mirror { // the j-th listed entry of row r is column r + end - j
			b := body
			body = substitute(body, "c_", bin(kSub, bin(kAdd, vr("r_"), num(st.end+k)), vr("c_")))
			mk(r, k, l0, walkRows)
			body = b
			continue
		}
		mk(r, k, l0, walkRows)
	}
	return out
}

// tableDef is one "T(n,k) = ..." of a text: its row and column
// variables and the token its formula starts at; head is the token of
// its "T".
type tableDef struct {
	rv, cv   string
	head, at int
}

// tableDefs finds every "T(n,k) =" (also A, a, t; "is" for "="; a range
// in parentheses between: "T(n,k) (n >= 0, 0 <= k <= n) = ...") and, in a
// triangle, "whose (i,j)-th entry is".
func tableDefs(text string, toks []token, tri bool) []tableDef {
	var found []tableDef
	for i := 0; i+7 < len(toks); i++ {
		rv, cv, ok := tableHead(toks, i)
		if !ok {
			continue
		}
		at := i + 6
		if isOp(toks[at], "(") { // T(n,k) (n >= 0, 0 <= k <= n) = ...
			for depth := 0; toks[at].k != tEnd; at++ {
				if isOp(toks[at], "(") {
					depth++
				} else if isOp(toks[at], ")") {
					if depth--; depth == 0 {
						at++
						break
					}
				}
			}
		}
		if !isOp(toks[at], "=") && !(toks[at].k == tIdent && toks[at].s == "is") {
			continue
		}
		found = append(found, tableDef{rv, cv, i, at + 1})
	}
	if m := reEntry.FindStringSubmatchIndex(text); m != nil && tri {
		for i, t := range toks {
			if t.start >= m[1] {
				found = append(found, tableDef{text[m[2]:m[3]], text[m[4]:m[5]], i, i})
				break
			}
		}
	}
	return found
}

// pinned reports whether the text gives a table's value at particular
// cells, "T(n,n) = 1", "T(n,0) = n": a case that a formula for T(n,k)
// does not cover.
func pinned(toks []token) bool {
	for i := 0; i+1 < len(toks); i++ {
		t := toks[i]
		if t.k != tIdent || !tableName(t.s) || !isOp(toks[i+1], "(") {
			continue
		}
		depth, commas, j := 0, 0, i+1
		for ; toks[j].k != tEnd; j++ {
			if isOp(toks[j], "(") {
				depth++
			} else if isOp(toks[j], ")") {
				if depth--; depth == 0 {
					break
				}
			} else if isOp(toks[j], ",") && depth == 1 {
				commas++
			}
		}
		if toks[j].k != tEnd && commas == 1 && isOp(toks[j+1], "=") {
			if _, _, ok := tableHead(toks, i); !ok {
				return true
			}
		}
	}
	return false
}

// tableHead reads "T(n,k)" at toks[i] (also a, t and other capitals,
// tableName): two distinct one-letter variables.
func tableHead(toks []token, i int) (rv, cv string, ok bool) {
	if i+7 > len(toks) { // callers look at the token after it
		return "", "", false
	}
	t := toks[i]
	if t.k != tIdent || !tableName(t.s) || !isOp(toks[i+1], "(") ||
		toks[i+2].k != tIdent || len(toks[i+2].s) != 1 || !isOp(toks[i+3], ",") ||
		toks[i+4].k != tIdent || len(toks[i+4].s) != 1 || !isOp(toks[i+5], ")") ||
		toks[i+2].s == toks[i+4].s {
		return "", "", false
	}
	return toks[i+2].s, toks[i+4].s, true
}

// tableStart reads where rows and columns start from the text's range
// statements over row variable rv and column variable cv ("0 <= k <= n",
// "n >= 1", "k = 1..n", "n, k > 0"). A comparison of either variable
// that is none of these (a case: "for k < n") makes the text unreadable.
func tableStart(text, rv, cv string, arr bool) (triStart, bool) {
	st := triStart{row: -1, col: -1, walk: -1}
	s := strings.NewReplacer("≤", "<=", "≥", ">=", "=<", "<=", "=>", ">=").Replace(text)
	q := func(v string) string { return regexp.QuoteMeta(v) }
	R, K := q(rv), q(cv)
	set := func(p *int64, v int64) bool {
		if *p >= 0 && *p != v {
			return false
		}
		*p = v
		return true
	}
	lower := func(op, v string) int64 { // "x >= v" or "x > v": the least x
		n, _ := strconv.ParseInt(v, 10, 32)
		if op == ">" || op == "<" {
			n++
		}
		return n
	}
	ends := false
	type rule struct {
		re *regexp.Regexp
		do func(m []string) bool
	}
	rules := []rule{
		// 0 <= k <= n, 1 <= k < n - 1
		{regexp.MustCompile(`\b(\d+)\s*(<=|<)\s*` + K + `\s*(<=|<)\s*` + R + `\b(\s*-\s*\d+)?`), func(m []string) bool {
			ends = true
			return set(&st.col, lower(m[2], m[1])) && setEnd(&st, m[3], m[4])
		}},
		// n >= k >= 0
		{regexp.MustCompile(`\b` + R + `\s*(>=|>)\s*` + K + `\s*(>=|>)\s*(\d+)\b`), func(m []string) bool {
			ends = true
			return set(&st.col, lower(m[2], m[3])) && setEnd(&st, map[string]string{">=": "<=", ">": "<"}[m[1]], "")
		}},
		// k = 0..n, k=1..n-1
		{regexp.MustCompile(`\b` + K + `\s*=\s*(\d+)\s*\.\.\s*` + R + `\b(\s*-\s*\d+)?`), func(m []string) bool {
			ends = true
			return set(&st.col, lower(">=", m[1])) && setEnd(&st, "<=", m[2])
		}},
		// k = 1, 2, ..., n
		{regexp.MustCompile(`\b` + K + `\s*=\s*(\d+)\s*,\s*\d+\s*,\s*\.\.\.\s*,\s*` + R + `\b`), func(m []string) bool {
			ends = true
			return set(&st.col, lower(">=", m[1])) && setEnd(&st, "<=", "")
		}},
		// n, k >= 0 (and k, n > 0; not the end of a formula: "n+k, n >= 1")
		{regexp.MustCompile(`(?:^|[^\w+\-*/^)\s]\s*|\d\s+)(?:` + R + `\s*,\s*` + K + `|` + K + `\s*,\s*` + R + `)\s*(>=|>)\s*(\d+)\b`), func(m []string) bool {
			v := lower(m[1], m[2])
			return set(&st.row, v) && set(&st.col, v)
		}},
		// k < n, k <= n (where the columns start is left open)
		{regexp.MustCompile(`\b` + K + `\s*(<=|<)\s*` + R + `\b(\s*-\s*\d+)?`), func(m []string) bool {
			ends = true
			return setEnd(&st, m[1], m[2])
		}},
		// n >= 1, k >= 0
		{regexp.MustCompile(`\b` + R + `\s*(>=|>)\s*(\d+)\b`), func(m []string) bool { return set(&st.row, lower(m[1], m[2])) }},
		{regexp.MustCompile(`\b` + K + `\s*(>=|>)\s*(\d+)\b`), func(m []string) bool { return set(&st.col, lower(m[1], m[2])) }},
	}
	for _, r := range rules {
		for {
			loc := r.re.FindStringSubmatchIndex(s)
			if loc == nil {
				break
			}
			if rest := strings.TrimLeft(s[loc[1]:], " "); rest != "" && strings.IndexByte("*/^+-(", rest[0]) >= 0 && !strings.HasPrefix(rest, "-th") {
				return st, false // "0 <= k <= 2*n": not a plain range
			}
			m := make([]string, len(loc)/2)
			for i := range m {
				if loc[2*i] >= 0 {
					m[i] = s[loc[2*i]:loc[2*i+1]]
				}
			}
			if !r.do(m) {
				return st, false
			}
			s = s[:loc[0]] + " ~ " + s[loc[1]:]
		}
	}
	// anything else comparing the variables, or ranging over them, is a case we do not read
	other := regexp.MustCompile(`\b(?:` + R + `|` + K + `)\s*(?:<|>|<=|>=|!=|<>|=\s*[^=]*\.\.)|(?:<|>)\s*(?:` + R + `|` + K + `)\b|\b(?:` + R + `|` + K + `)\s*=\s*\d+\b`)
	if other.MatchString(s) {
		return st, false
	}
	if arr {
		if ends {
			return st, false // a triangle's range in an array
		}
		up, down := reUp.MatchString(text), reDown.MatchString(text)
		switch {
		case up && !down:
			st.walk = walkUp
		case down && !up:
			st.walk = walkDown
		}
	}
	return st, true
}

// setEnd records where a triangle's columns end: op "<=" at the row
// index, "<" one before, less a constant where the text subtracts one.
func setEnd(st *triStart, op, minus string) bool {
	e := int64(0)
	if op == "<" {
		e = -1
	}
	if minus != "" {
		v, err := strconv.ParseInt(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(minus), "-")), 10, 32)
		if err != nil {
			return false
		}
		e -= v
	}
	if st.end != 0 && st.end != e {
		return false
	}
	st.end = e
	return true
}

// maxRows bounds the rows a table with rows of any length walks past
// (rows of no entries cost a step each).
const maxRows = 1 << 12

// triPos is the (row, column) of the idx-th entry (from 0) of table x.
func (v *evaluator) triPos(x *node, idx int64) (row, col int64) {
	r, k, l0, walk := x.vals[triRow], x.vals[triCol], x.vals[triLen], int(x.vals[triWalk])
	tick := v.tick
	if len(x.kids) > 2 { // row r has max(0, len(r)) entries
		saved := v.env
		defer func() { v.env = saved }()
		env := map[string]*big.Rat{}
		for name, val := range saved {
			env[name] = val
		}
		v.env = env
		for j := idx; ; r++ {
			if r-x.vals[triRow] > maxRows {
				undefined()
			}
			tick(1)
			env["r_"] = ratInt(r)
			l := max(0, small(v.ev(x.kids[2]), 1<<40))
			if j < l {
				return r, k + j
			}
			j -= l
		}
	}
	j, l := idx, l0
	for j >= l {
		tick(1)
		j -= l
		l++
	}
	d := l - l0 // the row (or antidiagonal) counted from 0
	switch walk {
	case walkUp:
		return r + d - j, k + j
	case walkDown:
		return r + j, k + d - j
	}
	return r + d, k + j
}

// tri pushes entry idx of table x: j = idx - first, l = the first row's
// length; while j >= l: j -= l, l++. Then the row and column go to two
// locals (j's and l's) and the body is lowered over them.
func (e *emitter) tri(x *node) {
	r, k, l0, walk := x.vals[triRow], x.vals[triCol], x.vals[triLen], int(x.vals[triWalk])
	j, l := e.alloc(), e.alloc()
	e.lower(x.kids[0])
	if x.val != 0 {
		e.konst(x.val)
		e.emit(ir.OpI32Sub)
	}
	e.set(j)
	if len(x.kids) > 2 {
		e.triRows(x, j, l)
		return
	}
	e.konst(l0)
	e.set(l)
	e.while(func() { e.get(j); e.get(l); e.emit(ir.OpI32GeS) }, func() {
		e.get(j)
		e.get(l)
		e.emit(ir.OpI32Sub)
		e.set(j)
		e.inc(l, 1)
	})
	// d = l - l0; row and column by the walk, into (row, col) homes
	row, col := l, j
	switch walk {
	case walkRows: // row = r + d, col = k + j
		e.inc(l, r-l0)
		e.inc(j, k)
	case walkUp: // row = r + d - j, col = k + j
		e.get(l)
		e.get(j)
		e.emit(ir.OpI32Sub)
		e.konst(r - l0)
		e.emit(ir.OpI32Add)
		e.set(l)
		e.inc(j, k)
	case walkDown: // row = r + j, col = k + d - j
		e.get(l)
		e.get(j)
		e.emit(ir.OpI32Sub)
		e.konst(k - l0)
		e.emit(ir.OpI32Add)
		e.set(l)
		e.inc(j, r)
		row, col = j, l
	}
	saved := map[string]int{}
	for name, h := range e.env {
		saved[name] = h
	}
	e.env["r_"], e.env["c_"] = row, col
	e.lower(x.kids[1])
	e.env = saved
}

// triRows lowers a table whose row r has max(0, len(r)) entries: with
// row l = r0 and j the index, while j >= t = max(0, len(l)): j -= t,
// l++. Then the column is k0 + j.
func (e *emitter) triRows(x *node, j, l int) {
	e.konst(x.vals[triRow])
	e.set(l)
	t := e.alloc()
	saved := map[string]int{}
	for name, h := range e.env {
		saved[name] = h
	}
	e.env["r_"] = l
	e.while(func() {
		e.lower(x.kids[2])
		e.set(t)
		e.get(t)
		e.emit(ir.OpConst0, ir.OpI32LtS, ir.OpIfBegin, ir.OpConst0)
		e.set(t)
		e.emit(ir.OpIfEnd)
		e.get(j)
		e.get(t)
		e.emit(ir.OpI32GeS)
	}, func() {
		e.get(j)
		e.get(t)
		e.emit(ir.OpI32Sub)
		e.set(j)
		e.inc(l, 1)
	})
	e.next = t // t is free again
	e.inc(j, x.vals[triCol])
	e.env["c_"] = j
	e.lower(x.kids[1])
	e.env = saved
}
