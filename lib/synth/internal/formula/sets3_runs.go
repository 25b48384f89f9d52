package formula

// Lists named by the number of runs of their base-b digits, ranked
// instead of scanned (sets3_runs.go), as sets3_digits.go ranks digit
// counts:
//
//	Numbers whose base-4 representation has exactly 7 runs.
//	Numbers n such that number of runs in the base 4 representation of n is congruent to 7 mod 9.
//
// runrank_(j, b, m, a) is the j-th positive number (from 1) whose base-b
// digits make R runs with R = a (m = 0) or R == a (mod m). After a prefix
// with R runs, the strings of r more digits that start k new runs number
// C(r, k) * (b-1)^k; the program sums them over the k the condition
// allows to find the n-th member's length and then its digits from the
// top.

import (
	"math/big"

	"github.com/irsynth/irsynth/lib/ir"
)

// runRankSpec reads nth_{x_ >= lo, from base}(n; nruns(x_, b) = a) and
// (nruns(x_, b) mod m) = a as runrank_; nil for any other shape (bases
// 3..16, as digRankSpec).
func runRankSpec(x *node) *node {
	if x.k != kNth || x.name != "x_" || len(x.kids) != 3 || !x.kids[2].isNum() {
		return nil
	}
	if idx := x.kids[0]; idx.k != kVar || idx.name != "n" {
		return nil
	}
	p := x.kids[1]
	if p.k != kCmp || p.name != "=" || !p.kids[1].isNum() {
		return nil
	}
	f, m := p.kids[0], int64(0)
	if f.k == kMod && f.kids[1].isNum() {
		f, m = f.kids[0], f.kids[1].val
		if m < 2 || m > 64 {
			return nil
		}
	}
	if f.k != kCall || f.name != "nruns" || len(f.kids) != 2 || f.kids[0].k != kVar || f.kids[0].name != "x_" || !f.kids[1].isNum() {
		return nil
	}
	b, a := f.kids[1].val, p.kids[1].val
	if b < 3 || b > 16 || a < 0 || a > 30 || m > 0 && a >= m {
		return nil
	}
	lo := x.kids[2].val
	if lo < 0 || lo > 1<<20 {
		return nil
	}
	member := func(v int64) bool { return runRankMember(v, b, m, a) }
	if lo == 0 && member(0) {
		return nil
	}
	skip := int64(0)
	for v := int64(1); v < lo; v++ {
		if member(v) {
			skip++
		}
	}
	j := add(sub(vr("n"), num(x.val)), num(1+skip))
	return call("runrank_", j, num(b), num(m), num(a))
}

// runRankMember reports whether v's base-b digits make R runs with R = a
// (m = 0) or R == a (mod m).
func runRankMember(v, b, m, a int64) bool {
	ds := baseDigits(v, b)
	R := int64(1)
	for i := 1; i < len(ds); i++ {
		if ds[i] != ds[i-1] {
			R++
		}
	}
	return runRankOK(R, m, a)
}

func runRankOK(R, m, a int64) bool {
	if m == 0 {
		return R == a
	}
	return R%m == a
}

// runRank is runrank_'s exact value, by the same counts in math/big (the
// tests check it against members counted one by one).
func (v *evaluator) runRank(j, b, m, a int64) *big.Rat {
	if j < 1 || b < 2 || m < 0 || m == 1 {
		undefined()
	}
	// count: the strings of r more digits after a prefix of R runs
	count := func(r, R int64) *big.Int {
		v.tick(int(r) + 1)
		s := new(big.Int)
		for k := int64(0); k <= r; k++ {
			if runRankOK(R+k, m, a) {
				t := new(big.Int).Binomial(r, k)
				s.Add(s, t.Mul(t, new(big.Int).Exp(big.NewInt(b-1), big.NewInt(k), nil)))
			}
		}
		return s
	}
	nn := big.NewInt(j)
	r := int64(0)
	for ; ; r++ {
		if r > 64 {
			panic(errBudget)
		}
		tot := new(big.Int).Mul(big.NewInt(b-1), count(r, 1))
		if nn.Cmp(tot) <= 0 {
			break
		}
		nn.Sub(nn, tot)
	}
	acc, R, prev := new(big.Int), int64(0), int64(-1)
	for t := int64(1); r >= 0; r, t = r-1, 0 {
		for ; ; t++ {
			if t >= b {
				panic(errBudget) // the counts above say some digit completes the rank
			}
			R1 := R
			if t != prev {
				R1++
			}
			cnt := count(r, R1)
			if nn.Cmp(cnt) <= 0 {
				R = R1
				break
			}
			nn.Sub(nn, cnt)
		}
		prev = t
		acc.Mul(acc, big.NewInt(b))
		acc.Add(acc, big.NewInt(t))
	}
	return new(big.Rat).SetInt(acc)
}

