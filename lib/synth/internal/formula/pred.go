package formula

// A list's condition read as a boolean combination of atoms: "p+4 and
// p+12 are also prime", "either k or k-1 is a prime", "k^2 - k + 1 is not
// squarefree", "phi(k + 9) | sigma(k)", "the sum of divisors of k is a
// multiple of 24", "k is squarefree but not prime". Every word must be
// understood: anything else gives no predicate.

import (
	"math/big"
	"regexp"
	"strconv"
	"strings"
)

// predReader reads conditions on the variable v (renamed x_); with freeN
// the condition may also use n (the index of a quantifier: "Smallest k
// such that n divides k!").
type predReader struct {
	v     string
	freeN bool
}

// predicate reads cond on v (renamed x_), or nil: the older readings
// first (condition), then a boolean combination of atoms.
func predicate(cond, v string, freeN bool) *node {
	cond = strings.TrimSpace(cond)
	if !freeN {
		if x := condition(cond, v); x != nil {
			return x
		}
	}
	r := predReader{v: v, freeN: freeN}
	if m := reWhereDef.FindStringSubmatch(cond); m != nil {
		// "k > d(k)^2, where d(k) is the number of divisors of k": a
		// definition that restates a function of the table, or nothing
		if !r.restates(m[2], m[3], m[4]) {
			return nil
		}
		cond = m[1]
	}
	x := r.read(cond, 0)
	if rw := clauseList(cond); x == nil && rw != "" { // readers3_pred.go: "k is squarefree, not prime, and odd"
		x = r.read(rw, 0)
	}
	if x == nil { // readers3_pfac.go: "all prime factors of k are congruent to 1 mod 4"
		x = primeFactorsQuant(cond, v)
	}
	if x == nil { // readers3_divq.go: "k has no squarefree divisor d such that d^2 > k"
		x = divisorQuant(cond, v)
	}
	if rw := digitWords(cond); x == nil && rw != cond { // "(k mod (sum of digits of k)) divides k"
		x = r.read(rw, 0)
	}
	if x == nil || !x.uses("x_") {
		return nil
	}
	return x
}

func or(a, b *node) *node {
	if a == nil {
		return b
	}
	return un(kCmp0, bin(kAnd, un(kCmp0, a), un(kCmp0, b)))
}

func not(a *node) *node { return un(kCmp0, a) }

// maxDepth bounds the nesting of and, or, but not, either and neither.
const maxDepth = 4

func (r predReader) read(s string, depth int) *node {
	s = strings.TrimSpace(s)
	if depth > maxDepth || s == "" {
		return nil
	}
	if x := r.atom(s); x != nil {
		return x
	}
	low := strings.ToLower(s)
	switch {
	case strings.HasPrefix(low, "either "):
		if parts := splitTop(s[len("either "):], []string{" or "}); len(parts) == 2 {
			return r.join(parts, or, depth)
		}
		return nil
	case strings.HasPrefix(low, "neither "):
		if parts := splitTop(s[len("neither "):], []string{" nor "}); len(parts) == 2 {
			if x := r.join(parts, or, depth); x != nil {
				return not(x)
			}
		}
		return nil
	case strings.HasPrefix(low, "both "):
		if parts := splitTop(s[len("both "):], []string{" and "}); len(parts) == 2 {
			return r.join(parts, and, depth)
		}
		return nil
	}
	if x := r.same(s); x != nil {
		return x
	}
	if m := rePlusMinus.FindStringSubmatch(s); m != nil {
		// "s-/+4 are primes": s-4 and s+4
		return r.read(m[1]+"-"+m[2]+" and "+m[1]+"+"+m[2]+" "+m[3], depth+1)
	}
	if m := reLastDigits.FindStringSubmatch(s); m != nil {
		// "n^3 and n have the same last 2 digits": congruent mod 10^k
		k, ok := countWord(m[3])
		if !ok || k < 1 || k > 9 {
			return nil
		}
		mod := int64(1)
		for range k {
			mod *= 10
		}
		return r.congruent(m[1], m[2], strconv.FormatInt(mod, 10))
	}
	if parts := splitTop(s, []string{" but not "}); len(parts) == 2 {
		a := r.read(parts[0], depth+1)
		if a == nil {
			return nil
		}
		b := r.read(parts[1], depth+1)
		if b == nil {
			b = r.read(verbPrefix(parts[0], parts[1]), depth+1)
		}
		if b == nil {
			return nil
		}
		return and(a, not(b))
	}
	ors := splitTop(s, []string{", or ", " or "})
	ands := splitTop(s, []string{", and ", " and ", ", "})
	switch {
	case len(ors) > 1 && len(ands) > 1:
		return nil // "A and B or C": which binds tighter is not said
	case len(ors) > 1:
		return r.join(ors, or, depth)
	case len(ands) > 1:
		return r.join(ands, and, depth)
	}
	return nil
}

