package ir

import "strconv"

// Checker is the validator run one opcode at a time: the stack and block
// rules of Validate, kept incrementally for a program that is still being
// written (by a decoder, a search, an editor). It is the only home of those
// rules: Validate itself runs a Checker over the program.
//
// A Checker starts after START. Push applies an opcode or reports the rule
// it breaks; Allowed asks without changing anything; CloseCost and
// Completion say how the program can still be finished: the prefix pushed
// so far is the start of a valid program exactly when Push accepted every
// opcode, and the shortest such program has Len()+CloseCost() opcodes.
// Stack effects come from the codebook (Info), so new opcodes follow.
//
//	c, _ := ir.NewChecker(1)
//	c.Push(ir.OpSlot0)
//	c.Allowed(ir.OpEnd) // true
type Checker struct {
	arity  int
	n      int // opcodes pushed, START included
	h      int // stack height
	frames []frame
	loops  int // open loops
	done   bool
	a      *analysis // filled in for Validate; nil otherwise
}

type frame struct {
	op          Op  // OpStart (function), OpLoopBegin or OpIfBegin
	start       int // index of the opening opcode
	base        int // stack height inside the block at entry
	elseAt      int // index of ELSE, -1 if none yet
	thenResults int // values the then-arm left; -1 when it ended unreachable with none
	unreachable bool
}

// NewChecker starts a program of the given arity (0..NumSlots) with START
// already pushed.
func NewChecker(arity int) (*Checker, error) {
	if arity < 0 || arity > NumSlots {
		return nil, verr(0, OpStart.String(), ErrArity, "arity %d, must be 0..%d", arity, NumSlots)
	}
	return newChecker(arity, nil), nil
}

func newChecker(arity int, a *analysis) *Checker {
	return &Checker{arity: arity, n: 1, frames: []frame{{op: OpStart, elseAt: -1}}, a: a}
}

// Len is the number of opcodes pushed, START included.
func (c *Checker) Len() int { return c.n }

// Done reports whether END has been pushed: the program is complete and valid.
func (c *Checker) Done() bool { return c.done }

// Height is the current stack height.
func (c *Checker) Height() int { return c.h }

// Depth is the number of open blocks (loops and IFs), the function excluded.
func (c *Checker) Depth() int { return len(c.frames) - 1 }

// Push applies op. It returns nil, or the rule op breaks as a
// *ValidationError whose Index is op's position; the Checker is then
// unchanged.
func (c *Checker) Push(op Op) error {
	s := c.save()
	if err := c.step(op); err != nil {
		c.restore(s)
		return err
	}
	return nil
}

// Allowed reports whether Push(op) would succeed, without pushing it.
func (c *Checker) Allowed(op Op) bool {
	s := c.save()
	err := c.step(op)
	c.restore(s)
	return err == nil
}

// CostAfter is CloseCost after pushing op, without pushing it; ok is false
// when op is not allowed. A decoder with a length limit L may emit op
// exactly when ok and Len()+1+cost <= L.
func (c *Checker) CostAfter(op Op) (cost int, ok bool) {
	s := c.save()
	if c.step(op) == nil {
		cost, ok = len(c.plan()), true
	}
	c.restore(s)
	return cost, ok
}

// CloseCost is the fewest opcodes, END included, that complete the
// program into one Validate accepts (0 once END is pushed). The program
// can be completed within MaxLength exactly when Len()+CloseCost() <=
// MaxLength.
func (c *Checker) CloseCost() int { return len(c.plan()) }

// Completion returns one shortest sequence of opcodes, END included, that
// completes the program (nil once END is pushed). It closes every block
// with the fewest opcodes: CONST_0 where a value is missing, LOCAL_SET_0 or
// RETURN where values are left over, BR or RETURN to end an arm
// unreachably.
func (c *Checker) Completion() []Op { return c.plan() }

type saved struct {
	n, h, loops, nframes int
	top                  frame
	done                 bool
}

func (c *Checker) save() saved {
	return saved{c.n, c.h, c.loops, len(c.frames), c.frames[len(c.frames)-1], c.done}
}

// restore undoes one step: a step appends or removes at most one frame
// and changes no frame but the top one.
func (c *Checker) restore(s saved) {
	c.n, c.h, c.loops, c.done = s.n, s.h, s.loops, s.done
	c.frames = c.frames[:s.nframes]
	c.frames[s.nframes-1] = s.top
}

