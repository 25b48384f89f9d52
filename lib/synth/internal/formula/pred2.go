package formula

// More of a condition's vocabulary (pred.go reads the rest):
//
//	"(3*k-4, 3*k-2) is a twin prime pair", "k and k+2 are twin primes"
//	"no nonzero digit of 3*k divides 3*k", "every digit of k is odd"
//	"sigma(n)/tau(n) has denominator 4"
//	"all prime divisors of k are <= sqrt(k)"
//	"n/d is powerful"
//
// and lists whose kind of number is the image of an increasing map
// ("Squares k such that ...", "Triangular numbers k such that ..."), run
// over the map's argument instead of every integer.

import (
	"regexp"
	"slices"
	"strings"
)

var (
	// "(A, B) is a twin prime pair", "(A, B) are twin primes"
	reTwinPair = regexp.MustCompile(`^\((.+), (.+)\) (?:is|are|forms?) (?:a )?(?:twin prime pair|pair of twin primes|twin primes)$`)
	// "A and B are twin primes", "A and B are both twin primes"
	reTwinAnd = regexp.MustCompile(`^(.+?) and (.+?) are (?:both )?twin primes$`)
	// "no nonzero digit of 3*k divides 3*k", "every digit of k is odd",
	// "all digits of k are odd", "some digit of k is 7"
	reDigitQuant = regexp.MustCompile(`^(no|every|each|all|all the|some|at least one) (nonzero )?(?:decimal )?digits? of (.+?) (divides|divide|does not divide|do not divide|is|are) (.+)$`)
	// "sigma(n)/tau(n) has denominator 4"
	reHasDen = regexp.MustCompile(`^(.+?) has (denominator|numerator) (.+)$`)
	// "all prime divisors of k are <= sqrt(k)"
	reAllPrimeDiv = regexp.MustCompile(`^all (?:the )?(?:of )?(?:its )?prime (?:divisors|factors) of (.+?) are (<=|<|>=|>|≤|≥|less than or equal to|less than|greater than or equal to|greater than|at most|at least) (.+)$`)
)

// pred2Atom reads the conditions above, or nil.
func (r predReader) pred2Atom(s string) *node {
	if x := r.compoundAre(s); x != nil {
		return x
	}
	if m := reTwinPair.FindStringSubmatch(s); m != nil && indexTop(m[1], ",") < 0 {
		return r.twinPair(m[1], m[2], true)
	}
	if m := reTwinAnd.FindStringSubmatch(s); m != nil {
		return r.twinPair(m[1], m[2], false)
	}
	if m := reDigitQuant.FindStringSubmatch(s); m != nil {
		return r.digitQuant(m[1], m[2] != "", m[3], m[4], m[5])
	}
	if m := reHasDen.FindStringSubmatch(s); m != nil {
		x, ok := r.term(m[2] + "(" + m[1] + ")")
		y, ok2 := r.term(m[3])
		if !ok || !ok2 {
			return nil
		}
		return eq(x, y)
	}
	if m := reAllPrimeDiv.FindStringSubmatch(s); m != nil {
		return r.allPrimeDivisors(m[1], m[2], m[3])
	}
	return nil
}

// twinPair: A and B are both prime and differ by 2 (B = A + 2 where the
// pair is written in order).
func (r predReader) twinPair(a, b string, ordered bool) *node {
	x, ok1 := r.term(a)
	y, ok2 := r.term(b)
	if !ok1 || !ok2 {
		return nil
	}
	gap := eq(sub(y, x), num(2))
	if !ordered {
		gap = eq(call("abs", sub(y, x)), num(2))
	}
	return and(gap, and(isPrimeOf(x), isPrimeOf(y)))
}

