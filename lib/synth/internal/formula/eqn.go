package formula

// Formulas "a(n) = ..." that call functions the parser lacks by name,
// or names the text defines after the formula:
//
//   - valuation(x, p), composite(n), nonprime(n), usigma(n);
//   - a chain "a(n) = A007290(n+2) - 1 = 2*C(n+2,3) - 1" whose first
//     member calls another sequence by its A-number is read from its
//     next member (eqnChainSkip; the package keeps no table of
//     A-numbers: the text must say what a name means);
//   - letters and functions defined after the formula, by a formula or
//     in words (eqnWhere): "where p is the n-th prime", "where e is the
//     2-adic valuation of n", "where f(n) = n^4 + n^2 + 1", "where
//     A032742 gives the largest proper divisor of n", "where F =
//     Fibonacci".

import (
	"fmt"
	"regexp"
	"strings"
)

// eqnNames: functions read by name here (lower case), their arity.
var eqnNames = map[string]int{"valuation": 2, "composite": 1, "nonprime": 1, "usigma": 1}

// eqnValuation is the exponent of p in x: the least k >= 0 with p^(k+1)
// not dividing x, p a constant >= 2. At x = 0, where every power
// divides, it is undefined (the 0th term of the list the kNth walks: the
// scan skips that n), and the program's search stops at the largest K
// with p^K in i32, which no nonzero x in i32 reaches.
func eqnValuation(x *node, p int64) *node {
	v := eqnBound("v", x)
	K := int64(0)
	for q := p; q <= 1<<31-1; q *= p {
		K++
	}
	divides := &node{k: kCmp, name: "=", kids: []*node{bin(kMod, x, bin(kPow, num(p), bin(kAdd, vr(v), num(1)))), num(0)}}
	below := &node{k: kCmp, name: "<", kids: []*node{vr(v), num(K)}}
	nonzero := &node{k: kCmp, name: "!=", kids: []*node{x, num(0)}}
	return &node{k: kNth, name: v, val: 1, kids: []*node{nonzero, un(kCmp0, bin(kAnd, below, divides)), num(0)}}
}

// eqnComposite is the x-th (from 1) number >= lo that is not prime: the
// composites from lo = 4, the nonprimes from lo = 1.
func eqnComposite(x *node, lo int64) *node {
	v := eqnBound("c", x)
	return &node{k: kNth, name: v, val: 1, kids: []*node{x, un(kCmp0, un(kIsPrime, vr(v))), num(lo)}}
}

// eqnUsigma is the sum of the unitary divisors of x.
func eqnUsigma(x *node) *node {
	d := eqnBound("u", x)
	unit := &node{k: kCmp, name: "=", kids: []*node{call("gcd", vr(d), bin(kDiv, x, vr(d))), num(1)}}
	return &node{k: kSumDiv, name: d, kids: []*node{x, bin(kAnd, unit, vr(d))}}
}

// eqnBound names a bound variable that none of xs uses.
func eqnBound(prefix string, xs ...*node) string {
	for i := 0; ; i++ {
		v := prefix + strings.Repeat("_", i+1)
		free := true
		for _, x := range xs {
			if x.uses(v) {
				free = false
			}
		}
		if free {
			return v
		}
	}
}

// eqnIsCall reports whether s names a function read here (the parser's
// test for a call multiplied by juxtaposition).
func (p *parser) eqnIsCall(s string) bool {
	if _, ok := p.defs[s]; ok {
		return true
	}
	_, ok := eqnNames[strings.ToLower(s)]
	return ok
}

// eqnCall parses a call of a function the text defines or one of
// eqnNames (t is its name, already read); nil if t
// names none of them (nothing read).
func (p *parser) eqnCall(t token) *node {
	if t.k != tIdent || !p.at("(") {
		return nil
	}
	var of func([]*node) *node
	arity := 1
	if d, ok := p.defs[t.s]; ok {
		of = func(a []*node) *node { return substitute(d.body, d.v, a[0]) }
	} else if ar, ok := eqnNames[strings.ToLower(t.s)]; ok {
		arity = ar
		switch strings.ToLower(t.s) {
		case "valuation":
			of = func(a []*node) *node {
				if a[1].k != kNum || a[1].val < 2 || a[1].val > 1000 {
					return nil
				}
				return eqnValuation(a[0], a[1].val)
			}
		case "composite":
			of = func(a []*node) *node { return eqnComposite(a[0], 4) }
		case "nonprime":
			of = func(a []*node) *node { return eqnComposite(a[0], 1) }
		case "usigma":
			of = func(a []*node) *node { return eqnUsigma(a[0]) }
		}
	} else {
		return nil
	}
	p.expect("(")
	args := []*node{p.expr()}
	for p.at(",") {
		p.pos++
		args = append(args, p.expr())
	}
	p.expect(")")
	if len(args) != arity {
		p.fail()
	}
	x := of(args)
	if x == nil {
		p.fail()
	}
	return x
}

// eqnDef is a function the text defines: body over variable v.
type eqnDef struct {
	v    string
	body *node
}

