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
	"slices"
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
	// only digits from a set: having only digits 1 and 3 in their decimal
	// representation; that contain digits 6 and 7 only; containing only
	// digits 0,1,2; with digits 1 and 2 and at least one of each
	reOnlySet = regexp.MustCompile(`^(?:having|which have|with|that contain|containing|that have) only (?:the )?(?:digits? )?\{?([\d, ]+?(?: and \d+)?)\}?(?: as digits| in (?:their )?(?:decimal (?:representation|expansion)|base[- ](\d+)(?: representation| expansion)?))?$`)
	reSetOnly = regexp.MustCompile(`^(?:that contain|containing|with) (?:the )?digits ([\d, ]+?(?: and \d+)?) only$`)
	reSetEach = regexp.MustCompile(`^with digits ([\d, ]+?(?: and \d+)?) and at least one of each$`)
	// OEIS's "whose set of base-9 digits is {2,3}" lists 2 and 3 too: its
	// digits are among the set
	reSetOfDigits = regexp.MustCompile(`^whose set of base[- ](\d+) digits is \{([\d, ]+)\}$`)
	// "Sums of 3 distinct powers of 7."
	reSumsOfPowers = regexp.MustCompile(`^Sums of (\w+) distinct powers of (\d+)\s*\.?\s*$`)
	// "Number of 0's in binary expansion of n.", "Number of times the digit 2 appears in the decimal expansion of n^3."
	reDigitCountOf = regexp.MustCompile(`^(?i:(?:the )?number of (\d)'?s in (?:the )?(binary|ternary|decimal|base-(\d+)) (?:expansion|representation) of |(?:the )?number of times (?:the )?digit (\d) (?:appears|occurs) in (?:the )?decimal (?:expansion|representation) of )(.+?)\s*\.?\s*$`)
	// "Primes whose reversal is a multiple of 4.", "Composite numbers whose
	// sum of digits is a prime.": a function phrase of the number, then
	// a condition on it, read as "Primes k such that the reversal of k is
	// a multiple of 4" by quant.go's reader
	reInt   = regexp.MustCompile(`^\d+$`)
	reWhose = regexp.MustCompile(`^([A-Z][a-z]*(?: [a-z]+)*?) whose ([a-z][\w -]*?) (is|are|is not|equals) (.+?)\s*\.?\s*$`)
	// whose base-2 representation has 3 more 0's than 1's
	reMoreThan = regexp.MustCompile(`^whose base[- ](\d+) (?:representation|expansion) has (\w+) more (\d)'?s than (\d)'?s$`)
	// that in base 2 have the same number of 0's as 1's
	reSameAs = regexp.MustCompile(`^(?:that|which) in base (\d+) have the same number of (\d)'?s as (\d)'?s$`)
	// having no more than one 0 in their binary representation
	reAtMost = regexp.MustCompile(`^(?:having|with) (?:no more than|at most) (\w+) (\d)'?s? in (?:their )?(binary|decimal|base[- ]\d+) (?:representation|expansion)$`)
	// whose difference between the largest and smallest digits is equal to 3
	reDigitRange = regexp.MustCompile(`^whose difference between (?:the )?largest and (?:the )?smallest digits is (?:equal to )?(\d+)$`)
	// whose base-7 and base-10 expansions have the same digit sum
	reSameDigitSum = regexp.MustCompile(`^whose base[- ](\d+) and base[- ](\d+) (?:expansions|representations) have the same (?:digit sum|sum of digits)$`)
	// whose square has initial digit '5'; starting with an even (decimal) digit
	reInitial = regexp.MustCompile(`^whose (square|cube) (?:has|begins with|starts with) (?:initial|leading|first) digit '?(\d)'?$|^(?:starting|beginning) with an? (even|odd) (?:\(decimal\) |decimal )?digit$`)
	// "a(n) = Sum_{i = 0..m} d(i)*8^i, where Sum_{i = 0..m} d(i)*4^i is the base 4 representation of n."; "n written in base 2 and read in base 3"
	reRebase = regexp.MustCompile(`^(?:a\(n\) = Sum_\{i ?= ?0\.\.m\} d\(i\)\*(\d+)\^i, where Sum_\{i ?= ?0\.\.m\} d\(i\)\*(\d+)\^i is the base[- ](\d+) representation of n|(?:a\(n\) = )?n written in base (\d+) (?:and )?(?:read|interpreted) in base (\d+))\s*\.?\s*$`)
	// "Base-6 palindromes that start with 1."
	reBasePalindromes = regexp.MustCompile(`^Base-(\d+) palindromes(?: that (?:start|begin) with (\d+))?\s*\.?\s*$`)
	// whose binary expansion contains the substring '110'; "Binary expansion contains 010."
	reContainsString = regexp.MustCompile(`^(?:whose |)(binary|ternary|decimal|base[- ]\d+) (?:expansion|representation) contains (?:the (?:sub)?string )?'?(\d+)'?$`)
	reBinaryContains = regexp.MustCompile(`^(Binary|Ternary|Decimal) expansion contains '?(\d+)'?\s*\.?\s*$`)
	// with exactly three 1's in binary expansion; whose binary expansion has exactly 3 ones; with binary weight 2
	reCountIn  = regexp.MustCompile(`^(?:having|with|that have|which have) (?:exactly |precisely )?(\w+) (\d|ones|zeros|zeroes)(?:'s|s)? in (?:their |the )?(binary|ternary|decimal|base[- ]\d+)(?: (?:expansion|representation))?$`)
	reWhoseHas = regexp.MustCompile(`^whose (binary|ternary|decimal|base[- ]\d+) (?:expansion|representation) has (?:exactly |precisely )?(\w+) (\d|ones|zeros|zeroes)(?:'s|s)?$`)
	reWeight   = regexp.MustCompile(`^(?:with|having|of) (?:binary|Hamming) weight (\d+)$`)
	// whose maximal base-4 run length is 4
	reMaxRun = regexp.MustCompile(`^whose (?:maximal|longest) base[- ](\d+) run length is (\d+)$`)
	// "Squares whose digit sum is not a prime.", "Non-palindromic cubes.": a list of values f(k)
	reValuesWhose = regexp.MustCompile(`^(Squares|Cubes|Triangular numbers) (?:whose|for which the) ([a-z][\w -]*?) (is|are|is not|equals) (.+?)\s*\.?\s*$`)
	reValuesPal   = regexp.MustCompile(`^(Palindromic|Non-palindromic) (squares|cubes)\s*\.?\s*$`)
	// digit sets named in words: only odd digits, only digits coprime to 10
	digitWordSets = map[string][]int64{"odd digits": {1, 3, 5, 7, 9}, "even digits": {0, 2, 4, 6, 8},
		"prime digits": {2, 3, 5, 7}, "nonzero digits": {1, 2, 3, 4, 5, 6, 7, 8, 9}, "digits coprime to 10": {1, 3, 7, 9}}
	reOnlyWords = regexp.MustCompile(`^(?:having|which have|with|that contain|containing|that have) only (odd digits|even digits|prime digits|nonzero digits|digits coprime to 10)(?: in (?:their )?decimal (?:representation|expansion))?$`)
	// "Largest base-5 palindrome m <= n, written in base 10.", "Smallest base-3 palindrome m >= n, written in base 10."
	reNearPalindrome = regexp.MustCompile(`^(Largest|Smallest|Least) (?:base-(\d+) |binary |decimal )?palindrome (?:m |k )?(<=|>=) n(?:,? written in base (\d+))?\s*\.?\s*$`)
	// "Number of palindromes in the range [1,n] inclusive."
	reCountPalindromes = regexp.MustCompile(`^Number of (?:base-(\d+) |binary |decimal )?palindromes (?:in the range \[1, ?n\](?: inclusive)?|<= n|up to n|not exceeding n)\s*\.?\s*$`)
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
	if m := reDigitCountOf.FindStringSubmatch(s); m != nil {
		b := map[string]int64{"binary": 2, "ternary": 3, "decimal": 10, "": 10}[strings.ToLower(m[2])]
		if m[3] != "" {
			v, err := strconv.ParseInt(m[3], 10, 32)
			if err != nil || v < 2 || v > 36 {
				return true
			}
			b = v
		}
		d, _ := strconv.ParseInt(m[1]+m[4], 10, 32)
		if e, ok := parseN(m[5]); ok && d < b {
			c.add(s, call("digcount", e, num(b), num(d)))
		}
		return true
	}
	if m := reSumsOfPowers.FindStringSubmatch(s); m != nil {
		k, ok1 := countWord(m[1])
		b, err := strconv.ParseInt(m[2], 10, 32)
		if ok1 && err == nil && b >= 2 && b <= 36 && k >= 1 {
			// the j-th number of binary weight k, its binary digits read in base b
			for _, base := range []int64{1, 0} {
				c.add(s, call("rebase", nthOf("j_", base, 1, eq(call("digsum", vr("j_"), num(2)), num(k))), num(2), num(b)))
			}
		}
		return true
	}
	if m := reRebase.FindStringSubmatch(s); m != nil {
		from, to := m[4], m[5]
		if m[1] != "" {
			if m[2] != m[3] {
				return true
			}
			from, to = m[2], m[1]
		}
		b, err1 := strconv.ParseInt(from, 10, 32)
		c2, err2 := strconv.ParseInt(to, 10, 32)
		if err1 == nil && err2 == nil && b >= 2 && b <= 36 && c2 >= 2 && c2 <= 36 {
			c.add(s, call("rebase", vr("n"), num(b), num(c2)))
		}
		return true
	}
	if m := reBasePalindromes.FindStringSubmatch(s); m != nil {
		b, err := strconv.ParseInt(m[1], 10, 32)
		if err != nil || b < 2 || b > 36 {
			return true
		}
		x := vr("x_")
		pred := eq(call("rev", x, num(b)), x)
		if m[2] != "" {
			d, err := strconv.ParseInt(m[2], 10, 32)
			if err != nil || d < 1 || d >= b {
				return true
			}
			pred = and(eq(call("firstdig", x, num(b)), num(d)), pred)
		}
		c.listOf(s, "Numbers", pred)
		return true
	}
	if m := reNearPalindrome.FindStringSubmatch(s); m != nil {
		c.nearPalindrome(s, m)
		return true
	}
	if m := reCountPalindromes.FindStringSubmatch(s); m != nil {
		b := int64(10)
		if m[1] != "" {
			v, err := strconv.ParseInt(m[1], 10, 32)
			if err != nil || v < 2 || v > 36 {
				return true
			}
			b = v
		} else if strings.Contains(s, "binary") {
			b = 2
		}
		k := vr("k_")
		c.add(s, &node{k: kSum, name: "k_", kids: []*node{num(1), vr("n"), eq(call("rev", k, num(b)), k)}})
		return true
	}
	if m := reBinaryContains.FindStringSubmatch(s); m != nil {
		if pred, ok := baseCondition(strings.ToLower(m[1]) + " expansion contains " + m[2]); ok && pred != nil {
			c.listOf(s, "Numbers", pred)
		}
		return true
	}
	if m := reValuesWhose.FindStringSubmatch(s); m != nil {
		term := m[2] + " of k"
		for _, p := range fnPhrases {
			if p.re.MatchString(term) {
				if pred := predicate("the "+term+" "+m[3]+" "+m[4], "k", false); pred != nil {
					c.valuesList(s, m[1], pred)
				}
				return true
			}
		}
	}
	if m := reValuesPal.FindStringSubmatch(s); m != nil {
		x := vr("x_")
		pred := eq(call("rev", x, num(10)), x)
		if m[1] == "Non-palindromic" {
			pred = not(pred)
		}
		c.valuesList(s, m[2], pred)
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
	if m := reWhose.FindStringSubmatch(s); m != nil {
		term := m[2] + " of k"
		for _, p := range fnPhrases {
			if p.re.MatchString(term) {
				from := len(c.out)
				verb := m[3]
				if (verb == "is" || verb == "equals") && reInt.MatchString(m[4]) {
					verb = "=" // "whose sum of digits is 10"
				}
				read := c.suchThatList(m[1] + " k such that the " + term + " " + verb + " " + m[4])
				for i := from; i < len(c.out); i++ {
					c.out[i].Source = strings.TrimSpace(s) // the text's words, not the rewording
				}
				return read
			}
		}
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
	case reMoreThan.MatchString(w):
		m := reMoreThan.FindStringSubmatch(w)
		b, ok1 := base(m[1], 0)
		k, ok2 := countWord(m[2])
		d1, err1 := strconv.ParseInt(m[3], 10, 32)
		d2, err2 := strconv.ParseInt(m[4], 10, 32)
		if !ok1 || !ok2 || err1 != nil || err2 != nil || d1 >= b || d2 >= b || d1 == d2 {
			return nil, true
		}
		return eq(sub(call("digcount", x, num(b), num(d1)), call("digcount", x, num(b), num(d2))), num(k)), true
	case reSameAs.MatchString(w):
		m := reSameAs.FindStringSubmatch(w)
		b, ok1 := base(m[1], 0)
		d1, err1 := strconv.ParseInt(m[2], 10, 32)
		d2, err2 := strconv.ParseInt(m[3], 10, 32)
		if !ok1 || err1 != nil || err2 != nil || d1 >= b || d2 >= b || d1 == d2 {
			return nil, true
		}
		return eq(call("digcount", x, num(b), num(d1)), call("digcount", x, num(b), num(d2))), true
	case reAtMost.MatchString(w):
		m := reAtMost.FindStringSubmatch(w)
		k, ok1 := countWord(m[1])
		b := map[string]int64{"binary": 2, "decimal": 10}[m[3]]
		if b == 0 {
			v, ok := base(strings.TrimLeft(m[3], "base- "), 0)
			if !ok {
				return nil, true
			}
			b = v
		}
		d, err := strconv.ParseInt(m[2], 10, 32)
		if !ok1 || err != nil || d >= b {
			return nil, true
		}
		return &node{k: kCmp, name: "<=", kids: []*node{call("digcount", x, num(b), num(d)), num(k)}}, true
	case reDigitRange.MatchString(w):
		k, err := strconv.ParseInt(reDigitRange.FindStringSubmatch(w)[1], 10, 32)
		if err != nil {
			return nil, true
		}
		return eq(sub(call("maxdig", x, num(10)), call("mindig", x, num(10))), num(k)), true
	case reSameDigitSum.MatchString(w):
		m := reSameDigitSum.FindStringSubmatch(w)
		b1, ok1 := base(m[1], 0)
		b2, ok2 := base(m[2], 0)
		if !ok1 || !ok2 || b1 == b2 {
			return nil, true
		}
		return eq(call("digsum", x, num(b1)), call("digsum", x, num(b2))), true
	case reInitial.MatchString(w):
		m := reInitial.FindStringSubmatch(w)
		if m[3] != "" { // even or odd leading digit
			r := int64(0)
			if m[3] == "odd" {
				r = 1
			}
			return eq(bin(kMod, call("firstdig", x, num(10)), num(2)), num(r)), true
		}
		d, err := strconv.ParseInt(m[2], 10, 32)
		if err != nil {
			return nil, true
		}
		y := bin(kPow, x, num(2))
		if m[1] == "cube" {
			y = bin(kPow, x, num(3))
		}
		return eq(call("firstdig", y, num(10)), num(d)), true
	case reContainsString.MatchString(w):
		m := reContainsString.FindStringSubmatch(w)
		b := map[string]int64{"binary": 2, "ternary": 3, "decimal": 10}[m[1]]
		if b == 0 {
			v, ok := base(strings.TrimLeft(m[1], "base- "), 0)
			if !ok {
				return nil, true
			}
			b = v
		}
		if len(m[2]) > 9 || b > 10 {
			return nil, true
		}
		var v int64
		for _, r := range m[2] {
			d := int64(r - '0')
			if d >= b {
				return nil, true
			}
			v = v*b + d
		}
		return gt0(call("strcount", x, num(b), num(v), num(int64(len(m[2]))))), true
	case reCountIn.MatchString(w), reWhoseHas.MatchString(w):
		var ks, ds, bs string
		if m := reCountIn.FindStringSubmatch(w); m != nil {
			ks, ds, bs = m[1], m[2], m[3]
		} else {
			m := reWhoseHas.FindStringSubmatch(w)
			ks, ds, bs = m[2], m[3], m[1]
		}
		b := map[string]int64{"binary": 2, "ternary": 3, "decimal": 10}[bs]
		if b == 0 {
			v, ok := base(strings.TrimLeft(bs, "base- "), 0)
			if !ok {
				return nil, true
			}
			b = v
		}
		k, ok := countWord(ks)
		d := map[string]int64{"ones": 1, "zeros": 0, "zeroes": 0}[ds]
		if v, err := strconv.ParseInt(ds, 10, 32); err == nil {
			d = v
		}
		if !ok || d >= b {
			return nil, true
		}
		return eq(call("digcount", x, num(b), num(d)), num(k)), true
	case reWeight.MatchString(w):
		k, err := strconv.ParseInt(reWeight.FindStringSubmatch(w)[1], 10, 32)
		if err != nil {
			return nil, true
		}
		return eq(call("digsum", x, num(2)), num(k)), true
	case reMaxRun.MatchString(w):
		m := reMaxRun.FindStringSubmatch(w)
		b, ok := base(m[1], 0)
		k, err := strconv.ParseInt(m[2], 10, 32)
		if !ok || err != nil || k < 1 {
			return nil, true
		}
		return eq(call("maxrun", x, num(b)), num(k)), true
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

// digitSet reads the words after "Numbers" or "Primes" as a list of
// numbers whose digits all come from a set; it reports whether it did.
// Such lists are sparse: they are walked through dmap (digitfns.go), the
// j-th number with digits from the set, not through every number.
func (c *collector) digitSet(s, what, w string) bool {
	var list, bs string
	each := false
	switch {
	case reOnlyWords.MatchString(w):
		for _, d := range digitWordSets[reOnlyWords.FindStringSubmatch(w)[1]] {
			list += strconv.FormatInt(d, 10) + ","
		}
		list = strings.TrimSuffix(list, ",")
	case reOnlySet.MatchString(w):
		m := reOnlySet.FindStringSubmatch(w)
		list, bs = m[1], m[2]
	case reSetOnly.MatchString(w):
		list = reSetOnly.FindStringSubmatch(w)[1]
	case reSetEach.MatchString(w):
		list, each = reSetEach.FindStringSubmatch(w)[1], true
	case reSetOfDigits.MatchString(w):
		m := reSetOfDigits.FindStringSubmatch(w)
		list, bs = m[2], m[1]
	default:
		return false
	}
	b := int64(10)
	if bs != "" {
		v, err := strconv.ParseInt(bs, 10, 32)
		if err != nil || v < 2 || v > 36 {
			return true
		}
		b = v
	}
	var ds []int64
	for _, f := range strings.FieldsFunc(strings.ReplaceAll(list, " and ", ","), func(r rune) bool { return r == ',' || r == ' ' }) {
		d, err := strconv.ParseInt(f, 10, 32)
		if err != nil || d < 0 || d >= b {
			return true
		}
		ds = append(ds, d)
	}
	slices.Sort(ds)
	ds = slices.Compact(ds)
	if len(ds) == 0 || len(ds) == 1 && ds[0] == 0 || len(ds) >= int(b) {
		return true
	}
	var pred func(y *node) *node
	if each {
		pred = func(y *node) *node {
			var p *node
			for _, d := range ds {
				p = and(p, &node{k: kCmp, name: ">", kids: []*node{call("digcount", y, num(b), num(d)), num(0)}})
			}
			return p
		}
	}
	c.digitSetList(s, what, b, ds, pred)
	return true
}

// digitSetList adds the readings of the list of numbers whose base-b
// digits come from ds (ascending) and that pass pred (nil: all do; for
// "Primes", also prime).
func (c *collector) digitSetList(s, what string, b int64, ds []int64, pred func(y *node) *node) {
	z := int64(0)
	if ds[0] == 0 {
		z = 1
	}
	dmap := func(j *node) *node {
		args := []*node{j, num(b), num(z)}
		for _, d := range ds {
			args = append(args, num(d))
		}
		return call("dmap", args...)
	}
	if what == "Primes" {
		p := pred
		pred = func(y *node) *node {
			if p == nil {
				return un(kIsPrime, y)
			}
			return and(p(y), un(kIsPrime, y))
		}
	}
	// j from 0 (the number 0, when 0 is a digit) or from 1
	starts := []int64{1}
	if z == 1 && what != "Primes" && what != "Positive integers" {
		starts = []int64{0, 1}
	}
	for _, base := range []int64{1, 0} {
		for _, lo := range starts {
			if pred == nil {
				j := vr("n")
				if d := lo - base; d > 0 {
					j = add(j, num(d))
				} else if d < 0 {
					j = sub(j, num(-d))
				}
				c.add(s, dmap(j))
				continue
			}
			c.add(s, dmap(nthOf("j_", base, lo, pred(dmap(vr("j_"))))))
		}
	}
}

// leastWithCounts is a lower bound of the numbers that pass pred, when
// pred is a conjunction that fixes digit counts, digcount(x_, b, d) = k
// (one base): they need sum(k) digits, one more when every digit counted
// is 0 (the leading digit is not), so none is below b^(digits-1). Else 0.
func leastWithCounts(pred *node) int64 {
	var b, need int64
	nonzero := false
	var walk func(x *node) bool
	walk = func(x *node) bool {
		switch {
		case x.k == kAnd:
			return walk(x.kids[0]) && walk(x.kids[1])
		case x.k == kCmp && x.name == "=":
			f, k := x.kids[0], x.kids[1]
			if f.k != kCall || f.name != "digcount" || k.k != kNum || f.kids[0].k != kVar || f.kids[0].name != "x_" ||
				f.kids[1].k != kNum || f.kids[2].k != kNum || b != 0 && f.kids[1].val != b {
				return true // another condition: it only narrows the list
			}
			b, need = f.kids[1].val, need+k.val
			nonzero = nonzero || f.kids[2].val != 0 && k.val > 0
			return true
		}
		return true
	}
	if pred == nil || !walk(pred) || b < 2 || need < 2 {
		return 0
	}
	if !nonzero {
		need++
	}
	lo := int64(1)
	for i := int64(1); i < need; i++ {
		if lo > (1<<31)/b {
			return 0
		}
		lo *= b
	}
	return lo
}

// Digit phrases inside a formula: "a(n) = n + (sum of digits in base-4
// representation of n)", "(Sum of digits of n)^3 - (sum of digits of
// n^3)", "a(n) = a(n-1) + digit sum(n + 2)". A phrase in parentheses (its
// argument may hold one level of parentheses more) or "digit sum(" is
// rewritten as a call of the function table; the formula readers then
// read the rewritten text as well (digitWords).
var (
	reArg          = `((?:[^()]|\([^()]*\))+?)`
	reParenDigsum  = regexp.MustCompile(`(?i)\(\s*(?:the )?(?:sum of (?:the )?(?:decimal )?digits|digit sum|digital sum) (?:of|in) ` + reArg + `\)`)
	reParenBaseSum = regexp.MustCompile(`(?i)\(\s*(?:the )?sum of (?:the )?digits (?:of|in) (?:the )?base-(\d+) (?:representation|expansion) of ` + reArg + `\)`)
	reParenRev     = regexp.MustCompile(`(?i)\(\s*(?:the )?(?:digit |digital )?reversal of ` + reArg + `\)`)
	reDigsumCall   = regexp.MustCompile(`(?i)\b(?:digital|digit) sum\s*\(`)
)

// digitWords is text with those phrases written as calls (text itself if
// it has none).
func digitWords(text string) string {
	out := reParenBaseSum.ReplaceAllString(text, "digsumbase($2, $1)")
	out = reParenDigsum.ReplaceAllString(out, "sumdigits($1)")
	out = reParenRev.ReplaceAllString(out, "reversal($1)")
	return reDigsumCall.ReplaceAllString(out, "sumdigits(")
}

// valuesList adds the readings of the list of the values f(k) (squares,
// cubes, triangular numbers; k from 0 or 1, ascending as f is) that pass
// pred (over x_): the n-th k whose value passes, then its value.
func (c *collector) valuesList(s, what string, pred *node) {
	f := map[string]func(k *node) *node{
		"squares":            func(k *node) *node { return bin(kPow, k, num(2)) },
		"cubes":              func(k *node) *node { return bin(kPow, k, num(3)) },
		"triangular numbers": func(k *node) *node { return call("binomial", add(k, num(1)), num(2)) }, // k once: it may be a list
	}[strings.ToLower(what)]
	if f == nil {
		return
	}
	p := substitute(pred, "x_", f(vr("j_")))
	for _, base := range []int64{1, 0} {
		for _, lo := range []int64{0, 1} {
			c.add(s, f(nthOf("j_", base, lo, p)))
		}
	}
}

// nearPalindrome: the largest base-b palindrome m <= n (n - j for the
// least j >= 0 that gives one; 0 is a palindrome) or the smallest m >= n
// (n + j), perhaps written in base c (its base-c digits read in base 10).
func (c *collector) nearPalindrome(s string, m []string) {
	b := int64(10)
	switch {
	case m[2] != "":
		v, err := strconv.ParseInt(m[2], 10, 32)
		if err != nil || v < 2 || v > 36 {
			return
		}
		b = v
	case strings.Contains(s, "binary"):
		b = 2
	}
	largest := m[1] == "Largest"
	if largest != (m[3] == "<=") {
		return // the largest one >= n, or the least one <= n: no such reading
	}
	at := func(j *node) *node {
		if largest {
			return sub(vr("n"), j)
		}
		return add(vr("n"), j)
	}
	y := at(vr("j_"))
	pal := eq(call("rev", y, num(b)), y)
	x := at(nthAt(num(0), "j_", 0, 0, pal))
	if m[4] != "" {
		w, err := strconv.ParseInt(m[4], 10, 32)
		if err != nil || w < 2 || w > 10 {
			return
		}
		if w != 10 {
			x = call("rebase", x, num(w), num(10))
		}
	}
	c.add(s, x)
}
