package formula

// Tables whose rows are not 1, 2, 3, ... entries long: row r has
// len(r) entries (none where len(r) < 0), T(r, c) for c = k0, k0+1, ....
// "n appears 4*n + 1 times in row n", "k appears 2k-1 times", "row n
// lists the divisors of n in decreasing order", and "0 <= k <= floor(n/2)"
// ranges of "T(n,k) = ..." (triangle.go).

import (
	"regexp"
	"strconv"
	"strings"
)

// numberWords: "repeated four times"
var numberWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

// rowReadings: the kTri nodes for rows from each of r0s, columns from
// k0, row r_ of length len (over r_), the first entry at index 0 or 1.
func rowReadings(r0s []int64, k0 int64, body, length *node) []*node {
	var out []*node
	for _, r0 := range r0s {
		for _, base := range []int64{0, 1} {
			out = append(out, &node{k: kTri, val: base, vals: []int64{r0, k0, 1, walkRows},
				kids: []*node{vr("n"), body, length}})
		}
	}
	return out
}

var (
	// "n appears n+1 times", "k appears 2k-1 times", "thereafter (-1)^(n+1)*n appears n times", "in which n appears 4*n + 1 times in row n"
	reAppears = regexp.MustCompile(`(?i)(?:^(?:each )?|: |; (?:thereafter )?|\bin which )([^:;,]+?) (?:appears|occurs|is repeated|repeated) ([^:;,]+?) times(?: in row ([a-z]))?(?:[.;]|$)`)
	// what may come before it: terms ("a(0)=0"), or the table it describes
	reAppearsHead = regexp.MustCompile(`(?i)^(?:|a\(\d\) *= *-?\d+|(?:irregular )?triang(?:le|ular array)\b.*)$`)
	// "row n lists the divisors of n in decreasing order"
	reDivRows = regexp.MustCompile(`(?i)^(?:irregular )?triangle(?:,? read by rows)?(?::| in which| where)? (?:the )?(?:row|n-th row) n (?:lists|contains|gives) (?:the )?divisors of n(?: in (increasing|decreasing) order)?\.?$`)
)

// rowTables reads the texts above.
func (c *collector) rowTables(text string) {
	text = strings.TrimSpace(text)
	if m := reAppears.FindStringSubmatchIndex(text); m != nil && reAppearsHead.MatchString(text[:m[0]]) {
		c.appears(text, m)
	}
	if m := reDivRows.FindStringSubmatch(text); m != nil {
		// the (c+1)-th divisor of r: 1 + #{d in 1..r : #{e in 1..d : e | r} <= c}
		count := &node{k: kSum, name: "e_", kids: []*node{num(1), vr("d_"),
			&node{k: kCmp, name: "=", kids: []*node{bin(kMod, vr("r_"), vr("e_")), num(0)}}}}
		nth := bin(kAdd, num(1), &node{k: kSum, name: "d_", kids: []*node{num(1), vr("r_"),
			&node{k: kCmp, name: "<=", kids: []*node{count, vr("c_")}}}})
		body := nth
		if strings.EqualFold(m[1], "decreasing") {
			body = bin(kDiv, vr("r_"), nth)
		}
		for _, y := range rowReadings([]int64{1}, 0, body, call("tau", vr("r_"))) {
			c.add(text, y)
		}
	}
}

// appears reads "V appears L times": row v lists V, L times, for v from 0
// or 1; terms the text gives ("a(0)=0; thereafter ...") come first.
func (c *collector) appears(text string, m []int) {
	vs, ls := text[m[2]:m[3]], text[m[4]:m[5]]
	if v, ok := numberWords[strings.ToLower(ls)]; ok {
		ls = strconv.Itoa(v)
	}
	for _, v := range []string{"n", "k", "m", "i"} {
		if m[6] >= 0 && text[m[6]:m[7]] != v {
			continue
		}
		val, ok1 := parseIn(vs, v)
		ltoks := lex(ls)
		l, end, ok2 := parseAt(ltoks, 0, v) // may be a constant: "repeated four times"
		if !ok1 || !ok2 || ltoks[end].k != tEnd {
			continue
		}
		val, l = rename(val, "x_", "r_"), rename(l, v, "r_")
		terms := initialTerms(text)
		for _, y := range rowReadings([]int64{0, 1}, 0, val, l) {
			if len(terms) > 0 {
				y = withTerms(y, terms)
				if y == nil {
					continue
				}
			}
			c.add(text[m[2]:m[5]], y)
		}
		return
	}
}

// irregular reads "T(n,k) = ..." over a range of k whose end is a
// formula in n other than n - c ("0 <= k <= floor(n/2)", "k = 0..2n",
// "0 <= k < 2^n"): row n has end - start + 1 entries. It reports whether
// the text states such a range (then it is the reading, or none).
func (c *collector) irregular(text string, toks []token, d tableDef, consts map[string]int64) bool {
	for i := 0; i+4 < len(toks); i++ {
		var lo int64
		var at int
		open := false // "<": the end is not in the row
		switch {
		case toks[i].k == tNum && (isOp(toks[i+1], "<=") || isOp(toks[i+1], "<")) && toks[i+2].k == tIdent && toks[i+2].s == d.cv &&
			(isOp(toks[i+3], "<=") || isOp(toks[i+3], "<")):
			lo, at, open = toks[i].v, i+4, isOp(toks[i+3], "<")
			if isOp(toks[i+1], "<") {
				lo++
			}
		case toks[i].k == tIdent && toks[i].s == d.cv && isOp(toks[i+1], "=") && toks[i+2].k == tNum && isOp(toks[i+3], ".."):
			lo, at = toks[i+2].v, i+4
		default:
			continue
		}
		end, stop, ok := parseAtConsts(toks, at, consts, d.rv)
		if !ok || stop == at || !end.uses(d.rv) || !(toks[stop].k == tEnd || isOp(toks[stop], ",") || isOp(toks[stop], ".") ||
			isOp(toks[stop], ";") || isOp(toks[stop], ")") || isWord(toks[stop], "and")) {
			continue
		}
		if e0, er, ok := affineIn(end, d.rv); ok && er == 1 && e0 <= 0 {
			return false // n - c: a triangle's rows, tableStart's
		}
		length := bin(kSub, end, num(lo))
		if !open {
			length = bin(kAdd, length, num(1))
		}
		rest := text[:toks[i].start] + " ~ " + text[toks[stop-1].end:]
		st, ok := tableStart(rest, d.rv, d.cv, false)
		if !ok || st.col >= 0 && st.col != lo || st.end != 0 {
			return true
		}
		r0s := []int64{0, 1}
		if st.row >= 0 {
			r0s = []int64{st.row}
		}
		x, xend, ok := parseAtConsts(toks, d.at, consts, d.rv, d.cv)
		if !ok || xend == d.at || !boundary(toks, xend) || !x.uses(d.rv) && !x.uses(d.cv) {
			return true
		}
		body := rename(rename(x, d.rv, "r_"), d.cv, "c_")
		for _, y := range rowReadings(r0s, lo, body, rename(length, d.rv, "r_")) {
			c.add(text[toks[d.at].start:toks[xend-1].end], y)
		}
		return true
	}
	return false
}
