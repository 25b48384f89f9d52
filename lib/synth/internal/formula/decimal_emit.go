package formula

import (
	"math"
	"math/big"

	"github.com/irsynth/irsynth/lib/ir"
)

// The program of a decimal expansion: a long number S in memory, limbs of
// decB (three digits) at words 0..Q, limb 0 the integer part; Q =
// (p + decGuard)/3 + 1 for the digit position p the run asks for. Each
// atom's series runs into S: its terms in their own region (words
// 1000*(i+1) on), each term one pass over the limbs that multiplies and
// divides by small numbers (the quotient digits carried high to low in
// locals), added to S's limbs times an integer coefficient without
// carries, so S's limbs are signed and unnormalized until one pass
// normalizes them (low to high, with a bias that keeps the carries'
// division exact). A last pass divides by the common denominator; the
// digit comes from limb (p+2)/3.

const (
	decB      = 1000          // limb base
	decGuard  = 12            // digits past p that the run computes
	decBias   = 1_000_000_000 // added before a normalizing division (a multiple of decB)
	decMaxQ   = 110           // the largest Q whose bounds are checked (p up to about 315)
	decStride = 1000          // words between regions
	// locals
	dQ = 7
)

// decTerm is one atom's part of the program: coefficient b times the
// atom's series X' (X' = atom value / scale).
type decTerm struct {
	at datom
	b  int64
	// root: approximant p/q, r = u/v; log: k, u, v (x = 2^k (v+u)/(v-u))
	p, q, u, v, k int64
}

// decProgram is the program of (a + sum b_i X'_i) / c, its digit at
// position p = n + shift.
type decProgram struct {
	a, c  int64
	terms []decTerm
	shift int64
}

// decScale returns the atom's series scale s (atom = s * X') and fills
// the series' parameters; ok false if no series here sums it.
func decSeries(t *decTerm) (*big.Rat, bool) {
	switch t.at.kind {
	case 'p': // Euler: Pi = 2 sum_j j!/(2j+1)!!
		return big.NewRat(2, 1), true
	case 'x':
		u, v := t.at.r.Num(), t.at.r.Denom()
		if !u.IsInt64() || !v.IsInt64() || abs64(u.Int64()) > 20*v.Int64() || v.Int64() > 1000 || abs64(u.Int64()) > 1000 {
			return nil, false
		}
		t.u, t.v = u.Int64(), v.Int64()
		return big.NewRat(1, 1), true
	case 'r':
		root := math.Pow(float64(t.at.n), 1/float64(t.at.k))
		best := 0.0
		for p := int64(2); ; p++ {
			v, ok := ipow50(p, t.at.k)
			if !ok || v > 2_000_000 {
				break
			}
			q := int64(float64(p) / root)
			for ; q >= 1; q-- {
				qk, ok := ipow50(q, t.at.k)
				if !ok || qk > (1<<50)/t.at.n {
					continue
				}
				u := t.at.n*qk - v
				if u < 0 {
					if rate := math.Log10(float64(v) / float64(-u)); rate > best && -u < 5000 {
						best, t.p, t.q, t.u, t.v = rate, p, q, u, v
					}
					break
				}
			}
		}
		if best < 0.3 {
			return nil, false
		}
		return big.NewRat(t.p, t.q), true
	case 'l':
		x := t.at.r
		if x.Sign() <= 0 || !x.Num().IsInt64() || !x.Denom().IsInt64() {
			return nil, false
		}
		a, b := x.Num().Int64(), x.Denom().Int64()
		k := int64(math.Round(math.Log2(float64(a) / float64(b))))
		if k > 30 || k < -30 {
			return nil, false
		}
		num, den := a, b
		if k >= 0 {
			den <<= k
		} else {
			num <<= -k
		}
		u, v := num-den, num+den
		g := gcd64(u, v)
		u, v = u/g, v/g
		if v > 1400 || 3*abs64(u) > v {
			return nil, false
		}
		t.k, t.u, t.v = k, u, v
		// 3v log x = 2kv S1 + 6u S2
		return big.NewRat(1, 3*v), true
	}
	return nil, false
}

