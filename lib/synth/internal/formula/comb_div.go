package formula

import (
	"regexp"
	"strconv"
	"strings"
)

// Divisors named by a negated or palindromic adjective, "Number of
// non-palindromic divisors of n", "Number of nondeficient divisors of n",
// "Number of divisors of n that are not abundant", counted as the divisors
// d of N where the adjective (read as count_list.go reads it, "d is
// deficient", "d is a deficient number", or the decimal palindromes) does
// not hold; and digits counted as "Number of times 7 appears in decimal
// expansion of n", the digit count digcount(N, b, d).

var (
	// "Number of non-palindromic divisors of n", "Number of nondeficient divisors of n"
	reNonDivisors = regexp.MustCompile(`^(?:Total )?[Nn]umber of (non-?)?([a-z][a-z0-9]*) divisors of ([^,;]+?)\s*\.?\s*$`)
	// "Number of divisors of n that are not abundant (numbers)"
	reDivisorsNot = regexp.MustCompile(`^(?:Total )?[Nn]umber of divisors of ([^,;]+?) (?:that|which) are (not )?(?:an? )?([a-z][a-z0-9]*?)(?: numbers)?\s*\.?\s*$`)
	// "Number of times 7 appears in decimal expansion of n"
	reDigitTimes = regexp.MustCompile(`^(?:Total )?[Nn]umber of times (?:the digit )?(\d) (?:appears|occurs) in (?:the )?(decimal|binary|ternary)?\s*(?:expansion|representation) of (.+?)\s*\.?\s*$`)
	// "Number of occurrences of '10' in binary expansion of n", "Number of 11's in ...", "Number of times 101 appears in ..."
	reDigitString = regexp.MustCompile(`^(?:Total )?[Nn]umber of (?:occurrences of |times )?['"]?([0-9]{2,})['"]?(?:'s|s)? (?:(?:occurs|appears) )?in (?:the )?(decimal|binary|ternary|base-(\d+))?\s*(?:expansion|representation) of (.+?)\s*\.?\s*$`)
	// "Number of blocks of {1,0} in the binary expansion of n"
	reDigitBlocks = regexp.MustCompile(`^(?:Total )?[Nn]umber of blocks of \{(\d(?:\s*,\s*\d)+)\} in (?:the )?(decimal|binary|ternary|base-(\d+))?\s*(?:expansion|representation) of (.+?)\s*\.?\s*$`)
	// "Number of 0's in decimal expansion of triangular number n(n+1)/2"
	reDigitOfNoun = regexp.MustCompile(`^(?:Total )?[Nn]umber of (\d)'?s in (?:the )?(decimal|binary|ternary)?\s*(?:expansion|representation) of (?:the )?(?:triangular number|square|cube|number) (.+?)\s*\.?\s*$`)
)

// countDigitStrings reads the occurrences (overlapping) of a string of
// two or more digits in N's digits, strcount(N, b, v, l), and a digit's
// count in "... of triangular number n(n+1)/2".
func (c *collector) countDigitStrings(s string) bool {
	var ds, base, bs, of string
	if m := reDigitString.FindStringSubmatch(s); m != nil {
		ds, base, bs, of = m[1], m[2], m[3], m[4]
	} else if m := reDigitBlocks.FindStringSubmatch(s); m != nil {
		ds, base, bs, of = strings.NewReplacer(",", "", " ", "").Replace(m[1]), m[2], m[3], m[4]
	} else if m := reDigitOfNoun.FindStringSubmatch(s); m != nil {
		b := map[string]int64{"binary": 2, "ternary": 3, "decimal": 10, "": 10}[m[2]]
		d, _ := strconv.ParseInt(m[1], 10, 32)
		if e, ok := parseN(m[3]); ok && d < b {
			c.add(s, call("digcount", e, num(b), num(d)))
		}
		return true
	} else {
		return false
	}
	b := map[string]int64{"binary": 2, "ternary": 3, "decimal": 10, "": 10}[base]
	if bs != "" {
		v, err := strconv.ParseInt(bs, 10, 32)
		if err != nil || v < 2 || v > 10 {
			return true
		}
		b = v
	}
	e, ok := parseN(of)
	if !ok || len(ds) > 9 {
		return true
	}
	v := int64(0)
	for _, d := range ds {
		if int64(d-'0') >= b {
			return true
		}
		v = v*b + int64(d-'0')
	}
	c.add(s, call("strcount", e, num(b), num(v), num(int64(len(ds)))))
	return true
}

// divisorAdjective reads adj as a condition on a divisor (over x_), or nil.
func divisorAdjective(adj string) *node {
	if adj == "palindromic" {
		return eq(call("rev", vr("x_"), num(10)), vr("x_"))
	}
	art := "a "
	if strings.ContainsRune("aeiou", rune(adj[0])) {
		art = "an "
	}
	for _, cond := range []string{"d is " + adj, "d is " + art + adj + " number", "d is " + art + adj} {
		if x := predicate(cond, "d", false); x != nil {
			return x
		}
	}
	return nil
}

// countNonDivisors reads s as a count of divisors by a negated (or
// palindromic) adjective; it reports whether it offered a reading.
func (c *collector) countNonDivisors(s string) bool {
	var neg bool
	var adj, of string
	if m := reNonDivisors.FindStringSubmatch(s); m != nil {
		neg, adj, of = m[1] != "", m[2], m[3]
		if !neg && adj != "palindromic" {
			return false
		}
	} else if m := reDivisorsNot.FindStringSubmatch(s); m != nil {
		neg, adj, of = m[2] != "", m[3], m[1]
		if !neg && adj != "palindromic" {
			return false
		}
	} else {
		return false
	}
	// about n itself, or read elsewhere
	switch adj {
	case "trivial", "unitary", "proper", "positive", "distinct":
		return false
	}
	pred := divisorAdjective(adj)
	e, ok := parseN(of)
	if pred == nil || !ok {
		return false
	}
	if neg {
		pred = not(pred)
	}
	c.add(s, &node{k: kSumDiv, name: "x_", kids: []*node{e, pred}})
	return true
}

// countDigitTimes reads "Number of times D appears in B expansion of N".
func (c *collector) countDigitTimes(s string) bool {
	m := reDigitTimes.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	b := map[string]int64{"binary": 2, "ternary": 3, "decimal": 10, "": 10}[m[2]]
	d, err := strconv.ParseInt(m[1], 10, 32)
	e, ok := parseN(m[3])
	if err != nil || !ok || d >= b {
		return true
	}
	c.add(s, call("digcount", e, num(b), num(d)))
	return true
}
