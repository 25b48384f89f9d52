package formula

// Primes of a positive definite binary quadratic form alone in its genus
// (lists3_qform.go): "Primes of the form 5x^2 + 21y^2.", "Primes of the
// form 8x^2+8xy+23y^2." where qform.go's program, which solves for a root
// at every y, is refused for fuel (the primes such a form represents are
// sparse: the 80th of 5x^2 + 21y^2 is 10709).
//
// For a primitive form f of discriminant D < 0 and a prime p not dividing
// 2D, p is represented by some form of f's genus exactly when p is
// represented by f over the q-adic integers for every prime q | 2D, that
// is when p mod q (p mod 8 for q = 2) is among the values of f mod q (mod
// 8) prime to q (genus theory: the assigned characters of p are f's). When
// every reduced form of discriminant D with f's values mod each q is f or
// its inverse (both represent the same numbers), p is represented by f
// exactly then: a residue test per prime of 2D and a primality test, no
// search over y. The primes dividing 2D are tested one by one when read.
// Every reading is also checked against the search over y for every prime
// up to qformGenusCheck before it is offered.

import "slices"

// qformGenusCheck: the primes up to it on which a genus reading must agree
// with the representations found by search.
const qformGenusCheck = 30_000

// qformGenus adds the list of primes f(x, y) = a*x^2 + b*x*y + c*y^2 (a,
// c > 0, 4ac - b^2 > 0) read by genus, where f is alone in its genus up to
// inversion; nothing otherwise.
func (c *collector) qformGenus(s string, a, b, cc int64) {
	d := b*b - 4*a*cc
	if d >= 0 || a < 1 || cc < 1 || gcd64(gcd64(a, b), cc) != 1 || -d > 20_000 {
		return
	}
	var qs []int64 // the primes of 2D, 2 first when D is even (mod 8)
	for q, m := int64(2), -d; q <= -d; q++ {
		if m%q == 0 && isPrimeSmall(q) {
			qs = append(qs, q)
			for m%q == 0 {
				m /= q
			}
		}
	}
	if len(qs) == 0 || len(qs) > 5 || qs[len(qs)-1] > 200 {
		return
	}
	mods := make([]int64, len(qs))
	for i, q := range qs {
		mods[i] = q
		if q == 2 {
			mods[i] = 8
		}
	}
	sig := func(a, b, c int64) [][]int64 {
		var out [][]int64
		for _, m := range mods {
			out = append(out, unitValues(a, b, c, m))
		}
		return out
	}
	same := func(x, y [][]int64) bool {
		return slices.EqualFunc(x, y, func(u, v []int64) bool { return slices.Equal(u, v) })
	}
	own := sig(a, b, cc)
	fa, fb, fc := reduceForm(a, b, cc)
	for _, r := range reducedForms(d) {
		if (r[0] == fa && r[2] == fc && (r[1] == fb || r[1] == -fb)) || !same(sig(r[0], r[1], r[2]), own) {
			continue
		}
		return // another class in f's genus: the residues do not decide
	}
	var pred *node
	for i, m := range mods {
		pred = and(pred, inClasses(vr("x_"), m, own[i]))
	}
	for _, q := range qs { // the primes of 2D, one by one
		if qformRepresents(a, b, cc, q) {
			pred = or(pred, eq(vr("x_"), num(q)))
		}
	}
	in := func(p int64) bool { // pred at a prime p, natively
		if slices.Contains(qs, p) {
			return qformRepresents(a, b, cc, p)
		}
		for i, m := range mods {
			if !slices.Contains(own[i], p%m) {
				return false
			}
		}
		return true
	}
	sieve := make([]bool, qformGenusCheck+1)
	for p := int64(2); p <= qformGenusCheck; p++ {
		if sieve[p] {
			continue
		}
		for k := p * p; k <= qformGenusCheck; k += p {
			sieve[k] = true
		}
		if in(p) != qformRepresents(a, b, cc, p) {
			return
		}
	}
	pred = and(pred, un(kIsPrime, vr("x_")))
	for _, base := range []int64{1, 0} {
		c.add(s, nthOf("x_", base, 2, pred))
	}
}

// unitValues lists the values of a*x^2 + b*x*y + c*y^2 mod m prime to m,
// in increasing order.
func unitValues(a, b, c, m int64) []int64 {
	seen := make([]bool, m)
	for x := range m {
		for y := range m {
			r := ((a*x*x+b*x*y+c*y*y)%m + m) % m
			if gcd64(r, m) == 1 {
				seen[r] = true
			}
		}
	}
	var rs []int64
	for r, ok := range seen {
		if ok {
			rs = append(rs, int64(r))
		}
	}
	return rs
}

// reducedForms lists the primitive reduced forms (a, b, c) of
// discriminant d < 0: |b| <= a <= c, b >= 0 where |b| = a or a = c.
func reducedForms(d int64) [][3]int64 {
	var out [][3]int64
	for a := int64(1); 3*a*a <= -d; a++ {
		for b := -a + 1; b <= a; b++ {
			if (b*b-d)%(4*a) != 0 {
				continue
			}
			c := (b*b - d) / (4 * a)
			if c < a || (a == c && b < 0) || gcd64(gcd64(a, b), c) != 1 {
				continue
			}
			out = append(out, [3]int64{a, b, c})
		}
	}
	return out
}

// reduceForm is the reduced form equivalent to the positive definite
// (a, b, c).
func reduceForm(a, b, c int64) (int64, int64, int64) {
	for range 10_000 {
		switch {
		case c < a:
			a, b, c = c, -b, a
		case b > a || b <= -a:
			// b -> b + 2ka in (-a, a]: f(x + ky, y)
			k := floorDiv(a-b, 2*a)
			c = a*k*k + b*k + c
			b = b + 2*a*k
		case a == c && b < 0:
			b = -b
		default:
			return a, b, c
		}
	}
	return a, b, c
}

// qformRepresents reports whether m = a*x^2 + b*x*y + c*y^2 for some
// integers x, y (a, c > 0, 4ac - b^2 > 0): for y >= 0 with
// (4ac - b^2)*y^2 <= 4am, t = 4am - (4ac - b^2)*y^2 a square s^2 with 2a
// dividing -b*y + s or -b*y - s.
func qformRepresents(a, b, c, m int64) bool {
	dd := 4*a*c - b*b
	for y := int64(0); dd*y*y <= 4*a*m; y++ {
		t := 4*a*m - dd*y*y
		s := isqrtInt(t)
		if s*s != t {
			continue
		}
		if ((s-b*y)%(2*a)+2*a)%(2*a) == 0 || ((-s-b*y)%(2*a)+2*a)%(2*a) == 0 {
			return true
		}
	}
	return false
}

// floorDiv is floor(x/y) for y > 0.
func floorDiv(x, y int64) int64 {
	q := x / y
	if x%y != 0 && x < 0 {
		q--
	}
	return q
}

// isqrtInt is floor(sqrt(t)) for 0 <= t < 2^62.
func isqrtInt(t int64) int64 {
	s := int64(0)
	for bit := int64(1) << 30; bit > 0; bit >>= 1 {
		if (s+bit)*(s+bit) <= t {
			s += bit
		}
	}
	return s
}