// same reads "k-1 has the same number of divisors as k+1", "k and k+1
// have the same number of divisors", either with "(counted) with
// multiplicity" anywhere: F(A) = F(B).
func (r predReader) same(s string) *node {
	mult := ""
	if loc := reWithMult.FindStringIndex(s); loc != nil {
		s, mult = s[:loc[0]]+s[loc[1]:], ", counted with multiplicity"
	}
	if m := rePredSameAs.FindStringSubmatch(s); m != nil {
		return r.compare("the "+m[2]+" of "+m[1]+mult, "=", "the "+m[2]+" of "+m[3]+mult)
	}
	if m := rePredSame.FindStringSubmatch(s); m != nil {
		return r.compare("the "+m[3]+" of "+m[1]+mult, "=", "the "+m[3]+" of "+m[2]+mult)
	}
	return nil
}

var (
	rePlusMinus  = regexp.MustCompile(`^(.+?)\s*(?:-/\+|\+/-|±|\+-)\s*(\d+) (are .+)$`)
	reLastDigits = regexp.MustCompile(`^(.+?) and (.+?) have (?:the )?same last (\w+) (?:decimal )?digits$`)
)

// reHas: "k has exactly 3 distinct prime factors", "k has an odd number
// of divisors", "k has 4 prime factors (counted with multiplicity)"
var reHas = regexp.MustCompile(`^(.+?) (?:has|have) (?:(exactly|at least|at most) )?(an odd|an even|\w+) (?:number of )?(distinct prime factors|distinct prime divisors|distinct primes|prime factors|prime divisors|divisors|positive divisors)(,? \(?(?:counted |counting )?with (?:multiplicity|repetition)\)?)?$`)

// has reads reHas: the count F(S) compared with a number or its parity.
func (r predReader) has(m []string) *node {
	e, ok := r.term(m[1])
	if !ok {
		return nil
	}
	var f *node
	switch kind := m[4]; {
	case strings.HasPrefix(kind, "distinct"):
		if m[5] != "" {
			return nil
		}
		f = call("omega", e)
	case strings.HasPrefix(kind, "prime"):
		if m[5] == "" {
			return nil // with multiplicity or not: the text does not say
		}
		f = call("bigomega", e)
	default:
		if m[5] != "" {
			return nil
		}
		f = call("tau", e)
	}
	switch m[3] {
	case "an odd":
		return and(gt(e, num(0)), eq(bin(kMod, f, num(2)), num(1)))
	case "an even":
		return and(gt(e, num(0)), eq(bin(kMod, f, num(2)), num(0)))
	}
	k, ok := countWord(m[3])
	if !ok {
		return nil
	}
	op := map[string]string{"": "=", "exactly": "=", "at least": ">=", "at most": "<="}[m[2]]
	return and(gt(e, num(0)), &node{k: kCmp, name: op, kids: []*node{f, num(k)}})
}

// reWhereDef: "P, where d(k) is the number of divisors of k"
var reWhereDef = regexp.MustCompile(`^(.+?),? where ([A-Za-z]+)\(([a-z])\) (?:is|=|denotes) (.+)$`)

