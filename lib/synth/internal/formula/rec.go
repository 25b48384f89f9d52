package formula

// Recurrences read from the text: a(n) = f(n, a(n-1), ..., a(n-k)), and the
// terms the text starts them from.

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	// "a(0) = a(1) = 1", "a(2)=0": the given terms
	reInit    = regexp.MustCompile(`((?:a\((\d+)\)\s*=\s*)+)(-?\d+)`)
	reInitIdx = regexp.MustCompile(`a\((\d+)\)`)
	// "starting 1,1,1,3"
	reStarting = regexp.MustCompile(`(?i)\b(?:starting|beginning)(?: with)?:? (-?\d+(?:\s*,\s*-?\d+)+)`)
)

// lagOrder is the largest j of the a(n-j) that x reads (0: none).
func lagOrder(x *node) int {
	ord := 0
	if x.k == kVar && len(x.name) == 2 && x.name[0] == 'a' {
		ord = int(x.name[1] - '0')
	}
	for _, k := range x.kids {
		ord = max(ord, lagOrder(k))
	}
	return ord
}

// initialTerms reads the terms a text gives: a(i) = v (chains too); a
// value followed by an operator or a letter is a formula, not a term.
func initialTerms(text string) map[int64]int64 {
	terms := map[int64]int64{}
	for _, m := range reInit.FindAllStringSubmatchIndex(text, -1) {
		rest := strings.TrimLeft(text[m[1]:], " ")
		if rest != "" {
			c := rest[0]
			joins := false // "a(0) = 0 and a(n) = ...": a term, then more text
			if isLetter(c) {
				j := 0
				for j < len(rest) && isLetter(rest[j]) {
					j++
				}
				switch strings.ToLower(rest[:j]) {
				case "and", "with", "for", "then", "thereafter":
					joins = true
				}
			}
			if strings.IndexByte("*/^+-(", c) >= 0 || isLetter(c) && !joins || c >= '0' && c <= '9' ||
				c == '.' && len(rest) > 1 && rest[1] >= '0' && rest[1] <= '9' {
				continue
			}
		}
		v, err := strconv.ParseInt(text[m[6]:m[7]], 10, 32)
		if err != nil {
			continue
		}
		for _, im := range reInitIdx.FindAllStringSubmatch(text[m[2]:m[3]], -1) {
			i, err := strconv.ParseInt(im[1], 10, 32)
			if err != nil || i > 20 {
				continue
			}
			if old, seen := terms[i]; seen && old != v {
				return nil // the text gives two values: not a reading we trust
			}
			terms[i] = v
		}
	}
	return terms
}

// recurrence adds a(n) = body(n, a(n-1), ..., a(n-ord)) started from the
// terms the text gives: a(i0), a(i0+1), ... (at least ord of them,
// consecutive), or a list after "starting" read from a(0) or from a(1).
func (c *collector) recurrence(text, source string, body *node, ord int) {
	body = rename(body, "n", "i_")
	mk := func(i0 int64, vals []int64) {
		if len(vals) < ord || len(vals) > 30 {
			return
		}
		c.add(source, &node{k: kRec, val: i0, vals: vals, ord: ord, kids: []*node{vr("n"), body}})
	}
	terms := initialTerms(text)
	if len(terms) > 0 {
		i0 := int64(1 << 40)
		for i := range terms {
			i0 = min(i0, i)
		}
		var vals []int64
		for i := i0; ; i++ {
			v, ok := terms[i]
			if !ok {
				break
			}
			vals = append(vals, v)
		}
		if len(vals) >= ord || c.seed == nil {
			mk(i0, vals)
			return
		}
	}
	if m := reStarting.FindStringSubmatch(text); m != nil {
		var vals []int64
		for _, f := range strings.Split(m[1], ",") {
			v, err := strconv.ParseInt(strings.TrimSpace(f), 10, 32)
			if err != nil {
				return
			}
			vals = append(vals, v)
		}
		mk(0, vals)
		mk(1, vals)
		return
	}
	if c.seed != nil {
		c.seeded(text, source, body, ord, terms)
	}
}

// isShiftedA reports whether toks open with "a(n+k) =" (1 <= k <= 8),
// and where the right side starts.
func isShiftedA(toks []token) (k int64, at int, ok bool) {
	if len(toks) < 7 || !(toks[0].k == tIdent && toks[0].s == "a" && isOp(toks[1], "(") &&
		toks[2].k == tIdent && toks[2].s == "n" && isOp(toks[3], "+") && toks[4].k == tNum &&
		isOp(toks[5], ")") && isOp(toks[6], "=")) {
		return 0, 0, false
	}
	if toks[4].v < 1 || toks[4].v > 8 {
		return 0, 0, false
	}
	return toks[4].v, 7, true
}
