package formula

// Recurrences by a condition on n and an earlier term (cases_rec.go):
//
//	a(1) = 7; a(n) = a(n-1)/2 if a(n-1) is even, otherwise 3*a(n-1) + 1.
//	a(0) = 1; a(n) = a(n-1) + n if n is prime, else a(n-1) - 1.
//	a(1) = 1; for n > 1, if a(n-1) > n then a(n) = a(n-1) - n, else a(n) = a(n-1) + n.
//
// One condition and "otherwise" (or "else"): the cases cannot overlap or
// leave a gap. The condition is read by pred.go with the earlier term
// (one index, "a(n-1)") standing for a variable of its own; the values
// are recurrences with history (memrec.go), started from the terms the
// text gives.

import (
	"regexp"
	"strings"
)

var (
	// "a(n) =" opening the cases (not "a(n) = a(n-1) ..." of a term)
	reCaseRecA = regexp.MustCompile(`\ba\(n\)\s*=\s*`)
	// "if" opening a sentence's cases: "If P then ...", ", if P then"
	reCaseRecIf = regexp.MustCompile(`(?:^|, |; )(?i:if) `)
	// "X is > 1": a comparison written after "is"
	reCaseRecIsCmp = regexp.MustCompile(` is (<=|>=|<|>|=) `)
	// an earlier term inside a condition
	reCaseRecRef = regexp.MustCompile(`\ba\(([^()]+)\)`)
	// terms the text gives after the last value: ", with a(1) = 7"
	reCaseRecTail = regexp.MustCompile(`^(.+?)(?:,|;)\s*(?:with |where |and )?a\(\d+\)\s*=\s*-?\d+(?:\s*(?:,|and)\s*a\(\d+\)\s*=\s*-?\d+)*\s*$`)
)

// condRecurrences reads a recurrence by cases: one condition on n and an
// earlier term, and the value otherwise.
func (c *collector) condRecurrences(text string) {
	s := condSentence(text)
	loc := reCaseRecA.FindStringIndex(s)
	if loc == nil {
		return
	}
	body := s[loc[1]:]
	if i := reCaseRecIf.FindStringIndex(s); i != nil && i[0] < loc[0] {
		// "for n > 1, if P then a(n) = E1, else a(n) = E2"
		loc, body = []int{i[1] - 3, i[1]}, s[i[1]-3:]
	}
	var cond, then, other string
	if m := reIfThen.FindStringSubmatch(body); m != nil {
		cond, then, other = m[1], m[2], m[3]
	} else {
		segs := splitTop(body, []string{" if "})
		if len(segs) != 2 {
			return
		}
		then = segs[0]
		m := reOtherwiseAfter.FindStringSubmatch(strings.TrimSpace(segs[1]))
		if m == nil {
			return
		}
		cond, other = m[1], m[2]
	}
	if t := reCaseRecTail.FindStringSubmatch(strings.TrimSpace(other)); t != nil {
		other = t[1]
	}
	cond = caseRecThis(cond, then)
	consts := textConsts(text)
	e1, ok1 := caseRecExpr(then, consts)
	e2, ok2 := caseRecExpr(other, consts)
	p := caseRecCond(cond, consts)
	if !ok1 || !ok2 || p == nil || !has(e1, kMemRef) && !has(e2, kMemRef) && !has(p, kMemRef) {
		return
	}
	x := bin(kAdd, bin(kAnd, p, e1), bin(kAnd, not(p), e2))
	c.memRec(text, s[loc[0]:], substitute(x, "n", vr("i_")), -1)
}

// caseRecExpr reads one case's value over n and earlier terms a(...),
// after "a(n) =" where the text repeats it.
func caseRecExpr(s string, consts map[string]int64) (*node, bool) {
	s = strings.TrimSpace(s)
	if loc := reCaseRecA.FindStringIndex(s); loc != nil && loc[0] == 0 {
		s = s[loc[1]:]
	}
	toks := lex(s)
	x, end, ok := parseWith(&parser{toks: toks, vars: []string{"n"}, consts: consts, mem: "a"})
	if !ok || toks[end].k != tEnd {
		return nil, false
	}
	return x, true
}

// caseRecCond reads a condition on n and at most one earlier term: the
// term is renamed w for pred.go (a text that uses w itself is left
// alone), then replaced by its reference.
func caseRecCond(s string, consts map[string]int64) *node {
	s = reCaseRecIsCmp.ReplaceAllString(strings.TrimSpace(s), " $1 ") // "this gcd is > 1"
	refs := reCaseRecRef.FindAllStringSubmatch(s, -1)
	if len(refs) == 0 {
		return condOn(s)
	}
	idx := strings.ReplaceAll(refs[0][1], " ", "")
	for _, r := range refs[1:] {
		if strings.ReplaceAll(r[1], " ", "") != idx {
			return nil
		}
	}
	if strings.Contains(s, "w") {
		return nil
	}
	toks := lex(idx)
	i, end, ok := parseWith(&parser{toks: toks, vars: []string{"n"}, consts: consts})
	if !ok || toks[end].k != tEnd || !i.uses("n") {
		return nil
	}
	p := predicate(reCaseRecRef.ReplaceAllString(s, "w"), "w", true)
	if p == nil || !p.uses("x_") {
		return nil
	}
	return substitute(p, "x_", &node{k: kMemRef, name: "a", kids: []*node{i}})
}

// reCaseRecThis: "this gcd is > 1", the condition naming a call of the
// value before it
var reCaseRecThis = regexp.MustCompile(`^(?i:this) ([A-Za-z]+)\b`)

// caseRecThis replaces "this F" opening cond by the one call F(...) that
// the value then holds ("a(n-1)/gcd(a(n-1),n) if this gcd is > 1"); cond
// as it is if it opens otherwise, "" if then holds no such call or two
// that differ.
func caseRecThis(cond, then string) string {
	m := reCaseRecThis.FindStringSubmatchIndex(cond)
	if m == nil {
		return cond
	}
	name := cond[m[2]:m[3]]
	if _, _, ok := lookupFunc(name); !ok {
		return ""
	}
	call := ""
	for i := 0; i+len(name) < len(then); i++ {
		if !strings.HasPrefix(then[i:], name+"(") || i > 0 && isLetter(then[i-1]) {
			continue
		}
		depth, j := 0, i+len(name)
		for ; j < len(then); j++ {
			if then[j] == '(' {
				depth++
			} else if then[j] == ')' {
				if depth--; depth == 0 {
					break
				}
			}
		}
		if j == len(then) {
			return ""
		}
		if c := then[i : j+1]; call != "" && c != call {
			return ""
		} else {
			call = c
		}
	}
	if call == "" {
		return ""
	}
	return call + cond[m[1]:]
}
