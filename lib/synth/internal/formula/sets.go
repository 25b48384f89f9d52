package formula

// Sets named by a form and a clause on its letter (sets.go):
//
//	Primes of the form 2*3*5*7*k+89, k >= 0.        a bound on the letter
//	Primes of the form 2*s + 1, where s is a squarefree number.
//	Semiprimes of the form k^2 + 1.                 any kind a list reads
//	Integers of the form (k^2 - 49)/120.            where the form is an integer
//	Positive numbers not of the form n^2 + 2.       the complement of the values
//	Smallest prime == 1 mod (7n).                   a quantifier's opening reworded
//
// A form f(v) strictly increasing on its letter's range lists its values
// in order: the n-th v (from the clause's start) with the clause and the
// kind's property at f(v), mapped by f. Where the text leaves the start of
// v or of the list open (0 or 1), each reading is offered only if it
// differs from the others at some n the examples show, or nowhere.

import (
	"math/big"
	"regexp"
	"strings"
)

var (
	// "Primes of the form 2*s + 1, where s is a squarefree number (A005117)."
	reSetForm = regexp.MustCompile(`^([A-Z][a-z]*(?: [a-z]+)*?) (?:that are |which are )?of (?:the )?form:? (.+?)(?:,? (?:where|with|for) ([a-z]) (.+?)|, ([a-z]) (>=|>) (\d+))?\s*(?:\(A\d+\))?\s*\.?\s*$`)
	// "Positive numbers not of the form n^2+2."
	reSetNotForm = regexp.MustCompile(`^(Numbers|Positive numbers|Positive integers|Nonnegative integers|Nonnegative numbers|Integers|Natural numbers) (?:that are |which are )?not of (?:the )?form:? (.+?)(?:,? (?:where|with|for) ([a-z]) (>=|>) (\d+))?\s*\.?\s*$`)
	// "Smallest prime == 1 mod (7n)", "Least prime congruent to 3 mod n"
	reLeastPrimeCong = regexp.MustCompile(`^(Smallest|Least) (prime|odd prime) (?:p )?(?:==|≡|congruent to) ([-+]?\d+) (?:\()?(?:mod|modulo) (.+?)\)?\s*\.?\s*$`)
	// a clause on the letter: "v >= 2", "v > 0"
	reLetterBound = regexp.MustCompile(`^(>=|>) (\d+)$`)
)

// setPhrases reads the set forms above; it reports whether s had one of
// their shapes and something read it.
func (c *collector) setPhrases(s string) bool {
	c.kindsAre(s)                               // sets_kinds.go: the other readers still read s
	if c.leastMultiple(s) || c.tupleMember(s) { // sets_tuple.go
		return true
	}
	if m := reLeastPrimeCong.FindStringSubmatch(s); m != nil {
		v, mod := "p", strings.TrimSuffix(strings.TrimPrefix(m[4], "("), ")")
		if strings.ContainsAny(mod, "p()") {
			return false
		}
		rw := m[1] + " " + m[2] + " " + v + " such that " + v + " == " + m[3] + " (mod " + mod + ")."
		if mm := reLeast.FindStringSubmatch(rw); mm != nil {
			c.least(s, mm)
			return true
		}
		return false
	}
	if m := reSetNotForm.FindStringSubmatch(s); m != nil {
		return c.notOfForm(s, m)
	}
	if m := reSetForm.FindStringSubmatch(s); m != nil {
		return c.ofFormKind(s, m)
	}
	return false
}

// formLetter parses form in the letter v (or the first of k, n, m, j, i,
// x, s, p, t that parses, v ""), renamed x_.
func formLetter(form, v string) (*node, string, bool) {
	letters := []string{v}
	if v == "" {
		letters = []string{"k", "n", "m", "j", "i", "x", "s", "p", "t"}
	}
	for _, l := range letters {
		if e, ok := parseIn(form, l); ok {
			return e, l, true
		}
	}
	return nil, "", false
}

// letterClause reads the clause on the form's letter v: a bound (the
// least v, the condition nil) or a property ("is a squarefree number",
// "is prime") over x_, with the least v worth trying. ok false: not read.
func letterClause(v, clause string) (pred *node, lo int64, ok bool) {
	clause = strings.TrimSpace(clause)
	if m := reLetterBound.FindStringSubmatch(clause); m != nil {
		b, ok := boundStart(m[1], m[2])
		return nil, b, ok
	}
	c := strings.TrimPrefix(clause, "is ")
	c = strings.TrimPrefix(c, "also ")
	switch strings.ToLower(c) {
	case "a positive integer", "positive", "a positive number":
		return nil, 1, true
	case "a nonnegative integer", "nonnegative", "a nonnegative number", "an integer >= 0":
		return nil, 0, true
	}
	for _, try := range []string{c, strings.TrimSuffix(strings.TrimPrefix(c, "a "), " number")} {
		if x := predicate(v+" is "+try, v, false); x != nil && !x.uses("n") {
			return x, 0, true
		}
	}
	return nil, 0, false
}