// eqnChainSkip: the first member of "a(n) = e1 = e2 ..." at toks[i]
// did not parse; if e1 is made of numbers, operators, n and calls (of
// anything: an A-number the table lacks), the chain goes on from e2
// (by try, formulas' reader of a member). A word that is not a call
// ("number of", "where") ends the attempt.
func eqnChainSkip(toks []token, i int, try func(int) int) {
	depth := 0
	for j := i; ; j++ {
		t := toks[j]
		switch t.k {
		case tEnd:
			return
		case tNum:
		case tIdent:
			if t.s != "n" && !isOp(toks[j+1], "(") {
				return
			}
		case tOp:
			switch t.s {
			case "(":
				depth++
			case ")":
				depth--
				if depth < 0 {
					return
				}
			case "=":
				if depth != 0 || j == i {
					return
				}
				for end := j; end > 0 && isOp(toks[end], "="); {
					end = try(end + 1)
				}
				return
			case "+", "-", "*", "/", "^", "!", ",":
				if t.s == "," && depth == 0 {
					return
				}
			default:
				return
			}
		default:
			return
		}
	}
}

// eqnWords: functions named in words, each a formula in # (its
// argument).
var eqnWords = []struct {
	re   string
	tmpl string
}{
	{`(?:largest|greatest) proper divisor`, "#/lpf(#)"},
	{`(?:2-adic valuation|exponent of (?:the )?(?:highest )?power of 2 dividing)`, "valuation(#,2)"},
	{`3-adic valuation`, "valuation(#,3)"},
	{`odd part`, "#/2^valuation(#,2)"},
	{`number of divisors`, "tau(#)"},
	{`sum of (?:the )?divisors`, "sigma(#)"},
	{`(?:Euler(?:'s)? )?(?:totient|phi) function`, "phi(#)"},
	{`(?:binary weight|number of (?:1's|ones) in (?:the )?binary (?:expansion|representation))`, "wt(#)"},
	{`(?:largest|greatest) prime (?:factor|divisor)`, "gpf(#)"},
	{`(?:smallest|least) prime (?:factor|divisor)`, "lpf(#)"},
	{`(?:number of distinct prime (?:factors|divisors)|number of distinct primes dividing)`, "omega(#)"},
	{`number of prime (?:factors|divisors) (?:counted )?with (?:multiplicity|repetition)`, "bigomega(#)"},
	{`sum of (?:the )?distinct prime (?:factors|divisors)`, "sopf(#)"},
	{`sum of (?:the )?distinct primes dividing`, "sopf(#)"},
	{`sum of (?:the )?prime (?:factors|divisors) (?:counted )?with (?:multiplicity|repetition)`, "sopfr(#)"},
	{`(?:squarefree kernel|radical)`, "rad(#)"},
	{`M[oö]e?bius function`, "mu(#)"},
	{`(?:(?:decimal )?digit sum|sum of (?:the )?(?:decimal )?digits)`, "sumdigits(#)"},
	{`Fibonacci numbers?`, "fib(#)"},
	{`Lucas numbers?`, "lucas(#)"},
	{`(?:n-th|nth) prime`, "prime(#)"},
}

var (
	// eqnWordsAt: each of eqnWords where a definition's words begin
	eqnWordsAt = eqnCompile(`^(?:%s)`)
	// eqnWordsOf: each applied inside a formula, "n - sum of the
	// distinct prime factors of n": to n or a parenthesized argument
	eqnWordsOf = eqnCompile(`\b(?:the\s+)?(?:%s)\s+of\s+(n\b|[A-Za-z]\w*\([^()]*\)|\([^()]*\))`)
	// "n-th prime" as a value: prime(n) (eqnNthPrime)
	reEqnNthPrime = regexp.MustCompile(`\b(?:the\s+)?(?:n-th|nth) prime\b`)
	// the words that may follow a value: "the n-th prime is 0 or 2 mod 3"
	reEqnAfterValue = regexp.MustCompile(`^\s*(?:$|[^\sA-Za-z]|(?:is|are|and|or|mod|plus|minus|times)\b)`)
)

func eqnCompile(format string) []*regexp.Regexp {
	res := make([]*regexp.Regexp, len(eqnWords))
	for i, w := range eqnWords {
		res[i] = regexp.MustCompile(fmt.Sprintf(format, w.re))
	}
	return res
}

// eqnWordsFn is eqnWords[i]'s function of x, or nil if it does not parse.
func eqnWordsFn(i int, x *node) *node {
	toks := lex(strings.ReplaceAll(eqnWords[i].tmpl, "#", "x"))
	y, end, ok := parseAt(toks, 0, "x")
	if !ok || toks[end].k != tEnd {
		return nil
	}
	return substitute(y, "x", x)
}

