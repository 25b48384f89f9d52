package formula

import (
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// Partitions and compositions counted with a table in memory: "Number of
// partitions of n into distinct odd parts", "... of 4*n+1 into at most 3
// parts", "Number of compositions of n into Pell numbers". A count is a
// partCount: the number partitioned (an expression in n), the set parts
// are drawn from (a predicate, the increasing values of a form, or of a
// linear recurrence of order 2), how often each part may be used, in how
// many kinds each part comes, whether order matters, and a bound on the
// number of parts. Its program fills a table p[j][i] (j parts, sum i) in
// memory, the usual dynamic programme: p[0][0] = 1; for each part k (and
// kind), for each i: p[j][i] += Sum_t p[j-t][i-t*k] (t the times k is
// used), i ascending where any multiplicity is allowed, else descending;
// compositions c[j][i] = Sum_k c[j-1][i-k]. Every step is an addition, so
// the i32 table is exact modulo 2^32 and a count that fits i32 is right.
//
// The exact count (count, below) runs the same definition natively in
// saturating int64 arithmetic, every member of the set decided by the
// exact evaluator; a candidate must agree with it at every n = 0..100
// until the count leaves i32, each run within ir.DefaultFuel (checkParts).

// partSet is the set of allowed parts: the k >= 1 where pred (over x_)
// holds; or the values form(x_) for x_ = from, from+1, ... (strictly
// increasing there, values < 1 skipped); or a recurrence's values r0, r1,
// then c1*prev + c0*prevprev (strictly increasing, r0 >= 1).
type partSet struct {
	pred *node
	form *node
	from int64
	rec  []int64  // r0, r1, c1, c0
	name string   // for Expr
	alt  *partSet // another reading of the same words ("prime powers": with 1)
	keep *node    // over x_: only the members where it holds (nil: all); "with largest part <= 5"
	max  int64    // > 0: no member passes it (a walk stops there)
	// openFrom: the text's form does not say where its variable starts
	// (0 here; parts_text.go offers 1 as another reading)
	openFrom bool
}

// partCount is what is counted (see the file comment).
type partCount struct {
	arg    *node // the number partitioned, over n
	set    partSet
	comp   bool  // compositions: order matters
	lo, hi int64 // each part used 0 or lo..hi times (hi 0: no bound); 1, 0 for partitions, 1, 1 for distinct parts
	kinds  int64 // each part comes in this many kinds
	cap    int64 // > 0: the number of parts is at most cap (atMost), at least cap (atLeast) or exactly cap
	atMost bool
	// atLeast: row cap holds cap or more parts (it reads itself too);
	// only where each pass adds one copy at a time
	atLeast bool
	// parity: the number of parts is odd (1) or even (2); 0: either (cap
	// is then 0; the table has two rows, the parts' count mod 2)
	parity int64
	// over: overpartitions, each part also once more in a kind of its own
	// (the first of its copies overlined)
	over bool
	// counted: the number of parts (cap, parity) counts only the parts
	// where it holds (over x_; nil: all)
	counted *node
	// pair: the ways to write arg as a + b, a from set (or 0 where zero),
	// b from pair (or 0 where pairZero): "the sum of a prime and a square"
	pair           *partSet
	zero, pairZero bool
	// perm: each partition (into distinct parts, cap rows, atMost) counts
	// once per order of its parts, j! for j parts: compositions into
	// distinct parts
	perm bool
}

// String prints a count for Candidate.Expr.
func (p partCount) String() string {
	var b strings.Builder
	if p.pair != nil {
		z := map[bool]string{true: " or 0", false: ""}
		b.WriteString("pairs[" + p.set.name + z[p.zero] + " + " + p.pair.name + z[p.pairZero] + "](" + p.arg.String() + ")")
		return b.String()
	}
	if p.comp {
		b.WriteString("compositions[")
	} else {
		b.WriteString("partitions[")
	}
	b.WriteString(p.set.name)
	if p.set.form != nil {
		b.WriteString(" from x_=" + strconv.FormatInt(p.set.from, 10))
	}
	if p.set.keep != nil {
		b.WriteString(" if " + p.set.keep.String())
	}
	if p.set.max > 0 {
		b.WriteString(" up to " + strconv.FormatInt(p.set.max, 10))
	}
	if p.counted != nil {
		b.WriteString("; counting " + p.counted.String())
	}
	if !p.comp && (p.lo != 1 || p.hi != 0) {
		b.WriteString("; used " + strconv.FormatInt(p.lo, 10) + ".." + strconv.FormatInt(p.hi, 10) + " times")
	}
	if p.kinds > 1 {
		b.WriteString("; " + strconv.FormatInt(p.kinds, 10) + " kinds")
	}
	if p.over {
		b.WriteString("; overlined")
	}
	if p.perm {
		b.WriteString("; in every order")
	}
	if p.parity > 0 {
		b.WriteString([]string{"", "; odd", "; even"}[p.parity] + " number of parts")
	}
	if p.cap > 0 {
		if p.atMost {
			b.WriteString("; at most ")
		} else if p.atLeast {
			b.WriteString("; at least ")
		} else {
			b.WriteString("; exactly ")
		}
		b.WriteString(strconv.FormatInt(p.cap, 10) + " parts")
	}
	b.WriteString("](" + p.arg.String() + ")")
	return b.String()
}

// pass is one run over the table for a part: each part used 0 or lo..hi
// times (hi 0: any).
type pass struct{ lo, hi int64 }

// passes lists the runs each part makes over the table.
func (p partCount) passes() []pass {
	var ps []pass
	for range p.kinds {
		ps = append(ps, pass{p.lo, p.hi})
	}
	if p.over {
		ps = append(ps, pass{1, 1})
	}
	return ps
}

// rows is the number of rows of the table.
func (p partCount) rows() int64 {
	switch {
	case p.parity > 0:
		return 2
	case p.cap > 0:
		return p.cap + 1
	}
	return 1
}

// maxPartsCap bounds the number of parts a count tracks (its table has
// cap+1 rows).
const maxPartsCap = 12

// members lists the set's values in 1..limit, ascending, decided exactly;
// false if the set's definition fails to evaluate or a form or recurrence
// does not increase.
func (s partSet) members(limit int64) ([]int64, bool) {
	if s.max > 0 {
		limit = min(limit, s.max)
	}
	all, ok := s.generate(limit)
	if !ok || s.keep == nil {
		return all, ok
	}
	var out []int64
	for _, k := range all {
		if passes(s.keep, k) {
			out = append(out, k)
		}
	}
	return out, true
}

// generate lists the set's values in 1..limit before keep.
func (s partSet) generate(limit int64) ([]int64, bool) {
	var out []int64
	switch {
	case s.form != nil:
		prev := int64(-1 << 62)
		for j := s.from; ; j++ {
			v := evaluator{steps: 10_000}
			r, err := v.evalAt(s.form, map[string]*big.Rat{"x_": ratInt(j)})
			if err != nil || !r.IsInt() {
				return nil, false
			}
			if !r.Num().IsInt64() || r.Num().Int64() > limit {
				return out, true
			}
			k := r.Num().Int64()
			if k <= prev || j-s.from > 1<<16 {
				return nil, false // not increasing: the program's walk would not end where this one does
			}
			prev = k
			if k >= 1 {
				out = append(out, k)
			}
		}
	case s.rec != nil:
		a, b := s.rec[0], s.rec[1]
		if a < 1 || b <= a {
			return nil, false
		}
		for a <= limit {
			out = append(out, a)
			c := s.rec[2]*b + s.rec[3]*a
			if c <= b {
				return nil, false
			}
			a, b = b, c
		}
		return out, true
	default:
		for k := int64(1); k <= limit; k++ {
			if s.pred == nil || passes(s.pred, k) {
				out = append(out, k)
			}
		}
		return out, true
	}
}

// satCap: the exact count saturates here (every term is a sum of
// nonnegative terms, so a saturated value is known to be past i32).
const satCap = int64(1) << 62

func satAdd(a, b int64) int64 {
	if a+b >= satCap || a+b < 0 {
		return satCap
	}
	return a + b
}

func satMul(a, b int64) int64 {
	if a != 0 && b > satCap/a {
		return satCap
	}
	return a * b
}

// table is the exact count for every number 0..maxN: table[m] is the
// count for m (the layers summed as the count asks).
func (p partCount) table(maxN int64) ([]int64, bool) {
	ks, ok := p.set.members(maxN)
	if !ok {
		return nil, false
	}
	if p.pair != nil {
		return p.pairTable(ks, maxN)
	}
	counts := make(map[int64]bool, len(ks)) // whether each part counts toward the number of parts
	for _, k := range ks {
		counts[k] = p.counted == nil || passes(p.counted, k)
	}
	countOf := func(k, u int64) int64 {
		if counts[k] {
			return u
		}
		return 0
	}
	if p.perm && p.atMost {
		// the exact count keeps every row the parts can fill, not just
		// the program's cap: where the two differ the count is past i32
		// and the check stops before
		for (p.cap+1)*(p.cap+2)/2 <= maxN {
			p.cap++
		}
	}
	rows := p.rows()
	t := make([][]int64, rows)
	for j := range t {
		t[j] = make([]int64, maxN+1)
	}
	t[0][0] = 1
	layer := func(j, d int64) (int64, bool) { // the row j parts move to with d more, and whether it exists
		switch {
		case p.parity > 0:
			return (j + d) % 2, true
		case p.cap == 0:
			return 0, true
		case p.atLeast:
			return min(j+d, p.cap), true
		}
		return j + d, j+d <= p.cap
	}
	if p.comp {
		for i := int64(1); i <= maxN; i++ {
			for j := int64(0); j < rows; j++ {
				for _, k := range ks {
					if k > i {
						break
					}
					to, ok := layer(j, countOf(k, 1))
					if !ok {
						continue
					}
					for range p.kinds {
						t[to][i] = satAdd(t[to][i], t[j][i-k])
					}
				}
			}
		}
	} else {
		for _, k := range ks {
			for _, ps := range p.passes() {
				if ps.lo == 1 && ps.hi == 0 {
					// any number of copies: in place, column i final before it is read
					d := countOf(k, 1)
					for i := int64(0); i+k <= maxN; i++ {
						for j := int64(0); j < rows; j++ {
							if to, ok := layer(j, d); ok && t[j][i] != 0 {
								t[to][i+k] = satAdd(t[to][i+k], t[j][i])
							}
						}
					}
					continue
				}
				old := make([][]int64, rows)
				for j := range old {
					old[j] = append([]int64(nil), t[j]...)
				}
				for j := int64(0); j < rows; j++ {
					for i := int64(0); i <= maxN; i++ {
						if old[j][i] == 0 {
							continue
						}
						for u := ps.lo; ps.hi == 0 || u <= ps.hi; u++ {
							to, ok := layer(j, countOf(k, u))
							if !ok || i+u*k > maxN {
								break
							}
							t[to][i+u*k] = satAdd(t[to][i+u*k], old[j][i])
						}
					}
				}
			}
		}
	}
	weight := func(j int64) int64 { // j! orders of j distinct parts, or 1
		w := int64(1)
		for m := int64(2); p.perm && m <= j; m++ {
			w = satMul(w, m)
		}
		return w
	}
	out := make([]int64, maxN+1)
	for i := range out {
		switch {
		case p.parity > 0:
			out[i] = t[2-p.parity][i]
		case p.cap == 0:
			out[i] = t[0][i]
		case p.atMost:
			for j := range t {
				out[i] = satAdd(out[i], satMul(weight(int64(j)), t[j][i]))
			}
		default:
			out[i] = satMul(weight(p.cap), t[p.cap][i])
		}
	}
	return out, true
}

// exactCounts is the count at each n = 0, 1, ... up to scanN (0 where
// the argument is negative), cut where the argument stops being an
// integer whose table fits memory; false if that happens before the count
// leaves i32 (the program would trap where the checks still look).
func (p partCount) exactCounts() ([]int64, bool) {
	rows := p.rows()
	var args []int64
	maxN := int64(0)
	for n := int64(0); n <= scanN; n++ {
		v := evaluator{steps: 10_000}
		r, err := v.eval(p.arg, n)
		if err != nil || !r.IsInt() || !r.Num().IsInt64() || (r.Num().Int64()+1)*rows > ir.MemWords {
			break
		}
		args = append(args, r.Num().Int64())
		maxN = max(maxN, args[n])
	}
	t, ok := p.table(maxN)
	if !ok {
		return nil, false
	}
	out := make([]int64, len(args))
	for n, a := range args {
		if a >= 0 {
			out[n] = t[a]
		}
	}
	if len(args) <= scanN && !slices.ContainsFunc(out, func(v int64) bool { return v > 1<<31-1 }) {
		return nil, false
	}
	return out, true
}

// addParts lowers p and offers it if its program computes the exact count
// at every n = 0..scanN until the count leaves i32 (at least minAgreed of
// them), each run within ir.DefaultFuel.
func (c *collector) addParts(source string, p partCount) {
	expr := p.String()
	if c.seen[expr] || len(c.seen) >= maxFormulas {
		return
	}
	c.seen[expr] = true
	want, ok := p.exactCounts()
	if !ok {
		return
	}
	ops, err := p.lower()
	if err != nil || !checkParts(ops, want) {
		return
	}
	c.out = append(c.out, Candidate{Source: strings.TrimSpace(source), Ops: ops, Expr: expr})
}

// nextPartsCheck steps n through 0..24, then by about a fifth of n, and
// to last (the last n whose count fits i32) before it passes it: every
// step of a table is an addition, exact modulo 2^32, so a program that
// is right on all small n goes wrong only by running out of fuel or
// memory, which grow with n and are seen at the largest.
func nextPartsCheck(n, last int) int {
	if n < 24 || n == last {
		return n + 1
	}
	return min(n+n/5, last)
}

// checkParts runs the program at n = 0..24, then sparser, up to the
// last n before want leaves i32.
func checkParts(ops []ir.Op, want []int64) bool {
	e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
	if err != nil {
		return false
	}
	last := len(want) - 1 // the last n whose count fits i32
	for n, w := range want {
		if w > 1<<31-1 {
			last = n - 1
			break
		}
	}
	agreed := 0
	for n := 0; n <= last; n = nextPartsCheck(n, last) {
		w := want[n]
		got, err := e.Run([]int32{int32(n)}, ir.DefaultFuel)
		if err != nil || int64(got) != w {
			return false
		}
		agreed++
	}
	return agreed >= minAgreed
}

// test pushes predicate x (over x_) at the value of local l.
func (e *emitter) test(x *node, l int) {
	old, had := e.env["x_"]
	e.env["x_"] = l
	e.lower(x)
	e.restore("x_", old, had)
}

// lower compiles p (see the file comment for the table). Locals: N, the
// part k (and the set's walk), i, j, t, and an accumulator.
func (p partCount) lower() (ops []ir.Op, err error) {
	e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(lowerError); !ok {
				panic(r)
			}
			ops, err = nil, errLower
		}
	}()
	arg, ok := normalize(p.arg, false)
	if !ok {
		return nil, errLower
	}
	if p.atLeast {
		for _, ps := range p.passes() {
			if ps.lo != 1 || ps.hi > 1 || p.perm || p.parity > 0 || p.atMost {
				return nil, errLower
			}
		}
	}
	var counted *node
	if p.counted != nil {
		if counted, ok = normalize(p.counted, false); !ok {
			return nil, errLower
		}
	}
	N := e.copyOf(arg)
	// N < 0: no partition (0, and no table is touched)
	e.get(N)
	e.emit(ir.OpConst0, ir.OpI32GeS, ir.OpIfBegin)
	e.store(func() { e.emit(ir.OpConst0) }, func() { e.emit(ir.OpConst1) })
	// addr pushes the address of row j (a local, or -1: row 0), column i
	addr := func(j int, i func()) {
		if j >= 0 {
			e.get(j)
			e.get(N)
			e.emit(ir.OpConst1, ir.OpI32Add, ir.OpI32Mul)
			i()
			e.emit(ir.OpI32Add)
			return
		}
		i()
	}
	k, i0 := -1, -1 // the part, and the column
	parts, err := e.walker(p.set, &k)
	if err != nil {
		return nil, err
	}
	if p.pair != nil {
		p.lowerPair(e, N, &k, parts)
		e.emit(ir.OpElse, ir.OpConst0, ir.OpIfEnd, ir.OpEnd)
		return e.finish()
	}
	top := p.rows() - 1
	// rows loops body over the rows j = from..top (a local), or runs it once with j = -1
	rows := func(from int64, body func(j int)) {
		if top == 0 {
			body(-1)
			return
		}
		j := e.alloc()
		e.konst(from)
		e.set(j)
		e.while(func() { e.get(j); e.konst(top); e.emit(ir.OpI32LeS) }, func() {
			body(j)
			e.inc(j, 1)
		})
		e.next--
	}
	// cell pushes the address of row (j - t) (mod 2 for a parity), column
	// i - t*k; t pushes t (nil: 1); j -1: one row
	shift := true // the part counts: row j reads row j - t (else row j)
	cell := func(j int, t func()) {
		if j >= 0 && !shift {
			e.get(j)
			e.get(N)
			e.emit(ir.OpConst1, ir.OpI32Add, ir.OpI32Mul)
		} else if j >= 0 {
			e.get(j)
			if t == nil {
				e.emit(ir.OpConst1)
			} else {
				t()
			}
			if p.parity > 0 {
				e.emit(ir.OpI32Add, ir.OpConst2, ir.OpI32RemS)
			} else {
				e.emit(ir.OpI32Sub)
			}
			e.get(N)
			e.emit(ir.OpConst1, ir.OpI32Add, ir.OpI32Mul)
		}
		e.get(i0)
		e.get(k)
		if t != nil {
			t()
			e.emit(ir.OpI32Mul)
		}
		e.emit(ir.OpI32Sub)
		if j >= 0 {
			e.emit(ir.OpI32Add)
		}
	}
	// split runs f with shift, or where some parts do not count, in an
	// IF on whether k counts: f with shift, else f without
	split := func(f func()) {
		if counted == nil {
			f()
			return
		}
		e.test(counted, k)
		e.emit(ir.OpIfBegin)
		f()
		e.emit(ir.OpElse)
		shift = false
		f()
		shift = true
		e.emit(ir.OpIfEnd)
	}
	// atLeastToo adds, in row cap of an "at least cap parts" table, the
	// row's own cell at i - k (one part more stays at cap or more)
	atLeastToo := func(j int) {
		if !p.atLeast || !shift || j < 0 {
			return
		}
		shift = false
		e.load(func() { cell(j, nil) })
		shift = true
		e.get(j)
		e.konst(p.cap)
		e.emit(ir.OpI32Eq, ir.OpI32Mul, ir.OpI32Add)
	}
	getN := func() { e.get(N) }
	switch {
	case p.comp:
		i0 = e.alloc()
		e.emit(ir.OpConst1)
		e.set(i0)
		e.while(func() { e.get(i0); e.get(N); e.emit(ir.OpI32LeS) }, func() {
			from := int64(1)
			if p.parity > 0 || counted != nil {
				from = 0
			}
			rows(from, func(j int) {
				acc := e.alloc()
				e.emit(ir.OpConst0)
				e.set(acc)
				parts(func() { e.get(i0) }, func() {
					split(func() {
						// acc += kinds * c[j-1][i-k] (row 0 has no row below)
						guard := shift && j >= 0 && p.parity == 0 && counted != nil
						if guard {
							e.get(j)
							e.emit(ir.OpIfBegin)
						}
						e.get(acc)
						e.load(func() { cell(j, nil) })
						atLeastToo(j)
						if p.kinds > 1 {
							e.konst(p.kinds)
							e.emit(ir.OpI32Mul)
						}
						e.emit(ir.OpI32Add)
						e.set(acc)
						if guard {
							e.emit(ir.OpIfEnd)
						}
					})
				})
				e.store(func() { addr(j, func() { e.get(i0) }) }, func() { e.get(acc) })
				e.next--
			})
			e.inc(i0, 1)
		})
		e.next--
	default:
		parts(getN, func() {
			for _, ps := range p.passes() {
				ascending := ps.lo == 1 && ps.hi == 0
				i0 = e.alloc()
				if ascending {
					e.get(k)
				} else {
					e.get(N)
				}
				e.set(i0)
				e.while(func() {
					e.get(i0)
					e.get(k)
					e.emit(ir.OpI32GeS)
					e.get(i0)
					e.get(N)
					e.emit(ir.OpI32LeS, ir.OpI32Mul)
				}, func() {
					// each row reads others at i - t*k only: in any order
					rows(0, func(j int) {
						split(func() {
							if ps.lo == 1 && (ps.hi == 0 || ps.hi == 1) {
								// p[j][i] += p[j-1][i-k] (j >= 1, or mod 2), t = 1
								guard := shift && j >= 0 && p.parity == 0
								if guard {
									e.get(j)
									e.emit(ir.OpIfBegin)
								}
								e.store(func() { addr(j, func() { e.get(i0) }) }, func() {
									e.load(func() { addr(j, func() { e.get(i0) }) })
									e.load(func() { cell(j, nil) })
									e.emit(ir.OpI32Add)
									atLeastToo(j)
								})
								if guard {
									e.emit(ir.OpIfEnd)
								}
								return
							}
							// p[j][i] += Sum_{t = lo..hi, t*k <= i, t <= j} p[j-t][i-t*k]
							t, acc := e.alloc(), e.alloc()
							e.load(func() { addr(j, func() { e.get(i0) }) })
							e.set(acc)
							e.konst(ps.lo)
							e.set(t)
							e.while(func() {
								e.get(t)
								e.get(k)
								e.emit(ir.OpI32Mul)
								e.get(i0)
								e.emit(ir.OpI32LeS)
								if ps.hi > 0 {
									e.get(t)
									e.konst(ps.hi)
									e.emit(ir.OpI32LeS, ir.OpI32Mul)
								}
								if shift && j >= 0 && p.parity == 0 {
									e.get(t)
									e.get(j)
									e.emit(ir.OpI32LeS, ir.OpI32Mul)
								}
							}, func() {
								e.get(acc)
								e.load(func() { cell(j, func() { e.get(t) }) })
								e.emit(ir.OpI32Add)
								e.set(acc)
								e.inc(t, 1)
							})
							e.store(func() { addr(j, func() { e.get(i0) }) }, func() { e.get(acc) })
							e.next -= 2
						})
					})
					if ascending {
						e.inc(i0, 1)
					} else {
						e.inc(i0, -1)
					}
				})
				e.next--
			}
		})
	}
	// the count: one row, or rows 0..cap summed, at column N
	switch {
	case top == 0:
		e.load(getN)
	case p.parity > 0 || !p.atMost:
		row := p.cap
		if p.parity > 0 {
			row = 2 - p.parity
		}
		e.load(func() {
			e.konst(row)
			e.get(N)
			e.emit(ir.OpConst1, ir.OpI32Add, ir.OpI32Mul)
			e.get(N)
			e.emit(ir.OpI32Add)
		})
		if p.perm {
			f := int64(1)
			for m := int64(2); m <= p.cap; m++ {
				f *= m
			}
			e.konst(f)
			e.emit(ir.OpI32Mul)
		}
	default:
		acc, fact := e.alloc(), e.alloc()
		e.emit(ir.OpConst0)
		e.set(acc)
		e.emit(ir.OpConst1)
		e.set(fact)
		rows(0, func(j int) {
			if p.perm { // fact = j!
				e.get(fact)
				e.get(j)
				e.get(j)
				e.emit(ir.OpConst0, ir.OpI32Eq, ir.OpI32Add, ir.OpI32Mul)
				e.set(fact)
			}
			e.get(acc)
			e.load(func() { addr(j, getN) })
			if p.perm {
				e.get(fact)
				e.emit(ir.OpI32Mul)
			}
			e.emit(ir.OpI32Add)
			e.set(acc)
		})
		e.get(acc)
		e.next -= 2
	}
	e.emit(ir.OpElse, ir.OpConst0, ir.OpIfEnd, ir.OpEnd)
	return e.finish()
}

