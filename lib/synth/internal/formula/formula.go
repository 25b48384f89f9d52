package formula

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// Candidate is one formula read from a task's text, compiled.
type Candidate struct {
	Source string  // the span of the text it was read from
	Ops    []ir.Op // a whole program body, START..END, over SLOT_0 = n; ir.Validate accepts it
	Expr   string  // the formula, fully parenthesized; lists, tables, recurrences and generating functions in the package's notation (nth_{...}, table[...], rec_{...}, parts[...])
}

// maxText bounds the text Candidates reads (OEIS names are far shorter),
// so its time stays within a few milliseconds.
const maxText = 2000

// maxFormulas bounds the formulas one text may offer (each costs a scan of
// up to a few milliseconds); OEIS names state one or two.
const maxFormulas = 12

// Candidates reads every formula it can parse from text: "a(n) = ..."
// spans (and each further "= ..." of a chain), a bare expression in n
// that is the whole first clause ("n^2 reduced mod 100."), and a few
// phrase templates (period, congruence classes, named sequences, "Numbers
// k such that ... is prime"). A named list whose indexing the text leaves
// open yields one candidate per convention (first term at n = 0 or 1).
// Anything it cannot read completely gives no candidate; it never
// guesses. Arity 2 to 4 reads one formula over the operands named by the
// text's one-letter words (operands.go); other arities get none.
func Candidates(text string, arity int) (cs []Candidate) {
	if arity < 1 || arity > 4 || len(text) > maxText {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			cs = nil // a bug here must not take the caller down; no candidate is safe
		}
	}()
	if arity > 1 {
		if cs := operandCandidates(text, arity); cs != nil { // operands.go
			return cs
		}
		return askedOperands(text, arity) // asked2_ops.go
	}
	c := collector{seen: map[string]bool{}, lists: map[listKey]*nthMemo{}, isolate: true}
	c.readAsked(text)
	return c.out
}

// candidates is Candidates without the recover (the tests call it, so a
// panic shows there).
func candidates(text string) []Candidate {
	if len(text) > maxText {
		return nil
	}
	c := collector{seen: map[string]bool{}, lists: map[listKey]*nthMemo{}}
	c.readAsked(text)
	return c.out
}

