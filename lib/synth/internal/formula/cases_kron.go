package formula

// The Kronecker symbol (a/n) and the sums and products over divisors it
// is met in (cases_kron.go):
//
//	a(n) = Sum_{d|n} Kronecker(-22, d).
//	a(n) = Product_{ p | n } (1 + Legendre(-5,p) ).
//	Legendre symbol (n,59).
//	Kronecker symbol (-1, n) except a(0) = 0.
//	a(n) = (2/n), where (k/n) is the Kronecker symbol.
//	Coefficients in expansion of Dirichlet series Product_p (1-(Kronecker(m,p)+1)*p^(-s)+Kronecker(m,p)*p^(-2s))^(-1) for m = -30.
//
// Kronecker, Legendre and Jacobi all name kronecker(a, n), which equals
// the other two wherever they are defined. The Dirichlet series is
// zeta(s)*L(s, (m/.)): its n-th coefficient is Sum_{d|n} (m/d). In a sum
// or product over divisors the letter p ranges over primes only, as OEIS
// writes it ("Sum_{p|n}").

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// casesPrimeLetter is the condition "p is prime" for the bound letter p
// of a sum or product over divisors, nil for any other letter.
func casesPrimeLetter(v string) *node {
	if v != "p" {
		return nil
	}
	return un(kIsPrime, vr(v))
}

// casesDivisorProduct is Product_{v|a} (with cond, nil for none) as a
// product over v = 1..a whose terms are 1 where v does not divide a or
// cond fails: the product node (body to be filled) and the condition
// that picks its terms.
func casesDivisorProduct(v string, a, cond *node) (*node, *node, bool) {
	divides := eq(bin(kMod, a, vr(v)), num(0))
	return &node{k: kProd, name: v, kids: []*node{num(1), a, nil}}, andMaybe(divides, cond), true
}

// kroneckerSymbol is (a/n) from its definition: (a/-1) the sign of a,
// (a/2) from a mod 8, (a/p) for an odd prime p by Euler's criterion, and
// multiplicative in n; (a/0) is 1 for a = +-1, else 0.
func kroneckerSymbol(a, n int64, tick func()) int64 {
	if n == 0 {
		if a == 1 || a == -1 {
			return 1
		}
		return 0
	}
	r := int64(1)
	if n < 0 {
		n = -n
		if a < 0 {
			r = -r
		}
	}
	for p := int64(2); n > 1; p++ {
		if p*p > n {
			p = n // what is left is prime
		}
		tick()
		for n%p == 0 {
			n /= p
			r *= legendreAt(a, p)
			if r == 0 {
				return 0
			}
		}
	}
	return r
}

// legendreAt is (a/p) for a prime p.
func legendreAt(a, p int64) int64 {
	if p == 2 {
		switch ((a % 8) + 8) % 8 {
		case 1, 7:
			return 1
		case 3, 5:
			return -1
		}
		return 0
	}
	m := ((a % p) + p) % p
	if m == 0 {
		return 0
	}
	// m^((p-1)/2) mod p by squaring (p < 2^31, so products fit in uint64)
	r, b, e := uint64(1), uint64(m), (p-1)/2
	for ; e > 0; e >>= 1 {
		if e&1 == 1 {
			r = r * b % uint64(p)
		}
		b = b * b % uint64(p)
	}
	if r == 1 {
		return 1
	}
	return -1
}

