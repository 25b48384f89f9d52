package formula

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// Lists named by a count of sums of two: "Numbers that are the sum of 2
// nonzero squares", "Numbers that are not the sum of two primes",
// "Numbers that are the sum of two distinct squares in exactly 2 ways".
// The n-th term x (from base, x >= lo) has cond on the number of ways to
// write x as a + b, a <= b (a < b: distinct) from a set. Its program
// fills a table of those counts up to a bound B (the set's members listed
// in memory above the counts, then every pair), scans it for the n-th
// term, and doubles B until the term is there; it must give the exact
// list's terms at every n up to 100, or there is no candidate.

// sumList is such a list.
type sumList struct {
	set      partSet
	zero     bool   // 0 is a member too
	distinct bool   // a < b
	op       string // the count's condition: "=" or ">=" k
	k        int64
	lo, base int64
}

// maxSumBound: the table's last bound (counts 0..B and the members above
// them fit memory).
const maxSumBound = 8192

var (
	reSumList = regexp.MustCompile(`^(Numbers|Positive integers|Nonnegative integers|Integers)(?: n)? (?:that|which) (?:are|can be written as|can be expressed as) (not )?(?:the |a )?sum of (.+?)(?: in (exactly|at least) (\w+) (?:different |distinct )?ways?| in (\w+) or more (?:different |distinct )?ways| in more than one way)?$`)
)

func (l sumList) String() string {
	z := ""
	if l.zero {
		z = " or 0"
	}
	d := "a <= b"
	if l.distinct {
		d = "a < b"
	}
	return "sums2[" + l.set.name + z + "; " + d + "; ways " + l.op + " " + itoa(l.k) + "; x >= " + itoa(l.lo) + "; from " + itoa(l.base) + "](n)"
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

// terms lists the list's terms up to maxSumBound (at most scanN+1 of them).
func (l sumList) terms() ([]int64, bool) {
	ks, ok := l.set.members(maxSumBound)
	if !ok {
		return nil, false
	}
	if l.zero {
		ks = append([]int64{0}, ks...)
	}
	ways := make([]int64, maxSumBound+1)
	for i, a := range ks {
		j := i
		if l.distinct {
			j++
		}
		for ; j < len(ks) && a+ks[j] <= maxSumBound; j++ {
			ways[a+ks[j]]++
		}
	}
	var out []int64
	for x := l.lo; x <= maxSumBound && len(out) <= scanN; x++ {
		if l.op == "=" && ways[x] == l.k || l.op == ">=" && ways[x] >= l.k {
			out = append(out, x)
		}
	}
	return out, true
}

// seq is a(n) for n = 0..scanN (-1 below base); false if the list has too
// few terms below maxSumBound to cover n = scanN.
func (l sumList) seq() ([]int64, bool) {
	ts, ok := l.terms()
	if !ok {
		return nil, false
	}
	return baseSeq(ts, l.base)
}

// baseSeq is a(n) = ts[n - base] for n = 0..scanN (-1 below base); false
// if ts has too few terms to cover n = scanN.
func baseSeq(ts []int64, base int64) ([]int64, bool) {
	if int64(len(ts)) < scanN+1-base {
		return nil, false
	}
	out := make([]int64, scanN+1)
	for n := range out {
		out[n] = -1
		if i := int64(n) - base; i >= 0 {
			out[n] = ts[i]
		}
	}
	return out, true
}

// lower compiles the list (see the file comment).
func (l sumList) lower() (ops []ir.Op, err error) {
	e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}}
	defer caught(&ops, &err)
	B, m := e.alloc(), e.alloc()
	e.konst(32)
	e.set(B)
	e.while(func() { e.get(B); e.konst(maxSumBound); e.emit(ir.OpI32LeS) }, func() {
		// the members <= B at B+1, B+2, ...
		e.emit(ir.OpConst0)
		e.set(m)
		push := func(v func()) {
			e.store(func() { e.get(B); e.emit(ir.OpConst1, ir.OpI32Add); e.get(m); e.emit(ir.OpI32Add) }, v)
			e.inc(m, 1)
		}
		if l.zero {
			push(func() { e.emit(ir.OpConst0) })
		}
		k := -1
		walk, err := e.walker(l.set, &k)
		if err != nil {
			e.fail("set")
		}
		walk(func() { e.get(B) }, func() { push(func() { e.get(k) }) })
		// the counts 0..B start at 0
		x := e.alloc()
		e.emit(ir.OpConst0)
		e.set(x)
		e.while(func() { e.get(x); e.get(B); e.emit(ir.OpI32LeS) }, func() {
			e.store(func() { e.get(x) }, func() { e.emit(ir.OpConst0) })
			e.inc(x, 1)
		})
		// every pair i <= j (i < j: distinct) of members with a sum <= B
		i, j := x, e.alloc()
		member := func(at int) {
			e.load(func() { e.get(B); e.emit(ir.OpConst1, ir.OpI32Add); e.get(at); e.emit(ir.OpI32Add) })
		}
		e.emit(ir.OpConst0)
		e.set(i)
		e.while(func() { e.get(i); e.get(m); e.emit(ir.OpI32LtS) }, func() {
			e.get(i)
			if l.distinct {
				e.emit(ir.OpConst1, ir.OpI32Add)
			}
			e.set(j)
			e.while(func() {
				e.get(j)
				e.get(m)
				e.emit(ir.OpI32LtS)
				member(i)
				member(j)
				e.emit(ir.OpI32Add)
				e.get(B)
				e.emit(ir.OpI32LeS, ir.OpI32Mul)
			}, func() {
				sum := func() { member(i); member(j); e.emit(ir.OpI32Add) }
				e.store(sum, func() { e.load(sum); e.emit(ir.OpConst1, ir.OpI32Add) })
				e.inc(j, 1)
			})
			e.inc(i, 1)
		})
		e.sumListScan(l.op, l.k, l.lo, l.base, B, m, j, x, func() { e.load(func() { e.get(x) }) })
	})
	e.emit(ir.OpConst0, ir.OpEnd) // past the last bound: the exact list has no term there either
	return e.finish()
}

