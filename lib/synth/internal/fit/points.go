package fit

import (
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
)

// MaxSmall bounds the coefficients Points tries: each of c1..c3 and the
// constant is an integer in [-MaxSmall, MaxSmall].
const MaxSmall = 4

// MaxChance bounds the chance that a recurrence matches the later points
// by accident (see Points).
const MaxChance = 1e-3

// Point is a known value a(X) = Y away from the first terms.
type Point struct{ X, Y int64 }

// Points fits a(n) = c1·a(n-1) + ... + ck·a(n-k) + c0 (k ≤ 3, integer
// coefficients in [-MaxSmall, MaxSmall]) to a function known at scattered
// inputs, the way a person gives examples: a few first terms a(x0),
// a(x0+1), ... (ys) and some values further on (later). The first terms
// are too few to solve for the coefficients, so every small choice is
// tried; a model must reproduce every term and every later point, and the
// later points, which the recurrence has to reach by extrapolation, are
// the evidence for it. It returns one model for each behaviour that fits
// (values on x0 .. the last point + 16, in i32), simplest first; more than
// one means the examples do not decide, and callers must say so.
//
// A match by chance must be unlikely: for each later point (x, y), of the
// recurrences that reproduce the first terms, count those whose a(x)
// falls between y/2 and 2y; (count + 1) / (|y| + 1) is about the chance
// that one of them hits y exactly. Nothing is returned unless the product
// over the later points is below MaxChance, and one lies at least two
// steps past the first terms.
func Points(x0 int64, ys []int64, later []Point) []Model {
	last := x0 + int64(len(ys)) - 1
	reach := last
	for _, p := range later {
		if p.X <= last || p.X > last+400 {
			return nil
		}
		reach = max(reach, p.X)
	}
	if reach < last+2 || len(ys) < 2 {
		return nil
	}
	end := reach + 16
	type hyp struct {
		c []int64
		k int64
	}
	var fits []hyp
	near := make([]int, len(later))
	vals := make([]int32, end-x0+1)
	for order := 1; order <= 3 && order < len(ys); order++ {
		c := make([]int64, order)
		var try func(j int)
		try = func(j int) {
			if j < order {
				for v := int64(-MaxSmall); v <= MaxSmall; v++ {
					if j == order-1 && v == 0 {
						continue // a lower order
					}
					c[j] = v
					try(j + 1)
				}
				return
			}
			for k := int64(-MaxSmall); k <= MaxSmall; k++ {
				if !smallRun(ys, c, k, vals) {
					continue
				}
				all := true
				for i, p := range later {
					v, y := int64(vals[p.X-x0]), p.Y
					if v != y {
						all = false
					}
					if y > 0 && 2*v >= y && v <= 2*y || y < 0 && 2*v <= y && v >= 2*y {
						near[i]++
					}
				}
				if all {
					fits = append(fits, hyp{slices.Clone(c), k})
				}
			}
		}
		try(0)
	}
	chance := 1.0
	for i, p := range later {
		chance *= math.Min(1, float64(near[i]+1)/(math.Abs(float64(p.Y))+1))
	}
	if chance >= MaxChance {
		return nil
	}
	var out []Model
	var seen []string
	for _, h := range fits {
		smallRun(ys, h.c, h.k, vals)
		b := behaviourKey(vals)
		if slices.Contains(seen, b) {
			continue
		}
		if m := smallModel(x0, ys, h.c, h.k, len(ys)+len(later)); m != nil {
			seen = append(seen, b)
			out = append(out, *m)
		}
	}
	return out
}

// smallRun runs the recurrence from ys's first len(c) terms through
// len(vals) values (i32 arithmetic) and reports whether it reproduces ys.
func smallRun(ys, c []int64, k int64, vals []int32) bool {
	order := len(c)
	for i := range vals {
		if i < order {
			vals[i] = int32(ys[i])
			continue
		}
		s := int32(k)
		for j, cj := range c {
			s += int32(cj) * vals[i-1-j]
		}
		vals[i] = s
		if i < len(ys) && int64(s) != ys[i] {
			return false
		}
	}
	return true
}

func behaviourKey(vals []int32) string {
	var b strings.Builder
	for _, v := range vals {
		b.WriteString(strconv.Itoa(int(v)))
		b.WriteByte(',')
	}
	return b.String()
}

// smallModel is the Model of a recurrence Points found; points is how many
// values it was checked on.
func smallModel(x0 int64, ys, c []int64, k int64, points int) *Model {
	rc := make([]*big.Rat, len(c))
	for j, v := range c {
		rc[j] = rat(v)
	}
	ops, err := recurrenceOps(x0, ys[:len(c)], rc, rat(k))
	if err != nil {
		return nil
	}
	method := fmt.Sprintf("linrec%d", len(c))
	used := 2 * len(c)
	if k != 0 {
		method += "+k"
		used++
	}
	return &Model{Method: method + "-points", Formula: recFormula(rc, rat(k)), Used: used, Surplus: points - used, Ops: ops}
}