// decPlan turns a constant into a program plan with digit shift s.
func decPlan(x dconst, shift int64) (*decProgram, bool) {
	pr := &decProgram{shift: shift}
	type part struct {
		t    decTerm
		coef *big.Rat // of X'
	}
	var parts []part
	den := big.NewInt(1)
	lcm := func(d *big.Int) {
		g := new(big.Int).GCD(nil, nil, den, d)
		den.Mul(den, new(big.Int).Quo(d, g))
	}
	rat := new(big.Rat)
	for k, c := range x.terms {
		if c.Sign() == 0 {
			continue
		}
		if k == "" {
			rat = c
			lcm(c.Denom())
			continue
		}
		t := decTerm{at: x.atoms[k]}
		s, ok := decSeries(&t)
		if !ok {
			return nil, false
		}
		cf := new(big.Rat).Mul(c, s)
		parts = append(parts, part{t, cf})
		lcm(cf.Denom())
	}
	if len(parts) == 0 || len(parts) > 3 || !den.IsInt64() || den.Int64() > 2_000_000 {
		return nil, false
	}
	pr.c = den.Int64()
	ra := new(big.Rat).Mul(rat, new(big.Rat).SetInt(den))
	if !ra.IsInt() || !ra.Num().IsInt64() || abs64(ra.Num().Int64()) > 1e6 {
		return nil, false
	}
	pr.a = ra.Num().Int64()
	for _, p := range parts {
		cb := new(big.Rat).Mul(p.coef, new(big.Rat).SetInt(den))
		if !cb.IsInt() || !cb.Num().IsInt64() || abs64(cb.Num().Int64()) > 100000 {
			return nil, false
		}
		p.t.b = cb.Num().Int64()
		pr.terms = append(pr.terms, p.t)
	}
	return pr, true
}

// termsFor is the number of terms a series needs for d digits.
func (t *decTerm) termsFor(d int) int {
	lim := -float64(d+4) * math.Ln10
	switch t.at.kind {
	case 'p':
		// T_j ~ 2^-j
		return int(float64(d+4)/math.Log10(2)) + 2
	case 'x':
		z := math.Abs(float64(t.u) / float64(t.v))
		s := 0.0
		for j := 1; ; j++ {
			s += math.Log(z) - math.Log(float64(j))
			if s < lim && float64(j) > 2*z {
				return j
			}
		}
	case 'r':
		r := math.Abs(float64(t.u) / float64(t.v))
		return int(float64(d+4)/(-math.Log10(r))) + 2
	case 'l':
		z := math.Max(1.0/9, float64(t.u*t.u)/float64(t.v*t.v))
		if t.k == 0 {
			z = float64(t.u*t.u) / float64(t.v*t.v)
		}
		return int(float64(d+4)/(-math.Log10(z))) + 2
	}
	return 0
}

// linear returns alpha, beta with alpha*Q + beta >= the terms needed for
// 3Q digits, Q = 1..decMaxQ.
func (t *decTerm) linear() (int64, int64) {
	beta := int64(t.termsFor(3)) + 2
	alpha := int64(1)
	for q := 1; q <= decMaxQ; q++ {
		need := int64(t.termsFor(3 * q))
		for alpha*int64(q)+beta < need {
			alpha++
		}
	}
	return alpha, beta
}

// decEmit writes the program; ok false if it would not fit.
func decEmit(pr *decProgram) (ops []ir.Op, ok bool) {
	e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}}
	defer func() {
		if r := recover(); r != nil {
			if _, isLower := r.(lowerError); !isLower {
				panic(r)
			}
			ops, ok = nil, false
		}
	}()
	d := &decEm{e: e}
	// Q = (n + shift + guard + 3) / 3
	e.emit(ir.OpSlot0)
	e.konst(pr.shift + decGuard + 3)
	e.emit(ir.OpI32Add)
	e.konst(3)
	e.emit(ir.OpI32DivS)
	e.set(dQ)
	// S[0] = a + the first terms that are 1
	s0 := pr.a
	for _, t := range pr.terms {
		if t.at.kind != 'l' {
			s0 += t.b
		}
	}
	if s0 != 0 {
		d.store(0, func() { e.konst(0) }, func() { e.konst(s0) })
	}
	for i, t := range pr.terms {
		base := int64(decStride * (i + 1))
		switch t.at.kind {
		case 'p':
			d.pi(base, t)
		case 'x':
			d.exp(base, t)
		case 'r':
			d.root(base, t)
		case 'l':
			d.log(base, t)
		}
	}
	d.normalize()
	if pr.c > 1 {
		d.divide(pr.c)
	}
	d.digit(pr.shift)
	e.emit(ir.OpEnd)
	if len(e.ops) > ir.MaxLength {
		return nil, false
	}
	if err := ir.Validate(ir.Program{Arity: 1, Ops: e.ops}); err != nil {
		return nil, false
	}
	return e.ops, true
}

