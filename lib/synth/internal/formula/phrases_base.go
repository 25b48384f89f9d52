package formula

// Names about base representations beyond phrases_digits.go's digit
// counts, over digitfns.go's functions: strings of digits ("Numbers n such
// that string 1,5 occurs in the base 6 representation of n but not of
// n+1."), runs ("Numbers whose base-13 representation has exactly 2
// runs."), distinct digits, digit products, palindromes, divisibility by
// a digit function ("Numbers divisible by their last digit."), binary
// weight classes ("Evil primes: primes with even number of 1's in their
// binary expansion."), a number's digits read in another base ("Numbers
// in base 5."), and the bitwise "a(n) = n AND 2*n".

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	// string 1,5 occurs in the base 6 representation of n but not of n+1
	reStringOccurs = regexp.MustCompile(`^(?:[nk] )?such that (?:the )?string ([\d,]+) occurs in the base[- ](\d+) representation of ([nk])(?: but not of ([nk])([+-])1)?$`)
	// number of runs in the base 4 representation of n is congruent to 7 mod 9
	reRunsMod = regexp.MustCompile(`^(?:(?:[nk] )?such that (?:the )?number of runs in (?:the )?base[- ](\d+) representation of [nk]|whose number of runs in the base[- ](\d+) representation) is congruent to (\d+) mod (\d+)$`)
	// whose base-13 representation has exactly 2 runs
	reRunsExactly = regexp.MustCompile(`^whose base[- ](\d+) representation has exactly (\w+) runs?$`)
	// with exactly three distinct base-9 digits
	reDistinct = regexp.MustCompile(`^with exactly (\w+) distinct (?:base[- ](\d+) |decimal )?digits$`)
	// with digital product = 10; whose product of digits is 12
	reDigProd = regexp.MustCompile(`^(?:with (?:a )?(?:digital product|product of digits) (?:=|equal to) |whose (?:digital product|product of digits) is )(\d+)$`)
	// which are divisible by the sum of their base-5 digits; divisible by their last digit
	reDivBy = regexp.MustCompile(`^(?:that are |which are )?(?:divisible by|multiples of) (?:the (sum|product) of their (?:base[- ](\d+) |decimal )?digits|their (largest|last|first) digit)(?: \(decimal notation\))?$`)
	// with an even number of 1's in their binary expansion
	reBinaryParity = regexp.MustCompile(`^(?:with|having) (?:an )?(even|odd) number of (?:1's|1s|ones) in (?:their )?binary (?:expansion|representation)$`)
	// with a prime number of binary digits
	rePrimeLength = regexp.MustCompile(`^(?:with|having) a prime number of (binary|decimal) digits$`)
	// Numbers whose cube is palindromic in base 7; Numbers that are palindromes in base 3
	rePalindromic = regexp.MustCompile(`^(?:whose (square|cube) is|that are|which are) (?:palindromic|palindromes) (?:in base (\d+)|when written in (binary|base (\d+))|in binary)$`)
	// a bare list of palindromes: "Palindromes in base 3.", "Odd composite integers that are palindromes when written in binary."
	rePalindromes = regexp.MustCompile(`^(?:(Odd|Even) )?(?:(composite|prime) )?(?:integers|numbers) that are palindromes (?:in base (\d+)|when written in (?:binary|base (\d+))|in binary)\s*\.?\s*$|^Palindromes in base (\d+)\s*\.?\s*$`)
	// "Evil primes: primes with ...": the words after the colon name the list
	reNamedColon = regexp.MustCompile(`^[A-Z][\w -]*: ((?:primes|numbers|positive numbers|positive integers) .+)$`)
	// "Numbers in base 5."
	reNumbersInBase = regexp.MustCompile(`^Numbers in base (\d+)\s*\.?\s*$`)
	// "a(n) = n AND 2*n, where AND is the bitwise AND operator."
	reBitwise = regexp.MustCompile(`^a\(n\) = (.+?) (AND|OR|XOR) (.+?)(?:,? where (?:AND|OR|XOR) is the (?:bitwise|binary) .*)?\s*\.?\s*$`)
)

// basePhrase reads the phrases of this file that phrases() must see before
// its general readers ("Numbers n such that ..."); it reports whether s was
// one.
func (c *collector) basePhrase(s string) bool {
	if m := reBitwise.FindStringSubmatch(s); m != nil {
		x, ok1 := parseN(m[1])
		y, ok2 := parseN(m[3])
		if ok1 && ok2 {
			c.add(s, call("bit"+strings.ToLower(m[2]), x, y))
		}
		return true
	}
	if m := reNumbersInBase.FindStringSubmatch(s); m != nil {
		b, err := strconv.ParseInt(m[1], 10, 32)
		if err != nil || b < 2 || b > 9 {
			return true
		}
		for _, shift := range []int64{0, 1} {
			c.add(s, call("rebase", sub(vr("n"), num(shift)), num(b), num(10)))
		}
		return true
	}
	if m := rePalindromes.FindStringSubmatch(s); m != nil {
		c.palindromes(s, m)
		return true
	}
	if m := reNamedColon.FindStringSubmatch(s); m != nil {
		t := m[1]
		t = strings.ToUpper(t[:1]) + t[1:]
		t = strings.Replace(t, "Positive numbers", "Positive integers", 1)
		return c.digitsList(t)
	}
	if m := reDigitList.FindStringSubmatch(s); m != nil && strings.Contains(m[2], "such that") {
		return c.digitsList(s)
	}
	return false
}

