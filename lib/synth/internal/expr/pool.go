package expr

import (
	"github.com/irsynth/irsynth/lib/ir"
)

// Grammar says which expressions a Pool enumerates and what each part costs.
// Costs are positive integers; an expression costs the sum of its parts.
type Grammar struct {
	Vars      []int32 // variables allowed as leaves
	VarCost   []int   // cost of each of Vars (1 when nil)
	Consts    []int32 // constants allowed as leaves
	ConstCost []int   // cost of each of Consts (1 when nil)
	Ops       []ir.Op // binary opcodes allowed
	OpCost    []int   // cost of each of Ops (1 when nil)
	IteCost   int     // cost of a value IF on top of its parts; 0 disables IF
	MaxCost   int     // enumerate expressions up to this cost
	MaxExprs  int     // stop after this many distinct expressions (0: 1<<20)
	// MaxPerLevel ends a cost level after this many new expressions, so a
	// crowded level cannot starve the next (0: no limit but MaxExprs).
	MaxPerLevel int
}

// Pool is a bottom-up enumeration of the expressions of a Grammar, keeping
// the cheapest expression of each behaviour on the probe environments
// (observational equivalence). Expressions that trap on every probe are
// dropped. Expressions in a pool are named by their pool index.
type Pool struct {
	A      *Arena
	G      Grammar
	Envs   []Env
	byCost [][]int32 // pool indices of each cost
	id     []int32   // pool index -> arena id
	cost   []int32
	vals   []int32 // pool index * len(Envs) -> value
	traps  []uint64
	seen   set
	full   bool
	built  int
	// the level being built stops early (levelDone) at MaxPerLevel; a Stop
	// request ends the pool for good (stopped)
	levelStart int
	levelDone  bool
	stopped    bool
	codes      []Code
	Tried      int64 // candidate expressions built, duplicates included
	scratch    []int32
	// Stop, when set, is asked every few thousand candidates; true stops
	// the enumeration for good (the pool then reports Full).
	Stop func() bool
}

// NewPool enumerates g over envs (at most 64) into arena a, every level.
func NewPool(a *Arena, g Grammar, envs []Env) *Pool {
	p := NewLazyPool(a, g, envs)
	for p.Grow() {
	}
	return p
}

// NewLazyPool is NewPool without enumerating anything yet: Grow or At add
// cost levels on demand.
func NewLazyPool(a *Arena, g Grammar, envs []Env) *Pool {
	if len(envs) > 64 {
		envs = envs[:64]
	}
	if g.MaxExprs == 0 {
		g.MaxExprs = 1 << 20
	}
	return &Pool{A: a, G: g, Envs: envs,
		byCost: make([][]int32, g.MaxCost+1), scratch: make([]int32, len(envs))}
}

// Grow enumerates the next cost level; it reports false once MaxCost or
// MaxExprs is reached.
func (p *Pool) Grow() bool {
	if p.full || p.built >= p.G.MaxCost {
		return false
	}
	p.built++
	p.levelStart = len(p.id)
	p.levelDone = false
	p.level(p.built)
	if p.levelDone && !p.stopped {
		p.full = len(p.id) >= p.G.MaxExprs
	}
	return true
}

// Full reports whether the pool stopped at MaxExprs.
func (p *Pool) Full() bool { return p.full }

// Len is the number of distinct expressions.
func (p *Pool) Len() int { return len(p.id) }

// At returns the pool indices of the expressions of exactly cost c, growing
// the pool as needed; nil beyond MaxCost.
func (p *Pool) At(c int) []int32 {
	for p.built < c && p.Grow() {
	}
	if c < 1 || c > p.built {
		return nil
	}
	return p.byCost[c]
}

// ID is the arena id of pool expression k.
func (p *Pool) ID(k int32) int32 { return p.id[k] }

// Values returns the probe values of pool expression k.
func (p *Pool) Values(k int32) []int32 {
	n := len(p.Envs)
	return p.vals[int(k)*n : int(k)*n+n]
}

// Traps is the set of probes (bit i: Envs[i]) on which expression k traps.
func (p *Pool) Traps(k int32) uint64 { return p.traps[k] }

// Cost of pool expression k.
func (p *Pool) Cost(k int32) int { return int(p.cost[k]) }

