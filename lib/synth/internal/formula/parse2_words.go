package formula

// Words inside a formula (parse2_words.go): "a(n) = n + sum of prime
// indices of n", "a(n) = n-th even nonprime minus n-th nonprime", "a(n)
// = (1/2)*(n-th number whose base-2 representation has exactly 12
// runs)". Each span of words is read by the other readers as a name of
// its own ("Sum of prime indices of n."; "n-th X" as the list "Xs", its
// n-th member counted from 1), and the formula is parsed with the span
// put as a call of what they read; "minus", "plus", "times" and
// "divided by" between spans are the operators. A span no reader takes,
// or a formula with a condition or a definition after it ("if", "for",
// "where", "otherwise"), gives nothing; two readings of a span are each
// offered (the examples tell them apart).

import (
	"regexp"
	"strings"
)

var (
	// reP2Frame: the formula's opening "a(n) = "
	reP2Frame = regexp.MustCompile(`^a\(n\)\s*=\s*`)
	// reP2Clause: what makes the formula conditional or defined by
	// words after it
	reP2Clause = regexp.MustCompile(`(?i)\b(?:if|for|where|otherwise|when|unless|with|let|else|then)\b|\ba\(`)
	// reP2Connective: words between spans that are operators
	reP2Connective = regexp.MustCompile(`^\s+(minus|plus|times|divided by)\s+`)
	// reP2Joined: a connective between words, "... of n minus the number of ..."
	reP2Joined = regexp.MustCompile(`[a-z] (?:minus|plus|times|divided by) (?:the )?[a-z]{3,} `)
	// reP2WhereLetter: "EXPR where k = SPAN", "EXPR, where k is the SPAN"
	reP2WhereLetter = regexp.MustCompile(`^(.+?),?\s+where\s+([A-Za-z])\s*(?:=|is)\s+(?:the\s+)?(.+)$`)
	// reP2Nth: "n-th X", "nth X" opening a span
	reP2Nth = regexp.MustCompile(`^(?:n-th|nth)\s+`)
	// reP2Word: a word opening a span (lower case, three letters or more)
	reP2Word = regexp.MustCompile(`^[a-z][a-z]{2,}\s`)
	// reP2Head: the noun a list names its members by, singular
	reP2Head = regexp.MustCompile(`\b(number|integer|prime|nonprime|composite|semiprime|square|cube|multiple|palindrome|divisor)\b`)
)

// p2Ops: the connectives' operators
var p2Ops = map[string]string{"minus": " - ", "plus": " + ", "times": " * ", "divided by": " / "}

// p2NotSpan: words that do not open a span
var p2NotSpan = map[string]bool{"mod": true, "modulo": true, "and": true, "or": true, "xor": true, "sqrt": true}

// parse2Words reads a formula "a(n) = ..." with spans of words (see the
// file's comment).
func (c *collector) parse2Words(text string) {
	var rhs string
	if m := reP2Frame.FindStringIndex(text); m != nil {
		rhs = text[m[1]:]
	} else if s := firstSentence(text); reP2Joined.MatchString(s) {
		// a name of two spans joined by a connective: "Number of distinct
		// even prime indices of n minus the number of distinct odd ..."
		rhs = s
		if !p2SpanStart(strings.ToLower(rhs[:1])+rhs[1:], 0) {
			return
		}
		rhs = strings.ToLower(rhs[:1]) + rhs[1:]
	} else {
		return
	}
	rhs = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rhs), "."))
	var spans [][]*node // each span's readings
	// "prime(k) where k = n-th prime congruent to 1 mod 6": a letter
	// defined by a span after the formula is a call of the span's reading
	if m := reP2WhereLetter.FindStringSubmatch(rhs); m != nil && m[2] != "n" && m[2] != "a" && p2SpanStart(m[3], 0) {
		xs := p2SpanReadings(m[3])
		if len(xs) == 0 {
			return
		}
		spans = append(spans, xs)
		rhs = regexp.MustCompile(`\b`+m[2]+`\b`).ReplaceAllString(m[1], " "+p2SpanName(0)+"(n) ")
	}
	if rhs == "" || reP2Clause.MatchString(rhs) || strings.ContainsAny(rhs, ";") {
		return
	}
	var b strings.Builder
	afterSpan := false // the last thing written is a span
	for i := 0; i < len(rhs); {
		if cm := reP2Connective.FindStringSubmatch(rhs[i:]); cm != nil {
			// "sum of digits of n minus 1" leaves open whether 1 is
			// the argument's: after a span, only another span
			if afterSpan && !p2SpanStart(rhs, i+len(cm[0])) {
				return
			}
			b.WriteString(p2Ops[cm[1]])
			i += len(cm[0])
			afterSpan = false
			continue
		}
		nth := p2NthStart(rhs, i)
		if !p2SpanStart(rhs, i) {
			if rhs[i] != ' ' {
				afterSpan = false
			}
			b.WriteByte(rhs[i])
			i++
			continue
		}
		afterSpan = true
		end := p2SpanEnd(rhs, i)
		span := strings.TrimSpace(rhs[i:end])
		if toks := lex(span); nth {
			// "n-th prime", "n-th squarefree number": the parser's own
			if _, e, ok := parseAt(toks, 0, "n"); ok && toks[e].k == tEnd {
				b.WriteString(" (" + span + ") ")
				i = end
				continue
			}
		}
		if len(span)+1 >= len(text) {
			return // the span is the whole text: its readers read it already (and this one would again)
		}
		xs := p2SpanReadings(span)
		if len(xs) == 0 {
			return
		}
		spans = append(spans, xs)
		b.WriteString(" " + p2SpanName(len(spans)-1) + "(n) ")
		i = end
	}
	if len(spans) == 0 || len(spans) > 3 {
		return
	}
	src := b.String()
	toks := lex(src)
	// every choice of reading per span, at most 4 in all
	choice := make([]int, len(spans))
	for tries := 0; tries < 4; tries++ {
		defs := map[string]eqnDef{}
		for j, xs := range spans {
			defs[p2SpanName(j)] = eqnDef{"n", xs[choice[j]]}
		}
		if x, end, ok := parseWith(&parser{toks: toks, vars: []string{"n"}, defs: defs}); ok && toks[end].k == tEnd {
			c.add(text, x)
		}
		j := 0
		for ; j < len(spans); j++ {
			if choice[j]++; choice[j] < len(spans[j]) {
				break
			}
			choice[j] = 0
		}
		if j == len(spans) {
			break
		}
	}
}

