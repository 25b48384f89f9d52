package formula

// Lists named by their prime factors, and powers of a list (sets3.go):
//
//	Squares of primes of the form 4*k+3.                 a list read alone, each term squared
//	Numbers with distinct prime factors 2, 3, and 5.     P times the S-smooth numbers
//	Numbers with exactly 6 distinct odd prime divisors {3,5,7,11,13,17}.
//	Numbers whose smallest prime factor is 13.            13 times the v with no prime factor below 13
//	7-smooth numbers.                                     no prime factor above 7
//
// A number whose distinct prime factors are exactly the primes of S is P
// (their product) times an S-smooth number v (every prime factor of v in
// S), and the map v -> P*v keeps the order: the n-th term is P times the
// n-th S-smooth v, a scan over v far shorter than one over the terms. A
// number whose least prime factor is p is p times a v with no prime
// factor below p (gcd(v, p#/p) = 1, p# the primorial: p at most 29, so
// that it fits i32).

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

var (
	// "Squares of primes of the form 4*k+3.", "Cubes of semiprimes."
	reSets3Powers = regexp.MustCompile(`^(Squares|Cubes|Fourth powers|Fifth powers) of (?:the )?([a-z].+?)\s*\.?\s*$`)
	// "Numbers with distinct prime factors 2, 3, and 5.", "Numbers with
	// exactly 7 distinct prime divisors {2,3,5,7,11,13,17}."
	reSets3Exact = regexp.MustCompile(`^(?:Numbers|Positive integers|Integers) (?:with|having|whose) (?:exactly (\w+) )?distinct (odd )?prime (?:factors|divisors) (?:are )?(?:exactly )?(?:\{([\d, ]+)\}|(\d+(?:, \d+)*,? and \d+))\s*\.?\s*$`)
	// "Numbers whose smallest prime factor is 13."
	reSets3Lpf = regexp.MustCompile(`^(?:Numbers|Positive integers|Integers) whose (?:smallest|least|lowest) prime (?:factor|divisor) is (\d+)\s*\.?\s*$`)
	// "Primes whose base-8 representation also is the base-5 representation of a prime."
	reSets3Rebase = regexp.MustCompile(`^Primes whose base-(\d+) representation (?:also )?is (?:also )?the base-(\d+) representation of a prime\s*\.?\s*$`)
	// "Primes whose decimal representation is a valid number in base 5 and interpreted as such is again a prime."
	reSets3RebaseDec = regexp.MustCompile(`^Primes whose decimal representation is a valid number in base (\d+) and interpreted as such is (?:again |also )?a prime\s*\.?\s*$`)
	// "Smallest positive multiple of n whose base 8 representation contains
	// only 0's and 1's.", "Least positive multiple of n written in base 9
	// using only 0 and 1."
	reSets3ZeroOne = regexp.MustCompile(`^(?:Smallest|Least) positive multiple of (.+?),? (?:(?:whose|with) base[- ](\d+) (?:representation|expansion) (?:contains|has|uses) only|(?:that )?(?:when )?written in base[- ](\d+),? (?:using|uses|with|contains|has) only) (?:the )?(?:digits )?0'?s? and 1'?s?\s*\.?\s*$`)
	// "7-smooth numbers."
	reSets3Smooth = regexp.MustCompile(`^(\d+)-smooth (?:numbers|integers)\s*\.?\s*$`)
)

// sets3Exps: the exponent each power word names.
var sets3Exps = map[string]int64{"Squares": 2, "Cubes": 3, "Fourth powers": 4, "Fifth powers": 5}