// Lookup finds the expression whose probe values are vals (no traps) among
// those enumerated so far.
func (p *Pool) Lookup(vals []int32) (int32, bool) {
	return p.seen.get(Hash(vals, 0))
}

// Code returns the compiled form of pool expression k.
func (p *Pool) Code(k int32) Code {
	for int(k) >= len(p.codes) {
		p.codes = append(p.codes, nil)
	}
	if p.codes[k] == nil {
		p.codes[k] = p.A.Compile(p.id[k])
	}
	return p.codes[k]
}

func cost1(c []int, i int) int {
	if c == nil {
		return 1
	}
	return c[i]
}

func (p *Pool) level(c int) {
	n := len(p.Envs)
	vals := p.scratch
	for i, v := range p.G.Vars {
		if cost1(p.G.VarCost, i) == c {
			for k := range p.Envs {
				vals[k] = p.Envs[k][v]
			}
			p.add(Node{Kind: Var, Val: v}, c, vals, 0)
		}
	}
	for i, v := range p.G.Consts {
		if cost1(p.G.ConstCost, i) == c {
			for k := range vals {
				vals[k] = v
			}
			p.add(Node{Kind: Const, Val: v}, c, vals, 0)
		}
	}
	if p.G.IteCost > 0 {
		p.ite(c) // before the binary operations, which crowd the larger levels
		if p.full {
			return
		}
	}
	for oi, op := range p.G.Ops {
		oc := cost1(p.G.OpCost, oi)
		comm := op == ir.OpI32Add || op == ir.OpI32Mul || op == ir.OpI32Eq || op == ir.OpI32Ne
		for c1 := 1; c1 <= c-oc-1; c1++ {
			c2 := c - oc - c1
			if comm && c1 > c2 {
				break
			}
			la, lb := p.byCost[c1], p.byCost[c2]
			for ia := 0; ia < len(la); ia++ {
				ka := la[ia]
				va := p.vals[int(ka)*n : int(ka)*n+n]
				ta := p.traps[ka]
				start := 0
				if comm && c1 == c2 {
					start = ia
				}
				for jb := start; jb < len(lb); jb++ {
					kb := lb[jb]
					vb := p.vals[int(kb)*n : int(kb)*n+n]
					tr := ta | p.traps[kb]
					for k := 0; k < n; k++ {
						if tr&(1<<k) != 0 {
							vals[k] = 0
							continue
						}
						v, ok := Apply(op, va[k], vb[k])
						if !ok {
							tr |= 1 << k
							v = 0
						}
						vals[k] = v
					}
					p.Tried++
					if p.Tried&4095 == 0 && p.Stop != nil && p.Stop() {
						p.full, p.stopped = true, true
					}
					p.add(Node{Kind: Bin, Op: op, A: p.id[ka], B: p.id[kb]}, c, vals, tr)
					if p.full {
						return
					}
				}
			}
		}
	}
}

func (p *Pool) ite(c int) {
	n := len(p.Envs)
	vals := p.scratch
	rest := c - p.G.IteCost
	for cc := 1; cc <= rest-2; cc++ {
		for _, kc := range p.byCost[cc] {
			if nd := &p.A.Nodes[p.id[kc]]; !(nd.Kind == Var || nd.Kind == Bin && (nd.Op >= ir.OpI32Eq || nd.Op == ir.OpI32RemS)) {
				continue // conditions: comparisons, remainders, variables
			}
			vc := p.vals[int(kc)*n : int(kc)*n+n]
			tc := p.traps[kc]
			var truth uint64
			for k := 0; k < n; k++ {
				if vc[k] != 0 {
					truth |= 1 << k
				}
			}
			if truth&^tc == 0 || truth|tc == allMask(n) {
				continue // a condition that never varies
			}
			for ca := 1; ca <= rest-cc-1; ca++ {
				cb := rest - cc - ca
				for _, ka := range p.byCost[ca] {
					va := p.vals[int(ka)*n : int(ka)*n+n]
					ta := p.traps[ka]
					for _, kb := range p.byCost[cb] {
						if kb == ka {
							continue
						}
						vb := p.vals[int(kb)*n : int(kb)*n+n]
						tr := tc | (ta & truth) | (p.traps[kb] &^ truth)
						for k := 0; k < n; k++ {
							if truth&(1<<k) != 0 {
								vals[k] = va[k]
							} else {
								vals[k] = vb[k]
							}
						}
						p.Tried++
						if p.Tried&4095 == 0 && p.Stop != nil && p.Stop() {
							p.full, p.stopped = true, true
						}
						p.add(Node{Kind: Ite, C: p.id[kc], A: p.id[ka], B: p.id[kb]}, c, vals, tr)
						if p.full {
							return
						}
					}
				}
			}
		}
	}
}

