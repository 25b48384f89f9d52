package formula

import (
	"math/big"
	"regexp"
	"slices"
	"strconv"
)

// Generating functions: "Expansion of (1+x)/(1-x-x^3)." A rational
// function P(x)/Q(x) with Q(0) != 0 has integer coefficients when Q(0) is
// ±1 and P, Q are integer polynomials; they satisfy the recurrence
// a(n) = P_n - Q_1 a(n-1) - ... - Q_d a(n-d) (Q normalized to Q(0) = 1),
// which lowers to a loop over d locals (d <= maxGFOrder).

var reExpansion = regexp.MustCompile(`^Expansion of (?:g\.f\.:? )?(.+?)\s*\.?\s*$`)

// maxGFOrder: the recurrence keeps d terms and a counter in locals.
const maxGFOrder = 6

// poly is a polynomial in x with rational coefficients, lowest first.
type poly []*big.Rat

type gfError struct{}

func gfFail() { panic(gfError{}) }

const maxGFDegree = 60

func (p poly) deg() int {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i].Sign() != 0 {
			return i
		}
	}
	return -1
}

func polyConst(v *big.Rat) poly { return poly{v} }

func polyAdd(a, b poly, sign int) poly {
	n := max(len(a), len(b))
	r := make(poly, n)
	for i := range r {
		r[i] = new(big.Rat)
		if i < len(a) {
			r[i].Add(r[i], a[i])
		}
		if i < len(b) {
			if sign < 0 {
				r[i].Sub(r[i], b[i])
			} else {
				r[i].Add(r[i], b[i])
			}
		}
	}
	return r
}

func polyMul(a, b poly) poly {
	if a.deg()+b.deg() > maxGFDegree {
		gfFail()
	}
	r := make(poly, max(len(a)+len(b)-1, 1))
	for i := range r {
		r[i] = new(big.Rat)
	}
	for i, x := range a {
		if x.Sign() == 0 {
			continue
		}
		for j, y := range b {
			r[i+j].Add(r[i+j], new(big.Rat).Mul(x, y))
		}
	}
	return r
}

// ratFn is P/Q.
type ratFn struct{ p, q poly }

func polyOne() poly { return poly{big.NewRat(1, 1)} }

// toRatFn reads x (a formula in variable v) as a rational function.
func toRatFn(x *node, v string) ratFn {
	switch x.k {
	case kNum:
		return ratFn{polyConst(new(big.Rat).SetInt64(x.val)), polyOne()}
	case kVar:
		if x.name != v {
			gfFail()
		}
		return ratFn{poly{new(big.Rat), big.NewRat(1, 1)}, polyOne()}
	case kNeg:
		a := toRatFn(x.kids[0], v)
		return ratFn{polyAdd(nil, a.p, -1), a.q}
	case kAdd, kSub:
		a, b := toRatFn(x.kids[0], v), toRatFn(x.kids[1], v)
		sign := 1
		if x.k == kSub {
			sign = -1
		}
		return ratFn{polyAdd(polyMul(a.p, b.q), polyMul(b.p, a.q), sign), polyMul(a.q, b.q)}
	case kMul:
		a, b := toRatFn(x.kids[0], v), toRatFn(x.kids[1], v)
		return ratFn{polyMul(a.p, b.p), polyMul(a.q, b.q)}
	case kDiv:
		a, b := toRatFn(x.kids[0], v), toRatFn(x.kids[1], v)
		if b.p.deg() < 0 {
			gfFail()
		}
		return ratFn{polyMul(a.p, b.q), polyMul(a.q, b.p)}
	case kPow:
		e := x.kids[1]
		if e.k != kNum || e.val > maxGFDegree || e.val < -maxGFDegree {
			gfFail()
		}
		a := toRatFn(x.kids[0], v)
		r := ratFn{polyOne(), polyOne()}
		k := e.val
		if k < 0 {
			a, k = ratFn{a.q, a.p}, -k
		}
		for ; k > 0; k-- {
			r = ratFn{polyMul(r.p, a.p), polyMul(r.q, a.q)}
		}
		return r
	}
	gfFail()
	return ratFn{}
}

