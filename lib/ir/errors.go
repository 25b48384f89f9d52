package ir

import (
	"errors"
	"fmt"
)

// Validation rules. A *ValidationError wraps exactly one of them, so callers
// can test the rule with errors.Is(err, ir.ErrStackUnderflow).
var (
	ErrUnknownOpcode  = errors.New("unknown opcode")
	ErrMissingStart   = errors.New("missing START")
	ErrMissingEnd     = errors.New("missing END")
	ErrMisplaced      = errors.New("START or END out of place")
	ErrUnbalanced     = errors.New("unbalanced block")
	ErrElseOutsideIf  = errors.New("ELSE outside IF")
	ErrStackUnderflow = errors.New("stack underflow")
	ErrStackHeight    = errors.New("wrong stack height")
	ErrStackTooDeep   = errors.New("stack too deep")
	ErrSlotRange      = errors.New("slot out of range")
	ErrBranchOutside  = errors.New("branch outside loop")
	ErrArity          = errors.New("arity out of range")
	ErrTooLong        = errors.New("program too long")
)

// Run-time errors, shared by the interpreter and lib/wasmrt.
var (
	// ErrFuelExhausted: the program's loops needed more fuel than it had.
	ErrFuelExhausted = errors.New("ir: fuel exhausted")
	// ErrTrap matches every *TrapError.
	ErrTrap = errors.New("ir: trap")
	// ErrDivideByZero is the reason of a trap on I32_DIV_S or I32_REM_S by zero.
	ErrDivideByZero = errors.New("integer divide by zero")
	// ErrIntegerOverflow is the reason of a trap on I32_DIV_S of INT_MIN by -1.
	ErrIntegerOverflow = errors.New("integer overflow")
	// ErrMemoryBounds is the reason of a trap on MEM_LOAD or MEM_STORE at an
	// address outside 0..MemWords-1 (WebAssembly's own words for it).
	ErrMemoryBounds = errors.New("out of bounds memory access")
	// ErrArgs: the number of arguments differs from the program's arity.
	ErrArgs = errors.New("ir: wrong number of arguments")
	// ErrFuel: a fuel budget that is negative or does not fit the module.
	ErrFuel = errors.New("ir: invalid fuel")
)

// ValidationError reports the first rule a program breaks: the index of the
// offending opcode, its text and the rule.
//
//	op 17 I32_ADD: stack underflow: needs 2, has 1
type ValidationError struct {
	Index  int    // position of the opcode in the program (0-based)
	Op     string // the opcode as written
	Rule   error  // one of the Err* rule sentinels
	Detail string // what exactly was wrong; may be empty
}

func (e *ValidationError) Error() string {
	s := fmt.Sprintf("op %d %s: %v", e.Index, e.Op, e.Rule)
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// Unwrap returns the rule, so errors.Is matches it.
func (e *ValidationError) Unwrap() error { return e.Rule }

// TrapError is a WebAssembly trap raised while running a program: the
// opcode that trapped and why (ErrDivideByZero, ErrIntegerOverflow,
// ErrMemoryBounds).
type TrapError struct {
	Index  int // opcode index, -1 when unknown (a trap reported by a WASM engine)
	Op     Op
	Reason error
}

func (e *TrapError) Error() string {
	if e.Index < 0 {
		return fmt.Sprintf("ir: trap: %v", e.Reason)
	}
	return fmt.Sprintf("ir: trap at op %d %s: %v", e.Index, e.Op, e.Reason)
}

// Is makes errors.Is(err, ErrTrap) true for every TrapError.
func (e *TrapError) Is(target error) bool { return target == ErrTrap }

// Unwrap returns the reason.
func (e *TrapError) Unwrap() error { return e.Reason }

func verr(i int, op string, rule error, format string, args ...any) *ValidationError {
	return &ValidationError{Index: i, Op: op, Rule: rule, Detail: fmt.Sprintf(format, args...)}
}
