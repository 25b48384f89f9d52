// Package search is lib/synth's example-guided program search: a typed
// bottom-up enumeration of expressions with observational equivalence,
// plugged into a fixed, generic grammar of program sketches (a straight-line
// or value-IF expression; a while loop whose driver variables follow an
// update rule until a condition fails, with up to three accumulators folded
// over the driver's trajectory; the same loop with a driver that moves by a
// fixed step, searched on its own), enumerated cheapest first under a cost
// model that a learned prior may reshape.
package search

import (
	"sort"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/synth/internal/expr"
)

// Example is one input with its output.
type Example struct {
	In  []int32
	Out int32
}

// Costs is the cost model: what each part of a program costs. Uniform gives
// every opcode cost 1, so programs are tried shortest first; a prior lowers
// the cost of what it expects and raises the rest.
type Costs struct {
	Op    [ir.NumOps]int // per opcode: constants, slots, locals, arithmetic, comparisons
	Ite   int            // a value IF (IF_BEGIN, ELSE, IF_END) on top of its parts
	Expr  int            // the straight-line family, on top of the expression
	Loop  int            // the loop skeleton, on top of its parts
	Accum int            // each accumulator beyond the first
}

// Uniform is the unguided cost model: cost = opcodes emitted, roughly.
func Uniform() Costs {
	var c Costs
	for i := range c.Op {
		c.Op[i] = 1
	}
	c.Ite = 3
	c.Expr = 0
	c.Loop = 4
	c.Accum = 2
	return c
}

// Options bound a search.
type Options struct {
	Deadline      time.Time // zero: no time limit
	MaxCandidates int64     // zero: no limit
	MaxCost       int       // highest cost level (zero: 40)
	Costs         Costs     // zero value: Uniform
	// Poll, when set, is called with the candidates tried so far and the
	// cost level whenever the budget is checked (every ~1024 candidates);
	// returning true stops the search ("cancelled").
	Poll func(candidates int64, level int) bool
}

// Result is the outcome of a search.
type Result struct {
	Found      bool
	Ops        []ir.Op
	Family     string
	Candidates int64
	Level      int              // cost level reached
	Stopped    string           // why it stopped without a program: "time", "candidates", "exhausted"
	PerFamily  map[string]int64 // candidates tried per family
}

type searcher struct {
	ex       []Example
	arity    int
	opt      Options
	c        Costs
	arena    *expr.Arena
	cand     int64
	per      map[string]int64
	stopped  string
	lastTime int64
	level    int // the cost level under way, for Poll

	slots *expr.Pool // over the operands, probes = the examples
	d1    *driver
	d2    *driver
	pw    *driver
	st    *driver
	// foundExtra: cost of a found program beyond its family's level (the
	// piecewise family's endings)
	foundExtra int
}

// Last levels of the two narrower loop families: the two-driver loop (its
// updates and condition are capped small) and the piecewise loop; past them
// their time goes to the others.
const (
	loop2MaxLevel = 14
	pwMaxLevel    = 34
)

// graceMin is the least time the search keeps going after a first find,
// looking for a cheaper program in the other families.
const graceMin = 300 * time.Millisecond

// Run searches for a program of the given arity reproducing every example.
func Run(arity int, examples []Example, opt Options) Result {
	if opt.MaxCost == 0 {
		opt.MaxCost = 40
	}
	if opt.Costs.Ite == 0 {
		opt.Costs = Uniform()
	}
	ex := append([]Example(nil), examples...)
	// smallest inputs first: wrong candidates fail there, cheaply
	sort.SliceStable(ex, func(i, j int) bool { return mag(ex[i].In) < mag(ex[j].In) })
	s := &searcher{ex: ex, arity: arity, opt: opt, c: opt.Costs, arena: &expr.Arena{}, per: map[string]int64{}}
	s.slots = expr.NewLazyPool(s.arena, s.slotGrammar(), s.exampleEnvs())
	s.slots.Stop = s.stop
	s.d1 = newDriver1(s)
	s.d2 = newDriver2(s)
	s.pw = newPiecewise(s, s.d1)
	s.st = newStep(s, s.d1)
	res := Result{PerFamily: s.per}
	// The sketch families advance through their cost levels independently;
	// the family that has had the least time so far goes next, so a family
	// whose levels explode cannot starve the others.
	fams := []*family{
		{name: "expression", next: s.exprLevel},
		{name: "loop", next: s.d1.level},
		{name: "loop2", next: s.d2.level, max: loop2MaxLevel},
		{name: "loop piecewise", next: s.pw.level, max: pwMaxLevel},
		{name: "loop step", next: s.st.level},
	}
	// A program found is kept while the other families catch up to its
	// cost, for a grace period of half the time it took (at least
	// graceMin), and the cheapest program found wins: Occam across
	// families without letting one family's slow levels hold the answer.
	start := time.Now()
	bestCost := 1 << 30
	var graceEnd time.Time
	for s.stopped == "" {
		if res.Found && time.Now().After(graceEnd) {
			break
		}
		var f *family
		for _, g := range fams {
			if g.level < opt.MaxCost && (g.max == 0 || g.level < g.max) && g.level+1 < bestCost && (f == nil || g.spent < f.spent) {
				f = g
			}
		}
		if f == nil {
			break
		}
		f.level++
		s.level = f.level
		t0 := time.Now()
		ops, fam, ok := f.next(f.level)
		f.spent += time.Since(t0)
		res.Level = max(res.Level, f.level)
		s.per[f.name+" level"] = int64(f.level)
		if ok {
			cost := f.level + s.foundExtra
			s.foundExtra = 0
			if cost < bestCost {
				if !res.Found {
					el := time.Since(start)
					graceEnd = time.Now().Add(max(graceMin, el/2))
					if s.opt.Deadline.IsZero() || graceEnd.Before(s.opt.Deadline) {
						s.opt.Deadline = graceEnd // levels under way stop there too
					}
				}
				bestCost = cost
				res.Found, res.Ops, res.Family = true, ops, fam
			}
		}
	}
	if res.Found {
		s.stopped = ""
	}
	if !res.Found && s.stopped == "" {
		s.stopped = "exhausted"
	}
	res.Stopped = s.stopped
	if res.Found {
		res.Stopped = ""
	}
	res.Candidates = s.cand + s.slots.Tried + s.d1.poolTried() + s.d2.poolTried()
	s.per["expression"] = s.slots.Tried
	s.per["loop expressions"] = s.d1.poolTried() + s.d2.poolTried()
	return res
}

