package formula

import (
	"math"
	"math/big"
)

// The exact side of decimal expansions: each atom evaluated with
// math/big by an algorithm other than its program's series (Newton for
// roots and logarithms, Machin's formula for Pi, Taylor with halving for
// exp), at a precision of prec bits.

// decValue is x to prec bits; ok false if an atom has no value here.
func decValue(x dconst, prec uint) (*big.Float, bool) {
	sum := new(big.Float).SetPrec(prec)
	for k, c := range x.terms {
		if c.Sign() == 0 {
			continue
		}
		v := new(big.Float).SetPrec(prec).SetInt64(1)
		if k != "" {
			var ok bool
			if v, ok = atomValue(x.atoms[k], prec); !ok {
				return nil, false
			}
		}
		cf := new(big.Float).SetPrec(prec).SetRat(c)
		sum.Add(sum, v.Mul(v, cf))
	}
	return sum, true
}

// decQuoValue is x.n / x.d to prec bits.
func decQuoValue(x dq, prec uint) (*big.Float, bool) {
	v, ok := decValue(x.n, prec)
	if !ok || x.d == nil {
		return v, ok
	}
	w, ok := decValue(*x.d, prec)
	if !ok || w.Sign() <= 0 {
		return nil, false
	}
	return v.Quo(v, w), true
}

func atomValue(a datom, prec uint) (*big.Float, bool) {
	switch a.kind {
	case 'r':
		return rootValue(a.n, a.k, prec), true
	case 'x':
		return expValue(new(big.Float).SetPrec(prec).SetRat(a.r), prec), true
	case 'p':
		return piValue(prec), true
	case 'M':
		v := new(big.Float).SetPrec(prec).SetInt64(1)
		for _, f := range a.facs {
			w, ok := atomValue(f, prec)
			if !ok {
				return nil, false
			}
			v.Mul(v, w)
		}
		return v, true
	case 'S', 'C': // (e^z -+ e^-z) / 2
		z := new(big.Float).SetPrec(prec).SetRat(a.r)
		ep := expValue(z, prec)
		em := expValue(new(big.Float).Neg(z), prec)
		if a.kind == 'S' {
			ep.Sub(ep, em)
		} else {
			ep.Add(ep, em)
		}
		return ep.Quo(ep, new(big.Float).SetInt64(2)), true
	case 's', 'c':
		s, c := sinCos(new(big.Float).SetPrec(prec).SetRat(a.r), prec)
		if a.kind == 's' {
			return s, true
		}
		return c, true
	case 't': // arctan z = Im log(1 + i z): Newton on tan, y <- y - (tan y - z) cos^2 y
		z := new(big.Float).SetPrec(prec).SetRat(a.r)
		zf, _ := z.Float64()
		y := new(big.Float).SetPrec(prec).SetFloat64(math.Atan(zf))
		for it := 0; it < 30; it++ {
			s, c := sinCos(y, prec)
			// y <- y - (s - z c) c
			t := new(big.Float).SetPrec(prec).Mul(z, c)
			t.Sub(s, t)
			t.Mul(t, c)
			y.Sub(y, t)
		}
		return y, true
	case 'a': // atanh z = log((1+z)/(1-z)) / 2
		one := big.NewRat(1, 1)
		q := new(big.Rat).Quo(new(big.Rat).Add(one, a.r), new(big.Rat).Sub(one, a.r))
		l := logValue(new(big.Float).SetPrec(prec).SetRat(q), prec)
		return l.Quo(l, new(big.Float).SetInt64(2)), true
	}
	return nil, false
}

// sinCos: sin x and cos x from their Taylor series at x/2^s, doubled s
// times (sin 2y = 2 sin y cos y, cos 2y = 1 - 2 sin^2 y).
func sinCos(x *big.Float, prec uint) (*big.Float, *big.Float) {
	p := prec + 64
	y := new(big.Float).SetPrec(p).Set(x)
	s := 0
	for y.MantExp(nil) > -8 {
		y.SetMantExp(y, -1)
		s++
	}
	y2 := new(big.Float).SetPrec(p).Mul(y, y)
	sin := new(big.Float).SetPrec(p).Set(y)
	cos := new(big.Float).SetPrec(p).SetInt64(1)
	ts := new(big.Float).SetPrec(p).Set(y)
	tc := new(big.Float).SetPrec(p).SetInt64(1)
	for k := int64(1); k < 2000; k++ {
		ts.Mul(ts, y2)
		ts.Quo(ts, new(big.Float).SetInt64(-(2*k)*(2*k+1)))
		tc.Mul(tc, y2)
		tc.Quo(tc, new(big.Float).SetInt64(-(2*k-1)*(2*k)))
		sin.Add(sin, ts)
		cos.Add(cos, tc)
		if tc.Sign() == 0 || tc.MantExp(nil) < -int(p)-8 {
			break
		}
	}
	two := new(big.Float).SetPrec(p).SetInt64(2)
	for ; s > 0; s-- {
		ns := new(big.Float).SetPrec(p).Mul(sin, cos)
		ns.Mul(ns, two)
		nc := new(big.Float).SetPrec(p).Mul(sin, sin)
		nc.Mul(nc, two)
		nc.Sub(new(big.Float).SetPrec(p).SetInt64(1), nc)
		sin, cos = ns, nc
	}
	return new(big.Float).SetPrec(prec).Set(sin), new(big.Float).SetPrec(prec).Set(cos)
}

