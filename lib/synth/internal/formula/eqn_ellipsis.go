package formula

// Sums written out with an ellipsis: "a(n) = 1*2 + 2*3 + ... +
// n*(n+1)", "a(n) = [1/s]+[2/s]+...+[n/s], where s=2+sqrt(2)", "a(n) =
// 2*1 + 4*3 + 6*5 + ... + (up to the n-th term)". The terms before the
// ellipsis must have one shape and differ only in numbers, each number
// an arithmetic progression over the terms (checked on every term
// written out; with only two, steps of at most 2); the term j is that
// shape with each number a + d*(j-1). The last term gives the number of
// terms J: its expression where the first number stood is a + d*(J-1),
// and its other expressions must agree with that J at n = 1..40 (exact
// values). "(up to the n-th term)" is J = n. The sum is Sum_{j=1..J}.

import (
	"fmt"
	"strings"
)

// eqnEllipsis reads an "a(n) = T1 + T2 + ... + TJ" opening the text.
func (c *collector) eqnEllipsis(text string) {
	toks := surdTokens(text, lex(text))
	if len(toks) < 6 || !isA(toks) {
		return
	}
	// the terms before the ellipsis, split at "+" outside brackets
	var terms [][]token
	start, depth, i := 5, 0, 5
	for ; ; i++ {
		t := toks[i]
		if t.k == tEnd {
			return
		}
		if t.k == tOp {
			switch t.s {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth--
			}
		}
		if depth == 0 && isOp(t, "+") {
			if i == start {
				return
			}
			terms = append(terms, toks[start:i])
			start = i + 1
			if isOp(toks[i+1], "..") && isOp(toks[i+2], ".") && isOp(toks[i+3], "+") {
				i += 4
				break
			}
		}
	}
	if len(terms) < 2 || len(terms) > 12 {
		return
	}
	free := ""
	for _, v := range []string{"j", "i", "m", "q"} {
		if !strings.Contains(text, v) {
			free = v
			break
		}
	}
	if free == "" {
		return
	}
	// the shape: positions whose numbers change, each a + d*(j-1)
	type slot struct{ pos, a, d int64 }
	var slots []slot
	first := terms[0]
	for _, tm := range terms[1:] {
		if len(tm) != len(first) {
			return
		}
	}
	for p, t := range first {
		u := terms[1][p]
		if t.k != u.k || t.s != u.s || t.k == tOp && t.s == "" {
			return
		}
		if t.k == tNum && t.v != u.v {
			d := u.v - t.v
			if len(terms) == 2 && (d > 2 || d < -2) {
				return
			}
			for j, tm := range terms {
				if tm[p].k != tNum || tm[p].v != t.v+d*int64(j) {
					return
				}
			}
			slots = append(slots, slot{int64(p), t.v, d})
		} else {
			for _, tm := range terms {
				if tm[p].k != t.k || tm[p].s != t.s || tm[p].v != t.v {
					return
				}
			}
		}
	}
	if len(slots) == 0 {
		return
	}
	var b strings.Builder
	k := 0
	for p, t := range first {
		if k < len(slots) && slots[k].pos == int64(p) {
			fmt.Fprintf(&b, " (%d+(%d)*(%s-1)) ", slots[k].a, slots[k].d, free)
			k++
			continue
		}
		b.WriteString(text[t.start:t.end])
		b.WriteByte(' ')
	}
	tmplToks := surdTokens(b.String(), lex(b.String()))
	body, end, ok := parseAtConsts(tmplToks, 0, textConsts(text), "n", free)
	if !ok || tmplToks[end].k != tEnd {
		return
	}
	// the number of terms
	consts := textConsts(text)
	var count *node
	last := i
	if isOp(toks[i], "(") && toks[i+1].k == tIdent && toks[i+1].s == "up" && toks[i+2].k == tIdent && toks[i+2].s == "to" {
		j := i
		for ; toks[j].k != tEnd && !isOp(toks[j], ")"); j++ {
		}
		words := strings.ToLower(text[toks[i].start:toks[j].end])
		if toks[j].k == tEnd || !strings.Contains(words, "n-th term") && !strings.Contains(words, "nth term") {
			return
		}
		count, last = vr("n"), j+1
	} else {
		lastTerm, end, ok := parseAtConsts(toks, i, consts, "n")
		if !ok {
			return
		}
		if count = eqnTermCount(toks, i, first, slots[0].pos, slots[0].a, slots[0].d); count == nil {
			return
		}
		// the last term must be the J-th
		if !eqnSameAt(lastTerm, substitute(body, free, count), count) {
			return
		}
		last = end
	}
	if !boundary(toks, last) {
		return
	}
	c.add(text[toks[5].start:toks[last-1].end], &node{k: kSum, name: free, kids: []*node{num(1), count, body}})
}

// eqnTermCount reads the last term's expression where the first term
// had the number at pos (tokens toks[i:] aligned with the shape first)
// and solves a + d*(J-1) = E for J; nil if the tokens do not align.
func eqnTermCount(toks []token, i int, first []token, pos, a, d int64) *node {
	j := i
	for p := 0; p < len(first); p++ {
		if int64(p) == pos {
			// the expression runs to the next constant token of the
			// shape at depth 0 (or to the term's end)
			startE := j
			depth := 0
			for ; toks[j].k != tEnd; j++ {
				t := toks[j]
				if depth == 0 && p+1 < len(first) && t.k == first[p+1].k && t.s == first[p+1].s && t.v == first[p+1].v {
					break
				}
				if depth == 0 && p+1 == len(first) && (t.k == tEnd || t.k == tOp && strings.Contains(".,;", t.s) || t.k == tIdent) && j > startE {
					break
				}
				if t.k == tOp {
					switch t.s {
					case "(", "[", "{":
						depth++
					case ")", "]", "}":
						depth--
					}
				}
				if depth < 0 {
					return nil
				}
			}
			if j == startE {
				return nil
			}
			sub := append(append([]token(nil), toks[startE:j]...), token{k: tEnd})
			e, end, ok := parseAt(sub, 0, "n")
			if !ok || sub[end].k != tEnd || !e.uses("n") {
				return nil
			}
			// J = (E - a)/d + 1
			return bin(kAdd, bin(kDiv, bin(kSub, e, num(a)), num(d)), num(1))
		}
		t := toks[j]
		if t.k != first[p].k || t.s != first[p].s || t.k == tNum && t.v != first[p].v {
			return nil
		}
		j++
	}
	return nil
}

// eqnSameAt reports whether x and y have equal values at n = 1..40
// where count, the number of terms, is a whole number >= 1 (where all
// are defined, at least 20).
func eqnSameAt(x, y, count *node) bool {
	agreed := 0
	for n := int64(1); n <= 40; n++ {
		v := evaluator{steps: 20_000}
		a, err1 := v.eval(x, n)
		b, err2 := v.eval(y, n)
		j, err3 := v.eval(count, n)
		if err1 != nil || err2 != nil || err3 != nil {
			continue
		}
		if !j.IsInt() || j.Sign() <= 0 || a.Cmp(b) != 0 {
			return false
		}
		agreed++
	}
	return agreed >= 20
}
