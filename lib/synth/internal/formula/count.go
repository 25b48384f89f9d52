package formula

// Counts of tuples named by their terms' range and a condition:
// "Number of (w,x,y,z) with all terms in {1,...,n} and w=x+2y+3z-n.",
// "Number of ordered triples (w,x,y) with all terms in {-n,...-1,1,...,n}
// and w+x+y>1.", "Number of ordered quintuples (a,b,c,d,e), -n <=
// a,b,c,d,e <= n, such that a+b+c+d+e = 0." The condition is a
// conjunction of comparisons (chains allowed, "-1<=2w+x+y<=1") between
// formulas in the tuple's letters and n. The count is nested sums over
// the letters; the last letter in which every comparison that names it is
// linear with a constant coefficient is not looped over: its admissible
// values form an interval whose ends are floors and ceilings of the other
// letters' values, counted in closed form (countLinear). What nested
// loops cannot do within ir.DefaultFuel at n = 100 is refused by the scan
// (c.add), as for every formula.

import (
	"errors"
	"math/big"
	"math/bits"
	"regexp"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

var (
	// "Number of (w,x,y) with all terms in {0,...,n} and w+x+y = n."
	reTupleIn = regexp.MustCompile(`^(?:Total )?[Nn]umber of (?:ordered )?(?:(?:pairs|triples|quadruples|quintuples|sextuples|[2-6]-tuples|tuples) ?)?\(\s*([a-z](?:\s*,\s*[a-z])+)\s*\)\s*,? with (?:all|each) (?:terms?|entries|entry|elements?) in \{([^{}]*)\}\s*,?\s*(?:and|such that|with|for which) (.+?)\s*\.?\s*$`)
	// "Number of ordered quintuples (a,b,c,d,e), -n <= a,b,c,d,e <= n, such that a+b+c+d+e = 0."
	reTupleBound = regexp.MustCompile(`^(?:Total )?[Nn]umber of (?:ordered )?(?:(?:pairs|triples|quadruples|quintuples|sextuples|[2-6]-tuples|tuples) ?)?\(\s*([a-z](?:\s*,\s*[a-z])+)\s*\)\s*,\s*(-?\s*(?:\d+|n|\d+\s*\*?\s*n))\s*(<=|≤)\s*([a-z](?:\s*,\s*[a-z])+)\s*(<=|≤)\s*((?:\d+|n|\d+\s*\*?\s*n))\s*,?\s*(?:such that|with|and|for which) (.+?)\s*\.?\s*$`)
)

// reTupleChain: "Number of triples (x,y,z) with 1 <= x < y < z <= n such
// that x + y > z."
var reTupleChain = regexp.MustCompile(`^(?:Total )?[Nn]umber of (?:ordered )?(?:(?:pairs|triples|quadruples|quintuples|sextuples|[2-6]-tuples|tuples) ?)?(?:of (?:integers|positive integers|nonnegative integers|numbers) )?\(\s*([a-z](?:\s*,\s*[a-z])+)\s*\)\s*,?\s*(?:with |such that |where )?([^,]*?(?:<=|<|≤)[^,]*?)\s*,?\s*(?:and|such that|with|for which|where) (.+?)\s*\.?\s*$`)

// readChain reads "1 <= x < y < z <= n" over vars (each once, in order):
// the range lo..hi and the links between letters as conditions ("x < y
// and y < z"); "<" at an end moves it by one.
func readChain(s string, vars []string) (tupleDomain, string, bool) {
	s = strings.ReplaceAll(s, "≤", "<=")
	var parts, ops []string
	rest := s
	for {
		i := strings.IndexAny(rest, "<")
		if i < 0 {
			parts = append(parts, strings.TrimSpace(rest))
			break
		}
		parts = append(parts, strings.TrimSpace(rest[:i]))
		if strings.HasPrefix(rest[i:], "<=") {
			ops, rest = append(ops, "<="), rest[i+2:]
		} else {
			ops, rest = append(ops, "<"), rest[i+1:]
		}
	}
	if len(parts) != len(vars)+2 {
		return tupleDomain{}, "", false
	}
	for i, v := range vars {
		if parts[i+1] != v {
			return tupleDomain{}, "", false
		}
	}
	lo, ok1 := domainEnd(parts[0])
	hi, ok2 := domainEnd(parts[len(parts)-1])
	if !ok1 || !ok2 || !lo.uses("n") && !hi.uses("n") {
		return tupleDomain{}, "", false
	}
	if ops[0] == "<" {
		lo = add(lo, num(1))
	}
	if ops[len(ops)-1] == "<" {
		hi = sub(hi, num(1))
	}
	var links []string
	for i := 1; i+1 < len(parts)-1; i++ {
		links = append(links, parts[i]+" "+ops[i]+" "+parts[i+1])
	}
	return tupleDomain{lo: lo, hi: hi}, strings.Join(links, " and "), true
}

// tupleDomain is the range of each term: lo..hi, without 0 where noZero.
type tupleDomain struct {
	lo, hi *node
	noZero bool
}

// counts reads the counts of count*.go from the text's first sentence.
func (c *collector) counts(text string) {
	s := firstSentence(text)
	// "a(n) = number of ...", "The number of ..."
	if loc := reAPrefix.FindStringIndex(s); loc != nil && loc[1] < len(s) {
		s = strings.ToUpper(s[loc[1]:loc[1]+1]) + s[loc[1]+1:]
	}
	if c.countTuples(s) || c.countSquares(s) || c.countPrimeTuples(s) || c.countNonDivisors(s) || c.countDigitTimes(s) || c.countDigitStrings(s) || c.countPrimeFactorsBy(s) || c.countAdjDivisors(s) || c.countWords(s) || c.countPerms(s) || c.countSubsets(s) || c.countTwoParts(s) || c.countUpTo(s) { // count_sq.go, count_list.go
		return
	}
}

// countTuples reads s as a count of tuples; it reports whether s had
// that shape.
func (c *collector) countTuples(s string) bool {
	var vars []string
	var dom tupleDomain
	var cond string
	if m := reTupleIn.FindStringSubmatch(s); m != nil {
		vars = letters(m[1])
		d, ok := readDomain(m[2])
		if !ok {
			c.note("count", "domain "+m[2])
			return true
		}
		dom, cond = d, m[3]
	} else if m := reTupleBound.FindStringSubmatch(s); m != nil {
		vars = letters(m[1])
		if strings.Join(letters(m[4]), ",") != strings.Join(vars, ",") {
			return true
		}
		lo, ok1 := domainEnd(m[2])
		hi, ok2 := domainEnd(m[6])
		if !ok1 || !ok2 {
			return true
		}
		dom, cond = tupleDomain{lo: lo, hi: hi}, m[7]
	} else if m := reTupleChain.FindStringSubmatch(s); m != nil {
		// "(x,y,z) with 1 <= x < y < z <= n such that ...": the chain's
		// ends are the range, its links conditions
		vars = letters(m[1])
		d, links, ok := readChain(m[2], vars)
		if !ok {
			c.note("count", "chain "+m[2])
			return true
		}
		dom, cond = d, m[3]
		if links != "" {
			cond = links + " and " + cond
		}
	} else {
		return false
	}
	if !distinctLetters(vars) {
		return true
	}
	atoms, ok := readAtoms(cond, append([]string{"n"}, vars...))
	if !ok {
		c.note("count", "condition "+cond)
		return true
	}
	var all *node
	for _, a := range atoms {
		all = and(all, a.node())
	}
	brute := bruteCount(vars, dom, all)
	if l := linearForm(vars, dom, atoms); l != nil {
		c.checkCount(s, l.String(), l.exact, brute, l.lower) // count_lin.go
		return true
	}
	if mx := mixedForm(vars, dom, atoms); mx != nil && c.checkCount(s, mx.String(), mx.exact, brute, mx.lower) { // count_mix.go
		return true
	}
	x := countApart(vars, dom, atoms)
	if x == nil {
		return true
	}
	c.addCount(s, x, brute)
	return true
}

// countApart is countOver for each group of letters the conditions tie
// together (letters joined where one condition names both), multiplied:
// "w>=2x and y>3z" counts the (w,x) and the (y,z) apart. A letter no
// condition names multiplies the count by the number of values.
func countApart(vars []string, dom tupleDomain, atoms []atom) *node {
	group := map[string]int{}
	for i, v := range vars {
		group[v] = i
	}
	find := func(v string) int {
		g := group[v]
		for group[vars[g]] != g {
			g = group[vars[g]]
		}
		return g
	}
	for _, a := range atoms {
		first := -1
		for _, v := range vars {
			if !a.a.uses(v) && !a.b.uses(v) {
				continue
			}
			if first < 0 {
				first = find(v)
			} else if g := find(v); g != first {
				group[vars[g]] = first
			}
		}
		if first < 0 {
			return nil // a condition on n alone
		}
	}
	var x *node
	for i, v := range vars {
		if find(v) != i {
			continue
		}
		var gv []string
		for _, w := range vars {
			if find(w) == i {
				gv = append(gv, w)
			}
		}
		var ga []atom
		for _, a := range atoms {
			if a.a.uses(v) || a.b.uses(v) || usesGroup(a, gv) {
				ga = append(ga, a)
			}
		}
		var y *node
		if len(ga) == 0 { // a letter no condition names
			var one *node = num(1)
			if dom.noZero {
				one = &node{k: kCmp, name: "!=", kids: []*node{vr(v), num(0)}}
			}
			y = &node{k: kSum, name: v, kids: []*node{dom.lo, dom.hi, one}}
		} else if y = countOver(gv, dom, ga); y == nil {
			return nil
		}
		if x == nil {
			x = y
		} else {
			x = bin(kMul, x, y)
		}
	}
	return x
}

// usesGroup reports whether a names a letter of gv.
func usesGroup(a atom, gv []string) bool {
	for _, v := range gv {
		if a.a.uses(v) || a.b.uses(v) {
			return true
		}
	}
	return false
}

// letters splits "w, x,y" into its letters.
func letters(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		out = append(out, strings.TrimSpace(p))
	}
	return out
}

