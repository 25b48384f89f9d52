package ir

import "strconv"

// Validate checks p before any WASM is built and returns nil or the first
// rule broken, as a *ValidationError naming the opcode index, the opcode and
// the rule:
//
//   - START first and only first, END last and only last;
//   - every opcode in the codebook;
//   - blocks balanced: LOOP_BEGIN/LOOP_END, IF_BEGIN/[ELSE]/IF_END, ELSE only
//     inside an IF, BR and BR_IF only inside a loop;
//   - no stack underflow, counting only the values pushed inside the current
//     block (as WASM does);
//   - a loop body leaves the stack as it found it; an IF arm leaves at most one
//     value, both arms the same, an IF without ELSE none;
//   - END finds exactly one value, the result;
//   - SLOT_k only for k < Arity; at most MaxStack values and MaxLength opcodes.
//
// Every program that passes compiles to a module that WASM validation accepts.
func Validate(p Program) error {
	_, err := analyze(p)
	return err
}

// analysis is what validation learns about a program, reused by the compiler
// and the interpreter.
type analysis struct {
	match    []int   // IF_BEGIN→ELSE or IF_END, ELSE→IF_END, LOOP_END→LOOP_BEGIN, BR/BR_IF→LOOP_BEGIN
	results  []uint8 // IF_BEGIN: values the IF leaves (0 or 1)
	depth    []int   // BR/BR_IF: WASM label depth of the target loop
	loopBase []int   // BR/BR_IF: stack height at the target loop's entry
	locals   int     // locals used: highest LOCAL index + 1
	cost     []int32 // LOOP_BEGIN: fuel charged per entry into the body (loopCosts)
}

type frame struct {
	op          Op  // OpStart (function), OpLoopBegin or OpIfBegin
	start       int // index of the opening opcode
	base        int // stack height inside the block at entry
	elseAt      int // index of ELSE, -1 if none yet
	thenResults int // values the then-arm left; -1 when it ended unreachable with none
	unreachable bool
}