type decEm struct{ e *emitter }

// locals of the passes (dQ = 7 holds Q throughout)
const (
	dI = 0
	dR = 1 // remainder (or carry)
	dT = 2 // dividend
	dX = 3 // quotient, or a second remainder
	dJ = 4 // term counter
	dY = 5
	dZ = 6
)

// at pushes base + local l.
func (d *decEm) at(base int64, l int) {
	d.e.get(l)
	if base != 0 {
		d.e.konst(base)
		d.e.emit(ir.OpI32Add)
	}
}

func (d *decEm) store(base int64, idx, val func()) {
	idx()
	if base != 0 {
		d.e.konst(base)
		d.e.emit(ir.OpI32Add)
	}
	val()
	d.e.emit(ir.OpMemStore)
}

// limbs runs body for i = 0..Q (up) or Q..1 (down), a do-while loop.
func (d *decEm) limbs(up bool, body func()) {
	e := d.e
	if up {
		e.konst(0)
	} else {
		e.get(dQ)
	}
	e.set(dI)
	e.emit(ir.OpLoopBegin)
	body()
	e.get(dI)
	if up {
		e.emit(ir.OpConst1, ir.OpI32Add, ir.LocalTee(dI))
		e.get(dQ)
		e.emit(ir.OpI32LeS, ir.OpBrIf)
	} else {
		e.emit(ir.OpConst1, ir.OpI32Sub, ir.LocalTee(dI), ir.OpConst0, ir.OpI32GtS, ir.OpBrIf)
	}
	e.emit(ir.OpLoopEnd)
}

// terms runs body for j = from, from+step, ... while j <= (alpha*Q + beta)*step + from.
func (d *decEm) terms(from, step int64, t *decTerm, body func()) {
	e := d.e
	alpha, beta := t.linear()
	e.konst(from)
	e.set(dJ)
	e.emit(ir.OpLoopBegin)
	body()
	e.get(dJ)
	e.konst(step)
	e.emit(ir.OpI32Add, ir.LocalTee(dJ))
	e.get(dQ)
	e.konst(alpha * step)
	e.emit(ir.OpI32Mul)
	e.konst(beta*step + from)
	e.emit(ir.OpI32Add, ir.OpI32LeS, ir.OpBrIf, ir.OpLoopEnd)
}

// accum adds coef * (local l) to S[i].
func (d *decEm) accum(coef int64, push func()) {
	e := d.e
	e.get(dI)
	e.get(dI)
	e.emit(ir.OpMemLoad)
	push()
	if coef != 1 {
		e.konst(coef)
		e.emit(ir.OpI32Mul)
	}
	e.emit(ir.OpI32Add, ir.OpMemStore)
}

// divStep: T = rem*B + x (x pushed); quotient by divisor (pushed) to the
// stack, remainder to rem. Uses dT.
func (d *decEm) divStep(rem int, x, div func()) {
	e := d.e
	e.get(rem)
	e.konst(decB)
	e.emit(ir.OpI32Mul)
	x()
	e.emit(ir.OpI32Add, ir.LocalTee(dT))
	div()
	e.emit(ir.OpI32RemS)
	e.set(rem)
	e.get(dT)
	div()
	e.emit(ir.OpI32DivS)
}

func (d *decEm) load(base int64) func() {
	return func() { d.at(base, dI); d.e.emit(ir.OpMemLoad) }
}

