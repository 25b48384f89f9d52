package formula

import (
	"errors"
	"math/big"
	"slices"
	"strconv"
)

// The exact evaluator: what a parsed formula means, in rational arithmetic
// with no overflow. Candidates runs each compiled program beside it over a
// range of n and keeps the program only where they agree on every value
// that fits in i32, so a program whose intermediate values wrap where the
// formula's value does not is never offered.

var (
	errUndefined = errors.New("formula: undefined here") // division by zero, prime(0), a non-integer where one is needed
	errBudget    = errors.New("formula: evaluation budget spent")
)

// evaluator holds the bound variables and the work left.
type evaluator struct {
	env   map[string]*big.Rat
	steps int
	memo  map[listKey]*nthMemo // the terms found so far of each list whose predicate has no free n
	terms map[*node][]*big.Rat // the terms computed so far of each recurrence
	mems  map[*node]*memTable  // the same for each recurrence with history (memrec.go)
	mem   *memTable            // the one whose body is being evaluated: what a(e) reads
}

// listKey names a list by what decides its terms (not by where its index
// starts): the readings of one list share what was found.
type listKey struct {
	pred     *node
	lo, step int64
}

// nthMemo: the x found so far that pass a list's predicate, and the next
// x to test; a scan over n = 0, 1, 2, ... then tests each x once.
type nthMemo struct {
	found []int64
	next  int64
}

const maxBits = 4096 // values past this many bits are no use to an i32 sequence

func (v *evaluator) tick(k int) {
	v.steps -= k
	if v.steps < 0 {
		panic(errBudget)
	}
}

// eval evaluates parsed (rational) formula x at n, or fails with
// errUndefined or errBudget.
func (v *evaluator) eval(x *node, n int64) (r *big.Rat, err error) {
	return v.evalAt(x, map[string]*big.Rat{"n": new(big.Rat).SetInt64(n)})
}

// evalAt evaluates x with the variables of env.
func (v *evaluator) evalAt(x *node, env map[string]*big.Rat) (r *big.Rat, err error) {
	defer func() {
		if p := recover(); p != nil {
			e, ok := p.(error)
			if !ok || (e != errUndefined && e != errBudget) {
				panic(p)
			}
			r, err = nil, e
		}
	}()
	v.env = env
	return v.ev(x), nil
}

func undefined() { panic(errUndefined) }

func ratInt(i int64) *big.Rat { return new(big.Rat).SetInt64(i) }

// integer returns r as an integer, or fails.
func integer(r *big.Rat) *big.Int {
	if !r.IsInt() {
		undefined()
	}
	return new(big.Int).Set(r.Num())
}

// small returns r as an int64 within ±limit, or fails.
func small(r *big.Rat, limit int64) int64 {
	i := integer(r)
	if !i.IsInt64() || i.Int64() > limit || i.Int64() < -limit {
		panic(errBudget)
	}
	return i.Int64()
}

func checkSize(r *big.Rat) *big.Rat {
	if r.Num().BitLen() > maxBits || r.Denom().BitLen() > maxBits {
		panic(errBudget)
	}
	return r
}

func floorRat(r *big.Rat) *big.Int {
	q := new(big.Int)
	m := new(big.Int)
	q.DivMod(r.Num(), r.Denom(), m) // Euclidean; the denominator is positive, so this is floor
	return q
}

