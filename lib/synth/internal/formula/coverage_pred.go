package formula

// More complements of "S is ...", read by pred.go's is: counts of prime
// factors, residues mod m, noncomposites.

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	// "a 4-almost prime", "a product of exactly 3 (not necessarily distinct) primes"
	reAlmostPrime = regexp.MustCompile(`^(?:an? )?(\w+)-almost primes?(?: numbers?)?$`)
	reProductOf   = regexp.MustCompile(`^(?:the |a )?product of (?:exactly )?(\w+) (?:\(not necessarily distinct\) )?primes(?: \(counted with multiplicity\))?$`)
	reProductDist = regexp.MustCompile(`^(?:the |a )?product of (?:exactly )?(\w+) distinct primes$`)
	// "0 or 2 mod 3", "1, 2 or 4 (mod 7)"
	reResidues = regexp.MustCompile(`^(?:congruent to )?(-?\d+(?:,? -?\d+)*(?:,? or -?\d+)?) \(?(?:mod|modulo) (\d+)\)?$`)
)

// moreAdjective is the property a complement names (over the subject),
// or nil: "a 3-almost prime" and "a product of exactly 3 primes"
// (bigomega = 3), "a product of 2 distinct primes" (omega = bigomega =
// 2), "0 or 2 mod 3" (a residue class), "noncomposite" (1 or a prime).
func moreAdjective(c string) func(e *node) *node {
	c = strings.TrimSpace(c)
	count := func(w string) (int64, bool) {
		k, ok := countWord(w)
		return k, ok && k >= 1 && k <= 30
	}
	if m := reAlmostPrime.FindStringSubmatch(c); m != nil {
		if k, ok := count(m[1]); ok {
			return func(e *node) *node { return and(gt(e, num(0)), eq(call("bigomega", e), num(k))) }
		}
		return nil
	}
	if m := reProductOf.FindStringSubmatch(c); m != nil {
		if k, ok := count(m[1]); ok {
			return func(e *node) *node { return and(gt(e, num(0)), eq(call("bigomega", e), num(k))) }
		}
		return nil
	}
	if m := reProductDist.FindStringSubmatch(c); m != nil {
		if k, ok := count(m[1]); ok {
			return func(e *node) *node {
				return and(gt(e, num(0)), and(eq(call("omega", e), num(k)), eq(call("bigomega", e), num(k))))
			}
		}
		return nil
	}
	if m := reResidues.FindStringSubmatch(c); m != nil && (strings.Contains(m[1], "or") || strings.Contains(m[1], ",")) {
		md, err := strconv.ParseInt(m[2], 10, 32)
		if err != nil || md < 2 || md > 1000 {
			return nil
		}
		rs, ok := residues(m[1], md)
		if !ok {
			return nil
		}
		return func(e *node) *node { return inClasses(e, md, rs) }
	}
	switch c {
	case "noncomposite", "a noncomposite", "a noncomposite number", "noncomposite number":
		return func(e *node) *node { return or(eq(e, num(1)), isPrimeOf(e)) }
	}
	if f := pred2Adjective(c); f != nil { // pred2.go: powerful
		return f
	}
	return setsAdjective(c) // sets_kinds.go: twin primes, k-gonal numbers, ...
}
