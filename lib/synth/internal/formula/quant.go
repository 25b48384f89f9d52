package formula

// Lists and quantifiers named by a condition (pred.go reads it):
//
//	GENERATOR v such that P   "Primes p such that p+4 and p+12 are also prime."
//	Smallest k such that P    "Least k > 0 such that n*k + 1 is a square."
//	Number of k <= n such P   "Number of k <= n such that gcd(n, k) = 1."
//	Number of divisors d of n such that P, of the form c*k + d, that are P
//	Largest divisor of n such that P, coprime to m
//
// A list is the n-th x >= lo passing the generator's property and P
// (counted from 1 or 0: both are offered, the examples decide). A
// quantifier's readings (k from 0 or from 1, where the text does not say)
// are offered only where they agree at every n past the examples
// (readings).

import (
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// generators: a list's kind of number, by its name (lower case): the
// property (over x_) and the starts a list of them may have.
var generators = map[string]generator{
	"numbers": {nil, []int64{0, 1}, false}, "integers": {nil, []int64{0, 1}, false},
	"natural numbers": {nil, []int64{0, 1}, false}, "positive integers": {nil, []int64{1}, false},
	"positive numbers": {nil, []int64{1}, false}, "nonnegative integers": {nil, []int64{0}, false},
	"odd numbers":            {func() *node { return property("odd") }, []int64{0, 1}, false},
	"odd positive integers":  {func() *node { return property("odd") }, []int64{0, 1}, false},
	"odd integers":           {func() *node { return property("odd") }, []int64{0, 1}, false},
	"even numbers":           {func() *node { return property("even") }, []int64{0, 1}, false},
	"even positive integers": {func() *node { return property("even") }, []int64{1}, false},
	"composite numbers":      {func() *node { return property("composite") }, []int64{0, 1}, false},
	"composites":             {func() *node { return property("composite") }, []int64{0, 1}, false},
	"odd composite numbers":  {func() *node { return and(property("odd"), property("composite")) }, []int64{0, 1}, false},
	"nonprime numbers":       {func() *node { return property("nonprime") }, []int64{1}, false},
	"nonprimes":              {func() *node { return property("nonprime") }, []int64{1}, false},
	"squarefree numbers":     {func() *node { return property("squarefree") }, []int64{0, 1}, false},
	"cubefree numbers":       {func() *node { return property("cubefree") }, []int64{0, 1}, false},
	"biquadratefree numbers": {func() *node { return property("biquadratefree") }, []int64{0, 1}, false},
	"semiprimes":             {func() *node { return eq(call("bigomega", vr("x_")), num(2)) }, []int64{0, 1}, false},
	"primes":                 {nil, nil, true}, "prime numbers": {nil, nil, true},
	"odd primes": {func() *node { return property("odd") }, nil, true},
}

type generator struct {
	prop  func() *node
	lows  []int64
	prime bool // primes: stepped from 2
}

// reList: "Primes p such that ...", "Numbers k > 1 such that ...",
// "Primes p == 1 (mod 4) such that ...".
var reList = regexp.MustCompile(`^([A-Z][a-z]*(?: [a-z]+)*?) ([a-z])(?: (>|>=) (\d+))?(?: (?:==|≡) ([-\d]+) \(mod (\d+)\))?,? (?:such that|for which) (.+?)\s*\.?\s*$`)

// suchThatList reads s as a list named by its condition; it reports
// whether s had that shape (whether or not a candidate came of it).
func (c *collector) suchThatList(s string) bool {
	m := reList.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	g, ok := generators[strings.ToLower(m[1])]
	if !ok {
		return c.mappedList(s, m) // pred2.go: "Squares k such that ..."
	}
	pred := predicate(m[7], m[2], false)
	if pred == nil {
		return true
	}
	if m[5] != "" { // "Primes p == 1 (mod 4) such that ..."
		r, err1 := strconv.ParseInt(m[5], 10, 32)
		md, err2 := strconv.ParseInt(m[6], 10, 32)
		if err1 != nil || err2 != nil || md < 2 || md > 1000 {
			return true
		}
		pred = bin(kAnd, inClasses(vr("x_"), md, []int64{((r % md) + md) % md}), pred)
	}
	lows := slices.Clone(g.lows)
	if m[3] != "" { // a bound: one start
		b, ok := boundStart(m[3], m[4])
		if !ok {
			return true
		}
		lows = []int64{b}
	}
	sq, cf, d := squareLine(m[7], m[2])
	if !sq || g.prop != nil || g.prime || m[5] != "" {
		c.generated(s, g, pred, lows)
		return true
	}
	// "c*k + d is a square": over the roots
	if len(lows) == 2 && !passes(pred, 0) {
		lows = []int64{1} // from 0 or from 1, one list
	}
	if d > 0 && m[3] == "" && d/cf > 0 {
		// "Numbers k for which 120*k + 169 is a square" may count k = -1:
		// a reading from the least k with 120*k + 169 >= 0 (the same list
		// where no such k is negative)
		lows = append(lows, -(d / cf))
	}
	for _, base := range []int64{1, 0} {
		for _, lo := range lows {
			c.add(s, squaresOnLine(base, lo, cf, d))
		}
	}
	return true
}

// generated adds the list of the x of kind g with pred, by each reading
// of where it starts (lows; a kind's own, for primes from 2).
func (c *collector) generated(s string, g generator, pred *node, lows []int64) {
	if g.prop != nil {
		pred = bin(kAnd, g.prop(), pred)
	}
	if g.prime {
		lo := int64(2)
		if len(lows) == 1 {
			lo = max(lo, lows[0])
		}
		lo = definedFrom(pred, lo)
		pred = bin(kAnd, un(kIsPrime, vr("x_")), pred)
		for _, base := range []int64{1, 0} {
			c.add(s, nthOf("x_", base, lo, pred))
		}
		return
	}
	lows = slices.Clone(lows) // definedFrom moves them
	if len(lows) == 2 && !passes(pred, 0) {
		lows = []int64{1} // from 0 or from 1, one list
	}
	for i, lo := range lows {
		lows[i] = definedFrom(pred, lo)
	}
	for _, base := range []int64{1, 0} {
		for _, lo := range lows {
			c.add(s, nthOf("x_", base, lo, pred))
		}
	}
}

// definedFrom is the first x from lo (up to lo+3) where pred is defined:
// "n-1 has as many prime factors as n" says nothing of n = 1, which is no
// term.
func definedFrom(pred *node, lo int64) int64 {
	for x := lo; x <= lo+3; x++ {
		v := evaluator{steps: 10_000}
		if _, err := v.evalAt(pred, map[string]*big.Rat{"x_": ratInt(x)}); err != errUndefined {
			return x
		}
	}
	return lo
}

// reIsSquare: "E is a square"
var reIsSquare = regexp.MustCompile(`^(.+) is a (?:perfect )?square$`)

// squareLine reports whether cond is "c*v + d is a square" with c > 0.
func squareLine(cond, v string) (ok bool, c, d int64) {
	m := reIsSquare.FindStringSubmatch(strings.TrimSpace(cond))
	if m == nil {
		return false, 0, 0
	}
	e, ok := parseIn(m[1], v)
	if !ok {
		return false, 0, 0
	}
	c, d, ok = lineOf(e)
	return ok && c > 0 && c <= 1<<20 && d >= -1<<20 && d <= 1<<20, c, d
}

// squaresOnLine is the list of x >= lo with c*x + d a square, run over the
// roots instead of the x: the n-th j >= 0 with j^2 == d (mod c) and
// j^2 - d >= c*lo, mapped to (j^2 - d)/c (j^2 grows with j, so the order
// is the x's).
func squaresOnLine(base, lo, c, d int64) *node {
	j2 := bin(kPow, vr("x_"), num(2))
	pred := and(eq(bin(kMod, sub(j2, num(d)), num(c)), num(0)),
		&node{k: kCmp, name: ">=", kids: []*node{sub(j2, num(d)), num(c * lo)}})
	root := nthOf("x_", base, 0, pred)
	return bin(kDiv, sub(bin(kPow, root, num(2)), num(d)), num(c))
}

var (
	// "Smallest k such that ...", "Least positive integer m > 1 for which ..."
	reLeast = regexp.MustCompile(`^(?:Smallest|Least) (?:(positive|nonnegative) )?(?:(integer|number|natural number|prime|odd prime) )?([a-mo-z])(?: (>|>=) (\d+))? (?:such that|for which) (.+?)\s*\.?\s*$`)
	// "Number of k <= n such that ...", "Number of integers k, 1 <= k <= n, such that ...",
	// "Number of primes p <= n such that ...", "Number of k in [1..n] such that ..."
	reCountK = regexp.MustCompile(`^Number of (?:(?P<sign>nonnegative|positive) )?(?:(?P<kind>integers|numbers|primes|odd numbers|even numbers) )?(?:(?P<lo1>0|1) <= )?(?P<v>[a-mo-z])(?:,? (?P<lo2>0|1) <= [a-mo-z] (?P<rel2><=|<) n,?| (?P<rel><=|<) n| in \[(?P<lo3>0|1)\.\.n\]| in (?P<lo4>0|1)\.\.n) (?:such that|for which|with) (?P<cond>.+?)\s*\.?\s*$`)
	// "Number of divisors d of n such that ...", "Number of divisors of n that are ...",
	// "Number of divisors of 7*n-4 of form 7*k+2."
	reCountDiv = regexp.MustCompile(`^Number of (odd |even )?divisors(?: ([a-mo-z]))? of (.+?)(?: (?:such that|for which|with) (.+?)| (?:that|which) are (.+?)| (?:of the form|of form) (.+?))\s*\.?\s*$`)
	// "Largest divisor of n coprime to 6.", "Largest divisor d of n such that ..."
	reLargestDiv = regexp.MustCompile(`^(?:Largest|Greatest) (odd )?divisor(?: ([a-mo-z]))? of n(?: (?:such that|for which) (.+?)| (?:that|which) is (.+?)| ((?:coprime|relatively prime) to .+?))\s*\.?\s*$`)
)

// quantifier reads s as one of the quantifier forms; it reports whether s
// had such a shape.
func (c *collector) quantifier(text string) bool {
	s := text // the source; the forms are matched past "a(n) = (the)"
	if loc := reAPrefix.FindStringIndex(text); loc != nil && loc[1] < len(text) {
		s = strings.ToUpper(text[loc[1]:loc[1]+1]) + text[loc[1]+1:]
	}
	if m := reNear.FindStringSubmatch(s); m != nil {
		c.near(text, m)
		return true
	}
	if m := reFormOfPrime.FindStringSubmatch(s); m != nil {
		c.formOfPrime(text, m[1], m[2])
		return true
	}
	if c.kindList(text) {
		return true
	}
	if m := reLeast.FindStringSubmatch(s); m != nil {
		c.least(text, m)
		return true
	}
	if m := reCountDiv.FindStringSubmatch(s); m != nil {
		c.countDivisors(text, m)
		return true
	}
	if m := reCountK.FindStringSubmatch(s); m != nil {
		c.count(text, m)
		return true
	}
	if m := reCountForm.FindStringSubmatch(s); m != nil && m[2] == m[4] {
		// "Number of primes p of the form 4m+1 with p <= n"
		c.count(text, reCountK.FindStringSubmatch("Number of "+m[1]+" "+m[2]+" "+m[5]+" n such that "+m[2]+" is "+m[3]+"."))
		return true
	}
	if m := reCountNoVar.FindStringSubmatch(s); m != nil {
		// "Number of numbers <= n with an odd number of prime factors
		// (counted with multiplicity)": the count of k with "k has ..."
		verb := map[string]string{"with": "has", "having": "has", "that are": "is", "which are": "is"}[m[3]]
		pred := predicate("x "+verb+" "+m[4], "x", true)
		if pred == nil {
			return true
		}
		switch m[1] {
		case "primes":
			pred = bin(kAnd, un(kIsPrime, vr("x_")), pred)
		case "odd numbers":
			pred = bin(kAnd, property("odd"), pred)
		case "even numbers":
			pred = bin(kAnd, property("even"), pred)
		}
		hi := vr("n")
		if m[2] == "<" || m[2] == "less than" {
			hi = sub(vr("n"), num(1))
		}
		c.add(text, &node{k: kSum, name: "x_", kids: []*node{num(1), hi, pred}})
		return true
	}
	if m := reLargestDiv.FindStringSubmatch(s); m != nil {
		c.largestDivisor(text, m)
		return true
	}
	return false
}

// least: a(n) = the least k >= lo with P(n, k).
func (c *collector) least(s string, m []string) {
	if c.leastPower(s, m) { // pred2.go: "... is a cube", over the roots
		return
	}
	pred := predicate(m[6], m[3], true)
	if pred == nil || !pred.uses("n") {
		return
	}
	var lows []int64
	switch {
	case m[4] != "":
		b, ok := boundStart(m[4], m[5])
		if !ok {
			return
		}
		lows = []int64{b}
	case m[1] == "positive":
		lows = []int64{1}
	case m[1] == "nonnegative":
		lows = []int64{0}
	case m[2] == "prime" || m[2] == "odd prime":
		lows = []int64{2}
	default:
		lows = []int64{0, 1}
	}
	switch m[2] {
	case "prime":
		pred = bin(kAnd, un(kIsPrime, vr("x_")), pred)
	case "odd prime":
		pred = bin(kAnd, and(property("odd"), un(kIsPrime, vr("x_"))), pred)
	}
	var xs []*node
	for _, lo := range lows {
		x := nthAt(num(1), "x_", 1, lo, pred)
		if v := (evaluator{steps: 20_000}); v.evalErr(x, 0) == errBudget {
			// no k for n = 0 ("k*sigma(0) + 1 is prime"): no term there
			x = nthAt(gt(vr("n"), num(0)), "x_", 1, lo, pred)
		}
		xs = append(xs, x)
	}
	c.readings(s, xs)
}

// evalErr is eval's error alone.
func (v *evaluator) evalErr(x *node, n int64) error {
	_, err := v.eval(x, n)
	return err
}

// count: a(n) = the number of k in lo..n (or lo..n-1) with P(n, k).
func (c *collector) count(s string, m []string) {
	g := func(name string) string { return m[reCountK.SubexpIndex(name)] }
	pred := predicate(g("cond"), g("v"), true)
	if pred == nil {
		return
	}
	switch g("kind") {
	case "primes":
		pred = bin(kAnd, un(kIsPrime, vr("x_")), pred)
	case "odd numbers":
		pred = bin(kAnd, property("odd"), pred)
	case "even numbers":
		pred = bin(kAnd, property("even"), pred)
	}
	hi := vr("n")
	if g("rel")+g("rel2") == "<" {
		hi = sub(vr("n"), num(1))
	}
	var lows []int64
	switch lo := g("lo1") + g("lo2") + g("lo3") + g("lo4"); {
	case len(lo) == 1:
		lows = []int64{int64(lo[0] - '0')}
	case lo != "":
		return // two starts
	case g("sign") == "positive" || g("kind") == "primes":
		lows = []int64{1}
	case g("sign") == "nonnegative":
		lows = []int64{0}
	default:
		lows = []int64{0, 1}
	}
	var xs []*node
	for _, lo := range lows {
		xs = append(xs, &node{k: kSum, name: "x_", kids: []*node{num(lo), hi, pred}})
	}
	c.readings(s, xs)
}

// divisorVar is the divisor's letter the text names, d when it names none.
func divisorVar(v string) string {
	if v == "" {
		return "d"
	}
	return v
}

// divisorCondition reads the condition on divisor v: "such that P"
// (such), "which divide ..." (which), else what other reads.
func divisorCondition(v, such, which string, other func() *node) *node {
	switch {
	case such != "":
		return predicate(such, v, true)
	case which != "":
		return dividesWhich(v, which)
	}
	return other()
}

// countDivisors: a(n) = the number of divisors d of E(n) with P(d) (and
// n, when P names it).
func (c *collector) countDivisors(s string, m []string) {
	e, ok := parseN(m[3])
	if !ok {
		return
	}
	v := divisorVar(m[2])
	pred := divisorCondition(v, m[4], m[5], func() *node {
		return predReader{v: v, freeN: true}.is(v, "of the form "+m[6])
	})
	if pred == nil || !pred.uses("x_") {
		return
	}
	switch m[1] {
	case "odd ":
		pred = bin(kAnd, property("odd"), pred)
	case "even ":
		pred = bin(kAnd, property("even"), pred)
	}
	c.add(s, &node{k: kSumDiv, name: "x_", kids: []*node{e, pred}})
}

// dividesWhich reads "that are P" of divisor v: "d is P", or "d P" for a
// comparison ("that are <= 3").
func dividesWhich(v, p string) *node {
	r := predReader{v: v, freeN: true}
	if x := r.read(v+" is "+singularComplement(p), 0); x != nil {
		return x
	}
	return r.read(v+" "+p, 0)
}

// singularComplement: "primes" is "prime", "squares" is "a square".
func singularComplement(p string) string {
	if sg, ok := singulars[strings.ToLower(p)]; ok && sg != "" {
		return sg
	}
	return p
}

// largestDivisor: a(n) = n / (the least j >= 1 dividing n with P(n/j)).
func (c *collector) largestDivisor(s string, m []string) {
	v := divisorVar(m[2])
	pred := divisorCondition(v, m[3], m[4], func() *node {
		return predReader{v: v, freeN: true}.read(v+" is "+m[5], 0)
	})
	if pred == nil {
		return
	}
	if m[1] != "" {
		pred = bin(kAnd, property("odd"), pred)
	}
	q := bin(kDiv, vr("n"), vr("j_"))
	cond := and(eq(bin(kMod, vr("n"), vr("j_")), num(0)), substitute(pred, "x_", q))
	// the index is 1 for n > 0, else 0: before the list, undefined
	c.add(s, bin(kDiv, vr("n"), nthAt(gt(vr("n"), num(0)), "j_", 1, 1, cond)))
}

// readings adds the readings xs of one name (a quantifier from 0 or from
// 1) where they are one function of n past the examples: all of them if
// every n where two differ is at most lastSeen (the examples show which
// is meant; the rest agree), or every two differ at some n the examples
// show (toldApartEarly), else only if they all agree; none where the
// exact values cannot be compared up to scanN.
func (c *collector) readings(s string, xs []*node) {
	if ys, ok := toldApartEarly(xs); ok && len(xs) > 1 {
		xs = ys // readers3_sumof.go: the examples pick at most one
	} else if len(xs) > 1 {
		v := evaluator{steps: 4 * scanSteps}
		for n := int64(lastSeen + 1); n <= scanN; n++ {
			var first *big.Rat
			for i, x := range xs {
				r, err := v.eval(x, n)
				if err == errBudget {
					c.note("readings", "budget")
					return
				}
				if err != nil {
					r = nil
				}
				if i == 0 {
					first = r
				} else if (r == nil) != (first == nil) || r != nil && r.Cmp(first) != 0 {
					c.note("readings", "differ past the examples")
					return
				}
			}
		}
	}
	for _, x := range xs {
		c.add(s, x)
	}
}

// lastSeen: readings that differ only at n <= lastSeen are told apart by
// the examples (the first ten terms, from offset 0 or 1).
const lastSeen = 8

// usesOther reports whether x mentions a variable other than name (n, or
// an enclosing list's or sum's): a list whose predicate does is not one
// list for every n, so the evaluator keeps no memo of it.
func usesOther(x *node, name string) bool {
	return usesFree(x, map[string]bool{name: true}) // coverage_free.go: a sum's own variable is no other
}

// reCountForm: "Number of primes p of the form 4m+1 with p <= n"
var reCountForm = regexp.MustCompile(`^Number of (primes|numbers|integers|positive integers) ([a-mo-z]) ((?:of the form|congruent to) .+?),? (?:with|such that|where) ([a-mo-z]) (<=|<) n\s*\.?\s*$`)

// reCountNoVar: "Number of numbers <= n with ...", "Number of primes < n that are ..."
var reCountNoVar = regexp.MustCompile(`^Number of (positive integers|integers|numbers|primes|odd numbers|even numbers) (<=|<|less than or equal to|less than|not exceeding) n (with|having|that are|which are) (.+?)\s*\.?\s*$`)

// reAPrefix: "a(n) = the least ...", "a(n) is the number of ...", "The largest ..."
var reAPrefix = regexp.MustCompile(`^(?:a\(n\) (?:=|is) (?:the )?|The )`)

// reNear: "Least prime >= sigma(n)", "Largest prime < 2*prime(n)",
// "Least integer square >= n^3", "Smallest squarefree number > 2^n".
var reNear = regexp.MustCompile(`^(Smallest|Least|Largest|Greatest) (prime|prime number|odd prime|squarefree number|integer square|square|perfect square|cube|perfect cube|composite|composite number|semiprime|triangular number|even number|odd number|nonprime|prime power) (>=|>|<=|<|greater than or equal to|greater than|less than or equal to|less than|not exceeding|exceeding|not less than|above|below) (.+?)\s*\.?\s*$`)

// nearKinds: the property each kind names (isAdjectives).
var nearKinds = map[string]string{"prime": "prime", "prime number": "prime", "odd prime": "prime",
	"squarefree number": "squarefree", "integer square": "a square", "square": "a square",
	"perfect square": "a square", "cube": "a cube", "perfect cube": "a cube", "composite": "composite", "composite number": "composite",
	"semiprime": "a semiprime", "triangular number": "a triangular number", "even number": "even",
	"odd number": "odd", "nonprime": "nonprime", "prime power": "a prime power"}

// near: the least x >= E (> E) with a property is E + the least j >= 0
// (>= 1) with it at E + j; the largest x <= E (< E) is E - j, stopping
// at -1 where there is none (no OEIS term there).
func (c *collector) near(s string, m []string) {
	e, ok := parseN(m[4])
	if !ok {
		return
	}
	prop := nearProperty(nearKinds[m[2]]) // sets.go
	least := m[1] == "Smallest" || m[1] == "Least"
	var strict bool
	switch m[3] {
	case ">", "<", "greater than", "less than", "exceeding", "above", "below":
		strict = true
	}
	up := m[3] == ">=" || m[3] == ">" || strings.HasPrefix(m[3], "greater") || m[3] == "exceeding" || m[3] == "above" || m[3] == "not less than"
	if up != least {
		return // "least prime <= E" names no sequence
	}
	lo := int64(0)
	if strict {
		lo = 1
	}
	at := add(e, vr("j_"))
	if !least {
		at = sub(e, vr("j_"))
	}
	pred := prop(at)
	if m[2] == "odd prime" {
		pred = and(eq(bin(kMod, at, num(2)), num(1)), pred)
	}
	if !least {
		pred = or(pred, &node{k: kCmp, name: "<", kids: []*node{at, num(0)}})
	}
	j := nthAt(num(1), "j_", 1, lo, pred)
	if least {
		c.add(s, add(e, j))
	} else {
		c.add(s, sub(e, j))
	}
}

var (
	// "Composites of the form 14k + 3.", "Odd composite numbers congruent to 5 modulo 9."
	reKindForm = regexp.MustCompile(`^([A-Z][a-z]*(?: [a-z]+)*?) (?:that are |which are )?((?:of the form|of form|congruent to) .+?)\s*\.?\s*$`)
	// "Numbers with exactly 3 distinct prime factors."
	reKindWith = regexp.MustCompile(`^([A-Z][a-z]*(?: [a-z]+)*?) (?:with|having|that have|which have) (.+?)\s*\.?\s*$`)
	// "Numbers whose smallest prime factor is 13."
	reKindWhose = regexp.MustCompile(`^([A-Z][a-z]*(?: [a-z]+)*?) (?:([a-z]) )?whose (.+?)\s*\.?\s*$`)
)

// kindList reads "GENERATOR of the form c*k + d", "GENERATOR congruent to
// r mod m" and "GENERATOR whose F is P"; it reports whether it read a
// condition (else the later phrase readers try).
func (c *collector) kindList(s string) bool {
	var cond, v, kind string
	if m := reKindForm.FindStringSubmatch(s); m != nil {
		if g, ok := generators[strings.ToLower(m[1])]; ok && g.prime {
			return false // "Primes of the form 210k + 19": formOf steps through k
		}
		kind, v, cond = m[1], "x", "x is "+strings.Replace(m[2], "of form", "of the form", 1)
	} else if m := reKindWith.FindStringSubmatch(s); m != nil {
		kind, v, cond = m[1], "x", "x has "+m[2]
	} else if m := reKindWhose.FindStringSubmatch(s); m != nil {
		kind, v = m[1], m[2]
		if v == "" {
			v = "x"
		}
		f, vp := verbSplit(m[3])
		if f == "" {
			return false
		}
		cond = "the " + f + " of " + v + " " + vp
	} else {
		return false
	}
	g, isKind := generators[strings.ToLower(kind)]
	form, isForm := formKinds[strings.ToLower(kind)]
	if !isKind && !isForm {
		return false
	}
	pred := predicate(cond, v, false)
	if pred == nil {
		return false
	}
	if isForm {
		// "Triangular numbers with three distinct prime factors": the
		// n-th j with the property at f(j), mapped by f (f increasing)
		f := form()
		for _, base := range []int64{1, 0} {
			for _, lo := range []int64{0, 1} {
				c.addOnce(s, f, nthOf("x_", base, lo, substitute(pred, "x_", f))) // fuel2_once.go
			}
		}
		return true
	}
	c.generated(s, g, pred, g.lows)
	return true
}

// formKinds: kinds of number that are the values of a form f(j), j >= 0,
// increasing.
var formKinds = map[string]func() *node{
	"squares":            func() *node { return bin(kPow, vr("x_"), num(2)) },
	"cubes":              func() *node { return bin(kPow, vr("x_"), num(3)) },
	"triangular numbers": func() *node { return call("binomial", add(vr("x_"), num(1)), num(2)) }, // j once
	"odd squares":        func() *node { return bin(kPow, add(bin(kMul, num(2), vr("x_")), num(1)), num(2)) },
	"even squares":       func() *node { return bin(kPow, bin(kMul, num(2), vr("x_")), num(2)) },
}

// reFormOfPrime: "Primes of the form p^2 - p - 1, where p is prime."
var reFormOfPrime = regexp.MustCompile(`^Primes of (?:the )?form (.+?),? (?:where|with) ([a-z]) (?:is )?(?:also )?(?:a )?prime\s*\.?\s*$`)

// formOfPrime: the primes f(p) for primes p, f increasing from 2: the
// n-th prime x with f(x) prime, mapped by f.
func (c *collector) formOfPrime(s, form, v string) {
	e, ok := parseIn(form, v)
	if !ok || !increasingFrom(e, 2, 300) {
		return
	}
	pred := and(un(kIsPrime, vr("x_")), un(kIsPrime, e))
	for _, base := range []int64{1, 0} {
		c.addOnce(s, e, nthOf("x_", base, 2, pred)) // fuel2_once.go
	}
}

// increasingFrom reports whether e (over x_) is defined and strictly
// increasing at x_ = lo..hi.
func increasingFrom(e *node, lo, hi int64) bool {
	var prev *big.Rat
	for x := lo; x <= hi; x++ {
		v := evaluator{steps: 10_000}
		r, err := v.evalAt(e, map[string]*big.Rat{"x_": ratInt(x)})
		if err != nil || prev != nil && r.Cmp(prev) <= 0 {
			return false
		}
		prev = r
	}
	return true
}

// boundStart is the least integer a bound "v > b" or "v >= b" (op, b in
// digits) lets v take; ok false past 1000 (a start that far is no list's).
func boundStart(op, digits string) (int64, bool) {
	b, err := strconv.ParseInt(digits, 10, 32)
	if err != nil || b > 1000 {
		return 0, false
	}
	if op == ">" {
		b++
	}
	return b, true
}
