package formula

// Two sequences interleaved (ops3): the terms of X at the even places and
// those of Y at the odd ones.
//
//	50k^2-20k-23 interleaved with 50k^2+30k+17 for k>=0.
//	Interleave 3n+1 and 3n+2.
//	Squares interleaved with cubes.
//	Primes interleaved with zeros.
//
// Each operand is an expression in one letter (from the bound the text
// gives it, "for k>=1", else 0), a sequence seqReadings reads ("the
// primes", "Fibonacci numbers": each reading from its first term or its
// second, where it is defined there), or "zeros"/"ones".
// The first term is a(0) or a(1): a(b + 2m) = X(m), a(b + 2m + 1) =
// Y(m), each b a reading; the readings are offered only where the
// examples tell them apart (seqToldApart).

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	// "X interleaved with Y", "X and Y interleaved"
	reOps3Interleaved = regexp.MustCompile(`^(.+?) (?:interleaved|interlaced) with (.+)$`)
	reOps3AndInter    = regexp.MustCompile(`^(.+?) and (.+?),? (?:interleaved|interlaced)$`)
	// "Interleave X and Y", "Interleaving of X with Y"
	reOps3Interleave = regexp.MustCompile(`^(?i:interleav(?:e|ing)(?: of)?|interlac(?:e|ing)(?: of)?) (.+?) (?:and|with) (.+)$`)
	// ", for k >= 0", " k>=1", " for k=>0"
	reOps3LetterFrom = regexp.MustCompile(`,? (?:for |with )?([a-z]) ?(?:>=|=>|≥) ?(\d)$`)
)

// ops3Interleave reads the first sentence of text as two sequences
// interleaved.
func (c *collector) ops3Interleave(text string) {
	s := strings.TrimSpace(strings.TrimSuffix(firstSentence(text), "."))
	body, letter, from := s, "", int64(0)
	if m := reOps3LetterFrom.FindStringSubmatchIndex(s); m != nil {
		body, letter = s[:m[0]], s[m[2]:m[3]]
		from, _ = strconv.ParseInt(s[m[4]:m[5]], 10, 64)
	}
	var l, r string
	if m := reOps3Interleave.FindStringSubmatch(body); m != nil {
		l, r = m[1], m[2]
	} else if m := reOps3Interleaved.FindStringSubmatch(body); m != nil {
		l, r = m[1], m[2]
	} else if m := reOps3AndInter.FindStringSubmatch(body); m != nil {
		l, r = m[1], m[2]
	} else {
		return
	}
	xs, ys := ops3Strand(l, letter, from), ops3Strand(r, letter, from)
	if len(xs) == 0 || len(ys) == 0 {
		return
	}
	var out []*node
	for _, x := range xs {
		for _, y := range ys {
			for _, b := range []int64{0, 1} {
				m := sub(vr("n"), num(b))
				half := un(kFloor, bin(kDiv, cloneNode(m), num(2)))
				odd := bin(kMod, cloneNode(m), num(2))
				ev := and(eq(cloneNode(odd), num(0)), substitute(cloneNode(x), "n", cloneNode(half)))
				od := and(eq(odd, num(1)), substitute(cloneNode(y), "n", half))
				out = append(out, add(ev, od))
			}
		}
	}
	c.addToldApart(s, out, "ops3", true)
}

// ops3Strand reads one of the interleaved sequences as terms over n from
// n = 0: an expression in letter (or in n, or in k) from its first value
// from, a sequence seqReadings reads, zeros or ones; nil if none.
func ops3Strand(w, letter string, from int64) []*node {
	w = strings.TrimSpace(w)
	switch strings.ToLower(w) {
	case "zeros", "zeroes", "0's", "0s":
		return []*node{num(0)}
	case "ones", "1's", "1s":
		return []*node{num(1)}
	}
	for _, v := range []string{letter, "n", "k"} {
		if v == "" {
			continue
		}
		e, ok := parseWhole(w, []string{v})
		if !ok || !e.uses(v) {
			continue
		}
		start := int64(0)
		if v == letter {
			start = from
		}
		return []*node{substitute(e, v, add(vr("n"), num(start)))}
	}
	// a sequence's readings start at n = 0 or 1: one undefined at n = 0
	// (prime(n)) is read from n = 1
	var out []*node
	v := evaluator{steps: scanSteps}
	for _, x := range seqReadings(w) {
		if has(x, kTri) {
			continue
		}
		if r, err := v.eval(x, 0); err == nil && r.IsInt() {
			out = append(out, x)
			continue
		}
		y := substitute(cloneNode(x), "n", add(vr("n"), num(1)))
		if r, err := v.eval(y, 0); err == nil && r.IsInt() {
			out = append(out, y)
		}
	}
	return dedup(out)
}
