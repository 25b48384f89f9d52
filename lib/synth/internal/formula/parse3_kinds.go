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
