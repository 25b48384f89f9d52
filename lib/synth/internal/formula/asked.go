package formula

import (
	"regexp"
	"strings"
)

// readAsked reads text and, when nothing is read, the text as the names
// the readers know are written, one rewrite more at a time: a person asks
// "largest prime not bigger than k", the names begin with a capital, call
// the operand n and compare with symbols ("Largest prime <= n"); "is n
// prime? (1 or 0)" is the characteristic function "1 if n is prime, else
// 0"; "n squared plus one" is "n^2 + 1"; a bare "1^2 + 2^2 + ... + n^2"
// is "a(n) = 1^2 + 2^2 + ... + n^2". A candidate read from a rewrite
// names the whole text as its source.
func (c *collector) readAsked(text string) {
	// fuel3_prime.go: prime functions from a sieve where a scan runs out far out
	defer c.farFuel(0)
	if c.askedFirst(text) || c.readAsked3(text) { // asked2.go, asked3.go: readings cheaper than the others'
		return
	}
	c.read(text)
	if len(c.out) > 0 {
		return
	}
	c.readRewritten(text, askedRewrites)
	c.readAsked2(text)   // asked2.go
	c.readLeadOne(text)  // lead_one.go
	c.farCheck(0, false) // asked2.go: what a rewrite read, far from the examples too
}

// askedRewrites: the definition frames first, then the conventions of
// requests as people write them.
var askedRewrites = []func(string) string{isFrame, unitaryDivisors, capitalized, operandN, comparatives, yesNoPlain, question, roundedWords, arithmeticWords, dropThe, bareFormula}

// capitalized is t with its first letter capitalized when t begins with a
// word ("a(n) = ..." and "n^2 + 1" do not).
func capitalized(t string) string {
	if len(t) < 2 || t[0] < 'a' || t[0] > 'z' || t[1] < 'a' || t[1] > 'z' {
		return t
	}
	return string(t[0]-'a'+'A') + t[1:]
}

// operandN is t with its one operand letter renamed n: the only
// one-letter word of t other than "a" and "I", when t has no n ("the
// sign of x", "x squared plus one"); else t.
func operandN(t string) string {
	letter := byte(0)
	for i := 0; i < len(t); i++ {
		ch := t[i]
		if ch < 'a' || ch > 'z' || i > 0 && isWordByte(t[i-1]) || i+1 < len(t) && isWordByte(t[i+1]) {
			continue
		}
		switch {
		case ch == 'n':
			return t
		case ch == 'a':
		case letter == 0:
			letter = ch
		case letter != ch:
			return t
		}
	}
	if letter == 0 {
		return t
	}
	b := []byte(t)
	for i := range b {
		if b[i] == letter && !(i > 0 && isWordByte(b[i-1])) && !(i+1 < len(b) && isWordByte(b[i+1])) {
			b[i] = 'n'
		}
	}
	return string(b)
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '\''
}

// comparativeWords are the comparisons written in words, each with its
// symbol, longest first (a "that is" before one is dropped).
var comparativeWords = []rewrite{
	{regexp.MustCompile(`(?i)\b(?:(?:that|which) (?:is|are) )?(?:less than or equal to|smaller than or equal to|not (?:bigger|larger|greater|more|higher) than|no (?:bigger|larger|greater|more|higher) than|not exceeding|not above|at most)\b`), "<="},
	{regexp.MustCompile(`(?i)\b(?:(?:that|which) (?:is|are) )?(?:greater than or equal to|bigger than or equal to|larger than or equal to|not (?:smaller|less|lower) than|no (?:smaller|less|lower) than|not below|at least)\b`), ">="},
	{regexp.MustCompile(`(?i)\b(?:(?:that|which) (?:is|are) )?(?:bigger|larger|greater|more|higher) than\b`), ">"},
	{regexp.MustCompile(`(?i)\b(?:(?:that|which) (?:is|are) )?(?:smaller|less|lower) than\b`), "<"},
	{regexp.MustCompile(`(?i)\b(?:that|which) (?:is|are) (<=|>=|<|>)`), "$1"},
}

