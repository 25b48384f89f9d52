package formula

import (
	"regexp"
	"strconv"
)

// Cyclotomic polynomials: "Inverse of 1702nd cyclotomic polynomial.",
// "Coefficients of the reciprocal of the 55th cyclotomic polynomial.",
// "143rd cyclotomic polynomial." For N > 1, Phi_N(x) = Product_{d|N}
// (1 - x^d)^mu(N/d) (the signs of x^d - 1 cancel, as Sum_{d|N} mu(N/d) =
// 0), and Phi_1(x) = -(1 - x): a product of binomials, each one pass over
// the table, however large the polynomial's degree.

var reCyclotomic = regexp.MustCompile(`^(?:(Inverse of|Coefficients of the reciprocal of|Reciprocal of|Expansion of the reciprocal of|Expansion of 1/) )?(?:the )?(\d{1,5})(?:st|nd|rd|th) cyclotomic polynomial\.?$`)

// maxCyclotomic bounds N: its divisors are found by trial division.
const maxCyclotomic = 100000

// cyclotomicSeries reads text as Phi_N or 1/Phi_N.
func cyclotomicSeries(text string) (*sNode, bool) {
	m := reCyclotomic.FindStringSubmatch(text)
	if m == nil {
		return nil, false
	}
	n, err := strconv.ParseInt(m[2], 10, 64)
	if err != nil || n < 1 || n > maxCyclotomic {
		return nil, false
	}
	inverse := m[1] != ""
	if n == 1 { // Phi_1 = x - 1
		x := &sNode{k: sSub, kids: []*sNode{{k: sVar}, {k: sNum, x: num(1)}}}
		if inverse {
			x = &sNode{k: sDiv, kids: []*sNode{{k: sNum, x: num(1)}, x}}
		}
		return x, true
	}
	var out *sNode
	for d := int64(1); d <= n; d++ {
		if n%d != 0 {
			continue
		}
		mu := moebius(n / d)
		if mu == 0 {
			continue
		}
		if inverse {
			mu = -mu
		}
		f := &sNode{k: sPow, x: num(mu), kids: []*sNode{{k: sSub, kids: []*sNode{
			{k: sNum, x: num(1)}, {k: sPow, x: num(d), kids: []*sNode{{k: sVar}}}}}}}
		if out == nil {
			out = f
		} else {
			out = &sNode{k: sMul, kids: []*sNode{out, f}}
		}
	}
	return out, true
}

// moebius is mu(n) for n >= 1, by trial division.
func moebius(n int64) int64 {
	mu := int64(1)
	for p := int64(2); p*p <= n; p++ {
		if n%p != 0 {
			continue
		}
		n /= p
		if n%p == 0 {
			return 0
		}
		mu = -mu
	}
	if n > 1 {
		mu = -mu
	}
	return mu
}
