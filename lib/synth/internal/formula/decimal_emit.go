package formula

import (
	"math"
	"math/big"
	"sort"

	"github.com/irsynth/irsynth/lib/ir"
)

// The program of a decimal expansion: long numbers in memory, limbs of
// decB (three digits), limb i of region r at word 10 i + r (regions
// decN and decD the accumulators N and D, then the series' terms), limb 0
// the integer part; Q = (p + decGuard)/3 + 1 limbs after it for the digit
// position p the run asks for. Each atom's series runs into N and D: its
// terms in their own region, each term one pass over the limbs that
// multiplies and divides by small numbers (the remainders carried high to
// low in locals), added to the accumulators' limbs times an integer
// coefficient without carries, so their limbs are signed and
// unnormalized until one pass normalizes them (low to high, floor
// carries). Then N/c gives the digit from limb (p+2)/3, or N/D by long
// division a digit at a time. A product of series multiplies normalized
// numbers limb by limb (mul). Every bound on an i32 is checked for Q up
// to decMaxQ (decBounded); past the largest Q that passes, a run traps.

const (
	decB     = 1000 // limb base
	decGuard = 12   // digits past p that the run computes
	decMaxQ  = 400  // the largest Q whose bounds are checked (p up to about 1200)
	decMinQ  = 40   // the bounds must hold at least this far (p up to 105)
	// locals
	dQ = 7
)

// decTerm is one atom's part of the program: its series X' (X' = atom
// value / scale) summed into the accumulators N and D times bN and bD.
type decTerm struct {
	at     datom
	bN, bD int64
	tg     [2]int64 // the regions bN and bD add to: decN, decD unless a product's factor
	// root: approximant p/q, r = u/v; atanh: z = u/v
	p, q, u, v int64
	// alpha Q + beta terms give 3Q digits (set by linear)
	alpha, beta int64
	pcap        int64 // root: the largest p tried (0: any); smaller p keep the coefficients small
}

// decProgram is the program of N/c (den false) or N/D (den true), N =
// aN + sum bN_i X'_i, D = aD + sum bD_i X'_i; its digit at position p =
// n + shift.
type decProgram struct {
	aN, aD, c int64
	den       bool
	terms     []decTerm
	shift     int64
	safeQ     int // the largest Q whose run is free of overflow; past it the run traps
	// mono: N (den false) or D (den true) is a product of series, its
	// factors' terms in terms (targets: regions 1.. before the terms'),
	// power the exponent of one factor, else two factors multiplied
	mono  bool
	power int
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
		// the approximant p/q with the fastest series whose constants fit
		// the pass (v + |u| * 1.2 within a dividend)
		root := math.Pow(float64(t.at.n), 1/float64(t.at.k))
		best := 0.0
		for p := int64(2); t.pcap == 0 || p <= t.pcap; p++ {
			v, ok := ipow50(p, t.at.k)
			if !ok || v > 1_900_000 {
				break
			}
			q0 := int64(float64(p) / root)
			for q := max(q0, 1); q <= q0+1; q++ {
				qk, ok := ipow50(q, t.at.k)
				if !ok || qk > (1<<50)/t.at.n {
					continue
				}
				u := t.at.n*qk - v
				if u == 0 || float64(v)+1.2*float64(abs64(u)) > 1_900_000 {
					continue
				}
				if rate := math.Log10(float64(v) / float64(abs64(u))); rate > best {
					best, t.p, t.q, t.u, t.v = rate, p, q, u, v
				}
			}
		}
		if best < 0.3 {
			return nil, false
		}
		return big.NewRat(t.p, t.q), true
	case 'a', 't': // atanh z = z sum_j z^(2j)/(2j+1), arctan z = z sum_j (-z^2)^j/(2j+1)
		u, v := t.at.r.Num(), t.at.r.Denom()
		if !u.IsInt64() || !v.IsInt64() || v.Int64() > 1400 || 2*u.Int64() > v.Int64() {
			return nil, false
		}
		t.u, t.v = u.Int64(), v.Int64()
		return new(big.Rat).Set(t.at.r), true
	case 's', 'c', 'S', 'C': // sin z = z sum_j (-z^2)^j/(2j+1)!, cos z = sum_j (-z^2)^j/(2j)!
		u, v := t.at.r.Num(), t.at.r.Denom()
		if !u.IsInt64() || !v.IsInt64() || v.Int64() > 200 || u.Int64() > 2*v.Int64() {
			return nil, false
		}
		t.u, t.v = u.Int64(), v.Int64()
		if t.at.kind == 's' || t.at.kind == 'S' {
			return new(big.Rat).Set(t.at.r), true
		}
		return big.NewRat(1, 1), true
	}
	return nil, false
}

// decLin is one accumulator's plan: (a + sum b_i X'_i)/c, b by atom key.
type decLin struct {
	a, c  int64
	b     map[string]int64
	terms map[string]decTerm
}