// gfRecurrence turns a generating function into a recurrence node over n
// (a(n) = [x^n] G, from index i0), or fails.
func gfRecurrence(x *node) (rec *node, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, is := r.(gfError); !is {
				panic(r)
			}
			rec, ok = nil, false
		}
	}()
	f := toRatFn(x, "x")
	p, q := f.p, f.q
	// x^k dividing both: cancel it
	for len(q) > 1 && q[0].Sign() == 0 && len(p) > 0 && p[0].Sign() == 0 {
		p, q = p[1:], q[1:]
	}
	if len(q) == 0 || q[0].Sign() == 0 || p.deg() < 0 {
		return nil, false
	}
	q0 := new(big.Rat).Set(q[0])
	for i := range q {
		q[i] = new(big.Rat).Quo(q[i], q0)
		if !q[i].IsInt() || !q[i].Num().IsInt64() || q[i].Num().Int64() > 1<<20 || q[i].Num().Int64() < -1<<20 {
			return nil, false
		}
	}
	for i := range p {
		p[i] = new(big.Rat).Quo(p[i], q0)
	}
	d, dp := q.deg(), p.deg()
	if d < 1 || d > maxGFOrder {
		return nil, false
	}
	m := max(d, dp+1)
	if m > 30 {
		return nil, false
	}
	// the first m coefficients, exactly
	c := make([]*big.Rat, m)
	vals := make([]int64, m)
	for n := 0; n < m; n++ {
		v := new(big.Rat)
		if n < len(p) {
			v.Set(p[n])
		}
		for j := 1; j <= d && j <= n; j++ {
			v.Sub(v, new(big.Rat).Mul(q[j], c[n-j]))
		}
		if !v.IsInt() || !v.Num().IsInt64() || v.Num().Int64() != int64(int32(v.Num().Int64())) {
			return nil, false
		}
		c[n], vals[n] = v, v.Num().Int64()
	}
	// a(n) = -Q_1 a(n-1) - ... - Q_d a(n-d) for n >= m
	var body *node
	for j := 1; j <= d; j++ {
		qj := q[j].Num().Int64()
		if qj == 0 {
			continue
		}
		t := mul(num(-qj), vr("a"+strconv.Itoa(j)))
		if body == nil {
			body = t
		} else {
			body = add(body, t)
		}
	}
	if body == nil {
		return nil, false
	}
	return &node{k: kRec, val: 0, vals: vals, ord: d, kids: []*node{vr("n"), body}}, true
}

// expansion: "Expansion of G": a(n) = [x^n] G, and, for a sequence whose
// offset the name does not say, [x^(n-1)] G.
func (c *collector) expansion(s, g string) {
	toks := lex(g)
	x, end, ok := parseAt(toks, 0, "x")
	if !ok || toks[end].k != tEnd || !x.uses("x") {
		return
	}
	if rec, ok := gfRecurrence(x); ok {
		c.add(s, rec)
		shifted := *rec
		shifted.val = 1
		c.add(s, &shifted)
		return
	}
	for _, shift := range []int64{0, 1} {
		if y, ok := gfPartitions(x, shift); ok {
			c.add(s, y)
		}
	}
}

