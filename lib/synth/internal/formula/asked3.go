package formula

// Requests as people write them, third part (asked3*.go): families of
// requests about one operand that the rewrites of asked.go and the rules
// of asked2.go leave unread, each read as a construction, not a wording:
//
//   - counts, sums and products over a kind of number in a range ending at
//     n: "how many primes are there up to n", "count the squares below n",
//     "sum of all multiples of 3 or 5 below n", "product of the odd numbers
//     up to n". Multiples of one or more constants (and the even and odd
//     numbers, the squares) are closed forms, exact at every n (inclusion
//     and exclusion over the constants; "multiples of 3 and 5" is offered
//     both as "of 3 or 5" and as "of both", which the examples tell
//     apart); a count of multiples or squares is offered from 1 and from
//     0 (the examples choose); any other kind is read as the names write
//     it, "Number of primes <= n", by the list readers (ops3_range.go,
//     count_list.go).
//   - the length of n in a base: "number of bits needed to write n in
//     binary", "how many digits does n have in base 7" (bits: 0 at n = 0,
//     as bit_length; digits: 1 at n = 0, the digit "0").
//   - trailing digits of n in a base: "number of trailing zeros of n in
//     binary" (the exponent of b in n; n != 0), "trailing ones of n in
//     binary" (the exponent of 2 in n+1).
//   - integer k-th roots rounded down or up: "the integer cube root of n,
//     rounded down", "fourth root of n rounded up" (a scan from 0 to the
//     root: cheap up to n = 2^31).
//
// A request is askedForm's form (asked2.go). A candidate names the whole
// text as its source; what is read is far-checked (asked2.go's farCheck)
// like every request.

import (
	"regexp"
	"strconv"
	"strings"
)

// readAsked3 reads text by the rules above; it reports whether it added a
// candidate.
func (c *collector) readAsked3(text string) bool {
	s := askedForm(text)
	if s == "" {
		return false
	}
	s = asked3Canon(s)
	from := len(c.out)
	seen := make(map[string]bool, len(c.seen))
	for k, v := range c.seen {
		seen[k] = v
	}
	named := reA3NamedNth.MatchString(s)
	for _, read := range []func(string) bool{c.asked3Named, c.asked3DivDigits, c.asked3PowerSums, c.asked3Range, c.asked3Length, c.asked3Trailing, c.asked3Valuation, c.asked3Root, c.asked3Last, c.asked3Names} {
		if read(s) {
			if !named {
				// (a named sequence leaves i32 by n = 25: its recurrence,
				// quadratic in memory for Catalan or Bell numbers, is not
				// run out to n = 1000)
				c.farCheck(from, false)
			}
			break
		}
	}
	for i := from; i < len(c.out); i++ {
		c.out[i].Source = strings.TrimSpace(text)
	}
	if len(c.out) == from {
		c.seen = seen // what was tried here and refused may still be read as written
	}
	return len(c.out) > from
}

// asked3CanonList: one way of writing each phrase the rules read.
var asked3CanonList = []rewrite{
	{regexp.MustCompile(`^(?:how many|count of|count the|count all(?: the)?|count|the number of|total number of|total count of)\b`), "number of"},
	{regexp.MustCompile(`\b(?:does n have|does n contain|n has|are there in n|are in n|appear in n|occur in n)\b`), "of n"},
	{regexp.MustCompile(`\b(?:in|of) (?:the )?(binary|decimal|ternary|octal|hexadecimal|base[- ]?\d+) (?:representation|expansion|form|notation|writing|numeral) of n\b`), "of n in $1"},
	{regexp.MustCompile(`\bn,? (?:when |if )?(?:written |represented |expressed |shown )?(?:in|as a) (binary|decimal|ternary|octal|hexadecimal|base[- ]?\d+)(?: number| numeral| notation| representation)?\b`), "n in $1"},
	{regexp.MustCompile(`\bin (?:binary|base two|base-two)\b`), "in base 2"},
	{regexp.MustCompile(`\bin (?:ternary|base three)\b`), "in base 3"},
	{regexp.MustCompile(`\bin octal\b`), "in base 8"},
	{regexp.MustCompile(`\bin decimal\b`), "in base 10"},
	{regexp.MustCompile(`\bin hexadecimal\b`), "in base 16"},
	{regexp.MustCompile(`\bin base[- ](\d+)\b`), "in base $1"},
}

