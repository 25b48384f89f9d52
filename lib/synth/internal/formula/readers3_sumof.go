package formula

import (
	"math/big"
	"regexp"
	"strings"
)

// Sums and products of the members of a set the count readers read
// (readers3, session 10): "Sum of the numbers k <= n such that k is
// squarefree or k divides n", "Sum of the squarefree numbers less than n
// that are relatively prime to n", "Product of the primes p <= n such that
// p+2 is prime". Whatever the text says after "Sum of", read as "Number
// of ..." by the other readers, is a count Sum_{x=a..b} [P(x)] of
// the members x with a 0/1 condition; the sum is then Sum [P(x)]*x and the
// product Product ([P(x)]*x + not P(x)) over the same range. A count read any other way (a closed form, a table, a count of
// tuples) gives nothing here.

var (
	reSumOfMembers = regexp.MustCompile(`^(?:The )?(Sum|Product|Number|sum|product|number) of (?:all )?(?:the )?(.+?)\.?$`)
	// "squarefree numbers that are less than n, not dividing n, and ...":
	// the bound first, "squarefree numbers < n that are not dividing n, and ..."
	reBoundInClause = regexp.MustCompile(`^(.+?) (?:that|which) are (less than|smaller than|below|at most|not exceeding|not greater than|not larger than|<=|<) n(?:,? and |, )(.+)$`)
)

// boundFirst moves a bound on the members from their clause before it
// ("KIND that are less than n, P" is "KIND < n that are P"); "" if the
// clause opens with no bound.
func boundFirst(w string) string {
	m := reBoundInClause.FindStringSubmatch(w)
	if m == nil || strings.Contains(m[1], " that ") {
		return ""
	}
	op := "<="
	switch m[2] {
	case "less than", "smaller than", "below", "<":
		op = "<"
	}
	rest := m[3]
	if strings.Count(rest, ",") == 1 {
		// "not dividing n, and relatively prime to n": two parts left
		rest = strings.Replace(strings.Replace(rest, ", and ", " and ", 1), ", or ", " or ", 1)
	}
	return m[1] + " " + op + " n that are " + rest
}

// readers3SumOf reads "Sum of X" and "Product of X" as the sum or product
// over the members the count "Number of X" runs over.
func (c *collector) readers3SumOf(text string) {
	if c.capture != nil {
		return // inside another reader's rewrite: "Number of X" may be read as a "Sum of" again
	}
	s := strings.TrimSpace(firstSentence(text))
	m := reSumOfMembers.FindStringSubmatch(s)
	if m == nil || !sumOfCounted(m[2]) {
		return
	}
	prod := strings.EqualFold(m[1], "product")
	words := m[2]
	if bf := boundFirst(words); bf != "" {
		words = bf
	} else if strings.EqualFold(m[1], "number") {
		return // a count as written: the count readers' own
	}
	for _, x := range captured("Number of " + words + ".") {
		if strings.EqualFold(m[1], "number") {
			c.add(s, x)
			continue
		}
		var y *node
		switch {
		case x.k == kSum && len(x.kids) == 3 && isZeroOne(x.kids[2]) && x.kids[2].uses(x.name):
			y = &node{k: kSum, name: x.name, kids: []*node{x.kids[0], x.kids[1], member(x.kids[2], x.name, prod)}}
			if prod {
				y.k = kProd
			}
		default:
			continue
		}
		c.add(s, y)
	}
}

// sumOfCounted: the words name members counted one by one (numbers,
// integers, primes, a variable), not digits, parts or ways; divisors are
// ops3_div.go's.
func sumOfCounted(w string) bool {
	head := strings.ToLower(w) // the counted noun: the words before its clause
	for _, cl := range []string{" that ", " which ", " such that ", " with ", " having ", " for which "} {
		if i := strings.Index(head, cl); i >= 0 {
			head = head[:i]
		}
	}
	if strings.TrimSpace(head) == "" {
		return false
	}
	for _, bad := range []string{"divisor", "dividing", "digit", "part", "way", "term", "bit", "step", "cell", "element", "entr", "row", "column", "coefficient", "solution", "pair", "triple", "partition", "composition", "path", "word", "tree", "graph", "permutation"} {
		if strings.Contains(head, bad) {
			return false
		}
	}
	return true
}

// member is the summand of the member v where cond holds: cond and v (a
// sum), (cond and v) + not cond (a product).
func member(cond *node, v string, prod bool) *node {
	x := and(cond, vr(v))
	if prod {
		return bin(kAdd, x, not(cloneNode(cond)))
	}
	return x
}

// isZeroOne: x is 0 or 1 wherever it is defined.
func isZeroOne(x *node) bool {
	switch x.k {
	case kCmp, kIsPrime, kCmp0:
		return true
	case kAnd:
		return isZeroOne(x.kids[1])
	case kNum:
		return x.val == 0 || x.val == 1
	}
	return false
}

// toldApartEarly reports whether every two of the readings xs defined
// somewhere on n = 5..lastSeen take different values at some n there,
// where the first ten terms show them for any offset up to 5: at most one
// of them fits the examples, so offering all of them cannot give an
// answer that the examples would not catch. It returns those readings
// (one undefined on all of 5..lastSeen is no reading of the examples).
func toldApartEarly(xs []*node) ([]*node, bool) {
	v := evaluator{steps: scanSteps}
	var keep []*node
	var vals [][]*big.Rat
	for _, x := range xs {
		var rs []*big.Rat
		defined := false
		for n := int64(5); n <= lastSeen; n++ {
			r, err := v.eval(x, n)
			if err == errBudget {
				return nil, false
			}
			if err != nil {
				r = nil
			}
			defined = defined || r != nil
			rs = append(rs, r)
		}
		if defined {
			keep = append(keep, x)
			vals = append(vals, rs)
		}
	}
	if len(keep) == 0 {
		return nil, false
	}
	for i := range keep {
		for j := range i {
			apart := false
			for k := range vals[i] {
				a, b := vals[i][k], vals[j][k]
				if a != nil && b != nil && a.Cmp(b) != 0 {
					apart = true
					break
				}
			}
			if !apart {
				return nil, false
			}
		}
	}
	return keep, true
}
