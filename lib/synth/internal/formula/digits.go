package formula

import (
	"regexp"
	"strconv"
)

// Expansions of numbers: "Decimal expansion of 1/188." and "Continued
// fraction for sqrt(265).", both eventually periodic, computed here
// exactly and lowered to a power-mod formula or a table.

var (
	reDecimal = regexp.MustCompile(`^Decimal expansion of (\d+)/(\d+)\s*\.?\s*$`)
	reCFSqrt  = regexp.MustCompile(`^Continued fraction (?:expansion )?(?:for|of) sqrt\((\d+)\)\s*\.?\s*$`)
)

// decimal: the digits of p/q (0 < p < 10q): digit k after the point (k = 0:
// the one before it) is floor(p*10^k/q) mod 10 = floor((p*10^k mod 10q)/q).
// The first term is digit 1, 0 or 2 (by the name's offset); each is a
// candidate.
func (c *collector) decimal(s, ps, qs string) {
	p, err1 := strconv.ParseInt(ps, 10, 32)
	q, err2 := strconv.ParseInt(qs, 10, 32)
	if err1 != nil || err2 != nil || p <= 0 || p >= 10*q || q > 20000 { // one digit before the point at most
		return
	}
	for _, shift := range []string{"n+1", "n", "n-1"} {
		c.addText(s, "floor(("+ps+"*10^("+shift+") mod "+strconv.FormatInt(10*q, 10)+")/"+qs+")")
	}
}

// cfSqrt: sqrt(N) = [a0; period...] with the period ending in 2*a0 (N not
// a square): a(0) = a0, a(n) = period[(n-1) mod len] after.
func (c *collector) cfSqrt(s, ns string) {
	n, err := strconv.ParseInt(ns, 10, 32)
	if err != nil || n < 2 || n > 1<<24 {
		return
	}
	a0 := int64(0)
	for (a0+1)*(a0+1) <= n {
		a0++
	}
	if a0*a0 == n {
		return
	}
	var period []int64
	m, d, a := int64(0), int64(1), a0
	for a != 2*a0 {
		m = d*a - m
		d = (n - m*m) / d
		a = (a0 + m) / d
		period = append(period, a)
		if len(period) > 60 {
			return // too long a table
		}
	}
	p := int64(len(period))
	for _, base := range []int64{0, 1} {
		j := sub(vr("n"), num(base+1)) // index into the period
		tab := &node{k: kTable, vals: period, kids: []*node{bin(kMod, j, num(p))}}
		first := &node{k: kCmp, name: "=", kids: []*node{vr("n"), num(base)}}
		c.add(s, bin(kSub, tab, bin(kMul, num(a0), first)))
	}
}