// asked3Canon is s with the phrases of asked3CanonList written one way.
func asked3Canon(s string) string { return rewriteAll(s, asked3CanonList) }

// a3Rel: how a request says where its range ends ("up to n", "below n").
const a3Rel = `(up to and including|up to|through|to|below|under|less than or equal to|less than|smaller than|lower than|not exceeding|not greater than|not larger than|not bigger than|not more than|not above|no more than|no greater than|no larger than|at most|<=|<|from 1 to|from 1 up to|from 1 through|from 0 to|from 0 up to|between 1 and|between 0 and)`

var (
	reA3Count = regexp.MustCompile(`^number of (?:all )?(?:the )?(.+?) (?:(?:that )?(?:are there|there are|are|exist|lie|appear|occur) )?` + a3Rel + ` n(?: inclusive)?(?: (?:are there|there are))?$`)
	reA3Agg   = regexp.MustCompile(`^(sum|total|add up|add|product|multiply) (?:of )?(?:all )?(?:the )?(.+?) (?:(?:that|which) (?:are|lie) )?` + a3Rel + ` n(?: inclusive)?$`)
	// "multiples of 3 or 5", "numbers divisible by 3 and 7", "even numbers"
	reA3Mult = regexp.MustCompile(`^(?:positive |nonnegative |non-negative )?(?:multiples of|(?:numbers|integers|whole numbers|natural numbers|positive integers|values) (?:(?:that are |which are )?divisible by|(?:that are |which are )?multiples of)) (\d+(?:(?:,| or| and|, or|, and) (?:by )?\d+)*)$`)
)

// a3Inclusive reports whether a range ending "rel n" takes n in.
func a3Inclusive(rel string) bool {
	switch rel {
	case "below", "under", "less than", "smaller than", "lower than", "<":
		return false
	}
	return true
}

// reA3Where: "number of integers below n that are divisible by 3 or 5",
// "sum of all the numbers below n that are multiples of 3 or 5": the
// range before the kind.
var reA3Where = regexp.MustCompile(`^(number|sum|total|add up|add|product|multiply) of (?:all )?(?:the )?(?:numbers|integers|positive integers|natural numbers|whole numbers) ` + a3Rel + ` n,? (?:(?:that |which )?(?:are|is) )?(divisible by .+|multiples of .+|even|odd|prime|primes|prime numbers|perfect squares|squares)$`)

// a3WhereKind: the kinds reA3Where names, as the lists are named.
var a3WhereKind = map[string]string{"even": "even numbers", "odd": "odd numbers", "prime": "primes", "primes": "primes", "prime numbers": "primes", "perfect squares": "squares", "squares": "squares"}