// distinctLetters: single letters, none n, no two alike.
func distinctLetters(vs []string) bool {
	seen := map[string]bool{"n": true}
	for _, v := range vs {
		if len(v) != 1 || seen[v] {
			return false
		}
		seen[v] = true
	}
	return len(vs) >= 2 && len(vs) <= 6
}

// domainEnd reads one end of a range: an integer, n, -n, 2n, 2*n.
func domainEnd(s string) (*node, bool) {
	s = strings.ReplaceAll(s, " ", "")
	toks := lex(s)
	x, end, ok := parseAt(toks, 0, "n")
	if !ok || toks[end].k != tEnd || !linearIn(x, "n") {
		return nil, false
	}
	if isConst(x) {
		v, err := ival(x, nil)
		if err != nil {
			return nil, false
		}
		return num(v), true
	}
	return x, true
}

// readDomain reads "1,...,n", "0,1,...,n", "-n,...,0,...,n",
// "-n,...-1,1,...,n": consecutive integers from the first item to the
// last, with "..." between any two that are not, 0 left out only where
// -1 and 1 stand side by side.
func readDomain(s string) (tupleDomain, bool) {
	s = strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), "…", "...")
	s = strings.ReplaceAll(s, "...", ",...,")
	var items []string
	for _, p := range strings.Split(s, ",") {
		if p != "" {
			items = append(items, p)
		}
	}
	if len(items) < 3 || items[0] == "..." || items[len(items)-1] == "..." {
		return tupleDomain{}, false
	}
	lo, ok1 := domainEnd(items[0])
	hi, ok2 := domainEnd(items[len(items)-1])
	if !ok1 || !ok2 || !lo.uses("n") && !hi.uses("n") {
		return tupleDomain{}, false
	}
	d := tupleDomain{lo: lo, hi: hi}
	dots := false
	// the items between the ends: integers, each one more than the one
	// before it unless "..." stands between them
	var prev *int64
	if lo.isNum() {
		v := lo.val
		prev = &v
	}
	for _, it := range items[1:] {
		if it == "..." {
			if dots {
				return tupleDomain{}, false // "...,..."
			}
			dots, prev = true, nil
			continue
		}
		x, ok := domainEnd(it)
		if !ok {
			return tupleDomain{}, false
		}
		if !x.isNum() {
			if it != items[len(items)-1] || prev != nil {
				return tupleDomain{}, false // n-1, n: not read
			}
			dots = false
			continue
		}
		v := x.val
		if prev != nil {
			switch {
			case v == *prev+1:
			case *prev == -1 && v == 1 && !d.noZero:
				d.noZero = true
			default:
				return tupleDomain{}, false
			}
		}
		prev, dots = &v, false
	}
	return d, !dots
}