// step applies op at position c.n; on error the caller restores.
func (c *Checker) step(op Op) error {
	i := c.n
	if c.done {
		return verr(i, op.String(), ErrMisplaced, "END must be the last opcode, 1 follow it")
	}
	if !op.Valid() {
		return verr(i, op.String(), ErrUnknownOpcode, "code %d", uint8(op))
	}
	if i >= MaxLength {
		return verr(i, op.String(), ErrTooLong, "%d opcodes, at most %d", i+1, MaxLength)
	}
	info := codebook[op]
	top := &c.frames[len(c.frames)-1]
	need := func(k int) error {
		if c.h-top.base < k {
			return verr(i, info.Name, ErrStackUnderflow, "needs %d, has %d", k, c.h-top.base)
		}
		return nil
	}
	a := c.a
	switch op {
	case OpStart:
		return verr(i, info.Name, ErrMisplaced, "START may appear only at op 0")
	case OpEnd:
		if len(c.frames) > 1 {
			return verr(i, info.Name, ErrUnbalanced, "%s at op %d is not closed", top.op, top.start)
		}
		if !(top.unreachable && c.h == 0) && c.h != 1 {
			return verr(i, info.Name, ErrStackHeight, "END needs exactly one value on the stack, has %d", c.h)
		}
		c.done = true
	case OpLoopBegin:
		c.frames = append(c.frames, frame{op: op, start: i, base: c.h, elseAt: -1})
		c.loops++
	case OpLoopEnd:
		if top.op != OpLoopBegin {
			return c.unbalanced(i, info.Name, top)
		}
		if c.h != top.base {
			return verr(i, info.Name, ErrStackHeight, "a loop body must leave the stack as it found it, leaves %d value(s)", c.h-top.base)
		}
		if a != nil {
			a.match[i] = top.start
			a.match[top.start] = i
		}
		c.frames = c.frames[:len(c.frames)-1]
		c.loops--
	case OpIfBegin:
		if err := need(1); err != nil {
			return err
		}
		c.h--
		c.frames = append(c.frames, frame{op: op, start: i, base: c.h, elseAt: -1})
	case OpElse:
		if top.op != OpIfBegin || top.elseAt >= 0 {
			detail := "no IF_BEGIN is open"
			if top.op == OpIfBegin {
				detail = "the IF at op " + strconv.Itoa(top.start) + " already has an ELSE"
			}
			return verr(i, info.Name, ErrElseOutsideIf, "%s", detail)
		}
		r, err := armResults(i, info.Name, c.h, top)
		if err != nil {
			return err
		}
		top.thenResults, top.elseAt, top.unreachable = r, i, false
		if a != nil {
			a.match[top.start] = i
		}
		c.h = top.base
	case OpIfEnd:
		if top.op != OpIfBegin {
			return c.unbalanced(i, info.Name, top)
		}
		r, err := armResults(i, info.Name, c.h, top)
		if err != nil {
			return err
		}
		res := 0
		if top.elseAt < 0 {
			if r > 0 {
				return verr(i, info.Name, ErrStackHeight, "an IF without ELSE must leave the stack as it found it, leaves %d value(s)", r)
			}
		} else {
			var ok bool
			if res, ok = joinArms(top.thenResults, r); !ok {
				return verr(i, info.Name, ErrStackHeight, "IF arms disagree: then leaves %d value(s), else %d", top.thenResults, r)
			}
		}
		if a != nil {
			if top.elseAt < 0 {
				a.match[top.start] = i
			} else {
				a.match[top.elseAt] = i
			}
			a.results[top.start] = uint8(res)
		}
		c.h = top.base + res
		c.frames = c.frames[:len(c.frames)-1]
	case OpBr, OpBrIf:
		if op == OpBrIf {
			if err := need(1); err != nil {
				return err
			}
			c.h--
		}
		if c.loops == 0 {
			return verr(i, info.Name, ErrBranchOutside, "no LOOP_BEGIN is open")
		}
		if a != nil {
			depth, loop := 0, len(c.frames)-1
			for ; c.frames[loop].op != OpLoopBegin; loop-- {
				depth++ // an IF is one label
			}
			a.match[i] = c.frames[loop].start
			a.depth[i] = depth
			a.loopBase[i] = c.frames[loop].base
		}
		if op == OpBr {
			c.h = top.base
			top.unreachable = true
		}
	case OpReturn:
		if err := need(1); err != nil {
			return err
		}
		c.h = top.base
		top.unreachable = true
	default:
		if err := need(info.Pops); err != nil {
			return err
		}
		if info.Category == CatSlot && int(info.imm) >= c.arity {
			return verr(i, info.Name, ErrSlotRange, "the program has %d operand(s)", c.arity)
		}
		if a != nil && info.Category == CatLocal && int(info.imm)+1 > a.locals {
			a.locals = int(info.imm) + 1
		}
		c.h += info.Pushes - info.Pops
	}
	if c.h > MaxStack {
		return verr(i, info.Name, ErrStackTooDeep, "%d values, at most %d", c.h, MaxStack)
	}
	c.n++
	return nil
}

