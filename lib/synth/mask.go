package synth

import (
	"fmt"

	"github.com/irsynth/irsynth/lib/ir"
)

// Mask is the validator's stack and block state kept incrementally while a
// program is emitted one opcode at a time. Allowed reports which next opcodes
// keep the prefix completable into a valid program of at most MaxLen opcodes
// (START and END included), leaving enough room to close every open block:
// a decoder that only ever picks an allowed opcode, and stops at END, emits a
// program that ir.Validate accepts.
//
// The mask is sound (every admitted prefix can still be completed) and exact
// for the prefixes of valid programs: a valid program of at most MaxLen
// opcodes is admitted opcode by opcode.
type Mask struct {
	arity  int
	maxLen int
	n      int // opcodes emitted so far, START included
	h      int // stack height
	frames []mframe
	done   bool
}

type mframe struct {
	op          ir.Op // OpStart, OpLoopBegin or OpIfBegin
	base        int
	hasElse     bool
	thenResults int // -1: the then-arm ended unreachable with no value
	unreachable bool
}

// stackCap keeps a margin under ir.MaxStack so that closing a block, which
// may push one value, never overflows.
const stackCap = ir.MaxStack - 2

// maxDepth bounds block nesting (the function frame included).
const maxDepth = 16

// NewMask starts a program with the given arity (slots SLOT_0..SLOT_{arity-1}
// are allowed) and maximum length; START is already emitted.
func NewMask(arity, maxLen int) (*Mask, error) {
	if arity < 0 || arity > ir.NumSlots {
		return nil, fmt.Errorf("%w: arity %d, must be 0..%d", ErrMask, arity, ir.NumSlots)
	}
	if maxLen < 3 || maxLen > ir.MaxLength {
		return nil, fmt.Errorf("%w: max length %d, must be 3..%d", ErrMask, maxLen, ir.MaxLength)
	}
	return &Mask{arity: arity, maxLen: maxLen, n: 1, frames: []mframe{{op: ir.OpStart}}}, nil
}

// Len is the number of opcodes emitted so far, START included.
func (m *Mask) Len() int { return m.n }

// Done reports whether END has been emitted.
func (m *Mask) Done() bool { return m.done }

// Allowed reports whether op may come next.
func (m *Mask) Allowed(op ir.Op) bool {
	if m.done {
		return false
	}
	var buf [16]mframe
	frames := append(buf[:0], m.frames...)
	h, frames, ok := step(op, m.h, frames, m.arity)
	if !ok {
		return false
	}
	if op == ir.OpEnd {
		return m.n+1 <= m.maxLen
	}
	return m.n+1+closeCost(h, frames) <= m.maxLen
}

// AllowedSet fills dst (len ir.NumOps) with the allowed next opcodes and
// returns how many there are.
func (m *Mask) AllowedSet(dst []bool) int {
	k := 0
	for i := range dst {
		dst[i] = m.Allowed(ir.Op(i))
		if dst[i] {
			k++
		}
	}
	return k
}

// Push emits op, which must be allowed.
func (m *Mask) Push(op ir.Op) error {
	if !m.Allowed(op) {
		return fmt.Errorf("%w: %s at op %d", ErrMaskRejects, op, m.n)
	}
	h, frames, _ := step(op, m.h, m.frames, m.arity)
	m.h, m.frames = h, frames
	m.n++
	if op == ir.OpEnd {
		m.done = true
	}
	return nil
}

