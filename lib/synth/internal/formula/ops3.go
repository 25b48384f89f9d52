package formula

// Operators applied to what the other readers read (ops3): a difference or
// a sum of two terms each named in words, and a term of a list named by
// its n-th member.
//
//	Absolute difference between sum of odd divisors of n and sum of even divisors of n.
//	                                         |X(n) - Y(n)|
//	Difference between the n-th squarefree number and n.   x(n) - n
//	Number of divisors of n minus number of digits of n.   X(n) - Y(n)
//	The squarefree kernel of the n-th biquadratefree number.  rad(x(n))
//
// Each operand is read alone, as every other reader reads it: an
// expression in n ("n", "n^2"), "the n-th X" for a list X (seqReadings
// reads its plural, each start a reading), or a phrase that is a
// function of n ("sum of odd divisors of n"). An operand that reads no
// way gives nothing; the readings of the whole are offered only where the
// examples tell them apart (seqToldApart), as for sums_seq.go.

import (
	"regexp"
	"strings"
)

var (
	// "Difference between X and Y", "Absolute difference between X and Y",
	// "a(n) is the difference between X and Y"
	reOps3Diff = regexp.MustCompile(`^(?i:(?:a\(n\) (?:is|=) )?(?:the )?(absolute )?difference between) (.+)$`)
	// "X minus Y", "X plus Y", "a(n) is X minus Y"
	reOps3Infix = regexp.MustCompile(` (minus|plus) `)
	// "n-th squarefree number", "the nth prime"
	reOps3Nth = regexp.MustCompile(`^(?i:the )?(?:n-th|nth|n'th) ([a-z][a-z -]*[a-z])$`)
	// "a(n) is ", "a(n) = the "
	reOps3Frame = regexp.MustCompile(`^a\(n\) (?:is|=) (?:the )?`)
)

// ops3Binary reads the first sentence of text (or each side of a colon in
// it: "Difference between the n-th squarefree number and n: a(n) = ...")
// as a difference or sum of two operands.
func (c *collector) ops3Binary(text string) {
	s := strings.TrimSpace(strings.TrimSuffix(firstSentence(text), "."))
	parts := []string{s}
	if i := strings.Index(s, ": "); i > 0 {
		parts = []string{s[:i], strings.TrimSpace(s[i+2:])}
	}
	for _, p := range parts {
		if c.ops3Read(p) {
			return
		}
	}
}

// ops3Read reads s as one of ops3Binary's forms; whether it did.
func (c *collector) ops3Read(s string) bool {
	var ys []*node
	if m := reOps3Diff.FindStringSubmatch(s); m != nil {
		abs := m[1] != ""
		for _, xy := range ops3Splits(m[2], " and ") {
			for _, d := range xy {
				if abs {
					d = call("abs", d)
				}
				ys = append(ys, d)
			}
		}
	} else if locs := reOps3Infix.FindAllStringSubmatchIndex(s, -1); len(locs) > 0 {
		body := s
		off := 0
		if loc := reOps3Frame.FindStringIndex(s); loc != nil {
			body, off = s[loc[1]:], loc[1]
		}
		for _, loc := range locs {
			if loc[0] < off {
				continue
			}
			l, r := body[:loc[0]-off], body[loc[1]-off:]
			op := s[loc[2]:loc[3]]
			for _, x := range ops3Operand(l) {
				for _, y := range ops3Operand(r) {
					if op == "minus" {
						ys = append(ys, sub(cloneNode(x), cloneNode(y)))
					} else {
						ys = append(ys, add(cloneNode(x), cloneNode(y)))
					}
				}
			}
		}
	} else {
		return false
	}
	if len(ys) == 0 {
		return false
	}
	c.addToldApart(s, ys, "ops3", true)
	return true
}

// ops3Splits reads s as "X<sep>Y" at each sep where both sides read: the
// differences X - Y, one slice per split.
func ops3Splits(s, sep string) [][]*node {
	var out [][]*node
	for i := 0; ; {
		j := strings.Index(s[i:], sep)
		if j < 0 {
			return out
		}
		l, r := s[:i+j], s[i+j+len(sep):]
		i += j + len(sep)
		var ds []*node
		for _, x := range ops3Operand(l) {
			for _, y := range ops3Operand(r) {
				ds = append(ds, sub(cloneNode(x), cloneNode(y)))
			}
		}
		if len(ds) > 0 {
			out = append(out, ds)
		}
	}
}

// ops3Operand reads w as a term in n: an expression in n, "the n-th X",
// or a phrase the other readers read as a function of n. nil if none.
func ops3Operand(w string) []*node {
	w = strings.TrimSpace(w)
	if w == "" || strings.ContainsAny(w, ";:") || reAnumWord.MatchString(w) {
		return nil
	}
	if e, ok := parseN(w); ok {
		if !e.uses("n") {
			return nil
		}
		return []*node{e}
	}
	if xs := ops3Nth(w); xs != nil {
		return xs
	}
	if xs := ops3NearTerms(w); xs != nil { // ops3_near.go
		return xs
	}
	if !reWordN.MatchString(w) {
		return nil // a function of n names its n
	}
	var out []*node
	for _, f := range captured(strings.ToUpper(w[:1]) + w[1:] + ".") {
		if f.uses("k_") || has(f, kRec) || has(f, kMem) || isAutomaton(f) || !f.uses("n") {
			continue
		}
		out = append(out, f)
	}
	return out
}

// ops3Nth reads "the n-th X" as X's n-th term: X's plural as seqReadings
// reads it ("n-th squarefree number": the squarefree numbers), each start
// a reading; nil if w is not of that form or X reads no way.
func ops3Nth(w string) []*node {
	m := reOps3Nth.FindStringSubmatch(strings.TrimSpace(w))
	if m == nil {
		return nil
	}
	x := m[1]
	if !strings.HasSuffix(x, "s") {
		x += "s"
	}
	return seqReadings(x)
}
