package formula

// Operations on a sequence named in words that sums_seq.go does not take
// (phrase2): the sequence is read as seqReadings reads it (its name
// alone, each reading of where it starts), the operation applied, and the
// readings offered only where the examples tell them apart (seqToldApart).
//
//	Lucas numbers mod 20.                              x(n) mod 20
//	Motzkin numbers read modulo 6.                     (likewise)
//	Apply partial sum operator twice to Fibonacci numbers.   partial sums, twice
//	Third partial sums of the squares.                 partial sums, three times
//	Powers of 3 repeated four times.                   x(floor(n/4)), each start

import (
	"math/big"
	"regexp"
	"strconv"
	"strings"
)

var (
	// "Lucas numbers mod 20", "X read mod 2", "X modulo 7", "X (mod 10)"
	reP2SeqMod = regexp.MustCompile(`^(.+?),? (?:read |reduced |taken )?(?:mod|modulo|\(mod) (\d+)\)?$`)
	// "Apply partial sum operator twice to X", "Second partial sums of X"
	reP2SeqIter = regexp.MustCompile(`^(?i:apply (?:the )?partial sums? operator (twice|thrice|\d+ times) to|(second|third|fourth|fifth) partial sums of) (.+)$`)
	// "Powers of 3 repeated four times", "X, each repeated twice", "X, each term repeated 3 times"
	reP2SeqRepeat = regexp.MustCompile(`^(.+?),? (?:each (?:term |one )?)?repeated (twice|thrice|\d+ times|[a-z]+ times)$`)
)

// ph2Times reads "twice", "thrice", "3 times", "four times", "second", ...
func ph2Times(w string) (int64, bool) {
	w = strings.ToLower(strings.TrimSuffix(w, " times"))
	switch w {
	case "twice", "second":
		return 2, true
	case "thrice", "third":
		return 3, true
	case "fourth":
		return 4, true
	case "fifth":
		return 5, true
	}
	return phrase2Count(w, phrase2Small)
}

// phrase2Seq reads s (the first sentence, without its final period) as
// one of the operations above.
func (c *collector) phrase2Seq(s string) bool {
	s = strings.TrimSpace(strings.TrimSuffix(s, "."))
	var ys []*node
	switch {
	case reP2SeqIter.MatchString(s):
		m := reP2SeqIter.FindStringSubmatch(s)
		k, ok := ph2Times(m[1] + m[2])
		if !ok || k < 1 || k > 5 {
			return false
		}
		// k-fold partial sums from lo: Sum_{j=lo..n} C(n-j+k-1, k-1) x(j),
		// one sum (nested sums cost n^k evaluations)
		for _, x := range seqReadings(m[3]) {
			for _, lo := range []int64{0, 1} {
				j := vr("j_")
				w := call("binomial", add(sub(vr("n"), j), num(k-1)), num(k-1))
				body := mul(w, substitute(cloneNode(x), "n", j))
				ys = append(ys, &node{k: kSum, name: "j_", kids: []*node{num(lo), vr("n"), body}})
			}
		}
	case reP2SeqRepeat.MatchString(s):
		m := reP2SeqRepeat.FindStringSubmatch(s)
		k, ok := ph2Times(m[2])
		if !ok || k < 2 || k > 1000 {
			return false
		}
		for _, x := range seqReadings(m[1]) {
			for _, b := range []int64{0, 1} {
				for _, t := range []int64{0, 1} {
					j := add(un(kFloor, bin(kDiv, sub(vr("n"), num(b)), num(k))), num(t))
					ys = append(ys, substitute(cloneNode(x), "n", j))
				}
			}
		}
	case reP2SeqMod.MatchString(s):
		m := reP2SeqMod.FindStringSubmatch(s)
		md, err := strconv.ParseInt(m[2], 10, 32)
		if err != nil || md < 2 {
			return false
		}
		for _, x := range seqReadings(m[1]) {
			if has(x, kTri) {
				// a table "read mod 2": the table readers' (tri2.go
				// refuses a mod outside a table's formula)
				return false
			}
			if ph2ModActs(x, md) {
				ys = append(ys, bin(kMod, x, num(md)))
			}
		}
	default:
		return false
	}
	if len(ys) == 0 {
		c.note("seqop", "nothing read from "+s)
		return true
	}
	c.addToldApart(s, ys, "seqop", true)
	return true
}

// ph2ModActs reports whether x mod m differs from x at some n <= lastSeen
// (among the examples): where it does not, the examples cannot tell "X
// mod m" from other readings of the words ("Nonsquares mod 99" is the
// list of the quadratic nonresidues, which begins as the nonsquares do).
func ph2ModActs(x *node, m int64) bool {
	v := evaluator{steps: scanSteps}
	for n := int64(0); n <= lastSeen; n++ {
		r, err := v.eval(x, n)
		if err == errBudget {
			return false
		}
		if err != nil || !r.IsInt() {
			continue
		}
		if r.Sign() < 0 || r.Num().Cmp(big.NewInt(m)) >= 0 {
			return true
		}
	}
	return false
}
