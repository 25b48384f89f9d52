package formula

import (
	"math/big"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Phrase templates: names that state a sequence without an a(n) formula.
// Each is matched against the whole first sentence, so "Primes congruent
// to 1 mod 4 whose digits ..." matches nothing. A list ("Numbers ...",
// "Primes ...") leaves open whether its first term is a(0) or a(1): both
// readings are offered (the caller keeps one only if it fits the examples).

var (
	// "Period 3: repeat [1, -1, 0]." / "Period 12: 1,3,-1,0 repeated."
	// "Period 9 sequence [1, -1, -1, 1, 0, -1, 1, 1, -1, ...]." / "Periodic sequence with period {0,1,0,3}, or n^3 mod 4."
	// "Period 16 zigzag sequence: repeat [0,1,2,3,4,5,6,7,8,7,6,5,4,3,2,1]."
	rePeriod = regexp.MustCompile(`^(?i:period(?:ic sequence)?(?: length)?\s*(\d+)?(?:\s+[a-z]+)*?(?:\s+with period)?\s*:?\s*(?:repeat\s*)?)[\[({]?\s*([-+]?\d+(?:\s*,\s*[-+]?\d+)*)(?:\s*,\s*\.\.\.)?\s*[\])}]?\s*(?:,?\s*repeated)?(?:, or [^,;]*)?\s*\.?\s*$`)
	// "Numbers congruent to {0, 4, 6} mod 7." / "Primes congruent to 1 or 5 (mod 12)."
	reCongruent = regexp.MustCompile(`^(Numbers|Nonnegative integers|Positive integers|Integers|Primes)(?: that are| which are)? congruent to \{?([-+\d, ]+(?:(?:,? or |,? and )[-+\d ]+)?)\}? (?:\(mod |mod |modulo )(\d+)\)?\s*\.?\s*$`)
	// "Multiples of 7."
	reMultiples = regexp.MustCompile(`^(?:Multiples of|Numbers divisible by) (\d+)\s*\.?\s*$`)
	// "Numbers not divisible by 3.", "Positive integers divisible by 5 but not by 7."
	reNotDivisible = regexp.MustCompile(`^(Numbers|Positive integers|Nonnegative integers) (?:that are )?(?:(not )?divisible by (\d+)(?: but not(?: by)? (\d+))?|not divisible by (\d+) (?:or|nor) (\d+))\s*\.?\s*$`)
	// the conditions: "E is prime", "E == r (mod m)", "E is divisible by F", "E is a square"
	reIsPrime   = regexp.MustCompile(`^(.+?) is (?:also )?(a prime|prime|not prime|composite|not a prime|nonprime)$`)
	reCongMod   = regexp.MustCompile(`^(.+?)\s*(?:==|≡)\s*(.+?)\s*\((?:mod|modulo) (.+)\)$`)
	reDivisible = regexp.MustCompile(`^(.+?) is divisible by (.+)$`)
	reSquare    = regexp.MustCompile(`^(.+?) is a (?:perfect )?square$`)
	// "Primes of the form 210k + 19."
	reFormOf = regexp.MustCompile(`^Primes of (?:the )?form:? (.+?)\s*\.?\s*$`)
	// "Number of divisors of 2*prime(n)+1." and friends: one function of an expression in n
	reOf = regexp.MustCompile(`^(Number of divisors|Sum of (?:the )?divisors|Euler(?:'s)? totient(?: function)?|Euler phi(?: function)?) (of )?(.+?)\s*\.?\s*$`)
)

// named sequences: the name, then the formula for each reading (first term a(0), a(1)).
var named = map[string][]string{
	"squares": {"n^2", "(n-1)^2"}, "the squares": {"n^2", "(n-1)^2"},
	"cubes": {"n^3", "(n-1)^3"}, "the cubes": {"n^3", "(n-1)^3"},
	"fourth powers": {"n^4", "(n-1)^4"}, "fifth powers": {"n^5", "(n-1)^5"},
	"triangular numbers": {"n*(n+1)/2", "n*(n-1)/2"}, "the triangular numbers": {"n*(n+1)/2", "n*(n-1)/2"},
	"tetrahedral numbers": {"binomial(n+2,3)", "binomial(n+1,3)"},
	"pentagonal numbers":  {"n*(3*n-1)/2", "(n-1)*(3*n-4)/2"},
	"hexagonal numbers":   {"n*(2*n-1)", "(n-1)*(2*n-3)"},
	"oblong numbers":      {"n*(n+1)", "n*(n-1)"}, "pronic numbers": {"n*(n+1)", "n*(n-1)"},
	"primes": {"prime(n+1)", "prime(n)"}, "the primes": {"prime(n+1)", "prime(n)"}, "the prime numbers": {"prime(n+1)", "prime(n)"},
	"prime numbers": {"prime(n+1)", "prime(n)"},
	"odd numbers":   {"2*n+1", "2*n-1"}, "the odd numbers": {"2*n+1", "2*n-1"},
	"even numbers": {"2*n", "2*n-2"}, "the even numbers": {"2*n", "2*n-2"},
	"the nonnegative integers": {"n", "n-1"}, "the positive integers": {"n+1", "n"}, "the natural numbers": {"n", "n+1", "n-1"},
	"factorial numbers": {"n!", "(n-1)!"}, "factorials": {"n!", "(n-1)!"},
	"fibonacci numbers": {"F(n)", "F(n-1)"}, "lucas numbers": {"lucas(n)", "lucas(n-1)"},
	"catalan numbers":               {"binomial(2*n,n)/(n+1)", "binomial(2*n-2,n-1)/n"},
	"central binomial coefficients": {"binomial(2*n,n)", "binomial(2*n-2,n-1)"},
	"composite numbers":             {"nth_composite"}, "the composite numbers": {"nth_composite"},
	"squarefree numbers": {"nth_squarefree"}, "the squarefree numbers": {"nth_squarefree"},
	"cubefree numbers": {"nth_cubefree"}, "biquadratefree numbers": {"nth_biquadratefree"}, // isdef2.go
	"odd squarefree numbers": {"nth_odd_squarefree"}, "nonsquarefree numbers": {"nth_nonsquarefree"},
	"moebius (or mobius) function mu(n)": {"mu(n)", "mu(n+1)"}, "moebius function mu(n)": {"mu(n)", "mu(n+1)"},
	"mobius (or moebius) function mu(n)": {"mu(n)", "mu(n+1)"}, "möbius (or moebius) function mu(n)": {"mu(n)", "mu(n+1)"},
	"number of primes <= n": {"pi(n)"},
}

var rePowers = regexp.MustCompile(`^Powers of (\d+)\s*\.?\s*$`)

// firstSentence is the text up to its first ". " or ";" (or all of it).
func firstSentence(text string) string {
	s := text
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i+1]
	}
	if i := strings.Index(s, ";"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func (c *collector) phrases(text string) {
	s := firstSentence(text)
	key := strings.ToLower(strings.TrimRight(s, ". "))
	if key == "" {
		return
	}
	if fs, ok := named[key]; ok {
		for _, f := range fs {
			if f == "nth_composite" {
				for _, base := range []int64{0, 1} {
					c.add(s, nthOf("x_", base, 4, un(kCmp0, un(kIsPrime, vr("x_")))))
				}
				continue
			}
			if adj, ok := strings.CutPrefix(f, "nth_"); ok {
				var pred *node // "odd_squarefree": both
				for _, p := range strings.Split(adj, "_") {
					q := property(p) // each is one of adjectives
					pred = and(pred, q)
				}
				for _, base := range []int64{1, 0} {
					c.add(s, nthOf("x_", base, 1, pred))
				}
				continue
			}
			c.addText(s, f)
		}
		return
	}
	if c.basePhrase(s) { // phrases_base.go
		return
	}
	if m := rePowers.FindStringSubmatch(s); m != nil {
		c.addText(s, m[1]+"^n")
		c.addText(s, m[1]+"^(n-1)")
		return
	}
	if m := reMultiples.FindStringSubmatch(s); m != nil {
		c.addText(s, m[1]+"*n")
		c.addText(s, m[1]+"*(n-1)")
		return
	}
	if m := reNotDivisible.FindStringSubmatch(s); m != nil {
		c.divisibility(s, m)
		return
	}
	if m := rePeriod.FindStringSubmatch(s); m != nil {
		c.period(s, m[1], m[2])
		return
	}
	if m := reCongruent.FindStringSubmatch(s); m != nil {
		c.congruent(s, m[1], m[2], m[3])
		return
	}
	if c.setPhrases(s) || c.suchThatList(s) || c.quantifier(s) { // sets.go, quant.go
		return
	}
	if m := reDecimal.FindStringSubmatch(s); m != nil {
		c.decimal(s, m[1], m[2])
		return
	}
	if m := reCFSqrt.FindStringSubmatch(s); m != nil {
		c.cfSqrt(s, m[1])
		return
	}
	if m := reExpansion.FindStringSubmatch(s); m != nil {
		c.expansion(s, m[1])
		return
	}
	if m := reFormOf.FindStringSubmatch(s); m != nil {
		c.formOf(s, m[1])
		return
	}
	if m := reOf.FindStringSubmatch(s); m != nil {
		c.functionOf(s, m[1], m[2] != "", m[3])
		return
	}
	if c.digitsList(s) {
		return
	}
	if m := reNumbersAre.FindStringSubmatch(s); m != nil {
		c.numbersAre(s, m[1], m[2])
		return
	}
	if c.phrase2(s, text) { // phrase2.go: polygonal numbers, Turán graphs, cusp forms
		return
	}
	c.functionPhrase(s)
}

// "Squarefree numbers.", "Odd squarefree numbers.", "Numbers that are
// congruent to {5, 6, 7} mod 8 and are squarefree.": a property of the
// number itself, or two joined by "and".
var reNumbersAre = regexp.MustCompile(`^(?i:(numbers|positive integers|integers|nonnegative integers) (?:that|which) are (?:both )?)(.+?)\s*\.?\s*$`)

// properties of a number x_ named by an adjective, and where a list of
// them starts (the least x to try).
var adjectives = map[string]func() *node{
	"squarefree":     func() *node { return &node{k: kCmp, name: "!=", kids: []*node{call("mu", vr("x_")), num(0)}} },
	"cubefree":       func() *node { return cubefreeOf(vr("x_")) },       // isdef2.go
	"biquadratefree": func() *node { return biquadratefreeOf(vr("x_")) }, // isdef2.go
	"nonsquarefree":  func() *node { return &node{k: kCmp, name: "=", kids: []*node{call("mu", vr("x_")), num(0)}} },
	"not squarefree": func() *node {
		return &node{k: kCmp, name: "=", kids: []*node{call("mu", vr("x_")), num(0)}}
	},
	"odd":      func() *node { return &node{k: kCmp, name: "=", kids: []*node{bin(kMod, vr("x_"), num(2)), num(1)}} },
	"even":     func() *node { return &node{k: kCmp, name: "=", kids: []*node{bin(kMod, vr("x_"), num(2)), num(0)}} },
	"prime":    func() *node { return un(kIsPrime, vr("x_")) },
	"primes":   func() *node { return un(kIsPrime, vr("x_")) },
	"nonprime": func() *node { return un(kCmp0, un(kIsPrime, vr("x_"))) },
	"composite": func() *node {
		return bin(kAnd, &node{k: kCmp, name: ">", kids: []*node{vr("x_"), num(1)}}, un(kCmp0, un(kIsPrime, vr("x_"))))
	},
}

var reCongruentTo = regexp.MustCompile(`^congruent to \{?([-+\d, ]+(?:(?:,? or )[-+\d ]+)?)\}? (?:\(mod |mod |modulo )(\d+)\)?$`)

// property reads one property of a number ("squarefree", "congruent to 1
// mod 4", "odd"), or nil.
func property(p string) *node {
	p = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(p), "are "))
	if f, ok := adjectives[strings.ToLower(p)]; ok {
		return f()
	}
	if m := reCongruentTo.FindStringSubmatch(p); m != nil {
		md, err := strconv.ParseInt(m[2], 10, 32)
		if err != nil || md < 2 || md > 1000 {
			return nil
		}
		rs, ok := residues(m[1], md)
		if !ok {
			return nil
		}
		return inClasses(vr("x_"), md, rs)
	}
	return nil
}

