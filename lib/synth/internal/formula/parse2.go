package formula

// Formula notations the parser stops in, rewritten as the notation it
// reads (parse2.go): divisor sums whose subscript names the divisor by a
// condition, "Sum_{ k < n and k | n} a(k)", "Sum_{ d >= 1, d divides n}
// d^3" (as "Sum_{k|n, k<n}", "Sum_{d|n}"); "hamming_weight(x)" (wt(x));
// "first digit to the right of the decimal point of x", "first digit
// after the decimal point of x" (floor(10*x) - 10*floor(x), x to the end
// of its clause). Each rewrite is read by the formula and recurrence
// readers as if the text had been written so.

import (
	"regexp"
	"strings"
)

var (
	// reP2SumSub: a big operator's subscript in braces, "Sum_{ ... }"
	reP2SumSub = regexp.MustCompile(`\b(Sum|Product)_\{([^{}]*)\}`)
	// reP2Divides: "k | n", "d divides n": the divisor letter and what it
	// divides (a letter, a number or one call or parenthesis)
	reP2Divides = regexp.MustCompile(`^\s*([a-z])\s*(?:\||divides)\s*([a-z]|\d+|\([^()]*\))\s*$`)
	// reP2Trivial: "d >= 1", "d > 0", "1 <= d": what every divisor passes
	reP2Trivial = regexp.MustCompile(`^\s*(?:([a-z])\s*(?:>=\s*1|>\s*0)|(?:1\s*<=|0\s*<)\s*([a-z]))\s*$`)
	// reP2Below: "k < n", "k <= n-1": the condition memrec.go reads after
	// the divisor, "d<n"
	reP2Below = regexp.MustCompile(`^\s*([a-z])\s*<\s*n\s*$`)
	// reP2HalfPow: "x^(3/2)", x a letter, a number or a parenthesis
	reP2HalfPow = regexp.MustCompile(`(\b[a-z]\b|\b\d+\b|\([^()]*\))\s*\^\s*\(\s*(\d+)\s*/\s*2\s*\)`)
	// reP2PostSum: "Sum a(p), p prime, p | n-1": a sum whose conditions
	// follow its term, to the formula's end
	reP2PostSum = regexp.MustCompile(`\bSum\s+([^,;]+?),\s*p\s+(?:is\s+)?prime,\s*p\s*\|\s*([^,;]+?)\s*(\.?\s*)$`)
	// reP2Hamming: "hamming_weight(" as a call of wt
	reP2Hamming = regexp.MustCompile(`(?i)\bhamming_?weight\s*\(`)
	// reP2FracDigit: "first digit to the right of (the) decimal point of
	// x", "first digit after the decimal point of x"; x runs to the end of
	// the clause (a ";" or the text's end, a final "." dropped)
	reP2FracDigit = regexp.MustCompile(`(?i)\b(?:the\s+)?first\s+digit\s+(?:to\s+the\s+right\s+of|after)\s+(?:the\s+)?decimal\s+point\s+(?:of|in)\s+([^;]+?)\s*(?:\.\s*$|;|$)`)
)

// parse2Rewrite rewrites text's notations (see the file's comment); the
// text itself where none applies.
func parse2Rewrite(text string) string {
	rw := reP2SumSub.ReplaceAllStringFunc(text, func(m string) string {
		sub := reP2SumSub.FindStringSubmatch(m)
		if s, ok := p2DivisorSubscript(sub[2]); ok {
			return sub[1] + "_{" + s + "}"
		}
		if s, ok := p2DoubleSubscript(sub[1], sub[2]); ok {
			return s
		}
		return m
	})
	rw = reP2Hamming.ReplaceAllString(rw, "wt(")
	rw = reP2HalfPow.ReplaceAllStringFunc(rw, func(m string) string {
		sub := reP2HalfPow.FindStringSubmatch(m)
		if e := sub[2]; (e[len(e)-1]-'0')%2 == 1 {
			return "sqrt(" + sub[1] + "^" + e + ")"
		}
		return m
	})
	rw = reP2PostSum.ReplaceAllString(rw, "Sum_{p|($2)} $1$3")
	if m := reP2FracDigit.FindStringSubmatchIndex(rw); m != nil {
		x := rw[m[2]:m[3]]
		tail := rw[m[1]:]
		if m[1] > 0 && rw[m[1]-1] == ';' {
			tail = ";" + tail
		}
		rw = rw[:m[0]] + "(floor(10*(" + x + ")) - 10*floor(" + x + "))" + tail
	}
	return rw
}

