package search

import (
	"math/rand/v2"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/synth/internal/expr"
)

// The loop sketch, for nd driver variables (locals 0..nd-1) and na
// accumulators (locals nd..nd+na-1):
//
//	acc_k = ainit_k(operands); x_j = init_j(operands)
//	while cond(x, operands) {
//	    (acc, x) = (f_k(acc, x, operands), g_j(x, operands))   // simultaneously
//	}
//	return acc_0, or result(x, operands) when there is no accumulator
//
// The drivers' trajectory does not depend on the accumulators, so it is
// simulated once per driver and every accumulator is a cheap fold over it;
// drivers with the same trajectories on every example are tried once.
type driver struct {
	s      *searcher
	nd     int
	name   string
	gp     *expr.Pool   // over drivers + operands: conditions, updates, results
	fa     []*expr.Pool // fa[k-1]: over drivers + k accumulators + operands
	varies map[int32]bool
	moves  map[int32]bool
	seen   map[uint64]drvKey
	dead   [][]uint64 // per driver cost: bitset of drivers known useless, by visiting order

	// piecewise drivers: x = if cif(x) then A(x) else B(x)
	pw       bool
	cif, aff *expr.Pool

	// step drivers: the update is one of a few fixed steps (upd), not an
	// enumerated expression
	upd *expr.Pool

	// the trajectory of the driver being tried
	traj []int32 // per step, nd values (the drivers at loop-body entry)
	off  []int   // per example, start in traj (in steps); off[len] = end
	fin  []int32 // per example, nd final values
	envs []expr.Env
	fuel []int
}

type drvKey struct {
	cost int
	ids  [5]int32
}

const (
	maxDrvSeen  = 1 << 21
	poolExprs   = 400000
	loopMaxCost = 17
)

func newDriver1(s *searcher) *driver { return newDriver(s, 1, 3) }
func newDriver2(s *searcher) *driver { return newDriver(s, 2, 0) }

func newDriver(s *searcher, nd, maxAcc int) *driver {
	d := &driver{s: s, nd: nd, varies: map[int32]bool{}, moves: map[int32]bool{}, seen: map[uint64]drvKey{}}
	d.name = "loop"
	if nd == 2 {
		d.name = "loop2"
	}
	vars := d.vars(0)
	// no value IF here: conditional driver updates are the piecewise family's
	d.gp = expr.NewLazyPool(s.arena, s.grammar(vars, false, loopMaxCost, poolExprs), s.probeEnvs(vars, 11))
	d.gp.Stop = s.stop
	for k := 1; k <= maxAcc; k++ {
		v := d.vars(k)
		p := expr.NewLazyPool(s.arena, s.grammar(v, k == 1, loopMaxCost, poolExprs), s.probeEnvs(v, uint64(20+k)))
		p.Stop = s.stop
		d.fa = append(d.fa, p)
	}
	d.envs = s.exampleEnvs()
	for _, e := range s.ex {
		d.fuel = append(d.fuel, int(min(100000, 128+2*mag(e.In))))
	}
	d.off = make([]int, len(s.ex)+1)
	d.fin = make([]int32, len(s.ex)*nd)
	return d
}

// vars: drivers, then k accumulators, then the operands.
func (d *driver) vars(k int) []int32 {
	var v []int32
	for j := 0; j < d.nd+k; j++ {
		v = append(v, int32(expr.LocalBase+j))
	}
	for i := 0; i < d.s.arity; i++ {
		v = append(v, int32(i))
	}
	return v
}

func (d *driver) poolTried() int64 {
	n := d.gp.Tried
	for _, p := range d.fa {
		n += p.Tried
	}
	return n
}