// pi: T_j = T_{j-1} j/(2j+1), S += b T_j. dY = 2j+1.
func (d *decEm) pi(base int64, t decTerm) {
	e := d.e
	d.store(base, func() { e.konst(0) }, func() { e.konst(1) })
	d.terms(1, 1, &t, func() {
		e.get(dJ)
		e.get(dJ)
		e.emit(ir.OpI32Add, ir.OpConst1, ir.OpI32Add)
		e.set(dY)
		e.konst(0)
		e.set(dR)
		d.limbs(true, func() {
			d.at(base, dI)
			d.divStep(dR, func() { d.load(base)(); e.get(dJ); e.emit(ir.OpI32Mul) }, func() { e.get(dY) })
			e.emit(ir.LocalTee(dX), ir.OpMemStore)
			d.accum(t.b, func() { e.get(dX) })
		})
	})
}

// exp(u/v): T_j = T_{j-1} |u|/(v j), S += b sign^j T_j; dY = v j, dZ the
// signed coefficient.
func (d *decEm) exp(base int64, t decTerm) {
	e := d.e
	d.store(base, func() { e.konst(0) }, func() { e.konst(1) })
	if t.u < 0 {
		e.konst(-t.b)
		e.set(dZ)
	}
	d.terms(1, 1, &t, func() {
		e.get(dJ)
		if t.v != 1 {
			e.konst(t.v)
			e.emit(ir.OpI32Mul)
		}
		e.set(dY)
		e.konst(0)
		e.set(dR)
		d.limbs(true, func() {
			d.at(base, dI)
			d.divStep(dR, func() {
				d.load(base)()
				if abs64(t.u) != 1 {
					e.konst(abs64(t.u))
					e.emit(ir.OpI32Mul)
				}
			}, func() { e.get(dY) })
			e.emit(ir.LocalTee(dX), ir.OpMemStore)
			if t.u < 0 {
				d.accum(1, func() { e.get(dX); e.get(dZ); e.emit(ir.OpI32Mul) })
			} else {
				d.accum(t.b, func() { e.get(dX) })
			}
		})
		if t.u < 0 {
			e.konst(0)
			e.get(dZ)
			e.emit(ir.OpI32Sub)
			e.set(dZ)
		}
	})
}

// root: N^(1/k) = (p/q) (1 + u/v)^(1/k), u < 0: T_j = T_{j-1}
// (kj - k - 1 or 1) |u| / (v k j), S -= b T_j (j >= 1). dJ = k j, dY the
// multiplier, dZ the second remainder.
func (d *decEm) root(base int64, t decTerm) {
	e := d.e
	k := t.at.k
	d.store(base, func() { e.konst(0) }, func() { e.konst(1) })
	d.terms(k, k, &t, func() {
		// dY = max(kj - k - 1, 1) * |u|
		e.get(dJ)
		e.konst(k + 1)
		e.emit(ir.OpI32Sub, ir.LocalTee(dY), ir.OpConst1, ir.OpI32LtS, ir.OpIfBegin)
		e.konst(1)
		e.set(dY)
		e.emit(ir.OpIfEnd)
		if abs64(t.u) != 1 {
			e.get(dY)
			e.konst(abs64(t.u))
			e.emit(ir.OpI32Mul)
			e.set(dY)
		}
		e.konst(0)
		e.set(dR)
		e.konst(0)
		e.set(dZ)
		d.limbs(true, func() {
			d.at(base, dI)
			d.divStep(dZ, func() {
				d.divStep(dR, func() { d.load(base)(); e.get(dY); e.emit(ir.OpI32Mul) }, func() { e.konst(t.v) })
			}, func() { e.get(dJ) })
			e.emit(ir.LocalTee(dX), ir.OpMemStore)
			d.accum(-t.b, func() { e.get(dX) })
		})
	})
}

