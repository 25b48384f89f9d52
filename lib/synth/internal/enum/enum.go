// Package enum is lib/synth's search: a bottom-up enumeration, cheapest
// first, of the terms of a small functional language with loop combinators
// (Gauthier & Urban's QSynt: loop, loop2, compr; and while, while2), fixed
// loops for digit sums and reversals (digsum, digrev) and the caller's
// constants, with observational equivalence (one term per behaviour),
// terms evaluated directly with the IR's i32 semantics, and every answer
// lowered to IR loops.
//
// The candidates of one loop body are answered from one cached run of it
// at each point (cache.go): loop(f, a, b) for every count a from the same
// start b is a prefix of one trajectory, compr(f, a) for every a reads the
// zeros of f found so far; value, trap and fuel are exactly those of a
// fresh run (TestCacheExact). At an example with an operand too large for
// a candidate's fuel (largePoints), a loop that runs out leaves its value
// there unknown, kept apart in the pools, and a candidate that fits every
// other example is run there in full before it counts as an answer.
//
// Beside it, on one-operand tasks whose outputs could be counts of steps,
// a steps search (steps.go) takes a third of the time: while(f, c, n) with
// f and c terms of x alone, built once in a pool of their own, f possibly
// cond(g, a, b) of three of them, tried on the examples' orbits; it finds
// step functions (Collatz's 3x+1 walk, cost 19 in all) far past the level
// the main search reaches, and such an answer is never called complete.
package enum

import (
	"math"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
)

// Costs is the cost of each production; a term costs the sum over its
// nodes. Uniform (every production 1) enumerates the smallest terms first;
// a learned guide makes likely productions cheap.
type Costs [NumOps]int

// Uniform is the unguided cost model. The five-child loop2 and the
// constant 10 cost 2: they are rarer, and loop2 multiplies the work of a
// level; while2, loop2's sibling, costs 2 too. Every other production, the caller's constants included, costs 1.
func Uniform() Costs {
	var c Costs
	for i := range c {
		c[i] = 1
	}
	c[OpLoop2] = 2
	c[OpWhile2] = 2
	c[OpTen] = 2
	return c
}

// Options bound a search.
type Options struct {
	Deadline      time.Time // zero: none
	MaxCandidates int64     // zero: none
	MaxCost       int       // highest cost level (zero: 60)
	Costs         Costs     // zero value: Uniform
	// Poll is called with the candidates so far and the level every few
	// thousand candidates; true stops the search ("cancelled").
	Poll func(candidates int64, level int) bool
	// Extra are inputs beyond the examples on which every term is also
	// evaluated, so that terms agreeing on the examples but not there stay
	// apart and rival answers surface (at most 64 - examples).
	Extra [][]int32
	// Check are more inputs on which rival answers are compared.
	Check [][]int32
	// Far: the last Far inputs of Check are far from the examples
	// (anywhere in the i32 range): rivals are compared there, but an
	// answer that wraps only there is not unsure for it (WatchWrap),
	// since the value asked for is often beyond i32 whatever the program.
	Far int
	// Outside are inputs beyond the domain the examples show (negative
	// operands where every example's are non-negative). Rivals are not
	// compared there, except on categorical tasks (Predicate, and every
	// example's output is -1, 0 or 1, at least two of them): there an
	// answer giving a value the examples never show is unsure, and two
	// answers that both give values the examples show but disagree are
	// rivals.
	Outside [][]int32
	// Predicate: the examples sample a domain, not a sequence's first
	// terms (which may be 0/1 while later ones are not), so outputs that
	// are all -1, 0 or 1 are a predicate's (or a sign's) values, and a
	// value outside them rules a rival out, on Check and Outside inputs
	// alike, and makes the best answer unsure.
	Predicate bool
	// WatchWrap: an answer whose arithmetic wraps around 32 bits on a
	// Check input, where it never does on the examples, is ambiguous (the
	// examples say nothing about wrapping). For tasks whose inputs are
	// samples of a domain, not the first terms of a sequence.
	WatchWrap bool
	// Slack is how many cost levels past the first answer are searched
	// for rivals (0: 1; negative: none): the next within the budget, any
	// after it within a grace time.
	Slack int
	// Evidence is how many bits the examples' outputs carry (synth's
	// estimate); when it is under 3 bits per cost unit of the first answer,
	// the rival search goes one level further than Slack (0: never).
	Evidence float64
	// Fuel is the fuel (as the IR counts it: opcodes of loop bodies) a
	// candidate may burn over all its points together (0: 100,000); a
	// candidate that needs more is dropped.
	Fuel int64
	// Verify, when set, accepts or rejects a lowered answer (the caller
	// runs it in the IR interpreter); rejected answers are dropped.
	Verify func(ops []ir.Op) bool
	// PoolLimit bounds the terms kept per pool (0: 1,000,000).
	PoolLimit int
	// NoSteps turns the steps search (steps.go) off; it takes a share of
	// the time, so with it a search's candidates depend on timing.
	NoSteps bool
	// Constants are extra constant leaves (production const, at
	// Costs[OpConst] each), e.g. the numbers written in the task's text
	// (TextConstants): "Primes congruent to 14 mod 45" gives 14 and 45.
	// Duplicates and the language's own constants 0, 1, 2, 10 are skipped;
	// at most MaxConstants are used.
	Constants []int32
}