func analyze(p Program) (*analysis, error) {
	ops := p.Ops
	n := len(ops)
	if n == 0 {
		return nil, verr(0, "", ErrMissingStart, "empty program")
	}
	if n > MaxLength {
		return nil, verr(MaxLength, ops[MaxLength].String(), ErrTooLong, "%d opcodes, at most %d", n, MaxLength)
	}
	if p.Arity < 0 || p.Arity > NumSlots {
		return nil, verr(0, ops[0].String(), ErrArity, "arity %d, must be 0..%d", p.Arity, NumSlots)
	}
	for i, op := range ops {
		if !op.Valid() {
			return nil, verr(i, op.String(), ErrUnknownOpcode, "code %d", uint8(op))
		}
	}
	if ops[0] != OpStart {
		return nil, verr(0, ops[0].String(), ErrMissingStart, "a program begins with START")
	}
	a := &analysis{
		match:    make([]int, n),
		results:  make([]uint8, n),
		depth:    make([]int, n),
		loopBase: make([]int, n),
	}
	frames := []frame{{op: OpStart, elseAt: -1}}
	h := 0
	for i := 1; i < n; i++ {
		op := ops[i]
		info := codebook[op]
		top := &frames[len(frames)-1]
		need := func(k int) error {
			if h-top.base < k {
				return verr(i, info.Name, ErrStackUnderflow, "needs %d, has %d", k, h-top.base)
			}
			return nil
		}
		switch op {
		case OpStart:
			return nil, verr(i, info.Name, ErrMisplaced, "START may appear only at op 0")
		case OpEnd:
			if i != n-1 {
				return nil, verr(i, info.Name, ErrMisplaced, "END must be the last opcode, %d follow it", n-1-i)
			}
			if len(frames) > 1 {
				return nil, verr(i, info.Name, ErrUnbalanced, "%s at op %d is not closed", ops[top.start], top.start)
			}
			if !(top.unreachable && h == 0) && h != 1 {
				return nil, verr(i, info.Name, ErrStackHeight, "END needs exactly one value on the stack, has %d", h)
			}
			a.cost = loopCosts(ops)
			return a, nil
		case OpLoopBegin:
			frames = append(frames, frame{op: op, start: i, base: h, elseAt: -1})
		case OpLoopEnd:
			if top.op != OpLoopBegin {
				return nil, unbalanced(i, info.Name, ops, top)
			}
			if h != top.base {
				return nil, verr(i, info.Name, ErrStackHeight, "a loop body must leave the stack as it found it, leaves %d value(s)", h-top.base)
			}
			a.match[i] = top.start
			a.match[top.start] = i
			frames = frames[:len(frames)-1]
		case OpIfBegin:
			if err := need(1); err != nil {
				return nil, err
			}
			h--
			frames = append(frames, frame{op: op, start: i, base: h, elseAt: -1})
		case OpElse:
			if top.op != OpIfBegin || top.elseAt >= 0 {
				detail := "no IF_BEGIN is open"
				if top.op == OpIfBegin {
					detail = "the IF at op " + strconv.Itoa(top.start) + " already has an ELSE"
				}
				return nil, verr(i, info.Name, ErrElseOutsideIf, "%s", detail)
			}
			r, err := armResults(i, info.Name, h, top)
			if err != nil {
				return nil, err
			}
			top.thenResults, top.elseAt, top.unreachable = r, i, false
			a.match[top.start] = i
			h = top.base
		case OpIfEnd:
			if top.op != OpIfBegin {
				return nil, unbalanced(i, info.Name, ops, top)
			}
			r, err := armResults(i, info.Name, h, top)
			if err != nil {
				return nil, err
			}
			res := 0
			if top.elseAt < 0 {
				if r > 0 {
					return nil, verr(i, info.Name, ErrStackHeight, "an IF without ELSE must leave the stack as it found it, leaves %d value(s)", r)
				}
				a.match[top.start] = i
			} else {
				t := top.thenResults
				switch {
				case t < 0 && r < 0:
				case t < 0:
					res = r
				case r < 0:
					res = t
				case t != r:
					return nil, verr(i, info.Name, ErrStackHeight, "IF arms disagree: then leaves %d value(s), else %d", t, r)
				default:
					res = t
				}
				a.match[top.elseAt] = i
			}
			a.results[top.start] = uint8(res)
			h = top.base + res
			frames = frames[:len(frames)-1]
		case OpBr, OpBrIf:
			if op == OpBrIf {
				if err := need(1); err != nil {
					return nil, err
				}
				h--
			}
			depth, loop := 0, -1
			for j := len(frames) - 1; j > 0; j-- {
				if frames[j].op == OpLoopBegin {
					loop = j
					break
				}
				depth++ // an IF is one label
			}
			if loop < 0 {
				return nil, verr(i, info.Name, ErrBranchOutside, "no LOOP_BEGIN is open")
			}
			a.match[i] = frames[loop].start
			a.depth[i] = depth
			a.loopBase[i] = frames[loop].base
			if op == OpBr {
				h = top.base
				top.unreachable = true
			}
		case OpReturn:
			if err := need(1); err != nil {
				return nil, err
			}
			h = top.base
			top.unreachable = true
		default:
			if err := need(info.Pops); err != nil {
				return nil, err
			}
			if info.Category == CatSlot && int(info.imm) >= p.Arity {
				return nil, verr(i, info.Name, ErrSlotRange, "the program has %d operand(s)", p.Arity)
			}
			if info.Category == CatLocal && int(info.imm)+1 > a.locals {
				a.locals = int(info.imm) + 1
			}
			h += info.Pushes - info.Pops
		}
		if h > MaxStack {
			return nil, verr(i, info.Name, ErrStackTooDeep, "%d values, at most %d", h, MaxStack)
		}
	}
	return nil, verr(n-1, ops[n-1].String(), ErrMissingEnd, "a program ends with END")
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

func unbalanced(i int, name string, ops []Op, top *frame) error {
	if top.op == OpStart {
		return verr(i, name, ErrUnbalanced, "no block is open")
	}
	return verr(i, name, ErrUnbalanced, "the open block is %s at op %d", ops[top.start], top.start)
}

// loopCosts gives each LOOP_BEGIN the fuel one entry into its body costs:
// the number of opcodes that belong to the loop, its LOOP_BEGIN and LOOP_END
// included, those of nested loops excluded (a nested loop charges its own).
// One entry runs each of those opcodes at most once, since the only
// backward jumps (BR, BR_IF) start a new, charged entry; so a run executes
// at most len(ops) opcodes plus the fuel it was charged.
func loopCosts(ops []Op) []int32 {
	cost := make([]int32, len(ops))
	var open []int // LOOP_BEGIN indices, innermost last
	for i, op := range ops {
		switch {
		case op == OpLoopBegin:
			open = append(open, i)
			cost[i] = 1
		case len(open) == 0:
		case op == OpLoopEnd:
			cost[open[len(open)-1]]++
			open = open[:len(open)-1]
		default:
			cost[open[len(open)-1]]++
		}
	}
	return cost
}

// LoopCosts validates p and returns, for each opcode index, the fuel one
// entry into the loop body it opens costs: nonzero only at LOOP_BEGIN. The
// interpreter and the compiled module charge exactly this.
func LoopCosts(p Program) ([]int32, error) {
	a, err := analyze(p)
	if err != nil {
		return nil, err
	}
	return a.cost, nil
}