// log x = (2kv S1 + 6u S2)/(3v): S1 = sum 9^-j/(2j+1), S2 = sum
// (u/v)^(2j)/(2j+1), j >= 0; T1 at base, T2 at base+500; dJ = 2j+1; the
// remainders dR, dX (T1), dY, dZ (T2); this pass needs every local.
func (d *decEm) log(base int64, t decTerm) {
	e := d.e
	t1, t2 := base, base+500
	c1, c2 := t.b*2*t.k*t.v, t.b*6*t.u
	if c1 != 0 {
		d.store(t1, func() { e.konst(0) }, func() { e.konst(1) })
	}
	d.store(t2, func() { e.konst(0) }, func() { e.konst(1) })
	d.terms(1, 2, &t, func() {
		for _, l := range []int{dR, dX, dY, dZ} {
			e.konst(0)
			e.set(l)
		}
		d.limbs(true, func() {
			if c1 != 0 {
				e.get(dI)
				d.divStep(dR, d.load(t1), func() { e.get(dJ) })
				e.konst(c1)
				e.emit(ir.OpI32Mul)
				e.get(dI)
				e.emit(ir.OpMemLoad, ir.OpI32Add, ir.OpMemStore)
				d.at(t1, dI)
				d.divStep(dX, d.load(t1), func() { e.konst(9) })
				e.emit(ir.OpMemStore)
			}
			e.get(dI)
			d.divStep(dY, d.load(t2), func() { e.get(dJ) })
			e.konst(c2)
			e.emit(ir.OpI32Mul)
			e.get(dI)
			e.emit(ir.OpMemLoad, ir.OpI32Add, ir.OpMemStore)
			d.at(t2, dI)
			d.divStep(dZ, func() {
				d.load(t2)()
				if t.u*t.u != 1 {
					e.konst(t.u * t.u)
					e.emit(ir.OpI32Mul)
				}
			}, func() { e.konst(t.v * t.v) })
			e.emit(ir.OpMemStore)
		})
	})
}

// normalize carries S's limbs low to high into 0..decB-1, all but limb
// 0, which takes the last carry whole.
func (d *decEm) normalize() {
	e := d.e
	e.konst(0)
	e.set(dR)
	d.limbs(false, func() {
		e.get(dI)
		e.get(dI)
		e.emit(ir.OpMemLoad)
		e.get(dR)
		e.emit(ir.OpI32Add)
		e.konst(decBias)
		e.emit(ir.OpI32Add, ir.LocalTee(dT))
		e.konst(decB)
		e.emit(ir.OpI32RemS, ir.OpMemStore)
		e.get(dT)
		e.konst(decB)
		e.emit(ir.OpI32DivS)
		e.konst(decBias / decB)
		e.emit(ir.OpI32Sub)
		e.set(dR)
	})
	e.konst(0)
	e.konst(0)
	e.emit(ir.OpMemLoad)
	e.get(dR)
	e.emit(ir.OpI32Add, ir.OpMemStore)
}

// divide divides S by c, high to low.
func (d *decEm) divide(c int64) {
	e := d.e
	e.konst(0)
	e.set(dR)
	d.limbs(true, func() {
		e.get(dI)
		d.divStep(dR, d.load(0), func() { e.konst(c) })
		e.emit(ir.OpMemStore)
	})
}

// digit pushes digit p = n + shift of S: limb (p+2)/3, divided by 100,
// 10 or 1 as (p+2) mod 3 is 0, 1, 2, mod 10.
func (d *decEm) digit(shift int64) {
	e := d.e
	e.emit(ir.OpSlot0)
	e.konst(shift + 2)
	e.emit(ir.OpI32Add, ir.LocalTee(dT))
	e.konst(3)
	e.emit(ir.OpI32DivS, ir.OpMemLoad)
	e.get(dT)
	e.konst(3)
	e.emit(ir.OpI32RemS, ir.LocalTee(dT), ir.OpConst2, ir.OpI32LtS)
	e.konst(9)
	e.emit(ir.OpI32Mul)
	e.get(dT)
	e.emit(ir.OpConst0, ir.OpI32Eq)
	e.konst(90)
	e.emit(ir.OpI32Mul, ir.OpI32Add, ir.OpConst1, ir.OpI32Add, ir.OpI32DivS, ir.OpConst10, ir.OpI32RemS)
}