// MaxConstants bounds Options.Constants: each one is a leaf that every
// level combines with.
const MaxConstants = 8

// Example is one input with its output.
type Example struct {
	In  []int32
	Out int32
}

// Answer is one term that fits every example, with its IR.
type Answer struct {
	Term  string
	Ops   []ir.Op
	Cost  int
	Prods []Op // the productions it uses, once each per node
	id    int32
}

// Ambiguity: an input where near-cost answers disagree.
type Ambiguity struct {
	Input []int32
	Alts  []Alt // the best answer first
}

// Alt is one answer's value at Ambiguity.Input.
type Alt struct {
	Answer Answer
	Out    int32
	Err    string
}

// Result is the outcome of a search.
type Result struct {
	Found      bool
	Best       Answer
	Rivals     int // other fitting answers of near cost that were compared
	Ambiguity  *Ambiguity
	Candidates int64
	// Tried is how many candidates the search had tried when it finished
	// the level of its first answer: the distinct programs that answer
	// was chosen among (0 when no answer was found).
	Tried int64
	// Complete: every term of the answer's level and the next was tried
	// (none dropped for time or memory), so no rival that near was missed.
	Complete bool
	Level    int    // cost level reached
	Stopped  string // why it ended without an answer: time, candidates, exhausted, cancelled, memory
}

var debugLevels = false

// cacheOff evaluates every loop candidate afresh, and searchDone sees each
// search's end: for the tests that hold the cache to fresh evaluation.
var (
	cacheOff   bool
	searchDone func(*searcher)
)

// maxRivals bounds the fitting answers verified and compared with the best.
const maxRivals = 24

// maxAnswers bounds the fitting answers a search keeps.
const maxAnswers = 400

type searcher struct {
	opt     Options
	c       Costs
	t       *Terms
	arity   int
	nex     int
	target  []int32
	closed  *pool
	open    *pool
	cand    int64
	work    int64 // fuel burnt since the budget was last checked
	stopped string
	level   int
	answers []Answer
	buf     []int32
	kids    [5]int32
	consts  []int32 // Options.Constants, deduplicated
	splits  map[[2]int][][]int
	cache   trajs // runs of the current loop body (cache.go)
	// the steps search (steps.go), run from tick while it is behind its
	// share of the time; first: the level of the main search's first
	// answer, stepsFirst: the cost of the steps search's (-1: none yet)
	steps             *stepSearch
	yield             func() bool // the steps search's: give control back (false: end)
	inSteps           bool
	first, stepsFirst int
	start             time.Time
	examples          []Example
	// unknownFuel is the fuel the runs of fitsUnknown burnt; skipped: some
	// fitting candidate was not run (maxUnknownFuel)
	unknownFuel int64
	skipped     bool
}

