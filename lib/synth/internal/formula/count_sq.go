package formula

// Representations by a sum of one-letter quadratics: "Number of integer
// solutions to n^2 = x^2 + y^2 with x>0, y>=0.", "Number of solutions to
// a^2 + b^2 + 5*c^2 = n.", "Number of nonnegative integer solutions to
// the equation a^2 + 7*b^2 = n.", "Number of ways to write n as x^2 +
// 2*y^2 + z*(z+1)/2, where x is a nonnegative integer, and y and z are
// positive integers.", "Number of solutions to 24*n+1 = x^2+24*y^2, x a
// positive integer, y an integer." One side is N(n), the other a sum of
// terms f_i(v_i), one per letter, each A*v^2 + B*v + C with A > 0 that
// never decreases away from 0 on either side of it (A + B >= 0 and
// 3A - B >= 0), so the letters' values with f_i(v) <= N are found by
// walking out from 0 until f_i passes N. The program (sqReps.lower)
// keeps in memory how many values of the letters so far give each sum s
// <= N: the first letter scattered (each value one add), each middle one
// a gather over its values at every s from N down (in place), the last
// one gathered at N alone. Its fuel grows like N^1.5 per middle letter, so
// three letters or more are offered where N stays small (n, 24n+1), two
// also where N = n^2.

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

var (
	// "Number of integer solutions to n^2 = x^2 + y^2 with x>0, y>=0."
	reSqSolutions = regexp.MustCompile(`^(?:Total )?[Nn]umber of (?:the )?(?:(integer|integral|nonnegative(?: integer)?|positive(?: integer)?|non-negative(?: integer)?) )?solutions(?: \(([a-z](?:\s*,\s*[a-z])+)\))?(?: in (integers|nonnegative integers|positive integers))? (?:to|of) (?:the equation )?([^,;]+?)(?:\s*(?:,|with|where|, where|, with)\s+(.+?))?\s*\.?\s*$`)
	// "Number of ways to write n as x^2 + 2*y^2 + z*(z+1)/2, where ..."
	reSqWays = regexp.MustCompile(`^(?:Total )?[Nn]umber of (?:(?:ordered )?ways to write|representations of) (n|\S+) as ([^,;]+?)(?:\s*(?:,|with|where|, where|, with)\s+(.+?))?\s*\.?\s*$`)
	// "x is a nonnegative integer", "y and z are positive integers", "x a positive integer"
	reSqKind = regexp.MustCompile(`^([a-z](?:(?:\s*,\s*|\s*,?\s*and\s+)[a-z])*)\s+(?:is |are )?(?:an? )?(positive|nonnegative|non-negative|negative|nonpositive)?\s*integers?$`)
)

// sqLetter is one letter's range: lo..hi, nil for no bound.
type sqLetter struct {
	lo, hi *int64
}

// countSquares reads s as a count of representations; it reports whether
// s had that shape.
func (c *collector) countSquares(s string) bool {
	var kind, eqn, clauses string
	var named []string
	if m := reSqSolutions.FindStringSubmatch(s); m != nil {
		kind, eqn, clauses = m[1]+m[3], m[4], m[5]
		if m[2] != "" {
			named = letters(m[2])
		}
	} else if m := reSqWays.FindStringSubmatch(s); m != nil {
		eqn, clauses = m[1]+" = "+m[2], m[3]
	} else {
		return false
	}
	sides := strings.Split(eqn, "=")
	if len(sides) != 2 {
		return true
	}
	vars := eqnLetters(eqn)
	if len(vars) < 2 || len(vars) > 12 {
		return true
	}
	if named != nil && strings.Join(named, ",") != strings.Join(vars, ",") {
		if !sameSet(named, vars) {
			return true
		}
	}
	all := append([]string{"n"}, vars...)
	lhs, ok1 := parseWhole(sides[0], all)
	rhs, ok2 := parseWhole(sides[1], all)
	if !ok1 || !ok2 {
		return true
	}
	N, F := lhs, rhs
	if usesAny(N, vars) {
		N, F = rhs, lhs
	}
	if usesAny(N, vars) || F.uses("n") || !N.uses("n") {
		return true
	}
	// each letter's range: the kind before "solutions", then the clauses
	base := sqLetter{}
	zero, one := int64(0), int64(1)
	switch strings.TrimPrefix(strings.ReplaceAll(kind, "non-negative", "nonnegative"), " ") {
	case "integer", "integral", "integers":
	case "nonnegative", "nonnegative integer", "nonnegative integers":
		base.lo = &zero
	case "positive", "positive integer", "positive integers":
		base.lo = &one
	case "":
		if clauses == "" && reSqWays.MatchString(s) {
			// "ways to write n as x^2 + 2*y^2": integers or nonnegative
			// ones, the text leaves open; both where the examples tell
			// them apart
			c.sqEither(s, N, F, vars)
			return true
		}
	default:
		return true
	}
	clauses = strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(clauses), "where "), "with ")
	ranges := map[string]sqLetter{}
	for _, v := range vars {
		ranges[v] = base
	}
	if clauses != "" && !readSqClauses(clauses, ranges) {
		c.note("count", "clauses "+clauses)
		return true
	}
	terms, cst, ok := splitTerms(F, vars)
	if !ok {
		c.note("count", "not a sum of one-letter terms")
		return true
	}
	r := sqReps{N: sub(N, num(cst))}
	for _, v := range vars {
		t, ok := quadTerm(terms[v], v, ranges[v])
		if !ok {
			c.note("count", "term in "+v)
			return true
		}
		r.terms = append(r.terms, t)
	}
	c.checkCount(s, r.String(), r.exact, r.brute, r.lower)
	return true
}

