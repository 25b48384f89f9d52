package formula

// Operations on a sequence named in words (the sequence as the other
// readers read its name alone, or a kind of number pred.go reads):
//
//	Partial sums of the Catalan numbers.      Sum_{k=s..n} x(k)
//	First differences of the semiprimes.      x(n+1) - x(n)
//	Convolution of odd numbers and primes.    Sum_{k=0..n-s} x(k)*y(n-s-k)
//	Self-convolution of the Pell numbers.     (x with itself)
//	Moebius transform of sigma(n)^2.          Sum_{d|n} mu(n/d)*x(d)
//	Inverse Moebius transform of phi(n)^2.    Sum_{d|n} x(d)
//	Binomial transform of the squares.        Sum_{k=0..n} binomial(n,k)*x(k)
//	Sums of three consecutive primes.         x(n) + x(n+1) + x(n+2)
//	Alternating sum of the triangular numbers. Sum_{k=s..n} (-1)^(n-k)*x(k)
//
// A sequence's name rarely says where its terms start (the primes from
// a(0) or a(1), the Fibonacci numbers from F(0) = 0 or F(1) = 1), nor
// does the operation's: every reading of the start is built, and they
// are offered only where any two that differ at some n <= scanN differ
// at some n <= lastSeen, where the examples tell them apart (toldApart);
// otherwise none is. An A-number beside the words ("non-Fibonacci numbers
// A001690", "A002487 (Stern's diatomic series)") is dropped; one alone
// gives nothing (the package keeps no table of A-numbers).

import (
	"math/big"
	"regexp"
	"strconv"
	"strings"
)

var (
	reSeqOp = regexp.MustCompile(`^(?i:(?:(partial sums|cumulative sums|first differences|self-convolution|convolution square|inverse m(?:ö|oe|o)bius transform|m(?:ö|oe|o)bius transform|inverse binomial transform|binomial transform|alternating sums?|convolution) of |(sums? of (?:two|three|four|five|2|3|4|5) consecutive) ))`)
	// "X A001690", "X (A000037)", "X, A000037", "A002487 (X)"
	reSeqAnumAfter  = regexp.MustCompile(`^(.+?),? \(?A\d{6}\)?$`)
	reSeqAnumBefore = regexp.MustCompile(`^A\d{6} \((.+)\)$`)
	// "natural numbers >= 3", "primes > 5"
	reSeqFrom = regexp.MustCompile(`^(.+?) (>=|>) (\d{1,3})$`)
)