// gfPartitions reads G = P(x) / prod (1 - x^k) (a factor 1 + x^k counts
// as (1 - x^2k)/(1 - x^k)) as a(n) = Sum_t P_t c(n - shift - t), c(m) the
// number of ways to write m as a sum of the k (kPart), or fails.
func gfPartitions(x *node, shift int64) (y *node, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, is := r.(gfError); !is {
				panic(r)
			}
			y, ok = nil, false
		}
	}()
	f := toRatFn(x, "x")
	p, q := f.p, f.q
	if len(q) == 0 || q[0].Sign() == 0 {
		return nil, false
	}
	q0 := new(big.Rat).Set(q[0])
	for i := range q {
		q[i] = new(big.Rat).Quo(q[i], q0)
	}
	for i := range p {
		p[i] = new(big.Rat).Quo(p[i], q0)
	}
	var ks []int64
	for steps := 0; q.deg() > 0; steps++ {
		if steps > 40 {
			return nil, false
		}
		k := 1
		for q[k].Sign() == 0 {
			k++
		}
		if q[k].Sign() > 0 { // a factor 1 + x^k: times (1 - x^k) above and below
			m := make(poly, k+1)
			for i := range m {
				m[i] = new(big.Rat)
			}
			m[0].SetInt64(1)
			m[k].SetInt64(-1)
			p, q = polyMul(p, m), polyMul(q, m)
			continue
		}
		var ok bool
		if q, ok = divOneMinus(q, k); !ok {
			return nil, false
		}
		ks = append(ks, int64(k))
	}
	if q[0].Cmp(big.NewRat(1, 1)) != 0 {
		return nil, false
	}
	ones := int64(0)
	var rest []int64
	for _, k := range ks {
		if k == 1 {
			ones++
		} else {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	slices.Reverse(rest)
	levels := len(rest)
	if ones == 0 {
		levels--
	}
	if levels < 0 || levels > 5 || ones > 8 {
		return nil, false
	}
	var sum *node
	for t, c := range p {
		if c.Sign() == 0 {
			continue
		}
		if !c.IsInt() || !c.Num().IsInt64() || c.Num().Int64() > 1<<20 || c.Num().Int64() < -1<<20 {
			return nil, false
		}
		part := &node{k: kPart, val: ones, vals: rest, kids: []*node{sub(vr("n"), num(shift+int64(t)))}}
		term := mul(num(c.Num().Int64()), part)
		if sum == nil {
			sum = term
		} else {
			sum = bin(kAdd, sum, term)
		}
	}
	if sum == nil || len(p) > 20 {
		return nil, false
	}
	return sum, true
}

// divOneMinus divides q by 1 - x^k exactly, or reports it does not divide.
func divOneMinus(q poly, k int) (poly, bool) {
	// q = (1 - x^k) r: r_i = q_i + r_{i-k}
	d := q.deg()
	if d < k {
		return nil, false
	}
	r := make(poly, d-k+1)
	for i := range r {
		r[i] = new(big.Rat).Set(q[i])
		if i >= k {
			r[i].Add(r[i], r[i-k])
		}
	}
	// the product must give q back
	shifted := make(poly, k, k+len(r))
	for i := range shifted {
		shifted[i] = new(big.Rat)
	}
	back := polyAdd(r, append(shifted, r...), -1)
	for i := 0; i <= max(d, back.deg()); i++ {
		a, b := new(big.Rat), new(big.Rat)
		if i < len(q) {
			a = q[i]
		}
		if i < len(back) {
			b = back[i]
		}
		if a.Cmp(b) != 0 {
			return nil, false
		}
	}
	return r, true
}

// binomialBasis writes x, when it is a polynomial in n of degree at most
// 12 with rational coefficients that is integer at every integer, as
// Sum_k c_k binomial(n, k) with integers c_k = (Δ^k P)(0): a program then
// never holds more than about k times a term, where n*(n+1)*...*(2n^3+...)/36
// would hold 36 times the value and wrap long before it.
func binomialBasis(x *node) (y *node, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, is := r.(gfError); !is {
				panic(r)
			}
			y, ok = nil, false
		}
	}()
	f := toRatFn(x, "n")
	if f.q.deg() != 0 {
		return nil, false
	}
	d := f.p.deg()
	if d < 2 || d > 12 {
		return nil, false
	}
	vals := make([]*big.Rat, d+1) // P(0..d)
	for i := range vals {
		v := new(big.Rat)
		pw := big.NewRat(1, 1)
		for _, c := range f.p {
			v.Add(v, new(big.Rat).Mul(c, pw))
			pw = new(big.Rat).Mul(pw, big.NewRat(int64(i), 1))
		}
		vals[i] = v.Quo(v, f.q[0])
	}
	cs := make([]int64, d+1)
	for k := 0; k <= d; k++ { // forward differences in place
		c := vals[0]
		if !c.IsInt() || !c.Num().IsInt64() || c.Num().Int64() > 1<<31 || c.Num().Int64() < -1<<31 {
			return nil, false
		}
		cs[k] = c.Num().Int64()
		for i := 0; i+1 < len(vals); i++ {
			vals[i] = new(big.Rat).Sub(vals[i+1], vals[i])
		}
		vals = vals[:len(vals)-1]
	}
	return &node{k: kBinSum, vals: cs, kids: []*node{vr("n")}}, true
}