// probeEnvs: for each example, a few environments with its operands and
// state variables drawn from values loops commonly pass through.
func (s *searcher) probeEnvs(vars []int32, seed uint64) []expr.Env {
	rng := rand.New(rand.NewPCG(seed, 77))
	common := []int32{0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 15, 16, 27, 40, 100, 255, 1000, 12345, 99991, -1, -2, -7, -100}
	per := max(1, 48/max(1, len(s.ex)))
	var envs []expr.Env
	for _, e := range s.ex {
		pick := append(append([]int32(nil), common...), e.In...)
		for _, v := range e.In {
			pick = append(pick, v/2, v/10, v-1, v+1)
		}
		for r := 0; r < per; r++ {
			var env expr.Env
			copy(env[:], e.In)
			for _, v := range vars {
				if v >= expr.LocalBase {
					env[v] = pick[rng.IntN(len(pick))]
				}
			}
			envs = append(envs, env)
		}
	}
	return envs
}

// combos calls fn for every choice of one expression per pool whose costs
// sum to total; fn returns false to stop everything.
// Component i costs at most caps[i].
func combos(pools []*expr.Pool, caps []int, total int, choice []int32, fn func() bool) bool {
	return combosPruned(pools, caps, total, choice, fn, nil, 0)
}

// combosPruned is combos where prune(depth, k), when set, may reject the
// choice k for component depth (and everything after it).
func combosPruned(pools []*expr.Pool, caps []int, total int, choice []int32, fn func() bool, prune func(depth int, k int32) bool, depth int) bool {
	if len(pools) == 0 {
		return total != 0 || fn()
	}
	if len(pools) == 1 {
		if total > caps[0] {
			return true
		}
		for _, k := range pools[0].At(total) {
			if prune != nil && prune(depth, k) {
				continue
			}
			choice[0] = k
			if !fn() {
				return false
			}
		}
		return true
	}
	for c := 1; c <= min(caps[0], total-(len(pools)-1)); c++ {
		for _, k := range pools[0].At(c) {
			if prune != nil && prune(depth, k) {
				continue
			}
			choice[0] = k
			if !combosPruned(pools[1:], caps[1:], total-c, choice[1:], fn, prune, depth+1) {
				return false
			}
		}
	}
	return true
}

// Caps on the cost of each part of a loop program: generic limits that keep
// the enumeration's branching in check (results and initial values are
// short in practice; updates and conditions may be longer).
const (
	capInit     = 3
	capCond     = 9
	capUpdate   = 17
	capResult   = 5
	capAccum    = 11
	capUpd2     = 5 // each update of a two-driver loop
	capPWCond   = 7 // the divisibility test of a piecewise update
	capPWArm    = 13
	capPWLoop   = 4 // the loop condition of a piecewise loop
	capPWEnd    = 4 // endings tried on each piecewise driver (a count, a sum, the final value)
	capStepCond = 5 // the loop condition of a fixed-step loop (x, i <= n, i*i <= n)
)