// palindromes: the numbers x with rev(x, b) = x, perhaps odd or even,
// composite or prime.
func (c *collector) palindromes(s string, m []string) {
	bs := m[3] + m[4] + m[5]
	b := int64(2)
	if bs != "" {
		v, err := strconv.ParseInt(bs, 10, 32)
		if err != nil || v < 2 || v > 36 {
			return
		}
		b = v
	}
	x := vr("x_")
	pred := eq(call("rev", x, num(b)), x)
	switch m[2] {
	case "composite":
		pred = and(&node{k: kCmp, name: ">", kids: []*node{x, num(1)}}, and(un(kCmp0, un(kIsPrime, x)), pred))
	case "prime":
		pred = and(un(kIsPrime, x), pred)
	}
	var step int64 = 1
	lo := []int64{0, 1}
	switch m[1] {
	case "Odd":
		step, lo = 2, []int64{1}
	case "Even":
		step, lo = 2, []int64{0, 2}
	}
	for _, base := range []int64{1, 0} {
		for _, l := range lo {
			y := nthOf("x_", base, l, pred)
			if step != 1 {
				y.vals = []int64{step}
			}
			c.add(s, y)
		}
	}
}

// baseCondition reads the words after "Numbers" for this file's lists, as
// digitCondition does.
func baseCondition(w string) (pred *node, ok bool) {
	x := vr("x_")
	base := func(bs string, def int64) (int64, bool) {
		if bs == "" {
			return def, true
		}
		b, err := strconv.ParseInt(bs, 10, 32)
		return b, err == nil && b >= 2 && b <= 36
	}
	gt0 := func(a *node) *node { return &node{k: kCmp, name: ">", kids: []*node{a, num(0)}} }
	switch {
	case reStringOccurs.MatchString(w):
		m := reStringOccurs.FindStringSubmatch(w)
		b, ok := base(m[2], 0)
		if !ok || m[4] != "" && m[4] != m[3] {
			return nil, true
		}
		var v, l int64
		for _, f := range strings.Split(m[1], ",") {
			d, err := strconv.ParseInt(f, 10, 32)
			if err != nil || d < 0 || d >= b || l >= 6 {
				return nil, true
			}
			v, l = v*b+d, l+1
		}
		count := func(y *node) *node { return call("strcount", y, num(b), num(v), num(l)) }
		pred = gt0(count(x))
		if m[5] != "" {
			y := add(x, num(1))
			if m[5] == "-" {
				y = sub(x, num(1))
			}
			pred = and(pred, eq(count(y), num(0)))
		}
		return pred, true
	case reRunsMod.MatchString(w):
		m := reRunsMod.FindStringSubmatch(w)
		b, ok1 := base(m[1]+m[2], 0)
		r, err1 := strconv.ParseInt(m[3], 10, 32)
		md, err2 := strconv.ParseInt(m[4], 10, 32)
		if !ok1 || err1 != nil || err2 != nil || md < 2 || md > 1000 || r >= md {
			return nil, true
		}
		return eq(bin(kMod, call("nruns", x, num(b)), num(md)), num(r)), true
	case reRunsExactly.MatchString(w):
		m := reRunsExactly.FindStringSubmatch(w)
		b, ok1 := base(m[1], 0)
		k, ok2 := countWord(m[2])
		if !ok1 || !ok2 {
			return nil, true
		}
		return eq(call("nruns", x, num(b)), num(k)), true
	case reDistinct.MatchString(w):
		m := reDistinct.FindStringSubmatch(w)
		b, ok1 := base(m[2], 10)
		k, ok2 := countWord(m[1])
		if !ok1 || !ok2 {
			return nil, true
		}
		return eq(call("ndistinct", x, num(b)), num(k)), true
	case reDigProd.MatchString(w):
		k, err := strconv.ParseInt(reDigProd.FindStringSubmatch(w)[1], 10, 32)
		if err != nil {
			return nil, true
		}
		return eq(call("digprod", x, num(10)), num(k)), true
	case reDivBy.MatchString(w):
		m := reDivBy.FindStringSubmatch(w)
		b, ok := base(m[2], 10)
		if !ok {
			return nil, true
		}
		var f *node
		switch m[1] + m[3] {
		case "sum":
			f = call("digsum", x, num(b))
		case "product":
			f = call("digprod", x, num(b))
		case "largest":
			f = call("maxdig", x, num(b))
		case "last":
			f = call("lastdig", x, num(b))
		case "first":
			f = call("firstdig", x, num(b))
		}
		// a digit function that is 0 divides nothing
		return and(gt0(f), eq(bin(kMod, x, f), num(0))), true
	case reBinaryParity.MatchString(w):
		r := int64(0)
		if reBinaryParity.FindStringSubmatch(w)[1] == "odd" {
			r = 1
		}
		return eq(bin(kMod, call("digsum", x, num(2)), num(2)), num(r)), true
	case rePrimeLength.MatchString(w):
		b := int64(2)
		if rePrimeLength.FindStringSubmatch(w)[1] == "decimal" {
			b = 10
		}
		return un(kIsPrime, call("ndigits", x, num(b))), true
	case rePalindromic.MatchString(w):
		m := rePalindromic.FindStringSubmatch(w)
		b, ok := base(m[2]+m[4], 2)
		if !ok || m[3] == "binary" && m[4] != "" {
			return nil, true
		}
		y := x
		switch m[1] {
		case "square":
			y = bin(kPow, x, num(2))
		case "cube":
			y = bin(kPow, x, num(3))
		}
		return eq(call("rev", y, num(b)), y), true
	}
	return nil, false
}