// numbersAre: "Numbers that are P and Q": the n-th x >= lo with both.
func (c *collector) numbersAre(s, what, props string) {
	var pred *node
	for _, p := range strings.Split(props, " and ") {
		q := property(p)
		if q == nil {
			return
		}
		if pred == nil {
			pred = q
		} else {
			pred = bin(kAnd, pred, q)
		}
	}
	c.listOf(s, what, pred)
}

// listOf adds the list of the x that pass pred, by each reading of where
// it starts.
func (c *collector) listOf(s, what string, pred *node) {
	starts := lows(what)
	if len(starts) == 2 && !passes(pred, 0) {
		starts = []int64{1}
	}
	for _, base := range []int64{1, 0} {
		for _, lo := range starts {
			c.add(s, nthOf("x_", base, lo, pred))
		}
	}
}

// addText parses a formula over n written in this file and adds it.
func (c *collector) addText(source, f string) {
	toks := lex(f)
	x, end, ok := parseAt(toks, 0, "n")
	if ok && toks[end].k == tEnd {
		c.add(source, x)
	}
}

// nthOf is the node "the idx-th x >= lo (counted from base) with pred(x)",
// idx being n.
func nthOf(name string, base, lo int64, pred *node) *node {
	return nthAt(vr("n"), name, base, lo, pred)
}

