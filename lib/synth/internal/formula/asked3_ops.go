package formula

// Requests over two to four operands, third part (asked3_ops.go), read
// before asked2_ops.go's rules on operandForm's form:
//
//   - the spread of a list: "difference between the largest and the
//     smallest of a, b and c", "max minus min of a and b", "range of a, b
//     and c": max - min;
//   - division in words: "the remainder of a divided by b", "remainder
//     when a is divided by b", "a modulo b" (a mod b, as the names' mod:
//     never negative for b > 0), "the quotient of a and b", "integer
//     division of a by b", "how many times does b go into a" (floor(a/b));
//     a request that names a division by b says nothing at b = 0, where
//     operandsAgree asks nothing;
//   - a property of several operands: "a and b are both even", "both a
//     and b are prime", "neither a nor b is odd", "exactly one of a and b
//     is positive", "at least one of a, b and c is divisible by 3", "a or b
//     is even", "a, b and c are all negative" (even, odd, positive,
//     negative, zero, nonzero, nonnegative, prime, divisible by K).

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	reA3Spread = regexp.MustCompile(`^(?:(?:difference|distance|gap) between (?:the )?(?:largest|greatest|biggest|maximum|max|highest) and (?:the )?(?:smallest|least|lowest|minimum|min)|(?:largest|greatest|biggest|maximum|max) minus (?:the )?(?:smallest|least|lowest|minimum|min)|range|spread) (?:of|among|between) ` + opList + `$`)
	reA3Rem    = regexp.MustCompile(`^(?:remainder|residue|rest) (?:of|when|after|from) (?:dividing )?(?:the division of )?([a-z]) (?:is )?(?:divided by|by|over|/) ([a-z])$|^([a-z]) (?:modulo|mod) ([a-z])$|^remainder of ([a-z]) (?:and|with) ([a-z])$`)
	reA3Quot   = regexp.MustCompile(`^(?:(?:integer |whole-number |whole number )?quotient (?:of|when|after) (?:dividing )?([a-z]) (?:is )?(?:divided by|by|and|over)|integer division of ([a-z]) by|how many (?:whole )?times (?:does )?([a-z]) (?:go|fit)s? (?:into|in)) ([a-z])$`)
)

var (
	// "the larger of a and b minus the smaller"
	reA3Spread2 = regexp.MustCompile(`^(?:the )?(?:larger|largest|greater|greatest|bigger|biggest|maximum|max) (?:of|among) ` + opList + ` minus (?:the )?(?:smaller|smallest|lesser|least|minimum|min)(?: one| of them)?$`)
	// "X, squared", "X cubed"
	reA3PowOf = regexp.MustCompile(`^(.+?),? (squared|cubed)$`)
	// "the last digit of X", "the last two digits of X"
	reA3Last = regexp.MustCompile(`^(?:the )?(?:last|final|rightmost|units) (?:digit|(two|three|2|3) digits) of (?:the number )?(.+)$`)
	// "how many multiples of k are there up to n" (two operands)
	reA3MultK = regexp.MustCompile(`^(number|sum) of (?:all )?(?:the )?(?:positive )?multiples of ([a-z]) (?:(?:that )?(?:are there|there are|are|exist) )?` + a3Rel + ` ([a-z])(?: inclusive)?(?: (?:are there|there are))?$`)
)

// a3OpValue is a value phrase over the operands ("the sum of a and b",
// "a times b"), or nil.
func a3OpValue(s string, parse func(string) *node) *node {
	s = strings.TrimPrefix(s, "the ")
	if x := asked3Value(s, parse); x != nil {
		return x
	}
	if x := operandValue(rewriteAll(s, operandWords), parse); x != nil {
		return x
	}
	return parse(rewriteAll(arithmeticWords(s), operandPhrases))
}

// a3ModIn is x mod m with the mod taken inside sums, differences and
// products first ((a mod m)*(b mod m)), so that no product wraps before
// the mod: exact for any operands in i32, as floor-mod arithmetic is a
// ring. Other nodes are taken as they are.
func a3ModIn(x *node, m int64) *node {
	var in func(x *node) *node
	in = func(x *node) *node {
		switch x.k {
		case kAdd, kSub, kMul:
			return bin(x.k, bin(kMod, in(x.kids[0]), num(m)), bin(kMod, in(x.kids[1]), num(m)))
		}
		return x
	}
	return bin(kMod, in(x), num(m))
}

