package formula

// Names that apply one function to an expression in n: "Sum of digits of
// n^2.", "Number of 1's in binary expansion of 3n.", "Largest prime factor
// of n^2 + 1.", "Number of distinct primes dividing n." The whole first
// sentence must be the phrase and an expression parsed to its end.

import (
	"regexp"
	"strconv"
	"strings"
)

// fnPhrase: a phrase's opening words (case-insensitive) and the formula it
// makes of the expression e and the base b (10 unless the phrase or a
// closing "in base b" says otherwise).
type fnPhrase struct {
	re   *regexp.Regexp
	make func(e *node, base int64) *node
	// digits: a base may be named ("in base 3", "base-3", "binary")
	digits bool
}

func digitsOf(name string) func(e *node, b int64) *node {
	return func(e *node, b int64) *node { return call(name, e, num(b)) }
}

func factorOf(name string) func(e *node, b int64) *node {
	return func(e *node, b int64) *node { return call(name, e) }
}

var fnPhrases = []fnPhrase{
	{regexp.MustCompile(`^(?i:(?:the )?(?:sum of (?:the )?(?:decimal |base-(\d+) |binary )?digits|digital sum|digit sum) (?:of|in) (?:the )?)`), digitsOf("digsum"), true},
	{regexp.MustCompile(`^(?i:(?:the )?number of (?:1's|1s|ones|1-bits|1 bits) in (?:the )?binary (?:expansion|representation) of )`), func(e *node, b int64) *node { return call("digsum", e, num(2)) }, false},
	{regexp.MustCompile(`^(?i:(?:the )?(?:binary weight|hamming weight) of )`), func(e *node, b int64) *node { return call("digsum", e, num(2)) }, false},
	{regexp.MustCompile(`^(?i:(?:the )?number of (?:decimal |base-(\d+) |binary )?digits (?:of|in) (?:the )?)`), digitsOf("ndigits"), true},
	{regexp.MustCompile(`^(?i:(?:the )?(?:digit )?reversal of )`), digitsOf("rev"), true},
	// digitfns.go's
	{regexp.MustCompile(`^(?i:(?:the )?(?:product of (?:the )?(?:decimal |base-(\d+) |binary )?digits|digital product|digit product) (?:of|in) (?:the )?)`), digitsOf("digprod"), true},
	{regexp.MustCompile(`^(?i:(?:the )?product of (?:the )?nonzero (?:decimal |base-(\d+) )?digits (?:of|in) (?:the )?)`), digitsOf("nzdigprod"), true},
	{regexp.MustCompile(`^(?i:(?:the )?(?:largest|greatest|maximal|maximum) (?:decimal |base-(\d+) )?digit (?:of|in) (?:the )?)`), digitsOf("maxdig"), true},
	{regexp.MustCompile(`^(?i:(?:the )?(?:smallest|least|minimal|minimum) (?:decimal |base-(\d+) )?digit (?:of|in) (?:the )?)`), digitsOf("mindig"), true},
	{regexp.MustCompile(`^(?i:(?:the )?(?:initial|leading|first|most significant) (?:decimal |base-(\d+) )?digit (?:of|in) (?:the )?)`), digitsOf("firstdig"), true},
	{regexp.MustCompile(`^(?i:(?:the )?(?:final|last|least significant) (?:decimal |base-(\d+) )?digit (?:of|in) (?:the )?)`), digitsOf("lastdig"), true},
	{regexp.MustCompile(`^(?i:(?:the )?number of distinct (?:decimal |base-(\d+) )?digits (?:of|in) (?:the )?)`), digitsOf("ndistinct"), true},
	{regexp.MustCompile(`^(?i:(?:the )?number of runs in (?:the )?base[- ](\d+) (?:representation|expansion) of (?:the )?)`), digitsOf("nruns"), true},
	{regexp.MustCompile(`^(?i:(?:the )?(?:maximal|maximum|longest) run length in (?:the )?base[- ](\d+) (?:representation|expansion) of (?:the )?)`), digitsOf("maxrun"), true},
	{regexp.MustCompile(`^(?i:(?:the )?number of distinct (?:primes dividing|prime (?:factors|divisors) of) )`), factorOf("omega"), false},
	{regexp.MustCompile(`^(?i:(?:the )?(?:largest|greatest) prime (?:factor of|divisor of|dividing) )`), factorOf("gpf"), false},
	{regexp.MustCompile(`^(?i:(?:the )?(?:smallest|least) prime (?:factor of|divisor of|dividing) )`), factorOf("lpf"), false},
	{regexp.MustCompile(`^(?i:(?:the )?(?:squarefree kernel|largest squarefree divisor|radical) of )`), factorOf("rad"), false},
	{regexp.MustCompile(`^(?i:(?:the )?number of primes (?:<=|less than or equal to|not exceeding) )`), factorOf("primepi"), false},
	{regexp.MustCompile(`^(?i:(?:the )?sum of (?:the )?distinct (?:primes dividing|prime (?:factors|divisors) of) )`), factorOf("sopf"), false},
	mdrPhrase, // sets3_mdr.go
}