// decLinPlan writes x over its atoms' series.
func decLinPlan(x dconst, pcap int64) (decLin, bool) {
	l := decLin{b: map[string]int64{}, terms: map[string]decTerm{}}
	coef := map[string]*big.Rat{}
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
		t := decTerm{at: x.atoms[k], pcap: pcap}
		s, ok := decSeries(&t)
		if !ok {
			return l, false
		}
		cf := new(big.Rat).Mul(c, s)
		coef[k] = cf
		l.terms[k] = t
		lcm(cf.Denom())
	}
	if !den.IsInt64() || den.Int64() > 2_000_000 {
		return l, false
	}
	l.c = den.Int64()
	ra := new(big.Rat).Mul(rat, new(big.Rat).SetInt(den))
	if !ra.IsInt() || !ra.Num().IsInt64() || abs64(ra.Num().Int64()) > 1e6 {
		return l, false
	}
	l.a = ra.Num().Int64()
	for k, cf := range coef {
		cb := new(big.Rat).Mul(cf, new(big.Rat).SetInt(den))
		if !cb.IsInt() || !cb.Num().IsInt64() || abs64(cb.Num().Int64()) > 100000 {
			return l, false
		}
		l.b[k] = cb.Num().Int64()
	}
	return l, true
}

// decPlan turns a constant num/den (den nil: 1) into a program plan with
// digit shift s, roots' approximants p at most pcap (0: any).
func decPlan(num dconst, den *dconst, shift, pcap int64) (*decProgram, bool) {
	if pr, ok, isMono := decMonoPlan(num, den, shift, pcap); isMono {
		return pr, ok
	}
	return decPlanCap(num, den, shift, pcap)
}

// decCaps: roots' approximants, the fastest first (no cap), then smaller
// ones, whose coefficients fit where several terms share a denominator
// and whose constants cost fewer opcodes.
var decCaps = []int64{0, 100, 20}

func decPlanCap(num dconst, den *dconst, shift, pcap int64) (*decProgram, bool) {
	n, ok := decLinPlan(num, pcap)
	if !ok {
		return nil, false
	}
	pr := &decProgram{shift: shift, aN: n.a, c: n.c}
	d := decLin{c: 1, b: map[string]int64{}, terms: map[string]decTerm{}}
	if den != nil {
		if d, ok = decLinPlan(*den, pcap); !ok {
			return nil, false
		}
		// N/D = (cD (a + sum b X')) / (cN (aD + sum b' X'))
		pr.den, pr.c = true, 1
		pr.aN, pr.aD = n.a*d.c, d.a*n.c
		g := gcd64(pr.aN, pr.aD)
		for k, b := range n.b {
			n.b[k] = b * d.c
			g = gcd64(g, n.b[k])
		}
		for k, b := range d.b {
			d.b[k] = b * n.c
			g = gcd64(g, d.b[k])
		}
		if g > 1 { // a common factor of every coefficient
			pr.aN, pr.aD = pr.aN/g, pr.aD/g
			for k := range n.b {
				n.b[k] /= g
			}
			for k := range d.b {
				d.b[k] /= g
			}
		}
	}
	keys := map[string]bool{}
	for k := range n.terms {
		keys[k] = true
	}
	for k := range d.terms {
		keys[k] = true
	}
	var sorted []string
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		t, ok := n.terms[k]
		if !ok {
			t = d.terms[k]
		}
		t.bN, t.bD = n.b[k], d.b[k]
		pr.terms = append(pr.terms, t)
	}
	if len(pr.terms) == 0 || len(pr.terms) > 4 {
		return nil, false
	}
	if pr.den && !pr.scaleDen(num, *den) {
		return nil, false
	}
	if pr.safeQ = decSafeQ(pr); pr.safeQ == 0 {
		return nil, false
	}
	return pr, true
}

// scaleDen multiplies N and D by an integer so that 1 <= D < 1900
// (quotient's estimate needs both) and checks N < 1900: D's value comes
// from its coefficients, N's from the ratio num/den.
func (pr *decProgram) scaleDen(num, den dconst) bool {
	nv, ok1 := decValue(num, 100)
	dv, ok2 := decValue(den, 100)
	dAcc, ok3 := pr.accD()
	if !ok1 || !ok2 || !ok3 || dv.Sign() <= 0 || nv.Sign() < 0 || dAcc <= 0 {
		return false
	}
	nf, _ := nv.Float64()
	df, _ := dv.Float64()
	nAcc := nf / df * dAcc
	f := int64(1)
	if dAcc < 1 {
		f = int64(math.Ceil(1 / dAcc))
	}
	if nAcc*float64(f) >= 1900 || dAcc*float64(f) >= 1900 {
		return false
	}
	if f > 1 {
		pr.aN *= f
		pr.aD *= f
		for i := range pr.terms {
			pr.terms[i].bN *= f
			pr.terms[i].bD *= f
		}
	}
	return true
}

// accD is the D accumulator's value: aD + sum bD_i X'_i, X'_i the atom
// over its series' scale.
func (pr *decProgram) accD() (float64, bool) {
	v := float64(pr.aD)
	for _, t := range pr.terms {
		if t.bD == 0 {
			continue
		}
		a, ok := atomValue(t.at, 100)
		if !ok {
			return 0, false
		}
		af, _ := a.Float64()
		tt := t
		s, _ := decSeries(&tt)
		sf, _ := s.Float64()
		v += float64(t.bD) * af / sf
	}
	return v, true
}

