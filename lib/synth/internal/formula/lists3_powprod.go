package formula

// Lists of products of powers of fixed numbers (lists3_powprod.go):
//
//	Numbers of the form 4^i * 9^j, with i, j >= 0.      every product, once, in order
//	Numbers of the form 2^i*3^j*5^k.                    exponents from 0 or from 1: the examples decide
//	3-smooth numbers.                                   the products of powers of the primes <= 3
//
// Such a list thins out fast (some 60 terms of 2^i*3^j lie below 10^9):
// a scan over every number refuses it for fuel. powprod_(j, b1, ...,
// bm) is the j-th (from 1) number b1^e1 * ... * bm^em (every e >= 0),
// each value once (4^i*2^j lists 8 once). The program steps from one
// term to the next: for each product q of powers of b2..bm up to the best
// found, the least q*b1^e above the last term; the least of those is the
// next term. A step costs about as many multiplications as there are
// terms below it, n^2/2 for the n-th term.

import (
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

var (
	// "Numbers of the form 4^i * 9^j, with i, j >= 0.", "Numbers of form
	// 2^i*3^j*5^k."
	reLists3PowProd = regexp.MustCompile(`^(?:Numbers|Integers|Positive integers|Natural numbers) (?:that are )?of (?:the )?form:? (\d+\^[a-z](?: ?\* ?\d+\^[a-z]){1,3})(?:,? (?:with|where|for) ([a-z](?:, ?[a-z])*(?:,? and [a-z])?) (>= ?0|>= ?1|> ?0|nonnegative|non-negative|positive)(?: integers)?)?\s*\.?\s*$`)
	reLists3Factor  = regexp.MustCompile(`(\d+)\^([a-z])`)
)

// powProdMaxBase bounds the bases read (each >= 2).
const powProdMaxBase = 1 << 16

// lists3PowProd reads the lists above; it reports whether s had one of
// their shapes.
func (c *collector) lists3PowProd(s string) bool {
	m := reLists3PowProd.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	var bases []int64
	var letters []string
	for _, f := range reLists3Factor.FindAllStringSubmatch(m[1], -1) {
		b, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil || b < 2 || b > powProdMaxBase || slices.Contains(letters, f[2]) || slices.Contains(bases, b) {
			return true // a base out of range, a letter or a base twice
		}
		bases = append(bases, b)
		letters = append(letters, f[2])
	}
	froms := []int64{0, 1} // no clause: the examples decide
	if m[2] != "" {
		named := strings.FieldsFunc(strings.ReplaceAll(m[2], " and ", ","), func(r rune) bool { return r == ',' || r == ' ' })
		slices.Sort(named)
		have := slices.Clone(letters)
		slices.Sort(have)
		if !slices.Equal(named, have) {
			return true // the clause names other letters
		}
		froms = []int64{0}
		if b := strings.ReplaceAll(m[3], " ", ""); b == ">=1" || b == ">0" || b == "positive" {
			froms = []int64{1}
		}
	}
	for _, from := range froms {
		c.powProdList(s, bases, from)
	}
	return true
}

// powProdList adds the n-th (from n = 1 and from n = 0) product of powers
// of bases, every exponent >= from (from 1: the product of the bases
// times a term with exponents >= 0).
func (c *collector) powProdList(s string, bases []int64, from int64) {
	scale := int64(1)
	if from == 1 {
		for _, b := range bases {
			scale *= b
			if scale > 1<<31-1 {
				return
			}
		}
	}
	for _, base := range []int64{1, 0} {
		j := vr("n")
		if base == 0 {
			j = add(j, num(1))
		}
		args := []*node{j}
		for _, b := range bases {
			args = append(args, num(b))
		}
		x := call("powprod_", args...)
		if scale != 1 {
			x = bin(kMul, num(scale), x)
		}
		c.add(s, x)
	}
}

// lists3Smooth adds "p-smooth numbers" as products of powers of the primes
// up to p (p <= 7: at most four bases, the locals the program has).
func (c *collector) lists3Smooth(s string, p int64) {
	ps := primesUpTo(p)
	if len(ps) < 1 || len(ps) > 4 {
		return
	}
	c.powProdList(s, ps, 0)
}

// powProdRef is powprod_(j, bases...)'s exact value: the products up to
// a bound, sorted, each once, the bound raised (to 2^62 at most) until
// there are j of them; undefined for j < 1 or past them.
func powProdRef(v *evaluator, j int64, bases []int64) *big.Rat {
	if j < 1 || len(bases) == 0 {
		undefined()
	}
	for _, b := range bases {
		if b < 2 {
			undefined()
		}
	}
	for top := int64(1) << 10; ; top <<= 4 {
		vals := []int64{1}
		for _, b := range bases {
			var next []int64
			for _, q := range vals {
				for p := q; ; p *= b {
					v.tick(1)
					next = append(next, p)
					if p > top/b {
						break
					}
				}
			}
			vals = next
		}
		slices.Sort(vals)
		vals = slices.Compact(vals)
		if j <= int64(len(vals)) {
			return ratInt(vals[j-1])
		}
		if top >= 1<<58 {
			undefined()
		}
	}
}

// powProdLower pushes powprod_(j, b1, ..., bm): v the last term (0
// before the first), best the least product above v found so far (i32's
// largest, kept in lim: none yet), p the products q*b1^e, q[i] those of b(i+2)^e
// times the level above. A product past i32 becomes -1 (it ends its
// loop; no term); with no term left in i32 the count stops.
func (e *emitter) powProdLower(x *node) {
	var bases []int64
	for _, k := range x.kids[1:] {
		if !k.isNum() || k.val < 2 || k.val > powProdMaxBase {
			e.fail("powprod_: constant bases")
		}
		bases = append(bases, k.val)
	}
	if len(bases) == 0 {
		e.fail("powprod_: no base")
	}
	const top = int64(1<<31 - 1)
	cnt := e.copyOf(x.kids[0])
	v, best, p, lim := e.alloc(), e.alloc(), e.alloc(), e.alloc()
	qs := make([]int, len(bases)-1)
	for i := range qs {
		qs[i] = e.alloc()
	}
	// times sets l to l*b, or to -1 where that passes i32 (l > 0)
	times := func(l int, b int64) {
		e.get(l)
		e.get(lim)
		e.konst(b)
		e.emit(ir.OpI32DivS, ir.OpI32GtS, ir.OpIfBegin)
		e.konst(-1)
		e.emit(ir.OpElse)
		e.get(l)
		e.konst(b)
		e.emit(ir.OpI32Mul, ir.OpIfEnd)
		e.set(l)
	}
	// inner: p = q*b1^e, the least above v (or -1); best = min(best, p)
	inner := func(q func()) {
		q()
		e.set(p)
		e.while(func() {
			e.get(p)
			e.emit(ir.OpConst0, ir.OpI32GtS)
			e.get(p)
			e.get(v)
			e.emit(ir.OpI32LeS, ir.OpI32Mul)
		}, func() { times(p, bases[0]) })
		e.get(p)
		e.get(v)
		e.emit(ir.OpI32GtS)
		e.get(p)
		e.get(best)
		e.emit(ir.OpI32LtS, ir.OpI32Mul, ir.OpIfBegin)
		e.get(p)
		e.set(best)
		e.emit(ir.OpIfEnd)
	}
	var level func(i int, start func())
	level = func(i int, start func()) {
		if i == len(qs) {
			inner(start)
			return
		}
		q := qs[i]
		start()
		e.set(q)
		e.while(func() {
			e.get(q)
			e.emit(ir.OpConst0, ir.OpI32GtS)
			e.get(q)
			e.get(best)
			e.emit(ir.OpI32LeS, ir.OpI32Mul)
		}, func() {
			level(i+1, func() { e.get(q) })
			times(q, bases[i+1])
		})
	}
	e.konst(top)
	e.set(lim)
	e.emit(ir.OpConst0)
	e.set(v)
	e.while(func() { e.get(cnt); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() {
		e.get(lim)
		e.set(best)
		level(0, func() { e.emit(ir.OpConst1) })
		e.get(best)
		e.set(v)
		// cnt - 1, or 0 where no term was left below i32's largest
		e.get(cnt)
		e.emit(ir.OpConst1, ir.OpI32Sub)
		e.get(v)
		e.get(lim)
		e.emit(ir.OpI32LtS, ir.OpI32Mul)
		e.set(cnt)
	})
	e.get(v)
}

// lists3 runs the lists3*.go readers on the text's first sentence.
func (c *collector) lists3(text string) {
	s := firstSentence(text)
	c.lists3PowProd(s)
}