// step applies op to the state the way ir.Validate does; ok is false when
// op breaks a rule. frames may be modified in place and is returned.
func step(op ir.Op, h int, frames []mframe, arity int) (int, []mframe, bool) {
	if !op.Valid() {
		return h, frames, false
	}
	top := &frames[len(frames)-1]
	have := h - top.base
	info := ir.Info(op)
	switch op {
	case ir.OpStart:
		return h, frames, false
	case ir.OpEnd:
		if len(frames) != 1 || !(h == 1 || (top.unreachable && h == 0)) {
			return h, frames, false
		}
		return h, frames, true
	case ir.OpLoopBegin:
		if len(frames) >= maxDepth {
			return h, frames, false
		}
		return h, append(frames, mframe{op: op, base: h}), true
	case ir.OpLoopEnd:
		if top.op != ir.OpLoopBegin || h != top.base {
			return h, frames, false
		}
		return h, frames[:len(frames)-1], true
	case ir.OpIfBegin:
		if have < 1 || len(frames) >= maxDepth {
			return h, frames, false
		}
		h--
		return h, append(frames, mframe{op: op, base: h}), true
	case ir.OpElse:
		if top.op != ir.OpIfBegin || top.hasElse {
			return h, frames, false
		}
		r, ok := arm(have, top.unreachable)
		if !ok {
			return h, frames, false
		}
		top.thenResults, top.hasElse, top.unreachable = r, true, false
		return top.base, frames, true
	case ir.OpIfEnd:
		if top.op != ir.OpIfBegin {
			return h, frames, false
		}
		r, ok := arm(have, top.unreachable)
		if !ok {
			return h, frames, false
		}
		res := 0
		if !top.hasElse {
			if r > 0 {
				return h, frames, false
			}
		} else {
			t := top.thenResults
			switch {
			case t < 0 && r < 0:
			case t < 0:
				res = r
			case r < 0:
				res = t
			case t != r:
				return h, frames, false
			default:
				res = t
			}
		}
		h = top.base + res
		return h, frames[:len(frames)-1], true
	case ir.OpBr, ir.OpBrIf:
		if op == ir.OpBrIf {
			if have < 1 {
				return h, frames, false
			}
			h--
		}
		inLoop := false
		for j := len(frames) - 1; j > 0; j-- {
			if frames[j].op == ir.OpLoopBegin {
				inLoop = true
				break
			}
		}
		if !inLoop {
			return h, frames, false
		}
		if op == ir.OpBr {
			h = top.base
			top.unreachable = true
		}
		return h, frames, true
	case ir.OpReturn:
		if have < 1 {
			return h, frames, false
		}
		top.unreachable = true
		return top.base, frames, true
	}
	if have < info.Pops {
		return h, frames, false
	}
	if info.Category == ir.CatSlot && int(op.Imm()) >= arity {
		return h, frames, false
	}
	h += info.Pushes - info.Pops
	if h > stackCap {
		return h, frames, false
	}
	return h, frames, true
}

// arm is what an IF arm leaves, as the validator counts it.
func arm(r int, unreachable bool) (int, bool) {
	if r > 1 {
		return 0, false
	}
	if unreachable && r == 0 {
		return -1, true
	}
	return r, true
}

// closeCost is the fewest opcodes that close every open block and END the
// program from height h: one opcode per surplus value (LOCAL_SET or a binary
// operation), one push where a value is missing, and the closing opcodes.
// Each block leaves its parent at one of two heights (base or base+1), so
// the minimum is a two-state walk from the innermost block outwards.
func closeCost(h int, frames []mframe) int {
	const inf = 1 << 20
	// cost[k]: fewest opcodes to reach the current frame's parent at height
	// parentBase+k; start with the innermost frame at height h.
	type st struct{ h, cost int }
	cur := [2]st{{h, 0}, {-1, inf}}
	for j := len(frames) - 1; j >= 0; j-- {
		f := frames[j]
		next := [2]st{{f.base, inf}, {f.base + 1, inf}}
		for _, s := range cur {
			if s.cost >= inf || s.h < 0 {
				continue
			}
			r := s.h - f.base
			u := f.unreachable
			relax := func(k, c int) {
				if s.cost+c < next[k].cost {
					next[k].cost = s.cost + c
				}
			}
			switch f.op {
			case ir.OpStart:
				switch {
				case r >= 1:
					relax(0, r-1+1)
				case u:
					relax(0, 1)
				default:
					relax(0, 2)
				}
			case ir.OpLoopBegin:
				relax(0, r+1)
			case ir.OpIfBegin:
				if !f.hasElse {
					relax(0, r+1)
					// or: ELSE, a value in each arm, IF_END
					switch {
					case r >= 1:
						relax(1, r-1+3)
					case u:
						relax(1, 3)
					default:
						relax(1, 4)
					}
					continue
				}
				t := f.thenResults
				if t <= 0 { // leave nothing (t = -1 also allows one value)
					relax(0, r+1)
				}
				if t != 0 {
					switch {
					case r >= 1:
						relax(1, r-1+1)
					case u:
						if t < 0 {
							relax(0, 1)
						} else {
							relax(1, 1)
						}
					default:
						relax(1, 2)
					}
				}
			}
		}
		cur = next
	}
	return min(cur[0].cost, cur[1].cost)
}