// decMonoPlan plans K*P (den nil) or r/(K*P), P a product of series: a
// power X^k (k <= 6) or X*Y. isMono false: neither is a product.
func decMonoPlan(num dconst, den *dconst, shift, pcap int64) (pr *decProgram, ok, isMono bool) {
	x, r := num, big.NewRat(1, 1)
	if den != nil {
		var isRat bool
		if r, isRat = num.rat(); !isRat {
			return nil, false, false
		}
		x = *den
	}
	at, c, single := x.single()
	if !single || at.kind != 'M' {
		return nil, false, false
	}
	var facs []decTerm
	count := map[string]int{}
	k := new(big.Rat).Set(c)
	for _, f := range at.facs {
		t := decTerm{at: f, pcap: pcap}
		if f.kind == 'a' || f.kind == 't' {
			return nil, false, true
		}
		sc, ok := decSeries(&t)
		if !ok {
			return nil, false, true
		}
		k.Mul(k, sc)
		if count[f.key()]++; count[f.key()] == 1 {
			facs = append(facs, t)
		}
	}
	pr = &decProgram{shift: shift, mono: true, den: den != nil, c: 1}
	switch {
	case len(facs) == 1:
		pr.power = len(at.facs)
	case len(facs) == 2 && len(at.facs) == 2:
	default:
		return nil, false, true
	}
	// value = k P (N side) or r / (k P): integer coefficients
	var b int64
	if den == nil {
		if !k.Num().IsInt64() || !k.Denom().IsInt64() {
			return nil, false, true
		}
		b, pr.c = k.Num().Int64(), k.Denom().Int64()
	} else {
		// r/(k P) = (r_n k_d) / (r_d k_n P)
		nn := new(big.Int).Mul(r.Num(), k.Denom())
		dd := new(big.Int).Mul(r.Denom(), k.Num())
		if !nn.IsInt64() || !dd.IsInt64() {
			return nil, false, true
		}
		pr.aN, b = nn.Int64(), dd.Int64()
	}
	if b <= 0 || b > 100000 || pr.c > 2_000_000 || abs64(pr.aN) > 1e6 {
		return nil, false, true
	}
	// regions: the product's home h (decN or decD), then its factors
	h := int64(decN)
	if pr.den {
		h = decD
	}
	if pr.power > 0 {
		t := facs[0]
		t.bN, t.bD, t.tg = b, 1, [2]int64{h, h + 1}
		pr.terms = []decTerm{t}
	} else {
		t0, t1 := facs[0], facs[1]
		t0.bN, t0.tg = b, [2]int64{h + 1, h + 1}
		t1.bN, t1.tg = 1, [2]int64{h + 2, h + 2}
		pr.terms = []decTerm{t0, t1}
	}
	if pr.den && !pr.scaleDen(num, *den) {
		return nil, false, true
	}
	if pr.safeQ = decSafeQ(pr); pr.safeQ == 0 {
		return nil, false, true
	}
	return pr, true, true
}

// decBounded checks that no i32 in the program overflows at Q limbs:
// the accumulators' unnormalized limbs stay within decLimit, each
// dividend below 2^31. A term's limbs (quotient digits, unnormalized)
// stay below L = B + rho L, rho the most a pass multiplies by.
func decBounded(pr *decProgram, q int) bool {
	const lim, decLimit = 1 << 31, 0.9e9
	acc := map[int64]float64{decN: math.Abs(float64(pr.aN)), decD: math.Abs(float64(pr.aD))}
	for i := range pr.terms {
		t := &pr.terms[i]
		alpha, beta := t.linear()
		j := float64(alpha*int64(q) + beta)
		u, v := math.Abs(float64(t.u)), float64(t.v)
		sum := 0.0 // of the limbs added, per unit coefficient
		switch t.at.kind {
		case 'p':
			l := 2.0*decB + 2
			if (2*j+1)*decB+l*j >= lim {
				return false
			}
			sum = j * l
		case 'x':
			l := float64(decB)
			for k := 1.0; k <= j; k++ {
				l = decB + 1 + l*u/(v*k)
				sum += l
			}
			if v*j*decB+l*math.Max(u, 1)*math.Exp(u/v) >= lim {
				return false
			}
			sum *= math.Exp(u / v)
		case 'r':
			l := decB/(1-u/v) + 2
			kj := float64(t.at.k) * j
			q1 := decB + l*u/v
			if v*decB+l*u >= lim || kj*decB+q1*kj >= lim {
				return false
			}
			sum = j * l
		case 'a', 't':
			l := decB/(1-u*u/(v*v)) + 2
			if v*v*decB+l*u*u >= lim || (2*j+1)*decB+l >= lim {
				return false
			}
			sum = j * (decB + l)
		case 's', 'c', 'S', 'C':
			l := decB/(1-u*u/(2*v*v)) + 2
			q1 := decB + l*u*u/(v*v)
			if v*v*decB+l*u*u >= lim || (2*j+1)*(2*j+1)*decB+q1 >= lim {
				return false
			}
			sum = j * l
		}
		tg := t.targets()
		acc[tg[0]] += math.Abs(float64(t.bN)) * sum
		acc[tg[1]] += math.Abs(float64(t.bD)) * sum
	}
	for _, a := range acc {
		if a+decB >= decLimit {
			return false
		}
	}
	return true
}

// targets: the regions of bN and bD.
func (t *decTerm) targets() [2]int64 {
	if t.tg == [2]int64{} {
		return [2]int64{decN, decD}
	}
	return t.tg
}

