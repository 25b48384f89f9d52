package formula

import (
	"regexp"
	"slices"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// Lists named by a count of sums of K >= 3 members of a set, and sums
// named as a plural noun (readers3, session 10): "Numbers that are the
// sum of 4 nonzero squares", "Numbers that are the sum of eight squares
// in three or more ways", "Sums of two distinct abundant numbers",
// "Sums of three cubes". parts_list.go reads two members; this file
// counts the multisets {a_1 <= ... <= a_K} (a_1 < ... < a_K: distinct)
// of members summing to x for every x up to a bound B, by the
// knapsack recurrence ways_j(x) += ways_{j-1}(x - s) over the members s
// in turn (x and j ascending lets s repeat; descending, not), and scans
// the counts for the n-th x >= lo whose count passes the condition,
// doubling B until the term is there. A count at x depends on the
// members <= x only, so every bound's table is a prefix of the last
// one's: the exact list comes from that table, which must stay in i32.

// sumKList is such a list.
type sumKList struct {
	set      partSet
	zero     bool // 0 is a member too
	distinct bool
	parts    int64  // K
	op       string // the count's condition: "=" or ">=" k
	k        int64
	lo, base int64
}

// maxSumKParts bounds K (the table has K+1 rows in memory).
const maxSumKParts = 8

// sumKBound is the last bound B for K parts: the K+1 rows of counts
// 0..B and the members <= B above them fit in memory.
func sumKBound(parts int64) int64 {
	b := int64(32)
	for (parts+2)*(2*b+1) <= ir.MemWords {
		b *= 2
	}
	return b
}

var (
	// "Sums of 3 positive cubes", "Sums of two distinct abundant numbers"
	reSumsOfNoun = regexp.MustCompile(`^Sums of ((?:two|three|four|five|six|seven|eight|[2-8]) .+)$`)
)

func (l sumKList) String() string {
	z := ""
	if l.zero {
		z = " or 0"
	}
	d := "a_1 <= ... <= a_K"
	if l.distinct {
		d = "a_1 < ... < a_K"
	}
	return "sumsK[" + l.set.name + z + "; K = " + itoa(l.parts) + "; " + d + "; ways " + l.op + " " + itoa(l.k) + "; x >= " + itoa(l.lo) + "; from " + itoa(l.base) + "](n)"
}

// ways counts, for x = 0..B, the multisets (sets: distinct) of K members
// summing to x; false where the set cannot be listed or a count leaves
// i32.
func (l sumKList) ways(B int64) ([]int64, bool) {
	ks, ok := l.set.members(B)
	if !ok {
		return nil, false
	}
	if l.zero {
		ks = append([]int64{0}, ks...)
	}
	K := int(l.parts)
	dp := make([][]int64, K+1)
	for j := range dp {
		dp[j] = make([]int64, B+1)
	}
	dp[0][0] = 1
	for _, s := range ks {
		if s < 0 || s > B {
			continue
		}
		if l.distinct {
			for x := B; x >= s; x-- {
				for j := K; j >= 1; j-- {
					dp[j][x] += dp[j-1][x-s]
				}
			}
		} else {
			for x := s; x <= B; x++ {
				for j := 1; j <= K; j++ {
					dp[j][x] += dp[j-1][x-s]
				}
			}
		}
		for j := 1; j <= K; j++ {
			if slices.Max(dp[j]) > 1<<31-1 {
				return nil, false // the program's counts would wrap
			}
		}
	}
	return dp[K], true
}

// seq is a(n) for n = 0..scanN (-1 below base); false if the list has too
// few terms below the last bound to cover n = scanN.
func (l sumKList) seq() ([]int64, bool) {
	B := sumKBound(l.parts)
	ways, ok := l.ways(B)
	if !ok {
		return nil, false
	}
	var ts []int64
	for x := l.lo; x <= B && len(ts) <= scanN; x++ {
		if l.op == "=" && ways[x] == l.k || l.op == ">=" && ways[x] >= l.k {
			ts = append(ts, x)
		}
	}
	return baseSeq(ts, l.base) // parts_list.go
}

// lower compiles the list (see the file comment): row j of the counts at
// j*W, W = B + 1, the members from (K+1)*W on.
func (l sumKList) lower() (ops []ir.Op, err error) {
	e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}}
	defer caught(&ops, &err)
	K := l.parts
	B, w, m := e.alloc(), e.alloc(), e.alloc()
	e.konst(32)
	e.set(B)
	e.while(func() { e.get(B); e.konst(sumKBound(K)); e.emit(ir.OpI32LeS) }, func() {
		e.get(B)
		e.emit(ir.OpConst1, ir.OpI32Add)
		e.set(w)
		members := func() { e.konst(K + 1); e.get(w); e.emit(ir.OpI32Mul) }
		// the counts start at 0, ways_0(0) = 1
		x := e.alloc()
		e.emit(ir.OpConst0)
		e.set(x)
		e.while(func() { e.get(x); members(); e.emit(ir.OpI32LtS) }, func() {
			e.store(func() { e.get(x) }, func() { e.emit(ir.OpConst0) })
			e.inc(x, 1)
		})
		e.store(func() { e.emit(ir.OpConst0) }, func() { e.emit(ir.OpConst1) })
		// the members <= B
		e.emit(ir.OpConst0)
		e.set(m)
		push := func(v func()) {
			e.store(func() { members(); e.get(m); e.emit(ir.OpI32Add) }, v)
			e.inc(m, 1)
		}
		if l.zero {
			push(func() { e.emit(ir.OpConst0) })
		}
		mark := e.next
		k := -1
		walk, err := e.walker(l.set, &k)
		if err != nil {
			e.fail("set")
		}
		walk(func() { e.get(B) }, func() { push(func() { e.get(k) }) })
		e.next = mark
		// each member s in turn: ways_j(x) += ways_{j-1}(x - s)
		i, s, a := e.alloc(), e.alloc(), e.alloc()
		e.emit(ir.OpConst0)
		e.set(i)
		e.while(func() { e.get(i); e.get(m); e.emit(ir.OpI32LtS) }, func() {
			e.load(func() { members(); e.get(i); e.emit(ir.OpI32Add) })
			e.set(s)
			// x runs s..B (descending for distinct members)
			first, last, step := func() { e.get(s) }, func() { e.get(B) }, int64(1)
			if l.distinct {
				first, last, step = last, first, -1
			}
			first()
			e.set(x)
			inRange := func(v int, end func()) {
				e.get(v)
				end()
				if step > 0 {
					e.emit(ir.OpI32LeS)
				} else {
					e.emit(ir.OpI32GeS)
				}
			}
			e.while(func() { inRange(x, last) }, func() {
				// a runs over x + j*W, j = 1..K (K..1 for distinct)
				if step > 0 {
					e.get(x)
					e.get(w)
				} else {
					e.get(x)
					e.konst(K)
					e.get(w)
					e.emit(ir.OpI32Mul)
				}
				e.emit(ir.OpI32Add)
				e.set(a)
				e.while(func() {
					if step > 0 {
						e.get(a)
						e.konst(K)
						e.get(w)
						e.emit(ir.OpI32Mul)
						e.get(x)
						e.emit(ir.OpI32Add, ir.OpI32LeS)
					} else {
						e.get(a)
						e.get(w)
						e.emit(ir.OpI32GeS)
					}
				}, func() {
					e.store(func() { e.get(a) }, func() {
						e.load(func() { e.get(a) })
						e.load(func() { e.get(a); e.get(w); e.emit(ir.OpI32Sub); e.get(s); e.emit(ir.OpI32Sub) })
						e.emit(ir.OpI32Add)
					})
					e.get(a)
					e.get(w)
					if step > 0 {
						e.emit(ir.OpI32Add)
					} else {
						e.emit(ir.OpI32Sub)
					}
					e.set(a)
				})
				e.inc(x, step)
			})
			e.inc(i, 1)
		})
		// the scan (parts_list.go): count down n - base over the x >= lo
		// whose count of K parts passes
		e.sumListScan(l.op, l.k, l.lo, l.base, B, m, a, x, func() {
			e.load(func() { e.konst(K); e.get(w); e.emit(ir.OpI32Mul); e.get(x); e.emit(ir.OpI32Add) })
		})
	})
	e.emit(ir.OpConst0, ir.OpEnd) // past the last bound: the exact list has no term there either
	return e.finish()
}