// atom is one comparison a op b.
type atom struct {
	op   string
	a, b *node
}

func (a atom) node() *node { return &node{k: kCmp, name: a.op, kids: []*node{a.a, a.b}} }

var tupleCmpOps = map[string]string{"=": "=", "==": "=", "<": "<", ">": ">", "<=": "<=", ">=": ">=", "!=": "!=", "≠": "!=", "<>": "!="}

// readAtoms reads a conjunction of comparison chains over vars: "and" or
// "," between them.
func readAtoms(cond string, vars []string) ([]atom, bool) {
	var out []atom
	for _, part := range splitTop(cond, []string{" and ", ", "}) {
		part = strings.TrimSpace(part)
		toks := lex(part)
		var sides []*node
		var ops []string
		i := 0
		for {
			x, end, ok := parseAt(toks, i, vars...)
			if !ok || end == i {
				return nil, false
			}
			sides = append(sides, x)
			if toks[end].k == tEnd {
				break
			}
			op, isCmp := tupleCmpOps[toks[end].s]
			if toks[end].k != tOp || !isCmp {
				return nil, false
			}
			ops = append(ops, op)
			i = end + 1
		}
		if len(ops) == 0 {
			return nil, false
		}
		for j, op := range ops {
			out = append(out, atom{op: op, a: sides[j], b: sides[j+1]})
		}
	}
	return out, len(out) > 0
}

