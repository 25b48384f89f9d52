package formula

import (
	"math/big"
	"regexp"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// A quantifier over the prime factors of a number (readers3, session 10):
// "all prime factors of k are congruent to 1 mod 4", "every prime divisor
// of k is of the form 6m+1", "no prime factor of k is 3 mod 4", "k is
// divisible only by primes congruent to 3 mod 4", and the lists named so,
// "Numbers whose prime factors are all congruent to 1 mod 4", "Numbers
// that are divisible only by primes congruent to 3 mod 4", "Numbers all
// of whose prime divisors are of the form 4k+1". The complement is read
// as a condition on one prime q ("q is congruent to 1 mod 4", "q is a
// twin prime"); the quantifier counts the distinct prime factors q of k
// where it fails (all, every) or holds (no, some), pfcount_(k, q, body):
// 0 for all and no, > 0 for some. 1 has no prime factor: all holds there.
// The program walks k's factorization by trial division (p*p <= m, then
// the rest m > 1 is a prime), the body lowered once per prime factor.

var (
	rePFacAll  = regexp.MustCompile(`^(?:all|each) (?:of )?(?:the )?(?:distinct )?prime (?:factors|divisors) of ([a-z]) are (.+)$`)
	rePFacEach = regexp.MustCompile(`^(every|each|no|some) prime (?:factor|divisor) of ([a-z]) is (.+)$`)
	rePFacOnly = regexp.MustCompile(`^([a-z]) (?:is|are) divisible only by primes (.+)$`)
	// "Numbers whose prime factors are all P", "Numbers that are divisible
	// only by primes P", "Numbers all of whose prime divisors are P"
	rePFacList = regexp.MustCompile(`^(Numbers|Positive integers|Odd numbers|Even numbers|Integers|Composite numbers|Squarefree numbers|Nonsquarefree numbers)(?: [kmn])? (?:whose (?:distinct )?prime (?:factors|divisors) are all|all of whose (?:distinct )?prime (?:factors|divisors) are|(?:that are |which are )?divisible only by primes|with all (?:distinct )?prime (?:factors|divisors)|having only prime (?:factors|divisors)) (.+?)\.?$`)
)

// primeFactorsQuant reads cond (over the variable v) as a quantifier over
// the prime factors of v; nil if it is none.
func primeFactorsQuant(cond, v string) *node {
	cond = strings.TrimSpace(cond)
	var quant, subj, rest string
	if m := rePFacAll.FindStringSubmatch(cond); m != nil {
		quant, subj, rest = "all", m[1], m[2]
	} else if m := rePFacEach.FindStringSubmatch(cond); m != nil {
		quant, subj, rest = m[1], m[2], m[3]
		if quant == "each" || quant == "every" {
			quant = "all"
		}
	} else if m := rePFacOnly.FindStringSubmatch(cond); m != nil {
		quant, subj, rest = "all", m[1], m[2]
	} else {
		return nil
	}
	if subj != v {
		return nil
	}
	q := primeCondition(rest)
	if q == nil {
		return nil
	}
	// the distinct prime factors q_ of x_ where the condition fails (all)
	// or holds: pfcount_(x_, q_, body), a walk over the factorization
	body := renameAll(q, "x_", "q_")
	if quant == "all" {
		body = not(body)
	}
	count := call("pfcount_", vr("x_"), vr("q_"), body)
	switch quant {
	case "all", "no":
		return and(gt(vr("x_"), num(0)), eq(count, num(0)))
	case "some":
		return and(gt(vr("x_"), num(0)), gt(count, num(0)))
	}
	return nil
}

// primeCondition reads what a prime q is said to be ("congruent to 1 mod
// 4", "of the form 4k+1", "> 10", "twin primes") as a condition over x_;
// nil if it is not read or does not depend on q.
func primeCondition(rest string) *node {
	rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), "also "))
	tries := []string{"q is " + rest}
	if strings.HasSuffix(rest, "s") && !strings.Contains(rest, " mod") {
		// "twin primes", "palindromes": one of them
		one := strings.TrimSuffix(rest, "s")
		art := "a "
		if strings.ContainsRune("aeiou", rune(one[0])) {
			art = "an "
		}
		tries = append(tries, "q is "+art+one)
	}
	for _, t := range tries {
		if x := predicate(t, "q", false); x != nil && x.uses("x_") {
			return x
		}
	}
	return nil
}

// readers3PrimeFactorLists reads "Numbers whose prime factors are all P"
// and its wordings as "Numbers k such that all prime factors of k are P".
func (c *collector) readers3PrimeFactorLists(text string) {
	if c.capture != nil {
		return
	}
	s := strings.TrimSpace(firstSentence(text))
	m := rePFacList.FindStringSubmatch(s)
	if m == nil {
		return
	}
	for _, x := range captured(m[1] + " k such that all prime factors of k are " + m[2] + ".") {
		c.add(s, x)
	}
}

// pfCount is pfcount_(x, q, body): the number of distinct primes q
// dividing x > 0 where body is nonzero (x <= 0: undefined).
func (v *evaluator) pfCount(x *node) *big.Rat {
	m := small(v.ev(x.kids[0]), 1<<40)
	if m <= 0 {
		undefined()
	}
	name := x.kids[1].name
	old, had := v.env[name]
	count := int64(0)
	each := func(p int64) {
		v.env[name] = ratInt(p)
		if v.ev(x.kids[2]).Sign() != 0 {
			count++
		}
	}
	for p := int64(2); p*p <= m; p++ {
		v.tick(1)
		if m%p == 0 {
			each(p)
			for m%p == 0 {
				m /= p
			}
		}
	}
	if m > 1 {
		each(m)
	}
	if had {
		v.env[name] = old
	} else {
		delete(v.env, name)
	}
	return ratInt(count)
}

// pfCount pushes pfcount_(x, q, body): m = x, p = 2, 3, ... while
// p*p <= m; at each p dividing m, body with q = p, then m divided by p as
// long as it divides; a rest m > 1 is the last prime.
func (e *emitter) pfCount(x *node) {
	m := e.copyOf(x.kids[0])
	p, acc := e.alloc(), e.alloc()
	e.emit(ir.OpConst0)
	e.set(acc)
	name := x.kids[1].name
	old, had := e.env[name]
	term := func(at int) {
		e.env[name] = at
		e.get(acc)
		e.lower(x.kids[2])
		e.emit(ir.OpConst0, ir.OpI32Ne, ir.OpI32Add)
		e.set(acc)
	}
	e.emit(ir.OpConst2)
	e.set(p)
	e.while(func() { e.get(p); e.get(p); e.emit(ir.OpI32Mul); e.get(m); e.emit(ir.OpI32LeS) }, func() {
		e.get(m)
		e.get(p)
		e.emit(ir.OpI32RemS, ir.OpConst0, ir.OpI32Eq, ir.OpIfBegin)
		term(p)
		e.while(func() { e.get(m); e.get(p); e.emit(ir.OpI32RemS, ir.OpConst0, ir.OpI32Eq) }, func() {
			e.get(m)
			e.get(p)
			e.emit(ir.OpI32DivS)
			e.set(m)
		})
		e.emit(ir.OpIfEnd)
		e.inc(p, 1)
	})
	e.get(m)
	e.emit(ir.OpConst1, ir.OpI32GtS, ir.OpIfBegin)
	term(m)
	e.emit(ir.OpIfEnd)
	e.restore(name, old, had)
	e.get(acc)
}