// nthAt is nthOf with the index idx.
func nthAt(idx *node, name string, base, lo int64, pred *node) *node {
	return &node{k: kNth, name: name, val: base, kids: []*node{idx, pred, num(lo)}}
}

func (c *collector) period(s, p, list string) {
	var vals []int64
	for _, f := range strings.Split(list, ",") {
		v, err := strconv.ParseInt(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(f), "+")), 10, 32)
		if err != nil {
			return
		}
		vals = append(vals, v)
	}
	if p != "" {
		if q, err := strconv.Atoi(p); err != nil || q != len(vals) {
			return
		}
	}
	if len(vals) < 2 || len(vals) > 60 {
		return
	}
	for _, base := range []int64{0, 1} {
		idx := bin(kMod, bin(kSub, vr("n"), num(base)), num(int64(len(vals))))
		c.add(s, &node{k: kTable, vals: vals, kids: []*node{idx}})
	}
}

// residues reads "1, 4, 6", "+-1, +-4", "1 or 5", "13 and 197".
func residues(list string, m int64) ([]int64, bool) {
	list = strings.NewReplacer(" or ", ",", " and ", ",", "{", "", "}", "").Replace(list)
	var rs []int64
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		both := strings.HasPrefix(f, "+-")
		if both {
			f = f[2:]
		}
		v, err := strconv.ParseInt(strings.TrimPrefix(f, "+"), 10, 32)
		if err != nil {
			return nil, false
		}
		rs = append(rs, ((v%m)+m)%m)
		if both {
			rs = append(rs, ((-v%m)+m)%m)
		}
	}
	return rs, len(rs) > 0
}