// pairTable counts the ways to write each m <= maxN as a + b, a in ks
// (or 0 where p.zero), b in p.pair (or 0 where p.pairZero).
func (p partCount) pairTable(ks []int64, maxN int64) ([]int64, bool) {
	bs, ok := p.pair.members(maxN)
	if !ok {
		return nil, false
	}
	if p.zero {
		ks = append([]int64{0}, ks...)
	}
	if p.pairZero {
		bs = append([]int64{0}, bs...)
	}
	out := make([]int64, maxN+1)
	for _, a := range ks {
		for _, b := range bs {
			if a+b <= maxN {
				out[a+b]++
			}
		}
	}
	return out, true
}

// lowerPair emits the count of a + b = N: the words b <= N of the pair
// set marked 1 in memory (word 0 is 1 already: the table's start), then
// Sum over a of word N - a.
func (p partCount) lowerPair(e *emitter, N int, kp *int, first func(limit, body func())) {
	getN := func() { e.get(N) }
	if !p.pairZero {
		e.store(func() { e.emit(ir.OpConst0) }, func() { e.emit(ir.OpConst0) })
	}
	second, err := e.walker(*p.pair, kp)
	if err != nil {
		e.fail("pair set")
	}
	second(getN, func() { e.store(func() { e.get(*kp) }, func() { e.emit(ir.OpConst1) }) })
	acc := e.alloc()
	if p.zero { // a = 0
		e.load(getN)
	} else {
		e.emit(ir.OpConst0)
	}
	e.set(acc)
	first(getN, func() {
		e.get(acc)
		e.load(func() { e.get(N); e.get(*kp); e.emit(ir.OpI32Sub) })
		e.emit(ir.OpI32Add)
		e.set(acc)
	})
	e.get(acc)
	e.next--
}