// comparatives is t with comparisons in words written as symbols
// ("not bigger than" as "<=").
func comparatives(t string) string { return rewriteAll(t, comparativeWords) }

// rewrite replaces what re matches with sym (which may name re's groups).
type rewrite struct {
	re  *regexp.Regexp
	sym string
}

// rewriteAll applies each rewrite of rs to t in order.
func rewriteAll(t string, rs []rewrite) string {
	for _, r := range rs {
		t = r.re.ReplaceAllString(t, r.sym)
	}
	return t
}

var (
	// reYesNo: how a question says it wants 1 or 0, at its end
	reYesNo = regexp.MustCompile(`(?i)[\s,;:]*(?:\((?:1 or 0|0 or 1|1/0|0/1)\)|\(?1 if (?:yes|so|true),? (?:(?:and |else |otherwise |or )?0(?: if (?:no|not|false))?|0 otherwise)\)?)\s*[.?]?\s*$`)
	reIsQ   = regexp.MustCompile(`(?i)^is ([a-z]) (.+?)\s*[?.]?\s*$`)
)

// question is a yes/no question about the operand ("is n prime? 1 if
// yes, 0 if no", "is n a perfect square (1 or 0)") as its characteristic
// function ("1 if n is prime, else 0"); the question must end in "?" or
// say that it wants 1 or 0.
func question(t string) string {
	rest := reYesNo.ReplaceAllString(t, "")
	if rest == t && !strings.HasSuffix(strings.TrimSpace(t), "?") {
		return t
	}
	m := reIsQ.FindStringSubmatch(strings.TrimSpace(rest))
	if m == nil {
		return t
	}
	return "1 if " + m[1] + " is " + m[2] + ", else 0"
}

// arithmeticWordList are operations and small numbers in words, each with
// what a formula writes.
var arithmeticWordList = []rewrite{
	{regexp.MustCompile(`(?i)\s*\bsquared\b`), "^2"},
	{regexp.MustCompile(`(?i)\s*\bcubed\b`), "^3"},
	{regexp.MustCompile(`(?i)\s*\b(?:to the power of|to the power|raised to the power of|raised to)\b\s*`), "^"},
	{regexp.MustCompile(`(?i)\bplus\b`), "+"},
	{regexp.MustCompile(`(?i)\bminus\b`), "-"},
	{regexp.MustCompile(`(?i)\b(?:times|multiplied by)\b`), "*"},
	{regexp.MustCompile(`(?i)\bdivided by\b`), "/"},
	{regexp.MustCompile(`(?i)\bzero\b`), "0"},
	{regexp.MustCompile(`(?i)\bone\b`), "1"},
	{regexp.MustCompile(`(?i)\btwo\b`), "2"},
	{regexp.MustCompile(`(?i)\bthree\b`), "3"},
	{regexp.MustCompile(`(?i)\bfour\b`), "4"},
	{regexp.MustCompile(`(?i)\bfive\b`), "5"},
	{regexp.MustCompile(`(?i)\bsix\b`), "6"},
	{regexp.MustCompile(`(?i)\bseven\b`), "7"},
	{regexp.MustCompile(`(?i)\beight\b`), "8"},
	{regexp.MustCompile(`(?i)\bnine\b`), "9"},
	{regexp.MustCompile(`(?i)\bten\b`), "10"},
}

// arithmeticWords is t with operations and small numbers written in words
// as a formula writes them ("n squared plus one" as "n^2 + 1").
func arithmeticWords(t string) string { return rewriteAll(t, arithmeticWordList) }

// dropThe is t without a leading "the" ("the n-th triangular number").
func dropThe(t string) string {
	if len(t) > 4 && strings.EqualFold(t[:4], "the ") {
		return capitalized(t[4:])
	}
	return t
}

// bareFormula is a formula in n written alone ("1^2 + 2^2 + ... + n^2",
// "n^2 + 1") as "a(n) = ..."; t itself when it does not start like one.
func bareFormula(t string) string {
	if t == "" || strings.HasPrefix(t, "a(") || !strings.ContainsAny(t[:1], "0123456789(-n") || !strings.Contains(t, "n") {
		return t
	}
	return "a(n) = " + t
}
