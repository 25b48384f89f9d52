package formula

// The scan: each program is compared with the exact value of its formula
// before it is offered (see agrees).

import (
	"errors"
	"math"
	"math/big"

	"github.com/irsynth/irsynth/lib/ir"
)

// The scan that checks a program against the formula's exact value.
const (
	scanN     = 100     // n = 0..scanN
	scanSteps = 100_000 // evaluator steps, all n together
	scanFuel  = 300_000 // program fuel, all n together
	// listScanFuel is scanFuel for a formula with a list: a list of
	// sparse numbers ("Numbers having three 2's in base 9.") costs
	// thousands of predicate runs from its first terms on
	listScanFuel = 3_000_000
)

// minAgreed is the fewest values a scan must have compared: a formula the
// evaluator finds undefined nearly everywhere ("p^2 + (p+1)/2 is prime"
// at p = 2) is not known to be what the program computes.
const minAgreed = 5

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
	cut    string          // what cut the scan short: the evaluator's steps or the programs' fuel
	// wide: the program divides by constants through residues
	// (wide_div.go), so a quotient's numerator may wrap (partsFit)
	wide bool
	// big: the program builds the arguments of digit functions as long
	// numbers (wide_digits.go), so they may pass i32 (partsFit)
	big bool
	// skips: the n passed over, the formula having no integer value
	// there (sound.go)
	skips []skipPoint
	ops   []ir.Op // the program (for skipAudit)
}

// agrees reports whether the program computes formula x: for each n from
// 0 up (see nextScan), where the formula is defined and an integer, the
// program returns exactly that value, until the value leaves i32 (OEIS
// checks stop there) or the budget is spent (then see finishes).
//
// lists holds what the exact evaluator found of each list, shared by
// the scans of one text (nil: none kept).
func agrees(x *node, ops []ir.Op, lists map[listKey]*nthMemo) bool {
	return agreesWhy(x, ops, lists) == ""
}

// agreesWhy is agrees, saying why not: "" when the program agrees, else
// the reason it was refused (the measure test's -oeis.why ranks them).
func agreesWhy(x *node, ops []ir.Op, lists map[listKey]*nthMemo) string {
	return agreesScan(x, ops, lists, scanPlain)
}

// scanMode says which lowering made a program agreesScan checks.
type scanMode int

const (
	scanPlain   scanMode = iota
	scanRingDiv          // divisions through residues (eqn_ring.go, wide_div.go)
	scanBig              // long numbers in memory for digits (wide_digits.go)
)

// bigScanFuel is the scan's extra fuel for a program that builds long
// numbers (n! to n = 100 takes some 10^5 fuel a run).
const bigScanFuel = 3_000_000

// agreesScan is agreesWhy for a program of the lowering mode says.
func agreesScan(x *node, ops []ir.Op, lists map[listKey]*nthMemo, mode scanMode) (why string) {
	wide := mode == scanRingDiv
	e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
	if err != nil {
		return "prepare: " + err.Error()
	}
	s := scan{x: x, e: e, v: evaluator{steps: scanSteps, memo: lists}, fuel: scanFuel, wide: wide, big: mode == scanBig, ops: ops}
	// points passed over: sound.go
	defer func() { why = s.soundWhy(why) }()
	if has(x, kNth) || hasCall(x, "digrank_") || hasCall(x, "runrank_") || hasCall(x, "powprod_") { // sets3_digits.go, sets3_runs.go: a list ranked
		s.fuel = listScanFuel
	}
	if isAutomaton(x) {
		s.fuel = autoScanFuel // automata.go: every run simulates its stages
	}
	if isSieved(ops) {
		s.fuel += sieveScanFuel // each run builds its sieve first (coverage_sieve.go)
	}
	if isPascal(ops) {
		s.fuel += pascalScanFuel // each run fills its rows of Pascal's triangle (eqn_pascal.go)
	}
	if mode == scanBig {
		s.fuel += bigScanFuel
	}
	prev := int64(-1)
	next := nextScan
	switch {
	case has(x, kTri):
		// a table's values do not grow with n: a row's middle may wrap
		// while the next row's first entries fit again, so look at every n
		next = func(n int64) int64 { return n + 1 }
	case has(x, kNth):
		// a list runs from its start at every n, so its runs cost more
		// and more: sparser, to reach n = 20 (for finishes) within the
		// budget; a list grows, and listsFit checks its predicate
		next = nextListScan
	}
	for n := int64(0); n <= scanN; n = next(n) {
		switch s.at(n) {
		case scanWrong:
			return s.wrongAt(n)
		case scanCut:
			return s.cutWhy()
		case scanEnd: // the values left i32 between prev and n: look at each
			for m := prev + 1; m < n; m++ {
				switch s.at(m) {
				case scanWrong:
					return s.wrongAt(m)
				case scanCut:
					return s.cutWhy()
				case scanEnd:
					return s.enoughWhy()
				}
			}
			return s.enoughWhy()
		}
		prev = n
	}
	return s.enoughWhy()
}

// has reports whether x contains a node of kind k.
func has(x *node, k kind) bool {
	if x.k == k {
		return true
	}
	for _, c := range x.kids {
		if has(c, k) {
			return true
		}
	}
	return false
}

func (s *scan) enough() bool { return s.agreed >= minAgreed }

