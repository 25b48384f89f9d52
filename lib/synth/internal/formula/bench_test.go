package formula

import "testing"

// BenchmarkCandidates: the time of one Candidates call, by kind of text
// (the package promises a few milliseconds on an OEIS name).
func BenchmarkCandidates(b *testing.B) {
	for _, bc := range []struct{ name, text string }{
		{"polynomial", "a(n) = n*(n+1)*(5*n+1)/6."},
		{"mod_power", "a(n) = 7^n mod 39."},
		{"sum_gcd", "a(n) = Sum_{k=1..n} floor(n/k) * gcd(n,k)."},
		{"primes_in_class", "Primes congruent to 22 mod 63."},
		{"such_that_prime", "Numbers n such that n^4-2 is prime."},
		{"triangle", "Triangle read by rows: T(n,k) = binomial(n,k)*2^k, 0 <= k <= n."},
		{"array_two_ways", "Array read by antidiagonals: T(n,k) = n^2 + 3*k."},
		{"digit_list", "Numbers whose base-4 representation contains exactly one 2 and two 3's."},
		{"gpf", "Largest prime factor of n^2 + 1."},
		{"partitions", "Number of partitions of 4*n+1 into distinct parts."}, // parts.go: a table in memory, checked to n = 100
		{"no_formula", "Number of partitions of n into distinct parts such that the number of odd parts is a prime."},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				Candidates(bc.text, 1)
			}
		})
	}
}
