package formula

import (
	"regexp"
	"strings"
)

// A list of complements after one subject and copula (readers3, session
// 10): "k is squarefree, not prime, and odd", "x is either squarefree, a
// divisor of n, or both", "x is less than n, not dividing n, and
// relatively prime to n". pred.go's join gives a bare subject the last
// part's verb phrase; here each bare complement gets the first part's
// subject: "x is A, B, and C" is "x is A and x is B and x is C" ("or"
// alike; "either ... or both" is the inclusive or), with a participle or
// a noun of dividing read as the verb ("not dividing n": "x does not
// divide n"; "a divisor of n": "x divides n").

var (
	reClauseSubject = regexp.MustCompile(`^(\S+) (is|are) (.+)$`)
	reDividing      = regexp.MustCompile(`^(not )?(?:dividing|a divisor of|divisors of) (.+)$`)
	reDividedBy     = regexp.MustCompile(`^(not )?(?:divisible by|a multiple of|multiples of) (.+)$`)
)

// clauseList rewrites cond ("SUBJ is A, B, and C") as one clause per
// complement, or "" where it is no such list.
func clauseList(cond string) string {
	m := reClauseSubject.FindStringSubmatch(strings.TrimSpace(cond))
	if m == nil {
		return ""
	}
	subj, rest := m[1], strings.TrimSpace(m[3])
	rest = strings.TrimPrefix(rest, "either ")
	orBoth := false
	for _, both := range []string{", or both", " or both"} {
		if r, ok := strings.CutSuffix(rest, both); ok && !orBoth {
			rest, orBoth = r, true
		}
	}
	ors := splitTop(rest, []string{", or ", " or "})
	ands := splitTop(rest, []string{", and ", " and ", ", "})
	var parts []string
	join := ""
	switch {
	case orBoth || len(ors) > 1:
		// "A, B, or C": the commas before the last "or" separate too
		parts, join = splitTop(rest, []string{", or ", " or ", ", "}), " or "
	case len(ands) > 1:
		parts, join = ands, " and "
	default:
		return ""
	}
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			return ""
		}
		if _, vp := verbSplit(" " + p); vp != "" || strings.HasPrefix(p, "either ") || strings.HasPrefix(p, "both ") {
			return "" // a part with a verb of its own: pred.go's join reads it
		}
		switch {
		case reDividing.MatchString(p):
			d := reDividing.FindStringSubmatch(p)
			if d[1] != "" {
				out = append(out, subj+" does not divide "+d[2])
			} else {
				out = append(out, subj+" divides "+d[2])
			}
		case reDividedBy.MatchString(p):
			d := reDividedBy.FindStringSubmatch(p)
			if d[1] != "" {
				out = append(out, d[2]+" does not divide "+subj)
			} else {
				out = append(out, d[2]+" divides "+subj)
			}
		default:
			out = append(out, subj+" "+m[2]+" "+p)
		}
	}
	if len(out) < 2 {
		return ""
	}
	return strings.Join(out, join)
}
