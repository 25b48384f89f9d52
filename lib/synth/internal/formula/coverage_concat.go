package formula

// Decimal concatenation: the parser's concat(a, b, ...) writes the digits
// of b after a's (a*10^ndigits(b) + b), and phrases name it:
//
//	Numbers n such that the string 75n is prime.      (pred.go's terms)
//	4n concatenated with itself.
//	Concatenation of n, n+1, n+2 divided by 3.
//	Numbers formed by concatenating 3 consecutive prime numbers.
//	Primes that are concatenations of n with n + 4.

import (
	"regexp"
	"strconv"
	"strings"
)

// concatOf is concat(args...): each argument's decimal digits after the
// ones before (a negative argument has no digits: undefined).
func concatOf(args []*node) *node {
	x := args[0]
	for _, b := range args[1:] {
		x = add(bin(kMul, x, bin(kPow, num(10), call("ndigits", b, num(10)))), b)
	}
	return x
}

// reString: "string 75n", "string n10001": digits, a variable, digits.
var reString = regexp.MustCompile(`^string (\d*)([a-z])(\d*)$`)

// stringTerm reads "string 75n" (after "the") as the number whose digits
// are 75 then n's; a suffix keeps its length ("n0001" is n*10^4 + 1).
func stringTerm(s string, vars []string) (*node, bool) {
	m := reString.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil || m[1] == "" && m[3] == "" || len(m[1])+len(m[3]) > 9 {
		return nil, false
	}
	known := false
	for _, v := range vars {
		known = known || v == m[2]
	}
	if !known || strings.HasPrefix(m[1], "0") {
		return nil, false
	}
	x := vr(m[2])
	if m[1] != "" {
		p, _ := strconv.ParseInt(m[1], 10, 64)
		x = concatOf([]*node{num(p), x})
	}
	if m[3] != "" {
		q, _ := strconv.ParseInt(m[3], 10, 64)
		pow := int64(1)
		for range len(m[3]) {
			pow *= 10
		}
		x = add(bin(kMul, x, num(pow)), num(q))
	}
	return x, true
}

var (
	reConcatSelf   = regexp.MustCompile(`^(.+?) concatenated with (?:itself|themselves)\s*\.?$`)
	reConcatOf     = regexp.MustCompile(`^Concatenation of (.+?)(?:,? divided by (\d+))?\s*\.?$`)
	reConcatPrimes = regexp.MustCompile(`^Numbers formed by concatenating (\d+|two|three|four|five) consecutive primes?(?: numbers)?\s*\.?$`)
	rePrimeConcat  = regexp.MustCompile(`^Primes that are (?:the )?concatenations? of (.+?) (?:with|and) (.+?)\s*\.?$`)
)

// concatPhrases reads s (a first sentence) as a concatenation phrase.
func (c *collector) concatPhrases(s string) {
	switch {
	case reConcatSelf.MatchString(s):
		subj := reConcatSelf.FindStringSubmatch(s)[1]
		for _, e := range termReadings(subj) {
			c.add(s, concatOf([]*node{e, e}))
		}
	case reConcatPrimes.MatchString(s):
		k, ok := countWord(reConcatPrimes.FindStringSubmatch(s)[1])
		if !ok || k < 2 || k > 5 {
			return
		}
		var ps []*node
		for i := range k {
			ps = append(ps, call("prime", add(vr("n"), num(i))))
		}
		c.add(s, concatOf(ps))
	case rePrimeConcat.MatchString(s):
		m := rePrimeConcat.FindStringSubmatch(s)
		c.formOf(s, "concat("+m[1]+", "+m[2]+")")
	case reConcatOf.MatchString(s):
		m := reConcatOf.FindStringSubmatch(s)
		parts := splitTop(m[1], []string{", and ", " and ", ", "})
		if len(parts) < 2 {
			return
		}
		var xs []*node
		for _, p := range parts {
			toks := lex(p)
			x, end, ok := parseAt(toks, 0, "n")
			if !ok || toks[end].k != tEnd {
				return
			}
			xs = append(xs, x)
		}
		x := concatOf(xs)
		if m[2] != "" {
			d, err := strconv.ParseInt(m[2], 10, 32)
			if err != nil || d < 2 {
				return
			}
			x = bin(kDiv, x, num(d))
		}
		c.add(s, x)
	}
}

// termReadings: an expression in n ("4n"), or the readings of a named
// sequence ("Even integers": 2n from a(0) or a(1)).
func termReadings(s string) []*node {
	toks := lex(s)
	if x, end, ok := parseAt(toks, 0, "n"); ok && toks[end].k == tEnd && x.uses("n") {
		return []*node{x}
	}
	key := strings.ToLower(strings.TrimSpace(s))
	key = strings.Replace(key, " integers", " numbers", 1)
	var xs []*node
	for _, f := range named[key] {
		toks := lex(f)
		if x, end, ok := parseAt(toks, 0, "n"); ok && toks[end].k == tEnd {
			xs = append(xs, x)
		}
	}
	return xs
}
