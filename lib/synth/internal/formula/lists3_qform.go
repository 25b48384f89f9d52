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

import (
	"math"
	"regexp"
	"slices"
	"strings"
)

// qformGenusCheck: the primes up to it on which a genus reading must agree
// with the representations found by search.
const qformGenusCheck = 30_000

// qformGenus adds the list of primes f(x, y) = a*x^2 + b*x*y + c*y^2 (a,
// c > 0, 4ac - b^2 > 0) read by genus, where f is alone in its genus up to
// inversion; nothing otherwise.
func (c *collector) qformGenus(s string, a, b, cc int64) {
	d := b*b - 4*a*cc
	if d >= 0 || a < 1 || cc < 1 || -d > 20_000 {
		return
	}
	l, ok := newQFormLocal(a, b, cc)
	if !ok {
		return
	}
	fa, fb, fc := reduceForm(a, b, cc)
	for _, r := range reducedForms(d) {
		if (r[0] == fa && r[2] == fc && (r[1] == fb || r[1] == -fb)) || !l.sameGenus(r[0], r[1], r[2]) {
			continue
		}
		return // another class in f's genus: the residues do not decide
	}
	rep := func(p int64) bool { return qformRepresents(a, b, cc, p) }
	if !l.agrees(rep, qformGenusCheck, 0) {
		return
	}
	pred := and(l.pred(rep), un(kIsPrime, vr("x_")))
	for _, base := range []int64{1, 0} {
		c.add(s, nthOf("x_", base, 2, pred))
	}
}

// qformLocal is what a primitive form's values mod the primes of its
// discriminant say of the primes it represents.
type qformLocal struct {
	qs   []int64   // the primes of the discriminant
	mods []int64   // q, or 8 for q = 2
	own  [][]int64 // the form's values prime to each modulus
}

// newQFormLocal is f's qformLocal; ok false where f is not primitive, its
// discriminant is 0, or it has more than 5 primes or one past 200.
func newQFormLocal(a, b, c int64) (l qformLocal, ok bool) {
	d := b*b - 4*a*c
	if d == 0 || gcd64(gcd64(a, b), c) != 1 {
		return l, false
	}
	m := max(d, -d)
	for q := int64(2); q <= m; q++ {
		if m%q == 0 {
			l.qs = append(l.qs, q)
			for m%q == 0 {
				m /= q
			}
		}
	}
	if len(l.qs) == 0 || len(l.qs) > 5 || l.qs[len(l.qs)-1] > 200 {
		return l, false
	}
	for _, q := range l.qs {
		md := q
		if q == 2 {
			md = 8
		}
		l.mods = append(l.mods, md)
		l.own = append(l.own, unitValues(a, b, c, md))
	}
	return l, true
}

// sameGenus reports whether (a, b, c) takes f's values prime to each
// modulus.
func (l qformLocal) sameGenus(a, b, c int64) bool {
	for i, md := range l.mods {
		if !slices.Equal(unitValues(a, b, c, md), l.own[i]) {
			return false
		}
	}
	return true
}

// in reports whether a prime p passes the residue test (a prime of the
// discriminant: whether rep finds it).
func (l qformLocal) in(p int64, rep func(p int64) bool) bool {
	if slices.Contains(l.qs, p) {
		return rep(p)
	}
	for i, md := range l.mods {
		if !slices.Contains(l.own[i], p%md) {
			return false
		}
	}
	return true
}

// pred is the residue test over x_, the primes of the discriminant that
// rep finds added one by one.
func (l qformLocal) pred(rep func(p int64) bool) *node {
	var pred *node
	for i, md := range l.mods {
		pred = and(pred, inClasses(vr("x_"), md, l.own[i]))
	}
	for _, q := range l.qs {
		if rep(q) {
			pred = or(pred, eq(vr("x_"), num(q)))
		}
	}
	return pred
}