// eqnWordCalls rewrites the functions eqnWords names inside a formula as
// calls: "a(n) = n - sum of the distinct prime factors of n" is "a(n) = n
// - sopf(n)". Only texts with a formula "a(n) = ...".
func eqnWordCalls(text string) string {
	if !strings.Contains(text, "a(n) =") {
		return text
	}
	// "the n-th prime" followed by what may follow a value (up to the
	// next "n-th prime") is prime(n)
	var b strings.Builder
	at := 0
	ms := reEqnNthPrime.FindAllStringIndex(text, -1)
	for j, m := range ms {
		next := len(text)
		if j+1 < len(ms) {
			next = ms[j+1][0]
		}
		if reEqnAfterValue.MatchString(text[m[1]:next]) {
			b.WriteString(text[at:m[0]] + "prime(n)")
			at = m[1]
		}
	}
	text = b.String() + text[at:]
	for i, re := range eqnWordsOf {
		var b strings.Builder
		at := 0
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			arg := text[m[2]:m[3]]
			if arg == "n" && m[1] < len(text) && strings.ContainsRune("-+*/^", rune(text[m[1]])) {
				continue // "the 2-adic valuation of n-1": of n-1, not of n (cond2.go reads it)
			}
			b.WriteString(text[at:m[0]] + "(" + strings.ReplaceAll(eqnWords[i].tmpl, "#", "("+arg+")") + ")")
			at = m[1]
		}
		text = b.String() + text[at:]
	}
	return text
}

var (
	// "where f(n) = n^4 + n^2 + 1"
	reEqnFunc = regexp.MustCompile(`\b([A-Za-z])\(([a-z])\)\s*=\s*`)
	// "where A032742 gives the largest proper divisor of n", "where e is
	// the 2-adic valuation of n", "F = A000045 is the Fibonacci numbers",
	// "F = Fibonacci": a name, then the words (eqnWords) from the end
	reEqnDef = regexp.MustCompile(`\b(?:where|and|with)\s+(A\d{6}|[A-Za-z])(\(n\))?\s*(?:is|gives|=|denotes)\s+(?:A\d{6}\s+is\s+)?(?:the\s+)?`)
	// what a definition in words applies its function to
	reEqnOf = regexp.MustCompile(`^\s+of\s+(n|its argument)\b`)
	// where a definition in words may end
	reEqnDefEnd = regexp.MustCompile(`^\s*(?:$|[,;.(]|(?:and|where|with)\b)`)
)

// eqnWhere reads "a(n) = EXPR" at the text's opening with the letters
// and functions the text defines after it; nothing if it defines none.
func (c *collector) eqnWhere(text string) {
	toks := lex(text) // not surdTokens: "e" may be a letter the text defines
	if len(toks) < 6 || !isA(toks) {
		return
	}
	consts := textConsts(text)
	defs := map[string]eqnDef{}
	letters := map[string]*node{}
	bad := map[string]bool{"a": true, "n": true}
	for _, m := range reEqnFunc.FindAllStringSubmatchIndex(text, -1) {
		name, v := text[m[2]:m[3]], text[m[4]:m[5]]
		if bad[name] || name == v || m[0] == 0 {
			continue
		}
		sub := lex(text[m[1]:])
		x, end, ok := parseAtConsts(sub, 0, consts, v)
		if !ok || !boundary(sub, end) && !(sub[end].k == tIdent && sub[end].s == "and") {
			continue
		}
		if _, dup := defs[name]; dup {
			return // two definitions: which one the formula means is open
		}
		defs[name] = eqnDef{v, x}
	}
	for _, m := range reEqnDef.FindAllStringSubmatchIndex(text, -1) {
		name, rest := text[m[2]:m[3]], text[m[1]:]
		if bad[name] {
			continue
		}
		var of func(*node) *node
		for i, re := range eqnWordsAt {
			if loc := re.FindStringIndex(rest); loc != nil {
				of, rest = func(x *node) *node { return eqnWordsFn(i, x) }, rest[loc[1]:]
				break
			}
		}
		if of == nil || of(vr("n")) == nil {
			continue
		}
		if after := reEqnOf.ReplaceAllString(rest, ""); !reEqnDefEnd.MatchString(after) {
			continue // "k = n-th prime congruent to 1 mod 6": the words go on
		}
		_, dupF := defs[name]
		_, dupL := letters[name]
		if dupF || dupL {
			return // defined twice: which one the formula means is open
		}
		// a letter the formula does not call is the value at n ("where p
		// is the n-th prime", "e is the 2-adic valuation of n"); else a
		// function
		called := strings.Contains(text[:m[0]], name+"(")
		if len(name) == 1 && !called && (m[4] >= 0 || reEqnOf.MatchString(rest) || strings.Contains(text[m[1]:], "n-th") || strings.Contains(text[m[1]:], "nth")) {
			letters[name] = of(vr("n"))
			continue
		}
		if called {
			defs[name] = eqnDef{"x", of(vr("x"))}
		}
	}
	if len(defs) == 0 && len(letters) == 0 {
		return
	}
	vars := []string{"n"}
	for l := range letters {
		if _, clash := defs[l]; clash {
			return
		}
		vars = append(vars, l)
		delete(consts, l)
	}
	for name := range defs {
		delete(consts, name)
	}
	x, end, ok := parseWith(&parser{toks: toks, pos: 5, vars: vars, consts: consts, defs: defs})
	if !ok || !boundary(toks, end) {
		return
	}
	for l, y := range letters {
		x = substitute(x, l, y)
	}
	c.add(text[toks[5].start:toks[end-1].end], x)
}
