package formula

// Lists named by how many times digits occur in base b, ranked instead of
// scanned (sets3_digits.go):
//
//	Numbers having four 5's in base 10.
//	Numbers whose base-4 representation contains exactly four 2's and three 3's.
//	Numbers whose base-5 representation contains no 1's and exactly two 3's.
//
// The other readers read these as the n-th x whose digcount(x, b, d) = c
// for each digit d named; a sparse list passes the fuel long before n =
// 100 scanned one x at a time. digrank_(j, b, d1, c1, d2, c2, ...) is the
// j-th positive number (from 1) whose base-b digits hold exactly c_i
// copies of each d_i: the program counts how many strings of r digits
// complete a prefix, C(r, c_1) * C(r - c_1, c_2) * ... * f^(r - c_1 - ...)
// (f the digits named by no d_i), finds the length of the j-th number from
// those counts and then its digits from the top, each the least digit whose
// completions reach j. Its cost grows with the number of digits, not with
// the value. The evaluator ranks by the same counts in math/big; the
// tests check both against members counted one by one.

import (
	"math/big"

	"github.com/irsynth/irsynth/lib/ir"
)

// digRankFree marks a digit no count constrains (the word of a digit that
// is constrained holds how many copies of it are still needed).
const digRankFree = -1000

// digRankSpec reads nth_{x_ >= lo, from base}(n; digcount(x_, b, d_1) =
// c_1 and ...) as digrank_(n - base + 1 + skip, b, d_1, c_1, ...), skip
// the positive members below lo (none when lo is a bound the counts
// imply); nil if x has another shape, 0 is a member at or past lo, or b is
// outside 3..16 (in base 2 the binomials of 30 digits pass i32).
func digRankSpec(x *node) *node {
	if x.k != kNth || x.name != "x_" || len(x.kids) != 3 || !x.kids[2].isNum() {
		return nil
	}
	idx := x.kids[0]
	if idx.k != kVar || idx.name != "n" {
		return nil
	}
	var atoms []*node
	var walk func(p *node) bool
	walk = func(p *node) bool {
		if p.k == kAnd {
			return walk(p.kids[0]) && walk(p.kids[1])
		}
		atoms = append(atoms, p)
		return true
	}
	walk(x.kids[1])
	b := int64(0)
	need := map[int64]int64{}
	var args []*node
	for _, a := range atoms {
		if a.k != kCmp || a.name != "=" || !a.kids[1].isNum() {
			return nil
		}
		f := a.kids[0]
		if f.k != kCall || f.name != "digcount" || len(f.kids) != 3 || f.kids[0].k != kVar || f.kids[0].name != "x_" ||
			!f.kids[1].isNum() || !f.kids[2].isNum() {
			return nil
		}
		fb, d, c := f.kids[1].val, f.kids[2].val, a.kids[1].val
		if b != 0 && fb != b || fb < 3 || fb > 16 || d < 0 || d >= fb || c < 0 || c > 30 {
			return nil
		}
		if _, dup := need[d]; dup {
			return nil
		}
		b, need[d] = fb, c
		args = append(args, num(d), num(c))
	}
	if b == 0 {
		return nil
	}
	lo := x.kids[2].val
	if lo < 0 || lo > 1<<20 {
		return nil
	}
	if lo == 0 && digRankMember(0, b, need) {
		return nil // 0 is first: the rank counts positive numbers only
	}
	skip := int64(0)
	for v := int64(1); v < lo; v++ {
		if digRankMember(v, b, need) {
			skip++
		}
	}
	j := add(sub(vr("n"), num(x.val)), num(1+skip))
	return call("digrank_", append([]*node{j, num(b)}, args...)...)
}

// digRankMember reports whether v's base-b digits hold exactly need[d]
// copies of each d in need (0 is the one digit 0).
func digRankMember(v, b int64, need map[int64]int64) bool {
	counts := map[int64]int64{}
	for _, d := range baseDigits(v, b) {
		counts[d]++
	}
	for d, c := range need {
		if counts[d] != c {
			return false
		}
	}
	return true
}

// digRankArgs reads digrank_'s constant arguments: the base and the counts.
func digRankArgs(a []int64) (b int64, need map[int64]int64) {
	if len(a) < 3 || len(a)%2 != 1 {
		undefined()
	}
	b, need = a[0], map[int64]int64{}
	for i := 1; i+1 < len(a); i += 2 {
		need[a[i]] = a[i+1]
	}
	return b, need
}

