package formula

// Conditions by construction (cond2.go), read wherever pred.go reads a
// condition (cases, characteristic functions, lists, quantifiers):
//
//	n is a prime power of the form 4m+3           a kind of number, then its form
//	n is a number of the form 4u+1 with an even number of prime factors (counted with multiplicity)
//	n is nonabundant, n is a nondeficient number  "non" before an adjective pred.go reads
//	n is a prime power p^k (k >= 0)               1 too where the exponent may be 0
//	the 2-adic valuation of phi(n)                valuation(phi(n), 2)
//	X does not exceed Y, X exceeds Y              X <= Y, X > Y
//
// and characteristic functions of lists the other readers read from the
// list's name alone: "Characteristic function of numbers with binary
// weight 2 (A018900)." is [n passes the list's predicate] (charList).

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	// "a prime power of the form 4m+3", "a number of the form 4u+1 with ..."
	reCond2Form = regexp.MustCompile(`^(an? [a-z][a-z -]*?) of the form (\S+(?: ?[-+] ?\d+)?)(?:,? (with|having|and|that is|which is) (.+))?$`)
	// "a number with an even number of prime factors"
	reCond2With = regexp.MustCompile(`^(an? [a-z][a-z -]*?) (with|having|that has|which has) (.+)$`)
	// "a prime power p^k (k >= 0)", "a power of a prime p^k with k >= 0"
	reCond2PPow = regexp.MustCompile(`^a (?:prime power|power of a prime) ([a-z])\^([a-z])(?:,? \(?(?:with |for |where )?([a-z]) (>=|≥) ([01])\)?)?$`)
	// "the 2-adic valuation of X", "the p-adic order of X" for a number p
	reCond2Val = regexp.MustCompile(`^(?:the )?(\d+)-adic (?:valuation|order) of (.+)$`)
	// "a squarefree number": an adjective pred.go reads, then a noun that adds nothing
	reCond2AdjNoun = regexp.MustCompile(`^an? ([a-z][a-z-]*) (?:number|integer)$`)
	// "nonabundant numbers": one adjective
	reCond2Adj = regexp.MustCompile(`^([a-z][a-z-]*) (?:numbers|integers)$`)
	// "the product of exponents in the prime factorization of n"
	reCond2ExpProd = regexp.MustCompile(`^(?:the )?product of (?:the )?exponents (?:in|of) (?:the )?(?:prime )?factorization of (.+)$`)
	// comparisons in words
	reCond2Cmp = []struct {
		sep, op string
	}{{" does not exceed ", "<="}, {" is not greater than ", "<="}, {" exceeds ", ">"}}
)

// cond2Head reads a head noun phrase "a number", "an integer" (every n)
// or one pred.go reads ("a prime power"): the condition on subj, or
// (nil, true) for a head that says nothing, or (nil, false).
func (r predReader) cond2Head(subj, head string) (*node, bool) {
	switch strings.ToLower(strings.TrimSpace(head)) {
	case "a number", "an integer", "a positive integer", "a natural number":
		if _, ok := r.term(subj); !ok {
			return nil, false
		}
		return nil, true
	}
	x := r.is(subj, head)
	return x, x != nil
}

// cond2Is reads the complements of "S is C" that pred.go's table does
// not: a head with its form or its property, "non" adjectives, prime
// powers written p^k.
func (r predReader) cond2Is(subj, comp string) *node {
	e, ok := r.term(subj)
	if !ok {
		return nil
	}
	return divGuard(e, r.cond2IsBare(subj, comp))
}

// cond2IsBare is cond2Is where subj is a whole number.
func (r predReader) cond2IsBare(subj, comp string) *node {
	lc := strings.ToLower(strings.TrimSpace(comp))
	if m := reCond2Form.FindStringSubmatch(lc); m != nil {
		h, ok := r.cond2Head(subj, m[1])
		f := r.ofForm(subj, m[2])
		if !ok || f == nil {
			return nil
		}
		x := and(h, f)
		if m[3] != "" {
			y := r.cond2Tail(subj, m[3], m[4])
			if y == nil {
				return nil
			}
			x = and(x, y)
		}
		return x
	}
	if m := reCond2With.FindStringSubmatch(lc); m != nil {
		h, ok := r.cond2Head(subj, m[1])
		y := r.cond2Tail(subj, m[2], m[3])
		if !ok || y == nil {
			return nil
		}
		return and(h, y)
	}
	if m := reCond2AdjNoun.FindStringSubmatch(lc); m != nil {
		if x := r.is(subj, m[1]); x != nil { // "a squarefree number": squarefree
			return x
		}
	}
	if m := reCond2PPow.FindStringSubmatch(lc); m != nil {
		if m[1] == m[2] || m[3] != "" && m[3] != m[2] {
			return nil
		}
		e, ok := r.term(subj)
		if !ok {
			return nil
		}
		if m[5] == "0" { // p^0 = 1 is one
			return or(eq(e, num(1)), primePowerOf(e))
		}
		return primePowerOf(e)
	}
	// "nonabundant" is not "abundant"; "a nonabundant number" is not "an
	// abundant number"
	for _, a := range []string{"", "a ", "an "} {
		rest, ok := strings.CutPrefix(lc, a+"non")
		if !ok {
			continue
		}
		rest = strings.TrimPrefix(rest, "-")
		if rest == "" || rest[0] < 'a' || rest[0] > 'z' {
			return nil
		}
		if a != "" {
			a = "a "
			if strings.ContainsRune("aeiou", rune(rest[0])) {
				a = "an "
			}
		}
		if x := r.is(subj, a+rest); x != nil {
			return not(x)
		}
		return nil
	}
	return nil
}

