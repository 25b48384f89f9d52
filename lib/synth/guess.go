package synth

import (
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/irsynth/irsynth/lib/results"
	"github.com/irsynth/irsynth/lib/synth/internal/fit"
)

// Guess is a simple peer for the synthesizer on sequence tasks (one operand
// n, examples a(n)): it fits, in this order, a polynomial in n of degree
// 0..4, a period of length 1..5, and a linear recurrence with constant
// rational coefficients of order 1..4 without then with a constant term,
// each solved exactly on the first examples and kept only if it reproduces
// them all. It is the method of ../shared/oeis/guess.py, written again in
// Go so the comparison runs without ../shared.
type Guess struct {
	Method  string // poly2, period3, linrec2+k
	Formula string
	predict func(n int64) *big.Rat
}

// Predict is the guess's a(n), a rational number (a wrong guess may give a
// fraction).
func (g *Guess) Predict(n int64) *big.Rat { return g.predict(n) }

// GuessSequence returns the first guess that fits every example of t, or
// nil. t must have one operand.
func GuessSequence(t Task) *Guess {
	if t.Arity() != 1 {
		return nil
	}
	xs := make([]int64, len(t.Examples))
	ys := make([]*big.Rat, len(t.Examples))
	for i, e := range t.Examples {
		xs[i] = int64(e.Inputs[0])
		ys[i] = big.NewRat(int64(e.Output), 1)
	}
	if g := guessPoly(xs, ys); g != nil {
		return g
	}
	if g := guessPeriod(xs, ys); g != nil {
		return g
	}
	return guessRecurrence(xs, ys)
}

func rat(v int64) *big.Rat { return big.NewRat(v, 1) }

// pow is x^k.
func pow(x int64, k int) *big.Rat {
	r := rat(1)
	for i := 0; i < k; i++ {
		r.Mul(r, rat(x))
	}
	return r
}

func guessPoly(xs []int64, ys []*big.Rat) *Guess {
	for d := 0; d <= 4 && d+2 <= len(xs); d++ {
		a := make([][]*big.Rat, d+1)
		for i := range a {
			a[i] = make([]*big.Rat, d+1)
			for k := range a[i] {
				a[i][k] = pow(xs[i], k)
			}
		}
		c := fit.Solve(a, ys[:d+1])
		if c == nil {
			continue
		}
		f := func(n int64) *big.Rat {
			s := new(big.Rat)
			for k, ck := range c {
				s.Add(s, new(big.Rat).Mul(ck, pow(n, k)))
			}
			return s
		}
		if fits(xs, ys, f) {
			terms := make([]string, len(c))
			for k, ck := range c {
				terms[k] = fmt.Sprintf("%s*n^%d", ck.RatString(), k)
			}
			return &Guess{Method: fmt.Sprintf("poly%d", d), Formula: "a(n) = " + strings.Join(terms, " + "), predict: f}
		}
	}
	return nil
}

func guessPeriod(xs []int64, ys []*big.Rat) *Guess {
	for p := 1; p <= 5; p++ {
		ok := 2*p <= len(ys)
		for i := range ys {
			ok = ok && ys[i].Cmp(ys[i%p]) == 0
		}
		if !ok {
			continue
		}
		p, x0 := p, xs[0]
		f := func(n int64) *big.Rat {
			i := (n - x0) % int64(p)
			if i < 0 {
				i += int64(p)
			}
			return ys[i]
		}
		vals := make([]string, p)
		for i := range vals {
			vals[i] = ys[i].RatString()
		}
		return &Guess{Method: fmt.Sprintf("period%d", p), Formula: "a(n) repeats " + strings.Join(vals, ", "), predict: f}
	}
	return nil
}

func guessRecurrence(xs []int64, ys []*big.Rat) *Guess {
	for order := 1; order <= 4; order++ {
		for _, konst := range []bool{false, true} {
			m := order
			if konst {
				m++
			}
			var rows [][]*big.Rat
			for i := order; i < len(ys); i++ {
				row := make([]*big.Rat, 0, m)
				for j := 1; j <= order; j++ {
					row = append(row, ys[i-j])
				}
				if konst {
					row = append(row, rat(1))
				}
				rows = append(rows, row)
			}
			if len(rows) < m+1 {
				continue
			}
			c := fit.Solve(rows[:m], ys[order:order+m])
			if c == nil {
				continue
			}
			ok := true
			for r, row := range rows {
				ok = ok && dot(row, c).Cmp(ys[order+r]) == 0
			}
			if !ok {
				continue
			}
			order, konst, x0 := order, konst, xs[0]
			f := func(n int64) *big.Rat {
				seq := append([]*big.Rat{}, ys...)
				for int64(len(seq)) <= n-x0 {
					next := new(big.Rat)
					for j := 1; j <= order; j++ {
						next.Add(next, new(big.Rat).Mul(c[j-1], seq[len(seq)-j]))
					}
					if konst {
						next.Add(next, c[len(c)-1])
					}
					seq = append(seq, next)
				}
				if n-x0 < 0 {
					// Python indexes from the end; no judged input is before the examples.
					return seq[int64(len(seq))+(n-x0)]
				}
				return seq[n-x0]
			}
			method := fmt.Sprintf("linrec%d", order)
			terms := make([]string, 0, m)
			for j := 1; j <= order; j++ {
				terms = append(terms, fmt.Sprintf("%s*a(n-%d)", c[j-1].RatString(), j))
			}
			if konst {
				method += "+k"
				terms = append(terms, c[len(c)-1].RatString())
			}
			return &Guess{Method: method, Formula: "a(n) = " + strings.Join(terms, " + "), predict: f}
		}
	}
	return nil
}

func dot(a, b []*big.Rat) *big.Rat {
	s := new(big.Rat)
	for i := range a {
		s.Add(s, new(big.Rat).Mul(a[i], b[i]))
	}
	return s
}

func fits(xs []int64, ys []*big.Rat, f func(int64) *big.Rat) bool {
	for i, x := range xs {
		if f(x).Cmp(ys[i]) != 0 {
			return false
		}
	}
	return true
}

// EvalGuess runs the guesser on the tasks of the shard and judges each
// guess on the checks, exactly (a fraction is wrong).
func EvalGuess(tasks []Task, checks []Checks, shard Shard) []results.TaskResult {
	var out []results.TaskResult
	for i, t := range tasks {
		if !shard.Has(i) {
			continue
		}
		start := time.Now()
		r := results.TaskResult{Index: checks[i].Index, Name: t.Name, Text: t.Text, Status: "not_found", Outcome: results.OutcomeNotFound}
		if g := GuessSequence(t); g != nil {
			r.Status, r.Method, r.Program = "solved", g.Method, g.Formula
			right := true
			for _, k := range checks[i].Cases {
				want := rat(int64(k.Output))
				if got := g.Predict(int64(k.Inputs[0])); got.Cmp(want) != 0 {
					right = false
					r.Failed = fmt.Sprintf("a(%d) = %d, got %s", k.Inputs[0], k.Output, got.RatString())
					break
				}
			}
			r.Right, r.Checks = &right, len(checks[i].Cases)
			r.Outcome = results.OutcomeSolved
			if !right {
				r.Outcome = results.OutcomeWrong
			}
		}
		r.Seconds = time.Since(start).Seconds()
		out = append(out, r)
	}
	return out
}