// countOver is the number of tuples of vars, each in dom, for which every
// atom holds: nested sums, the innermost letter that every atom naming it
// is linear in counted in closed form. nil where a letter is not used.
func countOver(vars []string, dom tupleDomain, atoms []atom) *node {
	used := map[string]bool{}
	for _, a := range atoms {
		for _, v := range vars {
			if a.a.uses(v) || a.b.uses(v) {
				used[v] = true
			}
		}
	}
	// a letter no condition names multiplies the count by the domain's
	// size: still a sum, so the text's tuple stays the thing counted
	elim := -1
	for i := len(vars) - 1; i >= 0 && elim < 0; i-- {
		if used[vars[i]] && linearAtoms(atoms, vars[i]) {
			elim = i
		}
	}
	var body *node
	var outer []string
	if elim < 0 {
		var conj *node
		for _, a := range atoms {
			conj = and(conj, a.node())
		}
		body = conj
		outer = vars
	} else {
		v := vars[elim]
		var rest *node
		var lin []atom
		for _, a := range atoms {
			if a.a.uses(v) || a.b.uses(v) {
				lin = append(lin, a)
			} else {
				rest = and(rest, a.node())
			}
		}
		body = countLinear(v, dom, lin)
		if body == nil {
			return nil
		}
		if rest != nil {
			body = bin(kAnd, rest, body)
		}
		outer = append(append([]string{}, vars[:elim]...), vars[elim+1:]...)
	}
	for i := len(outer) - 1; i >= 0; i-- {
		v := outer[i]
		if dom.noZero {
			body = bin(kAnd, &node{k: kCmp, name: "!=", kids: []*node{vr(v), num(0)}}, body)
		}
		body = &node{k: kSum, name: v, kids: []*node{dom.lo, dom.hi, body}}
	}
	return body
}