// ofFormKind: KIND of the form f(v)[, clause on v]: the n-th v with the
// clause and KIND's property at f(v), mapped by f.
func (c *collector) ofFormKind(s string, m []string) bool {
	g, ok := generators[strings.ToLower(m[1])]
	integers := strings.ToLower(m[1]) == "integers"
	if !ok {
		return false
	}
	v, clause := m[3], m[4]
	if m[5] != "" {
		v, clause = m[5], m[6]+" "+m[7]
	}
	e, v, ok := formLetter(m[2], v)
	if !ok {
		return false
	}
	if clause == "" {
		if g.prime {
			return false // "Primes of the form 210k + 19": formOf
		}
		if _, _, line := lineOf(e); line {
			return false // "Numbers of the form 3k+1": kindList
		}
	}
	var letter *node
	lows := []int64{0, 1}
	hi := int64(300) // every v up to n = 100 and past it
	if clause != "" {
		hi = 1000 // a clause skips v: "Primes of the form 210k + 89" reach k in the hundreds
		p, lo, ok := letterClause(v, clause)
		if !ok {
			return true // a clause not read: no reading
		}
		letter, lows = p, []int64{lo}
		if p != nil { // "where p is prime": from the least v past which f increases
			lows = nil
			for x := int64(0); x <= 3 && lows == nil; x++ {
				if increasingFrom(e, x, hi) {
					lows = []int64{definedFrom(p, x)}
				}
			}
		}
	}
	var xs []*node
	for _, lo := range lows {
		if !increasingFrom(e, lo, hi) {
			continue
		}
		pred := letter
		if integers && e.k == kDiv {
			pred = and(pred, isIntegerOf(e)) // "(k^2 - 49)/120": where it is one
		} else if !integralFrom(e, lo, hi) {
			continue
		}
		switch {
		case g.prime:
			pred = and(pred, un(kIsPrime, e))
		case g.prop != nil:
			pred = and(pred, substitute(g.prop(), "x_", e))
		}
		if !g.prime && !(integers && e.k == kDiv) {
			if v, ok := valueAt(e, lo); !ok || v.Sign() < 0 {
				continue // "Numbers" start at 0
			}
		}
		for _, base := range []int64{1, 0} {
			if pred == nil { // every v: the n-th is lo + n - base
				xs = append(xs, substitute(e, "x_", add(vr("n"), num(lo-base))))
				continue
			}
			xs = append(xs, onceOf(e, nthOf("x_", base, lo, pred))) // fuel2_once.go
		}
	}
	c.apart(s, xs)
	return true
}

// notOfForm: the numbers (from the kind's start) that are no value f(v),
// v from the clause's start (else 0 or 1), f increasing by at least 1 a
// step, so f(v) = x needs v <= x - f(lo) + lo.
func (c *collector) notOfForm(s string, m []string) bool {
	e, v, ok := formLetter(m[2], "")
	if !ok {
		return false
	}
	if m[3] != "" && m[3] != v {
		return true
	}
	vlows := []int64{0, 1}
	if m[4] != "" {
		b, ok := boundStart(m[4], m[5])
		if !ok {
			return true
		}
		vlows = []int64{b}
	}
	var starts []int64
	switch strings.ToLower(m[1]) {
	case "positive numbers", "positive integers":
		starts = []int64{1}
	case "nonnegative integers", "nonnegative numbers":
		starts = []int64{0}
	default:
		starts = []int64{0, 1}
	}
	var xs []*node
	for _, vlo := range vlows {
		if !stepsFrom(e, vlo, 300) {
			continue
		}
		f0, _ := valueAt(e, vlo)
		if !f0.IsInt() || !f0.Num().IsInt64() || f0.Num().Int64() > 1<<20 || f0.Num().Int64() < -(1<<20) {
			continue
		}
		hi := add(sub(vr("x_"), num(f0.Num().Int64())), num(vlo)) // v <= x - f(lo) + lo
		hit := eq(substitute(e, "x_", vr("v_")), vr("x_"))
		count := &node{k: kSum, name: "v_", kids: []*node{num(vlo), hi, hit}}
		pred := eq(count, num(0))
		for _, lo := range starts {
			for _, base := range []int64{1, 0} {
				xs = append(xs, nthOf("x_", base, lo, pred))
			}
		}
	}
	c.apart(s, xs)
	return true
}

// valueAt is e (over x_) at x_ = x, exactly.
func valueAt(e *node, x int64) (*big.Rat, bool) {
	v := evaluator{steps: 10_000}
	r, err := v.evalAt(e, map[string]*big.Rat{"x_": ratInt(x)})
	return r, err == nil
}