// digitQuant reads a quantifier over the decimal digits of X >= 0 (only
// its nonzero ones where the text says so): the digit values g_ = 0..9
// (1..9) that pass the body and occur in X are counted (a quantifier asks
// only which values occur).
func (r predReader) digitQuant(q string, nonzero bool, subj, verb, rest string) *node {
	x, ok := r.term(subj)
	if !ok {
		return nil
	}
	plural := verb == "divide" || verb == "do not divide" || verb == "are"
	if plural != (q == "all" || q == "all the") {
		return nil // "all digits ... is", "every digit ... are"
	}
	d := vr("g_")
	var body *node
	switch verb {
	case "divides", "divide", "does not divide", "do not divide":
		t, ok := r.term(rest)
		if !ok {
			return nil
		}
		body = and(not(eq(d, num(0))), eq(bin(kMod, t, d), num(0)))
		if strings.Contains(verb, "not") {
			body = not(body)
		}
	default:
		comp := strings.ToLower(strings.TrimSpace(rest))
		neg := false
		if c, ok := strings.CutPrefix(comp, "not "); ok {
			comp, neg = c, true
		}
		if plural {
			sg := singular("are " + comp)
			if sg == "" {
				return nil
			}
			comp = strings.TrimPrefix(sg, "is ")
		}
		f, ok := isAdjectives[comp]
		switch {
		case ok:
			body = f(d)
		case reDigitConst.MatchString(comp):
			body = eq(d, num(int64(comp[0]-'0')))
		default:
			return nil
		}
		if neg {
			body = not(body)
		}
	}
	if body == nil {
		return nil
	}
	lo := int64(0)
	if nonzero {
		lo = 1
	}
	occurs := gt(call("digcount", x, num(10), d), num(0))
	count := func(p *node) *node { // p first: occurs is a loop
		return &node{k: kSum, name: "g_", kids: []*node{num(lo), num(9), and(p, occurs)}}
	}
	var out *node
	switch q {
	case "no":
		out = eq(count(body), num(0))
	case "some", "at least one":
		out = gt(count(body), num(0))
	default: // every, each, all
		out = eq(count(not(body)), num(0))
	}
	return and(&node{k: kCmp, name: ">=", kids: []*node{x, num(0)}}, out)
}

// cmpPhrases: a comparison in words, as its operator.
var cmpPhrases = map[string]string{"≤": "<=", "≥": ">=", "less than or equal to": "<=", "less than": "<",
	"greater than or equal to": ">=", "greater than": ">", "at most": "<=", "at least": ">="}

var reDigitConst = regexp.MustCompile(`^[0-9]$`)

// allPrimeDivisors: "all prime divisors of X are <= Y" is gpf(X) <= Y,
// "... >= Y" is lpf(X) >= Y, and true of X = 1 (which has none); X > 0.
// Y = sqrt(E) compares the square with E.
func (r predReader) allPrimeDivisors(subj, op, bound string) *node {
	x, ok := r.term(subj)
	if !ok {
		return nil
	}
	if w, ok := cmpPhrases[op]; ok {
		op = w
	}
	f := "gpf"
	if strings.HasPrefix(op, ">") {
		f = "lpf"
	}
	p := call(f, x)
	var y *node
	if in, ok := strings.CutPrefix(strings.TrimSpace(bound), "sqrt("); ok && strings.HasSuffix(in, ")") && indexTop(in[:len(in)-1], ")") < 0 {
		e, ok := r.term(in[:len(in)-1])
		if !ok {
			return nil
		}
		p, y = bin(kMul, p, p), e
	} else if y, ok = r.term(bound); !ok {
		return nil
	}
	return and(gt(x, num(0)), or(eq(x, num(1)), &node{k: kCmp, name: op, kids: []*node{p, y}}))
}

// reDivByPrimes: "divisible by at least 8 primes (counted with
// multiplicity)", "divisible by exactly 3 distinct primes"; a count of
// primes that says neither distinct nor with multiplicity is not read.
var reDivByPrimes = regexp.MustCompile(`^divisible by (at least|at most|exactly|more than|fewer than) (\w+) (distinct )?primes(,? \(?counted with multiplicity\)?)?$`)

// pred2Adjective: "powerful", "divisible by at least 3 distinct primes",
// or nil. (Not "a cube": a count or a list
// of cubes is read from the cubes themselves, sets.go's nearProperty.)
func pred2Adjective(c string) func(e *node) *node {
	if m := reDivByPrimes.FindStringSubmatch(c); m != nil {
		k, ok := countWord(m[2])
		if !ok || k < 1 || k > 30 || (m[3] == "") == (m[4] == "") {
			return nil
		}
		f := "omega"
		if m[4] != "" {
			f = "bigomega"
		}
		op := map[string]string{"at least": ">=", "at most": "<=", "exactly": "=", "more than": ">", "fewer than": "<"}[m[1]]
		return func(e *node) *node {
			return and(gt(e, num(0)), &node{k: kCmp, name: op, kids: []*node{call(f, e), num(k)}})
		}
	}
	switch c {
	case "powerful", "a powerful number":
		// every prime's exponent is at least 2: rad(e)^2 divides e
		return func(e *node) *node {
			return and(gt(e, num(0)), eq(bin(kMod, e, bin(kPow, call("rad", e), num(2))), num(0)))
		}
	}
	return nil
}