// linearAtoms reports whether every atom that names v is linear in it
// with a nonzero constant coefficient, and none is "!=".
func linearAtoms(atoms []atom, v string) bool {
	for _, a := range atoms {
		d := sub(a.a, a.b)
		if !d.uses(v) {
			continue
		}
		if a.op == "!=" || !linearIn(d, v) {
			return false
		}
		if _, ok := constCoef(d, v); !ok {
			return false
		}
	}
	return true
}

// constCoef is the coefficient of v in d (linearIn) where it is a
// nonzero rational constant.
func constCoef(d *node, v string) (*big.Rat, bool) {
	if !linearIn(d, v) {
		return nil, false
	}
	cn := coef(d, v)
	if cn == nil || !isConst(cn) {
		return nil, false
	}
	r, ok := constAt(cn, 0)
	if !ok || r.Sign() == 0 || r.Num().BitLen() > 20 || r.Denom().BitLen() > 20 {
		return nil, false
	}
	return r, true
}

// countLinear is the number of v in dom with every atom of lin (each
// linear in v: a*v + r op 0) true: max(0, min(hi, U...) - max(lo, L...) +
// 1), less 1 where dom leaves 0 out and 0 lies in the interval.
func countLinear(v string, dom tupleDomain, lin []atom) *node {
	lows := []*node{dom.lo}
	highs := []*node{dom.hi}
	for _, a := range lin {
		d := sub(a.a, a.b)
		cf, ok := constCoef(d, v)
		if !ok {
			return nil
		}
		// v op t, t = -r/a; the op turns round where a < 0
		r := substitute(d, v, num(0)) // linear: d = cf*v + r
		t := bin(kDiv, un(kNeg, r), ratNode(cf))
		switch {
		case cf.IsInt() && cf.Num().Int64() == 1:
			t = un(kNeg, r)
		case cf.IsInt() && cf.Num().Int64() == -1:
			t = r
		}
		op := a.op
		if cf.Sign() < 0 {
			op = map[string]string{"<": ">", ">": "<", "<=": ">=", ">=": "<=", "=": "="}[op]
		}
		fl, ce := un(kFloor, t), un(kCeil, t)
		if cf.IsInt() && (cf.Num().Int64() == 1 || cf.Num().Int64() == -1) {
			fl, ce = t, t // an integer already
		}
		if lows, highs, ok = bounds(op, fl, ce, lows, highs); !ok {
			return nil
		}
	}
	L, U := foldCall("max", lows), foldCall("min", highs)
	x := call("max", num(0), add(sub(U, L), num(1)))
	if dom.noZero {
		le := func(a, b *node) *node { return &node{k: kCmp, name: "<=", kids: []*node{a, b}} }
		x = sub(x, bin(kAnd, le(L, num(0)), le(num(0), U)))
	}
	return x
}

// foldCall is name(xs[0], name(xs[1], ...)), or xs[0] alone.
func foldCall(name string, xs []*node) *node {
	x := xs[len(xs)-1]
	for i := len(xs) - 2; i >= 0; i-- {
		x = call(name, xs[i], x)
	}
	return x
}

// bruteCount is the count of tuples of vars in dom that pass cond, each
// tuple tried (the reference countOver's closed forms are checked
// against at small n).
func bruteCount(vars []string, dom tupleDomain, cond *node) func(n int64) (int64, bool) {
	return func(n int64) (int64, bool) {
		env := map[string]int64{"n": n}
		lo, err1 := ival(dom.lo, env)
		hi, err2 := ival(dom.hi, env)
		if err1 != nil || err2 != nil {
			return 0, false
		}
		size := int64(1)
		for range vars {
			if size *= max(hi-lo+1, 0); size > countBrute {
				return 0, false
			}
		}
		var count int64
		var walk func(i int) bool
		walk = func(i int) bool {
			if i == len(vars) {
				v, err := ival(cond, env)
				if err != nil {
					return false
				}
				if v != 0 {
					count++
				}
				return true
			}
			for v := lo; v <= hi; v++ {
				if dom.noZero && v == 0 {
					continue
				}
				env[vars[i]] = v
				if !walk(i + 1) {
					return false
				}
			}
			return true
		}
		return count, walk(0)
	}
}