// read collects every candidate text offers. Each reader runs apart (see
// isolate): a reader that panics gives nothing, the others still read.
func (c *collector) read(text string) {
	toks := surdTokens(text, lex(text)) // phi, [x], "integer nearest": beatty_text.go
	c.each(
		func() { c.formulas(text, toks) },
		func() { c.eqnWhere(text) },        // eqn.go: "where p is the n-th prime", "f(n) = ..."
		func() { c.eqnInfiniteSums(text) }, // eqn_sum.go: "Sum_{k>=0} (-1)^k*binomial(n,5*k)"
		func() { c.eqnEllipsis(text) },     // eqn_ellipsis.go: "1*2 + 2*3 + ... + n*(n+1)"
		func() {
			if rw := eqnWordCalls(text); rw != text { // eqn.go: "n - sum of the distinct prime factors of n"
				c.formulas(rw, surdTokens(rw, lex(rw)))
				c.conditionals(rw)
			}
		},
		func() {
			if rw := digitWords(text); rw != text { // phrases_base.go: digit phrases inside a formula
				c.formulas(rw, surdTokens(rw, lex(rw)))
			}
		},
		func() { c.parse2Formulas(text) }, // parse2.go: "Sum_{ k < n and k | n}", "first digit to the right of the decimal point of"
		func() { c.parse2Words(text) },    // parse2_words.go: "a(n) = n-th even nonprime minus n-th nonprime"
		func() { c.primeIndices(text) },   // parse2_pidx.go: "Sum of prime indices of n"
		func() { c.tables(text, toks) },
		func() { c.ofTables(text, toks) }, // tri2.go: "Triangle of denominators of 1/n + 1/m"
		func() { c.coefTables(text, toks) },
		func() { c.rowTables(text) },
		func() { c.rowLists(text) },    // tri2_rows.go: "row n lists the semiprime divisors of n"
		func() { c.namedTables(text) }, // tri2_named.go: "Triangle of Stirling numbers of 2nd kind"
		func() { c.condTables(text, toks) },
		func() { c.tableSums(text, toks) },
		func() { c.ratios(text, toks) },
		func() { c.residueCases(text, toks) },
		func() { c.divideAndConquer(text, toks) },
		func() { c.implicitRecurrences(text, toks) },    // rec_implicit.go
		func() { c.memRecurrences(text) },               // memrec.go: after rec.go and dnc.go, which keep no table
		func() { c.conditionals(text) },                 // coverage_cond.go: "a(n) = 1 if P, otherwise 0"
		func() { c.symbols(text) },                      // cases_kron.go: "Legendre symbol (n,59)"
		func() { c.condRecurrences(text) },              // cases_rec.go: "a(n) = a(n-1)/2 if a(n-1) is even, otherwise ..."
		func() { c.glossedConditionals(text) },          // cases_cond.go: "..., otherwise 0, where sigma is the sum of divisors"
		func() { c.exceptTerms(text) },                  // cond2_cases.go: "..., otherwise E except a(0) = 1"
		func() { c.formCases(text) },                    // cond2_forms.go: "If n is of the form 3k+1, then a(n) = 5*k + 4, ..."
		func() { c.divisorsOfSet(text) },                // cases_cond.go: "how many of {6,7,8} divide n", "If n is the k-th prime, then ..."
		func() { c.tightMods(text) },                    // cases_mod.go: "a(n-1) mod n + a(n-2) mod n", after the loose reading
		func() { c.factorProducts(text) },               // cases_mult.go: "If n = Product (p_j^k_j) then a(n) = Product (p_j * k_j)"
		func() { c.namedFamilies(firstSentence(text)) }, // coverage_named.go: "Fibonacci sequence beginning 4, 19"
		func() { c.partitionPhrases(text) },             // parts_text.go
		func() { c.sumLists(text) },                     // parts_list.go
		func() { c.readers3Sums(text) },                 // readers3_sums.go: "Numbers that are the sum of 4 nonzero squares", "Sums of two distinct abundant numbers"
		func() { c.readers3SumOf(text) },                // readers3_sumof.go: "Sum of the numbers k <= n such that ..." as the count's members summed
		func() { c.readers3PrimeFactorLists(text) },     // readers3_pfac.go: "Numbers whose prime factors are all congruent to 1 mod 4"
		func() { c.seqOps(text) },                       // sums_seq.go: "Partial sums of ...", "Convolution of X and Y"
		func() { c.ofArgument(text) },                   // sums_of.go: "Sum of odd divisors of sopf(n)"
		func() { c.ops3Binary(text) },                   // ops3.go: "Difference between X and Y", "X minus Y"
		func() { c.ops3Near(text) },                     // ops3_near.go: "Largest powerful number not exceeding n"
		func() { c.ops3Ranges(text) },                   // ops3_range.go: "Sum of all primes <= n", "Number of primes between n and 2n"
		func() { c.ops3Dividing(text) },                 // ops3_div.go: "Number of squares dividing n"
		func() { c.ops3Interleave(text) },               // ops3_interleave.go: "Squares interleaved with cubes"
		func() { c.ops3DigitalRoot(text) },              // ops3_droot.go: "Digital root of the n-th prime"
		func() { c.ops3Divisors(text) },                 // ops3_div.go: "Number of odd divisors of n^2+1", "Product of the unitary divisors of n"
		func() { c.partSums(text) },                     // sums_parts.go: "Sum of the smallest parts of the partitions of n into 3 parts"
		func() { c.phrases(text) },
		func() { c.counts(text) },                      // count.go: "Number of (w,x,y) with all terms in {0,...,n} and ..."
		func() { c.openings(text) },                    // sets_open.go: "a(n) is the ...", "The ..."
		func() { c.sets3Phrases(text) },                // sets3.go: "Squares of primes", "Numbers with distinct prime factors 2, 3, and 5"
		func() { c.lists3(text) },                      // lists3*.go: "Numbers of the form 4^i * 9^j"
		func() { c.series(text) },                      // series.go: products, sums, theta functions, long rational g.f.s
		func() { c.decimalConst(text) },                // decimal_read.go
		func() { c.automata(text); c.morphisms(text) }, // automata.go, morphism.go
		func() { c.collatz(text) },                     // collatz.go: "Collatz length of n", "Number of halving steps to reach 1 in '3x+1' problem"
	)
	for i := range c.out {
		// readers that rewrite the text first (memText, digitWords) take
		// their span from the rewrite: the span is then the whole text
		if !strings.Contains(text, c.out[i].Source) {
			c.out[i].Source = strings.TrimSpace(text)
		}
	}
}