// sqEither offers N = F over all integers and over the nonnegative ones
// where the two counts differ at some n in 1..lastSeen, else neither.
func (c *collector) sqEither(s string, N, F *node, vars []string) {
	zero := int64(0)
	var rs []sqReps
	for _, lo := range []*int64{nil, &zero} {
		terms, cst, ok := splitTerms(F, vars)
		if !ok {
			return
		}
		r := sqReps{N: sub(N, num(cst))}
		for _, v := range vars {
			t, ok := quadTerm(terms[v], v, sqLetter{lo: lo})
			if !ok {
				return
			}
			r.terms = append(r.terms, t)
		}
		rs = append(rs, r)
	}
	apart := false
	for n := int64(1); n <= lastSeen; n++ {
		a, ok1 := rs[0].exact(n)
		b, ok2 := rs[1].exact(n)
		if !ok1 || !ok2 {
			return
		}
		apart = apart || a != b
	}
	if !apart {
		c.note("count", "integer and nonnegative readings agree on the examples")
		return
	}
	for _, r := range rs {
		c.checkCount(s, r.String(), r.exact, r.brute, r.lower)
	}
}

// eqnLetters are the one-letter names (and x1, x2, ...) in eqn but n, in
// order of first use.
func eqnLetters(eqn string) []string {
	var out []string
	seen := map[string]bool{"n": true}
	for _, t := range lex(eqn) {
		if t.k != tIdent || seen[t.s] {
			continue
		}
		if len(t.s) == 1 || len(t.s) <= 3 && t.s[0] >= 'a' && t.s[0] <= 'z' && t.s[1] >= '0' && t.s[1] <= '9' {
			seen[t.s] = true
			out = append(out, t.s)
		}
	}
	return out
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := append([]string{}, a...), append([]string{}, b...)
	sort.Strings(x)
	sort.Strings(y)
	return strings.Join(x, ",") == strings.Join(y, ",")
}

func usesAny(x *node, vars []string) bool {
	for _, v := range vars {
		if x.uses(v) {
			return true
		}
	}
	return false
}

// parseWhole parses all of s over vars.
func parseWhole(s string, vars []string) (*node, bool) {
	toks := lex(strings.TrimSpace(s))
	x, end, ok := parseAt(toks, 0, vars...)
	if !ok || toks[end].k != tEnd {
		return nil, false
	}
	return x, true
}

// readSqClauses narrows the letters' ranges by "x>0, y>=0", "x a positive
// integer, y an integer", "x is a nonnegative integer, and y and z are
// positive integers"; false for any clause it does not read.
func readSqClauses(s string, ranges map[string]sqLetter) bool {
	zero, one := int64(0), int64(1)
	var parts []string
	for _, part := range splitTop(s, []string{", and ", "; ", ", "}) {
		part = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(part), "and "))
		if reSqKind.MatchString(part) {
			parts = append(parts, part)
			continue
		}
		parts = append(parts, splitTop(part, []string{" and "})...)
	}
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if part == "" {
			return false
		}
		if m := reSqKind.FindStringSubmatch(part); m != nil {
			for _, v := range letters(strings.ReplaceAll(m[1], "and", ",")) {
				if v == "" {
					continue
				}
				if _, ok := ranges[v]; !ok {
					return false
				}
				var r sqLetter
				switch m[2] {
				case "":
				case "positive":
					r = sqLetter{lo: &one}
				case "nonnegative", "non-negative":
					r = sqLetter{lo: &zero}
				default:
					return false
				}
				ranges[v] = r
			}
			continue
		}
		// "x>0", "y >= 0", "0 <= x"
		toks := lex(part)
		if len(toks) != 4 {
			return false
		}
		v, op, b := toks[0], toks[1], toks[2]
		if v.k == tNum && b.k == tIdent { // "0 <= x"
			v, b = b, v
			op.s = map[string]string{"<": ">", "<=": ">=", ">": "<", ">=": "<="}[op.s]
		}
		r, known := ranges[v.s]
		if v.k != tIdent || !known || b.k != tNum || op.k != tOp {
			return false
		}
		bound := b.v
		switch op.s {
		case ">":
			bound++
			fallthrough
		case ">=":
			if r.lo == nil || *r.lo < bound {
				r.lo = &bound
			}
		case "<":
			bound--
			fallthrough
		case "<=":
			if r.hi == nil || *r.hi > bound {
				r.hi = &bound
			}
		default:
			return false
		}
		ranges[v.s] = r
	}
	return true
}