// level tries every loop program of exactly cost level.
func (d *driver) level(level int) ([]ir.Op, string, bool) {
	s := d.s
	base := level - s.c.Loop
	if d.nd == 2 {
		base -= s.c.Accum
	}
	// components: nd inits (operand pool), cond, nd updates
	pools := make([]*expr.Pool, 0, 2*d.nd+1)
	var caps []int
	for j := 0; j < d.nd; j++ {
		pools = append(pools, s.slots)
		caps = append(caps, capInit)
	}
	pools = append(pools, d.gp)
	caps = append(caps, capCond)
	if d.upd != nil {
		caps[len(caps)-1] = capStepCond
	}
	if d.pw {
		caps[len(caps)-1] = capPWLoop
		base -= s.c.Ite
		pools = append(pools, d.cif, d.aff, d.aff)
		caps = append(caps, capPWCond, capPWArm, capPWArm)
	}
	for j := 0; j < d.nd && !d.pw; j++ {
		pools = append(pools, d.updPool())
		if d.nd == 1 {
			caps = append(caps, capUpdate)
		} else {
			caps = append(caps, capUpd2)
		}
	}
	choice := make([]int32, len(pools))
	var found []ir.Op
	var fam string
	first, last := len(pools), base-1
	if d.pw {
		// driver-major: each piecewise driver (long, costly trajectories) is
		// simulated once, at the level of its own cost, with every ending
		// up to capPWEnd
		first, last = max(base, len(pools)), base
	}
	for cd := first; cd <= last; cd++ {
		rest := base - cd
		for len(d.dead) <= cd {
			d.dead = append(d.dead, nil)
		}
		dead := &d.dead[cd]
		ord := -1
		ok := combos(pools, caps, cd, choice, func() bool {
			// drivers are visited in the same order at every level: one
			// that failed (or duplicated a cheaper one) once is skipped
			ord++
			if w := ord >> 6; w < len(*dead) && (*dead)[w]&(1<<(ord&63)) != 0 {
				return true
			}
			kill := func() {
				for len(*dead) <= ord>>6 {
					*dead = append(*dead, 0)
				}
				(*dead)[ord>>6] |= 1 << (ord & 63)
			}
			cond := choice[d.nd]
			if !d.condVaries(cond) || (!d.pw && !d.updatesMove(choice)) || (d.pw && choice[3] == choice[4]) {
				kill()
				return true
			}
			if s.tick(d.name) {
				return false
			}
			s.per[d.name+" driver"]++
			h, ok := d.simulate(choice)
			if !ok {
				kill()
				return true
			}
			key := drvKey{cost: cd}
			copy(key.ids[:], choice)
			if old, dup := d.seen[h]; dup && old != key {
				kill()
				return true
			} else if !dup && len(d.seen) < maxDrvSeen {
				d.seen[h] = key
			}
			if d.pw {
				for r := 1; r <= capPWEnd; r++ {
					if ops, f, ok := d.results(choice, r); ok {
						found, fam = ops, f
						s.foundExtra = r
						return false
					}
				}
				return s.stopped == ""
			}
			if ops, f, ok := d.results(choice, rest); ok {
				found, fam = ops, f
				return false
			}
			return s.stopped == ""
		})
		if found != nil {
			return found, fam, true
		}
		if !ok || s.stopped != "" {
			return nil, "", false
		}
	}
	return nil, "", false
}

// condVaries: a loop condition must read a driver, have a comparison, a
// remainder or a bare variable at its root, and be true on some probes and
// false on others.
func (d *driver) condVaries(k int32) bool {
	v, ok := d.varies[k]
	if !ok {
		d.varies[k] = false
		n := &d.s.arena.Nodes[d.gp.ID(k)]
		rootOK := n.Kind == expr.Var || (n.Kind == expr.Bin && (n.Op >= ir.OpI32Eq || n.Op == ir.OpI32RemS))
		if !rootOK || !d.usesDriver(d.gp.ID(k)) {
			return false
		}
		vals := d.gp.Values(k)
		tr := d.gp.Traps(k)
		v = false
		seenT, seenF := false, false
		for i, x := range vals {
			if tr&(1<<i) != 0 {
				continue
			}
			if x != 0 {
				seenT = true
			} else {
				seenF = true
			}
		}
		v = seenT && seenF
		d.varies[k] = v
	}
	return v
}

func (d *driver) usesDriver(id int32) bool {
	for j := 0; j < d.nd; j++ {
		if d.s.arena.Uses(id, int32(expr.LocalBase+j)) {
			return true
		}
	}
	return false
}

// updatesMove: at least one update reads a driver (otherwise the loop runs
// once or forever).
func (d *driver) updatesMove(choice []int32) bool {
	for j := 0; j < d.nd; j++ {
		k := choice[d.nd+1+j]
		u, ok := d.moves[k]
		if !ok {
			u = d.usesDriver(d.updPool().ID(k))
			d.moves[k] = u
		}
		if u {
			return true
		}
	}
	return false
}