// Run searches for a term of the given arity that reproduces every example.
func Run(arity int, examples []Example, opt Options) Result {
	if opt.MaxCost == 0 {
		opt.MaxCost = 60
	}
	if opt.Costs == (Costs{}) {
		opt.Costs = Uniform()
	}
	if opt.Fuel == 0 {
		opt.Fuel = 100_000
	}
	if opt.PoolLimit == 0 {
		opt.PoolLimit = 1_000_000
	}
	if opt.Slack == 0 {
		opt.Slack = 1
	}
	extra := opt.Extra
	if len(examples)+len(extra) > 64 {
		extra = extra[:64-len(examples)]
	}
	s := &searcher{opt: opt, c: opt.Costs, t: &Terms{}, arity: arity, nex: len(examples), splits: map[[2]int][][]int{}}
	var points []env
	for _, e := range examples {
		var n [4]int32
		copy(n[:], e.In)
		points = append(points, env{n: &n})
		s.target = append(s.target, e.Out)
	}
	for _, in := range extra {
		var n [4]int32
		copy(n[:], in)
		points = append(points, env{n: &n})
	}
	s.cache.off = cacheOff
	s.consts = constants(opt.Constants)
	s.closed = newPool(points, opt.PoolLimit)
	s.closed.large = largePoints(s.closed.ns, arity, opt.Fuel)
	s.open = newPool(probes(examples), opt.PoolLimit)
	s.buf = make([]int32, 64)

	gap := math.MaxInt
	for _, op := range []Op{OpLoop, OpLoop2, OpCompr, OpWhile, OpWhile2} {
		if s.c[op] > 0 {
			gap = min(gap, s.c[op]+op.Arity()-1)
		}
	}
	openDone := 0
	res := Result{}
	first := -1
	start := time.Now()
	steps := newSteps(s, examples)
	s.steps, s.stepsFirst, s.start, s.examples, s.first = steps, -1, start, examples, -1
	if steps != nil {
		defer steps.close()
	}
	mainFull := 0 // every level up to this one was searched completely
	for l := 1; l <= opt.MaxCost && s.stopped == ""; l++ {
		s.level = l
		res.Level = l
		// loop bodies of cost up to l-gap can appear at level l: the open
		// pool runs that far behind, which spares its largest levels
		for openDone < l-gap && s.stopped == "" {
			openDone++
			s.genLevel(s.open, openDone, true)
		}
		if s.stopped == "" {
			s.genLevel(s.closed, l, false)
		}
		if debugLevels {
			println("level", l, "closed", len(s.closed.at(l)), "open", openDone, len(s.open.at(openDone)), "cand", s.cand, "t", time.Since(start).String())
		}
		full := s.stopped == "" && len(s.closed.ids) < opt.PoolLimit && len(s.open.ids) < opt.PoolLimit && !s.skipped
		if full && mainFull == l-1 {
			mainFull = l
		}
		s.runSteps()
		if len(s.answers) > 0 && first < 0 {
			first = l
			s.first = l
			res.Tried = s.cand
			if opt.Evidence > 0 && opt.Evidence < 3*float64(l) && opt.Slack > 0 {
				// few bits of examples for a program this size: cheap
				// programs fit them by chance, so look one level further
				opt.Slack++
			}
			if opt.Slack < 0 {
				res.Complete = full
				break
			}
			continue // the next level, within the budget: it decides Complete
		}
		if first >= 0 && l == first+1 {
			res.Complete = full
			// later levels only add rivals: they get as long again as the
			// search took so far (at least half a second), within budget;
			// twice as long when the examples' few bits asked for one
			// more level on a task that samples a domain (WatchWrap; a
			// sequence's searches keep the timing its judge was trained on)
			mult := time.Duration(1)
			if opt.Slack > 1 && opt.WatchWrap {
				mult = 2
			}
			grace := time.Now().Add(max(500*time.Millisecond, mult*time.Since(start)))
			if s.opt.Deadline.IsZero() || grace.Before(s.opt.Deadline) {
				s.opt.Deadline = grace
			}
		}
		if first >= 0 && l >= first+opt.Slack {
			break
		}
		if len(s.closed.ids) >= opt.PoolLimit && len(s.open.ids) >= opt.PoolLimit && s.stopped == "" {
			s.stopped = "memory"
		}
	}
	res.Candidates = s.cand
	if searchDone != nil {
		searchDone(s)
	}
	answers := s.answers
	if steps != nil && len(steps.answers) > 0 {
		answers = steps.merge(s.answers)
		if first < 0 || answers[0].Cost < first {
			// the best answer is the steps search's: complete only when
			// the main search (which would have found it too) and the
			// steps search both went a level past it
			res.Complete = mainFull > answers[0].Cost && steps.through > answers[0].Cost
		}
	}
	// answers come in cost order; keep those the caller verifies
	var ok []Answer
	for _, a := range answers {
		if len(ok) > 0 && (len(ok) > maxRivals || a.Cost > ok[0].Cost+max(opt.Slack, 0)) {
			break
		}
		ops, err := Lower(s.t, a.id, arity)
		if err != nil {
			continue
		}
		if opt.Verify != nil && !opt.Verify(ops) {
			continue
		}
		a.Ops = ops
		ok = append(ok, a)
	}
	if len(ok) == 0 {
		if s.stopped == "" {
			s.stopped = "exhausted"
		}
		res.Stopped = s.stopped
		return res
	}
	all := ok
	var set map[int32]bool
	if opt.Predicate {
		set = categories(examples)
	}
	if opt.WatchWrap {
		ok = s.prefer(ok, examples, set)
	}
	res.Found = true
	res.Best = ok[0]
	var rivals []Answer
	for _, a := range all {
		if a.id != ok[0].id && opt.Slack >= 0 && a.Cost <= ok[0].Cost+max(opt.Slack, 0) {
			rivals = append(rivals, a)
		}
	}
	res.Rivals = len(rivals)
	res.Ambiguity = s.ambiguity(ok[0], rivals, append(append([][]int32(nil), extra...), opt.Check...), set)
	if res.Ambiguity == nil && set != nil {
		res.Ambiguity = s.categorical(ok[0], rivals, opt.Outside, set)
	}
	if res.Ambiguity == nil && opt.WatchWrap {
		res.Ambiguity = s.wraps(ok[0], examples, opt.Check[:len(opt.Check)-min(max(opt.Far, 0), len(opt.Check))])
	}
	if s.stopped == "cancelled" {
		res.Stopped = s.stopped
	}
	return res
}

