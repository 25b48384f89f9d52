package formula

import (
	"math/big"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// series reads a generating function the rational reader (gf.go) did not:
// products, sums, theta functions, or a rational function of higher
// order. It offers [x^n] G and [x^(n-1)] G (the examples tell the
// offsets apart), each only where the program agrees with the exact
// coefficients (series_eval.go) at every sampled n <= scanN whose value
// fits i32, at least minSeriesAgreed of them, within a fuel that stays
// well inside ir.DefaultFuel at n = scanN.
func (c *collector) series(text string) {
	for _, o := range c.out {
		if strings.HasPrefix(o.Expr, "rec_") || strings.HasPrefix(o.Expr, "parts[") {
			return // gf.go read it already
		}
	}
	x, g, zmode, ok := readSeries(text)
	if !ok {
		return
	}
	// theta functions of z are series in x = q^(1/4): read them in x and,
	// where every power is a multiple of 4, also in q (every 4th word)
	strides := []int64{1}
	if zmode {
		strides = append(strides, 4)
	}
	key := "series[" + x.String() + "]"
	x, sh := monomialDivisor(x, zmode) // "(1-sqrt(1-4*x))/(2*x)": series2_sqrt.go
	coefs, ok := seriesCoefs(x, int(strides[len(strides)-1])*scanN+1+int(sh))
	if !ok || !leadingZeros(coefs, sh) {
		return
	}
	coefs = coefs[sh:]
	s, ok := seriesNormal(x, false)
	if !ok {
		return
	}
	lower := func(off, stride int64) ([]ir.Op, error) {
		ops, err := lowerSeries(s, off-sh, stride)
		if err != nil {
			// theta functions as sums, each in a table: fewer opcodes
			// where many eta products do not fit
			if s2, ok := seriesNormal(x, true); ok {
				return lowerSeries(s2, off-sh, stride)
			}
		}
		return ops, err
	}
	for _, stride := range strides {
		cs := coefs
		if stride > 1 {
			cs = nil
			for i, v := range coefs {
				if i%int(stride) == 0 {
					cs = append(cs, v)
				} else if v.Sign() != 0 {
					cs = nil
					break
				}
			}
			if cs == nil {
				continue
			}
			key += "_q"
		}
		for _, off := range []int64{0, 1} {
			expr := key
			if off == 1 {
				expr += "(n-1)"
			}
			if c.seen[expr] || len(c.seen) >= maxFormulas {
				continue
			}
			c.seen[expr] = true
			ops, err := lower(off, stride)
			if err != nil || !seriesAgrees(ops, cs, off) {
				continue
			}
			c.out = append(c.out, Candidate{Source: strings.TrimSpace(g), Ops: ops, Expr: expr})
		}
	}
}

// readSeries parses the generating function text names, and returns the
// span it was read from.
func readSeries(text string) (x *sNode, g string, zmode, ok bool) {
	if x, ok := cyclotomicSeries(strings.TrimSpace(text)); ok {
		return x, strings.TrimSpace(text), false, true
	}
	if rhs, ok := fixedText(text); ok {
		toks := lex(rhs)
		p := &seriesParser{toks: toks, xv: "x", bound: map[string]bool{}, refA: true}
		x, ok := p.parseAll()
		if !ok {
			return nil, "", false, false
		}
		return &sNode{k: sFixed, kids: []*sNode{x}}, rhs, false, true
	}
	g, xv, theta, cubic, ok := seriesText(text)
	if !ok {
		return nil, "", false, false
	}
	toks := lex(ellipsisProducts(g, xv)) // "(1-x)(1-x^2)(1-x^4)...": series2_ellipsis.go
	for _, t := range toks {
		if t.k == tBad {
			return nil, "", false, false
		}
	}
	x, end, zmode, ok := parseSeries(toks, 0, xv, theta, cubic)
	if !ok || toks[end].k != tEnd {
		return nil, "", false, false
	}
	return x, g, zmode, true
}

// seriesNormal is the normal form of x, or false.
func seriesNormal(x *sNode, sumTheta bool) (s *sSeries, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, is := r.(seriesError); !is {
				panic(r)
			}
			s, ok = nil, false
		}
	}()
	z := &normalizer{sumTheta: sumTheta}
	return z.norm(x), true
}

// minSeriesAgreed: values in i32 a series' program must reproduce.
const minSeriesAgreed = 8

// seriesFuel bounds the program's fuel at the last n a check may ask
// for: the last before the coefficients leave i32 (OEIS checks stop
// there), at most scanN.
const seriesFuel = ir.DefaultFuel * 3 / 4

// seriesAgrees runs ops at n = off..off+20, then every fifth n, and at
// the last n whose coefficient (and every one before it) fits i32,
// against [x^(n-off)] of coefs; that last run must stay within
// seriesFuel.
func seriesAgrees(ops []ir.Op, coefs []*big.Int, off int64) bool {
	e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
	if err != nil {
		return false
	}
	last := off - 1
	for n := off; n <= scanN; n++ {
		w := coefs[n-off]
		if !w.IsInt64() || w.Int64() != int64(int32(w.Int64())) {
			break
		}
		last = n
	}
	agreed := 0
	for n := off; n <= last; n++ {
		if n > off+20 && n%5 != 0 && n != last {
			continue
		}
		v, used, err := e.RunFuel([]int32{int32(n)}, ir.DefaultFuel)
		if err != nil || n == last && used > seriesFuel || int64(v) != coefs[n-off].Int64() {
			return false
		}
		agreed++
	}
	return agreed >= minSeriesAgreed
}

// String writes a series tree in the package's notation.
func (x *sNode) String() string {
	var b strings.Builder
	x.write(&b)
	return b.String()
}

func (x *sNode) write(b *strings.Builder) {
	switch x.k {
	case sNum:
		b.WriteString(x.x.String())
	case sVar:
		b.WriteString("x")
	case sAdd, sSub, sMul, sDiv:
		op := map[sKind]string{sAdd: "+", sSub: "-", sMul: "*", sDiv: "/"}[x.k]
		b.WriteString("(")
		x.kids[0].write(b)
		b.WriteString(op)
		x.kids[1].write(b)
		b.WriteString(")")
	case sNeg:
		b.WriteString("(-")
		x.kids[0].write(b)
		b.WriteString(")")
	case sPow:
		b.WriteString("(")
		x.kids[0].write(b)
		b.WriteString("^" + x.x.String() + ")")
	case sProd, sSum:
		if x.k == sProd {
			b.WriteString("Product_{")
		} else {
			b.WriteString("Sum_{")
		}
		b.WriteString(x.v + ">=" + x.x.String())
		if x.hi != nil {
			b.WriteString(".." + x.hi.String())
		}
		b.WriteString("}(")
		x.kids[0].write(b)
		b.WriteString(")")
	case sFixed:
		b.WriteString("fix[A=")
		x.kids[0].write(b)
		b.WriteString("]")
	case sRef:
		b.WriteString("A(x^" + x.x.String() + ")")
	case sFn:
		b.WriteString(x.name + "(")
		for i, k := range x.kids {
			if i > 0 {
				b.WriteString(",")
			}
			k.write(b)
		}
		b.WriteString(")")
	}
}
