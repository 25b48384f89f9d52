package formula

// Lists of numbers named by their digits: "Numbers having three 2's in
// base 9.", "Numbers whose base-4 representation contains exactly two 2's
// and three 3's.", "Numbers whose set of base-9 digits is {2,3}.", "Primes
// having only {1, 4, 9} as digits.", "Numbers without 8 as a digit." Each
// is a predicate on x_ over digcount(x, b, d), the number of digits d in
// x's base-b representation (0 has the one digit 0).

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	reDigitList = regexp.MustCompile(`^(Numbers|Primes|Positive integers|Nonnegative integers) (.+?)\s*\.?\s*$`)
	// having three 2's in base 9
	reHavingIn = regexp.MustCompile(`^(?:having|with) (exactly )?(\w+|a single) (\d+)(?:'s|s)? in (?:their )?base[- ](\d+)(?: (?:expansion|representation))?$`)
	// whose base-4 representation contains exactly two 2's and three 3's
	reContains = regexp.MustCompile(`^whose base[- ](\d+) (?:representation|expansion) contains (.+)$`)
	reCount    = regexp.MustCompile(`^(?:exactly )?(\w+) (\d+)(?:'s|s)?$`)
	// whose base-3 representation has the same nonzero number of 0's and 2's
	reSame = regexp.MustCompile(`^whose base[- ](\d+) (?:representation|expansion) has the same (nonzero )?number of (.+)$`)
	// whose set of base-9 digits is {2,3}
	reSetOf = regexp.MustCompile(`^whose set of base[- ](\d+) digits is \{([\d, ]+)\}$`)
	// without 8 as a digit; without {6, 7} as digits
	reWithout = regexp.MustCompile(`^(?:without \{?([\d, ]+?)\}? as (?:a )?digits?|not containing the digit '?(\d)'?)$`)
	// having only digits 1 and 3 in their decimal representation; having only {1, 4, 9} as digits; which have only digits 7 and 8 in base 10
	reOnly = regexp.MustCompile(`^(?:having|which have|with) only (?:digits )?\{?([\d, ]+?(?: and \d+)?)\}?(?: as digits| in (?:their )?decimal (?:representation|expansion)| in base 10)?$`)
	// with exactly one digit 1
	reDigitD = regexp.MustCompile(`^with (exactly )?(\w+) digits? (\d+)$`)
)

