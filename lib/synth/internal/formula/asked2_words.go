package formula

// The words people use for the functions the names know (asked2_words.go):
// "digit sum of n", "the cross sum of n", "reverse the digits of n", "how
// many divisors does n have", "n factorial", "integer square root of n",
// "how many bits are set in n", "check whether n is prime", "sum of the
// integers from 1 to n", "sum of the even numbers up to n", "tribonacci
// number n", each read as the name it means (or a closed form: sums of
// 1..n and of the even or odd numbers up to n, which a loop would read
// past the fuel far from the examples). Applied to askedForm's form of
// the request, after the rules of asked2.go.

import (
	"regexp"
)

// askedWords: a request's shape (on askedForm's form) and what it means,
// as a name the readers know.
var askedWords = []struct {
	re   *regexp.Regexp
	name string // "$1" is the group
}{
	// the digit sum, count, reversal
	{regexp.MustCompile(`^(?:digit sum|digital sum|cross sum|sum of (?:all )?(?:the )?(?:decimal )?digits|total of (?:all )?(?:the )?digits) (?:of|in) n$|^(?:add up|sum) (?:all )?the digits (?:of|in) n$|^digit ?sum n$`), "Sum of digits of n"},
	{regexp.MustCompile(`^(?:digit count|number of (?:decimal )?digits|count of (?:decimal )?digits|length) of n(?: in decimal)?$|^count the digits (?:of|in) n$|^how many (?:decimal )?digits (?:does n have|n has|are in n)$|^how long is n(?: in decimal| in digits)?$`), "Number of digits of n"},
	{regexp.MustCompile(`^(?:reverse (?:the digits of |the number )?n|n with (?:its|the) digits reversed|(?:digit )?revers(?:al|e) of (?:the number )?n|write n backwards|flip the digits (?:of|in) n|n reversed|n backwards)$`), "Reversal of n"},
	// divisors
	{regexp.MustCompile(`^(?:how many (?:positive )?(?:divisors|factors) (?:does n have|n has|has n)|count the (?:positive )?(?:divisors|factors) of n|(?:divisor|factor) count of n|number of (?:positive )?factors of n|how many numbers divide n(?: evenly)?)$`), "Number of divisors of n"},
	// factorial, square root, bits
	{regexp.MustCompile(`^(?:n factorial|factorial of n|n ?!|product of (?:the integers |all integers |the numbers )?(?:from )?1 (?:through|to|up to) n|multiply (?:all )?(?:the )?integers from 1 (?:up )?to n)$`), "a(n) = n!"},
	{regexp.MustCompile(`^(?:integer square root|floor(?: of the)? square root|floor sqrt|isqrt|whole-number square root|square root,? rounded down,?) of n$|^square root of n,? rounded down$|^(?:largest|greatest) (?:number|integer) whose square is (?:<=|at most) n$`), "a(n) = floor(sqrt(n))"},
	{regexp.MustCompile(`^(?:count the (?:1|one|set) bits (?:of|in) n|how many (?:bits are set|1 bits|one bits|set bits) (?:in n|does n have|n has)|popcount of n|bit count of n|number of (?:ones|1s|1's|set bits|1 bits) in (?:the )?(?:binary (?:form|representation|expansion) of )?n)$`), "Number of 1's in binary expansion of n"},
	// sums
	{regexp.MustCompile(`^(?:sum|total|add up) (?:of )?(?:all )?(?:the )?(?:integers|numbers|whole numbers|positive integers)? ?(?:from )?1 (?:to|through|up to) n$|^add (?:all )?(?:the )?(?:integers|numbers|whole numbers|positive integers) (?:from )?1 (?:to|through|up to) n$|^sum (?:of )?the first n (?:positive )?(?:integers|natural numbers|numbers)$|^sum 1 to n$|^(?:add|sum) the integers up to n$`), "a(n) = n*(n+1)/2"},
	{regexp.MustCompile(`^(?:sum|total|add up|add) (?:of )?(?:all )?(?:the )?(?:even (?:numbers|integers|values)|evens) (?:from 1 |from 0 )?(?:up to|to|through|not exceeding|<=)(?: and including)? n$|^even sum to n$`), "a(n) = floor(n/2)*(floor(n/2)+1)"},
	{regexp.MustCompile(`^(?:sum|total|add up|add) (?:of )?(?:all )?(?:the )?(?:odd (?:numbers|integers|values)|odds) (?:from 1 )?(?:up to|to|through|not exceeding|<=)(?: and including)? n$`), "a(n) = floor((n+1)/2)^2"},
	// sequences by their term number
	{regexp.MustCompile(`^(?:fibonacci number n|fibonacci of n|fib n|term n of the fibonacci (?:sequence|series|numbers)|f\(n\) in the fibonacci (?:sequence|series)|(?:the )?fibonacci (?:sequence )?value at (?:index )?n)$`), "Fibonacci numbers"},
	{regexp.MustCompile(`^(?:tribonacci number n|tribonacci of n|trib n|term n of the tribonacci (?:sequence|series|numbers)|t\(n\) in the tribonacci (?:sequence|series)|(?:the )?tribonacci (?:sequence )?value at (?:index )?n|n-th tribonacci number)$`), "tribonacci"},
	{regexp.MustCompile(`^(?:triangular number n|triangle number n|n-th triangle number)$`), "Triangular numbers"},
	// a property of n as 1 or 0
	{regexp.MustCompile(`^(?:check|test|determine|decide|tell me|say) (?:whether|if) n is (.+)$|^(?:primality) of n$`), "1 if n is $1, else 0"},
}

// askedWordsName is the name s (askedForm's) means, or "".
func askedWordsName(s string) string {
	for _, w := range askedWords {
		if m := w.re.FindStringSubmatchIndex(s); m != nil {
			name := string(w.re.ExpandString(nil, w.name, s, m))
			if name == "1 if n is , else 0" {
				name = "1 if n is prime, else 0" // "primality of n"
			}
			return name
		}
	}
	return ""
}

// readTribonacci: a(n) = a(n-1) + a(n-2) + a(n-3) from either start
// people use (0, 0, 1 and 0, 1, 1); the examples choose.
func (c *collector) readTribonacci() {
	c.read("a(n) = a(n-1) + a(n-2) + a(n-3) for n > 2, a(0) = 0, a(1) = 0, a(2) = 1")
	c.read("a(n) = a(n-1) + a(n-2) + a(n-3) for n > 2, a(0) = 0, a(1) = 1, a(2) = 1")
}