// sets3Phrases reads the lists above.
func (c *collector) sets3Phrases(text string) {
	s := firstSentence(text)
	if strings.Contains(s, "base") {
		c.digitRanks(s) // sets3_digits.go: "Numbers having four 5's in base 10"
	}
	if c.mdrWith(s) { // sets3_mdr.go
		return
	}
	if m := reSets3Powers.FindStringSubmatch(s); m != nil {
		c.sets3PowersOf(s, sets3Exps[m[1]], m[2])
		return
	}
	if m := reSets3Exact.FindStringSubmatch(s); m != nil {
		c.sets3ExactPrimes(s, m)
		return
	}
	if m := reSets3Lpf.FindStringSubmatch(s); m != nil {
		c.sets3LeastPrime(s, m[1])
		return
	}
	if m := reSets3Rebase.FindStringSubmatch(s); m != nil {
		c.sets3Rebase(s, m[1], m[2])
		return
	}
	if m := reSets3RebaseDec.FindStringSubmatch(s); m != nil {
		c.sets3Rebase(s, "10", m[1])
		return
	}
	if m := reSets3ZeroOne.FindStringSubmatch(s); m != nil {
		c.sets3ZeroOne(s, m)
		return
	}
	if m := reSets3Smooth.FindStringSubmatch(s); m != nil {
		p, err := strconv.ParseInt(m[1], 10, 32)
		if err != nil || p < 2 || p > 23 || !isPrimeSmall(p) {
			return // p# fits i32 up to 23
		}
		c.sets3Scaled(s, 1, sets3Smooth(primesUpTo(p)))
		c.lists3Smooth(s, p) // lists3_powprod.go: where the scan is refused for fuel
	}
}

// sets3PowersOf: the list the words list name alone, each term to the
// power k ("Squares of primes"). A list "of the form" is a kind of square
// ("Squares of the form 6p+7"), not read here.
func (c *collector) sets3PowersOf(s string, k int64, list string) {
	if strings.HasPrefix(list, "form") || strings.Contains(list, "form ") && !strings.Contains(list, " of the form ") {
		return
	}
	var xs []*node
	sc := collector{seen: map[string]bool{}, lists: map[listKey]*nthMemo{}, capture: func(x *node) { xs = append(xs, x) }}
	sc.phrases(strings.ToUpper(list[:1]) + list[1:] + ".")
	for _, x := range xs {
		c.add(s, bin(kPow, x, num(k)))
	}
}

// sets3Rebase: the primes p whose base-b digits, read in base c, make a
// prime (all of them below c). For b > c the n-th is rebase(q, c, b) for
// the n-th prime q whose base-c digits read in base b make a prime (the
// map increases, and every p's digits come from one q); for b < c, the
// n-th prime p with rebase(p, b, c) prime.
func (c *collector) sets3Rebase(s, bs, cs string) {
	b, err1 := strconv.ParseInt(bs, 10, 32)
	k, err2 := strconv.ParseInt(cs, 10, 32)
	if err1 != nil || err2 != nil || b < 2 || k < 2 || b > 36 || k > 36 || b == k {
		return
	}
	x := vr("x_")
	from, to := k, b // x_ ranges over the base-k values: p = rebase(x_, k, b)
	if b < k {
		from, to = b, k // x_ is p itself
	}
	pred := and(isPrimeOf(x), isPrimeOf(call("rebase", x, num(from), num(to))))
	for _, base := range []int64{1, 0} {
		y := nthOf("x_", base, 2, cloneNode(pred))
		if b > k {
			y = call("rebase", y, num(k), num(b))
		}
		c.add(s, y)
	}
}

// sets3ZeroOne: the least positive multiple of E whose base-b digits are
// 0 and 1. Those numbers, in increasing order, are rebase(k, 2, b) for k =
// 1, 2, ...: the least k whose one E divides. "Whose base b
// representation" names the number; "written in base b" may name the
// number or its digits read in base 10, both offered (they differ at the
// first E with a multiple of two digits; the examples tell them apart).
func (c *collector) sets3ZeroOne(s string, m []string) {
	e, ok := parseN(m[1])
	if !ok {
		return
	}
	bs, written := m[2], false
	if bs == "" {
		bs, written = m[3], true
	}
	b, err := strconv.ParseInt(bs, 10, 32)
	if err != nil || b < 3 || b > 36 {
		return // base 2: every number
	}
	x := vr("x_")
	pred := eq(bin(kMod, call("rebase", x, num(2), num(b)), e), num(0))
	k := func() *node { return nthAt(gt(cloneNode(e), num(0)), "x_", 1, 1, cloneNode(pred)) }
	c.add(s, call("rebase", k(), num(2), num(b)))
	if written && b != 10 {
		c.add(s, call("rebase", k(), num(2), num(10)))
	}
}

