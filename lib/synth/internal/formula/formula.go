package formula

import (
	"errors"
	"math"
	"math/big"
	"regexp"
	"strconv"
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
func Candidates(text string, arity int) (cs []Candidate) {
	if arity != 1 || len(text) > maxText {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			cs = nil // a bug here must not take the caller down; no candidate is safe
		}
	}()
	return candidates(text)
}

// candidates is Candidates without the recover (the tests call it, so a
// panic shows there).
func candidates(text string) []Candidate {
	if len(text) > maxText {
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
// division by an odd constant as multiplication by its inverse; for a
// polynomial, its binomial basis), the first
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
	try := func(y *node) bool {
		ops, err := lowerProgram(y)
		if err != nil || !agrees(x, ops) {
			return false
		}
		c.out = append(c.out, Candidate{Source: strings.TrimSpace(source), Ops: ops, Expr: expr})
		return true
	}
	for _, inverse := range []bool{false, true} {
		y, ok := normalize(x, inverse)
		if !ok {
			return
		}
		if try(y) {
			return
		}
	}
	if y, ok := binomialBasis(x); ok {
		try(y)
	}
}

// The scan that checks a program against the formula's exact value.
const (
	scanN     = 100     // n = 0..scanN
	scanSteps = 100_000 // evaluator steps, all n together
	scanFuel  = 300_000 // program fuel, all n together
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
			return s.enough() && s.finishes()
		case scanEnd: // the values left i32 between prev and n: look at each
			for m := prev + 1; m < n; m++ {
				switch s.at(m) {
				case scanWrong:
					return false
				case scanCut:
					return s.enough() && s.finishes()
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
	agreed int             // values compared and equal
	used   map[int64]int64 // fuel each run used, by n
	lastN  int64           // the largest n run
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
	if s.used == nil {
		s.used = map[int64]int64{}
	}
	s.used[n] = used // a whole run's fuel
	s.lastN = max(s.lastN, n)
	if err != nil || int64(got) != want.Int64() {
		return scanWrong
	}
	s.agreed++
	return scanOK
}

// nextScan steps n through 0..12, then by about a fifth of n up to scanN:
// wrapping that starts at some n goes on past it (and where the values
// leave i32, agrees looks at every n before), and the sparse tail keeps
// the scan within milliseconds.
func nextScan(n int64) int64 {
	if n < 12 {
		return n + 1
	}
	if n < scanN && n+n/5 > scanN {
		return scanN
	}
	return n + n/5
}

// finishes reports whether the program will run within its fuel at
// n = scanN, for a scan cut short: a program that cannot reach the end of
// the range the checks cover (prime(n^2) by trial division) is not
// offered. The fuel at scanN is extrapolated from the runs at lastN and
// at about lastN/2 (lastN >= 20) as a power of n (at least n^1.5): under
// half of ir.DefaultFuel passes, past four times fails, and in between the
// program is run at scanN and must finish within three quarters of it (a
// run that costs up to ten milliseconds, so only where the estimate is
// unsure). And every list's predicate must fit in i32 up to where the
// list will be at scanN (listsFit).
func (s *scan) finishes() bool {
	if s.lastN < 20 {
		return false // too short a trend to extrapolate
	}
	n1 := int64(0) // the largest n run at most 0.6 lastN
	for n := range s.used {
		if 10*n <= 6*s.lastN && n > n1 {
			n1 = n
		}
	}
	f1, f2 := s.used[n1], s.used[s.lastN]
	if n1 == 0 || f1 <= 0 {
		return false
	}
	p := max(1.5, math.Log(float64(f2)/float64(f1))/math.Log(float64(s.lastN)/float64(n1)))
	switch est := float64(f2) * math.Pow(float64(scanN)/float64(s.lastN), p); {
	case est < ir.DefaultFuel/2:
	case est < 4*ir.DefaultFuel: // unsure: run it there, with a margin
		if _, err := s.e.Run([]int32{scanN}, ir.DefaultFuel*3/4); err != nil {
			return false
		}
	default:
		return false
	}
	return s.listsFit()
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
		// a(n) = e1 = e2 ...: e1 may be a recurrence in a(n-1), a(n-2), ...
		x, end, ok := parseLags(toks, i+5)
		if !ok || !boundary(toks, end) {
			continue
		}
		if ord := lagOrder(x); ord > 0 {
			c.recurrence(text, text[toks[i].start:toks[end-1].end], x, ord)
			continue
		}
		c.add(text[toks[i+5].start:toks[end-1].end], x)
		for end > 0 && toks[end].k == tOp && toks[end].s == "=" {
			end = try(end + 1)
		}
	}
}

// lagOrder is the largest j of the a(n-j) that x reads (0: none).
func lagOrder(x *node) int {
	ord := 0
	if x.k == kVar && len(x.name) == 2 && x.name[0] == 'a' {
		ord = int(x.name[1] - '0')
	}
	for _, k := range x.kids {
		ord = max(ord, lagOrder(k))
	}
	return ord
}

var (
	// "a(0) = a(1) = 1", "a(2)=0": the given terms
	reInit    = regexp.MustCompile(`((?:a\((\d+)\)\s*=\s*)+)(-?\d+)`)
	reInitIdx = regexp.MustCompile(`a\((\d+)\)`)
	// "starting 1,1,1,3"
	reStarting = regexp.MustCompile(`(?i)\b(?:starting|beginning)(?: with)?:? (-?\d+(?:\s*,\s*-?\d+)+)`)
)

// initialTerms reads the terms a text gives: a(i) = v (chains too); a
// value followed by an operator or a letter is a formula, not a term.
func initialTerms(text string) map[int64]int64 {
	terms := map[int64]int64{}
	for _, m := range reInit.FindAllStringSubmatchIndex(text, -1) {
		rest := strings.TrimLeft(text[m[1]:], " ")
		if rest != "" {
			c := rest[0]
			if strings.IndexByte("*/^+-(", c) >= 0 || isLetter(c) || c >= '0' && c <= '9' ||
				c == '.' && len(rest) > 1 && rest[1] >= '0' && rest[1] <= '9' {
				continue
			}
		}
		v, err := strconv.ParseInt(text[m[6]:m[7]], 10, 32)
		if err != nil {
			continue
		}
		for _, im := range reInitIdx.FindAllStringSubmatch(text[m[2]:m[3]], -1) {
			i, err := strconv.ParseInt(im[1], 10, 32)
			if err != nil || i > 20 {
				continue
			}
			if old, seen := terms[i]; seen && old != v {
				return nil // the text gives two values: not a reading we trust
			}
			terms[i] = v
		}
	}
	return terms
}

// recurrence adds a(n) = body(n, a(n-1), ..., a(n-ord)) started from the
// terms the text gives: a(i0), a(i0+1), ... (at least ord of them,
// consecutive), or a list after "starting" read from a(0) or from a(1).
func (c *collector) recurrence(text, source string, body *node, ord int) {
	body = rename(body, "n", "i_")
	mk := func(i0 int64, vals []int64) {
		if len(vals) < ord || len(vals) > 30 {
			return
		}
		c.add(source, &node{k: kRec, val: i0, vals: vals, ord: ord, kids: []*node{vr("n"), body}})
	}
	if terms := initialTerms(text); len(terms) > 0 {
		i0 := int64(1 << 40)
		for i := range terms {
			i0 = min(i0, i)
		}
		var vals []int64
		for i := i0; ; i++ {
			v, ok := terms[i]
			if !ok {
				break
			}
			vals = append(vals, v)
		}
		mk(i0, vals)
		return
	}
	if m := reStarting.FindStringSubmatch(text); m != nil {
		var vals []int64
		for _, f := range strings.Split(m[1], ",") {
			v, err := strconv.ParseInt(strings.TrimSpace(f), 10, 32)
			if err != nil {
				return
			}
			vals = append(vals, v)
		}
		mk(0, vals)
		mk(1, vals)
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

// listsFit reports whether each list ("Numbers k such that k^3 - 2 is
// prime") in the formula computes its predicate without wrapping up to
// where the list will be at n = scanN: the list's terms at lastN and
// lastN/2, grown as a power of n (at least linear) with a margin, give that
// x, and every part of the predicate is evaluated there.
func (s *scan) listsFit() bool {
	ok := true
	var walk func(x *node)
	walk = func(x *node) {
		if x.k == kNth {
			ok = ok && s.listFits(x)
		}
		for _, k := range x.kids {
			walk(k)
		}
	}
	walk(s.x)
	return ok
}

func (s *scan) listFits(list *node) bool {
	v := evaluator{steps: scanSteps}
	at := func(n int64) (float64, bool) {
		r, err := v.eval(list, n)
		if err != nil || !r.IsInt() || !r.Num().IsInt64() {
			return 0, false
		}
		return float64(r.Num().Int64()), true
	}
	x1, ok1 := at(s.lastN / 2)
	x2, ok2 := at(s.lastN)
	if !ok1 || !ok2 || x1 <= 0 || x2 <= 0 {
		return false
	}
	p := max(1, math.Log(x2/x1)/math.Log(float64(s.lastN)/float64(s.lastN/2)))
	xmax := 1.25 * x2 * math.Pow(float64(scanN)/float64(s.lastN), p)
	if xmax > 1<<31-1 {
		return false
	}
	fits := true
	var walk func(x *node)
	walk = func(x *node) {
		if x.k == kNth || x.k == kSum || x.k == kProd || x.k == kSumDiv {
			return // their own variables: not evaluated here
		}
		r, err := v.evalAt(x, map[string]*big.Rat{list.name: ratInt(int64(xmax))})
		if err == nil && (r.Num().BitLen() > 31 || r.Denom().BitLen() > 31) {
			fits = false
		}
		for _, k := range x.kids {
			walk(k)
		}
	}
	walk(list.kids[1])
	return fits
}