// countBrute is how many tuples bruteCount may try at one n.
const countBrute = 20_000

// countCheckN is the largest n whose count the native evaluator (ival)
// computes; the program is run at the n of nextScan up to it.
const countCheckN = scanN

// addCount offers x (a count over n) by checkCount.
func (c *collector) addCount(source string, x *node, brute func(n int64) (int64, bool)) {
	exact := func(n int64) (int64, bool) {
		v, err := ival(x, map[string]int64{"n": n})
		return v, err == nil
	}
	c.checkCount(source, x.String(), exact, brute, func() ([]ir.Op, error) {
		y, ok := normalize(x, false)
		if !ok {
			return nil, errLower
		}
		return lowerWith(y, false)
	})
}

// checkCount offers the program lower makes if it computes exact's count
// at every n of the scan (nextScan, and every n before the count leaves
// i32), each run within ir.DefaultFuel, and exact itself agrees with
// brute, the count tuple by tuple, at every n up to 12 whose tuples
// number at most countBrute (at least 3 of them).
func (c *collector) checkCount(source, expr string, exact, brute func(n int64) (int64, bool), lower func() ([]ir.Op, error)) (offered bool) {
	if c.seen[expr] || len(c.seen) >= maxFormulas {
		return false
	}
	c.seen[expr] = true
	brutes := 0
	for n := int64(0); n <= 12 && brutes < 6; n++ {
		want, ok := brute(n)
		if !ok {
			break // too many tuples, or undefined
		}
		got, ok := exact(n)
		if !ok || got != want {
			c.note("count", "closed form differs from the tuples at n="+strconv.FormatInt(n, 10))
			return false
		}
		brutes++
	}
	if brutes < 3 {
		c.note("count", "too few n checked tuple by tuple")
		return false
	}
	ops, err := lower()
	if err != nil {
		c.note("lower", err.Error())
		return false
	}
	e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
	if err != nil {
		return false
	}
	agreed := 0
	prev := int64(-1)
	check := func(n int64) (fits, good bool) {
		want, ok := exact(n)
		if !ok {
			c.note("count", "no exact count at n="+strconv.FormatInt(n, 10))
			return true, false
		}
		if want != int64(int32(want)) {
			return false, true
		}
		got, err := e.Run([]int32{int32(n)}, ir.DefaultFuel)
		if err != nil || int64(got) != want {
			if errors.Is(err, ir.ErrFuelExhausted) {
				c.note("count", "fuel at n="+strconv.FormatInt(n, 10))
			} else {
				c.note("count", "program differs at n="+strconv.FormatInt(n, 10))
			}
			return true, false
		}
		agreed++
		return true, true
	}
	for n := int64(0); n <= countCheckN; n = nextScan(n) {
		fits, good := check(n)
		if !good {
			return false
		}
		if !fits { // every n between: the last that fits is the costliest
			for m := prev + 1; m < n; m++ {
				if fits, good := check(m); !good {
					return false
				} else if !fits {
					break
				}
			}
			break
		}
		prev = n
	}
	if agreed < minAgreed {
		return false
	}
	c.out = append(c.out, Candidate{Source: strings.TrimSpace(source), Ops: ops, Expr: expr})
	return true
}

var errIval = errors.New("formula: not an int64 count")

// ival evaluates x in int64 arithmetic, failing on overflow, a division
// that is not exact (outside floor and ceiling) and any kind of node
// other than the arithmetic, comparisons and sums the counts build.
func ival(x *node, env map[string]int64) (v int64, err error) {
	defer func() {
		if r := recover(); r != nil {
			if r != errIval {
				panic(r)
			}
			v, err = 0, errIval
		}
	}()
	return iv(x, env), nil
}

func ifail() { panic(errIval) }

func iadd(a, b int64) int64 {
	s := a + b
	if (s > a) != (b > 0) {
		ifail()
	}
	return s
}

