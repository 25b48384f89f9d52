package ir

import (
	"fmt"
	"math"
)

// Exec is a program prepared for the reference interpreter: validated once,
// with every jump resolved, then run any number of times. Run does not
// allocate and is safe for concurrent use.
type Exec struct {
	prog Program
	code []inst
}

type inst struct {
	op     Op
	imm    int32
	target int32 // jump destination
	base   int32 // stack height to restore on a branch
}

// Prepare validates p and resolves its jumps for Run.
func Prepare(p Program) (*Exec, error) {
	a, err := analyze(p)
	if err != nil {
		return nil, err
	}
	code := make([]inst, len(p.Ops))
	for i, op := range p.Ops {
		in := inst{op: op.canon(), imm: op.Imm()}
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
		}
		code[i] = in
	}
	return &Exec{prog: p, code: code}, nil
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
// INT_MIN / -1, I32_REM_S traps on a zero divisor. Each entry into a loop
// body burns one unit of fuel; entering with none left stops the run with
// ErrFuelExhausted, as the compiled module does. Traps are *TrapError.
func (e *Exec) Run(args []int32, fuel int64) (int32, error) {
	return e.run(args, fuel, nil)
}

// run is the one interpreter loop: Run passes no tracer, Trace passes one,
// which sees the machine after every opcode and may stop the run (errCut).
// Fuel and branch rules therefore live here only.
func (e *Exec) run(args []int32, fuel int64, tr *tracer) (int32, error) {
	if len(args) != e.prog.Arity {
		return 0, argsError(e.prog, len(args))
	}
	var stack [MaxStack + 1]int32
	var locals [NumLocals]int32
	code := e.code
	sp := 0
	pc := 1
	for {
		at := pc
		in := &code[pc]
		pc++
		switch in.op {
		case OpConst0, OpConst1, OpConst2, OpConst10:
			stack[sp] = in.imm
			sp++
		case OpSlot0, OpSlot1, OpSlot2, OpSlot3:
			stack[sp] = args[in.imm]
			sp++
		case OpLocalGet0, OpLocalGet1, OpLocalGet2, OpLocalGet3:
			stack[sp] = locals[in.imm]
			sp++
		case OpLocalSet0, OpLocalSet1, OpLocalSet2, OpLocalSet3:
			sp--
			locals[in.imm] = stack[sp]
		case OpLocalTee0, OpLocalTee1, OpLocalTee2, OpLocalTee3:
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
		case OpI32DivS:
			sp--
			a, b := stack[sp-1], stack[sp]
			if b == 0 {
				return 0, &TrapError{Index: pc - 1, Op: in.op, Reason: ErrDivideByZero}
			}
			if a == math.MinInt32 && b == -1 {
				return 0, &TrapError{Index: pc - 1, Op: in.op, Reason: ErrIntegerOverflow}
			}
			stack[sp-1] = a / b
		case OpI32RemS:
			sp--
			a, b := stack[sp-1], stack[sp]
			if b == 0 {
				return 0, &TrapError{Index: pc - 1, Op: in.op, Reason: ErrDivideByZero}
			}
			if b == -1 {
				stack[sp-1] = 0
			} else {
				stack[sp-1] = a % b
			}
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
		case OpLoopBegin:
			if fuel <= 0 {
				return 0, ErrFuelExhausted
			}
			fuel--
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
				tr.step(at, pc, stack[:sp], &locals, fuel)
			}
			return stack[sp-1], nil
		}
		if tr != nil && !tr.step(at, pc, stack[:sp], &locals, fuel) {
			return 0, errCut
		}
	}
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
