package formula

// Named families the other readers miss:
//
//	Fibonacci sequence beginning 4, 19.           a recurrence, its start
//	8-step Fibonacci sequence starting with 0,0,0,0,0,1,0,0.
//	Squares mod 94. / Nonsquares mod 63.          finite lists of residues
//	Totally multiplicative sequence with a(p) = 6*(p-1) for prime p.
//	Multiplicative with a(p^e) = sigma(sigma(p^e)).

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	reFibStart   = regexp.MustCompile(`^(?:(\d+)-step )?Fibonacci sequence (?:beginning|starting)(?: with)?:? ([-\d]+(?:\s*,\s*[-\d]+)+)\s*\.?$`)
	reSquaresMod = regexp.MustCompile(`^(Squares|Nonsquares|Quadratic residues|Quadratic nonresidues) (?:mod|modulo) (\d+)\s*\.?$`)
	// "Totally multiplicative sequence with a(p) = 6*(p-1) for prime p."
	reTotMul   = regexp.MustCompile(`^(?i:totally|completely|fully) multiplicative(?: sequence| function)? with a\(p\) = (.+?)(?:,? for (?:all )?(?:primes|prime) p)?\s*\.?$`)
	reTotMulK  = regexp.MustCompile(`^(?i:totally|completely|fully) multiplicative(?: sequence| function)? with (a\(prime\(k\)\) = .+?)\s*\.?$`)
	reOfPrimeK = regexp.MustCompile(`^a\(prime\(k\)\) = (.+)$`)
	// "Multiplicative with a(p^e) = sigma(sigma(p^e))."
	reMul = regexp.MustCompile(`^(?i:multiplicative)(?: sequence| function)? with a\(p\^e\) = (.+?)(?:,? for (?:all )?(?:primes|prime) p(?: and e >= 1)?)?\s*\.?$`)
)

// "Largest cube dividing n.", "Largest 4th power dividing n."
var reLargestPower = regexp.MustCompile(`^(?:Largest|Greatest|The largest) (square|cube|\w+ power) (?:dividing|that divides|which divides) n\s*\.?$`)

// powerWords: the exponent of a power's name.
var powerWords = map[string]int{"square": 2, "cube": 3, "4th power": 4, "fourth power": 4, "5th power": 5,
	"fifth power": 5, "6th power": 6, "sixth power": 6, "7th power": 7, "seventh power": 7}

// namedFamilies reads s (the first sentence) as one of the families.
func (c *collector) namedFamilies(s string) {
	switch {
	case reFibStart.MatchString(s):
		c.fibStart(s, reFibStart.FindStringSubmatch(s))
	case reSquaresMod.MatchString(s):
		m := reSquaresMod.FindStringSubmatch(s)
		c.squaresMod(s, !strings.HasPrefix(m[1], "Squares") && !strings.HasPrefix(m[1], "Quadratic residues"), m[2])
	case reTotMul.MatchString(s):
		c.multiplicative(s, reTotMul.FindStringSubmatch(s)[1], true)
	case reTotMulK.MatchString(s):
		c.multiplicative(s, reTotMulK.FindStringSubmatch(s)[1], true)
	case reMul.MatchString(s):
		c.multiplicative(s, reMul.FindStringSubmatch(s)[1], false)
	case reLargestPower.MatchString(s):
		// the largest k-th power dividing n: multiplicative, p^(k*floor(e/k))
		m := reLargestPower.FindStringSubmatch(s)
		k, ok := powerWords[strings.ToLower(m[1])]
		if !ok {
			return
		}
		ks := strconv.Itoa(k)
		c.multiplicative(s, "p^("+ks+"*floor(e/"+ks+"))", false)
	default:
		c.concatPhrases(s)  // coverage_concat.go
		c.countSolutions(s) // coverage_count.go
		c.sumFirst(s)       // coverage_sums.go
		c.sumDivisors(s)
		c.sumPowersOfDivisors(s) // sets_sums.go
	}
}