var (
	// "... of n, counted with multiplicity": bigomega and sopfr
	reMultiplicity = regexp.MustCompile(`^(?i:(?:the )?(?:total )?(number|sum) of (?:the )?prime (?:factors|divisors) of) (.+?),? \(?(?i:(?:counted |counting )?with (?:multiplicity|repetitions?)|(?:counted |counting )?with multiplicities)\)?$`)
	// "n written in base 3", "n in base 3", "n in binary"
	reInBase = regexp.MustCompile(`^(.+?),? (?i:(?:when )?(?:written |expressed |represented )?in (?:base[- ](\d+)|(binary)|(ternary))(?: representation)?)$`)
	// ", where phi is Euler totient function, A000010": a clause that
	// names a function the expression calls
	reWhereFn = regexp.MustCompile(`^(.+?),? where ([A-Za-z]\w*) (?:is|denotes) .*$`)
	// "the n-th prime" and the like as an expression
	reNth = regexp.MustCompile(`^(?i:(?:the )?n-th (prime|fibonacci number|lucas number|triangular number|tetrahedral number|square|cube))$`)
	// "the base-3 representation of n" inside a digits phrase
	reReprOf = regexp.MustCompile(`^(?i:(?:base-(\d+)|binary|ternary|decimal) (?:representation|expansion) of )(.+)$`)
)

// functionPhrase reads s as one of fnPhrases; it reports whether it did.
func (c *collector) functionPhrase(s string) bool {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if m := reWhereFn.FindStringSubmatch(s); m != nil {
		if _, _, ok := lookupFunc(m[2]); ok && strings.Contains(m[1], m[2]+"(") {
			s = m[1]
		}
	}
	if m := reMultiplicity.FindStringSubmatch(s); m != nil {
		if e, ok := parseN(m[2]); ok {
			name := "bigomega"
			if strings.EqualFold(m[1], "sum") {
				name = "sopfr"
			}
			c.add(s, call(name, e))
		}
		return true
	}
	for _, p := range fnPhrases {
		loc := p.re.FindStringSubmatchIndex(s)
		if loc == nil {
			continue
		}
		base := int64(10)
		if len(loc) > 2 && loc[2] >= 0 { // base-b in the opening words
			b, err := strconv.ParseInt(s[loc[2]:loc[3]], 10, 32)
			if err != nil {
				return true
			}
			base = b
		} else if strings.Contains(strings.ToLower(s[:loc[1]]), "binary") {
			base = 2
		}
		rest := s[loc[1]:]
		if p.digits {
			if m := reReprOf.FindStringSubmatch(rest); m != nil && base == 10 {
				base, rest = baseWord(s[loc[1]:], m[1]), m[2]
			} else if m := reInBase.FindStringSubmatch(rest); m != nil && base == 10 {
				base, rest = 0, m[1]
				switch {
				case m[2] != "":
					b, err := strconv.ParseInt(m[2], 10, 32)
					if err == nil {
						base = b
					}
				case m[3] != "":
					base = 2
				case m[4] != "":
					base = 3
				}
			}
			if base < 2 || base > 1000 {
				return true
			}
		}
		if e, ok := parseN(rest); ok {
			c.add(s, p.make(e, base))
		} else if e, ok := (predReader{v: "n"}).term(rest); ok && e.uses("x_") {
			// a function named in words: "Sum of digits of Euler totient function of n" (pred.go)
			c.add(s, p.make(rename(e, "x_", "n"), base))
		}
		return true
	}
	return false
}

// baseWord is the base a "... representation of" phrase names.
func baseWord(s, digits string) int64 {
	if digits != "" {
		b, err := strconv.ParseInt(digits, 10, 32)
		if err != nil {
			return 0
		}
		return b
	}
	switch l := strings.ToLower(s); {
	case strings.HasPrefix(l, "binary"):
		return 2
	case strings.HasPrefix(l, "ternary"):
		return 3
	}
	return 10
}

// parseN parses all of s as an expression in n.
func parseN(s string) (*node, bool) {
	if m := reNth.FindStringSubmatch(s); m != nil {
		s = map[string]string{"prime": "prime(n)", "fibonacci number": "fib(n)", "lucas number": "lucas(n)",
			"triangular number": "n*(n+1)/2", "tetrahedral number": "n*(n+1)*(n+2)/6", "square": "n^2", "cube": "n^3"}[strings.ToLower(m[1])]
	}
	toks := lex(s)
	x, end, ok := parseAt(toks, 0, "n")
	if !ok || toks[end].k != tEnd || !x.uses("n") {
		return nil, false
	}
	return x, true
}
