package formula

// Sums over a formula table, where the text says the sequence is them:
// "Row sums of the triangle T(n,k) = binomial(n,k)*k, 0 <= k <= n",
// "Alternating row sums of ...", "Antidiagonal sums of the array T(n,k)
// = n*k". a(n) is the sum over row (or antidiagonal) n - base + r0, each
// start the text leaves open a reading of its own.

import (
	"regexp"
)

var reTableSums = regexp.MustCompile(`(?i)^(?:the )?(alternating )?(row|antidiagonal) sums (?:of|in) (?:the )?(?:number |square |rectangular )?(?:triangle|triangular array|array|table)\b`)

// tableSums reads the texts above.
func (c *collector) tableSums(text string, toks []token) {
	m := reTableSums.FindStringSubmatch(text)
	if m == nil || pinned(toks) || reIrregular.MatchString(text) {
		return
	}
	alt, anti := m[1] != "", m[2] == "antidiagonal" || m[2] == "Antidiagonal"
	defs := tableDefs(text, toks, !anti)
	if len(defs) != 1 {
		return
	}
	d := defs[0]
	st, ok := tableStart(text, d.rv, d.cv, anti)
	if !ok {
		return
	}
	consts := textConsts(text)
	x, end, ok := parseAtConsts(toks, d.at, consts, d.rv, d.cv)
	if !ok || end == d.at || !boundary(toks, end) || !x.uses(d.rv) && !x.uses(d.cv) {
		return
	}
	body := rename(rename(x, d.rv, "r_"), d.cv, "c_")
	if alt {
		body = bin(kMul, bin(kPow, num(-1), vr("c_")), body)
	}
	rows := []int64{0, 1}
	if st.row >= 0 {
		rows = []int64{st.row}
	}
	cols := []int64{0, 1}
	if st.col >= 0 {
		cols = []int64{st.col}
	}
	for _, r0 := range rows {
		for _, k0 := range cols {
			if !anti && k0-st.end > r0 {
				continue // the first row would have no entry
			}
			for _, base := range []int64{0, 1} {
				row := bin(kAdd, bin(kSub, vr("n"), num(base)), num(r0)) // the row (or antidiagonal) a(n) sums
				var y *node
				if anti {
					// T(r0 + i, k0 + d - i) for i = 0..d, d = n - base
					cell := substitute(substitute(body, "r_", bin(kAdd, num(r0), vr("i_"))), "c_",
						bin(kSub, bin(kAdd, num(k0), bin(kSub, vr("n"), num(base))), vr("i_")))
					y = &node{k: kSum, name: "i_", kids: []*node{num(0), bin(kSub, vr("n"), num(base)), cell}}
				} else {
					cell := substitute(rename(body, "c_", "j_"), "r_", row)
					y = &node{k: kSum, name: "j_", kids: []*node{num(k0), bin(kAdd, row, num(st.end)), cell}}
				}
				c.add(text[toks[d.at].start:toks[end-1].end], y)
			}
		}
	}
}