func imul(a, b int64) int64 {
	hi, lo := bits.Mul64(uint64(absI64(a)), uint64(absI64(b)))
	if hi != 0 || lo > 1<<62 {
		ifail()
	}
	if (a < 0) != (b < 0) {
		return -int64(lo)
	}
	return int64(lo)
}

func absI64(a int64) int64 {
	if a < 0 {
		if a < -(1 << 62) {
			ifail()
		}
		return -a
	}
	return a
}

// ifloorDiv is floor(a/b), b != 0.
func ifloorDiv(a, b int64) int64 {
	if b == 0 {
		ifail()
	}
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func iv(x *node, env map[string]int64) int64 {
	switch x.k {
	case kNum:
		return x.val
	case kVar:
		v, ok := env[x.name]
		if !ok {
			ifail()
		}
		return v
	case kAdd:
		return iadd(iv(x.kids[0], env), iv(x.kids[1], env))
	case kSub:
		a, b := iv(x.kids[0], env), iv(x.kids[1], env)
		return iadd(a, -b)
	case kMul:
		return imul(iv(x.kids[0], env), iv(x.kids[1], env))
	case kNeg:
		return -iv(x.kids[0], env)
	case kPow:
		b, k := iv(x.kids[0], env), iv(x.kids[1], env)
		if k < 0 || k > 64 {
			ifail()
		}
		r := int64(1)
		for ; k > 0; k-- {
			r = imul(r, b)
		}
		return r
	case kDiv:
		a, b := iv(x.kids[0], env), iv(x.kids[1], env)
		if b == 0 || a%b != 0 {
			ifail()
		}
		return a / b
	case kFloor, kCeil:
		y := x.kids[0]
		if y.k != kDiv {
			return iv(y, env)
		}
		a, b := iv(y.kids[0], env), iv(y.kids[1], env)
		if x.k == kCeil {
			return -ifloorDiv(-a, b)
		}
		return ifloorDiv(a, b)
	case kCall:
		switch x.name {
		case "min", "max":
			if len(x.kids) != 2 {
				ifail()
			}
			a, b := iv(x.kids[0], env), iv(x.kids[1], env)
			if (a < b) == (x.name == "min") {
				return a
			}
			return b
		case "abs":
			return absI64(iv(x.kids[0], env))
		}
	case kCmp:
		a, b := iv(x.kids[0], env), iv(x.kids[1], env)
		var t bool
		switch x.name {
		case "=":
			t = a == b
		case "!=":
			t = a != b
		case "<":
			t = a < b
		case ">":
			t = a > b
		case "<=":
			t = a <= b
		case ">=":
			t = a >= b
		default:
			ifail()
		}
		return b2i(t)
	case kAnd:
		if iv(x.kids[0], env) == 0 {
			return 0
		}
		return iv(x.kids[1], env)
	case kCmp0:
		return b2i(iv(x.kids[0], env) == 0)
	case kSum:
		lo, hi := iv(x.kids[0], env), iv(x.kids[1], env)
		if hi-lo > 1<<20 {
			ifail()
		}
		old, had := env[x.name]
		var s int64
		for k := lo; k <= hi; k++ {
			env[x.name] = k
			s = iadd(s, iv(x.kids[2], env))
		}
		if had {
			env[x.name] = old
		} else {
			delete(env, x.name)
		}
		return s
	}
	ifail()
	return 0
}

// bounds adds to lows and highs the bounds "v op t" puts on an integer v,
// given floor(t) and ceiling(t); ok false for an op with no bound (!=).
func bounds(op string, fl, ce *node, lows, highs []*node) (_, _ []*node, ok bool) {
	switch op {
	case "=":
		return append(lows, ce), append(highs, fl), true
	case "<":
		return lows, append(highs, sub(ce, num(1))), true
	case "<=":
		return lows, append(highs, fl), true
	case ">":
		return append(lows, add(fl, num(1))), highs, true
	case ">=":
		return append(lows, ce), highs, true
	}
	return lows, highs, false
}
