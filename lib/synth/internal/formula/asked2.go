package formula

// Requests as people write them, second part (asked2*.go): what readAsked's
// rewrites leave unread, read through the OEIS readers or as a formula
// the request pins down.
//
//   - "the n-th X" / "n-th X" / "the k'th X": the list X, written as the
//     names are ("Pentagonal numbers", "Primes", "Palindromes in base
//     10"); the list's readers offer both index conventions and the
//     examples choose.
//   - digits chosen by a kind: "how many even digits n has", "number of
//     zeros in n", "sum of the odd digits of n", "sum of the cubes of the
//     digits of n": Sum over the digits d of the kind of w(d) *
//     digcount(n, 10, d), exact at every n >= 0.
//   - functions of n the names write otherwise: "digital root of n",
//     "double factorial of n" / "n!!", "number of trailing zeros of n
//     factorial" / "of n!" and "exponent of the prime p in n!"
//     (Legendre: (n - digit sum of n in base p)/(p-1)).
//   - multiples and rounding by a constant m: "n rounded down / up to a
//     multiple of m", "the largest / smallest multiple of m that is <= /
//     >= n", "distance from n to the nearest multiple of m", "n divided
//     by m, rounded up".
//
// A request is first put in one form: a leading "what is" / "compute" /
// "find" and "the" dropped, a closing "?" or "." dropped, and its one
// operand letter called n (operandN). Anything else gives no candidate.

import (
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// readAsked2 reads text by the rules above when nothing else read it; a
// candidate names the whole text as its source.
func (c *collector) readAsked2(text string) {
	if len(c.out) > 0 {
		return
	}
	s := askedForm(text)
	if s == "" {
		return
	}
	steps := []func(){
		func() { // asked2_words.go: "digit sum of n", "n factorial"
			switch name := askedWordsName(s); name {
			case "":
			case "tribonacci":
				c.readTribonacci()
			default:
				c.read(name)
			}
		},
		func() {
			for _, a := range nthListForms(s) {
				if c.read(a); len(c.out) > 0 {
					break
				}
			}
		},
		func() {
			if b := betweenForm(s); b != "" {
				c.read(b)
			}
		},
		func() {
			if t := askedText(s); t != "" {
				c.read(t)
			}
		},
		func() {
			if x := askedFunction(s); x != nil {
				c.add(text, x)
			}
		},
		func() { // "compute fib(n)", "what is the number of divisors of n"
			if x, ok := parseN(s); ok {
				c.add(text, x)
			} else if s != strings.ToLower(strings.TrimSpace(text)) {
				c.readRewritten(capitalized(s), askedRewrites)
			}
		},
	}
	for _, step := range steps {
		if len(c.out) > 0 {
			break
		}
		step()
	}
	for i := range c.out {
		if !strings.Contains(text, c.out[i].Source) {
			c.out[i].Source = strings.TrimSpace(text)
		}
	}
}

var (
	reAskLead  = regexp.MustCompile(`(?i)^(?:(?:what is|what's|compute|calculate|find|give|return|get|output)\s+)?(?:the\s+)?`)
	reAskTrail = regexp.MustCompile(`\s*[?.]+\s*$`)
	reSpaces   = regexp.MustCompile(`\s+`)
	reOrdinal  = regexp.MustCompile(`\b([a-z])(?:th|'th)\b`) // "nth", "k'th": "n-th", "k-th"
)

// askedForm is text in the one form the rules read (lower case, its
// operand n), or "" when it is no request about one operand.
func askedForm(text string) string {
	s := reSpaces.ReplaceAllString(strings.TrimSpace(text), " ")
	s = reAskTrail.ReplaceAllString(s, "")
	s = reAskLead.ReplaceAllString(s, "")
	s = strings.ToLower(s)
	s = reOrdinal.ReplaceAllString(s, "$1-th")
	s = operandN(s)
	if !regexp.MustCompile(`\bn\b`).MatchString(s) {
		return ""
	}
	return s
}

// reNthList: "n-th X" (askedForm wrote "nth" and "n'th" so; the leading
// "the" is gone).
var reNthList = regexp.MustCompile(`^n-th ([a-z][a-z0-9 '-]*[a-z0-9])$`)

// nthListForms is the names "the n-th X" may be written as: the plural of
// X capitalized ("Pentagonal numbers", "Primes"), X's plural without
// "number" ("Squares"), and each in base 10 ("Palindromes in base 10");
// nil when s is no "n-th X".
func nthListForms(s string) []string {
	m := reNthList.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	x := m[1]
	if strings.HasPrefix(x, "term of ") || strings.Contains(x, " of ") && !strings.HasPrefix(x, "power of ") {
		return nil // "n-th term of ...", "n-th digit of ...": no list named
	}
	var out []string
	add := func(p string) {
		if p != "" {
			out = append(out, capitalized(p))
		}
	}
	switch {
	case strings.HasPrefix(x, "number that is ") || strings.HasPrefix(x, "number which is "):
		add("numbers that are " + x[strings.Index(x, " is ")+4:])
	case strings.HasPrefix(x, "number that ") || strings.HasPrefix(x, "number which "):
		return nil // a verb phrase to make plural: left to the names' own wording
	case strings.HasPrefix(x, "number "):
		add("numbers " + x[len("number "):]) // "number divisible by 3"
	default:
		p := pluralWord(x)
		if head, tail, ok := strings.Cut(x, " of "); ok {
			p = pluralWord(head) + " of " + tail // "power of 2": "Powers of 2"
		}
		add(p)
		if base, ok := strings.CutSuffix(x, " number"); ok {
			add(pluralWord(base))
		}
		add(p + " in base 10")
	}
	return out
}

// pluralWord is x with its last word (or, for "X number", "number") made
// plural; "" for a word it does not know how to.
func pluralWord(x string) string {
	i := strings.LastIndexByte(x, ' ')
	head, w := x[:i+1], x[i+1:]
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return head + w + "es"
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return head + w[:len(w)-1] + "ies"
	}
	return head + w + "s"
}

