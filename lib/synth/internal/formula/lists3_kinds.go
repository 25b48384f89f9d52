package formula

// Lists named by a kind the generators table does not hold
// (lists3_kinds.go): "Positive j such that d(j) = d(j + 2*d(j))" (an
// adjective alone: the numbers from 1), "Values of k such that ..." (the
// numbers), "Odd semiprimes k such that k + 2 is prime", "Twin primes p
// such that p + 6 is prime", "Nonsquares k such that ..." (adjectives of
// kindWords before a plural noun that nounIs reads as "x is <a kind>").
// The list is the n-th x from 0 or 1 of that kind with the condition, as
// the generators' lists.

import "strings"

// lists3Kind reads a list's kind name: its property over x_ (nil: every
// number) and its starts; ok false if it is not read.
func lists3Kind(name string) (g generator, ok bool) {
	ws := strings.Fields(strings.ToLower(name))
	lows := []int64{0, 1}
	var props []func(e *node) *node
	i := 0
	for ; i < len(ws); i++ {
		w := ws[i]
		if w == "positive" && lows[0] == 0 && len(lows) == 2 {
			lows = []int64{1}
			continue
		}
		if w == "nonnegative" && len(lows) == 2 {
			lows = []int64{0}
			continue
		}
		f, isAdj := kindWords[w]
		if !isAdj || i == len(ws)-1 {
			break
		}
		props = append(props, f)
	}
	rest := strings.Join(ws[i:], " ")
	var noun *node
	switch {
	case rest == "" && len(props) == 0 && len(lows) == 1: // "Positive j"
	case rest == "values of" && len(props) == 0 && len(lows) == 2: // "Values of k": the numbers
	case (rest == "numbers" || rest == "integers") && (len(props) > 0 || len(lows) == 1): // "Nonnegative numbers"
	case rest == "":
		return generator{}, false
	default:
		if noun = nounIs(rest); noun == nil {
			return generator{}, false
		}
	}
	prop := func() *node {
		x := cloneNode(noun)
		for _, f := range props {
			x = and(x, f(vr("x_")))
		}
		return x
	}
	if noun == nil && len(props) == 0 {
		prop = nil
	}
	return generator{prop, lows, false}, true
}

// lists3KindList reads "KIND v such that P" (m from reList; no bound, no
// residue class) for a kind lists3Kind reads; it reports whether it did.
func (c *collector) lists3KindList(s string, m []string) bool {
	g, ok := lists3Kind(m[1])
	if !ok {
		return false
	}
	if m[3] != "" || m[5] != "" {
		return true
	}
	if pred := predicate(m[7], m[2], false); pred != nil {
		c.generated(s, g, pred, g.lows)
	}
	return true
}