// simulate runs the drivers on every example; false when a run traps, never
// ends (a fixed point with the condition true) or runs out of fuel.
func (d *driver) simulate(choice []int32) (uint64, bool) {
	s := d.s
	nd := d.nd
	cond := d.gp.Code(choice[nd])
	var upd [2]expr.Code
	var cif, armA, armB expr.Code
	if d.pw {
		cif, armA, armB = d.cif.Code(choice[2]), d.aff.Code(choice[3]), d.aff.Code(choice[4])
	} else {
		for j := 0; j < nd; j++ {
			upd[j] = d.updPool().Code(choice[nd+1+j])
		}
	}
	d.traj = d.traj[:0]
	h := uint64(14695981039346656037)
	var st, nx [2]int32
	for e := range s.ex {
		env := d.envs[e]
		for j := 0; j < nd; j++ {
			st[j] = s.slots.Values(choice[j])[e]
		}
		d.off[e] = len(d.traj) / nd
		fuel := d.fuel[e]
		// Brent's cycle detection: the drivers' update is deterministic, so
		// a state seen again while the condition holds loops forever
		saved, power, lam := st, 1, 0
		for {
			for j := 0; j < nd; j++ {
				env[expr.LocalBase+j] = st[j]
			}
			c, ok := cond.Run(&env)
			if !ok {
				return 0, false
			}
			if c == 0 {
				break
			}
			same := true
			for j := 0; j < nd; j++ {
				d.traj = append(d.traj, st[j])
				var v int32
				var ok bool
				if d.pw {
					var b int32
					if b, ok = cif.Run(&env); ok {
						if b != 0 {
							v, ok = armA.Run(&env)
						} else {
							v, ok = armB.Run(&env)
						}
					}
				} else {
					v, ok = upd[j].Run(&env)
				}
				if !ok {
					return 0, false
				}
				nx[j] = v
				same = same && v == st[j]
				h ^= uint64(uint32(st[j]))
				h *= 1099511628211
			}
			if same || nx == saved {
				return 0, false
			}
			if lam++; lam == power {
				saved, power, lam = nx, power*2, 0
			}
			st = nx
			if fuel--; fuel <= 0 {
				return 0, false
			}
		}
		for j := 0; j < nd; j++ {
			d.fin[e*nd+j] = st[j]
			h ^= uint64(uint32(st[j])) + 0x9E3779B9
			h *= 1099511628211
		}
		h ^= 0xABCDEF
		h *= 1099511628211
	}
	d.off[len(s.ex)] = len(d.traj) / nd
	s.per[d.name+" steps"] += int64(len(d.traj) / nd)
	return h, true
}

// results tries, on the driver just simulated, every ending of cost rest:
// a result expression over the final drivers, or 1..3 accumulators.
func (d *driver) results(drv []int32, rest int) ([]ir.Op, string, bool) {
	s := d.s
	if rest <= 0 {
		return nil, "", false
	}
	nd := d.nd
	// no accumulator: return an expression of the final drivers
	var results []int32
	if rest <= capResult {
		results = d.gp.At(rest)
	}
	for _, r := range results {
		if !d.usesDriver(d.gp.ID(r)) {
			continue
		}
		if s.tick(d.name) {
			return nil, "", false
		}
		ok := true
		for e := range s.ex {
			env := d.envs[e]
			for j := 0; j < nd; j++ {
				env[expr.LocalBase+j] = d.fin[e*nd+j]
			}
			v, good := d.gp.Code(r).Run(&env)
			if !good || v != s.ex[e].Out {
				ok = false
				break
			}
		}
		if ok {
			return d.emit(drv, nil, r), d.name, true
		}
	}
	for k := 1; k <= len(d.fa); k++ {
		left := rest - (k-1)*s.c.Accum
		if left < 2*k {
			break
		}
		pools := make([]*expr.Pool, 0, 2*k)
		var caps []int
		for i := 0; i < k; i++ {
			pools = append(pools, s.slots)
			caps = append(caps, capInit)
		}
		for i := 0; i < k; i++ {
			pools = append(pools, d.fa[k-1])
			caps = append(caps, capAccum)
		}
		choice := make([]int32, 2*k)
		var found []ir.Op
		// the result accumulator's initial value must already be the
		// output of every example whose loop never runs
		prune := func(depth int, e int32) bool {
			if depth != 0 {
				return false
			}
			v := s.slots.Values(e)
			for i := range s.ex {
				if d.off[i] == d.off[i+1] && v[i] != s.ex[i].Out {
					return true
				}
			}
			return false
		}
		combosPruned(pools, caps, left, choice, func() bool {
			if s.tick(d.name) {
				return false
			}
			if d.fold(k, choice) {
				found = d.emit(drv, choice, -1)
				return false
			}
			return true
		}, prune, 0)
		if found != nil {
			return found, d.name + " + accumulators", true
		}
		if s.stopped != "" {
			return nil, "", false
		}
	}
	return nil, "", false
}