func (s *scan) at(n int64) scanResult {
	r, err := s.v.eval(s.x, n)
	if err == errBudget {
		s.cut = "evaluator steps"
		return scanCut
	}
	if err != nil || !r.IsInt() {
		s.skipAt(n, err) // sound.go
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
		s.cut = "scan fuel"
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

// nextListScan steps n through 0..8, then by about 2/5 of n up to scanN.
func nextListScan(n int64) int64 {
	if n < 8 {
		return n + 1
	}
	if n < scanN && n+2*n/5 > scanN {
		return scanN
	}
	return n + 2*n/5
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
func (s *scan) finishes() bool { return s.finishesWhy() == "" }

// finishesWhy is finishes, saying why not ("" when it finishes).
func (s *scan) finishesWhy() string {
	if s.lastN < 20 {
		return "cut before n=20" // too short a trend to extrapolate
	}
	n1 := int64(0) // the largest n run at most 0.6 lastN
	for n := range s.used {
		if 10*n <= 6*s.lastN && n > n1 {
			n1 = n
		}
	}
	f1, f2 := s.used[n1], s.used[s.lastN]
	if n1 == 0 || f1 <= 0 {
		return "no fuel trend"
	}
	p := max(1.5, math.Log(float64(f2)/float64(f1))/math.Log(float64(s.lastN)/float64(n1)))
	switch est := float64(f2) * math.Pow(float64(scanN)/float64(s.lastN), p); {
	case est < ir.DefaultFuel/2:
	case est < 4*ir.DefaultFuel: // unsure: run it there, with a margin
		if _, err := s.e.Run([]int32{scanN}, ir.DefaultFuel*3/4); err != nil {
			return "fuel at n=100: " + err.Error()
		}
	default:
		return "fuel at n=100 estimated past 4*DefaultFuel"
	}
	if !s.listsFit() {
		return "a list's predicate wraps by n=100"
	}
	if !s.partsFit() {
		return "a part wraps by n=100"
	}
	return ""
}

// partsFit reports whether, at a few n between lastN and scanN where the
// formula's value fits in i32, every part of the formula does too: a scan
// cut short has not seen those n, and a part that wraps there ("the
// largest prime factor of (1+n^2)*(1+n^3)" factors a wrapped product)
// makes the program wrong while its value still fits. Inside "mod", ring
// operations are reduced as they go (lower.go: ring), so only the
// others count there. Parts with variables of their own (the body of a
// sum) are not evaluated alone.
func (s *scan) partsFit() bool {
	var parts []*node // the parts to evaluate, and whether each is under a mod's ring
	var walk func(x *node, ring, mod bool)
	walk = func(x *node, ring, mod bool) {
		switch x.k {
		case kSum, kProd, kSumDiv, kNth, kRec, kTri, kPart, kDnc:
			return // variables of their own; lists are listsFit's
		}
		isRing := x.k == kAdd || x.k == kSub || x.k == kMul || x.k == kNeg || x.k == kPow
		quot := s.wide && !ring && wideQuotient(x) // its numerator may wrap
		// under a mod, the ringDiv lowering reduces binomials, factorials
		// and Fibonacci and Lucas numbers as it goes (their arguments must fit)
		reduced := s.wide && mod && wideReduced(x)
		if !(ring && isRing) && !reduced && x.k != kNum && x.k != kVar && x != s.x {
			parts = append(parts, x)
		}
		for j, k := range x.kids {
			if s.big && j == 0 && bigDigitCall(x) {
				continue // built as a long number
			}
			inMod := x.k == kMod && j == 0 || mod && isRing
			walk(k, inMod || ring && isRing || quot && j == 0, inMod)
		}
	}
	walk(s.x, false, false)
	if len(parts) == 0 {
		return true
	}
	v := evaluator{steps: scanSteps} // one for all: lists keep what they found
	for i := int64(1); i <= 4; i++ {
		n := s.lastN + i*(scanN-s.lastN)/4
		r, err := v.eval(s.x, n)
		if err == errUndefined || err == nil && (!r.IsInt() || r.Num().BitLen() > 31) {
			continue // no term here, or past where the checks stop
		}
		// the formula's value fits, or is too costly to know: its parts must fit
		for _, x := range parts {
			r, err := v.eval(x, n)
			if err == nil && (r.Num().BitLen() > 31 || r.Denom().BitLen() > 31) {
				return false
			}
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
	var walk func(x *node, ring bool)
	walk = func(x *node, ring bool) {
		if x.k == kNth || x.k == kSum || x.k == kProd || x.k == kSumDiv {
			return // their own variables: not evaluated here
		}
		// inside "mod", ring operations are reduced as they go (as in partsFit)
		isRing := x.k == kAdd || x.k == kSub || x.k == kMul || x.k == kNeg || x.k == kPow
		if !(ring && isRing) {
			r, err := v.evalAt(x, map[string]*big.Rat{list.name: ratInt(int64(xmax))})
			if err == nil && (r.Num().BitLen() > 31 || r.Denom().BitLen() > 31) {
				fits = false
			}
		}
		for j, k := range x.kids {
			walk(k, x.k == kMod && j == 0 || ring && isRing)
		}
	}
	walk(list.kids[1], false)
	return fits
}
