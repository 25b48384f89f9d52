package formula

// Requests as people write them, third part, continued (asked3_more.go):
//
//   - divisibility by a digit function of n itself: "1 if n is divisible
//     by the sum of its digits, else 0", "is n divisible by the product
//     of its digits? 1 or 0" (0 where the function is 0: no number but 0
//     is divisible by 0);
//   - sums of powers: "sum of the cubes from 1 to n", "sum of the first n
//     squares", "sum of the k-th powers of the integers up to n"
//     (Sum_{k=1..n} k^p; "sum of the squares up to n" is also the sum of
//     the squares <= n, asked3.go's reading: the examples choose);
//   - sequences people ask for by name: "the n-th Catalan number", "Bell
//     number n", "the n-th Pell number", Motzkin, Jacobsthal, Padovan,
//     Perrin, Pell-Lucas numbers, "number of derangements of n items": each
//     read as the recurrence that defines it (memrec.go, rec.go: ring
//     arithmetic, no product wraps before a division), counted from 0 and
//     from 1 (the examples choose).

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	// the frames of a characteristic function of n (askedForm's form)
	reA3CharN = regexp.MustCompile(`^(?:(?:return |output |give )?1 if (.+?),? (?:(?:and |or )?(?:else|otherwise) 0|0 otherwise|and 0 if not|(?:and |or |else |otherwise )?0 if not)|is (n .+?)\??,? (?:\(?(?:1 or 0|0 or 1|1/0|0/1)\)?|1 if (?:yes|so|true),? (?:(?:and |else |otherwise |or )?0(?: if (?:no|not|false))?|0 otherwise))|(?:check|test|determine|decide) (?:whether|if) (n .+?))$`)
	// "n is divisible by the sum of its digits"
	reA3DivDigits = regexp.MustCompile(`^n (?:is )?(?:exactly |evenly )?(?:divisible by|a multiple of|multiple of) (?:the )?(sum|product|number|count) of (?:its|the|all its|all the) (?:decimal )?digits(?: of n)?$|^n (?:is )?(?:exactly |evenly )?(?:divisible by|a multiple of|multiple of) its (digit sum|digit product)$|^(?:the )?(sum|product) of (?:its|the) digits(?: of n)? divides n$`)
)

// asked3DivDigits reads "1 if n is divisible by the sum of its digits".
func (c *collector) asked3DivDigits(s string) bool {
	m := reA3CharN.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	cond := m[1] + m[2] + m[3]
	d := reA3DivDigits.FindStringSubmatch(cond)
	if d == nil {
		return false
	}
	n := vr("n")
	var f *node
	switch d[1] + d[2] + d[3] {
	case "sum", "digit sum":
		f = call("digsum", n, num(10))
	case "product", "digit product":
		f = call("digprod", n, num(10))
	default: // the number of digits
		f = call("ndigits", n, num(10))
	}
	nonzero := &node{k: kCmp, name: "!=", kids: []*node{f, num(0)}}
	x := and(&node{k: kCmp, name: ">=", kids: []*node{n, num(0)}}, and(nonzero, and(eq(bin(kMod, n, f), num(0)), num(1))))
	before := len(c.out)
	c.add(s, x)
	return len(c.out) > before
}

var (
	a3Powers = `(squares|cubes|fourth powers|fifth powers|sixth powers|(\d+)(?:st|nd|rd|th|-th) powers)`
	// "sum of the cubes from 1 to n", "sum of the squares of the integers
	// from 1 to n", "sum of the first n cubes"
	reA3PowSum = regexp.MustCompile(`^(?:sum|total|add up|add)(?: of)?(?: all)?(?: the)? ` + a3Powers + `(?: of (?:all )?(?:the )?(?:integers|numbers|natural numbers|positive integers|whole numbers))? (?:from 1 (?:up )?to|from 1 through|of 1 to|for 1 to|1 to|1 through) n(?: inclusive)?$|^(?:sum|total)(?: of)?(?: the)? first n ` + a3Powers + `$|^(?:sum|total)(?: of)?(?: the)? ` + a3Powers + ` of the first n (?:integers|numbers|natural numbers|positive integers)$`)
	// "sum of the squares up to n": also the sum of the powers 1^p..n^p
	reA3PowUpTo = regexp.MustCompile(`^(?:sum|total|add up|add)(?: of)?(?: all)?(?: the)? ` + a3Powers + ` (?:up to|to|through|up to and including) n$`)
)

