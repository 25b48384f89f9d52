package formula

import (
	"regexp"
	"strings"
)

// reIsFrame is the frame of a definition in English: "a(n) is the number
// of ...", "a(n) = the smallest k such that ...", "a(n) is equal to the
// sum of ...", "a(n) = number of ...". The rest must begin with a word
// followed by a space: "a(n) = sigma(n) - n" and "a(n) = n^2" are
// formulas, read as they are.
var reIsFrame = regexp.MustCompile(`^a\(n\)\s*(?:is|=)\s+(?:(?:is\s+)?(?:equal|equals) to\s+|defined as\s+)?(?:the\s+)?([a-zA-Z][a-z]+\s.*)$`)

// isFrame is t without its "a(n) is (the)" frame, capitalized as a name
// is written ("a(n) is the number of divisors of n" as "Number of
// divisors of n"); t itself when it has no such frame.
func isFrame(t string) string {
	m := reIsFrame.FindStringSubmatch(t)
	if m == nil {
		return t
	}
	return capitalized(strings.TrimSpace(m[1]))
}