// splitTerms splits F, a sum, into its terms by letter (each term one
// letter's) and its constant; false if a term names two letters or is
// not a sum's term.
func splitTerms(F *node, vars []string) (map[string]*node, int64, bool) {
	out := map[string]*node{}
	var cst int64
	ok := true
	var walk func(x *node, sign int64)
	walk = func(x *node, sign int64) {
		switch x.k {
		case kAdd:
			walk(x.kids[0], sign)
			walk(x.kids[1], sign)
			return
		case kSub:
			walk(x.kids[0], sign)
			walk(x.kids[1], -sign)
			return
		case kNeg:
			walk(x.kids[0], -sign)
			return
		}
		var in []string
		for _, v := range vars {
			if x.uses(v) {
				in = append(in, v)
			}
		}
		switch len(in) {
		case 0:
			v, err := ival(x, nil)
			if err != nil {
				ok = false
			}
			cst += sign * v
		case 1:
			t := x
			if sign < 0 {
				t = un(kNeg, x)
			}
			if old := out[in[0]]; old != nil {
				t = bin(kAdd, old, t)
			}
			out[in[0]] = t
		default:
			ok = false
		}
	}
	walk(F, 1)
	for _, v := range vars {
		if out[v] == nil {
			return nil, 0, false
		}
	}
	return out, cst, ok
}

// sqTerm is one letter's term A*v^2 + B*v + C (twice: A2 = 2A, ...),
// over lo..hi.
type sqTerm struct {
	f      *node // over v_
	lo, hi *int64
}

// quadTerm checks that f (over v) is a polynomial of degree at most 2
// taking integer values, with the walk from 0 outward seeing its values
// never decrease, and nonnegative on the range; v renamed v_.
func quadTerm(f *node, v string, r sqLetter) (sqTerm, bool) {
	if polyDeg(f, v) > 2 || polyDeg(f, v) < 0 {
		return sqTerm{}, false
	}
	g := rename(f, v, "v_")
	at := func(x int64) (int64, bool) {
		y, err := ival(g, map[string]int64{"v_": x})
		return y, err == nil
	}
	f0, ok0 := at(0)
	f1, ok1 := at(1)
	fm, ok2 := at(-1)
	if !ok0 || !ok1 || !ok2 {
		return sqTerm{}, false
	}
	// 2A = f(1) + f(-1) - 2 f(0), 2B = f(1) - f(-1)
	A2, B2 := f1+fm-2*f0, f1-fm
	pos := r.hi == nil || *r.hi >= max(0, lo64(r.lo, 0))   // the walk up from max(0, lo)
	neg := r.lo == nil || *r.lo <= min(-1, hi64(r.hi, -1)) // the walk down from min(-1, hi)
	if A2 < 0 ||
		pos && (A2+B2 < 0 || r.hi == nil && A2 == 0 && B2 <= 0) || // f(v+1) >= f(v) for v >= 0, and it passes any N
		neg && (3*A2-B2 < 0 || r.lo == nil && A2 == 0 && B2 >= 0) { // f(v-1) >= f(v) for v <= -1
		return sqTerm{}, false
	}
	// the least value on the range is where the walks start
	start := []int64{}
	if pos {
		start = append(start, max(0, lo64(r.lo, 0)))
	}
	if neg {
		start = append(start, min(-1, hi64(r.hi, -1)))
	}
	for _, x := range start {
		if y, ok := at(x); !ok || y < 0 {
			return sqTerm{}, false
		}
	}
	// integer values: the polynomial's integrality at every integer
	// follows from f(0), f(1), f(-1) and its degree; each is an integer
	return sqTerm{f: g, lo: r.lo, hi: r.hi}, true
}

