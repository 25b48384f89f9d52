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

// reUnitary: "unitary divisors of N" (or one "unitary divisor"), with what
// the divisors are after "that"/"which" when the text says it: N is
// what follows "of" up to that clause or the end.
var reUnitary = regexp.MustCompile(`(?i)\bunitary (divisors?) of ([a-z0-9^()+*-]+?)(?:\s+(?:that|which) (are|is) (.+?))?(\s*\.?\s*)$`)

// unitaryDivisors writes "unitary divisors of N" as the divisors d of N
// with gcd(d, N/d) = 1, and a property that follows as a condition on d:
// "Sum of the unitary divisors of n that are exponentially odd" is "Sum
// of the divisors d of n such that gcd(d, n/d) = 1 and d is exponentially
// odd"; t itself when it names no unitary divisors.
func unitaryDivisors(t string) string {
	m := reUnitary.FindStringSubmatchIndex(t)
	if m == nil {
		return t
	}
	word, of := t[m[2]:m[3]], t[m[4]:m[5]]
	cond := "gcd(d, " + of + "/d) = 1"
	if len(of) > 1 {
		cond = "gcd(d, (" + of + ")/d) = 1"
	}
	if m[6] >= 0 {
		prop := strings.TrimSpace(reAnum.ReplaceAllString(t[m[8]:m[9]], ""))
		if prop == "" {
			return t
		}
		vp := "is " + prop
		if strings.EqualFold(t[m[6]:m[7]], "are") {
			if vp = singular("are " + prop); vp == "" { // pred.go: "are squares" is "is a square"
				vp = "is " + prop
			}
		}
		cond += " and d " + vp
	}
	return t[:m[0]] + word + " d of " + of + " such that " + cond + t[m[10]:m[11]]
}

// exponentiallyOdd: e >= 1 has only odd exponents in its prime
// factorization (1 has none) exactly when e/rad(e) is a square.
func exponentiallyOdd(e *node) *node {
	q := bin(kDiv, e, call("rad", e))
	return and(gt(e, num(0)), eq(bin(kPow, call("isqrt", q), num(2)), q))
}

// squareOfSquarefree: e is m^2 for a squarefree m.
func squareOfSquarefree(e *node) *node {
	return and(squareOf(e), &node{k: kCmp, name: "!=", kids: []*node{call("mu", call("isqrt", e)), num(0)}})
}

// definitionRewrites are the rewrites a sequence's name gets too (Seeded:
// rec_seed.go), where nothing reads it as written.
var definitionRewrites = []func(string) string{isFrame, unitaryDivisors}

// readDefinition reads text again through definitionRewrites, one more
// at a time, while nothing is read; a candidate read from a rewrite names
// the whole text as its source.
func (c *collector) readDefinition(text string) { c.readRewritten(text, definitionRewrites) }

// readRewritten reads text again through rws, one more rewrite at a time,
// while nothing is read; a candidate read from a rewrite names the whole
// text as its source.
func (c *collector) readRewritten(text string, rws []func(string) string) {
	t := strings.TrimSpace(text)
	for _, rw := range rws {
		if len(c.out) > 0 {
			break
		}
		if r := rw(t); r != t {
			t = r
			c.read(t)
		}
	}
	for i := range c.out {
		if !strings.Contains(text, c.out[i].Source) {
			c.out[i].Source = strings.TrimSpace(text)
		}
	}
}

// powerFree: e >= 1 has no prime to the power k (k >= 2) among its
// divisors ("cubefree": k = 3) exactly when e divides rad(e)^(k-1).
func powerFree(e *node, k int64) *node {
	return and(gt(e, num(0)), eq(bin(kMod, bin(kPow, call("rad", e), num(k-1)), e), num(0)))
}

func cubefreeOf(e *node) *node       { return powerFree(e, 3) }
func biquadratefreeOf(e *node) *node { return powerFree(e, 4) }