// each runs the readers in order. With isolate set (Candidates), a reader
// that panics is stopped there and the next one runs: every candidate a
// reader added before it panicked passed its check, and a bug in one
// reader must not hide what the others read. Without it (the tests) a
// panic goes up, so it shows.
func (c *collector) each(readers ...func()) {
	for _, r := range readers {
		if !c.isolate {
			r()
			continue
		}
		func() {
			defer func() {
				if p := recover(); p != nil {
					c.note("panic", fmt.Sprint(p))
				}
			}()
			r()
		}()
	}
}

type collector struct {
	out   []Candidate
	seen  map[string]bool
	lists map[listKey]*nthMemo // what the scans found of each list, shared by its readings
	seed  *seedTerms           // a sequence's first terms, for recurrences the text starts nowhere (Seeded); nil: none
	why   *whyLog              // where readings failed (coverage_why.go, for the measure test); nil: not kept
	// isolate: a reader that panics gives nothing and the others go on
	// (each); set by Candidates, not by the tests' candidates
	isolate bool
	// capture, where set, takes each formula add would check and lower
	// instead (count_list.go reads a list's name this way)
	capture func(x *node)
	// forms: the formula of each kept candidate, by its Expr (fuel2_shift.go)
	forms map[string]*node
}

// add normalizes and lowers x (an expression over n) and keeps it unless
// an equal formula was kept already. Of the ways to lower it (plain; exact
// division by an odd constant as multiplication by its inverse; for a
// polynomial, its binomial basis; each with binomials in exact steps where
// it has any), the first
// whose program agrees with the exact value of the formula wherever that
// value fits in i32 (n = 0..scanN, within a work budget) is kept; none, no
// candidate.
func (c *collector) add(source string, x *node) {
	if c.capture != nil {
		c.capture(x)
		return
	}
	if !x.uses("n") {
		c.note("constant", "no n")
		return // a constant is no reading of a sequence's name
	}
	expr := x.String()
	if c.seen[expr] || len(c.seen) >= maxFormulas {
		if !c.seen[expr] {
			c.note("cap", "maxFormulas")
		}
		return
	}
	c.seen[expr] = true
	try := func(y *node) bool {
		for _, exact := range []bool{false, true} {
			if exact && !hasCall(y, "binomial") {
				break
			}
			ops, err := lowerWith(y, exact)
			if why := c.refusal(x, ops, err); why != "" {
				// powers under a mod in log steps (lower.go: lowerSquaring)
				if ops, err = lowerSquaring(y, exact); err != nil || !agrees(x, ops, c.lists) {
					// refused for fuel: primality from a sieve (coverage_sieve.go)
					if ops, err = sieveFor(why, y, exact); err != nil || !agrees(x, ops, c.lists) {
						// binomials from Pascal's triangle, divisions through residues (eqn_ring.go)
						if ops, err = lowerLast(y, exact, func(ops []ir.Op, mode scanMode) bool { return agreesScan(x, ops, c.lists, mode) == "" }); err != nil {
							// refused for fuel: primality by a wheel of 30 (fuel2_prime.go)
							if ops, err = wheelFor(why, y, exact); err != nil || !agrees(x, ops, c.lists) {
								// bitwise operations on wrapped values (fuel2_bits.go)
								if ops, err = lowerBits32(y, exact); err != nil || !agrees(x, ops, c.lists) {
									// gcd of a value past i32 (fuel2_gcd.go)
									if ops, err = lowerGcdRing(y, exact); err != nil || !agrees(x, ops, c.lists) {
										continue
									}
								}
							}
						}
					}
				}
			}
			c.out = append(c.out, Candidate{Source: strings.TrimSpace(source), Ops: ops, Expr: expr})
			c.keepForm(expr, x) // fuel2_shift.go
			return true
		}
		return false
	}
	x = eqnFloorArgs(x) // eqn_ring.go: primepi(sqrt(n)) is primepi(floor(sqrt(n)))
	for _, inverse := range []bool{false, true} {
		y, ok := normalize(x, inverse)
		if !ok {
			c.note("normalize", expr)
			return
		}
		if try(y) {
			return
		}
	}
	if y, ok := binomialBasis(x); ok {
		try(y)
	}
	if y, ok := quotientPowers(x); ok { // (P/Q)^2 divides first: tri3_pow.go
		if z, ok := normalize(y, false); ok {
			try(z)
		}
	}
}