// add keeps the expression if its behaviour is new.
func (p *Pool) add(nd Node, c int, vals []int32, tr uint64) {
	n := len(p.Envs)
	if n > 0 && tr == allMask(n) {
		return
	}
	h := Hash(vals, tr)
	if _, dup := p.seen.get(h); dup {
		return
	}
	p.keep(p.A.Add(nd), h, c, vals, tr)
}

// addID is add for an expression already in the arena.
func (p *Pool) addID(id int32, c int, vals []int32, tr uint64) {
	n := len(p.Envs)
	if n > 0 && tr == allMask(n) {
		return
	}
	h := Hash(vals, tr)
	if _, dup := p.seen.get(h); dup {
		return
	}
	p.keep(id, h, c, vals, tr)
}

func (p *Pool) keep(id int32, h uint64, c int, vals []int32, tr uint64) {
	k := int32(len(p.id))
	p.seen.put(h, k)
	p.id = append(p.id, id)
	p.cost = append(p.cost, int32(c))
	p.vals = append(p.vals, vals...)
	p.traps = append(p.traps, tr)
	p.byCost[c] = append(p.byCost[c], k)
	if len(p.id) >= p.G.MaxExprs {
		p.full = true
	}
	if p.G.MaxPerLevel > 0 && len(p.id)-p.levelStart >= p.G.MaxPerLevel {
		p.full, p.levelDone = true, true // ends this level; Grow reopens
	}
}

func allMask(n int) uint64 {
	if n >= 64 {
		return ^uint64(0)
	}
	return uint64(1)<<n - 1
}

// Hash is a 64-bit hash of a value vector and its trap mask.
func Hash(vals []int32, tr uint64) uint64 {
	h := uint64(1469598103934665603) ^ tr*0x9E3779B97F4A7C15
	for _, v := range vals {
		h ^= uint64(uint32(v))
		h *= 1099511628211
		h ^= h >> 29
	}
	h ^= h >> 31
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 33
	return h
}

// NewFixedPool is an empty pool that enumerates nothing by itself: the
// caller Inserts hand-built expressions (a sketch's fixed shapes).
// g prices the inserted expressions (CostOf); g.MaxCost bounds them.
func NewFixedPool(a *Arena, g Grammar, envs []Env) *Pool {
	g.MaxExprs = 1 << 30
	p := NewLazyPool(a, g, envs)
	p.built = g.MaxCost
	return p
}

// Insert adds expression e (an arena id) at the given cost if its behaviour
// on the probes is new; it reports whether it was added.
func (p *Pool) Insert(e int32, cost int) bool {
	if cost < 1 || cost > p.G.MaxCost {
		return false
	}
	vals := p.scratch
	var tr uint64
	for k := range p.Envs {
		v, ok := p.A.Eval(e, &p.Envs[k])
		if !ok {
			tr |= 1 << k
			v = 0
		}
		vals[k] = v
	}
	n := p.Len()
	p.addID(e, cost, vals, tr)
	return p.Len() > n
}

// CostOf is the cost of expression e under the pool's grammar (leaves and
// operators as the Grammar prices them; a value IF at IteCost).
func (p *Pool) CostOf(e int32) int {
	n := &p.A.Nodes[e]
	switch n.Kind {
	case Const:
		for i, v := range p.G.Consts {
			if v == n.Val {
				return cost1(p.G.ConstCost, i)
			}
		}
	case Var:
		for i, v := range p.G.Vars {
			if v == n.Val {
				return cost1(p.G.VarCost, i)
			}
		}
	case Bin:
		for i, op := range p.G.Ops {
			if op == n.Op {
				return cost1(p.G.OpCost, i) + p.CostOf(n.A) + p.CostOf(n.B)
			}
		}
	case Ite:
		return p.G.IteCost + p.CostOf(n.C) + p.CostOf(n.A) + p.CostOf(n.B)
	}
	return 1 << 20
}