// p2DivisorSubscript reads a subscript whose conditions, joined by ","
// or "and" in any order, are one "d | x" (or "d divides x") and others
// that every divisor passes ("d >= 1") or "d < n": it is "d|x" or
// "d|x, d<n". Any other condition: not read.
func p2DivisorSubscript(sub string) (string, bool) {
	parts := regexp.MustCompile(`\s*,\s*|\s+and\s+`).Split(strings.TrimSpace(sub), -1)
	if len(parts) < 2 && !strings.Contains(sub, "divides") {
		return "", false // "d|n" as written: the parser reads it
	}
	var d, x string
	below := false
	for _, part := range parts {
		if m := reP2Divides.FindStringSubmatch(part); m != nil && d == "" {
			d, x = m[1], m[2]
		}
	}
	if d == "" {
		return "", false
	}
	for _, part := range parts {
		if m := reP2Divides.FindStringSubmatch(part); m != nil {
			if m[1] != d || m[2] != x {
				return "", false
			}
			continue
		}
		if m := reP2Trivial.FindStringSubmatch(part); m != nil && (m[1] == d || m[2] == d) {
			continue
		}
		if d == "p" && regexp.MustCompile(`^\s*p\s+(?:is\s+)?(?:a\s+)?prime\s*$`).MatchString(part) {
			continue // p in Sum_{p|x} is a prime (cases_kron.go)
		}
		if m := reP2Below.FindStringSubmatch(part); m != nil && m[1] == d && x == "n" && !below {
			below = true
			continue
		}
		return "", false
	}
	if below {
		return d + "|" + x + ", " + d + "<n", true
	}
	return d + "|" + x, true
}

// p2DoubleSubscript reads "Sum_{i|n,j|n}" (two divisor letters of one
// x, nothing else) as the nested "Sum_{i|n} Sum_{j|n}".
func p2DoubleSubscript(op, sub string) (string, bool) {
	parts := regexp.MustCompile(`\s*,\s*|\s+and\s+`).Split(strings.TrimSpace(sub), -1)
	if len(parts) != 2 {
		return "", false
	}
	a, b := reP2Divides.FindStringSubmatch(parts[0]), reP2Divides.FindStringSubmatch(parts[1])
	if a == nil || b == nil || a[1] == b[1] || a[2] != b[2] || a[1] == a[2] || b[1] == b[2] {
		return "", false
	}
	return op + "_{" + a[1] + "|" + a[2] + "} " + op + "_{" + b[1] + "|" + b[2] + "}", true
}

// parse2Formulas reads text's rewrite (parse2Rewrite) as a formula and as
// a recurrence with history, and round(sqrt(E)) in its formulas as
// p2RoundRoot does.
func (c *collector) parse2Formulas(text string) {
	rw := parse2Rewrite(text)
	if rw != text {
		c.formulas(rw, surdTokens(rw, lex(rw)))
		c.memRecurrences(rw)
	}
	if !strings.Contains(rw, "sqrt") || !strings.Contains(rw, "round") && !strings.Contains(rw, "nearest") {
		return
	}
	var xs []*node
	sc := collector{seen: map[string]bool{}, lists: map[listKey]*nthMemo{}, capture: func(x *node) { xs = append(xs, x) }}
	sc.formulas(rw, surdTokens(rw, lex(rw)))
	for _, x := range xs {
		if y, ok := p2RoundRoot(x); ok {
			c.add(text, y)
		}
	}
}

// p2RoundRoot rewrites each round(sqrt(E)) in x as floor((floor(sqrt(4*E))
// + 1)/2): round(y) = floor((2y + 1)/2), 2*sqrt(E) = sqrt(4E), and
// floor((w + 1)/2) = floor((floor(w) + 1)/2). It reports whether there was
// one.
func p2RoundRoot(x *node) (*node, bool) {
	if x == nil {
		return nil, false
	}
	if x.k == kRound && x.kids[0].k == kCall && x.kids[0].name == "sqrt" {
		e := x.kids[0].kids[0]
		w := un(kFloor, call("sqrt", bin(kMul, num(4), cloneNode(e))))
		return un(kFloor, bin(kDiv, bin(kAdd, w, num(1)), num(2))), true
	}
	y := *x
	y.kids = make([]*node, len(x.kids))
	any := false
	for i, k := range x.kids {
		z, ok := p2RoundRoot(k)
		if ok {
			any = true
		} else {
			z = k
		}
		y.kids[i] = z
	}
	return &y, any
}