// askedFunction reads s (askedForm's) as one of the functions of n above,
// or nil.
func askedFunction(s string) *node {
	for _, r := range askedFunctions {
		if m := r.re.FindStringSubmatch(s); m != nil {
			if x := r.make(m); x != nil {
				return x
			}
			return nil
		}
	}
	return nil
}

// askedFn: a request's shape and the formula its groups make (nil: none).
type askedFn struct {
	re   *regexp.Regexp
	make func(m []string) *node
}

var askedFunctions = []askedFn{
	// digits chosen by a kind
	{regexp.MustCompile(`^(?:how many|number of|count of|count the|count) (even|odd|nonzero|non-zero|zero|prime|composite)? ?digits (?:does n have|n has|of n|in n|are in n|are there in n)$`), func(m []string) *node {
		return digitSum(digitKind(m[1]), func(int64) int64 { return 1 })
	}},
	{regexp.MustCompile(`^(?:how many|number of|count of|count the|count) (zeros|zeroes|0s|0's|ones|1s|1's|twos|2s|2's|threes|3s|3's|fours|4s|4's|fives|5s|5's|sixes|6s|6's|sevens|7s|7's|eights|8s|8's|nines|9s|9's) (?:does n have|n has|(?:are )?in n|(?:are )?in the (?:decimal )?(?:digits|representation|expansion) of n)$`), func(m []string) *node {
		d := digitWord(m[1])
		return digitSum(func(v int64) bool { return v == d }, func(int64) int64 { return 1 })
	}},
	{regexp.MustCompile(`^(?:how many times (?:does )?the digit ([0-9]) (?:appears?|occurs?) in n|number of times the digit ([0-9]) (?:appears|occurs) in n)$`), func(m []string) *node {
		d, _ := strconv.ParseInt(m[1]+m[2], 10, 64)
		return digitSum(func(v int64) bool { return v == d }, func(int64) int64 { return 1 })
	}},
	{regexp.MustCompile(`^(?:sum|total) of (?:all )?(?:the )?(even|odd|nonzero|non-zero|prime)? ?digits (?:of|in) n$`), func(m []string) *node {
		if m[1] == "" {
			return nil // the digit sum: the names' own reading
		}
		return digitSum(digitKind(m[1]), func(d int64) int64 { return d })
	}},
	{regexp.MustCompile(`^(?:sum|total) of (?:the )?(squares|cubes|fourth powers|fifth powers|(\d)(?:st|nd|rd|th) powers) of (?:all )?(?:the )?(?:decimal )?digits (?:of|in) n$`), func(m []string) *node {
		k := map[string]int64{"squares": 2, "cubes": 3, "fourth powers": 4, "fifth powers": 5}[m[1]]
		if m[2] != "" {
			k, _ = strconv.ParseInt(m[2], 10, 64)
		}
		if k < 1 || k > 9 {
			return nil
		}
		return digitSum(func(int64) bool { return true }, func(d int64) int64 { return digitPow(d, k) })
	}},
	// functions the names write otherwise
	{regexp.MustCompile(`^(?:absolute value|magnitude|abs) of n$`), func([]string) *node {
		return must(parseN("abs(n)"))
	}},
	{regexp.MustCompile(`^(?:sign|signum|sgn) of n(?:(?::|,)? (?:as )?\(?-1, 0,? or \+?1\)?)?$`), func([]string) *node {
		return bin(kSub, and(gt(vr("n"), num(0)), num(1)), and(gt(num(0), vr("n")), num(1)))
	}},
	{regexp.MustCompile(`^(?:(?:repeated|iterated|additive) )?digital root of n$`), func([]string) *node {
		return and(gt(vr("n"), num(0)), must(parseN("1 + ((n - 1) mod 9)")))
	}},
	{regexp.MustCompile(`^(?:(?:number of )?trailing zeros?(?:es)? (?:of|in) n(?: ?!| factorial)|how many (?:trailing )?zeros? (?:does )?n(?: ?!| factorial) (?:end in|ends? with|has|have)|(?:number of )?zeros? at the end of n(?: ?!| factorial))$`), func([]string) *node {
		return legendre(5)
	}},
	{regexp.MustCompile(`^(?:exponent|power|multiplicity) of (?:the prime )?(\d+) in (?:the prime factorization of )?n(?: ?!| factorial)$`), func(m []string) *node {
		p, err := strconv.ParseInt(m[1], 10, 64)
		if err != nil || p > 1000 || !isSmallPrime(p) {
			return nil
		}
		return legendre(p)
	}},
	// multiples and rounding by a constant
	{regexp.MustCompile(`^(?:n rounded down|round n down|n floored) to (?:the nearest |the next |a )?multiple of (\d+)$`), func(m []string) *node {
		return askedMultiple(m[1], "M*floor(n/M)")
	}},
	{regexp.MustCompile(`^(?:largest|greatest|biggest) multiple of (\d+) (?:that is |which is )?(?:<=|at most|not (?:greater|larger|bigger) than|not exceeding|less than or equal to) n$`), func(m []string) *node {
		return askedMultiple(m[1], "M*floor(n/M)")
	}},
	{regexp.MustCompile(`^(?:n rounded up|round n up) to (?:the nearest |the next |a )?multiple of (\d+)$`), func(m []string) *node {
		return askedMultiple(m[1], "M*ceiling(n/M)")
	}},
	{regexp.MustCompile(`^(?:smallest|least) multiple of (\d+) (?:that is |which is )?(?:>=|at least|not (?:less|smaller) than|greater than or equal to) n$`), func(m []string) *node {
		return askedMultiple(m[1], "M*ceiling(n/M)")
	}},
	{regexp.MustCompile(`^(?:distance|difference) (?:from|between) n (?:to|and) (?:the )?(?:nearest|closest) multiple of (\d+)$`), func(m []string) *node {
		return askedMultiple(m[1], "min(n mod M, M - (n mod M))")
	}},
	{regexp.MustCompile(`^n (?:divided by|over) (\d+),? rounded (down|up)$`), func(m []string) *node {
		if m[2] == "down" {
			return askedMultiple(m[1], "floor(n/M)")
		}
		return askedMultiple(m[1], "ceiling(n/M)")
	}},
}