// p2NthStart reports whether an "n-th X" span opens at rhs[i].
func p2NthStart(rhs string, i int) bool {
	return (i == 0 || !p2WordByte(rhs[i-1])) && reP2Nth.MatchString(rhs[i:])
}

// p2SpanStart reports whether a span of words opens at rhs[i]: "n-th",
// or a word of three letters or more and a space, not a function's name
// nor "mod", "and", "or".
func p2SpanStart(rhs string, i int) bool {
	if i >= len(rhs) || i > 0 && p2WordByte(rhs[i-1]) {
		return false
	}
	if p2NthStart(rhs, i) {
		return true
	}
	if !reP2Word.MatchString(rhs[i:]) {
		return false
	}
	w := strings.Fields(rhs[i:])[0]
	_, _, fn := lookupFunc(w)
	return !fn && !p2NotSpan[w]
}

// p2SpanName names span j's call ("Wa", "Wb", ...): two letters, the
// first a capital, which no reader takes for a product of letters.
func p2SpanName(j int) string { return "W" + string(rune('a'+j)) }

func p2WordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// p2SpanEnd is where the span of words opening at rhs[i] ends: at a
// connective, a "," or an unmatched ")" (outside parentheses of its
// own), or rhs's end.
func p2SpanEnd(rhs string, i int) int {
	depth := 0
	for j := i; j < len(rhs); j++ {
		switch rhs[j] {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return j
			}
			depth--
		case ',':
			if depth == 0 {
				return j
			}
		case ' ':
			if depth == 0 && reP2Connective.MatchString(rhs[j:]) {
				return j
			}
		}
	}
	return len(rhs)
}

// p2SpanReadings: a span's readings, "n-th X" by p2NthReadings (or the
// parser, "n-th prime"), any other by p2Readings.
func p2SpanReadings(span string) []*node {
	if p := reP2Nth.FindString(span); p != "" {
		if toks := lex(span); true {
			if x, e, ok := parseAt(toks, 0, "n"); ok && toks[e].k == tEnd {
				return []*node{x}
			}
		}
		return p2NthReadings(span[len(p):])
	}
	return p2Readings(capitalized(span) + ".")
}

// p2Readings: what the other readers read from a name (its formulas in
// n), without this reader (a span is no formula "a(n) = ...").
func p2Readings(name string) []*node {
	var xs []*node
	for _, x := range captured(name) {
		if x.uses("n") {
			xs = append(xs, x)
		}
	}
	return xs
}

// p2NthReadings: "X" of "n-th X" read as the list "Xs" (its head noun
// made plural, "that is" as "that are"), each reading of the list that
// counts its members from 1 at n.
func p2NthReadings(x string) []*node {
	loc := reP2Head.FindStringIndex(x)
	if loc == nil {
		return nil
	}
	list := x[:loc[1]] + "s" + x[loc[1]:]
	list = strings.ReplaceAll(list, " that is ", " that are ")
	list = strings.ReplaceAll(list, " which is ", " which are ")
	var xs []*node
	for _, y := range captured(capitalized(list) + ".") {
		if y.k == kNth && y.val == 1 && y.kids[0].k == kVar && y.kids[0].name == "n" {
			xs = append(xs, y)
		}
	}
	return xs
}