// constants keeps the distinct values of cs that the language's own
// constants do not already give, at most MaxConstants.
func constants(cs []int32) []int32 {
	var out []int32
	seen := map[int32]bool{0: true, 1: true, 2: true, 10: true}
	for _, v := range cs {
		if !seen[v] && len(out) < MaxConstants {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// largePoints marks the inputs with an operand so large that a loop over
// it (at least 10 fuel a pass, the cheapest loop body) would burn more
// than a hundredth of a candidate's fuel: above 100 in absolute value at
// the default 100,000. There, a loop candidate that runs out of its fuel is not
// dropped: its value is unknown (the pool keeps that apart from every
// value), and a candidate that fits every other example is run on it in
// full (fitsUnknown). So a loop over n can answer "number of divisors"
// from an example at n = 45036, or compr "integer square root" from one
// at 751789091, which no candidate's fuel reaches.
func largePoints(ns [][4]int32, arity int, fuel int64) uint64 {
	var m uint64
	for i, n := range ns {
		for _, v := range n[:arity] {
			if a := int64(v); a*10 > fuel/100 || -a*10 > fuel/100 {
				m |= 1 << i
			}
		}
	}
	return m
}

// probes are the open pool's points: pairs (x, y) spread over small and
// larger values, paired with the operands of two of the examples.
func probes(examples []Example) []env {
	xy := [][2]int32{{0, 1}, {1, 1}, {2, 1}, {3, 2}, {5, 3}, {-1, 1}, {7, 4}, {13, 5}, {27, 6},
		{100, 7}, {-7, 2}, {64, 3}, {10, 10}, {6, 9}, {2, 5}, {1, 8}}
	var picks []int
	switch len(examples) {
	case 1:
		picks = []int{0}
	default:
		picks = []int{len(examples) / 2, len(examples) - 1}
	}
	var out []env
	for _, i := range picks {
		for _, p := range xy {
			var n [4]int32
			copy(n[:], examples[i].In)
			out = append(out, env{n: &n, x: p[0], y: p[1]})
		}
	}
	return out
}

// tick counts one candidate and checks the budget every 4096, or sooner
// when loops have burnt a lot of fuel since the last check (loop candidates
// cost up to Fuel each).
func (s *searcher) tick() bool {
	s.cand++
	if s.cand&4095 != 0 && s.work < 1<<20 {
		return s.stopped != ""
	}
	s.work = 0
	if s.stopped != "" {
		return true
	}
	if s.opt.Poll != nil && s.opt.Poll(s.cand, s.level) {
		s.stopped = "cancelled"
	} else if s.yield != nil && !s.yield() {
		s.stopped = "yield"
	} else if s.opt.MaxCandidates > 0 && s.cand >= s.opt.MaxCandidates {
		s.stopped = "candidates"
	} else if !s.opt.Deadline.IsZero() && time.Now().After(s.opt.Deadline) {
		s.stopped = "time"
	} else if s.steps != nil && !s.inSteps {
		s.runSteps()
	}
	return s.stopped != ""
}

// runSteps gives the steps search its share of the time; after its first
// answer (when the main search has none) the main search gets as long
// again as the search took so far, at least half a second, for rivals.
func (s *searcher) runSteps() {
	if s.steps == nil || s.inSteps {
		return
	}
	s.inSteps = true
	s.steps.advance(s, s.first, s.stepsFirst, s.start, s.examples)
	s.inSteps = false
	if s.stepsFirst < 0 && len(s.steps.answers) > 0 && s.first < 0 {
		s.stepsFirst = s.steps.answers[0].Cost
		grace := time.Now().Add(max(500*time.Millisecond, time.Since(s.start)))
		if s.opt.Deadline.IsZero() || grace.Before(s.opt.Deadline) {
			s.opt.Deadline = grace
		}
	}
}

// offer files a candidate behaviour (in s.buf) built by op from s.kids:
// errs marks the points without a value, unk those of them where it was
// not computed (a large point, unknownPoints).
func (s *searcher) offer(p *pool, isOpen bool, op Op, errs, unk uint64, l int) {
	v := s.buf[:p.width]
	if errs&p.full == p.full {
		return // traps everywhere: useless
	}
	k := canon(v, errs) ^ unk*0x9e3779b97f4a7c15
	ex := uint64(1)<<s.nex - 1
	fits := !isOpen && (errs&^unk)&ex == 0
	for i := 0; fits && i < s.nex; i++ {
		fits = unk&(1<<i) != 0 || v[i] == s.target[i]
	}
	if fits && unk&ex != 0 {
		// run on the examples where it is unknown; when it fits there
		// too it is an answer, kept like every answer even when a term
		// of the same behaviour came first
		fresh := p.fresh(k)
		id := s.node(op, l)
		if s.fitsUnknown(id, unk&ex) {
			s.answers = append(s.answers, Answer{Term: s.t.Format(id), Cost: l, Prods: s.t.Prods(id), id: id})
		} else if fresh {
			p.add(id, v, errs, unk, l)
		}
		return
	}
	if fits {
		// answers are kept even when they behave alike on every point:
		// they may part on the inputs the ambiguity check tries
		if len(s.answers) < maxAnswers {
			id := s.node(op, l)
			s.answers = append(s.answers, Answer{Term: s.t.Format(id), Cost: l, Prods: s.t.Prods(id), id: id})
		}
		return
	}
	if !p.fresh(k) {
		return
	}
	p.add(s.node(op, l), v, errs, unk, l)
}

// maxUnknownFuel bounds the fuel of the runs of fitsUnknown over a search
// (about a second): past it, candidates that fit every example computed
// count as not fitting, and the search says it is not complete.
const maxUnknownFuel = 250_000_000

// fitsUnknown runs term id on the examples in mask, where the search did
// not compute it, with the fuel of a run of the answer (ir.DefaultFuel).
func (s *searcher) fitsUnknown(id int32, mask uint64) bool {
	for i := 0; i < s.nex; i++ {
		if mask&(1<<i) == 0 {
			continue
		}
		if s.unknownFuel >= maxUnknownFuel {
			s.skipped = true
			return false
		}
		fuel := int64(ir.DefaultFuel)
		v, st := s.t.eval(id, env{n: &s.closed.ns[i]}, &fuel)
		s.unknownFuel += ir.DefaultFuel - fuel
		s.work += ir.DefaultFuel - fuel
		if st != evalOK || v != s.target[i] {
			return false
		}
	}
	return len(s.answers) < maxAnswers
}

// node adds the term op(s.kids) of cost l (a constant's value in kids[0]).
func (s *searcher) node(op Op, l int) int32 {
	if op == OpConst {
		return s.t.Const(s.kids[0], l)
	}
	return s.t.add(op, l, s.kids[:op.Arity()]...)
}

// genLevel makes every term of cost exactly l in pool p.
func (s *searcher) genLevel(p *pool, l int, isOpen bool) {
	for op := Op(0); op < NumOps; op++ {
		c := s.c[op]
		if c <= 0 || c > l || s.stopped != "" {
			continue
		}
		switch {
		case op == OpConst:
			if c == l {
				for _, v := range s.consts {
					s.constLeaf(p, isOpen, v, l)
				}
			}
		case op.Arity() == 0:
			if c == l {
				s.leaf(p, op, isOpen, l)
			}
		case isBuiltin(op):
			s.builtins(p, op, isOpen, l, l-c)
		case op.Arity() == 2 && op <= OpLe:
			s.binary(p, op, isOpen, l, l-c)
		case op == OpCond:
			s.cond(p, isOpen, l, l-c)
		default:
			s.combinator(p, op, isOpen, l, l-c)
		}
	}
}

func (s *searcher) leaf(p *pool, op Op, isOpen bool, l int) {
	if op >= OpN0 && op <= OpN3 && int(op-OpN0) >= s.arity {
		return
	}
	if (op == OpX || op == OpY) && !isOpen {
		return
	}
	for i, e := range p.envs {
		var v int32
		switch op {
		case OpX:
			v = e.x
		case OpY:
			v = e.y
		default:
			v, _ = s.t.evalLeaf(op, e)
		}
		s.buf[i] = v
	}
	s.tick()
	s.offer(p, isOpen, op, 0, 0, l)
}

func (s *searcher) constLeaf(p *pool, isOpen bool, v int32, l int) {
	for i := range p.envs {
		s.buf[i] = v
	}
	s.tick()
	s.kids[0] = v
	s.offer(p, isOpen, OpConst, 0, 0, l)
}

func (t *Terms) evalLeaf(op Op, e env) (int32, uint8) {
	switch op {
	case OpZero:
		return 0, evalOK
	case OpOne:
		return 1, evalOK
	case OpTwo:
		return 2, evalOK
	case OpTen:
		return 10, evalOK
	case OpN0, OpN1, OpN2, OpN3:
		return e.n[op-OpN0], evalOK
	case OpX:
		return e.x, evalOK
	case OpY:
		return e.y, evalOK
	}
	return 0, evalTrap
}

func commutative(op Op) bool { return op == OpAdd || op == OpMul }

func (s *searcher) binary(p *pool, op Op, isOpen bool, l, rem int) {
	w := p.width
	out := s.buf[:w]
	for l1 := 1; l1 < rem; l1++ {
		l2 := rem - l1
		if commutative(op) && l1 > l2 {
			break
		}
		as, bs := p.at(l1), p.at(l2)
		for ai, a := range as {
			va, ea := p.vec(a), p.errs[a]
			start := 0
			if commutative(op) && l1 == l2 {
				start = ai
			}
			for _, b := range bs[start:] {
				if s.tick() {
					return
				}
				if a == b && (op == OpSub || op == OpDiv || op == OpMod || op == OpLe) {
					continue
				}
				vb := p.vec(b)
				errs := ea | p.errs[b]
				unk := p.unk[a] | p.unk[b]
				switch op {
				case OpAdd:
					for i := range out {
						out[i] = va[i] + vb[i]
					}
				case OpSub:
					for i := range out {
						out[i] = va[i] - vb[i]
					}
				case OpMul:
					for i := range out {
						out[i] = va[i] * vb[i]
					}
				case OpDiv: // ir.DivRem's rule, written out for the vector's speed
					for i := range out {
						x, y := va[i], vb[i]
						if y == 0 || (x == math.MinInt32 && y == -1) {
							errs |= 1 << i
							out[i] = 0
						} else {
							out[i] = x / y
						}
					}
				case OpMod:
					for i := range out {
						x, y := va[i], vb[i]
						switch y {
						case 0:
							errs |= 1 << i
							out[i] = 0
						case -1:
							out[i] = 0
						default:
							out[i] = x % y
						}
					}
				case OpLe:
					for i := range out {
						if va[i] <= vb[i] {
							out[i] = 1
						} else {
							out[i] = 0
						}
					}
				}
				s.kids[0], s.kids[1] = p.ids[a], p.ids[b]
				s.offer(p, isOpen, op, errs, unk, l)
			}
		}
	}
}

func isBuiltin(op Op) bool { e, _ := builtinLoop(op); return e > 0 }

// builtins: the fixed-loop productions (digsum) over every choice
// of operands of total cost rem.
func (s *searcher) builtins(p *pool, op Op, isOpen bool, l, rem int) {
	out := s.buf[:p.width]
	cost, _ := builtinLoop(op)
	k := op.Arity()
	var zero [64]int32
	for _, sp := range s.split(rem, k) {
		as, bs := p.at(sp[0]), []int32{-1}
		if k == 2 {
			bs = p.at(sp[1])
		}
		for _, a := range as {
			for _, b := range bs {
				if s.tick() {
					return
				}
				va, vb, errs, unk := p.vec(a), zero[:p.width], p.errs[a], p.unk[a]
				if b >= 0 {
					vb, errs, unk = p.vec(b), errs|p.errs[b], unk|p.unk[b]
				}
				fuel := s.opt.Fuel
				dropped := false
				for i := range out {
					if errs&(1<<i) != 0 {
						out[i] = 0
						continue
					}
					v, st := builtin(op, va[i], vb[i], int64(cost), &fuel)
					if st == evalFuel {
						dropped = true // too slow somewhere: not worth keeping
						break
					}
					if st == evalTrap {
						errs |= 1 << i
						v = 0
					}
					out[i] = v
				}
				s.work += s.opt.Fuel - fuel
				if dropped {
					continue
				}
				s.kids[0] = p.ids[a]
				if b >= 0 {
					s.kids[1] = p.ids[b]
				}
				s.offer(p, isOpen, op, errs, unk, l)
			}
		}
	}
}

// cond(a, b, c): a must take both signs on the points where it does not
// trap, or the cond is one of its branches.
func (s *searcher) cond(p *pool, isOpen bool, l, rem int) {
	out := s.buf[:p.width]
	for _, sp := range s.split(rem, 3) {
		for _, a := range p.at(sp[0]) {
			le, ea := p.le0[a], p.errs[a]
			live := p.full &^ ea
			if le == 0 || le == live {
				continue
			}
			for _, b := range p.at(sp[1]) {
				vb, eb := p.vec(b), p.errs[b]
				for _, c := range p.at(sp[2]) {
					if s.tick() {
						return
					}
					if b == c {
						continue
					}
					vc, ec := p.vec(c), p.errs[c]
					for i := range out {
						if le&(1<<i) != 0 {
							out[i] = vb[i]
						} else {
							out[i] = vc[i]
						}
					}
					errs := ea | (le & eb) | (live &^ le & ec)
					unk := p.unk[a] | (le & p.unk[b]) | (live &^ le & p.unk[c])
					s.kids[0], s.kids[1], s.kids[2] = p.ids[a], p.ids[b], p.ids[c]
					s.offer(p, isOpen, OpCond, errs, unk, l)
				}
			}
		}
	}
}

// combinator enumerates loop, loop2, compr and while: their bodies come
// from the open pool (and must use the variables they bind), their other
// children from p. The bodies are chosen first and the count last, so
// that every candidate of one body (and start) is answered from one run
// of it (cache.go).
func (s *searcher) combinator(p *pool, op Op, isOpen bool, l, rem int) {
	k := op.Arity()
	nl := op.lambdas()
	order := kidOrder(op)
	var idx [5]int32 // pool entries chosen, by child
	var rec func(j int, sp []int)
	rec = func(j int, sp []int) {
		if s.stopped != "" {
			return
		}
		if j == k {
			if s.tick() {
				return
			}
			s.evalCombinator(p, op, isOpen, l, idx[:k])
			return
		}
		kid := order[j]
		src := p
		if kid < nl {
			src = s.open
		}
		for _, e := range src.at(sp[kid]) {
			if kid < nl {
				f := s.t.nodes[src.ids[e]].flags & (mentionsX | mentionsY)
				if f == 0 || (op == OpCompr && f&mentionsX == 0) {
					continue
				}
				if (op == OpLoop2 || op == OpWhile2) && kid == 1 && e == idx[0] {
					continue
				}
			} else if (kid == nl && op != OpCompr && op != OpWhile && op != OpWhile2) || (op == OpWhile2 && kid == 3) {
				// the count (while2: y's start): some point must iterate
				if p.le0[e]|p.errs[e] == p.full {
					continue
				}
			}
			idx[kid] = e
			rec(j+1, sp)
			if s.stopped != "" {
				return
			}
		}
	}
	for _, sp := range s.split(rem, k) {
		rec(0, sp)
	}
}

// kidOrder is the order in which combinator op's children are chosen:
// bodies, then starts, then the count.
func kidOrder(op Op) []int {
	switch op {
	case OpLoop:
		return []int{0, 2, 1}
	case OpLoop2:
		return []int{0, 1, 3, 4, 2}
	case OpWhile:
		return []int{0, 1, 2}
	case OpWhile2:
		return []int{0, 1, 2, 3}
	}
	return []int{0, 1}
}

func (s *searcher) evalCombinator(p *pool, op Op, isOpen bool, l int, idx []int32) {
	nl := op.lambdas()
	for j, e := range idx {
		if j < nl {
			s.kids[j] = s.open.ids[e]
		} else {
			s.kids[j] = p.ids[e]
		}
	}
	var errs, unk uint64
	for j := nl; j < len(idx); j++ {
		errs |= p.errs[idx[j]]
		unk |= p.unk[idx[j]]
	}
	out := s.buf[:p.width]
	max := s.opt.Fuel
	fuel := max
	defer func() { s.work += max - fuel }()
	cost := s.entryCost(op)
	shared := max
	for i := range out {
		if errs&(1<<i) != 0 {
			out[i] = 0
			continue
		}
		var v int32
		var st uint8
		n := p.envs[i].n
		// a large point has a budget of its own: out of it, the value
		// there is unknown, not a reason to drop the candidate
		large := p.large&(1<<i) != 0
		if large {
			shared, fuel = fuel, max
		}
		if cnt := countAt(op, p, idx, i); cnt > 0 && cnt > fuel/cost {
			// too slow there, whatever the body does (unless it traps
			// first): each pass costs at least cost
			st = evalFuel
		} else {
			v, st = s.loopAt(p, op, idx, i, cost, max, n, &fuel)
		}
		if large {
			s.work += max - fuel
			fuel = shared
			if st == evalFuel {
				errs |= 1 << i
				unk |= 1 << i
				out[i] = 0
				continue
			}
		}
		switch st {
		case evalFuel:
			return // too slow somewhere: not worth keeping
		case evalTrap:
			errs |= 1 << i
			v = 0
		}
		out[i] = v
	}
	s.offer(p, isOpen, op, errs, unk, l)
}

// loopAt runs combinator op (children in s.kids, pool entries idx) at
// point i of p.
func (s *searcher) loopAt(p *pool, op Op, idx []int32, i int, cost, max int64, n *[4]int32, fuel *int64) (v int32, st uint8) {
	cached := !s.cache.off && !s.t.watch
	var ff, gg fn
	if cached && op != OpWhile && op != OpWhile2 {
		ff = s.t.compiled(s.kids[0])
		if op == OpLoop2 {
			gg = s.t.compiled(s.kids[1])
		}
	}
	switch {
	// (the scans are not added to s.work: the candidates' fuel, which
	// evalCombinator adds, is never less)
	case op == OpLoop && cached:
		b := p.vec(idx[2])[i]
		v, st = loopAt(s.cache.at(s.t, p, op, s.kids[0], -1, i, b, 0), ff, p.vec(idx[1])[i], b, cost, max, n, fuel)
	case op == OpLoop2 && cached:
		b, c := p.vec(idx[3])[i], p.vec(idx[4])[i]
		v, st = loop2At(s.cache.at(s.t, p, op, s.kids[0], s.kids[1], i, b, c), ff, gg, p.vec(idx[2])[i], b, c, cost, max, n, fuel)
	case op == OpCompr && cached:
		v, st = comprAt(s.t, s.cache.at(s.t, p, op, s.kids[0], -1, i, -1, 0), s.kids[0], ff, p.vec(idx[1])[i], cost, max, n, fuel)
	case op == OpLoop:
		v, st = s.t.loop(s.kids[0], p.vec(idx[1])[i], p.vec(idx[2])[i], cost, n, fuel)
	case op == OpLoop2:
		v, st = s.t.loop2(s.kids[0], s.kids[1], p.vec(idx[2])[i], p.vec(idx[3])[i], p.vec(idx[4])[i], cost, n, fuel)
	case op == OpCompr:
		v, st = s.t.compr(s.kids[0], p.vec(idx[1])[i], cost, n, fuel)
	case op == OpWhile:
		v, st = s.t.while(s.kids[0], s.kids[1], p.vec(idx[2])[i], cost, maxWhileSteps, n, fuel)
	case op == OpWhile2:
		v, st = s.t.while2(s.kids[0], s.kids[1], p.vec(idx[2])[i], p.vec(idx[3])[i], cost, maxWhileSteps, n, fuel)
	}
	return v, st
}

// countAt is how many passes loop, loop2 and compr candidates (in idx) make
// at least at point i: loop's and loop2's count, compr's a + 1 (0 when
// unknown, or for while).
func countAt(op Op, p *pool, idx []int32, i int) int64 {
	switch op {
	case OpLoop:
		return int64(p.vec(idx[1])[i])
	case OpLoop2:
		return int64(p.vec(idx[2])[i])
	case OpCompr:
		return int64(p.vec(idx[1])[i]) + 1
	}
	return 0
}

// split lists the ways to write rem as k positive parts, each a level
// the pools may have.
func (s *searcher) split(rem, k int) [][]int {
	key := [2]int{rem, k}
	if sp, ok := s.splits[key]; ok {
		return sp
	}
	var out [][]int
	cur := make([]int, k)
	var rec func(j, left int)
	rec = func(j, left int) {
		if j == k-1 {
			if left >= 1 {
				cur[j] = left
				out = append(out, append([]int(nil), cur...))
			}
			return
		}
		for v := 1; v <= left-(k-1-j); v++ {
			cur[j] = v
			rec(j+1, left-v)
		}
	}
	if rem >= k {
		rec(0, rem)
	}
	s.splits[key] = out
	return out
}

// entryCost is the fuel one pass through the body of the combinator in
// s.kids costs (as node.entry, before the node exists).
func (s *searcher) entryCost(op Op) int64 {
	own := func(i int) int64 { return int64(s.t.nodes[s.kids[i]].own) }
	switch op {
	case OpLoop:
		return own(0) + 10
	case OpLoop2:
		return own(0) + own(1) + 11
	case OpWhile:
		return own(0) + own(1) + 12
	case OpWhile2:
		return own(0) + own(1) + 10
	}
	return own(0) + 18
}

// maxWhileSteps bounds the steps a while candidate may take at one point
// of a search: a while that has not stopped by then is most likely one
// that never does (x grows until it wraps around), and would burn the
// candidate's whole fuel. (Collatz's 3x+1 walk takes at most 350 steps
// from below 100,000.)
const maxWhileSteps = 400
