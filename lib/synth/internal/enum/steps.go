package enum

import (
	"iter"
	"sort"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
)

// The steps search: "the number of steps of x -> f(x) from n until
// c(x) <= 0" (Collatz's 3x+1 walk, halving to 1, digit-sum persistence),
// that is while(f, c, n) with f and c terms of x alone, found by a search
// of its own. In the main search such a term costs while + f + c + n and
// its body is built in the open pool beside every other body of x, y and
// the operands, so a step function of cost 14 (Collatz's) is out of reach.
// Here one pool of one-variable terms (0 1 2 10, the text's constants, +
// - * div mod le digsum digrev; no cond, so that it grows slowly) is built
// bottom-up once, its terms told apart by their values on probe points of
// x, and step functions are the pool's terms and cond(g, a, b) of three
// of them, where (observational equivalence on what the loop can see)
// guards and stop conditions with the same signs on the probes are one,
// and branches that agree on the probes their guard sends them to are
// one. Every (f, c) pair is tried cheapest first on the examples' orbits,
// fewest steps first: the orbit of f from n must stay above c's stop for
// exactly the example's output steps; an orbit that comes back to a value
// before then never stops, and the last value is tested first, which
// rejects most pairs at once. The step function's cost is paid once, not
// multiplied by the rest of the grammar.
//
// Answers are ordinary while terms (lowered like every other, verified in
// the IR), at their full cost; the search takes a third of the search's
// time, level by level, and after its first answer the main search gets a
// grace time as after its own. An answer found before the main search
// reached a level past its cost is not complete (terms of the main
// language of that cost were not all tried), nor once the pool is full
// (stepsPool), so the caller calls it ambiguous, not solved.

// stepsShare is the fraction of the whole search's time the steps search
// may take, level by level.
const stepsShare = 1.0 / 3

// stepsPool bounds the terms of the steps search's pool: it grows about
// threefold a level, and a cond's branches come from its cheap levels.
const stepsPool = 100_000

// stepProbes are the values of x on which step functions are told apart,
// besides the examples' operands.
var stepProbes = []int32{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
	21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 35, 40, 49, 50, 63, 64, 81, 99, 100, 101,
	127, 128, 255, 256, 999, 1000, 1001, 1024, 4097, 9999, -1, -2, -3, -10}

type stepSearch struct {
	sub     *searcher // its open pool holds the one-variable terms
	made    int       // sub pool levels made
	level   int       // total cost level tried
	through int       // every level up to this one was tried completely
	answers []Answer
	spent   time.Duration
	resumed time.Time
	// the search runs as a coroutine (iter.Pull) that gives control back
	// every few thousand candidates (sub.yield) and while blocked (a
	// level past what it may search yet)
	next    func() (struct{}, bool)
	stop    func()
	blocked bool
	first   int  // the main search's first answer's level (-1: none)
	mine    int  // the steps search's first answer's cost (-1: none)
	done    bool // nothing more to search
	cand    int64
	orbits  [][]int32 // per example: the current f's orbit (nil: not computed)
	obad    []bool    // the current f traps there
	order   []int     // the examples, fewest steps first (0 steps: conds checks them)
	zero    [4]int32
	capped  bool // the sub pool is full: some terms are not tried
	// bySign: per level, the terms with signs no cheaper term has
	bySign   [][]int32
	signDone []bool
	signSeen map[[2]uint64]bool
	sides    map[[2]uint64][]int32
	sideLen  int // entries in sides
}

// newSteps makes the steps search of s, or nil when the family cannot fit:
// a step count is never negative (nor past a search's 400 steps), not
// every count is 0, and while must be available. One-operand tasks only:
// the step function reads x alone, so on more operands it could use
// only one of them.
func newSteps(s *searcher, examples []Example) *stepSearch {
	if s.opt.NoSteps || s.c[OpWhile] <= 0 || s.arity != 1 || len(examples) == 0 {
		return nil
	}
	for _, e := range examples {
		if e.Out < 0 || e.Out > maxWhileSteps {
			return nil
		}
	}
	var c Costs
	for _, op := range []Op{OpZero, OpOne, OpTwo, OpTen, OpX, OpAdd, OpSub, OpMul, OpDiv, OpMod, OpLe, OpDigSum, OpDigRev, OpConst} {
		c[op] = s.c[op]
	}
	opt := s.opt
	opt.Costs = c
	sub := &searcher{opt: opt, c: c, t: s.t, arity: s.arity, splits: map[[2]int][][]int{}, consts: s.consts, buf: make([]int32, 64)}
	var points []env
	seen := map[int32]bool{}
	var zero [4]int32
	add := func(v int32) {
		if !seen[v] && len(points) < 64 {
			seen[v] = true
			points = append(points, env{n: &zero, x: v})
		}
	}
	for _, e := range examples {
		for _, v := range e.In[:min(s.arity, len(e.In))] {
			add(v)
		}
	}
	for _, v := range stepProbes {
		add(v)
	}
	sub.open = newPool(points, max(1, min(opt.PoolLimit/4, stepsPool)))
	st := &stepSearch{sub: sub, first: -1, mine: -1, signSeen: map[[2]uint64]bool{}, sides: map[[2]uint64][]int32{}, orbits: make([][]int32, len(examples)), obad: make([]bool, len(examples))}
	for k, e := range examples {
		if e.Out > 0 {
			st.order = append(st.order, k)
		}
	}
	if len(st.order) == 0 {
		return nil // every output 0: not a count of steps
	}
	if poll := s.opt.Poll; poll != nil {
		// the caller sees the whole search's candidates and level
		sub.opt.Poll = func(cand int64, _ int) bool { return poll(s.cand+cand-st.cand, s.level) }
	}
	sort.SliceStable(st.order, func(a, b int) bool { return examples[st.order[a]].Out < examples[st.order[b]].Out })
	return st
}

