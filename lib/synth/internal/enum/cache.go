package enum

import "math"

// Loop candidates share work. The combinator enumeration takes one body
// (or body pair) at a time and tries it with every choice of the other
// children, so the runs of that body at a point are mostly prefixes of one
// run: loop(f, a, b) for every count a from the same start b walks one
// trajectory, and compr(f, a) for every a scans the same x = 0, 1, 2, ...
// for the zeros of f. A traj keeps one point's run of the current body:
// the values after each pass, the fuel burnt up to each, and how the run
// ended when it did (a trap, or more fuel than any candidate has). A
// candidate is then answered from the run, with exactly the value, trap or
// fuel exhaustion (and the fuel burnt) that evaluating it afresh gives:
// fuel only gates a computation, so a run that needs u fuel succeeds with
// any budget of at least u and runs out with less.
type traj struct {
	ok     bool  // holds a run of the current body
	s0, s1 int32 // the start (loop: b; loop2: b, c)
	vals   []int32
	fuel   []int64 // fuel burnt up to and including vals[i]'s pass
	x, y   int32   // the state to go on from
	k      int32   // passes made
	used   int64   // fuel burnt so far
	end    uint8   // evalOK: may go on; evalTrap: trapped after used; evalFuel: needs more than maxFuel
	left   int64   // the fuel a pass may burn (a field: a local would escape to the heap)
}

func (t *traj) reset(s0, s1 int32) {
	t.ok, t.s0, t.s1 = true, s0, s1
	t.vals, t.fuel = t.vals[:0], t.fuel[:0]
	t.x, t.y, t.k, t.used, t.end = s0, s1, 0, 0, evalOK
}

// answer gives the i-th recorded value (0-based) out of *fuel, or how the
// run ended before it.
func (t *traj) answer(i int, fuel *int64) (int32, uint8) {
	if i < len(t.vals) {
		if need := t.fuel[i]; need <= *fuel {
			*fuel -= need
			return t.vals[i], evalOK
		}
		return 0, evalFuel
	}
	if t.end == evalTrap && t.used <= *fuel {
		*fuel -= t.used
		return 0, evalTrap
	}
	return 0, evalFuel
}

// trajs is the search's cache: one traj per point of the pool the current
// body runs on; or, when the bodies read no operand (so that a run is the
// same at every point), a few trajs shared by every point, one per start.
type trajs struct {
	p      *pool
	op     Op
	f, g   int32 // the body (and loop2's second body)
	free   bool  // f and g read no operand
	points []traj
	shared [8]traj
	next   int  // the shared traj to reuse next
	off    bool // evaluate every candidate afresh (tests compare the two)
}

// at returns the traj for op's bodies f, g on pool p at point i, for a run
// from s0, s1 (compr: -1, 0), emptying the cache when the bodies changed.
func (c *trajs) at(tm *Terms, p *pool, op Op, f, g int32, i int, s0, s1 int32) *traj {
	if c.p != p || c.op != op || c.f != f || c.g != g {
		c.p, c.op, c.f, c.g = p, op, f, g
		c.free = tm.nodes[f].flags&mentionsN == 0 && (g < 0 || tm.nodes[g].flags&mentionsN == 0)
		if cap(c.points) < p.width {
			c.points = make([]traj, p.width)
		}
		c.points = c.points[:p.width]
		for j := range c.points {
			c.points[j].ok = false
		}
		for j := range c.shared {
			c.shared[j].ok = false
		}
	}
	if !c.free {
		return &c.points[i]
	}
	for j := range c.shared {
		if t := &c.shared[j]; t.ok && t.s0 == s0 && t.s1 == s1 {
			return t
		}
	}
	t := &c.shared[c.next]
	c.next = (c.next + 1) % len(c.shared)
	t.ok = false
	return t
}

// loopAt is Terms.loop (x := b; for y = 1..a: x := f(x, y)) answered
// from t, extending its run as far as a needs; maxFuel bounds every
// candidate's fuel.
func loopAt(t *traj, body fn, a, b int32, cost, maxFuel int64, n *[4]int32, fuel *int64) (int32, uint8) {
	if a <= 0 {
		return b, evalOK
	}
	if !t.ok || t.s0 != b {
		t.reset(b, 0)
	}
	for t.k < a && t.end == evalOK {
		if t.used+cost > maxFuel {
			t.end = evalFuel
			break
		}
		t.used += cost
		t.left = maxFuel - t.used
		v, st := body(t.x, t.k+1, n, &t.left)
		t.used = maxFuel - t.left
		if st != evalOK {
			t.end = st
			break
		}
		t.x, t.k = v, t.k+1
		t.vals, t.fuel = append(t.vals, v), append(t.fuel, t.used)
		if t.k == math.MaxInt32 { // y+1 wraps: the IR loops on until fuel runs out
			t.end = evalFuel
			t.vals, t.fuel = t.vals[:len(t.vals)-1], t.fuel[:len(t.fuel)-1]
		}
	}
	return t.answer(int(a)-1, fuel)
}

// loop2At is Terms.loop2 (x, y := b, c; a times: x, y := f(x, y), g(x,
// y)) answered from t.
func loop2At(t *traj, ff, gg fn, a, b, c int32, cost, maxFuel int64, n *[4]int32, fuel *int64) (int32, uint8) {
	if a <= 0 {
		return b, evalOK
	}
	if !t.ok || t.s0 != b || t.s1 != c {
		t.reset(b, c)
	}
	for t.k < a && t.end == evalOK {
		if t.used+cost > maxFuel {
			t.end = evalFuel
			break
		}
		t.used += cost
		t.left = maxFuel - t.used
		v, st := ff(t.x, t.y, n, &t.left)
		if st == evalOK {
			var w int32
			if w, st = gg(t.x, t.y, n, &t.left); st == evalOK {
				t.x, t.y = v, w
			}
		}
		t.used = maxFuel - t.left
		if st != evalOK {
			t.end = st
			break
		}
		t.k++
		t.vals, t.fuel = append(t.vals, t.x), append(t.fuel, t.used)
	}
	return t.answer(int(a)-1, fuel)
}

// comprAt is Terms.compr (the a-th x ≥ 0 with f(x) <= 0) answered from t,
// whose vals are the zeros of f found so far; a < 0 is one pass, run
// afresh.
func comprAt(tm *Terms, t *traj, f int32, body fn, a int32, cost, maxFuel int64, n *[4]int32, fuel *int64) (int32, uint8) {
	if a < 0 {
		return tm.compr(f, a, cost, n, fuel)
	}
	if !t.ok {
		t.reset(-1, 0)
	}
	for int(a) >= len(t.vals) && t.end == evalOK {
		if t.used+cost > maxFuel || t.x == math.MaxInt32 {
			t.end = evalFuel
			break
		}
		t.used += cost
		t.x++
		t.left = maxFuel - t.used
		v, st := body(t.x, 0, n, &t.left)
		t.used = maxFuel - t.left
		if st != evalOK {
			t.end = st
			break
		}
		if v <= 0 {
			t.vals, t.fuel = append(t.vals, t.x), append(t.fuel, t.used)
		}
	}
	return t.answer(int(a), fuel)
}