func lo64(p *int64, d int64) int64 {
	if p == nil {
		return d
	}
	return *p
}

func hi64(p *int64, d int64) int64 {
	if p == nil {
		return d
	}
	return *p
}

// polyDeg is x's degree in v where x is a polynomial in v built from +, -,
// *, division by a constant and constant powers; -1 where it is not one.
func polyDeg(x *node, v string) int {
	if !x.uses(v) {
		if isConst(x) {
			return 0
		}
		return -1
	}
	switch x.k {
	case kVar:
		return 1
	case kAdd, kSub:
		a, b := polyDeg(x.kids[0], v), polyDeg(x.kids[1], v)
		if a < 0 || b < 0 {
			return -1
		}
		return max(a, b)
	case kNeg:
		return polyDeg(x.kids[0], v)
	case kMul:
		a, b := polyDeg(x.kids[0], v), polyDeg(x.kids[1], v)
		if a < 0 || b < 0 {
			return -1
		}
		return a + b
	case kDiv:
		if x.kids[1].uses(v) || !isConst(x.kids[1]) {
			return -1
		}
		return polyDeg(x.kids[0], v)
	case kPow:
		if !x.kids[1].isNum() || x.kids[1].val < 0 || x.kids[1].val > 4 {
			return -1
		}
		a := polyDeg(x.kids[0], v)
		if a < 0 {
			return -1
		}
		return a * int(x.kids[1].val)
	}
	return -1
}

// sqReps counts the tuples (one value per term's letter, in its range)
// whose terms sum to N.
type sqReps struct {
	N     *node // over n
	terms []sqTerm
}

func (r sqReps) String() string {
	ts := make([]string, len(r.terms))
	for i, t := range r.terms {
		rg := ""
		if t.lo != nil {
			rg += strconv.FormatInt(*t.lo, 10)
		}
		rg += ".."
		if t.hi != nil {
			rg += strconv.FormatInt(*t.hi, 10)
		}
		ts[i] = t.f.String() + " over " + rg
	}
	return "reps[" + strings.Join(ts, "; ") + "](" + r.N.String() + ")"
}

// values lists the term's values <= top with their letter's value, walking
// out from 0 (quadTerm: they never decrease along each walk).
func (t sqTerm) values(top int64) ([]int64, bool) {
	var out []int64
	walk := func(from, step int64) bool {
		for v := from; (t.lo == nil || v >= *t.lo) && (t.hi == nil || v <= *t.hi); v += step {
			y, err := ival(t.f, map[string]int64{"v_": v})
			if err != nil {
				return false
			}
			if y > top {
				break
			}
			out = append(out, y)
			if len(out) > 1<<16 {
				return false
			}
		}
		return true
	}
	ok := true
	if t.hi == nil || *t.hi >= max(0, lo64(t.lo, 0)) {
		ok = walk(max(0, lo64(t.lo, 0)), 1)
	}
	if t.lo == nil || *t.lo <= min(-1, hi64(t.hi, -1)) {
		ok = ok && walk(min(-1, hi64(t.hi, -1)), -1)
	}
	return out, ok
}

// exact is the count at n: the generating polynomials of the terms
// multiplied out to degree N, in int64.
func (r sqReps) exact(n int64) (int64, bool) {
	N, err := ival(r.N, map[string]int64{"n": n})
	if err != nil || N > 1<<16 {
		return 0, false
	}
	if N < 0 {
		return 0, true
	}
	dist := make([]int64, N+1)
	dist[0] = 1
	for _, t := range r.terms {
		vals, ok := t.values(N)
		if !ok {
			return 0, false
		}
		next := make([]int64, N+1)
		for s, k := range dist {
			if k == 0 {
				continue
			}
			for _, y := range vals {
				if s+int(y) <= int(N) {
					next[s+int(y)] += k
					if next[s+int(y)] < 0 {
						return 0, false
					}
				}
			}
		}
		dist = next
	}
	return dist[N], true
}

// brute counts the tuples one by one (each letter's values up to N by
// values), for n whose tuples number at most countBrute.
func (r sqReps) brute(n int64) (int64, bool) {
	N, err := ival(r.N, map[string]int64{"n": n})
	if err != nil || N > 1<<16 {
		return 0, false
	}
	if N < 0 {
		return 0, true
	}
	// every letter's values v with f(v) <= N, found by trying each v in
	// -N-2..N+2 (a quadratic with A >= 1/2 passes N beyond)
	lists := make([][]int64, len(r.terms))
	size := 1
	for i, t := range r.terms {
		for v := -N - 2; v <= N+2; v++ {
			if t.lo != nil && v < *t.lo || t.hi != nil && v > *t.hi {
				continue
			}
			y, err := ival(t.f, map[string]int64{"v_": v})
			if err != nil {
				return 0, false
			}
			if y <= N {
				lists[i] = append(lists[i], y)
			}
		}
		if size *= max(len(lists[i]), 1); size > countBrute {
			return 0, false
		}
	}
	var count int64
	var walk func(i int, s int64)
	walk = func(i int, s int64) {
		if i == len(lists) {
			if s == N {
				count++
			}
			return
		}
		for _, y := range lists[i] {
			walk(i+1, s+y)
		}
	}
	walk(0, 0)
	return count, true
}