// restates reports whether "f(v) is phrase" defines f as the function the
// parser's table already gives that name ("d(k) is the number of divisors
// of k": tau).
func (r predReader) restates(f, v, phrase string) bool {
	name, arity, ok := lookupFunc(f)
	if !ok || arity != 1 {
		return false
	}
	x, ok := predReader{v: v}.term(phrase)
	return ok && x.k == kCall && x.name == name && len(x.kids) == 1 && x.kids[0].k == kVar && x.kids[0].name == "x_"
}

var reWithMult = regexp.MustCompile(`,? \(?(?:counted |counting )?with (?:multiplicity|multiplicities|repetitions?)\)?`)

// join combines parts with op. A part that is only a subject ("8*k+1" in
// "8*k+1, 8*k+3 and 8*k+7 are primes") takes the verb phrase of the last
// part, made singular.
func (r predReader) join(parts []string, op func(a, b *node) *node, depth int) *node {
	last := parts[len(parts)-1]
	_, vp := verbSplit(last)
	var x *node
	for _, p := range parts {
		q := r.read(p, depth+1)
		if q == nil && vp != "" {
			// a bare subject takes the last part's verb phrase; a part
			// with a plural verb phrase of its own is made singular
			subj, own := verbSplit(p)
			if subj == "" {
				subj, own = p, vp
			}
			if sg := singular(own); sg != "" {
				q = r.atom(strings.TrimSpace(subj) + " " + sg)
			}
		}
		if q == nil {
			return nil
		}
		x = op(x, q)
	}
	return x
}

// verbs that open a verb phrase, plural and singular.
var verbs = []string{" are ", " is ", " divide ", " divides ", " do not divide ", " does not divide "}