// decSafeQ is the largest Q up to decMaxQ at which decBounded holds, 0
// if none from decMinQ on.
func decSafeQ(pr *decProgram) int {
	if !decBounded(pr, decMinQ) {
		return 0
	}
	q := decMinQ
	for q < decMaxQ && decBounded(pr, q+1) {
		q++
	}
	return q
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
	case 'a', 't':
		z := float64(t.u*t.u) / float64(t.v*t.v)
		return int(float64(d+4)/(-math.Log10(z))) + 2
	case 's', 'c', 'S', 'C':
		z2 := float64(t.u*t.u) / float64(t.v*t.v)
		s := 0.0
		for j := 1; ; j++ {
			s += math.Log(z2) - math.Log(float64(2*j)*float64(2*j+1))
			if s < lim {
				return j
			}
		}
	}
	return 0
}

// linear returns alpha, beta with alpha*Q + beta >= the terms needed for
// 3Q digits, Q = 1..decMaxQ.
func (t *decTerm) linear() (int64, int64) {
	if t.alpha == 0 {
		t.alpha, t.beta = t.linearFit()
	}
	return t.alpha, t.beta
}

func (t *decTerm) linearFit() (int64, int64) {
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
	// dQ = 10 Q, Q = (n + shift + guard + 3) / 3
	e.emit(ir.OpSlot0)
	e.konst(pr.shift + decGuard + 3)
	e.emit(ir.OpI32Add)
	e.konst(3)
	e.emit(ir.OpI32DivS, ir.OpConst10, ir.OpI32Mul)
	e.set(dQ)
	if pr.safeQ < decMaxQ {
		// past safeQ a limb could overflow: trap rather than answer
		e.get(dQ)
		e.konst(int64(10 * pr.safeQ))
		e.emit(ir.OpI32GtS, ir.OpIfBegin)
		e.konst(-1)
		e.emit(ir.OpMemLoad, ir.OpReturn, ir.OpIfEnd)
	}
	// the accumulators' limb 0: a + the first terms that are 1
	s0 := map[int64]int64{decN: pr.aN, decD: pr.aD}
	next := int64(2) // the next free region
	for _, t := range pr.terms {
		tg := t.targets()
		next = max(next, tg[0]+1, tg[1]+1)
		if t.at.kind != 'a' && t.at.kind != 't' {
			s0[tg[0]] += t.bN
			if tg[1] != tg[0] {
				s0[tg[1]] += t.bD
			}
		}
	}
	for r := int64(0); r < next; r++ {
		if v := s0[r]; v != 0 {
			e.konst(r)
			e.konst(v)
			e.emit(ir.OpMemStore)
		}
	}
	var atanh []decTerm
	for _, t := range pr.terms {
		switch t.at.kind {
		case 'p':
			d.pi(next, t)
		case 'x':
			d.exp(next, t)
		case 'r':
			d.root(next, t)
		case 'a', 't':
			atanh = append(atanh, t)
			continue
		case 's', 'c', 'S', 'C':
			d.trig(next, t)
		}
		next++
	}
	for len(atanh) > 0 { // three series a loop
		k := min(3, len(atanh))
		d.atanh(next, atanh[:k])
		next += int64(k)
		atanh = atanh[k:]
	}
	if next > decScratch {
		return nil, false
	}
	e.konst(decB)
	e.set(dZ) // B for the passes that follow
	if pr.mono {
		h := int64(decN)
		if pr.den {
			h = decD
		}
		if pr.power > 0 {
			// P = b X and A = X: P = P A, power - 1 times
			d.normalizeAll(h, h+2)
			e.konst(int64(pr.power - 1))
			e.set(dJ)
			e.emit(ir.OpLoopBegin)
			d.mul(next, h, h+1)
			d.moveNorm(next, h)
			e.get(dJ)
			e.emit(ir.OpConst1, ir.OpI32Sub, ir.LocalTee(dJ), ir.OpConst0, ir.OpI32GtS, ir.OpBrIf, ir.OpLoopEnd)
		} else {
			d.normalizeAll(h+1, h+3)
			d.mul(h, h+1, h+2)
		}
		if next >= decScratch {
			return nil, false
		}
	}
	if pr.den {
		if !pr.mono || pr.power == 0 {
			d.normalize(decD) // N: quotient's first pass
		}
		d.quotient(pr.shift)
	} else {
		d.normalize(decN)
		if pr.c > 1 {
			d.divide(pr.c)
		}
		d.digit(pr.shift)
	}
	e.emit(ir.OpEnd)
	if err := ir.Validate(ir.Program{Arity: 1, Ops: e.ops}); err != nil {
		return nil, false
	}
	return e.ops, true
}

type decEm struct{ e *emitter }

// Memory: limb i of region r is word 10 i + r, so a pass's index dI
// (10 i) addresses every region with a small constant. Regions: decN
// and decD the accumulators (numerator, denominator), 2..9 the terms.
const (
	decN       = 0
	decD       = 1
	decScratch = 8 // word 8: the quotient's limb
)

// locals of the passes (dQ = 7 holds 10 Q throughout)
const (
	dI = 0
	dR = 1 // remainder (or carry)
	dT = 2 // dividend
	dX = 3 // quotient, or a second remainder
	dJ = 4 // term counter
	dY = 5
	dZ = 6 // after the series: decB
)

// at pushes the address of limb dI of region r.
func (d *decEm) at(r int64) {
	d.e.get(dI)
	if r != 0 {
		d.e.konst(r)
		d.e.emit(ir.OpI32Add)
	}
}

