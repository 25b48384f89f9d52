package fit

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// Model is one closed form that reproduces every term it was given.
type Model struct {
	Method  string // poly2, period3, linrec2+k, lag3+k
	Formula string // for people: a(n) = 3*a(n-1) - a(n-2), a(n) = 1/2*n^2 + ...
	// Used is how many terms determine the model: its free parameters plus
	// the initial terms it starts from. Surplus is how many given terms
	// beyond those it reproduces: the evidence for it.
	Used, Surplus int
	Ops           []ir.Op // a valid program body, START..END, over SLOT_0 = n
}

// MaxOrder is the highest recurrence order fitted; MaxDegree the highest
// polynomial degree; MaxPeriod the longest period.
const (
	MaxOrder  = 5
	MaxDegree = 6
	MaxPeriod = 6
)

// Sequence fits closed forms to the terms ys of a sequence whose first
// term is a(x0), the next a(x0+1) and so on. It returns every model that
// reproduces all of ys with at least one term to spare, simplest (fewest
// terms used) first. Each model's program gives a(n) for n ≥ x0 exactly
// while the values it passes through fit in i32 (recurrences with integer
// coefficients stay exact modulo 2^32, so a(n) is exact whenever it fits).
func Sequence(x0 int64, ys []int64) []Model {
	var out []Model
	add := func(m *Model, err error) {
		if err != nil || m == nil || m.Surplus < 1 {
			return
		}
		out = append(out, *m)
	}
	for d := 0; d <= MaxDegree && d+2 <= len(ys); d++ {
		add(poly(x0, ys, d))
	}
	for p := 1; p <= MaxPeriod && 2*p <= len(ys); p++ {
		add(period(x0, ys, p))
	}
	for pre := 1; pre <= 2; pre++ {
		for p := 1; p <= MaxPeriod && pre+2*p <= len(ys); p++ {
			add(prePeriod(x0, ys, pre, p))
		}
	}
	for lag := 1; lag <= MaxPeriod; lag++ {
		for _, konst := range []bool{false, true} {
			add(lagged(x0, ys, lag, konst))
		}
	}
	for order := 1; order <= MaxOrder; order++ {
		for _, konst := range []bool{false, true} {
			add(recurrence(x0, ys, order, konst))
		}
	}
	for order := 1; order <= 2; order++ {
		add(holonomic(x0, ys, order))
	}
	slices.SortStableFunc(out, func(a, b Model) int { return a.Used - b.Used })
	// one model per behaviour: a period-2 sequence is also a lag-2
	// recurrence and an order-2 one; keep the first (simplest) of each
	seen := map[string]bool{}
	var uniq []Model
	for _, m := range out {
		k := fmt.Sprint(behaviour(m, x0, len(ys)+12))
		if !seen[k] {
			seen[k] = true
			uniq = append(uniq, m)
		}
	}
	return uniq
}

// behaviour is what m's program gives on the n terms from x0.
func behaviour(m Model, x0 int64, n int) []string {
	e, err := ir.Prepare(ir.Program{Name: "fit", Arity: 1, Ops: m.Ops})
	if err != nil {
		return []string{err.Error()}
	}
	out := make([]string, n)
	for i := range out {
		v, err := e.Run([]int32{int32(x0) + int32(i)}, ir.DefaultFuel)
		if err != nil {
			out[i] = "!"
			continue
		}
		out[i] = fmt.Sprint(v)
	}
	return out
}

func rat(v int64) *big.Rat { return big.NewRat(v, 1) }

func rats(ys []int64) []*big.Rat {
	r := make([]*big.Rat, len(ys))
	for i, y := range ys {
		r[i] = rat(y)
	}
	return r
}

