package formula

import (
	"errors"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// Candidate is one formula read from a task's text, compiled.
type Candidate struct {
	Source string  // the span of the text it was read from
	Ops    []ir.Op // a whole program body, START..END, over SLOT_0 = n; ir.Validate accepts it
	Expr   string  // the formula, normalized and fully parenthesized
}

// maxText bounds the text Candidates reads (OEIS names are far shorter),
// so its time stays within a few milliseconds.
const maxText = 2000

// Candidates reads every formula it can parse from text: "a(n) = ..."
// spans (and each further "= ..." of a chain), a bare expression in n
// that is the whole first clause ("n^2 reduced mod 100."), and a few
// phrase templates (period, congruence classes, named sequences, "Numbers
// k such that ... is prime"). A named list whose indexing the text leaves
// open yields one candidate per convention (first term at n = 0 or 1).
// Anything it cannot read completely gives no candidate; it never
// guesses. Only arity 1 (a(n)) is supported; other arities get none.
func Candidates(text string, arity int) []Candidate {
	if arity != 1 || len(text) > maxText {
		return nil
	}
	c := collector{seen: map[string]bool{}}
	toks := lex(text)
	c.formulas(text, toks)
	c.phrases(text)
	return c.out
}

type collector struct {
	out  []Candidate
	seen map[string]bool
}

// add normalizes and lowers x (an expression over n) and keeps it unless
// an equal formula was kept already. Of the ways to lower it (plain; exact
// division by an odd constant as multiplication by its inverse), the first
// whose program agrees with the exact value of the formula wherever that
// value fits in i32 (n = 0..scanN, within a work budget) is kept; none, no
// candidate.
func (c *collector) add(source string, x *node) {
	if !x.uses("n") {
		return // a constant is no reading of a sequence's name
	}
	expr := x.String()
	if c.seen[expr] {
		return
	}
	c.seen[expr] = true
	for _, inverse := range []bool{false, true} {
		y, ok := normalize(x, inverse)
		if !ok {
			return
		}
		ops, err := lowerProgram(y)
		if err != nil {
			continue
		}
		if agrees(x, ops) {
			c.out = append(c.out, Candidate{Source: strings.TrimSpace(source), Ops: ops, Expr: expr})
			return
		}
	}
}

// The scan that checks a program against the formula's exact value.
const (
	scanN     = 100     // n = 0..scanN
	scanSteps = 200_000 // evaluator steps, all n together
	scanFuel  = 600_000 // program fuel, all n together
)

// agrees reports whether the program computes formula x: for each n from
// 0 up (see nextScan), where the formula is defined and an integer, the program returns
// exactly that value, until the value leaves i32 (OEIS checks stop there)
// or the budget is spent.
func agrees(x *node, ops []ir.Op) bool {
	e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
	if err != nil {
		return false
	}
	s := scan{x: x, e: e, v: evaluator{steps: scanSteps}, fuel: scanFuel}
	prev := int64(-1)
	for n := int64(0); n <= scanN; n = nextScan(n) {
		switch s.at(n) {
		case scanWrong:
			return false
		case scanCut:
			return s.enough() && finishes(e)
		case scanEnd: // the values left i32 between prev and n: look at each
			for m := prev + 1; m < n; m++ {
				switch s.at(m) {
				case scanWrong:
					return false
				case scanCut:
					return s.enough() && finishes(e)
				case scanEnd:
					return s.enough()
				}
			}
			return s.enough()
		}
		prev = n
	}
	return s.enough()
}

// minAgreed is the fewest values a scan must have compared: a formula the
// evaluator finds undefined nearly everywhere ("p^2 + (p+1)/2 is prime"
// at p = 2) is not known to be what the program computes.
const minAgreed = 5

func (s *scan) enough() bool { return s.agreed >= minAgreed }

type scanResult int

const (
	scanOK    scanResult = iota // agrees at n, or the formula is no integer there
	scanWrong                   // the program's value differs
	scanEnd                     // the formula's value leaves i32
	scanCut                     // the scan's budget is spent
)

type scan struct {
	x      *node
	e      *ir.Exec
	v      evaluator
	fuel   int64
	agreed int // values compared and equal
}

func (s *scan) at(n int64) scanResult {
	r, err := s.v.eval(s.x, n)
	if err == errBudget {
		return scanCut
	}
	if err != nil || !r.IsInt() {
		return scanOK
	}
	want := r.Num()
	if !want.IsInt64() || want.Int64() != int64(int32(want.Int64())) {
		return scanEnd
	}
	limit := min(s.fuel, ir.DefaultFuel)
	got, used, err := s.e.RunFuel([]int32{int32(n)}, limit)
	s.fuel -= used
	if errors.Is(err, ir.ErrFuelExhausted) && limit < ir.DefaultFuel {
		return scanCut // out of scan budget, not of the program's fuel
	}
	if err != nil || int64(got) != want.Int64() {
		return scanWrong
	}
	s.agreed++
	return scanOK
}

// nextScan steps n through 0..30, then every fifth n to scanN: wrapping
// that starts at some n goes on past it, and the sparse tail keeps the scan
// within milliseconds.
func nextScan(n int64) int64 {
	if n < 30 {
		return n + 1
	}
	return n + 5
}

// finishes reports whether the program runs within its fuel at n = scanN,
// for a scan cut short: a program that cannot reach the end of the range
// the checks cover (prime(n^2) by trial division) is not offered.
func finishes(e *ir.Exec) bool {
	_, err := e.Run([]int32{scanN}, ir.DefaultFuel)
	return !errors.Is(err, ir.ErrFuelExhausted)
}

// formulas finds "a(n) = e1 = e2 ..." and a bare expression opening the
// text.
func (c *collector) formulas(text string, toks []token) {
	try := func(start int) int {
		x, end, ok := parseAt(toks, start, "n")
		if !ok || end == start || !boundary(toks, end) {
			return -1
		}
		c.add(text[toks[start].start:toks[end-1].end], x)
		return end
	}
	if end := try(0); end > 0 && toks[end].k == tOp && toks[end].s == "=" {
		for end > 0 && toks[end].k == tOp && toks[end].s == "=" {
			end = try(end + 1)
		}
	}
	for i := 0; i+4 < len(toks); i++ {
		if !isA(toks[i:]) {
			continue
		}
		end := try(i + 5)
		for end > 0 && toks[end].k == tOp && toks[end].s == "=" {
			end = try(end + 1)
		}
	}
}

// isA reports whether toks open with "a(n) =".
func isA(toks []token) bool {
	return toks[0].k == tIdent && toks[0].s == "a" && isOp(toks[1], "(") &&
		toks[2].k == tIdent && toks[2].s == "n" && isOp(toks[3], ")") && isOp(toks[4], "=")
}

func isOp(t token, s string) bool { return t.k == tOp && t.s == s }

// conditional words: a formula followed by one of these in its clause
// holds only in some cases.
var conditional = map[string]bool{"if": true, "when": true, "whenever": true, "unless": true,
	"otherwise": true, "else": true, "except": true, "odd": true, "even": true, "elsewhere": true,
	"conjectured": true, "conjecture": true, "empirical": true, "apparently": true}

// boundary reports whether an expression may end before toks[i]: at the
// end, at punctuation or before "for", "with", "where", and with no
// condition in the rest of its clause.
func boundary(toks []token, i int) bool {
	t := toks[i]
	switch t.k {
	case tEnd:
		return true
	case tOp:
		switch t.s {
		case ".", ",", ";", ":", "=", ")":
		default:
			return false
		}
	case tIdent:
		switch strings.ToLower(t.s) {
		case "for", "with", "where":
		default:
			return false
		}
	default:
		return false
	}
	for ; toks[i].k != tEnd; i++ {
		if isOp(toks[i], ".") || isOp(toks[i], ";") {
			break
		}
		if toks[i].k == tIdent && conditional[strings.ToLower(toks[i].s)] {
			return false
		}
	}
	return true
}