func (d *decEm) load(r int64) func() {
	return func() { d.at(r); d.e.emit(ir.OpMemLoad) }
}

// limbs runs body for limbs 0..Q (up) or Q..1 (down), a do-while loop.
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
		e.emit(ir.OpConst10, ir.OpI32Add, ir.LocalTee(dI))
		e.get(dQ)
		e.emit(ir.OpI32LeS, ir.OpBrIf)
	} else {
		e.emit(ir.OpConst10, ir.OpI32Sub, ir.LocalTee(dI), ir.OpConst0, ir.OpI32GtS, ir.OpBrIf)
	}
	e.emit(ir.OpLoopEnd)
}

// terms runs body for j = from, from+step, ... while j <= (alpha*Q + beta)*step + from.
func (d *decEm) terms(from, step, alpha, beta int64, body func()) {
	e := d.e
	e.konst(from)
	e.set(dJ)
	e.emit(ir.OpLoopBegin)
	body()
	e.get(dJ)
	e.konst(step)
	e.emit(ir.OpI32Add, ir.LocalTee(dJ))
	e.get(dQ)
	if alpha*step%10 == 0 {
		e.konst(alpha * step / 10)
		e.emit(ir.OpI32Mul)
	} else {
		e.konst(alpha * step)
		e.emit(ir.OpI32Mul, ir.OpConst10, ir.OpI32DivS)
	}
	e.konst(beta*step + from)
	e.emit(ir.OpI32Add, ir.OpI32LeS, ir.OpBrIf, ir.OpLoopEnd)
}

// accum adds coef * (what push pushes) to limb dI of N and of D.
func (d *decEm) accum(t decTerm, push func()) {
	tg := t.targets()
	for i, coef := range []int64{t.bN, t.bD} {
		if coef == 0 || i == 1 && tg[1] == tg[0] {
			continue
		}
		acc := tg[i]
		d.at(acc)
		d.load(acc)()
		push()
		if coef != 1 {
			d.e.konst(coef)
			d.e.emit(ir.OpI32Mul)
		}
		d.e.emit(ir.OpI32Add, ir.OpMemStore)
	}
}

// pushB pushes decB: from dZ once the series are done.
func (d *decEm) pushB(local bool) {
	if local {
		d.e.get(dZ)
	} else {
		d.e.konst(decB)
	}
}