// poly fits a polynomial of degree d through the first d+1 terms and keeps
// it if it reproduces the rest. Its program runs the forward-difference
// table from x0, which needs integers only: an integer sequence's
// differences are integers.
func poly(x0 int64, ys []int64, d int) (*Model, error) {
	// forward differences at x0
	diff := slices.Clone(ys[:d+1])
	row := slices.Clone(ys)
	for k := 1; k <= d; k++ {
		for i := 0; i+1 < len(row); i++ {
			row[i] = row[i+1] - row[i]
		}
		row = row[:len(row)-1]
		diff[k] = row[0]
	}
	// the degree-d polynomial through the first d+1 terms has these
	// differences and a zero (d+1)-th one; check the rest
	state := slices.Clone(diff)
	for i := 0; i < len(ys); i++ {
		if state[0] != ys[i] {
			return nil, nil
		}
		for k := 0; k < d; k++ {
			state[k] += state[k+1]
		}
	}
	if d > 0 && diff[d] == 0 {
		return nil, nil // a lower degree fits
	}
	rows := make([]lin, d+1)
	for i := range rows {
		rows[i] = lin{coef: make([]int64, d+1), den: 1}
		rows[i].coef[i] = 1
		if i < d {
			rows[i].coef[i+1] = 1
		}
	}
	ops, err := affine(x0, nil, diff, rows)
	if err != nil {
		return nil, err
	}
	return &Model{Method: fmt.Sprintf("poly%d", d), Formula: polyFormula(x0, ys, d),
		Used: d + 1, Surplus: len(ys) - d - 1, Ops: ops}, nil
}

// polyFormula writes the polynomial through the first d+1 terms in powers of n.
func polyFormula(x0 int64, ys []int64, d int) string {
	a := make([][]*big.Rat, d+1)
	for i := range a {
		a[i] = make([]*big.Rat, d+1)
		for k := range a[i] {
			a[i][k] = new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(x0+int64(i)), big.NewInt(int64(k)), nil))
		}
	}
	c := Solve(a, rats(ys[:d+1]))
	if c == nil {
		return ""
	}
	var terms []string
	for k := d; k >= 0; k-- {
		if c[k].Sign() == 0 {
			continue
		}
		switch k {
		case 0:
			terms = append(terms, c[k].RatString())
		case 1:
			terms = append(terms, c[k].RatString()+"*n")
		default:
			terms = append(terms, fmt.Sprintf("%s*n^%d", c[k].RatString(), k))
		}
	}
	if len(terms) == 0 {
		terms = []string{"0"}
	}
	return "a(n) = " + strings.ReplaceAll(strings.Join(terms, " + "), "+ -", "- ")
}

// period fits a(n) = a(n-p) with the first p terms.
func period(x0 int64, ys []int64, p int) (*Model, error) {
	for i := p; i < len(ys); i++ {
		if ys[i] != ys[i-p] {
			return nil, nil
		}
	}
	ops, err := periodOps(x0, ys[:p])
	if err != nil {
		return nil, err
	}
	vals := make([]string, p)
	for i := range vals {
		vals[i] = fmt.Sprint(ys[i])
	}
	return &Model{Method: fmt.Sprintf("period%d", p), Formula: "a(n) repeats " + strings.Join(vals, ", "),
		Used: p, Surplus: len(ys) - p, Ops: ops}, nil
}

// prePeriod fits terms that are periodic after the first pre of them
// (a continued fraction of a square root, a sequence whose first terms
// are special).
func prePeriod(x0 int64, ys []int64, pre, p int) (*Model, error) {
	for i := pre + p; i < len(ys); i++ {
		if ys[i] != ys[i-p] {
			return nil, nil
		}
	}
	if ys[pre-1] == ys[pre-1+p] {
		return nil, nil // periodic from an earlier term
	}
	body, err := periodOps(x0+int64(pre), ys[pre:pre+p])
	if err != nil {
		return nil, err
	}
	var e error
	ops := []ir.Op{ir.OpStart}
	for j := 0; j < pre; j++ {
		ops = append(ops, ir.OpSlot0)
		ops = constant(ops, x0+int64(j), &e)
		ops = append(ops, ir.OpI32Eq, ir.OpIfBegin)
		ops = constant(ops, ys[j], &e)
		ops = append(ops, ir.OpReturn, ir.OpIfEnd)
	}
	ops, err = finish(append(ops, body[1:]...), e)
	if err != nil {
		return nil, err
	}
	head := make([]string, pre)
	for i := range head {
		head[i] = fmt.Sprint(ys[i])
	}
	vals := make([]string, p)
	for i := range vals {
		vals[i] = fmt.Sprint(ys[pre+i])
	}
	return &Model{Method: fmt.Sprintf("pre%dperiod%d", pre, p), Formula: fmt.Sprintf("a(n) = %s, then repeats %s",
		strings.Join(head, ", "), strings.Join(vals, ", ")), Used: pre + p, Surplus: len(ys) - pre - p, Ops: ops}, nil
}

