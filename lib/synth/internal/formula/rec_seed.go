package formula

// Recurrences the text gives no start for, started from a sequence's
// first terms (Seeded).

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// seedTerms are a sequence's first terms, a(x0), a(x0+1), ...: what a
// recurrence without a start in the text starts from.
type seedTerms struct {
	x0 int64
	ys []int64
}

// minSeedChecks is the fewest terms past its start a seeded recurrence
// must reproduce: fewer, and the examples barely test it.
const minSeedChecks = 3

// reFrom: "for n >= 4", ", n > 3", "(n > 3)" right after a recurrence:
// the first n it holds at.
var reFrom = regexp.MustCompile(`^\s*[,;(]?\s*(?:for\s+(?:all\s+)?)?n\s*(>=|>|≥)\s*(\d+)\s*\)?(?:[.,;]|\s*$)`)

// Seeded is Candidates (arity 1) for a sequence whose first terms are
// known: ys are a(x0), a(x0+1), .... Besides what Candidates reads, a
// recurrence a(n) = f(n, a(n-1), ..., a(n-k)) whose text gives no start
// (or fewer than k consecutive terms) starts from the first terms of ys:
// k of them, or up to the first n the text says it holds at ("n > 3",
// "for n >= 4"). It is a candidate only if it then reproduces every
// other term of ys, at least minSeedChecks of them, and agrees with
// the terms the text does give.
func Seeded(text string, x0 int64, ys []int64) (cs []Candidate) {
	if len(text) > maxText || x0 < 0 || x0 > 1<<20 {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			cs = nil // as Candidates: a bug here must not take the caller down
		}
	}()
	return seeded(text, x0, ys, true)
}

// seeded is Seeded without the recover; isolate as in collector.
func seeded(text string, x0 int64, ys []int64, isolate bool) []Candidate {
	c := collector{seen: map[string]bool{}, lists: map[listKey]*nthMemo{}, seed: &seedTerms{x0: x0, ys: ys}, isolate: isolate}
	c.read(text)
	c.readDefinition(text) // isdef2.go: "a(n) is the number of ...", "unitary divisors"
	c.shifted()            // coverage_shift.go: the text counts n from 1, the terms from 0
	c.shiftedStart()       // fuel2_shift.go: the terms start where the formula is an integer
	return c.out
}

// seeded adds recurrence body of order ord started from c.seed's terms
// up to the first n it holds at (the text's "n >= m" after source, else
// x0 + ord), if it reproduces the rest.
func (c *collector) seeded(text, source string, body *node, ord int, given map[int64]int64) {
	x0, ys := c.seed.x0, c.seed.ys
	for i, v := range given { // what the text gives must be what the terms are
		if i >= x0 && i-x0 < int64(len(ys)) && ys[i-x0] != v {
			return
		}
	}
	from := x0 + int64(ord)
	if at := strings.Index(text, source); at >= 0 {
		if m := reFrom.FindStringSubmatch(text[at+len(source):]); m != nil {
			v, err := strconv.ParseInt(m[2], 10, 32)
			if err != nil {
				return
			}
			if m[1] == ">" {
				v++
			}
			from = max(from, v)
		}
	}
	k := from - x0 // the seeds
	if k > 30 || int64(len(ys))-k < minSeedChecks {
		return
	}
	for _, y := range ys[:k] {
		if y != int64(int32(y)) {
			return
		}
	}
	before := len(c.out)
	c.add(source, &node{k: kRec, val: x0, vals: ys[:k:k], ord: ord, kids: []*node{vr("n"), body}})
	if len(c.out) > before && !reproduces(c.out[len(c.out)-1].Ops, x0, ys) {
		c.out = c.out[:before]
	}
}

// reproduces reports whether ops gives a(x0+i) = ys[i] for every i.
func reproduces(ops []ir.Op, x0 int64, ys []int64) bool {
	e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
	if err != nil {
		return false
	}
	for i, y := range ys {
		v, err := e.Run([]int32{int32(x0 + int64(i))}, ir.DefaultFuel)
		if err != nil || int64(v) != y {
			return false
		}
	}
	return true
}