// sumLists reads "Numbers that are (not) the sum of two ... (in exactly k
// ways)" and offers each reading (0 among the set where its noun starts
// at 0; the list from 0 or 1; its first term a(0) or a(1)) that checks,
// unless two agree on n = 1..9 and differ later.
func (c *collector) sumLists(text string) {
	s := strings.TrimSpace(reRefs.ReplaceAllString(firstSentence(reCfRef.ReplaceAllString(text, "")), ""))
	m := reSumList.FindStringSubmatch(s)
	if m == nil {
		return
	}
	sp, ok := readPartSpec(strings.ToLower(m[3]))
	if !ok || sp.count != 2 || sp.atMost || sp.atLeast || sp.kinds != 1 || sp.parity > 0 || sp.set.alt != nil {
		return
	}
	op, k, ok := sumListWays(m, s)
	if !ok {
		return
	}
	los := []int64{0, 1}
	if m[1] == "Positive integers" {
		los = []int64{1}
	}
	var ls []sumList
	for _, zero := range []bool{false, true} {
		if zero && !sp.zero {
			continue
		}
		for _, lo := range los {
			for _, base := range []int64{0, 1} {
				ls = append(ls, sumList{set: sp.set, zero: zero, distinct: sp.distinct, op: op, k: k, lo: lo, base: base})
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
			continue
		}
		expr := l.String()
		if c.seen[expr] || len(c.seen) >= maxFormulas {
			continue
		}
		c.seen[expr] = true
		ops, err := l.lower()
		if err != nil || !checkList(ops, seqs[i]) {
			continue
		}
		c.out = append(c.out, Candidate{Source: s, Ops: ops, Expr: expr})
	}
}

// checkList runs the program at n from the list's first index to 24,
// then sparser (nextPartsCheck) to scanN, and compares it with the exact
// terms; the largest bound's table is built at scanN.
func checkList(ops []ir.Op, want []int64) bool {
	e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
	if err != nil {
		return false
	}
	agreed := 0
	for n := 0; n < len(want); n = nextPartsCheck(n, len(want)-1) {
		w := want[n]
		if w < 0 {
			continue
		}
		got, err := e.Run([]int32{int32(n)}, ir.DefaultFuel)
		if err != nil || int64(got) != w {
			return false
		}
		agreed++
	}
	return agreed >= minAgreed
}

// sumListScan emits the scan of a sum list's table of counts at bound B:
// count down n - base (in local c) over the x from lo to B whose count
// (pushed by count) passes op k, returning the x where it reaches 0; past
// B, the locals above m are free again and B doubles for the next table.
func (e *emitter) sumListScan(op string, k, lo, base int64, B, m, c, x int, count func()) {
	e.get(-1)
	e.konst(base)
	e.emit(ir.OpI32Sub)
	e.set(c)
	e.konst(lo)
	e.set(x)
	e.while(func() { e.get(x); e.get(B); e.emit(ir.OpI32LeS) }, func() {
		count()
		e.konst(k)
		e.emit(cmpOps[op], ir.OpIfBegin)
		e.get(c)
		e.emit(ir.OpConst0, ir.OpI32Eq, ir.OpIfBegin)
		e.get(x)
		e.emit(ir.OpReturn, ir.OpIfEnd)
		e.inc(c, -1)
		e.emit(ir.OpIfEnd)
		e.inc(x, 1)
	})
	e.next = m + 1
	e.get(B)
	e.emit(ir.OpConst2, ir.OpI32Mul)
	e.set(B)
}

// sumListWays is the count condition of a reSumList match m of s: "in
// exactly k ways" (= k), "in at least k ways" / "in k or more ways" /
// "in more than one way" (>= k), none (>= 1), "not the sum of" (= 0); not
// ok when the words give no count or a negated one.
func sumListWays(m []string, s string) (op string, k int64, ok bool) {
	op, k = ">=", 1
	switch {
	case m[2] != "":
		if m[4] != "" || m[6] != "" || strings.HasSuffix(s, "one way") {
			return "", 0, false
		}
		op, k = "=", 0
	case m[4] != "":
		v, ok := countWord(m[5])
		if !ok || v < 1 {
			return "", 0, false
		}
		k = v
		if m[4] == "exactly" {
			op = "="
		}
	case m[6] != "":
		v, ok := countWord(m[6])
		if !ok || v < 1 {
			return "", 0, false
		}
		k = v
	case strings.HasSuffix(s, "in more than one way"):
		k = 2
	}
	return op, k, true
}
