package formula

// A table whose entry is a coefficient, "T(n,k) = coefficient of
// [x^(n-k)] in (x+n)^n", "A(n,k) = [x^k] (1/(1-x) + x/(1-x)^n)": the
// expression is a sum of terms, each a product of integer polynomials in x
// to powers affine in n and k (the series of triangle_coef.go), or a power
// of u + v*x whose u and v are formulas in n and k:
// [x^j] (u + v*x)^e = binomial(e, j) * u^(e-j) * v^j for 0 <= j <= e.

// xcoefAt reads "coefficient of [x^J] in E", "coefficient of x^J in
// (the expansion of) E" or "[x^J] E" at toks[i], over row and column
// variables rv and cv: the entry's formula over r_ and c_, and the token
// after it.
func xcoefAt(toks []token, i int, consts map[string]int64, rv, cv string) (*node, int, bool) {
	if isWord(toks[i], "coefficient") && isWord(toks[i+1], "of") {
		i += 2
	} else if !isOp(toks[i], "[") {
		return nil, 0, false
	}
	bracket := isOp(toks[i], "[")
	if bracket {
		i++
	}
	if !isWord(toks[i], "x") || !isOp(toks[i+1], "^") {
		return nil, 0, false
	}
	j, end, ok := parseAtConsts(toks, i+2, consts, rv, cv)
	if !ok || end == i+2 || hasDiv(j) {
		return nil, 0, false
	}
	i = end
	if bracket {
		if !isOp(toks[i], "]") {
			return nil, 0, false
		}
		i++
	}
	if isWord(toks[i], "in") {
		i++
		if isWord(toks[i], "the") && isWord(toks[i+1], "expansion") && isWord(toks[i+2], "of") {
			i += 3
		}
	}
	x, end, ok := parseAtConsts(toks, i, consts, "x", rv, cv)
	if !ok || end == i || !x.uses("x") {
		return nil, 0, false
	}
	rn := func(y *node) *node { return rename(rename(y, rv, "r_"), cv, "c_") }
	x, j = rn(x), rn(j)
	var total *node
	for _, t := range addTerms(x, false) {
		c := xcoefTerm(t.x, j)
		if c == nil {
			return nil, 0, false
		}
		if t.neg {
			c = un(kNeg, c)
		}
		if total == nil {
			total = c
		} else {
			total = bin(kAdd, total, c)
		}
	}
	return total, end, true
}

type signedTerm struct {
	x   *node
	neg bool
}

// addTerms splits x into its terms over + and -.
func addTerms(x *node, neg bool) []signedTerm {
	switch x.k {
	case kAdd:
		return append(addTerms(x.kids[0], neg), addTerms(x.kids[1], neg)...)
	case kSub:
		return append(addTerms(x.kids[0], neg), addTerms(x.kids[1], !neg)...)
	}
	return []signedTerm{{x, neg}}
}

// xcoefTerm is [x^j] of one term, or nil.
func xcoefTerm(t, j *node) *node {
	if f, ok := toRatfn2(t); ok {
		if s, ok := normal(f); ok {
			if c := s.coef(j); c != nil {
				return c
			}
		}
	}
	// (u + v*x)^e with u, v formulas in r_ and c_
	if t.k != kPow || t.kids[1].uses("x") {
		return nil
	}
	u, v, ok := linearX(t.kids[0])
	if !ok {
		return nil
	}
	e := t.kids[1]
	in := bin(kAnd, &node{k: kCmp, name: ">=", kids: []*node{j, num(0)}}, &node{k: kCmp, name: "<=", kids: []*node{j, e}})
	return bin(kAnd, in, bin(kMul, call("binomial", e, j), bin(kMul, bin(kPow, u, bin(kSub, e, j)), bin(kPow, v, j))))
}

// linearX writes x as u + v*x with u, v free of x.
func linearX(x *node) (u, v *node, ok bool) {
	if !x.uses("x") {
		return x, num(0), true
	}
	switch x.k {
	case kVar:
		return num(0), num(1), true
	case kAdd, kSub:
		au, av, ok1 := linearX(x.kids[0])
		bu, bv, ok2 := linearX(x.kids[1])
		return bin(x.k, au, bu), bin(x.k, av, bv), ok1 && ok2
	case kNeg:
		au, av, ok := linearX(x.kids[0])
		return un(kNeg, au), un(kNeg, av), ok
	case kMul:
		a, b := x.kids[0], x.kids[1]
		if a.uses("x") {
			a, b = b, a
		}
		if a.uses("x") {
			return nil, nil, false
		}
		bu, bv, ok := linearX(b)
		return bin(kMul, a, bu), bin(kMul, a, bv), ok
	}
	return nil, nil, false
}

// toRatfn2 is toRatfn where a power may be affine in r_ and c_.
func toRatfn2(x *node) (ratfn, bool) {
	if x.k == kPow && (x.kids[1].uses("r_") || x.kids[1].uses("c_")) {
		a, ok := toRatfn(x.kids[0])
		e0, er, ec, ok2 := affine2(x.kids[1])
		if !ok || !ok2 {
			return nil, false
		}
		out := make(ratfn, len(a))
		for i, t := range a {
			out[i] = pfactor{t.p, t.e0 * e0, t.e0 * er, t.e0 * ec}
		}
		return out, true
	}
	switch x.k {
	case kMul, kDiv:
		a, ok1 := toRatfn2(x.kids[0])
		b, ok2 := toRatfn2(x.kids[1])
		if !ok1 || !ok2 {
			return nil, false
		}
		if x.k == kDiv {
			b = scale(b, -1)
		}
		return append(a, b...), true
	}
	if x.uses("r_") || x.uses("c_") {
		return nil, false
	}
	return toRatfn(x)
}

// affine2 reads x as e0 + er*r_ + ec*c_.
func affine2(x *node) (e0, er, ec int64, ok bool) {
	switch x.k {
	case kNum:
		return x.val, 0, 0, true
	case kVar:
		return 0, b2i(x.name == "r_"), b2i(x.name == "c_"), x.name == "r_" || x.name == "c_"
	case kAdd, kSub:
		a0, ar, ac, ok1 := affine2(x.kids[0])
		b0, br, bc, ok2 := affine2(x.kids[1])
		if x.k == kSub {
			b0, br, bc = -b0, -br, -bc
		}
		return a0 + b0, ar + br, ac + bc, ok1 && ok2
	case kNeg:
		a0, ar, ac, ok := affine2(x.kids[0])
		return -a0, -ar, -ac, ok
	case kMul:
		a0, ar, ac, ok1 := affine2(x.kids[0])
		b0, br, bc, ok2 := affine2(x.kids[1])
		switch {
		case ar == 0 && ac == 0:
			return a0 * b0, a0 * br, a0 * bc, ok1 && ok2
		case br == 0 && bc == 0:
			return a0 * b0, ar * b0, ac * b0, ok1 && ok2
		}
	}
	return 0, 0, 0, false
}
