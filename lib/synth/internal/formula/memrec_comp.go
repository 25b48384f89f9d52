package formula

// Complementary equations: "a(n) = a(n-1) + a(n-2) + b(n) + 2*n, where
// a(0) = 1, a(1) = 2, b(0) = 3, b(1) = 4, b(2) = 5, and (a(n)) and
// (b(n)) are increasing complementary sequences" (Kimberling). The
// recurrence for a reads b, the increasing sequence of the positive
// integers a misses: b(i) is the least integer above b(i-1) that is not
// among a(i0..i-1), found before a(i). The program keeps b beside a in
// memory (words memB on) and a pointer into a that only moves forward.
// The exact evaluator computes both the same way, and the reading is
// offered only if what it computes is what the text says: a and b
// increasing, disjoint, and together every integer from 1 (or 0) up to
// the smaller of their last terms.

import (
	"math/big"
	"regexp"

	"github.com/irsynth/irsynth/lib/ir"
)

// memB is the word where a complementary pair's b(i0) is kept (a(i0) is
// at word 0).
const memB = ir.MemWords / 2

var (
	reComplementary = regexp.MustCompile(`(?i)\bcomplementary (?:equation|sequences)\b`)
	reTableA        = regexp.MustCompile(`\ba\(`)
	reTableB        = regexp.MustCompile(`\bb\(`)
)

// complement appends to t.b the terms up to b(i): each the least integer
// above the one before that is not among a(i0..) below its index.
func (v *evaluator) complement(t *memTable, i int64) {
	for int64(len(t.b)) <= i-t.i0 {
		if len(t.b) == 0 {
			undefined() // b's first term is the text's
		}
		k := int64(len(t.b)) // b(i0+k), from a(i0..i0+k-1)
		c := new(big.Rat).Add(t.b[k-1], ratInt(1))
		for {
			v.tick(int(k))
			in := false
			for _, y := range t.terms[:k] {
				if y.Cmp(c) == 0 {
					in = true
					break
				}
			}
			if !in {
				break
			}
			c.Add(c, ratInt(1))
		}
		t.b = append(t.b, c)
	}
}

// complementary reports whether the terms computed of pair t, a's first
// na of them, are what the text says: a and b increasing, disjoint, and
// every integer from 1 (or 0) up to the smaller of their last terms in
// one of them.
func complementary(t *memTable, na int) bool {
	as, bs := t.terms[:na], t.b[:min(na, len(t.b))]
	if len(as) == 0 || len(bs) == 0 {
		return false
	}
	in := map[int64]int{}
	for _, s := range [][]*big.Rat{as, bs} {
		for j, y := range s {
			if !y.IsInt() || !y.Num().IsInt64() || j > 0 && y.Cmp(s[j-1]) <= 0 {
				return false
			}
			in[y.Num().Int64()]++
		}
	}
	lo := min(as[0].Num().Int64(), bs[0].Num().Int64())
	hi := min(as[len(as)-1].Num().Int64(), bs[len(bs)-1].Num().Int64())
	if lo < 0 || lo > 1 || hi-lo > 1<<20 {
		return false
	}
	for y := lo; y <= hi; y++ {
		if in[y] != 1 {
			return false
		}
	}
	return true
}

// complement emits, for a pair's program, the code that writes b(i)
// (i in home i) where the text gives no b(i), and returns it: c runs up
// from b(i-1) + 1 past the a(p) equal to it, p moving forward over
// a(i0..i-1) (an increasing a is checked by the evaluator).
func (e *emitter) complement(x *node, first, off int64) func(i int) {
	i0 := x.val
	nb := i0 + int64(len(x.kids[2].vals))
	p, c, hit := e.alloc(), e.alloc(), e.alloc()
	e.konst(i0)
	e.set(p)
	ap := func() { e.load(func() { e.addr(p, off) }) } // a(p)
	return func(i int) {
		pBelow := func() { e.get(p); e.get(i); e.emit(ir.OpI32LtS) }
		e.after(i, nb, func() {
			e.load(func() { e.addr(i, off+memB-1) })
			e.emit(ir.OpConst1, ir.OpI32Add)
			e.set(c)
			e.emit(ir.OpConst1)
			e.set(hit)
			e.while(func() { e.get(hit) }, func() {
				e.while(func() { pBelow(); ap(); e.get(c); e.emit(ir.OpI32LtS, ir.OpI32Mul) }, func() { e.inc(p, 1) })
				pBelow()
				ap()
				e.get(c)
				e.emit(ir.OpI32Eq, ir.OpI32Mul)
				e.set(hit)
				e.get(c)
				e.get(hit)
				e.emit(ir.OpI32Add)
				e.set(c)
			})
			e.store(func() { e.addr(i, off+memB) }, func() { e.get(c) })
		})
	}
}

// memComp adds the complementary pair's recurrence body (over i_) from
// the terms of a and b the text gives, both from the same index.
func (c *collector) memComp(text, source string, body *node) {
	ga := initialTerms(text)
	gb := initialTerms(reTableB.ReplaceAllString(reTableA.ReplaceAllString(text, "q("), "a("))
	run := func(g map[int64]int64) (int64, []int64) {
		i0 := int64(1 << 40)
		for i := range g {
			i0 = min(i0, i)
		}
		var vals []int64
		for i := i0; ; i++ {
			y, ok := g[i]
			if !ok {
				break
			}
			vals = append(vals, y)
		}
		return i0, vals
	}
	if len(ga) == 0 || len(gb) == 0 {
		return
	}
	i0, as := run(ga)
	j0, bs := run(gb)
	if i0 != j0 || i0 < 0 || len(as) > 30 || len(bs) > 30 {
		return
	}
	x := memNode(body, i0, as)
	x.name = "ab"
	x.kids = append(x.kids, &node{k: kTable, vals: bs, kids: []*node{num(0)}})
	c.memAdd(source, x, ga)
}