// hasCall reports whether x calls function name.
func hasCall(x *node, name string) bool {
	if x.k == kCall && x.name == name {
		return true
	}
	for _, k := range x.kids {
		if hasCall(k, name) {
			return true
		}
	}
	return false
}

// formulas finds "a(n) = e1 = e2 ..." and a bare expression opening the
// text.
func (c *collector) formulas(text string, toks []token) {
	consts := textConsts(text)
	try := func(start int) int {
		x, end, ok := parseAtConsts(toks, start, consts, "n")
		if !ok || end == start || !boundary(toks, end) {
			return -1
		}
		c.add(text[toks[start].start:toks[end-1].end], x)
		return end
	}
	if end := try(0); end > 0 && toks[end].k == tOp && toks[end].s == "=" {
		for end > 0 && toks[end].k == tOp && toks[end].s == "=" {
			end = try(end + 1)
		}
	}
	for i := 0; i+4 < len(toks); i++ {
		if i > 0 && toks[i-1].k == tOp && strings.Contains("+-*/^", toks[i-1].s) {
			continue // "a(n-1) + a(n) = n": a term of an equation (rec_implicit.go), not a formula for a(n)
		}
		if shift, at, ok := isShiftedA(toks[i:]); ok {
			// a(n+k) = f(n, a(n+k-1), ...): a recurrence for a(m), m = n+k
			x, end, ok := parseLags(toks, i+at, shift, consts)
			if ok && boundary(toks, end) && lagOrder(x) > 0 {
				c.recurrence(text, text[toks[i].start:toks[end-1].end], substitute(x, "n", sub(vr("n"), num(shift))), lagOrder(x))
			}
			continue
		}
		if !isA(toks[i:]) {
			continue
		}
		// a(n) = e1 = e2 ...: e1 may be a recurrence in a(n-1), a(n-2), ...
		x, end, ok := parseLags(toks, i+5, 0, consts)
		if !ok || !boundary(toks, end) {
			// "a(n) = 0^2 + 1^2 + ... + n^2 = n*(n+1)*(2*n+1)/6": past the ellipsis
			for end := ellipsis(toks, i+5); end > 0 && isOp(toks[end], "="); {
				end = try(end + 1)
			}
			if ellipsis(toks, i+5) < 0 {
				eqnChainSkip(toks, i+5, try) // "a(n) = A007290(n+2) - 1 = 2*C(n+2,3) - 1" (eqn.go)
			}
			continue
		}
		if ord := lagOrder(x); ord > 0 {
			c.recurrence(text, text[toks[i].start:toks[end-1].end], x, ord)
			continue
		}
		c.add(text[toks[i+5].start:toks[end-1].end], x)
		if y := withTerms(x, initialTerms(text)); y != nil {
			// "a(0) = 0 and a(n) = (4*n^3 - 12*n^2 + 20*n - 9)/3 for n >= 1"
			c.add(text[toks[i+5].start:toks[end-1].end], y)
		}
		for end > 0 && toks[end].k == tOp && toks[end].s == "=" {
			end = try(end + 1)
		}
	}
}

