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
		return m
	})
	rw = reP2Hamming.ReplaceAllString(rw, "wt(")
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

// parse2Formulas reads text's rewrite (parse2Rewrite) as a formula and as
// a recurrence with history; nothing where no rewrite applies.
func (c *collector) parse2Formulas(text string) {
	rw := parse2Rewrite(text)
	if rw == text {
		return
	}
	c.formulas(rw, surdTokens(rw, lex(rw)))
	c.memRecurrences(rw)
}
