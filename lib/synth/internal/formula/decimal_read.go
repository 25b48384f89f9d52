package formula

import (
	"math/big"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// decScanN is how many digits past the first a reading's program must
// give exactly (OEIS lists about 100).
const decScanN = 100

// decimalConst offers the program of a constant's decimal expansion the
// name states, checked digit by digit against its exact value.
func (c *collector) decimalConst(text string) {
	m := reDecConst.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return
	}
	x, ok := parseDecConst(m[1])
	if !ok {
		return
	}
	if _, isRat := x.n.rat(); isRat && x.d == nil {
		return // p/q: digits.go's periodic reading
	}
	v, ok := decQuoValue(x, 200)
	if !ok || v.Sign() <= 0 || v.Cmp(big.NewFloat(10)) >= 0 {
		return
	}
	// OEIS: offset 0 for a constant below 1 (a(0) is the first digit
	// after the point, leading zeros kept), else 1 (a(1) the units digit)
	x0 := int64(0)
	if v.Cmp(big.NewFloat(1)) >= 0 {
		x0 = 1
	}
	if c.seed != nil {
		x0 = c.seed.x0
	}
	shift := 1 - 2*x0
	var ops []ir.Op
	for _, pcap := range decCaps {
		if pr, ok := decPlan(x.n, x.d, shift, pcap); ok {
			if ops, ok = decEmit(pr); ok {
				break
			}
		}
	}
	if ops == nil {
		return
	}
	last := x0 + decScanN
	ds, ok := decDigits(x, int(last+shift))
	if !ok {
		return
	}
	exe, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
	if err != nil {
		return
	}
	for n := x0; n <= last; n++ {
		p := n + shift
		if p < 0 {
			continue
		}
		got, err := exe.Run([]int32{int32(n)}, ir.DefaultFuel)
		if err != nil || int64(got) != ds[p] {
			return
		}
	}
	key := x.n.String()
	if x.d != nil {
		key = "(" + key + ")/(" + x.d.String() + ")"
	}
	c.out = append(c.out, Candidate{Source: strings.TrimSpace(m[0]), Ops: ops, Expr: "decimal_digit(n," + key + ")"})
}
