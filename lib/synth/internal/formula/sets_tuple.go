package formula

// Members of prime tuples (sets_tuple.go):
//
//	Smallest member p of a triple of primes (p,p+8,p+20).
//	The larger member of a prime pair (p,p + 1000).
//	Greater of twin primes of (40n-23,40n-21).
//
// The tuple's members are expressions in one letter, increasing in the
// order written and with the letter; every member prime. The smallest
// (lesser, first) member or the largest (greater, last) of the n-th such
// tuple; "twin" must name members 2 apart.

import (
	"math/big"
	"regexp"
	"strings"
)

var reTupleMember = regexp.MustCompile(`^(?:The )?(?i:(smallest|lesser|smaller|least|first|larger|greater|largest|last)) (?:member )?(?:[a-z] )?of (?:a |the )?((?:twin )?prime (?:pairs?|triples?|quadruples?|quintuplets?|quadruplets?|triplets?)|twin primes|(?:pairs?|triples?|quadruples?) of primes)(?: of the form| of)? ?\((.+)\)\s*\.?\s*$`)

// tupleMember reads s as a member of the n-th prime tuple; it reports
// whether s had that shape.
func (c *collector) tupleMember(s string) bool {
	m := reTupleMember.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	parts := splitTop(m[3], []string{","})
	if len(parts) < 2 || len(parts) > 6 {
		return true
	}
	var es []*node
	var letter string
	for _, l := range []string{"p", "n", "k", "m", "x"} {
		es = es[:0]
		for _, p := range parts {
			e, ok := parseIn(strings.TrimSpace(p), l)
			if !ok {
				break
			}
			es = append(es, e)
		}
		if len(es) == len(parts) {
			letter = l
			break
		}
	}
	if letter == "" {
		return true
	}
	lows := []int64{0, 1}
	if letter == "p" {
		lows = []int64{2}
	}
	// members in the order written at every v the list may reach
	for _, lo := range lows {
		for v := lo; v <= 1000; v++ {
			var prev *big.Rat
			for _, e := range es {
				r, ok := valueAt(e, v)
				if !ok || !r.IsInt() || prev != nil && r.Cmp(prev) <= 0 {
					return true
				}
				prev = r
			}
		}
		if !increasingFrom(es[0], lo, 1000) {
			return true
		}
	}
	if strings.Contains(strings.ToLower(m[2]), "twin") {
		a, _ := valueAt(es[0], lows[0])
		b, _ := valueAt(es[len(es)-1], lows[0])
		if len(es) != 2 || new(big.Rat).Sub(b, a).Cmp(big.NewRat(2, 1)) != 0 {
			return true
		}
	}
	var pred *node
	for _, e := range es {
		pred = and(pred, un(kIsPrime, e))
	}
	out := es[0]
	switch strings.ToLower(m[1]) {
	case "larger", "greater", "largest", "last":
		out = es[len(es)-1]
	}
	var xs []*node
	for _, lo := range lows {
		for _, base := range []int64{1, 0} {
			xs = append(xs, substitute(out, "x_", nthOf("x_", base, lo, pred)))
		}
	}
	c.apart(s, xs)
	return true
}
