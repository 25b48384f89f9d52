package formula

// Recurrences written as an equation between terms: "a(n) + a(n+1) +
// a(n+2) = n^3", "a(n-3) + a(n-2) + a(n-1) + a(n) = prime(n)". The
// equation is solved for its latest term a(n+h), which must appear
// linearly with a constant coefficient: a(m) = (what is left)/c with m =
// n + h, a recurrence in a(m-1), ..., a(m-k) like rec.go's.

// implicitRecurrences reads "E1 = E2" equations over terms a(n+j) that
// start a clause and are not "a(n) = ..." or "a(n+k) = ..." (rec.go's).
func (c *collector) implicitRecurrences(text string, toks []token) {
	consts := textConsts(text)
	for i := 0; i+4 < len(toks); i++ {
		if !(toks[i].k == tIdent && toks[i].s == "a" && isOp(toks[i+1], "(") && toks[i+2].k == tIdent && toks[i+2].s == "n") {
			continue
		}
		if i > 0 && !(toks[i-1].k == tOp && (toks[i-1].s == "," || toks[i-1].s == ";" || toks[i-1].s == ":" || toks[i-1].s == ".")) {
			continue // inside an expression
		}
		if isA(toks[i:]) {
			continue
		}
		if _, _, ok := isShiftedA(toks[i:]); ok {
			continue
		}
		// a(n+j) is lag s-j: the least s that reads every term of the equation
		for s := int64(0); s <= 8; s++ {
			lhs, eq, ok := parseLags(toks, i, s, consts)
			if !ok || !isOp(toks[eq], "=") {
				continue
			}
			rhs, end, ok := parseLags(toks, eq+1, s, consts)
			if !ok || !boundary(toks, end) {
				continue
			}
			c.solveFor(text, text[toks[i].start:toks[end-1].end], bin(kSub, lhs, rhs), s)
			break
		}
	}
}

// solveFor adds the recurrence e = 0 (e over n and lags a1..a8 of
// a(n+s)) solved for its least lag L, the latest term.
func (c *collector) solveFor(text, source string, e *node, s int64) {
	low, high := 9, 0
	for j := 1; j <= 8; j++ {
		if e.uses("a" + string(rune('0'+j))) {
			low, high = min(low, j), max(high, j)
		}
	}
	if low > 8 || high == low || !linearIn(e, lagName(low)) {
		return
	}
	coefNode := coef(e, lagName(low))
	if !isConst(coefNode) {
		return
	}
	cv, ok := constAt(coefNode, 0)
	if !ok || cv.Sign() == 0 || cv.Num().BitLen() > 31 || cv.Denom().BitLen() > 31 {
		return
	}
	// a(m) = -rest/c, m = n + h, h = s - low; lag j becomes j - low
	body := bin(kDiv, un(kNeg, orZero(drop(e, lagName(low)))), ratNode(cv))
	for j := low + 1; j <= 8; j++ {
		body = substitute(body, lagName(j), vr("b"+string(rune('0'+j-low))))
	}
	for j := 1; j <= 8; j++ {
		body = rename(body, "b"+string(rune('0'+j)), lagName(j))
	}
	h := s - int64(low)
	body = substitute(body, "n", sub(vr("n"), num(h)))
	c.recurrence(text, source, body, lagOrder(body))
}

func lagName(j int) string { return "a" + string(rune('0'+j)) }
