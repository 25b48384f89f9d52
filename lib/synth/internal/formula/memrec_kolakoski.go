package formula

// Kolakoski sequences: "Kolakoski-(1,5) sequence: a(n) is length of n-th
// run." The sequence over the symbols p, q (p first, then alternating by
// run) is its own run-length encoding: run r (from 0) has the symbol p
// for even r, q for odd r, and length a(r+1), or its own symbol where
// a(r+1) is not yet written (the first runs). The program writes the
// runs to memory, word i holding a(i) (from 1), until a(n) is written.

import (
	"math/big"
	"regexp"
	"strconv"

	"github.com/irsynth/irsynth/lib/ir"
)

// reKolakoski: "Kolakoski-(p,q) sequence", "Kolakoski sequence" ((1,2))
// with its run-length description.
var reKolakoski = regexp.MustCompile(`^(?i:kolakoski)(?:-\((\d+),\s*(\d+)\))? sequence(?:[:;,.]|$)`)

// kolakoski reads the name of a Kolakoski sequence over p != q, both
// from 1 to 9; the sequence starts at index 1.
func (c *collector) kolakoski(text string) {
	m := reKolakoski.FindStringSubmatch(text)
	if m == nil {
		return
	}
	p, q := int64(1), int64(2)
	if m[1] != "" {
		p, _ = strconv.ParseInt(m[1], 10, 64)
		q, _ = strconv.ParseInt(m[2], 10, 64)
	}
	if p == q || p < 1 || q < 1 || p > 9 || q > 9 {
		return
	}
	c.add(m[0], &node{k: kMem, name: "K", val: 1, vals: []int64{p, q}, kids: []*node{vr("n")}})
}

// kolakoskiAt is term n (from 1) of x's sequence, by writing its runs.
func (v *evaluator) kolakoskiAt(x *node, n int64) *big.Rat {
	if n < 1 || n > ir.MemWords-10 {
		undefined()
	}
	p, q := x.vals[0], x.vals[1]
	a := []int64{0} // a[i] is a(i)
	for r := int64(0); int64(len(a)) <= n; r++ {
		s := p
		if r%2 == 1 {
			s = q
		}
		l := s
		if r+1 < int64(len(a)) {
			l = a[r+1]
		}
		v.tick(int(l))
		for range l {
			a = append(a, s)
		}
	}
	return ratInt(a[n])
}

// kolakoski pushes term n of x's sequence: w terms written so far, run r
// of symbol s and length l, each written to word w+1, w+2, ....
func (e *emitter) kolakoski(x *node) {
	p, q := x.vals[0], x.vals[1]
	n := e.hold(x.kids[0])
	w, r, s, l := e.alloc(), e.alloc(), e.alloc(), e.alloc()
	e.emit(ir.OpConst0)
	e.set(w)
	e.emit(ir.OpConst0)
	e.set(r)
	e.while(func() { e.get(w); e.get(n); e.emit(ir.OpI32LtS) }, func() {
		// s = p + (q - p)*(r mod 2)
		e.konst(p)
		e.konst(q - p)
		e.get(r)
		e.emit(ir.OpConst2, ir.OpI32RemS, ir.OpI32Mul, ir.OpI32Add)
		e.set(s)
		// l = a(r+1) if r+1 <= w, else s
		e.get(s)
		e.set(l)
		e.get(r)
		e.get(w)
		e.emit(ir.OpI32LtS, ir.OpIfBegin)
		e.load(func() { e.get(r); e.emit(ir.OpConst1, ir.OpI32Add) })
		e.set(l)
		e.emit(ir.OpIfEnd)
		e.while(func() { e.get(l); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() {
			e.inc(w, 1)
			e.store(func() { e.get(w) }, func() { e.get(s) })
			e.inc(l, -1)
		})
		e.inc(r, 1)
	})
	e.load(func() { e.get(n) })
}
