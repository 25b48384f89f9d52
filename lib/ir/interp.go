package ir

import (
	"fmt"
	"math"
	"sync"
)

// Exec is a program prepared for the reference interpreter: validated once,
// with every jump resolved, then run any number of times. Run does not
// allocate and is safe for concurrent use.
type Exec struct {
	prog Program
	code []inst
	mem  bool // the program uses memory
}

// memory is one run's MemWords words; hi bounds the words written, so
// handing it back clears only those.
type memory struct {
	w  [MemWords]int32
	hi int
}

var memPool = sync.Pool{New: func() any { return new(memory) }}

type inst struct {
	op     Op    // what Run executes: the opcode, or the first of its family (see kindOf)
	imm    int32 // constant, slot or local index; LOOP_BEGIN: fuel per entry
	target int32 // jump destination
	base   int32 // stack height to restore on a branch
	orig   Op    // the program's opcode, for trap reports
}

// kindOf maps op to the opcode Run dispatches on: every constant to
// OpConst0, every slot to OpSlot0, every local get, set and tee to its
// canonical opcode (Op.canon); the operand is in imm. The codebook's
// category and stack effect decide, so opcodes added to a family run
// without changes here.
func kindOf(op Op) Op {
	switch codebook[op].Category {
	case CatConst:
		return OpConst0
	case CatSlot:
		return OpSlot0
	}
	return op.canon()
}

// Prepare validates p and resolves its jumps for Run.
func Prepare(p Program) (*Exec, error) {
	a, err := analyze(p)
	if err != nil {
		return nil, err
	}
	code := make([]inst, len(p.Ops))
	mem := false
	for i, op := range p.Ops {
		mem = mem || codebook[op].Category == CatMemory
		in := inst{op: kindOf(op), imm: op.Imm(), orig: op}
		switch op {
		case OpIfBegin: // false: skip to after ELSE, or to IF_END
			in.target = int32(a.match[i])
			if p.Ops[a.match[i]] == OpElse {
				in.target++
			}
		case OpElse: // end of the then-arm: skip the else-arm
			in.target = int32(a.match[i])
		case OpBr, OpBrIf:
			in.target = int32(a.match[i])
			in.base = int32(a.loopBase[i])
		case OpLoopBegin:
			in.imm = a.cost[i]
		}
		code[i] = in
	}
	return &Exec{prog: p, code: code, mem: mem}, nil
}

// Program returns the program e runs.
func (e *Exec) Program() Program { return e.prog }

// Interpret validates p and runs it on args with the given fuel; see Exec.Run.
func Interpret(p Program, args []int32, fuel int64) (int32, error) {
	e, err := Prepare(p)
	if err != nil {
		return 0, err
	}
	return e.Run(args, fuel)
}

// Run executes the program on args with exactly WASM's i32 semantics:
// arithmetic wraps at 32 bits, I32_DIV_S traps on a zero divisor and on
// INT_MIN / -1, I32_REM_S traps on a zero divisor. Fuel measures work: each
// entry into a loop body costs the number of opcodes that belong to the
// loop (LOOP_BEGIN to LOOP_END, nested loops excluded; see LoopCosts), and
// entering with less fuel left than that stops the run with
// ErrFuelExhausted, as the compiled module does. So a run executes at most
// the program's length plus fuel opcodes. Memory is all zero when a run
// starts. Traps are *TrapError.
func (e *Exec) Run(args []int32, fuel int64) (int32, error) {
	v, _, err := e.RunFuel(args, fuel)
	return v, err
}

// RunFuel is Run that also returns the fuel the run used (up to the point
// where it stopped, for an error): what a compiled module leaves in its
// fuel global is the initial fuel minus this.
func (e *Exec) RunFuel(args []int32, fuel int64) (v int32, used int64, err error) {
	return e.run(args, fuel, nil)
}