var countWords = map[string]int64{"no": 0, "zero": 0, "a": 1, "a single": 1, "one": 1, "two": 2, "three": 3,
	"four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

func countWord(w string) (int64, bool) {
	if v, ok := countWords[strings.ToLower(w)]; ok {
		return v, true
	}
	v, err := strconv.ParseInt(w, 10, 32)
	return v, err == nil && v <= 30
}

// digcount is the node digcount(x_, b, d).
func digcount(b, d int64) *node { return call("digcount", vr("x_"), num(b), num(d)) }

func eq(a, b *node) *node { return &node{k: kCmp, name: "=", kids: []*node{a, b}} }

func and(a, b *node) *node {
	if a == nil {
		return b
	}
	return bin(kAnd, a, b)
}

// digitsList reads s as a list named by its digits; it reports whether it
// did (whether or not it could add a candidate).
func (c *collector) digitsList(s string) bool {
	m := reDigitList.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	if c.digitSet(s, m[1], m[2]) { // phrases_base.go
		return true
	}
	pred, ok := digitCondition(m[2])
	if !ok {
		return false
	}
	if pred == nil {
		return true // the phrase, but not a list we read
	}
	lo := leastWithCounts(pred) // phrases_base.go: no term below it
	if m[1] == "Primes" {
		pred = and(pred, un(kIsPrime, vr("x_"))) // the digits first: they cost less
		for _, base := range []int64{1, 0} {
			c.add(s, nthOf("x_", base, max(2, lo), pred))
		}
		return true
	}
	if lo > 1 {
		for _, base := range []int64{1, 0} {
			c.add(s, nthOf("x_", base, lo, pred))
		}
		return true
	}
	c.listOf(s, m[1], pred)
	return true
}

// digitCondition reads the words after "Numbers": ok says the phrase is
// one of this file's, pred nil that its numbers could not be read.
func digitCondition(w string) (pred *node, ok bool) {
	digit := func(ds string, b int64) (int64, bool) {
		d, err := strconv.ParseInt(ds, 10, 32)
		return d, err == nil && d >= 0 && d < b
	}
	base := func(bs string) (int64, bool) {
		b, err := strconv.ParseInt(bs, 10, 32)
		return b, err == nil && b >= 2 && b <= 36
	}
	digits := func(list string, b int64) ([]int64, bool) {
		var ds []int64
		for _, f := range strings.FieldsFunc(strings.ReplaceAll(list, " and ", ","), func(r rune) bool { return r == ',' || r == ' ' }) {
			d, ok := digit(f, b)
			if !ok {
				return nil, false
			}
			ds = append(ds, d)
		}
		return ds, len(ds) > 0
	}
	// only the digits ds: their counts add up to the number of digits
	only := func(ds []int64, b int64) *node {
		var sum *node
		for _, d := range ds {
			if sum == nil {
				sum = digcount(b, d)
			} else {
				sum = bin(kAdd, sum, digcount(b, d))
			}
		}
		return eq(sum, call("ndigits", vr("x_"), num(b)))
	}
	switch {
	case reHavingIn.MatchString(w):
		m := reHavingIn.FindStringSubmatch(w)
		b, ok1 := base(m[4])
		k, ok2 := countWord(m[2])
		if !ok1 || !ok2 {
			return nil, true
		}
		d, ok3 := digit(m[3], b)
		if !ok3 {
			return nil, true
		}
		return eq(digcount(b, d), num(k)), true
	case reContains.MatchString(w):
		m := reContains.FindStringSubmatch(w)
		b, ok := base(m[1])
		if !ok {
			return nil, true
		}
		for _, part := range strings.Split(m[2], " and ") {
			cm := reCount.FindStringSubmatch(strings.TrimSpace(part))
			if cm == nil {
				return nil, true
			}
			k, ok1 := countWord(cm[1])
			d, ok2 := digit(cm[2], b)
			if !ok1 || !ok2 {
				return nil, true
			}
			pred = and(pred, eq(digcount(b, d), num(k)))
		}
		return pred, true
	case reSame.MatchString(w):
		m := reSame.FindStringSubmatch(w)
		b, ok := base(m[1])
		if !ok {
			return nil, true
		}
		list := strings.NewReplacer("'s", "", " and ", ",").Replace(m[3])
		ds, ok := digits(list, b)
		if !ok || len(ds) < 2 {
			return nil, true
		}
		for _, d := range ds[1:] {
			pred = and(pred, eq(digcount(b, d), digcount(b, ds[0])))
		}
		if m[2] != "" {
			pred = and(pred, &node{k: kCmp, name: ">", kids: []*node{digcount(b, ds[0]), num(0)}})
		}
		return pred, true
	case reSetOf.MatchString(w):
		m := reSetOf.FindStringSubmatch(w)
		b, ok := base(m[1])
		if !ok {
			return nil, true
		}
		ds, ok := digits(m[2], b)
		if !ok {
			return nil, true
		}
		pred = only(ds, b)
		for _, d := range ds {
			pred = and(pred, &node{k: kCmp, name: ">", kids: []*node{digcount(b, d), num(0)}})
		}
		return pred, true
	case reWithout.MatchString(w):
		m := reWithout.FindStringSubmatch(w)
		ds, ok := digits(m[1]+m[2], 10)
		if !ok {
			return nil, true
		}
		for _, d := range ds {
			pred = and(pred, eq(digcount(10, d), num(0)))
		}
		return pred, true
	case reOnly.MatchString(w):
		ds, ok := digits(reOnly.FindStringSubmatch(w)[1], 10)
		if !ok {
			return nil, true
		}
		return only(ds, 10), true
	case reDigitD.MatchString(w):
		m := reDigitD.FindStringSubmatch(w)
		k, ok1 := countWord(m[2])
		d, ok2 := digit(m[3], 10)
		if !ok1 || !ok2 {
			return nil, true
		}
		return eq(digcount(10, d), num(k)), true
	}
	return baseCondition(w) // phrases_base.go
}