func (v *evaluator) ev(x *node) *big.Rat {
	v.tick(1)
	switch x.k {
	case kNum:
		return ratInt(x.val)
	case kVar:
		r, ok := v.env[x.name]
		if !ok {
			undefined()
		}
		return r
	case kAdd:
		return checkSize(new(big.Rat).Add(v.ev(x.kids[0]), v.ev(x.kids[1])))
	case kSub:
		return checkSize(new(big.Rat).Sub(v.ev(x.kids[0]), v.ev(x.kids[1])))
	case kMul:
		return checkSize(new(big.Rat).Mul(v.ev(x.kids[0]), v.ev(x.kids[1])))
	case kDiv:
		a, b := v.ev(x.kids[0]), v.ev(x.kids[1])
		if b.Sign() == 0 {
			undefined()
		}
		return checkSize(new(big.Rat).Quo(a, b))
	case kNeg:
		return new(big.Rat).Neg(v.ev(x.kids[0]))
	case kPow:
		b := v.ev(x.kids[0])
		if b.Cmp(ratInt(-1)) == 0 { // any integer exponent: its parity decides
			return ratInt(1 - 2*int64(integer(v.ev(x.kids[1])).Bit(0)))
		}
		er := v.ev(x.kids[1])
		if p, q, ok := fracExp(er); ok { // b^(p/q): rational or undefined (sound_root.go)
			return v.fracPow(b, p, q)
		}
		e := small(er, 1<<20)
		if b.Cmp(ratInt(1)) == 0 || b.Sign() == 0 && e > 0 {
			return b
		}
		if e < 0 {
			if b.Sign() == 0 {
				undefined()
			}
			b, e = new(big.Rat).Inv(b), -e
		}
		if int64(b.Num().BitLen()+b.Denom().BitLen())*e > 2*maxBits {
			panic(errBudget)
		}
		v.tick(int(e))
		num := new(big.Int).Exp(b.Num(), big.NewInt(e), nil)
		den := new(big.Int).Exp(b.Denom(), big.NewInt(e), nil)
		return new(big.Rat).SetFrac(num, den)
	case kFact:
		k := small(v.ev(x.kids[0]), 1000)
		if k < 0 {
			undefined()
		}
		v.tick(int(k))
		return checkSize(new(big.Rat).SetInt(new(big.Int).MulRange(1, k)))
	case kMod:
		m := integer(v.ev(x.kids[1]))
		if m.Sign() == 0 {
			undefined()
		}
		if r, ok := v.modRing(x.kids[0], new(big.Int).Abs(m)); ok { // 2^k mod 13 without 2^k
			if r.Sign() != 0 && m.Sign() < 0 {
				r.Add(r, m)
			}
			return new(big.Rat).SetInt(r)
		}
		a := integer(v.ev(x.kids[0]))
		r := new(big.Int).Rem(a, m) // sign of a
		if r.Sign() != 0 && r.Sign() != m.Sign() {
			r.Add(r, m)
		}
		return new(big.Rat).SetInt(r)
	case kFloor:
		if a := x.kids[0]; a.k == kCall && a.name == "sqrt" {
			s := floorRat(v.ev(a.kids[0]))
			if s.Sign() < 0 {
				undefined()
			}
			return new(big.Rat).SetInt(s.Sqrt(s))
		}
		if hasSurd(x.kids[0]) { // floor(n*sqrt(2)): beatty.go
			return v.evRounded(x)
		}
		if r, ok := v.roundedRoots(x); ok { // floor(3^(n/2)): sound_root.go
			return r
		}
		return new(big.Rat).SetInt(floorRat(v.ev(x.kids[0])))
	case kCeil:
		if hasSurd(x.kids[0]) {
			return v.evRounded(x)
		}
		if r, ok := v.roundedRoots(x); ok {
			return r
		}
		r := new(big.Rat).Neg(v.ev(x.kids[0]))
		return new(big.Rat).SetInt(new(big.Int).Neg(floorRat(r)))
	case kRound:
		if hasSurd(x.kids[0]) {
			return v.evRounded(x)
		}
		if r, ok := v.roundedRoots(x); ok {
			return r
		}
		r := new(big.Rat).Add(v.ev(x.kids[0]), big.NewRat(1, 2))
		return new(big.Rat).SetInt(floorRat(r))
	case kCall:
		return v.call(x)
	case kSum, kProd:
		lo, hi := small(v.ev(x.kids[0]), 1<<20), small(v.ev(x.kids[1]), 1<<20)
		acc := ratInt(0)
		if x.k == kProd {
			acc = ratInt(1)
		}
		old := v.env[x.name]
		for k := lo; k <= hi; k++ {
			v.env[x.name] = ratInt(k)
			t := v.ev(x.kids[2])
			if x.k == kSum {
				acc = checkSize(new(big.Rat).Add(acc, t))
			} else {
				acc = checkSize(new(big.Rat).Mul(acc, t))
			}
		}
		v.env[x.name] = old
		return acc
	case kSumDiv:
		m := small(v.ev(x.kids[0]), 1<<20)
		acc := ratInt(0)
		old := v.env[x.name]
		for d := int64(1); d <= m; d++ {
			v.tick(1)
			if m%d == 0 {
				v.env[x.name] = ratInt(d)
				acc = checkSize(new(big.Rat).Add(acc, v.ev(x.kids[1])))
			}
		}
		v.env[x.name] = old
		return acc
	case kNth:
		idx := small(v.ev(x.kids[0]), 1<<20) - x.val
		if idx < 0 {
			undefined() // before the first term
		}
		if !x.kids[2].isNum() || usesOther(x.kids[1], x.name) {
			return ratInt(v.nth(x, idx, &nthMemo{next: small(v.ev(x.kids[2]), 1<<30)}))
		}
		if v.memo == nil {
			v.memo = map[listKey]*nthMemo{}
		}
		key := listKey{x.kids[1], x.kids[2].val, step(x)}
		m := v.memo[key]
		if m == nil {
			m = &nthMemo{next: x.kids[2].val}
			v.memo[key] = m
		}
		return ratInt(v.nth(x, idx, m))
	case kIsPrime:
		return ratInt(b2i(v.isPrime(small(v.ev(x.kids[0]), 1<<40))))
	case kCmp:
		c := v.ev(x.kids[0]).Cmp(v.ev(x.kids[1]))
		var t bool
		switch x.name {
		case "=":
			t = c == 0
		case "!=":
			t = c != 0
		case "<":
			t = c < 0
		case ">":
			t = c > 0
		case "<=":
			t = c <= 0
		case ">=":
			t = c >= 0
		}
		return ratInt(b2i(t))
	case kPart:
		m := small(v.ev(x.kids[0]), 1<<14)
		if m < 0 {
			return ratInt(0)
		}
		ways := make([]*big.Int, m+1)
		for i := range ways {
			ways[i] = new(big.Int)
		}
		ways[0].SetInt64(1)
		parts := slices.Clone(x.vals)
		for range x.val {
			parts = append(parts, 1)
		}
		v.tick(len(parts) * int(m) / 16)
		for _, k := range parts {
			for i := k; i <= m; i++ {
				ways[i].Add(ways[i], ways[i-k])
			}
		}
		return new(big.Rat).SetInt(ways[m])
	case kBinSum:
		n := integer(v.ev(x.kids[0]))
		sum, b := new(big.Int), big.NewInt(1)
		for k, c := range x.vals {
			if k > 0 { // b = binomial(n, k)
				b.Mul(b, new(big.Int).Sub(n, big.NewInt(int64(k-1))))
				b.Quo(b, big.NewInt(int64(k)))
			}
			sum.Add(sum, new(big.Int).Mul(b, big.NewInt(c)))
		}
		return new(big.Rat).SetInt(sum)
	case kRec:
		return v.rec(x, small(v.ev(x.kids[0]), 1<<16))
	case kDnc:
		return v.dncAt(x, small(v.ev(x.kids[0]), 1<<40))
	case kMem:
		return v.memAt(x, small(v.ev(x.kids[0]), 1<<16))
	case kMemRef:
		return v.memRef(x)
	case kAnd:
		if v.ev(x.kids[0]).Sign() == 0 {
			return ratInt(0)
		}
		return v.ev(x.kids[1])
	case kCmp0:
		return ratInt(b2i(v.ev(x.kids[0]).Sign() == 0))
	case kTri:
		idx := small(v.ev(x.kids[0]), 1<<20) - x.val
		if idx < 0 {
			undefined() // before the first entry
		}
		row, col := v.triPos(x, idx)
		saved := v.env
		env := map[string]*big.Rat{}
		for k, r := range saved {
			env[k] = r
		}
		env["r_"], env["c_"] = ratInt(row), ratInt(col)
		v.env = env
		r := v.ev(x.kids[1])
		v.env = saved
		return r
	case kTable:
		i := small(v.ev(x.kids[0]), 1<<40)
		if i < 0 || i >= int64(len(x.vals)) {
			undefined()
		}
		return ratInt(x.vals[i])
	}
	undefined()
	return nil
}