// cond2Tail reads the property after a head: "with an even number of
// prime factors", "and squarefree", "that is not prime".
func (r predReader) cond2Tail(subj, how, what string) *node {
	switch how {
	case "with", "having", "that has", "which has":
		return r.atom(subj + " has " + what)
	case "and", "that is", "which is":
		return r.atom(subj + " is " + what)
	}
	return nil
}

// cond2Term reads the p-adic valuation of a term, and the product of the
// exponents in a term's prime factorization (multiplicative with a(p^e)
// = e, as coverage_named.go reads it, at the term).
func (r predReader) cond2Term(s string) (*node, bool) {
	if m := reCond2ExpProd.FindStringSubmatch(s); m != nil {
		e, ok := r.term(m[1])
		if !ok {
			return nil, false
		}
		var xs []*node
		sc := collector{seen: map[string]bool{}, lists: map[listKey]*nthMemo{}, capture: func(y *node) { xs = append(xs, y) }}
		sc.multiplicative(s, "e", false)
		if len(xs) != 1 {
			return nil, false
		}
		return substitute(xs[0], "n", e), true
	}
	if m := reCond2Val.FindStringSubmatch(s); m != nil {
		p, err := strconv.ParseInt(m[1], 10, 32)
		if err != nil || p < 2 || p > 1000 || !isPrimeSmall(p) {
			return nil, false
		}
		e, ok := r.term(m[2])
		if !ok {
			return nil, false
		}
		return eqnValuation(e, p), true
	}
	return nil, false
}

// cond2Atom reads comparisons in words: "X does not exceed Y".
func (r predReader) cond2Atom(s string) *node {
	low := strings.ToLower(s)
	for _, c := range reCond2Cmp {
		if parts := splitTop(low, []string{c.sep}); len(parts) == 2 {
			i := len(parts[0])
			return r.compare(s[:i], c.op, s[i+len(c.sep):])
		}
	}
	return nil
}

// charList adds the characteristic function of the list x names ("numbers
// with binary weight 2 (A018900)", "nonabundant numbers (A263837): a(n) =
// ..."): x up to a colon or semicolon, without A-numbers, read by
// charPredicate or else as a list alone, each list read as the n-th
// member passing a predicate giving [n is a member]. Readings that differ
// must differ where the examples show them (toldApart).
func (c *collector) charList(s, x string) {
	if i := indexTop(x, ":"); i >= 0 {
		x = x[:i]
	}
	if i := indexTop(x, ";"); i >= 0 {
		x = x[:i]
	}
	x = strings.TrimSpace(reAnum.ReplaceAllString(x, ""))
	if x == "" {
		return
	}
	if p := charPredicate(x); p != nil {
		c.add(s, p)
		return
	}
	if m := reCond2Adj.FindStringSubmatch(x); m != nil {
		// "nonabundant numbers": n is nonabundant, or a nonabundant number
		art := "a "
		if strings.ContainsRune("aeiou", rune(m[1][0])) {
			art = "an "
		}
		for _, vp := range []string{"is " + m[1], "is " + art + m[1] + " number"} {
			if p := condOn("n " + vp); p != nil {
				c.add(s, p)
				return
			}
		}
	}
	var xs []*node
	sc := collector{seen: map[string]bool{}, lists: map[listKey]*nthMemo{}, capture: func(y *node) { xs = append(xs, y) }}
	list := strings.ToUpper(x[:1]) + x[1:] + "."
	sc.phrases(list)
	sc.sets3Phrases(list)
	var ms []*node
	seen := map[string]bool{}
	for _, y := range xs {
		if y.k != kNth || y.kids[0].k != kVar || y.kids[0].name != "n" || usesOther(y.kids[1], y.name) || !y.kids[2].isNum() {
			continue
		}
		lo := y.kids[2]
		p := substitute(y.kids[1], y.name, vr("n"))
		in := and(&node{k: kCmp, name: ">=", kids: []*node{vr("n"), cloneNode(lo)}}, p)
		if st := step(y); st != 1 {
			in = and(eq(bin(kMod, sub(vr("n"), cloneNode(lo)), num(st)), num(0)), in)
		}
		if k := in.String(); !seen[k] {
			seen[k] = true
			ms = append(ms, in)
		}
	}
	if len(ms) == 0 {
		c.note("char", "no list read from "+x)
		return
	}
	ms, ok := toldApart(ms)
	if !ok {
		c.note("char", "readings differ past the examples")
		return
	}
	for _, y := range ms {
		c.add(s, y)
	}
}

// divGuard is x where the subject e is a quotient a/b: x only where b
// divides a ("n/2 is a prime power" is false at odd n; the exact
// evaluator would call it undefined there and the scan would not check
// the program's value at those n).
func divGuard(e, x *node) *node {
	if x == nil || e.k != kDiv {
		return x
	}
	return and(eq(bin(kMod, e.kids[0], e.kids[1]), num(0)), x)
}
