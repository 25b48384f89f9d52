package formula

import (
	"regexp"
	"strings"
)

// Quantifiers over the divisors of a number (readers3, session 10): "k
// has no squarefree divisor d such that d^2 > k", "k has exactly 3
// divisors d with d+1 prime", "d+1 is prime for every divisor d of k",
// "every divisor of k is squarefree", "no divisor d > 1 of k is a square".
// Each is a comparison of counts the count readers read: "Number of ADJ
// divisors d of n such that P" (quant.go) with the subject renamed n,
// against 0, the stated number, or (all) the count of the ADJ divisors.

var (
	reDivHas  = regexp.MustCompile(`^([a-z]) (?:has|have) (no|a|an|some|exactly \w+|at least \w+|at most \w+|\w+) ((?:[a-z-]+ )*?)divisors? ([a-z]) (?:such that|with|for which|where) (.+)$`)
	reDivFor  = regexp.MustCompile(`^(.+?),? for (?:all|every|each|any) ((?:[a-z-]+ )*?)divisors? ([a-z]) of ([a-z])$`)
	reDivEach = regexp.MustCompile(`^(all|every|each|no|some) (?:of the )?((?:[a-z-]+ )*?)divisors? (?:([a-z]) )?of ([a-z]) (?:is|are) (.+)$`)
)

// divisorQuant reads cond (over the variable v) as a quantifier over the
// divisors of v; nil if it is none.
func divisorQuant(cond, v string) *node {
	cond = strings.TrimSpace(cond)
	var subj, adj, d, p, quant string
	switch {
	case reDivHas.MatchString(cond):
		m := reDivHas.FindStringSubmatch(cond)
		subj, quant, adj, d, p = m[1], m[2], m[3], m[4], m[5]
	case reDivFor.MatchString(cond):
		m := reDivFor.FindStringSubmatch(cond)
		p, adj, d, subj, quant = m[1], m[2], m[3], m[4], "all"
	case reDivEach.MatchString(cond):
		m := reDivEach.FindStringSubmatch(cond)
		quant, adj, d, subj = m[1], m[2], m[3], m[4]
		if d == "" {
			d = "d"
		}
		p = d + " is " + m[5]
	default:
		return nil
	}
	if subj != v || d == v || d == "n" || v != "n" && reR3WordN.MatchString(p) {
		return nil
	}
	if strings.Contains(adj, "prime") {
		return nil // prime divisors: readers3_pfac.go
	}
	p = regexp.MustCompile(`\b`+v+`\b`).ReplaceAllString(p, "n")
	counted := divCount("Number of " + adj + "divisors " + d + " of n such that " + p + ".")
	if counted == nil {
		return nil
	}
	switch q := strings.Fields(quant); q[0] {
	case "no":
		return eq(counted, num(0))
	case "a", "an", "some":
		return gt(counted, num(0))
	case "all", "every", "each":
		all := divCount("Number of " + adj + "divisors of n.")
		if all == nil {
			return nil
		}
		return eq(counted, all)
	case "exactly", "at":
		k, ok := countWord(q[len(q)-1])
		if !ok {
			return nil
		}
		op := "="
		if q[0] == "at" {
			op = map[string]string{"least": ">=", "most": "<="}[q[1]]
		}
		return &node{k: kCmp, name: op, kids: []*node{counted, num(k)}}
	default:
		k, ok := countWord(q[0])
		if !ok {
			return nil
		}
		return eq(counted, num(k))
	}
}

var reR3WordN = regexp.MustCompile(`\bn\b`)

// divCount is the one count the count readers read from words (over n),
// its bound variable renamed e_ and n renamed x_; nil if they read none
// or more than one, or not a count over the divisors.
func divCount(words string) *node {
	xs := r3Captured(words)
	if len(xs) != 1 {
		return nil
	}
	x := xs[0]
	if !(x.k == kSumDiv || x.k == kCall && (x.name == "tau" || x.name == "sigma0")) || !x.uses("n") {
		return nil
	}
	return rename(renameAll(x, "x_", "e_"), "n", "x_")
}

// renameAll renames variable from to to throughout x, binders too.
func renameAll(x *node, from, to string) *node {
	y := *x
	if y.name == from && (y.k == kVar || y.k == kSum || y.k == kProd || y.k == kSumDiv || y.k == kNth) {
		y.name = to
	}
	y.kids = make([]*node, len(x.kids))
	for i, k := range x.kids {
		y.kids[i] = renameAll(k, from, to)
	}
	return &y
}

// r3Captured is captured, set at init: the predicate reader reaches it
// through divCount, and captured reaches the readers that build
// partNouns, a cycle in the package's initialization if called directly.
var r3Captured func(string) []*node

func init() { r3Captured = captured }
