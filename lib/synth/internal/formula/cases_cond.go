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