// integralFrom reports whether e is an integer at x_ = lo..hi.
func integralFrom(e *node, lo, hi int64) bool {
	for x := lo; x <= hi; x++ {
		if r, ok := valueAt(e, x); !ok || !r.IsInt() {
			return false
		}
	}
	return true
}

// stepsFrom reports whether e is an integer at x_ = lo..hi that grows by
// at least 1 each step.
func stepsFrom(e *node, lo, hi int64) bool {
	if !integralFrom(e, lo, hi) {
		return false
	}
	one := big.NewRat(1, 1)
	prev, _ := valueAt(e, lo)
	for x := lo + 1; x <= hi; x++ {
		r, _ := valueAt(e, x)
		if new(big.Rat).Sub(r, prev).Cmp(one) < 0 {
			return false
		}
		prev = r
	}
	return true
}

// apart adds the readings xs of one name (starts the text leaves open)
// where every two of them differ first at an n the examples show (n <=
// lastSeen), or nowhere up to scanN: readings that part later would
// both fit the examples and one would be wrong. Where the exact values
// cannot be compared, none.
func (c *collector) apart(s string, xs []*node) {
	if len(xs) == 0 {
		return
	}
	v := evaluator{steps: 8 * scanSteps, memo: c.lists}
	parted := make([][]bool, len(xs)) // parted[i][j]: i and j differ at some n seen so far
	for i := range parted {
		parted[i] = make([]bool, len(xs))
	}
	open := len(xs) * (len(xs) - 1) / 2
	vals := make([]*big.Rat, len(xs))
	for n := int64(0); n <= scanN && open > 0; n++ {
		for i, x := range xs {
			r, err := v.eval(x, n)
			if err == errBudget {
				c.note("readings", "budget")
				return
			}
			if err != nil {
				r = nil
			}
			vals[i] = r
		}
		for i := range xs {
			for j := i + 1; j < len(xs); j++ {
				a, b := vals[i], vals[j]
				if parted[i][j] || (a == nil) == (b == nil) && (a == nil || a.Cmp(b) == 0) {
					continue
				}
				if n > lastSeen {
					c.note("readings", "differ past the examples")
					return
				}
				parted[i][j] = true
				open--
			}
		}
	}
	for _, x := range xs {
		c.addLet(s, x) // fuel2_once.go
	}
}

// nearProperty is the property quant.go's near reads for a kind: pred.go's
// adjective, or a cube (not one of pred.go's: as a list's or a count's
// test, its loop costs more fuel than those readers' own forms, "Number
// of cubes <= n" is read from the list of cubes).
func nearProperty(kind string) func(e *node) *node {
	if kind == "a cube" {
		return cubeOf
	}
	return isAdjectives[kind]
}

// cubeOf: e is a cube (of an integer of either sign) when |e| is j^3 for
// the least j >= 0 with j^3 >= |e|; j stops at 1290 (1291^3 leaves i32,
// and every cube in i32 is at most 1290^3).
func cubeOf(e *node) *node {
	a := call("abs", e)
	j3 := bin(kPow, vr("c_"), num(3))
	stop := or(&node{k: kCmp, name: ">=", kids: []*node{j3, a}}, &node{k: kCmp, name: ">=", kids: []*node{vr("c_"), num(1290)}})
	j := nthAt(num(1), "c_", 1, 0, stop)
	return eq(bin(kPow, j, num(3)), a)
}

// reLeastMultiple: "Least multiple of n == -1 (mod prime(n))", "Smallest
// positive multiple of 2n+1 whose digit sum is n", "Least nontrivial
// multiple of n such that ...".
var reLeastMultiple = regexp.MustCompile(`^(?:Smallest|Least) (positive |nontrivial |)multiple of (.+?) (?:(==|≡|congruent to) (.+?)|such that (.+?)|(?:that|which) is (.+?)|whose (.+?))\s*\.?\s*$`)

// leastMultiple: E times the least k >= 1 (>= 2: nontrivial) whose
// multiple m = E*k passes the condition.
func (c *collector) leastMultiple(s string) bool {
	m := reLeastMultiple.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	e, ok := parseN(m[2])
	if !ok {
		return true
	}
	var cond string
	switch {
	case m[3] != "":
		cond = "m " + m[3] + " " + m[4]
	case m[5] != "":
		cond = m[5]
	case m[6] != "":
		cond = "m is " + m[6]
	default:
		f, vp := verbSplit(m[7])
		if f == "" {
			return true
		}
		cond = "the " + f + " of m " + vp
	}
	pred := predicate(cond, "m", true)
	if pred == nil || !pred.uses("x_") {
		return true
	}
	lo := int64(1)
	if m[1] == "nontrivial " {
		lo = 2
	}
	at := bin(kMul, e, vr("x_"))
	k := nthAt(gt(e, num(0)), "x_", 1, lo, substitute(pred, "x_", at))
	c.add(s, bin(kMul, e, k))
	return true
}