// a3VarPow reports whether x has a power whose exponent is no constant.
func a3VarPow(x *node) bool {
	if x.k == kPow && x.kids[1].k != kNum {
		return true
	}
	for _, k := range x.kids {
		if a3VarPow(k) {
			return true
		}
	}
	return false
}

// reA3OpCount: "how many even numbers are there from a to b", "number of
// multiples of 3 between a and b inclusive" (asked3Canon's "number of");
// a bare "between a and b" does not say whether a and b count, and
// "strictly between a and b" not what it is when b < a: no reading.
var reA3OpCount = regexp.MustCompile(`^number of (?:all )?(?:the )?(integers|numbers|whole numbers|even numbers|even integers|odd numbers|odd integers|multiples of (\d+)|squares|perfect squares) (?:(?:that )?(?:are there|there are|are|lie|exist) )?(?:from ([a-z]) (?:to|through|up to) ([a-z])(?: inclusive)?|between ([a-z]) and ([a-z]),? (?:inclusive|both included))(?: (?:are there|there are))?$`)

// a3OpCount is the number of members of a kind in [lo, hi] (0 when lo >
// hi) as C(hi) - C(lo - 1), C(N) the members <= N counted from a fixed
// start: floor divisions, no product to wrap.
func a3OpCount(kind, k, lo, hi string, parse func(string) *node) *node {
	var C func(N string) string
	switch {
	case kind == "integers" || kind == "numbers" || kind == "whole numbers":
		C = func(N string) string { return N }
	case strings.HasPrefix(kind, "even"):
		C = func(N string) string { return "floor((" + N + ")/2)" }
	case strings.HasPrefix(kind, "odd"):
		C = func(N string) string { return "(" + N + ") - floor((" + N + ")/2)" }
	case strings.HasPrefix(kind, "multiples"):
		v, err := strconv.ParseInt(k, 10, 64)
		if err != nil || v < 2 || v > 1_000_000 {
			return nil
		}
		C = func(N string) string { return "floor((" + N + ")/" + k + ")" }
	default: // squares: 0, 1, 4, ... <= N
		C = func(N string) string {
			return "min(max((" + N + ") + 1, 0), 1)*(floor(sqrt(max(" + N + ", 0))) + 1)"
		}
	}
	f := parse(C(hi) + " - (" + C("("+lo+") - 1") + ")")
	l, h := parse(lo), parse(hi)
	if f == nil || l == nil || h == nil {
		return nil
	}
	return and(&node{k: kCmp, name: ">=", kids: []*node{h, l}}, f)
}

// asked3Value reads s (operandForm's) as one of the value phrases above,
// or nil.
func asked3Value(s string, parse func(string) *node) *node {
	if m := reA3Spread2.FindStringSubmatch(s); m != nil {
		list := strings.Join(reOpLetter.FindAllString(m[1], -1), ", ")
		return parse("max(" + list + ") - min(" + list + ")")
	}
	if m := reA3PowOf.FindStringSubmatch(s); m != nil {
		if x := a3OpValue(m[1], parse); x != nil {
			return bin(kPow, x, num(map[string]int64{"squared": 2, "cubed": 3}[m[2]]))
		}
		return nil
	}
	if m := reA3Last.FindStringSubmatch(s); m != nil {
		x := a3OpValue(m[2], parse)
		if x == nil {
			return nil
		}
		// (a^b mod 10: operandCheck lowers the power by square and
		// multiply, log b steps, where b steps ran out of fuel at 4*10^5)
		mod := map[string]int64{"": 10, "two": 100, "2": 100, "three": 1000, "3": 1000}[m[1]]
		return a3ModIn(x, mod)
	}
	if m := reA3OpCount.FindStringSubmatch(asked3CanonList[0].re.ReplaceAllString(s, asked3CanonList[0].sym)); m != nil {
		switch {
		case m[3] != "":
			return a3OpCount(m[1], m[2], m[3], m[4], parse)
		default:
			return a3OpCount(m[1], m[2], m[5], m[6], parse)
		}
	}
	if m := reA3MultK.FindStringSubmatch(asked3CanonList[0].re.ReplaceAllString(s, asked3CanonList[0].sym)); m != nil {
		k, n := m[2], m[4]
		if k == n {
			return nil
		}
		N := n
		if !a3Inclusive(m[3]) {
			N = "(" + n + " - 1)"
		}
		q := "floor(max(" + N + ", 0)/" + k + ")"
		if m[1] == "number" {
			return parse(q)
		}
		return parse(k + "*binomial(" + q + " + 1, 2)")
	}
	if m := reA3Spread.FindStringSubmatch(s); m != nil {
		list := strings.Join(reOpLetter.FindAllString(m[1], -1), ", ")
		return parse("max(" + list + ") - min(" + list + ")")
	}
	if m := reA3Rem.FindStringSubmatch(s); m != nil {
		return parse(m[1] + m[3] + m[5] + " mod " + m[2] + m[4] + m[6])
	}
	if m := reA3Quot.FindStringSubmatch(s); m != nil {
		if m[3] != "" { // "how many times does b go into a"
			return parse("floor(" + m[4] + "/" + m[3] + ")")
		}
		return parse("floor(" + m[1] + m[2] + "/" + m[4] + ")")
	}
	return nil
}

