package formula

// Openings that reword a phrase the readers know (sets_open.go):
//
//	a(n) is the number of divisors d of n such that ...   "Number of divisors d of n such that ..."
//	a(n) = smallest prime == 1 mod n.                      "Smallest prime == 1 mod n."
//	The sum of the divisors of n that are ...              "Sum of the divisors of n that are ..."
//
// The rest of the text, its first letter capitalized, goes to the phrase
// readers (not to the formula readers: the rest is words, and "a(n) =" is
// what they read already). quant.go strips the same openings for its
// forms; a candidate both find is kept once.

import (
	"regexp"
	"strings"
)

// reOpening: "a(n) is the ", "a(n) = the ", "a(n) is equal to the ", "The ",
// followed by a word in lower case.
var reOpening = regexp.MustCompile(`^(?:a\(n\) (?:is|=|is equal to) (?:the )?|The )([a-z][a-z]+[ -])`)

// reworded is text past its opening, capitalized; ok false: no opening.
func reworded(text string) (string, bool) {
	loc := reOpening.FindStringSubmatchIndex(text)
	if loc == nil {
		return "", false
	}
	rest := text[loc[2]:]
	return strings.ToUpper(rest[:1]) + rest[1:], true
}

// openings reads the text past an opening that rewords a known phrase.
func (c *collector) openings(text string) {
	rest, ok := reworded(text)
	if !ok {
		return
	}
	c.each(
		func() { c.namedFamilies(firstSentence(rest)) },
		func() { c.partitionPhrases(rest) },
		func() { c.sumLists(rest) },
		func() { c.phrases(rest) },
		func() { c.counts(rest) },
	)
}