// runLevel tries every while(f, c, operand) of total cost l, making the
// sub pool's levels as they are needed.
func (st *stepSearch) runLevel(s *searcher, l int, examples []Example) {
	sub := st.sub
	sub.stopped = ""
	sub.opt.Deadline = s.opt.Deadline
	sub.opt.MaxCandidates = 0
	if s.opt.MaxCandidates > 0 {
		sub.opt.MaxCandidates = max(1, s.opt.MaxCandidates-s.cand+sub.cand)
	}
	defer func() {
		s.cand += sub.cand - st.cand
		st.cand = sub.cand
		if sub.stopped != "" && sub.stopped != "time" && sub.stopped != "yield" {
			s.stopped = sub.stopped
		}
		if sub.stopped != "" {
			st.done = true
		} else if !st.capped {
			st.through = l
		}
	}()
	st.level = l
	for i := 0; i < s.arity; i++ {
		cs := s.c[OpN0+Op(i)]
		if cs <= 0 {
			continue
		}
		rem := l - s.c[OpWhile] - cs // f and c together
		// the cheapest step functions first: they are fewer
		for kc := rem - 1; kc >= 1; kc-- {
			conds := st.conds(s, kc, i, examples)
			if len(conds) == 0 {
				continue
			}
			kf := rem - kc
			if st.make(kf); sub.stopped != "" {
				return
			}
			// f a term of the pool
			for _, e := range sub.open.at(kf) {
				f := sub.open.ids[e]
				if s.t.nodes[f].flags&mentionsX == 0 {
					continue
				}
				st.try(s, stepFn{f: f, g: -1}, conds, i, l, examples)
				if sub.stopped != "" {
					return
				}
			}
			// f = cond(g, a, b): the pool has no cond, so that it
			// grows slowly; a step function's one cond is here
			cc := s.c[OpCond]
			if cc <= 0 {
				continue
			}
			for _, sp := range sub.split(kf-cc, 3) {
				for _, g := range st.guards(sp[0]) {
					le, live := sub.open.le0[g], sub.open.full&^sub.open.errs[g]
					as, bs := st.side(sp[1], le), st.side(sp[2], live&^le)
					for _, a := range as {
						for _, b := range bs {
							p := sub.open
							f := stepFn{f: -1, g: p.ids[g], a: p.ids[a], b: p.ids[b]}
							if (s.t.nodes[f.a].flags|s.t.nodes[f.b].flags)&mentionsX == 0 {
								continue
							}
							st.try(s, f, conds, i, l, examples)
							if sub.stopped != "" {
								return
							}
						}
					}
				}
			}
		}
	}
}

// signs lists the pool's terms of cost k whose signs (<= 0, > 0, trap)
// on the probe points no cheaper one has, and that are <= 0 somewhere and
// > 0 somewhere: a guard of cond, or a stop condition, reads nothing else.
func (st *stepSearch) signs(k int) []int32 {
	for len(st.bySign) <= k {
		st.bySign = append(st.bySign, nil)
		st.signDone = append(st.signDone, false)
	}
	if st.signDone[k] || k > st.made {
		return st.bySign[k]
	}
	for j := 1; j < k; j++ {
		st.signs(j) // cheaper levels first: they claim their signs
	}
	p := st.sub.open
	for _, e := range p.at(k) {
		le, live := p.le0[e], p.full&^p.errs[e]
		if le == 0 || le == live {
			continue
		}
		if m := [2]uint64{le, p.errs[e]}; !st.signSeen[m] {
			st.signSeen[m] = true
			st.bySign[k] = append(st.bySign[k], e)
		}
	}
	st.signDone[k] = true
	return st.bySign[k]
}

// guards lists the guards of cost k (signs).
func (st *stepSearch) guards(k int) []int32 { return st.signs(k) }

