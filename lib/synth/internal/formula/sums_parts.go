package formula

// Sums over the partitions of n into a fixed number of parts:
//
//	Sum of the cubes of the parts in the partitions of n into two distinct parts.
//	Sum of the third largest parts of the partitions of n into 4 parts.
//	Sum of the smallest parts of the partitions of n into 3 prime parts.
//	Sum of the products of the smaller and larger parts of the partitions
//	of n into two distinct parts with the larger part even.
//
// A partition of n into k parts (k = 2, 3, 4) is a1 <= a2 <= ... <= ak
// summing to n, all >= 1 (a1 < a2 < ... for distinct parts); the sum is
// nested sums over a1..a(k-1), ak = n minus the others, with a kind every
// part has ("prime", "odd", "squarefree": pred.go's words) and a kind one
// named part has ("with the larger part even") as conditions. The summed
// quantity: a part named by its rank (smallest, largest, middle, second
// largest, ...), the parts themselves (their sum, squares or cubes), or
// the product of two named parts.

import (
	"regexp"
	"strings"
)

var (
	reSumParts = regexp.MustCompile(`^(?i:(?:the )?sum of (?:all )?(?:the )?(.+?) (?:of|in) (?:all )?the partitions of n into (two|three|four|2|3|4) (distinct )?(?:([a-z]+) )?parts(?: with (?:the )?(smaller|larger|smallest|largest|middle) part ([a-z]+))?)\.?$`)
	// "products of the smaller and larger parts"
	reProdParts = regexp.MustCompile(`^products of the ([a-z ]+?) and ([a-z ]+?) parts$`)
)

var partCounts = map[string]int{"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}

// partRank is the index (0 = smallest) of a part named by rank among k,
// -1 if none.
func partRank(w string, k int) int {
	switch strings.TrimSuffix(strings.TrimSpace(w), " parts") {
	case "smallest", "smaller", "first":
		return 0
	case "largest", "larger", "last":
		return k - 1
	case "middle":
		if k == 3 {
			return 1
		}
	case "second smallest":
		if k > 2 {
			return 1
		}
	case "third smallest":
		if k > 3 {
			return 2
		}
	case "second largest":
		if k > 2 {
			return k - 2
		}
	case "third largest":
		if k > 3 {
			return k - 3
		}
	}
	return -1
}

// partSums reads s as a sum over the partitions of n into k parts.
func (c *collector) partSums(text string) {
	s := strings.TrimSpace(firstSentence(text))
	m := reSumParts.FindStringSubmatch(s)
	if m == nil {
		return
	}
	k := partCounts[strings.ToLower(m[2])]
	distinct := m[3] != ""
	what := strings.ToLower(m[1])
	parts := make([]*node, k) // a1..ak over the letters p0_.. and n
	for i := range k - 1 {
		parts[i] = vr("p" + string(rune('0'+i)) + "_")
	}
	rest := vr("n")
	for i := range k - 1 {
		rest = sub(rest, parts[i])
	}
	parts[k-1] = rest
	var body *node
	switch {
	case what == "parts", what == "all parts":
		body = vr("n")
	case what == "squares of the parts", what == "cubes of the parts":
		e := int64(2)
		if strings.HasPrefix(what, "cubes") {
			e = 3
		}
		for _, p := range parts {
			body = addNil(body, bin(kPow, cloneNode(p), num(e)))
		}
	case reProdParts.MatchString(what):
		pm := reProdParts.FindStringSubmatch(what)
		a, b := partRank(pm[1], k), partRank(pm[2], k)
		if a < 0 || b < 0 || a == b {
			return
		}
		body = mul(cloneNode(parts[a]), cloneNode(parts[b]))
	default:
		r := partRank(strings.TrimSuffix(what, " parts"), k)
		if r < 0 || !strings.HasSuffix(what, " parts") {
			return
		}
		body = cloneNode(parts[r])
	}
	var cond *node
	if m[4] != "" { // a kind every part has
		for _, p := range parts {
			q := predicate("x is "+kindArticle(m[4]), "x", false)
			if q == nil {
				return
			}
			cond = andNil(cond, substitute(q, "x_", cloneNode(p)))
		}
	}
	if m[5] != "" { // a kind one part has
		r := partRank(m[5], k)
		q := predicate("x is "+kindArticle(m[6]), "x", false)
		if r < 0 || q == nil {
			return
		}
		cond = andNil(cond, substitute(q, "x_", cloneNode(parts[r])))
	}
	if cond != nil {
		body = bin(kAnd, cond, body)
	}
	// the parts from the innermost: a(k-1) from a(k-2) (+1 distinct) to
	// floor((n - a1 - ... - a(k-2) - d)/2), and so on outward
	x := body
	for i := k - 2; i >= 0; i-- {
		lo := num(1)
		if i > 0 {
			lo = cloneNode(parts[i-1])
			if distinct {
				lo = add(lo, num(1))
			}
		}
		// a_i <= the k-i parts from a_i on, each at least a_i (a_i + j
		// for distinct): (k-i)*a_i + d <= n - a_1 - ... - a_(i-1)
		left := vr("n")
		for j := range i {
			left = sub(left, cloneNode(parts[j]))
		}
		d := int64(0)
		if distinct {
			d = int64((k - i - 1) * (k - i) / 2)
		}
		hi := un(kFloor, bin(kDiv, sub(left, num(d)), num(int64(k-i))))
		x = &node{k: kSum, name: parts[i].name, kids: []*node{lo, hi, x}}
	}
	c.add(s, x)
}

// kindArticle is "a prime", "an odd", ... for pred.go: an adjective as
// it stands ("odd", "even", "squarefree"), a noun with its article.
func kindArticle(w string) string {
	switch w {
	case "odd", "even", "squarefree", "prime", "composite":
		return w
	}
	if strings.ContainsRune("aeiou", rune(w[0])) {
		return "an " + w
	}
	return "a " + w
}

func addNil(a, b *node) *node {
	if a == nil {
		return b
	}
	return add(a, b)
}

func andNil(a, b *node) *node {
	if a == nil {
		return b
	}
	return bin(kAnd, a, b)
}