// must is x when ok, else nil.
func must(x *node, ok bool) *node {
	if !ok {
		return nil
	}
	return x
}

// askedMultiple is f with each M the constant m (2 <= m <= 10^6), parsed in
// n.
func askedMultiple(m, f string) *node {
	v, err := strconv.ParseInt(m, 10, 64)
	if err != nil || v < 2 || v > 1_000_000 {
		return nil
	}
	return must(parseN(strings.ReplaceAll(f, "M", strconv.FormatInt(v, 10))))
}

// legendre is the exponent of the prime p in n!: (n - s_p(n))/(p - 1),
// s_p the digit sum in base p (n >= 0).
func legendre(p int64) *node {
	x := must(parseN("(n - digsumbase(n, " + strconv.FormatInt(p, 10) + "))/" + strconv.FormatInt(p-1, 10)))
	if x == nil {
		return nil
	}
	return and(&node{k: kCmp, name: ">=", kids: []*node{vr("n"), num(0)}}, x)
}

func isSmallPrime(p int64) bool {
	if p < 2 {
		return false
	}
	for d := int64(2); d*d <= p; d++ {
		if p%d == 0 {
			return false
		}
	}
	return true
}

func digitPow(d, k int64) int64 {
	r := int64(1)
	for ; k > 0; k-- {
		r *= d
	}
	return r
}