// side lists the pool's terms of cost k that differ where guard g sends
// them (the probe points in mask m): a branch of cond(g, a, b) is only
// ever run there, so two that agree there are one branch (observational
// equivalence on the guard's side). Cached by (k, m).
func (st *stepSearch) side(k int, m uint64) []int32 {
	if st.sideLen > 4_000_000 {
		clear(st.sides) // a bound on memory (16 MB)
		st.sideLen = 0
	}
	key := [2]uint64{uint64(k), m}
	if out, ok := st.sides[key]; ok {
		return out
	}
	p := st.sub.open
	seen := map[uint64]bool{}
	var out []int32
	v := make([]int32, p.width)
	for _, e := range p.at(k) {
		copy(v, p.vec(e))
		errs := p.errs[e] & m
		for i := range v {
			if m&(1<<i) == 0 {
				v[i] = 0
			}
		}
		if h := canon(v, errs); !seen[h] {
			seen[h] = true
			out = append(out, e)
		}
	}
	st.sides[key] = out
	st.sideLen += len(out)
	return out
}

// make makes the sub pool's levels up to k; false when the search stopped.
func (st *stepSearch) make(k int) bool {
	p := st.sub.open
	for st.made < k && st.sub.stopped == "" && len(p.ids) < p.limit {
		st.made++
		st.sub.genLevel(p, st.made, true)
	}
	if len(p.ids) >= p.limit {
		// the last level made may be partial, and no more are made:
		// what needs them is not tried
		st.capped = true
	}
	return st.sub.stopped == "" && st.made >= k
}

// conds lists the stop conditions of cost k that could fit: they read x,
// and stop (c <= 0) at an example's operand i exactly where its output is
// 0 steps.
func (st *stepSearch) conds(s *searcher, k, i int, examples []Example) []cond {
	if !st.make(k) {
		return nil
	}
	p := st.sub.open
	var out []cond
next:
	for _, e := range st.signs(k) {
		c := p.ids[e]
		if s.t.nodes[c].flags&mentionsX == 0 {
			continue
		}
		cf := s.t.compiled(c)
		for _, ex := range examples {
			fuel := int64(ir.DefaultFuel)
			v, r := cf(ex.In[i], 0, &st.zero, &fuel)
			if r != evalOK || (v <= 0) != (ex.Out == 0) {
				continue next
			}
		}
		out = append(out, cond{c, cf})
	}
	return out
}

// cond is a stop condition: a term and its compiled form.
type cond struct {
	id int32
	fn fn
}

// stepFn is a step function: term f, or cond(g, a, b) (f < 0).
type stepFn struct{ f, g, a, b int32 }

// try tries step function f with every stop condition in conds.
func (st *stepSearch) try(s *searcher, f stepFn, conds []cond, i, l int, examples []Example) {
	var ff fn
	if f.f >= 0 {
		ff = s.t.compiled(f.f)
	} else {
		g, a, b := s.t.compiled(f.g), s.t.compiled(f.a), s.t.compiled(f.b)
		ff = func(x, y int32, n *[4]int32, fuel *int64) (int32, uint8) {
			v, r := g(x, y, n, fuel)
			if r != evalOK {
				return 0, r
			}
			if v <= 0 {
				return a(x, y, n, fuel)
			}
			return b(x, y, n, fuel)
		}
	}
	for k := range st.orbits {
		st.orbits[k], st.obad[k] = st.orbits[k][:0], false
	}
	for _, c := range conds {
		if st.sub.tick() {
			return
		}
		if st.fits(ff, c.fn, i, examples) {
			st.answer(s, f, c.id, i, l, examples)
		}
	}
}

// orbit is f's orbit from example k's operand i, out to the example's
// output steps (computed on first use); ok false when f traps on the way.
func (st *stepSearch) orbit(ff fn, k, i int, examples []Example) ([]int32, bool) {
	if st.obad[k] {
		return nil, false
	}
	o := st.orbits[k]
	if len(o) > 0 {
		return o, true
	}
	x := examples[k].In[i]
	o = append(o, x)
	fuel := int64(ir.DefaultFuel)
	// an orbit that comes back to a value before its last step never
	// stops (c reads only x, and c was positive there): Brent's check
	saved, lam, power := x, int32(0), int32(1)
	for j := int32(0); j < examples[k].Out; j++ {
		v, s := ff(x, j, &st.zero, &fuel)
		if s != evalOK || v == saved {
			st.obad[k] = true
			return nil, false
		}
		x = v
		o = append(o, x)
		if lam++; lam == power {
			saved, lam, power = x, 0, power*2
		}
	}
	st.orbits[k] = o
	return o, true
}