// inClasses is 1 when x mod m is one of rs.
func inClasses(x *node, m int64, rs []int64) *node {
	vals := make([]int64, m)
	for _, r := range rs {
		vals[r] = 1
	}
	return &node{k: kTable, vals: vals, kids: []*node{bin(kMod, x, num(m))}}
}

func (c *collector) congruent(s, what, list, mod string) {
	m, err := strconv.ParseInt(mod, 10, 32)
	if err != nil || m < 2 || m > 1000 {
		return
	}
	rs, ok := residues(list, m)
	if !ok {
		return
	}
	if what == "Primes" && len(rs) == 1 { // step through the class
		lo := rs[0]
		for lo < 2 {
			lo += m
		}
		for _, base := range []int64{1, 0} {
			x := nthOf("x_", base, lo, un(kIsPrime, vr("x_")))
			x.vals = []int64{m}
			c.add(s, x)
		}
		return
	}
	if what == "Primes" {
		pred := bin(kAnd, inClasses(vr("x_"), m, rs), un(kIsPrime, vr("x_")))
		for _, base := range []int64{1, 0} {
			c.add(s, nthOf("x_", base, 2, pred))
		}
		return
	}
	// the j-th (from 0) number >= 0 in the classes r_0 < r_1 < ... < r_{k-1}
	// is m*floor(j/k) + r_(j mod k); starting from 1 skips a class 0.
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	rs = slices.Compact(rs)
	k := int64(len(rs))
	for _, base := range []int64{1, 0} {
		for _, lo := range lows(what) {
			shift := int64(0)
			if lo == 1 && rs[0] == 0 {
				shift = 1
			}
			j := add(sub(vr("n"), num(base)), num(shift))
			tab := &node{k: kTable, vals: rs, kids: []*node{bin(kMod, j, num(k))}}
			c.add(s, bin(kAdd, bin(kMul, num(m), un(kFloor, bin(kDiv, j, num(k)))), tab))
		}
	}
}