// withTerms is x but for the terms the text gives (a(i) = v, i <= 3):
// [n = i]*v + (not [n = i] and x), x not evaluated at i; nil if none.
func withTerms(x *node, terms map[int64]int64) *node {
	var y *node
	for _, i := range slices.Sorted(maps.Keys(terms)) { // one program for one text
		v := terms[i]
		if i > 3 {
			return nil // not a start: a value the formula is to give
		}
		at := &node{k: kCmp, name: "=", kids: []*node{vr("n"), num(i)}}
		if y == nil {
			y = x
		}
		y = bin(kAdd, bin(kMul, at, num(v)), bin(kAnd, un(kCmp0, at), y))
	}
	return y
}

// ellipsis returns the index of the "=" that ends a sum written out with
// an ellipsis from toks[i] ("0^2 + 1^2 + ... + n^2 ="), or -1: only
// numbers, n, operators and parentheses, and at least one "...".
func ellipsis(toks []token, i int) int {
	dots := false
	for j := i; ; j++ {
		t := toks[j]
		switch {
		case isOp(t, "="):
			if !dots {
				return -1
			}
			return j
		case isOp(t, "..") && isOp(toks[j+1], "."):
			dots = true
			j++
		case t.k == tNum || t.k == tIdent && t.s == "n":
		case t.k == tOp && strings.Contains("+-*^()", t.s):
		default:
			return -1
		}
	}
}

// isA reports whether toks open with "a(n) =".
func isA(toks []token) bool {
	return toks[0].k == tIdent && toks[0].s == "a" && isOp(toks[1], "(") &&
		toks[2].k == tIdent && toks[2].s == "n" && isOp(toks[3], ")") && isOp(toks[4], "=")
}

func isOp(t token, s string) bool { return t.k == tOp && t.s == s }

// conditional words: a formula followed by one of these in its clause
// holds only in some cases.
var conditional = map[string]bool{"if": true, "when": true, "whenever": true, "unless": true,
	"otherwise": true, "else": true, "except": true, "odd": true, "even": true, "elsewhere": true,
	"conjectured": true, "conjecture": true, "empirical": true, "apparently": true}

// boundary reports whether an expression may end before toks[i]: at the
// end, at punctuation or before "for", "with", "where", and with no
// condition in the rest of its clause.
func boundary(toks []token, i int) bool {
	t := toks[i]
	switch t.k {
	case tEnd:
		return true
	case tOp:
		switch t.s {
		case ".", ",", ";", ":", "=", ")":
		case "(": // "(n >= 0)", "(1 <= k <= n)"
			if !(toks[i+1].k == tIdent && toks[i+2].k == tOp && strings.Contains(">=<", toks[i+2].s[:1]) &&
				toks[i+3].k == tNum && isOp(toks[i+4], ")")) &&
				!(toks[i+1].k == tNum && (isOp(toks[i+2], "<=") || isOp(toks[i+2], "<")) && toks[i+3].k == tIdent &&
					(isOp(toks[i+4], "<=") || isOp(toks[i+4], "<")) && toks[i+5].k == tIdent && isOp(toks[i+6], ")")) {
				return false
			}
		default:
			return false
		}
	case tIdent:
		switch strings.ToLower(t.s) {
		case "for", "with", "where":
		default:
			return false
		}
	default:
		return false
	}
	for ; toks[i].k != tEnd; i++ {
		if isOp(toks[i], ".") || isOp(toks[i], ";") {
			break
		}
		if toks[i].k == tIdent && conditional[strings.ToLower(toks[i].s)] {
			return false
		}
		if restricts(toks, i) || unboundedLetter(toks, i) {
			return false // "p^2 mod 24 for p prime": the formula's letter runs over a kind (parse3_kinds.go)
		}
	}
	return true
}