// fits reports whether c stops f's orbit from each example's operand i
// after exactly the example's output steps: the orbit's last value is
// tested first, which rejects most pairs at once.
func (st *stepSearch) fits(ff, cf fn, i int, examples []Example) bool {
	for _, k := range st.order {
		o, ok := st.orbit(ff, k, i, examples)
		if !ok {
			return false
		}
		fuel := int64(ir.DefaultFuel)
		if v, r := cf(o[len(o)-1], 0, &st.zero, &fuel); r != evalOK || v > 0 {
			return false
		}
		for _, x := range o[:len(o)-1] {
			if v, r := cf(x, 0, &st.zero, &fuel); r != evalOK || v <= 0 {
				return false
			}
		}
	}
	return true
}

// answer runs the fitting while(f, c, operand i) afresh on every example,
// with the IR's fuel, and keeps it.
func (st *stepSearch) answer(s *searcher, f stepFn, c int32, i, l int, examples []Example) {
	if len(st.answers) >= maxRivals+1 {
		return
	}
	body := f.f
	if body < 0 {
		body = s.t.add(OpCond, l-s.c[OpWhile]-s.c[OpN0+Op(i)]-int(s.t.nodes[c].cost), f.g, f.a, f.b)
	}
	start := s.t.add(OpN0+Op(i), s.c[OpN0+Op(i)])
	id := s.t.add(OpWhile, l, body, c, start)
	for _, e := range examples {
		var n [4]int32
		copy(n[:], e.In)
		fuel := int64(ir.DefaultFuel)
		if v, r := s.t.eval(id, env{n: &n}, &fuel); r != evalOK || v != e.Out {
			return
		}
	}
	if debugLevels && len(st.answers) == 0 {
		println("steps first answer at", (st.spent + time.Since(st.resumed)).String())
	}
	st.answers = append(st.answers, Answer{Term: s.t.Format(id), Cost: l, Prods: s.t.Prods(id), id: id})
}

// advance runs the steps search while its time stays within stepsShare
// of the whole search's, up to the main search's first answer's level
// plus Slack (first) or its own (mine); once it has an answer, its levels
// for rivals run whatever the share (the main search then has a grace
// time, which bounds them).
func (st *stepSearch) advance(s *searcher, first, mine int, start time.Time, examples []Example) {
	if st.next == nil {
		st.start(s, examples)
	}
	for !st.done && s.stopped == "" {
		if mine < 0 && float64(st.spent) > stepsShare*float64(time.Since(start)) {
			return
		}
		st.first, st.mine = first, mine
		st.resumed = time.Now()
		_, ok := st.next()
		st.spent += time.Since(st.resumed)
		// the candidates it made so far count now, so that the main
		// search's Poll never reports fewer than the steps search's did
		s.cand += st.sub.cand - st.cand
		st.cand = st.sub.cand
		if !ok {
			st.done = true
		}
		if st.blocked {
			return
		}
		if mine < 0 && len(st.answers) > 0 {
			mine = st.answers[0].Cost
		}
	}
}

// start makes the steps search a coroutine: levels 1, 2, ... in turn,
// each waiting until it may be searched.
func (st *stepSearch) start(s *searcher, examples []Example) {
	seq := func(yield func(struct{}) bool) {
		st.sub.yield = func() bool {
			ok := yield(struct{}{})
			st.sub.opt.Deadline = s.opt.Deadline
			return ok
		}
		for l := 1; l <= s.opt.MaxCost && !st.done; l++ {
			for {
				slack := max(s.opt.Slack, 0)
				mine := st.mine
				if len(st.answers) > 0 {
					mine = st.answers[0].Cost
				}
				st.blocked = st.first >= 0 && l > st.first+slack || mine >= 0 && l > mine+slack
				if !st.blocked {
					break
				}
				if !yield(struct{}{}) {
					return
				}
			}
			st.runLevel(s, l, examples)
			if debugLevels {
				println("steps level", l, "sub pool", st.made, len(st.sub.open.ids), "cand", st.cand, "answers", len(st.answers), "spent", (st.spent + time.Since(st.resumed)).String())
			}
		}
	}
	st.next, st.stop = iter.Pull(seq)
}

// close ends the coroutine.
func (st *stepSearch) close() {
	if st.stop != nil {
		st.stop()
	}
}

// merge puts the steps search's answers among the main search's (both in
// cost order), dropping a term the main search found too.
func (st *stepSearch) merge(main []Answer) []Answer {
	have := map[string]bool{}
	for _, a := range main {
		have[a.Term] = true
	}
	out := make([]Answer, 0, len(main)+len(st.answers))
	i := 0
	for _, a := range st.answers {
		if have[a.Term] {
			continue
		}
		for i < len(main) && main[i].Cost <= a.Cost {
			out = append(out, main[i])
			i++
		}
		out = append(out, a)
	}
	return append(out, main[i:]...)
}