// lows: where a list of numbers starts, by its name.
func lows(what string) []int64 {
	switch what {
	case "Positive integers":
		return []int64{1}
	case "Nonnegative integers":
		return []int64{0}
	}
	return []int64{0, 1}
}

// rename replaces variable from by to throughout x.
func rename(x *node, from, to string) *node {
	y := *x
	if y.k == kVar && y.name == from {
		y.name = to
	}
	y.kids = make([]*node, len(x.kids))
	for i, k := range x.kids {
		y.kids[i] = rename(k, from, to)
	}
	return &y
}

// parseIn parses all of s as an expression in variable v, renamed x_.
func parseIn(s, v string) (*node, bool) {
	toks := lex(s)
	x, end, ok := parseAt(toks, 0, v)
	if !ok || toks[end].k != tEnd || !x.uses(v) {
		return nil, false
	}
	return rename(x, v, "x_"), true
}

// condition reads a list's condition on variable v (renamed x_), or nil:
// one of conditionOne's, or several joined by "and" ("10*n + 3 and
// 10*n + 7 are prime" is read as both prime).
func condition(cond, v string) *node {
	if m := reBothPrime.FindStringSubmatch(cond); m != nil {
		adj := " is prime"
		if m[3] == "composite" {
			adj = " is composite"
		}
		var pred *node
		for _, e := range append(strings.Split(m[1], ", "), m[2]) {
			q := conditionOne(strings.TrimSpace(e)+adj, v)
			if q == nil {
				return nil
			}
			pred = and(pred, q)
		}
		return pred
	}
	if x := conditionOne(cond, v); x != nil {
		return x
	}
	parts := strings.Split(cond, " and ")
	if len(parts) < 2 {
		return nil
	}
	var pred *node
	for _, p := range parts {
		q := conditionOne(p, v)
		if q == nil {
			return nil
		}
		if pred == nil {
			pred = q
		} else {
			pred = bin(kAnd, pred, q)
		}
	}
	return pred
}

// "E and F are (both) (also) prime(s)", "E, F and G are primes", "E and F are both composite"
var reBothPrime = regexp.MustCompile(`^(?:both )?(.+?) and (.+?) are (?:both )?(?:also )?(primes?|composite)$`)

// reSquarefree: "E is squarefree", "E is not squarefree"
var reSquarefree = regexp.MustCompile(`^(.+?) is (not )?squarefree$`)

// conditionOne reads one condition on variable v (renamed x_), or nil.
func conditionOne(cond, v string) *node {
	if m := reSquarefree.FindStringSubmatch(cond); m != nil {
		e, ok := parseIn(m[1], v)
		if !ok {
			return nil
		}
		op := "!="
		if m[2] != "" {
			op = "="
		}
		return &node{k: kCmp, name: op, kids: []*node{call("mu", e), num(0)}}
	}
	if m := reIsPrime.FindStringSubmatch(cond); m != nil {
		e, ok := parseIn(m[1], v)
		if !ok {
			return nil
		}
		pred := un(kIsPrime, e)
		switch m[2] {
		case "composite":
			return bin(kAnd, &node{k: kCmp, name: ">", kids: []*node{e, num(1)}}, un(kCmp0, pred))
		case "not prime", "not a prime", "nonprime":
			return un(kCmp0, pred)
		}
		return pred
	}
	if m := reCongMod.FindStringSubmatch(cond); m != nil {
		a, ok1 := parseIn(m[1], v)
		b, ok2 := parseConst(m[2])
		md, ok3 := parseConst(m[3])
		if !ok1 || !ok2 || !ok3 || md < 2 {
			return nil
		}
		return &node{k: kCmp, name: "=", kids: []*node{bin(kMod, a, num(md)), num(((b % md) + md) % md)}}
	}
	if m := reDivisible.FindStringSubmatch(cond); m != nil {
		a, ok1 := parseIn(m[1], v)
		b, ok2 := parseMaybeIn(m[2], v)
		if !ok1 || !ok2 {
			return nil
		}
		return &node{k: kCmp, name: "=", kids: []*node{bin(kMod, a, b), num(0)}}
	}
	if m := reSquare.FindStringSubmatch(cond); m != nil {
		e, ok := parseIn(m[1], v)
		if !ok {
			return nil
		}
		return squareOf(e)
	}
	return nil
}