// a3PowerDegree is the exponent a3Powers' groups name (0: none).
func a3PowerDegree(word, digits string) int64 {
	if digits != "" {
		k, err := strconv.ParseInt(digits, 10, 64)
		if err != nil || k < 1 || k > 30 {
			return 0
		}
		return k
	}
	return map[string]int64{"squares": 2, "cubes": 3, "fourth powers": 4, "fifth powers": 5, "sixth powers": 6}[word]
}

// asked3PowerSums reads Sum_{k=1..n} k^p ("from 1 to n", "the first n");
// "the squares up to n" both so and as asked3.go reads it.
func (c *collector) asked3PowerSums(s string) bool {
	var p int64
	both := false
	if m := reA3PowSum.FindStringSubmatch(s); m != nil {
		p = a3PowerDegree(m[1]+m[3]+m[5], m[2]+m[4]+m[6])
	} else if m := reA3PowUpTo.FindStringSubmatch(s); m != nil {
		p, both = a3PowerDegree(m[1], m[2]), true
	}
	if p < 1 {
		return false
	}
	before := len(c.out)
	if x, ok := parseN("Sum_{k=1..n} k^" + strconv.FormatInt(p, 10)); ok {
		c.add(s, x)
	}
	if both {
		c.asked3Range(s)
	}
	return len(c.out) > before
}

// a3Named: sequences people ask for by name, each as the recurrences
// that define it counted from 0 and from 1 (a(n) the n-th from 0, the
// (n-1)-th).
var a3Named = []struct {
	re   *regexp.Regexp
	defs []string
}{
	{regexp.MustCompile(`^catalan`), []string{
		"a(n) = Sum_{k=0..n-1} a(k)*a(n-1-k), a(0) = 1",
		"a(n) = Sum_{k=1..n-1} a(k)*a(n-k), a(1) = 1"}},
	{regexp.MustCompile(`^motzkin`), []string{
		"a(n) = a(n-1) + Sum_{k=0..n-2} a(k)*a(n-2-k), a(0) = 1, a(1) = 1",
		"a(n) = a(n-1) + Sum_{k=1..n-2} a(k)*a(n-1-k), a(1) = 1, a(2) = 1"}},
	{regexp.MustCompile(`^bell`), []string{
		"a(n) = Sum_{k=0..n-1} binomial(n-1,k)*a(k), a(0) = 1",
		"a(n) = Sum_{k=1..n-1} binomial(n-2,k-1)*a(k), a(1) = 1"}},
	{regexp.MustCompile(`^pell(?:-| )lucas|^companion pell`), []string{
		"a(n) = 2*a(n-1) + a(n-2), a(0) = 2, a(1) = 2",
		"a(n) = 2*a(n-1) + a(n-2) for n > 2, a(1) = 2, a(2) = 2"}},
	{regexp.MustCompile(`^pell`), []string{
		"a(n) = 2*a(n-1) + a(n-2), a(0) = 0, a(1) = 1",
		"a(n) = 2*a(n-1) + a(n-2) for n > 2, a(1) = 0, a(2) = 1"}},
	{regexp.MustCompile(`^jacobsthal`), []string{
		"a(n) = a(n-1) + 2*a(n-2), a(0) = 0, a(1) = 1",
		"a(n) = a(n-1) + 2*a(n-2) for n > 2, a(1) = 0, a(2) = 1"}},
	{regexp.MustCompile(`^padovan`), []string{
		"a(n) = a(n-2) + a(n-3), a(0) = 1, a(1) = 1, a(2) = 1",
		"a(n) = a(n-2) + a(n-3) for n > 3, a(1) = 1, a(2) = 1, a(3) = 1"}},
	{regexp.MustCompile(`^perrin`), []string{
		"a(n) = a(n-2) + a(n-3), a(0) = 3, a(1) = 0, a(2) = 2",
		"a(n) = a(n-2) + a(n-3) for n > 3, a(1) = 3, a(2) = 0, a(3) = 2"}},
}