// runRankLower pushes runrank_(j, b, m, a): memory word 0 holds the
// number built so far (its last digit the previous one), word 1 a sum.
func (e *emitter) runRankLower(x *node) {
	for _, k := range x.kids[1:] {
		if !k.isNum() {
			e.fail("runrank_: constant arguments")
		}
	}
	b, m, a := x.kids[1].val, x.kids[2].val, x.kids[3].val
	nn := e.copyOf(x.kids[0])
	r, t, R, res, k, cb, pw := e.alloc(), e.alloc(), e.alloc(), e.alloc(), e.alloc(), e.alloc(), e.alloc()
	word := func(w int64) func() { return func() { e.konst(w) } }
	// ok pushes whether R + k satisfies the condition
	ok := func() {
		e.get(R)
		e.get(k)
		e.emit(ir.OpI32Add)
		if m > 0 {
			e.konst(m)
			e.emit(ir.OpI32RemS)
		}
		e.konst(a)
		e.emit(ir.OpI32Eq)
	}
	// count leaves in res the strings of r more digits after a prefix of
	// R runs: the sum of C(r, k) * (b-1)^k over the k ok allows
	count := func() {
		e.emit(ir.OpConst0)
		e.set(res)
		e.emit(ir.OpConst1)
		e.set(cb)
		e.emit(ir.OpConst1)
		e.set(pw)
		e.emit(ir.OpConst0)
		e.set(k)
		e.while(func() { e.get(k); e.get(r); e.emit(ir.OpI32LeS) }, func() {
			ok()
			e.emit(ir.OpIfBegin)
			e.get(res)
			e.get(cb)
			e.get(pw)
			e.emit(ir.OpI32Mul, ir.OpI32Add)
			e.set(res)
			e.emit(ir.OpIfEnd)
			// C(r, k+1) = C(r, k) * (r - k) / (k + 1), exact
			e.get(cb)
			e.get(r)
			e.get(k)
			e.emit(ir.OpI32Sub, ir.OpI32Mul)
			e.get(k)
			e.emit(ir.OpConst1, ir.OpI32Add, ir.OpI32DivS)
			e.set(cb)
			e.get(pw)
			e.konst(b - 1)
			e.emit(ir.OpI32Mul)
			e.set(pw)
			e.inc(k, 1)
		})
	}
	// the length: r digits after the first while (b-1) * count(r, 1)
	// does not reach nn
	e.emit(ir.OpConst0)
	e.set(r)
	e.emit(ir.OpConst1)
	e.set(R)
	e.skipBlocks(nn, r, 31, func() {
		count()
		e.get(res)
		e.konst(b - 1)
		e.emit(ir.OpI32Mul)
		e.set(res)
	}, func() { e.get(res) }, nil)
	// the digits from the top; R counts the runs of the digits placed,
	// word 0 the number they make (-1 before the first: no digit equals it)
	e.emit(ir.OpConst0)
	e.set(R)
	e.store(word(0), func() { e.emit(ir.OpConst0) })
	e.emit(ir.OpConst1)
	e.set(t)
	// newRun pushes 1 if t starts a run: the first digit, or t differs
	// from the last one placed
	newRun := func() {
		e.get(R)
		e.emit(ir.OpConst0, ir.OpI32Eq)
		e.get(t)
		e.load(word(0))
		e.konst(b)
		e.emit(ir.OpI32RemS, ir.OpI32Ne, ir.OpI32Add, ir.OpConst0, ir.OpI32GtS)
	}
	e.while(func() { e.get(r); e.emit(ir.OpConst0, ir.OpI32GeS) }, func() {
		e.skipBlocks(nn, t, b, func() {
			// R + [t starts a run] runs, then count
			e.store(word(1), func() { e.get(R) })
			e.get(R)
			newRun()
			e.emit(ir.OpI32Add)
			e.set(R)
			count()
			e.load(word(1))
			e.set(R)
		}, func() { e.get(res) }, nil)
		e.get(R)
		newRun()
		e.emit(ir.OpI32Add)
		e.set(R)
		e.store(word(0), func() {
			e.load(word(0))
			e.konst(b)
			e.emit(ir.OpI32Mul)
			e.get(t)
			e.emit(ir.OpI32Add)
		})
		e.inc(r, -1)
		e.emit(ir.OpConst0)
		e.set(t)
	})
	e.load(word(0))
}