// agrees reports whether rep finds every prime that passes the residue
// test (in) up to lo and on until count primes passed (count 0: to lo
// only; at most qformMaxCheck). A prime that fails it is no value of f
// mod some q, so it is none of f.
func (l qformLocal) agrees(rep func(p int64) bool, lo int64, count int) bool {
	found := 0
	sieve := make([]bool, qformMaxCheck+1)
	for p := int64(2); p <= qformMaxCheck; p++ {
		if p > lo && found >= count {
			return true
		}
		if sieve[p] {
			continue
		}
		for k := p * p; k <= qformMaxCheck; k += p {
			sieve[k] = true
		}
		// a residue test that fails rules p out (p is no value of f mod
		// some q); one that passes must be confirmed by rep
		if l.in(p, rep) {
			if !rep(p) {
				return false
			}
			found++
		}
	}
	return false
}

// qformMaxCheck bounds the primes agrees tests.
const qformMaxCheck = 2_000_000

// reAsWellAs: "-3*x^2 + 4*x*y + 5*y^2 (as well as of the form 6*x^2 +
// 10*x*y + y^2)".
var reAsWellAs = regexp.MustCompile(`^(.+?)\s*\(as well as (?:of )?(?:the )?form:? (.+)\)$`)

// qformIndefiniteTerms: an indefinite form's primes must agree with the
// search until this many have passed the residue test.
const qformIndefiniteTerms = 400

// qformIndefinite adds the list of primes an indefinite form f (D = b^2 -
// 4ac > 0, no square) represents: the primes not dividing 2D whose residues
// mod the primes of 2D are values of f, and the primes of 2D the search
// finds, where every prime up to qformGenusCheck and on until
// qformIndefiniteTerms of them passed is one the search over y finds
// exactly when it passes (a residue test that fails rules a prime out;
// one that passes is confirmed by a representation), so the first
// qformIndefiniteTerms terms are right. "(as well as of the form g)"
// must give the same primes there.
func (c *collector) qformIndefinite(s, form string) {
	forms := []string{strings.TrimSpace(form)}
	if m := reAsWellAs.FindStringSubmatch(forms[0]); m != nil {
		forms = []string{m[1], m[2]}
	}
	var ls []qformLocal
	var reps []func(p int64) bool
	for _, f := range forms {
		a, b, cc, ok := qformCoeffs(f)
		d := b*b - 4*a*cc
		if !ok || d <= 0 || d > 20_000 || isqrtInt(d)*isqrtInt(d) == d || max(a, -a, b, -b, cc, -cc) > 1000 {
			return
		}
		l, ok := newQFormLocal(a, b, cc)
		if !ok {
			return
		}
		rep := func(p int64) bool {
			top := 4*isqrtInt(p) + 50
			if (b*b-4*a*cc)%p == 0 || p == 2 {
				top = 20_000 // a prime of 2D: tested alone, not by residues
			}
			return qformIndefRepresents(a, b, cc, p, top)
		}
		if !l.agrees(rep, qformGenusCheck, qformIndefiniteTerms) {
			return
		}
		ls, reps = append(ls, l), append(reps, rep)
	}
	if len(ls) == 2 && !ls[0].agrees(func(p int64) bool { return ls[1].in(p, reps[1]) }, qformGenusCheck, qformIndefiniteTerms) {
		return // the two forms list other primes
	}
	pred := and(ls[0].pred(reps[0]), un(kIsPrime, vr("x_")))
	for _, base := range []int64{1, 0} {
		c.add(s, nthOf("x_", base, 2, pred))
	}
}

// qformIndefRepresents reports whether the search finds m = a*x^2 +
// b*x*y + c*y^2 (a != 0, D = b^2 - 4ac > 0): for |y| <= top,
// D*y^2 + 4am a square s^2 with 2a dividing -b*y + s or -b*y - s. A
// representation found is one; none found says nothing (agrees then
// refuses the reading).
func qformIndefRepresents(a, b, c, m, top int64) bool {
	d := b*b - 4*a*c
	for y := -top; y <= top; y++ {
		t := d*y*y + 4*a*m
		if t < 0 {
			continue
		}
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
	s := int64(math.Sqrt(float64(t)))
	for s*s > t {
		s--
	}
	for (s+1)*(s+1) <= t {
		s++
	}
	return s
}