// fibStart: a(n) = a(n-1) + ... + a(n-k) from the k terms given, read as
// the recurrence it is (rec.go, or memrec.go past rec.go's order), from
// a(0) or from a(1).
func (c *collector) fibStart(s string, m []string) {
	k := 2
	if m[1] != "" {
		v, err := strconv.Atoi(m[1])
		if err != nil || v < 2 || v > 30 {
			return
		}
		k = v
	}
	vals := strings.Split(m[2], ",")
	if len(vals) != k {
		return
	}
	var lags []string
	for j := 1; j <= k; j++ {
		lags = append(lags, "a(n-"+strconv.Itoa(j)+")")
	}
	for _, from := range []int{0, 1} {
		var starts []string
		for i, v := range vals {
			starts = append(starts, "a("+strconv.Itoa(from+i)+") = "+strings.TrimSpace(v))
		}
		t := "a(n) = " + strings.Join(lags, " + ") + " with " + strings.Join(starts, ", ") + "."
		c.formulas(t, lex(t))
		c.memRecurrences(t)
	}
}

// squaresMod: the residues 0..m-1 that are (not) squares mod m, in
// increasing order; past the last, m, m+1, ... (the list is finite: no
// term is stated there).
func (c *collector) squaresMod(s string, non bool, ms string) {
	m, err := strconv.ParseInt(ms, 10, 32)
	if err != nil || m < 2 || m > 1000 {
		return
	}
	x := vr("x_")
	square := gt(&node{k: kSum, name: "y_", kids: []*node{num(0), num(m - 1),
		eq(bin(kMod, sub(bin(kPow, vr("y_"), num(2)), x), num(m)), num(0))}}, num(0))
	if non {
		square = not(square)
	}
	pred := or(&node{k: kCmp, name: ">=", kids: []*node{x, num(m)}}, square)
	for _, base := range []int64{1, 0} {
		c.add(s, nthOf("x_", base, 0, pred))
	}
}

// multiplicative: a(n) is the product over the prime powers p^e exactly
// dividing n of g(p, e) (from f(p)^e where totally multiplicative):
// Product_{d=1..n} of g(lpf(d), bigomega(d)) over the d that divide n and
// are prime powers p^e with gcd(d, n/d) = 1, 1 for the other d (the
// products wrap as ring arithmetic where the value fits).
func (c *collector) multiplicative(s, f string, total bool) {
	d := vr("d_")
	var g *node
	if total {
		// "(p-1)*(p+1) = p^2-1": the first that reads
		var e *node
		for _, part := range strings.Split(f, " = ") {
			if x, ok := parseMaybeIn(part, "p"); ok {
				e = x
				break
			}
		}
		if m := reOfPrimeK.FindStringSubmatch(f); m != nil {
			// "a(prime(k)) = prime(k+1)": of p = prime(k), k = pi(p)
			x, ok := parseIn(m[1], "k")
			if !ok {
				return
			}
			e = substitute(x, "x_", call("primepi", vr("x_")))
		}
		if e == nil {
			return
		}
		g = bin(kPow, substitute(e, "x_", call("lpf", d)), call("bigomega", d))
	} else {
		// a(p^e) = g(p^e): a function of the prime power itself, or of p and e
		f = strings.ReplaceAll(strings.ReplaceAll(f, "p^e", "(q)"), " ", "")
		toks := lex(f)
		e, end, ok := parseAt(toks, 0, "q", "p", "e")
		if !ok || toks[end].k != tEnd {
			return
		}
		g = substitute(substitute(substitute(e, "q", d), "p", call("lpf", d)), "e", call("bigomega", d))
	}
	exact := and(eq(bin(kMod, vr("n"), d), num(0)),
		and(primePowerOf(d), eq(call("gcd", d, bin(kDiv, vr("n"), d)), num(1))))
	body := add(num(1), bin(kAnd, exact, sub(g, num(1))))
	c.add(s, &node{k: kProd, name: "d_", kids: []*node{num(1), vr("n"), body}})
}
