package formula

// The ways OEIS names write Beatty-like sequences, rewritten as tokens
// the parser reads: the golden ratio "phi" or "tau", letters the text
// defines as constants with square roots or fractions ("where r =
// sqrt(3), h = -1/3"; "nr" is n*r), "[x]" for floor where the text says
// "[ ] = floor" or x has a square root, "integer nearest x" / "nearest integer to x" for
// round(x) of a surd, and "Beatty sequence for x" for floor(n*x).

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	reGolden   = regexp.MustCompile(`(?i)golden (?:ratio|mean|section)|\(1\s*\+\s*sqrt\(5\)\)\s*/\s*2`)
	reBrackets = regexp.MustCompile(`(?i)\[\s*\]\s*(?:=|denotes|is|means)\s*(?:the\s+)?floor`)
)

// at returns toks[i], or the end token past the end.
func at(toks []token, i int) token {
	if i < len(toks) {
		return toks[i]
	}
	return toks[len(toks)-1]
}

// spanned is the tokens of s, each with the span [start, end) of the
// text they stand for.
func spanned(s string, start, end int) []token {
	ts := lex(s)
	ts = ts[:len(ts)-1]
	for i := range ts {
		ts[i].start, ts[i].end = start, end
	}
	return ts
}

// constDefs reads the letters the text defines as constant expressions
// ("where r = sqrt(3)", "s=2+sqrt(2)", "h=-1/3", "phi = (1+sqrt(5))/2",
// "(r,b,c)=(sqrt(3),4,2)"): their tokens, parenthesized. A
// letter given two definitions, or one not followed by the end of its
// clause, is left out.
func constDefs(toks []token) (defs map[string][]token, ints map[string]bool) {
	defs, ints = map[string][]token{}, map[string]bool{}
	bad := map[string]bool{"n": true}
	define := func(name string, ts []token) {
		def := append(append([]token{{k: tOp, s: "("}}, ts...), token{k: tOp, s: ")"})
		if old, seen := defs[name]; seen && tokString(old) != tokString(def) {
			bad[name] = true
		}
		defs[name] = def
	}
	for i := 0; i+3 < len(toks); i++ {
		t := toks[i]
		if !(isWord(t, "where") || isWord(t, "with") || isWord(t, "and") || t.k == tOp && (t.s == "," || t.s == ";" || t.s == "(")) {
			continue
		}
		name := toks[i+1]
		if name.k != tIdent || !(len(name.s) == 1 || name.s == "phi" || name.s == "tau") || !isOp(toks[i+2], "=") {
			continue
		}
		x, end, ok := parseAt(toks, i+3)
		if !ok || !isConst(x) {
			continue
		}
		if e := at(toks, end); !(e.k == tEnd || e.k == tOp && strings.Contains(",;.)", e.s) || isWord(e, "and") || isWord(e, "where")) {
			bad[name.s] = true
			continue
		}
		define(name.s, toks[i+3:end])
		if x.k == kNum || x.k == kNeg && x.kids[0].k == kNum {
			ints[name.s] = true
		}
	}
	// "(r,b,c)=(sqrt(3),4,2)"
	for i := 0; i+2 < len(toks); i++ {
		if !isOp(toks[i], "(") {
			continue
		}
		var names []string
		j := i + 1
		for ; toks[j].k == tIdent && len(toks[j].s) == 1; j += 2 {
			names = append(names, toks[j].s)
			if !isOp(toks[j+1], ",") {
				j++
				break
			}
		}
		if len(names) < 2 || !isOp(toks[j], ")") || !isOp(at(toks, j+1), "=") || !isOp(at(toks, j+2), "(") {
			continue
		}
		j += 3
		for k, name := range names {
			x, end, ok := parseAt(toks, j)
			if !ok || !isConst(x) || !isOp(toks[end], map[bool]string{true: ")", false: ","}[k == len(names)-1]) {
				bad[name] = true
				break
			}
			define(name, toks[j:end])
			j = end + 1
		}
	}
	for name := range bad {
		delete(defs, name)
	}
	return defs, ints
}

func tokString(ts []token) string {
	var b strings.Builder
	for _, t := range ts {
		if t.k == tNum {
			b.WriteString(strconv.FormatInt(t.v, 10))
		}
		b.WriteString(t.s)
		b.WriteByte(' ')
	}
	return b.String()
}

// surdTokens rewrites toks (of text) as this file's head says; toks as
// they are when nothing applies.
func surdTokens(text string, toks []token) []token {
	defs, ints := constDefs(toks)
	w := surdWriter{defs: defs, ints: ints, brackets: reBrackets.MatchString(text)}
	if reGolden.MatchString(text) {
		for _, name := range []string{"phi", "Phi", "tau"} {
			if _, ok := w.defs[name]; !ok {
				g := lex("((1+sqrt(5))/2)")
				w.defs[name] = g[:len(g)-1]
			}
		}
	}
	for _, t := range toks {
		w.transc = w.transc || t.k == tIdent && (t.s == "Pi" || t.s == "pi" || t.s == "e" && !reEDef.MatchString(text))
	}
	if len(w.defs) == 0 && !w.brackets && !w.transc && !strings.Contains(text, "nearest") && !strings.Contains(text, "Beatty") {
		return toks
	}
	return w.rewrite(toks)
}

// reEDef: the text gives the letter e a meaning of its own.
var reEDef = regexp.MustCompile(`\be\s*(=|:=|\bis\b|\bin\b)|[_{]\s*e\b`)

type surdWriter struct {
	defs     map[string][]token
	ints     map[string]bool // defs that are one integer, "with q = 2": textConsts' (the parser reads them), here only inside "nq"
	brackets bool            // "[x]" is floor(x)
	transc   bool            // "Pi" and "e" are the constants
}