// lower emits the program: mem[s], s = 0..N, the number of ways the
// letters so far give s.
func (r sqReps) lower() (ops []ir.Op, err error) {
	e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}}
	defer func() {
		if p := recover(); p != nil {
			if _, ok := p.(lowerError); !ok {
				panic(p)
			}
			ops, err = nil, errLower
		}
	}()
	N0, ok := normalize(r.N, false)
	if !ok {
		return nil, errLower
	}
	fs := make([]*node, len(r.terms))
	for i, t := range r.terms {
		if fs[i], ok = normalize(t.f, false); !ok {
			return nil, errLower
		}
	}
	N := e.hold(N0)
	e.get(N)
	e.emit(ir.OpConst0, ir.OpI32GeS, ir.OpIfBegin)
	v := e.alloc()
	y := e.alloc() // the term's value at v
	e.env["v_"] = v
	// each walks the letter's values out from 0 with y = f(v) <= top
	// (pushed by top), running body for each
	walks := func(t sqTerm, f *node, top func(), body func()) {
		side := func(from, step int64) {
			e.konst(from)
			e.set(v)
			e.while(func() {
				// in range, and f(v) <= top
				var inRange []func()
				if t.lo != nil {
					inRange = append(inRange, func() { e.get(v); e.konst(*t.lo); e.emit(ir.OpI32GeS) })
				}
				if t.hi != nil {
					inRange = append(inRange, func() { e.get(v); e.konst(*t.hi); e.emit(ir.OpI32LeS) })
				}
				e.lower(f)
				e.set(y)
				e.get(y)
				top()
				e.emit(ir.OpI32LeS)
				for _, c := range inRange {
					c()
					e.emit(ir.OpI32Mul)
				}
			}, func() {
				body()
				e.inc(v, step)
			})
		}
		if t.hi == nil || *t.hi >= max(0, lo64(t.lo, 0)) {
			side(max(0, lo64(t.lo, 0)), 1)
		}
		if t.lo == nil || *t.lo <= min(-1, hi64(t.hi, -1)) {
			side(min(-1, hi64(t.hi, -1)), -1)
		}
	}
	getN := func() { e.get(N) }
	// the first letter: mem[f(v)] += 1
	walks(r.terms[0], fs[0], getN, func() {
		e.store(func() { e.get(y) }, func() {
			e.load(func() { e.get(y) })
			e.emit(ir.OpConst1, ir.OpI32Add)
		})
	})
	s := e.alloc()
	acc := e.alloc()
	last := len(r.terms) - 1
	for i := 1; i < last; i++ {
		// mem[s] = sum of mem[s - f(v)], s = N down to 0
		e.get(N)
		e.set(s)
		e.while(func() { e.get(s); e.emit(ir.OpConst0, ir.OpI32GeS) }, func() {
			e.emit(ir.OpConst0)
			e.set(acc)
			walks(r.terms[i], fs[i], func() { e.get(s) }, func() {
				e.get(acc)
				e.load(func() { e.get(s); e.get(y); e.emit(ir.OpI32Sub) })
				e.emit(ir.OpI32Add)
				e.set(acc)
			})
			e.store(func() { e.get(s) }, func() { e.get(acc) })
			e.inc(s, -1)
		})
	}
	// the last letter, at N alone
	e.emit(ir.OpConst0)
	e.set(acc)
	walks(r.terms[last], fs[last], getN, func() {
		e.get(acc)
		e.load(func() { e.get(N); e.get(y); e.emit(ir.OpI32Sub) })
		e.emit(ir.OpI32Add)
		e.set(acc)
	})
	e.get(acc)
	e.emit(ir.OpElse, ir.OpConst0, ir.OpIfEnd, ir.OpEnd)
	if len(e.ops) > ir.MaxLength {
		return nil, errLower
	}
	if err := ir.Validate(ir.Program{Arity: 1, Ops: e.ops}); err != nil {
		return nil, errLower
	}
	return e.ops, nil
}