// armResults is how many values an IF arm leaves: -1 when it ended in a
// branch or RETURN and left none (it then fits either block type).
func armResults(i int, name string, h int, f *frame) (int, error) {
	r := h - f.base
	if r > 1 {
		return 0, verr(i, name, ErrStackHeight, "an IF arm may leave at most one value, leaves %d", r)
	}
	if f.unreachable && r == 0 {
		return -1, nil
	}
	return r, nil
}

// joinArms is what an IF with both arms leaves, given what each arm left
// (armResults); ok is false when they disagree.
func joinArms(then, els int) (res int, ok bool) {
	switch {
	case then < 0 && els < 0:
		return 0, true
	case then < 0:
		return els, true
	case els < 0:
		return then, true
	case then != els:
		return 0, false
	}
	return then, true
}

func (c *Checker) unbalanced(i int, name string, top *frame) error {
	if top.op == OpStart {
		return verr(i, name, ErrUnbalanced, "no block is open")
	}
	return verr(i, name, ErrUnbalanced, "the open block is %s at op %d", top.op, top.start)
}

// plan is a shortest completion. Inside a block at r values above its
// base, only a few moves matter: push a value (CONST_0), drop one
// (LOCAL_SET_0), end the block's reachable code (RETURN with a value, BR
// inside a loop), and the closing opcode. Each block leaves its parent at
// its base or one above, so the plan is a walk over the open blocks from
// the innermost outwards with two states per block.
func (c *Checker) plan() []Op {
	if c.done {
		return nil
	}
	type state struct {
		h    int
		plan []Op // nil with ok false: unreachable state
		ok   bool
	}
	cur := []state{{h: c.h, ok: true}}
	loops := c.loops
	for j := len(c.frames) - 1; j >= 0; j-- {
		f := c.frames[j]
		next := [2]state{{h: f.base}, {h: f.base + 1}}
		for _, s := range cur {
			if !s.ok {
				continue
			}
			for k, tail := range closeFrame(f, s.h-f.base, loops > 0) {
				if tail == nil {
					continue
				}
				p := append(append([]Op{}, s.plan...), tail...)
				if !next[k].ok || len(p) < len(next[k].plan) {
					next[k].plan, next[k].ok = p, true
				}
			}
		}
		if f.op == OpLoopBegin {
			loops--
		}
		cur = next[:]
	}
	// The function frame closes with END and reports its plan as "k=0".
	return cur[0].plan
}

// closeFrame gives, for a block f holding r values above its base, the
// shortest opcodes that close it leaving its parent at base+0 and at
// base+1 (nil: impossible). For the function frame, index 0 is the END.
// canBr says whether a loop is open at or around f.
func closeFrame(f frame, r int, canBr bool) [2][]Op {
	u := f.unreachable
	// zero: to no value left, reachable or not.
	zero := []Op{}
	if r >= 1 {
		zero = []Op{OpReturn}
	}
	// zeroU: to no value left in unreachable code.
	var zeroU []Op
	switch {
	case r >= 1:
		zeroU = []Op{OpReturn}
	case u:
		zeroU = []Op{}
	case canBr:
		zeroU = []Op{OpBr}
	default:
		zeroU = []Op{OpConst0, OpReturn}
	}
	// one: to exactly one value.
	var one []Op
	switch {
	case r == 0:
		one = []Op{OpConst0}
	case r == 1:
		one = []Op{}
	case r == 2:
		one = []Op{OpLocalSet0}
	default:
		one = []Op{OpReturn, OpConst0}
	}
	shorter := func(a, b []Op) []Op {
		if len(b) < len(a) {
			return b
		}
		return a
	}
	with := func(p []Op, tail ...Op) []Op { return append(append([]Op{}, p...), tail...) }
	var out [2][]Op
	switch f.op {
	case OpStart:
		out[0] = with(shorter(one, zeroU), OpEnd)
	case OpLoopBegin:
		out[0] = with(zero, OpLoopEnd)
	case OpIfBegin:
		if f.elseAt < 0 {
			out[0] = with(zero, OpIfEnd)
			// or an ELSE: the then-arm ends with a value or unreachably,
			// the else-arm pushes one.
			out[1] = with(shorter(one, zeroU), OpElse, OpConst0, OpIfEnd)
			break
		}
		switch t := f.thenResults; {
		case t < 0:
			out[0] = with(zero, OpIfEnd)
			out[1] = with(one, OpIfEnd)
		case t == 0:
			out[0] = with(zero, OpIfEnd)
		default:
			out[1] = with(shorter(one, zeroU), OpIfEnd)
		}
	}
	return out
}