// verbSplit splits s at its first verb (outside parentheses): the subject
// and the verb phrase ("are also prime"), or "" for both.
func verbSplit(s string) (subject, vp string) {
	best := -1
	for _, v := range verbs {
		if i := indexTop(s, v); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	if best < 0 {
		return "", ""
	}
	return s[:best], strings.TrimSpace(s[best:])
}

// plural complements and their singular forms.
var singulars = map[string]string{
	"primes": "prime", "prime numbers": "prime", "prime": "prime", "composite": "composite",
	"composites": "composite", "composite numbers": "composite", "squarefree": "squarefree",
	"squares": "a square", "perfect squares": "a square", "cubes": "a cube", "semiprimes": "a semiprime",
	"triangular numbers": "a triangular number", "even": "even", "odd": "odd", "nonprime": "nonprime",
	"not prime": "not prime", "not squarefree": "not squarefree", "twin primes": "",
}

// singular makes a plural verb phrase singular: "are also primes" is
// "is prime", "divide 24" is "divides 24"; "" if it cannot.
func singular(vp string) string {
	low := strings.ToLower(vp)
	for _, p := range []string{"do not divide ", "does not divide "} {
		if strings.HasPrefix(low, p) {
			return "does not divide " + vp[len(p):]
		}
	}
	for _, p := range []string{"divide ", "divides "} {
		if strings.HasPrefix(low, p) {
			return "divides " + vp[len(p):]
		}
	}
	var rest string
	switch {
	case strings.HasPrefix(low, "are "):
		rest = vp[len("are "):]
	case strings.HasPrefix(low, "is "):
		return vp // "either k or k-1 is a prime"
	default:
		return ""
	}
	for _, w := range []string{"both ", "all ", "also ", "simultaneously "} {
		if strings.HasPrefix(strings.ToLower(rest), w) {
			rest = rest[len(w):]
		}
	}
	lr := strings.ToLower(rest)
	if sg, ok := singulars[lr]; ok {
		if sg == "" {
			return ""
		}
		return "is " + sg
	}
	for _, p := range []string{"divisible by ", "not divisible by ", "congruent to ", "coprime to ", "relatively prime to "} {
		if strings.HasPrefix(lr, p) {
			return "is " + rest
		}
	}
	if strings.HasPrefix(lr, "multiples of ") {
		return "is a multiple of " + rest[len("multiples of "):]
	}
	return ""
}

// verbPrefix completes b, the second half of "a but not b": "by 5" after
// "k is divisible by 3" is "k is divisible by 5"; "prime" after "k is
// squarefree" is "k is prime".
func verbPrefix(a, b string) string {
	b = strings.TrimSpace(b)
	first, _, _ := strings.Cut(b, " ")
	if i := strings.LastIndex(a, " "+first+" "); i >= 0 && first != "" {
		return a[:i+1] + b
	}
	subj, vp := verbSplit(a)
	if subj == "" || !strings.HasPrefix(vp, "is ") {
		return ""
	}
	return subj + " is " + b
}

// splitTop splits s at each separator outside parentheses and braces
// (the earliest, longest separator at each place); one part if none.
func splitTop(s string, seps []string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[', '{':
			depth++
			continue
		case ')', ']', '}':
			depth--
			continue
		}
		if depth != 0 {
			continue
		}
		for _, sep := range seps {
			if strings.HasPrefix(s[i:], sep) {
				parts = append(parts, s[start:i])
				start = i + len(sep)
				i = start - 1
				break
			}
		}
	}
	return append(parts, s[start:])
}

// indexTop is the index of sep's first occurrence outside parentheses, or
// -1.
func indexTop(s, sep string) int {
	parts := splitTop(s, []string{sep})
	if len(parts) < 2 {
		return -1
	}
	return len(parts[0])
}

var (
	rePredSameAs = regexp.MustCompile(`^(.+?) has the same (.+?) as (.+)$`)
	rePredSame   = regexp.MustCompile(`^(.+?) and (.+?) have the same (.+)$`)
	reAnum       = regexp.MustCompile(`\s*\(A\d{6}\)`)
	// "S is (also) (not) COMPLEMENT"
	reIs = regexp.MustCompile(`^(.+?) is (?:also )?(not |never )?(.+)$`)
	// comparison operators, longest first
	cmpWords = []struct{ sep, op string }{
		{"<=", "<="}, {">=", ">="}, {"≤", "<="}, {"≥", ">="}, {"!=", "!="}, {"<>", "!="}, {"≠", "!="},
		{"==", "="}, {"=", "="}, {"<", "<"}, {">", ">"},
	}
	reMod = regexp.MustCompile(`^(.+?)\s*(?:\(mod(?:ulo)? ((?:[^()]|\([^()]*\))+)\)|,? mod(?:ulo)? (.+))$`) // "(mod prime(n))": one level of parentheses
)

// atom reads one condition: "S is prime", "S divides T", "S == T (mod
// M)", "S < T", and their negations; or nil.
func (r predReader) atom(s string) *node {
	s = strings.TrimSpace(reAnum.ReplaceAllString(s, ""))
	if x := r.pred2Atom(s); x != nil { // pred2.go: twin pairs, digit quantifiers, ...
		return x
	}
	if x := r.cond2Each(s); x != nil { // cond2_each.go: "S is divisible by the numbers from 1 to 10"
		return x
	}
	low := strings.ToLower(s)
	// S divides T, S does not divide T, S | T
	for _, d := range []struct {
		sep string
		neg bool
	}{{" does not divide ", true}, {" divides ", false}, {" | ", false}} {
		if parts := splitTop(low, []string{d.sep}); len(parts) == 2 {
			i := len(parts[0])
			x := r.divides(s[:i], s[i+len(d.sep):])
			if x != nil && d.neg {
				x = not(x)
			}
			return x
		}
	}
	// S == T (mod M)
	for _, sep := range []string{"==", "≡"} {
		if parts := splitTop(s, []string{sep}); len(parts) == 2 {
			if m := reMod.FindStringSubmatch(parts[1]); m != nil {
				return r.congruent(parts[0], m[1], m[2]+m[3])
			}
		}
	}
	if m := reHas.FindStringSubmatch(s); m != nil {
		return r.has(m)
	}
	if m := reIs.FindStringSubmatch(s); m != nil && indexTop(s, " is ") == len(m[1]) {
		x := r.is(m[1], strings.TrimSpace(m[3]))
		if x != nil && m[2] != "" {
			x = not(x)
		}
		return x
	}
	if parts := splitTop(low, []string{" equals "}); len(parts) == 2 {
		return r.compare(s[:len(parts[0])], "=", s[len(parts[0])+len(" equals "):])
	}
	if x := r.cond2Eq(s); x != nil { // cond2_cases.go: "n = 3*k", "n = 2^k"
		return x
	}
	for _, c := range cmpWords {
		if parts := splitTop(s, []string{c.sep}); len(parts) == 2 {
			if c.sep == "=" && (strings.HasSuffix(parts[0], "<") || strings.HasSuffix(parts[0], ">") || strings.HasSuffix(parts[0], "!")) {
				continue
			}
			return r.compare(parts[0], c.op, parts[1])
		}
	}
	return r.cond2Atom(s) // cond2.go: "X does not exceed Y"
}

// adjectives of a subject S ("is prime"): the property as a node over S.
var isAdjectives = map[string]func(e *node) *node{
	"prime": isPrimeOf, "a prime": isPrimeOf, "a prime number": isPrimeOf, "also prime": isPrimeOf,
	"the decimal expansion of a prime": isPrimeOf, "the decimal expansion of a prime number": isPrimeOf,
	"composite": compositeOf, "a composite number": compositeOf, "a composite": compositeOf,
	"nonprime":   func(e *node) *node { return not(isPrimeOf(e)) },
	"squarefree": func(e *node) *node { return &node{k: kCmp, name: "!=", kids: []*node{call("mu", e), num(0)}} },
	"a square":   squareOf, "a perfect square": squareOf, "a square number": squareOf,
	"a triangular number": func(e *node) *node { return squareOf(add(bin(kMul, num(8), e), num(1))) },
	"even":                func(e *node) *node { return eq(bin(kMod, e, num(2)), num(0)) },
	"odd":                 func(e *node) *node { return eq(bin(kMod, e, num(2)), num(1)) },
	"an even number":      func(e *node) *node { return eq(bin(kMod, e, num(2)), num(0)) },
	"an odd number":       func(e *node) *node { return eq(bin(kMod, e, num(2)), num(1)) },
	"a semiprime":         func(e *node) *node { return and(gt(e, num(1)), eq(call("bigomega", e), num(2))) },
	"a power of 2":        func(e *node) *node { return powerOf(e, 2) },
	"a power of two":      func(e *node) *node { return powerOf(e, 2) },
	"a power of 3":        func(e *node) *node { return powerOf(e, 3) },
	"a power of three":    func(e *node) *node { return powerOf(e, 3) },
	"a power of 5":        func(e *node) *node { return powerOf(e, 5) },
	"a power of 7":        func(e *node) *node { return powerOf(e, 7) },
	"an integer":          isIntegerOf,
	"positive":            func(e *node) *node { return gt(e, num(0)) },
	"a prime power":       primePowerOf, "a power of a prime": primePowerOf,
	"the product of two distinct primes": squarefreeSemiprimeOf, "a product of two distinct primes": squarefreeSemiprimeOf,
	"a refactorable number": func(e *node) *node { return and(gt(e, num(0)), eq(bin(kMod, e, call("tau", e)), num(0))) },
	"an abundant number":    func(e *node) *node { return gt(call("sigma", e), bin(kMul, num(2), e)) },
	"abundant":              func(e *node) *node { return gt(call("sigma", e), bin(kMul, num(2), e)) },
	"a deficient number": func(e *node) *node {
		return and(gt(e, num(0)), &node{k: kCmp, name: "<", kids: []*node{call("sigma", e), bin(kMul, num(2), e)}})
	},
	"a perfect number": func(e *node) *node { return and(gt(e, num(0)), eq(call("sigma", e), bin(kMul, num(2), e))) },
	"negative":         func(e *node) *node { return &node{k: kCmp, name: "<", kids: []*node{e, num(0)}} },
	"zero":             func(e *node) *node { return eq(e, num(0)) },
	// isdef2.go
	"exponentially odd": exponentiallyOdd, "an exponentially odd number": exponentiallyOdd,
	"the square of a squarefree number": squareOfSquarefree,
	"cubefree":                          cubefreeOf, "biquadratefree": biquadratefreeOf, "cube-free": cubefreeOf, "a square of a squarefree number": squareOfSquarefree,
}

func isPrimeOf(e *node) *node { return un(kIsPrime, e) }

// primePowerOf: p^j, j >= 1.
func primePowerOf(e *node) *node { return and(gt(e, num(1)), eq(call("omega", e), num(1))) }

func squarefreeSemiprimeOf(e *node) *node {
	return and(gt(e, num(1)), and(eq(call("omega", e), num(2)), eq(call("bigomega", e), num(2))))
}

func compositeOf(e *node) *node { return and(gt(e, num(1)), not(un(kIsPrime, e))) }

func gt(a, b *node) *node { return &node{k: kCmp, name: ">", kids: []*node{a, b}} }

// squareOf: e >= 0 is a square; e mod 16 in {0, 1, 4, 9} first, so
// three numbers in four skip isqrt's loop (a list's fuel).
func squareOf(e *node) *node {
	r := call("isqrt", e)
	return and(&node{k: kCmp, name: ">=", kids: []*node{e, num(0)}},
		and(inClasses(e, 16, []int64{0, 1, 4, 9}), eq(bin(kMul, r, r), e)))
}

// powerOf: e is p^j (j >= 0) for a prime p exactly when e > 0 divides the
// largest power of p in i32.
func powerOf(e *node, p int64) *node {
	top := int64(1)
	for top*p <= 1<<31-1 {
		top *= p
	}
	return and(gt(e, num(0)), eq(bin(kMod, num(top), e), num(0)))
}

// isIntegerOf: a quotient a/b is an integer when b divides a; anything
// else parsed is one already.
func isIntegerOf(e *node) *node {
	if e.k != kDiv {
		return nil
	}
	return eq(bin(kMod, e.kids[0], e.kids[1]), num(0))
}

// is reads "S is C" for a complement C.
func (r predReader) is(subj, comp string) *node {
	lc := strings.ToLower(comp)
	if f := moreAdjective(lc); f != nil { // coverage_pred.go: "a 4-almost prime", "0 or 2 mod 3"
		e, ok := r.term(subj)
		if !ok {
			return nil
		}
		return divGuard(e, f(e)) // cond2.go: "n/2 is prime" is false at odd n
	}
	if f, ok := isAdjectives[lc]; ok {
		e, ok := r.term(subj)
		if !ok {
			return nil
		}
		return divGuard(e, f(e)) // cond2.go: "n/2 is prime" is false at odd n
	}
	for _, p := range []struct {
		prefix string
		read   func(a, b string) *node
	}{
		{"divisible by ", func(a, b string) *node { return r.divides(b, a) }},
		{"a multiple of ", func(a, b string) *node { return r.divides(b, a) }},
		{"a divisor of ", r.divides},
		{"coprime to ", r.coprime},
		{"relatively prime to ", r.coprime},
		{"equal to ", func(a, b string) *node { return r.compare(a, "=", b) }},
		{"less than or equal to ", func(a, b string) *node { return r.compare(a, "<=", b) }},
		{"greater than or equal to ", func(a, b string) *node { return r.compare(a, ">=", b) }},
		{"less than ", func(a, b string) *node { return r.compare(a, "<", b) }},
		{"greater than ", func(a, b string) *node { return r.compare(a, ">", b) }},
		{"larger than ", func(a, b string) *node { return r.compare(a, ">", b) }},
		{"smaller than ", func(a, b string) *node { return r.compare(a, "<", b) }},
		{"at least ", func(a, b string) *node { return r.compare(a, ">=", b) }},
		{"at most ", func(a, b string) *node { return r.compare(a, "<=", b) }},
		{"different from ", func(a, b string) *node { return r.compare(a, "!=", b) }},
		{"congruent to ", func(a, b string) *node {
			if m := reMod.FindStringSubmatch(b); m != nil {
				return r.congruent(a, m[1], m[2]+m[3])
			}
			return nil
		}},
		{"of the form ", r.ofForm},
		{"a square mod ", r.quadraticResidue},
		{"a square modulo ", r.quadraticResidue},
		{"a quadratic residue mod ", r.quadraticResidue},
		{"a quadratic residue modulo ", r.quadraticResidue},
		{"a prime of the form ", func(a, b string) *node {
			e, ok := r.term(a)
			if f := r.ofForm(a, b); ok && f != nil {
				return and(un(kIsPrime, e), f)
			}
			return nil
		}},
		{"the ", func(a, b string) *node { return r.compare(a, "=", "the "+b) }}, // "31 is the largest prime factor of k^2 - 1"
	} {
		if strings.HasPrefix(lc, p.prefix) {
			return p.read(subj, comp[len(p.prefix):])
		}
	}
	if _, ok := r.term(comp); ok { // "the least prime factor of k is 13"
		return r.compare(subj, "=", comp)
	}
	return r.cond2Is(subj, comp) // cond2.go: "a prime power of the form 4m+3", "nonabundant"
}

// divides reads "A divides B": B mod A = 0.
func (r predReader) divides(a, b string) *node {
	x, ok1 := r.term(a)
	y, ok2 := r.term(b)
	if !ok1 || !ok2 {
		return nil
	}
	return eq(bin(kMod, y, x), num(0))
}

func (r predReader) coprime(a, b string) *node {
	x, ok1 := r.term(a)
	y, ok2 := r.term(b)
	if !ok1 || !ok2 {
		return nil
	}
	return eq(call("gcd", x, y), num(1))
}

// congruent reads "A == B (mod M)": (A - B) mod M = 0, M > 0.
func (r predReader) congruent(a, b, m string) *node {
	x, ok1 := r.term(a)
	y, ok2 := r.term(b)
	z, ok3 := r.term(m)
	if !ok1 || !ok2 || !ok3 {
		return nil
	}
	if z.isNum() {
		if z.val < 2 {
			return nil
		}
		return eq(bin(kMod, sub(x, y), z), num(0))
	}
	return and(gt(z, num(0)), eq(bin(kMod, sub(x, y), z), num(0)))
}

func (r predReader) compare(a, op, b string) *node {
	x, ok1 := r.term(a)
	y, ok2 := r.term(b)
	if !ok1 || !ok2 {
		return nil
	}
	return &node{k: kCmp, name: op, kids: []*node{x, y}}
}

// ofForm reads "A is of the form c*j + d" (j >= 0 any letter but the
// list's): A >= d and A == d (mod c), for a form linear in its letter.
func (r predReader) ofForm(a, form string) *node {
	x, ok := r.term(a)
	if !ok {
		return nil
	}
	for _, l := range []string{"k", "m", "j", "i", "t", "u"} {
		if l == r.v {
			continue
		}
		e, ok := parseIn(strings.TrimSpace(form), l)
		if !ok {
			continue
		}
		c, d, ok := lineOf(e)
		if !ok || c < 2 || c > 1000 {
			return nil
		}
		return and(&node{k: kCmp, name: ">=", kids: []*node{x, num(d)}}, eq(bin(kMod, sub(x, num(d)), num(c)), num(0)))
	}
	return nil
}

// lineOf reports e (over x_) as c*x_ + d, checked at x_ = 0..7 (a form of
// degree up to 7 that agrees there is that line).
func lineOf(e *node) (c, d int64, ok bool) {
	at := func(x int64) (int64, bool) {
		v := evaluator{steps: 10_000}
		r, err := v.evalAt(e, map[string]*big.Rat{"x_": ratInt(x)})
		if err != nil || !r.IsInt() || !r.Num().IsInt64() {
			return 0, false
		}
		return r.Num().Int64(), true
	}
	d, ok0 := at(0)
	one, ok1 := at(1)
	if !ok0 || !ok1 {
		return 0, 0, false
	}
	c = one - d
	for x := int64(2); x <= 7; x++ {
		if y, ok := at(x); !ok || y != c*x+d {
			return 0, 0, false
		}
	}
	return c, d, true
}

// term phrases: a function of an expression, named in words.
var termPhrases = []struct {
	re   *regexp.Regexp
	make func(e *node) *node
}{
	{regexp.MustCompile(`^(?i:sum of (?:the )?(?:positive )?divisors of )`), func(e *node) *node { return call("sigma", e) }},
	{regexp.MustCompile(`^(?i:sum of (?:the )?(?:proper|aliquot) divisors of )`), func(e *node) *node { return sub(call("sigma", e), e) }},
	{regexp.MustCompile(`^(?i:number of (?:positive )?divisors of )`), func(e *node) *node { return call("tau", e) }},
	{regexp.MustCompile(`^(?i:(?:euler(?:'s)? )?(?:totient|phi)(?: function)? of )`), func(e *node) *node { return call("phi", e) }},
	{regexp.MustCompile(`^(?i:square of )`), func(e *node) *node { return bin(kPow, e, num(2)) }},
	{regexp.MustCompile(`^(?i:cube of )`), func(e *node) *node { return bin(kPow, e, num(3)) }},
}

// term reads an expression in v (and n, when free), or a function of one
// named in words ("the sum of divisors of k", "the sum of digits of 3*k").
func (r predReader) term(s string) (*node, bool) {
	s = strings.TrimSpace(reAnum.ReplaceAllString(s, ""))
	if t, ok := strings.CutPrefix(s, "the "); ok {
		s = t
	}
	if s == "" {
		return nil, false
	}
	vars := []string{r.v}
	if r.freeN {
		vars = append(vars, "n")
	}
	if x, ok := stringTerm(s, vars); ok { // "the string 75n": coverage_concat.go
		return rename(x, r.v, "x_"), true
	}
	toks := lex(s)
	if x, end, ok := parseAt(toks, 0, vars...); ok && toks[end].k == tEnd {
		return rename(x, r.v, "x_"), true
	}
	for _, p := range termPhrases {
		if loc := p.re.FindStringIndex(s); loc != nil {
			if e, ok := r.term(s[loc[1]:]); ok {
				return p.make(e), true
			}
			return nil, false
		}
	}
	if m := reMultiplicity.FindStringSubmatch(s); m != nil {
		e, ok := r.term(m[2])
		if !ok {
			return nil, false
		}
		if strings.EqualFold(m[1], "sum") {
			return call("sopfr", e), true
		}
		return call("bigomega", e), true
	}
	for _, p := range fnPhrases {
		loc := p.re.FindStringSubmatchIndex(s)
		if loc == nil {
			continue
		}
		base := int64(10)
		if len(loc) > 2 && loc[2] >= 0 {
			b, err := strconv.ParseInt(s[loc[2]:loc[3]], 10, 32)
			if err != nil || b < 2 || b > 1000 {
				return nil, false
			}
			base = b
		} else if strings.Contains(strings.ToLower(s[:loc[1]]), "binary") {
			base = 2
		}
		e, ok := r.term(s[loc[1]:])
		if !ok {
			return nil, false
		}
		return p.make(e, base), true
	}
	return r.cond2Term(s) // cond2.go: "the 2-adic valuation of X"
}

// quadraticResidue reads "A is a square mod B" (B > 0): some y in
// 0..B-1 has y^2 == A (mod B). For an odd prime B, Euler's criterion
// instead (B divides A, or A^((B-1)/2) == 1 (mod B)): a few squarings,
// not B of them.
func (r predReader) quadraticResidue(a, b string) *node {
	x, ok1 := r.term(a)
	m, ok2 := r.term(b)
	if !ok1 || !ok2 {
		return nil
	}
	oddPrime := and(gt(m, num(2)), un(kIsPrime, m))
	euler := or(eq(bin(kMod, x, m), num(0)),
		eq(bin(kMod, bin(kPow, x, bin(kDiv, sub(m, num(1)), num(2))), m), num(1)))
	search := gt(&node{k: kSum, name: "y_", kids: []*node{num(0), sub(m, num(1)),
		eq(bin(kMod, sub(bin(kPow, vr("y_"), num(2)), x), m), num(0))}}, num(0))
	return and(gt(m, num(0)), or(and(oddPrime, euler), and(not(oddPrime), search)))
}