// digitKind is the decimal digits a kind names.
func digitKind(kind string) func(int64) bool {
	switch kind {
	case "even":
		return func(d int64) bool { return d%2 == 0 }
	case "odd":
		return func(d int64) bool { return d%2 == 1 }
	case "nonzero", "non-zero":
		return func(d int64) bool { return d != 0 }
	case "zero":
		return func(d int64) bool { return d == 0 }
	case "prime":
		return func(d int64) bool { return d == 2 || d == 3 || d == 5 || d == 7 }
	case "composite":
		return func(d int64) bool { return d == 4 || d == 6 || d == 8 || d == 9 }
	}
	return func(int64) bool { return true }
}

// digitWord is the digit "zeros", "3s", "sevens" count.
func digitWord(w string) int64 {
	if w[0] >= '0' && w[0] <= '9' {
		return int64(w[0] - '0')
	}
	for d, p := range []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"} {
		if strings.HasPrefix(w, p) || d == 6 && strings.HasPrefix(w, "six") {
			return int64(d)
		}
	}
	return -1
}

// digitSum is Sum over the decimal digits d of n with keep(d) of w(d):
// Sum_{d=0..9, keep(d), w(d) != 0} w(d)*digcount(n, 10, d).
func digitSum(keep func(int64) bool, w func(int64) int64) *node {
	var x *node
	for d := int64(0); d <= 9; d++ {
		if !keep(d) || w(d) == 0 {
			continue
		}
		t := call("digcount", vr("n"), num(10), num(d))
		if w(d) != 1 {
			t = bin(kMul, num(w(d)), t)
		}
		if x == nil {
			x = t
		} else {
			x = bin(kAdd, x, t)
		}
	}
	return x
}

func init() {
	// pred.go's adjectives: "1 if n is a palindrome, else 0", "is n
	// palindromic?"
	palindrome := func(e *node) *node {
		return and(&node{k: kCmp, name: ">=", kids: []*node{e, num(0)}}, eq(call("rev", e, num(10)), e))
	}
	for _, a := range []string{"a palindrome", "palindromic", "a palindromic number", "a palindrome in base 10", "a decimal palindrome"} {
		isAdjectives[a] = palindrome
	}
}

// reRounded: "X, rounded down" / "X rounded up to an integer".
var reRounded = regexp.MustCompile(`(?i)^(.+?),? (?:rounded|round) (down|up)(?: to (?:the nearest |an |a whole )?(?:integer|whole number))?$`)

