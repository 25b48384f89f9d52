package ir

import (
	"errors"
	"fmt"
)

// Edge names the control-flow edge an opcode took, for a Step.
type Edge string

// The edges a Step may report; ordinary opcodes take none ("").
const (
	EdgeIfTrue      Edge = "if_true"      // IF_BEGIN: condition nonzero, into the then-arm
	EdgeIfFalse     Edge = "if_false"     // IF_BEGIN: condition zero, to the else-arm or past IF_END
	EdgeSkipElse    Edge = "skip_else"    // ELSE reached from the then-arm: past IF_END
	EdgeLoopEnter   Edge = "loop_enter"   // LOOP_BEGIN: into the loop body (its fuel paid)
	EdgeLoopBack    Edge = "loop_back"    // BR, or BR_IF on nonzero: back to the loop's start
	EdgeFallThrough Edge = "fall_through" // BR_IF on zero: on past the branch
	EdgeLoopExit    Edge = "loop_exit"    // LOOP_END: out of the loop
	EdgeReturn      Edge = "return"       // RETURN: early exit with the top of the stack
)

// Step is the machine right after one opcode ran (step 0 is START: the
// state before the first opcode).
type Step struct {
	Index  int     `json:"index"`  // the opcode's position in the program
	Op     Op      `json:"-"`      //
	Name   string  `json:"op"`     // its name, e.g. "I32_ADD"
	Stack  []int32 `json:"stack"`  // the operand stack, bottom first
	Locals []int32 `json:"locals"` // LOCAL_0..LOCAL_{NumLocals-1}
	Fuel   int64   `json:"fuel"`   // fuel left
	Edge   Edge    `json:"edge,omitempty"`
	// Loop is the index of the LOOP_BEGIN of the innermost loop the
	// opcode belongs to (-1 outside every loop) and Iteration which entry
	// into that loop's body this is, the first being 1.
	Loop      int `json:"loop"`
	Iteration int `json:"iteration,omitempty"`
	// Store is the word a MEM_STORE wrote (nil for every other opcode):
	// memory is the stores so far, over words that start at 0.
	Store *MemWrite `json:"store,omitempty"`
}

// MemWrite is one store to memory: word Addr now holds Value.
type MemWrite struct {
	Addr  int32 `json:"addr"`
	Value int32 `json:"value"`
}

// TraceResult is a traced run: every step, how the run ended, and whether
// the step limit cut it short.
type TraceResult struct {
	Program  Program
	Args     []int32
	Steps    []Step
	Value    int32 // the result, when Err is nil and Cut is false
	Err      error // the run's own end: *TrapError or ErrFuelExhausted
	FuelLeft int64 // fuel left when the run ended or was cut
	Cut      bool  // the run reached MaxSteps steps before it ended
	MaxSteps int
}

// DefaultMaxSteps bounds a trace when Trace is given 0 steps.
const DefaultMaxSteps = 10_000

// errCut stops the interpreter loop when a trace reaches its step limit.
var errCut = errors.New("ir: trace cut")

// Trace validates p and runs it on args with the given fuel like
// Interpret, recording the machine after every opcode, at most maxSteps
// steps (DefaultMaxSteps when 0). The error is for what prevents a run
// (an invalid program, wrong arguments, bad limits); a trap or fuel
// exhaustion ends the trace and is its Err.
func Trace(p Program, args []int32, fuel int64, maxSteps int) (*TraceResult, error) {
	e, err := Prepare(p)
	if err != nil {
		return nil, err
	}
	return e.Trace(args, fuel, maxSteps)
}

// Trace runs the prepared program on args recording each step; see Trace.
func (e *Exec) Trace(args []int32, fuel int64, maxSteps int) (*TraceResult, error) {
	if maxSteps == 0 {
		maxSteps = DefaultMaxSteps
	}
	if maxSteps < 1 {
		return nil, fmt.Errorf("ir: trace: step limit %d, must be at least 1", maxSteps)
	}
	if len(args) != e.prog.Arity {
		return nil, argsError(e.prog, len(args))
	}
	tr := newTracer(e, maxSteps)
	res := &TraceResult{Program: e.prog, Args: append([]int32{}, args...), MaxSteps: maxSteps}
	var locals [NumLocals]int32
	tr.record(0, nil, &locals, fuel, "")
	v, used, err := e.run(args, fuel, tr)
	res.Steps = tr.steps
	res.FuelLeft = fuel - used
	switch {
	case errors.Is(err, errCut):
		res.Cut = true
	case err != nil:
		res.Err = err
	default:
		res.Value = v
	}
	return res, nil
}

// tracer records steps for run.
type tracer struct {
	ops    []Op
	loopOf []int // per opcode: innermost enclosing LOOP_BEGIN, -1 for none
	iter   []int // per LOOP_BEGIN: the current iteration
	max    int
	steps  []Step
	back   bool      // the last step branched back to a loop's start
	store  *MemWrite // what the opcode being recorded stored, if anything
}

// stored notes the store the current opcode made, for its Step.
func (t *tracer) stored(a, v int32) { t.store = &MemWrite{Addr: a, Value: v} }

func newTracer(e *Exec, max int) *tracer {
	ops := e.prog.Ops
	t := &tracer{ops: ops, loopOf: make([]int, len(ops)), iter: make([]int, len(ops)), max: max}
	var open []int
	for i, op := range ops {
		if op == OpLoopBegin {
			open = append(open, i)
		}
		t.loopOf[i] = -1
		if len(open) > 0 {
			t.loopOf[i] = open[len(open)-1]
		}
		if op == OpLoopEnd && len(open) > 0 {
			open = open[:len(open)-1]
		}
	}
	return t
}

// step records opcode at, which ran and left the machine about to run
// next; it reports whether the run may go on.
func (t *tracer) step(at, next int, stack []int32, locals *[NumLocals]int32, fuel int64) bool {
	var edge Edge
	switch t.ops[at] {
	case OpIfBegin:
		edge = EdgeIfTrue
		if next != at+1 {
			edge = EdgeIfFalse
		}
	case OpElse:
		edge = EdgeSkipElse
	case OpLoopBegin:
		edge = EdgeLoopEnter
		if t.back {
			t.iter[at]++
		} else {
			t.iter[at] = 1
		}
	case OpLoopEnd:
		edge = EdgeLoopExit
	case OpBr:
		edge = EdgeLoopBack
	case OpBrIf:
		edge = EdgeFallThrough
		if next != at+1 {
			edge = EdgeLoopBack
		}
	case OpReturn:
		edge = EdgeReturn
	}
	t.back = edge == EdgeLoopBack
	t.record(at, stack, locals, fuel, edge)
	return len(t.steps) < t.max
}

func (t *tracer) record(at int, stack []int32, locals *[NumLocals]int32, fuel int64, edge Edge) {
	s := Step{Index: at, Op: t.ops[at], Name: t.ops[at].String(), Fuel: fuel, Edge: edge, Loop: t.loopOf[at],
		Stack: append(make([]int32, 0, len(stack)), stack...), Locals: append([]int32(nil), locals[:]...)}
	if s.Loop >= 0 {
		s.Iteration = t.iter[s.Loop]
	}
	s.Store, t.store = t.store, nil
	t.steps = append(t.steps, s)
}
