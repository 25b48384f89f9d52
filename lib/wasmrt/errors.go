package wasmrt

import (
	"errors"
	"fmt"

	"github.com/irsynth/irsynth/lib/ir"
)

// ExportStop is the name of the exported mutable i32 global that a module
// reads while it runs (lib/ir's modules: once per ir.StopEvery units of
// fuel) and never writes (ir.ExportStop): the Runtime sets it to 1 to stop
// a call that ran past its wall-clock limit, and the module then traps as
// on fuel exhaustion. A module without it is
// stopped by draining the fuel global instead, which does not reliably stop
// loops of a few cycles.
const ExportStop = ir.ExportStop

// Sentinel errors. Match them with errors.Is; calls wrap them with detail.
var (
	// ErrFuelExhausted: the call used up its fuel (see ir.Exec.Run).
	// errors.Is(err, ir.ErrFuelExhausted) is true as well, so callers can
	// treat the interpreter and the runtime alike.
	ErrFuelExhausted error = &linkedError{"wasmrt: fuel exhausted", ir.ErrFuelExhausted}
	// ErrTrap: the module trapped; the error is a *TrapError with the reason.
	// errors.Is(err, ir.ErrTrap) is true as well.
	ErrTrap error = &linkedError{"wasmrt: trap", ir.ErrTrap}
	// ErrTimeout: the call ran past its wall-clock limit and was stopped.
	ErrTimeout = errors.New("wasmrt: wall-clock limit exceeded")
	// ErrArgs: the number of arguments does not match the program's
	// arity. errors.Is(err, ir.ErrArgs) is true as well, as for the
	// interpreter. (ir.ErrArity is something else: a program's declared
	// arity out of range.)
	ErrArgs error = &linkedError{"wasmrt: wrong number of arguments", ir.ErrArgs}
	// ErrClosed: the Runtime or Module was closed.
	ErrClosed = errors.New("wasmrt: closed")
	// ErrBadModule: WASM bytes that do not follow the contract (an exported
	// "run" function (i32 ...) -> i32 and, for IR modules, an exported
	// mutable i32 global "fuel").
	ErrBadModule = errors.New("wasmrt: module does not follow the contract")
	// ErrConfig: a Config field out of range.
	ErrConfig = errors.New("wasmrt: invalid config")
	// ErrInternal: a panic inside wazero or this package, recovered at the
	// package boundary. The instance involved is discarded.
	ErrInternal = errors.New("wasmrt: internal error")
)

// Trap reasons that lib/ir has no sentinel for. Division by zero and
// INT_MIN / -1 use ir.ErrDivideByZero and ir.ErrIntegerOverflow, so that a
// TrapError and the interpreter's error match the same sentinel.
var (
	ErrUnreachable   = errors.New("wasmrt: unreachable executed")
	ErrStackOverflow = errors.New("wasmrt: stack overflow")
)

// TrapError is a WebAssembly trap other than fuel exhaustion.
type TrapError struct {
	// Reason is ir.ErrDivideByZero, ir.ErrIntegerOverflow, ErrUnreachable,
	// ErrStackOverflow, or an error carrying wazero's message for any other
	// trap.
	Reason error
	// Message is wazero's one-line description ("integer divide by zero").
	Message string
}

func (e *TrapError) Error() string { return "wasmrt: trap: " + e.Message }

// Unwrap lets errors.Is match ErrTrap, ir.ErrTrap and the Reason.
func (e *TrapError) Unwrap() []error { return []error{ErrTrap, e.Reason} }

// linkedError is a sentinel that also matches a sentinel of lib/ir.
type linkedError struct {
	msg  string
	link error
}

func (e *linkedError) Error() string { return e.msg }
func (e *linkedError) Unwrap() error { return e.link }

// trapReasons maps wazero's trap messages to reasons.
var trapReasons = map[string]error{
	"integer divide by zero":      ir.ErrDivideByZero,
	"integer overflow":            ir.ErrIntegerOverflow,
	"out of bounds memory access": ir.ErrMemoryBounds,
	"unreachable":                 ErrUnreachable,
	"stack overflow":              ErrStackOverflow,
}

// newTrapError classifies an error returned by a wazero call that trapped.
// wazero wraps its runtime error as "wasm error: %w\nwasm stack trace: ...",
// so the unwrapped error's text is the bare reason.
func newTrapError(err error) *TrapError {
	msg := err.Error()
	if inner := errors.Unwrap(err); inner != nil {
		msg = inner.Error()
	}
	reason, ok := trapReasons[msg]
	if !ok {
		reason = fmt.Errorf("wasmrt: %s", msg)
	}
	return &TrapError{Reason: reason, Message: msg}
}