// run is the one interpreter loop: Run passes no tracer, Trace passes one,
// which sees the machine after every opcode and may stop the run (errCut).
// Fuel and branch rules therefore live here only.
func (e *Exec) run(args []int32, fuel int64, tr *tracer) (v int32, used int64, err error) {
	if len(args) != e.prog.Arity {
		return 0, 0, argsError(e.prog, len(args))
	}
	left := fuel
	var stack [MaxStack + 1]int32
	var locals [NumLocals]int32
	var mem *memory
	if e.mem {
		mem = memPool.Get().(*memory)
		defer func() {
			clear(mem.w[:mem.hi])
			mem.hi = 0
			memPool.Put(mem)
		}()
	}
	code := e.code
	sp := 0
	pc := 1
	for {
		at := pc
		in := &code[pc]
		pc++
		switch in.op {
		case OpConst0:
			stack[sp] = in.imm
			sp++
		case OpSlot0:
			stack[sp] = args[in.imm]
			sp++
		case OpLocalGet0:
			stack[sp] = locals[in.imm]
			sp++
		case OpLocalSet0:
			sp--
			locals[in.imm] = stack[sp]
		case OpLocalTee0:
			locals[in.imm] = stack[sp-1]
		case OpI32Add:
			sp--
			stack[sp-1] += stack[sp]
		case OpI32Sub:
			sp--
			stack[sp-1] -= stack[sp]
		case OpI32Mul:
			sp--
			stack[sp-1] *= stack[sp]
		case OpI32DivS, OpI32RemS:
			sp--
			v, trap := DivRem(in.op, stack[sp-1], stack[sp])
			if trap != nil {
				return 0, fuel - left, &TrapError{Index: pc - 1, Op: in.orig, Reason: trap}
			}
			stack[sp-1] = v
		case OpI32Eq:
			sp--
			stack[sp-1] = b2i(stack[sp-1] == stack[sp])
		case OpI32Ne:
			sp--
			stack[sp-1] = b2i(stack[sp-1] != stack[sp])
		case OpI32LtS:
			sp--
			stack[sp-1] = b2i(stack[sp-1] < stack[sp])
		case OpI32GtS:
			sp--
			stack[sp-1] = b2i(stack[sp-1] > stack[sp])
		case OpI32LeS:
			sp--
			stack[sp-1] = b2i(stack[sp-1] <= stack[sp])
		case OpI32GeS:
			sp--
			stack[sp-1] = b2i(stack[sp-1] >= stack[sp])
		case OpMemLoad:
			a := stack[sp-1]
			if uint32(a) >= MemWords {
				return 0, fuel - left, &TrapError{Index: pc - 1, Op: in.orig, Reason: ErrMemoryBounds}
			}
			stack[sp-1] = mem.w[a]
		case OpMemStore:
			sp -= 2
			a := stack[sp]
			if uint32(a) >= MemWords {
				return 0, fuel - left, &TrapError{Index: pc - 1, Op: in.orig, Reason: ErrMemoryBounds}
			}
			mem.w[a] = stack[sp+1]
			mem.hi = max(mem.hi, int(a)+1)
			if tr != nil {
				tr.stored(a, stack[sp+1])
			}
		case OpLoopBegin:
			if left < int64(in.imm) {
				return 0, fuel - left, ErrFuelExhausted
			}
			left -= int64(in.imm)
		case OpLoopEnd, OpIfEnd:
		case OpIfBegin:
			sp--
			if stack[sp] == 0 {
				pc = int(in.target)
			}
		case OpElse:
			pc = int(in.target)
		case OpBr:
			sp = int(in.base)
			pc = int(in.target)
		case OpBrIf:
			sp--
			if stack[sp] != 0 {
				sp = int(in.base)
				pc = int(in.target)
			}
		case OpReturn, OpEnd:
			if tr != nil {
				tr.step(at, pc, stack[:sp], &locals, left)
			}
			return stack[sp-1], fuel - left, nil
		}
		if tr != nil && !tr.step(at, pc, stack[:sp], &locals, left) {
			return 0, fuel - left, errCut
		}
	}
}

// DivRem is WebAssembly's i32.div_s (op OpI32DivS) or i32.rem_s: the one
// statement of when they trap, which the interpreter runs, constant
// folding (peephole.go) folds with; the synthesizer's term evaluator
// (lib/synth/internal/enum) writes the same rule out for speed, held to it
// by TestLoweringAgrees. Division traps on a zero divisor and on
// INT_MIN / -1, whose quotient overflows; the remainder traps on a zero
// divisor only, and x rem -1 is 0.
func DivRem(op Op, a, b int32) (int32, error) {
	switch {
	case b == 0:
		return 0, ErrDivideByZero
	case b == -1 && op == OpI32RemS:
		return 0, nil
	case b == -1 && a == math.MinInt32:
		return 0, ErrIntegerOverflow
	case op == OpI32RemS:
		return a % b, nil
	}
	return a / b, nil
}

func b2i(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

func argsError(p Program, n int) error {
	name := p.Name
	if name == "" {
		name = "program"
	}
	return fmt.Errorf("%w: %s takes %d, got %d", ErrArgs, name, p.Arity, n)
}