// parseConst reads a constant expression ("13^4").
func parseConst(s string) (int64, bool) {
	toks := lex(s)
	x, end, ok := parseAt(toks, 0)
	if !ok || toks[end].k != tEnd {
		return 0, false
	}
	y, ok := normalize(x, false)
	if !ok || !y.isNum() || y.val > 1<<31-1 || y.val < -1<<31 {
		return 0, false
	}
	return y.val, true
}

// parseMaybeIn reads an expression that may use v (renamed x_).
func parseMaybeIn(s, v string) (*node, bool) {
	toks := lex(s)
	x, end, ok := parseAt(toks, 0, v)
	if !ok || toks[end].k != tEnd {
		return nil, false
	}
	return rename(x, v, "x_"), true
}

// passes reports whether predicate pred (over x_) holds at x.
func passes(pred *node, x int64) bool {
	v := evaluator{steps: 10_000}
	r, err := v.evalAt(pred, map[string]*big.Rat{"x_": ratInt(x)})
	return err == nil && r.Sign() != 0
}

// formOf: "Primes of the form 210k + 19" (residue class) or of a form f(k)
// increasing in k >= 0 ("8n^2 + 5"): the n-th k with f(k) prime, mapped by f.
func (c *collector) formOf(s, form string) {
	for _, v := range []string{"k", "n", "m", "x"} {
		e, ok := parseIn(form, v)
		if !ok {
			continue
		}
		pred := un(kIsPrime, e)
		for _, base := range []int64{1, 0} {
			k := nthOf("x_", base, 0, pred)
			c.add(s, substitute(e, "x_", k))
		}
		return
	}
	c.primesOfQForm(s, form) // qform.go: "x^2 + 112*y^2"
}

// substitute replaces variable name by y throughout x.
func substitute(x *node, name string, y *node) *node {
	if x.k == kVar && x.name == name {
		return y
	}
	z := *x
	z.kids = make([]*node, len(x.kids))
	for i, k := range x.kids {
		z.kids[i] = substitute(k, name, y)
	}
	return &z
}

// functionOf: "Number of divisors of 2*prime(n)+1" is tau of the
// expression; without "of" the expression must restate the function
// ("Euler totient function phi(n)").
func (c *collector) functionOf(s, fn string, of bool, arg string) {
	toks := lex(arg)
	x, end, ok := parseAt(toks, 0, "n")
	if !ok || toks[end].k != tEnd {
		return
	}
	var want string
	switch f := strings.ToLower(fn); {
	case strings.HasPrefix(f, "number of divisors"):
		want = "tau"
	case strings.HasPrefix(f, "sum of"):
		want = "sigma"
	default:
		want = "phi"
	}
	if of {
		c.add(s, call(want, x))
	} else if x.k == kCall && x.name == want {
		c.add(s, x)
	}
}

// divisibility: "Numbers not divisible by 3", "Positive integers divisible
// by 5 but not by 7", "Numbers not divisible by 2 or 3".
func (c *collector) divisibility(s string, m []string) {
	divides := func(ds string) *node { // [x_ mod d = 0], or nil
		d, err := strconv.ParseInt(ds, 10, 32)
		if err != nil || d < 2 || d > 1000 {
			return nil
		}
		return eq(bin(kMod, vr("x_"), num(d)), num(0))
	}
	var pred *node
	switch {
	case m[5] != "": // not divisible by a or b
		a, b := divides(m[5]), divides(m[6])
		if a == nil || b == nil {
			return
		}
		pred = bin(kAnd, un(kCmp0, a), un(kCmp0, b))
	case m[2] != "": // not divisible by a
		if m[4] != "" {
			return
		}
		a := divides(m[3])
		if a == nil {
			return
		}
		pred = un(kCmp0, a)
	default: // divisible by a but not by b
		a, b := divides(m[3]), divides(m[4])
		if a == nil || b == nil {
			return
		}
		pred = bin(kAnd, a, un(kCmp0, b))
	}
	c.listOf(s, m[1], pred)
}