var (
	// "n-th Catalan number", "Catalan number n", "the Bell number of n",
	// "term n of the Pell sequence"
	reA3NamedNth = regexp.MustCompile(`^(?:n-th )?([a-z]+(?:(?:-| )lucas)?) (?:number|numbers) (?:n|of n|number n|at n|at index n|with index n)$|^n-th ([a-z]+(?:(?:-| )lucas)?) number$|^(?:n-th term|term n|element n|n-th element|value at n) (?:of|in) the ([a-z]+(?:(?:-| )lucas)?) (?:sequence|series|numbers)$|^([a-z]+(?:(?:-| )lucas)?) (?:sequence|series) (?:at|term|value at|element) n$`)
	// "number of derangements of n items", "subfactorial of n"
	reA3Derange = regexp.MustCompile(`^(?:number of derangements (?:of|on) n(?: (?:items|objects|elements|things|letters|cards|people|points))?|subfactorial(?: of)? n|n-th derangement number|derangements of n(?: (?:items|objects|elements|things))?|number of permutations of n (?:items|objects|elements|things|letters) (?:with|having) no fixed points?)$`)
)

// asked3Named reads a sequence asked for by name (a3Named), or the
// derangements of n.
func (c *collector) asked3Named(s string) bool {
	before := len(c.out)
	if reA3Derange.MatchString(s) {
		c.read("a(n) = (n-1)*(a(n-1) + a(n-2)), a(0) = 1, a(1) = 0")
		return len(c.out) > before
	}
	m := reA3NamedNth.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	name := strings.TrimSpace(m[1] + m[2] + m[3] + m[4])
	for _, nd := range a3Named {
		if !nd.re.MatchString(name) {
			continue
		}
		if loc := nd.re.FindStringIndex(name); loc[1] != len(name) && name[loc[1]:] != "'s" {
			return false // "pellx": no name of the table
		}
		for _, d := range nd.defs {
			c.read(d)
		}
		break
	}
	return len(c.out) > before
}

var (
	// "sum of the first n primes"
	reA3FirstN = regexp.MustCompile(`^(?:sum|total) of (?:the )?first n ([a-z][a-z -]*[a-z])$`)
	// "the next prime after n", "the previous prime before n"
	reA3NextPrime = regexp.MustCompile(`^(?:next|first|smallest) prime (after|greater than|bigger than|larger than|above)( or equal to)? n$|^(?:previous|last|largest) prime (before|less than|smaller than|below)( or equal to)? n$`)
	// "number of zeros in the binary representation of n" (asked3Canon's)
	reA3DigitCount = regexp.MustCompile(`^number of (zeros|zeroes|0s|0's|zero digits|ones|1s|1's|one digits) (?:(?:are|is|appear|occur) )?(?:of|in) n in base (\d+)$|^number of (0 bits|zero bits|0-bits) (?:(?:are|is) )?(?:of|in) n(?: in base 2)?$`)
	// "how many numbers up to n are coprime to n"
	reA3Coprime = regexp.MustCompile(`^number of (?:positive )?(?:numbers|integers|k) (?:(?:that are|which are) )?(?:up to|<=|not exceeding|at most|less than or equal to|from 1 to) n,? (?:that |which )?(?:are )?(?:coprime|relatively prime|co-prime) (?:to|with) n$`)
)

// asked3Names reads what the names write in other words: "sum of the
// first n X" as the names write it, "the next prime after n" as "Smallest prime > n", the
// zeros or ones of n in a base as a digit count, "how many numbers up to
// n are coprime to n" as phi(n).
func (c *collector) asked3Names(s string) bool {
	before := len(c.out)
	switch {
	case reA3FirstN.MatchString(s):
		if reA3PowSum.MatchString(s) {
			return false // "the first n cubes": asked3PowerSums'
		}
		// "Sum of the first n primes", as the names write it ("Partial
		// sums of X" is no reading: Sum_{k=0..n} X(k) is n+1 terms)
		c.read(capitalized(s))
	case reA3NextPrime.MatchString(s):
		m := reA3NextPrime.FindStringSubmatch(s)
		switch {
		case m[1] != "" && m[2] == "":
			c.read("Smallest prime > n")
		case m[1] != "":
			c.read("Smallest prime >= n")
		case m[4] == "":
			c.read("Largest prime < n")
		default:
			c.read("Largest prime <= n")
		}
	case reA3DigitCount.MatchString(s):
		m := reA3DigitCount.FindStringSubmatch(s)
		if m[3] != "" {
			m[1], m[2] = m[3], "2" // bits
		}
		b, err := strconv.ParseInt(m[2], 10, 64)
		if err != nil || b < 2 || b > 1<<16 {
			return false
		}
		d := int64(0)
		if strings.HasPrefix(m[1], "one") || strings.HasPrefix(m[1], "1") {
			d = 1
		}
		c.add(s, call("digcount", vr("n"), num(b), num(d)))
	case reA3Coprime.MatchString(s):
		c.read("a(n) = phi(n)")
	}
	return len(c.out) > before
}