// divStep: dT = rem*B + x (x pushed); quotient by divisor (pushed) to the
// stack, remainder to rem.
func (d *decEm) divStep(rem int, x, div func(), bLocal bool) {
	e := d.e
	e.get(rem)
	d.pushB(bLocal)
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

func (d *decEm) one(r int64) {
	d.e.konst(r)
	d.e.emit(ir.OpConst1, ir.OpMemStore)
}

// pi: T_j = T_{j-1} j/(2j+1), added to N and D. dY = 2j+1.
func (d *decEm) pi(r int64, t decTerm) {
	e := d.e
	d.one(r)
	alpha, beta := t.linear()
	d.terms(1, 1, alpha, beta, func() {
		e.get(dJ)
		e.get(dJ)
		e.emit(ir.OpI32Add, ir.OpConst1, ir.OpI32Add)
		e.set(dY)
		e.konst(0)
		e.set(dR)
		d.limbs(true, func() {
			d.at(r)
			d.divStep(dR, func() { d.load(r)(); e.get(dJ); e.emit(ir.OpI32Mul) }, func() { e.get(dY) }, false)
			e.emit(ir.LocalTee(dX), ir.OpMemStore)
			d.accum(t, func() { e.get(dX) })
		})
	})
}

// exp(u/v): T_j = T_{j-1} |u|/(v j), added times sign^j; dY = v j, dZ
// the sign.
func (d *decEm) exp(r int64, t decTerm) {
	e := d.e
	d.one(r)
	if t.u < 0 {
		e.konst(-1)
		e.set(dZ)
	}
	alpha, beta := t.linear()
	d.terms(1, 1, alpha, beta, func() {
		e.get(dJ)
		if t.v != 1 {
			e.konst(t.v)
			e.emit(ir.OpI32Mul)
		}
		e.set(dY)
		e.konst(0)
		e.set(dR)
		d.limbs(true, func() {
			d.at(r)
			d.divStep(dR, func() {
				d.load(r)()
				if abs64(t.u) != 1 {
					e.konst(abs64(t.u))
					e.emit(ir.OpI32Mul)
				}
			}, func() { e.get(dY) }, false)
			e.emit(ir.LocalTee(dX), ir.OpMemStore)
			if t.u < 0 {
				d.accum(t, func() { e.get(dX); e.get(dZ); e.emit(ir.OpI32Mul) })
			} else {
				d.accum(t, func() { e.get(dX) })
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

// root: N^(1/k) = (p/q) (1 + u/v)^(1/k): T_j = T_{j-1} u (k + 1 - kj) /
// (v k j), signed (truncating divisions keep T = q d + rem exact), two
// chained divisions a limb: by v (remainder dR) and by kj (dZ). dJ = k j,
// dY = k + 1 - kj, dX holds v.
func (d *decEm) root(r int64, t decTerm) {
	e := d.e
	k := t.at.k
	d.one(r)
	e.konst(t.v)
	e.set(dX)
	alpha, beta := t.linear()
	d.terms(k, k, alpha, beta, func() {
		e.konst(k + 1)
		e.get(dJ)
		e.emit(ir.OpI32Sub)
		e.set(dY)
		e.emit(ir.OpConst0, ir.LocalTee(dR), ir.LocalSet(dZ))
		d.limbs(true, func() {
			d.at(r)
			d.divStep(dZ, func() {
				d.divStep(dR, func() {
					d.load(r)()
					if t.u != 1 {
						e.konst(t.u)
						e.emit(ir.OpI32Mul)
					}
				}, func() { e.get(dX) }, false)
				e.get(dY)
				e.emit(ir.OpI32Mul)
			}, func() { e.get(dJ) }, false)
			e.emit(ir.OpMemStore)
			d.accum(t, d.load(r))
		})
	})
}

// trig: sin, cos, sinh, cosh of z = u/v: T_j = T_{j-1} (-+u^2) / (v^2
// (2j)(2j+1)) (sin; cos (2j-1)(2j)), signed, two chained divisions a
// limb: by v^2 (remainder dR), by dY (dZ).
func (d *decEm) trig(r int64, t decTerm) {
	e := d.e
	d.one(r)
	alpha, beta := t.linear()
	m := t.u * t.u
	if t.at.kind == 's' || t.at.kind == 'c' {
		m = -m
	}
	odd := int64(0) // sin: (2j)(2j+1); cos: (2j-1)(2j)
	if t.at.kind == 's' || t.at.kind == 'S' {
		odd = 1
	}
	d.terms(1, 1, alpha, beta, func() {
		e.get(dJ)
		e.get(dJ)
		e.emit(ir.OpI32Add, ir.LocalTee(dY))
		e.get(dY)
		if odd == 1 {
			e.emit(ir.OpConst1, ir.OpI32Add)
		} else {
			e.emit(ir.OpConst1, ir.OpI32Sub)
		}
		e.emit(ir.OpI32Mul)
		e.set(dY)
		e.emit(ir.OpConst0, ir.LocalTee(dR), ir.LocalSet(dZ))
		d.limbs(true, func() {
			d.at(r)
			d.divStep(dZ, func() {
				d.divStep(dR, func() {
					d.load(r)()
					e.konst(m)
					e.emit(ir.OpI32Mul)
				}, func() { e.konst(t.v * t.v) }, false)
			}, func() { e.get(dY) }, false)
			e.emit(ir.OpMemStore)
			d.accum(t, d.load(r))
		})
	})
}

// atanh: up to three series z^(2j)/(2j+1) (z = u/v; arctan: (-z^2)^j) in one loop, T in
// regions r, r+1, r+2; dJ = 2j+1. A pass adds V/(2j+1) to N and to D,
// V = sum b_i T_i (one signed division each, remainders dR and dX),
// then T_i = T_i u_i^2 / v_i^2 (remainders dY, dZ and word
// decScratch+1).
func (d *decEm) atanh(r int64, ts []decTerm) {
	e := d.e
	var alpha, beta int64
	for i := range ts {
		a, b := ts[i].linear()
		alpha, beta = max(alpha, a), max(beta, b)
	}
	for i := range ts {
		d.one(r + int64(i))
	}
	rems := []int{dY, dZ, -1}
	d.terms(1, 2, alpha, beta, func() {
		e.emit(ir.OpConst0, ir.LocalTee(dR), ir.LocalTee(dX), ir.LocalTee(dY), ir.LocalSet(dZ))
		if len(ts) > 2 {
			e.konst(decScratch + 1)
			e.emit(ir.OpConst0, ir.OpMemStore)
		}
		d.limbs(true, func() {
			for acc, rem := range []int{dR, dX} {
				any := false
				for _, t := range ts {
					if b := []int64{t.bN, t.bD}[acc]; b != 0 {
						any = true
					}
				}
				if !any {
					continue
				}
				d.at(int64(acc))
				d.divStep(rem, func() {
					first := true
					for i, t := range ts {
						b := []int64{t.bN, t.bD}[acc]
						if b == 0 {
							continue
						}
						d.load(r + int64(i))()
						if b != 1 {
							e.konst(b)
							e.emit(ir.OpI32Mul)
						}
						if !first {
							e.emit(ir.OpI32Add)
						}
						first = false
					}
				}, func() { e.get(dJ) }, false)
				d.load(int64(acc))()
				e.emit(ir.OpI32Add, ir.OpMemStore)
			}
			for i, t := range ts {
				tr := r + int64(i)
				d.at(tr)
				x := func() {
					d.load(tr)()
					if m := t.u * t.u; t.at.kind == 't' {
						e.konst(-m) // arctan: (-z^2)^j
						e.emit(ir.OpI32Mul)
					} else if m != 1 {
						e.konst(m)
						e.emit(ir.OpI32Mul)
					}
				}
				div := func() { e.konst(t.v * t.v) }
				if rems[i] >= 0 {
					d.divStep(rems[i], x, div, false)
				} else {
					d.divStepMem(decScratch+1, x, div)
				}
				e.emit(ir.OpMemStore)
			}
		})
	})
}

// divStepMem is divStep with the remainder in memory word w.
func (d *decEm) divStepMem(w int64, x, div func()) {
	e := d.e
	e.konst(w)
	e.emit(ir.OpMemLoad)
	e.konst(decB)
	e.emit(ir.OpI32Mul)
	x()
	e.emit(ir.OpI32Add)
	e.set(dT)
	e.konst(w)
	e.get(dT)
	div()
	e.emit(ir.OpI32RemS, ir.OpMemStore)
	e.get(dT)
	div()
	e.emit(ir.OpI32DivS)
}

// normalize carries region r's limbs low to high into 0..decB-1, all
// but limb 0, which takes the last carry whole.
func (d *decEm) normalize(r int64) {
	e := d.e
	e.konst(0)
	e.set(dR)
	d.limbs(false, func() {
		d.carry(func() { d.at(r) }, d.load(r))
	})
	e.konst(r)
	e.konst(r)
	e.emit(ir.OpMemLoad)
	e.get(dR)
	e.emit(ir.OpI32Add, ir.OpMemStore)
}

// carry emits one limb of a carry pass: with the limb's address and
// value pushed by addr and val, t = limb + carry; limb = t mod B (floor,
// dZ holds B); carry = (t - limb) / B, in dR.
func (d *decEm) carry(addr, val func()) {
	e := d.e
	addr()
	val()
	e.get(dR)
	e.emit(ir.OpI32Add, ir.LocalTee(dT))
	e.get(dZ)
	e.emit(ir.OpI32RemS)
	e.get(dZ)
	e.emit(ir.OpI32Add)
	e.get(dZ)
	e.emit(ir.OpI32RemS, ir.LocalTee(dX), ir.OpMemStore)
	e.get(dT)
	e.get(dX)
	e.emit(ir.OpI32Sub)
	e.get(dZ)
	e.emit(ir.OpI32DivS)
	e.set(dR)
}

// normalizeAll normalizes regions from..to-1 (dJ the region).
func (d *decEm) normalizeAll(from, to int64) {
	e := d.e
	e.konst(from)
	e.set(dJ)
	e.emit(ir.OpLoopBegin)
	e.konst(0)
	e.set(dR)
	addr := func() { e.get(dI); e.get(dJ); e.emit(ir.OpI32Add) }
	d.limbs(false, func() {
		d.carry(addr, func() { addr(); e.emit(ir.OpMemLoad) })
	})
	e.get(dJ)
	e.get(dJ)
	e.emit(ir.OpMemLoad)
	e.get(dR)
	e.emit(ir.OpI32Add, ir.OpMemStore)
	e.get(dJ)
	e.emit(ir.OpConst1, ir.OpI32Add, ir.LocalTee(dJ))
	e.konst(to)
	e.emit(ir.OpI32LtS, ir.OpBrIf, ir.OpLoopEnd)
}

// mul adds A B to region dst (zero, or what it holds), the columns
// i + j <= Q of the product of normalized A and B; dI is 10 i, dX 10 j.
func (d *decEm) mul(dst, a, b int64) {
	e := d.e
	addr := func() {
		e.get(dI)
		e.get(dX)
		e.emit(ir.OpI32Add)
		if dst != 0 {
			e.konst(dst)
			e.emit(ir.OpI32Add)
		}
	}
	e.konst(0)
	e.set(dI)
	e.emit(ir.OpLoopBegin)
	e.konst(0)
	e.set(dX)
	e.emit(ir.OpLoopBegin)
	addr()
	addr()
	e.emit(ir.OpMemLoad)
	d.load(a)()
	e.get(dX)
	if b != 0 {
		e.konst(b)
		e.emit(ir.OpI32Add)
	}
	e.emit(ir.OpMemLoad, ir.OpI32Mul, ir.OpI32Add, ir.OpMemStore)
	e.get(dX)
	e.emit(ir.OpConst10, ir.OpI32Add, ir.LocalTee(dX))
	e.get(dI)
	e.emit(ir.OpI32Add)
	e.get(dQ)
	e.emit(ir.OpI32LeS, ir.OpBrIf, ir.OpLoopEnd)
	e.get(dI)
	e.emit(ir.OpConst10, ir.OpI32Add, ir.LocalTee(dI))
	e.get(dQ)
	e.emit(ir.OpI32LeS, ir.OpBrIf, ir.OpLoopEnd)
}

// moveNorm moves region src to dst normalized (floor carries, limb 0
// whole) and zeroes src.
func (d *decEm) moveNorm(src, dst int64) {
	e := d.e
	e.konst(0)
	e.set(dR)
	e.get(dQ)
	e.set(dI)
	e.emit(ir.OpLoopBegin)
	d.carry(func() { d.at(dst) }, d.load(src))
	d.at(src)
	e.emit(ir.OpConst0, ir.OpMemStore)
	e.get(dI)
	e.emit(ir.OpConst10, ir.OpI32Sub, ir.LocalTee(dI), ir.OpConst0, ir.OpI32GeS, ir.OpBrIf, ir.OpLoopEnd)
	// the loop left limb 0 reduced and its carry in dR: add it back whole
	e.konst(dst)
	e.konst(dst)
	e.emit(ir.OpMemLoad)
	e.get(dR)
	e.get(dZ)
	e.emit(ir.OpI32Mul, ir.OpI32Add, ir.OpMemStore)
}

// divide divides region decN by c, high to low.
func (d *decEm) divide(c int64) {
	e := d.e
	e.konst(0)
	e.set(dR)
	d.limbs(true, func() {
		d.at(decN)
		d.divStep(dR, d.load(decN), func() { e.konst(c) }, true)
		e.emit(ir.OpMemStore)
	})
}

// digit pushes digit p = n + shift of decN: limb (p+2)/3, divided by
// 100, 10 or 1 as (p+2) mod 3 is 0, 1, 2, mod 10.
func (d *decEm) digit(shift int64) {
	e := d.e
	e.emit(ir.OpSlot0)
	e.konst(shift + 2)
	e.emit(ir.OpI32Add, ir.LocalTee(dT))
	e.konst(3)
	e.emit(ir.OpI32DivS, ir.OpConst10, ir.OpI32Mul, ir.OpMemLoad)
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

// quotient pushes digit p = n + shift of N/D (D normalized, 1 <= D <
// 1900, N < 1900; the first pass normalizes N) by long division a
// decimal digit at a time: with m = 1 for the units digit, else 10, the
// estimate q = m (R0 B + R1 + 1)/(D0 B + D1) + 1 is one or two above the
// digit of m R / D; one pass R = m R - q D, then R += D (q -= 1) while
// R < 0. R is decN; q is kept in word decScratch; dX is the pass's
// multiple of D (0: the first pass, which only normalizes N), dY its
// multiple of R, dJ counts the digits down from p.
func (d *decEm) quotient(shift int64) {
	e := d.e
	// pass: R = m R + s D, carries by floor division, limbs Q..0; limb
	// 0 then takes the last carry back whole
	pass := func() {
		e.konst(0)
		e.set(dR)
		e.get(dQ)
		e.set(dI)
		e.emit(ir.OpLoopBegin)
		d.at(decN)
		d.load(decN)()
		e.get(dY)
		e.emit(ir.OpI32Mul)
		d.load(decD)()
		e.get(dX)
		e.emit(ir.OpI32Mul, ir.OpI32Add)
		e.get(dR)
		e.emit(ir.OpI32Add, ir.LocalTee(dT))
		e.get(dZ)
		e.emit(ir.OpI32RemS)
		e.get(dZ)
		e.emit(ir.OpI32Add)
		e.get(dZ)
		e.emit(ir.OpI32RemS, ir.OpMemStore)
		e.get(dT)
		d.load(decN)()
		e.emit(ir.OpI32Sub)
		e.get(dZ)
		e.emit(ir.OpI32DivS)
		e.set(dR)
		e.get(dI)
		e.emit(ir.OpConst10, ir.OpI32Sub, ir.LocalTee(dI), ir.OpConst0, ir.OpI32GeS, ir.OpBrIf, ir.OpLoopEnd)
		e.konst(decN)
		e.konst(decN)
		e.emit(ir.OpMemLoad)
		e.get(dR)
		e.get(dZ)
		e.emit(ir.OpI32Mul, ir.OpI32Add, ir.OpMemStore)
	}
	e.emit(ir.OpSlot0)
	e.konst(shift)
	e.emit(ir.OpI32Add)
	e.set(dJ)
	e.konst(0)
	e.set(dX)
	e.konst(1)
	e.set(dY)
	e.emit(ir.OpLoopBegin)
	pass()
	e.get(dX)
	e.emit(ir.OpIfBegin)
	// after R = m R - q D or R += D: add D back while R < 0
	e.konst(decN)
	e.emit(ir.OpMemLoad, ir.OpConst0, ir.OpI32LtS, ir.OpIfBegin, ir.OpConst1, ir.LocalTee(dX))
	e.set(dY)
	e.konst(decScratch)
	e.konst(decScratch)
	e.emit(ir.OpMemLoad, ir.OpConst1, ir.OpI32Sub, ir.OpMemStore, ir.OpBr, ir.OpIfEnd)
	// the digit is done; the next one from 10 R
	e.get(dJ)
	e.emit(ir.OpConst1, ir.OpI32Sub)
	e.set(dJ)
	e.konst(10)
	e.set(dY)
	e.emit(ir.OpIfEnd)
	// estimate the next digit while one is wanted: q = (m (R0 B + R1 + 1))
	// / (D0 B + D1) + 1, one or two above it; dX = -q
	e.get(dJ)
	e.emit(ir.OpConst0, ir.OpI32GeS, ir.OpIfBegin)
	e.konst(decScratch)
	e.konst(decN)
	e.emit(ir.OpMemLoad)
	e.get(dZ)
	e.emit(ir.OpI32Mul)
	e.konst(decN + 10)
	e.emit(ir.OpMemLoad, ir.OpI32Add, ir.OpConst1, ir.OpI32Add)
	e.get(dY)
	e.emit(ir.OpI32Mul)
	e.konst(decD)
	e.emit(ir.OpMemLoad)
	e.get(dZ)
	e.emit(ir.OpI32Mul)
	e.konst(decD + 10)
	e.emit(ir.OpMemLoad, ir.OpI32Add, ir.OpI32DivS, ir.OpConst1, ir.OpI32Add, ir.LocalTee(dX), ir.OpMemStore)
	e.konst(0)
	e.get(dX)
	e.emit(ir.OpI32Sub)
	e.set(dX)
	e.emit(ir.OpBr, ir.OpIfEnd, ir.OpLoopEnd)
	// the digit p (p < 0: the tens digit of a constant below 10: 0, as
	// the scratch word was never written)
	e.konst(decScratch)
	e.emit(ir.OpMemLoad)
}