// digRank is digrank_'s exact value, by the counts the program uses, in
// math/big (the tests check both against numbers counted one by one).
func (v *evaluator) digRank(j int64, rest []int64) *big.Rat {
	b, need := digRankArgs(rest)
	if j < 1 || b < 2 {
		undefined()
	}
	left := map[int64]int64{}
	for d, c := range need {
		left[d] = c
	}
	free := big.NewInt(b - int64(len(need)))
	// count: the strings of r digits that complete what is placed
	count := func(r int64) *big.Int {
		v.tick(int(b))
		res, rr := big.NewInt(1), r
		for d := int64(0); d < b; d++ {
			c, ok := left[d]
			if !ok {
				continue
			}
			if c < 0 || c > rr {
				return new(big.Int)
			}
			res.Mul(res, new(big.Int).Binomial(rr, c))
			rr -= c
		}
		return res.Mul(res, new(big.Int).Exp(free, big.NewInt(rr), nil))
	}
	place := func(t, k int64) {
		if _, ok := left[t]; ok {
			left[t] -= k
		}
	}
	nn := big.NewInt(j)
	r := int64(0)
	for ; ; r++ {
		if r > 64 {
			panic(errBudget)
		}
		tot := new(big.Int)
		for t := int64(1); t < b; t++ {
			place(t, 1)
			tot.Add(tot, count(r))
			place(t, -1)
		}
		if nn.Cmp(tot) <= 0 {
			break
		}
		nn.Sub(nn, tot)
	}
	acc := new(big.Int)
	for t := int64(1); r >= 0; r, t = r-1, 0 {
		for ; ; t++ {
			if t >= b {
				panic("digrank_: no digit completes the rank") // the counts above say one does
			}
			place(t, 1)
			cnt := count(r)
			if nn.Cmp(cnt) <= 0 {
				break
			}
			nn.Sub(nn, cnt)
			place(t, -1)
		}
		acc.Mul(acc, big.NewInt(b))
		acc.Add(acc, big.NewInt(t))
	}
	return new(big.Rat).SetInt(acc)
}