// roundedWords is "X, rounded down" as "floor(X)" and "X, rounded up" as
// "ceiling(X)" (askedRewrites, before arithmeticWords reads "divided
// by"); t itself otherwise.
func roundedWords(t string) string {
	m := reRounded.FindStringSubmatch(strings.TrimRight(t, ".? "))
	if m == nil {
		return t
	}
	if strings.EqualFold(m[2], "down") {
		return "floor(" + m[1] + ")"
	}
	return "ceiling(" + m[1] + ")"
}

// reBetween: "difference between the largest and smallest digit of n".
var reBetween = regexp.MustCompile(`^(difference|sum|product) (?:between|of) (?:the )?([a-z]+) and (?:the )?([a-z]+) ([a-z][a-z ]*) of n$`)

// betweenForm is "difference between the A and B X of n" as "A X of n
// minus B X of n" (and "sum of", "product of" with plus and times); ""
// otherwise.
func betweenForm(s string) string {
	m := reBetween.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	op := map[string]string{"difference": " minus ", "sum": " plus ", "product": " times "}[m[1]]
	syn := func(w string) string { // the names' words for the extremes
		switch w {
		case "biggest", "highest", "maximum":
			return "largest"
		case "lowest", "minimum":
			return "smallest"
		}
		return w
	}
	return capitalized(syn(m[2]) + " " + m[4] + " of n" + op + syn(m[3]) + " " + m[4] + " of n")
}

// reYesNoPlain: a question followed by the answer it wants, unbracketed:
// "is n a palindrome? 1 or 0", "is n prime? answer 1 or 0".
var reYesNoPlain = regexp.MustCompile(`(?i)^(is .+?)\?\s*(?:(?:answer|return|output|give|print)(?: with)? )?(?:1 or 0|0 or 1|1/0|0/1|1 for yes,? 0 for no)\s*\.?$`)

// yesNoPlain is such a question as one that ends in "?" (which question
// reads); t itself otherwise.
func yesNoPlain(t string) string {
	if m := reYesNoPlain.FindStringSubmatch(strings.TrimSpace(t)); m != nil {
		return m[1] + "?"
	}
	return t
}

// askedTexts: requests the names write in other words, each with the
// words they are read in ("" from make: none).
var askedTexts = []struct {
	re   *regexp.Regexp
	make func(m []string) string
}{
	{regexp.MustCompile(`^(?:double factorial of n|n ?!!)$`), func([]string) string {
		return "a(n) = n*a(n-2) for n > 1, a(0) = a(1) = 1"
	}},
	// "sum of all divisors of n": "Sum of the divisors of n"
	{regexp.MustCompile(`^((?:sum|number|count|product) of )all (?:the )?([a-z].* of n)$`), func(m []string) string {
		return capitalized(m[1] + "the " + m[2])
	}},
	// "1 if n is even, 0 if it is odd": the second case the complement of
	// the first
	{regexp.MustCompile(`^1 if n is ([a-z][a-z ]*?),? (?:and )?0 if (?:it is|n is|it's) (?:not ([a-z][a-z ]*)|([a-z][a-z ]*))$`), func(m []string) string {
		if m[2] == m[1] || m[1] == "even" && m[3] == "odd" || m[1] == "odd" && m[3] == "even" {
			return "1 if n is " + m[1] + ", else 0"
		}
		return ""
	}},
}

// askedText is s in the words the names use, or "".
func askedText(s string) string {
	for _, t := range askedTexts {
		if m := t.re.FindStringSubmatch(s); m != nil {
			return t.make(m)
		}
	}
	return ""
}

// reAskedPowerLE: "largest power of 2 that is not bigger than n", "the
// highest power of 3 <= n" (askedForm's, after comparatives).
var reAskedPowerLE = regexp.MustCompile(`^(?:largest|greatest|highest|biggest) power of (\d+|two|three|ten) (?:that is |which is )?(?:<=|not exceeding) n$`)

