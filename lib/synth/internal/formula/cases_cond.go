package formula

// Cases whose sentence goes on past the formula (cases_cond.go):
//
//	a(n) = 1 if sigma(n) and sopfr(n) are both multiples of 3, otherwise 0, where sigma is the sum of divisors, and sopfr is the sum of prime factors with repetition.
//	a(n) = 1 if n is a 4-almost prime, that is a product of exactly four (not necessarily distinct) primes, 0 otherwise.
//
// A closing "where F is ..." that only restates functions the parser
// knows by name (each checked: "the sum of divisors of k" reads as
// sigma(k)) and an apposition "that is ..." or "i.e. ..." after a
// condition are dropped; what is left goes to coverage_cond.go.

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	// ", where sigma is the sum of divisors, and sopfr is ..." closing the sentence
	reCasesGloss = regexp.MustCompile(`^(.+?),? where ([a-zA-Z]+ (?:is|denotes) .+)$`)
	reCasesDef   = regexp.MustCompile(`^(?:and )?([a-zA-Z]+) (?:is|denotes) (?:the )?(.+)$`)
	// ", that is a product of ...," or ", i.e., ...," between commas
	reCasesAppos = regexp.MustCompile(`, (?:that is|i\.e\.,?) [^,]+,`)
)

// glossedConditionals reads the cases of text without its glosses.
func (c *collector) glossedConditionals(text string) {
	s := condSentence(text)
	t := reCasesAppos.ReplaceAllString(s, ",")
	if m := reCasesGloss.FindStringSubmatch(t); m != nil && casesRestates(m[2]) {
		t = m[1]
	}
	if t != s {
		c.conditionals(t)
	}
}

// casesRestates reports whether every definition of defs ("sigma is the
// sum of divisors, and sopfr is ...") restates a function of the parser.
func casesRestates(defs string) bool {
	parts := splitTop(defs, []string{", and ", "; ", ", ", " and "})
	for _, p := range parts {
		m := reCasesDef.FindStringSubmatch(strings.TrimSpace(p))
		if m == nil {
			return false
		}
		name, arity, ok := lookupFunc(m[1])
		if !ok || arity != 1 {
			return false
		}
		phrase := strings.TrimSpace(m[2])
		readings := []string{phrase + " of k"}
		for _, w := range []string{" with ", " counted ", " counting ", " ("} {
			if i := strings.Index(phrase, w); i > 0 {
				readings = append(readings, phrase[:i]+" of k"+phrase[i:])
			}
		}
		same := false
		for _, r := range readings {
			x, ok := predReader{v: "k"}.term(r)
			if ok && x.k == kCall && x.name == name && len(x.kids) == 1 && x.kids[0].k == kVar && x.kids[0].name == "x_" {
				same = true
				break
			}
		}
		if !same {
			return false
		}
	}
	return len(parts) > 0
}

var (
	// "a(n) = how many of {6,7,8} divide n."
	reCasesHowMany = regexp.MustCompile(`^a\(n\) = (?:how many|the number) of (?:the numbers )?\{(\d+(?:, ?\d+)*)\} divide n$`)
	// "If n > 1 is the k-th prime number, then a(n) = k!, otherwise a(n) = 0."
	reCasesKthPrime = regexp.MustCompile(`^(?i:if) n(?: > 1)? is the ([a-z])-th prime(?: number)?,? then a\(n\) = (.+?),? (?:otherwise|else) (?:a\(n\) = )?(.+)$`)
)

// divisorsOfSet reads "how many of {6,7,8} divide n" and "If n is the
// k-th prime, then a(n) = f(k), otherwise E": f at k = pi(n) where n is
// prime.
func (c *collector) divisorsOfSet(text string) {
	s := condSentence(text)
	if m := reCasesHowMany.FindStringSubmatch(s); m != nil {
		var x *node
		for _, f := range strings.Split(m[1], ",") {
			d, err := strconv.ParseInt(strings.TrimSpace(f), 10, 32)
			if err != nil || d < 1 {
				return
			}
			x = addOrNil(x, eq(bin(kMod, vr("n"), num(d)), num(0)))
		}
		c.add(s, x)
		return
	}
	if m := reCasesKthPrime.FindStringSubmatch(s); m != nil && m[1] != "n" {
		toks := lex(m[2])
		f, end, ok := parseAt(toks, 0, m[1])
		other, ok2 := condExpr(m[3])
		if !ok || toks[end].k != tEnd || !ok2 || !f.uses(m[1]) {
			return
		}
		p := un(kIsPrime, vr("n"))
		c.add(s, bin(kAdd, bin(kAnd, p, substitute(f, m[1], call("primepi", vr("n")))), bin(kAnd, not(p), other)))
	}
}