// digRankLower pushes digrank_(j, b, d_1, c_1, ...): memory word d holds
// how many copies of digit d are still needed (digRankFree where none is
// named), word b the number built so far.
func (e *emitter) digRankLower(x *node) {
	var consts []int64
	for _, k := range x.kids[1:] {
		if !k.isNum() {
			e.fail("digrank_: constant arguments")
		}
		consts = append(consts, k.val)
	}
	b, need := digRankArgs(consts)
	free := b - int64(len(need))
	for d := int64(0); d < b; d++ {
		c, ok := need[d]
		if !ok {
			c = digRankFree
		}
		e.store(func() { e.konst(d) }, func() { e.konst(c) })
	}
	nn := e.copyOf(x.kids[0])
	r, t, res, rr, d, i, cb := e.alloc(), e.alloc(), e.alloc(), e.alloc(), e.alloc(), e.alloc(), e.alloc()
	wordAt := func(l int) func() { return func() { e.get(l) } }
	// place adds k (+1 or -1: a copy placed, or taken back) to what digit
	// t has placed, where t's count is constrained
	place := func(k int64) {
		e.load(wordAt(t))
		e.konst(digRankFree / 2)
		e.emit(ir.OpI32GtS, ir.OpIfBegin)
		e.store(wordAt(t), func() {
			e.load(wordAt(t))
			e.konst(1)
			if k > 0 {
				e.emit(ir.OpI32Sub)
			} else {
				e.emit(ir.OpI32Add)
			}
		})
		e.emit(ir.OpIfEnd)
	}
	// count leaves in res how many strings of r digits complete the
	// digits placed
	count := func() {
		e.emit(ir.OpConst1)
		e.set(res)
		e.get(r)
		e.set(rr)
		e.emit(ir.OpConst0)
		e.set(d)
		e.while(func() { e.get(d); e.konst(b); e.emit(ir.OpI32LtS) }, func() {
			e.load(wordAt(d))
			e.konst(digRankFree / 2)
			e.emit(ir.OpI32GtS, ir.OpIfBegin)
			// a constrained digit: 0 if its count is spent past 0 or more
			// than the positions left, else C(rr, c) ways
			e.load(wordAt(d))
			e.emit(ir.OpConst0, ir.OpI32LtS)
			e.load(wordAt(d))
			e.get(rr)
			e.emit(ir.OpI32GtS, ir.OpI32Add, ir.OpIfBegin, ir.OpConst0)
			e.set(res)
			e.emit(ir.OpElse, ir.OpConst1)
			e.set(cb)
			e.emit(ir.OpConst0)
			e.set(i)
			e.while(func() { e.get(i); e.load(wordAt(d)); e.emit(ir.OpI32LtS) }, func() {
				// C(rr, i+1) = C(rr, i) * (rr - i) / (i + 1), exact
				e.get(cb)
				e.get(rr)
				e.get(i)
				e.emit(ir.OpI32Sub, ir.OpI32Mul)
				e.get(i)
				e.emit(ir.OpConst1, ir.OpI32Add, ir.OpI32DivS)
				e.set(cb)
				e.inc(i, 1)
			})
			e.get(res)
			e.get(cb)
			e.emit(ir.OpI32Mul)
			e.set(res)
			e.get(rr)
			e.load(wordAt(d))
			e.emit(ir.OpI32Sub)
			e.set(rr)
			e.emit(ir.OpIfEnd, ir.OpIfEnd)
			e.inc(d, 1)
		})
		// the positions left take the free digits
		e.emit(ir.OpConst0)
		e.set(i)
		e.while(func() { e.get(i); e.get(rr); e.emit(ir.OpI32LtS) }, func() {
			e.get(res)
			e.konst(free)
			e.emit(ir.OpI32Mul)
			e.set(res)
			e.inc(i, 1)
		})
	}
	accAt := func() { e.konst(b) }
	// the length: r digits after the first, while the numbers of r+1
	// digits (leading digit 1..b-1) do not reach nn
	e.emit(ir.OpConst0)
	e.set(r)
	e.skipBlocks(nn, r, 31, func() {
		e.store(func() { e.konst(b + 1) }, func() { e.emit(ir.OpConst0) })
		e.emit(ir.OpConst1)
		e.set(t)
		e.while(func() { e.get(t); e.konst(b); e.emit(ir.OpI32LtS) }, func() {
			place(1)
			count()
			place(-1)
			e.store(func() { e.konst(b + 1) }, func() { e.load(func() { e.konst(b + 1) }); e.get(res); e.emit(ir.OpI32Add) })
			e.inc(t, 1)
		})
	}, func() { e.load(func() { e.konst(b + 1) }) }, nil)
	// the digits from the top: at each, the least t whose completions
	// reach nn (the first digit from 1)
	e.emit(ir.OpConst1)
	e.set(t)
	e.while(func() { e.get(r); e.emit(ir.OpConst0, ir.OpI32GeS) }, func() {
		e.skipBlocks(nn, t, b, func() {
			place(1)
			count()
		}, func() { e.get(res) }, func() { place(-1) })
		e.store(accAt, func() {
			e.load(accAt)
			e.konst(b)
			e.emit(ir.OpI32Mul)
			e.get(t)
			e.emit(ir.OpI32Add)
		})
		e.inc(r, -1)
		e.emit(ir.OpConst0)
		e.set(t)
	})
	e.load(accAt)
}

// digitRanks offers, for each reading of s the phrase readers give as a
// digit-count list, its ranked form.
func (c *collector) digitRanks(s string) {
	var xs []*node
	sc := collector{seen: map[string]bool{}, lists: map[listKey]*nthMemo{}, capture: func(x *node) { xs = append(xs, x) }}
	sc.phrases(s)
	for _, x := range xs {
		if y := digRankSpec(x); y != nil {
			c.add(s, y)
		}
		if y := runRankSpec(x); y != nil { // sets3_runs.go
			c.add(s, y)
		}
	}
}

// skipBlocks emits the walk of a ranking past whole blocks of members:
// while (prep; nn > block and v < limit) { nn -= block; after; v += 1 },
// block pushing the size of the block at v (after may be nil). The
// ranked lists of digit counts and of runs (sets3_runs.go) walk this way
// to their length and to each digit.
func (e *emitter) skipBlocks(nn, v int, limit int64, prep, block, after func()) {
	e.while(func() {
		prep()
		e.get(nn)
		block()
		e.emit(ir.OpI32GtS)
		e.get(v)
		e.konst(limit)
		e.emit(ir.OpI32LtS, ir.OpI32Mul)
	}, func() {
		e.get(nn)
		block()
		e.emit(ir.OpI32Sub)
		e.set(nn)
		if after != nil {
			after()
		}
		e.inc(v, 1)
	})
}