// readers3Sums reads "Numbers that are (not) the sum of K ... (in exactly
// k ways)" for K >= 3 (parts_list.go reads K = 2) and "Sums of K ..."
// for K >= 2, and offers each reading (0 among the set where its noun
// starts at 0; the list from 0 or 1; its first term a(0) or a(1)) that
// checks, unless two agree on n = 1..9 and differ later.
func (c *collector) readers3Sums(text string) {
	s := strings.TrimSpace(reRefs.ReplaceAllString(firstSentence(reCfRef.ReplaceAllString(text, "")), ""))
	var spec string
	op, k := ">=", int64(1) // "Sums of K ...": in one way at least
	los := []int64{0, 1}
	minParts := int64(3)
	if m := reSumList.FindStringSubmatch(s); m != nil {
		spec = m[3]
		var ok bool
		if op, k, ok = sumListWays(m, s); !ok {
			return
		}
		if m[1] == "Positive integers" {
			los = []int64{1}
		}
	} else if m := reSumsOfNoun.FindStringSubmatch(s); m != nil {
		spec, minParts = m[1], 2
	} else {
		return
	}
	sp, ok := readPartSpec(strings.ToLower(spec))
	if !ok || sp.count < minParts || sp.count > maxSumKParts || sp.atMost || sp.atLeast || sp.kinds != 1 || sp.parity > 0 || sp.set.alt != nil || sp.counted != nil {
		return
	}
	var ls []sumKList
	for _, zero := range []bool{false, true} {
		if zero && !sp.zero {
			continue
		}
		for _, lo := range los {
			for _, base := range []int64{0, 1} {
				ls = append(ls, sumKList{set: sp.set, zero: zero, distinct: sp.distinct, parts: sp.count, op: op, k: k, lo: lo, base: base})
			}
		}
	}
	seqs := make([][]int64, len(ls))
	for i, l := range ls {
		seqs[i], _ = l.seq()
	}
	for i, l := range ls {
		if seqs[i] == nil || slices.ContainsFunc(seqs[:i], func(q []int64) bool { return slices.Equal(q, seqs[i]) }) {
			continue // no reading, or the same list as one before
		}
		clash := false
		for j := range ls {
			if j != i && seqs[j] != nil && sameEarly(seqs[i], seqs[j]) && !sameAll(seqs[i], seqs[j]) {
				clash = true
			}
		}
		if clash {
			c.note("readings", "differ past the examples")
			continue
		}
		expr := l.String()
		if c.seen[expr] || len(c.seen) >= maxFormulas {
			continue
		}
		c.seen[expr] = true
		ops, err := l.lower()
		if err != nil {
			c.note("lower", err.Error())
			continue
		}
		if !checkList(ops, seqs[i]) {
			c.note("refused", "sums of K: the program differs from the list or runs out of fuel")
			continue
		}
		c.out = append(c.out, Candidate{Source: s, Ops: ops, Expr: expr})
	}
}

func init() {
	// plural nouns for sets of parts (parts_text.go's partNouns)
	partNouns["abundant numbers"] = func() (partSet, bool) {
		return predSet(gt(call("sigma", vr("x_")), bin(kMul, num(2), vr("x_"))), "abundant"), false
	}
}