// lagged fits a(n) = c*a(n-lag) (+ k): a sparse recurrence, p initial terms
// and one or two coefficients, the form of "numbers congruent to {...}
// mod m" and of interleaved progressions.
func lagged(x0 int64, ys []int64, lag int, konst bool) (*Model, error) {
	params := 1
	if konst {
		params = 2
	}
	if lag+params+1 > len(ys) {
		return nil, nil
	}
	rows := make([][]*big.Rat, 0, len(ys)-lag)
	var rhs []*big.Rat
	for i := lag; i < len(ys); i++ {
		r := []*big.Rat{rat(ys[i-lag])}
		if konst {
			r = append(r, rat(1))
		}
		rows = append(rows, r)
		rhs = append(rhs, rat(ys[i]))
	}
	c := solveFirst(rows, rhs, params)
	if c == nil || !fitsAll(rows, rhs, c) {
		return nil, nil
	}
	coef := make([]*big.Rat, lag)
	for j := range coef {
		coef[j] = new(big.Rat)
	}
	coef[lag-1] = c[0]
	k := new(big.Rat)
	if konst {
		k = c[1]
		if k.Sign() == 0 {
			return nil, nil // the form without k fits
		}
	}
	if lag > 1 && c[0].Cmp(rat(1)) == 0 && k.Sign() == 0 {
		return nil, nil // a period
	}
	ops, err := recurrenceOps(x0, ys[:lag], coef, k)
	if err != nil {
		return nil, err
	}
	method := fmt.Sprintf("lag%d", lag)
	if konst {
		method += "+k"
	}
	return &Model{Method: method, Formula: recFormula(coef, k), Used: lag + params, Surplus: len(ys) - lag - params, Ops: ops}, nil
}

// recurrence fits a(n) = c1*a(n-1) + ... + ck*a(n-k) (+ c0) with rational
// coefficients, solved exactly on the first equations and checked on the
// rest.
func recurrence(x0 int64, ys []int64, order int, konst bool) (*Model, error) {
	params := order
	if konst {
		params++
	}
	var rows [][]*big.Rat
	var rhs []*big.Rat
	for i := order; i < len(ys); i++ {
		r := make([]*big.Rat, 0, params)
		for j := 1; j <= order; j++ {
			r = append(r, rat(ys[i-j]))
		}
		if konst {
			r = append(r, rat(1))
		}
		rows = append(rows, r)
		rhs = append(rhs, rat(ys[i]))
	}
	if len(rows) < params+1 {
		return nil, nil
	}
	c := solveFirst(rows, rhs, params)
	if c == nil || !fitsAll(rows, rhs, c) {
		return nil, nil
	}
	k := new(big.Rat)
	if konst {
		k = c[order]
		if k.Sign() == 0 {
			return nil, nil
		}
	}
	if c[order-1].Sign() == 0 {
		return nil, nil // a lower order fits
	}
	ops, err := recurrenceOps(x0, ys[:order], c[:order], k)
	if err != nil {
		return nil, err
	}
	method := fmt.Sprintf("linrec%d", order)
	if konst {
		method += "+k"
	}
	used := order + params
	return &Model{Method: method, Formula: recFormula(c[:order], k), Used: used, Surplus: len(ys) - used, Ops: ops}, nil
}