const a3Adj = `(even|odd|positive|negative|zero|nonzero|non-zero|nonnegative|non-negative|prime|primes|prime numbers|divisible by (\d+)|multiples? of (\d+))`

var (
	// "a and b are both even", "both a and b are even", "a, b and c are
	// all odd"
	reA3All = regexp.MustCompile(`^(?:both |all (?:of )?|each of )?` + opList + `,? (?:are (?:both |all |each )?|both are |all are |each are |are each )` + a3Adj + `$`)
	// "neither a nor b is even", "none of a, b and c is odd"
	reA3None = regexp.MustCompile(`^(?:neither ([a-z]) nor ([a-z])|none of ` + opList + `) (?:is|are) ` + a3Adj + `$`)
	// "exactly one of a and b is even", "only one of a and b is odd"
	reA3One = regexp.MustCompile(`^(?:exactly|only|precisely) one of ` + opList + ` is ` + a3Adj + `$`)
	// "at least one of a and b is even", "a or b is even", "either a or b
	// is even"
	reA3Any = regexp.MustCompile(`^(?:(?:at least one|one or more|any) of ` + opList + ` (?:is|are)|(?:either )?((?:[a-z], )*[a-z],? or [a-z]) is) ` + a3Adj + `$`)
)

// asked3Cond reads a property of several operands (1 or 0), or nil.
func asked3Cond(s string, parse func(string) *node) *node {
	type form struct {
		re   *regexp.Regexp
		join func(ps []*node) *node
	}
	sum := countTrue
	forms := []form{
		{reA3All, func(ps []*node) *node { return eq(sum(ps), num(int64(len(ps)))) }},
		{reA3None, func(ps []*node) *node { return eq(sum(ps), num(0)) }},
		{reA3One, func(ps []*node) *node { return eq(sum(ps), num(1)) }},
		{reA3Any, func(ps []*node) *node { return gt(sum(ps), num(0)) }},
	}
	for _, f := range forms {
		m := f.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		// the operands: the groups before the adjective's three
		letters := reOpLetter.FindAllString(strings.Join(m[1:len(m)-3], " "), -1)
		adj, k1, k2 := m[len(m)-3], m[len(m)-2], m[len(m)-1]
		if len(letters) < 2 {
			return nil
		}
		var ps []*node
		for _, l := range letters {
			p := a3Property(parse(l), adj, k1+k2)
			if p == nil {
				return nil
			}
			ps = append(ps, p)
		}
		return f.join(ps)
	}
	return nil
}

// a3Property is "x is adj" as a condition, or nil.
func a3Property(x *node, adj, k string) *node {
	if x == nil {
		return nil
	}
	switch {
	case adj == "even":
		return eq(bin(kMod, x, num(2)), num(0))
	case adj == "odd":
		return eq(bin(kMod, x, num(2)), num(1))
	case adj == "positive":
		return gt(x, num(0))
	case adj == "negative":
		return gt(num(0), x)
	case adj == "zero":
		return eq(x, num(0))
	case adj == "nonzero" || adj == "non-zero":
		return &node{k: kCmp, name: "!=", kids: []*node{x, num(0)}}
	case adj == "nonnegative" || adj == "non-negative":
		return &node{k: kCmp, name: ">=", kids: []*node{x, num(0)}}
	case strings.HasPrefix(adj, "prime"):
		return un(kIsPrime, x)
	case k != "":
		v, err := strconv.ParseInt(k, 10, 64)
		if err != nil || v < 2 || v > 1_000_000 {
			return nil
		}
		return eq(bin(kMod, x, num(v)), num(0))
	}
	return nil
}

// countTrue is how many of the conditions ps hold (each 1 or 0, added).
func countTrue(ps []*node) *node {
	var x *node
	for _, p := range ps {
		t := and(p, num(1))
		if x == nil {
			x = t
		} else {
			x = bin(kAdd, x, t)
		}
	}
	return x
}