// mapped kinds of number: the image of j >= lo under an increasing map,
// j written once (it is a list: a second copy would run it again).
var mappedKinds = map[string]struct {
	f    func(j *node) *node
	lows []int64
}{
	"squares":             {func(j *node) *node { return bin(kPow, j, num(2)) }, []int64{0, 1}},
	"perfect squares":     {func(j *node) *node { return bin(kPow, j, num(2)) }, []int64{0, 1}},
	"cubes":               {func(j *node) *node { return bin(kPow, j, num(3)) }, []int64{0, 1}},
	"triangular numbers":  {func(j *node) *node { return call("binomial", add(j, num(1)), num(2)) }, []int64{0, 1}},
	"oblong numbers":      {func(j *node) *node { return bin(kMul, num(2), call("binomial", add(j, num(1)), num(2))) }, []int64{0, 1}},
	"pronic numbers":      {func(j *node) *node { return bin(kMul, num(2), call("binomial", add(j, num(1)), num(2))) }, []int64{0, 1}},
	"tetrahedral numbers": {func(j *node) *node { return call("binomial", add(j, num(2)), num(3)) }, []int64{0, 1}},
	"powers of 2":         {func(j *node) *node { return bin(kPow, num(2), j) }, []int64{0}},
	"powers of two":       {func(j *node) *node { return bin(kPow, num(2), j) }, []int64{0}},
	"factorial numbers":   {func(j *node) *node { return un(kFact, j) }, []int64{0, 1}},
	"factorials":          {func(j *node) *node { return un(kFact, j) }, []int64{1}},
}

// mappedList reads "Squares k such that P" (m from reList; no bound, no
// residue class): the n-th j >= lo with P(f(j)), mapped by f. It reports
// whether the kind was one of mappedKinds.
func (c *collector) mappedList(s string, m []string) bool {
	kind, ok := mappedKinds[strings.ToLower(m[1])]
	if !ok {
		return c.composedList(s, m)
	}
	if m[3] != "" || m[5] != "" {
		return true
	}
	pred := predicate(m[7], m[2], false)
	if pred == nil {
		return true
	}
	f := kind.f(vr("x_"))
	on := substitute(pred, "x_", f)
	lows := slices.Clone(kind.lows)
	if len(lows) == 2 && !passes(on, 0) {
		lows = lows[1:] // from 0 or from 1: one list unless 0's image passes
	}
	for _, base := range []int64{1, 0} {
		for _, lo := range lows {
			c.add(s, substitute(f, "x_", nthOf("x_", base, lo, on)))
		}
	}
	return true
}

// kindWords: the adjectives a composed kind of number may stack ("odd
// squarefree numbers", "nonprime squarefree numbers").
var kindWords = map[string]func(e *node) *node{
	"odd": isAdjectives["odd"], "even": isAdjectives["even"], "squarefree": isAdjectives["squarefree"],
	"nonprime": isAdjectives["nonprime"], "composite": isAdjectives["composite"],
	"nonsquarefree": func(e *node) *node { return not(isAdjectives["squarefree"](e)) },
	"nonsquare":     func(e *node) *node { return not(squareOf(e)) },
}

// composedKind reads a kind of number as adjectives before "numbers" or
// "integers" ("Nonprime squarefree numbers", "Positive nonsquare
// integers"), at least two words besides the noun, each read once.
func composedKind(name string) (generator, bool) {
	ws := strings.Fields(strings.ToLower(name))
	if len(ws) < 3 || ws[len(ws)-1] != "numbers" && ws[len(ws)-1] != "integers" {
		return generator{}, false
	}
	lows := []int64{0, 1}
	var props []func(e *node) *node
	seen := map[string]bool{}
	for _, w := range ws[:len(ws)-1] {
		if seen[w] {
			return generator{}, false
		}
		seen[w] = true
		switch f, ok := kindWords[w]; {
		case w == "positive":
			lows = []int64{1}
		case w == "nonnegative":
			lows = []int64{0}
		case ok:
			props = append(props, f)
		default:
			return generator{}, false
		}
	}
	if len(props) == 0 {
		return generator{}, false
	}
	prop := func() *node {
		var x *node
		for _, f := range props {
			x = and(x, f(vr("x_")))
		}
		return x
	}
	return generator{prop, lows, false}, true
}

// composedList reads "Nonprime squarefree numbers n such that P" (m from
// reList; no bound, no residue class); it reports whether the kind was
// a composed one.
func (c *collector) composedList(s string, m []string) bool {
	g, ok := composedKind(m[1])
	if !ok {
		return c.lists3KindList(s, m) // lists3_kinds.go: "Positive j", "Odd semiprimes k"
	}
	if m[3] != "" || m[5] != "" {
		return true
	}
	if pred := predicate(m[7], m[2], false); pred != nil {
		c.generated(s, g, pred, g.lows)
	}
	return true
}