// fold runs k accumulators over the trajectory and compares the first with
// each example's output.
func (d *driver) fold(k int, choice []int32) bool {
	s := d.s
	p := d.fa[k-1]
	var f [3]expr.Code
	for i := 0; i < k; i++ {
		f[i] = p.Code(choice[k+i])
	}
	var acc, nx [3]int32
	for e := range s.ex {
		env := d.envs[e]
		for i := 0; i < k; i++ {
			acc[i] = s.slots.Values(choice[i])[e]
		}
		for t := d.off[e]; t < d.off[e+1]; t++ {
			env[expr.LocalBase] = d.traj[t]
			for i := 0; i < k; i++ {
				env[expr.LocalBase+1+i] = acc[i]
			}
			for i := 0; i < k; i++ {
				v, ok := f[i].Run(&env)
				if !ok {
					return false
				}
				nx[i] = v
			}
			acc = nx
		}
		if acc[0] != s.ex[e].Out {
			return false
		}
	}
	return true
}

// emit writes the program: accumulators and drivers initialised, the
// guarded do-while loop, and the result.
func (d *driver) emit(drv, acc []int32, result int32) []ir.Op {
	s := d.s
	a := s.arena
	nd := d.nd
	k := len(acc) / 2
	ops := []ir.Op{ir.OpStart}
	for i := 0; i < k; i++ {
		ops = a.Emit(ops, s.slots.ID(acc[i]))
		ops = append(ops, ir.OpLocalSet0+ir.Op(nd+i))
	}
	for j := 0; j < nd; j++ {
		ops = a.Emit(ops, s.slots.ID(drv[j]))
		ops = append(ops, ir.OpLocalSet0+ir.Op(j))
	}
	cond := d.gp.ID(drv[nd])
	ops = a.Emit(ops, cond)
	ops = append(ops, ir.OpIfBegin, ir.OpLoopBegin)
	for i := 0; i < k; i++ {
		ops = a.Emit(ops, d.fa[k-1].ID(acc[k+i]))
	}
	if d.pw {
		ite := a.Add(expr.Node{Kind: expr.Ite, C: d.cif.ID(drv[2]), A: d.aff.ID(drv[3]), B: d.aff.ID(drv[4])})
		ops = a.Emit(ops, ite)
	} else {
		for j := 0; j < nd; j++ {
			ops = a.Emit(ops, d.updPool().ID(drv[nd+1+j]))
		}
	}
	for j := nd - 1; j >= 0; j-- {
		ops = append(ops, ir.OpLocalSet0+ir.Op(j))
	}
	for i := k - 1; i >= 0; i-- {
		ops = append(ops, ir.OpLocalSet0+ir.Op(nd+i))
	}
	ops = a.Emit(ops, cond)
	ops = append(ops, ir.OpBrIf, ir.OpLoopEnd, ir.OpIfEnd)
	if k > 0 {
		ops = append(ops, ir.OpLocalGet0+ir.Op(nd))
	} else {
		ops = a.Emit(ops, d.gp.ID(result))
	}
	return append(ops, ir.OpEnd)
}