// asked3Range reads counts, sums and products over a kind in a range
// ending at n.
func (c *collector) asked3Range(s string) bool {
	if m := reA3Where.FindStringSubmatch(s); m != nil {
		kind := a3WhereKind[m[3]]
		if kind == "" {
			kind = "numbers " + m[3] // "numbers divisible by 3 or 5"
		}
		s = m[1] + " of " + kind + " " + m[2] + " n"
	}
	var op, kind, rel string
	if m := reA3Count.FindStringSubmatch(s); m != nil {
		op, kind, rel = "number", m[1], m[2]
	} else if m := reA3Agg.FindStringSubmatch(s); m != nil {
		op, kind, rel = m[1], m[2], m[3]
		switch op {
		case "total", "add up", "add":
			op = "sum"
		case "multiply":
			op = "product"
		}
	} else {
		return false
	}
	if strings.HasPrefix(rel, "between ") && !strings.HasSuffix(s, "inclusive") {
		return false // "between 1 and n": whether n counts is not said
	}
	incl := a3Inclusive(rel)
	fromOne := strings.HasSuffix(rel, " 1 to") || strings.HasSuffix(rel, " 1 up to") || strings.HasSuffix(rel, " 1 through") || rel == "between 1 and"
	kind = strings.TrimSpace(kind)
	// N: the largest number the range takes (max(N, 0): M)
	N := "n"
	if !incl {
		N = "(n-1)"
	}
	M := "max(" + N + ", 0)"
	from := len(c.out)
	add := func(f string) {
		if x, ok := parseN(f); ok {
			c.add(s, x)
		}
	}
	if ks, and, ok := a3Multiples(kind); ok {
		sets := [][]int64{ks} // "or": the union
		if and && len(ks) > 1 {
			sets = append(sets, []int64{a3Lcm(ks)}) // "and": also the multiples of all
		}
		for _, ks := range sets {
			switch op {
			case "number":
				f := a3Union(ks, func(l string) string { return "floor(" + M + "/" + l + ")" })
				add(f)
				if !fromOne {
					add(f + " + min(max(" + N + " + 1, 0), 1)") // 0 is a multiple too
				}
			case "sum":
				add(a3Union(ks, func(l string) string {
					q := "floor(" + M + "/" + l + ")"
					return l + "*binomial(" + q + " + 1, 2)" // exact steps: no wrap before the division
				}))
			}
		}
		return len(c.out) > from
	}
	switch kind {
	case "odd numbers", "odd integers", "odd positive integers", "positive odd numbers", "positive odd integers", "odd natural numbers", "odds":
		q := "(" + M + " - floor(" + M + "/2))"
		switch op {
		case "number":
			add(q)
		case "sum":
			add(q + "^2")
		}
		if op != "product" {
			return len(c.out) > from
		}
	case "squares", "perfect squares", "square numbers", "positive squares":
		q := "floor(sqrt(" + M + "))"
		switch op {
		case "number":
			add(q)
			if kind != "positive squares" && !fromOne {
				add(q + " + min(max(" + N + " + 1, 0), 1)") // 0 = 0^2
			}
		case "sum":
			add(q + "*(" + q + " + 1)*(2*" + q + " + 1)/6")
		}
		if op != "product" {
			return len(c.out) > from
		}
	}
	// any other kind, as the names write it
	cmp := "<="
	if !incl {
		cmp = "<"
	}
	before := len(c.out)
	c.read(capitalized(op) + " of " + kind + " " + cmp + " n")
	return len(c.out) > before
}

// a3Multiples reads "multiples of 3 or 5" (and the even numbers, the
// multiples of 2) as its constants (2..10^4, at most 4); and: they were
// joined by "and".
func a3Multiples(kind string) (ks []int64, and, ok bool) {
	switch kind {
	case "even numbers", "even integers", "positive even numbers", "positive even integers", "even natural numbers", "evens":
		return []int64{2}, false, true
	}
	m := reA3Mult.FindStringSubmatch(kind)
	if m == nil {
		return nil, false, false
	}
	and = strings.Contains(m[1], "and")
	if and && strings.Contains(m[1], "or") {
		return nil, false, false
	}
	for _, w := range regexp.MustCompile(`\d+`).FindAllString(m[1], -1) {
		k, err := strconv.ParseInt(w, 10, 64)
		if err != nil || k < 2 || k > 10_000 {
			return nil, false, false
		}
		ks = append(ks, k)
	}
	if len(ks) == 0 || len(ks) > 4 {
		return nil, false, false
	}
	return ks, and, true
}

func a3Gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func a3Lcm(ks []int64) int64 {
	l := int64(1)
	for _, k := range ks {
		l = l / a3Gcd(l, k) * k
	}
	return l
}

// a3Union is the inclusion-exclusion over the multiples of any of ks of
// term(L), L the lcm of each nonempty subset: Sum (-1)^(|S|+1) term(lcm S)
// (subsets whose lcm passes 10^9 count nothing up to n in i32).
func a3Union(ks []int64, term func(l string) string) string {
	var b strings.Builder
	for mask := 1; mask < 1<<len(ks); mask++ {
		var sub []int64
		for i, k := range ks {
			if mask>>i&1 == 1 {
				sub = append(sub, k)
			}
		}
		l := a3Lcm(sub)
		if l > 1_000_000_000 {
			continue
		}
		sign := " + "
		if len(sub)%2 == 0 {
			sign = " - "
		}
		if b.Len() == 0 && sign == " + " {
			sign = ""
		}
		b.WriteString(sign + "(" + term(strconv.FormatInt(l, 10)) + ")")
	}
	return b.String()
}