// compoundAre reads "S1 and S2 are C1 and C2" ("both n-1 and n+1 are not
// squarefree and not prime", "k is odd and squarefree"): every subject
// has every complement; nil unless the complement joins two or more with
// "and" and each subject is a term.
func (r predReader) compoundAre(s string) *node {
	i := indexTop(s, " are ")
	verb := " are "
	if j := indexTop(s, " is "); i < 0 || j >= 0 && j < i {
		i, verb = j, " is "
	}
	if i < 0 {
		return nil
	}
	subj, comp := s[:i], strings.TrimPrefix(s[i+len(verb):], "both ")
	comps := splitTop(comp, []string{" and "})
	if len(comps) < 2 {
		return nil
	}
	subjs := []string{subj}
	if verb == " are " {
		subjs = splitTop(strings.TrimPrefix(subj, "both "), []string{", and ", " and ", ", "})
	}
	if slices.Contains(comps, "not squarefree") {
		// a number with a square factor is not prime: say it once (each
		// test is a loop of its own in the program)
		comps = slices.DeleteFunc(comps, func(c string) bool { return c == "not prime" || c == "nonprime" })
	}
	var x *node
	for _, sj := range subjs {
		if _, ok := r.term(sj); !ok {
			return nil
		}
		for _, cp := range comps {
			neg, not1 := strings.CutPrefix(cp, "not ")
			sg := singular("are " + neg)
			if sg == "" {
				sg = "is " + neg // "is 1 mod 4"
			}
			if not1 {
				sg = "is not " + strings.TrimPrefix(sg, "is ")
			}
			q := r.atom(strings.TrimSpace(sj) + " " + sg)
			if q == nil {
				return nil
			}
			x = and(x, q)
		}
	}
	return x
}

// reIsPower: "E is a cube", "E is a perfect fourth power".
var reIsPower = regexp.MustCompile(`^(.+) is a (?:perfect )?(cube|fourth power|fifth power)$`)

// leastPower reads "Smallest k > 0 such that n*k + 1 is a cube" (m from
// reLeast) where the expression is a*k + b, a(n) > 0 and b(n) >= 0 for
// n = 1..100: over the roots instead of the k, as the least j >= 0 with
// a | j^e - b and j^e - b >= a*lo, then k = (j^e - b)/a (a*k + b grows
// with k, j^e with j). It reports whether s had that shape.
func (c *collector) leastPower(s string, m []string) bool {
	p := reIsPower.FindStringSubmatch(strings.TrimSpace(m[6]))
	if p == nil || m[2] != "" && m[2] != "integer" && m[2] != "number" {
		return false
	}
	e, ok := parseWhole(p[1], []string{m[3], "n"})
	if !ok || !e.uses(m[3]) {
		return false
	}
	e = rename(e, m[3], "x_")
	b := substitute(e, "x_", num(0))
	a := sub(substitute(e, "x_", num(1)), b)
	at := func(x *node, n int64) (int64, bool) {
		v := evaluator{steps: 10_000}
		r, err := v.eval(x, n)
		if err != nil || !r.IsInt() || !r.Num().IsInt64() {
			return 0, false
		}
		return r.Num().Int64(), true
	}
	for n := int64(1); n <= 100; n++ {
		an, ok1 := at(a, n)
		bn, ok2 := at(b, n)
		if !ok1 || !ok2 || an <= 0 || bn < 0 {
			return true
		}
		for k := int64(2); k <= 4; k++ { // linear in k
			if ek, ok := at(substitute(e, "x_", num(k)), n); !ok || ek != an*k+bn {
				return true
			}
		}
	}
	var lows []int64
	switch {
	case m[4] != "":
		lo, ok := boundStart(m[4], m[5])
		if !ok || lo < 0 {
			return true
		}
		lows = []int64{lo}
	case m[1] == "positive":
		lows = []int64{1}
	case m[1] == "nonnegative":
		lows = []int64{0}
	default:
		lows = []int64{0, 1}
	}
	pow := map[string]int64{"cube": 3, "fourth power": 4, "fifth power": 5}[p[2]]
	idx := num(1)
	if an, ok := at(a, 0); !ok || an <= 0 {
		idx = gt(vr("n"), num(0)) // no k at n = 0
	}
	var xs []*node
	for _, lo := range lows {
		d := sub(bin(kPow, vr("j_"), num(pow)), b)
		pred := and(eq(bin(kMod, d, a), num(0)), &node{k: kCmp, name: ">=", kids: []*node{d, bin(kMul, a, num(lo))}})
		j := nthAt(idx, "j_", 1, 0, pred)
		xs = append(xs, bin(kDiv, sub(bin(kPow, j, num(pow)), b), a))
	}
	c.readings(s, xs)
	return true
}