// seqConsecutive: the number of terms "sums of two consecutive" names.
var seqConsecutive = map[string]int64{"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}

// seqOps reads the first sentence of text as an operation on named
// sequences.
func (c *collector) seqOps(text string) {
	s := strings.TrimSpace(strings.TrimSuffix(firstSentence(text), "."))
	loc := reSeqOp.FindStringSubmatchIndex(s)
	if loc == nil {
		return
	}
	op := ""
	if loc[2] >= 0 {
		op = strings.ToLower(s[loc[2]:loc[3]])
	} else {
		op = strings.ToLower(s[loc[4]:loc[5]])
	}
	rest := s[loc[1]:]
	var ys []*node
	switch {
	case strings.HasPrefix(op, "convolution") && op != "convolution square":
		if x, ok := strings.CutSuffix(rest, " with itself"); ok {
			ys = seqSelfConv(x)
			break
		}
		ys = seqConvolutions(rest)
	case op == "self-convolution", op == "convolution square":
		ys = seqSelfConv(rest)
	default:
		xs := seqReadings(rest)
		for _, x := range xs {
			ys = append(ys, seqApply(op, x)...)
		}
	}
	if len(ys) == 0 {
		c.note("seqop", "nothing read from "+rest)
		return
	}
	c.addToldApart(s, ys, "seqop", true)
}

// seqApply is op applied to x (a reading of a sequence over n, its first
// term at n = 0 or at n = 1): each reading of the operation's start.
func seqApply(op string, x *node) []*node {
	at := func(i *node) *node { return substitute(cloneNode(x), "n", i) }
	k := vr("k_")
	switch {
	case op == "partial sums", op == "cumulative sums":
		var out []*node
		for _, lo := range []int64{0, 1} {
			out = append(out, &node{k: kSum, name: "k_", kids: []*node{num(lo), vr("n"), at(k)}})
		}
		return out
	case strings.HasPrefix(op, "alternating sum"):
		var out []*node
		for _, lo := range []int64{0, 1} {
			sign := bin(kPow, num(-1), sub(vr("n"), k))
			out = append(out, &node{k: kSum, name: "k_", kids: []*node{num(lo), vr("n"), mul(sign, at(k))}})
		}
		return out
	case op == "first differences":
		return []*node{sub(at(add(vr("n"), num(1))), at(vr("n")))}
	case strings.HasPrefix(op, "inverse m"):
		return []*node{{k: kSumDiv, name: "k_", kids: []*node{vr("n"), at(k)}}}
	case strings.Contains(op, "bius"):
		mu := call("mu", bin(kDiv, vr("n"), k))
		return []*node{{k: kSumDiv, name: "k_", kids: []*node{vr("n"), mul(mu, at(k))}}}
	case op == "binomial transform", op == "inverse binomial transform":
		body := mul(call("binomial", vr("n"), k), at(k))
		if op == "inverse binomial transform" {
			body = mul(bin(kPow, num(-1), sub(vr("n"), k)), body)
		}
		return []*node{{k: kSum, name: "k_", kids: []*node{num(0), vr("n"), body}}}
	case strings.HasPrefix(op, "sum"): // sums of m consecutive
		m := seqConsecutive[strings.Fields(op)[2]]
		y := at(vr("n"))
		for i := int64(1); i < m; i++ {
			y = add(y, at(add(vr("n"), num(i))))
		}
		return []*node{y}
	}
	return nil
}

// seqConvolutions reads "X and Y" or "X with Y" as two sequences: at each
// " and " or " with " where both sides read; each reading of the two
// starts and of the convolution's own (a(0) or a(1) its first term).
func seqConvolutions(s string) []*node {
	var out []*node
	for _, sep := range []string{" and ", " with "} {
		for i := 0; ; {
			j := strings.Index(s[i:], sep)
			if j < 0 {
				break
			}
			j += i
			xs, ys := seqReadings(s[:j]), seqReadings(s[j+len(sep):])
			for _, x := range xs {
				for _, y := range ys {
					out = append(out, seqConv(x, y)...)
				}
			}
			i = j + len(sep)
		}
	}
	return out
}

// seqSelfConv: x convolved with itself, for each reading x of s.
func seqSelfConv(s string) []*node {
	var out []*node
	for _, x := range seqReadings(s) {
		out = append(out, seqConv(x, x)...)
	}
	return out
}

// seqConv is Sum_{k=0..n-s} x(k)*y(n-s-k) for s = 0, 1.
func seqConv(x, y *node) []*node {
	var out []*node
	for _, s := range []int64{0, 1} {
		m := sub(vr("n"), num(s))
		body := mul(substitute(cloneNode(x), "n", vr("k_")), substitute(cloneNode(y), "n", sub(m, vr("k_"))))
		out = append(out, &node{k: kSum, name: "k_", kids: []*node{num(0), cloneNode(m), body}})
	}
	return out
}

// seqReadings reads s as a sequence: each reading a formula over n, the
// first term at n = 0 or n = 1 (readings of both starts).
func seqReadings(s string) []*node {
	s = strings.TrimSpace(s)
	if m := reSeqAnumBefore.FindStringSubmatch(s); m != nil {
		s = m[1]
	} else if m := reSeqAnumAfter.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	s = strings.TrimPrefix(strings.TrimPrefix(s, "the "), "The ")
	if s == "" || strings.ContainsAny(s, ";") || reAnumWord.MatchString(s) {
		return nil
	}
	if m := reSeqFrom.FindStringSubmatch(s); m != nil {
		b, err := strconv.ParseInt(m[3], 10, 32)
		if err != nil {
			return nil
		}
		if m[2] == ">" {
			b++
		}
		var out []*node
		for _, x := range seqReadings(m[1]) {
			out = append(out, seqFrom(x, b)...)
		}
		return out
	}
	if xs, ok := seqNouns[strings.ToLower(s)]; ok {
		var out []*node
		for _, f := range xs {
			x, ok := parseN(f)
			if !ok {
				return nil
			}
			out = append(out, x)
		}
		return out
	}
	var xs []*node
	sc := collector{seen: map[string]bool{}, lists: map[listKey]*nthMemo{}, capture: func(x *node) { xs = append(xs, x) }}
	name := strings.ToUpper(s[:1]) + s[1:]
	sc.read(name + ".")
	if len(xs) == 0 && !strings.HasSuffix(s, " of n") && !strings.HasSuffix(s, "(n)") {
		sc.read(name + " of n.") // "sum of cubes of divisors"
	}
	if len(xs) == 0 {
		if pred, lows, kind := kindPredicate(s); kind && pred != nil {
			for _, lo := range lows {
				for _, base := range []int64{0, 1} {
					xs = append(xs, nthOf("x_", base, lo, pred()))
				}
			}
		}
	}
	var out []*node
	for _, x := range xs {
		if x.uses("k_") || x.k == kRec || x.k == kMem || isAutomaton(x) {
			continue // a recurrence's or a table's program: not a term to sum
		}
		out = append(out, x)
	}
	return out
}

// reAnumWord: a name that is an A-number (or holds one) where words must be.
var reAnumWord = regexp.MustCompile(`\bA\d{6}\b`)

// seqNouns: sequences the phrase readers do not read alone, each reading
// of its start.
var seqNouns = map[string][]string{
	"natural numbers":      {"n", "n+1"},
	"positive integers":    {"n", "n+1"},
	"nonnegative integers": {"n", "n-1"},
	"odd primes":           {"prime(n+1)", "prime(n+2)"},
}

// seqFrom is x from its first term >= b on, that term at n = 0 and at
// n = 1; nil if none among the first 200.
func seqFrom(x *node, b int64) []*node {
	v := evaluator{steps: scanSteps}
	for k := int64(0); k <= 200; k++ {
		r, err := v.eval(x, k)
		if err != nil || !r.IsInt() {
			continue
		}
		if r.Num().IsInt64() && r.Num().Int64() >= b {
			return []*node{substitute(cloneNode(x), "n", add(vr("n"), num(k))), substitute(cloneNode(x), "n", add(vr("n"), num(k-1)))}
		}
	}
	return nil
}

// dedup drops readings printed alike.
func dedup(xs []*node) []*node {
	seen := map[string]bool{}
	var out []*node
	for _, x := range xs {
		if k := x.String(); !seen[k] {
			seen[k] = true
			out = append(out, x)
		}
	}
	return out
}

// seqToldApart is toldApart for readings of an operation on sequences:
// any two that differ must differ first at some n <= lastSeen (n = 0
// among them: a sequence that starts at a(1) is never checked there, one
// that starts at a(0) shows it first), or not before both leave i32,
// where OEIS's terms stop being checked. Of readings equal that far it
// keeps the first. A reading is evaluated up to its first value past
// i32; one the evaluator cannot take that far is refused with the rest.
func seqToldApart(xs []*node) ([]*node, bool) {
	if len(xs) < 2 {
		return xs, true
	}
	vals := make([][]*big.Rat, len(xs))
	for i, x := range xs {
		v := evaluator{steps: 4 * scanSteps}
		for n := int64(0); n <= scanN; n++ {
			r, err := v.eval(x, n)
			if err == errBudget {
				return nil, false
			}
			if err != nil || !r.IsInt() {
				r = nil
			}
			vals[i] = append(vals[i], r)
			if r != nil && !fitsI32(r) {
				break
			}
		}
	}
	at := func(i, n int) (*big.Rat, bool) {
		if n < len(vals[i]) {
			return vals[i][n], true
		}
		return nil, !fitsI32OrNil(vals[i][len(vals[i])-1]) // past its end: out of i32
	}
	var kept []*node
	dup := make([]bool, len(xs))
	for i := range xs {
		if dup[i] {
			continue
		}
		kept = append(kept, xs[i])
		for j := i + 1; j < len(xs); j++ {
			differ := -1
			for n := 0; n <= scanN; n++ {
				a, ok1 := at(i, n)
				b, ok2 := at(j, n)
				if !ok1 || !ok2 {
					return nil, false // the evaluator stopped short of i32's end
				}
				if (a == nil) != (b == nil) || a != nil && a.Cmp(b) != 0 {
					differ = n
					break
				}
				if a != nil && !fitsI32(a) {
					break // both left i32 together: no check goes further
				}
			}
			if differ > lastSeen {
				return nil, false
			}
			dup[j] = dup[j] || differ < 0
		}
	}
	return kept, true
}

// fitsI32 reports whether the integer r is an i32.
func fitsI32(r *big.Rat) bool {
	return r.Num().IsInt64() && r.Num().Int64() == int64(int32(r.Num().Int64()))
}

// fitsI32OrNil: nil (no value) or an i32.
func fitsI32OrNil(r *big.Rat) bool { return r == nil || fitsI32(r) }

// addToldApart offers the readings ys (the same formula once) with add,
// or with addOrTable when table, unless two of them differ past the
// examples (seqToldApart): then none, noted under stage.
func (c *collector) addToldApart(s string, ys []*node, stage string, table bool) {
	ys, ok := seqToldApart(dedup(ys))
	if !ok {
		c.note(stage, "readings differ past the examples")
		return
	}
	for _, y := range ys {
		if table {
			c.addOrTable(s, y)
		} else {
			c.add(s, y)
		}
	}
}