func recFormula(c []*big.Rat, k *big.Rat) string {
	var terms []string
	for j, cj := range c {
		if cj.Sign() != 0 {
			terms = append(terms, fmt.Sprintf("%s*a(n-%d)", cj.RatString(), j+1))
		}
	}
	if k.Sign() != 0 {
		terms = append(terms, k.RatString())
	}
	return "a(n) = " + strings.ReplaceAll(strings.Join(terms, " + "), "+ -", "- ")
}

// solveFirst solves the first square system of rows whose matrix is not
// singular: the first n equations, or, when they are dependent, the first
// n of them that are independent.
func solveFirst(rows [][]*big.Rat, rhs []*big.Rat, n int) []*big.Rat {
	if c := Solve(rows[:n], rhs[:n]); c != nil {
		return c
	}
	var a [][]*big.Rat
	var b []*big.Rat
	for i := range rows {
		a2, b2 := append(a, rows[i]), append(b, rhs[i])
		if rank(a2) == len(a2) {
			a, b = a2, b2
		}
		if len(a) == n {
			return Solve(a, b)
		}
	}
	return nil
}

func fitsAll(rows [][]*big.Rat, rhs []*big.Rat, c []*big.Rat) bool {
	for i, r := range rows {
		s := new(big.Rat)
		for j, v := range r {
			s.Add(s, new(big.Rat).Mul(v, c[j]))
		}
		if s.Cmp(rhs[i]) != 0 {
			return false
		}
	}
	return true
}

// rank is the rank of a (rows × columns), by elimination on a copy.
func rank(a [][]*big.Rat) int {
	if len(a) == 0 {
		return 0
	}
	m := make([][]*big.Rat, len(a))
	for i := range a {
		m[i] = make([]*big.Rat, len(a[i]))
		for j := range a[i] {
			m[i][j] = new(big.Rat).Set(a[i][j])
		}
	}
	r := 0
	for c := 0; c < len(m[0]) && r < len(m); c++ {
		p := -1
		for i := r; i < len(m); i++ {
			if m[i][c].Sign() != 0 {
				p = i
				break
			}
		}
		if p < 0 {
			continue
		}
		m[r], m[p] = m[p], m[r]
		for i := r + 1; i < len(m); i++ {
			if m[i][c].Sign() == 0 {
				continue
			}
			f := new(big.Rat).Quo(m[i][c], m[r][c])
			for j := c; j < len(m[i]); j++ {
				m[i][j].Sub(m[i][j], new(big.Rat).Mul(f, m[r][j]))
			}
		}
		r++
	}
	return r
}

// Solve solves the square system a·x = b exactly; nil when a is singular.
func Solve(a [][]*big.Rat, b []*big.Rat) []*big.Rat {
	n := len(a)
	m := make([][]*big.Rat, n)
	for i := range a {
		m[i] = make([]*big.Rat, n+1)
		for j := 0; j < n; j++ {
			m[i][j] = new(big.Rat).Set(a[i][j])
		}
		m[i][n] = new(big.Rat).Set(b[i])
	}
	for c := 0; c < n; c++ {
		p := -1
		for r := c; r < n; r++ {
			if m[r][c].Sign() != 0 {
				p = r
				break
			}
		}
		if p < 0 {
			return nil
		}
		m[c], m[p] = m[p], m[c]
		for r := 0; r < n; r++ {
			if r == c || m[r][c].Sign() == 0 {
				continue
			}
			f := new(big.Rat).Quo(m[r][c], m[c][c])
			for j := c; j <= n; j++ {
				m[r][j].Sub(m[r][j], new(big.Rat).Mul(f, m[c][j]))
			}
		}
	}
	x := make([]*big.Rat, n)
	for i := range x {
		x[i] = new(big.Rat).Quo(m[i][n], m[i][i])
	}
	return x
}