// newPiecewise is the loop whose one driver follows a piecewise-affine
// update: x = if (x % k) [== 0] then a(x) else b(x), each arm x*k+m, x/k+m
// or x+m, with k in 2..10 and m in -2..2 written with the IR's constants.
// It shares the plain loop's pools for conditions, results and
// accumulators.
func newPiecewise(s *searcher, base *driver) *driver {
	d := &driver{s: s, nd: 1, name: "loop piecewise", pw: true, gp: base.gp, fa: base.fa,
		varies: base.varies, moves: base.moves, seen: map[uint64]drvKey{},
		envs: base.envs, fuel: base.fuel}
	d.off = make([]int, len(s.ex)+1)
	d.fin = make([]int32, len(s.ex))
	a := s.arena
	// the cheapest IR expression of each small constant
	cg := s.grammar(nil, false, 7, 0)
	cg.Ops = []ir.Op{ir.OpI32Add, ir.OpI32Sub, ir.OpI32Mul, ir.OpI32DivS}
	cg.OpCost = []int{s.c.Op[ir.OpI32Add], s.c.Op[ir.OpI32Sub], s.c.Op[ir.OpI32Mul], s.c.Op[ir.OpI32DivS]}
	cp := expr.NewPool(a, cg, []expr.Env{{}})
	konst := map[int32]int32{}
	for k := int32(0); int(k) < cp.Len(); k++ {
		v := cp.Values(k)[0]
		if _, ok := konst[v]; !ok {
			konst[v] = cp.ID(k)
		}
	}
	x := a.Add(expr.Node{Kind: expr.Var, Val: expr.LocalBase})
	g := base.gp.G
	g.MaxCost = capPWArm
	d.aff = expr.NewFixedPool(a, g, base.gp.Envs)
	g.MaxCost = capPWCond
	d.cif = expr.NewFixedPool(a, g, base.gp.Envs)
	bin := func(op ir.Op, l, r int32) int32 { return a.Add(expr.Node{Kind: expr.Bin, Op: op, A: l, B: r}) }
	var arms []int32
	offset := func(e int32) {
		arms = append(arms, e)
		for m := int32(1); m <= 2; m++ {
			if k, ok := konst[m]; ok {
				arms = append(arms, bin(ir.OpI32Add, e, k), bin(ir.OpI32Sub, e, k))
			}
		}
	}
	for k := int32(2); k <= 10; k++ {
		if c, ok := konst[k]; ok {
			offset(bin(ir.OpI32Mul, x, c))
			offset(bin(ir.OpI32DivS, x, c))
			if zero, ok := konst[0]; ok {
				d.cif.Insert(bin(ir.OpI32RemS, x, c), d.cif.CostOf(bin(ir.OpI32RemS, x, c)))
				e := bin(ir.OpI32Eq, bin(ir.OpI32RemS, x, c), zero)
				d.cif.Insert(e, d.cif.CostOf(e))
			}
		}
	}
	for m := int32(1); m <= 2; m++ {
		if k, ok := konst[m]; ok {
			arms = append(arms, bin(ir.OpI32Add, x, k), bin(ir.OpI32Sub, x, k))
		}
	}
	for _, e := range arms {
		d.aff.Insert(e, d.aff.CostOf(e))
	}
	return d
}

// updPool is the pool the drivers' updates come from.
func (d *driver) updPool() *expr.Pool {
	if d.upd != nil {
		return d.upd
	}
	return d.gp
}

// newStep is the loop whose one driver moves by a fixed step each time
// round: x+m, x-m, x*m or x/m with m one of the IR's constants 1, 2, 10
// (counting loops, halving loops, digit loops). It is a corner of the plain
// loop's space, searched on its own so that its few drivers leave the cost
// budget to the condition and the accumulators. It shares the plain loop's
// pools for conditions, results and accumulators.
func newStep(s *searcher, base *driver) *driver {
	d := &driver{s: s, nd: 1, name: "loop step", gp: base.gp, fa: base.fa,
		varies: base.varies, moves: map[int32]bool{}, seen: map[uint64]drvKey{},
		envs: base.envs, fuel: base.fuel}
	d.off = make([]int, len(s.ex)+1)
	d.fin = make([]int32, len(s.ex))
	a := s.arena
	g := base.gp.G
	g.MaxCost = capUpdate
	d.upd = expr.NewFixedPool(a, g, base.gp.Envs)
	x := a.Add(expr.Node{Kind: expr.Var, Val: expr.LocalBase})
	for _, m := range []int32{1, 2, 10} {
		k := a.Add(expr.Node{Kind: expr.Const, Val: m})
		for _, op := range []ir.Op{ir.OpI32Add, ir.OpI32Sub, ir.OpI32Mul, ir.OpI32DivS} {
			if m == 1 && (op == ir.OpI32Mul || op == ir.OpI32DivS) {
				continue
			}
			e := a.Add(expr.Node{Kind: expr.Bin, Op: op, A: x, B: k})
			d.upd.Insert(e, d.upd.CostOf(e))
		}
	}
	return d
}
