package formula

// Cases named by a form written as an equation, and terms stated after
// the cases (cond2_cases.go):
//
//	a(n) = (-1)^n * 4*n/3 if n = 3*k and n!=0, otherwise a(n) = (-1)^n * n except a(0) = 1.
//	a(n) = 1 if n = 2^k, otherwise 0.
//
// "S = c*k + d" for a letter k the condition has nowhere else is "S is of
// the form c*k + d" (k >= 0), "S = b^k" for a prime b is "S is a power of
// b"; a closing "except a(i) = v" (or "except for a(i) = v") is read as a
// term the text states, ahead of the cases.

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	// "S = E" with E in one free letter
	reCond2Eq = regexp.MustCompile(`^(.+?)\s*=\s*(.+)$`)
	// "b^k"
	reCond2PowForm = regexp.MustCompile(`^(\d+)\s*\^\s*([a-z])$`)
	// ", except a(0) = 1" closing the sentence
	reCond2Except = regexp.MustCompile(`^(.+?),? except (?:for |that )?(a\(\d+\)\s*=\s*-?\d+(?:(?:,| and) a\(\d+\)\s*=\s*-?\d+)*)\s*\.?$`)
)

// cond2Eq reads "S = c*k + d" and "S = b^k" for a letter k that is
// neither the condition's variable nor n; nil for anything else.
func (r predReader) cond2Eq(s string) *node {
	m := reCond2Eq.FindStringSubmatch(s)
	if m == nil || strings.ContainsAny(m[1], "<>!=") || strings.ContainsAny(m[2], "<>!=") {
		return nil
	}
	form := strings.TrimSpace(m[2])
	if pm := reCond2PowForm.FindStringSubmatch(form); pm != nil {
		if pm[2] == r.v || pm[2] == "n" {
			return nil
		}
		b, err := strconv.ParseInt(pm[1], 10, 32)
		if err != nil || b < 2 || b > 1000 || !isPrimeSmall(b) {
			return nil
		}
		e, ok := r.term(m[1])
		if !ok {
			return nil
		}
		return divGuard(e, powerOf(e, b))
	}
	for _, l := range []string{"k", "m", "j", "i", "t", "u"} {
		if l == r.v || l == "n" {
			continue
		}
		if _, ok := parseIn(form, l); !ok {
			continue
		}
		e, ok := r.term(m[1])
		if !ok {
			return nil
		}
		return divGuard(e, r.ofForm(m[1], form))
	}
	return nil
}

// exceptTerms reads cases whose terms come after them: "..., otherwise
// E except a(0) = 1" is read as "a(0) = 1; ..., otherwise E".
func (c *collector) exceptTerms(text string) {
	s := condSentence(text)
	m := reCond2Except.FindStringSubmatch(s)
	if m == nil || !reCondA.MatchString(m[1]) {
		return
	}
	c.conditionals(m[2] + "; " + m[1])
}