// finish checks the emitted program's length and validity.
func (e *emitter) finish() ([]ir.Op, error) {
	if len(e.ops) > ir.MaxLength {
		return nil, errLower
	}
	if err := ir.Validate(ir.Program{Arity: 1, Ops: e.ops}); err != nil {
		return nil, errLower
	}
	return e.ops, nil
}

// walker returns a function that runs body for each member k of set up
// to the value limit pushes, k in the local *k points to while body runs.
func (e *emitter) walker(set partSet, kp *int) (func(limit func(), body func()), error) {
	var pred, keep, form *node
	var ok bool
	if set.pred != nil {
		if pred, ok = normalize(set.pred, false); !ok {
			return nil, errLower
		}
	}
	if set.keep != nil {
		if keep, ok = normalize(set.keep, false); !ok {
			return nil, errLower
		}
	}
	if set.form != nil {
		if form, ok = normalize(set.form, false); !ok {
			return nil, errLower
		}
	}
	return func(limit0 func(), body0 func()) {
		mark := e.next
		limit := limit0
		if set.max > 0 {
			// k <= min(limit, max) = limit - (limit - max)*[limit > max]
			limit = func() {
				limit0()
				limit0()
				e.konst(set.max)
				e.emit(ir.OpI32Sub)
				limit0()
				e.konst(set.max)
				e.emit(ir.OpI32GtS, ir.OpI32Mul, ir.OpI32Sub)
			}
		}
		body := body0
		if keep != nil {
			body = func() {
				e.test(keep, *kp)
				e.emit(ir.OpIfBegin)
				body0()
				e.emit(ir.OpIfEnd)
			}
		}
		switch {
		case form != nil:
			j := e.alloc()
			*kp = e.alloc()
			k := *kp
			e.konst(set.from)
			e.set(j)
			e.while(func() {
				old, had := e.env["x_"]
				e.env["x_"] = j
				e.lower(form)
				e.restore("x_", old, had)
				e.emit(ir.LocalTee(k))
				limit()
				e.emit(ir.OpI32LeS)
			}, func() {
				e.get(k)
				e.emit(ir.OpConst1, ir.OpI32GeS, ir.OpIfBegin)
				body()
				e.emit(ir.OpIfEnd)
				e.inc(j, 1)
			})
		case set.rec != nil:
			*kp = e.alloc()
			k := *kp
			b := e.alloc()
			e.konst(set.rec[0])
			e.set(k)
			e.konst(set.rec[1])
			e.set(b)
			e.while(func() { e.get(k); limit(); e.emit(ir.OpI32LeS) }, func() {
				body()
				// (k, b) = (b, c1*b + c0*k)
				e.get(b)
				e.konst(set.rec[2])
				e.get(b)
				e.emit(ir.OpI32Mul)
				e.konst(set.rec[3])
				e.get(k)
				e.emit(ir.OpI32Mul, ir.OpI32Add)
				e.set(b)
				e.set(k)
			})
		default:
			*kp = e.alloc()
			k := *kp
			e.emit(ir.OpConst1)
			e.set(k)
			e.while(func() { e.get(k); limit(); e.emit(ir.OpI32LeS) }, func() {
				if pred != nil {
					e.test(pred, k)
					e.emit(ir.OpIfBegin)
					body()
					e.emit(ir.OpIfEnd)
				} else {
					body()
				}
				e.inc(k, 1)
			})
		}
		e.next = mark
	}, nil
}