// rootValue: N^(1/k) by Newton's iteration y <- ((k-1) y + N / y^(k-1)) / k.
func rootValue(n, k int64, prec uint) *big.Float {
	if k == 2 {
		return new(big.Float).SetPrec(prec).Sqrt(new(big.Float).SetPrec(prec).SetInt64(n))
	}
	y := new(big.Float).SetPrec(prec).SetFloat64(math.Pow(float64(n), 1/float64(k)))
	nf := new(big.Float).SetPrec(prec).SetInt64(n)
	kf := new(big.Float).SetPrec(prec).SetInt64(k)
	km := new(big.Float).SetPrec(prec).SetInt64(k - 1)
	for it := 0; it < 40; it++ {
		p := new(big.Float).SetPrec(prec).SetInt64(1)
		for i := int64(1); i < k; i++ {
			p.Mul(p, y)
		}
		t := new(big.Float).SetPrec(prec).Quo(nf, p)
		t.Add(t, new(big.Float).SetPrec(prec).Mul(km, y))
		y = t.Quo(t, kf)
	}
	return y
}

// expValue: e^x as (Taylor series at x/2^s)^(2^s).
func expValue(x *big.Float, prec uint) *big.Float {
	s := 0
	y := new(big.Float).SetPrec(prec + 64).Set(x)
	for y.MantExp(nil) > -8 {
		y.SetMantExp(y, -1)
		s++
	}
	sum := new(big.Float).SetPrec(prec + 64).SetInt64(1)
	term := new(big.Float).SetPrec(prec + 64).SetInt64(1)
	for i := int64(1); i < 1000; i++ {
		term.Mul(term, y)
		term.Quo(term, new(big.Float).SetInt64(i))
		sum.Add(sum, term)
		if term.Sign() == 0 || term.MantExp(nil)-sum.MantExp(nil) < -int(prec)-70 {
			break
		}
	}
	for ; s > 0; s-- {
		sum.Mul(sum, sum)
	}
	return new(big.Float).SetPrec(prec).Set(sum)
}

// logValue: log r by Newton's iteration on exp, y <- y + 2 (r - e^y)/(r + e^y).
func logValue(r *big.Float, prec uint) *big.Float {
	f, _ := r.Float64()
	y := new(big.Float).SetPrec(prec).SetFloat64(math.Log(f))
	two := new(big.Float).SetPrec(prec).SetInt64(2)
	for it := 0; it < 30; it++ {
		e := expValue(y, prec)
		num := new(big.Float).SetPrec(prec).Sub(r, e)
		den := new(big.Float).SetPrec(prec).Add(r, e)
		num.Quo(num, den)
		y.Add(y, num.Mul(num, two))
	}
	return y
}

// piValue: Machin, Pi = 16 atan(1/5) - 4 atan(1/239).
func piValue(prec uint) *big.Float {
	atanInv := func(m int64) *big.Float {
		p := prec + 64
		x := new(big.Float).SetPrec(p).Quo(new(big.Float).SetPrec(p).SetInt64(1), new(big.Float).SetPrec(p).SetInt64(m))
		m2 := new(big.Float).SetPrec(p).SetInt64(m * m)
		sum := new(big.Float).SetPrec(p).Set(x)
		pow := new(big.Float).SetPrec(p).Set(x)
		for k := int64(1); ; k++ {
			pow.Quo(pow, m2)
			t := new(big.Float).SetPrec(p).Quo(pow, new(big.Float).SetPrec(p).SetInt64(2*k+1))
			if k%2 == 1 {
				sum.Sub(sum, t)
			} else {
				sum.Add(sum, t)
			}
			if t.Sign() == 0 || t.MantExp(nil) < -int(p)-8 {
				return sum
			}
		}
	}
	a := atanInv(5)
	a.Mul(a, new(big.Float).SetInt64(16))
	b := atanInv(239)
	b.Mul(b, new(big.Float).SetInt64(4))
	return new(big.Float).SetPrec(prec).Sub(a, b)
}

// decDigits returns the digits of x at positions 0..m (0: units, 1: the
// first after the point), checked at two precisions: false if they
// differ (the digits near m sit too close to a boundary to trust) or x
// is not in [0, 1000).
func decDigits(x dq, m int) ([]int64, bool) {
	var out [2][]int64
	for pi, prec := range []uint{1100, 1600} {
		v, ok := decQuoValue(x, prec)
		if !ok || v.Sign() < 0 || v.Cmp(big.NewFloat(1000)) >= 0 {
			return nil, false
		}
		// floor(v * 10^(m+8)) as an integer, then its digits
		scale := new(big.Float).SetPrec(prec).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(m+8)), nil))
		w := new(big.Float).SetPrec(prec).Mul(v, scale)
		z, _ := w.Int(nil)
		s := z.String()
		for len(s) < m+9 {
			s = "0" + s
		}
		ds := make([]int64, m+1)
		int0 := len(s) - (m + 8) - 1 // index of the units digit
		for p := 0; p <= m; p++ {
			ds[p] = int64(s[int0+p] - '0')
		}
		// the 8 guard digits must not be all 9s or all 0s
		g := s[int0+m+1:]
		if g == "99999999" || g == "00000000" {
			return nil, false
		}
		out[pi] = ds
	}
	for i := range out[0] {
		if out[0][i] != out[1][i] {
			return nil, false
		}
	}
	return out[0], true
}