func mag(in []int32) int64 {
	var m int64
	for _, v := range in {
		if v < 0 {
			m -= int64(v)
		} else {
			m += int64(v)
		}
	}
	return m
}

// stop reports whether the budget is spent, checking the clock only now
// and then.
func (s *searcher) stop() bool {
	if s.stopped != "" {
		return true
	}
	if s.opt.Poll != nil && s.opt.Poll(s.cand+s.slots.Tried, s.level) {
		s.stopped = "cancelled"
		return true
	}
	if s.opt.MaxCandidates > 0 && s.cand+s.slots.Tried >= s.opt.MaxCandidates {
		s.stopped = "candidates"
		return true
	}
	if !s.opt.Deadline.IsZero() && time.Now().After(s.opt.Deadline) {
		s.stopped = "time"
		return true
	}
	return false
}

// tick counts one candidate and polls the budget every 1024.
func (s *searcher) tick(fam string) bool {
	s.cand++
	if s.cand&1023 == 0 {
		return s.stop()
	}
	return s.stopped != ""
}

func (s *searcher) exampleEnvs() []expr.Env {
	envs := make([]expr.Env, len(s.ex))
	for i, e := range s.ex {
		copy(envs[i][:], e.In)
	}
	return envs
}

// grammar builds the expression grammar over vars with the cost model.
func (s *searcher) grammar(vars []int32, ite bool, maxCost, maxExprs int) expr.Grammar {
	g := expr.Grammar{MaxCost: maxCost, MaxExprs: maxExprs}
	for _, v := range vars {
		g.Vars = append(g.Vars, v)
		var op ir.Op
		if v < expr.LocalBase {
			op = ir.OpSlot0 + ir.Op(v)
		} else {
			op = ir.OpLocalGet0 + ir.Op(v-expr.LocalBase)
		}
		g.VarCost = append(g.VarCost, s.c.Op[op])
	}
	for _, k := range expr.Consts {
		g.Consts = append(g.Consts, k)
		g.ConstCost = append(g.ConstCost, s.c.Op[expr.ConstOp(k)])
	}
	for op := ir.OpI32Add; op <= ir.OpI32GeS; op++ {
		g.Ops = append(g.Ops, op)
		g.OpCost = append(g.OpCost, s.c.Op[op])
	}
	if ite {
		g.IteCost = s.c.Ite
	}
	return g
}

func (s *searcher) slotGrammar() expr.Grammar {
	vars := make([]int32, s.arity)
	for i := range vars {
		vars[i] = int32(i)
	}
	g := s.grammar(vars, true, exprMaxCost, exprMaxExprs)
	g.MaxPerLevel = exprMaxExprs / 3
	return g
}

type family struct {
	name  string
	max   int // last level (0: Options.MaxCost)
	next  func(level int) ([]ir.Op, string, bool)
	level int
	spent time.Duration
	done  bool
}

// exprLevel tries the straight-line programs of exactly cost level.
func (s *searcher) exprLevel(level int) ([]ir.Op, string, bool) {
	if c := level - s.c.Expr; c >= 1 {
		s.slots.At(c)
		want := make([]int32, len(s.ex))
		for i, e := range s.ex {
			want[i] = e.Out
		}
		if k, ok := s.slots.Lookup(want); ok {
			ops := []ir.Op{ir.OpStart}
			ops = s.arena.Emit(ops, s.slots.ID(k))
			return append(ops, ir.OpEnd), "expression", true
		}
	}
	return nil, "", false
}

// Limits of the straight-line family: beyond them the enumeration over a
// handful of examples no longer merges much and only costs time.
const (
	exprMaxCost  = 24
	exprMaxExprs = 2000000
)