// askedFirst reads "the largest power of b that is <= n" as b^(the
// number of base-b digits of n, minus 1) for n >= 1 (0 at n <= 0, where
// no power is), before the other readers: their reading scans down from
// n, past the fuel far from the examples. It reports whether it read.
func (c *collector) askedFirst(text string) bool {
	s := comparatives(askedForm(text))
	m := reAskedPowerLE.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	b, ok := map[string]int64{"two": 2, "three": 3, "ten": 10}[m[1]]
	if !ok {
		v, err := strconv.ParseInt(m[1], 10, 64)
		if err != nil || v < 2 || v > 1<<16 {
			return false
		}
		b = v
	}
	n := vr("n")
	c.add(text, and(gt(n, num(0)), bin(kPow, num(b), bin(kSub, call("ndigits", n, num(b)), num(1)))))
	return len(c.out) > 0
}

// farPoints are where a request's candidates are checked beyond the
// readers' own range (n = 0..scanN): people ask for n up to 10^5 or 10^6,
// where a product may wrap before its division ("the n-th pentagonal
// number", n(3n-1)/2 at n = 27741) or a scan run out of fuel.
// (1300 and 1900 past the cubes' and the sums of squares' wrap, 40000 to
// 60000 between the squares' wrap at 46341 and C(n,2)'s end at 65536:
// n(n+1)/2 in its binomial basis was wrong at 47841 but right at both
// ends; fuel3)
var farPoints = []int64{150, 300, 500, 1000, 1300, 1900, 3000, 10_000, 30_000, 40_000, 46_341, 50_000, 60_000, 65_536, 100_000, 1_000_000}

// farSteps bounds the exact evaluator at one far point: a value it
// cannot reach within them is not checked there.
const farSteps = 100_000

// farFuel: up to this n a program must run within the fuel (whether or
// not the exact value is known there); beyond it only a wrong value drops
// it.
const farFuel = 1000

// farCheck keeps, of the candidates from out[from:], those whose program
// gives the exact value at every far point where that value is an integer
// in i32 (a program that runs out of fuel there, up to farFuel, is
// dropped); a candidate
// whose formula was not kept (c.forms) is kept as it is.
// With keep, a candidate that fails there and has no lowering that
// passes stays as it was (what the text says as written).
func (c *collector) farCheck(from int, keep bool) {
	kept := c.out[:from]
	for _, cand := range c.out[from:] {
		x := c.forms[cand.Expr]
		if x == nil || farAgrees(x, cand.Ops) {
			kept = append(kept, cand)
		} else if ops := c.ringLowering(x); ops != nil {
			cand.Ops = ops
			kept = append(kept, cand)
		} else if keep {
			kept = append(kept, cand)
		}
	}
	c.out = kept
}

// ringLowering is x lowered in its binomial basis with binomials in
// exact steps (n(3n-1)/2 as 3*C(n,2) + n, which wraps nowhere a term
// fits), when that agrees with x near 0 and at the far points; else nil.
func (c *collector) ringLowering(x *node) []ir.Op {
	y, ok := binomialBasis(x)
	if !ok {
		return nil
	}
	z, ok := normalize(y, false)
	if !ok {
		return nil
	}
	ops, err := lowerWith(z, true)
	if err != nil || !agrees(x, ops, c.lists) || !farAgrees(x, ops) {
		return nil
	}
	return ops
}

// farAgrees runs ops beside the exact evaluator at farPoints.
func farAgrees(x *node, ops []ir.Op) bool {
	e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
	if err != nil {
		return false
	}
	for _, n := range farPoints {
		if _, err := e.Run([]int32{int32(n)}, ir.DefaultFuel); n <= farFuel && err != nil {
			return false // out of fuel (or trapped) where a request is still about its terms
		}
	}
	var v evaluator
	for _, n := range farPoints {
		v.steps = farSteps
		r, err := v.evalAt(x, map[string]*big.Rat{"n": ratInt(n)})
		if err == errBudget {
			break // the points further out cost more still
		}
		if err != nil || !r.IsInt() || !r.Num().IsInt64() || r.Num().Int64() > 1<<31-1 || r.Num().Int64() < -1<<31 {
			continue
		}
		got, err := e.Run([]int32{int32(n)}, ir.DefaultFuel)
		if err != nil && n > farFuel {
			continue // a scan past the fuel this far out: a request about so many terms is rare
		}
		if err != nil || int64(got) != r.Num().Int64() {
			return false
		}
	}
	return true
}