var (
	// "number of bits of n", "number of binary digits needed to write n",
	// "number of digits of n in base 7", "bit length of n"
	reA3Length = regexp.MustCompile(`^(?:number of (bits|binary digits|digits|base-(\d+) digits|base (\d+) digits)(?: (?:that )?(?:are |is )?(?:needed|required|necessary|used))?(?: to (?:write|represent|express|store|encode))?(?: of| in| for)? n(?: in base (\d+))?|(bit length|binary length|bit-length|length) of n(?: in base (\d+))?)$`)
)

// asked3Length reads the length of n in a base.
func (c *collector) asked3Length(s string) bool {
	m := reA3Length.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	base, bits := int64(0), false
	switch {
	case m[1] == "bits" || m[5] == "bit length" || m[5] == "bit-length":
		base, bits = 2, true
	case m[1] == "binary digits" || m[5] == "binary length":
		base = 2
	}
	for _, g := range []string{m[2], m[3], m[4], m[6]} {
		if g == "" {
			continue
		}
		b, err := strconv.ParseInt(g, 10, 64)
		if err != nil || b < 2 || b > 1<<16 || base != 0 && base != b {
			return false
		}
		base = b
	}
	if base == 0 || base == 10 && m[1] == "digits" && m[4] == "" {
		return false // no base named, or decimal as asked2 reads it
	}
	n := vr("n")
	x := call("ndigits", n, num(base))
	if bits {
		x = and(gt(n, num(0)), x) // bit_length: no bits at 0
	}
	before := len(c.out)
	c.add(s, x)
	return len(c.out) > before
}

// reA3Trailing: "number of trailing zeros of n in base 2", "number of
// trailing 1 bits of n".
var reA3Trailing = regexp.MustCompile(`^number of (?:trailing|final|ending) (zeros|zeroes|0s|0's|0 bits|zero bits|ones|1s|1's|1 bits|one bits)(?: at the end)? (?:of|in) n(?: in base (\d+))?$|^number of (zeros|zeroes|0s|0's|0 bits|zero bits|ones|1s|1's|1 bits|one bits) (?:at the end of n|(?:does )?n (?:ends?|end) (?:with|in))(?: in base (\d+))?$`)

// reA3Val: "how many times does 2 divide n", "exponent of 3 in n", "the
// largest power of 2 that divides n" (askedForm's, canonical).
var reA3Val = regexp.MustCompile(`^number of times (?:does )?(\d+) (?:divides?|goes into|go into) n(?: evenly)?$|^(?:exponent|multiplicity) of (?:the (?:prime )?)?(\d+) in (?:the (?:prime )?factorization of )?n$|^(largest|highest|greatest|biggest) power of (\d+) (?:that divides|which divides|dividing|that goes into|in) n$`)

// asked3Valuation reads the exponent of b in n (n != 0), or b to that
// exponent.
func (c *collector) asked3Valuation(s string) bool {
	m := reA3Val.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	b, err := strconv.ParseInt(m[1]+m[2]+m[4], 10, 64)
	if err != nil || b < 2 || b > 1<<16 {
		return false
	}
	x := eqnValuation(vr("n"), b)
	if m[3] != "" {
		x = bin(kPow, num(b), x)
	}
	before := len(c.out)
	c.add(s, x)
	return len(c.out) > before
}