// sets3ExactPrimes: the numbers whose distinct prime factors are exactly
// the primes listed (all odd where the text says "odd"; as many as it
// says), P times the S-smooth numbers.
func (c *collector) sets3ExactPrimes(s string, m []string) {
	list := m[3]
	if list == "" {
		list = strings.ReplaceAll(m[4], "and", ",")
	}
	var ps []int64
	seen := map[int64]bool{}
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		p, err := strconv.ParseInt(f, 10, 32)
		if err != nil || p < 2 || p > 100 || !isPrimeSmall(p) || seen[p] || m[2] != "" && p == 2 {
			return
		}
		seen[p] = true
		ps = append(ps, p)
	}
	if len(ps) < 2 {
		return
	}
	if m[1] != "" {
		k, err := strconv.Atoi(m[1])
		if err != nil {
			w, ok := numberWords[strings.ToLower(m[1])]
			if !ok {
				return
			}
			k = w
		}
		if k != len(ps) {
			return
		}
	}
	P := int64(1)
	for _, p := range ps {
		P *= p
		if P > 1<<31-1 {
			return
		}
	}
	c.sets3Scaled(s, P, sets3Smooth(ps))
}

// sets3LeastPrime: the numbers whose least prime factor is p: p times the
// v >= 1 coprime to every prime below p.
func (c *collector) sets3LeastPrime(s, ds string) {
	p, err := strconv.ParseInt(ds, 10, 32)
	if err != nil || p < 2 || p > 29 || !isPrimeSmall(p) {
		return
	}
	below := int64(1)
	for _, q := range primesUpTo(p - 1) {
		below *= q
	}
	pred := eq(call("gcd", vr("x_"), num(below)), num(1))
	c.sets3Scaled(s, p, pred)
}

// sets3Scaled offers P times the n-th v >= 1 passing pred (over x_),
// counted from n = 1 and from n = 0 (the examples tell them apart).
func (c *collector) sets3Scaled(s string, P int64, pred *node) {
	for _, base := range []int64{1, 0} {
		x := nthOf("x_", base, 1, cloneNode(pred))
		if P != 1 {
			x = bin(kMul, num(P), x)
		}
		c.add(s, x)
	}
}

// sets3Smooth is "x_ is S-smooth" for the primes ps (their product
// fits i32): smooth_(x_, P), every prime factor of x_ divides P.
func sets3Smooth(ps []int64) *node {
	P := int64(1)
	for _, p := range ps {
		P *= p
	}
	return eq(call("smooth_", vr("x_"), num(P)), num(1))
}

// smoothRef is smooth_(x, P): 1 if x >= 1 and every prime factor of x
// divides P, else 0 (undefined for x < 1 or P < 1).
func smoothRef(x, P int64) int64 {
	if x < 1 || P < 1 {
		undefined()
	}
	for p := int64(2); p <= P; p++ {
		if P%p == 0 {
			for x%p == 0 {
				x /= p
			}
			for P%p == 0 {
				P /= p
			}
		}
	}
	if x == 1 {
		return 1
	}
	return 0
}

// smooth pushes smooth_(x, P): x divided by each prime of P as long as
// it divides, then whether 1 is left (a loop per prime: no trial division
// past P's primes).
func (e *emitter) smooth(x *node, P int64) {
	r := e.copyOf(x)
	q := P
	for p := int64(2); p <= q; p++ {
		if q%p != 0 {
			continue
		}
		for q%p == 0 {
			q /= p
		}
		// while r mod p == 0 (and r != 0): r /= p
		e.while(func() {
			e.get(r)
			e.konst(p)
			e.emit(ir.OpI32RemS, ir.OpConst0, ir.OpI32Eq)
			e.get(r)
			e.emit(ir.OpConst0, ir.OpI32Ne, ir.OpI32Mul)
		}, func() {
			e.get(r)
			e.konst(p)
			e.emit(ir.OpI32DivS)
			e.set(r)
		})
	}
	e.get(r)
	e.emit(ir.OpConst1, ir.OpI32Eq)
}

// primesUpTo lists the primes <= n.
func primesUpTo(n int64) []int64 {
	var ps []int64
	for p := int64(2); p <= n; p++ {
		if isPrimeSmall(p) {
			ps = append(ps, p)
		}
	}
	return ps
}
