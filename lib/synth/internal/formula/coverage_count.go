package formula

// "Number of solutions to x^4 == 1 (mod n).", "Number of solutions to
// x^2 == y^2 (mod n).": the residues x (and y) in 0..n-1 that satisfy the
// congruence, counted.

import (
	"regexp"
	"strings"
)

var reSolutionsMod = regexp.MustCompile(`^Number of solutions (?:to|of) (?:the congruence )?(.+?)\s*(?:==|≡)\s*(.+?) \((?:mod|modulo) n\)\s*\.?$`)

// countSolutions reads s as a count of solutions of a congruence mod n in
// x, or in x and y.
func (c *collector) countSolutions(s string) {
	m := reSolutionsMod.FindStringSubmatch(s)
	if m == nil {
		return
	}
	side := func(t string) (*node, bool) {
		toks := lex(strings.TrimSpace(t))
		x, end, ok := parseAt(toks, 0, "x", "y", "n")
		return x, ok && toks[end].k == tEnd
	}
	a, ok1 := side(m[1])
	b, ok2 := side(m[2])
	if !ok1 || !ok2 {
		return
	}
	d := sub(a, b)
	if !d.uses("x") {
		return
	}
	body := eq(bin(kMod, d, vr("n")), num(0))
	if d.uses("y") {
		body = &node{k: kSum, name: "y", kids: []*node{num(0), sub(vr("n"), num(1)), body}}
	}
	c.add(s, &node{k: kSum, name: "x", kids: []*node{num(0), sub(vr("n"), num(1)), body}})
}