// rewrite rewrites toks, which end with tEnd.
func (w surdWriter) rewrite(toks []token) []token {
	var out []token
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.k == tIdent && !isOp(at(toks, i+1), "(") && !isOp(at(toks, i+1), "="):
			if d, ok := w.defs[t.s]; ok && !w.ints[t.s] {
				out = append(out, respan(d, t)...)
				continue
			}
			if sp, ok := splitProduct(t, w.defs); ok {
				out = append(out, sp...)
				continue
			}
			if id := w.constID(t); id > 0 {
				out = append(out, spanned("transc("+strconv.Itoa(id)+")", t.start, t.end)...)
				continue
			}
		case isOp(t, "["):
			// [x] is floor(x) where the text says so, or x has a square root
			end, surd := w.clauseEnd(toks, i+1)
			if isOp(at(toks, end), "]") && end > i+1 && (w.brackets || surd) {
				out = append(out, token{k: tIdent, s: "floor", start: t.start, end: t.end}, token{k: tOp, s: "(", start: t.start, end: t.end})
				out = append(out, w.inner(toks[i+1:end])...)
				out = append(out, token{k: tOp, s: ")", start: toks[end].start, end: toks[end].end})
				i = end
				continue
			}
		}
		// "integer nearest x", "nearest integer to x": round(x), for a surd
		if n := nearestWords(toks, i); n > 0 {
			if end, ok := w.clauseEnd(toks, i+n); ok && end > i+n {
				out = append(out, token{k: tIdent, s: "round", start: t.start, end: t.end}, token{k: tOp, s: "(", start: t.start, end: t.end})
				out = append(out, w.inner(toks[i+n:end])...)
				last := toks[end-1]
				out = append(out, token{k: tOp, s: ")", start: last.end, end: last.end})
				i = end - 1
				continue
			}
		}
		// "Beatty sequence for x" opening the text: floor(n*x)
		if i == 0 && isWord(t, "Beatty") && isWord(at(toks, 1), "sequence") && isWord(at(toks, 2), "for") {
			if end, ok := w.clauseEnd(toks, 3); ok && end > 3 {
				out = append(out, spanned("floor(n*(", t.start, t.end)...)
				out = append(out, w.inner(toks[3:end])...)
				last := toks[end-1]
				out = append(out, spanned("))", last.end, last.end)...)
				i = end - 1
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// inner rewrites a span of tokens (no tEnd).
func (w surdWriter) inner(toks []token) []token {
	r := w.rewrite(append(toks[:len(toks):len(toks)], token{k: tEnd}))
	return r[:len(r)-1]
}

// respan gives def's tokens t's span.
func respan(def []token, t token) []token {
	out := make([]token, len(def))
	for i, d := range def {
		d.start, d.end = t.start, t.end
		out[i] = d
	}
	return out
}

// splitProduct reads "nr" (n times a defined letter r) as n*(r): every
// letter n or a definition, at least one a definition, at most 3.
func splitProduct(t token, defs map[string][]token) ([]token, bool) {
	if len(t.s) < 2 || len(t.s) > 3 {
		return nil, false
	}
	if _, _, ok := lookupFunc(t.s); ok {
		return nil, false
	}
	var out []token
	some := false
	for j := 0; j < len(t.s); j++ {
		c := t.s[j : j+1]
		if j > 0 {
			out = append(out, token{k: tOp, s: "*", start: t.start, end: t.end})
		}
		if c == "n" {
			out = append(out, token{k: tIdent, s: "n", start: t.start, end: t.end})
			continue
		}
		d, ok := defs[c]
		if !ok {
			return nil, false
		}
		some = true
		out = append(out, respan(d, t)...)
	}
	return out, some
}

// nearestWords is the number of tokens of "integer nearest (to)" or
// "nearest integer to" at toks[i], or 0.
func nearestWords(toks []token, i int) int {
	switch {
	case isWord(at(toks, i), "integer") && isWord(at(toks, i+1), "nearest"):
		if isWord(at(toks, i+2), "to") {
			return 3
		}
		return 2
	case isWord(at(toks, i), "nearest") && isWord(at(toks, i+1), "integer") && isWord(at(toks, i+2), "to"):
		return 3
	}
	return 0
}

// clauseEnd is the index of the token that ends the expression from
// toks[i]: a ",", ";" or "." outside parentheses, "where", "with" or
// the end; ok only if the tokens between mention a square root or the
// golden ratio.
func (w surdWriter) clauseEnd(toks []token, i int) (int, bool) {
	depth, surd := 0, false
	for j := i; j < len(toks); j++ {
		t := toks[j]
		switch {
		case t.k == tEnd:
			return j, surd && depth == 0
		case isOp(t, "(") || isOp(t, "["):
			depth++
		case isOp(t, ")") || isOp(t, "]"):
			depth--
			if depth < 0 {
				return j, surd
			}
		case depth == 0 && t.k == tOp && strings.Contains(",;.", t.s):
			return j, surd
		case depth == 0 && (isWord(t, "where") || isWord(t, "with")):
			return j, surd
		case isWord(t, "sqrt"):
			surd = true
		case t.k == tIdent && (w.defs[t.s] != nil || w.constID(t) > 0):
			surd = true
		}
	}
	return len(toks), false
}

// constID is the transc id of t: Pi (1) or e (2), or 0.
func (w surdWriter) constID(t token) int {
	switch {
	case !w.transc || t.k != tIdent:
		return 0
	case t.s == "Pi" || t.s == "pi":
		return cPi
	case t.s == "e":
		return cE
	}
	return 0
}
