package formula

// Multiplicative functions stated over n's factorization (cases_mult.go):
//
//	If n = Product (p_j^k_j) then a(n) = Product ((p_j - 1)^(k_j - 1)).
//	Mosaic numbers or multiplicative projection of n: if n = Product (p_j^k_j) then a(n) = Product (p_j * k_j).
//	...; if n = Product p(k)^e(k) then a(n) = Product p(k)^(e(k)-1), with a(1) = 1.
//
// The prime and its exponent, written with any index ("p_j", "p(k)",
// "e_i"), become p and e of "multiplicative with a(p^e) = ..."
// (coverage_named.go); a factor that names another prime ("p_{i+2}")
// does not parse and gives nothing.

import (
	"regexp"
	"strings"
)

var reCasesProduct = regexp.MustCompile(`(?:^|[:;,] )(?i:if) n = Product_? ?\(?\s*([a-z](?:_[a-z]|\([a-z]\)))\s*\^\s*\(?([a-z](?:_[a-z]|\([a-z]\)))\)?\s*\)?,?(?: n > 1,)? then a\(n\) = Product_? ?(.+?)(?:,? with a\(1\) = 1)?\s*$`)

// factorProducts reads a(n) as a product over n's prime powers.
func (c *collector) factorProducts(text string) {
	s := condSentence(text)
	m := reCasesProduct.FindStringSubmatch(s)
	if m == nil || m[1][0] == m[2][0] || strings.ContainsAny(m[3], "{}") {
		return
	}
	body := strings.ReplaceAll(strings.ReplaceAll(m[3], m[1], "p"), m[2], "e")
	c.multiplicative(s, body, false)
}