// asked3Trailing reads the trailing zeros (the exponent of b in n) and
// the trailing ones in binary (the exponent of 2 in n+1).
func (c *collector) asked3Trailing(s string) bool {
	m := reA3Trailing.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	what, bs := m[1]+m[3], m[2]+m[4]
	bitsWord := strings.Contains(what, "bits")
	base := int64(0) // "trailing zeros of n" alone: of n, or of n!? (asked2_test.go)
	if bitsWord {
		base = 2
	}
	if bs != "" {
		b, err := strconv.ParseInt(bs, 10, 64)
		if err != nil || b < 2 || b > 1<<16 || bitsWord && b != 2 {
			return false
		}
		base = b
	}
	if base == 0 {
		return false
	}
	n := vr("n")
	var x *node
	if strings.HasPrefix(what, "z") || strings.HasPrefix(what, "0") {
		x = eqnValuation(n, base)
	} else {
		if base != 2 {
			return false // "trailing ones" in another base: digits 1 or b-1?
		}
		x = eqnValuation(bin(kAdd, n, num(1)), 2)
	}
	before := len(c.out)
	c.add(s, x)
	return len(c.out) > before
}

// reA3Root: "integer cube root of n, rounded down", "cube root of n
// rounded up", "floor of the 4th root of n".
var reA3Root = regexp.MustCompile(`^(?:(floor|ceiling|ceil) of (?:the )?)?(?:integer |whole-number |integral )?(square|cube|fourth|fifth|sixth|(\d+)(?:st|nd|rd|th|-th)) root of n(?:,? rounded (down|up)(?: to (?:an |the nearest )?integer)?)?$|^(?:largest|greatest) (?:number|integer|whole number) whose (cube|fourth power|fifth power) is (?:<=|at most|not (?:greater|more|larger) than) n$|^(?:smallest|least) (?:number|integer|whole number) whose (square|cube|fourth power|fifth power) is (?:>=|at least|not (?:less|smaller) than) n$`)

// asked3Root reads integer k-th roots of n >= 0, rounded down (the
// integer root) or up: the least x >= 0 with x^k > n, less 1; the least
// x >= 0 with x^k >= n.
func (c *collector) asked3Root(s string) bool {
	m := reA3Root.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	degrees := map[string]int64{"square": 2, "cube": 3, "fourth": 4, "fifth": 5, "sixth": 6, "fourth power": 4, "fifth power": 5}
	var k int64
	up := false
	switch {
	case m[2] != "":
		k = degrees[m[2]]
		if m[3] != "" {
			k, _ = strconv.ParseInt(m[3], 10, 64)
		}
		integer := strings.Contains(s, "integer") || strings.Contains(s, "whole-number") || strings.Contains(s, "integral")
		switch {
		case m[1] == "floor" || m[4] == "down":
			if m[4] == "up" {
				return false
			}
		case m[1] != "" || m[4] == "up":
			up = true
		case !integer:
			return false // "the cube root of n": not an integer
		}
		if m[1] != "" && m[4] != "" {
			return false // "floor of ..., rounded up"
		}
	case m[5] != "":
		k = degrees[m[5]]
	default:
		k, up = degrees[m[6]], true
	}
	if k < 2 || k > 30 || k == 2 && !up {
		return false // the square root rounded down: asked2_words.go's
	}
	n := vr("n")
	x := vr("x_")
	var root *node
	if up {
		root = nthAt(num(1), "x_", 1, 0, &node{k: kCmp, name: ">=", kids: []*node{bin(kPow, x, num(k)), n}})
	} else {
		root = bin(kSub, nthAt(num(1), "x_", 1, 0, gt(bin(kPow, x, num(k)), n)), num(1))
	}
	before := len(c.out)
	c.add(s, and(&node{k: kCmp, name: ">=", kids: []*node{n, num(0)}}, root))
	return len(c.out) > before
}

// asked3Last reads "the last digit of n squared", "the last two digits
// of 7 times n" as the value mod 10 (100, 1000), the mod taken inside
// sums and products (a3ModIn) so that nothing wraps first; "the last
// digit of n" itself is the names' (lastdig).
func (c *collector) asked3Last(s string) bool {
	m := reA3Last.FindStringSubmatch(s)
	if m == nil || m[2] == "n" {
		return false
	}
	x, ok := parseN(arithmeticWords(m[2]))
	if !ok || a3VarPow(x) {
		return false
	}
	before := len(c.out)
	c.add(s, a3ModIn(x, map[string]int64{"": 10, "two": 100, "2": 100, "three": 1000, "3": 1000}[m[1]]))
	return len(c.out) > before
}
