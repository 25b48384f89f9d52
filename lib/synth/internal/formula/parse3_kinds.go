package formula

import "strings"

// restricting: a word naming a kind of number in a
// formula's clause after it, "p^2 mod 24 for p prime", "2^k + 1, k
// composite", "for p = odd primes", "for primes p", says the formula's
// letter runs over that kind only, not over every n; boundary (formula.go)
// ends no formula before such a clause, as it ends none before "if" or
// "odd". A call, "where p = prime(n)", and a kind not said of a letter,
// "the number of prime divisors of j", are no such clause. "Square" is
// not among the kinds: clauses say it of values ("n^2 + 1 is never a
// square") as often as of the letter.
var restricting = map[string]bool{
	"prime": true, "primes": true, "composite": true, "composites": true, "nonprime": true,
	"nonprimes": true, "semiprime": true, "semiprimes": true, "squarefree": true, "palindrome": true, "palindromes": true,
}

// kindOf: nouns after a kind that name something of a number, not the
// number's kind: "the number of prime divisors of j".
var kindOf = map[string]bool{"divisor": true, "divisors": true, "factor": true, "factors": true,
	"factorization": true, "signature": true, "exponent": true, "exponents": true, "power": true,
	"powers": true, "index": true, "indices": true, "gap": true, "gaps": true, "part": true, "parts": true,
	"root": true, "roots": true}

// linking: words (and any operator) between a letter and a plural kind
// that say the letter is one of them, "p runs over the primes", "p =
// odd primes", not that they are counted, "the first n primes".
var linking = map[string]bool{"is": true, "are": true, "runs": true, "run": true, "ranges": true,
	"over": true, "through": true, "in": true, "among": true}

// restricts reports whether toks[i] is a kind of number said of a
// letter ("p prime", "p >= 5 prime", "p runs over the primes", "primes
// p"): a kind word with a one-letter name at most four tokens before it or
// right after it, not a call, not of a noun ("prime divisors"), and not
// one member named ("where p is the n-th prime", "the smallest prime >
// n": a singular kind after "the" or an ordinal defines the letter;
// "consecutive primes", "twin primes" pair them).
func restricts(toks []token, i int) bool {
	w := strings.ToLower(toks[i].s)
	if toks[i].k != tIdent || !restricting[w] || isOp(toks[i+1], "(") ||
		toks[i+1].k == tIdent && kindOf[strings.ToLower(toks[i+1].s)] {
		return false
	}
	plural := strings.HasSuffix(w, "s") && w != "squarefree"
	letter := toks[i+1].k == tIdent && len(toks[i+1].s) == 1
	linked := !plural // "p prime"; but "the first n primes" counts them
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		v := strings.ToLower(toks[j].s)
		if toks[j].k != tIdent || linking[v] {
			linked = true
			continue
		}
		if len(v) == 1 && v != "a" && linked {
			letter = true
		}
		if j >= i-3 && (v == "consecutive" || v == "twin" || !plural && (v == "the" || v == "th" || v == "st" || v == "nd" || v == "rd")) {
			return false
		}
	}
	return letter
}

// letterIntro: the words a clause after a formula names its letter
// after, "for n >= 1", "with n > 0", ", n >= 0", "and n <= 9".
var letterIntro = map[string]bool{"for": true, "with": true, "where": true, ",": true, "and": true, "all": true}

// wholeRange: words before the letter that keep every n, "for all n",
// "for positive n".
var wholeRange = map[string]bool{"every": true, "each": true, "any": true, "positive": true,
	"nonnegative": true, "integer": true, "integers": true, "natural": true, "large": true, "the": true}

// unboundedLetter reports whether toks[i] is the formula's letter n,
// named by a clause after the formula (for, with, where, a comma, and),
// with anything but bounds after it: "for n >= 1" and "n = 0..20" bound
// it; "for n not divisible by 3", "for n == 1 (mod 4)", "for n = 3k+1",
// "for n in A005117", "for n >= 1 not a square" restrict it to some of
// the n, as does a word between "for" and the letter, "for nonsquares
// n" (not "for all n", "for positive n"). The request rewrite that calls
// the one letter n (asked.go) makes "k^2 + 1 for k coprime to 6" such a
// clause.
func unboundedLetter(toks []token, i int) bool {
	if i == 0 || toks[i].k != tIdent || toks[i].s != "n" {
		return false
	}
	if i >= 2 && toks[i-1].k == tIdent && !letterIntro[strings.ToLower(toks[i-1].s)] && letterIntro[strings.ToLower(toks[i-2].s)] &&
		!wholeRange[strings.ToLower(toks[i-1].s)] {
		return true // "for nonsquares n", "for triangular n": a kind before the letter
	}
	if !letterIntro[strings.ToLower(toks[i-1].s)] {
		return false
	}
	if isOp(toks[i-1], "=") || toks[i-1].k == tOp && toks[i-1].s != "," {
		return false
	}
	j := i + 1
	for isOp(toks[j], ",") && toks[j+1].k == tIdent && len(toks[j+1].s) == 1 && toks[j+1].s != "a" {
		j += 2 // "n, k >= 1": bounds on both
	}
	bounds := 0
	for {
		t := toks[j]
		if t.k != tOp || !strings.Contains("<=>", t.s[:1]) && t.s != "!=" {
			break
		}
		eq := t.s == "=" || t.s == "=="
		j++
		start := j
		for toks[j].k == tNum || toks[j].k == tIdent && len(toks[j].s) == 1 && toks[j].s != "a" ||
			toks[j].k == tOp && strings.Contains("+-*^", toks[j].s) && j > start {
			if eq && toks[j].k != tNum {
				return true // "n = 3k+1": a form, not a value
			}
			j++
		}
		if j == start {
			return true
		}
		bounds++
		if eq && !(isOp(toks[j], "..") || isOp(toks[j], ",") || isOp(toks[j], ".") || toks[j].k == tEnd || isOp(toks[j], ";")) {
			return true
		}
		if eq && isOp(toks[j], "..") {
			j++
			for toks[j].k == tNum || toks[j].k == tIdent && len(toks[j].s) == 1 || toks[j].k == tOp && strings.Contains("+-*^", toks[j].s) {
				j++
			}
		}
	}
	if bounds == 0 {
		return true
	}
	t := toks[j]
	switch {
	case t.k == tEnd, isOp(t, "."), isOp(t, ","), isOp(t, ";"), isOp(t, "("), isOp(t, ")"), isOp(t, ":"):
		return false
	case t.k == tIdent && (strings.EqualFold(t.s, "and") || strings.EqualFold(t.s, "or") || strings.EqualFold(t.s, "with") || strings.EqualFold(t.s, "where")):
		return false
	}
	return true
}
