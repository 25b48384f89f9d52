package formula

import (
	"regexp"
	"strings"
)

// Partitions into two parts named by letters: "Number of partitions of n
// into two parts (s,t) such that (t-s) | n, where s < t." The second
// letter is N minus the first, written into the condition before pred.go
// reads it over the first; the count is Sum_{x_=1..N} [2x_ <= N (or < N
// for "s < t" and distinct parts)] [condition]. Where the text does not
// say which letter is the smaller, both orders are offered if they differ
// at some n <= 9, one if they never differ up to n = 100, else nothing.

var reTwoParts = regexp.MustCompile(`^(?i:number) of partitions of (.+?) into (?:two|2) (distinct )?parts \(([a-z]),\s*([a-z])\),? (?:such that|where|with|for which) (.+?)(?:,? (?:where|with) ([a-z]) (<=|<) ([a-z]))?\s*\.?$`)

// countTwoParts reads s as a count of two-part partitions by letters; it
// reports whether it offered a reading.
func (c *collector) countTwoParts(s string) bool {
	m := reTwoParts.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	arg, ok := parseArg(m[1])
	a, b, cond := m[3], m[4], m[5]
	if !ok || a == b || a == "n" || b == "n" {
		return false
	}
	strict := m[2] != ""
	orders := [][2]string{{a, b}, {b, a}} // (smaller, larger)
	if m[6] != "" {
		if !(m[6] == a && m[8] == b || m[6] == b && m[8] == a) {
			return false
		}
		orders = [][2]string{{m[6], m[8]}}
		strict = strict || m[7] == "<"
	}
	reLetter := func(l string) *regexp.Regexp { return regexp.MustCompile(`\b` + l + `\b`) }
	var xs []*node
	for _, o := range orders {
		// the larger letter is N minus the smaller
		text := reLetter(o[1]).ReplaceAllString(cond, "("+strings.TrimSpace(m[1])+" - "+o[0]+")")
		pred := predicate(text, o[0], true)
		if pred == nil {
			return false
		}
		rel := "<="
		if strict {
			rel = "<"
		}
		half := &node{k: kCmp, name: rel, kids: []*node{bin(kMul, num(2), vr("x_")), arg}}
		xs = append(xs, &node{k: kSum, name: "x_", kids: []*node{num(1), arg, and(half, pred)}})
	}
	if len(xs) == 2 {
		differEarly, differ := false, false
		for n := int64(0); n <= scanN; n++ {
			v1, v2 := evaluator{steps: 100_000}, evaluator{steps: 100_000}
			r1, err1 := v1.eval(xs[0], n)
			r2, err2 := v2.eval(xs[1], n)
			if err1 != nil || err2 != nil {
				break
			}
			if r1.Cmp(r2) != 0 {
				differ = true
				differEarly = differEarly || n <= 9
			}
		}
		switch {
		case !differ:
			xs = xs[:1]
		case !differEarly:
			return true
		}
	}
	for _, x := range xs {
		c.add(s, x)
	}
	return true
}