// nth returns the idx-th (from 0) x that passes x's predicate, going on
// from what m holds.
func (v *evaluator) nth(x *node, idx int64, m *nthMemo) int64 {
	old, had := v.env[x.name]
	defer func() {
		if had {
			v.env[x.name] = old
		} else {
			delete(v.env, x.name)
		}
	}()
	for int64(len(m.found)) <= idx {
		c := m.next
		v.env[x.name] = ratInt(c)
		pass := v.ev(x.kids[1]).Sign() != 0
		m.next += step(x)
		if pass {
			m.found = append(m.found, c)
		}
	}
	return m.found[idx]
}

// rec returns term n of recurrence x, computing (and keeping) the terms
// up to it.
func (v *evaluator) rec(x *node, n int64) *big.Rat {
	i0 := x.val
	if n < i0 {
		undefined()
	}
	if v.terms == nil {
		v.terms = map[*node][]*big.Rat{}
	}
	ts := v.terms[x]
	if ts == nil {
		for _, t := range x.vals {
			ts = append(ts, ratInt(t))
		}
	}
	saved := v.env
	for int64(len(ts)) <= n-i0 {
		i := i0 + int64(len(ts))
		env := map[string]*big.Rat{"i_": ratInt(i)}
		for j := 1; j <= x.ord; j++ {
			env["a"+strconv.Itoa(j)] = ts[len(ts)-j]
		}
		v.env = env
		t := checkSize(v.ev(x.kids[1]))
		if !t.IsInt() {
			v.env = saved
			undefined()
		}
		ts = append(ts, t)
		v.terms[x] = ts
	}
	v.env = saved
	return ts[n-i0]
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func (v *evaluator) isPrime(m int64) bool {
	if m < 2 {
		return false
	}
	for d := int64(2); d*d <= m; d++ {
		if d&15 == 0 {
			v.tick(1) // native steps are cheap: one tick per 16
		}
		if m%d == 0 {
			return false
		}
	}
	return true
}

func (v *evaluator) call(x *node) *big.Rat {
	if x.name == "let_" { // a value bound once (qform.go)
		return v.let(x)
	}
	if x.name == "pfcount_" { // readers3_pfac.go: a body over each prime factor
		return v.pfCount(x)
	}
	args := make([]*big.Rat, len(x.kids))
	for i, k := range x.kids {
		args[i] = v.ev(k)
	}
	if r, ok := v.bigDigits(x.name, args); ok { // wide_digits.go
		return r
	}
	switch x.name {
	case "binomial":
		a, k := integer(args[0]), small(args[1], 1<<20)
		if k < 0 {
			return ratInt(0)
		}
		v.tick(int(k))
		r := big.NewInt(1) // the falling product (a)(a-1).../k!, valid for any integer a
		for i := int64(0); i < k; i++ {
			r.Mul(r, new(big.Int).Sub(a, big.NewInt(i)))
			r.Quo(r, big.NewInt(i+1))
			if r.BitLen() > maxBits {
				panic(errBudget)
			}
		}
		return new(big.Rat).SetInt(r)
	case "gcd":
		a, b := integer(args[0]), integer(args[1])
		return new(big.Rat).SetInt(new(big.Int).GCD(nil, nil, new(big.Int).Abs(a), new(big.Int).Abs(b)))
	case "lcm":
		a, b := integer(args[0]), integer(args[1])
		g := new(big.Int).GCD(nil, nil, new(big.Int).Abs(a), new(big.Int).Abs(b))
		if g.Sign() == 0 {
			undefined()
		}
		l := new(big.Int).Mul(a, b)
		return new(big.Rat).SetInt(l.Abs(l.Quo(l, g)))
	case "min", "max":
		c := args[0].Cmp(args[1])
		if (c < 0) == (x.name == "min") {
			return args[0]
		}
		return args[1]
	case "abs":
		return new(big.Rat).Abs(args[0])
	case "kronecker": // cases_kron.go
		return ratInt(kroneckerSymbol(small(args[0], 1<<30), small(args[1], 1<<30), func() { v.tick(1) }))
	case "sigma", "tau":
		m := small(args[0], 1<<24)
		var s int64
		for d := int64(1); d <= m; d++ {
			if d&15 == 0 {
				v.tick(1)
			}
			if m%d == 0 {
				if x.name == "sigma" {
					s += d
				} else {
					s++
				}
			}
		}
		return ratInt(s)
	case "phi":
		m := small(args[0], 1<<24)
		if m < 1 {
			undefined()
		}
		r := m
		for p := int64(2); p*p <= m; p++ {
			if p&15 == 0 {
				v.tick(1)
			}
			if m%p == 0 {
				for m%p == 0 {
					m /= p
				}
				r -= r / p
			}
		}
		if m > 1 {
			r -= r / m
		}
		return ratInt(r)
	case "prime":
		i := small(args[0], 1<<16)
		if i < 1 {
			undefined()
		}
		for c := int64(2); ; c++ {
			if v.isPrime(c) {
				if i--; i == 0 {
					return ratInt(c)
				}
			}
		}
	case "fib", "lucas":
		k := small(args[0], 1<<12)
		if k < 0 {
			undefined()
		}
		a, b := big.NewInt(0), big.NewInt(1)
		if x.name == "lucas" {
			a = big.NewInt(2)
		}
		v.tick(int(k))
		for ; k > 0; k-- {
			a, b = b, new(big.Int).Add(a, b)
		}
		return new(big.Rat).SetInt(a)
	case "isqrt":
		s := integer(args[0])
		if s.Sign() < 0 {
			undefined()
		}
		return new(big.Rat).SetInt(new(big.Int).Sqrt(s))
	case "mu", "omega", "bigomega", "lpf", "gpf", "rad", "sopf", "sopfr":
		return ratInt(v.factorFn(x.name, small(args[0], 1<<31)))
	case "runrank_": // sets3_runs.go
		return v.runRank(small(args[0], 1<<31), small(args[1], 1<<31), small(args[2], 1<<31), small(args[3], 1<<31))
	case "digrank_": // sets3_digits.go
		rest := make([]int64, len(args)-1)
		for i, a := range args[1:] {
			rest[i] = small(a, 1<<31)
		}
		return v.digRank(small(args[0], 1<<31), rest)
	case "collatz_": // collatz.go
		r, steps, ok := collatzRef(small(args[0], 1<<31), small(args[1], 8))
		v.tick(steps)
		if !ok {
			undefined()
		}
		return ratInt(r)
	case "mdr_": // sets3_mdr.go
		return ratInt(mdrRef(small(args[0], 1<<40), small(args[1], 1<<31)))
	case "powprod_": // lists3_powprod.go
		bases := make([]int64, len(args)-1)
		for i, a := range args[1:] {
			bases[i] = small(a, 1<<31)
		}
		return powProdRef(v, small(args[0], 1<<31), bases)
	case "smooth_": // sets3.go
		return ratInt(smoothRef(small(args[0], 1<<40), small(args[1], 1<<31)))
	case "primepi":
		m := small(args[0], 1<<20)
		var c int64
		for q := int64(2); q <= m; q++ {
			v.tick(1)
			if v.isPrime(q) {
				c++
			}
		}
		return ratInt(c)
	case "digsum", "ndigits", "rev":
		return ratInt(digitFn(x.name, small(args[0], 1<<40), small(args[1], 1<<31), 0))
	case "digcount":
		return ratInt(digitFn(x.name, small(args[0], 1<<40), small(args[1], 1<<31), small(args[2], 1<<31)))
	}
	if _, ok := digitArity[x.name]; ok { // digitfns.go
		a := make([]int64, len(args))
		for i, r := range args {
			a[i] = small(r, 1<<40)
		}
		return ratInt(evalDigits(x.name, a))
	}
	undefined()
	return nil
}

// factorFn computes a function of m's factorization m = p1^e1 ... pk^ek
// (m >= 1; the empty product for m = 1): mu, omega (k), bigomega (the sum
// of the e), lpf and gpf (the least and greatest p, 1 for m = 1), rad (the
// product of the p), sopf and sopfr (the sum of the p, without and with
// multiplicity).
func (v *evaluator) factorFn(name string, m int64) int64 {
	if m < 1 {
		undefined()
	}
	var ps, es []int64
	for p := int64(2); p*p <= m; p++ {
		if p&15 == 0 {
			v.tick(1)
		}
		if m%p == 0 {
			e := int64(0)
			for m%p == 0 {
				m /= p
				e++
			}
			ps, es = append(ps, p), append(es, e)
		}
	}
	if m > 1 {
		ps, es = append(ps, m), append(es, 1)
	}
	r := int64(0)
	switch name {
	case "mu":
		r = 1
		for _, e := range es {
			if e > 1 {
				return 0
			}
			r = -r
		}
	case "omega":
		r = int64(len(ps))
	case "bigomega":
		for _, e := range es {
			r += e
		}
	case "lpf", "gpf":
		r = 1
		if len(ps) > 0 {
			r = ps[0]
			if name == "gpf" {
				r = ps[len(ps)-1]
			}
		}
	case "rad":
		r = 1
		for _, p := range ps {
			r *= p
		}
	case "sopf", "sopfr":
		for i, p := range ps {
			if name == "sopfr" {
				r += p * es[i]
			} else {
				r += p
			}
		}
	}
	return r
}

// digitFn is a function of m's digits in base b (m >= 0, b >= 2): their
// sum, their number (1 for m = 0), the number they spell reversed, or how
// many of them are d.
func digitFn(name string, m, b, d int64) int64 {
	if m < 0 || b < 2 {
		undefined()
	}
	var ds []int64
	for {
		ds = append(ds, m%b)
		if m /= b; m == 0 {
			break
		}
	}
	var r int64
	switch name {
	case "digsum":
		for _, d := range ds {
			r += d
		}
	case "ndigits":
		r = int64(len(ds))
	case "digcount":
		for _, e := range ds {
			r += b2i(e == d)
		}
	case "rev":
		for _, d := range ds { // least significant first: it becomes the most significant
			r = r*b + d
			if r > 1<<40 {
				panic(errBudget)
			}
		}
	}
	return r
}

// modRing evaluates x modulo m > 0 (in 0..m-1), reducing its sums,
// differences, products and powers as it goes; ok false where a part
// is not an integer (then only the exact value will do).
func (v *evaluator) modRing(x *node, m *big.Int) (*big.Int, bool) {
	switch x.k {
	case kAdd, kSub, kMul:
		a, ok1 := v.modRing(x.kids[0], m)
		if !ok1 {
			return nil, false
		}
		b, ok2 := v.modRing(x.kids[1], m)
		if !ok2 {
			return nil, false
		}
		switch x.k {
		case kAdd:
			a.Add(a, b)
		case kSub:
			a.Sub(a, b)
		default:
			a.Mul(a, b)
		}
		return a.Mod(a, m), true
	case kNeg:
		a, ok := v.modRing(x.kids[0], m)
		if !ok {
			return nil, false
		}
		a.Neg(a)
		return a.Mod(a, m), true
	case kPow:
		e := v.ev(x.kids[1])
		if !e.IsInt() || e.Sign() < 0 || e.Num().BitLen() > 62 {
			return nil, false
		}
		b, ok := v.modRing(x.kids[0], m)
		if !ok {
			return nil, false
		}
		v.tick(e.Num().BitLen())
		return b.Exp(b, e.Num(), m), true
	}
	r := v.ev(x)
	if !r.IsInt() {
		return nil, false
	}
	return new(big.Int).Mod(r.Num(), m), true
}