// kronecker lowers kronecker(a, b) by the binary algorithm (Cohen,
// Algorithm 1.4.10): halvings of b flip the sign by (a/2), b made
// positive, then halvings of a by (b/2), reciprocity, and a = b mod |a|,
// b = |a| until a = 0; the value is the sign where b ends at 1, else 0.
// (x/2) is -1 exactly when x rem 8, squared, is 9 mod 16.
func (e *emitter) kronecker(a, b *node) {
	la, lb := e.copyOf(a), e.copyOf(b)
	k := e.alloc()
	even := func(l int) { e.get(l); e.emit(ir.OpConst2, ir.OpI32RemS, ir.OpConst0, ir.OpI32Eq) }
	flipIf := func(cond func()) { // k = -k where cond
		cond()
		e.emit(ir.OpIfBegin, ir.OpConst0)
		e.get(k)
		e.emit(ir.OpI32Sub)
		e.set(k)
		e.emit(ir.OpIfEnd)
	}
	twoIsMinus := func(l int) { // (l/2) = -1
		for range 2 {
			e.get(l)
			e.konst(8)
			e.emit(ir.OpI32RemS)
		}
		e.emit(ir.OpI32Mul)
		e.konst(16)
		e.emit(ir.OpI32RemS)
		e.konst(9)
		e.emit(ir.OpI32Eq)
	}
	halve := func(l int) { e.get(l); e.emit(ir.OpConst2, ir.OpI32DivS); e.set(l) }
	e.get(lb)
	e.emit(ir.OpConst0, ir.OpI32Eq, ir.OpIfBegin)
	// (a/0): 1 for a = +-1
	e.get(la)
	e.emit(ir.OpConst1, ir.OpI32Eq)
	e.get(la)
	e.emit(ir.OpConst0, ir.OpConst1, ir.OpI32Sub, ir.OpI32Eq, ir.OpI32Add)
	e.emit(ir.OpElse)
	even(la)
	even(lb)
	e.emit(ir.OpI32Mul, ir.OpIfBegin, ir.OpConst0, ir.OpElse)
	e.emit(ir.OpConst1)
	e.set(k)
	e.while(func() { even(lb) }, func() {
		halve(lb)
		flipIf(func() { twoIsMinus(la) })
	})
	e.get(lb)
	e.emit(ir.OpConst0, ir.OpI32LtS, ir.OpIfBegin, ir.OpConst0)
	e.get(lb)
	e.emit(ir.OpI32Sub)
	e.set(lb)
	flipIf(func() { e.get(la); e.emit(ir.OpConst0, ir.OpI32LtS) })
	e.emit(ir.OpIfEnd)
	e.while(func() { e.get(la); e.emit(ir.OpConst0, ir.OpI32Ne) }, func() {
		e.while(func() { even(la) }, func() {
			halve(la)
			flipIf(func() { twoIsMinus(lb) })
		})
		// reciprocity: a == b == 3 (mod 4); a may be negative (first pass)
		flipIf(func() {
			e.get(la)
			e.konst(4)
			e.emit(ir.OpI32RemS)
			e.konst(4)
			e.emit(ir.OpI32Add)
			e.konst(4)
			e.emit(ir.OpI32RemS)
			e.konst(3)
			e.emit(ir.OpI32Eq)
			e.get(lb)
			e.konst(4)
			e.emit(ir.OpI32RemS)
			e.konst(3)
			e.emit(ir.OpI32Eq, ir.OpI32Mul)
		})
		e.abs(func() { e.get(la) })
		e.set(la)
		e.get(lb)
		e.get(la)
		e.emit(ir.OpI32RemS)
		e.get(la)
		e.set(lb)
		e.set(la)
	})
	e.get(lb)
	e.emit(ir.OpConst1, ir.OpI32Eq, ir.OpIfBegin)
	e.get(k)
	e.emit(ir.OpElse, ir.OpConst0, ir.OpIfEnd)
	e.emit(ir.OpIfEnd, ir.OpIfEnd)
}

var (
	// "Kronecker symbol (-1, n)", "Legendre symbol (n,59)", "Jacobi
	// symbol (n, 15)": the symbol of two expressions, "except a(0) = 0"
	reSymbolOf = regexp.MustCompile(`^(?i:(?:a\(n\) = )?(?:the )?(?:kronecker|legendre|jacobi)(?:-jacobi)? symbol) ?\(([^(),]+(?:\([^()]*\))?[^(),]*),([^(),]+(?:\([^()]*\))?[^(),]*)\)(?: except (a\(\d\) = -?\d))?\s*\.?$`)
	// "a(n) = (2/n), where (k/n) is the Kronecker symbol."
	reSymbolSlash = regexp.MustCompile(`^a\(n\) = \(([^()/]+)/([^()/]+)\),? where \(([a-z])/([a-z])\) (?:is|denotes) the (?i:kronecker|legendre|jacobi) symbol\s*\.?$`)
	// the Euler product of zeta(s)*L(s, (m/.)), "for m = -30"
	reDirichletKron = regexp.MustCompile(`^(?i:coefficients in (?:the )?expansion of (?:the )?dirichlet series) Product_p \(1 ?- ?\(Kronecker\(m, ?p\) ?\+ ?1\) ?\* ?p\^\(-s\) ?\+ ?Kronecker\(m, ?p\) ?\* ?p\^\(-2 ?\* ?s\)\)\^\(-1\),? for m ?= ?(-?\d+)\s*\.?$`)
)

// symbols reads the Kronecker symbol named in words.
func (c *collector) symbols(text string) {
	s := condSentence(text)
	if m := reSymbolOf.FindStringSubmatch(s); m != nil {
		a, ok1 := condExpr(m[1])
		b, ok2 := condExpr(m[2])
		if !ok1 || !ok2 {
			return
		}
		x := call("kronecker", a, b)
		if m[3] != "" {
			if x = withTerms(x, initialTerms(m[3])); x == nil {
				return
			}
		}
		c.add(s, x)
		return
	}
	if m := reSymbolSlash.FindStringSubmatch(s); m != nil {
		if m[3] == m[4] {
			return
		}
		a, ok1 := condExpr(m[1])
		b, ok2 := condExpr(m[2])
		if ok1 && ok2 {
			c.add(s, call("kronecker", a, b))
		}
		return
	}
	if m := reDirichletKron.FindStringSubmatch(strings.ReplaceAll(s, "p^(-2s)", "p^(-2*s)")); m != nil {
		d, err := strconv.ParseInt(m[1], 10, 32)
		if err != nil || d == 0 {
			return
		}
		c.add(s, &node{k: kSumDiv, name: "d_", kids: []*node{vr("n"), call("kronecker", num(d), vr("d_"))}})
	}
}

// andMaybe is a and b where either may be nil (no condition).
func andMaybe(a, b *node) *node {
	if b == nil {
		return a
	}
	return and(a, b)
}
